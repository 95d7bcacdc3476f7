"""The Train tab: a small diffusion model trained on Lab 1's data, watched live, then used in Lab 2."""

from pathlib import Path

import plotly.graph_objects as go
import streamlit as st

from services.common import jobs
from services.common.errors import UserError
from services.diffusion.own import classes, runs
from services.diffusion.own.config import DEFAULT, WIDTHS, OwnConfig
from ui.diffusion import links
from ui.feedback import show_error
from ui.format import duration, number
from ui.gan.names import source_label
from ui.gan.pictures import enlarged
from ui.job_view import progress, watch
from ui.options import decimal, decimal_slider, labels
from ui.safe_text import escaped
from ui.session import actor, language, tr
from ui.tabs import open_tab

BATCHES = (16, 32, 64, 128)
RATES = (2e-4, 5e-4, 1e-3, 2e-3)
PHASES = {  # what a job does before (or between) its steps, and the job info each message shows
    "loading": ("loaded", "to_load"),
    "probe": (),
    "waiting": ("ahead",),
    "sampling": (),
    "measuring": (),
    "saving": (),
}
CHART_HEIGHT = 320


def tab() -> None:
    summary = st.session_state.get("gan_data")
    st.caption(tr("sd.own.about"))
    if summary is None:
        st.info(tr("sd.own.need_data"), icon=":material/info:")
        st.page_link("app_pages/gan.py", label=tr("sd.own.to_lab1"), icon=":material/arrow_forward:")
    else:
        _new_run(summary)
    run_id = _current_run()
    if run_id:
        _run_panel(run_id)


def _new_run(summary: dict) -> None:
    """The data from Lab 1, the settings, an estimate of the time, and Start."""
    names = [classes.label(name, language()) for name in summary["class_names"]]
    st.markdown(
        tr(
            "sd.own.data",
            source=escaped(source_label(summary["source"])),
            count=summary["count"],
            size=summary["size"],
            classes=escaped(", ".join(names[:12]) + (" …" if len(names) > 12 else ""))
            or tr("sd.own.no_classes"),
        )
    )
    a, b, c, d, e = st.columns([2, 2, 2, 2, 2])
    a.segmented_control(
        tr("sd.own.width"),
        list(WIDTHS),
        default=DEFAULT.width,
        required=True,
        format_func=labels("sd.own.width"),
        key="own_width",
        help=tr("sd.own.width_help"),
        persist_state="session",
    )
    b.number_input(
        tr("sd.own.iterations"),
        10,
        200_000,
        value=DEFAULT.iterations,
        step=250,
        key="own_iterations",
        help=tr("sd.own.iterations_help"),
        persist_state="session",
    )
    c.select_slider(
        tr("sd.own.batch"), BATCHES, value=DEFAULT.batch, key="own_batch", persist_state="session"
    )
    d.select_slider(
        tr("sd.own.lr"),
        RATES,
        value=DEFAULT.lr,
        format_func=decimal(),
        key="own_lr",
        persist_state="session",
    )
    decimal_slider(
        tr("sd.own.dropout"),
        0.0,
        0.5,
        0.05,
        into=e,
        value=DEFAULT.cond_dropout,
        key="own_dropout",
        help=tr("sd.own.dropout_help"),
        persist_state="session",
    )
    cfg = _config(summary)
    speed = _known_speed(cfg)
    if speed:
        st.caption(tr("sd.own.estimate", seconds=cfg.iterations * cfg.batch / speed, speed=round(speed)))
    if st.button(tr("sd.own.start"), type="primary", icon=":material/rocket_launch:", key="own_start"):
        _start(summary, cfg)


def _config(summary: dict) -> OwnConfig:
    state = st.session_state
    return OwnConfig(
        size=summary["size"],
        channels=summary["channels"],
        classes=list(summary["class_names"]),
        width=state.get("own_width") or DEFAULT.width,
        batch=int(state.get("own_batch", DEFAULT.batch)),
        iterations=int(state.get("own_iterations", DEFAULT.iterations)),
        lr=float(state.get("own_lr", DEFAULT.lr)),
        cond_dropout=float(state.get("own_dropout", DEFAULT.cond_dropout)),
    )


def _known_speed(cfg: OwnConfig) -> float | None:
    """Training images per second of the newest run here of the same size and width, if any."""
    for info in runs.list_runs():
        same = all(info.config.get(k) == getattr(cfg, k) for k in ("size", "channels", "width", "batch"))
        if same and info.images_per_s:
            return info.images_per_s
    return None


def _start(summary: dict, cfg: OwnConfig) -> None:
    zip_path = summary.get("zip_path")
    try:
        run_id = runs.create(
            cfg,
            summary["spec"],
            zip_path=Path(zip_path) if zip_path else None,
            owner=actor().owner,
            images=summary["count"],
        )
        runs.start(run_id, actor())
    except UserError as error:
        show_error(error)
        return
    _open(run_id)


# --- the run on screen ------------------------------------------------------------------------------


def training_in_url() -> bool:
    """Whether the run in the URL is training now (a reload then opens this tab)."""
    run_id = st.query_params.get(links.OWN_RUN)
    return bool(run_id) and bool(jobs.find(runs.JOB_KIND, run_id, active_only=True))


def _current_run() -> str | None:
    """The run in the URL, else the newest; a picker of the others; None when there is none."""
    kept = runs.list_runs()
    if not kept:
        return None
    ids = [info.id for info in kept]
    chosen = st.query_params.get(links.OWN_RUN)
    if chosen not in ids:
        chosen = ids[0]
    titles = {info.id: f"{info.title} · {info.step}/{info.iterations}" for info in kept}
    picked = st.selectbox(
        tr("sd.own.runs"), ids, index=ids.index(chosen), format_func=titles.get, key=f"own_pick_{chosen}"
    )
    if picked != chosen:
        _open(picked)
        st.rerun()
    return chosen


def _open(run_id: str) -> None:
    st.query_params[links.OWN_RUN] = run_id


def _run_panel(run_id: str) -> None:
    """The run live while its job trains (redrawn by the job watcher), then its buttons."""
    info = runs.run_info(run_id)
    st.subheader(tr("sd.own.run", title=escaped(info.title)))
    job = jobs.get(info.job_id) or next(iter(jobs.find(runs.JOB_KIND, run_id)), None)
    if job is None:
        _run_view(run_id, None)
    else:
        watch(job, lambda snap: _run_view(run_id, snap))
    _buttons(runs.run_info(run_id))


def _buttons(info: runs.RunInfo) -> None:
    """Use in Lab 2; resume, extend and delete for the run's owner."""
    row = st.container(horizontal=True, vertical_alignment="bottom")
    if info.has_model:
        row.button(
            tr("sd.own.use"), icon=":material/auto_awesome:", key="own_use", on_click=_use, args=(info.id,)
        )
    if info.job_id is not None:
        return
    if not actor().may_manage(info.owner):
        row.caption(tr("common.not_yours"))
        return
    if info.resumable and row.button(tr("sd.own.resume"), icon=":material/play_arrow:", key="own_resume"):
        _go_on(info.id)
    more = row.number_input(
        tr("sd.own.extend"), 10, 100_000, value=1000, step=250, key="own_extend", persist_state="session"
    )
    if row.button(tr("sd.own.extend_go"), icon=":material/fast_forward:", key="own_extend_go"):
        _go_on(info.id, int(more))
    if row.button(tr("sd.own.delete"), icon=":material/delete:", key="own_delete"):
        try:
            runs.delete(info.id, actor())
            st.query_params.pop(links.OWN_RUN, None)
            st.rerun()
        except UserError as error:
            show_error(error)


def _use(run_id: str) -> None:
    """Pick the run's model above the tabs and open txt2img (a callback: it runs before they are drawn)."""
    st.session_state.sdp_source = "own"
    st.session_state.sdp_own = run_id
    open_tab("sd", "t2i")


def _go_on(run_id: str, more: int = 0) -> None:
    try:
        if more:
            runs.extend(run_id, more, actor())
        runs.start(run_id, actor())
    except UserError as error:
        show_error(error)
    else:
        st.rerun()


def _run_view(run_id: str, snap: jobs.Snapshot | None) -> None:
    info = runs.run_info(run_id)
    live = snap is not None and not snap.finished
    _status(info, snap)
    rows = runs.metrics(run_id)
    if rows:
        left, right = st.columns(2)
        left.plotly_chart(loss_chart(rows), key="own_chart_loss")
        measured = [row for row in rows if "fd" in row]
        if measured:
            right.plotly_chart(quality_chart(measured), key="own_chart_quality")
    else:
        st.caption(tr("sd.own.waiting_metrics"))
    grid, numbers = st.columns([3, 2])
    with grid:
        _samples(info, live)
    with numbers:
        _numbers(info)


def _status(info: runs.RunInfo, snap: jobs.Snapshot | None) -> None:
    if snap is not None:
        progress(snap, f"own_stop_{info.id}")
        phase = snap.info.get("phase")
        if not snap.finished and phase in PHASES:
            st.caption(tr(f"sd.own.phase.{phase}", **{k: snap.info.get(k, "…") for k in PHASES[phase]}))
    elif info.error is not None:
        show_error(info.error)
    else:
        st.progress(
            info.fraction, text=f"{labels('sd.own.state')(info.status)} · {info.step}/{info.iterations}"
        )


def loss_chart(rows: list[dict]) -> go.Figure:
    """The denoising loss over the steps: a plain regression loss, it falls and settles."""
    figure = go.Figure()
    figure.add_scatter(
        x=[row["step"] for row in rows], y=[row["loss"] for row in rows], mode="lines", name=tr("sd.own.loss")
    )
    figure.update_layout(
        title=tr("sd.own.loss_chart"),
        height=CHART_HEIGHT,
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
        xaxis_title=tr("sd.own.step"),
        yaxis_title=tr("sd.own.loss"),
        font={"size": 14},
    )
    return figure


def quality_chart(rows: list[dict]) -> go.Figure:
    """Class accuracy (left axis) and Fréchet distance (right axis) over the steps."""
    steps = [row["step"] for row in rows]
    figure = go.Figure()
    if any(row.get("class_accuracy") is not None for row in rows):
        figure.add_scatter(
            x=steps,
            y=[row.get("class_accuracy") for row in rows],
            mode="lines+markers",
            name=tr("sd.own.accuracy"),
        )
    figure.add_scatter(
        x=steps, y=[row.get("fd") for row in rows], mode="lines+markers", name=tr("sd.own.fd"), yaxis="y2"
    )
    figure.update_layout(
        title=tr("sd.own.quality_chart"),
        height=CHART_HEIGHT,
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
        xaxis_title=tr("sd.own.step"),
        yaxis={"title": tr("sd.own.accuracy"), "range": (0, 1.05), "tickformat": ".0%"},
        yaxis2={"title": tr("sd.own.fd"), "overlaying": "y", "side": "right", "rangemode": "tozero"},
        legend={"orientation": "h", "y": 1.0, "x": 0, "yanchor": "bottom"},
        font={"size": 14},
    )
    return figure


def _samples(info: runs.RunInfo, live: bool) -> None:
    """The newest grid while training; afterwards a slider scrubs through every snapshot."""
    if not info.samples:
        return
    step = info.samples[-1]
    if not live and len(info.samples) > 1:
        step = st.select_slider(
            tr("sd.own.snapshot"), info.samples, value=step, key=f"own_snapshot_{info.id}"
        )
    picture = runs.samples_at(info.id, step)
    if picture is not None:
        st.image(enlarged(picture), caption=tr("sd.own.samples", step=step))
        names = [classes.label(name, language()) for name in info.config["classes"][:10]]
        if names:
            st.caption(tr("sd.own.rows", names=escaped(", ".join(names))))


def _numbers(info: runs.RunInfo) -> None:
    """The newest loss and quality, and the time and speed of training."""
    left, right = st.columns(2)
    left.metric(tr("sd.own.loss"), number(info.last_loss, 4))
    right.metric(tr("sd.own.trained"), duration(info.seconds))
    quality = info.last_quality or {}
    accuracy = quality.get("class_accuracy")
    left.metric(
        tr("sd.own.accuracy"),
        "—" if accuracy is None else tr("sd.own.percent", p=100 * accuracy),
        help=tr("sd.own.accuracy_help"),
    )
    right.metric(tr("sd.own.fd"), number(quality.get("fd"), 1), help=tr("sd.own.fd_help"))
    if info.images_per_s:
        st.caption(tr("sd.own.speed", speed=round(info.images_per_s)))
    if quality:
        st.caption(tr("sd.own.measured_at", step=quality["step"]))
