"""One txt2img / img2img / inpaint request, run as the AUTOMATIC1111 WebUI runs it.

``GenRequest`` is what A1111's form asks for, with the limits of every field; ``generate``
runs it image by image with A1111's seed convention and returns the images with their
A1111 infotext. It reads in numbered steps, as diffusers' ``StableDiffusionPipeline.__call__``.

torch is imported inside the functions that run the model, so importing this module is cheap.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image

from services.common import compute
from services.common.errors import UserError
from services.diffusion import infotext, inpaint, lora, pipelines, prompts, samplers
from services.diffusion.models import ModelRef

MODES = ("txt2img", "img2img", "inpaint")
SIZE_RANGE = (64, 2048)  # px; each side a multiple of 8, the VAE's downsampling
MAX_STEPS = 150
CFG_RANGE = (0.0, 30.0)  # 0 (no guidance) is what distilled models such as SD-Turbo use
MAX_BATCH_COUNT = 16
MAX_BATCH_SIZE = 8
TILE_VAE_ABOVE = 768  # px: decode larger images tile by tile, as A1111's Tiled VAE does
_ACCEPTS = {  # the values the form takes for a field: SD-Turbo's "CFG scale: 0" is one
    "steps": lambda v: 1 <= v <= MAX_STEPS,
    "cfg_scale": lambda v: CFG_RANGE[0] <= v <= CFG_RANGE[1],
    "seed": lambda v: -1 <= v < 2**32,
    "width": lambda v: SIZE_RANGE[0] <= v <= SIZE_RANGE[1] and v % 8 == 0,
    "height": lambda v: SIZE_RANGE[0] <= v <= SIZE_RANGE[1] and v % 8 == 0,
    "sampler": lambda v: v in samplers.NAMES,
    "mask_blur": lambda v: inpaint.MASK_BLUR_RANGE[0] <= v <= inpaint.MASK_BLUR_RANGE[1],
    "masked_content": lambda v: v in inpaint.MASKED_CONTENT,
    "padding": lambda v: inpaint.PADDING_RANGE[0] <= v <= inpaint.PADDING_RANGE[1],
}


@dataclass(frozen=True)
class GenRequest:
    """What A1111's txt2img / img2img / inpaint form asks for. ``seed`` -1 means a random one."""

    prompt: str = ""
    negative_prompt: str = ""
    mode: str = "txt2img"
    steps: int = 20
    cfg_scale: float = 7.0
    width: int = 512
    height: int = 512
    seed: int = -1
    sampler: str = samplers.DEFAULT
    batch_count: int = 1
    batch_size: int = 1
    init_image: Image.Image | None = None  # for img2img and inpaint
    strength: float = 0.75  # denoising strength: 0 keeps the image, 1 replaces it
    mask: Image.Image | None = None  # white = repaint
    mask_blur: int = 4  # inpaint: px of Gaussian blur on the mask's edge (A1111's default)
    masked_content: str = "original"  # inpaint: what the masked part starts from (inpaint.MASKED_CONTENT)
    only_masked: bool = False  # inpaint: repaint the box around the mask at full size, not the whole picture
    padding: int = 32  # inpaint, only masked: px of picture around the mask in that box
    loras: tuple[lora.Lora, ...] = ()  # checked files (lora.check), applied in this order

    def check(self) -> None:
        """Refuse a request that cannot run, with the reason (UserError) before any work starts."""
        if self.mode not in MODES:
            raise UserError("sd.err.mode", mode=self.mode)
        if not self.prompt.strip():
            raise UserError("sd.err.empty_prompt")
        for side in (self.width, self.height):
            if side % 8:
                raise UserError("sd.err.size_multiple", value=side)
            if not SIZE_RANGE[0] <= side <= SIZE_RANGE[1]:
                raise UserError("sd.err.size_range", value=side, lo=SIZE_RANGE[0], hi=SIZE_RANGE[1])
        if not 1 <= self.steps <= MAX_STEPS:
            raise UserError("sd.err.steps", value=self.steps, max=MAX_STEPS)
        if not CFG_RANGE[0] <= self.cfg_scale <= CFG_RANGE[1]:
            raise UserError("sd.err.cfg", value=self.cfg_scale, lo=CFG_RANGE[0], hi=CFG_RANGE[1])
        if not 1 <= self.batch_count <= MAX_BATCH_COUNT:
            raise UserError("sd.err.batch_count", value=self.batch_count, max=MAX_BATCH_COUNT)
        if not 1 <= self.batch_size <= MAX_BATCH_SIZE:
            raise UserError("sd.err.batch_size", value=self.batch_size, max=MAX_BATCH_SIZE)
        if not 0 <= self.seed < 2**32 and self.seed != -1:
            raise UserError("sd.err.seed", value=self.seed)
        samplers.canonical(self.sampler)
        if self.mode != "txt2img":
            if self.init_image is None:
                raise UserError("sd.err.need_image")
            if not 0 < self.strength <= 1:
                raise UserError("sd.err.strength", value=self.strength)
            if int(self.steps * self.strength) < 1:
                raise UserError("sd.err.strength_steps", steps=self.steps, strength=self.strength)
        if self.mode == "inpaint":
            self._check_inpaint()

    def _check_inpaint(self) -> None:
        if self.mask is None:
            raise UserError("sd.err.need_mask")
        if self.mask.size != self.init_image.size:
            raise UserError("sd.err.mask_size", mask=_size(self.mask.size), image=_size(self.init_image.size))
        if inpaint.binary(self.mask).getbbox() is None:
            raise UserError("sd.err.empty_mask")
        if not accepts("mask_blur", self.mask_blur):
            raise UserError("sd.err.mask_blur", value=self.mask_blur, max=inpaint.MASK_BLUR_RANGE[1])
        if not accepts("masked_content", self.masked_content):
            raise UserError("sd.err.masked_content", value=self.masked_content)
        if not accepts("padding", self.padding):
            raise UserError("sd.err.padding", value=self.padding, max=inpaint.PADDING_RANGE[1])


@dataclass(frozen=True)
class Generated:
    image: Image.Image
    seed: int
    seconds: float  # this image's share of its batch's time, GPU work included
    parameters: str  # A1111's infotext
    interrupted: bool = False  # stopped before its last step: a partly denoised image

    def png_bytes(self) -> bytes:
        """The image as PNG with the infotext in its ``parameters`` chunk, as A1111 saves it."""
        return infotext.write_png(self.image, self.parameters)


def accepts(field: str, value) -> bool:
    """Whether the form takes ``value`` for GenRequest ``field`` (as A1111's "Send to txt2img" checks)."""
    return _ACCEPTS.get(field, lambda v: True)(value)


def generate(
    ref: ModelRef,
    request: GenRequest,
    on_step: Callable[[int, int, int], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    on_wait: Callable[[int], None] | None = None,
    holder: compute.Holder | None = None,
) -> list[Generated]:
    """Run ``request`` with the model ``ref``: batch_count batches of batch_size images.

    Image ``n`` gets seed ``seed + n`` (A1111's convention), each from its own generator,
    so any image can be reproduced alone. ``on_step(step, steps, batch)`` follows the
    denoising loop (``batch`` counts from 0); when ``should_stop()`` turns true the current
    batch ends early (its images come back marked ``interrupted``) and no further batch
    starts. ``on_wait(ahead)`` is told the place in the accelerator's queue (``holder`` says
    whose work this is there) while it waits; a stop while waiting leaves the queue (``jobs.Cancelled``).
    """
    if ref.kind == "own":  # a class-conditioned pixel-space model trained in Lab 2: services/diffusion/own
        from services.diffusion.own import generate as own  # here: it builds on this module

        return own.generate(ref, request, on_step, should_stop, on_wait, holder)
    # 1. Check inputs: a request that cannot run is refused before any model loads
    request.check()
    # 2. Load the model: once per process, shared by every session
    model = pipelines.load(ref)
    # 3. Seeds, batch by batch: image n gets seed + n
    seeds = _seeds(request)
    results: list[Generated] = []
    # 4. Take the accelerator: one piece of work at a time runs on it, the rest queue
    with compute.ACCELERATOR.hold(on_wait, should_stop, holder):
        # 5. Prepare the pipeline: the request's LoRAs, its sampler, the VAE's tiling
        pipe = _prepare_pipeline(model, request)
        # 6. Prepare the mode's inputs: the picture and its mask at the requested size
        inputs, prepared = _mode_inputs(request)
        # 7. Denoising, batch by batch, the prompts read as A1111 reads them; a stop ends the
        #    batch early and starts no other
        for batch, batch_seeds in enumerate(seeds):
            if should_stop and should_stop():
                break
            images, seconds, interrupted = _run_batch(
                pipe, model.device, request, inputs, prepared, batch_seeds, batch, on_step, should_stop
            )
            # 8. Finish the images: inpaint's result laid over the original, A1111's infotext
            results += _finish(ref, request, prepared, images, batch_seeds, seconds, interrupted)
            if interrupted:
                break
    return results


def _seeds(request: GenRequest) -> list[list[int]]:
    """Each batch's seeds: one seed after another from the request's (-1 draws the first at random)."""
    first = request.seed if request.seed >= 0 else random.randrange(2**32)
    size = request.batch_size
    return [[first + batch * size + n for n in range(size)] for batch in range(request.batch_count)]


def _prepare_pipeline(model: pipelines.LoadedModel, request: GenRequest):
    lora.apply(model, request.loras)
    pipe = model.pipeline(request.mode)
    pipe.scheduler = model.scheduler(request.sampler)  # set_timesteps resets it for this run
    if max(request.width, request.height) > TILE_VAE_ABOVE:
        pipe.vae.enable_tiling()
    else:
        pipe.vae.disable_tiling()
    return pipe


def _mode_inputs(request: GenRequest) -> tuple[dict, inpaint.Prepared | None]:
    """The mode's own pipeline arguments, and for inpaint what puts its result back into the picture.

    Pictures are resized to the requested size, as A1111 does; inpaint's "only masked" repaints
    the box around the mask at that size instead."""
    size = (request.width, request.height)
    if request.mode == "txt2img":
        return {"width": request.width, "height": request.height}, None
    if request.mode == "img2img":
        return {"image": request.init_image.convert("RGB").resize(size), "strength": request.strength}, None
    prepared = inpaint.prepare(
        request.init_image,
        request.mask,
        size,
        request.mask_blur,
        request.masked_content,
        request.only_masked,
        request.padding,
    )
    inputs = {
        "image": prepared.image,
        "mask_image": prepared.mask,
        "strength": request.strength,
        "width": request.width,
        "height": request.height,
    }
    return inputs, prepared


def _embeddings(pipe, request: GenRequest) -> dict:
    """The prompt's and negative prompt's embeddings (A1111's emphasis and chunks), as pipeline arguments."""
    cond, uncond = prompts.embeddings(pipe, request.prompt, request.negative_prompt)
    return {"prompt_embeds": cond, "negative_prompt_embeds": uncond}


def _start_latents(pipe, request: GenRequest, prepared, seeds: list[int]) -> dict:
    """Inpaint's latent noise / latent nothing: the batch's own start in place of the picture."""
    if prepared is None:
        return {}
    latents = inpaint.start_latents(pipe, prepared, seeds, request.masked_content)
    return {} if latents is None else {"image": latents, "masked_image_latents": latents}


def _run_batch(pipe, device, request, inputs, prepared, seeds, batch, on_step, should_stop):
    """One pipeline call; returns its images, its seconds (GPU work finished) and whether it was stopped."""
    import torch  # lazy: the app starts without torch

    stopped = False

    def step_end(p, step: int, timestep, tensors: dict) -> dict:
        nonlocal stopped
        if on_step:
            on_step(step + 1, p.num_timesteps, batch)
        if should_stop and should_stop() and step + 1 < p.num_timesteps:
            p._interrupt = True  # diffusers' documented way: the loop skips the remaining steps
            stopped = True
        return {}

    # noise from CPU generators: the same seed gives the same image on any device
    generators = [torch.Generator("cpu").manual_seed(s) for s in seeds]
    compute.synchronize(device)
    start = time.perf_counter()
    try:
        with torch.inference_mode():
            # timed with the rest, as the pipeline's own prompt encoding was
            inputs = inputs | _embeddings(pipe, request) | _start_latents(pipe, request, prepared, seeds)
            out = pipe(
                num_inference_steps=request.steps,
                guidance_scale=request.cfg_scale,
                num_images_per_prompt=len(seeds),
                generator=generators,
                callback_on_step_end=step_end,
                **inputs,
            )
        compute.synchronize(device)
    except torch.OutOfMemoryError:
        raise UserError("sd.err.out_of_memory", width=request.width, height=request.height) from None
    return out.images, time.perf_counter() - start, stopped


def _finish(ref, request, prepared, images, seeds, seconds, interrupted) -> list[Generated]:
    finished = []
    for image, seed in zip(images, seeds, strict=True):
        if prepared is not None:  # A1111 keeps the original outside the mask
            image = inpaint.finish(prepared, image)
        text = infotext.for_request(request, seed, ref.label)
        finished.append(Generated(image, seed, seconds / len(images), text, interrupted))
    return finished


def _size(size: tuple[int, int]) -> str:
    return f"{size[0]}×{size[1]}"
