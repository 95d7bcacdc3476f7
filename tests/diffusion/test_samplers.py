"""A1111 sampler names map onto diffusers schedulers built on the model's own noise schedule."""

import pytest

from i18n import TABLE
from services.common.errors import UserError
from services.diffusion import samplers

SD15_SCHEDULE = {  # the scheduler config SD 1.5 ships with
    "beta_start": 0.00085,
    "beta_end": 0.012,
    "beta_schedule": "scaled_linear",
    "num_train_timesteps": 1000,
    "steps_offset": 1,
    "prediction_type": "epsilon",
}


def _base_config():
    from diffusers import PNDMScheduler

    return PNDMScheduler(**SD15_SCHEDULE, skip_prk_steps=True).config


@pytest.mark.parametrize(
    ("name", "cls", "config"),
    [
        ("Euler a", "EulerAncestralDiscreteScheduler", {}),
        ("Euler", "EulerDiscreteScheduler", {}),
        (
            "DPM++ 2M",
            "DPMSolverMultistepScheduler",
            {"algorithm_type": "dpmsolver++", "use_karras_sigmas": False},
        ),
        ("DPM++ 2M Karras", "DPMSolverMultistepScheduler", {"use_karras_sigmas": True}),
        ("DPM++ 2M SDE", "DPMSolverMultistepScheduler", {"algorithm_type": "sde-dpmsolver++"}),
        ("DPM++ SDE", "DPMSolverSinglestepScheduler", {"algorithm_type": "sde-dpmsolver++"}),
        ("DDIM", "DDIMScheduler", {}),
        ("PNDM", "PNDMScheduler", {}),
        ("LMS", "LMSDiscreteScheduler", {}),
        ("Heun", "HeunDiscreteScheduler", {}),
        ("DPM2", "KDPM2DiscreteScheduler", {}),
        ("UniPC", "UniPCMultistepScheduler", {}),
        ("LCM", "LCMScheduler", {}),
    ],
)
def test_a1111_names_give_the_right_scheduler(name, cls, config):
    scheduler = samplers.scheduler_for(name, _base_config())
    assert type(scheduler).__name__ == cls
    for key, value in config.items():
        assert scheduler.config[key] == value
    # the model's noise schedule is kept, only the sampler changes
    for key in ("beta_start", "beta_end", "beta_schedule", "steps_offset"):
        assert scheduler.config[key] == SD15_SCHEDULE[key]


def test_every_listed_sampler_builds_and_sets_timesteps():
    assert samplers.DEFAULT in samplers.NAMES and len(set(samplers.NAMES)) == len(samplers.NAMES)
    for name in samplers.NAMES:
        scheduler = samplers.scheduler_for(name, _base_config())
        scheduler.set_timesteps(10)
        assert len(scheduler.timesteps) >= 10


def test_names_are_forgiving_about_case_and_spaces():
    assert samplers.canonical("  dpm++  2m karras ") == "DPM++ 2M Karras"


def test_unknown_sampler_is_a_user_error_with_a_translated_key():
    with pytest.raises(UserError) as caught:
        samplers.scheduler_for("Euler b", _base_config())
    assert caught.value.key in TABLE and "Euler a" in caught.value.params["known"]
