"""A txt2img or img2img request run with an own model, under the contract of Lab 2's
``services.diffusion.generate.generate``: the same ``GenRequest`` and ``Generated`` results,
A1111's seeds and infotext, ``on_step`` / ``should_stop`` / ``on_wait``, and the accelerator's queue.

What differs is the model: the prompt names a class (classes.py), the negative prompt may name
the class to steer away from, and the picture has the one size the model was trained at,
written ``runs.shown_scale`` times larger (each pixel a square), as Lab 2's form takes it.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable

import numpy as np
import torch
from PIL import Image

from services.common import compute
from services.common.errors import UserError
from services.diffusion import infotext, samplers
from services.diffusion.generate import Generated, GenRequest
from services.diffusion.models import ModelRef
from services.diffusion.own import classes, model, sampling


def generate(
    ref: ModelRef,
    request: GenRequest,
    on_step: Callable[[int, int, int], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    on_wait: Callable[[int], None] | None = None,
    holder: compute.Holder | None = None,
) -> list[Generated]:
    """Run ``request`` with the own model ``ref``: batch_count batches of batch_size images, image
    ``n`` from seed ``seed + n``; see ``services.diffusion.generate.generate`` for the callbacks."""
    # 1. Check inputs: the form's limits, then what this model can do
    check(ref, request)
    request.check()
    # 2. Load the model: once per process and version, shared by every session
    loaded = model.load(ref)
    # 3. The conditions: the prompt's class, and the negative prompt's (or the empty condition)
    wanted = classes.class_of(request.prompt, loaded.classes)
    negative = classes.negative_of(request.negative_prompt, loaded.classes)
    negative = loaded.null_class if negative is None else negative
    # 4. Seeds, batch by batch: image n gets seed + n
    first = request.seed if request.seed >= 0 else random.randrange(2**32)
    size = request.batch_size
    seeds = [[first + batch * size + n for n in range(size)] for batch in range(request.batch_count)]
    results: list[Generated] = []
    # 5. Take the accelerator: one piece of work at a time runs on it, the rest queue
    with compute.ACCELERATOR.hold(on_wait, should_stop, holder):
        # 6. img2img: the picture at the model's size and colours
        init = _picture_tensor(request.init_image, loaded) if request.mode == "img2img" else None
        # 7. Denoising, batch by batch; a stop ends the batch early and starts no other
        for batch, batch_seeds in enumerate(seeds):
            if should_stop and should_stop():
                break
            compute.synchronize(loaded.device.type)
            began = time.perf_counter()
            images, stopped = sampling.denoise(
                loaded,
                [wanted] * len(batch_seeds),
                [negative] * len(batch_seeds),
                batch_seeds,
                request.steps,
                request.cfg_scale,
                request.sampler,
                init=None if init is None else init.expand(len(batch_seeds), -1, -1, -1),
                strength=request.strength,
                on_step=(lambda step, steps, b=batch: on_step(step, steps, b)) if on_step else None,
                should_stop=should_stop,
            )
            compute.synchronize(loaded.device.type)
            seconds = time.perf_counter() - began
            # 8. Finish the images: at the form's size, with A1111's infotext
            for image, seed in zip(images, batch_seeds, strict=True):
                text = infotext.for_request(request, seed, ref.label)
                picture = _picture(image, request.width)
                results.append(Generated(picture, seed, seconds / len(images), text, stopped))
            if stopped:
                break
    return results


def check(ref: ModelRef, request: GenRequest) -> None:
    """Refuse what the model cannot do, saying why: inpainting, LoRA, another size, LCM."""
    if request.mode == "inpaint":
        raise UserError("sd.own.err.inpaint")
    if request.loras:
        raise UserError("sd.own.err.lora")
    if (request.width, request.height) != (ref.fixed_size, ref.fixed_size):
        raise UserError(
            "sd.own.err.fixed_size", width=request.width, height=request.height, size=ref.fixed_size
        )
    if ref.samplers is not None and samplers.canonical(request.sampler) not in ref.samplers:
        raise UserError("sd.own.err.sampler", name=request.sampler)


def _picture_tensor(picture: Image.Image | None, loaded: model.OwnModel) -> torch.Tensor:
    """img2img's picture as the model sees images: its size, gray or RGB, in [-1, 1], 1 x C x H x W."""
    if picture is None:
        raise UserError("sd.err.need_image")
    mode = "L" if loaded.channels == 1 else "RGB"
    small = picture.convert(mode).resize((loaded.size, loaded.size), Image.Resampling.LANCZOS)
    pixels = np.asarray(small, np.float32).reshape(loaded.size, loaded.size, loaded.channels)
    return torch.from_numpy(pixels).permute(2, 0, 1).unsqueeze(0) / 127.5 - 1


def _picture(image: torch.Tensor, side: int) -> Image.Image:
    """One C x H x W image in [-1, 1] as a picture ``side`` px wide, each pixel a square."""
    pixels = ((image + 1) * 127.5).round().clamp(0, 255).byte().permute(1, 2, 0).numpy()
    picture = Image.fromarray(pixels[:, :, 0] if pixels.shape[2] == 1 else pixels)
    return picture.resize((side, side), Image.Resampling.NEAREST)
