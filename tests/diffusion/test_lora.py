"""LoRA files: checked, uploaded safely, loaded into the tiny model and unloaded again."""

from pathlib import Path

import numpy as np
import pytest

from services.diffusion import lora, pipelines
from services.diffusion.generate import generate
from tests.diffusion.inputs import lora_bytes, pixels, request, user_error


def test_lora_changes_the_image_and_unloading_restores_it(tiny):
    ref, lora_file = tiny
    base = pixels(generate(ref, request())[0].image)
    full = lora.check(str(lora_file), 1.0)
    (with_lora,) = generate(ref, request(loras=(full,)))
    assert np.abs(pixels(with_lora.image) - base).mean() > 1
    assert 'Lora weights: "tiny-lora: 1"' in with_lora.parameters
    # the same file at weight 0 changes nothing; without it the base model is back
    (zero,) = generate(ref, request(loras=(lora.check(str(lora_file), 0.0),)))
    assert np.array_equal(pixels(zero.image), base)
    (after,) = generate(ref, request())
    assert np.array_equal(pixels(after.image), base)
    assert pipelines.load(ref).loras == ()


def test_a_lora_for_another_model_is_refused_and_leaves_the_model_clean(tiny, tmp_path):
    import torch
    from safetensors.torch import save_file

    ref, lora_file = tiny
    base = pixels(generate(ref, request())[0].image)
    # a kohya-style LoRA for a model with attention where the demo's U-Net has none
    other = tmp_path / "other-model-lora.safetensors"
    module = "lora_unet_down_blocks_0_attentions_0_proj_in"
    save_file(
        {f"{module}.lora_down.weight": torch.zeros(4, 8), f"{module}.lora_up.weight": torch.zeros(8, 4)},
        str(other),
    )
    good = lora.check(str(lora_file), 1.0)
    bad = lora.check(str(other), 1.0)
    assert user_error(generate, ref, request(loras=(good, bad))).key == "sd.err.lora_load"
    assert pipelines.load(ref).loras == ()
    assert np.array_equal(pixels(generate(ref, request())[0].image), base)
    (with_good,) = generate(ref, request(loras=(good,)))  # its adapter name is free again
    assert np.abs(pixels(with_good.image) - base).mean() > 1


def test_lora_files_are_checked(tmp_path, tiny):
    import torch
    from safetensors.torch import save_file

    _, lora_file = tiny
    assert lora.check(str(lora_file), 0.8).name == "tiny-lora"
    assert user_error(lora.check, str(tmp_path / "a.pt")).key == "sd.err.not_safetensors"
    assert user_error(lora.check, str(lora_file), 9.0).key == "sd.err.lora_weight"
    other = tmp_path / "weights.safetensors"
    save_file({"conv.weight": torch.zeros(2)}, str(other))
    assert user_error(lora.check, str(other)).key == "sd.err.bad_lora"


def test_a_lora_path_on_the_server_is_read_only_under_the_allowed_folders(tmp_path, monkeypatch, tiny):
    _, lora_file = tiny
    allowed, outside = tmp_path / "data", tmp_path / "private"
    for folder in (allowed, outside):
        folder.mkdir()
        (folder / "style.safetensors").write_bytes(lora_file.read_bytes())
    monkeypatch.setenv("GENLAB_DATA_ROOTS", str(allowed))
    assert lora.on_server(f"  {allowed / 'style.safetensors'}  ", 0.5) == lora.Lora(
        str((allowed / "style.safetensors").resolve()), 0.5
    )
    # an empty field asks for a path (it once answered with the text about .ckpt files)
    assert user_error(lora.on_server, "  ").key == "sd.err.no_lora_path"
    assert user_error(lora.on_server, str(allowed / "style.ckpt")).key == "sd.err.not_safetensors"
    # outside the allowed folders, existing or not: one answer, which tells nothing about the disk
    there = user_error(lora.on_server, str(outside / "style.safetensors"))
    missing = user_error(lora.on_server, str(outside / "missing.safetensors"))
    assert there.key == missing.key == "common.path_unavailable" and there.params == missing.params
    assert user_error(lora.on_server, str(allowed / "missing.safetensors")).params == there.params


@pytest.mark.parametrize(
    ("name", "stored"),
    [
        ("style.safetensors", "style.safetensors"),
        ("../../outside.safetensors", "outside.safetensors"),
        ("..\\..\\windows path.SafeTensors", "windows_path.safetensors"),
        ("/etc/passwd\x00.safetensors", "passwd.safetensors"),
        ("...safetensors", "lora.safetensors"),
        ("стиль акварелі.safetensors", "стиль_акварелі.safetensors"),
    ],
)
def test_an_uploaded_lora_keeps_no_path_from_its_name(name, stored, isolated_cache):
    file = lora.save_upload(name, lora_bytes())
    assert file.name == stored and file.is_file()
    assert file.parent.parent == isolated_cache / "loras"
    assert lora.check(str(file)).name == Path(stored).stem


def test_an_uploaded_lora_is_kept_once_and_a_bad_one_not_at_all(isolated_cache):
    first = lora.save_upload("a.safetensors", lora_bytes())
    assert lora.save_upload("a.safetensors", lora_bytes()) == first
    other = lora.save_upload("a.safetensors", lora_bytes("text.lora_B.weight"))
    assert other != first and first.is_file()  # the same name, other content: both kept
    assert user_error(lora.save_upload, "a.ckpt", b"x").key == "sd.err.not_safetensors"
    assert user_error(lora.save_upload, "b.safetensors", b"garbage").key == "sd.err.bad_lora"
    error = user_error(lora.save_upload, "c.safetensors", lora_bytes("conv.weight"))
    assert error.key == "sd.err.bad_lora" and error.params["path"] == "c.safetensors"
    kept = sorted(p.name for p in (isolated_cache / "loras").rglob("*") if p.is_file())
    assert kept == ["a.safetensors", "a.safetensors"]
