"""How Stable Diffusion makes generation cheaper, measured on this machine:

1. **values**: a W×H RGB picture holds W·H·3 numbers, its latent (W/f)·(H/f)·C; in SD f = 8 and
   C = 4, 48 times fewer;
2. **the U-Net's time** for one step on the latent, and on a tensor of the picture's side (what
   denoising the pixels would cost the same network), each the median of ``REPEATS`` after a warm-up;
3. **steps saved by better samplers**: the student's generation drawn by each deterministic sampler
   at a few step counts and compared with a reference of ``REFERENCE_STEPS`` steps; a sampler needs
   the fewest steps whose result is within ``TOLERANCE`` of it (the latents' RMS difference over the
   reference's spread). Ancestral and SDE samplers add fresh noise at every step and settle on no
   one picture, so they are left out.

A model trained in Lab 2 denoises the pixels themselves: it has no latent to save anything with,
and says so (``pixel_space``). A measurement is a job; its result is kept in ``cache/sd_costs/``,
the newest per model, for the table of pros and cons.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import statistics
import time
import uuid
from dataclasses import replace

from services.common import compute, jobs
from services.common.paths import cache_dir
from services.diffusion import pipelines, stages
from services.diffusion.generate import GenRequest
from services.diffusion.models import ModelRef

JOB_KIND = "sd-costs"
REPEATS = 3  # timed U-Net steps at each resolution
SAMPLERS = ("Euler", "LMS", "Heun", "DPM++ 2M", "UniPC")  # deterministic: each settles on one picture
STEP_COUNTS = (2, 4, 6, 8, 12, 16, 24, 32)
REFERENCE_SAMPLER, REFERENCE_STEPS = "DPM++ 2M", 100
TOLERANCE = 0.05  # "the same picture": within 5 % of the reference's spread


def values(ref: ModelRef, width: int, height: int) -> dict:
    """How many numbers a picture and its latent hold, and the latent's shape (C, h, w)."""
    loaded = pipelines.load(ref)
    if ref.kind == "own":  # the picture itself is denoised
        shape = (loaded.channels, loaded.size, loaded.size)
        return {
            "pixel_space": True,
            "pixels": math.prod(shape),
            "latent": shape,
            "latent_values": math.prod(shape),
        }
    pipe = loaded.pipes["txt2img"]
    factor = pipe.vae_scale_factor
    shape = (pipe.unet.config.in_channels, height // factor, width // factor)
    return {
        "pixel_space": False,
        "factor": factor,
        "pixels": width * height * 3,
        "latent": shape,
        "latent_values": math.prod(shape),
    }


def unet_times(ref: ModelRef, side: int) -> dict:
    """Seconds of one U-Net step on the latent of a ``side``-px picture and on a tensor of ``side`` px."""
    import torch  # lazy: the app starts without torch

    loaded = pipelines.load(ref)
    if ref.kind == "own":
        return {"side": loaded.size, "latent": None, "pixel": _median_time(_own_step(loaded, loaded.size))}
    unet = loaded.pipes["txt2img"].unet
    factor = loaded.pipes["txt2img"].vae_scale_factor
    text = torch.zeros(1, 77, unet.config.cross_attention_dim, device=loaded.device, dtype=loaded.dtype)

    def step(size: int):
        x = torch.randn(1, unet.config.in_channels, size, size, device=loaded.device, dtype=loaded.dtype)
        return lambda: unet(x, 500, encoder_hidden_states=text)

    return {"side": side, "latent": _median_time(step(side // factor)), "pixel": _median_time(step(side))}


def sampler_steps(ref: ModelRef, request: GenRequest, on_run=None) -> dict:
    """For each of ``SAMPLERS``: its distance to the reference at each of ``STEP_COUNTS``, the fewest
    steps within ``TOLERANCE`` (None: not within the counts tried) and the U-Net calls those took."""
    base = replace(request, batch_count=1, batch_size=1)
    total, done = 1 + len(SAMPLERS) * len(STEP_COUNTS), 0

    def result(sampler: str, steps: int) -> stages.Strip:
        nonlocal done
        strip = stages.run(ref, replace(base, sampler=sampler, steps=steps))
        done += 1
        if on_run:
            on_run(done, total)
        return strip

    reference = result(REFERENCE_SAMPLER, REFERENCE_STEPS).result
    spread = float(reference.std())
    found = {}
    for sampler in SAMPLERS:
        distances, calls = [], []
        for steps in STEP_COUNTS:
            strip = result(sampler, steps)
            distances.append(float((strip.result - reference).pow(2).mean().sqrt()) / spread)
            calls.append(strip.steps)  # second-order samplers (Heun) call the U-Net twice a step
        within = [i for i, d in enumerate(distances) if d <= TOLERANCE]
        first = within[0] if within else None
        found[sampler] = {
            "distances": distances,
            "steps": STEP_COUNTS[first] if first is not None else None,
            "calls": calls[first] if first is not None else None,
        }
    return found


def measure(ref: ModelRef, request: GenRequest, side: int, on_run=None) -> dict:
    """All three measurements for the student's generation; kept as the model's newest."""
    began = time.time()
    seeded = replace(request, seed=max(request.seed, 0))  # one picture to compare: a fixed seed
    result = {
        "model": ref.label,
        "size": [request.width, request.height],
        "device": compute.device(),
        "values": values(ref, request.width, request.height),
        "unet": unet_times(ref, side),
        "samplers": sampler_steps(ref, seeded, on_run),
        "measured": began,
    }
    _keep(ref, result)
    return result


def start(ref: ModelRef, request: GenRequest, side: int, owner: str | None = None) -> jobs.Job:
    """``measure`` in the background; the job's key is its owner, so a reload finds it."""
    stages.check(request)

    def run(job: jobs.Job) -> dict:
        job.report(0, 1 + len(SAMPLERS) * len(STEP_COUNTS), loading=not pipelines.is_loaded(ref))
        return measure(ref, request, side, lambda done, total: job.report(done, total, loading=False))

    return jobs.start(JOB_KIND, run, key=owner, owner=owner)


def kept(ref: ModelRef | None = None) -> dict | None:
    """The newest measurement of ``ref``, or of any model when ``ref`` is None."""
    files = [_file(ref)] if ref is not None else list(cache_dir("sd_costs").glob("*.json"))
    found = []
    for path in files:
        try:
            found.append(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            continue
    return max(found, key=lambda result: result["measured"], default=None)


def _median_time(step) -> float:
    """The median seconds of ``REPEATS`` calls of ``step`` after one untimed call, holding the accelerator."""
    import torch

    device = compute.device()
    times = []
    with compute.ACCELERATOR.hold(), torch.inference_mode():
        step()  # the first call pays for memory and kernel choice
        for _ in range(REPEATS):
            compute.synchronize(device)
            began = time.perf_counter()
            step()
            compute.synchronize(device)
            times.append(time.perf_counter() - began)
    return statistics.median(times)


def _own_step(loaded, size: int):
    import torch

    x = torch.randn(1, loaded.channels, size, size, device=loaded.device)
    label = torch.zeros(1, dtype=torch.long, device=loaded.device)
    return lambda: loaded.unet(x, 500, class_labels=label)


def _file(ref: ModelRef):
    name = hashlib.sha256(json.dumps([ref.kind, ref.id, ref.version]).encode()).hexdigest()[:16]
    return cache_dir("sd_costs") / f"{name}.json"


def _keep(ref: ModelRef, result: dict) -> None:
    path = _file(ref)
    partial = path.with_name(f"{path.name}.{uuid.uuid4().hex[:6]}.part")
    partial.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    os.replace(partial, path)  # whole or not at all
