"""A class on one server: N headless-Chromium sessions against one ``streamlit run``, together vs alone.

Each session does one lab action through the real pages, as a student would. Heavy
actions are long work (two GAN trainings, a batch of images, a steps sweep, a
4-answer comparison); light ones open a page and switch a tab. Every action is timed
alone first, then all at once; the ratio is the wall time of all together over the sum
of each alone (1.0x: the server shares its time perfectly; above: the sessions cost each
other more than their own work). The render time of a light action is from the click
or the link to a page with nothing left to draw.

The browsers run on the server's machine, and a fresh Chromium page costs more CPU than the
server spends on it: so the light scenario also opens a bare Streamlit page (a title and a
line) in as many sessions at once, the floor that this machine sets for any Streamlit app.

    python benchmarks/classroom.py                 # heavy, then light
    python benchmarks/classroom.py --scenario light --light 10

Last line: ``classroom 1.31x (15 sessions: ...; p95 render 2.1 s, a bare Streamlit page 1.9 s)``.
Needs the test requirements (playwright) and Debian's chromium.
"""

import argparse
import asyncio
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.async_api import async_playwright  # noqa: E402

from benchmarks.startup import launch, wait_until_up  # noqa: E402
from tests.conftest import CHROMIUM_ARGS, serve_app  # noqa: E402

BARE_APP = 'import streamlit as st\n\nst.title("GenLab")\nst.write("A bare Streamlit page.")\n'
DONE_TIMEOUT_MS = 1_200_000  # 20 minutes: a stalled job shows as a timeout, not a hang
IDLE_JS = """() => document.querySelector("[data-testid='stMain']")
    && !document.querySelector("[data-testid='stStatusWidget']")
    && !document.querySelector("[data-testid='stSkeleton']")
    && !document.querySelector("[data-stale='true']")"""


async def idle(page, timeout_ms: int = 120_000) -> None:
    await page.wait_for_function(IDLE_JS, timeout=timeout_ms)


async def open_lab(page, url: str, path: str, lang: str = "en") -> None:
    await page.goto(f"{url}/{path}?lang={lang}&variant=1")
    await page.wait_for_selector("[data-testid='stApp']")
    await idle(page)


# --- heavy actions: each returns when its result is on the page ----------------------------------


async def gan_training(page, url: str) -> None:
    await open_lab(page, url, "gan")
    await page.get_by_role("button", name="Load data").click()
    await page.get_by_text("Loaded 3,000 images").wait_for(timeout=DONE_TIMEOUT_MS)
    await page.get_by_role("tab", name="3 · Train").click()
    await idle(page)
    await page.get_by_role("button", name="Start training").click()
    await page.get_by_text("Training done:").wait_for(timeout=DONE_TIMEOUT_MS)


async def generation(page, url: str) -> None:
    await open_lab(page, url, "diffusion")
    await page.get_by_text("Tiny demo", exact=True).click()
    await page.get_by_text("Selected: tiny-sd").wait_for(timeout=DONE_TIMEOUT_MS)
    await idle(page)
    count = page.get_by_role("spinbutton", name="Batch count")
    await count.fill("4")
    await count.press("Enter")
    await idle(page)
    await page.get_by_role("button", name="Generate").first.click()
    await page.get_by_text("Done in").wait_for(timeout=DONE_TIMEOUT_MS)


async def steps_sweep(page, url: str) -> None:
    await open_lab(page, url, "diffusion")
    await page.get_by_text("Tiny demo", exact=True).click()
    await page.get_by_text("Selected: tiny-sd").wait_for(timeout=DONE_TIMEOUT_MS)
    await idle(page)
    await page.get_by_role("tab", name="Experiments").click()
    await idle(page)
    await page.get_by_role("button", name="Run experiment").click()
    await page.get_by_text("Time per image vs steps").first.wait_for(timeout=DONE_TIMEOUT_MS)


async def comparison(page, url: str) -> None:
    await open_lab(page, url, "llm")
    tokens = page.get_by_role("spinbutton", name="Max answer tokens")
    await tokens.fill("60")
    await tokens.press("Enter")
    await idle(page)
    await page.get_by_role("button", name="Run the comparison (answers: 4)").click()
    await page.get_by_text("Done in").wait_for(timeout=DONE_TIMEOUT_MS)


HEAVY = {"gan": gan_training, "gan 2": gan_training, "images": generation, "sweep": steps_sweep}
HEAVY["comparison"] = comparison

# --- light actions: open a lab, switch a tab; the render times are what they measure -----------

LIGHT_PAGES = [("", None), ("gan", "Runs"), ("diffusion", None), ("llm", "History")]


def light_action(path: str, tab: str | None):
    async def action(page, url: str, renders: list[float]) -> None:
        began = time.perf_counter()
        await open_lab(page, url, path)
        renders.append(time.perf_counter() - began)
        if tab:
            began = time.perf_counter()
            await page.get_by_role("tab", name=tab).click()
            await idle(page)
            renders.append(time.perf_counter() - began)

    return action


async def bare_page(page, url: str, renders: list[float]) -> None:
    began = time.perf_counter()
    await page.goto(url)
    await page.wait_for_selector("[data-testid='stApp']")
    await idle(page)
    renders.append(time.perf_counter() - began)


async def bare_floor(browser, sessions: int) -> float:
    """p95 render of a bare Streamlit page opened by ``sessions`` browsers at once on this machine."""
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "bare_app.py"
        script.write_text(BARE_APP)
        proc, url = launch(script, Path(folder))
        try:
            wait_until_up(proc, url)
            await timed(browser, url, bare_page, [])  # warm-up
            renders: list[float] = []
            await asyncio.gather(*(timed(browser, url, bare_page, renders) for _ in range(sessions)))
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    return statistics.quantiles(renders, n=20)[-1]


# --- the measurement --------------------------------------------------------------------------


async def timed(browser, url: str, action, *extra) -> float:
    context = await browser.new_context(viewport={"width": 1440, "height": 1000}, locale="en-US")
    page = await context.new_page()
    page.set_default_timeout(DONE_TIMEOUT_MS)
    began = time.perf_counter()
    try:
        await action(page, url, *extra)
    finally:
        await context.close()
    return time.perf_counter() - began


async def scenario(browser, url: str, actions: dict, light: bool) -> tuple[float, float, float | None]:
    """Each action alone, then all together: (wall together, sum alone, p95 render or None)."""
    renders: list[float] = []
    extra = (renders,) if light else ()
    alone = []
    for name, action in actions.items():
        seconds = await timed(browser, url, action, *extra)
        alone.append(seconds)
        print(f"  alone  {name:<12} {seconds:6.1f} s", flush=True)
    renders.clear()
    began = time.perf_counter()
    together = await asyncio.gather(*(timed(browser, url, action, *extra) for action in actions.values()))
    wall = time.perf_counter() - began
    for name, seconds in zip(actions, together, strict=True):
        print(f"  with all {name:<10} {seconds:6.1f} s", flush=True)
    p95 = statistics.quantiles(renders, n=20)[-1] if len(renders) >= 2 else None
    return wall, sum(alone), p95


async def main(args) -> None:
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    with tempfile.TemporaryDirectory() as cache, serve_app(Path(cache)) as url:
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            # warm-up: the router's first run, the tiny model built and loaded, the data cached
            await timed(browser, url, light_action("", None), [])
            await timed(browser, url, generation)
            lines = []
            if args.scenario in ("heavy", "both"):
                print(f"heavy: {len(HEAVY)} sessions", flush=True)
                wall, alone, _ = await scenario(browser, url, HEAVY, light=False)
                lines.append((wall / alone, len(HEAVY), wall, alone, None))
                print(
                    f"heavy {wall / alone:.2f}x ({len(HEAVY)} sessions: all done {wall:.0f} s "
                    f"vs {alone:.0f} s summed alone)",
                    flush=True,
                )
            if args.scenario in ("light", "both"):
                actions = {
                    f"{path or 'home'} {i}": light_action(path, tab)
                    for i in range(args.light)
                    for path, tab in [LIGHT_PAGES[i % len(LIGHT_PAGES)]]
                }
                print(f"light: {len(actions)} sessions", flush=True)
                wall, alone, p95 = await scenario(browser, url, actions, light=True)
                floor = await bare_floor(browser, len(actions))
                lines.append((wall / alone, len(actions), wall, alone, (p95, floor)))
                print(
                    f"light {wall / alone:.2f}x ({len(actions)} sessions: all done {wall:.1f} s "
                    f"vs {alone:.1f} s summed alone; p95 render {p95:.1f} s, "
                    f"a bare Streamlit page {floor:.1f} s)",
                    flush=True,
                )
            await browser.close()
    worst = max(lines, key=lambda line: line[0])
    sessions = sum(line[1] for line in lines)
    renders = next((line[4] for line in lines if line[4] is not None), None)
    tail = f"; p95 render {renders[0]:.1f} s, a bare Streamlit page {renders[1]:.1f} s" if renders else ""
    print(
        f"classroom {worst[0]:.2f}x ({sessions} sessions: all done {worst[2]:.0f} s "
        f"vs {worst[3]:.0f} s summed alone{tail})"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scenario", choices=("heavy", "light", "both"), default="both")
    parser.add_argument("--light", type=int, default=10, help="light sessions (default 10)")
    asyncio.run(main(parser.parse_args()))
