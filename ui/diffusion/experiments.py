"""The Experiments tab: the manual's sweeps (steps, prompt style, size, CFG) and a free X/Y grid, run from
txt2img's settings, with the sweeps kept from before."""

import streamlit as st

from services.common import jobs
from services.common.errors import UserError
from services.diffusion import generate, presets, samplers, sweeps
from services.diffusion.models import ModelRef
from ui.diffusion import links, sweep_results
from ui.diffusion.generate import form_fields
from ui.feedback import show_error
from ui.format import duration
from ui.job_view import progress, watch
from ui.options import labels
from ui.safe_text import escaped
from ui.session import actor, tr


def tab(ref: ModelRef) -> None:
    kind = st.segmented_control(
        tr("sd.exp.kind"),
        sweeps.KINDS,
        default="steps",
        required=True,
        format_func=labels("sd.exp.kind"),
        key="exp_kind",
        persist_state="session",
    )
    st.caption(tr(f"sd.exp.about.{kind}"))
    x_param = y_param = y_values = None
    if kind == "xy":
        a, b = st.columns(2)
        x_param = a.selectbox(
            tr("sd.exp.x"),
            sweeps.PARAMS,
            format_func=labels("sd.param"),
            key="exp_xp",
            persist_state="session",
        )
        with a:
            values = _values(x_param, ref, f"exp_xv_{x_param}", tr("sd.exp.x_values"))
        y_param = b.selectbox(
            tr("sd.exp.y"),
            sweeps.PARAMS,
            index=1,
            format_func=labels("sd.param"),
            key="exp_yp",
            persist_state="session",
        )
        with b:
            y_values = _values(y_param, ref, f"exp_yv_{y_param}", tr("sd.exp.y_values"))
    else:
        label = tr("sd.exp.styles") if kind == "style" else tr("sd.exp.values")
        values = _values(kind, ref, f"exp_values_{kind}", label)
    base = form_fields("t2i", ref)  # the experiments start from txt2img's settings
    st.caption(tr("sd.exp.base", summary=escaped(sweep_results.base_summary(base))))
    repeats = st.number_input(
        tr("sd.exp.repeats"),
        1,
        sweeps.MAX_REPEATS,
        sweeps.REPEATS,
        key="exp_repeats",
        help=tr("sd.exp.repeats_help"),
        persist_state="session",
    )
    job = jobs.get(st.query_params.get(links.SWEEP))
    busy = job is not None and not job.snapshot().finished
    run = st.button(tr("sd.exp.run"), type="primary", key="exp_run", icon=":material/science:", disabled=busy)
    if run and not busy:
        try:
            request = generate.GenRequest(**base)
            job = sweeps.start(
                ref,
                request,
                kind,
                values,
                x_param,
                y_param,
                y_values,
                owner=actor().owner,
                repeats=int(repeats),
            )
            st.query_params[links.SWEEP] = job.id
        except UserError as error:
            show_error(_named(error))
    sweep_id = st.query_params.get(links.SWEEP)
    if job is not None:
        watch(job, _progress)
    _past_sweeps(sweep_id)
    if sweep_id and (job is None or job.snapshot().finished):
        try:
            sweep_results.show(sweeps.load(sweep_id))
        except UserError as error:
            show_error(error)


def _values(param: str, ref: ModelRef, key: str, label: str) -> str:
    """An axis's values as A1111 takes them: comma-separated, or picked from a list."""
    if param == "style":
        chosen = st.multiselect(
            label,
            list(presets.STYLES),
            default=["plain", "photo", "oil", "watercolor", "sketch", "anime", "vector"],
            format_func=labels("sd.style"),
            key=key,
            persist_state="session",
        )
        return ", ".join(chosen)
    if param == "sampler":
        chosen = st.multiselect(
            label, samplers.NAMES, default=samplers.NAMES[:3], key=key, persist_state="session"
        )
        return ", ".join(chosen)
    return st.text_input(
        label,
        sweeps.default_values(param, ref.is_tiny),
        key=key,
        help=tr(f"sd.exp.values_help.{param}"),
        persist_state="session",
    )


def _progress(snap: jobs.Snapshot) -> None:
    """Where the sweep is, with A1111's Interrupt, and the images so far, small, as they arrive."""
    progress(snap, "sweep_stop", text=_progress_text(snap), stop_label=tr("sd.interrupt"))
    if snap.finished:
        return
    sweep = sweeps.load(snap.id)
    finished = sweep.table
    if not finished.empty:
        captions = [
            f"{escaped(sweep_results.shown_value(sweep.meta['x_param'], x))} · {duration(t)}"
            for x, t in zip(finished["x"], finished["seconds"], strict=True)
        ]
        st.image([str(p) for p in finished["path"]], caption=captions, width=96)


def _progress_text(snap: jobs.Snapshot) -> str:
    info = snap.info
    cell, rounds = info.get("cell", -1), info.get("rounds", 1)
    if cell < 0:
        return tr("sd.progress.warmup")
    cells = snap.total // rounds if snap.total else 0
    if info.get("round", 1) > 1:  # the images are made; now each is timed again
        return tr("sd.progress.timing", round=info["round"], rounds=rounds, cell=cell + 1, cells=cells)
    return tr(
        "sd.progress.cell", cell=cell + 1, cells=cells, step=info.get("step", 0), steps=info.get("steps", 0)
    )


def _named(error: UserError) -> UserError:
    """A sweep's error with the parameter it names by its name on the page, not its code (``steps``)."""
    param = error.params.get("param")
    if param not in sweeps.PARAMS:
        return error
    return UserError(error.key, **error.params | {"param": tr(f"sd.param.{param}")})


def _past_sweeps(current: str | None) -> None:
    """The kept sweeps to reopen, and deleting the open one."""
    kept = sweeps.list_sweeps()
    if not kept:
        return
    ids = [m["id"] for m in kept]
    titles = {m["id"]: sweep_results.title(m) for m in kept}
    left, right = st.columns([5, 1], vertical_alignment="bottom")
    chosen = left.selectbox(
        tr("sd.exp.past"),
        ids,
        index=ids.index(current) if current in ids else None,
        format_func=titles.get,
        key=f"exp_past_{hash(tuple(titles.values()))}",  # a new widget when a title changes
        placeholder=tr("sd.exp.past_pick"),
    )
    if chosen and chosen != current:
        st.query_params[links.SWEEP] = chosen
        st.rerun()
    if current not in ids:
        return
    mine = actor().may_manage(next(m for m in kept if m["id"] == current).get("owner"))
    if right.button(
        tr("sd.exp.delete"),
        key="exp_delete",
        icon=":material/delete:",
        disabled=not mine,
        help=None if mine else tr("common.not_yours"),
    ):
        try:
            sweeps.delete(current, actor())
            del st.query_params[links.SWEEP]
            st.rerun()
        except UserError as error:
            show_error(error)
