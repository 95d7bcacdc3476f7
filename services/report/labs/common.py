"""What the labs' report parts share: settings tables and numbers in the report's language."""

from __future__ import annotations

import math

from i18n import t
from i18n.format import number
from services.report.document import Table

DASH = "—"


def settings_table(rows: list[tuple[str, str]], title: str, lang: str) -> Table:
    """Two columns, setting and value: what a run was asked to do."""
    return Table(
        [t("report.table.setting", lang), t("report.table.value", lang)],
        [[name, value] for name, value in rows],
        t("report.caption.settings", lang, title=title),
    )


def num(value, lang: str, decimals: int = 3) -> str:
    """A measured number with its decimal mark ("0,512" / "0.512"), or a dash when there is none."""
    if not finite(value):
        return DASH
    if isinstance(value, int) and not isinstance(value, bool):
        return number(value, lang, 0)
    return number(value, lang, decimals)


def decimal_mark(lang: str) -> str:
    """ "," in Ukrainian, "." in English."""
    return number(0.5, lang, 1)[1]


def finite(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def mean(values) -> float | None:
    kept = [v for v in values if finite(v)]
    return sum(kept) / len(kept) if kept else None
