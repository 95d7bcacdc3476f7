"""Lab 2's own diffusion model in a real browser: load shapes in Lab 1, train briefly in the Own model tab,
generate a class in txt2img, run a steps sweep with its quality chart, and compare with a GAN run."""

import pytest
from playwright.sync_api import expect

from services.common.owners import Actor
from services.gan import runs as gan_runs
from services.gan.config import GanConfig
from tests.conftest import serve_app, wait_for_app, whole_page_shot

pytestmark = pytest.mark.browser

STEPS = 150  # training steps: a few minutes on a busy 2-core CPU
TRAINING_TIMEOUT_MS = 600_000
SHAPES = {"kind": "builtin", "name": "shapes", "limit": None}  # what Lab 1's Data tab loads for variant 1


@pytest.fixture
def cache_with_a_gan(tmp_path_factory, monkeypatch):
    """A cache holding a short GAN run on the built-in shapes, as Lab 1's Train tab leaves one."""
    import torch

    cache = tmp_path_factory.mktemp("own-e2e")
    monkeypatch.setenv("GENLAB_CACHE", str(cache))
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        cfg = GanConfig(size=32, channels=1, g_width=16, d_width=16, batch=32, iterations=100)
        gan_id = gan_runs.create(cfg, SHAPES, owner="0" * 32)
        assert gan_runs.start(gan_id, Actor("0" * 32)).wait(600)
    finally:
        torch.set_num_threads(threads)
    return cache


def _open_tab(page, name: str) -> None:
    page.get_by_role("tab", name=name).click()
    wait_for_app(page)


def test_train_generate_sweep_and_compare(browser, cache_with_a_gan, screenshot_dir):
    with serve_app(cache_with_a_gan) as url:
        context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="en-US")
        page = context.new_page()
        page.set_default_timeout(60_000)
        page.goto(f"{url}/?lang=en&variant=1")
        wait_for_app(page)

        # Lab 1: load the built-in shapes (kept in the session for Lab 2)
        page.get_by_role("link", name="Lab 1 · GAN").click()
        wait_for_app(page)
        page.get_by_role("button", name="Load data").click()
        page.get_by_text("Loaded 3,000 images").wait_for()

        # Lab 2, Own model: the data from Lab 1, a short run of the small U-Net, watched to the end
        page.get_by_role("link", name="Lab 2 · Stable Diffusion").click()
        wait_for_app(page)
        _open_tab(page, "Own model")
        page.get_by_text("Data from Lab 1:").wait_for()
        page.get_by_text("circle, square, triangle").first.wait_for()
        page.get_by_text("Small", exact=True).click()
        wait_for_app(page)
        steps = page.get_by_role("spinbutton", name="Training steps")
        steps.fill(str(STEPS))
        steps.press("Enter")
        wait_for_app(page)
        page.get_by_role("button", name="Start training").click()
        page.locator("[data-testid='stProgress']").first.wait_for()
        page.wait_for_url("**own=*")  # the run is in the URL, so a reload finds it
        page.get_by_text("Done in").wait_for(timeout=TRAINING_TIMEOUT_MS)
        page.get_by_role("button", name="Generate with it in txt2img").wait_for()
        wait_for_app(page)
        expect(page.locator("[data-testid='stPlotlyChart']")).to_have_count(2)
        page.get_by_text("Rows top to bottom: circle, square, triangle").wait_for()
        whole_page_shot(page, screenshot_dir / "own_train.png")

        # txt2img with the model: a class name as the prompt
        page.get_by_role("button", name="Generate with it in txt2img").click()
        wait_for_app(page)
        assert page.get_by_role("tab", selected=True).inner_text() == "txt2img"
        page.get_by_text("The prompt is a class name").wait_for()
        prompt = page.get_by_role("textbox", name="Prompt", exact=True)
        prompt.fill("circle")
        page.get_by_role("button", name="Generate").click()
        page.get_by_text("Seeds used:").wait_for(timeout=120_000)
        wait_for_app(page)
        assert page.locator("[data-testid='stImage'] img").first.evaluate("img => img.naturalWidth") == 64
        whole_page_shot(page, screenshot_dir / "own_txt2img.png")

        # Experiments: a steps sweep, timed, with the model's quality at each value
        _open_tab(page, "Experiments")
        values = page.get_by_role("textbox", name="Values, comma-separated")
        values.fill("1, 5, 15")
        values.press("Enter")
        wait_for_app(page)
        page.get_by_role("button", name="Run experiment").click()
        page.get_by_text("Quality at each value").wait_for(timeout=TRAINING_TIMEOUT_MS)
        wait_for_app(page)
        page.get_by_text("Lowest Fréchet distance:").wait_for()
        whole_page_shot(page, screenshot_dir / "own_sweep.png")

        # GAN vs diffusion: measured alike, side by side
        _open_tab(page, "GAN vs diffusion")
        page.get_by_role("button", name="Measure both").click()
        page.get_by_text("times as long per image as the GAN").wait_for(timeout=TRAINING_TIMEOUT_MS)
        wait_for_app(page)
        expect(page.locator("[data-testid='stDataFrame']")).to_have_count(1)
        whole_page_shot(page, screenshot_dir / "own_versus.png")

        # the same panel in Ukrainian, as a student reads it
        page.get_by_text("Українська").click()
        wait_for_app(page)
        page.get_by_text("разів більше часу").or_(page.get_by_text("раза більше часу")).first.wait_for()
        whole_page_shot(page, screenshot_dir / "own_versus_uk.png")
        _open_tab(page, "Своя модель")
        page.get_by_text("Рядки згори донизу: коло, квадрат, трикутник").wait_for()
        whole_page_shot(page, screenshot_dir / "own_train_uk.png")
        context.close()
