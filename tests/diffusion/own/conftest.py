"""A tiny own model trained once for the tests of services/diffusion/own, and its data."""

import pytest

from services.common import jobs
from services.common.owners import Actor
from services.diffusion.own import runs
from services.diffusion.own.config import OwnConfig
from services.gan import data

ME = Actor("d" * 32)  # the student of these tests
SHAPES = {"kind": "builtin", "name": "shapes", "limit": 96}


def tiny(**changes) -> OwnConfig:
    """The small U-Net on 32 px gray shapes, a few steps, everything recorded often."""
    fields = {
        "size": 32,
        "channels": 1,
        "classes": ["circle", "square", "triangle"],
        "width": "small",
        "batch": 8,
        "iterations": 12,
        "sample_every": 6,
        "eval_every": 12,
        "checkpoint_every": 6,
    }
    return OwnConfig(**(fields | changes))


def finish(job: jobs.Job, seconds: float = 300) -> jobs.Snapshot:
    assert job.wait(seconds), "the training job did not finish in time"
    return job.snapshot()


@pytest.fixture(scope="session")
def trained(tmp_path_factory):
    """(cache folder, run id, model ref) of a run of 12 steps, made once in a cache of its own;
    tests that read it set GENLAB_CACHE to that folder."""
    import torch

    cache = tmp_path_factory.mktemp("own-cache")
    threads = torch.get_num_threads()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GENLAB_CACHE", str(cache))
        torch.set_num_threads(1)
        try:
            run_id = runs.create(tiny(), SHAPES, owner=ME.owner)
            snap = finish(runs.start(run_id, ME))
            assert snap.state == jobs.DONE, snap.error
            return cache, run_id, runs.model_ref(run_id)
        finally:
            torch.set_num_threads(threads)


@pytest.fixture
def own_model(trained, monkeypatch):
    """The trained tiny model's ref, with this test reading the cache it lives in."""
    cache, _, ref = trained
    monkeypatch.setenv("GENLAB_CACHE", str(cache))
    return ref


@pytest.fixture(scope="module")
def shapes(tmp_path_factory):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GENLAB_CACHE", str(tmp_path_factory.mktemp("data")))
        return data.load_builtin("shapes", 32, 1, count=96)
