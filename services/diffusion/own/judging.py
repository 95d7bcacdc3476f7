"""The quality of an own model's images in Lab 2's experiments: a measured curve, not only pictures.

For every cell of a steps or CFG sweep with a model trained here, a few images of every class
are drawn with the cell's settings (steps, CFG, sampler, negative prompt, seed) and judged by
the class probe of the model's own training data (quality.py): the share drawn in the asked
class and the Fréchet distance to the real images. Kept in the sweep's folder as ``quality.csv``.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pandas as pd

from services.common import compute, jobs
from services.diffusion.generate import GenRequest
from services.diffusion.models import ModelRef
from services.diffusion.own import classes, model, sampling
from services.diffusion.own.quality import Judge
from services.gan import data

JUDGED_KINDS = ("steps", "cfg")  # the manual's "how do steps affect quality", and guidance
IMAGES = 48  # per cell, shared equally by the classes (at least 4 each)
QUALITY_CSV = "quality.csv"
COLUMNS = ["cell", "x", "class_accuracy", "fd", "images"]
_JUDGES: dict[str, Judge] = {}  # model folder -> the judge of its training data
_LOCK = threading.Lock()


def judge_of(ref: ModelRef) -> Judge:
    """The judge of the data the model was trained on, with the probe its run trained (made once)."""
    folder = Path(ref.id)
    with _LOCK:
        if ref.id not in _JUDGES:
            about = model.read_about(folder)
            images = data.load(
                about["data"], about["size"], about["channels"], zip_data=folder.parent / "data.zip"
            )
            _JUDGES[ref.id] = Judge(images.images, images.labels, images.class_names, folder.parent / "probe")
        return _JUDGES[ref.id]


def cell_quality(ref: ModelRef, request: GenRequest) -> dict:
    """``class_accuracy`` and ``fd`` of images of every class drawn with the request's settings."""
    loaded, judge = model.load(ref), judge_of(ref)
    n_classes = max(1, len(loaded.classes))
    per_class = max(4, IMAGES // n_classes)
    asked = [c for c in range(n_classes) for _ in range(per_class)]
    negative = classes.negative_of(request.negative_prompt, loaded.classes)
    negatives = [loaded.null_class if negative is None else negative] * len(asked)
    first = max(0, request.seed)
    seeds = [first + i for i in range(len(asked))]
    with compute.ACCELERATOR.hold():
        images, _ = sampling.denoise(
            loaded, asked, negatives, seeds, request.steps, request.cfg_scale, request.sampler
        )
    measured = judge.measure(images, asked=asked if n_classes > 1 else None)
    return {"class_accuracy": measured["class_accuracy"], "fd": measured["fd"], "images": len(asked)}


def judge_cells(job: jobs.Job, ref: ModelRef, kind: str, cells: list, folder: Path) -> None:
    """Each finished cell's quality into ``quality.csv``, row by row (a sweep of another kind: nothing)."""
    if ref.kind != "own" or kind not in JUDGED_KINDS:
        return
    rows = []
    for number, cell in enumerate(cells):
        job.check_cancelled()
        job.report(job.done, judging=number + 1, judged=len(cells))
        rows.append({"cell": cell.index, "x": cell.x, **cell_quality(ref, cell.request)})
        pd.DataFrame(rows, columns=COLUMNS).to_csv(folder / QUALITY_CSV, index=False)


def read(folder: Path) -> pd.DataFrame | None:
    """A sweep's quality per cell, or None when it has none."""
    path = Path(folder) / QUALITY_CSV
    return pd.read_csv(path, dtype={"x": str}) if path.exists() else None
