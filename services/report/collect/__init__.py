"""From the student's saved work to a report's inputs: what they may tick, then what was ticked, read.

``saved_work(lab, actor, lang, everybody=False)``
    The lab's saved work as ``Saved`` entries titled in ``lang``, newest first: GAN runs (Lab 1), generations and
    experiments (Lab 2), comparisons (Lab 3). Only the student's own, unless ``everybody``
    (an opt-in to everybody's shared results); an instructor sees all.

``items(picked, lang, pictures=True)``
    The ticked entries read into report items (``GanRun``, ``Generation``, ``Sweep``,
    ``Comparison``) in the report's language; one deleted meanwhile becomes ``Missing``, so
    the report notes it and goes on. ``pictures=False`` skips the images: enough for the
    conclusions' draft, which needs only the numbers.

``variant(lab, number, lang)``, ``control_questions(lab, lang)``
    The rest of a ``ReportInput``: the student's variant as the report names it, and the lab's
    five control questions with the app's answers.

Each lab's collector (gan.py, diffusion.py, llm.py) is imported when its lab asks, so Lab 3
(and the Community Cloud edition) never loads the other labs' services.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType

from i18n import t
from services.common import variants
from services.common.errors import UserError
from services.common.owners import Actor
from services.report.inputs import Item, Missing, Variant

QUESTIONS = range(1, 6)
# each lab's questions and answers in i18n; Lab 1's answers in the app point at its tabs, so the report
# has answers of its own, written out
QUESTION_KEYS = {"gan": "gan.q", "diffusion": "sd.q", "llm": "llm.q"}
ANSWER_KEYS = {"gan": "report.gan.a", "diffusion": "sd.a", "llm": "llm.a"}
_BOLD = re.compile(r"\*\*(.+?)\*\*")


@dataclass(frozen=True)
class Saved:
    """One piece of saved work, as the Report tab lists it."""

    lab: str
    kind: str  # "run" (Lab 1), "generation" or "sweep" (Lab 2), "comparison" (Lab 3)
    id: str
    title: str  # as the lab names it, in the language of the page that listed it
    created: float  # Unix time
    state: str  # "new", "running", "stopped", "done", "failed", "interrupted" or "cancelled"
    owner: str | None


def saved_work(lab: str, actor: Actor, lang: str, everybody: bool = False) -> list[Saved]:
    """The lab's saved work that ``actor`` may put in a report, newest first."""
    listed = _collector(lab).listed(lang)
    shown = listed if everybody or actor.instructor else [s for s in listed if actor.may_manage(s.owner)]
    return sorted(shown, key=lambda s: s.created, reverse=True)


def items(
    picked: list[Saved], lang: str, pictures: bool = True, progress: Callable[[int, int], None] | None = None
) -> list[Item]:
    """Each picked entry read for the report, or ``Missing`` when it is gone; titles told apart."""
    found: list[Item] = []
    for done, saved in enumerate(picked, start=1):
        try:
            found.append(_collector(saved.lab).read(saved, lang, pictures))
        except (UserError, OSError, ValueError, KeyError):  # deleted, or cut short, since it was listed
            found.append(Missing(saved.title))
        if progress:
            progress(done, len(picked))
    _tell_apart(found)
    return found


def variant(lab: str, number: int, lang: str) -> Variant:
    """The variant as the report names it: Lab 1 its dataset, Lab 2 the subject of its prompts,
    Lab 3 its task."""
    chosen = variants.get(number)
    if lab == "gan":
        subject = f"{chosen.name(lang)} ({chosen.kaggle})"
    elif lab == "diffusion":
        subject = t("report.variant.prompts", lang, name=chosen.name(lang), subject=chosen.subject(lang))
    else:
        subject = t(f"llm.task.{number}", lang)
    return Variant(chosen.number, subject)


def control_questions(lab: str, lang: str) -> list[tuple[str, str]]:
    """The lab's five control questions, each with its answer as plain text."""
    questions, answers = QUESTION_KEYS[lab], ANSWER_KEYS[lab]
    return [(t(f"{questions}.{n}", lang), _BOLD.sub(r"\1", t(f"{answers}.{n}", lang))) for n in QUESTIONS]


def device(lang: str) -> str:
    """Where Lab 1 and Lab 2 work ran: this server's device ("CPU, 2 ядра"), as the sidebar names it."""
    from services.common import compute

    key, params = compute.device_info()
    return t(key, lang, **params)


def _tell_apart(found: list[Item]) -> None:
    """Two items of one title (two sweeps of the same steps) become "Кроки: 1, 2" and "Кроки: 1, 2 (2)"."""
    seen: dict[str, int] = {}
    for item in found:
        seen[item.title] = seen.get(item.title, 0) + 1
        if seen[item.title] > 1:
            item.title = f"{item.title} ({seen[item.title]})"


def _collector(lab: str) -> ModuleType:
    if lab == "gan":
        from services.report.collect import gan as collector
    elif lab == "diffusion":
        from services.report.collect import diffusion as collector
    elif lab == "llm":
        from services.report.collect import llm as collector
    else:
        raise ValueError(f"unknown lab {lab!r}")
    return collector
