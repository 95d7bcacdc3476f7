"""Lab 1's pictures as the page shows and downloads them."""

import io

from PIL import Image

GRID_WIDTH = 600  # px a sample grid is enlarged to (nearest neighbour), readable on a projector


def enlarged(picture: Image.Image) -> Image.Image:
    """A sample grid scaled up by a whole factor with nearest neighbour, so pixels stay sharp."""
    scale = max(1, round(GRID_WIDTH / picture.width))
    if scale == 1:
        return picture
    return picture.resize((picture.width * scale, picture.height * scale), Image.Resampling.NEAREST)


def png_bytes(picture: Image.Image) -> bytes:
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return buffer.getvalue()
