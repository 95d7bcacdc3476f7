"""Inpainting as the AUTOMATIC1111 WebUI prepares it around the pipeline (its ``processing.py``
and ``masking.py``), with the three options that change the result:

- *Mask blur* (px): the mask's edge is softened by a Gaussian of that σ, so the repainted part
  blends into the rest instead of ending at a hard seam;
- *Masked content*: what the masked part starts from: the ``original`` picture, ``fill``
  (the part painted over with blurred colours from around it, so the old object is gone),
  ``latent noise`` (random latents: something new) or ``latent nothing`` (zero latents);
- *Inpaint area*: the whole picture at the output size, or ``only masked``: the rectangle
  around the mask, widened by the *padding* and to the output's shape, is cut out, repainted
  at the full output size (more detail in a small area) and pasted back into the picture.

In every case the result is laid over the original through the mask, so nothing outside it
changes. torch is imported inside the function that needs it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageFilter, ImageOps

MASKED_CONTENT = ("fill", "original", "latent noise", "latent nothing")  # A1111's order
MASK_BLUR_RANGE = (0, 64)  # px, A1111's slider
PADDING_RANGE = (0, 256)  # px, A1111's slider
_FILL_BLURS = ((256, 1), (64, 1), (16, 2), (4, 4), (2, 2), (0, 1))  # (radius, times): wide to sharp


@dataclass(frozen=True)
class Prepared:
    """An inpaint request made ready for the pipeline, and what is needed to put its result back."""

    image: Image.Image  # RGB at the output size: what the masked part starts from
    mask: Image.Image  # L at the output size: white is repainted
    original: Image.Image  # RGB: the picture the result is laid over
    overlay: Image.Image  # L at the original's size: how much of the result shows, pixel by pixel
    crop: tuple[int, int, int, int] | None  # "only masked": the box of the original that was repainted


def prepare(
    image: Image.Image,
    mask: Image.Image,
    size: tuple[int, int],
    blur: int = 4,
    content: str = "original",
    only_masked: bool = False,
    padding: int = 32,
) -> Prepared:
    """The picture and mask the pipeline gets, following A1111's steps in its order."""
    image = image.convert("RGB")
    # 1. A binary mask (white = repaint), its edge softened by the blur
    mask = binary(mask)
    if blur > 0:
        mask = mask.filter(ImageFilter.GaussianBlur(blur))
    # 2. The area: the box around the mask at the output's shape, or the whole picture at the output size
    if only_masked:
        crop = _expand(_box(mask, padding), size, image.size)
        work, work_mask = image.crop(crop).resize(size, Image.LANCZOS), mask.crop(crop).resize(size)
        overlay, original = mask, image
    else:
        crop = None
        work, work_mask = image.resize(size, Image.LANCZOS), mask.resize(size)
        # A1111 doubles the blurred mask for the overlay: the result shows fully a little past the mask's middle
        overlay, original = work_mask.point(lambda v: min(255, 2 * v)), work
    # 3. What the masked part starts from (the latent options act later, on the encoded picture)
    if content == "fill":
        work = fill(work, work_mask)
    return Prepared(work, work_mask, original, overlay, crop)


def binary(mask: Image.Image) -> Image.Image:
    """The mask as A1111 takes it: white (repaint) where it is at least half white, black elsewhere."""
    return mask.convert("L").point(lambda v: 255 if v >= 128 else 0)


def finish(prepared: Prepared, result: Image.Image) -> Image.Image:
    """The pipeline's result put back: pasted into its box, then laid over the original through the mask."""
    if prepared.crop is not None:
        x0, y0, x1, y1 = prepared.crop
        pasted = prepared.original.copy()
        pasted.paste(result.convert("RGB").resize((x1 - x0, y1 - y0), Image.LANCZOS), (x0, y0))
        result = pasted
    return Image.composite(result.convert("RGB"), prepared.original, prepared.overlay)


def fill(image: Image.Image, mask: Image.Image) -> Image.Image:
    """The masked part painted with the colours around it, blurred wide first and sharper on top."""
    outside = Image.new("RGBa", image.size)
    outside.paste(image.convert("RGBA").convert("RGBa"), mask=ImageOps.invert(mask.convert("L")))
    filled = Image.new("RGBA", image.size)
    for radius, times in _FILL_BLURS:
        blurred = outside.filter(ImageFilter.GaussianBlur(radius)).convert("RGBA")
        for _ in range(times):
            filled.alpha_composite(blurred)
    return filled.convert("RGB")


def start_latents(pipe, prepared: Prepared, seeds: list[int], content: str):
    """For ``latent noise`` / ``latent nothing``: the encoded picture with its masked part replaced by
    noise (from each image's seed, as A1111 draws it) or zeros, one per seed; None for other content."""
    if content not in ("latent noise", "latent nothing"):
        return None
    import torch  # lazy: the app starts without torch

    vae = pipe.vae
    pixels = pipe.image_processor.preprocess(prepared.image).to(vae.device, vae.dtype)
    # the distribution's mean: a start that does not depend on a random draw
    latents = vae.encode(pixels).latent_dist.mode() * vae.config.scaling_factor
    height, width = latents.shape[-2:]
    masked = np.round(np.asarray(prepared.mask.resize((width, height)), dtype=np.float32) / 255)
    masked = torch.from_numpy(masked).to(latents.device, latents.dtype)
    latents = latents.repeat(len(seeds), 1, 1, 1) * (1 - masked)
    if content == "latent noise":
        noise = torch.stack(
            [torch.randn(latents.shape[1:], generator=torch.Generator().manual_seed(s)) for s in seeds]
        )
        latents = latents + noise.to(latents.device, latents.dtype) * masked
    return latents


def _box(mask: Image.Image, padding: int) -> tuple[int, int, int, int]:
    """The smallest box around the mask's non-black pixels, widened by ``padding`` within the picture."""
    x0, y0, x1, y1 = mask.getbbox() or (0, 0, *mask.size)
    width, height = mask.size
    return max(x0 - padding, 0), max(y0 - padding, 0), min(x1 + padding, width), min(y1 + padding, height)


def _expand(box, size: tuple[int, int], bounds: tuple[int, int]) -> tuple[int, int, int, int]:
    """The box grown along one side to the output's shape, kept inside the picture where it fits."""
    x0, y0, x1, y1 = box
    ratio = size[0] / size[1]
    if (x1 - x0) / (y1 - y0) > ratio:  # too wide: grow the height
        y0, y1 = _grow(y0, y1, int((x1 - x0) / ratio - (y1 - y0)), bounds[1])
    else:  # too tall: grow the width
        x0, x1 = _grow(x0, x1, int((y1 - y0) * ratio - (x1 - x0)), bounds[0])
    return x0, y0, x1, y1


def _grow(start: int, end: int, by: int, limit: int) -> tuple[int, int]:
    """``start``–``end`` grown by ``by`` around its middle, shifted back inside 0–``limit``, cut at the edges."""
    start, end = start - by // 2, end + by - by // 2
    if end > limit:
        start, end = start - (end - limit), limit
    if start < 0:
        start, end = 0, end - start
    return start, min(end, limit)
