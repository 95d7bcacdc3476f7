"""The sandbox for model-written code: each way out is tried, and each is refused."""

import os
import socket
import sys
import threading
from pathlib import Path

import pytest

from services.common import sandbox
from services.common.errors import UserError

# the README's test command installs bubblewrap: on Linux the sandbox must work
pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the sandbox needs Linux namespaces"
)

ATTEMPT = """
import json, sys
try:
    result = {"ok": True, "value": repr((lambda: (%s))())}
except BaseException as exc:
    result = {"ok": False, "error": type(exc).__name__}
print(json.dumps(result))
"""


def attempt(expression: str) -> dict:
    import json

    done = sandbox.run_python(ATTEMPT % expression, timeout_s=10)
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture
def victim(tmp_path):
    """A file and a folder of the server's that the program must not touch."""
    target = tmp_path / "victim.txt"
    target.write_text("precious")
    return target


def test_a_program_runs_and_sees_its_files():
    done = sandbox.run_python(
        "import sys; print(open('in.txt').read(), sys.argv[1])", args=("arg",), files={"in.txt": "data"}
    )
    assert done.returncode == 0 and done.stdout.split() == ["data", "arg"]


def test_it_may_write_in_its_own_folder_only():
    assert attempt("open('mine.txt', 'w').write('x')") == {"ok": True, "value": "1"}


@pytest.mark.parametrize(
    "expression",
    [
        "__import__('os').truncate({victim!r}, 0)",
        "open({victim!r}, 'w')",
        "__import__('os').mkdir({folder!r} + '/made')",
        "__import__('os').chmod({victim!r}, 0o777)",
        "__import__('os').rename({victim!r}, {victim!r} + '.moved')",
        "__import__('os').symlink({victim!r}, {folder!r} + '/link')",
        "__import__('os').remove({victim!r})",
        "__import__('os').listdir({folder!r})",
        "open({victim!r}).read()",
    ],
    ids=["truncate", "open-write", "mkdir", "chmod", "rename", "symlink", "remove", "listdir", "read"],
)
def test_the_servers_files_are_out_of_reach(victim, expression):
    folder = str(victim.parent)
    result = attempt(expression.format(victim=str(victim), folder=folder))
    assert result["ok"] is False, result
    assert victim.read_text() == "precious" and oct(victim.stat().st_mode)[-3:] != "777"
    assert sorted(p.name for p in victim.parent.iterdir()) == ["victim.txt"]


def test_the_app_and_home_folders_cannot_be_listed():
    for folder in (str(Path(__file__).resolve().parents[2]), os.path.expanduser("~"), "/etc"):
        assert attempt(f"__import__('os').listdir({folder!r})")["ok"] is False, folder


def test_no_network_even_to_the_servers_own_port():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    accepted = []
    threading.Thread(target=lambda: accepted.append(server.accept()), daemon=True).start()
    port = server.getsockname()[1]
    result = attempt(f"__import__('socket').create_connection(('127.0.0.1', {port}), timeout=2)")
    server.close()
    assert result["ok"] is False and not accepted


def test_no_other_processes_or_threads():
    assert attempt("__import__('subprocess').run(['true'])")["ok"] is False
    assert attempt("__import__('os').fork()")["ok"] is False
    assert attempt("__import__('threading').Thread(target=print).start()")["ok"] is False


def test_ctypes_goes_no_further(tmp_path):
    made = tmp_path / "by-ctypes"
    result = attempt(f"__import__('ctypes').CDLL(None).mkdir({str(made).encode()!r}, 0o777)")
    assert result == {"ok": True, "value": "-1"} and not made.exists()


def test_memory_and_time_are_limited():
    assert attempt("len(bytearray(2 << 30))") == {"ok": False, "error": "MemoryError"}
    with pytest.raises(UserError) as caught:
        sandbox.run_python("while True: pass", timeout_s=1.5)
    assert caught.value.key == "sandbox.timeout"


def test_unavailable_says_why(monkeypatch):
    monkeypatch.setattr(sandbox.shutil, "which", lambda tool: None)
    sandbox._probe.cache_clear()
    try:
        assert sandbox.unavailable() == "sandbox.no_bwrap"
        with pytest.raises(UserError) as caught:
            sandbox.run_python("print(1)")
        assert caught.value.key == "sandbox.no_bwrap"
    finally:
        monkeypatch.undo()
        sandbox._probe.cache_clear()
