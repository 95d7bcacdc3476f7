"""Where runtime artifacts live: ``cache/`` beside the app, or ``GENLAB_CACHE``."""

import os
from pathlib import Path

APP_ROOT = Path(__file__).resolve().parents[2]


def cache_dir(*parts: str) -> Path:
    """A folder under the cache, created on first use."""
    root = Path(os.environ.get("GENLAB_CACHE") or APP_ROOT / "cache")
    path = root.joinpath(*parts)
    path.mkdir(parents=True, exist_ok=True)
    return path
