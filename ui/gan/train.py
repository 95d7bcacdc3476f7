"""The Train tab: check and start a run (with its name and how long it will take), watch it live
(progress, charts, samples), resume or extend it."""

import time
from pathlib import Path

import streamlit as st

from services.common import jobs
from services.common.errors import UserError
from services.gan import runs, speed
from ui.feedback import show_error
from ui.format import number
from ui.gan.charts import training_chart
from ui.gan.names import default_title
from ui.gan.pictures import enlarged
from ui.gan.state import current_config, current_run, open_run
from ui.job_view import progress, watch
from ui.options import labels
from ui.safe_text import escaped
from ui.session import actor, tr
from ui.tabs import open_tab

# what a training job does before its steps move, and the job info each message shows
PHASES = {
    "loading": ("loaded", "to_load"),
    "probe": ("probe_done", "probe_total"),
    "waiting": ("ahead",),
    "saving": (),
}


def draw() -> None:
    summary = st.session_state.get("gan_data")
    if summary is None:
        st.info(tr("gan.data.need"), icon=":material/info:")
    ready = summary is not None and _plan(summary)
    st.text_input(
        tr("gan.train.name"),
        key="gan_run_name",
        max_chars=80,
        placeholder=default_title(summary["spec"], current_config()) if summary else None,
        help=tr("gan.train.name_help"),
        persist_state="session",
    )
    st.button(
        tr("gan.train.start"),
        type="primary",
        icon=":material/rocket_launch:",
        disabled=not ready,
        key="gan_start",
        on_click=_start,
        args=(summary,),
    )
    if "gan_start_error" in st.session_state:
        show_error(st.session_state.pop("gan_start_error"))
    run_id = current_run()
    if run_id:
        _run_panel(run_id)
    else:
        st.caption(tr("gan.train.none"))


def _plan(summary: dict) -> bool:
    """What a new run would train on and how long it would take here; False, with the reason,
    when the settings cannot train on this data (it is checked before a run is made)."""
    cfg = current_config()
    try:
        runs.check(cfg, summary["count"])
    except UserError as error:
        show_error(error)
        return False
    st.caption(
        tr("gan.train.summary", count=summary["count"], iterations=cfg.iterations, batch=cfg.batch, k=cfg.k)
    )
    st.caption(
        tr("gan.train.estimate", seconds=speed.training_seconds(cfg), speed=round(speed.images_per_s(cfg)))
    )
    return True


def _start(summary: dict) -> None:
    """The Start button's callback: make the run and train it; the name field empties, as the name
    now belongs to that run."""
    cfg = current_config()
    name = st.session_state.get("gan_run_name", "").strip() or default_title(
        summary["spec"], cfg, time.time()
    )
    zip_path = summary.get("zip_path")
    try:
        run_id = runs.create(
            cfg,
            summary["spec"],
            title=name,
            zip_path=zip_path and Path(zip_path),
            owner=actor().owner,
            images=summary["count"],
        )
        runs.start(run_id, actor())
    except UserError as error:
        st.session_state.gan_start_error = error
        return
    st.session_state.gan_run_name = ""
    open_run(run_id)


def _run_panel(run_id: str) -> None:
    """The run live while its job trains (redrawn by the job watcher), then resume and extend."""
    info = runs.run_info(run_id)
    st.subheader(tr("gan.train.run", run=escaped(info.title)))
    job = jobs.get(info.job_id) or next(iter(jobs.find(runs.JOB_KIND, run_id)), None)
    if job is None:  # not trained by this process: its saved state
        _run_view(run_id, None)
    else:
        watch(job, lambda snap: _run_view(run_id, snap))
    if info.job_id is not None or not info.can_go_on:
        return
    if not actor().may_manage(info.owner):  # someone else's run: to look at, not to train on
        st.caption(tr("common.not_yours"))
        return
    if info.resumable:
        if st.button(tr("gan.train.resume"), icon=":material/play_arrow:", key="gan_resume"):
            _go_on(run_id)
    more_col, button_col = st.columns([1, 2], vertical_alignment="bottom")
    more = more_col.number_input(
        tr("gan.train.extend"), 10, 100_000, value=500, step=100, key="gan_extend", persist_state="session"
    )
    if button_col.button(tr("gan.train.extend_go"), icon=":material/fast_forward:", key="gan_extend_go"):
        _go_on(run_id, int(more))


def _go_on(run_id: str, more: int = 0) -> None:
    """Train the run on from its checkpoint, ``more`` steps beyond its plan where given."""
    try:
        if more:
            runs.extend(run_id, more, actor())
        runs.start(run_id, actor())
    except UserError as error:
        show_error(error)
    else:
        st.rerun()


def _run_view(run_id: str, snap: jobs.Snapshot | None) -> None:
    """Status, a collapse warning, charts, the newest samples and numbers of the run."""
    info = runs.run_info(run_id)
    live = snap is not None and not snap.finished
    _status(info, snap if live else None)
    _collapse_note(info)
    _charts(run_id)
    grid, numbers = st.columns([3, 2])
    with grid:
        _samples(info, live)
    with numbers:
        _latest_numbers(info)


def _status(info: runs.RunInfo, snap: jobs.Snapshot | None) -> None:
    """The live job's progress; once it ends (or with no job in this process), the run's saved
    state: one time, the training time over every session of the run, said as such."""
    if snap is not None:
        text = tr("gan.train.progress", done=snap.done, total=snap.total or info.iterations)
        progress(snap, f"gan_stop_{info.id}", text=text)
        phase = snap.info.get("phase")
        if phase in PHASES:  # why the bar does not move yet
            st.caption(tr(f"gan.phase.{phase}", **{k: snap.info.get(k, "…") for k in PHASES[phase]}))
    elif info.status == "done":
        st.success(tr("gan.train.done", step=info.step, seconds=info.seconds), icon=":material/check_circle:")
    elif info.error is not None:
        show_error(info.error)
    else:
        state = labels("gan.state")(info.status)
        text = tr("gan.train.state", state=state, step=info.step, total=info.iterations, seconds=info.seconds)
        st.progress(info.fraction, text=text)
    if info.images_per_s:
        st.caption(tr("gan.train.speed", speed=round(info.images_per_s)))


def _collapse_note(info: runs.RunInfo) -> None:
    """A short warning while the newest measurement says the generator collapsed; the
    Mode collapse tab, one click away, has the charts and the advice."""
    measured = info.last_collapse
    if not measured or not measured.get("collapsed"):
        return
    tab = tr("gan.tab.collapse")
    st.warning(tr("gan.train.collapsed", step=measured["step"], tab=tab), icon=":material/warning:")
    if st.button(
        tr("gan.train.to_collapse", tab=tab),
        icon=":material/troubleshoot:",
        key="gan_to_collapse",
        on_click=open_tab,
        args=("gan", "collapse"),
    ):
        st.rerun()  # clicked inside the job watcher's fragment: redraw the whole page on the new tab


def _charts(run_id: str) -> None:
    rows = runs.metrics(run_id)
    if not rows:
        st.caption(tr("gan.train.waiting_metrics"))
        return
    losses, probabilities = st.columns(2)
    losses.plotly_chart(
        training_chart(rows, ("loss_d", "loss_g"), tr("gan.chart.losses"), tr("gan.chart.loss")),
        key="gan_chart_loss",
    )
    probabilities.plotly_chart(
        training_chart(
            rows, ("d_real", "d_fake"), tr("gan.chart.probs"), tr("gan.chart.prob"), y_range=(0, 1)
        ),
        key="gan_chart_probs",
    )
    probabilities.caption(tr("gan.chart.probs_help"))


def _samples(info: runs.RunInfo, live: bool) -> None:
    """The newest grid while training; afterwards a slider scrubs through every snapshot."""
    if not info.samples:
        return
    step = info.samples[-1]
    if not live and len(info.samples) > 1:
        step = st.select_slider(
            tr("gan.train.snapshot"), info.samples, value=step, key=f"gan_snapshot_{info.id}"
        )
    picture = runs.samples_at(info.id, step)
    if picture is not None:
        st.image(enlarged(picture), caption=tr("gan.train.samples", step=step))
        st.caption(tr("gan.train.samples_fixed"))


def _latest_numbers(info: runs.RunInfo) -> None:
    """The newest losses and discriminator outputs, large enough to read from the back row."""
    if not info.last_metrics:
        return
    st.markdown(f"**{tr('gan.train.latest', step=info.last_metrics['step'])}**")
    left, right = st.columns(2)
    for column, name in zip(
        (left, right, left, right), ("loss_d", "loss_g", "d_real", "d_fake"), strict=True
    ):
        column.metric(tr(f"gan.series.{name}"), number(info.last_metrics[name], 3))
