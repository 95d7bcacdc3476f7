"""Data made on the spot for the loader tests: pictures, encoded files, class folders, zips."""

import io
import stat
import zipfile
from pathlib import Path

import numpy as np
from PIL import Image

from services.gan.data import ImageSet


def picture(mode: str = "RGB", size=(40, 30), seed: int = 0) -> Image.Image:
    rng = np.random.default_rng(seed)
    return Image.fromarray(rng.integers(0, 256, (size[1], size[0], 3), dtype=np.uint8)).convert(mode)


def encoded(image: Image.Image, fmt: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def class_tree(root: Path, layout: dict[str, int]) -> Path:
    """``{"train/cat": 3, ...}``: that many JPG/PNG images in each folder."""
    for folder, n in layout.items():
        for i in range(n):
            fmt, suffix = ("JPEG", "jpg") if i % 2 else ("PNG", "png")
            write(root / folder / f"{i}.{suffix}", encoded(picture(seed=hash(folder) % 1000 + i), fmt))
    return root


def assert_images(data: ImageSet, n: int, channels: int, size: int) -> None:
    assert tuple(data.images.shape) == (n, channels, size, size)
    assert str(data.images.dtype) == "torch.float32"
    assert -1.0 <= float(data.images.min()) and float(data.images.max()) <= 1.0
    assert data.report.loaded == n


def zipped(entries: dict[str, bytes], links: tuple[str, ...] = ()) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            info = zipfile.ZipInfo(name)
            if name in links:
                info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, data)
    return buffer.getvalue()
