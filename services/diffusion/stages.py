"""The stages of one generation, kept step by step: the noisy latent x_t the U-Net sees, its
prediction of the clean image x̂0, and both decoded to pictures, from pure noise to the result.

The denoising loop is diffusers' ``StableDiffusionPipeline.__call__`` written out over the
pipeline's components (for a model trained in Lab 2, the loop of own/sampling.py), so that what
happens between the steps can be kept; for the same request it makes the same image as
``generate.generate``. At each step the model predicts the noise ε in x_t, and so what it believes
the clean image to be:

    x̂0 = (x_t − √(1 − ᾱ_t)·ε) / √ᾱ_t          (ᾱ_t: the share of the signal left at step t)

with x_t in the variance-preserving scale the U-Net reads (the scheduler's ``scale_model_input``).
The sampler then moves x_t a step towards x̂0; at the last step the two meet.

torch and diffusers are imported inside the functions that run the model.
"""

from __future__ import annotations

import inspect
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from PIL import Image

from services.common import compute, jobs
from services.common.errors import UserError
from services.diffusion import lora, pipelines, prompts, samplers
from services.diffusion.generate import TILE_VAE_ABOVE, GenRequest
from services.diffusion.models import ModelRef

JOB_KIND = "stages"
ROWS = ("latent", "noisy", "predicted")  # what a column of the strip shows for a step


@dataclass
class Strip:
    """One generation, step by step. Step k < steps: the U-Net's input x_t and its x̂0; step
    ``steps``: the result (x_0). Latents are 1 × C × h × w float tensors on the CPU."""

    ref: ModelRef
    request: GenRequest
    pixel_space: bool  # a model that denoises the picture itself: no latent, no VAE
    timesteps: list[float]  # t at each step
    noisy: list  # x_t as the U-Net read it at each step
    predicted: list  # x̂0 at each step
    result: object  # x_0: what the last step left
    seconds: float  # the denoising loop's time
    decode: Callable = field(repr=False)  # latent -> picture, with the model's own decoder
    _pictures: dict = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def steps(self) -> int:
        return len(self.timesteps)

    def latent(self, step: int):
        return self.result if step == self.steps else self.noisy[step]

    def prediction(self, step: int):
        return self.result if step == self.steps else self.predicted[step]

    def pictures(self, step: int) -> dict[str, Image.Image]:
        """Step ``step`` as pictures: ``ROWS`` -> the latent's channels side by side, the latent decoded,
        x̂0 decoded. Decoded once, then kept."""
        with self._lock:
            if step not in self._pictures:
                if not 0 <= step <= self.steps:
                    raise UserError("sd.qa.err.step", step=step, steps=self.steps)
                self._pictures[step] = {
                    "latent": channels_picture(self.latent(step)),
                    "noisy": self._decoded(self.latent(step)),
                    "predicted": self._decoded(self.prediction(step)),
                }
            return self._pictures[step]

    def _decoded(self, latent) -> Image.Image:
        with compute.ACCELERATOR.hold():
            return self.decode(latent)


def start(ref: ModelRef, request: GenRequest, owner: str | None = None) -> jobs.Job:
    """``run`` in the background; the job's key is its owner, so a reload finds their latest strip."""
    check(request)
    return jobs.start(JOB_KIND, lambda job: _job(job, ref, request), key=owner, owner=owner)


def check(request: GenRequest) -> None:
    """A txt2img request the form would take; the strip draws one image."""
    if request.mode != "txt2img":
        raise UserError("sd.err.mode", mode=request.mode)
    request.check()


def run(
    ref: ModelRef,
    request: GenRequest,
    on_step: Callable[[int, int], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    on_wait: Callable[[int], None] | None = None,
    holder: compute.Holder | None = None,
) -> Strip:
    """The first image of ``request`` (its seed; -1 is refused: a strip is for a seed), kept at every step."""
    import torch  # lazy: the app starts without torch

    # 1. Check inputs: one txt2img image from a known seed
    check(request)
    if request.seed < 0:
        raise UserError("sd.qa.err.seed")
    # 2. Load the model: once per process, shared by every session
    loaded = pipelines.load(ref)
    # 3. Take the accelerator: one piece of work at a time runs on it, the rest queue
    with compute.ACCELERATOR.hold(on_wait, should_stop, holder):
        model = _pixel_denoiser(loaded, request) if ref.kind == "own" else _latent_denoiser(loaded, request)
        # 4. The sampler on the model's noise schedule, and its timesteps
        scheduler = samplers.scheduler_for(request.sampler, model.scheduler_config)
        scheduler.set_timesteps(request.steps, device=model.device)
        timesteps = scheduler.timesteps
        alpha_bars = _alpha_bars(scheduler, len(timesteps))
        # 5. The starting point: pure noise from the seed, at the sampler's scale
        generator = torch.Generator("cpu").manual_seed(request.seed)
        x = model.noise(generator) * scheduler.init_noise_sigma
        # stochastic samplers (the ancestral "a" and SDE ones) draw their new noise from the same seed
        step_kwargs = _step_kwargs(scheduler, generator)
        # 6. Denoising: each step keeps x_t as the U-Net reads it and x̂0, then moves x_t on
        noisy, predicted = [], []
        compute.synchronize(model.device.type)
        began = time.perf_counter()
        with torch.inference_mode():
            for i, t in enumerate(timesteps):
                x_in = scheduler.scale_model_input(x, t)
                output = model.predict(x_in, t)
                noisy.append(x_in.float().cpu())
                predicted.append(
                    clean_estimate(x_in, output, alpha_bars[i], model.prediction_type).float().cpu()
                )
                x = scheduler.step(output, t, x, **step_kwargs).prev_sample
                if on_step:
                    on_step(i + 1, len(timesteps))
                if should_stop and should_stop():
                    raise jobs.Cancelled()
        compute.synchronize(model.device.type)
        seconds = time.perf_counter() - began
    times = [float(t) for t in timesteps]
    return Strip(
        ref, request, ref.kind == "own", times, noisy, predicted, x.float().cpu(), seconds, model.decode
    )


def clean_estimate(x_t, output, alpha_bar: float, prediction_type: str = "epsilon"):
    """x̂0 from the model's output at x_t (variance-preserving scale), for each kind of model output."""
    signal, noise = alpha_bar**0.5, (1 - alpha_bar) ** 0.5
    if prediction_type == "epsilon":
        return (x_t - noise * output) / signal
    if prediction_type == "v_prediction":
        return signal * x_t - noise * output
    return output  # "sample": the model predicts x0 itself


def channels_picture(latent) -> Image.Image:
    """A latent's channels side by side in gray, each stretched over its own range (1st to 99th percentile)."""
    maps = latent[0].numpy()
    tiles = []
    for channel in maps:
        low, high = np.percentile(channel, [1, 99])
        tiles.append(np.clip((channel - low) / max(high - low, 1e-6), 0, 1))
    gap = np.ones((maps.shape[1], max(1, maps.shape[2] // 16)))
    row = np.concatenate([part for tile in tiles for part in (tile, gap)][:-1], axis=1)
    return Image.fromarray((row * 255).round().astype(np.uint8), mode="L")


# ---------------------------------------------------------------- the model behind the loop


@dataclass
class _Denoiser:
    """What the loop needs of a model: noise of its shape, its guided prediction, its decoder."""

    device: object  # torch.device
    scheduler_config: dict
    prediction_type: str
    noise: Callable  # generator -> 1 × C × h × w on the device
    predict: Callable  # (x_in, t) -> the guided model output
    decode: Callable  # latent -> picture


def _latent_denoiser(model: pipelines.LoadedModel, request: GenRequest) -> _Denoiser:
    """Stable Diffusion: text-conditioned U-Net in the VAE's latent space, with classifier-free guidance."""
    import torch
    from diffusers.utils.torch_utils import randn_tensor

    lora.apply(model, request.loras)  # the student's LoRAs, as generate() applies them
    pipe = model.pipeline("txt2img")
    if max(request.width, request.height) > TILE_VAE_ABOVE:
        pipe.vae.enable_tiling()
    else:
        pipe.vae.disable_tiling()
    device = torch.device(model.device)
    with torch.inference_mode():
        cond, uncond = prompts.embeddings(pipe, request.prompt, request.negative_prompt)
    guided = request.cfg_scale > 1
    embeds = (torch.cat([uncond, cond]) if guided else cond).to(device, model.dtype)
    shape = (1, pipe.unet.config.in_channels, request.height // pipe.vae_scale_factor)
    shape += (request.width // pipe.vae_scale_factor,)

    def predict(x_in, t):
        out = pipe.unet(torch.cat([x_in] * 2) if guided else x_in, t, encoder_hidden_states=embeds).sample
        if guided:
            uncond_out, cond_out = out.chunk(2)
            out = uncond_out + request.cfg_scale * (cond_out - uncond_out)
        return out

    def decode(latent) -> Image.Image:
        with torch.inference_mode():
            scaled = latent.to(device, model.dtype) / pipe.vae.config.scaling_factor
            image = pipe.vae.decode(scaled).sample
        return pipe.image_processor.postprocess(image, output_type="pil")[0]

    return _Denoiser(
        device,
        model.scheduler_config,
        model.scheduler_config.get("prediction_type", "epsilon"),
        lambda generator: randn_tensor(shape, generator=[generator], device=device, dtype=model.dtype),
        predict,
        decode,
    )


def _pixel_denoiser(loaded, request: GenRequest) -> _Denoiser:
    """A model trained in Lab 2 (an ``own.model.OwnModel``): class-conditioned U-Net on the pixels
    themselves, guided as own/sampling.py guides it."""
    import torch

    from services.diffusion.own import classes, sampling

    wanted = classes.class_of(request.prompt, loaded.classes)
    negative = classes.negative_of(request.negative_prompt, loaded.classes)
    negative = loaded.null_class if negative is None else negative
    guided = request.cfg_scale > 1
    labels = torch.tensor([wanted] + ([negative] if guided else []), device=loaded.device)
    shape = (loaded.channels, loaded.size, loaded.size)

    def predict(x_in, t):
        out = loaded.unet(torch.cat([x_in, x_in]) if guided else x_in, t, class_labels=labels).sample
        if guided:
            cond_out, uncond_out = out.chunk(2)
            out = uncond_out + request.cfg_scale * (cond_out - uncond_out)
        return sampling.clipped(out, x_in, loaded.abar(t))  # as the model's own sampler keeps x̂0 in range

    def decode(image) -> Image.Image:
        pixels = ((image[0].clamp(-1, 1) + 1) * 127.5).round().byte().permute(1, 2, 0).numpy()
        return Image.fromarray(pixels[:, :, 0] if pixels.shape[2] == 1 else pixels)

    return _Denoiser(
        loaded.device,
        loaded.scheduler_config,
        loaded.scheduler_config.get("prediction_type", "epsilon"),
        lambda generator: torch.randn(shape, generator=generator).unsqueeze(0).to(loaded.device),
        predict,
        decode,
    )


def _alpha_bars(scheduler, steps: int) -> list[float]:
    """ᾱ at each of the loop's steps. Samplers that keep noise levels σ per step (Euler, DPM++, UniPC...)
    give it exactly, ᾱ = 1 / (1 + σ²); the others (DDIM, PNDM) step on the training schedule's t."""
    sigmas = getattr(scheduler, "sigmas", None)
    if sigmas is not None and len(sigmas) >= steps:
        return [1.0 / (1.0 + float(sigma) ** 2) for sigma in sigmas[:steps]]
    schedule = scheduler.alphas_cumprod.cpu().numpy()
    return [float(np.interp(float(t), np.arange(len(schedule)), schedule)) for t in scheduler.timesteps]


def _step_kwargs(scheduler, generator) -> dict:
    """What ``scheduler.step`` takes beyond the sample: DDIM's eta (0, as the pipeline), the generator."""
    accepted = inspect.signature(scheduler.step).parameters
    kwargs = {"eta": 0.0} if "eta" in accepted else {}
    return kwargs | ({"generator": [generator]} if "generator" in accepted else {})


def _job(job: jobs.Job, ref: ModelRef, request: GenRequest) -> Strip:
    def on_step(step: int, steps: int) -> None:
        job.report(step, steps, waiting=0)

    def on_wait(ahead: int) -> None:
        job.report(0, request.steps, waiting=ahead)

    job.report(0, request.steps, waiting=0, loading=not pipelines.is_loaded(ref))
    strip = run(
        ref,
        request,
        on_step,
        lambda: job.cancel_requested,
        on_wait,
        compute.Holder(JOB_KIND, job.owner, job.id),
    )
    strip.pictures(0), strip.pictures(strip.steps)  # noqa: B018 - the ends are always shown: decoded here
    return strip
