"""The student's own measurements in Lab 2, gathered for its control questions: their sweeps of each
parameter that affects quality (question 2), and the figures that fill the table of pros and cons
(question 5) from those sweeps, the cost measurements (costs.py) and the GAN vs diffusion comparison
(own/versus.py). Nothing here measures anything: it reads what was measured and kept.
"""

from __future__ import annotations

import json

import pandas as pd

from services.common.errors import UserError
from services.diffusion import costs, fits, sweeps
from services.diffusion.own import runs as own_runs

PARAMS = ("steps", "cfg", "sampler", "size")  # the parameters of question 2
USABLE = ("done", "cancelled", "interrupted")  # states whose finished cells are worth reading


def swept(meta: dict) -> str | None:
    """Which of ``PARAMS`` a sweep varies alone: its one axis (an X/Y grid with no Y counts as one)."""
    if meta.get("y_param"):
        return None
    param = meta.get("x_param")
    return param if param in PARAMS else None


def sweeps_by_param(owner: str | None) -> dict[str, list[dict]]:
    """The owner's kept sweeps of each parameter, newest first, each with at least one finished cell."""
    found: dict[str, list[dict]] = {param: [] for param in PARAMS}
    for meta in sweeps.list_sweeps():
        param = swept(meta)
        usable = meta.get("state") in USABLE and meta.get("cells_done", 0) > 0
        if param and usable and owner is not None and meta.get("owner") == owner:
            found[param].append(meta)
    return found


def change(table: pd.DataFrame) -> dict:
    """What the sweep's first and last cell took: their values and times, and the ratio of the times."""
    first, last = table.iloc[0], table.iloc[-1]
    return {
        "first": first["x"],
        "last": last["x"],
        "first_seconds": float(first["seconds"]),
        "last_seconds": float(last["seconds"]),
        "ratio": float(last["seconds"]) / max(float(first["seconds"]), 1e-9),
    }


def figures(owner: str | None) -> dict:
    """The measured figures the table of pros and cons reads, each None where nothing was measured:
    ``per_step`` (time per denoising step, from a steps sweep), ``size`` (the exponent of time against
    pixels), ``guidance`` (time with CFG over time without, from a CFG sweep), ``costs`` (costs.py's
    newest), ``versus`` (the newest GAN vs diffusion comparison)."""
    by_param = sweeps_by_param(owner)
    return {
        "per_step": _per_step(by_param["steps"]),
        "size": _size(by_param["size"]),
        "guidance": _guidance(by_param["cfg"]),
        "costs": costs.kept(),
        "versus": newest_comparison(),
    }


def newest_comparison() -> dict | None:
    """The newest kept GAN vs diffusion comparison of any own run."""
    found = []
    for info in own_runs.list_runs():
        for path in (own_runs.folder(info.id) / "versus").glob("*.json"):
            try:
                found.append(json.loads(path.read_text(encoding="utf-8")))
            except (OSError, ValueError):
                continue
    return max(found, key=lambda result: result.get("measured", 0), default=None)


def _tables(metas: list[dict]):
    """Each sweep that loads, newest first, with its finished cells: (meta, table)."""
    for meta in metas:
        try:
            table = sweeps.load(meta["id"]).table
        except UserError:
            continue
        if not table.empty:
            yield meta, table


def _per_step(metas: list[dict]) -> dict | None:
    """The slope of time against steps, from the newest sweep of three step counts or more."""
    for meta, table in _tables(metas):
        if table["steps"].nunique() >= 3:
            fit = fits.fit_line(table["steps"], table["seconds"])
            return {"seconds": fit.slope, "r2": fit.r2, "verdict": fit.verdict, "model": meta["model"]}
    return None


def _size(metas: list[dict]) -> dict | None:
    """The exponent b of time = a·pixels^b, from the newest sweep of three sizes or more."""
    for meta, table in _tables(metas):
        if table["pixels"].nunique() >= 3:
            fit = fits.fit_power(table["pixels"], table["seconds"])
            return {"b": fit.b, "r2": fit.r2, "verdict": fit.verdict, "model": meta["model"]}
    return None


def _guidance(metas: list[dict]) -> dict | None:
    """How much longer an image takes with guidance (CFG above 1: the U-Net runs twice a step) than
    without, from the newest sweep that has both."""
    for meta, table in _tables(metas):
        without, guided = table[table["cfg_scale"] <= 1], table[table["cfg_scale"] > 1]
        if len(without) and len(guided):
            ratio = guided["seconds"].median() / max(without["seconds"].median(), 1e-9)
            return {"ratio": float(ratio), "model": meta["model"]}
    return None
