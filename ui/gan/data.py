"""The Data tab: a source and a format, a load with a progress bar, and what was loaded."""

import numpy as np
import streamlit as st

from services.common.errors import UserError
from services.gan import data
from services.gan.config import CHANNELS, SIZES
from services.gan.data import kaggle
from ui.feedback import show_error
from ui.gan.names import class_labels, source_label
from ui.gan.pictures import png_bytes
from ui.options import labels
from ui.secrets import secrets
from ui.session import tr, variant

PREVIEW = 48  # images in the preview grid


def draw() -> None:
    current = variant()
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
        st.markdown(
            tr("gan.data.kaggle_dataset", number=current.number, slug=current.kaggle, url=current.kaggle_url)
        )
        if kaggle.credentials(secrets())[2]:
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
    elif source == "zip":
        st.file_uploader(tr("gan.data.zip"), type=["zip"], key="gan_zip_upload")
    else:
        st.text_input(
            tr("gan.data.folder_path"),
            key="gan_folder",
            help=tr("gan.data.folder_help"),
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
    summary = st.session_state.get("gan_data")
    if summary:
        _show(summary)


def _load(source: str, size: int, channels: int, limit: int | None) -> None:
    """Load from the chosen source with a progress bar; keep a summary in the session."""
    spec, zip_data = _spec(source, limit)
    if spec is None:
        return
    username, key, _ = kaggle.credentials(secrets())
    bar = st.progress(0.0, text=tr("gan.data.loading", done=0, total="…"))

    def progress(done: int, total: int) -> None:
        fraction = min(1.0, done / total) if total else 0.0
        bar.progress(fraction, text=tr("gan.data.loading", done=done, total=total))

    try:
        loaded = data.load(
            spec,
            size,
            channels,
            progress,
            zip_data=zip_data,
            username=username or st.session_state.get("gan_kaggle_user") or None,
            key=key or st.session_state.get("gan_kaggle_key") or None,
        )
    except UserError as error:
        show_error(error)
        return
    finally:
        bar.empty()
    st.session_state.gan_data = _summary(loaded, spec)
    st.session_state.gan_zip = zip_data


def _spec(source: str, limit: int | None) -> tuple[dict | None, bytes | None]:
    """The data spec of what is picked (and a zip's bytes); None, with a warning, while the
    source still needs its archive or folder."""
    if source == "builtin":
        return {"kind": "builtin", "name": st.session_state.gan_builtin, "limit": limit}, None
    if source == "kaggle":
        return {"kind": "kaggle", "variant": variant().number, "limit": limit}, None
    if source == "zip":
        upload = st.session_state.get("gan_zip_upload")
        if upload is None:
            st.warning(tr("gan.data.zip_needed"))
            return None, None
        return {"kind": "zip", "name": upload.name, "limit": limit}, upload.getvalue()
    path = st.session_state.gan_folder.strip()
    if not path:
        st.warning(tr("gan.data.folder_needed"))
        return None, None
    return {"kind": "folder", "path": path, "limit": limit}, None


def _summary(loaded: data.ImageSet, spec: dict) -> dict:
    """What the other tabs need to know about the loaded set: the tensor itself stays out of
    the session (the training job loads it again from the dataset cache in an instant)."""
    step = max(1, len(loaded) // PREVIEW)
    images = loaded.images[::step][:PREVIEW]
    preview = data.to_pil_grid(images, nrow=12, scale=2 if images.shape[-1] < 64 else 1)
    labelled = loaded.labels is not None
    counts = np.bincount(loaded.labels, minlength=len(loaded.class_names)).tolist() if labelled else []
    return {
        "spec": spec,
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


def _show(summary: dict) -> None:
    st.success(
        tr(
            "gan.data.loaded",
            count=summary["count"],
            size=summary["size"],
            colour=labels("gan.data.colour")(summary["channels"]),
            source=source_label(summary["source"]),
        ),
        icon=":material/check_circle:",
    )
    names = class_labels(summary)
    if names:
        shown = ", ".join(names[:20]) + (" …" if len(names) > 20 else "")
        st.write(tr("gan.data.classes", n=len(names), names=shown))
    else:
        st.caption(tr("gan.data.unlabelled"))
    converted = labels("gan.data.converted")  # data.CONVERSIONS and data.SKIP_REASONS, by their codes
    skipped = labels("gan.data.skipped")
    if summary["converted"]:
        items = ", ".join(f"{converted(code)}: {n}" for code, n in summary["converted"].items())
        st.caption(tr("gan.data.converted", items=items))
    if summary["skipped"]:
        items = ", ".join(f"{skipped(code)}: {n}" for code, n in summary["skipped"].items())
        st.caption(tr("gan.data.skipped", items=items))
    if not summary["converted"] and not summary["skipped"]:
        st.caption(tr("gan.data.clean"))
    st.image(summary["preview"], caption=tr("gan.data.preview"))
