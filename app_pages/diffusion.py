"""Lab 2: Stable Diffusion as in the AUTOMATIC1111 WebUI — the model picker, then a tab each for
txt2img, img2img, inpaint, the manual's experiments, PNG Info and LoRA, training a small diffusion
model on Lab 1's data, and GAN vs diffusion (ui/diffusion/)."""

from importlib import import_module

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

from ui.diffusion import links, model  # noqa: E402  (after the check: the picker's services need torch)


def opening_tab() -> str | None:
    """The tab a visit opens first: a reload with a job in the URL comes back to that job's tab."""
    job = jobs.get(st.query_params.get(links.GENERATION))
    if job is not None:
        return job.key  # the generation tab that started it
    if st.query_params.get(links.SWEEP):
        return "exp"
    in_url = st.query_params.get(links.OWN_RUN)
    return "train" if in_url and _module("train").training_in_url() else None


def _module(name: str):
    """A tab's module, imported when the tab is first drawn: some import torch, pandas or plotly
    (~1-2 s), and the lab opens on txt2img, which needs none of them."""
    return import_module(f"ui.diffusion.{name}")


def with_model(draw):
    """A tab that generates: it needs the model picked above, and says so until there is one."""
    return lambda: (
        draw(ref) if ref is not None else st.info(tr("sd.model.pick_first"), icon=":material/info:")
    )


def experiments_tab(ref) -> None:
    _module("experiments").tab(ref)
    _module("sweep_quality").show(st.query_params.get(links.SWEEP))  # a model trained here: quality per cell


def questions() -> None:
    control_questions("sd", answers=_module("questions").answers(ref), expanded=True)


ref = model.picker()
lab_tabs(
    "sd",
    {
        "t2i": with_model(lambda ref: _module("generate").tab("t2i", ref)),
        "i2i": with_model(lambda ref: _module("generate").tab("i2i", ref)),
        "inp": with_model(lambda ref: _module("generate").tab("inp", ref)),
        "exp": with_model(experiments_tab),
        "png": with_model(lambda ref: _module("png_info").tab(ref)),
        "lora": with_model(lambda ref: _module("lora").tab(ref)),
        "train": lambda: _module("train").tab(),
        "versus": lambda: _module("versus").tab(),
        "questions": questions,
        "report": lambda: report.tab("diffusion"),
    },
    default=opening_tab(),
)
