"""Lab 1 in a real browser: built-in shapes, a short run to the end, then every result tab."""

import pytest
from playwright.sync_api import expect

from tests.conftest import wait_for_app

pytestmark = pytest.mark.browser

ITERATIONS = 200
TRAINING_TIMEOUT_MS = 240_000  # a couple hundred tiny steps and the mode-collapse probe, on a busy CPU


def _open_tab(page, name: str) -> None:
    page.get_by_role("tab", name=name).click()
    wait_for_app(page)


def _shot(page, screenshot_dir, name: str) -> None:
    """The whole page: Streamlit scrolls inside its main block, so grow the window to fit it."""
    height = page.evaluate("document.querySelector(\"[data-testid='stMain']\").scrollHeight")
    page.set_viewport_size({"width": 1440, "height": min(max(height, 1000), 4000)})
    page.wait_for_timeout(300)
    page.screenshot(path=screenshot_dir / name)
    page.set_viewport_size({"width": 1440, "height": 1000})


def _slider_left(page, label: str, presses: int) -> None:
    """Move a select slider down by ``presses`` options with the keyboard, as a user can."""
    slider = page.locator("[data-testid='stSlider']").filter(has_text=label).get_by_role("slider")
    slider.focus()
    for _ in range(presses):
        slider.press("ArrowLeft")
    wait_for_app(page)


def test_train_a_gan_on_builtin_shapes(page, app_url, screenshot_dir):
    # a fresh server learns that app.py is the router on its first run, so start there
    page.goto(f"{app_url}/?lang=en&variant=1")
    wait_for_app(page)
    page.goto(f"{app_url}/gan?lang=en&variant=1")
    wait_for_app(page)
    page.get_by_role("heading", name="Lab 1 — images with a GAN").wait_for()

    # Data: variant 1 defaults to the built-in shapes at 32 px gray
    page.get_by_role("button", name="Load data").click()
    page.get_by_text("Loaded 3000 images of 32×32 px (Gray)").wait_for()
    wait_for_app(page)
    assert page.locator("[data-testid='stImage'] img").first.is_visible()
    _shot(page, screenshot_dir, "gan_data.png")

    # Model: a short run of narrow networks
    _open_tab(page, "2 · Model")
    iterations = page.get_by_role("spinbutton", name="Number of iterations")
    iterations.fill(str(ITERATIONS))
    iterations.press("Enter")
    wait_for_app(page)
    _slider_left(page, "G width (channels)", 1)  # 32 -> 16
    _slider_left(page, "D width (channels)", 1)
    _slider_left(page, "Minibatch m", 1)  # 64 -> 32
    page.get_by_text("Generator G: z → image").wait_for()
    _shot(page, screenshot_dir, "gan_model.png")

    # Train: live progress, then the finished run with its charts and samples
    _open_tab(page, "3 · Train")
    page.get_by_text(f"Data: 3000 images · {ITERATIONS} iterations · m = 32 · k = 1").wait_for()
    page.get_by_role("button", name="Start training").click()
    page.locator("[data-testid='stProgress']").first.wait_for()
    page.wait_for_url("**run=*")  # the run is in the URL, so a reload finds it
    page.get_by_text("Done in").wait_for(timeout=TRAINING_TIMEOUT_MS)
    page.get_by_role("button", name="Add and continue").wait_for()  # the page redrawn for a finished run
    wait_for_app(page)
    charts = page.locator("[data-testid='stPlotlyChart']")
    expect(charts).to_have_count(2)
    expect(charts.first).to_be_visible()
    expect(charts.last).to_be_visible()
    samples = page.locator("[data-testid='stImage'] img")
    samples.first.scroll_into_view_if_needed()
    assert samples.first.is_visible() and samples.first.evaluate("img => img.naturalWidth") >= 500
    _shot(page, screenshot_dir, "gan_train.png")

    # a reload re-attaches to the run through the URL
    page.reload()
    wait_for_app(page)
    page.get_by_text("Done in").wait_for()
    expect(page.locator("[data-testid='stPlotlyChart']")).to_have_count(2)

    _open_tab(page, "Runs")
    page.locator("[data-testid='stDataFrame']").wait_for()
    _shot(page, screenshot_dir, "gan_runs.png")

    _open_tab(page, "Sample")
    expect(page.locator("[data-testid='stImage'] img")).to_have_count(3)  # grid, linear and slerp strips
    _shot(page, screenshot_dir, "gan_samples.png")

    # the reload emptied the session: load the run's data again to compare real and generated classes
    _open_tab(page, "1 · Data")
    page.get_by_role("button", name="Load data").click()
    page.get_by_text("Loaded 3000 images").wait_for()
    _open_tab(page, "Mode collapse")
    page.get_by_text("Class distribution: real vs generated").wait_for()
    expect(page.locator("[data-testid='stPlotlyChart']")).to_have_count(3)
    _shot(page, screenshot_dir, "gan_collapse.png")
