"""The History tab: past comparisons, kept across restarts, each shown as when it ran."""

from datetime import datetime

import streamlit as st

import i18n
from services.common.errors import UserError
from services.llm import history, matrix
from ui.feedback import show_error
from ui.llm.results import answers_grid, record_state, results
from ui.session import actor, language, tr


def draw() -> None:
    entries = history.entries()
    if not entries:
        st.info(tr("llm.history.empty"), icon=":material/history:")
        return
    lang = language()  # format_func may run outside this session's run
    chosen = st.selectbox(
        tr("llm.history.pick"),
        entries,
        key="llm_history_pick",
        persist_state="session",
        format_func=lambda e: entry_title(e, lang),
    )
    mine = actor().may_manage(chosen.owner)
    if st.button(
        tr("llm.history.delete"),
        icon=":material/delete:",
        key="llm_history_delete",
        disabled=not mine,
        help=None if mine else tr("common.not_yours"),
    ):
        try:
            history.delete(chosen.id, actor())
        except UserError as error:
            show_error(error)
        else:
            st.rerun()
    record = matrix.recorded(chosen.id)
    if record:
        record_state(record)
        answers_grid(record)
        results(record)


def entry_title(entry: history.Entry, lang: str) -> str:
    """Date, title and, unless it simply finished, how it ended."""
    title = f"{datetime.fromtimestamp(entry.created):%Y-%m-%d %H:%M} · {entry.title}"
    return (
        title if entry.state == matrix.DONE else f"{title} · {i18n.t(f'llm.state.short.{entry.state}', lang)}"
    )
