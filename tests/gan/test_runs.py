"""GAN runs: persisted training jobs that stop, resume and survive a restart."""

import json
import time

import pytest
import torch
from PIL import Image

from services.common import jobs, model_cache
from services.common.errors import UserError
from services.common.owners import Actor
from services.common.paths import cache_dir
from services.gan import data, runs
from services.gan.model import sample
from services.gan.trainer import STATS
from tests.gan.tiny import tiny

ME = Actor("e" * 32)  # the student of these tests

pytestmark = pytest.mark.usefixtures("one_torch_thread")

DATA = {"kind": "builtin", "name": "shapes", "limit": 200}


def short(**changes):
    """A tiny run of 20 steps with a sample grid and a checkpoint every 10, a measurement every 20."""
    every = {"sample_every": 10, "eval_every": 20, "checkpoint_every": 10}
    return tiny(**{**every, "iterations": 20, **changes})


def finish(job: jobs.Job) -> jobs.Snapshot:
    assert job.wait(60), "the training job did not finish in time"
    return job.snapshot()


def checkpoint_weights(run_id: str) -> dict:
    from safetensors.torch import load_file

    tensors = load_file(cache_dir("runs", run_id) / "checkpoint.safetensors")
    return {k: v for k, v in tensors.items() if k.startswith("g.")}


def test_a_run_trains_to_the_end_and_keeps_everything():
    run_id = runs.create(short(), DATA, title="shapes demo", owner=ME.owner)
    info = runs.run_info(run_id)
    assert (info.status, info.step, info.title, info.iterations) == ("new", 0, "shapes demo", 20)
    snap = finish(runs.start(run_id, actor=ME))
    assert snap.state == jobs.DONE, snap.error
    assert (snap.done, snap.total) == (20, 20)
    assert snap.info["metrics"]["step"] == 20 and snap.info["sample_step"] == 20

    info = runs.run_info(run_id)
    assert (info.status, info.step, info.samples) == ("done", 20, [10, 20])
    assert info.seconds > 0 and info.images_per_s > 0
    assert (info.data, info.images) == ("builtin shapes", 200)
    rows = runs.metrics(run_id)
    assert [r["step"] for r in rows] == [10, 20]
    assert all(set(STATS) <= set(r) for r in rows)
    # the built-in shapes are labelled: the probe counts which shapes the generator draws
    collapse = rows[-1]
    assert len(collapse["histogram"]) == collapse["n_classes"] == 3
    assert 0 <= collapse["diversity"] and collapse["kl"] >= 0
    assert collapse["collapsed"] is None  # 20 steps: too early for a verdict
    assert info.last_collapse["step"] == 20 and info.last_metrics == rows[-1]

    grid = runs.samples_at(run_id, info.samples[-1])
    assert isinstance(grid, Image.Image) and grid.size == (8 * 30 + 2, 8 * 30 + 2)
    assert runs.samples_at(run_id, 15) is None  # no grid at that step
    G = runs.load_generator(run_id)
    assert not G.training
    images = sample(G, short(), 0, 3)
    assert images.shape == (3, 1, 28, 28)
    assert runs.load_generator(run_id) is G  # resident, shared

    with pytest.raises(UserError) as error:
        runs.start(run_id, actor=ME)
    assert error.value.key == "gan.run.complete"
    runs.extend(run_id, 10, actor=ME)
    assert runs.run_info(run_id).status == "stopped"
    assert finish(runs.start(run_id, actor=ME)).state == jobs.DONE
    assert runs.run_info(run_id).step == 30
    assert [r["step"] for r in runs.metrics(run_id)] == [10, 20, 30]


def test_generators_never_evict_the_diffusion_pipelines():
    """Sampling a GAN keeps its generator in runs.GENERATORS, not in the two-model
    model_cache.RESIDENT that holds multi-GB Stable Diffusion pipelines."""
    run_id = runs.create(short(iterations=10), DATA, title="small", owner=ME.owner)
    assert finish(runs.start(run_id, actor=ME)).state == jobs.DONE
    pipelines = [("sd-pipeline", i) for i in range(model_cache.RESIDENT.max_items)]
    try:
        for key in pipelines:
            model_cache.RESIDENT.get(key, object, f"SD {key[1]}")
        runs.load_generator(run_id)
        assert all(key in model_cache.RESIDENT for key in pipelines)
        assert not any(label.startswith("GAN") for label in model_cache.RESIDENT.labels())
        assert "GAN · small" in runs.GENERATORS.labels()
        runs.delete(run_id, actor=ME)
        assert "GAN · small" not in runs.GENERATORS.labels()
    finally:
        for key in pipelines:
            model_cache.RESIDENT.drop(key)


def test_stop_and_resume_follow_the_same_path_as_an_unbroken_run():
    unbroken = runs.create(short(iterations=60), DATA, owner=ME.owner)
    assert finish(runs.start(unbroken, actor=ME)).state == jobs.DONE

    broken = runs.create(short(iterations=60), DATA, owner=ME.owner)
    job = runs.start(broken, actor=ME)
    assert runs.start(broken, actor=ME) is job  # one job per run
    while job.snapshot().done < 10 and not job.wait(0.01):
        pass
    job.cancel()
    assert finish(job).state == jobs.CANCELLED
    stopped = runs.run_info(broken)
    assert stopped.status == "stopped" and 10 <= stopped.step < 60
    assert finish(runs.start(broken, actor=ME)).state == jobs.DONE
    assert runs.run_info(broken).step == 60

    steps = [r["step"] for r in runs.metrics(broken)]
    assert steps == sorted(set(steps)) and steps[-1] == 60
    for key, value in checkpoint_weights(unbroken).items():
        torch.testing.assert_close(checkpoint_weights(broken)[key], value)


def test_runs_interrupted_by_a_restart_resume_from_their_checkpoint():
    run_id = runs.create(short(iterations=30), DATA, owner=ME.owner)
    job = runs.start(run_id, actor=ME)
    while job.snapshot().done < 10 and not job.wait(0.01):
        pass
    job.cancel()
    finish(job)
    # what a server that died mid-training leaves behind: status "running", no job, and
    # metrics and samples of steps after the last checkpoint (the last line cut short)
    folder = cache_dir("runs", run_id)
    status = json.loads((folder / "status.json").read_text())
    (folder / "status.json").write_text(json.dumps({**status, "status": "running"}))
    with open(folder / "metrics.jsonl", "a") as f:
        f.write(json.dumps({"step": status["step"] + 5, "loss_d": 123.0}) + '\n{"step": ')
    (folder / "samples" / "step_00099.png").write_bytes(b"lost")
    jobs._JOBS.pop(job.id)  # the job died with the old process
    assert runs.run_info(run_id).status == "interrupted"

    assert runs.resume_interrupted() == [run_id]
    assert runs.resume_interrupted() == []  # already training
    [resumed] = jobs.find(runs.JOB_KIND, run_id)
    while resumed.snapshot().total == 0 and not resumed.wait(0.01):
        pass  # until the job's first report
    assert resumed.snapshot().done >= status["step"]  # continues, does not start over
    assert finish(resumed).state == jobs.DONE
    assert runs.run_info(run_id).step == 30
    steps = [r["step"] for r in runs.metrics(run_id)]
    assert steps == sorted(set(steps)) and steps[-1] == 30
    assert all(r["loss_d"] != 123.0 for r in runs.metrics(run_id))
    assert 99 not in runs.sample_steps(run_id)


def test_a_run_whose_data_is_gone_fails_with_a_message(tmp_path):
    folder = tmp_path / "pictures"
    folder.mkdir()
    run_id = runs.create(short(), {"kind": "folder", "path": str(folder)}, owner=ME.owner)
    snap = finish(runs.start(run_id, actor=ME))
    assert snap.state == jobs.FAILED and snap.error.key == "gan.data.empty"
    info = runs.run_info(run_id)
    assert info.status == "failed" and info.error.key == "gan.data.empty"


def test_bad_requests_are_user_errors():
    for spec in ({"kind": "torrent"}, {"kind": "builtin", "name": "cats"}, {"kind": "zip", "name": "a.zip"}):
        with pytest.raises(UserError) as error:
            runs.create(short(), spec, owner=ME.owner)
        assert error.value.key == "gan.data.spec"
    with pytest.raises(UserError) as error:
        runs.create(short(batch=0), DATA, owner=ME.owner)
    assert error.value.key == "gan.config.batch"
    for run_id in ("../../etc", "20250101-000000-abcdef"):
        with pytest.raises(UserError) as error:
            runs.run_info(run_id)
        assert error.value.key == "gan.run.unknown"
    run_id = runs.create(short(), DATA, owner=ME.owner)
    with pytest.raises(UserError) as error:
        runs.load_generator(run_id)
    assert error.value.key == "gan.run.no_checkpoint"


def test_list_and_delete():
    first = runs.create(short(), DATA, title="first", owner=ME.owner)
    second = runs.create(short(), DATA, owner=ME.owner)
    assert {r.id for r in runs.list_runs()} == {first, second}
    # untitled: named by its data, size, iterations and creation time, so two runs differ
    title = runs.run_info(second).title
    stamp = time.strftime("%d.%m %H:%M:%S", time.localtime(runs.run_info(second).created))
    assert title == f"shapes · 28 px · 20 it. · {stamp}"
    runs.delete(first, actor=ME)
    assert [r.id for r in runs.list_runs()] == [second]
    assert not (cache_dir("runs") / first).exists()


def test_a_zip_run_keeps_its_own_copy_of_the_archive(tmp_path):
    import io
    import zipfile

    shapes = data.load_builtin("shapes", 28, 1, count=40)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for i, image in enumerate(shapes.images):
            png = io.BytesIO()
            data.to_pil_grid(image, padding=0).save(png, format="PNG")
            archive.writestr(f"shape_{i}.png", png.getvalue())
    upload = data.save_upload(io.BytesIO(buffer.getvalue()))
    run_id = runs.create(
        short(iterations=10), {"kind": "zip", "name": "../shapes.zip"}, zip_path=upload, owner=ME.owner
    )
    upload.unlink()  # the upload's copy may go: the run keeps its own
    assert finish(runs.start(run_id, actor=ME)).state == jobs.DONE
    info = runs.run_info(run_id)
    assert "shapes.zip" in info.data and info.step == 10
    assert info.last_collapse is not None and "histogram" not in info.last_collapse  # unlabelled


def test_only_its_owner_or_an_instructor_manages_a_run():
    other, teacher = Actor("b" * 32), Actor("c" * 32, instructor=True)
    run_id = runs.create(short(iterations=10), DATA, owner=ME.owner)
    for act in (
        lambda: runs.start(run_id, other),
        lambda: runs.extend(run_id, 5, other),
        lambda: runs.delete(run_id, other),
    ):
        with pytest.raises(UserError) as caught:
            act()
        assert caught.value.key == "common.not_yours"
    info = runs.run_info(run_id)
    assert (info.owner, info.iterations, info.status) == (ME.owner, 10, "new")
    job = runs.start(run_id, teacher)
    assert job.owner == ME.owner  # trained for its owner, whoever pressed start
    finish(job)
    runs.delete(run_id, teacher)
    assert runs.list_runs() == []


def test_checkpoints_are_saved_by_time_as_well_as_by_steps(monkeypatch):
    """A server killed mid-run loses at most CHECKPOINT_SECONDS of training, however far apart the
    step-based checkpoints are (here: never before step 1000)."""
    monkeypatch.setattr(runs, "CHECKPOINT_SECONDS", 0.0)
    run_id = runs.create(short(iterations=1000, checkpoint_every=1000), DATA, owner=ME.owner)
    job = runs.start(run_id, actor=ME)
    checkpoint = cache_dir("runs", run_id) / runs.CHECKPOINT
    while not checkpoint.exists() and not job.wait(0.05):
        pass
    assert checkpoint.exists() and job.snapshot().done < 1000
    job.cancel()
    finish(job)


def test_a_run_that_cannot_train_on_its_data_is_never_made():
    """A minibatch larger than the data is refused before a run exists: no run to resume or extend."""
    with pytest.raises(UserError) as caught:
        runs.create(short(batch=64), {**DATA, "limit": 40}, owner=ME.owner, images=40)
    assert (caught.value.key, caught.value.params) == ("gan.data.too_few", {"count": 40, "batch": 64})
    assert runs.list_runs() == []
    runs.create(short(batch=16), {**DATA, "limit": 40}, owner=ME.owner, images=40)  # m = 16 fits
    assert len(runs.list_runs()) == 1


def test_a_run_that_failed_for_good_offers_no_way_on():
    """An older run made without the count fails on its data for good: neither resume nor more
    iterations start a job that would fail the same way."""
    run_id = runs.create(short(batch=16), {**DATA, "limit": 10}, owner=ME.owner)
    snap = finish(runs.start(run_id, actor=ME))
    assert snap.state == jobs.FAILED and snap.error.key == "gan.data.too_few"
    info = runs.run_info(run_id)
    assert (info.status, info.images, info.can_go_on, info.resumable) == ("failed", 10, False, False)
    for again in (lambda: runs.start(run_id, ME), lambda: runs.extend(run_id, 100, ME)):
        with pytest.raises(UserError) as caught:
            again()
        assert caught.value.key == "gan.data.too_few"
    assert not jobs.find(runs.JOB_KIND, run_id, active_only=True)
    assert runs.run_info(run_id).iterations == 20


def test_a_run_stopped_early_is_resumable_and_a_done_one_is_extended():
    run_id = runs.create(short(iterations=10), DATA, owner=ME.owner)
    assert runs.run_info(run_id).resumable  # new: nothing trained yet
    assert finish(runs.start(run_id, ME)).state == jobs.DONE
    info = runs.run_info(run_id)
    assert (info.resumable, info.can_go_on) == (False, True)


def test_a_one_iteration_run_is_not_called_collapsed():
    """Every generator starts with one blur: a measurement before collapse.JUDGED_FROM is no verdict."""
    from services.gan import collapse

    run_id = runs.create(short(iterations=1), DATA, owner=ME.owner)
    assert finish(runs.start(run_id, ME)).state == jobs.DONE
    measured = runs.run_info(run_id).last_collapse
    assert measured["step"] == 1 < collapse.JUDGED_FROM
    assert measured["collapsed"] is None and measured["diversity"] < collapse.COLLAPSE_DIVERSITY
    assert runs.metrics(run_id)[-1]["collapsed"] is None
