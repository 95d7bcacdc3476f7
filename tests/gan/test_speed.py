"""The page's estimate of how long a run takes: the trainer's own speed here, measured once per shape."""

import time

import pytest

from services.gan import speed
from services.gan.speedups import speed_up
from services.gan.trainer import Trainer
from tests.gan.tiny import tiny

pytestmark = pytest.mark.usefixtures("one_torch_thread")


@pytest.fixture
def measured(monkeypatch):
    """Each measurement the test causes, on a fresh record."""
    calls = []
    measure = speed._measure
    monkeypatch.setattr(speed, "_MEASURED", {})
    monkeypatch.setattr(speed, "_measure", lambda cfg: calls.append(cfg) or measure(cfg))
    return calls


def test_a_shape_is_measured_once(measured):
    cfg = tiny(iterations=100)
    rate = speed.images_per_s(cfg)
    assert rate > 0 and len(measured) == 1
    # rates, loss, seed and length leave the time of an iteration as it was: no new measurement
    same = tiny(iterations=5, lr_g=1e-3, seed=3, loss="minimax")
    assert speed.images_per_s(same) == rate and len(measured) == 1
    speed.images_per_s(tiny(batch=32))  # a larger minibatch is another shape
    assert len(measured) == 2
    assert speed.training_seconds(cfg) == pytest.approx(100 * 16 / rate)
    assert speed.training_seconds(cfg, 300) == pytest.approx(3 * speed.training_seconds(cfg))
    assert speed.training_seconds(tiny(iterations=100, k=2)) == pytest.approx(
        100 * 32 / speed.images_per_s(tiny(k=2))
    )


def test_an_old_measurement_is_taken_again(measured, monkeypatch):
    """The machine's speed changes with its load: a figure older than KEEP_S is measured anew."""
    speed.images_per_s(tiny())
    speed.images_per_s(tiny())
    assert len(measured) == 1
    monkeypatch.setattr(speed, "KEEP_S", 0.0)
    speed.images_per_s(tiny())
    assert len(measured) == 2


def test_the_estimate_matches_the_trainer_on_real_data(measured, shapes):
    """What the estimate says for 60 iterations, against 60 iterations trained right after
    (within a factor of 2.5: the machine is shared, and the run's speed varies with it too)."""
    cfg = tiny(iterations=60)
    estimate = speed.training_seconds(cfg)
    trainer = speed_up(Trainer(cfg, shapes))
    trainer.steps(1)
    began = time.perf_counter()
    trainer.steps(60)
    actual = time.perf_counter() - began
    assert 1 / 2.5 < estimate / actual < 2.5, (estimate, actual)
