"""Lab 1 models and Algorithm 1: tiny models on a few hundred built-in shapes at 28 px."""

import pytest
import torch

from i18n import TABLE
from services.common.errors import UserError
from services.gan import data as datasets
from services.gan import model as gan

pytestmark = pytest.mark.usefixtures("one_torch_thread")

TINY = {"size": 28, "channels": 1, "latent": 16, "g_width": 8, "d_width": 8, "batch": 16}
# training is also checked on a GPU where the machine has one (there it replays a CUDA graph)
DEVICES = ["cpu"] + (["cuda"] if torch.cuda.is_available() else [])


@pytest.fixture(scope="module")
def shapes():
    return datasets.load_builtin("shapes", 28, 1, count=240).images


def tiny(**changes) -> gan.GanConfig:
    return gan.GanConfig(**{**TINY, **changes})


# ---------------------------------------------------------------- config


@pytest.mark.parametrize(
    ("field", "value", "key"),
    [
        ("size", 16, "gan.config.size"),
        ("size", 32.0, "gan.config.size"),
        ("channels", 2, "gan.config.channels"),
        ("lr_g", -1e-4, "gan.config.lr"),
        ("lr_d", 0.0, "gan.config.lr"),
        ("lr_d", float("nan"), "gan.config.lr"),
        ("k", 0, "gan.config.k"),
        ("batch", 1, "gan.config.batch"),
        ("batch", True, "gan.config.batch"),
        ("iterations", 0, "gan.config.iterations"),
        ("beta1", 1.0, "gan.config.beta"),
        ("loss", "wasserstein", "gan.config.loss"),
        ("label_smoothing", 0.5, "gan.config.smoothing"),
        ("depth", 3, "gan.config.depth"),  # 28 px halves only twice (7 -> 14 -> 28)
        ("depth", 0, "gan.config.depth"),
        ("seed", -1, "gan.config.seed"),
        ("sample_every", 0, "gan.config.sample_every"),
        ("latent", "100", "gan.config.latent"),
        ("precision", "fp8", "gan.config.precision"),
    ],
)
def test_invalid_config_raises_a_translated_error(field, value, key):
    with pytest.raises(UserError) as error:
        tiny(**{field: value}).check()
    assert error.value.key == key
    uk, en = TABLE[key]
    assert uk.format(**error.value.params) and en.format(**error.value.params)


def test_config_round_trips_through_a_dict_and_ignores_unknown_keys():
    cfg = tiny(k=2, loss="minimax", label_smoothing=0.1)
    assert gan.GanConfig.from_dict({**cfg.to_dict(), "from_a_newer_version": 1}) == cfg
    assert gan.GanConfig().check().loss == "nonsaturating"


# ---------------------------------------------------------------- models


@pytest.mark.parametrize(("size", "depth", "first_side"), [(28, 2, 7), (32, 3, 4), (64, 4, 4)])
def test_models_fit_each_resolution(size, depth, first_side):
    cfg = gan.GanConfig(size=size, channels=3, g_width=8, d_width=8)
    assert (cfg.layers, cfg.start_side) == (depth, first_side)
    G, D = gan.build(cfg)
    images = G(torch.randn(5, cfg.latent))
    assert images.shape == (5, 3, size, size)
    assert images.abs().max() <= 1  # Tanh
    assert D(images).shape == (5, 1)  # one logit each, no sigmoid inside
    assert not any(isinstance(m, torch.nn.Sigmoid) for m in D.modules())


def test_weights_start_from_the_dcgan_initialisation():
    G, D = gan.build(gan.GanConfig(size=64))
    convs = [
        m.weight
        for m in [*G.modules(), *D.modules()]
        if isinstance(m, torch.nn.Conv2d | torch.nn.ConvTranspose2d)
    ]
    weights = torch.cat([w.flatten() for w in convs])
    assert abs(weights.mean()) < 1e-3 and 0.019 < weights.std() < 0.021
    G2, _ = gan.build(gan.GanConfig(size=64))
    assert torch.equal(next(G.parameters()), next(G2.parameters()))  # the seed decides


def test_layer_table_lists_shapes_and_parameters():
    cfg = gan.GanConfig(size=28)
    G, D = gan.build(cfg)
    g_rows, d_rows = gan.layer_table(G, cfg), gan.layer_table(D, cfg)
    assert g_rows[0] == {"layer": "Input", "output_shape": (100,), "params": 0}
    assert [r["output_shape"] for r in g_rows if r["layer"].startswith("ConvTranspose2d")] == [
        (128, 7, 7),
        (64, 14, 14),
        (1, 28, 28),
    ]
    assert g_rows[1]["layer"] == "ConvTranspose2d(100→128, 7×7, stride 1)"
    assert g_rows[1]["params"] == 100 * 128 * 7 * 7
    assert d_rows[-1]["output_shape"] == (1, 1, 1)
    for model, rows in ((G, g_rows), (D, d_rows)):
        assert sum(r["params"] for r in rows) == gan.parameter_count(model)


# ---------------------------------------------------------------- Algorithm 1


@pytest.mark.parametrize("device", DEVICES)
def test_discriminator_learns_to_tell_real_from_fake(shapes, device):
    trainer = gan.Trainer(tiny(), shapes, device=device)
    first = trainer.step()
    assert all(map(torch.isfinite, torch.tensor(list(first.values()))))
    later = trainer.steps(30)
    assert later["d_real"] > later["d_fake"] + 0.2
    assert trainer.step_count == 31


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("k", [1, 2])
def test_k_discriminator_updates_per_generator_update(shapes, k, device):
    trainer = gan.Trainer(tiny(k=k), shapes, device=device)
    trainer.steps(gan.GRAPH_WARMUP + 3)  # on CUDA: warm-up, then the recorded graph replayed
    d_updates = {int(s["step"]) for s in trainer.opt_d.state.values()}
    g_updates = {int(s["step"]) for s in trainer.opt_g.state.values()}
    n = gan.GRAPH_WARMUP + 3
    assert (d_updates, g_updates) == ({n * k}, {n})


def test_minimax_and_nonsaturating_losses(shapes):
    """The generator descends log(1 - D(G(z))) (<= 0) or -log D(G(z)) (>= 0), and both train."""
    for loss in ("minimax", "nonsaturating"):
        trainer = gan.Trainer(tiny(loss=loss), shapes, device="cpu")
        stats = trainer.steps(5)
        assert all(map(torch.isfinite, torch.tensor(list(stats.values()))))
        assert (stats["loss_g"] < 0) if loss == "minimax" else (stats["loss_g"] > 0)


def test_label_smoothing_lowers_the_real_target(shapes):
    plain = gan.Trainer(tiny(), shapes, device="cpu").step()
    smooth = gan.Trainer(tiny(label_smoothing=0.1), shapes, device="cpu").step()
    # same seed, same first batch: only the target of the real images differs
    assert smooth["d_real"] == pytest.approx(plain["d_real"])
    assert smooth["loss_d"] != pytest.approx(plain["loss_d"])


@pytest.mark.parametrize("device", DEVICES)
def test_checkpoint_resume_continues_the_same_run(shapes, tmp_path, device):
    """Stop after 6 steps, reload into a fresh trainer: steps 7-12 equal those of an unbroken run."""
    from safetensors.torch import load_file, save_file

    exact = {"rel": 1e-5} if device == "cpu" else {"rel": 1e-3}  # cuDNN's backward sums in any order
    unbroken = gan.Trainer(tiny(k=2), shapes, device=device)
    unbroken.steps(6)
    expected = unbroken.steps(6)

    first = gan.Trainer(tiny(k=2), shapes, device=device)
    first.steps(6)
    save_file(first.state(), tmp_path / "checkpoint.safetensors")
    del first
    resumed = gan.Trainer(tiny(k=2), shapes, device=device)
    resumed.load_state(load_file(tmp_path / "checkpoint.safetensors"))
    assert resumed.step_count == 6
    assert resumed.steps(6) == pytest.approx(expected, **exact)
    assert resumed.step_count == 12
    for a, b in zip(
        unbroken.generator.state_dict().values(), resumed.generator.state_dict().values(), strict=True
    ):
        torch.testing.assert_close(a, b, rtol=exact["rel"], atol=1e-5)


@pytest.mark.skipif(not torch.cuda.is_available(), reason="CUDA graphs need an NVIDIA GPU")
def test_the_cuda_graph_trains_exactly_as_the_eager_loop(shapes):
    """Replayed iterations draw fresh noise and batches and give the eager loop's numbers."""
    eager = gan.Trainer(tiny(), shapes, device="cuda", cuda_graph=False)
    graphed = gan.Trainer(tiny(), shapes, device="cuda")
    for _ in range(3):  # warm-up, capture, replays
        expected, got = eager.steps(gan.GRAPH_WARMUP + 2), graphed.steps(gan.GRAPH_WARMUP + 2)
        assert got == pytest.approx(expected, rel=1e-3)
    assert graphed._graph is not None and eager._graph is None
    z = gan.fixed_noise(tiny(), 4, 0)
    torch.testing.assert_close(
        gan.generate(graphed.generator, z), gan.generate(eager.generator, z), atol=1e-3, rtol=0
    )


def test_trainer_rejects_data_that_does_not_fit(shapes):
    with pytest.raises(UserError) as error:
        gan.Trainer(tiny(size=32), shapes, device="cpu")
    assert error.value.key == "gan.data.shape"
    with pytest.raises(UserError) as error:
        gan.Trainer(tiny(), shapes[:10], device="cpu")
    assert error.value.key == "gan.data.too_few"


# ---------------------------------------------------------------- sampling


def test_sampling_depends_only_on_the_seed(shapes):
    cfg = tiny()
    trainer = gan.Trainer(cfg, shapes, device="cpu")
    trainer.steps(3)
    a, b = gan.sample(trainer.generator, cfg, 7, 4), gan.sample(trainer.generator, cfg, 7, 4)
    assert a.shape == (4, 1, 28, 28) and torch.equal(a, b)
    assert not torch.equal(a, gan.sample(trainer.generator, cfg, 8, 4))
    assert torch.allclose(gan.sample(trainer.generator, cfg, 7, 1), a[:1], atol=1e-5)  # not the batch
    assert trainer.generator.training  # sampling leaves the trainer's mode alone


@pytest.mark.parametrize("mode", ["linear", "slerp"])
def test_interpolation_walks_from_one_sample_to_another(shapes, mode):
    cfg = tiny()
    trainer = gan.Trainer(cfg, shapes, device="cpu")
    trainer.steps(3)
    path = gan.interpolate(trainer.generator, cfg, 1, 2, 7, mode=mode)
    assert path.shape == (7, 1, 28, 28)
    torch.testing.assert_close(path[0], gan.sample(trainer.generator, cfg, 1, 1)[0], atol=1e-5, rtol=0)
    torch.testing.assert_close(path[-1], gan.sample(trainer.generator, cfg, 2, 1)[0], atol=1e-5, rtol=0)
    assert (path[1:] - path[:-1]).abs().mean() > 0  # it moves


def test_interpolation_rejects_bad_arguments(shapes):
    G, _ = gan.build(tiny())
    for steps, mode, key in ((1, "linear", "gan.interpolate.steps"), (5, "cubic", "gan.interpolate.mode")):
        with pytest.raises(UserError) as error:
            gan.interpolate(G, tiny(), 1, 2, steps, mode=mode)
        assert error.value.key == key
