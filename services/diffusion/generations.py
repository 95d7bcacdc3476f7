"""One txt2img / img2img / inpaint request as a background job, its images kept on disk.

The page starts the job and polls it; the job reports which image and which denoising
step it is on, and whether it waits for the accelerator. Finished images are written to
``cache/generations/<job id>/`` as PNGs carrying A1111's ``parameters`` chunk, so a
reload, a crashed browser tab or a server restart loses nothing: ``saved`` reads them back,
and ``made_by`` which model made them, for whom (``made_by.json`` beside them).
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from services.common import compute, jobs
from services.common.errors import UserError
from services.common.paths import cache_dir
from services.diffusion import images_out, infotext, pipelines
from services.diffusion.generate import GenRequest, generate
from services.diffusion.models import ModelRef

JOB_KIND = "generation"
# which model made a generation's images, and for whom: a report's script loads the same model
MADE_BY = "made_by.json"


_JOB_ID = re.compile(r"^[0-9a-f]{12}$")


@dataclass(frozen=True)
class SavedImage:
    path: Path
    seed: int
    seconds: float | None  # None: read back from disk, the time was not kept
    parameters: str  # A1111's infotext, as stored in the PNG
    interrupted: bool  # stopped before its last step: partly denoised

    def png_bytes(self) -> bytes:
        return self.path.read_bytes()

    def file(self, kind: str = "png") -> bytes:
        """The image as a PNG, JPEG or WebP file carrying its parameters, each as A1111 saves it."""
        if kind == "png":
            return self.png_bytes()
        with Image.open(self.path) as image:
            return images_out.save(image, self.parameters, kind)


def start(ref: ModelRef, request: GenRequest, key: str | None = None, owner: str | None = None) -> jobs.Job:
    """Generate ``request`` with the model ``ref`` in the background; its result is a list of SavedImage."""
    request.check()  # a request that cannot run is refused here, before a job starts
    return jobs.start(JOB_KIND, lambda job: _run(job, ref, request), key=key, owner=owner)


def saved(job_id: str) -> list[SavedImage]:
    """The images a generation left on disk, for a link whose job this process no longer has."""
    if not _JOB_ID.match(job_id or ""):
        return []
    images = []
    for path in sorted(cache_dir("generations").joinpath(job_id).glob("*.png")):
        parameters = infotext.read_parameters(path.read_bytes()) or ""
        _, seed, *interrupted = path.stem.split("-")  # "00-1234.png", "01-1235-interrupted.png"
        images.append(SavedImage(path, int(seed), None, parameters, bool(interrupted)))
    return images


def model_identity(ref: ModelRef) -> dict:
    """The model as saved work names it: a Hugging Face id as it is, any other (a folder, a file)
    by its name only (no path of the server leaves it in an export); a model trained in Lab 2 also
    by the classes its prompts name, which its report script needs."""
    hub = ref.kind in ("preset", "hub")
    identity = {"kind": ref.kind, "id": ref.id if hub else Path(ref.id).name, "label": ref.label}
    if ref.kind == "own":
        from services.diffusion.own import model as own  # lazy: torch

        try:
            identity["classes"] = list(own.read_about(Path(ref.id))["classes"])
        except UserError:  # its folder is gone: the report's script then names no class
            identity["classes"] = []
    return identity


def made_by(job_id: str) -> dict:
    """A generation's model (``model_identity``), owner and start time; {} for one saved before they were kept."""
    if not _JOB_ID.match(job_id or ""):
        return {}
    try:
        return json.loads((cache_dir("generations") / job_id / MADE_BY).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _run(job: jobs.Job, ref: ModelRef, request: GenRequest) -> list[SavedImage]:
    images_total = request.batch_count * request.batch_size
    steps_total = images_total * request.steps
    folder = cache_dir("generations", job.id)
    made = {"model": model_identity(ref), "owner": job.owner, "created": time.time()}
    (folder / MADE_BY).write_text(json.dumps(made, ensure_ascii=False), encoding="utf-8")

    def on_wait(ahead: int) -> None:
        job.report(0, steps_total, waiting=ahead)

    def on_step(step: int, steps: int, batch: int) -> None:
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
        loading=not pipelines.is_loaded(ref),  # the first step clears it
    )
    generated = generate(
        ref,
        request,
        on_step=on_step,
        should_stop=lambda: job.cancel_requested,
        on_wait=on_wait,
        holder=compute.Holder(JOB_KIND, job.owner, job.id),
    )
    images = []
    for number, g in enumerate(generated):
        path = folder / f"{number:02d}-{g.seed}{'-interrupted' if g.interrupted else ''}.png"
        path.write_bytes(g.png_bytes())
        images.append(SavedImage(path, g.seed, g.seconds, g.parameters, g.interrupted))
    return images
