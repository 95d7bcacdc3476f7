"""Pictures put together for the report: a grid of images with a label under each."""

from __future__ import annotations

import io
from collections.abc import Sequence

from services.report.fonts import font_path

CELL = 192  # px: the longer side of the largest image in a grid
MAX_WIDTH = 1600  # px: wider grids get smaller cells


def labelled_grid(images: Sequence[bytes], labels: Sequence[str], columns: int | None = None) -> bytes:
    """PNG images side by side, ``columns`` to a row (as square as possible by default), each with
    its label underneath. All are scaled by one factor, the largest to the cell: a size sweep keeps
    its sizes apart, and 64 px pictures of the demo model are not lost on the page."""
    from PIL import Image, ImageDraw, ImageFont

    pictures = [Image.open(io.BytesIO(data)).convert("RGB") for data in images]
    columns = columns or max(1, round(len(pictures) ** 0.5 + 0.49))
    cell = min(CELL, MAX_WIDTH // columns)
    scale = cell / max(max(p.size) for p in pictures)
    pictures = [p.resize((max(1, round(p.width * scale)), max(1, round(p.height * scale)))) for p in pictures]
    label_px = max(10, min(15, cell // 10))
    font = ImageFont.truetype(str(font_path()), label_px)
    label_h = label_px + 8 if any(labels) else 0
    rows = -(-len(pictures) // columns)
    sheet = Image.new("RGB", (columns * (cell + 4) + 4, rows * (cell + label_h + 4) + 4), "white")
    draw = ImageDraw.Draw(sheet)
    for n, (picture, label) in enumerate(zip(pictures, labels, strict=True)):
        x = 4 + (n % columns) * (cell + 4)
        y = 4 + (n // columns) * (cell + label_h + 4)
        sheet.paste(picture, (x + (cell - picture.width) // 2, y + (cell - picture.height) // 2))
        if label:
            text = _fit(draw, label, font, cell)
            width = draw.textlength(text, font=font)
            draw.text((x + (cell - width) / 2, y + cell + 3), text, fill="black", font=font)
    buffer = io.BytesIO()
    sheet.save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()


def share_of_width(png: bytes, full_px: int = 900) -> float:
    """How much of the text width a picture should take: a small one is not blown up past recognition."""
    from PIL import Image

    with Image.open(io.BytesIO(png)) as picture:
        return min(1.0, max(0.35, picture.width / full_px))


def _fit(draw, text: str, font, width: int) -> str:
    """The label, cut with an ellipsis to the cell's width."""
    if draw.textlength(text, font=font) <= width:
        return text
    while text and draw.textlength(text + "…", font=font) > width:
        text = text[:-1]
    return text + "…"
