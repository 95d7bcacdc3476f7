"""Labelled data that needs no network: geometric shapes drawn with Pillow, and
scikit-learn's bundled handwritten digits (a stand-in for MNIST)."""

import colorsys

import numpy as np
from PIL import Image, ImageDraw

from services.common.errors import UserError
from services.gan.data.cache import cached
from services.gan.data.decoding import channels_first
from services.gan.data.imageset import (
    ImageSet,
    LoadReport,
    Progress,
    check_format,
    check_limit,
    image_set,
    source_name,
    tick,
)

BUILTINS = ("shapes", "digits")
SHAPES = ("circle", "square", "triangle")
SHAPES_COUNT = 3000  # default number of drawn shapes: a few seconds of GAN training per epoch


def load_builtin(
    name: str, size: int, channels: int, count: int | None = None, seed: int = 0, progress: Progress = None
) -> ImageSet:
    """``"shapes"`` (3 000 drawn, or ``count``) or ``"digits"`` (scikit-learn's 1 797, or a random ``count`` of them)."""
    check_format(size, channels)
    if name not in BUILTINS:
        raise UserError("gan.data.unknown_builtin", name=name)
    if count is not None:
        count = check_limit(count, size, channels)
    identity = {"builtin": name, "count": count, "seed": seed}
    draw = draw_shapes if name == "shapes" else sklearn_digits
    return cached(identity, size, channels, lambda: draw(size, channels, count, seed, progress))


def draw_shapes(size: int, channels: int, count: int | None, seed: int, progress: Progress) -> ImageSet:
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
        pixels[i] = channels_first(canvas.reduce(4))
        tick(progress, i + 1, count)
    return image_set(pixels, labels, list(SHAPES), source_name("builtin", "shapes"), LoadReport())


def sklearn_digits(size: int, channels: int, count: int | None, seed: int, progress: Progress) -> ImageSet:
    """scikit-learn's 8x8 handwritten digits, upscaled into an MNIST-like frame: the digit
    fills the middle 20/28 of the image, as in MNIST."""
    from sklearn.datasets import load_digits  # here: 2 s to import, and missing where torch is

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
        pixels[i] = channels_first(canvas if channels == 1 else canvas.convert("RGB"))
        tick(progress, i + 1, len(order))
    names = [str(d) for d in digits.target_names]
    return image_set(pixels, digits.target[order], names, source_name("builtin", "digits"), LoadReport())
