"""The translation table: complete in both languages, and every key the code uses exists."""

import re
import string
from pathlib import Path

import pytest

import i18n
from i18n import common, diffusion, gan, llm

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [p for d in ("app_pages", "services", "ui", "i18n", "cloud") for p in (ROOT / d).rglob("*.py")]
SOURCES += [ROOT / "app.py"]
# tr("key" / t("key" / UserError("key" as the code writes them
KEY_USE = re.compile(r"""\b(?:tr|t|UserError)\(\s*["']([a-z0-9_]+\.[a-z0-9_.]+)["']""")
# the fixed start of a key built at run time: tr(f"gan.tab.{name}"), label(f"gan.data.skipped.{code}")
KEY_FAMILY = re.compile(r"""\b(?:tr|t|label|_known|UserError)\(\s*f["']([a-z0-9_]+\.[a-z0-9_.]*)\{""")
# the prefix of translated options: options.labels("sd.inp.mask", ...) names "sd.inp.mask.<id>"
OPTION_FAMILY = re.compile(r"""\blabels\(\s*["']([a-z0-9_]+\.[a-z0-9_.]*)["']""")
# a lab's tabs and control questions, named by its prefix: lab_tabs("gan", ...), control_questions("sd", ...)
TAB_FAMILY = re.compile(r"""\blab_tabs\(\s*["']([a-z0-9_]+)["']""")
QUESTION_FAMILY = re.compile(r"""\bcontrol_questions\(\s*["']([a-z0-9_]+)["']""")


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(i18n.TABLE))
def test_every_string_has_both_languages_with_same_placeholders(key):
    uk, en = i18n.TABLE[key]
    assert uk.strip() and en.strip()
    assert _fields(uk) == _fields(en)


def test_every_key_used_in_code_is_translated():
    used = {(path.relative_to(ROOT), key) for path in SOURCES for key in KEY_USE.findall(path.read_text())}
    missing = sorted(f"{path}: {key}" for path, key in used if key not in i18n.TABLE)
    assert not missing, missing


@pytest.mark.parametrize("part", [common, gan, diffusion, llm], ids=lambda part: part.__name__)
def test_every_string_is_used(part):
    """Every key of every table appears in the code, whole or as the start of a key built at run time."""
    code = "\n".join(path.read_text() for path in SOURCES if "i18n" not in path.parts)
    families = tuple(KEY_FAMILY.findall(code)) + tuple(f"{p}." for p in OPTION_FAMILY.findall(code))
    families += tuple(f"{p}.tab." for p in TAB_FAMILY.findall(code))
    families += tuple(f"{p}.{qa}." for p in QUESTION_FAMILY.findall(code) for qa in "qa")
    unused = sorted(
        key
        for key in part.STRINGS
        if f'"{key}"' not in code and f"'{key}'" not in code and not key.startswith(families)
    )
    assert not unused, unused


def test_t_fills_placeholders_and_picks_the_language():
    assert i18n.t("home.variant_saved", "en", number=3) == "Variant 3 saved: it applies to every lab."
    assert "3" in i18n.t("home.variant_saved", "uk", number=3)
    assert i18n.t("no.such.key", "en") == "no.such.key"


@pytest.mark.parametrize(
    ("query", "locale", "expected"),
    [
        ("en", "uk-UA", "en"),
        (None, "en-US", "en"),
        (None, "uk-UA", "uk"),
        (None, "de-DE", "uk"),
        ("xx", None, "uk"),
    ],
)
def test_language_comes_from_url_then_locale_then_default(query, locale, expected):
    assert i18n.pick_language(query, locale) == expected
