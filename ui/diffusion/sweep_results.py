"""A kept sweep as the student reads it: its title, the image grid, the time chart, the table, downloads."""

import streamlit as st

from services.common.errors import UserError
from services.diffusion import sweeps
from ui.diffusion import charts
from ui.feedback import show_error
from ui.format import duration
from ui.safe_text import escaped
from ui.session import tr

TABLE_COLUMNS = [
    "steps",
    "cfg_scale",
    "sampler",
    "width",
    "height",
    "seed",
    "seconds",
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
    if meta.get("error"):
        show_error(UserError(meta["error"]["key"], **meta["error"]["params"]))
    if table.empty:
        st.info(tr("sd.exp.no_cells"), icon=":material/info:")
        return
    if meta["warmup_seconds"] is not None:
        st.caption(tr("sd.exp.warmup", time=duration(meta["warmup_seconds"])))
    _image_grid(meta, table)
    charts.time_chart(meta, table)
    # the swept parameters have their own columns, except a style's name or a prompt replacement
    axes = {"x": meta["x_param"], "y": meta["y_param"]}
    shown = [c for c in ("x", "y") if axes[c] in ("style", "prompt_sr")] + TABLE_COLUMNS
    st.dataframe(
        table[shown].rename(columns=lambda c: param_name(axes[c]) if c in axes else tr(f"sd.col.{c}")),
        hide_index=True,
        width="stretch",
    )
    row = st.container(horizontal=True)
    row.download_button(
        tr("common.download_csv"),
        sweep.csv_bytes(),
        file_name=f"sweep-{meta['id']}.csv",
        mime="text/csv",
        key=f"csv_{meta['id']}",
        icon=":material/download:",
    )
    row.download_button(
        tr("common.download_zip"),
        sweep.zip_bytes,  # built only when clicked
        file_name=f"sweep-{meta['id']}.zip",
        mime="application/zip",
        key=f"zip_{meta['id']}",
        icon=":material/folder_zip:",
        help=tr("sd.exp.zip_help"),
    )


def title(meta: dict) -> str:
    """When, what was swept, the model, how far it got and its state, on one line."""
    when = meta["created"][:16].replace("T", " ")
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
        cfg=f"{fields['cfg_scale']:g}",
        width=fields["width"],
        height=fields["height"],
        seed=fields["seed"] if fields["seed"] >= 0 else tr("sd.random_seed"),
    )


def param_name(param: str) -> str:
    return tr(f"sd.param.{param}")


def shown_value(param: str | None, label: str) -> str:
    """A swept value as the student reads it: style names are translated."""
    return tr(f"sd.style.{label}") if param == "style" else label


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
