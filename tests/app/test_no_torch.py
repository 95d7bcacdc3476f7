"""The app starts, and the LLM lab works, where torch is not installed (Community Cloud)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import sys
for name in ("torch", "diffusers", "transformers", "sklearn"):
    sys.modules[name] = None  # any import of them now fails, as where they are not installed
from streamlit.testing.v1 import AppTest
at = AppTest.from_file({app!r}, default_timeout=60)
at.query_params["lang"] = "en"
at.run()
assert not at.exception, at.exception
assert any("PyTorch is not installed" in c.value for c in at.sidebar.caption)
for page in {pages!r}:
    at.switch_page(page)
    at.run()
    assert not at.exception, (page, at.exception)
for tab in [tab.label for tab in at.tabs]:  # the LLM lab (the last page) draws only its open tab
    at.session_state["llm_tab"] = tab
    at.run()
    assert not at.exception, (tab, at.exception)
for name in ("torch", "diffusers", "transformers"):
    assert sys.modules[name] is None, name + " was imported"
print("ok")
"""


def test_app_and_every_page_render_without_torch():
    pages = ["app_pages/home.py", "app_pages/gan.py", "app_pages/diffusion.py", "app_pages/llm.py"]
    code = SCRIPT.format(app=str(ROOT / "app.py"), pages=pages)
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=180
    )
    assert result.returncode == 0 and result.stdout.strip().endswith("ok"), result.stderr[-3000:]
