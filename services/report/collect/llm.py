"""Lab 3's saved work for a report: comparisons from the history (services/llm/history.py), read into
``Comparison``. Needs no torch: the Community Cloud edition makes reports too."""

from __future__ import annotations

from i18n import t
from services.llm import history, matrix
from services.report.collect import Saved
from services.report.inputs import Answer, Comparison

MARKS = {True: "✓ ", False: "✗ ", None: ""}  # a check passed, failed, or could not run here


def listed(lang: str) -> list[Saved]:
    return [
        Saved("llm", "comparison", e.id, e.title, e.created, matrix.state_now(e.id, e.state), e.owner)
        for e in history.entries()
    ]


def read(saved: Saved, lang: str, pictures: bool) -> Comparison:
    record = matrix.recorded(saved.id)
    if record is None:
        raise KeyError(saved.id)  # deleted since it was listed
    return Comparison(record["title"], [_answer(cell, lang) for cell in record["cells"]], record["params"])


def _answer(cell: dict, lang: str) -> Answer:
    return Answer(
        task=cell["task"],
        level=cell["level"],
        style=cell["style"],
        lang=cell["lang"],
        model=cell["model"],
        base_url=cell["base_url"],
        temperature=cell["temperature"],
        messages=cell["messages"],
        text=cell.get("text", ""),
        status=cell.get("status", "done"),
        label=cell.get("label", ""),
        latency_s=cell.get("latency_s"),
        ttft_s=cell.get("ttft_s"),
        tokens_in=cell.get("tokens_in"),
        tokens_out=cell.get("tokens_out"),
        tokens_per_s=cell.get("tokens_per_s"),
        words=cell.get("words"),
        chars=cell.get("chars"),
        lang_ok=cell.get("lang_ok"),
        check=_check(cell.get("check"), lang),
    )


def _check(check: dict | None, lang: str) -> str:
    """The task's objective check as one line of the report: "✓ the program runs: 10 of 10"."""
    if not check:
        return ""
    return MARKS[check.get("passed")] + t(check["key"], lang, **check.get("params", {}))
