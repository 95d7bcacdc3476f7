"""Lab 2 experiments: one parameter (or two) varied over a row (or grid) of generations, timed and kept.

A sweep is a list of cells; each cell is the base ``GenRequest`` with the swept
parameter(s) changed and nothing else, the seed included, so the images differ only by
what is swept (AUTOMATIC1111's X/Y/Z plot works the same way). It runs as a job (kind
``"sweep"``, id = sweep id): first one short untimed warm-up generation per image shape
(the first call at a shape pays for memory allocation and kernel selection), then every
cell, each timed by ``generate``. Everything is kept in ``cache/sweeps/<sweep id>/``:

    sweep.json     what was swept, the base request, the model, state and progress
    results.csv    one row per finished cell: its parameters and seconds
    000.png ...    the images, each with an A1111 ``parameters`` text chunk
"""

from __future__ import annotations

import io
import json
import random
import re
import shutil
import time
import uuid
import zipfile
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pandas as pd

from services.common import jobs
from services.common.errors import UserError
from services.common.owners import Actor
from services.common.paths import cache_dir
from services.diffusion import generate, presets, samplers
from services.diffusion.generate import GenRequest
from services.diffusion.models import ModelRef

JOB_KIND = "sweep"
# the experiments of the manual, plus CFG and a free X/Y grid
KINDS = ("steps", "style", "size", "cfg", "xy")
# parameters an axis can vary; "prompt_sr" is A1111's Prompt S/R: the first value is
# searched in the prompt and replaced by each value in turn (the first one keeps the prompt)
PARAMS = ("steps", "cfg", "sampler", "size", "seed", "prompt_sr", "style")
DEFAULTS = {  # typed values, the manual's ranges; styles and samplers are picked from lists
    "steps": "1, 2, 4, 10, 20, 30, 50",
    "size": "256, 384, 512, 640, 768",
    "cfg": "1, 3, 5, 7, 9, 12, 15",
    "seed": "1, 2, 3, 4",
    "prompt_sr": "",
}
TINY_DEFAULTS = {"steps": "1, 2, 4, 10, 20", "size": "64, 128, 192, 256, 320"}  # seconds on the demo model
MAX_CELLS = 100
CSV_COLUMNS = [
    "cell",
    "x",
    "y",
    "prompt",
    "negative_prompt",
    "sampler",
    "steps",
    "cfg_scale",
    "width",
    "height",
    "pixels",
    "seed",
    "seconds",
    "seconds_per_step",
    "file",
]
_SWEEP_ID = re.compile(r"^\d{8}-\d{6}-[0-9a-f]{6}$")
# "1-10", "1-10 (+3)" (step) and "1-10 [4]" (count): A1111's range syntax
_RANGE = re.compile(
    r"^(-?\d+(?:\.\d+)?)\s*-\s*(-?\d+(?:\.\d+)?)\s*(?:\(\s*\+\s*(\d+(?:\.\d+)?)\s*\)|\[\s*(\d+)\s*\])?$"
)


# --- what is swept ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Axis:
    param: str
    values: tuple

    def label(self, value) -> str:
        if self.param == "size":
            return f"{value[0]}×{value[1]}"
        if self.param == "cfg":
            return f"{value:g}"
        return str(value)

    @property
    def labels(self) -> list[str]:
        return [self.label(v) for v in self.values]


def parse_axis(param: str, values: str | list | tuple) -> Axis:
    """An axis from a comma-separated text (as typed in A1111) or a list; bad values raise UserError."""
    if param not in PARAMS:
        raise UserError("sd.exp.err.param", param=param)
    items = _split(values) if isinstance(values, str) else list(values)
    if param in ("steps", "seed", "cfg") and isinstance(values, str):
        items = [x for item in items for x in _expand_range(item, integer=param != "cfg")]
    if not items:
        raise UserError("sd.exp.err.empty_values", param=param)
    parsed = tuple(_parse_value(param, item) for item in items)
    if param == "prompt_sr" and len(parsed) < 2:
        raise UserError("sd.exp.err.prompt_sr_pairs")
    if len(parsed) > MAX_CELLS:
        raise UserError("sd.exp.err.too_many", n=len(parsed), max=MAX_CELLS)
    return Axis(param, parsed)


def default_values(param: str, tiny: bool) -> str:
    """The values an axis starts with: the manual's ranges, or ones the tiny demo model runs in seconds."""
    return TINY_DEFAULTS.get(param, DEFAULTS[param]) if tiny else DEFAULTS[param]


def _split(text: str) -> list[str]:
    return [item.strip() for item in text.split(",") if item.strip()]


def _expand_range(item, integer: bool) -> list:
    if not isinstance(item, str) or not (m := _RANGE.match(item)):
        return [item]
    start, end = float(m.group(1)), float(m.group(2))
    if m.group(4):  # [count] evenly spaced values
        values = np.linspace(start, end, int(m.group(4))).tolist()
    else:
        step = float(m.group(3) or 1)
        if step <= 0:
            raise UserError("sd.exp.err.bad_value", param=item, value=item)
        if abs(end - start) / step >= MAX_CELLS:
            raise UserError("sd.exp.err.too_many", n=int(abs(end - start) / step) + 1, max=MAX_CELLS)
        sign = 1 if end >= start else -1
        values = [start + sign * step * i for i in range(int(abs(end - start) / step + 1e-9) + 1)]
    return [str(int(round(v))) if integer else f"{v:g}" for v in values]


def _parse_value(param: str, item):
    try:
        if param == "steps":
            value = int(item)
            ok = 1 <= value <= generate.MAX_STEPS
        elif param == "seed":
            value = int(item)
            ok = 0 <= value < 2**32
        elif param == "cfg":
            value = float(item)
            ok = generate.CFG_RANGE[0] <= value <= generate.CFG_RANGE[1]
        elif param == "size":
            return _parse_size(item)
        elif param == "sampler":
            return samplers.canonical(item)
        elif param == "style":
            value = str(item).strip()
            ok = value in presets.STYLES
        else:  # prompt_sr
            value = str(item).strip()
            ok = bool(value)
    except (TypeError, ValueError):
        ok = False
    if not ok:
        raise UserError("sd.exp.err.bad_value", param=param, value=item)
    return value


def _parse_size(item) -> tuple[int, int]:
    """512 (square) or 512x768 (width x height), each side a multiple of 8."""
    if isinstance(item, tuple | list):
        parts = list(item)
    else:
        parts = re.split(r"\s*[x×*]\s*", str(item).strip().lower())
    try:
        sides = [int(p) for p in parts]
    except ValueError:
        raise UserError("sd.exp.err.bad_value", param="size", value=item) from None
    if len(sides) == 1:
        sides *= 2
    if len(sides) != 2:
        raise UserError("sd.exp.err.bad_value", param="size", value=item)
    for side in sides:
        if side % 8:
            raise UserError("sd.exp.err.size_multiple", value=side)
        lo, hi = generate.SIZE_RANGE
        if not lo <= side <= hi:
            raise UserError("sd.exp.err.size_range", value=side, lo=lo, hi=hi)
    return sides[0], sides[1]


def _apply(request: GenRequest, axis: Axis, value, base_prompt: str):
    """``request`` with one swept parameter set to ``value``."""
    if axis.param == "steps":
        return replace(request, steps=value)
    if axis.param == "cfg":
        return replace(request, cfg_scale=value)
    if axis.param == "sampler":
        return replace(request, sampler=value)
    if axis.param == "size":
        return replace(request, width=value[0], height=value[1])
    if axis.param == "seed":
        return replace(request, seed=value)
    if axis.param == "style":
        return replace(request, prompt=presets.styled(base_prompt, value))
    search = axis.values[0]  # prompt_sr
    return replace(request, prompt=request.prompt.replace(search, value))


@dataclass(frozen=True)
class Cell:
    index: int
    x: str  # the X value's label
    y: str | None  # the Y value's label, None for a one-parameter sweep
    request: GenRequest


@dataclass(frozen=True)
class Plan:
    kind: str
    x: Axis
    y: Axis | None
    cells: list[Cell]


def plan(
    base: GenRequest, kind: str, values, x_param: str | None = None, y_param: str | None = None, y_values=None
) -> Plan:
    """The cells of a sweep, row by row (Y outer, X inner); raises UserError on bad input."""
    if kind not in KINDS:
        raise UserError("sd.exp.err.kind", kind=kind)
    if kind != "xy":
        x_param, y_param = kind, None
    elif not x_param:
        raise UserError("sd.exp.err.param", param="")
    x = parse_axis(x_param, values)
    y = parse_axis(y_param, y_values if y_values is not None else "") if y_param else None
    if y is not None and y.param == x.param:
        raise UserError("sd.exp.err.same_axes")
    for axis in (x, y):
        if axis is not None and axis.param == "prompt_sr" and axis.values[0] not in base.prompt:
            raise UserError("sd.exp.err.prompt_sr_missing", search=axis.values[0])
    # a fixed seed, so that cells differ only by what is swept
    seed = base.seed if base.seed is not None and base.seed >= 0 else random.randrange(2**32)
    fixed = replace(base, seed=seed, batch_count=1, batch_size=1)
    ys = list(zip(y.values, y.labels, strict=True)) if y else [(None, None)]
    if len(ys) * len(x.values) > MAX_CELLS:
        raise UserError("sd.exp.err.too_many", n=len(ys) * len(x.values), max=MAX_CELLS)
    cells = []
    for y_value, y_label in ys:
        row = _apply(fixed, y, y_value, base.prompt) if y else fixed
        for x_value, x_label in zip(x.values, x.labels, strict=True):
            cells.append(Cell(len(cells), x_label, y_label, _apply(row, x, x_value, base.prompt)))
    for cell in cells:
        cell.request.check()  # every image must be possible before the first one starts
    return Plan(kind, x, y, cells)


# --- running ---------------------------------------------------------------------------------------


def start(
    ref: ModelRef,
    base: GenRequest,
    kind: str,
    values,
    x_param: str | None = None,
    y_param: str | None = None,
    y_values=None,
    owner: str | None = None,
) -> jobs.Job:
    """Validate the sweep, write its folder and run it in the background; the job's id is the sweep id."""
    sweep = plan(base, kind, values, x_param, y_param, y_values)
    sweep_id = f"{datetime.now(UTC):%Y%m%d-%H%M%S}-{uuid.uuid4().hex[:6]}"
    folder = cache_dir("sweeps", sweep_id)
    meta = {
        "id": sweep_id,
        "kind": kind,
        "x_param": sweep.x.param,
        "x_labels": sweep.x.labels,
        "y_param": sweep.y.param if sweep.y else None,
        "y_labels": sweep.y.labels if sweep.y else [],
        "model": ref.label,
        "owner": owner,
        "base": _request_fields(sweep.cells[0].request) | {"prompt": base.prompt},
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "state": "running",
        "cells_total": len(sweep.cells),
        "cells_done": 0,
        "warmup_seconds": None,
    }
    _write_meta(folder, meta)
    return jobs.start(
        JOB_KIND, lambda job: _run(job, ref, sweep, folder, meta), key=sweep_id, job_id=sweep_id, owner=owner
    )


def _run(job: jobs.Job, ref: ModelRef, sweep: Plan, folder: Path, meta: dict) -> str:
    """The warm-up, then every cell in order, each kept once done; sweep.json says how it ended."""
    total = len(sweep.cells)
    rows: list[dict] = []

    def on_wait(ahead: int) -> None:
        job.report(len(rows), total, waiting=ahead)

    def step_reporter(cell: int):
        def on_step(step: int, steps: int, batch: int) -> None:
            job.report(len(rows), total, cell=cell, step=step, steps=steps, waiting=0)

        return on_step

    def should_stop() -> bool:
        return job.cancel_requested

    try:
        # 1. Warm up every image shape once, so that no cell's time includes choosing kernels
        job.report(0, total, cell=-1, step=0, steps=0, waiting=0)
        t0 = time.perf_counter()
        for warm in warmups(sweep):
            generate.generate(ref, warm, on_step=step_reporter(-1), should_stop=should_stop, on_wait=on_wait)
        meta["warmup_seconds"] = round(time.perf_counter() - t0, 4)
        # 2. Every cell in order, timed by generate
        for cell in sweep.cells:
            job.check_cancelled()
            (generated,) = generate.generate(
                ref, cell.request, on_step=step_reporter(cell.index), should_stop=should_stop, on_wait=on_wait
            )
            job.check_cancelled()  # an interrupted image is not a result
            # 3. Keep the cell at once: its image, its row of results.csv, the progress in sweep.json
            _keep_cell(folder, meta, rows, cell, generated)
            job.report(len(rows), total, last_seconds=generated.seconds)
        meta["state"] = "done"
    except jobs.Cancelled:
        meta["state"] = "cancelled"
        raise
    except UserError as error:  # kept, so a reopened sweep still says why it stopped
        meta["state"], meta["error"] = "failed", {"key": error.key, "params": error.params}
        raise
    except BaseException:
        meta["state"] = "failed"
        raise
    finally:
        _write_meta(folder, meta)
    return meta["id"]


def warmups(sweep: Plan) -> list[GenRequest]:
    """One short request per image shape in the sweep: the first call at a shape pays for choosing
    kernels (and on CUDA for recording the U-Net's graph), which no cell's time should include."""
    shapes = {}
    for cell in sweep.cells:
        r = cell.request
        shape = (r.width, r.height, r.batch_size, r.cfg_scale > 1)  # CFG doubles the U-Net's batch
        shapes.setdefault(shape, replace(r, steps=min(2, r.steps), batch_count=1))
    return list(shapes.values())


def _keep_cell(folder: Path, meta: dict, rows: list[dict], cell: Cell, generated: generate.Generated) -> None:
    name = f"{cell.index:03d}.png"
    (folder / name).write_bytes(generated.png_bytes())
    rows.append(_row(cell, generated, name))
    pd.DataFrame(rows, columns=CSV_COLUMNS).to_csv(folder / "results.csv", index=False)
    meta["cells_done"] = len(rows)
    _write_meta(folder, meta)


def _row(cell: Cell, generated, name: str) -> dict:
    r = cell.request
    return {
        "cell": cell.index,
        "x": cell.x,
        "y": cell.y,
        "prompt": r.prompt,
        "negative_prompt": r.negative_prompt,
        "sampler": r.sampler,
        "steps": r.steps,
        "cfg_scale": r.cfg_scale,
        "width": r.width,
        "height": r.height,
        "pixels": r.width * r.height,
        "seed": generated.seed,
        "seconds": round(generated.seconds, 4),
        "seconds_per_step": round(generated.seconds / r.steps, 5),
        "file": name,
    }


def _request_fields(request) -> dict:
    keep = ("mode", "prompt", "negative_prompt", "sampler", "steps", "cfg_scale", "width", "height", "seed")
    return {k: getattr(request, k) for k in keep}


def _write_meta(folder: Path, meta: dict) -> None:
    tmp = folder / "sweep.json.tmp"
    tmp.write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(folder / "sweep.json")


# --- results ---------------------------------------------------------------------------------------


@dataclass
class Sweep:
    meta: dict
    table: pd.DataFrame  # CSV_COLUMNS plus "path", the image file
    folder: Path

    @property
    def paths(self) -> list[Path]:
        return list(self.table["path"])

    def csv_bytes(self) -> bytes:
        return self.table[CSV_COLUMNS].to_csv(index=False).encode("utf-8")

    def zip_bytes(self) -> bytes:
        """Everything for the report: the images, results.csv and sweep.json."""
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            for path in [*self.paths, self.folder / "results.csv", self.folder / "sweep.json"]:
                if path.exists():
                    archive.write(path, f"sweep-{self.meta['id']}/{path.name}")
        return buffer.getvalue()


def list_sweeps() -> list[dict]:
    """The kept sweeps, newest first; a sweep whose job is gone mid-run is marked "interrupted"."""
    found = []
    for meta_file in cache_dir("sweeps").glob("*/sweep.json"):
        try:
            meta = json.loads(meta_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        found.append(_with_live_state(meta))
    return sorted(found, key=lambda m: m.get("id", ""), reverse=True)


def load(sweep_id: str) -> Sweep:
    """A kept sweep: its description and the table of finished cells."""
    folder = _folder(sweep_id)
    try:
        meta = json.loads((folder / "sweep.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise UserError("sd.exp.err.no_sweep", id=sweep_id) from None
    csv = folder / "results.csv"
    table = (
        pd.read_csv(csv, dtype={"x": str, "y": str}) if csv.exists() else pd.DataFrame(columns=CSV_COLUMNS)
    )
    table["path"] = [folder / name for name in table["file"]]
    return Sweep(_with_live_state(meta), table, folder)


def delete(sweep_id: str, actor: Actor) -> None:
    """Delete a finished sweep, if ``actor`` started it or teaches."""
    actor.check(load(sweep_id).meta.get("owner"))
    job = jobs.get(sweep_id)
    if job and not job.snapshot().finished:
        raise UserError("sd.exp.err.sweep_running")
    shutil.rmtree(_folder(sweep_id), ignore_errors=True)


def _folder(sweep_id: str) -> Path:
    if not isinstance(sweep_id, str) or not _SWEEP_ID.match(sweep_id):
        raise UserError("sd.exp.err.no_sweep", id=sweep_id)
    folder = cache_dir("sweeps") / sweep_id
    if not (folder / "sweep.json").exists():
        raise UserError("sd.exp.err.no_sweep", id=sweep_id)
    return folder


def _with_live_state(meta: dict) -> dict:
    if meta.get("state") == "running" and jobs.get(meta.get("id")) is None:
        return meta | {"state": "interrupted"}
    return meta
