"""One txt2img / img2img / inpaint request as a background job, its images kept on disk.

The page starts the job and polls it; the job reports which image and which denoising
step it is on, and whether it waits for the accelerator. Finished images are written to
``cache/generations/<job id>/`` as PNGs carrying A1111's ``parameters`` chunk, so a
reload or a crashed browser tab loses nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from services.common import jobs
from services.common.paths import cache_dir
from services.diffusion import pipelines as diffusion

JOB_KIND = "generation"


@dataclass(frozen=True)
class Image:
    path: Path
    seed: int
    seconds: float
    parameters: str  # A1111's infotext, as stored in the PNG
    interrupted: bool  # stopped before its last step: partly denoised

    def png_bytes(self) -> bytes:
        return self.path.read_bytes()


def start(ref, request, key: str | None = None) -> jobs.Job:
    """Generate ``request`` with the model ``ref`` in the background; the result is a list of ``Image``."""
    request.check()  # a request that cannot run is refused here, before a job starts
    return jobs.start(JOB_KIND, lambda job: _run(job, ref, request), key=key)


def _run(job: jobs.Job, ref, request) -> list[Image]:
    images_total = request.batch_count * request.batch_size
    steps_total = images_total * request.steps
    folder = cache_dir("generations", job.id)

    def on_wait(ahead: int) -> None:
        job.report(0, steps_total, waiting=ahead)

    def on_step(step: int, steps: int, batch: int = 0, *_) -> None:
        # img2img runs only strength × steps: count the steps the pipeline really takes
        done = batch * request.batch_size * steps + step * request.batch_size
        job.report(
            done,
            images_total * steps,
            waiting=0,
            loading=False,
            step=step,
            steps=steps,
            batch=batch + 1,
            batches=request.batch_count,
        )

    job.report(
        0,
        steps_total,
        waiting=0,
        step=0,
        steps=request.steps,
        batch=1,
        batches=request.batch_count,
        loading=not diffusion.is_loaded(ref),  # the first step clears it
    )
    generated = diffusion.generate(
        ref, request, on_step=on_step, should_stop=lambda: job.cancel_requested, on_wait=on_wait
    )
    images = []
    for number, g in enumerate(generated):
        path = folder / f"{number:02d}-{g.seed}.png"
        path.write_bytes(g.png_bytes())
        images.append(Image(path, g.seed, g.seconds, g.parameters, g.interrupted))
    return images
