"""The home page in a real browser: language switch and the variant picked once for all labs."""

import time

import pytest

from services.common import owners
from tests.conftest import serve_app, wait_for_app

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


def test_a_link_to_a_lab_works_on_a_freshly_started_server(page, tmp_path):
    """The first visitor may come by a shared link to a lab: the router still runs (sidebar
    with the language switch and the app's navigation), not the lab page on its own."""
    with serve_app(tmp_path) as url:
        page.goto(f"{url}/gan?lang=uk&variant=6")
        wait_for_app(page)
        page.get_by_role("heading", name="Лаб. 1 — зображення з GAN").wait_for()
        nav = page.locator("[data-testid='stSidebarNav'] a")
        assert [a.inner_text().split()[-1] for a in nav.all()] == ["Головна", "GAN", "Diffusion", "LLM"]
        page.get_by_text("Ваш варіант: 6").wait_for()


def test_the_browser_keeps_its_owner_token(page, app_url):
    """The sidebar stores the session's owner token in a cookie from the first click on (nothing
    is owned before), so a reload is the same owner."""
    page.goto(f"{app_url}/?lang=en")
    wait_for_app(page)
    page.get_by_text("Українська").click()
    page.get_by_role("heading", name="GenLab — лабораторія генеративного ШІ").wait_for()
    page.wait_for_function("document.cookie.includes('genlab_owner=')")
    cookie = next(c for c in page.context.cookies() if c["name"] == "genlab_owner")
    assert owners.is_token(cookie["value"])
    assert cookie["sameSite"] == "Strict" and cookie["expires"] > time.time() + 300 * 86400
    page.reload()
    wait_for_app(page)
    page.get_by_text("Українська").click()
    page.get_by_text("English").click()
    page.get_by_role("heading", name="GenLab — a generative-AI workbench").wait_for()
    assert next(c for c in page.context.cookies() if c["name"] == "genlab_owner")["value"] == cookie["value"]
