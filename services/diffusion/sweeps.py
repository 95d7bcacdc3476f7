"""Lab 2 experiments: one parameter (or two) varied over a row (or grid) of generations, timed and kept.

A sweep is a list of cells; each cell is the base ``GenRequest`` with the swept
parameter(s) changed and nothing else, the seed included, so the images differ only by
what is swept (AUTOMATIC1111's X/Y/Z plot works the same way). It runs as a job (kind
``"sweep"``, id = sweep id):

1. one short untimed warm-up generation per image shape (the first call at a shape pays
   for memory allocation and kernel selection);
2. every cell once, its image kept at once;
3. timing rounds: every cell again, only for its time, ``repeats`` runs in all, the order
   reversed every other round, so that a slow spell of a shared machine does not fall on
   the same cells each time. A cell's time is the median of its runs, with the fastest
   and slowest beside it, so one disturbed run neither moves the figure nor hides.

A cell that cannot be generated (say, out of memory at one size) is recorded as failed
and the others go on; a sweep in which no cell succeeds fails. Everything is kept in
``cache/sweeps/<sweep id>/``:

    sweep.json     what was swept, the base request, the model, state, progress, failed cells
    results.csv    one row per finished cell: its parameters and times
    000.png ...    the images, each with an A1111 ``parameters`` text chunk
"""

from __future__ import annotations

import io
import json
import random
import re
import shutil
import statistics
import time
import uuid
import zipfile
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pandas as pd

from services.common import compute, jobs
from services.common.errors import UserError
from services.common.owners import Actor
from services.common.paths import cache_dir
from services.diffusion import generate, pipelines, presets, samplers
from services.diffusion.generate import GenRequest
from services.diffusion.generations import model_identity
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
# timed runs per cell: three give a median that one disturbed run cannot move; each run
# costs a whole image, so more is the student's choice (a real model on a CPU takes minutes)
REPEATS = 3
MAX_REPEATS = 5
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
    "seconds",  # the median of the timed runs
    "seconds_min",
    "seconds_max",
    "runs",
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
        items = [x for item in items for x in _expand_range(item, param)]
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


def _expand_range(item, param: str) -> list:
    """A1111's ranges written out: "10-50 (+10)" by step, "1-15 [5]" by count; other items as they are."""
    if not isinstance(item, str) or not (m := _RANGE.match(item)):
        return [item]
    start, end = float(m.group(1)), float(m.group(2))
    if m.group(4):  # [count] evenly spaced values
        count = int(m.group(4))
        if not 1 <= count <= MAX_CELLS:
            raise UserError("sd.exp.err.range_count", range=item, max=MAX_CELLS)
        values = np.linspace(start, end, count).tolist()
    else:
        step = float(m.group(3) or 1)
        if step <= 0:
            raise UserError("sd.exp.err.range_step", range=item)
        if abs(end - start) / step >= MAX_CELLS:
            raise UserError("sd.exp.err.too_many", n=int(abs(end - start) / step) + 1, max=MAX_CELLS)
        sign = 1 if end >= start else -1
        values = [start + sign * step * i for i in range(int(abs(end - start) / step + 1e-9) + 1)]
    written = [f"{v:g}" if param == "cfg" else str(int(round(v))) for v in values]
    return list(dict.fromkeys(written))  # "1-2 [5]" in whole steps is 1 and 2, each once


# the limits of each numeric parameter, named in the message that refuses a value
_LIMITS = {
    "steps": (1, generate.MAX_STEPS),
    "seed": (0, 2**32 - 1),
    "cfg": generate.CFG_RANGE,
}


def _parse_value(param: str, item):
    if param == "size":
        return _parse_size(item)
    if param == "sampler":
        return samplers.canonical(item)
    if param in _LIMITS:
        return _parse_number(param, item)
    value = str(item).strip()
    if param == "style" and value not in presets.STYLES:
        raise UserError("sd.exp.err.bad_style", value=item)
    if not value:  # prompt_sr
        raise UserError("sd.exp.err.empty_values", param=param)
    return value


def _parse_number(param: str, item) -> int | float:
    """A whole number (steps, seed) or a number (CFG) within the parameter's limits."""
    lo, hi = _LIMITS[param]
    try:
        value = float(item) if param == "cfg" else int(item)
    except (TypeError, ValueError):
        value = None
    if value is None or not lo <= value <= hi:
        key = "sd.exp.err.bad_number" if param == "cfg" else "sd.exp.err.bad_whole"
        raise UserError(key, param=param, value=item, lo=lo, hi=hi)
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
        raise UserError("sd.exp.err.bad_size", value=item) from None
    if len(sides) == 1:
        sides *= 2
    if len(sides) != 2:
        raise UserError("sd.exp.err.bad_size", value=item)
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
    repeats: int = REPEATS,
) -> jobs.Job:
    """Validate the sweep, write its folder and run it in the background; the job's id is the sweep id.

    ``repeats``: timed runs per cell (1 to ``MAX_REPEATS``); the first one also makes its image."""
    if not 1 <= repeats <= MAX_REPEATS:
        raise UserError("sd.exp.err.repeats", value=repeats, max=MAX_REPEATS)
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
        "model_ref": model_identity(ref),  # kind and id: a report's script loads the same model
        "owner": owner,
        "base": _request_fields(sweep.cells[0].request) | {"prompt": base.prompt},
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "state": "running",
        "cells_total": len(sweep.cells),
        "cells_done": 0,
        "repeats": repeats,
        "warmup_seconds": None,
        "failed_cells": [],
    }
    _write_meta(folder, meta)
    return jobs.start(
        JOB_KIND, lambda job: _run(job, ref, sweep, folder, meta), key=sweep_id, job_id=sweep_id, owner=owner
    )


def _run(job: jobs.Job, ref: ModelRef, sweep: Plan, folder: Path, meta: dict) -> str:
    """Load, warm up, every cell once, then the timing rounds; sweep.json says how it ended."""
    record = _Record(folder, meta)
    rounds = meta["repeats"]
    total = len(sweep.cells) * rounds  # one unit per generation, so the ETA counts the timing rounds too
    done = 0
    where = {"round": 1, "cell": -1}  # what the progress bar names: the warm-up is cell -1

    def on_wait(ahead: int) -> None:
        job.report(done, total, waiting=ahead)

    def on_step(step: int, steps: int, batch: int) -> None:
        job.report(done, total, rounds=rounds, step=step, steps=steps, waiting=0, **where)

    def run(request: GenRequest) -> generate.Generated:
        (generated,) = generate.generate(
            ref,
            request,
            on_step=on_step,
            should_stop=lambda: job.cancel_requested,
            on_wait=on_wait,
            holder=compute.Holder(JOB_KIND, job.owner, job.id),  # the queue shows whose turn it is
        )
        job.check_cancelled()  # an interrupted image is neither a result nor a time
        return generated

    try:
        # 1. Load the model: one that cannot load fails the sweep once, not once per cell
        job.report(0, total, rounds=rounds, step=0, steps=0, waiting=0, **where)
        pipelines.load(ref)
        # 2. Warm up every image shape, so that no cell's time includes choosing kernels; a shape
        #    that cannot run (out of memory, say) fails its cells without trying each of them
        broken: dict[tuple, UserError] = {}
        t0 = time.perf_counter()
        for shape, request in warmups(sweep).items():
            try:
                run(request)
            except UserError as error:
                broken[shape] = error
        meta["warmup_seconds"] = round(time.perf_counter() - t0, 4)
        # 3. Every cell once: its image and first time kept at once
        for cell in sweep.cells:
            job.check_cancelled()
            where["cell"] = cell.index
            try:
                if _shape(cell.request) in broken:
                    raise broken[_shape(cell.request)]
                record.image(cell, run(cell.request))
                done += 1
            except UserError as error:  # the other cells go on
                record.failed(cell, error)
                done += rounds
            job.report(done, total)
        # 4. The timing rounds: every cell that has an image, again, only for its time
        for number in range(2, rounds + 1):
            where["round"] = number
            cells = [cell for cell in sweep.cells if record.has(cell)]
            for cell in cells if number % 2 else reversed(cells):
                where["cell"] = cell.index
                try:
                    record.time(cell, run(cell.request).seconds)
                except UserError:
                    pass  # a run less: the cell keeps its image and the times it has
                done += 1
                job.report(done, total)
        # 5. A model trained here is also judged: each cell's class accuracy and Fréchet distance
        if ref.kind == "own":
            from services.diffusion.own import judging  # lazy: torch

            judging.judge_cells(job, ref, meta["kind"], [c for c in sweep.cells if record.has(c)], folder)
        if not record.rows:  # every cell failed: the sweep failed, with the first cell's reason
            raise record.first_error()
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


def warmups(sweep: Plan) -> dict[tuple, GenRequest]:
    """One short request per image shape in the sweep: the first call at a shape pays for choosing
    kernels (and on CUDA for recording the U-Net's graph), which no cell's time should include."""
    shapes: dict[tuple, GenRequest] = {}
    for cell in sweep.cells:
        r = cell.request
        shapes.setdefault(_shape(r), replace(r, steps=min(2, r.steps), batch_count=1))
    return shapes


def _shape(r: GenRequest) -> tuple:
    return (r.width, r.height, r.batch_size, r.cfg_scale > 1)  # CFG above 1 doubles the U-Net's batch


class _Record:
    """What a running sweep has so far, written to its folder as it grows."""

    def __init__(self, folder: Path, meta: dict):
        self.folder, self.meta = folder, meta
        self.rows: dict[int, dict] = {}  # cell index -> its row of results.csv
        self.times: dict[int, list[float]] = {}  # cell index -> the seconds of its runs

    def has(self, cell: Cell) -> bool:
        return cell.index in self.rows

    def image(self, cell: Cell, generated: generate.Generated) -> None:
        name = f"{cell.index:03d}.png"
        (self.folder / name).write_bytes(generated.png_bytes())
        self.rows[cell.index] = _row(cell, generated.seed, name)
        self.times[cell.index] = []
        self.time(cell, generated.seconds)

    def time(self, cell: Cell, seconds: float) -> None:
        times = self.times[cell.index]
        times.append(seconds)
        median = statistics.median(times)
        self.rows[cell.index] |= {
            "seconds": round(median, 4),
            "seconds_min": round(min(times), 4),
            "seconds_max": round(max(times), 4),
            "runs": len(times),
            "seconds_per_step": round(median / cell.request.steps, 5),
        }
        rows = [self.rows[index] for index in sorted(self.rows)]
        pd.DataFrame(rows, columns=CSV_COLUMNS).to_csv(self.folder / "results.csv", index=False)
        self.meta["cells_done"] = len(rows)
        _write_meta(self.folder, self.meta)

    def failed(self, cell: Cell, error: UserError) -> None:
        failure = {"cell": cell.index, "x": cell.x, "y": cell.y, "key": error.key, "params": error.params}
        self.meta["failed_cells"].append(failure)
        _write_meta(self.folder, self.meta)

    def first_error(self) -> UserError:
        first = self.meta["failed_cells"][0]
        return UserError(first["key"], **first["params"])


def _row(cell: Cell, seed: int, name: str) -> dict:
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
        "seed": seed,
        "file": name,
    }


def _request_fields(request) -> dict:
    keep = ("mode", "prompt", "negative_prompt", "sampler", "steps", "cfg_scale", "width", "height", "seed")
    return {k: getattr(request, k) for k in keep}


def _write_meta(folder: Path, meta: dict) -> None:
    tmp = folder / "sweep.json.tmp"
    tmp.write_text(json.dumps(meta, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
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
        """Everything for the report: the images, results.csv and sweep.json. The same files give
        the same bytes (stored, not recompressed: PNGs are compressed already; dated by the sweep,
        not by when a file was last rewritten), so a page that draws it again offers the very same
        download."""
        created = datetime.fromisoformat(self.meta.get("created", "1980-01-01T00:00:00+00:00"))
        created = created.astimezone().timetuple()[:6]
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            for path in [*self.paths, self.folder / "results.csv", self.folder / "sweep.json"]:
                if path.exists():
                    entry = zipfile.ZipInfo(f"sweep-{self.meta['id']}/{path.name}", date_time=created)
                    archive.writestr(entry, path.read_bytes())
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
    if "runs" not in table:  # kept before cells were timed more than once: one run each
        table["seconds_min"] = table["seconds_max"] = table["seconds"]
        table["runs"] = 1
    table["path"] = [folder / name for name in table["file"]]
    meta = {"repeats": 1, "failed_cells": []} | meta
    return Sweep(_with_live_state(meta), table[[*CSV_COLUMNS, "path"]], folder)


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
