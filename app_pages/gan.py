"""Lab 1: a DCGAN trained by the manual's Algorithm 1 — data, model, live training, runs,
samples, mode collapse, the control questions answered on the student's runs and the report,
one tab each (ui/gan/)."""

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

# the tabs import torch: only once it is known to be there
from ui.gan import collapse, data, model, questions, runs, sample, state, train  # noqa: E402

state.follow_variant_and_size()
st.write(tr("gan.intro"))
lab_tabs(
    "gan",
    {
        "data": data.draw,
        "model": model.draw,
        "train": train.draw,
        "runs": runs.draw,
        "sample": sample.draw,
        "collapse": collapse.draw,
        "questions": lambda: control_questions("gan", answers=questions.answers(), expanded=True),
        "report": lambda: report.tab("gan"),
    },
    default="train" if st.query_params.get(state.RUN_PARAM) else None,  # a reload comes back to its run
)
