"""A kept sweep as the student reads it: its title, how it ended, the image grid, the time chart, the table,
downloads."""

import streamlit as st

from services.common.errors import UserError
from services.diffusion import sweeps
from ui.diffusion import charts
from ui.feedback import show_error
from ui.format import duration, number
from ui.safe_text import escaped, escaped_params
from ui.session import tr

TABLE_COLUMNS = [
    "steps",
    "cfg_scale",
    "sampler",
    "width",
    "height",
    "seed",
    "seconds",
    "spread",
    "seconds_per_step",
    "prompt",
]


def show(sweep: sweeps.Sweep) -> None:
    meta, table = dict(sweep.meta), sweep.table.copy()
    for axis in ("x", "y"):
        param = meta[f"{axis}_param"]
        meta[f"{axis}_labels"] = [shown_value(param, v) for v in meta[f"{axis}_labels"]]
        table[axis] = [shown_value(param, v) if isinstance(v, str) else v for v in table[axis]]
    st.subheader(escaped(title(meta)))
    st.caption(tr("sd.exp.base", summary=escaped(base_summary(meta["base"]))))
    _how_it_ended(meta)
    if table.empty:
        st.info(tr("sd.exp.no_cells"), icon=":material/info:")
        return
    if meta["warmup_seconds"] is not None:
        st.caption(tr("sd.exp.warmup", time=duration(meta["warmup_seconds"])))
    _image_grid(meta, table)
    charts.time_chart(meta, table)
    _table(meta, table)
    row = st.container(horizontal=True)
    row.download_button(
        tr("common.download_csv"),
        sweep.csv_bytes(),
        file_name=f"sweep-{meta['id']}.csv",
        mime="text/csv",
        key=f"csv_{meta['id']}",
        icon=":material/download:",
    )
    # the archive itself, not a function that builds it on the click: Streamlit forgets such a
    # function at the page's next run, and a click in between downloaded nothing; the same files
    # give the same bytes, so the link the browser holds stays valid however often the page runs
    row.download_button(
        tr("common.download_zip"),
        sweep.zip_bytes(),
        file_name=f"sweep-{meta['id']}.zip",
        mime="application/zip",
        key=f"zip_{meta['id']}",
        icon=":material/folder_zip:",
        help=tr("sd.exp.zip_help"),
    )


def title(meta: dict) -> str:
    """When, what was swept, the model, how far it got and its state, on one line."""
    when = meta["created"][:19].replace("T", " ")  # to the second: two sweeps of one minute differ
    what = tr(f"sd.exp.kind.{meta['kind']}")
    if meta["kind"] == "xy" and meta["y_param"]:
        what += f" ({param_name(meta['x_param'])} × {param_name(meta['y_param'])})"
    state = tr(f"sd.state.{meta['state']}")
    return f"{when} · {what} · {meta['model']} · {meta['cells_done']}/{meta['cells_total']} · {state}"


def base_summary(fields: dict) -> str:
    """The settings every cell shares, from GenRequest fields."""
    return tr(
        "sd.exp.summary",
        prompt=fields["prompt"][:80],
        sampler=fields["sampler"],
        steps=fields["steps"],
        cfg=float(fields["cfg_scale"]),
        width=fields["width"],
        height=fields["height"],
        seed=fields["seed"] if fields["seed"] >= 0 else tr("sd.random_seed"),
    )


def param_name(param: str) -> str:
    return tr(f"sd.param.{param}")


def shown_value(param: str | None, label: str) -> str:
    """A swept value as the student reads it: style names are translated."""
    return tr(f"sd.style.{label}") if param == "style" else label


def _how_it_ended(meta: dict) -> None:
    """A sweep that did not simply finish says so: failed, stopped, cut by a restart, or some images failed."""
    done, total = meta["cells_done"], meta["cells_total"]
    state = meta["state"]
    if state == "failed":
        error = meta.get("error")
        if error:
            show_error(UserError(error["key"], **error["params"]))
        else:
            st.error(tr("sd.exp.failed"), icon=":material/error:")
    elif state == "cancelled":
        st.info(tr("sd.exp.stopped", done=done, total=total), icon=":material/stop_circle:")
    elif state == "interrupted":
        st.warning(tr("sd.exp.cut", done=done, total=total), icon=":material/restart_alt:")
    failed = meta["failed_cells"]
    if failed and state != "failed":
        lines = [tr("sd.exp.cells_failed", n=len(failed), total=total)]
        for (key, _), cells in _by_reason(failed).items():
            which = ", ".join(_cell_name(meta, cell) for cell in cells)
            lines.append(f"- {which}: {tr(key, **escaped_params(cells[0]['params']))}")
        st.warning("\n".join(lines), icon=":material/warning:")


def _by_reason(failed: list[dict]) -> dict[tuple, list[dict]]:
    reasons: dict[tuple, list[dict]] = {}
    for cell in failed:
        reasons.setdefault((cell["key"], repr(sorted(cell["params"].items()))), []).append(cell)
    return reasons


def _cell_name(meta: dict, cell: dict) -> str:
    """ "Steps: 10", or "Steps: 10 · CFG Scale: 7" in a grid."""
    names = [f"{param_name(meta['x_param'])}: {escaped(shown_value(meta['x_param'], cell['x']))}"]
    if cell.get("y") is not None:
        names.append(f"{param_name(meta['y_param'])}: {escaped(shown_value(meta['y_param'], cell['y']))}")
    return " · ".join(names)


def _table(meta: dict, table) -> None:
    """The finished cells, numbers written the reader's way; the CSV download keeps them raw."""
    # the swept parameters have their own columns, except a style's name or a prompt replacement
    axes = {"x": meta["x_param"], "y": meta["y_param"]}
    shown = [c for c in ("x", "y") if axes[c] in ("style", "prompt_sr")] + TABLE_COLUMNS
    table = table.assign(
        cfg_scale=[number(v) for v in table["cfg_scale"]],
        seconds=[duration(v) for v in table["seconds"]],
        spread=[
            tr("sd.chart.range", low=duration(lo), high=duration(hi))
            for lo, hi in zip(table["seconds_min"], table["seconds_max"], strict=True)
        ],
        seconds_per_step=[duration(v) for v in table["seconds_per_step"]],
        seed=[str(v) for v in table["seed"]],
    )
    st.dataframe(
        table[shown].rename(columns=lambda c: param_name(axes[c]) if c in axes else tr(f"sd.col.{c}")),
        hide_index=True,
        width="stretch",
    )


def _image_grid(meta: dict, table) -> None:
    """The images as A1111's X/Y plot: columns are X values, rows are Y values."""
    x_name = param_name(meta["x_param"])
    rows = [None] if not meta["y_param"] else meta["y_labels"]
    width = min(max(len(meta["x_labels"]), 5), 8)  # a short strip keeps thumbnails small
    for y_label in rows:
        part = table if y_label is None else table[table["y"] == y_label]
        if y_label is not None:
            st.markdown(f"**{param_name(meta['y_param'])}: {escaped(y_label)}**")
        cells = list(part.itertuples())
        for start in range(0, len(cells), width):
            for col, row in zip(st.columns(width), cells[start : start + width], strict=False):
                col.image(
                    str(row.path),
                    caption=f"{x_name}: {escaped(row.x)} · {duration(row.seconds)}",
                    width="stretch",
                )
