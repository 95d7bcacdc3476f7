"""The accelerator's queue, the resident-model cache and the variant catalogue."""

import threading
import time

import pytest

from services.common import compute, jobs, variants
from services.common.model_cache import ModelCache


def test_model_cache_loads_once_and_evicts_least_recently_used():
    cache = ModelCache(max_items=2)
    loads = []

    def loader(name):
        def load():
            loads.append(name)
            return object()

        return load

    a = cache.get("a", loader("a"), "model A")
    assert cache.get("a", loader("a"), "model A") is a
    cache.get("b", loader("b"), "model B")
    cache.get("a", loader("a"), "model A")  # a is now the most recent
    cache.get("c", loader("c"), "model C")  # evicts b
    assert loads == ["a", "b", "c"]
    assert cache.labels() == ["model A", "model C"]
    assert "b" not in cache


def test_model_cache_loads_once_under_concurrent_requests():
    cache = ModelCache(max_items=2)
    calls = []

    def slow_load():
        calls.append(1)
        time.sleep(0.2)
        return "model"

    threads = [threading.Thread(target=cache.get, args=("m", slow_load, "M")) for _ in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert len(calls) == 1


def test_accelerator_lock_serializes_and_reports_waiting_users():
    lock = compute.AcceleratorLock()
    seen_ahead = []
    order = []

    def user(name, hold_s):
        with lock.hold(on_wait=seen_ahead.append):
            order.append(name)
            time.sleep(hold_s)

    first = threading.Thread(target=user, args=("first", 0.3))
    first.start()
    time.sleep(0.05)
    assert lock.busy
    second = threading.Thread(target=user, args=("second", 0))
    second.start()
    time.sleep(0.05)
    assert lock.waiting == 1
    first.join()
    second.join()
    assert order == ["first", "second"] and seen_ahead == [1] and lock.waiting == 0


def _queue_behind(lock, first_holds: threading.Event, release: threading.Event):
    """A thread holding ``lock`` until ``release`` is set (``first_holds`` says when it has it)."""

    def hold():
        with lock.hold(holder=compute.Holder("generation", "owner-a", "job-a")):
            first_holds.set()
            release.wait(5)

    thread = threading.Thread(target=hold)
    thread.start()
    assert first_holds.wait(5)
    return thread


def _wait_until(condition, timeout=5.0):
    deadline = time.time() + timeout
    while not condition():
        assert time.time() < deadline, "timed out"
        time.sleep(0.02)


def test_the_queue_serves_in_order_and_tells_each_waiter_its_place_live():
    lock = compute.AcceleratorLock()
    holds, release = threading.Event(), threading.Event()
    first = _queue_behind(lock, holds, release)
    order, places = [], {"b": [], "c": []}

    def waiter(name):
        holder = compute.Holder("sweep", f"owner-{name}", f"job-{name}")
        with lock.hold(on_wait=places[name].append, holder=holder):
            order.append(name)
            if name == "b":
                time.sleep(0.3)  # c waits behind b: its place must move from 2 to 1

    b = threading.Thread(target=waiter, args=("b",))
    b.start()
    _wait_until(lambda: lock.waiting == 1)
    c = threading.Thread(target=waiter, args=("c",))
    c.start()
    _wait_until(lambda: lock.waiting == 2)
    turns = lock.queue()
    assert [t.holder.job_id for t in turns] == ["job-a", "job-b", "job-c"]  # who queued first, first
    assert turns[0].started is not None and turns[1].started is None and turns[2].started is None
    assert turns[0].queued <= turns[1].queued <= turns[2].queued
    release.set()
    for thread in (first, b, c):
        thread.join(5)
    assert order == ["b", "c"]
    assert places == {"b": [1], "c": [2, 1]}  # each change of place told once
    assert lock.queue() == [] and not lock.busy


def test_a_waiter_that_stops_leaves_the_queue_before_its_turn():
    lock = compute.AcceleratorLock()
    holds, release = threading.Event(), threading.Event()
    first = _queue_behind(lock, holds, release)
    stop, ran, outcome = threading.Event(), [], []

    def waiter():
        try:
            with lock.hold(should_stop=stop.is_set, holder=compute.Holder("generation", "owner-b")):
                ran.append(True)
        except jobs.Cancelled:
            outcome.append("left")

    thread = threading.Thread(target=waiter)
    thread.start()
    _wait_until(lambda: lock.waiting == 1)
    stop.set()
    thread.join(5)
    assert outcome == ["left"] and not ran
    assert [t.holder.owner for t in lock.queue()] == ["owner-a"]  # the running one only
    release.set()
    first.join(5)
    with lock.hold():  # the accelerator is free again
        assert lock.busy


def test_device_is_one_of_the_known_kinds():
    assert compute.device() in ("cuda", "mps", "cpu")
    key, params = compute.device_info()
    assert key.startswith("device.")


def test_variants_match_the_manual():
    assert [v.number for v in variants.VARIANTS] == list(range(1, 11))
    assert variants.get(3).kaggle == "zalando-research/fashionmnist" and variants.get(3).layout == "csv"
    assert variants.get(6).layout == "idx" and variants.get(6).builtin == "digits"
    assert variants.get(1).builtin == "shapes"
    for v in variants.VARIANTS:
        assert v.size in (28, 32, 64) and v.channels in (1, 3)
        assert v.name("uk") != v.name("en") and v.subject("en")
    with pytest.raises(ValueError):
        variants.get(11)
