"""Every user-visible string, in Ukrainian and English.

One table per lab, each under its own key prefix (``gan.``, ``sd.``, ``llm.``; ``common``
holds the app's shared strings), so each stays readable; each entry is ``key: (ukrainian, english)``. ``t`` looks a key up
and fills ``{placeholders}``, writing numbers, plurals and durations the language's way (``format.py``).
"""

from . import common, diffusion, gan, llm, report
from .format import Formatter

LANGS = ("uk", "en")
DEFAULT_LANG = "uk"
LANG_NAMES = {"uk": "Українська", "en": "English"}


def _merge(*parts) -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    for part in parts:
        for key, texts in part.STRINGS.items():
            if key in table:
                raise ValueError(f"duplicate translation key {key!r} in {part.__name__}")
            table[key] = texts
    return table


TABLE = _merge(common, gan, diffusion, llm, report)


def t(key: str, lang: str = DEFAULT_LANG, **params) -> str:
    """The text for ``key`` in ``lang``; an unknown key shows itself rather than failing."""
    texts = TABLE.get(key)
    if texts is None:
        return key
    if lang not in LANGS:
        lang = DEFAULT_LANG
    text = texts[LANGS.index(lang)]
    return Formatter(lang).format(text, **params) if params else text


def pick_language(query: str | None = None, locale: str | None = None) -> str:
    """The URL's ``?lang=`` wins, then the browser locale, then Ukrainian."""
    for candidate in (query, (locale or "")[:2]):
        if candidate and candidate.lower() in LANGS:
            return candidate.lower()
    return DEFAULT_LANG
