"""What a report is made of, independent of the file format: a title page and numbered sections
of paragraphs, tables, figures and code listings.

The builders (``build.py``) write a ``Document`` in the reader's language; the writers
(``docx_writer.py``, ``pdf_writer.py``) lay the same document out, numbering sections,
figures, tables and listings in reading order, so both files say "Figure 3" of the same chart.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass
class TitlePage:
    """The first page: the institution on top, the work and its topic in the middle, who did it
    (label, value pairs) on the right, the year at the foot."""

    heading: str  # "ПРАКТИЧНА РОБОТА №1"
    subject: str  # the lab's topic
    institution: list[str] = field(default_factory=list)
    details: list[tuple[str, str]] = field(default_factory=list)  # ("Виконав(ла)", "Іван Петренко")
    footer: str = ""  # the year (and the city, if the student gives one)


@dataclass
class Paragraph:
    text: str
    kind: str = (
        "body"  # "body", "note" (a remark in italics), "bullet", "quote" (a prompt or an answer, indented)
    )


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]
    caption: str


@dataclass
class Figure:
    png: bytes
    caption: str
    width: float = 1.0  # share of the text width


@dataclass
class Listing:
    code: str
    caption: str


Block = Paragraph | Table | Figure | Listing


@dataclass
class Section:
    title: str
    blocks: list[Block] = field(default_factory=list)
    subsections: list[Section] = field(default_factory=list)


@dataclass
class Labels:
    """The words the writers put around numbers, in the report's language."""

    figure: str = "Figure"
    table: str = "Table"
    listing: str = "Listing"
    figures: str = "List of figures"


@dataclass
class Document:
    lang: str
    title: str  # the file's title (PDF and DOCX properties)
    author: str
    title_page: TitlePage
    sections: list[Section]
    labels: Labels = field(default_factory=Labels)

    def walk(self) -> Iterator[tuple[str, int, Section | Block]]:
        """Every section and block in reading order, as (number, depth, item): "2.1" for a
        subsection, "" for a block."""
        yield from _walk(self.sections, prefix="", depth=0)

    def figures(self) -> list[Figure]:
        """The figures in reading order: figure n is ``figures()[n - 1]``."""
        return [item for _, _, item in self.walk() if isinstance(item, Figure)]


def _walk(sections: list[Section], prefix: str, depth: int) -> Iterator[tuple[str, int, Section | Block]]:
    for number, section in enumerate(sections, start=1):
        label = f"{prefix}{number}"
        yield label, depth, section
        for block in section.blocks:
            yield "", depth, block
        yield from _walk(section.subsections, prefix=f"{label}.", depth=depth + 1)


def caption(label: str, number: int, text: str) -> str:
    """ "Рисунок 3 — Втрати D і G" (DSTU 3008: the label, the number, a dash, the text)."""
    return f"{label} {number} — {text}"


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def printable(text: str) -> str:
    """Text both formats can hold: tabs as spaces, other control characters (which XML forbids
    and fonts lack) dropped. Model answers may contain them."""
    return _CONTROL.sub("", str(text).replace("\t", "    ").replace("\r\n", "\n"))
