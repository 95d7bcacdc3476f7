"""Lab 2 generation on the tiny offline pipeline: every mode, seeds, LoRA, interrupting, and errors."""

import socket
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image, ImageDraw

from i18n import TABLE
from services.common.errors import UserError
from services.common.model_cache import RESIDENT
from services.diffusion import infotext as png_info
from services.diffusion import pipelines as diffusion
from tests.diffusion.a1111_checkpoint import write_checkpoint


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    """The demo model and its LoRA, built once for this module in a cache of its own."""
    patch = pytest.MonkeyPatch()
    patch.setenv("GENLAB_CACHE", str(tmp_path_factory.mktemp("tiny-cache")))
    try:
        yield diffusion.tiny_model(), diffusion.tiny_lora()
    finally:
        patch.undo()


def _request(**changes) -> diffusion.GenRequest:
    fields = {"prompt": "a red fox in the snow", "steps": 3, "width": 64, "height": 64, "seed": 7} | changes
    return diffusion.GenRequest(**fields)


def _pixels(image) -> np.ndarray:
    return np.asarray(image.convert("RGB"), dtype=np.int16)


def _picture(size=(80, 56)) -> Image.Image:
    image = Image.new("RGB", size, (30, 90, 200))
    ImageDraw.Draw(image).ellipse([10, 8, 60, 48], fill=(240, 120, 20))
    return image


def _user_error(call, *args, **kwargs) -> UserError:
    with pytest.raises(UserError) as caught:
        call(*args, **kwargs)
    assert caught.value.key in TABLE, caught.value.key
    return caught.value


def test_tiny_model_is_a_saved_diffusers_folder_with_random_weights(tiny):
    ref, _ = tiny
    folder = Path(ref.id)
    assert ref.kind == "tiny" and ref.is_tiny and "random weights" in ref.label
    assert (folder / "model_index.json").is_file() and (folder / "unet").is_dir()
    assert (folder / "tokenizer").is_dir()  # a tokenizer made on the spot: nothing is downloaded
    model = diffusion.load(ref)
    assert diffusion.load(ref) is model and diffusion.is_loaded(ref)  # loaded once, shared
    assert ref.label in RESIDENT.labels()
    assert set(model.pipes) == {"txt2img", "img2img", "inpaint"}
    assert model.pipes["inpaint"].unet is model.pipes["txt2img"].unet  # one set of weights


def test_txt2img_follows_a1111_seeds_and_reports_steps(tiny):
    ref, _ = tiny
    steps = []
    images = diffusion.generate(ref, _request(batch_count=2), on_step=lambda *a: steps.append(a))
    assert [g.seed for g in images] == [7, 8]
    assert steps == [(1, 3, 0), (2, 3, 0), (3, 3, 0), (1, 3, 1), (2, 3, 1), (3, 3, 1)]
    assert all(g.image.size == (64, 64) and g.seconds > 0 and not g.interrupted for g in images)
    # the second image is reproduced on its own from its seed; a new seed gives a new image
    (alone,) = diffusion.generate(ref, _request(seed=8))
    assert np.array_equal(_pixels(alone.image), _pixels(images[1].image))
    assert np.abs(_pixels(images[0].image) - _pixels(images[1].image)).mean() > 5
    # every PNG carries its A1111 infotext
    text = png_info.read_parameters(images[1].png_bytes())
    assert text == images[1].parameters
    parsed = png_info.parse_parameters(text)
    assert (parsed["seed"], parsed["steps"], parsed["sampler"], parsed["width"]) == (8, 3, "Euler a", 64)
    assert parsed["prompt"] == "a red fox in the snow" and parsed["model"] == ref.label


def test_a_batch_makes_the_same_images_as_single_runs(tiny):
    ref, _ = tiny
    batch = diffusion.generate(ref, _request(batch_size=2, seed=11, sampler="DPM++ 2M Karras"))
    assert [g.seed for g in batch] == [11, 12]
    (single,) = diffusion.generate(ref, _request(seed=12, sampler="DPM++ 2M Karras"))
    assert np.abs(_pixels(single.image) - _pixels(batch[1].image)).max() <= 2  # batched float maths only


def test_samplers_switch_back_and_forth_without_leaking_state(tiny):
    ref, _ = tiny
    (euler,) = diffusion.generate(ref, _request(sampler="Euler a"))
    (dpm,) = diffusion.generate(ref, _request(sampler="DPM++ 2M Karras"))
    (euler_again,) = diffusion.generate(ref, _request(sampler="euler a"))
    assert np.array_equal(_pixels(euler.image), _pixels(euler_again.image))
    assert not np.array_equal(_pixels(euler.image), _pixels(dpm.image))
    assert "Sampler: DPM++ 2M Karras" in dpm.parameters and "Sampler: Euler a" in euler_again.parameters


def test_a_random_seed_is_returned_and_reproduces(tiny):
    ref, _ = tiny
    (first,) = diffusion.generate(ref, _request(seed=-1))
    assert 0 <= first.seed < 2**32
    (again,) = diffusion.generate(ref, _request(seed=first.seed))
    assert np.array_equal(_pixels(first.image), _pixels(again.image))


def test_img2img_resizes_the_picture_and_uses_the_strength(tiny):
    ref, _ = tiny
    steps = []
    (weak,) = diffusion.generate(
        ref,
        _request(mode="img2img", init_image=_picture(), strength=0.5, steps=4, width=72),
        on_step=lambda *a: steps.append(a),
    )
    assert weak.image.size == (72, 64)
    assert steps[-1] == (2, 2, 0)  # strength 0.5 of 4 steps: the last 2 of the schedule
    assert "Denoising strength: 0.5" in weak.parameters
    (strong,) = diffusion.generate(
        ref, _request(mode="img2img", init_image=_picture(), strength=1.0, width=72)
    )
    assert np.abs(_pixels(weak.image) - _pixels(strong.image)).mean() > 1


def test_inpaint_repaints_only_the_masked_part(tiny):
    ref, _ = tiny
    picture = _picture((64, 64))
    mask = Image.new("L", (64, 64), 0)
    ImageDraw.Draw(mask).rectangle([16, 16, 47, 47], fill=255)
    (result,) = diffusion.generate(ref, _request(mode="inpaint", init_image=picture, mask=mask, strength=1.0))
    changed = np.abs(_pixels(result.image) - _pixels(picture)).sum(axis=2) > 0
    assert not changed[np.asarray(mask) == 0].any()  # outside the mask: the original, as A1111 keeps it
    assert changed[np.asarray(mask) == 255].mean() > 0.5


def test_lora_changes_the_image_and_unloading_restores_it(tiny):
    ref, lora_file = tiny
    base = _pixels(diffusion.generate(ref, _request())[0].image)
    lora = diffusion.check_lora(str(lora_file), 1.0)
    (with_lora,) = diffusion.generate(ref, _request(loras=(lora,)))
    assert np.abs(_pixels(with_lora.image) - base).mean() > 1
    assert 'Lora weights: "tiny-lora: 1"' in with_lora.parameters
    # the same file at weight 0 (as a plain pair) changes nothing; without it the base model is back
    (zero,) = diffusion.generate(ref, _request(loras=((str(lora_file), 0.0),)))
    assert np.array_equal(_pixels(zero.image), base)
    (after,) = diffusion.generate(ref, _request())
    assert np.array_equal(_pixels(after.image), base)
    assert diffusion.load(ref).loras == ()


@pytest.mark.skipif(not torch.cuda.is_available(), reason="CUDA graphs need an NVIDIA GPU")
def test_the_unet_replayed_from_cuda_graphs_makes_the_same_images(tiny):
    ref, lora_file = tiny
    graphs = diffusion.load(ref).unet_graphs
    graphs.reset()
    (replayed,) = diffusion.generate(ref, _request(steps=4))
    assert len(graphs.graphs) == 1  # run once, recorded at the second step, replayed after
    graphs.enabled = False
    try:
        (eager,) = diffusion.generate(ref, _request(steps=4))
    finally:
        graphs.enabled = True
    assert np.abs(_pixels(replayed.image) - _pixels(eager.image)).max() <= 1
    # a LoRA changes the modules: it runs eagerly, and afterwards the base model is recorded anew
    diffusion.generate(ref, _request(loras=((str(lora_file), 1.0),)))
    assert not graphs.graphs
    (again,) = diffusion.generate(ref, _request(steps=4))
    assert len(graphs.graphs) == 1 and np.array_equal(_pixels(again.image), _pixels(replayed.image))


def test_a_lora_for_another_model_is_refused_and_leaves_the_model_clean(tiny, tmp_path):
    import torch
    from safetensors.torch import save_file

    ref, lora_file = tiny
    base = _pixels(diffusion.generate(ref, _request())[0].image)
    # a kohya-style LoRA for a model with attention where the demo's U-Net has none
    other = tmp_path / "other-model-lora.safetensors"
    module = "lora_unet_down_blocks_0_attentions_0_proj_in"
    save_file(
        {f"{module}.lora_down.weight": torch.zeros(4, 8), f"{module}.lora_up.weight": torch.zeros(8, 4)},
        str(other),
    )
    good = diffusion.check_lora(str(lora_file), 1.0)
    bad = diffusion.check_lora(str(other), 1.0)
    assert _user_error(diffusion.generate, ref, _request(loras=(good, bad))).key == "sd.err.lora_load"
    assert diffusion.load(ref).loras == ()
    assert np.array_equal(_pixels(diffusion.generate(ref, _request())[0].image), base)
    (with_good,) = diffusion.generate(ref, _request(loras=(good,)))  # its adapter name is free again
    assert np.abs(_pixels(with_good.image) - base).mean() > 1


def test_interrupt_stops_within_the_batch_and_skips_the_rest(tiny):
    ref, _ = tiny
    steps = []
    images = diffusion.generate(
        ref,
        _request(steps=20, batch_count=3),
        on_step=lambda *a: steps.append(a),
        should_stop=lambda: len(steps) >= 2,
    )
    assert len(images) == 1 and images[0].interrupted
    assert len(steps) == 2


@pytest.mark.parametrize(
    ("changes", "key"),
    [
        ({"prompt": "   "}, "sd.err.empty_prompt"),
        ({"width": 100}, "sd.err.size_multiple"),
        ({"height": 4096}, "sd.err.size_range"),
        ({"width": 56}, "sd.err.size_range"),
        ({"steps": 0}, "sd.err.steps"),
        ({"steps": 151}, "sd.err.steps"),
        ({"cfg_scale": 31.0}, "sd.err.cfg"),
        ({"batch_count": 0}, "sd.err.batch_count"),
        ({"batch_size": 9}, "sd.err.batch_size"),
        ({"seed": 2**32}, "sd.err.seed"),
        ({"sampler": "Euler z"}, "sd.err.sampler"),
        ({"mode": "outpaint"}, "sd.err.mode"),
        ({"mode": "img2img"}, "sd.err.need_image"),
        ({"mode": "img2img", "init_image": Image.new("RGB", (64, 64)), "strength": 0.0}, "sd.err.strength"),
        (
            {"mode": "img2img", "init_image": Image.new("RGB", (64, 64)), "steps": 2, "strength": 0.3},
            "sd.err.strength_steps",
        ),
        ({"mode": "inpaint", "init_image": Image.new("RGB", (64, 64))}, "sd.err.need_mask"),
        (
            {"mode": "inpaint", "init_image": Image.new("RGB", (64, 64)), "mask": Image.new("L", (32, 64))},
            "sd.err.mask_size",
        ),
    ],
)
def test_bad_requests_are_refused_with_translated_messages(changes, key):
    error = _user_error(_request(**changes).check)
    assert error.key == key


def test_generate_refuses_before_loading_anything():
    missing = diffusion.ModelRef("folder", "/nowhere/at/all", "nowhere")
    assert _user_error(diffusion.generate, missing, _request(width=100)).key == "sd.err.size_multiple"
    assert not diffusion.is_loaded(missing)


def test_missing_or_bad_models_say_what_to_do(tmp_path):
    assert _user_error(diffusion.model_ref, "hub", "not a hub id").key == "sd.err.hub_id"
    assert _user_error(diffusion.model_ref, "folder", str(tmp_path / "none")).key == "sd.err.no_folder"
    assert (
        _user_error(diffusion.model_ref, "file", str(tmp_path / "model.ckpt")).key == "sd.err.not_safetensors"
    )
    assert _user_error(diffusion.model_ref, "file", str(tmp_path / "x.safetensors")).key == "sd.err.no_file"
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "model_index.json").write_text("{not json")
    assert _user_error(diffusion.load, diffusion.model_ref("folder", str(broken))).key == "sd.err.bad_folder"
    garbage = tmp_path / "garbage.safetensors"
    garbage.write_bytes(b"\x00" * 64)
    assert _user_error(diffusion.load, diffusion.model_ref("file", str(garbage))).key == "sd.err.bad_file"


@pytest.fixture
def no_network(monkeypatch):
    """No machine can be reached, as on a laptop without internet."""

    def unreachable(*args, **kwargs):
        raise OSError("network is unreachable (test)")

    monkeypatch.setattr(socket, "getaddrinfo", unreachable)
    monkeypatch.setattr(socket.socket, "connect", unreachable)


def test_an_unreachable_hub_asks_to_download_once_or_go_local(no_network):
    ref = diffusion.model_ref("hub", "genlab-tests/no-such-model")
    error = _user_error(diffusion.load, ref)
    assert error.key == "sd.err.hub_offline" and error.params["id"] == "genlab-tests/no-such-model"


def test_a_single_file_checkpoint_works_offline_with_a_local_config(tiny, tmp_path, no_network):
    ref, _ = tiny
    file = write_checkpoint(Path(ref.id), tmp_path / "my-model.safetensors")
    single = diffusion.model_ref("file", str(file), config=ref.id)
    assert single.kind == "single_file" and single.label == "my-model"
    (from_file,) = diffusion.generate(single, _request())
    (from_folder,) = diffusion.generate(ref, _request())
    assert np.array_equal(_pixels(from_file.image), _pixels(from_folder.image))  # the same weights
    # without a config, diffusers must fetch one from the hub: offline that is a clear message
    error = _user_error(diffusion.load, diffusion.model_ref("file", str(file)))
    assert error.key == "sd.err.single_file_offline"


def test_lora_files_are_checked(tmp_path, tiny):
    import torch
    from safetensors.torch import save_file

    _, lora_file = tiny
    assert diffusion.check_lora(str(lora_file), 0.8).name == "tiny-lora"
    assert _user_error(diffusion.check_lora, str(tmp_path / "a.pt")).key == "sd.err.not_safetensors"
    assert _user_error(diffusion.check_lora, str(lora_file), 9.0).key == "sd.err.lora_weight"
    other = tmp_path / "weights.safetensors"
    save_file({"conv.weight": torch.zeros(2)}, str(other))
    assert _user_error(diffusion.check_lora, str(other)).key == "sd.err.bad_lora"


def test_a_single_files_config_is_a_diffusers_folder_or_a_hub_id(tiny, tmp_path):
    ref, _ = tiny
    file = tmp_path / "model.safetensors"
    file.write_bytes(b"")
    assert diffusion.model_ref("file", str(file)).config is None
    assert diffusion.model_ref("file", str(file), config="  ").config is None
    assert diffusion.model_ref("file", str(file), config=ref.id).config == str(Path(ref.id).resolve())
    assert diffusion.model_ref("file", str(file), config="owner/name").config == "owner/name"
    (tmp_path / "empty").mkdir()
    error = _user_error(diffusion.model_ref, "file", str(file), config=str(tmp_path / "empty"))
    assert error.key == "sd.err.no_folder"
    error = _user_error(diffusion.model_ref, "file", str(file), config=str(tmp_path / "a" / "b" / "c"))
    assert error.key == "sd.err.no_config"


def _lora_bytes(key: str = "unet.down.lora_A.weight") -> bytes:
    import torch
    from safetensors.torch import save

    return save({key: torch.zeros(4, 8)})


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
    file = diffusion.save_uploaded_lora(name, _lora_bytes())
    assert file.name == stored and file.is_file()
    assert file.parent.parent == isolated_cache / "loras"
    assert diffusion.check_lora(str(file)).name == Path(stored).stem


def test_an_uploaded_lora_is_kept_once_and_a_bad_one_not_at_all(isolated_cache):
    first = diffusion.save_uploaded_lora("a.safetensors", _lora_bytes())
    assert diffusion.save_uploaded_lora("a.safetensors", _lora_bytes()) == first
    other = diffusion.save_uploaded_lora("a.safetensors", _lora_bytes("text.lora_B.weight"))
    assert other != first and first.is_file()  # the same name, other content: both kept
    assert _user_error(diffusion.save_uploaded_lora, "a.ckpt", b"x").key == "sd.err.not_safetensors"
    assert _user_error(diffusion.save_uploaded_lora, "b.safetensors", b"garbage").key == "sd.err.bad_lora"
    error = _user_error(diffusion.save_uploaded_lora, "c.safetensors", _lora_bytes("conv.weight"))
    assert error.key == "sd.err.bad_lora" and error.params["path"] == "c.safetensors"
    kept = sorted(p.name for p in (isolated_cache / "loras").rglob("*") if p.is_file())
    assert kept == ["a.safetensors", "a.safetensors"]
