"""Numbers and durations written the session's language way (see i18n/format.py)."""

from i18n import format as formats
from ui.session import language


def duration(seconds: float | None) -> str:
    """35 ms, 1.2 s, 1 min 8 s (Ukrainian: 35 мс, 1,2 с, 1 хв 8 с); "—" when unknown."""
    return "—" if seconds is None else formats.duration(seconds, language())


def number(value: float | None, decimals: int | None = None) -> str:
    """166 784, 0,071 in Ukrainian; 166,784, 0.071 in English; "—" when unknown."""
    return "—" if value is None else formats.number(value, language(), decimals)
