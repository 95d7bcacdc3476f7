"""The Mode collapse tab: what it is, and a run's diversity, class coverage and class histogram,
updated while the run trains."""

import streamlit as st

from services.common import jobs
from services.gan import collapse, runs
from ui.gan.charts import coverage_chart, diversity_chart, histogram_chart
from ui.gan.state import pick_run
from ui.job_view import watch
from ui.session import tr

POLL_S = 2.0  # new measurements come every few dozen steps: no need to redraw every second


def draw() -> None:
    st.markdown(tr("gan.collapse.what"))
    info = pick_run("gan_collapse_run")
    if info is None:
        return
    job = jobs.get(info.job_id)
    if job is None:
        _measures(info.id)
    else:  # while the run trains, new measurements appear without a click
        watch(job, lambda _: _measures(info.id), every=POLL_S)


def _measures(run_id: str) -> None:
    info = runs.run_info(run_id)
    rows = [row for row in runs.metrics(run_id) if "diversity" in row]
    if not rows:
        st.info(tr("gan.collapse.need"), icon=":material/info:")
        return
    last = rows[-1]
    classes = last.get("n_classes")
    numbers = {
        "diversity": last["diversity"],
        "covered": last.get("modes_covered", "—"),
        "classes": classes or "—",
    }
    if last["collapsed"] is None:  # too early: the first blobs say nothing of the modes G will learn
        st.info(
            tr("gan.collapse.not_judged", step=last["step"], first=collapse.JUDGED_FROM),
            icon=":material/hourglass_top:",
        )
    elif last["collapsed"]:
        st.warning(tr("gan.collapse.detected", **numbers), icon=":material/warning:")
    else:
        st.success(tr("gan.collapse.ok", **numbers), icon=":material/check_circle:")
    left, right = st.columns(2)
    left.plotly_chart(diversity_chart(rows), key="gan_chart_diversity")
    left.caption(tr("gan.collapse.diversity_help"))
    if not classes:
        right.info(tr("gan.collapse.no_classes"), icon=":material/info:")
        return
    right.plotly_chart(coverage_chart(rows), key="gan_chart_coverage")
    right.caption(tr("gan.collapse.modes_help"))
    summary = st.session_state.get("gan_data")
    if not summary or (summary["source"], summary["count"]) != (info.data, info.images):
        summary = None  # the data loaded in this session is not this run's
    st.plotly_chart(histogram_chart(last, summary), key="gan_chart_histogram")
    if summary is None:
        st.caption(tr("gan.collapse.real_unknown"))
