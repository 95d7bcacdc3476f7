"""The report files as a reader gets them: the DOCX opened with python-docx, the PDF read with a text
extractor and drawn to a picture. Every section, figure and caption is there, in Ukrainian or
English, and a planted secret or a server path is nowhere."""

import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest
from docx import Document as open_docx

from i18n import t
from services.report import build, make, to_docx, to_pdf
from tests.report import samples

REPORTS = {"gan": samples.gan_report, "diffusion": samples.diffusion_report, "llm": samples.llm_report}
PLANTED = (samples.SECRET, samples.KAGGLE_KEY, "secret-folder-name", "/srv/genlab", "secret-notes")


@pytest.fixture(scope="module")
def files():
    """Each lab's report in both languages, made once for this module."""
    return {(lab, lang): make(report(lang)) for lab, report in REPORTS.items() for lang in ("uk", "en")}


def docx_xml(data: bytes) -> str:
    """Every XML part of the file: the body, headers, properties, settings."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return "".join(
            archive.read(name).decode("utf-8") for name in archive.namelist() if name.endswith(".xml")
        )


def pdf_pages(data: bytes) -> list[str]:
    pdf = pdfium.PdfDocument(data)
    return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]


def section_titles(lab: str, lang: str) -> list[str]:
    return [
        t("report.section.topic", lang),
        t(f"report.section.code.{lab}", lang),
        t("report.section.results", lang),
        t("report.section.conclusions", lang),
    ]


@pytest.mark.parametrize("lang", ["uk", "en"])
@pytest.mark.parametrize("lab", list(REPORTS))
def test_docx_has_headings_captions_figures_and_a_table_of_figures(files, lab, lang):
    made = files[(lab, lang)]
    word = open_docx(io.BytesIO(made.docx))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    for number, title in enumerate(section_titles(lab, lang), start=1):
        assert f"{number} {title}" in headings
    assert any(p.style.name == "Heading 2" for p in word.paragraphs)  # one subsection per item

    figure = t("report.label.figure", lang)
    figures = made.document.figures()
    captions = [p.text for p in word.paragraphs if p.style.name == "Caption" and p.text.startswith(figure)]
    assert captions == [f"{figure} {n} — {f.caption}" for n, f in enumerate(figures, start=1)]
    assert len(word.inline_shapes) == len(figures) > 0

    xml = docx_xml(made.docx)
    assert f'TOC \\h \\z \\c "{figure}"' in xml  # Word's table of figures over the captions
    assert xml.count(f"SEQ {figure} ") == len(figures)
    assert 'w:updateFields w:val="true"' in xml
    assert word.tables  # settings and measurements
    topic = t(f"report.lab.{lab}.topic", lang)
    assert topic.upper() in xml and word.core_properties.title == topic


@pytest.mark.parametrize("lang", ["uk", "en"])
@pytest.mark.parametrize("lab", list(REPORTS))
def test_pdf_has_every_section_figure_caption_and_the_list_of_figures(files, lab, lang):
    made = files[(lab, lang)]
    pages = pdf_pages(made.pdf)
    text = " ".join(" ".join(pages).split())
    for number, title in enumerate(section_titles(lab, lang), start=1):
        assert f"{number} {title}" in text
    figure = t("report.label.figure", lang)
    listed = " ".join(pages[1].split())
    assert listed.startswith(t("report.label.figures", lang))
    body = [" ".join(page.split()) for page in pages]
    for number, item in enumerate(made.document.figures(), start=1):
        entry = " ".join(f"{figure} {number} — {item.caption}".split())
        assert text.count(entry) == 2  # in the list of figures and under the figure
        shown = int(re.search(re.escape(entry) + r" (\d+)", listed).group(1))
        assert entry in body[shown - 1]  # the list gives the figure's page
    assert b"DejaVuSans" in made.pdf  # the font is embedded, not left to the reader's system


def test_ukrainian_text_survives_both_formats(files):
    made = files[("gan", "uk")]
    words = [
        "Тема та мета роботи",
        "Іван Петренко",
        "генеративно-змагальних",
        "Висновки",
        "ПРАКТИЧНА РОБОТА №1",
    ]
    pdf_text = " ".join(" ".join(pdf_pages(made.pdf)).split())
    xml = docx_xml(made.docx)
    for word in words:
        assert word in pdf_text
        assert word in xml
    assert "КИЇВСЬКИЙ УНІВЕРСИТЕТ" in pdf_text  # the title page upper-cases the institution


@pytest.mark.parametrize("lab", list(REPORTS))
def test_no_planted_secret_or_server_path_reaches_a_file(files, lab, monkeypatch):
    for lang in ("uk", "en"):
        made = files[(lab, lang)]
        texts = [docx_xml(made.docx), "\n".join(pdf_pages(made.pdf)), *(s.code for s in made.scripts)]
        for text in texts:
            for planted in PLANTED:
                assert planted not in text
        for planted in PLANTED:
            assert planted.encode() not in made.pdf and planted.encode() not in made.docx


def test_a_key_in_the_environment_is_scrubbed_wherever_it_shows(monkeypatch):
    key = "plain-looking-key-without-any-prefix-42"
    monkeypatch.setenv("OPENAI_API_KEY", key)
    report = samples.llm_report("en")
    report.items[0].answers[1].text = f"The server said: invalid key {key}."
    made = make(report)
    assert key not in docx_xml(made.docx) and key not in " ".join(pdf_pages(made.pdf))
    assert all(key not in script.code for script in made.scripts)
    assert "invalid key ***" in docx_xml(made.docx)


def test_a_pdf_page_draws_as_a_picture_with_content(files, tmp_path):
    pdf = pdfium.PdfDocument(files[("gan", "uk")].pdf)
    for index in (0, 3):  # the title page, and a page of the results
        picture = pdf[index].render(scale=1.5).to_pil().convert("L")
        picture.save(tmp_path / f"page{index + 1}.png")
        pixels = np.asarray(picture)
        assert pixels.shape[0] > pixels.shape[1] > 800  # A4 upright
        ink = (pixels < 200).mean()
        assert 0.002 < ink < 0.5, ink  # text and lines on a white page: not blank, not black


def test_a_deleted_item_becomes_a_note_and_the_others_stay(files):
    made = files[("gan", "uk")]
    note = t("report.missing", "uk", title="deleted run")
    assert note in docx_xml(made.docx)
    assert len(made.scripts) == 2  # the two runs that are there


def test_control_questions_are_appended_when_given(files):
    made = files[("llm", "uk")]
    text = " ".join(" ".join(pdf_pages(made.pdf)).split())
    assert f"5 {t('report.section.questions', 'uk')}" in text
    assert "1. Що таке трансформер?" in text and "Архітектура з увагою." in text


def test_the_student_edits_win_over_the_draft():
    report = samples.diffusion_report("en")
    report.conclusions = "My own conclusion.\nA second paragraph."
    document = build(report)
    conclusions = document.sections[3]
    assert [p.text for p in conclusions.blocks] == ["My own conclusion.", "A second paragraph."]


def test_progress_counts_every_item_then_both_files():
    seen = []
    report = samples.gan_report("en")
    make(report, progress=lambda done, total: seen.append((done, total)))
    total = len(report.items) + 3
    assert seen[-1] == (total, total)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    assert {total for _, total in seen} == {total}


def test_model_output_with_control_characters_still_makes_both_files():
    report = samples.llm_report("en")
    report.items[0].answers[0].text = "tab\there, bell\x07, null\x00, emoji 😀, 中文"
    document = build(report)
    assert to_docx(document) and to_pdf(document)


NO_TORCH = """
import sys
for name in ("torch", "diffusers", "transformers", "sklearn"):
    sys.modules[name] = None  # any import of them now fails, as where they are not installed
from services.report import make
from tests.report import samples
files = make(samples.llm_report("uk"))
assert files.docx and files.pdf and files.scripts and files.document.figures()
print("ok")
"""


def test_a_lab3_report_is_made_where_torch_is_not_installed():
    """Community Cloud runs the LLM lab with cloud/requirements.txt: no torch, no system fonts."""
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", NO_TORCH], cwd=root, capture_output=True, text=True, timeout=180
    )
    assert done.returncode == 0 and done.stdout.strip().endswith("ok"), done.stderr[-3000:]
