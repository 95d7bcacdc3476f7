"""The stages of one generation: the loop written out over the pipeline's parts makes generate()'s very
image, its x̂0 is the schedulers' own estimate of the clean image, and a pixel-space model is shown as such."""

import numpy as np
import pytest
import torch
from diffusers import DDIMScheduler, EulerDiscreteScheduler

from services.common.errors import UserError
from services.diffusion import generate, stages
from services.diffusion.generate import GenRequest
from services.diffusion.own import model as own
from services.diffusion.own import sampling
from tests.diffusion.pixel_model import pixel_model as pixel_space_model

pytestmark = pytest.mark.usefixtures("one_torch_thread")

# SD 1.5's noise schedule; it never clips x̂0 (DDIM's default would clip it to [-1, 1])
SD_SCHEDULE = {"beta_start": 0.00085, "beta_end": 0.012, "beta_schedule": "scaled_linear", "steps_offset": 1}


def _request(**changes) -> GenRequest:
    fields = {"prompt": "a red circle", "steps": 6, "width": 64, "height": 64, "seed": 5, "cfg_scale": 7.0}
    return GenRequest(**(fields | changes))


@pytest.fixture
def model(tiny):
    return tiny[0]


@pytest.mark.parametrize("sampler", ["Euler a", "DPM++ 2M"])
def test_the_strip_ends_in_the_image_generate_makes(model, sampler):
    request = _request(sampler=sampler)
    strip = stages.run(model, request)
    (made,) = generate.generate(model, request)
    assert np.array_equal(np.asarray(strip.decode(strip.result)), np.asarray(made.image))
    assert strip.steps == 6 and len(strip.noisy) == len(strip.predicted) == 6
    assert not strip.pixel_space and strip.seconds > 0
    assert tuple(strip.noisy[0].shape) == (1, 4, 8, 8)  # the 64 px picture's latent


@pytest.mark.parametrize("sampler", ["Euler", "DPM++ 2M", "UniPC"])
def test_the_last_prediction_of_the_clean_image_is_the_result(model, sampler):
    """Deterministic samplers end by stepping to x̂0 itself; on the way the estimate moves towards it."""
    strip = stages.run(model, _request(sampler=sampler, steps=8))
    torch.testing.assert_close(strip.predicted[-1], strip.result, atol=1e-4, rtol=1e-4)

    def away(step: int) -> float:
        return float((strip.predicted[step] - strip.result).abs().mean())

    assert away(0) > away(4) > away(7)


@pytest.mark.parametrize("scheduler_class", [EulerDiscreteScheduler, DDIMScheduler])
@pytest.mark.parametrize("prediction_type", ["epsilon", "v_prediction"])
def test_x0_is_the_schedulers_own_estimate(scheduler_class, prediction_type):
    clip = {"clip_sample": False} if scheduler_class is DDIMScheduler else {}
    scheduler = scheduler_class(**SD_SCHEDULE, **clip, prediction_type=prediction_type)
    scheduler.set_timesteps(10)
    alpha_bars = stages._alpha_bars(scheduler, len(scheduler.timesteps))
    x = torch.randn(1, 4, 8, 8, generator=torch.Generator().manual_seed(0)) * scheduler.init_noise_sigma
    for i, t in enumerate(scheduler.timesteps[:4]):
        output = torch.randn(1, 4, 8, 8, generator=torch.Generator().manual_seed(i + 1))
        x_in = scheduler.scale_model_input(x, t)
        mine = stages.clean_estimate(x_in, output, alpha_bars[i], prediction_type)
        step = scheduler.step(output, t, x)
        torch.testing.assert_close(mine, step.pred_original_sample, atol=1e-4, rtol=1e-4)
        x = step.prev_sample


def test_each_step_is_drawn_as_three_pictures(model):
    strip = stages.run(model, _request(steps=4))
    first, last = strip.pictures(0), strip.pictures(4)
    assert set(first) == set(stages.ROWS)
    assert first["noisy"].size == first["predicted"].size == (64, 64)
    assert first["latent"].size == (4 * 8 + 3, 8)  # four 8 px channels, a one-pixel gap between
    # at the end the latent is the result, and the prediction is it too
    assert np.array_equal(np.asarray(last["noisy"]), np.asarray(last["predicted"]))
    assert np.array_equal(np.asarray(last["noisy"]), np.asarray(strip.decode(strip.result)))
    assert strip.pictures(0) is first  # decoded once
    with pytest.raises(UserError) as error:
        strip.pictures(5)
    assert error.value.key == "sd.qa.err.step"


def test_a_strip_needs_one_txt2img_image_of_a_known_seed(model):
    with pytest.raises(UserError) as error:
        stages.run(model, _request(seed=-1))
    assert error.value.key == "sd.qa.err.seed"
    with pytest.raises(UserError) as error:
        stages.start(model, _request(mode="img2img"))
    assert error.value.key == "sd.err.mode"


@pytest.fixture
def pixel_model(tmp_path):
    return pixel_space_model(tmp_path)


def test_a_pixel_space_model_is_denoised_as_its_own_sampler_does(pixel_model):
    request = _request(prompt="коло", negative_prompt="квадрат", cfg_scale=3.0, sampler="DPM++ 2M", width=64)
    strip = stages.run(pixel_model, request)
    loaded = own.load(pixel_model)
    expected, _ = sampling.denoise(loaded, [0], [1], [5], 6, 3.0, "DPM++ 2M")
    torch.testing.assert_close(strip.result.clamp(-1, 1), expected, atol=1e-5, rtol=1e-5)
    assert strip.pixel_space and tuple(strip.noisy[0].shape) == (1, 1, 32, 32)
    picture = strip.pictures(strip.steps)["noisy"]
    assert picture.size == (32, 32) and picture.mode == "L"
