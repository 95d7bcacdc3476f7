"""The training job of an own diffusion run (runs.py keeps its files).

It loads Lab 1's data again from its spec, trains chunk by chunk (holding the accelerator for
one chunk at a time, so other work interleaves), and on the way writes a metrics line every
10 steps, a sample grid, a quality measurement, a checkpoint and the model Lab 2 generates
with, each when it falls due. A stop saves a checkpoint and the model.
"""

from __future__ import annotations

import json
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import torch

from services.common import compute, jobs
from services.common.errors import UserError
from services.common.run_files import rewind
from services.diffusion.own import model, runs, sampling
from services.diffusion.own.config import SAMPLE_CFG, SAMPLE_STEPS, OwnConfig
from services.diffusion.own.quality import Judge
from services.diffusion.own.trainer import Trainer
from services.gan import data

METRICS_EVERY = 10  # steps averaged into one metrics line
CHECKPOINT_SECONDS = 30.0  # a checkpoint at least this often, whatever the steps
GRID_COLUMNS = 8  # samples per class in a grid (fewer with many classes)
GRID_ROWS = 10  # classes shown in a grid at most
MEASURE_PER_CLASS = 20  # images per class in a quality measurement
LIVE_SAMPLER = "Euler a"  # A1111's default


def train(job: jobs.Job, run_id: str) -> dict:
    """Train the run to its planned steps. A stop saves; a failure is written to the run."""
    folder, meta = runs.folder(run_id), runs.read_meta(run_id)
    cfg = OwnConfig.from_dict(meta["config"])
    status = runs.read_status(run_id)
    trainer = None
    try:
        # 1. Load the data (from the dataset cache after the first start)
        job.report(status.get("step", 0), cfg.iterations, phase="loading")
        images = _load_data(job, meta["data"], cfg, folder, status.get("step", 0))
        # 2. Build the trainer, from the last checkpoint if there is one
        trainer = Trainer(cfg, images.images, images.labels)
        if (folder / runs.CHECKPOINT).exists():
            trainer.load(folder / runs.CHECKPOINT)
        # 3. Forget metrics and samples past the checkpoint: a crash lost those steps, they are done again
        rewind(folder, trainer.step_count)
        runs.update_status(run_id, source=images.source, images=len(images))
        # 4. Prepare the judge: the class probe trains on the first start
        judge = _judge(job, images, folder, trainer.step_count, cfg)
        # 5. Train chunk by chunk, recording after each what falls due
        tally = _Tally.of(status)
        job.report(trainer.step_count, cfg.iterations, phase="training", images_per_s=tally.images_per_s)
        while trainer.step_count < cfg.iterations:
            job.check_cancelled()
            loss = _train_chunk(job, trainer, tally)
            _record(job, run_id, trainer, loss, judge, tally)
        runs.update_status(run_id, status="done")
        return {"run_id": run_id, "step": trainer.step_count}
    except jobs.Cancelled:
        if trainer is not None and trainer.step_count:
            _save_on_stop(job, run_id, trainer)
        runs.update_status(run_id, status="stopped")
        raise
    except UserError as error:
        runs.update_status(run_id, status="failed", error={"key": error.key, "params": error.params})
        raise
    except Exception as error:
        detail = f"{type(error).__name__}: {error}"
        runs.update_status(
            run_id, status="failed", error={"key": "job.crashed", "params": {"detail": detail}}
        )
        raise


@dataclass
class _Tally:
    """What the job carries from chunk to chunk into status.json and its reports."""

    seconds: float  # spent training, over every session of the run
    images_per_s: float | None  # training images per second, this session (or the last)
    last_quality: dict | None
    session_images: int = 0
    session_seconds: float = 0.0
    checkpointed: float = field(default_factory=time.monotonic)

    @classmethod
    def of(cls, status: dict) -> _Tally:
        return cls(status.get("seconds", 0.0), status.get("images_per_s"), status.get("last_quality"))

    def add(self, images: int, seconds: float) -> None:
        self.seconds += seconds
        self.session_images += images
        self.session_seconds += seconds
        self.images_per_s = self.session_images / self.session_seconds


def _load_data(job: jobs.Job, spec: dict, cfg: OwnConfig, folder: Path, step: int) -> data.ImageSet:
    def progress(done: int, total: int) -> None:
        job.report(step, cfg.iterations, phase="loading", loaded=done, to_load=total)

    images = data.load(spec, cfg.size, cfg.channels, progress, zip_data=folder / "data.zip")
    classes = images.class_names if images.labels is not None else []
    if classes != cfg.classes:  # the data changed since the run was made: its classes no longer fit
        raise UserError("sd.own.err.classes_changed", now=", ".join(classes[:20]) or "—")
    return images


def _judge(job: jobs.Job, images: data.ImageSet, folder: Path, step: int, cfg: OwnConfig) -> Judge:
    job.report(step, cfg.iterations, phase="probe")
    return Judge(images.images, images.labels, images.class_names, probe_dir=folder / "probe")


def _accelerator(job: jobs.Job, trainer: Trainer):
    """The accelerator for the job's next piece of work, queueing (and saying so) while it is busy."""
    step, iterations = trainer.step_count, trainer.cfg.iterations

    def waiting(ahead: int) -> None:
        job.report(step, iterations, phase="waiting", ahead=ahead)

    holder = compute.Holder(runs.JOB_KIND, job.owner, job.id)
    return compute.ACCELERATOR.hold(waiting, lambda: job.cancel_requested, holder)


def _train_chunk(job: jobs.Job, trainer: Trainer, tally: _Tally) -> float:
    """Steps up to the next metrics line (or a stop), holding the accelerator only for that long."""
    cfg, step = trainer.cfg, trainer.step_count
    with _accelerator(job, trainer):
        began = time.perf_counter()
        loss = trainer.steps(_chunk(step, cfg), stop=lambda: job.cancel_requested)
        tally.add((trainer.step_count - step) * cfg.batch, time.perf_counter() - began)
    return loss


def _chunk(step: int, cfg: OwnConfig) -> int:
    """Steps to the next metrics line, sample grid, measurement, checkpoint or the end."""
    ends = [METRICS_EVERY, cfg.sample_every, cfg.eval_every, cfg.checkpoint_every]
    nearest = min(step + every - step % every for every in ends)
    return min(nearest, cfg.iterations) - step


def _record(job: jobs.Job, run_id: str, trainer: Trainer, loss: float, judge: Judge, tally: _Tally) -> None:
    """A metrics line, and where they fall due a measurement, a sample grid, a checkpoint and the
    model; then the run's status and the job's report."""
    cfg, step, folder = trainer.cfg, trainer.step_count, runs.folder(run_id)
    final = step >= cfg.iterations
    record = {"step": step, "loss": loss}
    report = {"phase": "training", "loss": loss}
    due = {
        "samples": step % cfg.sample_every == 0 or final,
        "measure": step % cfg.eval_every == 0 or final,
        "save": step % cfg.checkpoint_every == 0
        or final
        or time.monotonic() - tally.checkpointed >= CHECKPOINT_SECONDS,
    }
    averaged = trainer.averaged() if any(due.values()) else None
    if due["measure"]:
        job.report(step, phase="measuring")
        with _accelerator(job, trainer):
            tally.last_quality = {"step": step, **measure(averaged, cfg, judge)}
        record |= tally.last_quality
    with open(folder / "metrics.jsonl", "a", encoding="utf-8") as f:
        f.write(json.dumps(record) + "\n")
    if due["samples"]:
        job.report(step, phase="sampling")
        with _accelerator(job, trainer):
            _save_samples(folder, averaged, cfg, step)
        report["sample_step"] = step
    if due["save"]:
        job.report(step, phase="saving")
        _save(run_id, trainer, averaged, tally)
        tally.checkpointed = time.monotonic()
    latest = {"last_loss": loss, "last_quality": tally.last_quality, "images_per_s": tally.images_per_s}
    runs.update_status(run_id, step=step, seconds=tally.seconds, **latest)
    job.report(step, cfg.iterations, images_per_s=tally.images_per_s, quality=tally.last_quality, **report)


def measure(
    network, cfg: OwnConfig, judge: Judge, per_class: int = MEASURE_PER_CLASS, seed: int = 10_000
) -> dict:
    """Class accuracy, Fréchet distance, coverage and diversity of ``per_class`` images per class,
    drawn with the live samples' settings."""
    classes = [c for c in range(cfg.n_classes) for _ in range(per_class)]
    images = draw(network, cfg, classes, seed)
    return judge.measure(images, asked=classes if cfg.n_classes > 1 else None)


def draw(network, cfg: OwnConfig, classes: list[int], seed: int) -> torch.Tensor:
    """Images of ``classes`` from seeds ``seed``, ``seed + 1``..., with the live samples' settings."""
    loaded = model.OwnModel.of(network, cfg)
    seeds = list(range(seed, seed + len(classes)))
    negatives = [loaded.null_class] * len(classes)
    images, _ = sampling.denoise(loaded, classes, negatives, seeds, SAMPLE_STEPS, SAMPLE_CFG, LIVE_SAMPLER)
    return images


def _save_samples(folder: Path, network, cfg: OwnConfig, step: int) -> None:
    """A row per class (the first ten), the same seeds at every step."""
    rows = min(cfg.n_classes, GRID_ROWS)
    columns = GRID_COLUMNS if rows <= 4 else GRID_COLUMNS // 2
    classes = [c for c in range(rows) for _ in range(columns)]
    images = draw(network, cfg, classes, seed=0)
    samples = folder / "samples"
    samples.mkdir(exist_ok=True)
    partial = samples / f"step_{step:05d}.part"
    data.to_pil_grid(images, nrow=columns).save(partial, format="PNG")
    os.replace(partial, samples / f"step_{step:05d}.png")


def _save(run_id: str, trainer: Trainer, averaged, tally: _Tally) -> None:
    """A checkpoint to continue from, and the averaged model Lab 2 generates with."""
    folder = runs.folder(run_id)
    partial = folder / f"checkpoint.{os.getpid()}.{threading.get_ident()}.part"
    trainer.save(partial)
    os.replace(partial, folder / runs.CHECKPOINT)
    meta, cfg = runs.read_meta(run_id), trainer.cfg
    about = {
        "title": meta["title"],
        "classes": cfg.classes,
        "size": cfg.size,
        "channels": cfg.channels,
        "step": trainer.step_count,
        "seconds": round(tally.seconds, 1),
        "data": meta["data"],
    }
    model.save(folder / runs.MODEL, averaged, about)


def _save_on_stop(job: jobs.Job, run_id: str, trainer: Trainer) -> None:
    """Keep what a stopped job trained: a checkpoint, the model and a sample grid at its last step."""
    job.report(trainer.step_count, phase="saving")
    averaged = trainer.averaged()
    _save(run_id, trainer, averaged, _Tally.of(runs.read_status(run_id)))
    _save_samples(runs.folder(run_id), averaged, trainer.cfg, trainer.step_count)
    runs.update_status(run_id, step=trainer.step_count)
