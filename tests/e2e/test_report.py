"""The Lab 1 report in a real browser, in Ukrainian: the student's trained run is listed, ticked and
made into a report; the PDF is downloaded, and its title page and a page of results are drawn to
pictures (pypdfium2) beside a screenshot of the tab, all saved to tests/screenshots/."""

import pypdfium2 as pdfium
import pytest

from services.common import jobs
from services.common.owners import Actor
from services.gan import runs
from services.gan.config import GanConfig
from tests.conftest import serve_app, wait_for_app

pytestmark = pytest.mark.browser

TOKEN = "d" * 32  # the student's browser cookie (ui/session.py), set before the first visit
# a short run of narrow networks: seconds on an idle CPU, a minute or two on a busy shared one
RUN = GanConfig(
    size=32,
    channels=1,
    latent=16,
    g_width=8,
    d_width=8,
    batch=16,
    iterations=60,
    sample_every=30,
    eval_every=30,
)


@pytest.fixture(scope="module")
def app_with_a_run(tmp_path_factory, one_torch_thread):
    """The app on a cache that holds one finished run of the student's (trained by the service)."""
    cache = tmp_path_factory.mktemp("report-app")
    student = Actor.from_token(TOKEN)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GENLAB_CACHE", str(cache))
        data = {"kind": "builtin", "name": "shapes", "limit": 600}
        run_id = runs.create(RUN, data, title="фігури · 32px", owner=student.owner)
        job = runs.start(run_id, student)
        assert job.wait(300) and job.snapshot().state == jobs.DONE, job.snapshot().error
    with serve_app(cache) as url:
        yield url


def _page_picture(pdf: pdfium.PdfDocument, index: int, path) -> None:
    pdf[index].render(scale=1.4).to_pil().save(path)


def test_make_a_lab1_report_and_download_its_pdf(browser, app_with_a_run, screenshot_dir, tmp_path):
    url = app_with_a_run
    context = browser.new_context(
        viewport={"width": 1440, "height": 1000}, locale="uk-UA", accept_downloads=True
    )
    context.add_cookies([{"name": "genlab_owner", "value": TOKEN, "url": url}])
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(f"{url}/?lang=uk&variant=1")  # a fresh server learns the router on its first run
    wait_for_app(page)
    page.goto(f"{url}/gan?lang=uk&variant=1")
    wait_for_app(page)
    page.get_by_role("tab", name="Звіт").click()
    wait_for_app(page)

    # The student's run is listed; tick it and fill in the title page
    page.get_by_text("фігури · 32px · ").click()
    wait_for_app(page)
    for label, value in (
        ("Прізвище та ім’я", "Іван Петренко"),
        ("Група", "КН-21"),
        ("Викладач", "Коваленко О. М."),
    ):
        field = page.get_by_role("textbox", name=label, exact=True)
        field.fill(value)
        field.press("Enter")
        wait_for_app(page)
    conclusions = page.get_by_role("textbox", name="Висновки (їх можна редагувати)")
    assert conclusions.input_value().startswith("Запуск «фігури · 32px»: виконано 60 з 60 ітерацій")

    # Make it: a progress bar, then the downloads and the preview
    page.get_by_role("button", name="Створити звіт").click()
    page.get_by_text("Готово за").wait_for(timeout=120_000)
    wait_for_app(page)
    assert page.locator("[data-testid='stAlertContentError']").count() == 0
    page.get_by_text("Сторінка 1 з ").wait_for()
    with page.expect_download() as download:
        page.get_by_role("button", name="PDF", exact=True).click()
    assert download.value.suggested_filename == "lab1_report_uk.pdf"
    saved = tmp_path / "report.pdf"
    download.value.save_as(saved)

    pdf = pdfium.PdfDocument(saved)
    text = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    assert "ПРАКТИЧНА РОБОТА №1" in text[0] and "Іван Петренко" in text[0] and "КН-21" in text[0]
    assert "Перелік рисунків" in text[1]  # then the list of figures, then the sections
    results = next(i for i, page_text in enumerate(text) if i > 1 and "Рисунок 1 — Втрати" in page_text)
    _page_picture(pdf, 0, screenshot_dir / "report_pdf_title.png")
    _page_picture(pdf, results, screenshot_dir / "report_pdf_results.png")

    # The tab as the student sees it, with the preview of a page of results
    page.get_by_role("slider").focus()
    for _ in range(results):
        page.get_by_role("slider").press("ArrowRight")
    wait_for_app(page)
    page.get_by_text(f"Сторінка {results + 1} з {len(pdf)}").wait_for()
    height = page.evaluate("document.querySelector(\"[data-testid='stMain']\").scrollHeight")
    page.set_viewport_size({"width": 1440, "height": min(max(height, 1000), 4000)})
    page.wait_for_timeout(300)
    page.screenshot(path=screenshot_dir / "report_gan.png")
    context.close()
