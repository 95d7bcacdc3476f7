"""Where requests go: OpenAI-compatible endpoints, and one streamed chat answer from any of them.

Every endpoint, the embedded local model included, is reached through the same ``openai``
client. API keys live only in ``Endpoint`` objects in memory: ``Endpoint.public()`` is
what records, exports and the history keep (the base URL and the model).
"""

import contextlib
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING
from urllib.parse import urlparse

from services.common.errors import UserError
from services.llm.local_server import LOCAL, MODEL_NAME

if TYPE_CHECKING:
    import openai  # imported where a request is made: it takes ~0.5 s, which Lab 3's first page need not wait

DEFAULT_BASE_URL = "https://api.openai.com/v1"
DEFAULT_MODEL = "gpt-4o-mini"
# The embedded model answers as many requests at once as its pool has servers, one per core
# (local_server.LocalPool); more would only queue at the servers.
LOCAL_CONCURRENCY = LOCAL.size
REMOTE_CONCURRENCY = 4
# The names the openai client itself reads, looked up in the app's secrets, then the environment.
SETTING_NAMES = {"api_key": "OPENAI_API_KEY", "base_url": "OPENAI_BASE_URL", "model": "OPENAI_MODEL"}


@dataclass(frozen=True)
class Endpoint:
    """A model at an OpenAI-compatible server; ``base_url=None`` is the embedded local model."""

    model: str
    base_url: str | None = None
    api_key: str = field(default="", repr=False, compare=False)
    concurrency: int = REMOTE_CONCURRENCY

    @property
    def local(self) -> bool:
        return self.base_url is None

    @property
    def server(self) -> str:
        """What shares a concurrency limit: one server, whatever model is asked."""
        return self.base_url or "local"

    @property
    def label(self) -> str:
        return self.model if self.local else f"{self.model} @ {urlparse(self.base_url).hostname}"

    def public(self) -> dict:
        """What may be stored or exported: never the key."""
        return {"model": self.model, "base_url": self.base_url or "local", "label": self.label}


def local_endpoint() -> Endpoint:
    return Endpoint(MODEL_NAME, None, concurrency=LOCAL_CONCURRENCY)


def check_base_url(url: str) -> str:
    """An http(s) URL with a host, without a trailing slash."""
    url = (url or "").strip().rstrip("/")
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise UserError("llm.error.bad_url", url=url or "—")
    return url


def configured(secrets: Mapping, environ: Mapping) -> dict[str, str]:
    """Endpoint settings (``api_key``, ``base_url``, ``model``) from the app's secrets or the
    environment, secrets first; missing ones are left out."""
    found = {}
    for setting, name in SETTING_NAMES.items():
        value = secrets.get(name) or environ.get(name)
        if value:
            found[setting] = str(value).strip()
    return found


def per_model(server: Endpoint, models: str) -> list[Endpoint]:
    """One endpoint per model of ``models`` ("a, b"), each like ``server`` but for its model."""
    return [replace(server, model=name.strip()) for name in models.split(",") if name.strip()]


def _client(endpoint: Endpoint, timeout_s: float, local_url: str | None = None) -> "openai.OpenAI":
    """A client for the endpoint; for the embedded model, at ``local_url`` (a leased server) or any."""
    import openai

    if endpoint.local:
        url = local_url or LOCAL.ensure()
        return openai.OpenAI(base_url=url, api_key="local", timeout=timeout_s, max_retries=0)
    # Servers without keys (Ollama, vLLM, LM Studio) accept any non-empty one.
    return openai.OpenAI(
        base_url=endpoint.base_url, api_key=endpoint.api_key or "none", timeout=timeout_s, max_retries=1
    )


def user_error(exc: Exception, endpoint: Endpoint, timeout_s: float = 0) -> UserError:
    """What went wrong, as a translation key the user reads in their language."""
    import openai

    where = endpoint.label
    if isinstance(exc, openai.AuthenticationError):
        return UserError("llm.error.auth", where=where)
    if isinstance(exc, openai.PermissionDeniedError):
        return UserError("llm.error.permission", where=where)
    if isinstance(exc, openai.RateLimitError):
        return UserError("llm.error.rate_limit", where=where)
    if isinstance(exc, openai.NotFoundError):
        return UserError("llm.error.not_found", model=endpoint.model, where=where)
    if isinstance(exc, openai.APITimeoutError):
        return UserError("llm.error.timeout", where=where, seconds=round(timeout_s))
    if isinstance(exc, openai.APIConnectionError) or type(exc).__module__.startswith(("httpx", "httpcore")):
        return UserError("llm.error.connection", url=endpoint.base_url or "local")
    if isinstance(exc, openai.BadRequestError | openai.UnprocessableEntityError):
        return UserError("llm.error.bad_request", where=where, detail=_detail(exc, endpoint))
    if isinstance(exc, openai.APIStatusError):
        return UserError(
            "llm.error.server", where=where, status=exc.status_code, detail=_detail(exc, endpoint)
        )
    return UserError("llm.error.unknown", where=where, detail=_detail(exc, endpoint))


def _detail(exc: Exception, endpoint: Endpoint) -> str:
    """The server's own words, short, with the key blanked out should a server echo it."""
    text = str(getattr(exc, "message", None) or exc)
    if endpoint.api_key:
        text = text.replace(endpoint.api_key, "***")
    return text[:240]


def list_models(endpoint: Endpoint, timeout_s: float = 15) -> list[str]:
    """The model ids a server offers: a cheap way to test the URL and the key."""
    import openai

    try:
        return sorted(m.id for m in _client(endpoint, timeout_s).models.list())
    except openai.OpenAIError as exc:
        raise user_error(exc, endpoint, timeout_s) from None


# --- one streamed answer --------------------------------------------------------------------


@dataclass(frozen=True)
class Params:
    """Sampling parameters shared by every cell of a comparison (temperature is a matrix axis).

    The defaults are the lab's starting values: short answers, a fixed seed so a repeat can
    give the same text (where the server honours seeds)."""

    system_prompt: str = ""
    top_p: float = 1.0
    max_tokens: int = 200
    seed: int | None = 42
    timeout_s: float = 120.0

    def check(self) -> None:
        if not 0 < self.top_p <= 1:
            raise UserError("llm.error.top_p")
        if not 1 <= self.max_tokens <= 16384:
            raise UserError("llm.error.max_tokens")


@dataclass
class Reply:
    text: str
    latency_s: float
    ttft_s: float | None
    chunks: int  # content pieces streamed: about one token each
    prompt_tokens: int | None  # from the server's usage, when it reports one
    completion_tokens: int | None
    finish_reason: str | None
    cancelled: bool


def stream_chat(
    endpoint: Endpoint,
    messages: list[dict],
    params: Params,
    temperature: float,
    on_delta: Callable[[str], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> Reply:
    """Stream one chat completion, timing the first token and the whole answer."""
    request = dict(
        model=endpoint.model,
        messages=messages,
        temperature=temperature,
        top_p=params.top_p,
        max_tokens=params.max_tokens,
        stream=True,
        stream_options={"include_usage": True},
    )
    if params.seed is not None:
        request["seed"] = params.seed
    pieces: list[str] = []
    first = usage = finish = None
    cancelled = False
    # the embedded model: one of its servers for this answer alone, so answers run side by side
    server = LOCAL.lease() if endpoint.local else contextlib.nullcontext()
    try:
        with server as local_url:
            client = _client(endpoint, params.timeout_s, local_url)
            started = time.perf_counter()
            with client.chat.completions.create(**request) as stream:
                for chunk in stream:
                    usage = chunk.usage or usage
                    for choice in chunk.choices:
                        finish = choice.finish_reason or finish
                        delta = choice.delta.content if choice.delta else None
                        if delta:
                            first = first or time.perf_counter()
                            pieces.append(delta)
                            if on_delta:
                                on_delta(delta)
                    if should_stop and should_stop():
                        cancelled = True
                        break
            ended = time.perf_counter()
    except UserError:
        raise
    except Exception as exc:  # openai's errors, and transport errors raised mid-stream
        raise user_error(exc, endpoint, params.timeout_s) from None
    return Reply(
        "".join(pieces),
        ended - started,
        first - started if first else None,
        len(pieces),
        usage.prompt_tokens if usage else None,
        usage.completion_tokens if usage else None,
        finish,
        cancelled,
    )
