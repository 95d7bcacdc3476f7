"""GAN training runs that survive page reloads, stops and server restarts.

A run is a folder ``cache/runs/<run_id>/``:

    config.json              title, creation time, the GanConfig and how to reload the data
    status.json              status, step, seconds trained, speed, data source and image
                             count, last metrics, last mode-collapse measurement, error
    metrics.jsonl            one line per ~10 steps: step, loss_d, loss_g, d_real, d_fake,
                             and at eval steps diversity, collapsed, modes_covered, kl, histogram
    checkpoint.safetensors   weights, BatchNorm statistics, Adam moments, RNG state, step
    samples/step_00100.png   grids of the same fixed noise, so progress is visible
    data.zip, probe/         an uploaded archive, the mode-collapse probe's cache

Training is a job (kind ``"gan"``, key = run id), ``_train``. Stopping it saves a checkpoint;
starting the run again continues from that checkpoint with the same step counter and random
state, so a stopped-and-resumed run follows the same path as an uninterrupted one.

app.py imports this module (``resume_interrupted``, ``GENERATORS``) where torch may be missing,
so the modules that need torch (model, trainer, speedups, collapse) are imported in the
functions that use them.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from services.common import compute, jobs
from services.common.errors import UserError
from services.common.model_cache import ModelCache
from services.common.owners import Actor
from services.common.run_files import RunFiles, rewind, write_json
from services.gan import data
from services.gan.config import GanConfig

if TYPE_CHECKING:
    from services.gan.collapse import Monitor
    from services.gan.trainer import Trainer

log = logging.getLogger(__name__)

JOB_KIND = "gan"
CHECKPOINT = "checkpoint.safetensors"
GRID_SIZE = 64  # images in each sample grid, 8 x 8
EVAL_SAMPLES = 500  # generated images per mode-collapse measurement
METRICS_EVERY = 10  # steps averaged into one metrics line
CHECKPOINT_SECONDS = 30.0  # a checkpoint at least this often, whatever the steps
# failures that a new start would meet again: the run's config does not fit its data
LASTING_FAILURES = ("gan.data.too_few", "gan.data.shape")
_RUN_ID = re.compile(r"^[0-9a-z-]{6,64}$")
_START_LOCK = threading.Lock()
# generators loaded for sampling: their own small cache, so opening Lab 1's samples never
# evicts a Stable Diffusion pipeline from model_cache.RESIDENT (a generator is a few MB)
GENERATORS = ModelCache(max_items=4)
FILES = RunFiles("runs", _RUN_ID, GanConfig, unknown="gan.run.unknown", unreadable="gan.run.unreadable")
# the run files' functions under this module's names
_folder, _read_meta, _read_status, _update_status = (
    FILES.folder,
    FILES.read_meta,
    FILES.read_status,
    FILES.update_status,
)
metrics, sample_steps, samples_at = FILES.metrics, FILES.sample_steps, FILES.samples_at
_GENERATOR_KEYS: dict[str, tuple] = {}  # run id -> its generator's key in GENERATORS


@dataclass
class RunInfo:
    id: str
    title: str
    created: float  # Unix time
    # "new" (created, never trained), "running", "stopped" (by the user; resumable), "done",
    # "failed" (see error), "interrupted" (the server stopped while it trained; resumable)
    status: str
    step: int  # generator updates done
    iterations: int  # generator updates planned
    config: dict  # GanConfig.to_dict()
    data: str  # where the images come from: a data.source_name, e.g. "builtin shapes"
    last_metrics: dict | None  # the newest metrics line
    last_collapse: dict | None  # the newest mode-collapse measurement (with its step)
    seconds: float  # time spent training, over all sessions
    images_per_s: float | None  # real images through the discriminator per second, last session
    error: UserError | None = None  # why a failed run failed
    job_id: str | None = None  # the live job training it, if any
    images: int | None = None  # how many images it trains on, once training has loaded them
    samples: list[int] = field(default_factory=list)  # steps that have a sample grid
    owner: str | None = None  # who started it (a hash, services/common/owners.py): only they, or an
    # instructor, may start, stop, extend or delete it; everybody may look

    @property
    def fraction(self) -> float:
        return min(1.0, self.step / self.iterations) if self.iterations else 0.0

    @property
    def can_go_on(self) -> bool:
        """Whether more training may help: not while it trains, nor after a lasting failure."""
        return self.job_id is None and not (self.error and self.error.key in LASTING_FAILURES)

    @property
    def resumable(self) -> bool:
        """Whether *Resume* has steps left to train (a finished run is extended instead)."""
        return self.can_go_on and self.status != "done" and self.step < self.iterations


# ---------------------------------------------------------------- public API


def create(
    cfg: GanConfig,
    data_spec: dict,
    title: str | None = None,
    zip_path: Path | None = None,
    owner: str | None = None,
    images: int | None = None,
) -> str:
    """A new run (status "new"); nothing trains until ``start``.

    ``data_spec`` says how to load the images again after a restart (see ``data.load``; the
    image size and channels come from ``cfg``), with an uploaded zip at ``zip_path`` (linked into
    the run folder). ``images``, the number the data holds where the caller knows it, is
    checked against the config first: a run that could never train is never made. Raises
    ``UserError`` for a bad config or data spec. Without a ``title`` the run is named by its data,
    size, iterations and creation time.
    """
    check(cfg, images)
    spec = data.check_spec(data_spec, zip_path)
    created = time.time()
    title = (title or "").strip() or default_title(spec, cfg, created)
    meta = {"title": title, "created": created, "config": cfg.to_dict(), "data": spec, "owner": owner}
    return FILES.create(meta, zip_path)


def check(cfg: GanConfig, images: int | None) -> None:
    """``UserError`` for a config that cannot train on ``images`` images (fewer than one
    minibatch), or that is invalid in itself."""
    cfg.check()
    if images is not None and images < cfg.batch:
        raise UserError("gan.data.too_few", count=images, batch=cfg.batch)


def default_title(spec: dict, cfg: GanConfig, created: float) -> str:
    """A language-neutral name that tells runs apart: data · size · iterations · creation time."""
    stamp = time.strftime("%d.%m %H:%M:%S", time.localtime(created))
    return f"{_describe(spec)} · {cfg.size} px · {cfg.iterations} it. · {stamp}"


def start(run_id: str, actor: Actor) -> jobs.Job:
    """Train the run in the background, from its last checkpoint if it has one, if ``actor`` may.

    Returns the run's live job if it already trains. The job reports ``done`` = step and
    ``total`` = iterations; its ``info`` holds ``run_id``, ``phase`` ("loading" the data,
    "probe": training the mode-collapse classifier, "training", "waiting" for the
    accelerator with ``ahead`` jobs before it, "saving"), ``metrics`` (the newest line),
    ``collapse`` (the newest measurement), ``images_per_s`` and ``sample_step`` (the newest grid).
    Raises ``UserError("gan.run.complete")`` when every planned step is done: ``extend`` first.
    """
    actor.check(_read_meta(run_id).get("owner"))
    return _start(run_id)


def _start(run_id: str) -> jobs.Job:
    with _START_LOCK:
        active = jobs.find(JOB_KIND, run_id, active_only=True)
        if active:
            return active[0]
        meta, status = _read_meta(run_id), _read_status(run_id)
        if status.get("step", 0) >= meta["config"]["iterations"]:
            raise UserError("gan.run.complete", iterations=meta["config"]["iterations"])
        error = status.get("error")
        if error and error["key"] in LASTING_FAILURES:  # it would fail the same way again
            raise UserError(error["key"], **error["params"])
        _update_status(run_id, status="running", error=None)
        return jobs.start(JOB_KIND, lambda job: _train(job, run_id), key=run_id, owner=meta.get("owner"))


def extend(run_id: str, more: int, actor: Actor) -> GanConfig:
    """Plan ``more`` generator steps beyond the current total, so a finished run can go on."""
    actor.check(_read_meta(run_id).get("owner"))
    if not isinstance(more, int) or isinstance(more, bool) or not 1 <= more <= 1_000_000:
        raise UserError("gan.config.iterations", value=more, low=1, high=1_000_000)
    info = run_info(run_id)
    if info.job_id is not None:
        raise UserError("gan.run.busy")
    if not info.can_go_on:  # more steps would fail the same way
        raise info.error
    meta = _read_meta(run_id)
    cfg = GanConfig.from_dict(meta["config"])
    cfg.iterations += more
    meta["config"] = cfg.check().to_dict()
    write_json(_folder(run_id) / "config.json", meta)
    if _read_status(run_id)["status"] == "done":
        _update_status(run_id, status="stopped")
    return cfg


def list_runs() -> list[RunInfo]:
    """Every run in the cache, newest first; unreadable folders are skipped."""
    runs = []
    for run_id in FILES.ids():
        try:
            runs.append(run_info(run_id))
        except UserError:
            log.warning("skipping unreadable run folder %s", run_id)
    return sorted(runs, key=lambda r: r.created, reverse=True)


def run_info(run_id: str) -> RunInfo:
    meta, status = _read_meta(run_id), _read_status(run_id)
    active = jobs.find(JOB_KIND, run_id, active_only=True)
    state = status.get("status", "new")
    if state == "running" and not active:
        state = "interrupted"
    error = status.get("error")
    return RunInfo(
        id=run_id,
        title=meta["title"],
        created=meta["created"],
        status=state,
        step=status.get("step", 0),
        iterations=meta["config"]["iterations"],
        config=meta["config"],
        data=status.get("source") or _source(meta["data"]),
        last_metrics=status.get("last_metrics"),
        last_collapse=status.get("last_collapse"),
        seconds=status.get("seconds", 0.0),
        images_per_s=status.get("images_per_s"),
        error=UserError(error["key"], **error["params"]) if error else None,
        job_id=active[0].id if active else None,
        images=status.get("images"),
        samples=sample_steps(run_id),
        owner=meta.get("owner"),
    )


def load_generator(run_id: str):
    """The run's generator from its last checkpoint, in eval mode on the compute device.

    Kept in ``GENERATORS`` under the checkpoint's time stamp (labelled by the run's title), so
    every session shares one copy and a newer checkpoint is loaded when there is one.
    """
    path = _folder(run_id) / CHECKPOINT
    if not path.exists():
        raise UserError("gan.run.no_checkpoint")
    meta = _read_meta(run_id)
    stamp = path.stat().st_mtime_ns
    key = _GENERATOR_KEYS[run_id] = ("gan", run_id, stamp)
    return GENERATORS.get(key, lambda: _load_generator(path, meta), f"GAN · {meta['title']}")


def resume_interrupted() -> list[str]:
    """Restart the runs that were training when the server stopped (status "running", no live job),
    each for its owner. Call once when the server starts; again, it leaves training runs alone.
    """
    resumed = []
    for info in list_runs():
        if info.status == "interrupted":
            try:
                _start(info.id)
                resumed.append(info.id)
            except UserError as error:
                log.warning("could not resume run %s: %s", info.id, error)
    return resumed


def delete(run_id: str, actor: Actor) -> None:
    """Stop the run if it trains, then remove its folder and its cached generator, if ``actor`` may."""
    folder = _folder(run_id)
    actor.check(_read_meta(run_id).get("owner"))
    for job in jobs.find(JOB_KIND, run_id, active_only=True):
        job.cancel()
        if not job.wait(30):
            raise UserError("gan.run.busy")
    key = _GENERATOR_KEYS.pop(run_id, None)
    if key is not None:
        GENERATORS.drop(key)
    shutil.rmtree(folder, ignore_errors=True)


# ---------------------------------------------------------------- the training job


def _train(job: jobs.Job, run_id: str) -> dict:
    """The training job of a run. A stop saves a checkpoint; a failure is written to the run."""
    folder, meta = _folder(run_id), _read_meta(run_id)
    cfg = GanConfig.from_dict(meta["config"])
    status = _read_status(run_id)
    trainer = None
    try:
        # 1. Load the data (from the dataset cache after the first start)
        job.report(status.get("step", 0), cfg.iterations, run_id=run_id, phase="loading")
        images = _load_data(job, meta["data"], cfg, folder, status.get("step", 0))
        _update_status(run_id, source=images.source, images=len(images))
        # 2. Build the trainer, made fast for this machine, from the last checkpoint if there is one
        trainer = _build_trainer(cfg, images, folder)
        # 3. Forget metrics and samples past the checkpoint: a crash lost those steps, they are done again
        rewind(folder, trainer.step_count)
        # 4. Prepare the mode-collapse monitor (its class probe trains on the first start)
        monitor = _monitor(job, images, folder, trainer.step_count, cfg)
        # 5. Train chunk by chunk, recording after each what falls due
        tally = _Tally.of(status)
        job.report(trainer.step_count, cfg.iterations, phase="training", images_per_s=tally.images_per_s)
        while trainer.step_count < cfg.iterations:
            job.check_cancelled()
            stats = _train_chunk(job, trainer, tally)
            _record(job, run_id, trainer, stats, monitor, tally)
        # 6. Mark the run done
        _update_status(run_id, status="done")
        return {"run_id": run_id, "step": trainer.step_count}
    except jobs.Cancelled:
        if trainer is not None:
            _save_on_stop(job, run_id, trainer)
        _update_status(run_id, status="stopped")
        raise
    except UserError as error:
        _update_status(run_id, status="failed", error={"key": error.key, "params": _jsonable(error.params)})
        raise
    except Exception as error:
        detail = f"{type(error).__name__}: {error}"
        _update_status(run_id, status="failed", error={"key": "job.crashed", "params": {"detail": detail}})
        raise


@dataclass
class _Tally:
    """What the job carries from chunk to chunk into status.json and its reports."""

    seconds: float  # spent training, over every session of the run
    images_per_s: float | None  # real images through D per second, this session (or the last)
    last_collapse: dict | None  # the newest mode-collapse measurement, with its step
    session_steps: int = 0
    session_seconds: float = 0.0
    checkpointed: float = field(default_factory=time.monotonic)  # when the last checkpoint was saved

    @classmethod
    def of(cls, status: dict) -> _Tally:
        return cls(status.get("seconds", 0.0), status.get("images_per_s"), status.get("last_collapse"))

    def add(self, steps: int, seconds: float, images_per_step: int) -> None:
        self.seconds += seconds
        self.session_steps += steps
        self.session_seconds += seconds
        self.images_per_s = self.session_steps * images_per_step / self.session_seconds


def _load_data(job: jobs.Job, spec: dict, cfg: GanConfig, folder: Path, step: int) -> data.ImageSet:
    def progress(done: int, total: int) -> None:
        job.report(step, cfg.iterations, phase="loading", loaded=done, to_load=total)

    return data.load(spec, cfg.size, cfg.channels, progress, zip_data=folder / "data.zip")


def _build_trainer(cfg: GanConfig, images: data.ImageSet, folder: Path) -> Trainer:
    from services.gan.speedups import speed_up  # torch: see the module docstring
    from services.gan.trainer import Trainer

    trainer = speed_up(Trainer(cfg, images.images))
    if (folder / CHECKPOINT).exists():
        trainer.load(folder / CHECKPOINT)
    return trainer


def _monitor(job: jobs.Job, images: data.ImageSet, folder: Path, step: int, cfg: GanConfig) -> Monitor:
    """The mode-collapse monitor for the run's real images; its class probe is trained on the
    first start (seconds) and read from the run folder after that."""
    from services.gan.collapse import Monitor  # torch: see the module docstring

    def progress(done: int, total: int) -> None:
        job.report(step, cfg.iterations, phase="probe", probe_done=done, probe_total=total)

    return Monitor(
        images.images,
        labels=images.labels,
        class_names=images.class_names,
        probe_dir=folder / "probe",
        progress=progress,
    )


def _train_chunk(job: jobs.Job, trainer: Trainer, tally: _Tally) -> dict[str, float]:
    """Algorithm 1 up to the next metrics line (or a stop), holding the accelerator only for
    that long, so other labs' work can interleave with a long run."""
    cfg, step = trainer.cfg, trainer.step_count

    def waiting(ahead: int) -> None:
        job.report(step, cfg.iterations, phase="waiting", ahead=ahead)

    began = time.perf_counter()
    holder = compute.Holder(JOB_KIND, job.owner, job.id)  # the queue shows whose turn it is
    with compute.ACCELERATOR.hold(waiting, lambda: job.cancel_requested, holder):
        stats = trainer.steps(_chunk(step, cfg), stop=lambda: job.cancel_requested)
    tally.add(trainer.step_count - step, time.perf_counter() - began, cfg.batch * cfg.k)
    return stats


def _chunk(step: int, cfg: GanConfig) -> int:
    """Steps to run before the next metrics line, sample, measurement, checkpoint or the end."""
    ends = [METRICS_EVERY, cfg.sample_every, cfg.eval_every, cfg.checkpoint_every]
    nearest = min(step + every - step % every for every in ends)
    return min(nearest, cfg.iterations) - step


def _record(
    job: jobs.Job, run_id: str, trainer: Trainer, stats: dict, monitor: Monitor, tally: _Tally
) -> None:
    """A metrics line, and where they fall due a mode-collapse measurement, a sample grid
    and a checkpoint; then the run's status and the job's report."""
    cfg, step, folder = trainer.cfg, trainer.step_count, _folder(run_id)
    final = step == cfg.iterations
    record = {"step": step, **stats}
    if step % cfg.eval_every == 0 or final:
        measured = _measure_collapse(trainer, monitor)
        record |= measured
        tally.last_collapse = {"step": step, **measured}
    with open(folder / "metrics.jsonl", "a", encoding="utf-8") as f:
        f.write(json.dumps(record) + "\n")
    report = {"phase": "training", "metrics": record, "collapse": tally.last_collapse}
    if step % cfg.sample_every == 0 or final:
        _save_samples(folder, trainer)
        report["sample_step"] = step
    # by steps, and by time: a server killed mid-run loses at most CHECKPOINT_SECONDS of training
    if (
        step % cfg.checkpoint_every == 0
        or final
        or time.monotonic() - tally.checkpointed >= CHECKPOINT_SECONDS
    ):
        _save_checkpoint(folder, trainer)
        tally.checkpointed = time.monotonic()
    latest = {
        "last_metrics": record,
        "last_collapse": tally.last_collapse,
        "images_per_s": tally.images_per_s,
    }
    _update_status(run_id, step=step, seconds=tally.seconds, **latest)
    job.report(step, cfg.iterations, images_per_s=tally.images_per_s, **report)


def _measure_collapse(trainer: Trainer, monitor: Monitor) -> dict:
    """Mode-collapse measures of generated images, as many as there are real ones (at most ``EVAL_SAMPLES``)."""
    from services.gan.model import sample  # torch: see the module docstring

    cfg = trainer.cfg
    fakes = sample(trainer.generator, cfg, cfg.seed + 1, min(EVAL_SAMPLES, len(trainer.data)))
    return _jsonable(monitor.measure(fakes, trainer.step_count))


def _save_on_stop(job: jobs.Job, run_id: str, trainer: Trainer) -> None:
    """Keep what a stopped job trained: a checkpoint and a sample grid at its last step."""
    folder = _folder(run_id)
    job.report(trainer.step_count, phase="saving")
    _save_checkpoint(folder, trainer)
    _save_samples(folder, trainer)
    _update_status(run_id, step=trainer.step_count)


def _load_generator(path: Path, meta: dict):
    from services.gan.model import build  # torch: see the module docstring
    from services.gan.trainer import read_checkpoint

    generator, _ = build(GanConfig.from_dict(meta["config"]))
    generator.load_state_dict({k[2:]: v for k, v in read_checkpoint(path, prefix="g.").items()})
    return generator.to(compute.device()).eval()


# ---------------------------------------------------------------- files


def _save_checkpoint(folder: Path, trainer: Trainer) -> None:
    partial = folder / f"checkpoint.{os.getpid()}.{threading.get_ident()}.part"
    trainer.save(partial)
    os.replace(partial, folder / CHECKPOINT)


def _save_samples(folder: Path, trainer: Trainer) -> None:
    """The grid of the run's fixed noise at the trainer's step, so progress is visible."""
    from services.gan.model import fixed_noise, generate  # torch: see the module docstring

    images = generate(trainer.generator, fixed_noise(trainer.cfg, GRID_SIZE, trainer.cfg.seed))
    samples = folder / "samples"
    samples.mkdir(exist_ok=True)
    partial = samples / f"step_{trainer.step_count:05d}.part"
    data.to_pil_grid(images, nrow=8).save(partial, format="PNG")
    os.replace(partial, samples / f"step_{trainer.step_count:05d}.png")


def _source(spec: dict) -> str:
    """The data as a ``data.source_name`` before training has loaded it ("kaggle #3": no version yet)."""
    name = f"#{spec['variant']}" if spec["kind"] == "kaggle" else _describe(spec)
    return data.source_name(spec["kind"], name)


def _describe(spec: dict) -> str:
    """A short, language-neutral name for the data: 'shapes', 'kaggle #3', a folder or zip name."""
    if spec["kind"] == "builtin":
        return spec["name"]
    if spec["kind"] == "kaggle":
        return f"kaggle #{spec['variant']}"
    if spec["kind"] == "folder":
        return Path(spec["path"]).name
    return spec["name"]


def _jsonable(value):
    """numpy and torch numbers and arrays as plain JSON values."""
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if hasattr(value, "tolist"):
        return value.tolist()
    return value
