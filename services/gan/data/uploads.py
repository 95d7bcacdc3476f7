"""Uploaded archives, written to ``cache/datasets/uploads`` as they arrive, named by their content.

A page keeps only the path, so no upload stays in server memory after it has been saved,
and the same archive uploaded twice (or by two students) is one file. A run links that file
into its own folder, so deleting one never takes the other's data.
"""

import hashlib
import os
import threading
from pathlib import Path
from typing import BinaryIO

from services.common.paths import cache_dir

CHUNK = 2**20  # bytes copied at a time: memory stays small whatever the archive's size


def save_upload(stream: BinaryIO) -> Path:
    """The archive in ``stream`` as ``cache/datasets/uploads/<sha256>.zip``, read and written in chunks."""
    folder = cache_dir("datasets", "uploads")
    digest = hashlib.sha256()
    partial = folder / f"upload.{os.getpid()}.{threading.get_ident()}.part"
    with open(partial, "wb") as out:
        for chunk in iter(lambda: stream.read(CHUNK), b""):
            digest.update(chunk)
            out.write(chunk)
    path = folder / f"{digest.hexdigest()}.zip"
    os.replace(partial, path)  # atomic: a concurrent reader sees the whole archive or none
    return path
