"""Question 2 of Lab 2, which parameters affect quality: the student's own sweeps of steps, CFG,
sampler and size side by side, each a row of its pictures with their measured times and what
changed; a parameter not swept yet is one click away (the sweep runs as in the Experiments tab)."""

import streamlit as st

from services.common import jobs
from services.common.errors import UserError
from services.diffusion import evidence, samplers, sweeps
from services.diffusion.generate import GenRequest
from services.diffusion.models import ModelRef
from ui.diffusion import links
from ui.diffusion.generate import form_fields
from ui.diffusion.sweep_results import base_summary, title
from ui.feedback import show_error
from ui.format import duration, number
from ui.job_view import progress, watch
from ui.safe_text import escaped
from ui.session import actor, tr

CELLS = 8  # pictures in a row at most: the first and last always among them
SAMPLERS = 4  # samplers in a one-click sampler sweep


def draw(model: ModelRef | None) -> None:
    by_param = evidence.sweeps_by_param(actor().owner)
    running = _running()
    missing = [param for param in evidence.PARAMS if not by_param[param] and param not in running]
    for param in evidence.PARAMS:
        if param in missing:
            continue
        st.markdown(f"**{tr(f'sd.param.{param}')}**")
        if param in running:
            stop_key = f"sd_qa_sweep_stop_{param}"
            watch(running[param], lambda snap, key=stop_key: progress(snap, key, text=tr("sd.qa.sweeping")))
        else:
            _sweep_row(param, by_param[param])
    if missing:
        _one_click(missing, model)
    st.caption(tr("sd.qa.sweeps_help"))


def _sweep_row(param: str, metas: list[dict]) -> None:
    """The picked sweep of ``param`` (the newest at first): its pictures with times, and what changed."""
    names = {meta["id"]: title(meta) for meta in metas}
    sweep_id = metas[0]["id"]
    if len(metas) > 1:
        sweep_id = st.selectbox(
            tr("sd.qa.which_sweep"), list(names), format_func=names.get, key=f"sd_qa_sweep_{param}"
        )
    try:
        sweep = sweeps.load(sweep_id)
    except UserError as error:
        show_error(error)
        return
    table = sweep.table
    shown = _spread_out(list(range(len(table))), CELLS)
    for column, index in zip(st.columns(len(shown)), shown, strict=True):
        row = table.iloc[index]
        column.image(
            str(row["path"]), width="stretch", caption=f"{escaped(row['x'])} · {duration(row['seconds'])}"
        )
    change = evidence.change(table)
    st.caption(
        tr(
            "sd.qa.changed",
            param=tr(f"sd.param.{param}"),
            first=escaped(change["first"]),
            last=escaped(change["last"]),
            first_time=duration(change["first_seconds"]),
            last_time=duration(change["last_seconds"]),
            ratio=number(change["ratio"], 1),
            base=escaped(base_summary(sweep.meta["base"])),
            model=escaped(sweep.meta["model"]),
        )
    )


def _one_click(params: list[str], model: ModelRef | None) -> None:
    """The parameters not swept yet: a sweep of each with txt2img's settings, where the model can vary it."""
    st.caption(tr("sd.qa.no_sweep", params=", ".join(tr(f"sd.param.{param}") for param in params)))
    buttons = st.container(horizontal=True)
    for param in params:
        reason = _cannot(param, model)
        clicked = buttons.button(
            tr("sd.qa.sweep_go", param=tr(f"sd.param.{param}")),
            icon=":material/science:",
            key=f"sd_qa_sweep_go_{param}",
            disabled=reason is not None,
            help=reason,
        )
        if clicked and model is not None:
            try:
                job = _start(param, model)
            except UserError as error:
                show_error(error)
                return
            st.query_params[links.SWEEP] = job.id  # the Experiments tab shows it too
            st.rerun()


def _start(param: str, model: ModelRef) -> jobs.Job:
    base = GenRequest(**form_fields("t2i", model))
    if param == "sampler":  # an X/Y grid with one axis: the model's first samplers
        names = ", ".join((model.samplers or samplers.NAMES)[:SAMPLERS])
        return sweeps.start(model, base, "xy", names, x_param="sampler", owner=actor().owner)
    values = sweeps.default_values(param, model.is_tiny)
    return sweeps.start(model, base, param, values, owner=actor().owner)


def _cannot(param: str, model: ModelRef | None) -> str | None:
    """Why the model cannot run this sweep, or None."""
    if model is None:
        return tr("sd.model.pick_first")
    if param == "size" and model.fixed_size is not None:
        return tr("sd.qa.fixed_size", size=model.fixed_size)
    return None


def _running() -> dict[str, jobs.Job]:
    """The student's sweeps still running, by the parameter each varies."""
    found = {}
    for meta in sweeps.list_sweeps():
        job = jobs.get(meta.get("id"))
        param = evidence.swept(meta)
        if param and job is not None and not job.snapshot().finished and meta.get("owner") == actor().owner:
            found.setdefault(param, job)
    return found


def _spread_out(indices: list[int], most: int) -> list[int]:
    """Up to ``most`` of the indices, evenly, the first and the last among them."""
    if len(indices) <= most:
        return indices
    return sorted({indices[round(i * (len(indices) - 1) / (most - 1))] for i in range(most)})
