"""Lab 3: the same tasks through different prompt styles, languages, models and temperatures, side by side.

Needs no torch: models answer through an OpenAI-compatible API, the embedded one included."""

import streamlit as st

from services.llm import local_server
from ui import report
from ui.llm import compare, history, theory
from ui.session import tr
from ui.tabs import lab_tabs

st.title(tr("llm.title"))
st.caption(tr("llm.intro") + (" " + tr("llm.intro.local") if local_server.available() else ""))
lab_tabs(
    "llm",
    {
        "compare": compare.draw,
        "history": history.draw,
        "theory": theory.draw,
        "report": lambda: report.tab("llm"),
    },
)
