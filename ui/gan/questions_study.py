"""Question 3 of Lab 1, which hyperparameters affect quality: the student's runs, each judged at the
end of its training (services/gan/quality.py), plotted against the setting they pick: the probe's
Fréchet distance and the class coverage. With too few runs to compare, one click starts short runs
that each change one setting of a run of theirs (services/gan/presets.py)."""

import html

import plotly.graph_objects as go
import streamlit as st
from plotly.subplots import make_subplots

from services.common import jobs
from services.common.errors import UserError
from services.gan import presets, quality, runs
from ui.feedback import show_error
from ui.gan.names import rate, source_label
from ui.gan.questions_runs import chosen_run, no_run_note
from ui.job_view import progress, watch
from ui.options import labels
from ui.safe_text import escaped
from ui.session import actor, language, tr

PARAMS = ("lr_g", "lr_d", "batch", "k", "g_width", "d_width", "loss")
ENOUGH = 3  # judged runs, with at least two values of the picked setting, make a point
COLOURS = ("#3b5bdb", "#e8590c", "#2f9e44", "#c2255c", "#7048e8", "#1098ad")
POLL_S = 5.0  # training runs report every few seconds: the page looks again as often


def draw() -> None:
    mine = st.toggle(tr("gan.qa.mine_only"), value=True, key="gan_qa_mine", persist_state="session")
    listed = [info for info in runs.list_runs() if quality.judgeable(info)]
    if mine:
        listed = [info for info in listed if actor().may_manage(info.owner)]
    if not listed and chosen_run() is None:
        no_run_note("q3")
        return
    _judging(listed)
    judged = [(info, quality.judged(info)) for info in listed]
    st.fragment(_chart)([(info, found) for info, found in judged if found is not None])
    _training()


def _judging(listed: list[runs.RunInfo]) -> None:
    """The job that judges runs (watched while it works), or the button that starts it."""
    job = next(iter(jobs.find(quality.JOB_KIND)), None)
    if job is not None and not job.snapshot().finished:
        watch(
            job,
            lambda snap: progress(
                snap, "gan_qa_judge_stop", text=tr("gan.qa.judging", done=snap.done, total=snap.total)
            ),
        )
        return
    if job is not None and job.snapshot().info.get("failed"):
        for error in job.snapshot().info["failed"].values():
            show_error(error)
    waiting = [info.id for info in listed if quality.judged(info) is None]
    if waiting and st.button(
        tr("gan.qa.judge", n=len(waiting)), icon=":material/analytics:", key="gan_qa_judge", type="primary"
    ):
        quality.start(waiting, actor())
        st.rerun()
    if waiting:
        st.caption(tr("gan.qa.judge_help", images=quality.IMAGES))


def _chart(points: list[tuple[runs.RunInfo, dict]]) -> None:
    """Quality against the picked setting, one point per judged run; the contrast set when too few differ."""
    param = st.segmented_control(
        tr("gan.qa.param"),
        PARAMS,
        default="lr_g",
        required=True,
        format_func=labels("gan.qa.param"),
        key="gan_qa_param",
        persist_state="session",
    )
    values = {_value(info, param) for info, _ in points}
    if points:
        st.plotly_chart(figure(points, param), key="gan_qa_study")
        st.caption(tr("gan.qa.study_help"))
        if len({info.data for info, _ in points}) > 1:
            st.warning(tr("gan.qa.other_data"), icon=":material/warning:")
    if len(points) < ENOUGH or len(values) < 2:
        _contrasts(len(points), len(values))


def figure(points: list[tuple[runs.RunInfo, dict]], param: str) -> go.Figure:
    """Two panels: the Fréchet distance (lower is better) and the coverage of classes (or, for data
    without classes, the diversity) against ``param``; a colour per data set."""
    labelled = all(found.get("n_classes") for _, found in points)
    right = tr("gan.qa.coverage") if labelled else tr("gan.collapse.diversity")
    panels = make_subplots(rows=1, cols=2, subplot_titles=(tr("gan.qa.fd"), right), horizontal_spacing=0.12)
    sources = sorted({info.data for info, _ in points})
    for colour, data in zip(COLOURS * 3, sources, strict=False):
        mine = [(info, found) for info, found in points if info.data == data]
        x = [_value(info, param) for info, _ in mine]
        titles = [html.escape(info.title) for info, _ in mine]  # plotly reads tags in hover texts
        second = [
            found["modes_covered"] / found["n_classes"] if labelled else found["diversity"]
            for _, found in mine
        ]
        common = {
            "mode": "markers",
            "marker": {"size": 12, "color": colour},
            "text": titles,
            "name": source_label(data),
        }
        panels.add_scatter(x=x, y=[found["fd"] for _, found in mine], row=1, col=1, **common, showlegend=True)
        panels.add_scatter(x=x, y=second, row=1, col=2, **common, showlegend=False)
    axis = {"title": tr(f"gan.qa.param.{param}")}
    if param in ("lr_g", "lr_d"):
        ticks = sorted({_value(info, param) for info, _ in points})
        axis |= {"type": "log", "tickvals": ticks, "ticktext": [rate(v) for v in ticks]}
    elif param == "loss":
        axis |= {"type": "category"}
    else:
        axis |= {"type": "log", "tickvals": sorted({_value(info, param) for info, _ in points})}
    panels.update_xaxes(**axis)
    panels.update_yaxes(rangemode="tozero")
    panels.update_yaxes(
        tickformat=".0%" if labelled else None, range=(0, 1.05) if labelled else None, row=1, col=2
    )
    panels.update_traces(hovertemplate="%{text}<br>%{x}: %{y:.3f}<extra></extra>")
    panels.update_layout(
        height=360,
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        legend={"orientation": "h", "y": -0.25},
        separators=",\u00a0" if language() == "uk" else ".,",
        font={"size": 13},
    )
    return panels


def _contrasts(judged: int, values: int) -> None:
    """Too few runs to compare: start short runs that each change one setting of the picked run."""
    base = chosen_run()
    st.info(tr("gan.qa.too_few", judged=judged, values=values, enough=ENOUGH), icon=":material/info:")
    if base is None:
        return
    titles = {
        name: f"{tr('gan.qa.contrast_title')} · {tr(f'gan.qa.contrast.{name}')}" for name in presets.CONTRASTS
    }
    if st.button(
        tr("gan.qa.contrasts", n=len(presets.CONTRASTS), iterations=presets.SHORT, run=escaped(base.title)),
        icon=":material/science:",
        key="gan_qa_contrasts",
    ):
        try:
            presets.start_contrasts(base.id, actor(), titles)
        except UserError as error:
            show_error(error)
            return
        st.rerun(scope="app")  # the runs training, and the watcher that reruns when they end
    st.caption(
        tr(
            "gan.qa.contrasts_help",
            names=", ".join(titles[name].split(" · ")[-1] for name in presets.CONTRASTS),
        )
    )


def _training() -> None:
    """The student's runs still training: judged once they end; the page looks again when one does."""
    training = _my_training()
    job = jobs.get(training[0].job_id) if training else None
    if job is not None:
        watch(job, lambda snap: _training_note(), every=POLL_S)


def _training_note() -> None:
    training = _my_training()
    steps, total = sum(info.step for info in training), sum(info.iterations for info in training)
    st.caption(tr("gan.qa.training", n=len(training), steps=steps, total=total))


def _my_training() -> list[runs.RunInfo]:
    return [info for info in runs.list_runs() if info.job_id and actor().may_manage(info.owner)]


def _value(info: runs.RunInfo, param: str):
    value = info.config[param]
    return tr(f"gan.loss_short.{value}") if param == "loss" else value
