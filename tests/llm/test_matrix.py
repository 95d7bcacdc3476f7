"""Lab 3 comparisons: the matrix is checked before it runs, streams on the real embedded model while a
failing column carries on, can be stopped, and keeps no key."""

import json

import openai
import pytest

from services.common import jobs
from services.common.errors import UserError
from services.llm import endpoints, history, matrix
from tests.llm.test_checks import FIB_FUNCTION

SECRET = "sk-test-never-store-me-0123456789"


def wait_for(job: jobs.Job, timeout_s: float = 120) -> dict:
    assert job.wait(timeout_s), "the comparison did not finish"
    snap = job.snapshot()
    assert snap.state == jobs.DONE, snap.error
    return snap.result


def test_matrix_streams_local_answers_while_a_failing_column_carries_on(embedded_server, failing_server):
    wrong_key = endpoints.Endpoint("wrong-key", failing_server, api_key=SECRET)
    settings = matrix.Matrix(
        tasks=[(1, "easy")],
        styles=["plain"],
        languages=["en", "uk"],
        endpoints=[endpoints.local_endpoint(), wrong_key],
        temperatures=[0.0],
        params=endpoints.Params(max_tokens=12, seed=1),
    )
    record = wait_for(matrix.start(settings, "test"))
    local = [c for c in record["cells"] if c["base_url"] == "local"]
    failed = [c for c in record["cells"] if c["base_url"] != "local"]
    assert len(local) == len(failed) == 2

    for cell in failed:
        assert cell["status"] == matrix.ERROR and cell["error"]["key"] == "llm.error.auth"
        assert cell["text"] == ""
    for cell in local:
        assert cell["status"] == matrix.DONE, cell["error"]
        assert cell["text"].strip()
        assert 0 < cell["ttft_s"] <= cell["latency_s"]
        assert cell["tokens_in"] > 10 and 0 < cell["tokens_out"] <= 12
        assert cell["words"] > 0 and cell["chars"] == len(cell["text"])
        assert cell["tokens_per_s"] is None or cell["tokens_per_s"] > 0
        assert cell["finish_reason"] in ("length", "stop")

    # The streamed text is the answer itself: asked again without streaming, greedy decoding
    # gives the same text.
    client = openai.OpenAI(base_url=embedded_server, api_key="local")
    for cell in local:
        again = client.chat.completions.create(
            model=cell["model"], messages=cell["messages"], temperature=0.0, max_tokens=12, seed=1
        )
        assert again.choices[0].message.content == cell["text"]

    # Saved to the history, and the key is nowhere: not in the record, not in the database.
    assert history.load(record["id"])["cells"] == record["cells"]
    assert SECRET not in json.dumps(record)
    database = history._connect().execute("PRAGMA database_list").fetchone()[2]
    assert SECRET.encode() not in open(database, "rb").read()


def test_a_stopped_comparison_cancels_the_answers_still_waiting(failing_server):
    """One answer at a time at this server: the first is under way when the student stops, the rest wait."""
    slow = endpoints.Endpoint("slow", failing_server, concurrency=1)
    settings = matrix.Matrix(
        [(1, "easy")], ["plain"], ["en"], [slow], [0.2, 0.7, 1.0], endpoints.Params(timeout_s=0.5)
    )
    job = matrix.start(settings, "stopped")
    job.cancel()
    assert job.wait(30) and job.snapshot().state == jobs.CANCELLED
    first, *waiting = job.snapshot().result["cells"]
    assert first["status"] in (matrix.ERROR, matrix.CANCELLED)  # it ran (timed out) or never started
    assert [cell["status"] for cell in waiting] == [matrix.CANCELLED, matrix.CANCELLED]
    assert history.load(job.snapshot().result["id"]) is not None


def test_a_comparison_without_a_single_answer_fails_and_is_saved_as_failed(failing_server):
    broken = endpoints.Endpoint("wrong-key", failing_server, api_key=SECRET)
    settings = matrix.Matrix([(1, "easy")], ["plain"], ["en", "uk"], [broken], [0.0], endpoints.Params())
    job = matrix.start(settings, "failed", owner="o" * 32)
    assert job.wait(60)
    snap = job.snapshot()
    assert snap.state == jobs.FAILED and snap.error.key == "llm.error.auth"
    record = matrix.recorded(job.id)  # the job's id is the comparison's
    assert record["state"] == matrix.FAILED and record["owner"] == "o" * 32
    assert [c["status"] for c in record["cells"]] == [matrix.ERROR, matrix.ERROR]


def test_a_comparison_cut_by_a_restart_keeps_what_finished():
    """Saved while running, with no job behind it in this process: what a restart leaves."""
    settings = matrix.Matrix([(1, "easy")], ["plain"], ["en", "uk"], [endpoints.local_endpoint()], [0.0])
    comparison = matrix.Comparison(settings, "cut")
    comparison.update(0, status=matrix.DONE, text="Hello")
    history.save(comparison.record())
    record = matrix.recorded(comparison.id)
    assert record["state"] == matrix.INTERRUPTED
    assert [c["status"] for c in record["cells"]] == [matrix.DONE, matrix.WAITING]
    assert record["cells"][0]["text"] == "Hello"


def test_one_limit_per_server_whatever_model_is_asked():
    server = endpoints.Endpoint("", "http://localhost:11434/v1", concurrency=2)
    chosen = [endpoints.local_endpoint(), *endpoints.per_model(server, "llama3.2, qwen2.5")]
    cells = matrix.Matrix([(1, "easy")], ["plain"], ["en"], chosen, [0.7]).cells()
    assert matrix.server_concurrency(cells) == {"local": endpoints.LOCAL_CONCURRENCY, server.base_url: 2}


def test_matrix_is_checked_before_anything_runs():
    def build(**changes):
        base = dict(
            tasks=[(1, "easy")],
            styles=["plain"],
            languages=["uk"],
            endpoints=[endpoints.local_endpoint()],
            temperatures=[0.7],
        )
        return matrix.Matrix(**(base | changes))

    assert len(build(styles=["plain", "role", "few_shot"], languages=["uk", "en"]).cells()) == 6
    for bad, key in [
        (build(styles=[]), "llm.error.empty_matrix"),
        (build(temperatures=[2.5]), "llm.error.temperature"),
        (build(styles=["custom"]), "llm.error.empty_custom_style"),
        (build(languages=["de"]), "llm.error.missing_prompt"),
        (
            build(tasks=[(n, "easy") for n in range(1, 11)], temperatures=[0, 0.2, 0.5, 0.7, 1]),
            "llm.error.too_many_cells",
        ),
        (build(params=endpoints.Params(top_p=0)), "llm.error.top_p"),
    ]:
        with pytest.raises(UserError) as caught:
            bad.cells()
        assert caught.value.key == key
    german = build(languages=["de"], prompts={"de": {"1:easy": "Schreibe einen kurzen Artikel über KI."}})
    assert (
        german.cells()[0].messages[-1]["content"]
        == "Schreibe einen kurzen Artikel über KI.\n\nAnswer in German."
    )


def test_an_answer_is_measured_and_checked_when_the_server_reports_no_usage():
    cell = matrix.Matrix([(4, "easy")], ["plain"], ["en"], [endpoints.local_endpoint()], [0.0]).cells()[0]
    reply = endpoints.Reply(FIB_FUNCTION, latency_s=2.0, ttft_s=0.5, chunks=31, prompt_tokens=None,
                      completion_tokens=None, finish_reason="stop", cancelled=False)  # fmt: skip
    fields = matrix.assess(cell, reply)
    assert fields["tokens_estimated"] and fields["tokens_out"] == 31 and fields["tokens_in"] > 10
    assert fields["tokens_per_s"] == pytest.approx(31 / 2.0)
    assert fields["check"].passed and fields["detected_lang"] == "en" and fields["lang_ok"]
