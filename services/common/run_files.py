"""A training run's folder, kept the same way by Lab 1's GAN runs and Lab 2's own diffusion runs.

    <cache>/<root>/<run id>/
        config.json        title, creation time, config, data spec, owner (written once, or on extend)
        status.json        status, step, seconds and what the job last reported (written whole)
        metrics.jsonl      one line per few steps
        samples/step_NNNNN.png
        data.zip           an uploaded dataset, linked in
        ...                what each kind adds: checkpoints, the saved model

Every file is written whole or not at all, so a crash leaves the previous version.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import threading
import time
import uuid
from pathlib import Path

from PIL import Image

from services.common.errors import UserError
from services.common.paths import cache_dir

NEW_STATUS = {"status": "new", "step": 0, "seconds": 0.0}


class RunFiles:
    """The runs under ``<cache>/<root>``: ids must match ``id_pattern``; ``config`` (a class with
    ``from_dict`` and ``check``) validates config.json; ``unknown`` and ``unreadable`` are the
    message keys for a run that is not there and one whose config.json cannot be read."""

    def __init__(self, root: str, id_pattern: re.Pattern, config: type, unknown: str, unreadable: str):
        self.root, self.id_pattern, self.config = root, id_pattern, config
        self.unknown, self.unreadable = unknown, unreadable
        self.status_lock = threading.Lock()

    def create(self, meta: dict, zip_path: Path | None = None) -> str:
        """A new run's folder with ``meta`` as its config.json (and the uploaded zip linked in);
        its id: the creation time and a random tail."""
        run_id = f"{time.strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:6]}"
        folder = cache_dir(self.root, run_id)
        if meta["data"]["kind"] == "zip":
            link(Path(zip_path), folder / "data.zip")
        write_json(folder / "config.json", meta)
        write_json(folder / "status.json", NEW_STATUS)
        return run_id

    def ids(self) -> list[str]:
        return [
            p.name for p in cache_dir(self.root).iterdir() if p.is_dir() and self.id_pattern.match(p.name)
        ]

    def folder(self, run_id: str) -> Path:
        """The run's folder; an id that is not ours (or reaches outside the cache) is unknown."""
        if not isinstance(run_id, str) or not self.id_pattern.match(run_id):
            raise UserError(self.unknown, run_id=str(run_id)[:80])
        path = cache_dir(self.root) / run_id
        if not (path / "config.json").exists():
            raise UserError(self.unknown, run_id=run_id)
        return path

    def read_meta(self, run_id: str) -> dict:
        path = self.folder(run_id) / "config.json"
        try:
            meta = json.loads(path.read_text(encoding="utf-8"))
            self.config.from_dict(meta["config"]).check()
            meta["title"], meta["created"], meta["data"]["kind"]  # noqa: B018 - all must be there
            return meta
        except (OSError, ValueError, KeyError, TypeError, UserError):
            raise UserError(self.unreadable, run_id=run_id) from None

    def read_status(self, run_id: str) -> dict:
        try:
            return json.loads((self.folder(run_id) / "status.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return dict(NEW_STATUS)

    def update_status(self, run_id: str, **changes) -> None:
        with self.status_lock:
            status = self.read_status(run_id) | changes
            status["updated"] = time.time()
            write_json(self.folder(run_id) / "status.json", status)

    def metrics(self, run_id: str) -> list[dict]:
        """The run's metrics lines in step order (a line cut short by a crash is skipped)."""
        path = self.folder(run_id) / "metrics.jsonl"
        rows = []
        for line in path.read_text(encoding="utf-8").splitlines() if path.exists() else []:
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError:
                continue
        return rows

    def sample_steps(self, run_id: str) -> list[int]:
        """Steps that have a sample grid, ascending."""
        grids = self.folder(run_id) / "samples"
        return sorted(int(p.stem[5:]) for p in grids.glob("step_*.png") if p.stem[5:].isdigit())

    def samples_at(self, run_id: str, step: int) -> Image.Image | None:
        """The sample grid saved at ``step`` (the same noise at every step), or None."""
        path = self.folder(run_id) / "samples" / f"step_{int(step):05d}.png"
        if not path.exists():
            return None
        with Image.open(path) as picture:
            return picture.copy()


def write_json(path: Path, values: dict) -> None:
    """Write whole or not at all: a crash mid-write leaves the previous file."""
    partial = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.part")
    partial.write_text(json.dumps(values, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(partial, path)


def link(source: Path, target: Path) -> None:
    """``target`` as a second name of ``source`` (no copy), or a copy where links are not possible."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def rewind(folder: Path, step: int) -> None:
    """Forget metrics and samples past the checkpoint: a crash lost those steps, and they will be redone."""
    path = folder / "metrics.jsonl"
    if path.exists():
        lines = path.read_text(encoding="utf-8").splitlines()
        kept = [line for line in lines if _line_step(line) <= step]
        if len(kept) < len(lines):
            partial = path.with_name(f"metrics.{os.getpid()}.{threading.get_ident()}.part")
            partial.write_text("".join(line + "\n" for line in kept), encoding="utf-8")
            os.replace(partial, path)
    for grid in (folder / "samples").glob("step_*.png"):
        if grid.stem[5:].isdigit() and int(grid.stem[5:]) > step:
            grid.unlink()


def _line_step(line: str) -> float:
    try:
        return json.loads(line)["step"]
    except (ValueError, KeyError, TypeError):
        return float("inf")  # a line cut short by the crash
