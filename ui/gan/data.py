"""The Data tab: a source and a format, a load with a progress bar, and what was loaded."""

from pathlib import Path

import numpy as np
import streamlit as st
from streamlit.runtime.memory_uploaded_file_manager import MemoryUploadedFileManager
from streamlit.runtime.scriptrunner import get_script_run_ctx

from services.common import server_paths
from services.common.errors import UserError
from services.gan import data
from services.gan.config import CHANNELS, SIZES
from services.gan.data import kaggle
from ui.feedback import show_error
from ui.format import number
from ui.gan.names import class_labels, source_label
from ui.gan.pictures import png_bytes
from ui.options import labels
from ui.safe_text import escaped
from ui.secrets import secrets
from ui.session import tr, variant

PREVIEW = 48  # images in the preview grid


def draw() -> None:
    source = st.segmented_control(
        tr("gan.data.source"),
        data.SOURCE_KINDS,
        default="builtin",
        format_func=labels("gan.data.src"),
        key="gan_source",
        required=True,
        persist_state="session",
    )
    if source == "builtin":
        st.radio(
            tr("gan.data.builtin"),
            data.BUILTINS,
            format_func=labels("gan.data.builtin"),
            key="gan_builtin",
            help=tr("gan.data.builtin_help"),
            horizontal=True,
            persist_state="session",
        )
    elif source == "kaggle":
        _kaggle()
    elif source == "zip":
        _zip()
    else:
        roots = ", ".join(str(root) for root in server_paths.roots())
        st.text_input(
            tr("gan.data.folder_path"),
            key="gan_folder",
            help=tr("gan.data.folder_help", roots=roots),
            persist_state="session",
        )

    size_col, colour_col, limit_col = st.columns(3)
    size = size_col.segmented_control(
        tr("gan.data.size"),
        SIZES,
        key="gan_size",
        required=True,
        help=tr("gan.data.format_help"),
        persist_state="session",
    )
    channels = colour_col.segmented_control(
        tr("gan.data.colour"),
        CHANNELS,
        format_func=labels("gan.data.colour"),
        key="gan_channels",
        required=True,
        persist_state="session",
    )
    limit = limit_col.number_input(
        tr("gan.data.limit"),
        min_value=16,
        max_value=200_000,
        value=None,
        step=500,
        key="gan_limit",
        placeholder=tr("gan.data.limit_auto"),
        persist_state="session",
    )
    if st.button(tr("gan.data.load"), type="primary", icon=":material/download:", key="gan_load"):
        _load(source, size, channels, limit)
    _show()


def _kaggle() -> None:
    """The variant's dataset, and a login only where it is not downloaded yet and none is configured."""
    current = variant()
    st.markdown(
        tr("gan.data.kaggle_dataset", number=current.number, slug=current.kaggle, url=current.kaggle_url)
    )
    downloaded = kaggle.cached_version(current)
    if downloaded is not None:
        st.caption(tr("gan.data.kaggle_cached", version=downloaded))
    elif kaggle.credentials(secrets())[2]:
        st.caption(tr("gan.data.kaggle_found"))
    else:
        left, right = st.columns(2)
        left.text_input(
            tr("gan.data.kaggle_user"), key="gan_kaggle_user", autocomplete="off", persist_state="session"
        )
        right.text_input(
            tr("gan.data.kaggle_key"),
            key="gan_kaggle_key",
            type="password",
            help=tr("gan.data.kaggle_key_help"),
            persist_state="session",
        )


def _zip() -> None:
    """An uploader whose archive goes to the cache as soon as it arrives (see ``_keep_upload``)."""
    st.file_uploader(
        tr("gan.data.zip"),
        type=["zip"],
        key=_uploader_key(),
        on_change=_keep_upload,
    )
    kept = st.session_state.get("gan_zip_file")
    if kept:
        st.caption(tr("gan.data.zip_saved", name=escaped(kept["name"]), megabytes=kept["bytes"] / 2**20))


def _uploader_key() -> str:
    """A new key after each saved upload: a fresh, empty uploader, nothing of the old one kept."""
    return f"gan_zip_upload_{st.session_state.get('gan_zip_uploads', 0)}"


def _keep_upload() -> None:
    """The uploader's callback: the archive streamed into the cache (by its content's hash), only its
    path kept in the session, and Streamlit's copy in memory let go."""
    upload = st.session_state.get(_uploader_key())
    if upload is None:
        return
    try:
        path = data.save_upload(upload)
    except OSError:
        st.session_state.gan_load_error = UserError("gan.data.upload_failed", name=upload.name)
        return
    finally:
        _release(upload)
    st.session_state.gan_zip_file = {"path": str(path), "name": Path(upload.name).name, "bytes": upload.size}
    st.session_state.gan_zip_uploads = st.session_state.get("gan_zip_uploads", 0) + 1


def _release(upload) -> None:
    """Drop an uploaded file from Streamlit's memory (as ``st.chat_input`` does with its files)."""
    ctx = get_script_run_ctx()
    if ctx is not None and isinstance(ctx.uploaded_file_mgr, MemoryUploadedFileManager):
        ctx.uploaded_file_mgr.remove_file(session_id=ctx.session_id, file_id=upload.file_id)


def _load(source: str, size: int, channels: int, limit: int | None) -> None:
    """Load from the chosen source with a progress bar; keep a summary in the session, or the
    error, which the tab shows instead of calling the data loaded before "loaded"."""
    spec, zip_path = _spec(source, limit)
    if spec is None:
        return
    username, key, _ = kaggle.credentials(secrets())
    bar = st.progress(0.0, text=tr("gan.data.loading_start"))

    def progress(done: int, total: int) -> None:
        fraction = min(1.0, done / total) if total else 0.0
        bar.progress(fraction, text=tr("gan.data.loading", done=done, total=total))

    try:
        loaded = data.load(
            spec,
            size,
            channels,
            progress,
            zip_data=zip_path,
            username=username or st.session_state.get("gan_kaggle_user") or None,
            key=key or st.session_state.get("gan_kaggle_key") or None,
        )
    except UserError as error:
        st.session_state.gan_load_error = error
        return
    finally:
        bar.empty()
    st.session_state.gan_data = _summary(loaded, spec, zip_path)
    st.session_state.pop("gan_load_error", None)


def _spec(source: str, limit: int | None) -> tuple[dict | None, Path | None]:
    """The data spec of what is picked (and a saved upload's path); None, with a warning, while
    the source still needs its archive or folder."""
    if source == "builtin":
        return {"kind": "builtin", "name": st.session_state.gan_builtin, "limit": limit}, None
    if source == "kaggle":
        return {"kind": "kaggle", "variant": variant().number, "limit": limit}, None
    if source == "zip":
        kept = st.session_state.get("gan_zip_file")
        if kept is None or not Path(kept["path"]).is_file():
            st.warning(tr("gan.data.zip_needed"))
            return None, None
        return {"kind": "zip", "name": kept["name"], "limit": limit}, Path(kept["path"])
    path = st.session_state.gan_folder.strip()
    if not path:
        st.warning(tr("gan.data.folder_needed"))
        return None, None
    return {"kind": "folder", "path": path, "limit": limit}, None


def _summary(loaded: data.ImageSet, spec: dict, zip_path: Path | None) -> dict:
    """What the other tabs need to know about the loaded set: the tensor itself stays out of
    the session (the training job loads it again from the dataset cache in an instant), and an
    archive stays in the cache, named by its path."""
    step = max(1, len(loaded) // PREVIEW)
    images = loaded.images[::step][:PREVIEW]
    preview = data.to_pil_grid(images, nrow=12, scale=2 if images.shape[-1] < 64 else 1)
    labelled = loaded.labels is not None
    counts = np.bincount(loaded.labels, minlength=len(loaded.class_names)).tolist() if labelled else []
    return {
        "spec": spec,
        "zip_path": str(zip_path) if zip_path else None,
        "count": len(loaded),
        "size": loaded.images.shape[-1],
        "channels": loaded.images.shape[1],
        "source": loaded.source,
        "class_names": loaded.class_names if labelled else [],
        "class_counts": counts,
        "converted": dict(loaded.report.converted),
        "skipped": dict(loaded.report.skipped),
        "preview": png_bytes(preview),
    }


def _show() -> None:
    """The last load's outcome: what was loaded, or why it failed (and that the data loaded before,
    if any, stays in use)."""
    summary, error = st.session_state.get("gan_data"), st.session_state.get("gan_load_error")
    if error is not None:
        show_error(error)
        if summary:
            st.info(tr("gan.data.kept", **_numbers(summary)), icon=":material/info:")
        return
    if not summary:
        return
    colour = labels("gan.data.colour_word")(summary["channels"])
    st.success(tr("gan.data.loaded", colour=colour, **_numbers(summary)), icon=":material/check_circle:")
    names = class_labels(summary)
    if names:
        shown = ", ".join(names[:20]) + (" …" if len(names) > 20 else "")
        st.write(tr("gan.data.classes", n=len(names), names=escaped(shown)))
    else:
        st.caption(tr("gan.data.unlabelled"))
    converted = labels("gan.data.converted")  # data.CONVERSIONS and data.SKIP_REASONS, by their codes
    skipped = labels("gan.data.skipped")
    if summary["converted"]:
        items = ", ".join(f"{converted(code)}: {number(n)}" for code, n in summary["converted"].items())
        st.caption(tr("gan.data.converted", items=items))
    if summary["skipped"]:
        items = ", ".join(f"{skipped(code)}: {number(n)}" for code, n in summary["skipped"].items())
        st.caption(tr("gan.data.skipped", items=items))
    if not summary["converted"] and not summary["skipped"]:
        st.caption(tr("gan.data.clean"))
    st.image(summary["preview"], caption=tr("gan.data.preview"))


def _numbers(summary: dict) -> dict:
    return {
        "count": summary["count"],
        "size": summary["size"],
        "source": escaped(source_label(summary["source"])),
    }
