"""The Runs tab: every run in one table to compare, and a picked run opened, resumed or deleted."""

from datetime import datetime

import pandas as pd
import streamlit as st

from services.common.errors import UserError
from services.gan import config, runs
from ui.feedback import show_error
from ui.format import duration, number
from ui.gan.names import rate, source_label
from ui.gan.state import forget_run, open_run
from ui.options import labels
from ui.safe_text import escaped
from ui.session import actor, tr
from ui.tabs import open_tab


def draw() -> None:
    listed = runs.list_runs()
    if not listed:
        st.info(tr("gan.runs.empty"), icon=":material/info:")
        return
    picked = st.dataframe(
        _table(listed),
        hide_index=True,
        on_select="rerun",
        selection_mode="single-row",
        key="gan_runs_table",
    )
    rows = picked.selection.rows
    if not rows:
        st.caption(tr("gan.runs.pick"))
        return
    _picked(listed[rows[0]])


def _table(listed: list[runs.RunInfo]) -> pd.DataFrame:
    """One row per run; figures written the session's language way, "—" where there is none yet."""
    state = labels("gan.state")
    rows = []
    for info in listed:
        c, last, measured = info.config, info.last_metrics or {}, info.last_collapse or {}
        classes = measured.get("n_classes")
        rows.append(
            {
                tr("gan.col.run"): info.title,
                tr("gan.col.state"): state(info.status),
                tr("gan.col.created"): datetime.fromtimestamp(info.created).strftime("%d.%m %H:%M"),
                tr("gan.col.data"): source_label(info.data)
                + (f" ({number(info.images)})" if info.images else ""),
                tr("gan.col.iterations"): f"{number(info.step)}/{number(info.iterations)}",
                "m": c["batch"],
                "k": c["k"],
                "lr G": rate(c["lr_g"]),
                "lr D": rate(c["lr_d"]),
                "β₁": number(c["beta1"]),
                tr("gan.hp.loss"): tr(f"gan.loss_short.{c['loss']}"),
                "ε": number(c["label_smoothing"]),
                tr("gan.col.widths"): f"{c['g_width']}/{c['d_width']}",
                tr("gan.col.depth"): c.get("depth") or config.max_depth(c["size"]),
                "z": c["latent"],
                tr("gan.col.loss_d"): number(last.get("loss_d"), 3),
                tr("gan.col.loss"): number(last.get("loss_g"), 3),
                tr("gan.col.diversity"): number(measured.get("diversity"), 2),
                tr("gan.col.modes"): f"{measured.get('modes_covered')}/{classes}" if classes else "—",
                tr("gan.col.kl"): number(measured.get("kl"), 3),
                tr("gan.col.speed"): number(info.images_per_s and round(info.images_per_s)),
                tr("gan.col.time"): duration(info.seconds) if info.step else "—",
            }
        )
    return pd.DataFrame(rows)


def _picked(info: runs.RunInfo) -> None:
    """Open, resume or delete the picked run."""
    st.write(tr("gan.runs.chosen", run=escaped(info.title)))
    if "gan_runs_error" in st.session_state:
        show_error(st.session_state.pop("gan_runs_error"))
    mine = actor().may_manage(info.owner)
    buttons = st.container(horizontal=True)
    buttons.button(
        tr("gan.runs.open"),
        icon=":material/monitoring:",
        key="gan_runs_open",
        on_click=_open_in_train,
        args=(info.id,),
    )
    buttons.button(
        tr("gan.train.resume"),
        icon=":material/play_arrow:",
        key="gan_runs_resume",
        on_click=_open_in_train,
        args=(info.id, True),
        disabled=not mine or not info.resumable,
        help=None if mine else tr("common.not_yours"),
    )
    if buttons.button(
        tr("gan.runs.delete"),
        icon=":material/delete:",
        key="gan_runs_delete",
        disabled=not mine,
        help=None if mine else tr("common.not_yours"),
    ):
        st.session_state.gan_confirm_delete = info.id
    if st.session_state.get("gan_confirm_delete") == info.id:
        _confirm_delete(info)


def _open_in_train(run_id: str, resume: bool = False) -> None:
    """Show the run in the Train tab (a callback: the tab is switched before the tabs are drawn)."""
    if resume:
        try:
            runs.start(run_id, actor())
        except UserError as error:
            st.session_state.gan_runs_error = error
            return
    open_run(run_id)
    open_tab("gan", "train")


def _confirm_delete(info: runs.RunInfo) -> None:
    st.warning(tr("gan.runs.confirm", run=escaped(info.title)), icon=":material/warning:")
    answer = st.container(horizontal=True)
    if answer.button(tr("gan.runs.confirm_yes"), type="primary", key="gan_runs_delete_yes"):
        try:
            runs.delete(info.id, actor())
        except UserError as error:
            show_error(error)
        else:
            forget_run(info.id)
            st.session_state.pop("gan_confirm_delete", None)
            st.toast(tr("gan.runs.deleted", run=escaped(info.title)))
            st.rerun()
    if answer.button(tr("gan.runs.cancel"), key="gan_runs_delete_no"):
        st.session_state.pop("gan_confirm_delete", None)
        st.rerun()
