"""A GAN run of Lab 1 beside an own diffusion run of Lab 2, measured by the same code on the same data.

``compare`` draws as many images from each (the GAN from seeds, in one forward pass each;
the diffusion model an equal share of every class, in ``SAMPLE_STEPS`` denoising steps),
times both on the same device, and judges both with the class probe of the diffusion run's
data (quality.py). Where the GAN trained on other data or at another size, its images are
brought to the diffusion data's format first, and the result says so. A comparison is a
job (kind ``"versus"``) whose result is kept beside the diffusion run, so a reload or
another visit shows it at once.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import torch
import torch.nn.functional as F

from services.common import compute, jobs
from services.common.owners import Actor
from services.common.run_files import write_json
from services.diffusion.own import judging, runs, training
from services.diffusion.own.config import OwnConfig
from services.gan import data
from services.gan import runs as gan_runs
from services.gan.config import GanConfig

JOB_KIND = "versus"
IMAGES = 96  # per side: enough for a steady Fréchet distance in the probe's 32 features
SEED = 20_000  # the images' first seed: the same pictures at every comparison of the same runs
FIGURES = ("seconds_per_image", "fd", "class_accuracy", "modes_covered", "diversity")


def key(gan_id: str, own_id: str) -> str:
    """What a comparison is of: both runs at their current step (training on makes a new one)."""
    gan_step = gan_runs.run_info(gan_id).step
    own_step = runs.run_info(own_id).step
    return f"{gan_id}.{gan_step}-{own_id}.{own_step}"


def saved(gan_id: str, own_id: str) -> dict | None:
    """The kept comparison of the two runs at their current steps, or None."""
    path = _path(own_id, key(gan_id, own_id))
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def start(gan_id: str, own_id: str, actor: Actor) -> jobs.Job:
    """Compare the two runs in the background (anyone may: nothing of theirs changes)."""
    name = key(gan_id, own_id)
    active = jobs.find(JOB_KIND, name, active_only=True)
    if active:
        return active[0]
    return jobs.start(JOB_KIND, lambda job: compare(job, gan_id, own_id, name), key=name, owner=actor.owner)


def differences(gan: gan_runs.RunInfo, own: runs.RunInfo) -> list[str]:
    """What makes the two runs unequal: "data" (other images), "size", "channels"."""
    gan_cfg, own_cfg = gan.config, own.config
    found = []
    if (gan.data, gan.images) != (own.source, own.images):  # where from, and how many
        found.append("data")
    for name in ("size", "channels"):
        if gan_cfg[name] != own_cfg[name]:
            found.append(name)
    return found


def compare(job: jobs.Job, gan_id: str, own_id: str, name: str) -> dict:
    """Images from both runs, timed and judged alike; the result is also kept on disk."""
    gan, own = gan_runs.run_info(gan_id), runs.run_info(own_id)
    own_cfg = OwnConfig.from_dict(own.config)
    # 1. The diffusion run's data and its judge (the run's class probe)
    job.report(0, 4, phase="loading")
    ref = runs.model_ref(own_id)
    judge = judging.judge_of(ref)
    # 2. The GAN's images, one forward pass each, timed after a warm-up
    job.report(1, 4, phase="gan")
    generator, gan_cfg = gan_runs.load_generator(gan_id), GanConfig.from_dict(gan.config)
    gan_images, gan_seconds = _timed(lambda n: _gan_images(generator, gan_cfg, n))
    gan_images = _in_format(gan_images, own_cfg)
    # 3. The diffusion model's images: an equal share of every class, timed after a warm-up
    job.report(2, 4, phase="diffusion")
    network = _loaded_network(ref)
    asked = [i * own_cfg.n_classes // IMAGES for i in range(IMAGES)]
    own_images, own_seconds = _timed(lambda n: training.draw(network, own_cfg, asked[:n], SEED))
    # 4. Both judged by the same probe
    job.report(3, 4, phase="judging")
    result = {
        "key": name,
        "measured": time.time(),
        "differences": differences(gan, own),
        "gan": _side(gan.title, gan.step, gan.seconds, gan_seconds, judge.measure(gan_images)),
        "diffusion": _side(
            own.title,
            own.step,
            own.seconds,
            own_seconds,
            judge.measure(own_images, asked=asked if own_cfg.n_classes > 1 else None),
        ),
    }
    for side, images in (("gan", gan_images), ("diffusion", own_images)):
        data.to_pil_grid(images[:48], nrow=12).save(_path(own_id, name).with_suffix(f".{side}.png"))
    write_json(_path(own_id, name), result)
    job.report(4, 4, phase="done")
    return result


def grid(own_id: str, name: str, side: str) -> Path:
    """The picture of the images a comparison judged, for ``side`` "gan" or "diffusion"."""
    return _path(own_id, name).with_suffix(f".{side}.png")


def _side(title: str, step: int, trained: float, seconds: float, measured: dict) -> dict:
    return {
        "title": title,
        "step": step,
        "training_seconds": trained,
        "seconds_per_image": seconds / IMAGES,
        **{k: measured.get(k) for k in ("fd", "class_accuracy", "modes_covered", "n_classes", "diversity")},
    }


def _gan_images(generator, cfg: GanConfig, n: int) -> torch.Tensor:
    from services.gan.model import sample  # lazy: Lab 1's networks

    return sample(generator, cfg, SEED, n)


def _loaded_network(ref):
    from services.diffusion.own import model

    return model.load(ref).unet


def _timed(draw) -> tuple[torch.Tensor, float]:
    """``draw(IMAGES)``'s images and its seconds, holding the accelerator; ``draw(2)`` first warms it up."""
    with compute.ACCELERATOR.hold():
        draw(2)  # the first call pays for memory and kernel choice
        device = compute.device()
        compute.synchronize(device)
        began = time.perf_counter()
        images = draw(IMAGES)
        compute.synchronize(device)
        return images, time.perf_counter() - began


def _in_format(images: torch.Tensor, cfg: OwnConfig) -> torch.Tensor:
    """GAN images at the diffusion data's size and colours, so the same probe can judge them."""
    if images.shape[1] != cfg.channels:
        images = images.mean(1, keepdim=True) if cfg.channels == 1 else images.repeat(1, 3, 1, 1)
    if images.shape[-1] != cfg.size:
        images = F.interpolate(images, size=(cfg.size, cfg.size), mode="bilinear", antialias=True)
    return images.clamp(-1, 1)


def _path(own_id: str, name: str) -> Path:
    folder = runs.folder(own_id) / "versus"
    folder.mkdir(exist_ok=True)
    return folder / f"{name}.json"
