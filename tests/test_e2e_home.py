"""The home page in a real browser: language switch and the variant picked once for all labs."""

import pytest

from tests.conftest import wait_for_app

pytestmark = pytest.mark.browser


def test_home_language_and_variant(page, app_url, screenshot_dir):
    page.goto(f"{app_url}/?lang=en")
    wait_for_app(page)
    page.get_by_role("heading", name="GenLab — a generative-AI workbench").wait_for()
    page.screenshot(path=screenshot_dir / "home_en.png", full_page=True)

    page.get_by_text("Українська").click()
    page.get_by_role("heading", name="GenLab — лабораторія генеративного ШІ").wait_for()
    assert "lang=uk" in page.url

    page.locator("[data-testid='stSelectbox']").first.click()
    page.get_by_role("option", name="5. Обличчя людей (FFHQ)").click()
    page.get_by_text("Ваш варіант: 5").wait_for()
    assert "variant=5" in page.url
    page.screenshot(path=screenshot_dir / "home_uk.png", full_page=True)

    # the choice survives a reload and reaches the labs through the URL
    page.reload()
    wait_for_app(page)
    page.get_by_text("Ваш варіант: 5").wait_for()
