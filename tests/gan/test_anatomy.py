"""Inside G and D: blocks of the layer table, feature maps after every layer, the coordinates of z
that change a picture most."""

import numpy as np
import pytest
import torch

from services.gan import anatomy, model
from tests.gan.tiny import tiny

pytestmark = pytest.mark.usefixtures("one_torch_thread")


@pytest.fixture(scope="module")
def networks():
    cfg = tiny(size=32)
    generator, discriminator = model.build(cfg)
    return cfg, generator, discriminator


def test_blocks_cut_each_network_at_its_convolutions(networks):
    cfg, generator, discriminator = networks
    g_blocks, d_blocks = anatomy.blocks(generator, cfg), anatomy.blocks(discriminator, cfg)
    assert len(g_blocks) == len(d_blocks) == cfg.layers + 1  # the first map, n - 1 doublings, the picture
    assert [anatomy.kind(block.layers[0]) for block in g_blocks] == ["ConvTranspose2d"] * len(g_blocks)
    assert [anatomy.kind(block.layers[0]) for block in d_blocks] == ["Conv2d"] * len(d_blocks)
    # G doubles the side block by block up to the picture; D halves it down to one logit
    assert [block.shape[1] for block in g_blocks] == [4, 8, 16, 32]
    assert g_blocks[-1].shape == (1, 32, 32) and anatomy.kind(g_blocks[-1].layers[-1]) == "Tanh"
    assert [block.shape[1] for block in d_blocks] == [16, 8, 4, 1] and d_blocks[-1].shape == (1, 1, 1)
    # every layer in exactly one block, numbered as the layer table numbers its rows
    table = model.layer_table(generator, cfg)
    assert [row for block in g_blocks for row in block.layers] == table[1:]
    assert [block.first for block in g_blocks] == [1, 4, 7, 10]
    assert sum(block.params for block in g_blocks) == model.parameter_count(generator)
    assert sum(block.params for block in d_blocks) == model.parameter_count(discriminator)


def test_stages_go_from_z_to_the_very_image_the_generator_samples(networks):
    cfg, generator, _ = networks
    z = anatomy.noise(cfg, seed=7)
    found = anatomy.stages(generator, cfg, z)
    table = model.layer_table(generator, cfg)
    assert [stage.number for stage in found] == list(range(len(table)))
    assert [stage.layer for stage in found[1:]] == [row["layer"] for row in table[1:]]
    assert [stage.shape for stage in found[1:]] == [row["output_shape"] for row in table[1:]]
    assert found[0].shape == (cfg.latent, 1, 1)
    np.testing.assert_array_equal(found[0].maps.ravel(), z[0].numpy())
    np.testing.assert_allclose(found[-1].maps, model.generate(generator, z)[0].numpy(), atol=1e-6)
    assert generator.training  # left as it was found


def test_noise_is_the_seed_s_own_with_the_coordinates_set_by_hand(networks):
    cfg, _, _ = networks
    plain, changed = anatomy.noise(cfg, 5), anatomy.noise(cfg, 5, {3: 2.5, 10: -1.0})
    assert torch.equal(plain, model.fixed_noise(cfg, 1, 5))
    assert changed[0, 3] == 2.5 and changed[0, 10] == -1.0
    keep = [i for i in range(cfg.latent) if i not in (3, 10)]
    assert torch.equal(changed[0, keep], plain[0, keep])


def test_the_coordinates_that_reach_the_picture_are_found(networks):
    cfg, _, _ = networks
    generator, _ = model.build(cfg)
    with torch.no_grad():  # the first layer reads only coordinates 3 and 11 of z, 11 much more
        first = generator[1].weight  # latent x maps x 4 x 4
        keep = torch.zeros_like(first)
        keep[3], keep[11] = first[3], 4 * first[11]
        first.copy_(keep)
    z = anatomy.noise(cfg, seed=1)
    assert anatomy.sensitive_coordinates(generator, z, 2) == [11, 3]


def test_the_strongest_maps_are_those_with_a_pattern():
    flat, pattern, faint = np.ones((4, 4)), np.eye(4), 0.1 * np.eye(4)
    stage = anatomy.Stage(1, "ReLU", np.stack([flat, faint, pattern]))
    assert stage.strongest(2) == [2, 1] and stage.shape == (3, 4, 4)
