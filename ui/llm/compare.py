"""The Compare tab: the experiment's settings, the exact requests, the run, and its answers streaming in."""

import streamlit as st

import i18n
from services.common import jobs
from services.common.errors import UserError
from services.llm import endpoints, matrix, tasks
from ui.feedback import show_error
from ui.job_view import progress, watch
from ui.llm.endpoints import endpoint_settings
from ui.llm.results import answers_grid, cell_label, dim_label, record_state, results
from ui.options import decimal, decimal_slider, labels
from ui.safe_text import escaped
from ui.session import actor, language, tr, variant

JOB_PARAM = "llm_job"  # the comparison's job in the URL: a reload finds it again
STREAM_POLL_S = 0.5  # answers stream word by word: redraw twice as often as other jobs
PREVIEWED = 8  # requests shown in the preview
START = endpoints.Params()  # where the generation parameters start


def draw() -> None:
    settings = matrix_settings(endpoint_settings())
    linked = st.query_params.get(JOB_PARAM)
    job = jobs.get(linked)
    busy = job is not None and not job.snapshot().finished
    ready = preview(settings)  # builds every cell: a matrix that cannot run says why here
    label = tr("llm.run", cells=settings.size)
    if st.button(
        label, type="primary", icon=":material/play_arrow:", disabled=busy or not ready, key="llm_run"
    ):
        title = tr("llm.record_title", task=", ".join(str(n) for n, _ in settings.tasks), cells=settings.size)
        job = matrix.start(settings, title, owner=actor().owner)
        st.query_params[JOB_PARAM] = job.id
    if job is not None:
        watch(job, streaming, every=STREAM_POLL_S)
        snap = job.snapshot()
        if snap.finished and isinstance(snap.result, dict):
            results(snap.result)
    elif linked:  # an old link: the comparison as saved, and a word if a restart cut it
        saved_comparison(linked)


def saved_comparison(comparison_id: str) -> None:
    record = matrix.recorded(comparison_id)
    if record is None:
        st.info(tr("llm.link_gone"), icon=":material/link_off:")
        return
    record_state(record)
    answers_grid(record)
    results(record)


# --- what to ask ----------------------------------------------------------------------------------


def matrix_settings(chosen: list[endpoints.Endpoint]) -> matrix.Matrix:
    """The experiment: which tasks, levels, styles, languages and temperatures, and how to sample."""
    lang = language()  # format_funcs may run outside this session's run: bind the language now
    mine = tasks_follow_variant()
    st.subheader(tr("llm.experiment"))
    c1, c2, c3 = st.columns(3)
    numbers = c1.multiselect(
        tr("llm.tasks"),
        [t.number for t in tasks.TASKS],
        format_func=lambda n: f"{n}. {i18n.t(f'llm.task.{n}', lang)}",
        key="llm_tasks",
        persist_state="session",
        help=tr("llm.tasks_help", number=mine),
    )
    levels = c1.multiselect(
        tr("llm.levels"),
        tasks.LEVELS,
        default=list(matrix.START_LEVELS),
        format_func=labels("llm.level"),
        key="llm_levels",
        persist_state="session",
    )
    styles = c2.multiselect(
        tr("llm.styles"),
        tasks.STYLES,
        default=list(matrix.START_STYLES),
        format_func=labels("llm.style"),
        key="llm_styles",
        persist_state="session",
        help=tr("llm.styles_help"),
    )
    named = c2.multiselect(
        tr("llm.languages"),
        tasks.OFFERED_LANGS,
        default=list(matrix.START_LANGUAGES),
        format_func=lambda typed: tasks.language_name(tasks.language_code(typed), lang),
        key="llm_languages",
        persist_state="session",
        help=tr("llm.languages_help"),
        placeholder=tr("llm.languages_placeholder"),
        accept_new_options=True,  # "pt", "Portuguese", "португальська", or a language the app has no name for
    )
    languages = list(dict.fromkeys(filter(None, map(tasks.language_code, named))))
    temperatures = c3.multiselect(
        tr("llm.temperatures"),
        matrix.TEMPERATURES,
        default=list(matrix.START_TEMPERATURES),
        format_func=decimal(),  # "0,7" in Ukrainian
        key="llm_temperatures",
        persist_state="session",
        help=tr("llm.temperatures_help"),
    )
    max_tokens = c3.number_input(
        tr("llm.max_tokens"),
        8,
        4096,
        START.max_tokens,
        step=8,
        key="llm_max_tokens",
        persist_state="session",
        help=tr("llm.max_tokens_help"),
    )
    custom_style = ""
    if "custom" in styles:
        custom_style = st.text_area(
            tr("llm.custom_style"),
            key="llm_custom_style",
            persist_state="session",
            placeholder=tr("llm.custom_style_placeholder"),
            help=tr("llm.custom_style_help"),
        )
    pairs = [(number, level) for number in numbers for level in levels]
    prompts = task_texts(languages, pairs)
    params = generation_params(int(max_tokens))
    return matrix.Matrix(pairs, styles, languages, chosen, temperatures, params, custom_style, prompts)


def tasks_follow_variant() -> int:
    """The student's variant: the tasks start at its task, and again whenever another variant is picked."""
    mine = variant().number
    if st.session_state.get("llm_tasks_variant") != mine:
        st.session_state.llm_tasks = [mine]
        st.session_state.llm_tasks_variant = mine
    return mine


def task_texts(languages: list[str], pairs: list[tuple[int, str]]) -> dict[str, dict[str, str]]:
    """The student's text of every task at every level in each language the app has no text in."""
    prompts = {}
    for code in (c for c in languages if c not in tasks.BUILTIN_LANGS):
        prompts[code] = {}
        for number, level in pairs:
            prompts[code][matrix.prompt_key(number, level)] = st.text_area(
                tr(
                    "llm.custom_prompt",
                    language=dim_label("lang", code),
                    task=number,
                    level=tr(f"llm.level.{level}"),
                ),
                key=f"llm_prompt_{code}_{number}_{level}",
                persist_state="session",
                placeholder=tasks.task(number).text(level, "en"),
                help=tr("llm.custom_prompt_help"),
            )
    return prompts


def generation_params(max_tokens: int) -> endpoints.Params:
    """The sampling parameters every cell shares, under an expander."""
    with st.expander(tr("llm.params"), icon=":material/tune:"):
        system_prompt = st.text_area(
            tr("llm.system_prompt"),
            key="llm_system",
            persist_state="session",
            help=tr("llm.system_prompt_help"),
        )
        p1, p2, p3 = st.columns(3)
        top_p = decimal_slider(
            tr("llm.top_p"),
            0.05,
            1.0,
            0.05,
            into=p1,
            value=START.top_p,
            key="llm_top_p",
            persist_state="session",
            help=tr("llm.top_p_help"),
        )
        fixed_seed = p2.toggle(
            tr("llm.fixed_seed"),
            value=START.seed is not None,
            key="llm_fixed_seed",
            persist_state="session",
            help=tr("llm.seed_help"),
        )
        seed = p2.number_input(
            tr("common.seed"),
            0,
            2**31 - 1,
            START.seed,
            key="llm_seed",
            persist_state="session",
            disabled=not fixed_seed,
        )
        timeout = p3.number_input(
            tr("llm.timeout"),
            5,
            600,
            int(START.timeout_s),
            step=5,
            key="llm_timeout",
            persist_state="session",
        )
    return endpoints.Params(
        system_prompt, top_p, max_tokens, int(seed) if fixed_seed else None, float(timeout)
    )


def preview(settings: matrix.Matrix) -> bool:
    """The exact chat messages of the first cells (what goes into the report as "the request");
    False, with the reason shown, for a matrix that cannot run."""
    # drawn only while open: code blocks load the browser's syntax highlighter (~0.5 s on a first open)
    box = st.expander(tr("llm.preview"), icon=":material/visibility:", key="llm_preview", on_change="rerun")
    try:
        cells = settings.cells()
    except UserError as error:
        show_error(error)
        return False
    shown = {}
    for cell in cells:  # one per style and language: models and temperatures send the same text
        shown.setdefault((cell.task, cell.level, cell.style, cell.lang), cell)
    with box:
        for cell in list(shown.values())[:PREVIEWED] if box.open else ():
            st.markdown(
                f"**{escaped(cell_label(cell.__dict__ | cell.endpoint.public(), ['task', 'level', 'style', 'lang']))}**"
            )
            st.code(
                "\n\n".join(f"[{m['role']}]\n{m['content']}" for m in cell.messages),
                language=None,
                wrap_lines=True,
            )
    return True


# --- the run --------------------------------------------------------------------------------------


def streaming(snap: jobs.Snapshot) -> None:
    """The job's progress and stop button, and its answers as they stream in."""
    progress(snap, "llm_cancel")
    comparison = snap.info.get("comparison")
    if comparison is not None:
        answers_grid(comparison.record())
