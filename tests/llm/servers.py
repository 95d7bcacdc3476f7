"""Servers the LLM tests talk to: the real embedded model, and a tiny HTTP server that fails on purpose.

The failing server speaks just enough of the OpenAI API to answer with the errors a
student meets (401 wrong key, 429 rate limit, 404 unknown model, 400 that echoes the
key, a server that never answers); what it answers is chosen by the requested model.
"""

import json
import os
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from services.llm import local_server

ERRORS = {
    "wrong-key": (401, "invalid_api_key", "Incorrect API key provided."),
    "busy": (429, "rate_limit_exceeded", "Rate limit reached for requests."),
    "no-such-model": (404, "model_not_found", "The model `no-such-model` does not exist."),
}


class _FailingHandler(BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802 (http.server's naming)
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        model = body.get("model", "")
        if model == "slow":
            time.sleep(3)
            return self._reply(500, "server_error", "too late")
        if model == "echo-key":  # a careless server that repeats the Authorization header
            return self._reply(
                400, "invalid_request_error", "bad request from " + self.headers["Authorization"]
            )
        self._reply(*ERRORS.get(model, ERRORS["no-such-model"]))

    def _reply(self, status: int, code: str, message: str) -> None:
        data = json.dumps({"error": {"message": message, "type": code, "code": code}}).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("retry-after-ms", "10")  # the client's one retry should not slow the tests
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):  # keep the test output clean
        pass


class _FailingServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):  # a client that timed out has hung up: expected
        pass


@pytest.fixture(scope="session")
def failing_server():
    """Base URL of the failing server."""
    server = _FailingServer(("127.0.0.1", 0), _FailingHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()


@pytest.fixture(scope="session")
def closed_port_url():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/v1"  # nothing listens there once the socket is closed


@pytest.fixture
def embedded_server() -> str:
    """Base URL of the embedded SmolLM2 server: started by the first test that asks, started again
    after a test crashed it, stopped when the tests end (atexit, as in the app)."""
    return local_server.LOCAL.ensure()


def wait_until(predicate, timeout_s: float, step_s: float = 0.1) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step_s)
    return predicate()


def process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True
