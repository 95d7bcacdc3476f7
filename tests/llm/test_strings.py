"""Every Lab 3 string the code uses, keys built at run time included, exists in both languages."""

import re
import string
from pathlib import Path

import i18n
from services.llm import checks, matrix, tasks

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ["app_pages/llm.py", "cloud/home.py", *(f"{d}/llm/*.py" for d in ("ui", "services"))]


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_llm_string_the_page_uses_exists_in_both_languages():
    code = "".join(path.read_text() for pattern in SOURCES for path in sorted(ROOT.glob(pattern)))
    used = {key.rstrip(".") for key in re.findall(r"[\"'](llm\.[a-z_0-9.]+)[\"']", code)} - {matrix.JOB_KIND}
    used = {key for key in used if not any(k.startswith(key + ".") for k in i18n.TABLE)}  # prefixes
    axes = {
        "level": tasks.LEVELS,
        "style": tasks.STYLES,
        "lang": (*checks.DETECTABLE, *tasks.OFFERED_LANGS),
        "task": range(1, 11),
        "status": (matrix.WAITING, matrix.RUNNING, matrix.DONE, matrix.ERROR, matrix.CANCELLED),
        "tab": ("compare", "history", "theory"),
    }
    used |= {f"llm.{axis}.{value}" for axis, values in axes.items() for value in values}
    used |= {f"llm.{qa}.{n}" for qa in "qa" for n in range(1, 6)}
    assert sorted(k for k in used if k not in i18n.TABLE) == []
    for key, (uk, en) in i18n.TABLE.items():
        if key.startswith("llm."):
            assert uk.strip() and en.strip(), key
            assert _placeholders(uk) == _placeholders(en), key
            assert not _placeholders(uk) & {"key", "lang"}, key  # t(key, lang, **params) takes those
