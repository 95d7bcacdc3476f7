"""Showing errors and background-job progress the same way on every page."""

import streamlit as st

from services.common import jobs
from services.common.errors import UserError
from ui.session import tr


def show_error(error: UserError) -> None:
    st.error(tr(error.key, **error.params), icon=":material/error:")


def job_progress(snap: jobs.Snapshot, cancel_key: str) -> None:
    """Progress bar with ETA and a stop button while running; the outcome when finished."""
    if snap.state == jobs.QUEUED:
        st.progress(0.0, text=tr("job.queued"))
    elif snap.state == jobs.RUNNING:
        text = snap.message or tr("job.running", done=snap.done, total=snap.total or "?")
        if snap.eta_s is not None:
            text += " · " + tr("job.eta", eta=jobs.format_seconds(snap.eta_s))
        bar, stop = st.columns([5, 1], vertical_alignment="center")
        bar.progress(snap.fraction, text=text)
        if stop.button(tr("job.cancel"), key=cancel_key, icon=":material/stop_circle:"):
            job = jobs.get(snap.id)
            if job:
                job.cancel()
    elif snap.state == jobs.DONE:
        st.success(
            tr("job.done", elapsed=jobs.format_seconds(snap.elapsed_s)), icon=":material/check_circle:"
        )
    elif snap.state == jobs.CANCELLED:
        st.info(tr("job.cancelled"), icon=":material/stop_circle:")
    elif snap.error:
        show_error(snap.error)
