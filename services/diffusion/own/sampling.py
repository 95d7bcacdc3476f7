"""Drawing images with the own model: the reverse process with classifier-free guidance.

    x_T ~ N(0, I)                                   (img2img: the picture, noised to where it starts)
    for t in the sampler's timesteps:
        eps_c = eps_theta(x_t, t, class)            (the class the prompt names)
        eps_u = eps_theta(x_t, t, negative)         (the empty condition, or the negative prompt's class)
        eps   = eps_u + s * (eps_c - eps_u)         (guidance scale s; s <= 1 uses eps_c alone, as diffusers does)
        eps   = the noise that leaves x0 in [-1, 1]  (as DDPM's and DDIM's clip_sample, for every sampler)
        x_t-1 = sampler step (x_t, eps)             (any A1111 sampler: Euler a, DPM++ 2M, DDIM...)

Each image draws its noise from its own seed, so one image is reproduced alone.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable

import torch

from services.diffusion.own.model import OwnModel


def denoise(
    model: OwnModel,
    classes: list[int],
    negatives: list[int],
    seeds: list[int],
    steps: int,
    cfg_scale: float,
    sampler: str,
    init: torch.Tensor | None = None,
    strength: float = 1.0,
    on_step: Callable[[int, int], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> tuple[torch.Tensor, bool]:
    """Images in [-1, 1] (N x C x H x W on the CPU) for the classes, and whether a stop cut them short.

    ``init`` (N x C x H x W in [-1, 1]) makes it img2img: the pictures are noised to ``strength``
    of the way and denoised from there, over ``strength`` of the steps (as diffusers' img2img)."""
    device, n = model.device, len(classes)
    shape = (model.channels, model.size, model.size)
    generators = [torch.Generator("cpu").manual_seed(int(seed)) for seed in seeds]  # the same on any device
    # 1. The sampler's timesteps (img2img: only the last ``strength`` of them)
    scheduler = model.scheduler(sampler)
    scheduler.set_timesteps(steps)
    timesteps = scheduler.timesteps
    if init is not None:
        timesteps = timesteps[len(timesteps) - max(1, int(steps * strength)) :]
        if hasattr(scheduler, "set_begin_index"):
            scheduler.set_begin_index(len(scheduler.timesteps) - len(timesteps))
    # 2. The starting point: pure noise, or the picture noised to the first timestep
    noise = torch.stack([torch.randn(shape, generator=g) for g in generators]).to(device)
    if init is None:
        x = noise * scheduler.init_noise_sigma
    else:
        x = scheduler.add_noise(init.to(device), noise, timesteps[:1].repeat(n))
    # stochastic samplers (the ancestral "a" and SDE ones) draw each image's new noise from its seed too
    noise_from = (
        {"generator": generators} if "generator" in inspect.signature(scheduler.step).parameters else {}
    )
    # 3. The conditions: the prompt's class, and for guidance the negative one
    guided = cfg_scale > 1
    labels = torch.tensor(classes + (negatives if guided else []), device=device)
    # 4. Denoising
    stopped = False
    with torch.inference_mode():
        for i, t in enumerate(timesteps):
            x_in = scheduler.scale_model_input(x, t)
            eps = model.unet(torch.cat([x_in, x_in]) if guided else x_in, t, class_labels=labels).sample
            if guided:
                eps_c, eps_u = eps.chunk(2)
                eps = eps_u + cfg_scale * (eps_c - eps_u)
            eps = clipped(eps, x_in, model.abar(t))
            x = scheduler.step(eps, t, x, **noise_from).prev_sample
            if on_step:
                on_step(i + 1, len(timesteps))
            if should_stop and should_stop() and i + 1 < len(timesteps):
                stopped = True
                break
    return x.clamp(-1, 1).float().cpu(), stopped


def clipped(eps: torch.Tensor, x_in: torch.Tensor, abar: float) -> torch.Tensor:
    """The predicted noise, changed so that the image it implies stays in [-1, 1].

    Every sampler feeds the model x_in = sqrt(abar) x0 + sqrt(1 - abar) eps, so the prediction
    implies x0 = (x_in - sqrt(1 - abar) eps) / sqrt(abar). DDPM's and DDIM's schedulers clip that
    x0 (clip_sample); Euler and the other k-diffusion samplers do not, and at the start (noise
    up to sigma 157) a young model's small errors would push pixels far past white and black."""
    signal, noise = abar**0.5, (1 - abar) ** 0.5
    x0 = ((x_in - noise * eps) / signal).clamp(-1, 1)
    return (x_in - signal * x0) / noise
