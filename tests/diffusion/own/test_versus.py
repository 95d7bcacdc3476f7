"""GAN vs diffusion: both runs' images timed and judged by the same code on the same data."""

import pytest

from services.common import jobs
from services.diffusion.own import runs, versus
from services.gan import runs as gan_runs
from services.gan.config import GanConfig
from tests.diffusion.own.conftest import ME, SHAPES, finish

pytestmark = pytest.mark.usefixtures("one_torch_thread")


def gan_run(**changes) -> str:
    fields = {
        "size": 32,
        "channels": 1,
        "latent": 16,
        "g_width": 8,
        "d_width": 8,
        "batch": 16,
        "iterations": 10,
    }
    fields |= {"sample_every": 5, "eval_every": 10, "checkpoint_every": 5} | changes
    run_id = gan_runs.create(GanConfig(**fields), SHAPES, owner=ME.owner)
    assert finish(gan_runs.start(run_id, ME)).state == jobs.DONE
    return run_id


def test_both_sides_are_measured_alike_and_kept(own_model):
    own_id = runs.list_runs()[0].id
    gan_id = gan_run()
    assert versus.differences(gan_runs.run_info(gan_id), runs.run_info(own_id)) == []
    assert versus.saved(gan_id, own_id) is None
    snap = finish(versus.start(gan_id, own_id, ME))
    assert snap.state == jobs.DONE, snap.error
    result = versus.saved(gan_id, own_id)
    gan, diffusion = result["gan"], result["diffusion"]
    assert gan["class_accuracy"] is None  # a GAN is not asked for a class
    assert 0 <= diffusion["class_accuracy"] <= 1
    for side in (gan, diffusion):
        assert side["seconds_per_image"] > 0 and side["fd"] >= 0 and side["n_classes"] == 3
        assert 0 <= side["modes_covered"] <= 3 and side["diversity"] > 0
    # one forward pass against 25 denoising steps with guidance
    assert diffusion["seconds_per_image"] > gan["seconds_per_image"]
    assert (gan["step"], diffusion["step"]) == (10, 12)
    for side in ("gan", "diffusion"):
        assert versus.grid(own_id, result["key"], side).is_file()


def test_a_different_size_is_named(own_model):
    own = runs.run_info(runs.list_runs()[0].id)
    other = gan_runs.run_info(gan_run(size=28))
    assert versus.differences(other, own) == ["size"]  # the same shapes, drawn at 28 px
