"""The lab report, written from the student's own runs: DOCX, PDF and the code that ran (issue 11).

Plain Python, no Streamlit: a Report tab (phase 2) collects the student's ticked items into
a ``ReportInput`` and calls the functions below. Heavy libraries (matplotlib, python-docx,
fpdf2) load on first use.

Entry points
------------
``ReportInput`` (inputs.py)
    What one report is made of: ``lab`` ("gan", "diffusion", "llm"), ``lang`` ("uk", "en"),
    ``Student`` (title page), ``Variant``, ``items`` (``GanRun``, ``Generation``, ``Sweep``,
    ``Comparison``; ``Missing`` for one deleted meanwhile: the report notes it and goes on),
    ``conclusions`` (the student's edited text; None: the draft), ``questions`` (optional
    control questions with answers), ``secrets`` (values besides the environment's that
    must never appear, e.g. the keys in ``st.secrets``).

``draft_conclusions(report) -> str``
    The conclusions drafted from the measured numbers, one paragraph a line, for the student
    to edit before building (put the edited text into ``report.conclusions``).

``build(report, progress=None) -> Document``
    The report as a format-free ``Document`` (document.py): title page; 1 topic and goal;
    2 variant and code (Lab 3: the requests and answers); 3 results (charts, pictures,
    tables, each captioned and numbered); 4 conclusions; 5 control questions if given.
    ``progress(done, total)`` is told after each item. Every text is scrubbed (scrub.py).

``to_docx(document) -> bytes``, ``to_pdf(document) -> bytes``
    The files to download: real Word headings, captions and a table of figures; a PDF with
    DejaVu Sans embedded (from the matplotlib wheel: works on Community Cloud too), a list
    of figures with page numbers and bookmarks.

``scripts(report) -> list[Script]``
    One standalone script per item (``Script.filename``, ``Script.code``), scrubbed: plain
    PyTorch for a GAN run, diffusers for a generation or an experiment, the openai client
    for a comparison (the key read from OPENAI_API_KEY). None imports GenLab.

``make(report, progress=None) -> Files``
    All of it at once: the document, the DOCX, the PDF and the scripts, with ``progress``
    counting the items and then the two files.

The Report tab of each lab (ui/report.py) lists the student's saved work and reads the ticked
pieces into items (collect/), makes the report as a background job (job.py) and shows its
PDF's pages (preview.py); ``scripts.zipped`` puts every script in one archive.

Charts are drawn by charts.py (matplotlib's Agg, no browser), pictures by pictures.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from services.report.build import build, scripts
from services.report.conclusions import draft as draft_conclusions
from services.report.document import Document
from services.report.inputs import (
    Answer,
    Comparison,
    GanRun,
    Generation,
    Missing,
    ReportInput,
    SdModel,
    SdSettings,
    Student,
    Sweep,
    SweepCell,
    Variant,
)
from services.report.scripts import Script


def to_docx(document: Document) -> bytes:
    from services.report.docx_writer import write_docx

    return write_docx(document)


def to_pdf(document: Document) -> bytes:
    from services.report.pdf_writer import write_pdf

    return write_pdf(document)


@dataclass
class Files:
    document: Document
    docx: bytes
    pdf: bytes
    scripts: list[Script]
    missing: list[str] = field(default_factory=list)  # the titles of picked items gone meanwhile


def make(report: ReportInput, progress: Callable[[int, int], None] | None = None) -> Files:
    """The document, both files and the scripts; ``progress(done, total)`` over items + 2 files."""
    total = len(report.items) + 3

    def items_done(done: int, _total: int) -> None:
        if progress:
            progress(done, total)

    document = build(report, items_done)
    docx = to_docx(document)
    items_done(total - 1, total)
    pdf = to_pdf(document)
    items_done(total, total)
    missing = [item.title for item in report.items if isinstance(item, Missing)]
    return Files(document, docx, pdf, scripts(report), missing)


__all__ = [
    "Answer",
    "Comparison",
    "Document",
    "Files",
    "GanRun",
    "Generation",
    "Missing",
    "ReportInput",
    "Script",
    "SdModel",
    "SdSettings",
    "Student",
    "Sweep",
    "SweepCell",
    "Variant",
    "build",
    "draft_conclusions",
    "make",
    "scripts",
    "to_docx",
    "to_pdf",
]
