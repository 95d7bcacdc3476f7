"""Lab 1 networks: G and D at every resolution, their layer tables, sampling and interpolation."""

import pytest
import torch

from services.common.errors import UserError
from services.gan import model
from services.gan.config import GanConfig
from services.gan.trainer import Trainer
from tests.gan.tiny import tiny

pytestmark = pytest.mark.usefixtures("one_torch_thread")


@pytest.fixture(scope="module")
def generator(shapes):
    """A tiny G after three iterations, so BatchNorm has running statistics."""
    trainer = Trainer(tiny(), shapes, device="cpu")
    trainer.steps(3)
    return trainer.generator


@pytest.mark.parametrize(("size", "depth", "first_side"), [(28, 2, 7), (32, 3, 4), (64, 4, 4)])
def test_models_fit_each_resolution(size, depth, first_side):
    cfg = GanConfig(size=size, channels=3, g_width=8, d_width=8)
    assert (cfg.layers, cfg.start_side) == (depth, first_side)
    G, D = model.build(cfg)
    images = G(torch.randn(5, cfg.latent))
    assert images.shape == (5, 3, size, size)
    assert images.abs().max() <= 1  # Tanh
    assert D(images).shape == (5, 1)  # one logit each, no sigmoid inside
    assert not any(isinstance(m, torch.nn.Sigmoid) for m in D.modules())


@pytest.mark.parametrize("depth", [1, 2, 3])
def test_every_depth_mirrors_g_in_d(depth):
    cfg = GanConfig(size=32, g_width=8, d_width=8, depth=depth)
    G, D = model.build(cfg)
    g_sides = [row["output_shape"][-1] for row in model.layer_table(G, cfg) if "Conv" in row["layer"]]
    d_sides = [row["output_shape"][-1] for row in model.layer_table(D, cfg) if "Conv" in row["layer"]]
    assert g_sides == [32 >> depth << i for i in range(depth + 1)]  # each layer doubles the side
    assert d_sides == [*reversed(g_sides[:-1]), 1]  # and D halves it back, to one logit


def test_weights_start_from_the_dcgan_initialisation():
    G, D = model.build(GanConfig(size=64))
    convs = [
        m.weight
        for m in [*G.modules(), *D.modules()]
        if isinstance(m, torch.nn.Conv2d | torch.nn.ConvTranspose2d)
    ]
    weights = torch.cat([w.flatten() for w in convs])
    assert abs(weights.mean()) < 1e-3 and 0.019 < weights.std() < 0.021
    G2, _ = model.build(GanConfig(size=64))
    assert torch.equal(next(G.parameters()), next(G2.parameters()))  # the seed decides


def test_layer_table_lists_shapes_and_parameters():
    cfg = GanConfig(size=28)
    G, D = model.build(cfg)
    g_rows, d_rows = model.layer_table(G, cfg), model.layer_table(D, cfg)
    assert g_rows[0] == {"layer": "Input", "output_shape": (100,), "params": 0}
    assert [r["output_shape"] for r in g_rows if r["layer"].startswith("ConvTranspose2d")] == [
        (128, 7, 7),
        (64, 14, 14),
        (1, 28, 28),
    ]
    assert g_rows[1]["layer"] == "ConvTranspose2d(100→128, 7×7, stride 1)"
    assert g_rows[1]["params"] == 100 * 128 * 7 * 7
    assert d_rows[-1]["output_shape"] == (1, 1, 1)
    for network, rows in ((G, g_rows), (D, d_rows)):
        assert sum(r["params"] for r in rows) == model.parameter_count(network)


def test_sampling_depends_only_on_the_seed(generator):
    cfg = tiny()
    a, b = model.sample(generator, cfg, 7, 4), model.sample(generator, cfg, 7, 4)
    assert a.shape == (4, 1, 28, 28) and torch.equal(a, b)
    assert not torch.equal(a, model.sample(generator, cfg, 8, 4))
    assert torch.allclose(model.sample(generator, cfg, 7, 1), a[:1], atol=1e-5)  # not the batch
    assert generator.training  # sampling leaves the trainer's mode alone


@pytest.mark.parametrize("mode", model.INTERPOLATIONS)
def test_interpolation_walks_from_one_sample_to_another(generator, mode):
    cfg = tiny()
    path = model.interpolate(generator, cfg, 1, 2, 7, mode=mode)
    assert path.shape == (7, 1, 28, 28)
    torch.testing.assert_close(path[0], model.sample(generator, cfg, 1, 1)[0], atol=1e-5, rtol=0)
    torch.testing.assert_close(path[-1], model.sample(generator, cfg, 2, 1)[0], atol=1e-5, rtol=0)
    assert (path[1:] - path[:-1]).abs().mean() > 0  # it moves


def test_interpolation_rejects_bad_arguments():
    G, _ = model.build(tiny())
    for steps, mode, key in ((1, "linear", "gan.interpolate.steps"), (5, "cubic", "gan.interpolate.mode")):
        with pytest.raises(UserError) as error:
            model.interpolate(G, tiny(), 1, 2, steps, mode=mode)
        assert error.value.key == key
