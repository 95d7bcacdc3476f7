"""Lab 1 training data: every source ends as an ``ImageSet`` of tensors in [-1, 1].

Sources: built-in data that needs no network (geometric shapes drawn with Pillow, and
scikit-learn's bundled handwritten digits), the variant's Kaggle dataset through
``kagglehub``, an uploaded zip and a local folder. They share one path:

1. list the candidate files (Kaggle's MNIST IDX and Fashion-MNIST CSV are read as arrays);
2. decode each image defensively: odd formats are converted (CMYK, 16-bit, alpha, palette,
   animated) and broken ones skipped (corrupt, not an image, tiny, decompression bombs),
   and both are counted in a ``LoadReport``;
3. center-crop to a square, resize to 28/32/64 px, gray or RGB, stack as uint8;
4. keep the result in ``cache/datasets`` as safetensors, so the next load is instant.

Class labels come from folders: the first folder level that differs between images names
the class, looking through train/test/val split folders; a flat folder is unlabelled.
"""

from __future__ import annotations

import colorsys
import contextlib
import hashlib
import io
import json
import logging
import math
import numbers
import os
import re
import socket
import stat
import struct
import threading
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import urlparse

import numpy as np
from PIL import Image, ImageDraw, ImageOps, UnidentifiedImageError

from services.common.errors import UserError
from services.common.paths import cache_dir

if TYPE_CHECKING:
    import torch

    from services.common.variants import Variant

log = logging.getLogger(__name__)

SIZES = (28, 32, 64)
CHANNELS = (1, 3)
BUILTINS = ("shapes", "digits")
SHAPES = ("circle", "square", "triangle")
SHAPES_COUNT = 3000  # default number of drawn shapes: a few seconds of GAN training per epoch
MIN_SIDE = 8  # smaller images hold no usable picture
MEMORY_BUDGET = 256 * 2**20  # float32 bytes a load takes when no limit is given
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".bmp", ".gif", ".webp", ".tif", ".tiff"}
IGNORED_NAMES = {"__MACOSX", "Thumbs.db", "desktop.ini"}
SPLIT_WORDS = {"train", "training", "test", "testing", "val", "valid", "validation"}
# why a file is left out (LoadReport.skipped) and what an image needed (LoadReport.converted);
# the page names each through "gan.data.skipped.<reason>" and "gan.data.converted.<reason>"
SKIP_REASONS = ("not_image", "corrupt", "too_small", "too_large", "unsafe_path", "link", "no_class")
CONVERSIONS = ("animated", "palette", "alpha", "cmyk", "high_bit_depth", "color_space")
# where a set comes from: ImageSet.source is "<kind> <name>", named in the UI by "gan.data.source.<kind>"
SOURCE_KINDS = ("builtin", "kaggle", "zip", "folder")
# zip bombs: zipfile never inflates an entry past its declared size, so capping the declared
# sizes caps what is read
MAX_ZIP_ENTRIES = 200_000
MAX_ZIP_BYTES = 4 * 2**30
MAX_ENTRY_BYTES = 64 * 2**20
KAGGLE_CONNECT_TIMEOUT_S = 5.0
# the CSV holds class numbers; the dataset's page names them
KNOWN_CLASSES = {
    "zalando-research/fashionmnist": (
        "T-shirt/top",
        "Trouser",
        "Pullover",
        "Dress",
        "Coat",
        "Sandal",
        "Shirt",
        "Sneaker",
        "Bag",
        "Ankle boot",
    ),
}
CACHE_FORMAT = 2  # bump when preprocessing or the stored metadata change, so old cache files are not reused

Progress = Callable[[int, int], None] | None


@dataclass
class LoadReport:
    """What happened to the files of a source.

    ``converted`` counts images that needed each conversion (one image may need two, e.g.
    an animated GIF is also a palette image), one of ``CONVERSIONS``; ``skipped`` counts files
    left out, by reason, one of ``SKIP_REASONS``.
    """

    loaded: int = 0
    converted: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)

    def skip(self, reason: str, n: int = 1) -> None:
        if reason not in SKIP_REASONS:  # the page could not name it: add it to SKIP_REASONS and i18n
            raise ValueError(f"unknown skip reason {reason!r}")
        self.skipped[reason] = self.skipped.get(reason, 0) + n

    def convert(self, conversion: str) -> None:
        if conversion not in CONVERSIONS:
            raise ValueError(f"unknown conversion {conversion!r}")
        self.converted[conversion] = self.converted.get(conversion, 0) + 1


@dataclass
class ImageSet:
    images: torch.Tensor  # float32, N x C x H x W, in [-1, 1]
    labels: np.ndarray | None  # int64 class index per image, or None when unlabelled
    class_names: list[str]
    source: str  # language-neutral "<kind> <name>", e.g. "builtin shapes", "kaggle andrewmvd/animal-faces v3"
    report: LoadReport

    def __len__(self) -> int:
        return len(self.images)


def source_name(kind: str, name: str) -> str:
    """The ``ImageSet.source`` of a set: ``kind`` (one of ``SOURCE_KINDS``) and its name."""
    return f"{kind} {name}"


def source_parts(source: str) -> tuple[str, str]:
    """``(kind, name)`` of a ``source_name``; ``("", source)`` for a text in another form."""
    kind, _, name = source.partition(" ")
    return (kind, name) if kind in SOURCE_KINDS and name else ("", source)


def default_limit(size: int, channels: int) -> int:
    """How many images fit the memory budget as float32 (5 000 at 64 px RGB, 60 000 at 28 px gray)."""
    fit = MEMORY_BUDGET // (size * size * channels * 4)
    return int(min(60_000, max(1000, fit // 1000 * 1000)))


# ---------------------------------------------------------------- public loaders


def load_builtin(
    name: str, size: int, channels: int, count: int | None = None, seed: int = 0, progress: Progress = None
) -> ImageSet:
    """Labelled data that works offline: ``"shapes"`` (drawn) or ``"digits"`` (scikit-learn's 1 797 digits)."""
    _check_format(size, channels)
    if name not in BUILTINS:
        raise UserError("gan.data.unknown_builtin", name=name)
    if count is not None:
        count = _check_limit(count, size, channels)
    identity = {"builtin": name, "count": count, "seed": seed}
    draw = _draw_shapes if name == "shapes" else _sklearn_digits
    return _cached(identity, size, channels, lambda: draw(size, channels, count, seed, progress))


def load_kaggle(
    variant: Variant,
    size: int,
    channels: int,
    limit: int | None = None,
    progress: Progress = None,
    username: str | None = None,
    key: str | None = None,
    refresh: bool = False,
) -> ImageSet:
    """The variant's Kaggle dataset, downloaded once by kagglehub and then read from its cache.

    A version downloaded before is used without touching the network (pass ``refresh`` to
    look for a newer one). Credentials are the Kaggle username and API key (or a single
    API token as ``key``); without them kagglehub uses KAGGLE_USERNAME/KAGGLE_KEY or
    ``~/.kaggle``. Unreachable Kaggle, a missing login or a wrong slug raise ``UserError``.
    """
    _check_format(size, channels)
    limit = _check_limit(limit, size, channels)
    cached = _kaggle_cached_version(variant.kaggle)
    root = None
    if cached is not None and not refresh:
        version = cached
    else:
        try:
            root, version = _kaggle_download(variant.kaggle, username, key)
        except UserError as error:
            if error.key != "gan.data.kaggle_unreachable" or cached is None:
                raise
            version = cached
    identity = {"kaggle": variant.kaggle, "version": version, "layout": variant.layout, "limit": limit}

    def build() -> ImageSet:
        path = Path(root or _kaggle_pinned_path(variant.kaggle, version))
        source = source_name("kaggle", f"{variant.kaggle} v{version}")
        if variant.layout == "idx":
            return _load_idx(path, size, channels, limit, source, progress)
        if variant.layout == "csv":
            return _load_csv(path, size, channels, limit, source, progress, KNOWN_CLASSES.get(variant.kaggle))
        return _load_files(_folder_entries(path), size, channels, limit, source, progress)

    return _cached(identity, size, channels, build)


def load_zip(
    data: bytes | str | Path,
    size: int,
    channels: int,
    limit: int | None = None,
    name: str = "upload.zip",
    progress: Progress = None,
) -> ImageSet:
    """Images inside a zip (bytes of an upload, or a path), read in memory: nothing is extracted,
    so entry names (absolute, ``..``, links) can never write anywhere."""
    _check_format(size, channels)
    limit = _check_limit(limit, size, channels)
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
    identity = {"zip": digest, "limit": limit}

    source = source_name("zip", name)

    def build() -> ImageSet:
        try:
            archive = zipfile.ZipFile(opened)
        except (zipfile.BadZipFile, OSError):
            raise UserError("gan.data.bad_zip", name=name) from None
        with archive:
            return _load_files(_zip_entries(archive), size, channels, limit, source, progress)

    return _cached(identity, size, channels, build)


def load_folder(
    path: str | Path, size: int, channels: int, limit: int | None = None, progress: Progress = None
) -> ImageSet:
    """Images in a local folder and its subfolders (subfolders name the classes)."""
    _check_format(size, channels)
    limit = _check_limit(limit, size, channels)
    folder = Path(path).expanduser()
    if not folder.is_dir():
        raise UserError("gan.data.folder_missing", path=str(path))
    folder = folder.resolve()
    entries = _folder_entries(folder)
    # the listing (names, sizes, times) identifies the content without reading it
    listing = hashlib.sha256()
    for entry in entries:
        listing.update(f"{entry.name}\0{entry.stamp}\n".encode())
    identity = {"folder": str(folder), "listing": listing.hexdigest(), "limit": limit}
    source = source_name("folder", folder.name)
    return _cached(
        identity, size, channels, lambda: _load_files(entries, size, channels, limit, source, progress)
    )


def to_pil_grid(
    images, nrow: int = 8, padding: int = 2, pad_value: float = 1.0, scale: int = 1
) -> Image.Image:
    """Images in [-1, 1] (N x C x H x W, or one C x H x W) as one grid picture, ``nrow`` per row.

    ``scale`` enlarges pixels without blurring, for small images on a projector.
    """
    array = (
        images.detach().float().cpu().numpy() if hasattr(images, "detach") else np.asarray(images, np.float32)
    )
    if array.ndim == 3:
        array = array[None]
    if array.ndim != 4 or len(array) == 0 or array.shape[1] not in CHANNELS:
        raise ValueError(f"expected N x C x H x W images with C in {CHANNELS}, got shape {array.shape}")
    n, c, h, w = array.shape
    cols = max(1, min(nrow, n))
    rows = math.ceil(n / cols)
    grid = np.full((c, rows * (h + padding) + padding, cols * (w + padding) + padding), pad_value, np.float32)
    for i, image in enumerate(array):
        top, left = padding + (i // cols) * (h + padding), padding + (i % cols) * (w + padding)
        grid[:, top : top + h, left : left + w] = image
    pixels = np.round((np.clip(grid, -1, 1) + 1) * 127.5).astype(np.uint8)
    picture = Image.fromarray(pixels[0]) if c == 1 else Image.fromarray(pixels.transpose(1, 2, 0))
    if scale > 1:
        picture = picture.resize((picture.width * scale, picture.height * scale), Image.Resampling.NEAREST)
    return picture


# ---------------------------------------------------------------- arguments


def _check_format(size, channels) -> None:
    if size not in SIZES or isinstance(size, bool):
        raise UserError("gan.data.bad_size", size=size, sizes=", ".join(map(str, SIZES)))
    if channels not in CHANNELS or isinstance(channels, bool):
        raise UserError("gan.data.bad_channels", channels=channels)


def _nothing_usable(source: str, skipped: int) -> UserError:
    """No image could be read; the message names the source without its (English) kind word."""
    return UserError("gan.data.empty", source=source_parts(source)[1], skipped=skipped)


def _check_limit(limit, size: int, channels: int) -> int:
    if limit is None:
        return default_limit(size, channels)
    if isinstance(limit, bool) or not isinstance(limit, numbers.Integral) or limit < 1:
        raise UserError("gan.data.bad_limit", limit=limit)
    return int(limit)


# ---------------------------------------------------------------- preprocessed cache


def _cached(identity: dict, size: int, channels: int, build: Callable[[], ImageSet]) -> ImageSet:
    """The set from ``cache/datasets`` if this source was prepared before at this format, else build and keep it."""
    from safetensors import SafetensorError, safe_open
    from safetensors.numpy import save_file

    key = json.dumps({**identity, "size": size, "channels": channels, "format": CACHE_FORMAT}, sort_keys=True)
    path = cache_dir("datasets") / f"{hashlib.sha256(key.encode()).hexdigest()[:32]}.safetensors"
    if path.exists():
        try:
            with safe_open(path, framework="numpy") as f:
                meta = f.metadata()
                pixels = f.get_tensor("images")
                labels = f.get_tensor("labels") if "labels" in f.keys() else None
            report = LoadReport(**json.loads(meta["report"]))
            return _image_set(pixels, labels, json.loads(meta["class_names"]), meta["source"], report)
        except (OSError, ValueError, KeyError, TypeError, SafetensorError):
            log.warning("rebuilding unreadable dataset cache %s", path.name)
    data = build()
    pixels = np.round((data.images.numpy() + 1) * 127.5).astype(np.uint8)
    arrays = {"images": pixels} | ({"labels": data.labels} if data.labels is not None else {})
    meta = {
        "class_names": json.dumps(data.class_names),
        "source": data.source,
        "report": json.dumps(data.report.__dict__),
    }
    partial = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.part")
    try:
        save_file(arrays, partial, metadata=meta)
        os.replace(partial, path)  # atomic: a concurrent reader sees the whole file or none
    except OSError as error:  # a full disk costs the next load its speed, not this load its data
        log.warning("could not cache the dataset: %r", error)
        partial.unlink(missing_ok=True)
    return data


def _image_set(
    pixels: np.ndarray, labels, class_names: list[str], source: str, report: LoadReport
) -> ImageSet:
    """uint8 N x C x H x W -> float32 in [-1, 1]."""
    import torch

    images = torch.from_numpy(np.ascontiguousarray(pixels)).float().div_(127.5).sub_(1.0)
    labels = None if labels is None else np.asarray(labels, np.int64)
    report.loaded = len(images)
    return ImageSet(images, labels, list(class_names), source, report)


# ---------------------------------------------------------------- built-in data


def _draw_shapes(size: int, channels: int, count: int | None, seed: int, progress: Progress) -> ImageSet:
    """Circles, squares and triangles of random size, place, rotation, colour, filled or outlined.

    Drawn at 4x and reduced, so edges are smooth like a photographed shape.
    """
    count = count or SHAPES_COUNT
    rng = np.random.default_rng(seed)
    labels = rng.permutation(np.arange(count) % len(SHAPES))
    big = size * 4
    mode = "L" if channels == 1 else "RGB"
    pixels = np.empty((count, channels, size, size), np.uint8)
    for i, label in enumerate(labels):
        background = int(rng.integers(0, 50))
        if channels == 1:
            ink = int(rng.integers(170, 256))
        else:
            rgb = colorsys.hsv_to_rgb(rng.random(), rng.uniform(0.5, 1.0), rng.uniform(0.75, 1.0))
            ink = tuple(int(v * 255) for v in rgb)
            background = (background,) * 3
        canvas = Image.new(mode, (big, big), background)
        radius = rng.uniform(0.2, 0.42) * big
        cx, cy = rng.uniform(radius + 2, big - radius - 2, size=2)
        style = {"outline": ink, "width": max(2, int(rng.uniform(0.04, 0.1) * big))}
        if rng.random() < 0.5:
            style["fill"] = ink
        draw = ImageDraw.Draw(canvas)
        if SHAPES[label] == "circle":
            r = radius * 0.85  # a circle looks bigger than a polygon in the same bounding circle
            draw.ellipse((cx - r, cy - r, cx + r, cy + r), **style)
        else:
            sides = 4 if SHAPES[label] == "square" else 3
            draw.regular_polygon((cx, cy, radius), sides, rotation=float(rng.uniform(0, 360)), **style)
        pixels[i] = _channels_first(canvas.reduce(4))
        _tick(progress, i + 1, count)
    return _image_set(pixels, labels, list(SHAPES), source_name("builtin", "shapes"), LoadReport())


def _sklearn_digits(size: int, channels: int, count: int | None, seed: int, progress: Progress) -> ImageSet:
    """scikit-learn's 8x8 handwritten digits (a stand-in for MNIST), upscaled into an MNIST-like frame:
    the digit fills the middle 20/28 of the image, as in MNIST."""
    from sklearn.datasets import load_digits

    digits = load_digits()
    order = np.arange(len(digits.images))
    if count is not None and count < len(order):
        order = np.sort(np.random.default_rng(seed).choice(order, count, replace=False))
    inner = round(size * 20 / 28)
    offset = (size - inner) // 2
    pixels = np.empty((len(order), channels, size, size), np.uint8)
    for i, index in enumerate(order):
        ink = Image.fromarray((digits.images[index] * (255 / 16)).astype(np.uint8))
        canvas = Image.new("L", (size, size), 0)
        canvas.paste(ink.resize((inner, inner), Image.Resampling.BICUBIC), (offset, offset))
        pixels[i] = _channels_first(canvas if channels == 1 else canvas.convert("RGB"))
        _tick(progress, i + 1, len(order))
    names = [str(d) for d in digits.target_names]
    source = source_name("builtin", "digits")
    return _image_set(pixels, digits.target[order], names, source, LoadReport())


# ---------------------------------------------------------------- Kaggle


def _kaggle_cache_root() -> Path:
    from kagglehub.config import get_cache_folder  # honours KAGGLEHUB_CACHE

    return Path(get_cache_folder())


def _kaggle_cached_version(slug: str) -> int | None:
    """The newest version of ``owner/slug`` that kagglehub finished downloading, if any.

    kagglehub keeps ``datasets/<owner>/<slug>/versions/<N>/`` and marks a complete download
    with ``datasets/<owner>/<slug>/<N>.complete``.
    """
    base = _kaggle_cache_root() / "datasets" / slug
    versions = [
        int(p.name)
        for p in (base / "versions").glob("*")
        if p.name.isdigit() and p.is_dir() and (base / f"{p.name}.complete").exists()
    ]
    return max(versions, default=None)


def _kaggle_pinned_path(slug: str, version: int) -> str:
    """kagglehub skips the network for a pinned, cached ``owner/slug/versions/N`` handle."""
    import kagglehub

    try:
        return kagglehub.dataset_download(f"{slug}/versions/{version}")
    except Exception as error:  # the cache vanished and Kaggle is out of reach: say so
        raise _kaggle_error(slug, error) from None


def _kaggle_download(slug: str, username: str | None, key: str | None) -> tuple[str, int]:
    """Download (or find cached) the current version; returns its folder and version number."""
    if not _kaggle_reachable():
        raise UserError("gan.data.kaggle_unreachable", dataset=slug)
    import kagglehub

    with _kaggle_credentials(username, key):
        try:
            path = kagglehub.dataset_download(slug)
        except Exception as error:
            raise _kaggle_error(slug, error) from None
    folder = Path(path)
    version = int(folder.name) if folder.parent.name == "versions" and folder.name.isdigit() else 0
    return path, version


def _kaggle_error(slug: str, error: Exception) -> UserError:
    """kagglehub's and requests' exceptions as a message the student can act on."""
    import requests
    from kagglehub.exceptions import CredentialError, UnauthenticatedError

    log.info("kaggle download of %s failed: %r", slug, error)
    if isinstance(error, UnauthenticatedError | CredentialError):
        return UserError("gan.data.kaggle_login", dataset=slug)
    response = getattr(error, "response", None)
    status = getattr(response, "status_code", None)
    if status in (401, 403):
        return UserError("gan.data.kaggle_login", dataset=slug)
    if status == 404:
        return UserError("gan.data.kaggle_not_found", dataset=slug)
    if isinstance(error, requests.ConnectionError | requests.Timeout):
        return UserError("gan.data.kaggle_unreachable", dataset=slug)
    return UserError("gan.data.kaggle_failed", dataset=slug, detail=str(error)[:300])


def _kaggle_reachable(timeout: float = KAGGLE_CONNECT_TIMEOUT_S) -> bool:
    """A short TCP connect to Kaggle's API before kagglehub, whose API requests (kagglesdk)
    carry no timeout and could wait minutes on a network that drops packets. Behind a proxy,
    let requests try."""
    if any(
        os.environ.get(v)
        for v in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy")
    ):
        return True
    from kagglesdk.kaggle_env import get_endpoint, get_env

    url = urlparse(get_endpoint(get_env()))
    address = (url.hostname, url.port or (443 if url.scheme == "https" else 80))
    reached: list[bool] = []

    def connect() -> None:
        try:
            socket.create_connection(address, timeout).close()
            reached.append(True)
        except OSError:
            reached.append(False)

    # name resolution ignores socket timeouts: a daemon thread bounds the whole check
    probe = threading.Thread(target=connect, name="kaggle-reachable", daemon=True)
    probe.start()
    probe.join(timeout)
    return reached == [True]


_KAGGLE_LOCK = threading.Lock()
_KAGGLE_CREDENTIAL_VARS = ("KAGGLE_USERNAME", "KAGGLE_KEY", "KAGGLE_API_TOKEN")


@contextlib.contextmanager
def _kaggle_credentials(username: str | None, key: str | None):
    """kagglehub reads credentials from the environment only: set them for this download and
    restore the environment after. Downloads run one at a time, so one session's key never
    serves another's request and two sessions never write the same dataset into kagglehub's
    cache at once. Nothing is written to disk."""
    with _KAGGLE_LOCK:
        if not key:
            yield
            return
        values = {"KAGGLE_USERNAME": username, "KAGGLE_KEY": key} if username else {"KAGGLE_API_TOKEN": key}
        saved = {name: os.environ.get(name) for name in _KAGGLE_CREDENTIAL_VARS}
        for name in _KAGGLE_CREDENTIAL_VARS:  # kagglehub prefers a token over a username and key
            os.environ.pop(name, None)
        os.environ.update(values)
        try:
            yield
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value


# ---------------------------------------------------------------- MNIST IDX and Fashion-MNIST CSV


IDX_IMAGES = re.compile(r"(train-)?images[.-]idx3-ubyte(\.gz)?$")


def _load_idx(root: Path, size: int, channels: int, limit: int, source: str, progress: Progress) -> ImageSet:
    """MNIST's IDX files: ``train-images.idx3-ubyte`` (or ``-idx3-ubyte``) and the labels beside them."""
    files = sorted(
        (p for p in root.rglob("*") if IDX_IMAGES.search(p.name) and p.is_file()), key=_train_first
    )
    if not files:
        raise _nothing_usable(source, 0)
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
    import gzip

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


def _load_csv(
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
        raise _nothing_usable(source, 0)
    side = math.isqrt(len(header) - 1)
    if side < MIN_SIDE or side * side != len(header) - 1:
        raise UserError("gan.data.bad_csv", file=path.name)
    try:
        rows = np.loadtxt(path, delimiter=",", skiprows=1, max_rows=limit, dtype=np.int16, ndmin=2)
    except (OSError, ValueError):
        raise UserError("gan.data.bad_csv", file=path.name) from None
    if len(rows) == 0:
        raise _nothing_usable(source, 0)
    label_column = header.index("label")
    labels = rows[:, label_column]
    pixels = np.delete(rows, label_column, axis=1).clip(0, 255).astype(np.uint8).reshape(-1, side, side)
    return _from_gray_arrays(pixels, labels, names, size, channels, source, progress)


def _from_gray_arrays(images, labels, names, size, channels, source, progress) -> ImageSet:
    """N x H x W gray arrays -> the requested size and channels; labels -> class indices."""
    if len(images) == 0:
        raise _nothing_usable(source, 0)
    pixels = np.empty((len(images), channels, size, size), np.uint8)
    for i, image in enumerate(images):
        picture = Image.fromarray(image)
        pixels[i] = _channels_first(_fit(picture, size).convert("L" if channels == 1 else "RGB"))
        _tick(progress, i + 1, len(images))
    if labels is None:
        return _image_set(pixels, None, [], source, LoadReport())
    present, indices = np.unique(labels, return_inverse=True)
    named = names is not None and 0 <= present.min() and present.max() < len(names)
    class_names = [names[v] if named else str(v) for v in present]
    return _image_set(pixels, indices, class_names, source, LoadReport())


# ---------------------------------------------------------------- files from folders and zips


@dataclass
class _Entry:
    name: str  # path inside the source, "/"-separated; only used to find the class
    open: Callable[[], Image.Image]
    stamp: str = ""  # size and modification time, to notice a changed folder


def _folder_entries(root: Path) -> list[_Entry]:
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
            entries.append(_Entry(name, lambda path=path: Image.open(path), stamp))
    return entries


def _zip_entries(archive: zipfile.ZipFile) -> Iterable[_Entry | str]:
    """Entries of a zip as images opened from memory; unsafe names are returned as skip reasons."""
    infos = [i for i in archive.infolist() if not i.is_dir()]
    if len(infos) > MAX_ZIP_ENTRIES or sum(i.file_size for i in infos) > MAX_ZIP_BYTES:
        raise UserError("gan.data.zip_too_big", files=len(infos), gigabytes=MAX_ZIP_BYTES // 2**30)
    entries: list[_Entry | str] = []
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
            entries.append(_Entry(name, lambda info=info: Image.open(io.BytesIO(archive.read(info)))))
    return entries


def _ignored(name: str) -> bool:
    """Hidden files and the litter of macOS and Windows, which nobody counts as data."""
    return name.startswith(".") or name in IGNORED_NAMES


def _load_files(
    entries: Iterable[_Entry | str], size: int, channels: int, limit: int, source: str, progress: Progress
) -> ImageSet:
    """Decode image entries into a labelled or unlabelled set, counting every file left out."""
    report = LoadReport()
    images: list[_Entry] = []
    for entry in entries:
        if isinstance(entry, str):
            report.skip(entry)
        elif PurePosixPath(entry.name).suffix.lower() in IMAGE_SUFFIXES:
            images.append(entry)
        else:
            report.skip("not_image")
    classes = _classes_of([e.name for e in images])
    if classes is not None:
        loose = sum(c is None for c in classes)
        if loose:
            report.skip("no_class", loose)
        images = [e for e, c in zip(images, classes, strict=True) if c is not None]
        classes = [c for c in classes if c is not None]
    order = np.arange(len(images))
    if limit < len(images):  # a random subset keeps the classes' proportions
        order = np.random.default_rng(0).permutation(len(images))
    total = min(limit, len(images))
    pixels, kept = [], []
    for index in order:
        if len(pixels) == limit:
            break
        array = _decode(images[index].open, size, channels, report)
        if array is not None:
            pixels.append(array)
            kept.append(index)
            _tick(progress, len(pixels), total)
    if progress is not None:
        progress(total, total)  # some files were skipped: the bar still ends full
    if not pixels:
        raise _nothing_usable(source, sum(report.skipped.values()))
    stacked = np.stack(pixels)
    if classes is None:
        return _image_set(stacked, None, [], source, report)
    names, labels = np.unique([classes[i] for i in kept], return_inverse=True)
    return _image_set(stacked, labels, [str(n) for n in names], source, report)


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


# ---------------------------------------------------------------- one image


def _decode(
    open_image: Callable[[], Image.Image], size: int, channels: int, report: LoadReport
) -> np.ndarray | None:
    """One untrusted file -> uint8 C x size x size, or None with the reason counted."""
    conversions: list[str] = []
    try:
        with open_image() as picture:
            width, height = picture.size
            if width * height > Image.MAX_IMAGE_PIXELS:
                report.skip("too_large")
                return None
            if min(width, height) < MIN_SIDE:
                report.skip("too_small")
                return None
            if getattr(picture, "n_frames", 1) > 1:
                conversions.append("animated")  # an opened image stands on its first frame
            if picture.format == "JPEG":
                picture.draft(None, (size * 2, size * 2))  # decode big JPEGs at a reduced scale: much faster
            picture.load()
            picture = _to_8bit(picture, conversions)
            array = _channels_first(_fit(picture, size).convert("L" if channels == 1 else "RGB"))
    except Image.DecompressionBombError:
        report.skip("too_large")
        return None
    except UnidentifiedImageError:
        report.skip("not_image")
        return None
    except Exception as error:  # truncated or malformed data makes decoders raise all kinds of errors
        log.debug("skipping a corrupt image: %r", error)
        report.skip("corrupt")
        return None
    for conversion in conversions:
        report.convert(conversion)
    return array


def _to_8bit(picture: Image.Image, conversions: list[str]) -> Image.Image:
    """Any Pillow mode -> "L" or "RGB"; transparent images are laid on white."""
    mode = picture.mode
    if mode in ("L", "RGB", "1"):
        if "transparency" not in picture.info:
            return picture.convert("L") if mode == "1" else picture
    if mode.startswith("I") or mode == "F":
        conversions.append("high_bit_depth")
        values = np.asarray(picture, np.float64)
        top = 65535.0 if mode.startswith("I;16") or values.max(initial=0) > 255 else 255.0
        return Image.fromarray(np.clip(values / top * 255, 0, 255).astype(np.uint8))
    if mode == "CMYK":
        conversions.append("cmyk")
        return picture.convert("RGB")
    if mode in ("P", "PA"):
        conversions.append("palette")
    if mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in picture.info:
        conversions.append("alpha")
        rgba = picture.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("RGB")
    if mode != "P":
        conversions.append("color_space")  # YCbCr, LAB, HSV
    return picture.convert("RGB")


def _fit(picture: Image.Image, size: int) -> Image.Image:
    """Center-crop to a square and resize (Lanczos: sharp and free of aliasing)."""
    if picture.size == (size, size):
        return picture
    return ImageOps.fit(picture, (size, size), method=Image.Resampling.LANCZOS)


def _channels_first(picture: Image.Image) -> np.ndarray:
    array = np.asarray(picture)
    return array[None] if array.ndim == 2 else array.transpose(2, 0, 1)


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(2**20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _tick(progress: Progress, done: int, total: int) -> None:
    """Report every 64 images and at the end: often enough for a bar, cheap for fast loads."""
    if progress is not None and (done % 64 == 0 or done == total):
        progress(done, total)
