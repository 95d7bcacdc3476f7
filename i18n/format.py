"""Numbers, plurals and durations in the reader's language, by CLDR's rules (through Babel).

The string tables use ``str.format`` fields with a few extra format specs:

    {count:,}                     a whole number grouped: "166 784" in Ukrainian, "166,784" in English
                                  (a bare {count} stays "166784": seeds, steps and ids are not grouped)
    {ratio}, {loss:.3f}           a fraction in the language's format: "0,5", "0,071" / "0.5", "0.071"
    {count:plural:зображення|зображення|зображень}
                                  the form for count (Ukrainian: one|few|many; English: one|other)
    {seconds:duration}            "35 мс", "4,2 с", "1 хв 8 с" / "35 ms", "4.2 sec", "1 min 8 sec"

Anything else (strings, names) is formatted as ``str.format`` would.
"""

import re
import string

from babel import Locale
from babel.numbers import format_decimal
from babel.units import format_unit

_DECIMALS = re.compile(r"^,?\.(\d)f$")
# the forms a table gives, in this order; a category a language lacks falls back to the last form
_CATEGORIES = {"uk": ("one", "few", "many"), "en": ("one", "other")}


def number(value: float, lang: str, decimals: int | None = None) -> str:
    if decimals is not None:
        pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
        return format_decimal(value, format=pattern, locale=lang)
    return format_decimal(value, locale=lang)


def plural(count: float, forms: list[str], lang: str) -> str:
    """The form of a noun for ``count``; Ukrainian fractions ("1,5 години") take the "few" form."""
    category = Locale(lang).plural_form(count)
    order = _CATEGORIES.get(lang, ("one", "other"))
    if category == "other" and lang == "uk":
        category = "few"
    index = order.index(category) if category in order else len(order) - 1
    return forms[min(index, len(forms) - 1)]


def duration(seconds: float, lang: str) -> str:
    """0.17 ms, 35 ms, 4.2 s, 42 s, 3 min 7 s, 1 h 2 min, each unit in the language's short form."""

    def unit(value, name, pattern="#,##0"):
        return format_unit(value, f"duration-{name}", length="short", locale=lang, format=pattern)

    if seconds < 0.001:  # a GAN draws an image in a fraction of a millisecond: not "0 ms"
        return unit(seconds * 1000, "millisecond", "#,##0.##")
    if seconds < 1:
        return unit(round(seconds * 1000), "millisecond")
    if seconds < 10:
        return unit(seconds, "second", "#,##0.0")
    seconds = int(round(seconds))
    if seconds < 60:
        return unit(seconds, "second")
    minutes, secs = divmod(seconds, 60)
    if minutes < 60:
        return f"{unit(minutes, 'minute')} {unit(secs, 'second')}"
    hours, minutes = divmod(minutes, 60)
    return f"{unit(hours, 'hour')} {unit(minutes, 'minute')}"


class Formatter(string.Formatter):
    """``str.format`` that writes numbers, plurals and durations the ``lang`` way."""

    def __init__(self, lang: str):
        self.lang = lang

    def format_field(self, value, spec: str) -> str:
        kind, _, argument = spec.partition(":")
        if kind == "plural":
            return plural(value, argument.split("|"), self.lang)
        if kind == "duration":
            return duration(value, self.lang)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            decimals = _DECIMALS.match(spec)
            if decimals:
                return number(value, self.lang, int(decimals.group(1)))
            if spec == "," or (spec == "" and isinstance(value, float)):
                return number(value, self.lang)
        return super().format_field(value, spec)
