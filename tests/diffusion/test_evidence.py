"""The student's own measurements gathered for Lab 2's control questions: their sweeps of each
parameter, and the figures of the table of pros and cons."""

import pytest

from services.common import jobs
from services.diffusion import evidence, sweeps
from services.diffusion.generate import GenRequest

pytestmark = pytest.mark.usefixtures("one_torch_thread")

ME, OTHER = "a" * 32, "b" * 32
BASE = GenRequest(prompt="a red circle", steps=2, width=64, height=64, seed=3, cfg_scale=7.0)


def _sweep(model, kind, values, owner=ME, **axes) -> str:
    job = sweeps.start(model, BASE, kind, values, owner=owner, repeats=1, **axes)
    assert job.wait(120) and job.snapshot().state == jobs.DONE, job.snapshot().error
    return job.id


def test_nothing_measured_gives_nothing():
    assert evidence.sweeps_by_param(ME) == {param: [] for param in evidence.PARAMS}
    assert evidence.figures(ME) == {
        "per_step": None,
        "size": None,
        "guidance": None,
        "costs": None,
        "versus": None,
    }


def test_the_students_sweeps_of_each_parameter_and_their_figures(tiny):
    model = tiny[0]
    steps = _sweep(model, "steps", "1, 2, 4")
    cfg = _sweep(model, "cfg", "1, 7")
    sampler = _sweep(model, "xy", "Euler, DPM++ 2M", x_param="sampler")
    _sweep(
        model, "xy", "1, 2", x_param="steps", y_param="cfg", y_values="1, 7"
    )  # two axes: not one parameter's
    _sweep(model, "steps", "1, 2, 3", owner=OTHER)  # someone else's
    found = evidence.sweeps_by_param(ME)
    assert {param: [meta["id"] for meta in metas] for param, metas in found.items()} == {
        "steps": [steps],
        "cfg": [cfg],
        "sampler": [sampler],
        "size": [],
    }
    assert evidence.sweeps_by_param(None) == {param: [] for param in evidence.PARAMS}

    figures = evidence.figures(ME)
    per_step = figures["per_step"]
    assert per_step["model"] == model.label and per_step["r2"] <= 1
    assert (per_step["verdict"] == "flat") == (per_step["seconds"] <= 0)  # a law only where time grows
    assert figures["guidance"]["ratio"] > 0 and figures["size"] is None

    change = evidence.change(sweeps.load(steps).table)
    assert (change["first"], change["last"]) == ("1", "4")
    assert change["ratio"] == pytest.approx(change["last_seconds"] / change["first_seconds"])


def test_a_sweep_of_two_axes_or_of_another_parameter_is_no_ones():
    assert evidence.swept({"x_param": "steps", "y_param": None}) == "steps"
    assert evidence.swept({"x_param": "sampler", "y_param": None}) == "sampler"
    assert evidence.swept({"x_param": "steps", "y_param": "cfg"}) is None
    assert evidence.swept({"x_param": "style", "y_param": None}) is None
