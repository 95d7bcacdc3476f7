"""The embedded model's server: requests queue, it dies with the app, restarts after a crash, keeps no secret."""

import subprocess
import sys
import threading
from pathlib import Path

from services.llm import endpoints, local_server
from tests.llm.servers import process_alive, wait_until

ROOT = Path(__file__).resolve().parents[2]


def test_local_server_queues_concurrent_requests_instead_of_cutting_them_off(embedded_server):
    """llama_cpp.server interrupts a running stream when a new request arrives unless told not to."""
    replies = []
    params = endpoints.Params(max_tokens=10)
    messages = [{"role": "user", "content": "Count from one to twenty in words."}]

    def ask():
        replies.append(endpoints.stream_chat(endpoints.local_endpoint(), messages, params, temperature=0.0))

    threads = [threading.Thread(target=ask) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert len(replies) == 2
    assert [r.finish_reason for r in replies] == ["length", "length"]
    assert replies[0].text == replies[1].text


ORPHAN_PARENT = """
import sys
sys.path.insert(0, {root!r})
from services.llm import local_server
local_server.LOCAL.ensure()
print(local_server.LOCAL._proc.pid, flush=True)
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


def test_a_crashed_local_server_is_started_again(embedded_server):
    assert local_server.sidebar_state() == ("llm.local.sidebar.running", {"model": local_server.MODEL_NAME})
    first = local_server.LOCAL._proc
    first.kill()
    first.wait()
    assert not local_server.LOCAL.running and local_server.status_key() == "llm.local.stopped"
    assert local_server.sidebar_state() is None  # not loaded: the sidebar does not list it
    reply = endpoints.stream_chat(
        endpoints.local_endpoint(), [{"role": "user", "content": "Hi"}], endpoints.Params(max_tokens=4), 0
    )
    again = local_server.LOCAL._proc  # one new process, running
    assert reply.text and again is not first and again.pid != first.pid and local_server.LOCAL.running


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
    env = local_server.server_environment({**needed, **SECRETS})
    assert env == needed


def test_the_local_server_does_not_inherit_the_apps_secrets(monkeypatch):
    """A Kaggle download puts the key into os.environ; a server started meanwhile must not see it."""
    for name, value in SECRETS.items():
        if name not in ("PORT", "HOST", "CONFIG_FILE", "API_KEY"):
            monkeypatch.setenv(name, value)
    server = local_server.LocalServer(threads=1)
    try:
        server.ensure()
        environ = Path(f"/proc/{server._proc.pid}/environ").read_bytes().split(b"\0")
    finally:
        server.stop()
    names = {item.split(b"=", 1)[0].decode() for item in environ if item}
    assert "PATH" in names and not names & set(SECRETS)
    assert not any(
        SECRETS[name].encode() in item for name in ("KAGGLE_KEY", "OPENAI_API_KEY") for item in environ
    )


SIDEBAR = """
import sys
from services.llm import local_server
print(local_server.sidebar_state(), local_server.LOCAL._proc, "llama_cpp" in sys.modules)
sys.modules["llama_cpp"] = None  # as on Community Cloud, where it is not installed
print(local_server.sidebar_state())
"""


def test_sidebar_state_is_cheap_and_never_starts_the_server():
    result = subprocess.run(
        [sys.executable, "-c", SIDEBAR], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    installed, absent = result.stdout.splitlines()
    assert installed == "None None False"  # installed, not started: not listed as loaded, nothing imported
    assert absent == "None"
