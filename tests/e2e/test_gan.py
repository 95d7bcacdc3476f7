"""Lab 1 in a real browser: built-in shapes, a short run to the end, then every result tab; and in
Ukrainian, a cached Kaggle set whose settings survive a trip to Home, and an archive inside an archive."""

import io
import re
import zipfile

import pytest
from playwright.sync_api import expect

from services.common import variants
from services.gan import config, data
from tests.conftest import serve_app, wait_for_app, whole_page_shot

pytestmark = pytest.mark.browser

ITERATIONS = 200
LIMIT = 500  # images: the run and its class probe stay short on a busy CPU
TRAINING_TIMEOUT_MS = 300_000  # a couple hundred small steps and the mode-collapse probe, on a busy CPU
DEFAULTS = config.defaults_for(variants.get(1))


def _tabs(page):
    """The lab's tabs, apart from the control questions above them (which draw charts and tables too)."""
    return page.get_by_test_id("stTabs")


def _open_tab(page, name: str) -> None:
    page.get_by_role("tab", name=name).click()
    wait_for_app(page)


def _slider_left(page, label: str, presses: int) -> None:
    """Move a select slider down by ``presses`` options with the keyboard, as a user can."""
    slider = page.locator("[data-testid='stSlider']").filter(has_text=label).get_by_role("slider")
    slider.focus()
    for _ in range(presses):
        slider.press("ArrowLeft")
    wait_for_app(page)


def _one_lower(options: tuple, value) -> object:
    return options[options.index(value) - 1]


def test_train_a_gan_on_builtin_shapes(page, app_url, screenshot_dir):
    # a fresh server learns that app.py is the router on its first run, so start there
    page.goto(f"{app_url}/?lang=en&variant=1")
    wait_for_app(page)
    page.goto(f"{app_url}/gan?lang=en&variant=1")
    wait_for_app(page)
    page.get_by_role("heading", name="Lab 1 — images with a GAN").wait_for()

    # Data: variant 1 defaults to the built-in shapes at 32 px gray
    limit = _tabs(page).get_by_role("spinbutton", name="At most this many images")
    limit.fill(str(LIMIT))
    limit.press("Enter")
    wait_for_app(page)
    _tabs(page).get_by_role("button", name="Load data").click()
    _tabs(page).get_by_text(f"Loaded {LIMIT} images of 32×32 px (gray)").wait_for()
    wait_for_app(page)
    assert _tabs(page).locator("[data-testid='stImage'] img").first.is_visible()
    whole_page_shot(page, screenshot_dir / "gan_data.png")

    # Model: a short run of narrower networks
    _open_tab(page, "2 · Model")
    iterations = _tabs(page).get_by_role("spinbutton", name="Number of iterations")
    iterations.fill(str(ITERATIONS))
    iterations.press("Enter")
    wait_for_app(page)
    _slider_left(page, "G width (channels)", 1)
    _slider_left(page, "D width (channels)", 1)
    _slider_left(page, "Minibatch m", 1)
    _tabs(page).get_by_text("Generator G: z → image").wait_for()
    whole_page_shot(page, screenshot_dir / "gan_model.png")

    # Train: the plan and how long it takes here, live progress, then the finished run
    _open_tab(page, "3 · Train")
    batch = _one_lower(config.BATCHES, DEFAULTS["batch"])
    _tabs(page).get_by_text(
        f"Data: {LIMIT} images · {ITERATIONS} iterations · m = {batch} · k = 1"
    ).wait_for()
    _tabs(page).get_by_text("Training will take ≈").wait_for()
    _tabs(page).get_by_role("textbox", name="Run name").fill("shapes, narrow")
    _tabs(page).get_by_role("textbox", name="Run name").press("Enter")
    wait_for_app(page)
    _tabs(page).get_by_role("button", name="Start training").click()
    page.locator("[data-testid='stProgress']").first.wait_for()
    page.wait_for_url("**run=*")  # the run is in the URL, so a reload finds it
    _tabs(page).get_by_text("Training done:").wait_for(timeout=TRAINING_TIMEOUT_MS)
    _tabs(page).get_by_role(
        "button", name="Add and continue"
    ).wait_for()  # the page redrawn for a finished run
    wait_for_app(page)
    _tabs(page).get_by_role("heading", name="Run shapes, narrow").wait_for()
    charts = _tabs(page).get_by_test_id("stPlotlyChart")
    expect(charts).to_have_count(2)
    expect(charts.first).to_be_visible()
    expect(charts.last).to_be_visible()
    samples = _tabs(page).locator("[data-testid='stImage'] img")
    samples.first.scroll_into_view_if_needed()
    assert samples.first.is_visible() and samples.first.evaluate("img => img.naturalWidth") >= 500
    whole_page_shot(page, screenshot_dir / "gan_train.png")

    # a reload re-attaches to the run through the URL
    page.reload()
    wait_for_app(page)
    _tabs(page).get_by_text("Training done:").wait_for()
    expect(_tabs(page).get_by_test_id("stPlotlyChart")).to_have_count(2)

    _open_tab(page, "Runs")
    _tabs(page).get_by_test_id("stDataFrame").wait_for()
    whole_page_shot(page, screenshot_dir / "gan_runs.png")

    _open_tab(page, "Sample")
    expect(_tabs(page).locator("[data-testid='stImage'] img")).to_have_count(
        3
    )  # grid, linear and slerp strips
    whole_page_shot(page, screenshot_dir / "gan_samples.png")

    # the reload emptied the session: load the run's data again to compare real and generated classes
    _open_tab(page, "1 · Data")
    limit = _tabs(page).get_by_role("spinbutton", name="At most this many images")
    limit.fill(str(LIMIT))
    limit.press("Enter")
    wait_for_app(page)
    _tabs(page).get_by_role("button", name="Load data").click()
    _tabs(page).get_by_text(f"Loaded {LIMIT} images").wait_for()
    _open_tab(page, "Mode collapse")
    _tabs(page).get_by_text("Class distribution: real vs generated").wait_for()
    expect(_tabs(page).get_by_test_id("stPlotlyChart")).to_have_count(3)
    whole_page_shot(page, screenshot_dir / "gan_collapse.png")


@pytest.fixture(scope="module")
def kaggle_app(tmp_path_factory):
    """An app whose kagglehub cache already holds variant 1's dataset: it loads with no network and no key."""
    root = tmp_path_factory.mktemp("gan-kaggle")
    kagglehub, slug = root / "kagglehub", variants.get(1).kaggle
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GENLAB_CACHE", str(root / "cache"))
        patch.setenv("KAGGLEHUB_CACHE", str(kagglehub))
        shapes = data.load_builtin("shapes", 32, 1, count=120)
        for i, (image, label) in enumerate(zip(shapes.images, shapes.labels, strict=True)):
            folder = kagglehub / "datasets" / slug / "versions" / "2" / data.SHAPES[label]
            folder.mkdir(parents=True, exist_ok=True)
            data.to_pil_grid(image, padding=0).save(folder / f"{i}.png")
        (kagglehub / "datasets" / slug / "2.complete").touch()
        with serve_app(root / "cache") as url:
            yield url


def _zip_of(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, payload in entries.items():
            archive.writestr(name, payload)
    return buffer.getvalue()


def test_kaggle_settings_survive_home_and_back_in_ukrainian(page, kaggle_app, screenshot_dir, tmp_path):
    page.goto(f"{kaggle_app}/?lang=uk&variant=1")
    wait_for_app(page)
    page.goto(f"{kaggle_app}/gan?lang=uk&variant=1")
    wait_for_app(page)

    # Kaggle, downloaded already: no key asked for; load it
    _tabs(page).get_by_text("Kaggle: датасет варіанта").click()
    wait_for_app(page)
    _tabs(page).get_by_text("Набір уже завантажено на сервер (версія 2)").wait_for()
    expect(_tabs(page).get_by_text("Ключ API Kaggle")).to_have_count(0)
    _tabs(page).get_by_role("button", name="Завантажити дані").click()
    _tabs(page).get_by_text("Завантажено 120 зображень 32×32 px").wait_for()

    # 2500 iterations in Model, then Home and back through the sidebar
    _open_tab(page, "2 · Модель")
    iterations = _tabs(page).get_by_role("spinbutton", name="Кількість ітерацій")
    iterations.fill("2500")
    iterations.press("Enter")
    wait_for_app(page)
    page.get_by_role("link", name="Головна").click()
    wait_for_app(page)
    page.get_by_role("link", name="Лаб. 1 · GAN").click()
    wait_for_app(page)
    _open_tab(page, "2 · Модель")
    expect(_tabs(page).get_by_role("spinbutton", name="Кількість ітерацій")).to_have_value("2500")
    _open_tab(page, "1 · Дані")
    _tabs(page).get_by_text(
        "Набір уже завантажено на сервер (версія 2)"
    ).wait_for()  # still the Kaggle source
    _tabs(page).get_by_text("Завантажено 120 зображень 32×32 px").wait_for()
    whole_page_shot(page, screenshot_dir / "gan_data_uk.png")

    # the plan: what trains, how long it takes here, and a name
    _open_tab(page, "3 · Навчання")
    _tabs(page).get_by_text(
        re.compile(r"120 зображень · 2\s500 ітерацій · m = ")
    ).wait_for()  # grouped, in words
    _tabs(page).get_by_text("Навчання триватиме ≈").wait_for()
    _tabs(page).get_by_role("textbox", name="Назва запуску").wait_for()
    whole_page_shot(page, screenshot_dir / "gan_train_uk.png")

    # an archive that holds only another archive says so
    _open_tab(page, "1 · Дані")
    _tabs(page).get_by_text("ZIP-архів").click()
    wait_for_app(page)
    nested = _zip_of({"photos.zip": _zip_of({"a.png": b"not read"})})
    page.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(
        {"name": "пакунок.zip", "mimeType": "application/zip", "buffer": nested}
    )
    _tabs(page).get_by_text("Архів на сервері: «пакунок.zip»").wait_for()
    _tabs(page).get_by_role("button", name="Завантажити дані").click()
    _tabs(page).get_by_text("лише 1 вкладений архів").wait_for()
    expect(_tabs(page).get_by_text("Завантажено 120 зображень")).to_have_count(
        0
    )  # the error is not under a success
    _tabs(page).get_by_text("Дані, завантажені раніше, лишаються: 120 зображень").wait_for()
    whole_page_shot(page, screenshot_dir / "gan_nested_zip_uk.png")

    # a short run on those 120 images, read in Ukrainian: the run, the table, the collapse tab
    _open_tab(page, "2 · Модель")
    iterations = _tabs(page).get_by_role("spinbutton", name="Кількість ітерацій")
    iterations.fill("60")
    iterations.press("Enter")
    wait_for_app(page)
    _slider_left(page, "Міні-батч m", config.BATCHES.index(DEFAULTS["batch"]))  # down to 16
    _open_tab(page, "3 · Навчання")
    _tabs(page).get_by_role("button", name="Почати навчання").click()
    _tabs(page).get_by_text("Навчання завершено: 60 ітерацій").wait_for(timeout=TRAINING_TIMEOUT_MS)
    wait_for_app(page)
    whole_page_shot(page, screenshot_dir / "gan_train_done_uk.png")
    _open_tab(page, "Запуски")
    _tabs(page).get_by_test_id("stDataFrame").wait_for()
    whole_page_shot(page, screenshot_dir / "gan_runs_uk.png")
    _open_tab(page, "Колапс мод")
    _tabs(page).get_by_text("Про колапс судити ще зарано").wait_for()
    whole_page_shot(page, screenshot_dir / "gan_collapse_uk.png")
