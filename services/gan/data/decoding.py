"""One untrusted image file -> uint8 C x size x size, defensively.

Odd formats are converted (animated, palette, alpha, CMYK, 16-bit, other colour spaces) and
broken files skipped (corrupt, not an image, tiny, decompression bombs); both are counted in
the ``LoadReport``. Every image is center-cropped to a square and resized.
"""

import logging
from collections.abc import Callable

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from services.gan.data.imageset import LoadReport

log = logging.getLogger(__name__)

MIN_SIDE = 8  # smaller images hold no usable picture


def decode(
    open_image: Callable[[], Image.Image], size: int, channels: int, report: LoadReport
) -> np.ndarray | None:
    """One file -> uint8 C x size x size, or None with the reason counted."""
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
            array = channels_first(fit(picture, size).convert("L" if channels == 1 else "RGB"))
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


def fit(picture: Image.Image, size: int) -> Image.Image:
    """Center-crop to a square and resize (Lanczos: sharp and free of aliasing)."""
    if picture.size == (size, size):
        return picture
    return ImageOps.fit(picture, (size, size), method=Image.Resampling.LANCZOS)


def channels_first(picture: Image.Image) -> np.ndarray:
    array = np.asarray(picture)
    return array[None] if array.ndim == 2 else array.transpose(2, 0, 1)
