"""Background jobs: long work off the script thread, with progress, cancel and reattach.

A job runs ``fn(job)`` in a daemon thread. The function reports progress with
``job.report(done, total, **info)``, checks ``job.check_cancelled()`` between steps and
returns its result. Pages never wait on a job: they read ``job.snapshot()`` from a
fragment that reruns every second or so. Jobs are kept in a process-wide registry, so a
reloaded page finds its job again by id (kept in the URL) or by kind and key.
Persisting results across server restarts is the business of each service (a GAN run
keeps checkpoints, a sweep keeps its images), not of this module.
"""

import logging
import threading
import time
import traceback
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from services.common.errors import UserError
from services.common.owners import Actor

log = logging.getLogger(__name__)

QUEUED, RUNNING, DONE, FAILED, CANCELLED = "queued", "running", "done", "failed", "cancelled"


class Cancelled(Exception):
    """Raised by ``Job.check_cancelled`` to unwind a job the user stopped."""


@dataclass
class Snapshot:
    id: str
    kind: str
    key: str | None
    state: str
    done: int
    total: int
    message: str | None
    info: dict
    elapsed_s: float
    eta_s: float | None
    error: UserError | None
    result: object = None
    owner: str | None = None

    @property
    def fraction(self) -> float:
        return min(1.0, self.done / self.total) if self.total else 0.0

    @property
    def finished(self) -> bool:
        return self.state in (DONE, FAILED, CANCELLED)


@dataclass
class Job:
    kind: str
    key: str | None
    fn: Callable[["Job"], object]
    owner: str | None = None  # the hash of the starting browser's token (services/common/owners.py)
    id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])
    state: str = QUEUED
    done: int = 0
    total: int = 0
    message: str | None = None
    info: dict = field(default_factory=dict)
    error: UserError | None = None
    result: object = None
    created: float = field(default_factory=time.time)
    started: float | None = None
    ended: float | None = None
    _first_report: tuple[float, int] | None = None
    _cancel: threading.Event = field(default_factory=threading.Event)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _finished: threading.Event = field(default_factory=threading.Event)

    # --- called from the worker thread -------------------------------------------
    def report(self, done: int, total: int | None = None, message: str | None = None, **info) -> None:
        with self._lock:
            if self._first_report is None:
                self._first_report = (time.time(), done)
            self.done = done
            if total is not None:
                self.total = total
            if message is not None:
                self.message = message
            self.info.update(info)

    def check_cancelled(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    # --- called from pages ---------------------------------------------------------
    def cancel(self) -> None:
        self._cancel.set()

    def wait(self, timeout: float | None = None) -> bool:
        return self._finished.wait(timeout)

    def snapshot(self) -> Snapshot:
        with self._lock:
            now = self.ended or time.time()
            elapsed = now - self.started if self.started else 0.0
            return Snapshot(
                self.id,
                self.kind,
                self.key,
                self.state,
                self.done,
                self.total,
                self.message,
                dict(self.info),
                elapsed,
                self._eta(now),
                self.error,
                self.result,
                self.owner,
            )

    def _eta(self, now: float) -> float | None:
        """Remaining time from the rate since the first report (which skips warm-up)."""
        if self.state != RUNNING or not self.total or self._first_report is None:
            return None
        t0, done0 = self._first_report
        if self.done <= done0 or now <= t0:
            return None
        rate = (self.done - done0) / (now - t0)
        return max(0.0, (self.total - self.done) / rate)

    def _run(self) -> None:
        self.state, self.started = RUNNING, time.time()
        try:
            self.result = self.fn(self)
            self.state = CANCELLED if self._cancel.is_set() else DONE
        except Cancelled:
            self.state = CANCELLED
        except UserError as exc:
            self.error, self.state = exc, FAILED
        except Exception as exc:  # a bug: keep the traceback in the log, show a short text
            log.error("job %s (%s) crashed:\n%s", self.id, self.kind, traceback.format_exc())
            self.error, self.state = UserError("job.crashed", detail=f"{type(exc).__name__}: {exc}"), FAILED
        finally:
            self.ended = time.time()
            self._finished.set()


_JOBS: dict[str, Job] = {}
_REGISTRY_LOCK = threading.Lock()
# a finished job (and its result in memory) is forgotten this long after it ended; its page then
# reads what the work saved on disk, as after a restart
KEEP_FINISHED_S = 3600.0


def start(
    kind: str,
    fn: Callable[[Job], object],
    key: str | None = None,
    job_id: str | None = None,
    owner: str | None = None,
) -> Job:
    """Run ``fn(job)`` in the background and register the job, owned by ``owner``."""
    job = Job(kind=kind, key=key, fn=fn, owner=owner)
    if job_id:
        job.id = job_id
    with _REGISTRY_LOCK:
        _forget_old(time.time())
        _JOBS[job.id] = job
    threading.Thread(target=job._run, name=f"job-{kind}-{job.id}", daemon=True).start()
    return job


def get(job_id: str | None) -> Job | None:
    return _JOBS.get(job_id) if job_id else None


def cancel(job_id: str, actor: Actor) -> None:
    """Stop a job, if ``actor`` may: its owner or an instructor (else ``UserError``)."""
    job = get(job_id)
    if job is not None:
        actor.check(job.owner)
        job.cancel()


def find(kind: str, key: str | None = None, active_only: bool = False) -> list[Job]:
    """Jobs of a kind (and key), newest first."""
    with _REGISTRY_LOCK:
        jobs = [j for j in _JOBS.values() if j.kind == kind and (key is None or j.key == key)]
    if active_only:
        jobs = [j for j in jobs if j.state in (QUEUED, RUNNING)]
    return sorted(jobs, key=lambda j: j.created, reverse=True)


def _forget_old(now: float) -> None:
    for old in [j for j in _JOBS.values() if j.ended is not None and now - j.ended > KEEP_FINISHED_S]:
        del _JOBS[old.id]
