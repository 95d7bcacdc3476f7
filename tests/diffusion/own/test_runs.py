"""Own diffusion runs: a training job that records as it goes, stops, resumes and survives a restart."""

import json

import pytest

from services.common import jobs
from services.common.owners import Actor
from services.diffusion.own import model, runs
from tests.diffusion.inputs import user_error
from tests.diffusion.own.conftest import ME, SHAPES, finish, tiny

pytestmark = pytest.mark.usefixtures("one_torch_thread")


def test_a_run_records_metrics_samples_quality_and_its_model(trained, monkeypatch):
    cache, run_id, ref = trained
    monkeypatch.setenv("GENLAB_CACHE", str(cache))
    info = runs.run_info(run_id)
    assert (info.status, info.step, info.iterations) == ("done", 12, 12)
    assert info.samples == [6, 12] and info.has_model and info.seconds > 0 and info.images_per_s > 0
    assert info.source == "builtin shapes" and info.images == 96
    rows = runs.metrics(run_id)
    assert [row["step"] for row in rows] == [6, 10, 12]
    measured = rows[-1]
    assert 0 <= measured["class_accuracy"] <= 1 and measured["fd"] >= 0 and measured["n_classes"] == 3
    assert info.last_quality["step"] == 12
    grid = runs.samples_at(run_id, 12)
    assert grid.size == (8 * 34 + 2, 3 * 34 + 2)  # a row per class, 8 seeds, 2 px between
    about = model.read_about(runs.folder(run_id) / runs.MODEL)
    assert (about["classes"], about["size"], about["step"]) == (["circle", "square", "triangle"], 32, 12)
    assert ref.kind == "own" and ref.label == info.title and ref.default_steps == 25


def test_a_stopped_run_resumes_from_its_checkpoint(shapes):
    run_id = runs.create(
        tiny(iterations=30, checkpoint_every=30, sample_every=30, eval_every=30), SHAPES, owner=ME.owner
    )
    job = runs.start(run_id, ME)
    while job.snapshot().done < 3 and not job.snapshot().finished:
        job.wait(0.05)
    jobs.cancel(job.id, ME)
    assert finish(job).state == jobs.CANCELLED
    stopped = runs.run_info(run_id)
    assert stopped.status == "stopped" and 0 < stopped.step < 30 and stopped.has_model and stopped.resumable
    assert stopped.samples == [stopped.step]  # the grid at the stop
    snap = finish(runs.start(run_id, ME))
    assert snap.state == jobs.DONE, snap.error
    done = runs.run_info(run_id)
    assert done.step == 30 and done.status == "done"
    assert user_error(runs.start, run_id, ME).key == "sd.own.err.complete"
    runs.extend(run_id, 4, ME)
    assert runs.run_info(run_id).status == "stopped" and runs.run_info(run_id).iterations == 34


def test_a_run_cut_by_a_server_stop_resumes_at_start_up(shapes):
    run_id = runs.create(tiny(iterations=6), SHAPES, owner=ME.owner)
    runs.update_status(run_id, status="running")  # as a killed server leaves it: no live job
    assert runs.run_info(run_id).status == "interrupted"
    assert runs.resume_interrupted() == [run_id]
    assert runs.resume_interrupted() == []  # it trains now: left alone
    (job,) = jobs.find(runs.JOB_KIND, run_id)
    assert finish(job).state == jobs.DONE
    assert runs.run_info(run_id).step == 6


def test_only_the_owner_may_train_extend_or_delete():
    run_id = runs.create(tiny(), SHAPES, owner=ME.owner)
    other = Actor("0" * 32)
    for call, args in ((runs.start, ()), (runs.extend, (5,)), (runs.delete, ())):
        assert user_error(call, run_id, *args, other).key == "common.not_yours"
    runs.delete(run_id, Actor("0" * 32, instructor=True))
    assert runs.list_runs() == []


def test_bad_requests_are_messages():
    assert user_error(runs.create, tiny(size=48), SHAPES).key == "sd.own.err.size"
    assert user_error(runs.create, tiny(), SHAPES, images=1).key == "sd.own.err.too_few"
    assert user_error(runs.run_info, "../../etc").key == "sd.own.err.unknown"
    run_id = runs.create(tiny(), SHAPES, owner=ME.owner)
    (runs.folder(run_id) / "config.json").write_text(json.dumps({"title": 1}))
    assert user_error(runs.run_info, run_id).key == "sd.own.err.unreadable"
    assert runs.list_runs() == []  # an unreadable folder is skipped


def test_a_run_whose_data_changed_fails_with_the_reason(shapes):
    run_id = runs.create(tiny(classes=["a", "b"]), SHAPES, owner=ME.owner)
    snap = finish(runs.start(run_id, ME))
    assert snap.state == jobs.FAILED and snap.error.key == "sd.own.err.classes_changed"
    assert runs.run_info(run_id).error.key == "sd.own.err.classes_changed"


def test_pictures_are_written_at_a_size_the_form_takes():
    assert [runs.shown_scale(size) * size for size in (28, 32, 64)] == [112, 64, 64]
