"""Lab 3: the same tasks through different prompt styles, languages, models and temperatures, side by side.

Needs no torch: models answer through an OpenAI-compatible API, the embedded one included."""

from importlib import import_module

import streamlit as st

from services.llm import local_server
from ui import report
from ui.session import tr
from ui.tabs import lab_tabs


def tab(name: str):
    """A tab's module, imported when the tab is first drawn: the lab opens on Compare, and the
    others bring their own libraries."""
    return lambda: import_module(f"ui.llm.{name}").draw()


st.title(tr("llm.title"))
st.caption(tr("llm.intro") + (" " + tr("llm.intro.local") if local_server.available() else ""))
lab_tabs(
    "llm",
    {
        "compare": tab("compare"),
        "history": tab("history"),
        "theory": tab("theory"),
        "report": lambda: report.tab("llm"),
    },
)
