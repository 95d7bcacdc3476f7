"""Lab 2's steps and CFG sweeps with an own model: a quality figure for every cell."""

import pytest

from services.common import jobs
from services.diffusion import sweeps
from services.diffusion.generate import GenRequest
from services.diffusion.own import judging
from tests.diffusion.own.conftest import ME

pytestmark = pytest.mark.usefixtures("one_torch_thread")


def base(ref, **changes) -> GenRequest:
    fields = {"prompt": "коло", "steps": 2, "cfg_scale": 3.0, "seed": 3, "width": ref.fixed_size}
    return GenRequest(**(fields | {"height": ref.fixed_size} | changes))


def test_a_steps_sweep_measures_every_cell(own_model):
    job = sweeps.start(own_model, base(own_model), "steps", "1, 3", owner=ME.owner, repeats=1)
    assert job.wait(300)
    assert job.snapshot().state == jobs.DONE, job.snapshot().error
    sweep = sweeps.load(job.id)
    assert list(sweep.table["steps"]) == [1, 3]  # the images and times as for any model
    quality = judging.read(sweep.folder)
    assert list(quality["x"]) == ["1", "3"]
    assert quality["class_accuracy"].between(0, 1).all() and (quality["fd"] >= 0).all()
    assert (quality["images"] == 48).all()  # 16 of each of the three classes


def test_other_sweeps_and_other_models_are_not_judged(own_model, tiny):
    job = sweeps.start(own_model, base(own_model), "xy", "1, 2", x_param="seed", owner=ME.owner, repeats=1)
    assert job.wait(300) and job.snapshot().state == jobs.DONE
    assert judging.read(sweeps.load(job.id).folder) is None
    demo, _ = tiny
    request = GenRequest(prompt="a fox", steps=1, width=64, height=64, seed=1)
    job = sweeps.start(demo, request, "cfg", "1, 2", owner=ME.owner, repeats=1)
    assert job.wait(300) and job.snapshot().state == jobs.DONE
    assert judging.read(sweeps.load(job.id).folder) is None
