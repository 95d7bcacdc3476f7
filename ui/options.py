"""Options shown in the page's language: codes by name (the one format_func of every select,
radio and segmented control), and numbers with the language's decimal sign."""

import functools
from collections.abc import Callable

import streamlit as st

import i18n
from ui.session import language


def labels(prefix: str) -> Callable[[object], str]:
    """Names option ``value`` by the key ``<prefix>.<value>`` in this session's language.

    The language is bound now: Streamlit may call a format_func outside this session's run."""
    lang = language()
    return lambda value: i18n.t(f"{prefix}.{value}", lang)


def decimal(decimals: int | None = None) -> Callable[[float], str]:
    """Writes a number as the page's language does ("0,75" in Ukrainian), the language bound now."""
    return functools.partial(i18n.format.number, lang=language(), decimals=decimals)


def decimal_slider(label: str, low: float, high: float, step: float, into=st, **options) -> float:
    """A slider over ``low..high`` by ``step`` whose numbers read the language's way: ``st.slider``
    writes them with sprintf, which has no decimal comma. A value set from elsewhere off the
    grid (a CFG scale of 7.3 sent from PNG Info) joins the options rather than being refused.
    ``into``: the container (a column) to draw in."""
    grid = {round(low + i * step, 6) for i in range(round((high - low) / step) + 1)}
    current = st.session_state.get(options.get("key"), options.get("value"))
    if current is not None:
        grid.add(current)
    return into.select_slider(label, sorted(grid), format_func=decimal(), **options)
