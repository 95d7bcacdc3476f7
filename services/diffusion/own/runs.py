"""Training runs of own diffusion models that survive page reloads, stops and server restarts.

A run is a folder ``cache/own_diffusion/<run id>/``:

    config.json              title, creation time, owner, the OwnConfig and how to reload the data
    status.json              status, step, seconds trained, speed, the data's source, newest loss
                             and quality, error
    metrics.jsonl            one line per 10 steps: step, loss; at measurement steps also
                             class_accuracy, fd, modes_covered, n_classes, diversity
    checkpoint.safetensors   weights, their moving average, AdamW's moments, RNG state, step
    model/                   the averaged weights as a diffusers folder (``from_pretrained`` opens it),
                             rewritten with every checkpoint: what Lab 2's model picker offers
    samples/step_00200.png   a row per class from the same seeds at every step, so progress is visible
    probe/, data.zip         the class probe that judges the samples, an uploaded archive

Training is a job (kind ``"own_diffusion"``, key = run id), in training.py. Stopping it saves
a checkpoint; starting again continues from it with the same step counter and random state.
"""

from __future__ import annotations

import logging
import re
import shutil
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from services.common import jobs
from services.common.errors import UserError
from services.common.owners import Actor
from services.common.run_files import RunFiles, write_json
from services.diffusion import samplers
from services.diffusion.models import ModelRef
from services.diffusion.own.config import SAMPLE_CFG, SAMPLE_STEPS, OwnConfig
from services.gan import data

log = logging.getLogger(__name__)

JOB_KIND = "own_diffusion"
FOLDER = "own_diffusion"
CHECKPOINT = "checkpoint.safetensors"
MODEL = "model"
# the A1111 samplers that apply to a model trained here: all but LCM, which needs a model
# distilled for it (latent consistency)
SAMPLERS = tuple(name for name in samplers.NAMES if name != "LCM")
_RUN_ID = re.compile(r"^\d{8}-\d{6}-[0-9a-f]{6}$")
_START_LOCK = threading.Lock()
FILES = RunFiles(FOLDER, _RUN_ID, OwnConfig, unknown="sd.own.err.unknown", unreadable="sd.own.err.unreadable")
# the run files' functions under this module's names
folder, read_meta, read_status, update_status = (
    FILES.folder,
    FILES.read_meta,
    FILES.read_status,
    FILES.update_status,
)
metrics, sample_steps, samples_at = FILES.metrics, FILES.sample_steps, FILES.samples_at


@dataclass
class RunInfo:
    id: str
    title: str
    created: float  # Unix time
    # "new", "running", "stopped" (by the user), "done", "failed" (see error), "interrupted"
    # (the server stopped while it trained; resumed at the next start)
    status: str
    step: int
    iterations: int
    config: dict  # OwnConfig.to_dict()
    spec: dict  # the data spec (services.gan.data.load)
    source: str  # where the images come from, a data.source_name
    seconds: float  # time spent training, over all sessions
    images_per_s: float | None  # training images per second, last session
    last_loss: float | None
    last_quality: dict | None  # the newest measurement, with its step
    owner: str | None
    error: UserError | None = None
    job_id: str | None = None  # the live job training it, if any
    images: int | None = None  # how many images it trains on, once loaded
    samples: list[int] = field(default_factory=list)  # steps that have a sample grid

    @property
    def fraction(self) -> float:
        return min(1.0, self.step / self.iterations) if self.iterations else 0.0

    @property
    def has_model(self) -> bool:
        return (folder(self.id) / MODEL / "model_index.json").is_file()

    @property
    def resumable(self) -> bool:
        return self.job_id is None and self.status != "done" and self.step < self.iterations


# ---------------------------------------------------------------- public API


def create(
    cfg: OwnConfig,
    data_spec: dict,
    title: str | None = None,
    zip_path: Path | None = None,
    owner: str | None = None,
    images: int | None = None,
) -> str:
    """A new run (status "new"); nothing trains until ``start``. ``cfg`` carries the data's size,
    channels and classes; ``data_spec`` says how to load its images again (``data.load``), with an
    uploaded zip at ``zip_path``; ``images``, where known, is checked to be enough to train on."""
    cfg.check()
    if images is not None and images < 2:
        raise UserError("sd.own.err.too_few", count=images)
    spec = data.check_spec(data_spec, zip_path)
    created = time.time()
    title = (title or "").strip()[:120] or default_title(spec, cfg, created)
    meta = {"title": title, "created": created, "config": cfg.to_dict(), "data": spec, "owner": owner}
    return FILES.create(meta, zip_path)


def default_title(spec: dict, cfg: OwnConfig, created: float) -> str:
    """A language-neutral name that tells runs apart: data · size · steps · creation time."""
    names = {"builtin": spec.get("name"), "kaggle": f"kaggle #{spec.get('variant')}"}
    what = names.get(spec["kind"]) or Path(str(spec.get("path") or spec.get("name"))).name
    stamp = time.strftime("%d.%m %H:%M", time.localtime(created))
    return f"{what} · {cfg.size} px · {cfg.iterations} steps · {stamp}"


def start(run_id: str, actor: Actor) -> jobs.Job:
    """Train the run in the background, from its checkpoint if it has one, if ``actor`` may.

    Returns the live job if it trains already. The job reports ``done`` = step, ``total`` =
    iterations; ``info`` holds ``phase`` ("loading", "probe", "training", "waiting" with
    ``ahead``, "sampling", "measuring", "saving"), ``loss``, ``quality`` and ``sample_step``."""
    actor.check(read_meta(run_id).get("owner"))
    return _start(run_id)


def _start(run_id: str) -> jobs.Job:
    from services.diffusion.own import training  # lazy: torch

    with _START_LOCK:
        active = jobs.find(JOB_KIND, run_id, active_only=True)
        if active:
            return active[0]
        meta, status = read_meta(run_id), read_status(run_id)
        if status.get("step", 0) >= meta["config"]["iterations"]:
            raise UserError("sd.own.err.complete", iterations=meta["config"]["iterations"])
        update_status(run_id, status="running", error=None)
        return jobs.start(
            JOB_KIND, lambda job: training.train(job, run_id), key=run_id, owner=meta.get("owner")
        )


def extend(run_id: str, more: int, actor: Actor) -> None:
    """Plan ``more`` steps beyond the current total, so a finished run can go on."""
    meta = read_meta(run_id)
    actor.check(meta.get("owner"))
    if not isinstance(more, int) or isinstance(more, bool) or not 1 <= more <= 1_000_000:
        raise UserError("sd.own.err.value", name="iterations", value=more)
    if jobs.find(JOB_KIND, run_id, active_only=True):
        raise UserError("sd.own.err.busy")
    meta["config"]["iterations"] += more
    write_json(folder(run_id) / "config.json", meta)
    if read_status(run_id).get("status") == "done":
        update_status(run_id, status="stopped")


def list_runs() -> list[RunInfo]:
    """Every run in the cache, newest first; unreadable folders are skipped."""
    found = []
    for run_id in FILES.ids():
        try:
            found.append(run_info(run_id))
        except UserError:
            log.warning("skipping unreadable run folder %s", run_id)
    return sorted(found, key=lambda r: r.created, reverse=True)


def run_info(run_id: str) -> RunInfo:
    meta, status = read_meta(run_id), read_status(run_id)
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
        spec=meta["data"],
        source=status.get("source") or "",
        seconds=status.get("seconds", 0.0),
        images_per_s=status.get("images_per_s"),
        last_loss=status.get("last_loss"),
        last_quality=status.get("last_quality"),
        owner=meta.get("owner"),
        error=UserError(error["key"], **error["params"]) if error else None,
        job_id=active[0].id if active else None,
        images=status.get("images"),
        samples=sample_steps(run_id),
    )


def model_ref(run_id: str) -> ModelRef:
    """Lab 2's handle on the run's newest saved model; its version changes with every save, so a
    newer model is loaded anew while the settings the form keeps per model stay."""
    info = run_info(run_id)
    if not info.has_model:
        raise UserError("sd.own.err.no_model", name=info.title)
    cfg = OwnConfig.from_dict(info.config)
    scale = shown_scale(cfg.size)
    path = folder(run_id) / MODEL
    return ModelRef(
        "own",
        str(path),
        info.title,
        version=str((path / "model_index.json").stat().st_mtime_ns),
        default_size=cfg.size * scale,
        default_steps=SAMPLE_STEPS,
        default_cfg=SAMPLE_CFG,
        can_lora=False,
        can_inpaint=False,
        fixed_size=cfg.size * scale,
        samplers=SAMPLERS,
    )


def shown_scale(size: int) -> int:
    """How many times larger than the model's side its pictures are written: the smallest whole
    factor that makes a side Lab 2's form takes (a multiple of 8, at least 64 px)."""
    scale = 1
    while size * scale < 64 or (size * scale) % 8:
        scale += 1
    return scale


def resume_interrupted() -> list[str]:
    """Restart the runs that were training when the server stopped, each for its owner.
    Call once when the server starts; again, it leaves training runs alone."""
    resumed = []
    for info in list_runs():
        if info.status == "interrupted":
            try:
                _start(info.id)
                resumed.append(info.id)
            except UserError as error:
                log.warning("could not resume own diffusion run %s: %s", info.id, error)
    return resumed


def delete(run_id: str, actor: Actor) -> None:
    """Stop the run if it trains, then remove its folder, if ``actor`` may."""
    path = folder(run_id)
    actor.check(read_meta(run_id).get("owner"))
    for job in jobs.find(JOB_KIND, run_id, active_only=True):
        job.cancel()
        if not job.wait(30):
            raise UserError("sd.own.err.busy")
    shutil.rmtree(path, ignore_errors=True)
