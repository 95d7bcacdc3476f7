"""Files and folders on the server that a student may name: only under allowed roots.

A text field that takes a server path ("Local folder", a model file, a LoRA) would
otherwise read, list or at least reveal anything the server can see. Paths are resolved
(symlinks followed) and must stay inside one of the roots; the cache, where every
student's runs and images live, is never one. Every refusal has the same message,
whether the path is outside, missing or unreadable, so probing tells nothing.

Roots: ``GENLAB_DATA_ROOTS`` (folders separated by ``os.pathsep``), else ``data/`` beside
the app, which the app creates empty.
"""

import os
from pathlib import Path

from services.common.errors import UserError
from services.common.paths import APP_ROOT, cache_dir


def roots() -> list[Path]:
    configured = os.environ.get("GENLAB_DATA_ROOTS")
    if configured:
        return [Path(p).expanduser().resolve() for p in configured.split(os.pathsep) if p.strip()]
    default = APP_ROOT / "data"
    default.mkdir(exist_ok=True)
    return [default.resolve()]


def folder(text: str) -> Path:
    """A readable folder under a root, or ``UserError("common.path_unavailable")``. (Inside the
    roots, which the student may see anyway, a file named as a folder is told as such.)"""
    path = _inside(text)
    if path.is_file():
        raise UserError("common.path_is_file", name=path.name)
    if not path.is_dir() or not os.access(path, os.R_OK | os.X_OK):
        raise _refusal()
    return path


def file(text: str, suffixes: tuple[str, ...] = ()) -> Path:
    """A readable file under a root (with one of ``suffixes``, if given), or the same refusal."""
    path = _inside(text)
    if path.is_dir():
        raise UserError("common.path_is_folder", name=path.name)
    if not path.is_file() or not os.access(path, os.R_OK):
        raise _refusal()
    if suffixes and path.suffix.lower() not in suffixes:
        raise UserError("common.path_suffix", suffixes=", ".join(suffixes))
    return path


def _inside(text: str) -> Path:
    text = (text or "").strip()
    if not text or "\x00" in text:
        raise _refusal()
    try:
        path = Path(text).expanduser().resolve()
    except (OSError, RuntimeError):
        raise _refusal() from None
    cache = cache_dir().resolve()
    allowed = any(path.is_relative_to(root) for root in roots())
    hidden = any(part.startswith(".") for part in path.parts)
    if not allowed or hidden or path.is_relative_to(cache):
        raise _refusal()
    return path


def _refusal() -> UserError:
    return UserError("common.path_unavailable", roots=", ".join(_shown(root) for root in roots()))


def _shown(root: Path) -> str:
    """A root as the message names it: ``data/`` for the app's own folder, not the server's layout."""
    app = APP_ROOT.resolve()
    return f"{root.relative_to(app).as_posix()}/" if root.is_relative_to(app) else str(root)
