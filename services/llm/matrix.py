"""Side-by-side LLM comparisons through any OpenAI-compatible endpoint.

A comparison is a matrix — tasks × prompt styles × languages × models × temperatures —
whose cells stream concurrently (at most ``Endpoint.concurrency`` at a time per server)
into a ``Comparison`` that the page polls. Each answer is measured (latency, time to
first token, tokens in and out, tokens per second, length), checked (is it in the
requested language; does the Fibonacci program run; how many SEO keywords) and the whole
comparison is saved to the history when it ends.

Every endpoint, the embedded local model included, is reached through the same ``openai``
client. API keys live only in ``Endpoint`` objects in memory: records, exports and the
history keep the base URL and the model.
"""

import threading
import time
import uuid
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from itertools import product
from urllib.parse import urlparse

import openai

from services.common import jobs
from services.common.errors import UserError
from services.llm import checks as llm_checks
from services.llm import history as llm_history
from services.llm import tasks as llm_tasks
from services.llm.local_server import LOCAL, MODEL_NAME

DEFAULT_BASE_URL = "https://api.openai.com/v1"
DEFAULT_MODEL = "gpt-4o-mini"
MAX_CELLS = 48
# The local server generates one answer at a time (requests queue), so sending it several
# at once only inflates their time to first token; benchmarks/llm_compare.py measures ~1.0x
# on 2 cores even with two server processes, since generation already fills the CPU.
LOCAL_CONCURRENCY = 1
REMOTE_CONCURRENCY = 4

WAITING, RUNNING, DONE, ERROR, CANCELLED = "waiting", "running", "done", "error", "cancelled"


# --- where requests go ----------------------------------------------------------------------


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
    """Endpoint settings from ``st.secrets`` or the environment (secrets win).

    ``OPENAI_API_KEY``, ``OPENAI_BASE_URL`` and ``OPENAI_MODEL``, the names the openai
    client itself reads; missing ones are left out.
    """
    names = {"api_key": "OPENAI_API_KEY", "base_url": "OPENAI_BASE_URL", "model": "OPENAI_MODEL"}
    found = {}
    for field_name, name in names.items():
        value = secrets.get(name) or environ.get(name)
        if value:
            found[field_name] = str(value).strip()
    return found


def _client(endpoint: Endpoint, timeout_s: float) -> openai.OpenAI:
    if endpoint.local:
        return openai.OpenAI(base_url=LOCAL.ensure(), api_key="local", timeout=timeout_s, max_retries=0)
    # Servers without keys (Ollama, vLLM, LM Studio) accept any non-empty one.
    return openai.OpenAI(
        base_url=endpoint.base_url, api_key=endpoint.api_key or "none", timeout=timeout_s, max_retries=1
    )


def user_error(exc: Exception, endpoint: Endpoint, timeout_s: float = 0) -> UserError:
    """What went wrong, as a translation key the user reads in their language."""
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
    try:
        return sorted(m.id for m in _client(endpoint, timeout_s).models.list())
    except openai.OpenAIError as exc:
        raise user_error(exc, endpoint, timeout_s) from None


# --- one streamed answer --------------------------------------------------------------------


@dataclass(frozen=True)
class Params:
    """Sampling parameters shared by every cell (temperature is a matrix axis)."""

    system_prompt: str = ""
    top_p: float = 1.0
    max_tokens: int = 256
    seed: int | None = None
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
    try:
        client = _client(endpoint, params.timeout_s)
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


def estimate_tokens(text: str) -> int:
    """A rough count for servers that report no usage: ~4 bytes of UTF-8 per token.

    Cyrillic letters take two bytes, which matches tokenizers spending about twice as
    many tokens on Ukrainian as on English text.
    """
    return max(1, round(len(text.encode("utf-8")) / 4)) if text else 0


# --- the matrix -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    index: int
    task: int
    level: str
    style: str
    lang: str
    endpoint: Endpoint
    temperature: float
    messages: list[dict]
    expected_lang: str


@dataclass
class Matrix:
    """What to compare. ``prompts`` holds the student's task texts for languages other than uk/en,
    keyed by language, then by ``"task:level"``."""

    tasks: list[tuple[int, str]]  # (task number, level)
    styles: list[str]
    languages: list[str]
    endpoints: list[Endpoint]
    temperatures: list[float]
    params: Params = field(default_factory=Params)
    custom_style: str = ""
    prompts: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def size(self) -> int:
        return (
            len(self.tasks)
            * len(self.styles)
            * len(self.languages)
            * len(self.endpoints)
            * len(self.temperatures)
        )

    def task_text(self, number: int, level: str, lang: str) -> str:
        if lang in llm_tasks.BUILTIN_LANGS:
            return llm_tasks.task(number).text(level, lang)
        text = self.prompts.get(lang, {}).get(f"{number}:{level}", "").strip()
        if not text:
            raise UserError("llm.error.missing_prompt", language=lang, task=number, level=level)
        return text

    def cells(self) -> list[Cell]:
        self.check()
        cells = []
        for (number, level), style, lang, endpoint, temperature in product(
            self.tasks, self.styles, self.languages, self.endpoints, self.temperatures
        ):
            task = llm_tasks.task(number)
            expected = llm_tasks.expected_language(task, lang)
            messages = llm_tasks.messages(
                self.task_text(number, level, lang),
                style,
                lang,
                llm_tasks.role_for(task, lang),
                self.params.system_prompt,
                self.custom_style,
                answer_lang=expected,
            )
            cells.append(
                Cell(
                    len(cells),
                    number,
                    level,
                    style,
                    lang,
                    endpoint,
                    temperature,
                    messages,
                    expected,
                )
            )
        return cells

    def check(self) -> None:
        if not all((self.tasks, self.styles, self.languages, self.endpoints, self.temperatures)):
            raise UserError("llm.error.empty_matrix")
        if self.size > MAX_CELLS:
            raise UserError("llm.error.too_many_cells", cells=self.size, limit=MAX_CELLS)
        if any(not 0 <= t <= 2 for t in self.temperatures):
            raise UserError("llm.error.temperature")
        if "custom" in self.styles and not self.custom_style.strip():
            raise UserError("llm.error.empty_custom_style")
        self.params.check()


@dataclass
class Answer:
    status: str = WAITING
    text: str = ""
    error: dict | None = None  # {"key", "params"} of a UserError: plain data, safe to copy and store
    latency_s: float | None = None
    ttft_s: float | None = None
    tokens_in: int | None = None
    tokens_out: int | None = None
    tokens_estimated: bool = False
    tokens_per_s: float | None = None
    words: int | None = None
    chars: int | None = None
    detected_lang: str | None = None
    lang_ok: bool | None = None
    finish_reason: str | None = None
    check: llm_checks.CheckResult | None = None


def measure(cell: Cell, reply: Reply) -> dict:
    """The metrics of a finished answer, and its objective checks."""
    estimated = reply.completion_tokens is None
    tokens_out = reply.chunks if estimated else reply.completion_tokens
    tokens_in = reply.prompt_tokens
    if tokens_in is None:
        tokens_in = sum(estimate_tokens(m["content"]) + 4 for m in cell.messages)  # +4: role markup
    detected, lang_ok = llm_checks.check_language(reply.text, cell.expected_lang)
    return dict(
        latency_s=reply.latency_s,
        ttft_s=reply.ttft_s,
        tokens_in=tokens_in,
        tokens_out=tokens_out,
        tokens_estimated=estimated,
        # Over the whole answer: a busy server may deliver its tokens in bursts, so the time
        # between the first and the last token alone can be near zero.
        tokens_per_s=tokens_out / reply.latency_s if tokens_out and reply.latency_s > 0 else None,
        words=len(reply.text.split()),
        chars=len(reply.text),
        detected_lang=detected,
        lang_ok=lang_ok,
        finish_reason=reply.finish_reason,
        check=task_check(cell, reply.text),
    )


def task_check(cell: Cell, text: str) -> llm_checks.CheckResult | None:
    task = llm_tasks.task(cell.task)
    if task.check == "fibonacci":
        return llm_checks.check_fibonacci(text)
    if task.check == "seo":
        return llm_checks.check_seo(text, task.seo_requested[cell.level])
    return None


class Comparison:
    """The cells of a matrix and their answers, filled in by worker threads as text streams in."""

    def __init__(self, matrix: Matrix, title: str):
        self.id = uuid.uuid4().hex[:12]
        self.created = time.time()
        self.title = title
        self.params = matrix.params
        self.cells = matrix.cells()
        self.answers = [Answer() for _ in self.cells]
        self._lock = threading.Lock()

    def update(self, index: int, **changes) -> None:
        with self._lock:
            for name, value in changes.items():
                setattr(self.answers[index], name, value)

    def append(self, index: int, delta: str) -> None:
        with self._lock:
            self.answers[index].text += delta

    def record(self) -> dict:
        """A JSON-ready copy: what the page shows, the history keeps and exports contain."""
        with self._lock:
            answers = [asdict(answer) for answer in self.answers]
        return {
            "id": self.id,
            "created": self.created,
            "title": self.title,
            "params": asdict(self.params),
            "cells": [_cell_record(cell) | answer for cell, answer in zip(self.cells, answers, strict=True)],
        }


def _cell_record(cell: Cell) -> dict:
    return {
        "index": cell.index,
        "task": cell.task,
        "level": cell.level,
        "style": cell.style,
        "lang": cell.lang,
        **cell.endpoint.public(),
        "temperature": cell.temperature,
        "expected_lang": cell.expected_lang,
        "messages": cell.messages,
    }


# --- running a comparison ------------------------------------------------------------------------


def start(matrix: Matrix, title: str) -> jobs.Job:
    """Check the matrix, then stream its cells in a background job; the job's result is the record."""
    comparison = Comparison(matrix, title)
    return jobs.start("llm.compare", lambda job: run(job, comparison))


def run(job: jobs.Job, comparison: Comparison) -> dict:
    """Run every cell, at most ``concurrency`` at a time per server, then save the record."""
    total = len(comparison.cells)
    job.report(0, total, comparison=comparison)
    limits = {}
    for cell in comparison.cells:
        limits.setdefault(cell.endpoint.server, threading.Semaphore(cell.endpoint.concurrency))
    workers = min(
        total, sum(c.endpoint.concurrency for c in {c.endpoint.server: c for c in comparison.cells}.values())
    )
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="llm-cell") as pool:
        futures = [
            pool.submit(_run_cell, job, comparison, cell, limits[cell.endpoint.server])
            for cell in comparison.cells
        ]
        for done, future in enumerate(as_completed(futures), start=1):
            future.result()
            job.report(done, total)
    record = comparison.record()
    llm_history.save(record)
    return record


def _run_cell(job: jobs.Job, comparison: Comparison, cell: Cell, limit: threading.Semaphore) -> None:
    while not limit.acquire(timeout=0.2):
        if job.cancel_requested:
            comparison.update(cell.index, status=CANCELLED)
            return
    try:
        if job.cancel_requested:
            comparison.update(cell.index, status=CANCELLED)
            return
        comparison.update(cell.index, status=RUNNING)
        reply = _answer(job, comparison, cell)
    except UserError as error:
        comparison.update(cell.index, status=ERROR, error={"key": error.key, "params": error.params})
        return
    finally:
        limit.release()
    comparison.update(cell.index, **measure(cell, reply), status=CANCELLED if reply.cancelled else DONE)


def _answer(job: jobs.Job, comparison: Comparison, cell: Cell) -> Reply:
    def ask():
        return stream_chat(
            cell.endpoint,
            cell.messages,
            comparison.params,
            cell.temperature,
            on_delta=lambda d: comparison.append(cell.index, d),
            should_stop=lambda: job.cancel_requested,
        )

    try:
        return ask()
    except UserError as error:
        # The local server died under us (killed, out of memory): start it again, ask once more.
        if not (cell.endpoint.local and error.key == "llm.error.connection" and not LOCAL.running):
            raise
        comparison.update(cell.index, text="")
        return ask()


# --- reading records ------------------------------------------------------------------------------

DIMENSIONS = ("task", "level", "style", "lang", "label", "temperature")


def varying(record: dict) -> list[str]:
    """The matrix axes with more than one value: what tells the cells apart."""
    return [d for d in DIMENSIONS if len({c[d] for c in record["cells"]}) > 1]
