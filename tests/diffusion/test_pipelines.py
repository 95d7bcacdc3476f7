"""Loading a model's pipelines: once per process, shared; offline and broken models say what to do."""

from pathlib import Path

import numpy as np
import pytest

from benchmarks.diffusion import psnr
from services.common.model_cache import RESIDENT
from services.diffusion import pipelines
from services.diffusion.generate import generate
from services.diffusion.models import model_ref
from tests.diffusion.a1111_checkpoint import write_checkpoint
from tests.diffusion.inputs import cut_network, pixels, request, user_error


@pytest.fixture
def no_network(monkeypatch):
    cut_network(monkeypatch)


def test_a_model_is_loaded_once_and_its_modes_share_the_weights(tiny):
    ref, _ = tiny
    model = pipelines.load(ref)
    assert pipelines.load(ref) is model and pipelines.is_loaded(ref)  # loaded once, shared
    assert ref.label in RESIDENT.labels()
    assert set(model.pipes) == {"txt2img", "img2img", "inpaint"}
    assert model.pipes["inpaint"].unet is model.pipes["txt2img"].unet  # one set of weights


def test_a_broken_folder_or_file_is_a_message(tmp_path):
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "model_index.json").write_text("{not json")
    assert user_error(pipelines.load, model_ref("folder", str(broken))).key == "sd.err.bad_folder"
    garbage = tmp_path / "garbage.safetensors"
    garbage.write_bytes(b"\x00" * 64)
    assert user_error(pipelines.load, model_ref("file", str(garbage))).key == "sd.err.bad_file"


def test_an_unreachable_hub_asks_to_download_once_or_go_local(no_network):
    ref = model_ref("hub", "genlab-tests/no-such-model")
    error = user_error(pipelines.load, ref)
    assert error.key == "sd.err.hub_offline" and error.params["id"] == "genlab-tests/no-such-model"


def test_a_single_file_checkpoint_works_offline_with_a_local_config(tiny, tmp_path, no_network):
    ref, _ = tiny
    file = write_checkpoint(Path(ref.id), tmp_path / "my-model.safetensors")
    single = model_ref("file", str(file), config=ref.id)
    assert single.kind == "single_file" and single.label == "my-model"
    (from_file,) = generate(single, request())
    (from_folder,) = generate(ref, request())
    assert np.array_equal(pixels(from_file.image), pixels(from_folder.image))  # the same weights
    # without a config, diffusers must fetch one from the hub: offline that is a clear message
    error = user_error(pipelines.load, model_ref("file", str(file)))
    assert error.key == "sd.err.single_file_offline"


def test_the_precision_follows_the_device_and_the_servers_choice(monkeypatch):
    import torch

    fast = {"cpu": False, "cuda": True, "mps": False}
    monkeypatch.setattr(pipelines.compute, "fast_bfloat16", lambda kind: fast[kind])
    monkeypatch.delenv(pipelines.PRECISION_SETTING, raising=False)
    auto = {device: pipelines._dtype(device) for device in fast}
    assert auto == {"cpu": torch.float32, "cuda": torch.float16, "mps": torch.float16}
    monkeypatch.setenv(pipelines.PRECISION_SETTING, "bf16")  # where the GPU computes it
    assert [pipelines._dtype(d) for d in fast] == [torch.float32, torch.bfloat16, torch.float16]
    monkeypatch.setenv(pipelines.PRECISION_SETTING, "fp32")
    assert {pipelines._dtype(d) for d in fast} == {torch.float32}
    fast["cpu"] = True  # a CPU with AMX
    monkeypatch.setenv(pipelines.PRECISION_SETTING, "auto")
    assert pipelines._dtype("cpu") == torch.bfloat16


def test_bfloat16_on_a_cpu_draws_the_float32_image_closely(tiny, monkeypatch):
    """What a CPU with AMX draws in bfloat16 (forced here, where float32 is faster) stays close to float32."""
    import torch

    ref, _ = tiny
    (fp32,) = generate(ref, request())
    monkeypatch.setattr(pipelines.compute, "fast_bfloat16", lambda kind: True)
    assert pipelines.load(ref).dtype == torch.bfloat16  # a model of its own, beside the float32 one
    (bf16,) = generate(ref, request())
    assert psnr(bf16.image, fp32.image) > 35  # dB; measured ~47 for the demo model
