"""A ``Document`` as a PDF (fpdf2): title page, list of figures with page numbers, numbered sections.

The text font is DejaVu Sans (code: DejaVu Sans Mono) from the matplotlib wheel (fonts.py),
embedded as a subset, so Ukrainian reads the same on any machine and any PDF reader, with
no system font installed. Sections become the PDF's bookmarks.
"""

from __future__ import annotations

import io
import math

from services.report.document import Document, Figure, Listing, Paragraph, Section, Table, TitlePage, caption
from services.report.document import printable as _text
from services.report.fonts import font_path

MARGIN = 20  # mm
LINE = 5.5  # mm: body line height at 11 pt
BODY, SMALL, CODE = 11, 9, 7.5  # pt


def write_pdf(document: Document) -> bytes:
    pdf = _new_pdf(document)
    _title_page(pdf, document.title_page)
    figure_pages: list[int] = []  # the page of each figure, filled in as they are placed
    pdf.add_page()
    if document.figures():  # the list's pages are kept now and drawn at the end; the text starts after them
        pages = _list_pages(document)
        pdf.insert_toc_placeholder(
            lambda p, _outline: _list_of_figures(p, document, figure_pages), pages, allow_extra_pages=True
        )
    counters = {"figure": 0, "table": 0, "listing": 0}
    for number, depth, item in document.walk():
        if isinstance(item, Section):
            _heading(pdf, f"{number} {item.title}", depth)
        elif isinstance(item, Paragraph):
            _paragraph(pdf, item)
        elif isinstance(item, Figure):
            counters["figure"] += 1
            figure_pages.append(
                _figure(pdf, item, caption(document.labels.figure, counters["figure"], item.caption))
            )
        elif isinstance(item, Table):
            counters["table"] += 1
            _table(pdf, item, caption(document.labels.table, counters["table"], item.caption))
        elif isinstance(item, Listing):
            counters["listing"] += 1
            _listing(pdf, item, caption(document.labels.listing, counters["listing"], item.caption))
    return bytes(pdf.output())


def _new_pdf(document: Document):
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(True, margin=MARGIN)
    for style in ("", "B", "I", "BI"):
        pdf.add_font("DejaVu", style, str(font_path("sans", style)))
    pdf.add_font("DejaVuMono", "", str(font_path("mono")))
    pdf.set_title(_text(document.title))
    pdf.set_author(_text(document.author))
    pdf.set_lang(document.lang)
    pdf.set_creator("GenLab")
    pdf.set_font("DejaVu", size=BODY)
    return pdf


def _title_page(pdf, page: TitlePage) -> None:
    pdf.add_page()
    pdf.set_font("DejaVu", size=BODY)
    for line in page.institution:
        pdf.multi_cell(0, 6, _text(line.upper()), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(95)
    pdf.set_font("DejaVu", "B", 16)
    pdf.multi_cell(0, 9, _text(page.heading), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("DejaVu", "B", 13)
    pdf.multi_cell(0, 7, _text(page.subject), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(175)
    pdf.set_font("DejaVu", size=BODY)
    for label, value in page.details:
        pdf.multi_cell(0, 7, _text(f"{label}: {value}"), align="R", new_x="LMARGIN", new_y="NEXT")
    if page.footer:
        pdf.set_y(-MARGIN - 10)
        pdf.cell(0, 7, _text(page.footer), align="C")


def _list_pages(document: Document) -> int:
    """Pages the list of figures will take, counted generously (80 characters a line, 40 lines a
    page): a list that ran over would push the pages after it from the numbers it shows."""
    lines = 3 + sum(math.ceil((len(f.caption) + 16) / 80) for f in document.figures())
    return max(1, math.ceil(lines / 40))


def _list_of_figures(pdf, document: Document, pages: list[int]) -> None:
    """Drawn when the PDF is written, so every figure's page is known."""
    pdf.set_font("DejaVu", "B", 13)
    pdf.cell(0, 10, _text(document.labels.figures), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", size=SMALL + 1)
    width = pdf.w - 2 * MARGIN
    for number, (figure, page) in enumerate(zip(document.figures(), pages, strict=False), start=1):
        link = pdf.add_link(page=page)
        entry = _text(caption(document.labels.figure, number, figure.caption))
        pdf.multi_cell(width - 12, 5, entry, align="L", link=link)
        pdf.set_xy(pdf.w - MARGIN - 12, pdf.get_y() - 5)
        pdf.cell(12, 5, str(page), align="R", new_x="LMARGIN", new_y="NEXT", link=link)


def _heading(pdf, title: str, depth: int) -> None:
    size = {0: 14, 1: 12}.get(depth, 11)
    if pdf.get_y() > pdf.h - MARGIN - 30:  # a heading is not left alone at the foot of a page
        pdf.add_page()
    pdf.ln(4 if depth else 6)
    pdf.start_section(_text(title), level=min(depth, 2), strict=False)
    pdf.set_font("DejaVu", "B", size)
    pdf.multi_cell(0, size * 0.55, _text(title), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font("DejaVu", size=BODY)


def _paragraph(pdf, block: Paragraph) -> None:
    if block.kind == "note":
        pdf.set_font("DejaVu", "I", BODY)
    indent = 8 if block.kind in ("quote", "bullet") else 0
    text = _text(block.text)
    if block.kind == "bullet":
        text = "• " + text
    pdf.set_x(MARGIN + indent)
    pdf.multi_cell(pdf.w - 2 * MARGIN - indent, LINE, text, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1.5)
    pdf.set_font("DejaVu", size=BODY)


def _figure(pdf, figure: Figure, title: str) -> int:
    """The picture, scaled to its share of the text width and to fit a page, its caption below;
    returns its page."""
    from PIL import Image

    with Image.open(io.BytesIO(figure.png)) as picture:
        aspect = picture.height / picture.width
    width = (pdf.w - 2 * MARGIN) * figure.width
    height = width * aspect
    room = pdf.h - 2 * MARGIN - 15  # a whole page, less the caption's lines
    if height > room:
        width, height = room / aspect, room
    if pdf.get_y() + height + 12 > pdf.h - MARGIN:
        pdf.add_page()
    page = pdf.page_no()
    pdf.image(io.BytesIO(figure.png), x=(pdf.w - width) / 2, w=width, h=height)
    pdf.ln(1)
    pdf.set_font("DejaVu", size=SMALL + 1)
    pdf.multi_cell(0, 5, _text(title), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("DejaVu", size=BODY)
    return page


def _table(pdf, table: Table, title: str) -> None:
    if pdf.get_y() > pdf.h - MARGIN - 25:  # a caption goes with its table's first rows
        pdf.add_page()
    pdf.set_font("DejaVu", size=SMALL + 1)
    pdf.multi_cell(0, 5, _text(title), align="L", new_x="LMARGIN", new_y="NEXT")
    size = SMALL if len(table.header) <= 4 else SMALL - 1.5
    pdf.set_font("DejaVu", size=size)
    widths = _column_widths(table)
    with pdf.table(
        col_widths=widths, text_align="LEFT", line_height=size * 0.5, first_row_as_headings=True, padding=1
    ) as grid:
        for cells in [table.header, *table.rows]:
            row = grid.row()
            for text in cells:
                row.cell(_text(text))
    pdf.ln(3)
    pdf.set_font("DejaVu", size=BODY)


def _column_widths(table: Table) -> list[float]:
    """Each column as wide as its longest word needs, the rest shared by how much text it holds."""
    columns = list(zip(table.header, *table.rows, strict=True))
    longest = [max(len(str(cell)) for cell in column) for column in columns]
    return [min(max(n, 4), 60) for n in longest]


def _listing(pdf, listing: Listing, title: str) -> None:
    pdf.set_font("DejaVu", size=SMALL + 1)
    pdf.multi_cell(0, 5, _text(title), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVuMono", size=CODE)
    pdf.set_fill_color(245, 245, 245)
    width = pdf.w - 2 * MARGIN
    # a monospaced font: a line holds a known number of characters, so long lines are cut by
    # count (far faster than fpdf2 measuring every character of a long script)
    per_line = int(width / pdf.get_string_width("M")) - 1
    for line in _text(listing.code.rstrip("\n")).split("\n"):
        for start in range(0, max(len(line), 1), per_line):
            pdf.cell(
                width, CODE * 0.42, line[start : start + per_line], fill=True, new_x="LMARGIN", new_y="NEXT"
            )
    pdf.ln(3)
    pdf.set_font("DejaVu", size=BODY)
