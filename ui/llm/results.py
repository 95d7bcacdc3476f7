"""A comparison's answers side by side, its table, charts and downloads: the same for a live run and the history."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import streamlit as st

from services.llm import checks, matrix, tasks
from ui.safe_text import answer, escaped, escaped_params
from ui.session import language, tr

if TYPE_CHECKING:
    import pandas as pd

# Material icons, not emoji: they render on every machine, projectors and bare Linux included.
STATUS_ICON = {
    matrix.WAITING: ":gray[:material/hourglass_empty:]",
    matrix.RUNNING: ":blue[:material/edit_note:]",
    matrix.DONE: ":green[:material/check_circle:]",
    matrix.ERROR: ":red[:material/error:]",
    matrix.CANCELLED: ":gray[:material/stop_circle:]",
}
PASSED = {True: ":green[:material/check_circle:]", False: ":red[:material/cancel:]", None: ":material/info:"}
PER_ROW = 4  # answers side by side


# --- names --------------------------------------------------------------------------------------


def dim_label(dim: str, value) -> str:
    """A value of a matrix axis by its name in this session's language."""
    if dim == "task":
        return tr(f"llm.task.{value}")
    if dim == "level":
        return tr(f"llm.level.{value}")
    if dim == "style":
        return tr(f"llm.style.{value}")
    if dim == "lang":
        return tasks.language_name(value, language())
    if dim == "temperature":
        return tr("llm.temperature_value", value=float(value))
    return str(value)


def cell_label(cell: dict, dims: list[str]) -> str:
    return " · ".join(dim_label(d, cell[d]) for d in dims) or cell["label"]


def error_text(error: dict) -> str:
    """An error's text; its details (a server's message) are shown as written, not as Markdown."""
    return tr(error["key"], **escaped_params(error["params"]))


def metrics_line(cell: dict) -> str:
    if cell["latency_s"] is None:
        return ""
    approx = "≈" if cell["tokens_estimated"] else ""
    parts = [
        tr("llm.m.latency", s=cell["latency_s"]),
        tr("llm.m.ttft", s=cell["ttft_s"] or 0),
        tr("llm.m.tokens", tin=f"{approx}{cell['tokens_in']}", tout=f"{approx}{cell['tokens_out']}"),
    ]
    if cell["tokens_per_s"]:
        parts.append(tr("llm.m.speed", v=cell["tokens_per_s"]))
    parts.append(tr("llm.m.words", n=cell["words"]))
    if cell["finish_reason"] == "length":
        parts.append(tr("llm.m.cut"))
    return " · ".join(parts)


def checks_line(cell: dict) -> str:
    parts = []
    if not checks.detectable(cell["expected_lang"]):
        parts.append(
            f"{PASSED[None]} "
            + tr("llm.check.lang_unchecked", language=dim_label("lang", cell["expected_lang"]))
        )
    elif cell["detected_lang"] is None:
        parts.append(tr("llm.check.lang_unknown"))
    else:
        mark = PASSED[cell["lang_ok"]]
        parts.append(f"{mark} " + tr("llm.check.lang", language=dim_label("lang", cell["detected_lang"])))
    if cell["check"]:
        mark = PASSED[cell["check"]["passed"]]
        parts.append(f"{mark} " + tr(cell["check"]["key"], **escaped_params(cell["check"]["params"])))
    return " · ".join(parts)


def record_state(record: dict) -> None:
    """How a saved comparison ended, where it did not simply finish."""
    state = record.get("state", matrix.DONE)
    if state == matrix.INTERRUPTED:
        done = sum(cell["status"] == matrix.DONE for cell in record["cells"])
        st.warning(
            tr("llm.state.interrupted", done=done, total=len(record["cells"])), icon=":material/power_off:"
        )
    elif state == matrix.FAILED:
        st.error(tr("llm.state.failed"), icon=":material/error:")
    elif state == matrix.CANCELLED:
        st.info(tr("job.cancelled"), icon=":material/stop_circle:")


# --- the answers --------------------------------------------------------------------------------


def answers_grid(record: dict) -> None:
    """One bordered column per cell, four to a row, text streaming in."""
    dims = matrix.varying(record) or ["label"]
    cells = record["cells"]
    per_row = min(PER_ROW, len(cells))
    for start in range(0, len(cells), per_row):
        for column, cell in zip(st.columns(per_row), cells[start : start + per_row], strict=False):
            with column.container(border=True):
                answer_card(cell, dims)


def answer_card(cell: dict, dims: list[str]) -> None:
    st.markdown(f"{STATUS_ICON[cell['status']]} **{escaped(cell_label(cell, dims))}**")
    if cell["error"] and not cell["text"]:  # nothing to read: the reason only
        st.error(error_text(cell["error"]), icon=":material/error:")
        return
    box = st.container(height=260, border=False)
    if cell["text"]:
        box.markdown(answer(cell["text"]))  # the model's formatting, but no image it names is fetched
    elif cell["status"] == matrix.WAITING:
        box.caption(tr("llm.waiting"))
    if cell["error"]:
        st.error(error_text(cell["error"]), icon=":material/error:")
    if cell["status"] == matrix.DONE:
        st.caption(metrics_line(cell))
        st.caption(checks_line(cell))


# --- a finished comparison ----------------------------------------------------------------------


def rounded(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)


def results_table(record: dict) -> pd.DataFrame:
    import pandas as pd  # lazy, like plotly below: the lab's first page has no results yet (~0.5 s)

    rows = []
    for cell in record["cells"]:
        rows.append(
            {
                tr("llm.col.task"): dim_label("task", cell["task"]),
                tr("llm.col.level"): dim_label("level", cell["level"]),
                tr("llm.col.style"): dim_label("style", cell["style"]),
                tr("llm.col.lang"): dim_label("lang", cell["lang"]),
                tr("llm.col.model"): cell["label"],
                tr("llm.col.temperature"): cell["temperature"],
                tr("llm.col.latency"): rounded(cell["latency_s"], 2),
                tr("llm.col.ttft"): rounded(cell["ttft_s"], 2),
                tr("llm.col.tokens_in"): cell["tokens_in"],
                tr("llm.col.tokens_out"): cell["tokens_out"],
                tr("llm.col.estimated"): cell["tokens_estimated"],
                tr("llm.col.speed"): rounded(cell["tokens_per_s"], 1),
                tr("llm.col.words"): cell["words"],
                tr("llm.col.detected"): dim_label("lang", cell["detected_lang"])
                if cell["detected_lang"]
                else "",
                tr("llm.col.lang_ok"): cell["lang_ok"],
                tr("llm.col.check"): tr(cell["check"]["key"], **cell["check"]["params"])
                if cell["check"]
                else "",
                tr("llm.col.status"): error_text(cell["error"])
                if cell["error"]
                else tr(f"llm.status.{cell['status']}"),
                tr("llm.col.answer"): cell["text"],
            }
        )
    return pd.DataFrame(rows)


def charts(record: dict) -> None:
    done = [c for c in record["cells"] if c["status"] == matrix.DONE]
    if not done:
        return
    import plotly.express as px
    import plotly.graph_objects as go

    dims = matrix.varying(record) or ["label"]
    labels = [cell_label(c, dims) for c in done]
    groups = [dim_label(dims[0], c[dims[0]]) for c in done]  # bars coloured by the first varying axis
    timing = go.Figure(
        [
            go.Bar(name=tr("llm.chart.ttft"), x=labels, y=[c["ttft_s"] or 0 for c in done]),
            go.Bar(
                name=tr("llm.chart.rest"), x=labels, y=[c["latency_s"] - (c["ttft_s"] or 0) for c in done]
            ),
        ]
    )
    timing.update_layout(
        barmode="stack",
        title=tr("llm.chart.time"),
        yaxis_title=tr("llm.chart.seconds"),
        legend={"orientation": "h", "y": -0.25},
        margin={"t": 50},
    )
    speed = px.bar(
        x=labels,
        y=[c["tokens_per_s"] or 0 for c in done],
        color=groups,
        title=tr("llm.chart.speed"),
        labels={"x": "", "y": tr("llm.chart.tok_s"), "color": ""},
    )
    length = px.bar(
        x=labels,
        y=[c["words"] for c in done],
        color=groups,
        title=tr("llm.chart.length"),
        labels={"x": "", "y": tr("llm.chart.words"), "color": ""},
    )
    for figure in (speed, length):
        figure.update_layout(showlegend=False, margin={"t": 50})
    c1, c2, c3 = st.columns(3)
    c1.plotly_chart(timing, key=f"llm_time_{record['id']}")
    c2.plotly_chart(speed, key=f"llm_speed_{record['id']}")
    c3.plotly_chart(length, key=f"llm_length_{record['id']}")


def results(record: dict) -> None:
    """Charts, the table and downloads of a finished comparison."""
    charts(record)
    if any(c["tokens_estimated"] for c in record["cells"]):
        st.caption(tr("llm.estimated_note"))
    table = results_table(record)
    st.dataframe(table.drop(columns=[tr("llm.col.answer")]), hide_index=True, key=f"llm_table_{record['id']}")
    d1, d2, _ = st.columns([1, 1, 4])
    d1.download_button(
        tr("common.download_csv"),
        table.to_csv(index=False).encode("utf-8"),
        file_name=f"llm-{record['id']}.csv",
        mime="text/csv",
        icon=":material/download:",
        key=f"llm_csv_{record['id']}",
    )
    d2.download_button(
        tr("common.download_json"),
        json.dumps(record, ensure_ascii=False, indent=1),
        file_name=f"llm-{record['id']}.json",
        mime="application/json",
        icon=":material/data_object:",
        key=f"llm_json_{record['id']}",
    )
