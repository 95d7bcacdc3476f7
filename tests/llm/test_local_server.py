"""The embedded model's server: requests queue, it dies with the app, restarts after a crash, keeps no secret."""

import subprocess
import sys
import threading
from pathlib import Path

from services.llm import endpoints, local_server
from tests.llm.servers import process_alive, wait_until

ROOT = Path(__file__).resolve().parents[2]


def test_local_server_queues_concurrent_requests_instead_of_cutting_them_off(embedded_server):
    """llama_cpp.server interrupts a running stream when a new request arrives unless told not to:
    one request more than the pool has servers makes one of them queue."""
    replies = []
    params = endpoints.Params(max_tokens=10)
    messages = [{"role": "user", "content": "Count from one to twenty in words."}]

    def ask():
        replies.append(endpoints.stream_chat(endpoints.local_endpoint(), messages, params, temperature=0.0))

    threads = [threading.Thread(target=ask) for _ in range(local_server.LOCAL.size + 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert len(replies) == len(threads)
    assert {r.finish_reason for r in replies} == {"length"}
    assert len({r.text for r in replies}) == 1


def test_the_pool_is_sized_to_the_cores():
    assert [local_server.pool_size(cores) for cores in (1, 2, 3, 8, 64)] == [1, 2, 3, 4, 4]
    # each server's share of the cores: one thread on a 2-core machine, never more than 4
    assert [local_server._threads(local_server.pool_size(c), c) for c in (1, 2, 8, 16, 64)] == [1, 1, 2, 4, 4]
    assert endpoints.local_endpoint().concurrency == local_server.LOCAL.size == local_server.pool_size()


def test_a_pool_answers_side_by_side_on_different_servers_with_the_same_answers():
    """Requests at once each get a server of their own; at temperature 0 every server gives the
    answer one server gives alone."""
    pool = local_server.LocalPool(size=2)
    messages = [{"role": "user", "content": "Name three colours."}]
    params = endpoints.Params(max_tokens=12)
    try:
        alone = endpoints.stream_chat(endpoints.local_endpoint(), messages, params, temperature=0.0)
        with pool.lease() as first, pool.lease() as second:
            assert first != second and all(server.running for server in pool.servers)
            answers = [
                endpoints.stream_chat(endpoints.Endpoint(local_server.MODEL_NAME, url), messages, params, 0.0)
                for url in (first, second)
            ]
        assert [a.text for a in answers] == [alone.text, alone.text]
        with pool.lease() as again:  # free again: an idle, running server, the first one
            assert again == first
    finally:
        pool.stop()
    assert not pool.running and not pool.crashed


ORPHAN_PARENT = """
import sys
sys.path.insert(0, {root!r})
from services.llm import local_server
local_server.LOCAL.ensure()
print(local_server.LOCAL.servers[0]._proc.pid, flush=True)
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
    running = [server for server in local_server.LOCAL.servers if server.running]
    first = {server._proc.pid for server in running}
    for server in running:
        server._proc.kill()
        server._proc.wait()
    assert not local_server.LOCAL.running and local_server.LOCAL.crashed
    assert local_server.status_key() == "llm.local.stopped"
    assert local_server.sidebar_state() is None  # not loaded: the sidebar does not list it
    reply = endpoints.stream_chat(
        endpoints.local_endpoint(), [{"role": "user", "content": "Hi"}], endpoints.Params(max_tokens=4), 0
    )
    again = {server._proc.pid for server in local_server.LOCAL.servers if server.running}
    assert reply.text and again and not again & first and local_server.LOCAL.running


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
print(local_server.sidebar_state(), local_server.LOCAL.running, "llama_cpp" in sys.modules)
sys.modules["llama_cpp"] = None  # as on Community Cloud, where it is not installed
print(local_server.sidebar_state())
"""


def test_sidebar_state_is_cheap_and_never_starts_the_server():
    result = subprocess.run(
        [sys.executable, "-c", SIDEBAR], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    installed, absent = result.stdout.splitlines()
    assert installed == "None False False"  # installed, not started: not listed as loaded, nothing imported
    assert absent == "None"
