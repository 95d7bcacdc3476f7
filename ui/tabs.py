"""A lab's tabs, of which only the open one is drawn.

``st.tabs`` would run every tab's code on every rerun; with ``on_change="rerun"`` the page
reruns on a switch and draws just the open tab, so a rerun costs one tab whatever the lab.
The open tab is kept in the session by its label, and found again after a language switch.
"""

from collections.abc import Callable

import streamlit as st

import i18n
from ui.session import tr


def lab_tabs(prefix: str, draws: dict[str, Callable[[], None]], default: str | None = None) -> None:
    """Tabs labelled ``<prefix>.tab.<name>``; ``default`` opens first (a reload with a job in the URL)."""
    key = _state_key(prefix)
    for name in draws:  # after a language switch, the open tab is found under its new label
        if st.session_state.get(key) in {i18n.t(f"{prefix}.tab.{name}", lang) for lang in i18n.LANGS}:
            st.session_state[key] = tr(f"{prefix}.tab.{name}")
    opening = tr(f"{prefix}.tab.{default}") if default else None
    tabs = st.tabs(
        [tr(f"{prefix}.tab.{name}") for name in draws], default=opening, key=key, on_change="rerun"
    )
    for draw, tab in zip(draws.values(), tabs, strict=True):
        if tab.open:
            with tab:
                draw()


def open_tab(prefix: str, name: str) -> None:
    """Switch to a tab; call it from a widget callback, which runs before the tabs are drawn."""
    st.session_state[_state_key(prefix)] = tr(f"{prefix}.tab.{name}")


def _state_key(prefix: str) -> str:
    return f"{prefix}_tab"
