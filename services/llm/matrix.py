"""Where the LLM side-by-side matrix is run.

A comparison is a matrix — tasks × prompt styles × languages × models × temperatures —
whose cells stream concurrently (at most ``Endpoint.concurrency`` at a time per server)
into a ``Comparison`` that the page polls. Each answer is measured (``metrics``), checked
(``checks``: is it in the requested language; does the Fibonacci program run; how many
SEO keywords) and the whole comparison is saved to the history when it ends.
"""

import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from itertools import product

from services.common import jobs
from services.common.errors import UserError
from services.llm import checks, history, metrics, tasks
from services.llm.endpoints import Endpoint, Params, Reply, stream_chat
from services.llm.local_server import LOCAL

JOB_KIND = "llm.compare"
MAX_CELLS = 48
WAITING, RUNNING, DONE, ERROR, CANCELLED = "waiting", "running", "done", "error", "cancelled"
# a whole comparison: running, then done (some answer came), failed (none did) or cancelled;
# "interrupted" when read back running with no job behind it: the server stopped meanwhile
FAILED, INTERRUPTED = "failed", "interrupted"

# The page's first matrix: the manual's 2×2 experiment (plain vs role, Ukrainian vs English)
# on the student's own task, easy, at the usual temperature. Sampling starts at ``Params()``.
START_LEVELS = ("easy",)
START_STYLES = ("plain", "role")
START_LANGUAGES = tasks.BUILTIN_LANGS
START_TEMPERATURES = (0.7,)
TEMPERATURES = (0.0, 0.2, 0.5, 0.7, 1.0, 1.3)  # offered; any in 0..2 runs


# --- what to compare ----------------------------------------------------------------------------


def prompt_key(number: int, level: str) -> str:
    """Where ``Matrix.prompts`` keeps the student's text of a task at a level."""
    return f"{number}:{level}"


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
    keyed by language, then by ``prompt_key``."""

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
        if lang in tasks.BUILTIN_LANGS:
            return tasks.task(number).text(level, lang)
        text = self.prompts.get(lang, {}).get(prompt_key(number, level), "").strip()
        if not text:
            raise UserError("llm.error.missing_prompt", language=lang, task=number, level=level)
        return text

    def cells(self) -> list[Cell]:
        """Every combination of the axes as a cell with its chat messages; checks the matrix first."""
        self.check()
        axes = product(self.tasks, self.styles, self.languages, self.endpoints, self.temperatures)
        return [
            self._cell(index, number, level, style, lang, endpoint, temperature)
            for index, ((number, level), style, lang, endpoint, temperature) in enumerate(axes)
        ]

    def _cell(self, index, number, level, style, lang, endpoint, temperature) -> Cell:
        task = tasks.task(number)
        expected = tasks.expected_language(task, lang)
        messages = tasks.messages(
            self.task_text(number, level, lang),
            style,
            lang,
            tasks.role_for(task, lang),
            self.params.system_prompt,
            self.custom_style,
            answer_lang=expected,
        )
        return Cell(index, number, level, style, lang, endpoint, temperature, messages, expected)

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


# --- the answers ------------------------------------------------------------------------------


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
    check: checks.CheckResult | None = None


def assess(cell: Cell, reply: Reply) -> dict:
    """A finished answer's metrics and its objective checks, as fields of its ``Answer``."""
    detected, lang_ok = checks.check_language(reply.text, cell.expected_lang)
    return metrics.measure(reply, cell.messages) | dict(
        detected_lang=detected,
        lang_ok=lang_ok,
        check=checks.check_task(tasks.task(cell.task), cell.level, reply.text),
    )


class Comparison:
    """The cells of a matrix and their answers, filled in by worker threads as text streams in."""

    def __init__(self, matrix: Matrix, title: str, owner: str | None = None):
        self.id = uuid.uuid4().hex[:12]
        self.created = time.time()
        self.title = title
        self.owner = owner
        self.state = RUNNING
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
            "owner": self.owner,
            "state": self.state,
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


def start(matrix: Matrix, title: str, owner: str | None = None) -> jobs.Job:
    """Check the matrix, then stream its cells in a background job whose id is the comparison's:
    a link to it finds the job while it runs, and the saved record after a restart."""
    comparison = Comparison(matrix, title, owner)
    return jobs.start(JOB_KIND, lambda job: run(job, comparison), job_id=comparison.id, owner=owner)


def run(job: jobs.Job, comparison: Comparison) -> dict:
    """Answer every cell, at most ``concurrency`` at a time per server, saving as answers finish."""
    # 1. Show every cell, waiting, and keep the comparison in the history from the start
    job.report(0, len(comparison.cells), comparison=comparison)
    history.save(comparison.record())

    # 2. How many answers each server may stream at once, whatever model is asked
    concurrency = server_concurrency(comparison.cells)

    # 3. Stream the cells concurrently, within each server's limit; each finished answer is saved
    _answer_all(job, comparison, concurrency)

    # 4. The outcome, saved: a comparison without a single answer failed, and says why
    return _finish(job, comparison)


def _finish(job: jobs.Job, comparison: Comparison) -> dict:
    answers = comparison.record()["cells"]
    failed = [cell["error"] for cell in answers if cell["status"] == ERROR]
    if job.cancel_requested:
        comparison.state = CANCELLED
    elif failed and not any(cell["status"] == DONE for cell in answers):
        comparison.state = FAILED
    else:
        comparison.state = DONE
    record = comparison.record()
    history.save(record)
    if comparison.state == FAILED:
        raise UserError(failed[0]["key"], **failed[0]["params"])
    return record


def recorded(comparison_id: str) -> dict | None:
    """A saved comparison, with its state as it stands now (see ``state_now``)."""
    record = history.load(comparison_id)
    if record:
        record["state"] = state_now(comparison_id, record.get("state", DONE))
    return record


def state_now(comparison_id: str, saved: str) -> str:
    """Saved as running, but no job of this process answers it: a server restart cut it."""
    return INTERRUPTED if saved == RUNNING and jobs.get(comparison_id) is None else saved


def server_concurrency(cells: list[Cell]) -> dict[str, int]:
    """Server -> the concurrency of its first endpoint: one limit for all the models it serves."""
    limits: dict[str, int] = {}
    for cell in cells:
        limits.setdefault(cell.endpoint.server, cell.endpoint.concurrency)
    return limits


def _answer_all(job: jobs.Job, comparison: Comparison, concurrency: dict[str, int]) -> None:
    """A worker per answer that may stream at once; the job counts the answers as they end."""
    total = len(comparison.cells)
    slots = {server: threading.Semaphore(limit) for server, limit in concurrency.items()}
    workers = min(total, sum(concurrency.values()))
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="llm-cell") as pool:
        futures = [
            pool.submit(_answer_cell, job, comparison, cell, slots[cell.endpoint.server])
            for cell in comparison.cells
        ]
        for done, future in enumerate(as_completed(futures), start=1):
            future.result()
            job.report(done, total)
            history.save(comparison.record())  # what finished survives a restart


def _answer_cell(job: jobs.Job, comparison: Comparison, cell: Cell, slot: threading.Semaphore) -> None:
    """One cell: wait for its server, stream the answer into the comparison, measure and check it."""
    # 1. Wait for a free slot at the cell's server, unless the comparison is stopped meanwhile
    if not _take(slot, job):
        comparison.update(cell.index, status=CANCELLED)
        return

    # 2. Stream the answer; a server's error is this cell's, the others carry on
    try:
        comparison.update(cell.index, status=RUNNING)
        reply = _stream(job, comparison, cell)
    except UserError as error:
        comparison.update(cell.index, status=ERROR, error={"key": error.key, "params": error.params})
        return
    finally:
        slot.release()

    # 3. Measure and check it
    comparison.update(cell.index, **assess(cell, reply), status=CANCELLED if reply.cancelled else DONE)


def _take(slot: threading.Semaphore, job: jobs.Job) -> bool:
    """Hold a slot, or nothing once the job is stopped: False then."""
    while not slot.acquire(timeout=0.2):
        if job.cancel_requested:
            return False
    if job.cancel_requested:
        slot.release()
        return False
    return True


def _stream(job: jobs.Job, comparison: Comparison, cell: Cell) -> Reply:
    """The cell's answer, its text appended to the comparison as it streams."""

    def ask() -> Reply:
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
        # A local server died under us (killed, out of memory): start it again, ask once more.
        if not (cell.endpoint.local and error.key == "llm.error.connection" and LOCAL.crashed):
            raise
        comparison.update(cell.index, text="")
        return ask()


# --- reading records ------------------------------------------------------------------------------

DIMENSIONS = ("task", "level", "style", "lang", "label", "temperature")


def varying(record: dict) -> list[str]:
    """The matrix axes with more than one value: what tells the cells apart."""
    return [d for d in DIMENSIONS if len({c[d] for c in record["cells"]}) > 1]
