"""The final quality of GAN runs, to set against their hyperparameters.

A run is judged on ``IMAGES`` pictures of its generator at its last checkpoint, by the class probe
of its own data (the one its training measured mode collapse with, collapse.py):

- the **Fréchet distance** of the probe's features of generated and real images (FID's formula on
  the probe instead of Inception; the measure that GAN vs diffusion uses, services/diffusion/own/
  quality.py): 0 when the two are spread alike, larger as they differ;
- the **class coverage** and the **diversity** of mode collapse.

Unlabelled data has no probe: only the diversity is measured. Judging a run takes about a second;
a job judges the runs that have no judgement at their current step yet, and each is kept in the
run's folder (``quality.json``), so a run is judged once per step it reaches.
"""

from __future__ import annotations

import json
import os
import uuid

from services.common import compute, jobs
from services.common.errors import UserError
from services.common.owners import Actor
from services.common.paths import cache_dir
from services.gan import data, runs
from services.gan.config import GanConfig
from services.gan.presets import data_of

JOB_KIND = "gan-quality"
IMAGES = 500  # generated images per run: as many as a mode-collapse measurement takes
SEED = 30_000  # the noise of the judged images: the same pictures at every judgement of a run
FILE = "quality.json"
FIGURES = ("fd", "modes_covered", "n_classes", "diversity")


def judged(info: runs.RunInfo) -> dict | None:
    """The kept judgement of the run at its current step, or None."""
    try:
        kept = json.loads((cache_dir("runs", info.id) / FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return kept if kept.get("step") == info.step else None


def judgeable(info: runs.RunInfo) -> bool:
    """A run that has trained and is not training now: its checkpoint is its current step."""
    return info.step > 0 and info.job_id is None


def start(run_ids: list[str], actor: Actor) -> jobs.Job:
    """Judge, in the background, those of the runs that have no judgement at their step yet
    (anyone may: nothing of the runs changes). A job already judging is returned instead."""
    active = jobs.find(JOB_KIND, active_only=True)
    if active:
        return active[0]
    return jobs.start(JOB_KIND, lambda job: _judge_all(job, run_ids), owner=actor.owner)


def judge(run_id: str, judges: dict | None = None) -> dict:
    """Judge one run now and keep the result; ``judges`` shares the judges of data between calls."""
    from services.diffusion.own.quality import Judge  # lazy: torch, scipy
    from services.gan.model import sample

    info = runs.run_info(run_id)
    cfg = GanConfig.from_dict(info.config)
    folder = cache_dir("runs", info.id)
    spec, zip_path = data_of(run_id)
    identity = json.dumps([spec, cfg.size, cfg.channels], sort_keys=True)
    judges = {} if judges is None else judges
    if identity not in judges:
        images = data.load(spec, cfg.size, cfg.channels, zip_data=zip_path)
        judges[identity] = Judge(images.images, images.labels, images.class_names, probe_dir=folder / "probe")
    generator = runs.load_generator(run_id)
    with compute.ACCELERATOR.hold():
        fakes = sample(generator, cfg, SEED, IMAGES)
    measured = judges[identity].measure(fakes)
    result = {"step": info.step, **{name: measured.get(name) for name in FIGURES}}
    partial = folder / f"{FILE}.{uuid.uuid4().hex[:6]}.part"
    partial.write_text(json.dumps(result), encoding="utf-8")
    os.replace(partial, folder / FILE)  # whole or not at all
    return result


def _judge_all(job: jobs.Job, run_ids: list[str]) -> dict[str, dict]:
    """Each run that needs it, one after another; a run that cannot be judged is reported and skipped."""
    results, failed, judges = {}, {}, {}
    for done, run_id in enumerate(run_ids):
        job.check_cancelled()
        job.report(done, len(run_ids), run_id=run_id)
        try:
            info = runs.run_info(run_id)
            if judgeable(info):
                results[run_id] = judged(info) or judge(run_id, judges)
        except UserError as error:
            failed[run_id] = error
    job.report(len(run_ids), len(run_ids), failed=failed)
    return results
