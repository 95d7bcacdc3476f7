"""How long a student waits for the first page, against a bare Streamlit app, in one run.

Each round starts ``streamlit run app.py`` and ``streamlit run`` of a bare app (one
``st.title``) as fresh server processes, each going first in turn, and times from the
launch of the process until headless Chromium shows the page's title with the script run
finished: for GenLab that is Home, in English. Then, in the same browser tab, it opens
each lab from the sidebar and times the click until the lab's page is drawn: the lab's
first open on that server, its imports and first run included. All rounds share one cache
folder, as a server shares its machine's (Lab 2's demo model is built once per machine, in
the warm-up round). Lab times are medians over the rounds; the headline is the median over
the rounds of GenLab's Home time divided by the bare app's.

    python benchmarks/startup.py [--rounds 5]

The last line is the headline, e.g.
``startup 1.21x (home 1.6 s, bare app 1.3 s; lab1 0.4 s, lab2 0.3 s, lab3 0.4 s)``.
"""

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

APP_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(APP_ROOT))

from i18n import t  # noqa: E402
from tests.conftest import CHROMIUM_ARGS  # noqa: E402

BARE_APP = 'import streamlit as st\n\nst.title("GenLab")\n'
LABS = {"lab1": ("gan", "gan.title"), "lab2": ("diffusion", "sd.title"), "lab3": ("llm", "llm.title")}
# drawn: the script has finished its run and nothing on the page is left over from the last one
DRAWN = """(title) => {
    const app = document.querySelector("[data-testid='stApp']");
    const heading = document.querySelector("[data-testid='stMain'] h1");
    return app && app.dataset.testScriptState === "notRunning"
        && heading && heading.textContent.includes(title)
        && !document.querySelector("[data-stale='true'], [data-testid='stSkeleton']");
}"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def launch(script: Path, cache: Path) -> tuple[subprocess.Popen, str]:
    """``streamlit run script`` on a free loopback port, as the tests start the app."""
    port = free_port()
    command = [sys.executable, "-m", "streamlit", "run", str(script), "--server.headless=true"]
    command += [f"--server.port={port}", "--server.address=127.0.0.1", "--browser.gatherUsageStats=false"]
    env = {**os.environ, "GENLAB_CACHE": str(cache)}
    proc = subprocess.Popen(
        command, cwd=APP_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return proc, f"http://127.0.0.1:{port}"


def wait_until_up(proc: subprocess.Popen, url: str, timeout_s: float = 120) -> None:
    deadline = time.perf_counter() + timeout_s
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read() == b"ok":
                    return
        except OSError:
            pass
        if proc.poll() is not None or time.perf_counter() > deadline:
            raise RuntimeError(f"streamlit did not start: {url}")
        time.sleep(0.02)


def first_page(browser, script: Path, cache: Path, title: str, labs: bool) -> dict[str, float]:
    """Seconds from launching the server to its first page drawn; with ``labs``, then to each lab's."""
    began = time.perf_counter()
    proc, url = launch(script, cache)
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="en-US")
    try:
        page = context.new_page()
        page.set_default_timeout(120_000)
        wait_until_up(proc, url)
        page.goto(f"{url}/?lang=en")
        page.wait_for_function(DRAWN, arg=title)
        times = {"home": time.perf_counter() - began}
        for name, (path, key) in LABS.items() if labs else ():
            began = time.perf_counter()
            page.locator(f"[data-testid='stSidebarNav'] a[href$='/{path}']").click()
            page.wait_for_function(DRAWN, arg=t(key, "en"))
            times[name] = time.perf_counter() - began
        return times
    finally:
        context.close()
        proc.terminate()
        proc.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    executable = shutil.which("chromium") or "/usr/bin/chromium"
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        bare, cache = Path(tmp) / "bare_app.py", Path(tmp) / "cache"
        bare.write_text(BARE_APP)
        cache.mkdir()
        contenders = {
            "genlab": lambda: first_page(
                browser, APP_ROOT / "app.py", cache, t("app.title", "en"), labs=True
            ),
            "bare app": lambda: first_page(browser, bare, cache, "GenLab", labs=False),
        }
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        for warm_up in contenders.values():  # the file cache, the browser, the demo model
            warm_up()
        times: dict[str, list[float]] = {}
        for number in range(args.rounds):
            order = list(contenders) if number % 2 == 0 else list(reversed(contenders))
            for name in order:
                result = contenders[name]()
                for page, seconds in result.items():
                    times.setdefault(page if name == "genlab" else name, []).append(seconds)
                print(f"round {number + 1} {name}: " + ", ".join(f"{k} {v:.2f} s" for k, v in result.items()))
        browser.close()
    median = {name: statistics.median(values) for name, values in times.items()}
    ratio = statistics.median(a / b for a, b in zip(times["home"], times["bare app"], strict=True))
    labs = ", ".join(f"{name} {median[name]:.1f} s" for name in LABS)
    print(f"startup {ratio:.2f}x (home {median['home']:.1f} s, bare app {median['bare app']:.1f} s; {labs})")


if __name__ == "__main__":
    main()
