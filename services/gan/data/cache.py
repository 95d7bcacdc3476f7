"""Prepared image sets kept in ``cache/datasets`` as safetensors, so a source loads instantly the second time."""

import hashlib
import json
import logging
import os
import threading
from collections.abc import Callable

import numpy as np
from safetensors import SafetensorError, safe_open
from safetensors.numpy import save_file

from services.common.paths import cache_dir
from services.gan.data.imageset import ImageSet, LoadReport, image_set

log = logging.getLogger(__name__)

CACHE_FORMAT = 3  # bump when preprocessing or the stored metadata change, so old cache files are not reused


def cached(identity: dict, size: int, channels: int, build: Callable[[], ImageSet]) -> ImageSet:
    """The set from ``cache/datasets`` if this source was prepared before at this format, else build and keep it.

    ``identity`` names the source's content (a file digest, a folder listing, a Kaggle version)."""
    key = json.dumps({**identity, "size": size, "channels": channels, "format": CACHE_FORMAT}, sort_keys=True)
    path = cache_dir("datasets") / f"{hashlib.sha256(key.encode()).hexdigest()[:32]}.safetensors"
    if path.exists():
        try:
            with safe_open(path, framework="numpy") as f:
                meta = f.metadata()
                pixels = f.get_tensor("images")
                labels = f.get_tensor("labels") if "labels" in f.keys() else None
            report = LoadReport(**json.loads(meta["report"]))
            return image_set(pixels, labels, json.loads(meta["class_names"]), meta["source"], report)
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
