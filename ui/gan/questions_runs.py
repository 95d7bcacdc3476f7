"""The run Lab 1's control questions answer on: picked once under question 1 (at first the one on
screen, else the student's newest), and before there is one, a note with a one-click first run."""

import time
from pathlib import Path

import streamlit as st

from services.common.errors import UserError
from services.gan import data, presets, runs
from ui.feedback import show_error
from ui.gan.names import default_title, source_label
from ui.gan.state import current_config, open_run
from ui.safe_text import escaped
from ui.session import actor, tr, variant

RUN_KEY = "gan_qa_run"


def trained_runs() -> list[runs.RunInfo]:
    """Runs with a checkpoint to look at: the student's own first, then everyone else's, newest first."""
    trained = [info for info in runs.list_runs() if info.step > 0]
    me = actor()
    return sorted(trained, key=lambda info: not me.may_manage(info.owner))  # stable: newest first within


def run_picker() -> None:
    """The run every answer uses; the one on screen at first, else the student's newest."""
    trained = trained_runs()
    if not trained:
        return
    ids = [info.id for info in trained]
    if st.session_state.get(RUN_KEY) not in ids:
        on_screen = st.session_state.get("gan_run")
        st.session_state[RUN_KEY] = on_screen if on_screen in ids else ids[0]
    titles = {info.id: _title(info) for info in trained}
    st.selectbox(
        tr("gan.qa.run"),
        ids,
        format_func=titles.get,
        key=RUN_KEY,
        help=tr("gan.qa.run_help"),
        persist_state="session",
    )


def chosen_run() -> runs.RunInfo | None:
    """The run picked under question 1, or None before any run has trained."""
    trained = {info.id: info for info in trained_runs()}
    picked = st.session_state.get(RUN_KEY)
    if picked in trained:
        return trained[picked]
    return next(iter(trained.values()), None)


def no_run_note(key: str) -> None:
    """Say that the answer needs a trained run: under question 1, with a one-click start of one with
    the Model tab's settings; under the others, pointing there."""
    if key != "q1":
        st.info(tr("gan.qa.no_run_short"), icon=":material/info:")
        return
    cfg = current_config()
    spec, zip_path, source = first_data()
    summary = st.session_state.get("gan_data")
    st.info(tr("gan.qa.no_run", source=escaped(source), iterations=cfg.iterations), icon=":material/info:")
    if st.button(tr("gan.qa.start_first"), icon=":material/rocket_launch:", key=f"gan_qa_first_{key}"):
        try:
            title = default_title(spec, cfg, time.time())
            run_id = presets.start(cfg, spec, actor(), title, zip_path, summary and summary["count"])
        except UserError as error:
            show_error(error)
            return
        open_run(run_id)
        st.toast(tr("gan.qa.started_first"), icon=":material/rocket_launch:")


def first_data() -> tuple[dict, Path | None, str]:
    """The data a first run trains on: what 1 · Data loaded, else the variant's built-in set; its
    uploaded archive, if any; and its name."""
    summary = st.session_state.get("gan_data")
    if summary:
        zip_path = Path(summary["zip_path"]) if summary.get("zip_path") else None
        return summary["spec"], zip_path, source_label(summary["source"])
    name = variant().builtin or "shapes"
    return (
        {"kind": "builtin", "name": name, "limit": None},
        None,
        source_label(data.source_name("builtin", name)),
    )


def _title(info: runs.RunInfo) -> str:
    mine = "" if actor().may_manage(info.owner) else f" · {tr('gan.qa.someone_else')}"
    return f"{info.title} · {info.step}/{info.iterations}{mine}"
