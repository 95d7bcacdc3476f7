"""A lab's report as a ``Document``, in the order of the manual's "Зміст звіту":

    title page
    1. topic and goal                      (the manual's words)
    2. variant and program code            (Lab 3: the individual task, requests and answers)
    3. experimental results                (charts, pictures, tables)
    4. conclusions                         (the student's text, or a draft from the numbers)
    5. control questions                   (optional)

Every input string is scrubbed before anything is drawn or written, and the finished
document once more (scrub.py). A picked item that is gone (``Missing``) becomes a note.
"""

from __future__ import annotations

from collections.abc import Callable

from i18n import t
from services.report import conclusions
from services.report.document import Document, Labels, Listing, Paragraph, Section, TitlePage
from services.report.inputs import LABS, Item, Missing, ReportInput
from services.report.labs import lab_module
from services.report.scripts import Script, script_for
from services.report.scrub import Scrubber, clean

Progress = Callable[[int, int], None] | None
LAB_NUMBERS = {"gan": 1, "diffusion": 2, "llm": 3}
BLANK = "_" * 20


def build(report: ReportInput, progress: Progress = None) -> Document:
    """The report's document; ``progress(done, total)`` is told after each item."""
    if report.lab not in LABS:
        raise ValueError(f"unknown lab {report.lab!r}")
    scrub = Scrubber(report.secrets)
    report = clean(report, scrub)
    lang, lab = report.lang, lab_module(report.lab)
    total = len(report.items) + 1
    sections = [topic_section(report), Section(t(f"report.section.code.{report.lab}", lang))]
    results = Section(t("report.section.results", lang))
    code_of_kind: dict[type, str] = {}  # the first full script of each kind of item, by file name
    for done, (item, script) in enumerate(zip(report.items, _scripts(report.items), strict=True), start=1):
        if isinstance(item, Missing):
            results.blocks.append(Paragraph(t("report.missing", lang, title=item.title), "note"))
        else:
            code = lab.code_section(item, lang)
            code.blocks.append(_listing(item, script, code_of_kind, lang))
            sections[1].subsections.append(code)
            results.subsections.append(lab.results_section(item, lang))
        if progress:
            progress(done, total)
    sections[1].blocks.insert(0, Paragraph(_variant_line(report)))
    sections += [results, conclusions_section(report)]
    if report.questions:
        sections.append(questions_section(report))
    document = Document(
        lang=lang,
        title=t(f"report.lab.{report.lab}.topic", lang),
        author=report.student.name,
        title_page=title_page(report),
        sections=sections,
        labels=labels(lang),
    )
    document = clean(document, scrub)
    if progress:
        progress(total, total)
    return document


def scripts(report: ReportInput) -> list[Script]:
    """Every item's script, scrubbed, each under its own file name (for downloading one by one)."""
    scrub = Scrubber(report.secrets)
    found = [script for script in _scripts(clean(report, scrub).items) if script is not None]
    return [Script(s.filename, scrub(s.code), scrub(s.settings)) for s in found]


def _scripts(items: list[Item]) -> list[Script | None]:
    """Each item's script (None for a missing one), two with the same name told apart: run.py, run_2.py."""
    found, names = [], set()
    for item in items:
        script = script_for(item)
        if script is not None:
            stem, suffix = script.filename.rsplit(".", 1)
            n = 1
            while script.filename in names:
                n += 1
                script.filename = f"{stem}_{n}.{suffix}"
            names.add(script.filename)
        found.append(script)
    return found


def title_page(report: ReportInput) -> TitlePage:
    lang, student, variant = report.lang, report.student, report.variant
    details = (
        [(t("report.title.variant", lang), _variant_value(report))] if variant.number is not None else []
    )
    details += [  # a field left empty is a line to fill in by hand
        (t("report.title.student", lang), student.name or BLANK),
        (t("report.title.group", lang), student.group or BLANK),
        (t("report.title.instructor", lang), student.instructor or BLANK),
    ]
    return TitlePage(
        heading=t("report.title.heading", lang, number=LAB_NUMBERS[report.lab]),
        subject=t(f"report.lab.{report.lab}.topic", lang).upper(),
        institution=[line.strip() for line in student.institution.splitlines() if line.strip()],
        details=details,
        footer=student.year,
    )


def topic_section(report: ReportInput) -> Section:
    lang = report.lang
    return Section(
        t("report.section.topic", lang),
        [
            Paragraph(t("report.topic", lang, topic=t(f"report.lab.{report.lab}.topic", lang))),
            Paragraph(t("report.goal", lang, goal=t(f"report.lab.{report.lab}.goal", lang))),
        ],
    )


def conclusions_section(report: ReportInput) -> Section:
    text = report.conclusions if report.conclusions is not None else conclusions.draft(report)
    paragraphs = [Paragraph(line.strip()) for line in text.split("\n") if line.strip()]
    return Section(t("report.section.conclusions", report.lang), paragraphs)


def questions_section(report: ReportInput) -> Section:
    blocks = []
    for number, (question, answer) in enumerate(report.questions, start=1):
        blocks += [Paragraph(f"{number}. {question}"), Paragraph(answer, "quote")]
    return Section(t("report.section.questions", report.lang), blocks)


def labels(lang: str) -> Labels:
    return Labels(
        figure=t("report.label.figure", lang),
        table=t("report.label.table", lang),
        listing=t("report.label.listing", lang),
        figures=t("report.label.figures", lang),
    )


def _listing(item: Item, script: Script, code_of_kind: dict[type, str], lang: str) -> Listing:
    """The whole script for the first item of a kind; for the next ones only their settings, which
    is all that differs."""
    first = code_of_kind.setdefault(type(item), script.filename)
    if first == script.filename:
        return Listing(script.code, t("report.caption.script", lang, file=script.filename))
    return Listing(
        script.settings, t("report.caption.script_settings", lang, file=script.filename, first=first)
    )


def _variant_line(report: ReportInput) -> str:
    if report.variant.number is None:
        return t("report.variant.none", report.lang)
    return t("report.variant.line", report.lang, number=report.variant.number, subject=report.variant.subject)


def _variant_value(report: ReportInput) -> str:
    variant = report.variant
    if variant.number is None:
        return ""
    return f"{variant.number} — {variant.subject}" if variant.subject else str(variant.number)
