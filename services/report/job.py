"""A report made in the background: the ticked work read from disk, then the document, its DOCX
and PDF and the scripts written, with progress the Report tab shows as a bar.

One job per lab and student (kind ``"report"``, key ``"<lab>:<owner>"``): a reload of the page,
or coming back from another lab, finds the newest one again by its key.
"""

from __future__ import annotations

from dataclasses import dataclass

from services.common import jobs
from services.report import Files, ReportInput, Student, collect, make

JOB_KIND = "report"


@dataclass(frozen=True)
class Order:
    """What the student asked for. ``conclusions``: their edited text, None for the draft;
    ``secrets``: values of the app's secrets that must not appear (``scrub.secret_values``)."""

    lab: str
    lang: str
    student: Student
    variant: int
    picked: tuple[collect.Saved, ...]
    conclusions: str | None = None
    questions: bool = True
    secrets: tuple[str, ...] = ()

    @property
    def basis(self) -> tuple:
        """What the made files depend on, to tell when the page's choices have changed since."""
        return (self.lang, self.student, self.variant, self.picked, self.conclusions, self.questions)


def start(order: Order, owner: str | None) -> jobs.Job:
    """Make the report of ``order`` in the background; the job's result is ``Files``. The student's
    earlier report of this lab is let go: a report is megabytes, and the server keeps jobs for good."""
    key = _key(order.lab, owner)
    for earlier in jobs.find(JOB_KIND, key):
        if earlier.snapshot().finished:
            earlier.result = None
    return jobs.start(JOB_KIND, lambda job: _make(job, order), key=key, owner=owner)


def latest(lab: str, owner: str | None) -> jobs.Job | None:
    """The newest report job of this lab and student, running or finished."""
    found = jobs.find(JOB_KIND, _key(lab, owner))
    return found[0] if found else None


def _make(job: jobs.Job, order: Order) -> Files:
    # 1. Read the ticked work: one deleted since the list was drawn becomes a note in the report
    def reading(done: int, total: int) -> None:
        job.check_cancelled()
        job.report(done, total, phase="reading", basis=order.basis)

    reading(0, len(order.picked))
    items = collect.items(list(order.picked), order.lang, progress=reading)

    # 2. Write the document, both files and the scripts
    def writing(done: int, total: int) -> None:
        job.check_cancelled()
        job.report(done, total, phase="writing")

    report = ReportInput(
        lab=order.lab,
        lang=order.lang,
        student=order.student,
        variant=collect.variant(order.lab, order.variant, order.lang),
        items=items,
        conclusions=order.conclusions,
        questions=collect.control_questions(order.lab, order.lang) if order.questions else [],
        secrets=order.secrets,
    )
    return make(report, writing)


def _key(lab: str, owner: str | None) -> str:
    return f"{lab}:{owner}"
