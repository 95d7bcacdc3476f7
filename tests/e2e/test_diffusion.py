"""Lab 2 in a real browser: the tiny demo model, a steps sweep, its chart and image grid."""

import pytest

from tests.conftest import wait_for_app

pytestmark = pytest.mark.browser


def test_steps_sweep_with_the_tiny_model(page, app_url, screenshot_dir):
    # a fresh server learns that app.py is the router on its first run, so start there
    page.goto(f"{app_url}/?lang=en&variant=2")
    wait_for_app(page)
    page.goto(f"{app_url}/diffusion?lang=en&variant=2")
    wait_for_app(page)
    page.get_by_role("heading", name="Lab 2 — Stable Diffusion").wait_for()
    # the tiny offline demo model is the default choice; clicking it again keeps it chosen
    page.get_by_text("Tiny demo", exact=True).click()
    wait_for_app(page)
    page.get_by_text("Selected: tiny-sd (random weights)").wait_for(timeout=90_000)
    page.get_by_role("tab", name="txt2img").wait_for()
    wait_for_app(page)
    page.screenshot(path=screenshot_dir / "diffusion_page.png", full_page=True)

    for side in ("Width", "Height"):  # the smallest size: 64 px
        page.get_by_role("slider", name=side).first.press("Home")
        wait_for_app(page)

    page.get_by_role("tab", name="Experiments").click()
    page.get_by_text("· 64×64 ·").first.wait_for()  # the base of the experiment is txt2img's form
    values = page.get_by_role("textbox", name="Values, comma-separated")
    values.fill("1, 2, 4")
    values.press("Enter")
    wait_for_app(page)
    page.get_by_role("button", name="Run experiment").click()

    # the sweep runs as a job; the page polls it and then draws the results
    chart = page.locator("[data-testid='stPlotlyChart']").first
    chart.wait_for(timeout=90_000)
    wait_for_app(page)
    page.get_by_text("Time per image vs steps").first.wait_for()
    images = page.locator("[data-testid='stTabPanel'] [data-testid='stImage']")
    assert images.count() >= 3
    page.get_by_text("Steps: 4 ·").first.wait_for()
    chart.scroll_into_view_if_needed()
    chart.screenshot(path=screenshot_dir / "diffusion_chart.png")
    images.first.locator("xpath=ancestor::*[@data-testid='stHorizontalBlock'][1]").screenshot(
        path=screenshot_dir / "diffusion_grid.png"
    )
    page.screenshot(path=screenshot_dir / "diffusion_experiment.png", full_page=True)

    # the sweep is kept: a reload opens the Experiments tab and reopens the sweep from the URL
    page.reload()
    wait_for_app(page)
    assert page.get_by_role("tab", selected=True).inner_text() == "Experiments"
    page.get_by_text("Time per image vs steps").first.wait_for()
