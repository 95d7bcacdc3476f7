"""Lab 3 in a real browser: a 2×2 comparison (two prompt styles × two languages) on the local model."""

import re

import pytest

from tests.conftest import wait_for_app

pytestmark = pytest.mark.browser


def test_llm_comparison_streams_side_by_side(page, app_url, screenshot_dir):
    page.goto(f"{app_url}/?lang=en")  # a fresh server serves deep links only once the router has run
    wait_for_app(page)
    page.goto(f"{app_url}/llm?lang=en")
    wait_for_app(page)
    page.get_by_role("heading", name="Lab 3 — analysing a large language model").wait_for()

    # The defaults are the 2×2 of the manual's experiments: plain vs role, Ukrainian vs English.
    tokens = page.get_by_role("spinbutton", name="Max answer tokens")
    tokens.fill("40")
    tokens.press("Enter")
    run = page.get_by_role("button", name="Run the comparison (answers: 4)")
    run.wait_for()
    wait_for_app(page)
    run.click()

    page.get_by_text("Done in").wait_for(timeout=150_000)
    wait_for_app(page)
    compare = page.locator("[data-testid='stTabPanel']").first
    assert compare.get_by_text(re.compile(r" s · first token ")).count() == 4  # metrics under each answer
    assert page.locator("[data-testid='stAlertContentError']").count() == 0
    page.get_by_role("button", name="Download CSV").first.wait_for()
    page.set_viewport_size({"width": 1440, "height": 2400})  # the app scrolls inside: show it all
    wait_for_app(page)
    page.screenshot(path=screenshot_dir / "llm_compare.png")

    page.get_by_role("tab", name="Theory and control questions").click()
    page.get_by_text("Head 2").first.wait_for()
    wait_for_app(page)
    page.screenshot(path=screenshot_dir / "llm_theory.png")
