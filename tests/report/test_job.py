"""A report made as a background job from saved work: its progress, its files (which open), its
preview pages, the scripts' archive, the app's secrets kept out, and 10 runs and 5 experiments
read from disk and written in seconds."""

import io
import json
import shutil
import time
import zipfile

import pandas as pd
import pypdfium2 as pdfium
import pytest
from docx import Document as open_docx
from PIL import Image

from services.common import jobs
from services.common.owners import Actor
from services.common.paths import cache_dir
from services.diffusion import sweeps
from services.diffusion.generate import GenRequest
from services.gan import runs
from services.report import Files, Student, collect, preview
from services.report import job as report_job
from services.report.scripts import zipped
from services.report.scrub import secret_values
from tests.gan.tiny import tiny
from tests.report.samples import SECRET

ME, OTHER = Actor("1" * 32), Actor("2" * 32)
# reading 15 pieces of work and writing both reports: 10 s on this 2-core machine when it is quiet.
# It is shared, and others' work stretches the wall time (46 s at a load of 14), not the CPU time
# this process spends (5 s), which is what the limit is on.
LIMIT_CPU_S = 15

pytestmark = pytest.mark.usefixtures("one_torch_thread")


def trained(title: str, iterations: int = 20) -> str:
    cfg = tiny(iterations=iterations, sample_every=iterations, eval_every=iterations // 2, seed=2)
    run_id = runs.create(
        cfg, {"kind": "builtin", "name": "shapes", "limit": 100}, title=title, owner=ME.owner
    )
    job = runs.start(run_id, ME)
    assert job.wait(120) and job.snapshot().state == jobs.DONE, job.snapshot().error
    return run_id


def order(lab: str = "gan", **changes) -> report_job.Order:
    fields = {
        "lab": lab,
        "lang": "uk",
        "student": Student("Іван Петренко", "КН-21", "доц. Коваленко О. М.", "2025"),
        "variant": 1,
        "picked": tuple(collect.saved_work(lab, ME, "uk")),
    }
    return report_job.Order(**(fields | changes))


def finished(job: jobs.Job) -> jobs.Snapshot:
    assert job.wait(120)
    snap = job.snapshot()
    assert snap.state == jobs.DONE, snap.error
    return snap


def test_the_job_reads_then_writes_and_its_files_open():
    trained("перший запуск")
    made = order(conclusions="Мій висновок.")
    job = report_job.start(made, ME.owner)
    snap = finished(job)
    files = snap.result
    assert isinstance(files, Files) and files.missing == []
    assert (snap.info["phase"], snap.done, snap.total) == ("writing", 4, 4)  # 1 item + 3 steps of make
    assert snap.info["basis"] == made.basis and snap.owner == ME.owner
    assert report_job.latest("gan", ME.owner) is job
    assert report_job.latest("gan", OTHER.owner) is None and report_job.latest("llm", ME.owner) is None
    word = open_docx(io.BytesIO(files.docx))
    text = "\n".join(p.text for p in word.paragraphs)
    assert "Іван Петренко" in text and "Мій висновок." in text and "перший запуск" in text
    assert "Контрольні запитання" in text  # asked for by default
    pages = pdfium.PdfDocument(files.pdf)
    assert len(pages) > 2 and "Іван Петренко" in pages[0].get_textpage().get_text_range()


def test_without_questions_and_with_the_draft_and_the_earlier_report_let_go():
    trained("run")
    earlier = report_job.start(order(), ME.owner)
    finished(earlier)
    files = finished(report_job.start(order(questions=False), ME.owner)).result
    assert earlier.snapshot().result is None  # one report per lab and student in memory
    text = "\n".join(p.text for p in open_docx(io.BytesIO(files.docx)).paragraphs)
    assert "Контрольні запитання" not in text
    assert "Запуск «run»: виконано 20 з 20 ітерацій" in text  # the drafted conclusions


def test_the_apps_secrets_stay_out_of_the_files():
    trained(f"run with {SECRET}")
    app_secrets = {"OPENAI_API_KEY": SECRET, "OPENAI_MODEL": "gpt-4o-mini", "kaggle": {"key": "k" * 32}}
    assert secret_values(app_secrets) == (SECRET, "k" * 32)  # a model's name is no secret
    files = finished(report_job.start(order(secrets=secret_values(app_secrets)), ME.owner)).result
    assert SECRET not in "\n".join(p.text for p in open_docx(io.BytesIO(files.docx)).paragraphs)
    pdf = pdfium.PdfDocument(files.pdf)
    assert SECRET not in "".join(page.get_textpage().get_text_range() for page in pdf)
    assert all(SECRET not in script.code for script in files.scripts)


def test_a_stopped_job_makes_nothing():
    for n in range(3):
        trained(f"run {n}")
    job = report_job.start(order(), ME.owner)
    jobs.cancel(job.id, ME)
    assert job.wait(60) and job.snapshot().state in (jobs.CANCELLED, jobs.DONE)  # it may have finished first


def test_preview_pages_and_the_scripts_archive():
    trained("run a")
    trained("run b")
    files = finished(report_job.start(order(), ME.owner)).result
    count = preview.page_count(files.pdf)
    assert count == len(pdfium.PdfDocument(files.pdf)) > 3
    with Image.open(io.BytesIO(preview.page_png(files.pdf, count - 1, width=600))) as page:
        assert page.width == 600 and page.height > page.width  # A4, upright
    with zipfile.ZipFile(io.BytesIO(zipped(files.scripts, "lab1_programs"))) as archive:
        assert archive.namelist() == [f"lab1_programs/{s.filename}" for s in files.scripts]
        assert archive.read(archive.namelist()[0]).decode() == files.scripts[0].code
    assert len(files.scripts) == 2


def test_ten_runs_and_five_experiments_from_disk_make_a_report_in_seconds(tiny_model):
    # a real run and a real experiment, each copied, as a student who ran many would have them
    first = trained("run 0", iterations=200)
    for n, last in enumerate("ghijklmnp", start=1):  # no hex digit: no copy takes the original's id
        copy = cache_dir("runs") / f"{first[:-1]}{last}"
        shutil.copytree(cache_dir("runs") / first, copy)
        meta = json.loads((copy / "config.json").read_text(encoding="utf-8"))
        (copy / "config.json").write_text(json.dumps(meta | {"title": f"run {n}"}), encoding="utf-8")
        _scale(copy / "metrics.jsonl", 1 + n / 100)  # each its own numbers: no chart is drawn once for two
    base = GenRequest(prompt="a lighthouse", steps=1, width=64, height=64, seed=3)
    sweep = sweeps.start(tiny_model, base, "steps", "1, 2, 4", owner=ME.owner)
    finished(sweep)
    for last in [c for c in "0123456789abcdef" if c != sweep.id[-1]][:4]:
        copy = cache_dir("sweeps") / f"{sweep.id[:-1]}{last}"
        shutil.copytree(cache_dir("sweeps") / sweep.id, copy)
        meta = json.loads((copy / "sweep.json").read_text(encoding="utf-8"))
        (copy / "sweep.json").write_text(json.dumps(meta | {"id": copy.name}), encoding="utf-8")
        table = pd.read_csv(copy / "results.csv")
        table["seconds"] *= 1 + (int(last, 16) + 1) / 100
        table.to_csv(copy / "results.csv", index=False)
    gan, diffusion = order("gan"), order("diffusion")
    assert (len(gan.picked), len(diffusion.picked)) == (10, 5)
    started, cpu = time.perf_counter(), time.process_time()
    gan_files = finished(report_job.start(gan, ME.owner)).result
    diffusion_files = finished(report_job.start(diffusion, ME.owner)).result
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(f"10 runs and 5 experiments read from disk and made: {seconds:.1f} s ({cpu:.1f} s of CPU)")
    assert cpu < LIMIT_CPU_S
    assert len(gan_files.scripts) == 10 and len(diffusion_files.scripts) == 5
    assert len(diffusion_files.document.figures()) == 5 * 2  # each: its grid and its time chart


def _scale(metrics, factor: float) -> None:
    rows = [json.loads(line) for line in metrics.read_text(encoding="utf-8").splitlines()]
    scaled = [row | {"loss_d": row["loss_d"] * factor, "loss_g": row["loss_g"] / factor} for row in rows]
    metrics.write_text("".join(json.dumps(row) + "\n" for row in scaled), encoding="utf-8")
