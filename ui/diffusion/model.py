"""The model picker above Lab 2's tabs: where the model comes from (the demo, a model trained here,
the hub, the server's files), and loading it."""

import streamlit as st

from services.common.errors import UserError
from services.common.model_cache import RESIDENT
from services.diffusion import demo, models, pipelines
from services.diffusion.own import classes, runs
from services.diffusion.own.model import MODELS
from ui.feedback import show_error
from ui.options import labels
from ui.safe_text import escaped
from ui.session import language, tr
from ui.tabs import open_tab

SOURCES = ("tiny", "own", "preset", "hub", "folder", "file")


def picker() -> models.ModelRef | None:
    """The model to generate with; loading is explicit, so its time and errors show here, not later."""
    with st.container(border=True):
        source = st.segmented_control(
            tr("sd.model.source"),
            SOURCES,
            default="tiny",
            required=True,
            format_func=labels("sd.model.src"),
            key="sdp_source",
            persist_state="session",
        )
        left, right = st.columns([3, 2])
        ref = None
        with left:
            try:
                ref = _chosen(source)
            except UserError as error:
                show_error(error)
        with right:
            _loading(ref)
        return ref


def _chosen(source: str) -> models.ModelRef | None:
    """The model the fields of ``source`` name; None until the student has typed where it is."""
    if source == "tiny":
        with st.spinner(tr("sd.model.building")):  # once per machine, a few seconds
            ref = demo.tiny_model()
        st.caption(tr("sd.model.tiny_help"))
        return ref
    if source == "own":
        return _own()
    if source == "preset":
        name = st.selectbox(
            tr("sd.model.preset"), list(models.PRESETS), key="sdp_preset", persist_state="session"
        )
        st.caption(tr("sd.model.offline_note"))
        return models.PRESETS[name]
    location = st.text_input(
        tr(f"sd.model.{source}"),
        key=f"sdp_{source}",
        help=tr(f"sd.model.{source}_help"),
        persist_state="session",
    ).strip()
    config = None
    if source == "file":  # diffusers reads the component configs from here, not the hub
        config = st.text_input(
            tr("sd.model.file_config"),
            key="sdp_file_config",
            help=tr("sd.model.file_config_help"),
            persist_state="session",
        ).strip()
    return models.model_ref(source, location, config=config or None) if location else None


def _own() -> models.ModelRef | None:
    """A model trained in the Train tab: its newest save, and how to prompt it."""
    trained = [info for info in runs.list_runs() if info.has_model]
    if not trained:
        st.info(tr("sd.model.own_none"), icon=":material/info:")
        st.button(tr("sd.model.own_train"), key="sdp_own_train", on_click=open_tab, args=("sd", "train"))
        return None
    ids = [info.id for info in trained]
    if st.session_state.get("sdp_own") not in ids:
        st.session_state.sdp_own = ids[0]
    titles = {info.id: f"{info.title} · {info.step}/{info.iterations}" for info in trained}
    run_id = st.selectbox(
        tr("sd.model.own"), ids, format_func=titles.get, key="sdp_own", persist_state="session"
    )
    ref, cfg = runs.model_ref(run_id), runs.run_info(run_id).config
    names = ", ".join(classes.label(name, language()) for name in cfg["classes"])
    help_key = "sd.model.own_help" if names else "sd.model.own_help_unlabelled"
    st.caption(tr(help_key, classes=escaped(names), size=cfg["size"], shown=ref.fixed_size))
    return ref


def _loading(ref: models.ModelRef | None) -> None:
    """What is in memory, the chosen model, and its Load button."""
    resident = RESIDENT.labels() + MODELS.labels()
    st.caption(
        tr("sd.model.resident", names=escaped(", ".join(resident)) if resident else tr("sd.model.none"))
    )
    if ref is None:
        return
    st.markdown(tr("sd.model.selected", name=escaped(ref.label)))
    if pipelines.is_loaded(ref):
        st.success(tr("sd.model.ready"), icon=":material/check_circle:")
    elif st.button(tr("sd.model.load"), key="sdp_load", icon=":material/download:"):
        with st.spinner(tr("sd.model.loading", name=ref.label)):
            try:
                pipelines.load(ref)
                st.rerun()
            except UserError as error:
                show_error(error)
    else:
        st.caption(tr("sd.model.load_help"))
