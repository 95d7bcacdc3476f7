"""Lab 2: Stable Diffusion as in the AUTOMATIC1111 WebUI — the model picker, then a tab each for
txt2img, img2img, inpaint, the manual's experiments, PNG Info and LoRA, training a small diffusion
model on Lab 1's data, and GAN vs diffusion (ui/diffusion/)."""

import streamlit as st

from services.common import compute, jobs
from ui import report
from ui.questions import control_questions
from ui.session import tr
from ui.tabs import lab_tabs

st.title(tr("sd.title"))
st.write(tr("sd.intro"))
if not compute.torch_installed():
    st.warning(tr("common.needs_torch"), icon=":material/memory:")
    st.stop()

# the lab's tabs use services that need torch: imported once it is known to be installed
from ui.diffusion import (  # noqa: E402
    experiments,
    generate,
    lora,
    model,
    png_info,
    questions,
    sweep_quality,
    train,
    versus,
)


def opening_tab() -> str | None:
    """The tab a visit opens first: a reload with a job in the URL comes back to that job's tab."""
    job = jobs.get(st.query_params.get(generate.JOB_PARAM))
    if job is not None:
        return job.key  # the generation tab that started it
    if st.query_params.get(experiments.JOB_PARAM):
        return "exp"
    return "train" if train.training_in_url() else None


def experiments_tab(ref) -> None:
    experiments.tab(ref)
    sweep_quality.show(st.query_params.get(experiments.JOB_PARAM))  # a model trained here: quality per cell


def with_model(draw):
    """A tab that generates: it needs the model picked above, and says so until there is one."""
    return lambda: (
        draw(ref) if ref is not None else st.info(tr("sd.model.pick_first"), icon=":material/info:")
    )


ref = model.picker()
lab_tabs(
    "sd",
    {
        "t2i": with_model(lambda ref: generate.tab("t2i", ref)),
        "i2i": with_model(lambda ref: generate.tab("i2i", ref)),
        "inp": with_model(lambda ref: generate.tab("inp", ref)),
        "exp": with_model(experiments_tab),
        "png": with_model(png_info.tab),
        "lora": with_model(lora.tab),
        "train": train.tab,
        "versus": versus.tab,
        "questions": lambda: control_questions("sd", answers=questions.answers(ref), expanded=True),
        "report": lambda: report.tab("diffusion"),
    },
    default=opening_tab(),
)
