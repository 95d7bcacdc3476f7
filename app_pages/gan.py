"""Lab 1: a DCGAN trained by the manual's Algorithm 1 — data, model, live training, runs,
samples, mode collapse, the control questions answered on the student's runs and the report,
one tab each (ui/gan/)."""

from importlib import import_module

import streamlit as st

from services.common import compute
from ui import report
from ui.questions import control_questions
from ui.session import tr
from ui.tabs import lab_tabs

st.title(tr("gan.title"))
if not compute.torch_installed():
    st.warning(tr("common.needs_torch"), icon=":material/memory:")
    st.stop()

from ui.gan import state  # noqa: E402  (after the check: the lab's modules need torch)


def tab(name: str):
    """A tab's module, imported when the tab is first drawn: most import torch (~2 s), and the lab
    opens on its Data tab, which does not."""
    return lambda: import_module(f"ui.gan.{name}").draw()


def questions() -> None:
    control_questions("gan", answers=import_module("ui.gan.questions").answers(), expanded=True)


state.follow_variant_and_size()
st.write(tr("gan.intro"))
lab_tabs(
    "gan",
    {
        "data": tab("data"),
        "model": tab("model"),
        "train": tab("train"),
        "runs": tab("runs"),
        "sample": tab("sample"),
        "collapse": tab("collapse"),
        "questions": questions,
        "report": lambda: report.tab("gan"),
    },
    default="train" if st.query_params.get(state.RUN_PARAM) else None,  # a reload comes back to its run
)
