"""What the latent space saves, measured: values in a picture and its latent, the U-Net's time at
both resolutions, and the steps better samplers need to reach the same picture."""

import pytest

from services.common import jobs
from services.diffusion import costs
from services.diffusion.generate import GenRequest
from tests.diffusion.pixel_model import pixel_model as pixel_space_model

pytestmark = pytest.mark.usefixtures("one_torch_thread")


@pytest.fixture
def model(tiny):
    return tiny[0]


@pytest.fixture
def pixel_model(tmp_path):
    return pixel_space_model(tmp_path)


def _request(**changes) -> GenRequest:
    fields = {"prompt": "a red circle", "steps": 6, "width": 64, "height": 64, "seed": 5, "cfg_scale": 7.0}
    return GenRequest(**(fields | changes))


def test_a_512_picture_holds_48_times_the_values_of_its_latent(model):
    found = costs.values(model, 512, 512)
    assert found == {
        "pixel_space": False,
        "factor": 8,
        "pixels": 512 * 512 * 3,
        "latent": (4, 64, 64),
        "latent_values": 16_384,
    }
    assert found["pixels"] / found["latent_values"] == 48
    assert costs.values(model, 768, 512)["latent"] == (4, 64, 96)


def test_a_pixel_space_model_has_no_latent_to_save_with(pixel_model):
    found = costs.values(pixel_model, 64, 64)
    assert found == {"pixel_space": True, "pixels": 1024, "latent": (1, 32, 32), "latent_values": 1024}
    times = costs.unet_times(pixel_model, 128)
    assert times["latent"] is None and times["pixel"] > 0 and times["side"] == 32


def test_the_u_net_takes_longer_on_the_pixels_than_on_the_latent(model):
    times = costs.unet_times(model, 128)  # 16 x 16 against 128 x 128: 64 times the positions
    assert times["side"] == 128
    assert times["pixel"] > 5 * times["latent"] > 0


def test_a_higher_order_sampler_gets_closer_in_the_same_steps(model, monkeypatch):
    monkeypatch.setattr(costs, "SAMPLERS", ("Euler", "DPM++ 2M", "Heun"))
    monkeypatch.setattr(costs, "STEP_COUNTS", (2, 8, 32))
    monkeypatch.setattr(costs, "REFERENCE_STEPS", 64)
    runs = []
    found = costs.sampler_steps(model, _request(width=128, height=128), lambda done, total: runs.append(done))
    assert runs == list(range(1, 1 + 3 * 3 + 1))
    for sampler, measured in found.items():  # more steps, closer to the converged picture
        distances = measured["distances"]
        assert distances[0] > distances[1] > distances[2], sampler
    assert found["DPM++ 2M"]["distances"][1] < found["Euler"]["distances"][1]  # second order beats first
    for measured in found.values():
        if measured["steps"] is not None:
            assert measured["distances"][costs.STEP_COUNTS.index(measured["steps"])] <= costs.TOLERANCE
    heun = found["Heun"]
    if heun["steps"] is not None:  # a second-order step calls the U-Net twice (but the last)
        assert heun["calls"] == 2 * heun["steps"] - 1


def test_a_measurement_is_kept_as_the_model_s_newest(model, monkeypatch):
    monkeypatch.setattr(costs, "SAMPLERS", ("Euler",))
    monkeypatch.setattr(costs, "STEP_COUNTS", (2, 4))
    monkeypatch.setattr(costs, "REFERENCE_STEPS", 8)
    assert costs.kept() is None and costs.kept(model) is None
    job = costs.start(model, _request(seed=-1), side=64, owner="o" * 32)
    assert job.wait(120) and job.snapshot().state == jobs.DONE, job.snapshot().error
    result = job.snapshot().result
    assert costs.kept(model) == costs.kept() == _jsonable(result)
    assert result["model"] == model.label and result["size"] == [64, 64]
    assert set(result) == {"model", "size", "device", "values", "unet", "samplers", "measured"}
    assert jobs.find(costs.JOB_KIND, "o" * 32)[0] is job  # a reload finds it by its owner


def _jsonable(result: dict) -> dict:
    import json

    return json.loads(json.dumps(result))
