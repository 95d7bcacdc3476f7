"""The control questions of Labs 1 and 2 in a real browser: answered on the student's own GAN run
(a latent slider redraws the generator's pictures) and on a generation of the picked model."""

import pytest

from i18n import t
from services.common.owners import Actor
from services.gan import runs as gan_runs
from services.gan.config import GanConfig
from tests.conftest import serve_app, wait_for_app, whole_page_shot

pytestmark = pytest.mark.browser


@pytest.fixture
def cache_with_a_run(tmp_path_factory, monkeypatch):
    """A cache with a short GAN run on the built-in shapes, as Lab 1's Train tab leaves one."""
    cache = tmp_path_factory.mktemp("questions-e2e")
    monkeypatch.setenv("GENLAB_CACHE", str(cache))
    cfg = GanConfig(size=32, channels=1, g_width=8, d_width=8, batch=16, iterations=20)
    run_id = gan_runs.create(cfg, {"kind": "builtin", "name": "shapes", "limit": 96}, owner="0" * 32)
    assert gan_runs.start(run_id, Actor("0" * 32)).wait(300)
    return cache


def test_lab1_questions_follow_a_latent_slider_and_lab2_shows_the_stages(
    browser, cache_with_a_run, screenshot_dir
):
    with serve_app(cache_with_a_run) as url:
        context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="uk-UA")
        page = context.new_page()
        page.set_default_timeout(60_000)
        page.goto(f"{url}/gan?lang=uk&variant=1")
        wait_for_app(page)
        page.get_by_role("tab", name=t("gan.tab.questions", "uk")).click()
        wait_for_app(page)
        assert page.locator("[data-testid='stException'], [data-testid='stAlertContentError']").count() == 0
        page.locator("[data-testid='stGraphVizChart']").first.wait_for()  # question 1: G and D

        # question 2: moving a coordinate of z redraws the maps and the picture
        pictures = page.locator("[data-testid='stImage'] img")
        before = pictures.evaluate_all("images => images.map(image => image.src)")
        slider = page.locator("[data-testid='stSlider']").filter(has_text="z[").first
        slider.get_by_role("slider").focus()
        for _ in range(8):
            page.keyboard.press("ArrowRight")
        page.wait_for_timeout(300)
        wait_for_app(page)
        after = pictures.evaluate_all("images => images.map(image => image.src)")
        assert after != before
        assert page.locator("[data-testid='stException']").count() == 0
        whole_page_shot(page, screenshot_dir / "gan_questions_uk.png")

        # Lab 2, question 1: the stages of a generation of the tiny model, from noise to the result
        page.goto(f"{url}/diffusion?lang=en&variant=1")
        wait_for_app(page)
        page.get_by_role("tab", name=t("sd.tab.questions", "en")).click()
        wait_for_app(page)
        page.get_by_role("button", name=t("sd.qa.stages_go", "en")).click()
        page.get_by_text(t("sd.qa.steps_shown", "en")).wait_for(timeout=180_000)
        wait_for_app(page)
        assert page.locator("[data-testid='stException'], [data-testid='stAlertContentError']").count() == 0
        assert page.locator("[data-testid='stImage'] img").count() >= 6
        whole_page_shot(page, screenshot_dir / "sd_questions.png")
        context.close()
