"""Background jobs: progress, results, cancel, errors, lookup."""

import threading
import time

import pytest

from services.common import jobs
from services.common.errors import UserError


def test_job_reports_progress_and_returns_its_result():
    gate = threading.Event()

    def work(job):
        for i in range(1, 5):
            job.report(i, 4, loss=i * 0.5)
            if i == 2:
                gate.wait(5)
        return "finished"

    job = jobs.start("test", work, key="a")
    deadline = time.time() + 5
    while job.snapshot().done < 2 and time.time() < deadline:
        time.sleep(0.01)
    snap = job.snapshot()
    assert snap.state == jobs.RUNNING and snap.done == 2 and snap.fraction == 0.5
    assert snap.info["loss"] == 1.0
    gate.set()
    assert job.wait(5)
    snap = job.snapshot()
    assert snap.state == jobs.DONE and snap.result == "finished" and snap.finished


def test_cancel_stops_a_job_between_steps():
    steps = []

    def work(job):
        for i in range(1000):
            job.check_cancelled()
            steps.append(i)
            time.sleep(0.005)

    job = jobs.start("test", work)
    time.sleep(0.05)
    job.cancel()
    assert job.wait(5)
    assert job.snapshot().state == jobs.CANCELLED
    assert 0 < len(steps) < 1000


def test_user_errors_and_crashes_become_failed_jobs_with_messages():
    def bad_input(job):
        raise UserError("gan.data.empty", path="x")

    def bug(job):
        raise ZeroDivisionError("oops")

    for fn, key in ((bad_input, "gan.data.empty"), (bug, "job.crashed")):
        job = jobs.start("test", fn)
        job.wait(5)
        snap = job.snapshot()
        assert snap.state == jobs.FAILED and snap.error.key == key


def test_eta_comes_from_the_measured_rate():
    def work(job):
        for i in range(0, 11):
            job.report(i, 100)
            time.sleep(0.01)
        time.sleep(0.3)

    job = jobs.start("test", work)
    time.sleep(0.2)
    eta = job.snapshot().eta_s
    assert eta is not None and 0.3 < eta < 5  # ~90 steps left at ~100 steps/s
    job.wait(5)


def test_find_returns_jobs_of_a_kind_newest_first():
    first = jobs.start("find-me", lambda job: 1, key="k")
    second = jobs.start("find-me", lambda job: 2, key="k")
    jobs.start("find-me", lambda job: 3, key="other")
    assert [j.id for j in jobs.find("find-me", "k")] == [second.id, first.id]
    assert jobs.get(first.id) is first and jobs.get("nope") is None


def test_only_the_owner_or_an_instructor_may_stop_a_job():
    from services.common.owners import Actor

    owner, other = Actor("a" * 32), Actor("b" * 32)
    teacher = Actor("c" * 32, instructor=True)
    gate = threading.Event()

    def work(job):
        while not job.cancel_requested:
            gate.wait(0.01)

    job = jobs.start("test-owned", work, owner=owner.owner)
    with pytest.raises(UserError) as caught:
        jobs.cancel(job.id, other)
    assert caught.value.key == "common.not_yours" and not job.cancel_requested
    assert job.snapshot().owner == owner.owner
    jobs.cancel(job.id, teacher)
    assert job.wait(5) and job.snapshot().state == jobs.CANCELLED


def test_finished_jobs_are_forgotten_after_a_while(monkeypatch):
    old = jobs.start("old", lambda job: "result")
    assert old.wait(5)
    monkeypatch.setattr(jobs, "KEEP_FINISHED_S", 0.0)
    time.sleep(0.01)
    running = jobs.start("new", lambda job: time.sleep(0.2))
    assert jobs.get(old.id) is None and jobs.get(running.id) is running  # a running job stays
    assert running.wait(5)
