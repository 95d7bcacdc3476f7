"""Lab 3: the same tasks through different prompt styles, languages, models and temperatures, side by side."""

import json
import os
from datetime import datetime

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
import streamlit as st
from streamlit.errors import StreamlitSecretNotFoundError

import i18n
from services.common import jobs
from services.common.errors import UserError
from services.llm import attention as llm_attention
from services.llm import checks as llm_checks
from services.llm import history as llm_history
from services.llm import local_server as llm_server
from services.llm import matrix as llm
from services.llm import tasks as llm_tasks
from ui.feedback import show_error
from ui.job_view import progress as job_progress
from ui.session import language, tr, variant

JOB_PARAM = "llm_job"
EXTRA_LANGS = ("de", "fr", "es", "it", "pl")  # offered; the student may type any other
TEMPERATURES = (0.0, 0.2, 0.5, 0.7, 1.0, 1.3)
# Material icons, not emoji: they render on every machine, projectors and bare Linux included.
STATUS_ICON = {
    llm.WAITING: ":gray[:material/hourglass_empty:]",
    llm.RUNNING: ":blue[:material/edit_note:]",
    llm.DONE: ":green[:material/check_circle:]",
    llm.ERROR: ":red[:material/error:]",
    llm.CANCELLED: ":gray[:material/stop_circle:]",
}
PASSED = {True: ":green[:material/check_circle:]", False: ":red[:material/cancel:]", None: ":material/info:"}

lang = language()


def option_labels(prefix: str):
    """A format_func for option codes; binds the language now, as widgets may call it outside a run."""
    return lambda value: i18n.t(f"{prefix}.{value}", lang)


def language_label(value: str) -> str:
    """A format_func for the languages: a code, or whatever the student typed, by its name."""
    return llm_tasks.language_name(llm_tasks.language_code(value), lang)


def secrets() -> dict:
    try:
        return dict(st.secrets)
    except StreamlitSecretNotFoundError:
        return {}


# --- labels -------------------------------------------------------------------------------------


def dim_label(dim: str, value) -> str:
    if dim == "task":
        return tr(f"llm.task.{value}")
    if dim == "lang":
        return llm_tasks.language_name(value, lang)
    if dim in ("level", "style"):
        return tr(f"llm.{dim}.{value}")
    if dim == "temperature":
        return tr("llm.temperature_value", value=f"{value:g}")
    return str(value)


def cell_label(cell: dict, dims: list[str]) -> str:
    return " · ".join(dim_label(d, cell[d]) for d in dims) or cell["label"]


def error_text(error: dict) -> str:
    return tr(error["key"], **error["params"])


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
    if not llm_checks.detectable(cell["expected_lang"]):
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
        parts.append(f"{mark} " + tr(cell["check"]["key"], **cell["check"]["params"]))
    return " · ".join(parts)


# --- where answers come from ----------------------------------------------------------------------


def endpoint_settings() -> list[llm.Endpoint]:
    """The models to compare: the local one and/or models of an OpenAI-compatible server."""
    found = llm.configured(secrets(), os.environ)
    endpoints = []
    local_ok = llm_server.available()
    left, right = st.columns([2, 3])
    with left.container(border=True):
        st.markdown(f"**{tr('llm.local.title')}**")
        use_local = st.toggle(
            tr("llm.local.use", model=llm_server.MODEL_NAME),
            value=local_ok and not found,
            disabled=not local_ok,
            key="llm_use_local",
            help=tr("llm.local.help"),
        )
        if not local_ok:
            st.info(tr("llm.local.absent_help"), icon=":material/key:")
        elif use_local:
            endpoints.append(llm.local_endpoint())
            st.caption(tr(llm_server.status_key()))
    with right.container(border=True):
        st.markdown(f"**{tr('llm.remote.title')}**")
        use_remote = st.toggle(tr("llm.remote.use"), value=bool(found) or not local_ok, key="llm_use_remote")
        if use_remote:
            url_col, key_col = st.columns(2)
            base_url = url_col.text_input(
                tr("llm.remote.base_url"),
                found.get("base_url", llm.DEFAULT_BASE_URL),
                key="llm_base_url",
                help=tr("llm.remote.base_url_help"),
            )
            typed_key = key_col.text_input(
                tr("llm.remote.api_key"),
                type="password",
                key="llm_api_key",
                help=tr("llm.remote.api_key_help"),
                placeholder=tr("llm.remote.key_from_settings") if found.get("api_key") else "",
            )
            models_col, conc_col = st.columns([3, 1])
            models = models_col.text_input(
                tr("llm.remote.models"),
                found.get("model", llm.DEFAULT_MODEL),
                key="llm_models",
                help=tr("llm.remote.models_help"),
            )
            concurrency = conc_col.number_input(
                tr("llm.remote.concurrency"),
                1,
                16,
                llm.REMOTE_CONCURRENCY,
                key="llm_concurrency",
                help=tr("llm.remote.concurrency_help"),
            )
            api_key = typed_key.strip() or found.get("api_key", "")
            try:
                url = llm.check_base_url(base_url)
                names = [m.strip() for m in models.split(",") if m.strip()]
                endpoints += [llm.Endpoint(name, url, api_key, int(concurrency)) for name in names]
                if st.button(tr("llm.remote.test"), key="llm_test", icon=":material/cable:"):
                    available = llm.list_models(llm.Endpoint(names[0] if names else "", url, api_key))
                    st.success(tr("llm.remote.ok", count=len(available), models=", ".join(available[:8])))
            except UserError as error:
                show_error(error)
    return endpoints


# --- what to ask ----------------------------------------------------------------------------------


def matrix_settings(endpoints: list[llm.Endpoint]) -> llm.Matrix:
    mine = variant().number
    st.subheader(tr("llm.experiment"))
    c1, c2, c3 = st.columns(3)
    tasks = c1.multiselect(
        tr("llm.tasks"),
        [t.number for t in llm_tasks.TASKS],
        default=[mine],
        format_func=lambda n: f"{n}. {i18n.t(f'llm.task.{n}', lang)}",
        key="llm_tasks",
        help=tr("llm.tasks_help", number=mine),
    )
    levels = c1.multiselect(
        tr("llm.levels"),
        llm_tasks.LEVELS,
        default=["easy"],
        format_func=option_labels("llm.level"),
        key="llm_levels",
    )
    styles = c2.multiselect(
        tr("llm.styles"),
        llm_tasks.STYLES,
        default=["plain", "role"],
        format_func=option_labels("llm.style"),
        key="llm_styles",
        help=tr("llm.styles_help"),
    )
    chosen_languages = c2.multiselect(
        tr("llm.languages"),
        [*llm_tasks.BUILTIN_LANGS, *EXTRA_LANGS],
        default=list(llm_tasks.BUILTIN_LANGS),
        format_func=language_label,
        key="llm_languages",
        help=tr("llm.languages_help"),
        placeholder=tr("llm.languages_placeholder"),
        accept_new_options=True,  # "pt", "Portuguese", "португальська", or a language the app has no name for
    )
    languages = list(dict.fromkeys(filter(None, map(llm_tasks.language_code, chosen_languages))))
    temperatures = c3.multiselect(
        tr("llm.temperatures"),
        TEMPERATURES,
        default=[0.7],
        key="llm_temperatures",
        help=tr("llm.temperatures_help"),
    )
    max_tokens = c3.number_input(
        tr("llm.max_tokens"), 8, 4096, 200, step=8, key="llm_max_tokens", help=tr("llm.max_tokens_help")
    )
    custom_style = ""
    if "custom" in styles:
        custom_style = st.text_area(
            tr("llm.custom_style"),
            key="llm_custom_style",
            placeholder=tr("llm.custom_style_placeholder"),
            help=tr("llm.custom_style_help"),
        )
    pairs = [(number, level) for number in tasks for level in levels]
    prompts = {}
    for code in (c for c in languages if c not in llm_tasks.BUILTIN_LANGS):
        prompts[code] = {}
        for number, level in pairs:
            prompts[code][f"{number}:{level}"] = st.text_area(
                tr(
                    "llm.custom_prompt",
                    language=dim_label("lang", code),
                    task=number,
                    level=tr(f"llm.level.{level}"),
                ),
                key=f"llm_prompt_{code}_{number}_{level}",
                placeholder=llm_tasks.task(number).text(level, "en"),
                help=tr("llm.custom_prompt_help"),
            )
    with st.expander(tr("llm.params"), icon=":material/tune:"):
        system_prompt = st.text_area(
            tr("llm.system_prompt"), key="llm_system", help=tr("llm.system_prompt_help")
        )
        p1, p2, p3 = st.columns(3)
        top_p = p1.slider(tr("llm.top_p"), 0.05, 1.0, 1.0, 0.05, key="llm_top_p", help=tr("llm.top_p_help"))
        fixed_seed = p2.toggle(
            tr("llm.fixed_seed"), value=True, key="llm_fixed_seed", help=tr("llm.seed_help")
        )
        seed = p2.number_input(tr("common.seed"), 0, 2**31 - 1, 42, key="llm_seed", disabled=not fixed_seed)
        timeout = p3.number_input(tr("llm.timeout"), 5, 600, 120, step=5, key="llm_timeout")
    params = llm.Params(
        system_prompt, top_p, int(max_tokens), int(seed) if fixed_seed else None, float(timeout)
    )
    return llm.Matrix(pairs, styles, languages, endpoints, temperatures, params, custom_style, prompts)


def preview(matrix: llm.Matrix) -> None:
    """The exact chat messages of the first cells: what goes into the report as "the request"."""
    with st.expander(tr("llm.preview"), icon=":material/visibility:"):
        cells = matrix.cells()
        shown = {}
        for cell in cells:  # one per style and language: models and temperatures send the same text
            shown.setdefault((cell.task, cell.level, cell.style, cell.lang), cell)
        for cell in list(shown.values())[:8]:
            st.markdown(
                f"**{cell_label(cell.__dict__ | cell.endpoint.public(), ['task', 'level', 'style', 'lang'])}**"
            )
            st.code(
                "\n\n".join(f"[{m['role']}]\n{m['content']}" for m in cell.messages),
                language=None,
                wrap_lines=True,
            )


# --- showing answers ------------------------------------------------------------------------------


def answers_grid(record: dict) -> None:
    """One bordered column per cell, four to a row, text streaming in."""
    dims = llm.varying(record) or ["label"]
    cells = record["cells"]
    per_row = min(4, len(cells))
    for start in range(0, len(cells), per_row):
        for column, cell in zip(st.columns(per_row), cells[start : start + per_row], strict=False):
            with column.container(border=True):
                st.markdown(f"{STATUS_ICON[cell['status']]} **{cell_label(cell, dims)}**")
                if cell["error"] and not cell["text"]:  # nothing to read: the reason only
                    st.error(error_text(cell["error"]), icon=":material/error:")
                    continue
                box = st.container(height=260, border=False)
                if cell["text"]:
                    box.markdown(cell["text"])
                elif cell["status"] == llm.WAITING:
                    box.caption(tr("llm.waiting"))
                if cell["error"]:
                    st.error(error_text(cell["error"]), icon=":material/error:")
                if cell["status"] == llm.DONE:
                    st.caption(metrics_line(cell))
                    st.caption(checks_line(cell))


def rounded(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)


def results_table(record: dict) -> pd.DataFrame:
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


def charts(record: dict, place: str) -> None:
    done = [c for c in record["cells"] if c["status"] == llm.DONE]
    if not done:
        return
    dims = llm.varying(record) or ["label"]
    labels = [cell_label(c, dims) for c in done]
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
        color=[dim_label(dims[0], c[dims[0]]) for c in done],
        title=tr("llm.chart.speed"),
        labels={"x": "", "y": tr("llm.chart.tok_s"), "color": ""},
    )
    length = px.bar(
        x=labels,
        y=[c["words"] for c in done],
        color=[dim_label(dims[0], c[dims[0]]) for c in done],
        title=tr("llm.chart.length"),
        labels={"x": "", "y": tr("llm.chart.words"), "color": ""},
    )
    for figure in (speed, length):
        figure.update_layout(showlegend=False, margin={"t": 50})
    c1, c2, c3 = st.columns(3)
    c1.plotly_chart(timing, key=f"llm_time_{place}_{record['id']}")
    c2.plotly_chart(speed, key=f"llm_speed_{place}_{record['id']}")
    c3.plotly_chart(length, key=f"llm_length_{place}_{record['id']}")


def results(record: dict, place: str) -> None:
    """Charts, the table and downloads of a finished comparison; ``place`` keeps widget keys apart."""
    charts(record, place)
    if any(c["tokens_estimated"] for c in record["cells"]):
        st.caption(tr("llm.estimated_note"))
    table = results_table(record)
    st.dataframe(
        table.drop(columns=[tr("llm.col.answer")]), hide_index=True, key=f"llm_table_{place}_{record['id']}"
    )
    d1, d2, _ = st.columns([1, 1, 4])
    d1.download_button(
        tr("common.download_csv"),
        table.to_csv(index=False).encode("utf-8"),
        file_name=f"llm-{record['id']}.csv",
        mime="text/csv",
        icon=":material/download:",
        key=f"llm_csv_{place}_{record['id']}",
    )
    d2.download_button(
        tr("common.download_json"),
        json.dumps(record, ensure_ascii=False, indent=1),
        file_name=f"llm-{record['id']}.json",
        mime="application/json",
        icon=":material/data_object:",
        key=f"llm_json_{place}_{record['id']}",
    )


def live(job: jobs.Job) -> None:
    """The running job's columns, polled while it streams; a full rerun shows the results once."""
    running = not job.snapshot().finished

    @st.fragment(run_every=0.5 if running else None)
    def stream():
        snap = job.snapshot()
        job_progress(snap, "llm_cancel")
        comparison = snap.info.get("comparison")
        if comparison is not None:
            answers_grid(comparison.record())
        if running and snap.finished:
            st.rerun()

    stream()
    snap = job.snapshot()
    if snap.finished and isinstance(snap.result, dict):
        results(snap.result, "live")


# --- the page -------------------------------------------------------------------------------------

st.title(tr("llm.title"))
st.caption(tr("llm.intro"))
compare_tab, history_tab, theory_tab = st.tabs(
    [tr("llm.tab.compare"), tr("llm.tab.history"), tr("llm.tab.theory")]
)

with compare_tab:
    endpoints = endpoint_settings()
    matrix = matrix_settings(endpoints)
    job = jobs.get(st.query_params.get(JOB_PARAM))
    busy = job is not None and not job.snapshot().finished
    try:
        preview(matrix)  # builds every cell: a matrix that cannot run says why here
        ready = True
    except UserError as error:
        show_error(error)
        ready = False
    label = tr("llm.run", cells=matrix.size)
    if st.button(
        label, type="primary", icon=":material/play_arrow:", disabled=busy or not ready, key="llm_run"
    ):
        title = tr("llm.record_title", task=", ".join(str(n) for n, _ in matrix.tasks), cells=matrix.size)
        job = llm.start(matrix, title)
        st.query_params[JOB_PARAM] = job.id
    if job is not None:
        live(job)

with history_tab:
    entries = llm_history.entries()
    if not entries:
        st.info(tr("llm.history.empty"), icon=":material/history:")
    else:
        chosen = st.selectbox(
            tr("llm.history.pick"),
            entries,
            key="llm_history_pick",
            format_func=lambda e: f"{datetime.fromtimestamp(e.created):%Y-%m-%d %H:%M} · {e.title}",
        )
        if st.button(tr("llm.history.delete"), icon=":material/delete:", key="llm_history_delete"):
            llm_history.delete(chosen.id)
            st.rerun()
        record = llm_history.load(chosen.id)
        if record:
            answers_grid(record)
            results(record, "history")

with theory_tab:
    with st.expander(tr("common.control_questions"), expanded=True, icon=":material/school:"):
        for n in range(1, 6):
            st.markdown(f"**{n}. {tr(f'llm.q.{n}')}**")
            st.markdown(tr(f"llm.a.{n}"))
    st.subheader(tr("llm.attn.title"))
    st.caption(tr("llm.attn.caption"))
    a1, a2, a3, a4 = st.columns([3, 1.2, 1.4, 1.8])
    sentence = a1.text_input(tr("llm.attn.sentence"), tr("llm.attn.default_sentence"), key="llm_attn_text")
    heads = a2.select_slider(tr("llm.attn.heads"), [1, 2, 4], value=2, key="llm_attn_heads")
    causal = a3.toggle(tr("llm.attn.causal"), value=True, key="llm_attn_causal")
    positional = a4.toggle(tr("llm.attn.positional"), value=True, key="llm_attn_pe")
    tokens = sentence.split()[:12]
    if len(tokens) >= 2:
        weights = llm_attention.attention_weights(tokens, heads=heads, causal=causal, positional=positional)
        for column, (h, w) in zip(st.columns(heads), enumerate(weights), strict=True):
            figure = px.imshow(
                w,
                x=tokens,
                y=tokens,
                zmin=0,
                zmax=1,
                color_continuous_scale="Blues",
                text_auto=".2f",
                title=tr("llm.attn.head", n=h + 1),
                labels={"x": tr("llm.attn.keys"), "y": tr("llm.attn.queries")},
            )
            figure.update_layout(coloraxis_showscale=False, margin={"t": 50})
            column.plotly_chart(figure, key=f"llm_attn_{h}")
