"""The speed-ups change how the trainer computes, not what: the same losses from the same
seed, the same updates, and a checkpoint that continues exactly (on a GPU, also the CUDA graph)."""

import contextlib

import pytest
import torch

from services.common.compute import fast_bfloat16
from services.gan import speedups
from services.gan.model import fixed_noise, generate
from services.gan.speedups import GRAPH_WARMUP, GraphedIteration, speed_up
from services.gan.trainer import Trainer
from tests.gan.tiny import tiny

pytestmark = pytest.mark.usefixtures("one_torch_thread")

# the app's path is also checked on a GPU where the machine has one (there it replays a CUDA graph)
DEVICES = ["cpu"] + (["cuda"] if torch.cuda.is_available() else [])
BF16 = fast_bfloat16("cpu")


def fast(cfg, shapes, device="cpu", **options) -> Trainer:
    return speed_up(Trainer(cfg, shapes, device=device), **options)


def test_what_the_cpu_speed_ups_configure(shapes):
    trainer = fast(tiny(), shapes)
    weight = next(trainer.discriminator.parameters())
    assert weight.is_contiguous(memory_format=torch.channels_last)
    assert trainer.data.is_contiguous(memory_format=torch.channels_last)
    assert trainer.opt_d.defaults["fused"] and trainer.opt_g.defaults["fused"]
    assert {group["lr"] for group in trainer.opt_d.param_groups} == {tiny().lr_d}
    assert (trainer.autocast is not contextlib.nullcontext) == BF16  # bfloat16 only where it is faster
    assert fast(tiny(precision="fp32"), shapes).autocast is contextlib.nullcontext
    assert not isinstance(trainer.iteration, GraphedIteration)  # CUDA graphs need CUDA


def test_same_seed_same_losses_with_and_without_the_speed_ups(shapes, monkeypatch):
    """float32 with the speed-ups is the plain loop up to rounding; bfloat16 stays close (checked
    here also where the CPU would not choose it, as on a CPU with AMX or a GPU)."""
    plain, again = Trainer(tiny(), shapes, device="cpu"), Trainer(tiny(), shapes, device="cpu")
    fp32, auto = fast(tiny(precision="fp32"), shapes), fast(tiny(), shapes)
    monkeypatch.setattr(speedups, "fast_bfloat16", lambda device: True)
    mixed = fast(tiny(), shapes)
    assert mixed.autocast is not contextlib.nullcontext
    for _ in range(3):
        expected = plain.steps(5)
        assert again.steps(5) == expected  # the plain float32 path is exactly reproducible
        assert fp32.steps(5) == pytest.approx(expected, rel=1e-5)
        assert auto.steps(5) == pytest.approx(expected, rel=5e-2 if BF16 else 1e-5)
        assert mixed.steps(5) == pytest.approx(expected, rel=5e-2)


def test_only_a_fresh_trainer_is_sped_up(shapes):
    trainer = Trainer(tiny(), shapes, device="cpu")
    trainer.steps(1)
    with pytest.raises(ValueError):
        speed_up(trainer)


@pytest.mark.parametrize("device", DEVICES)
def test_the_sped_up_trainer_learns(shapes, device):
    trainer = fast(tiny(), shapes, device)
    first = trainer.steps(1)
    assert all(map(torch.isfinite, torch.tensor(list(first.values()))))
    later = trainer.steps(30)
    assert later["d_real"] > later["d_fake"] + 0.2


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("k", [1, 2])
def test_k_discriminator_updates_per_generator_update(shapes, k, device):
    trainer = fast(tiny(k=k), shapes, device)
    n = GRAPH_WARMUP + 3  # on CUDA: warm-up, then the recorded graph replayed
    trainer.steps(n)
    d_updates = {int(s["step"]) for s in trainer.opt_d.state.values()}
    g_updates = {int(s["step"]) for s in trainer.opt_g.state.values()}
    assert (d_updates, g_updates) == ({n * k}, {n})


@pytest.mark.parametrize("device", DEVICES)
def test_checkpoint_resume_continues_the_same_run(shapes, tmp_path, device):
    """Stop after 6 steps, reload into a fresh trainer: steps 7-12 equal those of an unbroken run."""
    exact = {"rel": 1e-5} if device == "cpu" else {"rel": 1e-3}  # cuDNN's backward sums in any order
    unbroken = fast(tiny(k=2), shapes, device)
    unbroken.steps(6)
    expected = unbroken.steps(6)

    first = fast(tiny(k=2), shapes, device)
    first.steps(6)
    first.save(tmp_path / "checkpoint.safetensors")
    del first
    resumed = fast(tiny(k=2), shapes, device)
    resumed.load(tmp_path / "checkpoint.safetensors")
    assert resumed.step_count == 6
    assert resumed.steps(6) == pytest.approx(expected, **exact)
    for a, b in zip(
        unbroken.generator.state_dict().values(), resumed.generator.state_dict().values(), strict=True
    ):
        torch.testing.assert_close(a, b, rtol=exact["rel"], atol=1e-5)
    # the moments keep their weights' channels-last layout, as the fused Adam walks both in memory order
    for param, slots in resumed.opt_d.state.items():
        assert slots["exp_avg"].stride() == param.stride()


def test_only_fast_bfloat16_counts():
    assert fast_bfloat16("meta") is False and fast_bfloat16("mps") is False
    assert isinstance(BF16, bool)


@pytest.mark.skipif(not torch.cuda.is_available(), reason="CUDA graphs need an NVIDIA GPU")
def test_the_cuda_graph_trains_exactly_as_the_eager_loop(shapes, tmp_path):
    """Replayed iterations draw fresh noise and batches and give the eager loop's numbers."""
    eager = fast(tiny(), shapes, "cuda", cuda_graph=False)
    graphed = fast(tiny(), shapes, "cuda")
    for _ in range(3):  # warm-up, capture, replays
        expected, got = eager.steps(GRAPH_WARMUP + 2), graphed.steps(GRAPH_WARMUP + 2)
        assert got == pytest.approx(expected, rel=1e-3)
    assert isinstance(graphed.iteration, GraphedIteration) and graphed.iteration.graph is not None
    assert not isinstance(eager.iteration, GraphedIteration)
    z = fixed_noise(tiny(), 4, 0)
    torch.testing.assert_close(
        generate(graphed.generator, z), generate(eager.generator, z), atol=1e-3, rtol=0
    )
    # loading a checkpoint replaces the optimizer state the graph points at: it is recorded again
    eager.save(tmp_path / "checkpoint.safetensors")
    graphed.load(tmp_path / "checkpoint.safetensors")
    assert graphed.iteration.graph is None
    expected, got = eager.steps(GRAPH_WARMUP + 2), graphed.steps(GRAPH_WARMUP + 2)
    assert got == pytest.approx(expected, rel=1e-3) and graphed.iteration.graph is not None
