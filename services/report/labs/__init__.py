"""Each lab's part of the report: what its items' code section, results section and conclusions say.

A lab module has ``code_section(item, lang)`` and ``results_section(item, lang)`` (a
``Section`` each, titled by the item) and ``conclusions(items, lang)`` (sentences).
"""

from __future__ import annotations

from types import ModuleType


def lab_module(lab: str) -> ModuleType:
    from services.report.labs import diffusion, gan, llm

    return {"gan": gan, "diffusion": diffusion, "llm": llm}[lab]
