"""AUTOMATIC1111's sampler names and the diffusers schedulers that implement them.

A1111 names a sampler by its algorithm ("Euler a", "DPM++ 2M Karras"); diffusers has one
scheduler class per family and switches variants by config (Karras sigmas, SDE). A
scheduler is built from the pipeline's own scheduler config, so the model's noise
schedule (betas, prediction type, timestep spacing) is kept and only the sampler changes.
"""

from __future__ import annotations

from services.common.errors import UserError

# A1111 name -> (diffusers scheduler class, config overrides)
SAMPLERS: dict[str, tuple[str, dict]] = {
    "Euler a": ("EulerAncestralDiscreteScheduler", {}),
    "Euler": ("EulerDiscreteScheduler", {}),
    "DPM++ 2M": ("DPMSolverMultistepScheduler", {}),
    "DPM++ 2M Karras": ("DPMSolverMultistepScheduler", {"use_karras_sigmas": True}),
    "DPM++ 2M SDE": ("DPMSolverMultistepScheduler", {"algorithm_type": "sde-dpmsolver++"}),
    "DPM++ 2M SDE Karras": (
        "DPMSolverMultistepScheduler",
        {"algorithm_type": "sde-dpmsolver++", "use_karras_sigmas": True},
    ),
    # A1111's "DPM++ SDE" is a single-step stochastic solver; this one needs no torchsde
    "DPM++ SDE": ("DPMSolverSinglestepScheduler", {"algorithm_type": "sde-dpmsolver++"}),
    "DPM++ SDE Karras": (
        "DPMSolverSinglestepScheduler",
        {"algorithm_type": "sde-dpmsolver++", "use_karras_sigmas": True},
    ),
    "DPM2": ("KDPM2DiscreteScheduler", {}),
    "DPM2 a": ("KDPM2AncestralDiscreteScheduler", {}),
    "Heun": ("HeunDiscreteScheduler", {}),
    "LMS": ("LMSDiscreteScheduler", {}),
    "LMS Karras": ("LMSDiscreteScheduler", {"use_karras_sigmas": True}),
    "DDIM": ("DDIMScheduler", {}),
    "PNDM": ("PNDMScheduler", {}),
    "UniPC": ("UniPCMultistepScheduler", {}),
    "LCM": ("LCMScheduler", {}),
}
NAMES: list[str] = list(SAMPLERS)
DEFAULT = "Euler a"


def canonical(name: str) -> str:
    """The A1111 spelling of ``name`` (case and spaces forgiven); unknown names raise UserError."""
    wanted = " ".join(str(name).split()).lower()
    for known in SAMPLERS:
        if known.lower() == wanted:
            return known
    raise UserError("sd.err.sampler", name=name, known=", ".join(NAMES))


def scheduler_for(name: str, base_config):
    """A new diffusers scheduler for the A1111 sampler ``name``, built on the model's ``base_config``."""
    import diffusers  # lazy: diffusers imports torch

    class_name, overrides = SAMPLERS[canonical(name)]
    return getattr(diffusers, class_name).from_config(base_config, **overrides)
