"""The accelerator lock, the resident-model cache and the variant catalogue."""

import threading
import time

import pytest

from services.common import compute, variants
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
