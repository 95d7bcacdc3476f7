"""The final quality of GAN runs: Fréchet distance, coverage and diversity by the probe of each run's
data, judged once per step in the background and kept with the run."""

import pytest

from services.common import jobs
from services.common.owners import Actor
from services.gan import quality, runs
from tests.gan.tiny import tiny

ME = Actor("e" * 32)
SHAPES = {"kind": "builtin", "name": "shapes", "limit": 200}

pytestmark = pytest.mark.usefixtures("one_torch_thread")


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """(cache, [two runs of 20 steps on the shapes, at two learning rates])."""
    import torch

    cache = tmp_path_factory.mktemp("quality-cache")
    threads = torch.get_num_threads()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GENLAB_CACHE", str(cache))
        torch.set_num_threads(1)
        try:
            made = []
            for rate in (2e-4, 2e-6):
                cfg = tiny(iterations=20, eval_every=20, lr_g=rate, lr_d=rate)
                run_id = runs.create(cfg, SHAPES, owner=ME.owner)
                job = runs.start(run_id, ME)
                assert job.wait(120) and job.snapshot().state == jobs.DONE
                made.append(run_id)
            return cache, made
        finally:
            torch.set_num_threads(threads)


@pytest.fixture
def made(trained, monkeypatch):
    cache, run_ids = trained
    monkeypatch.setenv("GENLAB_CACHE", str(cache))
    return run_ids


def test_a_run_is_judged_by_its_own_probe_and_kept_for_its_step(made):
    info = runs.run_info(made[0])
    assert quality.judgeable(info) and quality.judged(info) is None
    result = quality.judge(made[0])
    assert result["step"] == 20 and result["n_classes"] == 3
    assert 0 <= result["modes_covered"] <= 3 and result["diversity"] > 0 and result["fd"] > 0
    assert quality.judged(info) == result
    assert quality.judge(made[0]) == result  # the same pictures, the same figures
    later = runs.RunInfo(**{**info.__dict__, "step": 40})  # trained on: judged anew
    assert quality.judged(later) is None


def test_a_job_judges_every_run_that_needs_it(made):
    job = quality.start(made, ME)
    assert job.wait(120) and job.snapshot().state == jobs.DONE
    results = job.snapshot().result
    assert set(results) == set(made) and not job.snapshot().info["failed"]
    for run_id in made:
        assert quality.judged(runs.run_info(run_id)) == results[run_id]


def test_a_run_that_cannot_be_judged_is_reported_not_fatal(made):
    job = quality.start([*made, "20990101-000000-abcdef"], ME)
    assert job.wait(120) and job.snapshot().state == jobs.DONE
    failed = job.snapshot().info["failed"]
    assert (
        list(failed) == ["20990101-000000-abcdef"]
        and failed["20990101-000000-abcdef"].key == "gan.run.unknown"
    )
    assert set(job.snapshot().result) == set(made)
