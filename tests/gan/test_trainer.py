"""Algorithm 1, plain: the trainer learns, counts its updates and continues from a checkpoint
without any of the speed-ups (test_speedups.py checks those)."""

import contextlib

import pytest
import torch

from services.common.errors import UserError
from services.gan.trainer import STATS, Trainer, read_checkpoint
from tests.gan.tiny import tiny

pytestmark = pytest.mark.usefixtures("one_torch_thread")

DEVICES = ["cpu"] + (["cuda"] if torch.cuda.is_available() else [])


def test_the_plain_trainer_uses_no_speed_up(shapes):
    trainer = Trainer(tiny(), shapes, device="cpu")
    assert trainer.autocast is contextlib.nullcontext  # float32 throughout
    assert not trainer.opt_d.defaults["fused"] and not trainer.opt_g.defaults["fused"]
    assert next(trainer.discriminator.parameters()).is_contiguous()
    assert trainer.iteration.__func__ is Trainer.iteration  # not replayed from a graph


@pytest.mark.parametrize("device", DEVICES)
def test_discriminator_learns_to_tell_real_from_fake(shapes, device):
    trainer = Trainer(tiny(), shapes, device=device)
    first = trainer.steps(1)
    assert list(first) == list(STATS) and all(map(torch.isfinite, torch.tensor(list(first.values()))))
    later = trainer.steps(30)
    assert later["d_real"] > later["d_fake"] + 0.2
    assert trainer.step_count == 31


@pytest.mark.parametrize("k", [1, 2])
def test_k_discriminator_updates_per_generator_update(shapes, k):
    trainer = Trainer(tiny(k=k), shapes, device="cpu")
    trainer.steps(4)
    d_updates = {int(s["step"]) for s in trainer.opt_d.state.values()}
    g_updates = {int(s["step"]) for s in trainer.opt_g.state.values()}
    assert (d_updates, g_updates) == ({4 * k}, {4})


def test_minimax_and_nonsaturating_losses_both_train(shapes):
    """G descends log(1 - D(G(z))) (<= 0) or -log D(G(z)) (>= 0)."""
    for loss in ("minimax", "nonsaturating"):
        trainer = Trainer(tiny(loss=loss), shapes, device="cpu")
        stats = trainer.steps(5)
        assert all(map(torch.isfinite, torch.tensor(list(stats.values()))))
        assert (stats["loss_g"] < 0) if loss == "minimax" else (stats["loss_g"] > 0)


def test_label_smoothing_lowers_the_real_target(shapes):
    plain = Trainer(tiny(), shapes, device="cpu").steps(1)
    smooth = Trainer(tiny(label_smoothing=0.1), shapes, device="cpu").steps(1)
    # same seed, same first batch: only the target of the real images differs
    assert smooth["d_real"] == pytest.approx(plain["d_real"])
    assert smooth["loss_d"] != pytest.approx(plain["loss_d"])


def test_the_same_seed_trains_the_same_way(shapes):
    a, b = Trainer(tiny(), shapes, device="cpu"), Trainer(tiny(), shapes, device="cpu")
    assert a.steps(5) == b.steps(5)
    assert Trainer(tiny(seed=1), shapes, device="cpu").steps(5) != a.steps(5)


@pytest.mark.parametrize("device", DEVICES)
def test_checkpoint_resume_continues_the_same_run(shapes, tmp_path, device):
    """Stop after 6 steps, reload into a fresh trainer: steps 7-12 equal those of an unbroken run."""
    exact = {"rel": 1e-5} if device == "cpu" else {"rel": 1e-3}  # cuDNN's backward sums in any order
    unbroken = Trainer(tiny(k=2), shapes, device=device)
    unbroken.steps(6)
    expected = unbroken.steps(6)

    first = Trainer(tiny(k=2), shapes, device=device)
    first.steps(6)
    first.save(tmp_path / "checkpoint.safetensors")
    del first
    resumed = Trainer(tiny(k=2), shapes, device=device)
    resumed.load(tmp_path / "checkpoint.safetensors")
    assert resumed.step_count == 6
    assert resumed.steps(6) == pytest.approx(expected, **exact)
    assert resumed.step_count == 12
    for a, b in zip(
        unbroken.generator.state_dict().values(), resumed.generator.state_dict().values(), strict=True
    ):
        torch.testing.assert_close(a, b, rtol=exact["rel"], atol=1e-5)


def test_a_checkpoint_holds_the_generator_apart_and_a_broken_one_is_a_user_error(shapes, tmp_path):
    trainer = Trainer(tiny(), shapes, device="cpu")
    trainer.steps(2)
    trainer.save(tmp_path / "checkpoint.safetensors")
    weights = read_checkpoint(tmp_path / "checkpoint.safetensors", prefix="g.")
    assert weights and all(name.startswith("g.") for name in weights)
    assert len(weights) == len(trainer.generator.state_dict())
    (tmp_path / "broken.safetensors").write_bytes(b"not a checkpoint")
    with pytest.raises(UserError) as error:
        trainer.load(tmp_path / "broken.safetensors")
    assert error.value.key == "gan.run.bad_checkpoint"


def test_trainer_rejects_data_that_does_not_fit(shapes):
    with pytest.raises(UserError) as error:
        Trainer(tiny(size=32), shapes, device="cpu")
    assert error.value.key == "gan.data.shape"
    with pytest.raises(UserError) as error:
        Trainer(tiny(), shapes[:10], device="cpu")
    assert error.value.key == "gan.data.too_few"
