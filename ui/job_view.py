"""How every lab shows a background job: one watcher that polls it, one progress bar with a stop button."""

from collections.abc import Callable

import streamlit as st

from services.common import jobs
from ui.feedback import show_error
from ui.format import duration
from ui.session import actor, tr

POLL_S = 1.0  # seconds between redraws of a running job; each poll is a cheap fragment rerun


def watch(job: jobs.Job, render: Callable[[jobs.Snapshot], None], every: float = POLL_S) -> None:
    """Draw ``render(snapshot)`` in a fragment that polls while the job runs.

    When the job finishes, the whole page reruns once, so results drawn outside the
    fragment appear and the polling stops."""
    active = not job.snapshot().finished

    def body() -> None:
        snap = job.snapshot()
        if active and snap.finished:
            st.rerun()
        render(snap)

    st.fragment(body, run_every=every if active else None)()


def progress(
    snap: jobs.Snapshot, stop_key: str, text: str | None = None, stop_label: str | None = None
) -> None:
    """While queued or running: the queue position, a bar with ``text`` and ETA, a stop button.
    When finished: done (with its time), stopped, or the error."""
    if not snap.finished and (snap.state == jobs.QUEUED or snap.info.get("waiting")):
        ahead = snap.info.get("waiting")
        st.info(
            tr("compute.waiting", ahead=ahead) if ahead else tr("job.queued"), icon=":material/hourglass_top:"
        )
    if not snap.finished:
        text = text or tr("job.running", done=snap.done, total=snap.total or "?")
        if snap.eta_s is not None:
            text += " · " + tr("job.eta", eta=duration(snap.eta_s))
        bar, stop = st.columns([5, 1], vertical_alignment="center")
        bar.progress(snap.fraction, text=text)
        if not actor().may_manage(snap.owner):  # someone else's: to watch, not to stop
            stop.caption(tr("job.not_yours"))
        elif stop.button(stop_label or tr("job.cancel"), key=stop_key, icon=":material/stop_circle:"):
            jobs.cancel(snap.id, actor())
    elif snap.state == jobs.DONE:
        st.success(tr("job.done", elapsed=duration(snap.elapsed_s)), icon=":material/check_circle:")
    elif snap.state == jobs.CANCELLED:
        st.info(tr("job.cancelled"), icon=":material/stop_circle:")
    elif snap.error:
        show_error(snap.error)
