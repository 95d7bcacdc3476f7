"""The Report tab of every lab: the student's saved work, ticked, made into a DOCX, a PDF and the
programs that repeat it (services/report). One renderer for the three labs; each page adds it to
its tabs as ``"report": lambda: report.tab("<lab>")``.

    1 · what goes in      the lab's saved work with checkboxes (one's own; everybody's on request)
    2 · title page        name, group, instructor, year, institution; language; control questions
    3 · conclusions       the draft from the measured numbers, for the student to edit
    4 · the report        made as a job with a progress bar; downloads; the PDF's pages and contents
"""

from dataclasses import replace
from datetime import date, datetime

import streamlit as st

import i18n
from services.common import jobs
from services.report import Files, ReportInput, Student, Variant, collect, draft_conclusions, preview
from services.report import job as report_job
from services.report.document import Figure, Section
from services.report.scripts import zipped
from services.report.scrub import secret_values
from ui.job_view import progress, watch
from ui.safe_text import escaped
from ui.secrets import secrets
from ui.session import actor, language, tr, variant

LAB_NUMBERS = {"gan": 1, "diffusion": 2, "llm": 3}
KINDS = ("run", "generation", "sweep", "comparison")  # the order of the lists: a lab's own order
SCROLL_AFTER = 8  # pieces of work in a kind before its list scrolls
PAGE_WIDTH = 900  # px of a previewed PDF page


def tab(lab: str) -> None:
    st.caption(tr("report.ui.intro"))
    picked = _pick_work(lab)
    order = _title_page(lab, picked)
    order = _conclusions(order)
    _make(order)


# --- 1 · what goes in -----------------------------------------------------------------------------


def _pick_work(lab: str) -> tuple[collect.Saved, ...]:
    """Every piece of saved work with a checkbox, grouped by kind; returns the ticked ones."""
    st.subheader(tr("report.ui.step.work"))
    me = actor()
    everybody = st.toggle(
        tr("report.ui.everybody"),
        key=f"report_{lab}_everybody",
        persist_state="session",
        help=tr("report.ui.everybody_help"),
        disabled=me.instructor,  # an instructor sees everybody's work anyway
    )
    listed = collect.saved_work(lab, me, language(), everybody)
    if not listed:
        st.info(tr(f"report.ui.none.{lab}"), icon=":material/info:")
        return ()
    picked = []
    for kind in KINDS:
        of_kind = [saved for saved in listed if saved.kind == kind]
        if not of_kind:
            continue
        st.markdown(f"**{tr(f'report.ui.kind.{kind}')}**")
        box = st.container(height=300 if len(of_kind) > SCROLL_AFTER else "content", border=False)
        for saved in of_kind:
            if box.checkbox(_label(saved), key=f"report_pick_{lab}_{saved.id}", persist_state="session"):
                picked.append(saved)
    return tuple(picked)


def _label(saved: collect.Saved) -> str:
    when = datetime.fromtimestamp(saved.created).strftime("%Y-%m-%d %H:%M")
    parts = [escaped(saved.title), when, tr(f"report.ui.state.{saved.state}")]
    if not actor().may_manage(saved.owner):
        parts.append(f":gray[{tr('report.ui.others')}]")
    return " · ".join(parts)


# --- 2 · title page ---------------------------------------------------------------------------------


def _title_page(lab: str, picked: tuple[collect.Saved, ...]) -> report_job.Order:
    """The title page's fields (the same in every lab: typed once), the language, the questions."""
    st.subheader(tr("report.ui.step.title"))
    left, middle, right = st.columns(3)
    blank = tr("report.ui.blank_help")
    name = left.text_input(tr("report.ui.name"), key="report_name", persist_state="session", help=blank)
    group = left.text_input(tr("report.ui.group"), key="report_group", persist_state="session", help=blank)
    instructor = middle.text_input(
        tr("report.ui.instructor"), key="report_instructor", persist_state="session", help=blank
    )
    year = middle.text_input(
        tr("report.ui.year"), value=str(date.today().year), key="report_year", persist_state="session"
    )
    institution = right.text_area(
        tr("report.ui.institution"),
        key="report_institution",
        persist_state="session",
        height=122,
        help=tr("report.ui.institution_help"),
    )
    with st.container(horizontal=True, vertical_alignment="bottom"):
        lang = st.segmented_control(
            tr("report.ui.language"),
            i18n.LANGS,
            default=language(),
            required=True,
            format_func=i18n.LANG_NAMES.get,
            key=f"report_{lab}_lang",
            persist_state="session",
        )
        questions = st.checkbox(
            tr("report.ui.questions"), value=True, key=f"report_{lab}_questions", persist_state="session"
        )
    student = Student(name.strip(), group.strip(), instructor.strip(), year.strip(), institution.strip())
    return report_job.Order(
        lab, lang, student, variant().number, picked, None, questions, secret_values(secrets())
    )


# --- 3 · conclusions --------------------------------------------------------------------------------


def _conclusions(order: report_job.Order) -> report_job.Order:
    """The draft from the numbers, written into the text area when the choice changes, unless the
    student has edited it: their words are kept, and a button replaces them on request."""
    st.subheader(tr("report.ui.step.conclusions"))
    key, draft_key, basis_key = (f"report_{order.lab}_{name}" for name in ("conclusions", "draft", "basis"))
    basis = (order.lang, order.picked)
    edited = st.session_state.get(key, "").strip() not in ("", st.session_state.get(draft_key, "").strip())
    if st.session_state.get(basis_key) != basis:
        st.session_state[draft_key] = _draft(order)
        st.session_state[basis_key] = basis
        if not edited:
            st.session_state[key] = st.session_state[draft_key]
    text = st.text_area(
        tr("report.ui.conclusions"),
        key=key,
        persist_state="session",
        height=200,
        help=tr("report.ui.conclusions_help"),
    )
    if edited and text.strip() != st.session_state[draft_key].strip():
        st.caption(tr("report.ui.kept_edits"))
    st.button(
        tr("report.ui.redraft"),
        key=f"report_{order.lab}_redraft",
        icon=":material/refresh:",
        on_click=_redraft,
        args=(order, key, draft_key),
    )
    return replace(order, conclusions=text.strip() or None)


def _draft(order: report_job.Order) -> str:
    """The conclusions drafted from the ticked work's numbers (no pictures read: seconds, not minutes)."""
    items = collect.items(list(order.picked), order.lang, pictures=False)
    return draft_conclusions(ReportInput(order.lab, order.lang, Student(), Variant(), items))


def _redraft(order: report_job.Order, key: str, draft_key: str) -> None:
    st.session_state[draft_key] = st.session_state[key] = _draft(order)


# --- 4 · the report ---------------------------------------------------------------------------------


def _make(order: report_job.Order) -> None:
    """The button, the job's progress, and once it is done the files and their preview."""
    st.subheader(tr("report.ui.step.make"))
    owner = actor().owner
    job = report_job.latest(order.lab, owner)
    busy = job is not None and not job.snapshot().finished
    if st.button(
        tr("report.ui.make"),
        type="primary",
        icon=":material/description:",
        key=f"report_{order.lab}_make",
        disabled=busy or not order.picked,
    ):
        job = report_job.start(order, owner)
    if not order.picked:
        st.caption(tr("report.ui.pick_first"))
    if job is None:
        return
    watch(job, lambda snap: _progress(snap, order.lab))
    snap = job.snapshot()
    if snap.state == jobs.DONE and isinstance(snap.result, Files):
        if snap.info.get("basis") != order.basis:
            st.warning(tr("report.ui.outdated"), icon=":material/update:")
        _made(snap.id, snap.result, order.lab)


def _progress(snap: jobs.Snapshot, lab: str) -> None:
    text = tr(f"report.ui.phase.{snap.info.get('phase', 'reading')}", done=snap.done, total=snap.total)
    progress(snap, f"report_{lab}_stop", text=text)


def _made(job_id: str, files: Files, lab: str) -> None:
    if files.missing:
        titles = ", ".join(f"«{title}»" for title in files.missing)
        st.warning(tr("report.ui.missing", titles=escaped(titles)), icon=":material/warning:")
    _downloads(files, lab)
    st.markdown(f"**{tr('report.ui.preview')}**")
    page, contents = st.columns([3, 2])
    with page:
        _page(job_id, files.pdf, lab)
    with contents:
        _contents(files)


def _downloads(files: Files, lab: str) -> None:
    stem = f"lab{LAB_NUMBERS[lab]}_report_{files.document.lang}"
    with st.container(horizontal=True):
        for suffix, data, mime in (
            ("docx", files.docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            ("pdf", files.pdf, "application/pdf"),
        ):
            st.download_button(
                tr(f"report.ui.{suffix}"),
                data,
                f"{stem}.{suffix}",
                mime,
                key=f"report_{lab}_{suffix}",
                icon=":material/download:",
                type="primary",
                on_click="ignore",
            )
        st.download_button(
            tr("report.ui.scripts_zip"),
            zipped(files.scripts, f"lab{LAB_NUMBERS[lab]}_programs"),
            f"lab{LAB_NUMBERS[lab]}_programs.zip",
            "application/zip",
            key=f"report_{lab}_zip",
            icon=":material/folder_zip:",
            on_click="ignore",
        )
    with st.expander(tr("report.ui.scripts", count=len(files.scripts)), icon=":material/code:"):
        st.caption(tr("report.ui.scripts_help"))
        for script in files.scripts:
            st.download_button(
                tr("report.ui.script_download", file=script.filename),
                script.code,
                script.filename,
                "text/x-python",
                key=f"report_{lab}_script_{script.filename}",
                icon=":material/download:",
                on_click="ignore",
            )
            st.code(script.code, language="python", height=240)


def _page(job_id: str, pdf: bytes, lab: str) -> None:
    """One page of the PDF as it will print; a slider goes through them."""
    pages = _page_count(job_id, pdf)
    number = 1
    if pages > 1:
        number = st.slider(
            tr("report.ui.page"), 1, pages, 1, key=f"report_{lab}_page_{job_id}", persist_state="session"
        )
    picture = _page_png(job_id, number - 1, pdf)
    with st.container(border=True):  # a white page on a white page: the border shows its edge
        st.image(picture, caption=tr("report.ui.page_of", page=number, pages=pages), width="stretch")


@st.cache_data(max_entries=8, show_spinner=False)
def _page_count(job_id: str, _pdf: bytes) -> int:
    return preview.page_count(_pdf)


@st.cache_data(max_entries=64, show_spinner=False)
def _page_png(job_id: str, index: int, _pdf: bytes) -> bytes:
    return preview.page_png(_pdf, index, PAGE_WIDTH)


def _contents(files: Files) -> None:
    """The document's sections and figures, numbered as in the files."""
    document, lines, figures = files.document, [], 0
    for number, depth, item in document.walk():
        if isinstance(item, Section) and depth < 2:
            lines.append("  " * depth + f"- **{number}** {escaped(item.title)}")
        elif isinstance(item, Figure):
            figures += 1
            caption = f"{document.labels.figure} {figures} — {item.caption}"
            lines.append("  " * (depth + 1) + f"- :gray[{escaped(caption)}]")
    st.markdown(f"**{tr('report.ui.contents')}**\n\n" + "\n".join(lines))
