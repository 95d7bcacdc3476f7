"""The draft of a report's conclusions, written from the measured numbers only.

Each lab says what its items' figures show (labs/*.py ``conclusions``): the fitted slope or
exponent with its R², and plainly when a fit does not hold; whether and when mode collapse
showed; which prompt style or language gave the longest or the fastest answers. The
student edits the draft before the report is made (``ReportInput.conclusions``).
"""

from __future__ import annotations

from i18n import t
from services.report.inputs import Missing, ReportInput
from services.report.labs import lab_module
from services.report.scrub import Scrubber, clean


def draft(report: ReportInput) -> str:
    """One paragraph per line, in the report's language; a lab with nothing measured says so."""
    report = clean(report, Scrubber(report.secrets))
    items = [item for item in report.items if not isinstance(item, Missing)]
    sentences = lab_module(report.lab).conclusions(items, report.lang) if items else []
    return "\n".join(sentences) if sentences else t("report.concl.nothing", report.lang)
