"""Generated images as files, each carrying its A1111 infotext as AUTOMATIC1111 saves it.

PNG keeps the text in a ``parameters`` text chunk. JPEG and WebP have no text chunks: A1111
writes the text into the EXIF ``UserComment`` instead, as EXIF defines it (an 8-byte
character code, ``UNICODE``, then the text in big-endian UTF-16), and its PNG Info tab
reads it back from there; ``comment`` does the same here.
"""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass

from PIL import ExifTags, Image
from PIL.PngImagePlugin import PngInfo

QUALITY = 80  # A1111's default JPEG and WebP quality
_UNICODE = b"UNICODE\0"
_ASCII = b"ASCII\0\0\0"
_EXIF_IFD = ExifTags.IFD.Exif  # the tag in the first IFD that points to the Exif IFD
_LONG, _UNDEFINED = 4, 7  # TIFF field types


@dataclass(frozen=True)
class Format:
    name: str  # as people write it
    pil: str  # Pillow's name for it
    mime: str
    suffix: str


FORMATS = {
    "png": Format("PNG", "PNG", "image/png", ".png"),
    "jpeg": Format("JPEG", "JPEG", "image/jpeg", ".jpg"),
    "webp": Format("WebP", "WEBP", "image/webp", ".webp"),
}


def save(image: Image.Image, parameters: str, kind: str = "png") -> bytes:
    """``image`` as a ``kind`` file ("png", "jpeg" or "webp") carrying ``parameters``."""
    buffer = io.BytesIO()
    if kind == "png":
        info = PngInfo()
        info.add_text("parameters", parameters)
        image.save(buffer, format="PNG", pnginfo=info)
    else:
        exif = _exif(_UNICODE + parameters.encode("utf-16-be"))
        image.convert("RGB").save(buffer, format=FORMATS[kind].pil, quality=QUALITY, exif=exif)
    return buffer.getvalue()


def _exif(comment: bytes) -> bytes:
    """An EXIF block holding only ``comment`` as the UserComment, big-endian, as A1111 writes it with
    ``piexif``. The comment is typed UNDEFINED, as EXIF defines it: Pillow's own writer types it
    BYTE, which A1111's reader (``piexif.helper.UserComment.load``) refuses."""
    ifd0 = struct.pack(">HHHII", 1, _EXIF_IFD, _LONG, 1, 26) + struct.pack(">I", 0)  # points to the Exif IFD
    exif_ifd = struct.pack(">HHHII", 1, ExifTags.Base.UserComment, _UNDEFINED, len(comment), 44)
    return b"Exif\0\0" + b"MM\0\x2a" + struct.pack(">I", 8) + ifd0 + exif_ifd + struct.pack(">I", 0) + comment


def comment(image: Image.Image) -> str | None:
    """The text of the image's EXIF ``UserComment``, or None; decoded by its character code."""
    raw = image.getexif().get_ifd(ExifTags.IFD.Exif).get(ExifTags.Base.UserComment)
    if isinstance(raw, tuple):  # stored as BYTE rather than UNDEFINED: Pillow reads it as numbers
        raw = bytes(raw)
    if not isinstance(raw, bytes):
        return raw if isinstance(raw, str) else None
    if raw.startswith(_UNICODE):
        text = raw[len(_UNICODE) :].decode("utf-16-be", errors="replace")
    elif raw.startswith(_ASCII):
        text = raw[len(_ASCII) :].decode("ascii", errors="replace")
    else:  # no character code, as some tools write it: A1111 reads it as UTF-8
        text = raw.decode("utf-8", errors="ignore")
    return text.rstrip("\0") or None
