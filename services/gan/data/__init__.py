"""Lab 1 training data: every source ends as an ``ImageSet`` of tensors in [-1, 1].

Sources: built-in data that needs no network (builtin.py), the variant's Kaggle dataset
(kaggle.py, imported when first used: kagglehub is slow to import), an uploaded zip (kept in
the cache as it arrives, uploads.py) and a folder on the server under the allowed roots
(files.py). They share one path:

1. list the candidate files (Kaggle's MNIST IDX and Fashion-MNIST CSV are read as arrays);
2. decode each image defensively (decoding.py): odd formats are converted and broken ones
   skipped, both counted in a ``LoadReport`` (imageset.py);
3. center-crop to a square, resize to 28/32/64 px, gray or RGB, stack as uint8;
4. keep the result in ``cache/datasets`` (cache.py), so the next load is instant.

A run keeps its data as a *spec*, ``load``'s first argument, to load it again after a restart.
"""

from pathlib import Path

from services.common import server_paths, variants
from services.common.errors import UserError
from services.gan.data.builtin import BUILTINS, SHAPES, load_builtin
from services.gan.data.files import load_folder, load_zip
from services.gan.data.imageset import (
    CONVERSIONS,
    SKIP_REASONS,
    SOURCE_KINDS,
    ImageSet,
    LoadReport,
    Progress,
    source_name,
    source_parts,
    to_pil_grid,
)
from services.gan.data.uploads import save_upload

__all__ = [
    "BUILTINS",
    "CONVERSIONS",
    "SHAPES",
    "SKIP_REASONS",
    "SOURCE_KINDS",
    "ImageSet",
    "LoadReport",
    "check_spec",
    "load",
    "load_builtin",
    "load_folder",
    "load_zip",
    "save_upload",
    "source_name",
    "source_parts",
    "to_pil_grid",
]


def load(
    spec: dict,
    size: int,
    channels: int,
    progress: Progress = None,
    zip_data: bytes | Path | None = None,
    username: str | None = None,
    key: str | None = None,
) -> ImageSet:
    """The images a spec names, at ``size`` px with ``channels``; ``limit`` (optional) caps their number:
    ``{"kind": "builtin", "name": "shapes" | "digits", "limit": 3000}``, ``{"kind": "kaggle", "variant": 3}``
    (logging in with ``username`` and ``key`` where given), ``{"kind": "folder", "path": "..."}`` or
    ``{"kind": "zip", "name": "flowers.zip"}`` with the archive (bytes or a path) in ``zip_data``."""
    kind, limit = spec["kind"], spec.get("limit")
    if kind == "builtin":
        return load_builtin(spec["name"], size, channels, count=limit, progress=progress)
    if kind == "kaggle":
        # here: kagglehub takes 0.5 s to import, and app.py imports this package
        from services.gan.data.kaggle import load_kaggle

        variant = variants.get(spec["variant"])
        return load_kaggle(variant, size, channels, limit, progress, username=username, key=key)
    if kind == "folder":
        return load_folder(spec["path"], size, channels, limit, progress)
    return load_zip(zip_data, size, channels, limit, name=spec["name"], progress=progress)


def check_spec(spec: dict, zip_data: bytes | Path | None = None) -> dict:
    """The spec with only the keys ``load`` reads; ``UserError`` for one it cannot load (a folder
    outside the allowed roots among them, with the one message that tells nothing of it)."""
    if not isinstance(spec, dict) or spec.get("kind") not in SOURCE_KINDS:
        raise UserError("gan.data.spec")
    limit = spec.get("limit")
    if limit is not None and (not isinstance(limit, int) or isinstance(limit, bool) or limit < 1):
        raise UserError("gan.data.spec")
    kind = spec["kind"]
    if kind == "builtin":
        if spec.get("name") not in BUILTINS:
            raise UserError("gan.data.spec")
        keep = {"name": spec["name"]}
    elif kind == "kaggle":
        if spec.get("variant") not in range(1, len(variants.VARIANTS) + 1):
            raise UserError("gan.data.spec")
        keep = {"variant": spec["variant"]}
    elif kind == "folder":
        if not isinstance(spec.get("path"), str):
            raise UserError("gan.data.spec")
        server_paths.folder(spec["path"])
        keep = {"path": spec["path"]}
    else:
        if not zip_data or (isinstance(zip_data, Path) and not zip_data.is_file()):
            raise UserError("gan.data.spec")
        keep = {"name": Path(str(spec.get("name") or "upload.zip")).name}
    return {"kind": kind, **keep, "limit": limit}
