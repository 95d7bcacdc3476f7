"""GAN vs diffusion: the student's GAN run of Lab 1 beside their diffusion run of Lab 2, on the same data,
measured by the same code: pictures, training time, time per image, Fréchet distance, classes, diversity,
and how each behaved over training."""

import plotly.graph_objects as go
import streamlit as st

from services.common import jobs
from services.common.errors import UserError
from services.diffusion.own import runs as own_runs
from services.diffusion.own import versus
from services.gan import runs as gan_runs
from ui.feedback import show_error
from ui.format import duration, number
from ui.gan.pictures import enlarged
from ui.job_view import progress, watch
from ui.safe_text import escaped
from ui.session import actor, tr
from ui.tabs import open_tab

SIDES = ("gan", "diffusion")
CHART_HEIGHT = 320


def tab() -> None:
    st.caption(tr("sd.vs.about"))
    gans = [info for info in gan_runs.list_runs() if info.step > 0]
    owns = [info for info in own_runs.list_runs() if info.has_model]
    if not gans:
        st.info(tr("sd.vs.need_gan"), icon=":material/info:")
        st.page_link("app_pages/gan.py", label=tr("sd.own.to_lab1"), icon=":material/arrow_forward:")
    if not owns:
        st.info(tr("sd.vs.need_own"), icon=":material/info:")
        st.button(tr("sd.model.own_train"), key="vs_train", on_click=open_tab, args=("sd", "train"))
    if not gans or not owns:
        return
    gan, own = _pick(gans, owns)
    for difference in versus.differences(gan, own):
        st.warning(tr(f"sd.vs.differ.{difference}"), icon=":material/warning:")
    _measured(gan, own)
    _over_training(gan, own)


def link() -> None:
    """The way from the control question "How do diffusion models differ from GANs?" to this panel."""
    st.button(
        tr("sd.vs.open"), icon=":material/compare:", key="vs_link", on_click=open_tab, args=("sd", "versus")
    )


def _pick(gans: list, owns: list) -> tuple:
    """The two runs; at first the newest diffusion run and the newest GAN run on the same data."""
    own_titles = {info.id: info.title for info in owns}
    gan_titles = {info.id: f"{info.title} · {info.step}/{info.iterations}" for info in gans}
    if st.session_state.get("vs_own") not in own_titles:
        st.session_state.vs_own = owns[0].id
    own = next(info for info in owns if info.id == st.session_state.vs_own)
    if st.session_state.get("vs_gan") not in gan_titles:
        alike = [info for info in gans if not versus.differences(info, own)]
        st.session_state.vs_gan = (alike or gans)[0].id
    left, right = st.columns(2)
    left.selectbox(
        tr("sd.vs.gan"), list(gan_titles), format_func=gan_titles.get, key="vs_gan", persist_state="session"
    )
    right.selectbox(
        tr("sd.vs.own"), list(own_titles), format_func=own_titles.get, key="vs_own", persist_state="session"
    )
    gan = next(info for info in gans if info.id == st.session_state.vs_gan)
    own = next(info for info in owns if info.id == st.session_state.vs_own)
    return gan, own


def _measured(gan, own) -> None:
    """The comparison of the two at their current steps: kept, running, or to start."""
    result = versus.saved(gan.id, own.id)
    name = versus.key(gan.id, own.id)
    job = next(iter(jobs.find(versus.JOB_KIND, name)), None)
    if result is None and (job is None or job.snapshot().finished):
        if job is not None and job.snapshot().error:
            show_error(job.snapshot().error)
        if st.button(tr("sd.vs.measure"), type="primary", icon=":material/compare:", key="vs_measure"):
            try:
                job = versus.start(gan.id, own.id, actor())
            except UserError as error:
                show_error(error)
                return
        st.caption(tr("sd.vs.measure_help", images=versus.IMAGES))
    if job is not None and result is None:
        watch(job, lambda snap: _progress(snap))
    if result is not None:
        _side_by_side(result, own.id)


def _progress(snap: jobs.Snapshot) -> None:
    phase = snap.info.get("phase", "loading")
    progress(snap, "vs_stop", text=tr(f"sd.vs.phase.{phase}"))


def _side_by_side(result: dict, own_id: str) -> None:
    """The two sides' pictures and figures in two columns, then the figures as one table."""
    columns = st.columns(2)
    for side, column in zip(SIDES, columns, strict=True):
        figures = result[side]
        with column:
            st.markdown(f"**{tr(f'sd.vs.side.{side}')}** · {escaped(figures['title'])}")
            picture = versus.grid(own_id, result["key"], side)
            if picture.exists():
                st.image(enlarged(_open(picture)), caption=tr("sd.vs.grid"))
    rows = [
        ("training", lambda f: tr("sd.vs.steps_in", steps=f["step"], time=duration(f["training_seconds"]))),
        ("per_image", lambda f: duration(f["seconds_per_image"])),
        ("fd", lambda f: number(f["fd"], 1)),
        (
            "accuracy",
            lambda f: (
                "—" if f["class_accuracy"] is None else tr("sd.own.percent", p=100 * f["class_accuracy"])
            ),
        ),
        (
            "coverage",
            lambda f: "—" if f.get("n_classes") is None else f"{f['modes_covered']}/{f['n_classes']}",
        ),
        ("diversity", lambda f: number(f["diversity"], 2)),
    ]
    table = {
        tr("sd.vs.figure"): [tr(f"sd.vs.row.{name}") for name, _ in rows],
        **{tr(f"sd.vs.side.{side}"): [shown(result[side]) for _, shown in rows] for side in SIDES},
    }
    st.dataframe(table, hide_index=True, width="stretch")
    st.caption(tr("sd.vs.reading"))
    ratio = result["diffusion"]["seconds_per_image"] / max(result["gan"]["seconds_per_image"], 1e-9)
    st.info(tr("sd.vs.speed", ratio=ratio), icon=":material/speed:")


def _open(path):
    from PIL import Image

    with Image.open(path) as picture:
        return picture.copy()


def _over_training(gan, own) -> None:
    """Losses over training, and the same measures of both over the images each had seen."""
    st.subheader(tr("sd.vs.over_training"))
    gan_rows, own_rows = gan_runs.metrics(gan.id), own_runs.metrics(own.id)
    left, right = st.columns(2)
    left.plotly_chart(_lines(gan_rows, ("loss_d", "loss_g"), tr("sd.vs.gan_losses"), 1), key="vs_gan_loss")
    right.plotly_chart(_lines(own_rows, ("loss",), tr("sd.vs.own_loss"), 1), key="vs_own_loss")
    st.caption(tr("sd.vs.losses_help"))
    figure = go.Figure()
    for side, rows, batch in (
        ("gan", gan_rows, gan.config["batch"] * gan.config.get("k", 1)),
        ("diffusion", own_rows, own.config["batch"]),
    ):
        measured = [row for row in rows if row.get("diversity") is not None]
        figure.add_scatter(
            x=[row["step"] * batch for row in measured],
            y=[row["diversity"] for row in measured],
            mode="lines+markers",
            name=tr(f"sd.vs.side.{side}"),
        )
    _layout(figure, tr("sd.vs.diversity_chart"), tr("sd.vs.images_seen"), tr("sd.vs.row.diversity"))
    st.plotly_chart(figure, key="vs_diversity")
    _snapshots(gan, own)


def _lines(rows: list[dict], series: tuple[str, ...], title: str, scale: int) -> go.Figure:
    figure = go.Figure()
    for name in series:
        figure.add_scatter(
            x=[row["step"] * scale for row in rows],
            y=[row.get(name) for row in rows],
            mode="lines",
            name=tr(f"sd.vs.series.{name}"),
        )
    _layout(figure, title, tr("sd.own.step"), tr("sd.own.loss"))
    return figure


def _layout(figure: go.Figure, title: str, x: str, y: str) -> None:
    figure.update_layout(
        title=title,
        height=CHART_HEIGHT,
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
        xaxis_title=x,
        yaxis_title=y,
        legend={"orientation": "h", "y": 1.0, "x": 0, "yanchor": "bottom"},
        font={"size": 14},
    )


def _snapshots(gan, own) -> None:
    """Both runs' sample grids at the same share of their training."""
    if not gan.samples or not own.samples:
        return
    share = st.slider(
        tr("sd.vs.share"), 0, 100, 100, 5, format="%d %%", key="vs_share", persist_state="session"
    )
    left, right = st.columns(2)
    for column, info, grid in (
        (left, gan, gan_runs.samples_at),
        (right, own, own_runs.samples_at),
    ):
        step = min(info.samples, key=lambda s: abs(s - share / 100 * info.step))
        picture = grid(info.id, step)
        if picture is not None:
            column.image(enlarged(picture), caption=tr("sd.vs.snapshot", step=step, total=info.step))
