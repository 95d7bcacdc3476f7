"""Question 3 of Lab 2, how Stable Diffusion makes generation cheaper, measured on this machine
(services/diffusion/costs.py): values in the latent against the picture, the U-Net's step on the latent
against the picture's side, and the steps better samplers need to reach the same picture."""

from dataclasses import replace
from datetime import datetime

import plotly.graph_objects as go
import streamlit as st

from services.common import jobs
from services.common.errors import UserError
from services.diffusion import costs
from services.diffusion.generate import GenRequest
from services.diffusion.models import ModelRef
from ui.diffusion.generate import form_fields
from ui.feedback import show_error
from ui.format import duration, number
from ui.job_view import progress, watch
from ui.safe_text import escaped
from ui.session import actor, language, tr

UNET_SIDE = 128  # px: the U-Net is timed on a picture this side (pixel-space steps grow fast beyond it)


def draw(model: ModelRef, note: str | None) -> None:
    if note:
        st.caption(note)
    request = replace(GenRequest(**form_fields("t2i", model)), batch_count=1, batch_size=1)
    job = next(iter(jobs.find(costs.JOB_KIND, actor().owner)), None)
    if st.button(tr("sd.qa.measure"), icon=":material/speed:", key="sd_qa_measure", type="primary"):
        try:
            job = costs.start(model, request, UNET_SIDE, owner=actor().owner)
        except UserError as error:
            show_error(error)
    st.caption(tr("sd.qa.measure_help", side=UNET_SIDE, steps=costs.REFERENCE_STEPS))
    if job is not None and not job.snapshot().finished:
        watch(
            job,
            lambda snap: progress(
                snap, "sd_qa_measure_stop", text=tr("sd.qa.measuring", done=snap.done, total=snap.total)
            ),
        )
        return
    if job is not None and job.snapshot().error:
        show_error(job.snapshot().error)
    kept = costs.kept(model)
    if kept is None:
        return
    st.caption(
        tr(
            "sd.qa.measured",
            model=escaped(kept["model"]),
            device=kept["device"],
            when=datetime.fromtimestamp(kept["measured"]).strftime("%d.%m %H:%M"),
            width=kept["size"][0],
            height=kept["size"][1],
        )
    )
    _values(kept)
    _unet(kept)
    _samplers(kept)


def _values(kept: dict) -> None:
    values, (width, height) = kept["values"], kept["size"]
    if values["pixel_space"]:
        st.info(
            tr("sd.qa.pixel_space", shape=" × ".join(map(str, values["latent"]))), icon=":material/grid_on:"
        )
        return
    left, middle, right = st.columns(3)
    left.metric(tr("sd.qa.picture_values", width=width, height=height), number(values["pixels"]))
    middle.metric(
        tr("sd.qa.latent_values", shape="×".join(map(str, values["latent"]))),
        number(values["latent_values"]),
    )
    right.metric(
        tr("sd.qa.fewer"), tr("sd.qa.times", ratio=round(values["pixels"] / values["latent_values"]))
    )
    st.caption(tr("sd.qa.values_help", factor=values["factor"], channels=values["latent"][0]))


def _unet(kept: dict) -> None:
    unet = kept["unet"]
    if unet["latent"] is None:
        st.caption(tr("sd.qa.unet_pixels_only", side=unet["side"], time=duration(unet["pixel"])))
        return
    side, factor = unet["side"], kept["values"]["factor"]
    left, middle, right = st.columns(3)
    left.metric(tr("sd.qa.unet_latent", side=side // factor), duration(unet["latent"]))
    middle.metric(tr("sd.qa.unet_pixels", side=side), duration(unet["pixel"]))
    right.metric(tr("sd.qa.slower"), tr("sd.qa.times", ratio=round(unet["pixel"] / unet["latent"])))
    st.caption(tr("sd.qa.unet_help", side=side, repeats=costs.REPEATS))


def _samplers(kept: dict) -> None:
    """Distance to the reference against steps, a line per sampler, and the steps each needs."""
    found = kept["samplers"]
    figure = go.Figure()
    for name, measured in found.items():
        figure.add_scatter(
            x=list(costs.STEP_COUNTS), y=measured["distances"], mode="lines+markers", name=name
        )
    figure.add_hline(
        y=costs.TOLERANCE,
        line_dash="dot",
        line_color="#c92a2a",
        annotation_text=tr("sd.qa.tolerance_line"),
        annotation_position="bottom left",
    )
    figure.update_layout(
        title=tr("sd.qa.samplers_chart", steps=costs.REFERENCE_STEPS, reference=costs.REFERENCE_SAMPLER),
        height=360,
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        xaxis={"title": tr("sd.param.steps"), "type": "log", "tickvals": list(costs.STEP_COUNTS)},
        yaxis={"title": tr("sd.qa.distance"), "type": "log", "tickformat": ".0%"},
        separators=",\u00a0" if language() == "uk" else ".,",
        font={"size": 13},
    )
    st.plotly_chart(figure, key="sd_qa_samplers")
    needed = {name: measured for name, measured in found.items() if measured["steps"] is not None}
    rows = {
        tr("sd.param.sampler"): list(found),
        tr("sd.qa.col.steps"): [_or_more(measured["steps"]) for measured in found.values()],
        tr("sd.qa.col.calls"): [measured["calls"] or "—" for measured in found.values()],
    }
    st.dataframe(rows, hide_index=True, key="sd_qa_samplers_table")
    if len(needed) >= 2:
        fewest = min(needed, key=lambda name: needed[name]["calls"])
        most = max(needed, key=lambda name: needed[name]["calls"])
        st.info(
            tr(
                "sd.qa.saved",
                best=fewest,
                best_steps=needed[fewest]["steps"],
                worst=most,
                worst_steps=needed[most]["steps"],
                saved=needed[most]["calls"] - needed[fewest]["calls"],
            ),
            icon=":material/insights:",
        )
    st.caption(tr("sd.qa.samplers_help", tolerance=100 * costs.TOLERANCE))


def _or_more(value: int | None) -> str:
    return str(value) if value is not None else tr("sd.qa.more_than", steps=costs.STEP_COUNTS[-1])
