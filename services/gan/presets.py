"""Runs started with one click from Lab 1's control questions, each on the data of a run the student has:

- **contrasts**: the run's settings, shortened, and beside them runs that each change one
  hyperparameter (learning rates, m, k, widths, loss), so that quality against each setting has
  points to compare;
- **collapse**: the run's settings with a generator that learns 500 times faster than its
  discriminator. D barely moves, so G keeps jumping to the one picture that D rates most real
  now: within ``SHORT`` iterations the samples of the built-in shapes are near-copies of one
  picture, and those of the digits all of one class of ten: the mode collapse the collapse measure
  reports (tested on the shapes in tests/gan/test_presets.py).

Every run is a normal run (services/gan/runs.py), trained in the background and owned by whoever
started it.
"""

from __future__ import annotations

import json
from pathlib import Path

from services.common.errors import UserError
from services.common.owners import Actor
from services.common.paths import cache_dir
from services.gan import collapse, runs
from services.gan.config import GanConfig

# iterations of a one-click run: past the first iteration collapse is judged at (the last one always
# is measured); minutes on a CPU
SHORT = collapse.JUDGED_FROM + 100
# G at 5·10⁻³, D at 10⁻⁵, measured from iteration 500 to 700 at DCGAN's other settings: on the built-in
# shapes (widths 16 and 32) diversity 0.07-0.14 and one class, where the same run at DCGAN's rates has
# diversity 0.8-0.9; on the digits (widths 32) one class of ten, where DCGAN's rates cover all ten.
# Faster G with D not as slow (lr G 10⁻³ and 2·10⁻³ with lr D 2·10⁻⁴ or 10⁻³) did not collapse.
COLLAPSE = {"lr_g": 5e-3, "lr_d": 1e-5}
CONTRASTS = ("base", "lr_high", "lr_low", "batch", "k", "narrow", "loss")


def contrast_configs(cfg: GanConfig) -> dict[str, GanConfig]:
    """``cfg`` shortened ("base"), and one run per other setting that changes only it."""
    widths = {"g_width": max(4, cfg.g_width // 4), "d_width": max(4, cfg.d_width // 4)}
    changes = {
        "base": {},
        "lr_high": {"lr_g": min(1.0, cfg.lr_g * 10), "lr_d": min(1.0, cfg.lr_d * 10)},
        "lr_low": {"lr_g": cfg.lr_g / 10, "lr_d": cfg.lr_d / 10},
        "batch": {"batch": 16 if cfg.batch > 16 else 64},
        "k": {"k": cfg.k + 2},
        "narrow": widths,
        "loss": {"loss": "minimax" if cfg.loss == "nonsaturating" else "nonsaturating"},
    }
    return {name: short(cfg, changes[name]) for name in CONTRASTS}


def collapse_config(cfg: GanConfig) -> GanConfig:
    return short(cfg, COLLAPSE)


def short(cfg: GanConfig, changes: dict) -> GanConfig:
    """``cfg`` with ``changes``, ``SHORT`` iterations long, its snapshots spaced for that length."""
    spacing = {"sample_every": None, "eval_every": None, "checkpoint_every": None}
    return GanConfig.from_dict(cfg.to_dict() | {"iterations": SHORT} | spacing | changes).check()


def collapsing(info: runs.RunInfo) -> bool:
    """Whether a run was started with the collapse preset's learning rates."""
    return all(info.config.get(name) == value for name, value in COLLAPSE.items())


def partner(info: runs.RunInfo, listed: list[runs.RunInfo]) -> runs.RunInfo | None:
    """The newest collapse-preset run on the same data as ``info`` (and at its size), if any."""
    same = [
        other
        for other in listed
        if other.id != info.id
        and collapsing(other)
        and (other.data, other.images) == (info.data, info.images)
        and (other.config["size"], other.config["channels"]) == (info.config["size"], info.config["channels"])
    ]
    return same[0] if same else None  # list_runs is newest first


def start_contrasts(run_id: str, actor: Actor, titles: dict[str, str]) -> list[str]:
    """The contrast runs on the data of ``run_id``, each titled ``titles[name]``, training for ``actor``."""
    info = runs.run_info(run_id)
    configs = contrast_configs(GanConfig.from_dict(info.config))
    for cfg in configs.values():  # a setting that cannot train on this data: said before any run exists
        runs.check(cfg, info.images)
    return [_start(info, cfg, titles[name], actor) for name, cfg in configs.items()]


def start_collapse(run_id: str, actor: Actor, title: str) -> str:
    """A collapse-preset run on the data of ``run_id``, training for ``actor``."""
    info = runs.run_info(run_id)
    return _start(info, collapse_config(GanConfig.from_dict(info.config)), title, actor)


def start(
    cfg: GanConfig,
    spec: dict,
    actor: Actor,
    title: str,
    zip_path: Path | None = None,
    images: int | None = None,
) -> str:
    """A new run of ``cfg`` on the data ``spec`` names (``images`` of them, where known: a run that
    could not train on them is refused), training in the background for ``actor``."""
    run_id = runs.create(cfg, spec, title=title, zip_path=zip_path, owner=actor.owner, images=images)
    runs.start(run_id, actor)
    return run_id


def data_of(run_id: str) -> tuple[dict, Path | None]:
    """How a run loads its images (config.json's "data", which RunInfo only names) and its archive."""
    folder = cache_dir("runs", runs.run_info(run_id).id)  # an unknown id raises first
    try:
        spec = json.loads((folder / "config.json").read_text(encoding="utf-8"))["data"]
    except (OSError, ValueError, KeyError):
        raise UserError("gan.run.unreadable", run_id=run_id) from None
    return spec, (folder / "data.zip" if spec["kind"] == "zip" else None)


def _start(info: runs.RunInfo, cfg: GanConfig, title: str, actor: Actor) -> str:
    spec, zip_path = data_of(info.id)
    return start(cfg, spec, actor, title, zip_path, info.images)
