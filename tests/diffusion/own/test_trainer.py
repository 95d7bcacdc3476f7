"""The DDPM trainer: it learns on tiny data, and a checkpoint continues exactly."""

import pytest
import torch

from services.diffusion.own.trainer import Trainer
from tests.diffusion.inputs import user_error
from tests.diffusion.own.conftest import tiny

pytestmark = pytest.mark.usefixtures("one_torch_thread")


def test_a_few_steps_lower_the_loss_on_tiny_data(shapes):
    trainer = Trainer(tiny(batch=16, lr=2e-3, warmup=10), shapes.images[:32], shapes.labels[:32])
    losses = [trainer.steps(1) for _ in range(60)]
    first, last = sum(losses[:10]) / 10, sum(losses[-10:]) / 10
    assert last < 0.6 * first, (first, last)
    assert trainer.step_count == 60


def test_a_checkpoint_continues_as_if_never_stopped(shapes, tmp_path):
    images, labels = shapes.images[:32], shapes.labels[:32]
    straight = Trainer(tiny(), images, labels)
    straight.steps(3)
    expected = [straight.steps(1) for _ in range(2)]

    first = Trainer(tiny(), images, labels)
    first.steps(3)
    first.save(tmp_path / "checkpoint.safetensors")
    second = Trainer(tiny(), images, labels)
    second.load(tmp_path / "checkpoint.safetensors")
    assert second.step_count == 3
    assert [second.steps(1) for _ in range(2)] == pytest.approx(expected, rel=1e-5)
    averaged, again = straight.averaged(), second.averaged()
    for a, b in zip(averaged.parameters(), again.parameters(), strict=True):
        assert torch.allclose(a, b, atol=1e-6)


def test_images_of_another_size_are_refused(shapes):
    assert user_error(Trainer, tiny(size=64), shapes.images, shapes.labels).key == "sd.own.err.shape"


def test_a_damaged_checkpoint_is_a_message(shapes, tmp_path):
    broken = tmp_path / "checkpoint.safetensors"
    broken.write_bytes(b"not a checkpoint")
    trainer = Trainer(tiny(), shapes.images[:16], shapes.labels[:16])
    assert user_error(trainer.load, broken).key == "sd.own.err.bad_checkpoint"
