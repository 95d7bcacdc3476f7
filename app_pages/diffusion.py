"""Lab 2: Stable Diffusion as in the AUTOMATIC1111 WebUI — the model picker, then a tab each for
txt2img, img2img, inpaint, the manual's experiments, PNG Info and LoRA (ui/diffusion/)."""

import streamlit as st

from services.common import compute, jobs
from ui.questions import control_questions
from ui.session import tr
from ui.tabs import lab_tabs

st.title(tr("sd.title"))
st.write(tr("sd.intro"))
if not compute.torch_installed():
    st.warning(tr("common.needs_torch"), icon=":material/memory:")
    st.stop()

# the lab's tabs use services that need torch: imported once it is known to be installed
from ui.diffusion import experiments, generate, lora, model, png_info  # noqa: E402


def opening_tab() -> str | None:
    """The tab a visit opens first: a reload with a job in the URL comes back to that job's tab."""
    job = jobs.get(st.query_params.get(generate.JOB_PARAM))
    if job is not None:
        return job.key  # the generation tab that started it
    return "exp" if st.query_params.get(experiments.JOB_PARAM) else None


ref = model.picker()
if ref is None:
    st.info(tr("sd.model.pick_first"), icon=":material/info:")
else:
    lab_tabs(
        "sd",
        {
            "t2i": lambda: generate.tab("t2i", ref),
            "i2i": lambda: generate.tab("i2i", ref),
            "inp": lambda: generate.tab("inp", ref),
            "exp": lambda: experiments.tab(ref),
            "png": lambda: png_info.tab(ref),
            "lora": lambda: lora.tab(ref),
        },
        default=opening_tab(),
    )
control_questions("sd")
