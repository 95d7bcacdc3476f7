"""Images from files: a local folder, a zip read in memory, and the array layouts of MNIST
(IDX) and Fashion-MNIST (CSV).

Class labels come from folders: the first folder level that differs between images names
the class, looking through train/test/val split folders; a flat folder is unlabelled.
A zip is never extracted, so its entry names (absolute, ``..``, links) can write nowhere,
and its declared sizes are capped, which caps what is inflated.
"""

import gzip
import hashlib
import io
import math
import os
import re
import stat
import struct
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import numpy as np
from PIL import Image

from services.common import server_paths
from services.common.errors import UserError
from services.gan.data.cache import cached
from services.gan.data.decoding import MIN_SIDE, channels_first, decode, fit
from services.gan.data.imageset import (
    ImageSet,
    LoadReport,
    Progress,
    check_format,
    check_limit,
    image_set,
    nothing_usable,
    source_name,
    tick,
)

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".bmp", ".gif", ".webp", ".tif", ".tiff"}
# archives inside a source are never opened (a zip in a zip would multiply what is inflated):
# counted apart, so the student learns to unpack them
ARCHIVE_SUFFIXES = {".zip", ".tar", ".gz", ".tgz", ".bz2", ".xz", ".7z", ".rar"}
IGNORED_NAMES = {"__MACOSX", "Thumbs.db", "desktop.ini"}
SPLIT_WORDS = {"train", "training", "test", "testing", "val", "valid", "validation"}
# zip bombs: zipfile never inflates an entry past its declared size, so capping the declared
# sizes caps what is read
MAX_ZIP_ENTRIES = 200_000
MAX_ZIP_BYTES = 4 * 2**30
MAX_ENTRY_BYTES = 64 * 2**20
IDX_IMAGES = re.compile(r"(train-)?images[.-]idx3-ubyte(\.gz)?$")


def load_zip(
    data: bytes | str | Path,
    size: int,
    channels: int,
    limit: int | None = None,
    name: str = "upload.zip",
    progress: Progress = None,
) -> ImageSet:
    """Images inside a zip (bytes of an upload, or a path), read in memory: nothing is extracted."""
    check_format(size, channels)
    limit = check_limit(limit, size, channels)
    if isinstance(data, str | Path):
        name = Path(data).name if name == "upload.zip" else name
        try:
            digest = _file_digest(Path(data))
        except OSError:
            raise UserError("gan.data.bad_zip", name=name) from None
        opened = Path(data)
    else:
        digest = hashlib.sha256(data).hexdigest()
        opened = io.BytesIO(data)
    source = source_name("zip", name)

    def build() -> ImageSet:
        try:
            archive = zipfile.ZipFile(opened)
        except (zipfile.BadZipFile, OSError):
            raise UserError("gan.data.bad_zip", name=name) from None
        with archive:
            return load_files(_zip_entries(archive), size, channels, limit, source, progress)

    return cached({"zip": digest, "limit": limit}, size, channels, build)


def load_folder(
    path: str | Path, size: int, channels: int, limit: int | None = None, progress: Progress = None
) -> ImageSet:
    """Images in a server folder and its subfolders (subfolders name the classes); only under
    the allowed roots (services/common/server_paths.py), so no other folder is read or revealed."""
    check_format(size, channels)
    limit = check_limit(limit, size, channels)
    folder = server_paths.folder(str(path))
    entries = folder_entries(folder)
    # the listing (names, sizes, times) identifies the content without reading it
    listing = hashlib.sha256()
    for entry in entries:
        listing.update(f"{entry.name}\0{entry.stamp}\n".encode())
    identity = {"folder": str(folder), "listing": listing.hexdigest(), "limit": limit}
    source = source_name("folder", folder.name)
    return cached(
        identity, size, channels, lambda: load_files(entries, size, channels, limit, source, progress)
    )


# ---------------------------------------------------------------- entries of folders and zips


@dataclass
class Entry:
    name: str  # path inside the source, "/"-separated; only used to find the class
    open: Callable[[], Image.Image]
    stamp: str = ""  # size and modification time, to notice a changed folder


def folder_entries(root: Path) -> list[Entry]:
    entries = []
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(d for d in subfolders if not _ignored(d))
        for file in sorted(files):
            path = Path(folder, file)
            if _ignored(file):
                continue
            try:
                info = path.stat()
                stamp = f"{info.st_size}:{info.st_mtime_ns}"
            except OSError:  # a broken link: it will count as corrupt
                stamp = "unreadable"
            name = path.relative_to(root).as_posix()
            entries.append(Entry(name, lambda path=path: Image.open(path), stamp))
    return entries


def _zip_entries(archive: zipfile.ZipFile) -> list[Entry | str]:
    """Entries of a zip as images opened from memory; unsafe names are returned as skip reasons."""
    infos = [i for i in archive.infolist() if not i.is_dir()]
    if len(infos) > MAX_ZIP_ENTRIES or sum(i.file_size for i in infos) > MAX_ZIP_BYTES:
        raise UserError("gan.data.zip_too_big", files=len(infos), gigabytes=MAX_ZIP_BYTES // 2**30)
    entries: list[Entry | str] = []
    for info in infos:
        name = info.filename.replace("\\", "/")
        parts = PurePosixPath(name).parts
        if name.startswith("/") or re.match(r"^[A-Za-z]:", name) or ".." in parts:
            entries.append("unsafe_path")  # checked first: ".." would pass for a hidden name
        elif any(_ignored(part) for part in parts):
            continue
        elif stat.S_ISLNK(info.external_attr >> 16):
            entries.append("link")
        elif info.file_size > MAX_ENTRY_BYTES:
            entries.append("too_large")
        else:
            entries.append(Entry(name, lambda info=info: Image.open(io.BytesIO(archive.read(info)))))
    return entries


def _ignored(name: str) -> bool:
    """Hidden files and the litter of macOS and Windows, which nobody counts as data."""
    return name.startswith(".") or name in IGNORED_NAMES


def load_files(
    entries: Iterable[Entry | str], size: int, channels: int, limit: int, source: str, progress: Progress
) -> ImageSet:
    """Decode image entries into a labelled or unlabelled set, counting every file left out."""
    # 1. Keep the image files; count what is not one
    report = LoadReport()
    images: list[Entry] = []
    for entry in entries:
        suffix = "" if isinstance(entry, str) else PurePosixPath(entry.name).suffix.lower()
        if isinstance(entry, str):
            report.skip(entry)
        elif suffix in IMAGE_SUFFIXES:
            images.append(entry)
        elif suffix in ARCHIVE_SUFFIXES:
            report.skip("archive")
        else:
            report.skip("not_image")
    # 2. Name the classes by their folders; count files outside the class folders
    classes = _classes_of([e.name for e in images])
    if classes is not None:
        loose = sum(c is None for c in classes)
        if loose:
            report.skip("no_class", loose)
        images = [e for e, c in zip(images, classes, strict=True) if c is not None]
        classes = [c for c in classes if c is not None]
    # 3. Decode up to ``limit`` of them; a random subset keeps the classes' proportions
    order = np.arange(len(images))
    if limit < len(images):
        order = np.random.default_rng(0).permutation(len(images))
    total = min(limit, len(images))
    pixels, kept = [], []
    for index in order:
        if len(pixels) == limit:
            break
        array = decode(images[index].open, size, channels, report)
        if array is not None:
            pixels.append(array)
            kept.append(index)
            tick(progress, len(pixels), total)
    if progress is not None:
        progress(total, total)  # some files were skipped: the bar still ends full
    if not pixels:
        raise nothing_usable(source, report)
    # 4. Stack them, with a class index per image where the folders named classes
    stacked = np.stack(pixels)
    if classes is None:
        return image_set(stacked, None, [], source, report)
    names, labels = np.unique([classes[i] for i in kept], return_inverse=True)
    return image_set(stacked, labels, [str(n) for n in names], source, report)


def _classes_of(names: list[str]) -> list[str | None] | None:
    """The class of each file: its first folder below the folders all files share, not counting
    train/test/val split folders. None for the whole set when it has fewer than two classes or
    most files lie loose; None for a loose file in an otherwise labelled set."""
    folders = [PurePosixPath(n).parent.parts for n in names]
    shared = len(os.path.commonprefix(folders)) if folders else 0
    classes = []
    for parts in folders:
        below = [p for p in parts[shared:] if not _is_split(p)]
        classes.append(below[0] if below else None)
    labelled = [c for c in classes if c is not None]
    if len(set(labelled)) < 2 or len(labelled) < len(classes) / 2:
        return None
    return classes


def _is_split(folder: str) -> bool:
    """train/, test/, val/, and names like cars_train or fashion-test."""
    return bool(SPLIT_WORDS & set(re.split(r"[^a-z]+", folder.lower())))


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(2**20), b""):
            digest.update(chunk)
    return digest.hexdigest()


# ---------------------------------------------------------------- MNIST IDX and Fashion-MNIST CSV


def load_idx(root: Path, size: int, channels: int, limit: int, source: str, progress: Progress) -> ImageSet:
    """MNIST's IDX files: ``train-images.idx3-ubyte`` (or ``-idx3-ubyte``) and the labels beside them."""
    files = sorted(
        (p for p in root.rglob("*") if IDX_IMAGES.search(p.name) and p.is_file()), key=_train_first
    )
    if not files:
        raise nothing_usable(source)
    images_file = files[0]
    images = _read_idx(images_file, 3, limit)
    # the labels lie beside the images, or (hojjatk/mnist-dataset) in a sibling folder of the same name
    labels_name = images_file.name.replace("images", "labels").replace("idx3", "idx1")
    candidates = sorted(
        (p for p in root.rglob(labels_name) if p.is_file()),
        key=lambda p: (p.parent != images_file.parent, len(p.parts), str(p)),
    )
    labels = _read_idx(candidates[0], 1, limit) if candidates else None
    if labels is not None and len(labels) != len(images):
        raise UserError("gan.data.bad_idx", file=candidates[0].name)
    return _from_gray_arrays(images, labels, None, size, channels, source, progress)


def _train_first(path: Path) -> tuple:
    return ("train" not in path.name, len(path.parts), str(path))


def _read_idx(path: Path, ndim: int, limit: int) -> np.ndarray:
    """An IDX array of unsigned bytes: magic 0 0 8 ndim, ndim big-endian sizes, then the data."""
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rb") as f:
            zero, dtype, dims = struct.unpack(">HBB", f.read(4))
            if zero != 0 or dtype != 0x08 or dims != ndim:
                raise ValueError("not an unsigned-byte IDX file of the expected rank")
            shape = struct.unpack(f">{dims}I", f.read(4 * dims))
            n = min(shape[0], limit)
            item = int(np.prod(shape[1:], dtype=np.int64))
            data = f.read(n * item)
    except (OSError, ValueError, struct.error, EOFError):
        raise UserError("gan.data.bad_idx", file=path.name) from None
    if len(data) != n * item:
        raise UserError("gan.data.bad_idx", file=path.name)
    return np.frombuffer(data, np.uint8).reshape((n, *shape[1:]))


def load_csv(
    root: Path, size: int, channels: int, limit: int, source: str, progress: Progress, names=None
) -> ImageSet:
    """Fashion-MNIST's CSV: a header ``label,pixel1..pixel784``, then one image per row."""
    files = sorted((p for p in root.rglob("*.csv") if p.is_file()), key=_train_first)
    for path in files:
        with open(path, encoding="utf-8", errors="replace") as f:
            header = f.readline().strip().split(",")
        if "label" in header:
            break
    else:
        raise nothing_usable(source)
    side = math.isqrt(len(header) - 1)
    if side < MIN_SIDE or side * side != len(header) - 1:
        raise UserError("gan.data.bad_csv", file=path.name)
    try:
        rows = np.loadtxt(path, delimiter=",", skiprows=1, max_rows=limit, dtype=np.int16, ndmin=2)
    except (OSError, ValueError):
        raise UserError("gan.data.bad_csv", file=path.name) from None
    if len(rows) == 0:
        raise nothing_usable(source)
    label_column = header.index("label")
    labels = rows[:, label_column]
    pixels = np.delete(rows, label_column, axis=1).clip(0, 255).astype(np.uint8).reshape(-1, side, side)
    return _from_gray_arrays(pixels, labels, names, size, channels, source, progress)


def _from_gray_arrays(images, labels, names, size, channels, source, progress) -> ImageSet:
    """N x H x W gray arrays -> the requested size and channels; labels -> class indices."""
    if len(images) == 0:
        raise nothing_usable(source)
    pixels = np.empty((len(images), channels, size, size), np.uint8)
    for i, image in enumerate(images):
        picture = Image.fromarray(image)
        pixels[i] = channels_first(fit(picture, size).convert("L" if channels == 1 else "RGB"))
        tick(progress, i + 1, len(images))
    if labels is None:
        return image_set(pixels, None, [], source, LoadReport())
    present, indices = np.unique(labels, return_inverse=True)
    named = names is not None and 0 <= present.min() and present.max() < len(names)
    class_names = [names[v] if named else str(v) for v in present]
    return image_set(pixels, indices, class_names, source, LoadReport())
