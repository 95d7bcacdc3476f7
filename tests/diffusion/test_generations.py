"""A generation as a background job: its progress, and its images kept on disk with their infotext."""

from PIL import Image

from services.common import jobs
from services.diffusion import generations, infotext
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
