"""A generation as a background job: its progress, and its images kept on disk with their infotext."""

import io
import threading
import time

import pytest
from PIL import Image

from services.common import compute, jobs
from services.common.errors import UserError
from services.common.owners import Actor
from services.diffusion import generations, infotext, pipelines
from tests.diffusion.inputs import request, user_error


def test_a_generation_job_keeps_its_images_with_their_parameters(tiny, isolated_cache):
    ref, _ = tiny
    job = generations.start(ref, request(batch_count=2, seed=40), key="t2i")
    assert job.wait(60)
    snap = job.snapshot()
    assert snap.state == jobs.DONE, snap.error
    assert snap.key == "t2i" and snap.done == snap.total == 6  # 2 images x 3 steps
    assert (snap.info["batch"], snap.info["batches"], snap.info["loading"]) == (2, 2, False)
    images = snap.result
    assert [i.seed for i in images] == [40, 41] and not any(i.interrupted for i in images)
    for image in images:
        assert image.path.is_relative_to(isolated_cache / "generations" / job.id)
        assert Image.open(image.path).size == (64, 64)
        assert infotext.read_parameters(image.png_bytes()) == image.parameters
        assert f"Seed: {image.seed}" in image.parameters
    # saved as JPEG or WebP, each keeps the parameters as A1111 writes them there (EXIF UserComment)
    for kind, name in (("jpeg", "JPEG"), ("webp", "WEBP")):
        data = images[0].file(kind)
        assert Image.open(io.BytesIO(data)).format == name
        assert infotext.read_parameters(data) == images[0].parameters

    # after a restart the job is gone, and its link still shows what it made
    saved = generations.saved(job.id)
    assert [(i.path, i.seed, i.parameters, i.interrupted) for i in saved] == [
        (i.path, i.seed, i.parameters, i.interrupted) for i in images
    ]
    assert all(i.seconds is None for i in saved)
    assert generations.saved("../../etc") == [] and generations.saved("0" * 12) == []


def test_a_request_that_cannot_run_starts_no_job(tiny):
    ref, _ = tiny
    before = len(jobs.find(generations.JOB_KIND))
    assert user_error(generations.start, ref, request(prompt=" ")).key == "sd.err.empty_prompt"
    assert len(jobs.find(generations.JOB_KIND)) == before


def test_a_generation_waits_its_turn_sees_its_place_and_can_leave_the_queue(tiny):
    ref, _ = tiny
    pipelines.load(ref)  # loaded already: the job goes straight to the accelerator's queue
    holding, release = threading.Event(), threading.Event()

    def someone_else():
        with compute.ACCELERATOR.hold(holder=compute.Holder("gan", "another-owner", "gan-job")):
            holding.set()
            release.wait(30)

    other = threading.Thread(target=someone_else)
    other.start()
    try:
        assert holding.wait(10)
        left = generations.start(ref, request(seed=3), key="t2i", owner="my-owner")
        _wait_until(lambda: left.snapshot().info.get("waiting") == 1)
        assert [(t.holder.kind, t.holder.owner, t.holder.job_id) for t in compute.ACCELERATOR.queue()] == [
            ("gan", "another-owner", "gan-job"),
            ("generation", "my-owner", left.id),
        ]
        with pytest.raises(UserError):  # another session may watch it, not stop it
            jobs.cancel(left.id, Actor("another-owner"))
        jobs.cancel(left.id, Actor("my-owner"))
        assert left.wait(10) and left.snapshot().state == jobs.CANCELLED
        assert left.snapshot().result is None and not generations.saved(left.id)
        assert [t.holder.job_id for t in compute.ACCELERATOR.queue()] == [
            "gan-job"
        ]  # it left before its turn
        # the next one waits, then runs as soon as the accelerator is free
        waits = generations.start(ref, request(seed=4), key="t2i", owner="my-owner")
        _wait_until(lambda: waits.snapshot().info.get("waiting") == 1)
        release.set()
        assert waits.wait(60) and waits.snapshot().state == jobs.DONE
        assert [i.seed for i in waits.snapshot().result] == [4]
    finally:
        release.set()
        other.join(10)


def _wait_until(condition, timeout: float = 30.0) -> None:
    deadline = time.time() + timeout
    while not condition():
        assert time.time() < deadline, "timed out"
        time.sleep(0.05)


def test_a_model_trained_here_is_named_by_its_folder_and_its_classes(tmp_path):
    from tests.diffusion.pixel_model import pixel_model

    ref = pixel_model(tmp_path)
    assert generations.model_identity(ref) == {
        "kind": "own",
        "id": "model",  # the folder's name: no path of the server
        "label": "own",
        "classes": ["circle", "square", "triangle"],  # what its report script's prompts name
    }
