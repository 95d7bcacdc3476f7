"""Lab 3 services: comparisons on the real embedded model, errors per column, keys never stored."""

import json
import subprocess
import sys
import threading
from pathlib import Path

import openai
import pytest

from services.common import jobs
from services.common.errors import UserError
from services.llm import history as llm_history
from services.llm import local_server as llm_server
from services.llm import matrix as llm
from tests.llm import servers as llm_servers
from tests.llm.servers import process_alive, wait_until

local_server = llm_servers.local_server
failing_server = llm_servers.failing_server
closed_port_url = llm_servers.closed_port_url
ROOT = Path(__file__).resolve().parents[2]

SECRET = "sk-test-never-store-me-0123456789"


def wait_for(job: jobs.Job, timeout_s: float = 120) -> dict:
    assert job.wait(timeout_s), "the comparison did not finish"
    snap = job.snapshot()
    assert snap.state == jobs.DONE, snap.error
    return snap.result


def test_matrix_streams_local_answers_while_a_failing_column_carries_on(local_server, failing_server):
    wrong_key = llm.Endpoint("wrong-key", failing_server, api_key=SECRET)
    matrix = llm.Matrix(
        tasks=[(1, "easy")],
        styles=["plain"],
        languages=["en", "uk"],
        endpoints=[llm.local_endpoint(), wrong_key],
        temperatures=[0.0],
        params=llm.Params(max_tokens=12, seed=1),
    )
    record = wait_for(llm.start(matrix, "test"))
    local = [c for c in record["cells"] if c["base_url"] == "local"]
    failed = [c for c in record["cells"] if c["base_url"] != "local"]
    assert len(local) == len(failed) == 2

    for cell in failed:
        assert cell["status"] == llm.ERROR and cell["error"]["key"] == "llm.error.auth"
        assert cell["text"] == ""
    for cell in local:
        assert cell["status"] == llm.DONE, cell["error"]
        assert cell["text"].strip()
        assert 0 < cell["ttft_s"] <= cell["latency_s"]
        assert cell["tokens_in"] > 10 and 0 < cell["tokens_out"] <= 12
        assert cell["words"] > 0 and cell["chars"] == len(cell["text"])
        assert cell["tokens_per_s"] is None or cell["tokens_per_s"] > 0
        assert cell["finish_reason"] in ("length", "stop")

    # The streamed text is the answer itself: asked again without streaming, greedy decoding
    # gives the same text.
    client = openai.OpenAI(base_url=local_server, api_key="local")
    for cell in local:
        again = client.chat.completions.create(
            model=cell["model"], messages=cell["messages"], temperature=0.0, max_tokens=12, seed=1
        )
        assert again.choices[0].message.content == cell["text"]

    # Saved to the history, and the key is nowhere: not in the record, not in the database.
    assert llm_history.load(record["id"])["cells"] == record["cells"]
    assert SECRET not in json.dumps(record)
    database = llm_history._connect().execute("PRAGMA database_list").fetchone()[2]
    assert SECRET.encode() not in open(database, "rb").read()


def test_local_server_queues_concurrent_requests_instead_of_cutting_them_off(local_server):
    """llama_cpp.server interrupts a running stream when a new request arrives unless told not to."""
    replies = []
    params = llm.Params(max_tokens=10)
    messages = [{"role": "user", "content": "Count from one to twenty in words."}]

    def ask():
        replies.append(llm.stream_chat(llm.local_endpoint(), messages, params, temperature=0.0))

    threads = [threading.Thread(target=ask) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert len(replies) == 2
    assert [r.finish_reason for r in replies] == ["length", "length"]
    assert replies[0].text == replies[1].text


@pytest.mark.parametrize(
    ("model", "key"),
    [
        ("wrong-key", "llm.error.auth"),
        ("busy", "llm.error.rate_limit"),
        ("no-such-model", "llm.error.not_found"),
    ],
)
def test_server_errors_become_translated_messages(failing_server, model, key):
    endpoint = llm.Endpoint(model, failing_server, api_key=SECRET)
    with pytest.raises(UserError) as caught:
        llm.stream_chat(endpoint, [{"role": "user", "content": "hi"}], llm.Params(), 0.7)
    assert caught.value.key == key
    assert SECRET not in str(caught.value.params)


def test_a_server_that_echoes_the_key_does_not_leak_it(failing_server):
    endpoint = llm.Endpoint("echo-key", failing_server, api_key=SECRET)
    with pytest.raises(UserError) as caught:
        llm.stream_chat(endpoint, [{"role": "user", "content": "hi"}], llm.Params(), 0.7)
    assert caught.value.key == "llm.error.bad_request"
    assert "***" in caught.value.params["detail"] and SECRET not in caught.value.params["detail"]


def test_closed_port_and_timeout(closed_port_url, failing_server):
    hi = [{"role": "user", "content": "hi"}]
    with pytest.raises(UserError) as caught:
        llm.stream_chat(llm.Endpoint("any", closed_port_url), hi, llm.Params(), 0.7)
    assert caught.value.key == "llm.error.connection"
    with pytest.raises(UserError) as caught:
        llm.stream_chat(llm.Endpoint("slow", failing_server), hi, llm.Params(timeout_s=0.5), 0.7)
    assert caught.value.key == "llm.error.timeout"
    with pytest.raises(UserError) as caught:
        llm.list_models(llm.Endpoint("any", closed_port_url))
    assert caught.value.key == "llm.error.connection"


def test_endpoint_settings_come_from_secrets_then_environment_and_urls_are_checked():
    secrets = {"OPENAI_API_KEY": " sk-from-secrets "}
    environ = {"OPENAI_API_KEY": "sk-env", "OPENAI_BASE_URL": "http://localhost:11434/v1", "HOME": "/x"}
    assert llm.configured(secrets, environ) == {
        "api_key": "sk-from-secrets",
        "base_url": "http://localhost:11434/v1",
    }
    assert llm.check_base_url(" http://localhost:1234/v1/ ") == "http://localhost:1234/v1"
    for bad in ("", "localhost:11434", "ftp://host/v1", "http://"):
        with pytest.raises(UserError):
            llm.check_base_url(bad)
    endpoint = llm.Endpoint("m", "https://api.openai.com/v1", api_key=SECRET)
    assert SECRET not in repr(endpoint) and SECRET not in json.dumps(endpoint.public())


def test_matrix_is_checked_before_anything_runs():
    def matrix(**changes):
        base = dict(
            tasks=[(1, "easy")],
            styles=["plain"],
            languages=["uk"],
            endpoints=[llm.local_endpoint()],
            temperatures=[0.7],
        )
        return llm.Matrix(**(base | changes))

    assert len(matrix(styles=["plain", "role", "few_shot"], languages=["uk", "en"]).cells()) == 6
    for bad, key in [
        (matrix(styles=[]), "llm.error.empty_matrix"),
        (matrix(temperatures=[2.5]), "llm.error.temperature"),
        (matrix(styles=["custom"]), "llm.error.empty_custom_style"),
        (matrix(languages=["de"]), "llm.error.missing_prompt"),
        (
            matrix(tasks=[(n, "easy") for n in range(1, 11)], temperatures=[0, 0.2, 0.5, 0.7, 1]),
            "llm.error.too_many_cells",
        ),
        (matrix(params=llm.Params(top_p=0)), "llm.error.top_p"),
    ]:
        with pytest.raises(UserError) as caught:
            bad.cells()
        assert caught.value.key == key
    german = matrix(languages=["de"], prompts={"de": {"1:easy": "Schreibe einen kurzen Artikel über KI."}})
    assert (
        german.cells()[0].messages[-1]["content"]
        == "Schreibe einen kurzen Artikel über KI.\n\nAnswer in German."
    )


def test_history_round_trip_and_delete():
    record = {"id": "abc", "created": 1.0, "title": "t", "cells": [{"text": "привіт"}]}
    llm_history.save(record)
    assert [e.id for e in llm_history.entries()] == ["abc"]
    assert llm_history.load("abc") == record
    llm_history.delete("abc")
    assert llm_history.entries() == [] and llm_history.load("abc") is None


ORPHAN_PARENT = """
import sys
sys.path.insert(0, {root!r})
from services.llm import local_server as llm_server
llm_server.LOCAL.ensure()
print(llm_server.LOCAL.pid, flush=True)
sys.stdin.read()  # wait until killed
"""


def test_local_server_dies_with_the_app_even_when_the_app_is_killed(tmp_path):
    parent = subprocess.Popen(
        [sys.executable, "-c", ORPHAN_PARENT.format(root=str(ROOT))],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
    )
    child = int(parent.stdout.readline())
    assert process_alive(child)
    parent.kill()  # SIGKILL: no atexit handler runs, only the child's watch can notice
    parent.wait()
    assert wait_until(lambda: not process_alive(child), timeout_s=10)


def test_a_crashed_local_server_is_started_again(local_server):
    assert llm_server.sidebar_state() == ("llm.local.sidebar.running", {"model": llm_server.MODEL_NAME})
    first = llm_server.LOCAL._proc
    starts = llm_server.LOCAL.starts
    first.kill()
    first.wait()
    assert not llm_server.LOCAL.running and llm_server.status_key() == "llm.local.stopped"
    assert llm_server.sidebar_state()[0] == "llm.local.sidebar.stopped"
    reply = llm.stream_chat(
        llm.local_endpoint(), [{"role": "user", "content": "Hi"}], llm.Params(max_tokens=4), 0
    )
    assert reply.text and llm_server.LOCAL.starts == starts + 1 and llm_server.LOCAL.running


SECRETS = {
    "KAGGLE_KEY": "kaggle-secret-6d1f0c",
    "KAGGLE_USERNAME": "student",
    "OPENAI_API_KEY": "sk-secret-93ab27",
    "HF_TOKEN": "hf-secret",
    "LLAMA_API_KEY": "llama-secret",  # a prefix the server may keep, a name it may not
    "AWS_SECRET": "aws-secret",
    "DB_PASSWORD": "hunter2",
    "PYTHON_KEYRING_PASSWORD": "x",
    # llama_cpp.server obeys these over its command line: another port, a key, a config file.
    "API_KEY": "k",
    "PORT": "8501",
    "HOST": "0.0.0.0",
    "CONFIG_FILE": "/tmp/x.json",
}


def test_server_environment_keeps_what_the_server_needs_and_no_secret():
    needed = {
        "PATH": "/usr/bin",
        "HOME": "/home/student",
        "LD_LIBRARY_PATH": "/opt/lib",
        "LANG": "uk_UA.UTF-8",
        "LC_ALL": "C.UTF-8",
        "PYTHONPATH": "/app",
        "OMP_NUM_THREADS": "2",
        "CUDA_VISIBLE_DEVICES": "0",
    }
    env = llm_server.server_environment({**needed, **SECRETS})
    assert env == needed


def test_the_local_server_does_not_inherit_the_apps_secrets(monkeypatch):
    """A Kaggle download puts the key into os.environ; a server started meanwhile must not see it."""
    for name, value in SECRETS.items():
        if name not in ("PORT", "HOST", "CONFIG_FILE", "API_KEY"):
            monkeypatch.setenv(name, value)
    server = llm_server.LocalServer(threads=1)
    try:
        server.ensure()
        environ = Path(f"/proc/{server.pid}/environ").read_bytes().split(b"\0")
    finally:
        server.stop()
    names = {item.split(b"=", 1)[0].decode() for item in environ if item}
    assert "PATH" in names and not names & set(SECRETS)
    assert not any(
        SECRETS[name].encode() in item for name in ("KAGGLE_KEY", "OPENAI_API_KEY") for item in environ
    )


SIDEBAR = """
import sys
from services.llm import local_server as llm_server
print(llm_server.sidebar_state(), llm_server.LOCAL.starts, "llama_cpp" in sys.modules)
sys.modules["llama_cpp"] = None  # as on Community Cloud, where it is not installed
print(llm_server.sidebar_state())
"""


def test_sidebar_state_is_cheap_and_never_starts_the_server():
    result = subprocess.run(
        [sys.executable, "-c", SIDEBAR], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    installed, absent = result.stdout.splitlines()
    model = llm_server.MODEL_NAME
    assert installed == f"('llm.local.sidebar.stopped', {{'model': '{model}'}}) 0 False"
    assert absent == "None"
