"""A ``Document`` as a Word file (python-docx), laid out as a Ukrainian lab report is:
title page, a table of figures, then the numbered sections.

Headings use Word's own "Heading 1..3" styles, so the navigation pane and a table of
contents find them. Captions are Word captions ("Caption" style with a SEQ field), and the
table of figures is Word's TOC field over them, its entries written in already so that
the list shows before Word updates the field (which fills in the page numbers).
"""

from __future__ import annotations

import io

from services.report.document import Document, Figure, Listing, Paragraph, Section, Table, TitlePage, caption
from services.report.document import printable as _text

TEXT_WIDTH_CM = 16.5  # A4 less the margins below
BODY_FONT = "Times New Roman"
CODE_FONT = "Consolas"


def write_docx(document: Document) -> bytes:
    from docx import Document as new_document

    word = new_document()
    _set_up(word, document)
    _title_page(word, document.title_page)
    _table_of_figures(word, document)
    counters = {"figure": 0, "table": 0, "listing": 0}
    for number, depth, item in document.walk():
        if isinstance(item, Section):
            word.add_heading(_text(f"{number} {item.title}"), level=min(depth + 1, 3))
        elif isinstance(item, Paragraph):
            _paragraph(word, item)
        elif isinstance(item, Figure):
            counters["figure"] += 1
            _figure(word, item, document.labels.figure, counters["figure"])
        elif isinstance(item, Table):
            counters["table"] += 1
            _table(word, item, document.labels.table, counters["table"])
        elif isinstance(item, Listing):
            counters["listing"] += 1
            _listing(word, item, document.labels.listing, counters["listing"])
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _set_up(word, document: Document) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Cm, Pt, RGBColor

    word.core_properties.title = _text(document.title)
    word.core_properties.author = _text(document.author)
    word.core_properties.language = document.lang
    for section in word.sections:
        section.page_height, section.page_width = Cm(29.7), Cm(21.0)
        section.left_margin, section.right_margin = Cm(2.5), Cm(2.0)
        section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    normal = word.styles["Normal"]
    normal.font.name, normal.font.size = BODY_FONT, Pt(12)
    _font_for_every_script(normal, BODY_FONT)
    normal.paragraph_format.space_after = Pt(4)
    for level in (1, 2, 3):
        heading = word.styles[f"Heading {level}"]
        heading.font.name, heading.font.color.rgb = BODY_FONT, RGBColor(0, 0, 0)
        heading.font.size = Pt({1: 15, 2: 13, 3: 12}[level])
        _font_for_every_script(heading, BODY_FONT)
    word.styles["Caption"].font.color.rgb = RGBColor(0x33, 0x33, 0x33)
    word.styles["Caption"].font.size = Pt(10)
    code = word.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    code.base_style = normal
    code.font.name, code.font.size = CODE_FONT, Pt(8)
    _font_for_every_script(code, CODE_FONT)
    code.paragraph_format.space_after = Pt(0)
    code.paragraph_format.line_spacing = 1.0
    _update_fields_on_open(word)


def _title_page(word, page: TitlePage) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Pt

    def line(text: str, size: int = 12, bold: bool = False, align=WD_ALIGN_PARAGRAPH.CENTER, before: int = 0):
        paragraph = word.add_paragraph()
        paragraph.alignment = align
        paragraph.paragraph_format.space_before = Pt(before)
        run = paragraph.add_run(_text(text))
        run.bold, run.font.size = bold, Pt(size)
        return paragraph

    for text in page.institution:
        line(text.upper(), 12)
    line(page.heading, 16, bold=True, before=150)
    line(page.subject, 14, bold=True, before=6)
    for n, (label, value) in enumerate(page.details):
        line(f"{label}: {value}", 12, align=WD_ALIGN_PARAGRAPH.RIGHT, before=100 if n == 0 else 4)
    last = line(page.footer, 12, before=120)
    last.runs[0].add_break(WD_BREAK.PAGE)


def _table_of_figures(word, document: Document) -> None:
    """Word's table of figures: a TOC field over the figure captions, its current entries filled in."""
    figures = document.figures()
    if not figures:
        return
    word.add_paragraph(_text(document.labels.figures), style="TOC Heading")
    label = document.labels.figure
    entries = [caption(label, n, figure.caption) for n, figure in enumerate(figures, start=1)]
    for n, entry in enumerate(entries):
        paragraph = word.add_paragraph()
        if n == 0:
            _field_start(paragraph, f'TOC \\h \\z \\c "{label}"')
        paragraph.add_run(_text(entry))
        if n == len(entries) - 1:
            _field_end(paragraph)
    from docx.enum.text import WD_BREAK

    word.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)


def _paragraph(word, block: Paragraph) -> None:
    from docx.shared import Cm

    if block.kind == "bullet":
        word.add_paragraph(_text(block.text), style="List Bullet")
        return
    paragraph = word.add_paragraph()
    run = paragraph.add_run(_text(block.text))
    if block.kind == "note":
        run.italic = True
    elif block.kind == "quote":
        paragraph.paragraph_format.left_indent = Cm(1)


def _figure(word, figure: Figure, label: str, number: int) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    word.add_picture(io.BytesIO(figure.png), width=Cm(TEXT_WIDTH_CM * figure.width))
    word.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
    word.paragraphs[-1].paragraph_format.keep_with_next = True
    _caption(word, label, number, figure.caption, WD_ALIGN_PARAGRAPH.CENTER)


def _table(word, table: Table, label: str, number: int) -> None:
    from docx.shared import Pt

    _caption(word, label, number, table.caption).paragraph_format.keep_with_next = True
    grid = word.add_table(rows=1, cols=len(table.header), style="Table Grid")
    small = Pt(9 if len(table.header) > 4 else 10)
    for cell, text in zip(grid.rows[0].cells, table.header, strict=True):
        run = cell.paragraphs[0].add_run(_text(text))
        run.bold, run.font.size = True, small
    for row in table.rows:
        for cell, text in zip(grid.add_row().cells, row, strict=True):
            cell.paragraphs[0].add_run(_text(text)).font.size = small
    word.add_paragraph()


def _listing(word, listing: Listing, label: str, number: int) -> None:
    _caption(word, label, number, listing.caption).paragraph_format.keep_with_next = True
    for line in listing.code.rstrip("\n").split("\n"):
        word.add_paragraph(_text(line) or " ", style="Code")
    word.add_paragraph()


def _caption(word, label: str, number: int, text: str, align=None):
    """ "Рисунок 3 — ..." with the number as Word's SEQ field, so Word numbers and lists it."""
    paragraph = word.add_paragraph(style="Caption")
    if align is not None:
        paragraph.alignment = align
    paragraph.add_run(_text(f"{label} "))
    _field_start(paragraph, f"SEQ {label} \\* ARABIC")
    paragraph.add_run(str(number))
    _field_end(paragraph)
    paragraph.add_run(_text(f" — {text}"))
    return paragraph


def _field_start(paragraph, instruction: str) -> None:
    """The opening of a Word field: begin, its instruction, separate; the runs after it are its
    current result, up to ``_field_end``."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for kind, text in (("begin", None), (None, f" {instruction} "), ("separate", None)):
        run = paragraph.add_run()._r
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run.append(char)
        else:
            code = OxmlElement("w:instrText")
            code.set(qn("xml:space"), "preserve")
            code.text = text
            run.append(code)


def _field_end(paragraph) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), "end")
    paragraph.add_run()._r.append(char)


def _font_for_every_script(style, name: str) -> None:
    """Word picks a run's font by script, and a theme font over a named one: name it for every
    script, Cyrillic included, and drop the template's theme fonts."""
    from docx.oxml.ns import qn

    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), name)


def _update_fields_on_open(word) -> None:
    """Ask Word to update the fields when the file opens: the table of figures gets its page numbers."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    word.settings.element.append(update)
