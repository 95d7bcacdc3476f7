"""Shared fixtures: an isolated cache, and for browser tests a live app in headless Chromium."""

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

APP_ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = APP_ROOT / "tests" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="module")
def one_torch_thread():
    """Tiny models gain nothing from a second thread, and on a shared machine it costs a lot."""
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


@pytest.fixture(autouse=True)
def isolated_cache(tmp_path_factory, monkeypatch):
    """Every test writes runtime artifacts to its own temporary cache."""
    cache = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("GENLAB_CACHE", str(cache))
    return cache


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serve_app(cache: Path):
    """``streamlit run app.py`` on a free loopback port with its own cache; yields its URL."""
    port = _free_port()
    env = {**os.environ, "GENLAB_CACHE": str(cache), "PYTHONUNBUFFERED": "1"}
    log = open(cache / "streamlit.log", "w")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.headless=true",
            f"--server.port={port}",
            "--server.address=127.0.0.1",
            "--browser.gatherUsageStats=false",
            "--server.fileWatcherType=none",
        ],
        cwd=APP_ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                break
        except OSError:
            pass
        if proc.poll() is not None or time.time() > deadline:
            proc.kill()
            raise RuntimeError("streamlit did not start: " + (cache / "streamlit.log").read_text())
        time.sleep(0.3)
    try:
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="session")
def app_url(tmp_path_factory):
    """The app for the whole test session."""
    with serve_app(tmp_path_factory.mktemp("app-cache")) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium driven by Playwright (which never downloads its own)."""
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(executable).exists():
        pytest.fail("browser tests need Chromium: apt-get install -y chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="en-US")
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


def wait_for_app(page, timeout_ms: int = 60_000) -> None:
    """Wait until Streamlit has run the script and drawn every element (no placeholders left)."""
    page.wait_for_selector("[data-testid='stApp']")
    page.wait_for_function(
        """() => document.querySelector("[data-testid='stMain']")
              && !document.querySelector("[data-testid='stStatusWidget']")
              && !document.querySelector("[data-testid='stSkeleton']")
              && !document.querySelector("[data-stale='true']")""",
        timeout=timeout_ms,
    )
    page.wait_for_load_state("networkidle")  # lazily loaded widget code, images, charts
    page.wait_for_timeout(300)  # let them paint


def whole_page_shot(page, path) -> None:
    """A screenshot of the whole page: Streamlit scrolls inside its main block, so the window grows
    to fit it (up to 9,000 px) and then returns to its size."""
    height = page.evaluate("document.querySelector(\"[data-testid='stMain']\").scrollHeight")
    page.set_viewport_size({"width": 1440, "height": min(max(height, 1000), 9000)})
    page.wait_for_timeout(500)
    page.screenshot(path=path)
    page.set_viewport_size({"width": 1440, "height": 1000})
