"""Question 5 of Lab 1, what mode collapse is: the collapse meter of the student's run beside a run on
the same data that collapses on purpose (services/gan/presets.py), each with its newest sample grid and
class histogram. The preset run starts in one click and fills in live while it trains."""

import plotly.graph_objects as go
import streamlit as st

from services.common import jobs
from services.common.errors import UserError
from services.gan import collapse, presets, runs
from ui.feedback import show_error
from ui.gan.charts import histogram_chart
from ui.gan.pictures import enlarged
from ui.gan.questions_runs import chosen_run, no_run_note
from ui.job_view import watch
from ui.safe_text import escaped
from ui.session import actor, language, tr

POLL_S = 2.0  # a short run is measured every few dozen steps
METER_TOP = 1.2  # the meter's scale: real images score 1, a little more is possible


def draw() -> None:
    info = chosen_run()
    if info is None:
        no_run_note("q5")
        return
    if presets.collapsing(info):
        st.info(tr("gan.qa.is_preset"), icon=":material/info:")
    partner = presets.partner(info, runs.list_runs())
    left, right = st.columns(2)
    with left:
        _side(info, "mine" if actor().may_manage(info.owner) else "run")
    with right:
        if partner is None:
            _start_preset(info)
            return
        job = jobs.get(partner.job_id)
        if job is None:
            _side(partner, "preset")
        else:  # training: its measurements appear as they are made
            watch(job, lambda snap: _side(runs.run_info(partner.id), "preset"), every=POLL_S)


def _side(info: runs.RunInfo, side: str) -> None:
    """One run: its title, the meter, the verdict, the newest grid and the class histogram."""
    st.markdown(f"**{tr(f'gan.qa.side.{side}')}** · {escaped(info.title)} · {info.step}/{info.iterations}")
    measured = info.last_collapse
    if not measured:
        st.caption(tr("gan.collapse.need"))
        return
    st.plotly_chart(meter(measured), key=f"gan_qa_meter_{side}")
    _verdict(measured)
    if info.samples:
        grid = runs.samples_at(info.id, info.samples[-1])
        if grid is not None:
            st.image(enlarged(grid), caption=tr("gan.train.samples", step=info.samples[-1]), width="stretch")
    if measured.get("histogram"):
        summary = st.session_state.get("gan_data")
        if not summary or (summary["source"], summary["count"]) != (info.data, info.images):
            summary = None  # the data loaded in 1 · Data is not this run's: no real shares to show
        figure = histogram_chart(measured, summary)
        figure.update_layout(height=300, separators=",\u00a0" if language() == "uk" else ".,")
        st.plotly_chart(figure, key=f"gan_qa_histogram_{side}")


def meter(measured: dict) -> go.Figure:
    """The collapse meter: diversity on a gauge whose red part is below the collapse threshold."""
    classes = measured.get("n_classes")
    title = tr("gan.collapse.diversity")
    if classes:
        title += (
            "<br><span style='font-size:0.8em'>"
            + tr("gan.qa.covered", covered=measured["modes_covered"], classes=classes)
            + "</span>"
        )
    figure = go.Figure(
        go.Indicator(
            mode="gauge+number",
            value=measured["diversity"],
            number={"valueformat": ".2f"},
            title={"text": title, "font": {"size": 14}},
            gauge={
                "axis": {"range": (0, METER_TOP)},
                "bar": {"color": "#343a40", "thickness": 0.3},
                "steps": [
                    {"range": (0, collapse.COLLAPSE_DIVERSITY), "color": "#ffc9c9"},
                    {"range": (collapse.COLLAPSE_DIVERSITY, METER_TOP), "color": "#d3f9d8"},
                ],
                "threshold": {"line": {"color": "#c92a2a", "width": 3}, "value": collapse.COLLAPSE_DIVERSITY},
            },
        )
    )
    figure.update_layout(
        height=200,
        margin={"l": 20, "r": 20, "t": 60, "b": 0},
        separators=",\u00a0" if language() == "uk" else ".,",
    )
    return figure


def _verdict(measured: dict) -> None:
    numbers = {
        "diversity": measured["diversity"],
        "covered": measured.get("modes_covered", "—"),
        "classes": measured.get("n_classes") or "—",
    }
    if measured.get("collapsed") is None:
        st.info(
            tr("gan.collapse.not_judged", step=measured["step"], first=collapse.JUDGED_FROM),
            icon=":material/hourglass_top:",
        )
    elif measured["collapsed"]:
        st.warning(tr("gan.qa.collapsed", step=measured["step"], **numbers), icon=":material/warning:")
    else:
        st.success(
            tr("gan.qa.not_collapsed", step=measured["step"], **numbers), icon=":material/check_circle:"
        )


def _start_preset(info: runs.RunInfo) -> None:
    """No preset run on this data yet: what it is, and its one-click start."""
    st.markdown(f"**{tr('gan.qa.side.preset')}**")
    st.info(tr("gan.qa.preset_about", iterations=presets.SHORT), icon=":material/science:")
    if st.button(
        tr("gan.qa.preset_start"), icon=":material/play_arrow:", key="gan_qa_preset", type="primary"
    ):
        try:
            presets.start_collapse(info.id, actor(), tr("gan.qa.preset_title", run=info.title))
        except UserError as error:
            show_error(error)
            return
        st.rerun()
