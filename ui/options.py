"""Option codes shown by name: the one format_func of every select, radio and segmented control."""

from collections.abc import Callable

import i18n
from ui.session import language


def labels(prefix: str) -> Callable[[object], str]:
    """Names option ``value`` by the key ``<prefix>.<value>`` in this session's language.

    The language is bound now: Streamlit may call a format_func outside this session's run."""
    lang = language()
    return lambda value: i18n.t(f"{prefix}.{value}", lang)
