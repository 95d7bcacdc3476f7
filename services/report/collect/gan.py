"""Lab 1's saved work for a report: GAN training runs (services/gan/runs.py), read into ``GanRun``."""

from __future__ import annotations

import io
import json

from services.common.paths import cache_dir
from services.gan import runs
from services.report.collect import Saved, device
from services.report.inputs import GanRun


def listed(lang: str) -> list[Saved]:
    """Every run, titled as the student (or the app, from its data) named it: in no one language."""
    return [
        Saved("gan", "run", info.id, info.title, info.created, info.status, info.owner)
        for info in runs.list_runs()
    ]


def read(saved: Saved, lang: str, pictures: bool) -> GanRun:
    """The run as it stands now (a run still training gives its steps so far): its settings, every
    metrics line, and its newest sample grid."""
    info = runs.run_info(saved.id)  # a deleted run raises UserError
    grid, step = None, None
    if pictures and info.samples:
        step = info.samples[-1]
        grid = _png(runs.samples_at(saved.id, step))
    return GanRun(
        title=info.title,
        config=info.config,
        data=_data_spec(saved.id),
        source=info.data,
        images=info.images,
        status=info.status,
        step=info.step,
        seconds=info.seconds,
        images_per_s=info.images_per_s,
        device=device(lang),
        metrics=runs.metrics(saved.id),
        samples_png=grid,
        samples_step=step if grid else None,
    )


def _data_spec(run_id: str) -> dict:
    """How the run loads its images (config.json's "data"): RunInfo names the data, the script needs the spec."""
    meta = json.loads((cache_dir("runs") / run_id / "config.json").read_text(encoding="utf-8"))
    return meta["data"]


def _png(picture) -> bytes | None:
    if picture is None:
        return None
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return buffer.getvalue()
