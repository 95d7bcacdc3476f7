"""Question 1 of Lab 2, the stages of diffusion: the student's txt2img generation kept at every step
(services/diffusion/stages.py), shown at the steps they pick as the noisy latent, the latent decoded,
and the model's prediction of the clean image, from pure noise to the result."""

from dataclasses import replace

import streamlit as st

from services.common import jobs
from services.common.errors import UserError
from services.diffusion import stages
from services.diffusion.generate import GenRequest
from services.diffusion.models import ModelRef
from ui.diffusion.generate import form_fields
from ui.diffusion.sweep_results import base_summary
from ui.feedback import show_error
from ui.format import duration
from ui.job_view import progress, watch
from ui.safe_text import escaped
from ui.session import actor, tr

SHOWN = 6  # steps shown at first, evenly from pure noise to the result
MOST = 10  # columns at most: more would make each picture too small to read
PILLS_UP_TO = 50  # steps: up to this many, each is a pill to click; more, a list to pick from


def draw(model: ModelRef, note: str | None) -> None:
    if note:
        st.caption(note)
    request = _request(model)
    st.caption(tr("sd.qa.from_t2i", summary=escaped(base_summary(request.__dict__))))
    job = next(iter(jobs.find(stages.JOB_KIND, actor().owner)), None)
    if st.button(tr("sd.qa.stages_go"), icon=":material/timeline:", key="sd_qa_stages", type="primary"):
        try:
            job = stages.start(model, request, owner=actor().owner)
        except UserError as error:
            show_error(error)
    if job is None:
        return
    snap = job.snapshot()
    if not snap.finished:
        watch(
            job,
            lambda snap: progress(
                snap, "sd_qa_stages_stop", text=tr("sd.qa.denoising", step=snap.done, steps=snap.total)
            ),
        )
        return
    if snap.error:
        show_error(snap.error)
        return
    if snap.result is not None:
        strip(snap.result, job.id, request)


def strip(found: stages.Strip, job_id: str, current: GenRequest) -> None:
    """The picked steps as columns; rows: the latent's channels, the latent decoded, x̂0 decoded."""
    if found.request != current:  # the settings have changed since: say what this strip is of
        st.caption(tr("sd.qa.older", summary=escaped(base_summary(found.request.__dict__))))
    steps = list(range(found.steps + 1))
    default = sorted({round(i * found.steps / (SHOWN - 1)) for i in range(SHOWN)})
    label, key = tr("sd.qa.steps_shown"), f"sd_qa_steps_{job_id}"
    if len(steps) <= PILLS_UP_TO + 1:
        picked = st.pills(label, steps, selection_mode="multi", default=default, key=key)
    else:
        picked = st.multiselect(label, steps, default=default, key=key)
    picked = sorted(picked)[:MOST]
    if not picked:
        st.info(tr("sd.qa.pick_steps"), icon=":material/touch_app:")
        return
    for column, step in zip(st.columns(len(picked)), picked, strict=True):
        column.markdown(f"**{_caption(found, step)}**")
    rows = ("noisy", "predicted") if found.pixel_space else stages.ROWS
    for row in rows:
        st.caption(tr(f"sd.qa.row.{row}" + ("_pixels" if found.pixel_space else "")))
        for column, step in zip(st.columns(len(picked)), picked, strict=True):
            column.image(found.pictures(step)[row], width="stretch")
    st.caption(tr("sd.qa.strip_help_pixels" if found.pixel_space else "sd.qa.strip_help"))
    st.caption(tr("sd.qa.strip_time", steps=found.steps, time=duration(found.seconds)))


def _request(model: ModelRef) -> GenRequest:
    """txt2img's settings for this model, one image; a random seed (-1) becomes the strip's own seed."""
    fields = form_fields("t2i", model) | {"batch_count": 1, "batch_size": 1}
    request = GenRequest(**fields)
    if request.seed < 0:
        seed = st.number_input(
            tr("sd.qa.seed"),
            0,
            2**32 - 1,
            value=1,
            key="sd_qa_seed",
            persist_state="session",
            help=tr("sd.qa.seed_help"),
        )
        request = replace(request, seed=int(seed))
    return request


def _caption(found: stages.Strip, step: int) -> str:
    if step == 0:
        return tr("sd.qa.step_noise", steps=found.steps)
    if step == found.steps:
        return tr("sd.qa.step_result", steps=found.steps)
    return tr("sd.qa.step", step=step, steps=found.steps)
