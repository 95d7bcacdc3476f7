"""What every Lab 1 source ends as: an ``ImageSet`` of float tensors in [-1, 1] with a
``LoadReport`` of what happened to its files; the checks of what a load asks for; and the
way back from such tensors to one picture (``to_pil_grid``)."""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
from PIL import Image

from services.common.errors import UserError
from services.gan.config import CHANNELS, SIZES

if TYPE_CHECKING:
    import torch

MEMORY_BUDGET = 256 * 2**20  # float32 bytes a load takes when no limit is given
# why a file is left out (LoadReport.skipped) and what an image needed (LoadReport.converted);
# the page names each through "gan.data.skipped.<reason>" and "gan.data.converted.<reason>"
SKIP_REASONS = (
    "not_image",
    "archive",
    "corrupt",
    "too_small",
    "too_large",
    "unsafe_path",
    "link",
    "no_class",
)
CONVERSIONS = ("animated", "palette", "alpha", "cmyk", "high_bit_depth", "color_space")
# where a set comes from: ImageSet.source is "<kind> <name>", named in the UI by "gan.data.source.<kind>"
SOURCE_KINDS = ("builtin", "kaggle", "zip", "folder")

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


def image_set(
    pixels: np.ndarray, labels, class_names: list[str], source: str, report: LoadReport
) -> ImageSet:
    """uint8 N x C x H x W -> an ImageSet of float32 in [-1, 1]."""
    import torch  # here, not above: the router imports this package (through runs) where torch may be missing

    images = torch.from_numpy(np.ascontiguousarray(pixels)).float().div_(127.5).sub_(1.0)
    labels = None if labels is None else np.asarray(labels, np.int64)
    report.loaded = len(images)
    return ImageSet(images, labels, list(class_names), source, report)


def source_name(kind: str, name: str) -> str:
    """The ``ImageSet.source`` of a set: ``kind`` (one of ``SOURCE_KINDS``) and its name."""
    return f"{kind} {name}"


def source_parts(source: str) -> tuple[str, str]:
    """``(kind, name)`` of a ``source_name``; ``("", source)`` for a text in another form."""
    kind, _, name = source.partition(" ")
    return (kind, name) if kind in SOURCE_KINDS and name else ("", source)


def nothing_usable(source: str, report: LoadReport | None = None) -> UserError:
    """No image could be read; the message names the source without its (English) kind word, and
    says so when what it holds is archives (a zip inside the zip), which are never opened."""
    skipped = report.skipped if report else {}
    name = source_parts(source)[1]
    if skipped.get("archive"):
        return UserError("gan.data.nested_archive", source=name, archives=skipped["archive"])
    return UserError("gan.data.empty", source=name, skipped=sum(skipped.values()))


# ---------------------------------------------------------------- what a load asks for


def check_format(size, channels) -> None:
    if size not in SIZES or isinstance(size, bool):
        raise UserError("gan.data.bad_size", size=size, sizes=", ".join(map(str, SIZES)))
    if channels not in CHANNELS or isinstance(channels, bool):
        raise UserError("gan.data.bad_channels", channels=channels)


def check_limit(limit, size: int, channels: int) -> int:
    """The number of images to load at most; without a limit, as many as fit ``MEMORY_BUDGET``
    as float32 (5 000 at 64 px RGB, 60 000 at 28 px gray)."""
    if limit is None:
        fit = MEMORY_BUDGET // (size * size * channels * 4)
        return int(min(60_000, max(1000, fit // 1000 * 1000)))
    if isinstance(limit, bool) or not isinstance(limit, numbers.Integral) or limit < 1:
        raise UserError("gan.data.bad_limit", limit=limit)
    return int(limit)


def tick(progress: Progress, done: int, total: int) -> None:
    """Report every 64 images and at the end: often enough for a bar, cheap for fast loads."""
    if progress is not None and (done % 64 == 0 or done == total):
        progress(done, total)


# ---------------------------------------------------------------- back to a picture


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
