"""Uploads that outlive their tab, kept on disk, not in memory.

``st.file_uploader`` has no ``persist_state``: it forgets its file whenever its tab is
closed. So each upload is copied, when the student picks it, into the cache
(``cache/uploads/<session folder>/<key>``), and the session keeps only the file's name and
where the copy lies: its bytes are read back for the run that uses them and leave memory
with that run. The copy goes when the student removes the file or picks another; copies a
day old are cleared whenever someone uploads, so a closed session leaves nothing behind.
"""

import io
import shutil
import time
import uuid
from pathlib import Path

import streamlit as st
from PIL import Image

from services.common.errors import UserError
from services.common.paths import cache_dir
from ui.feedback import show_error
from ui.safe_text import escaped
from ui.session import tr

KEEP_S = 24 * 3600  # a copy older than this belongs to a session long gone
IMAGE_TYPES = ["png", "jpg", "jpeg", "webp"]


def kept_upload(label: str, key: str, types: list[str], help: str | None = None) -> tuple[str, bytes] | None:
    """The file uploaded here, now or before the tab was last closed, as (name, content); or None."""
    st.file_uploader(label, type=types, key=key, help=help, on_change=_keep, args=(key,))
    kept = st.session_state.get(_kept_key(key))
    if kept is None:
        return None
    name, path = kept
    try:
        data = Path(path).read_bytes()
    except OSError:  # cleared as too old: the student uploads it again
        st.session_state.pop(_kept_key(key), None)
        return None
    if st.session_state.get(key) is None:  # the uploader was redrawn empty
        st.caption(tr("sd.upload.kept", name=escaped(name)))
    return name, data


def uploaded_image(label: str, key: str) -> Image.Image | None:
    """An uploaded picture (kept as ``kept_upload`` keeps it) as RGB, or None; a corrupt file gets a message."""
    upload = kept_upload(label, key, IMAGE_TYPES)
    if upload is None:
        return None
    name, data = upload
    try:
        return Image.open(io.BytesIO(data)).convert("RGB")
    except (OSError, SyntaxError):  # UnidentifiedImageError is an OSError
        show_error(UserError("sd.exp.err.bad_image", name=name))
        return None


def _keep(key: str) -> None:
    file = st.session_state.get(key)
    _forget(key)
    if file is None:  # the student removed the file
        return
    _clear_old()
    path = _folder() / f"{key}-{uuid.uuid4().hex[:8]}"
    with path.open("wb") as out:
        file.seek(0)
        shutil.copyfileobj(file, out)  # in pieces: no second copy of the upload in memory
    st.session_state[_kept_key(key)] = (file.name, str(path))


def _forget(key: str) -> None:
    kept = st.session_state.pop(_kept_key(key), None)
    if kept is not None:
        Path(kept[1]).unlink(missing_ok=True)


def _folder() -> Path:
    """This session's folder of uploads (a random name: nobody else's session finds it)."""
    name = st.session_state.setdefault("uploads_folder", uuid.uuid4().hex)
    return cache_dir("uploads", name)


def _clear_old() -> None:
    cutoff = time.time() - KEEP_S
    for folder in cache_dir("uploads").iterdir():
        if folder.is_dir() and folder.stat().st_mtime < cutoff:
            shutil.rmtree(folder, ignore_errors=True)


def _kept_key(key: str) -> str:
    return f"{key}_kept"
