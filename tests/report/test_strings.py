"""The report's string table: every key is used by the report code (tests/common/test_i18n.py
checks both languages, their placeholders, and that every key the code uses exists)."""

import re
from pathlib import Path

from i18n import report

ROOT = Path(__file__).resolve().parents[2]
CODE = "\n".join(path.read_text(encoding="utf-8") for path in (ROOT / "services" / "report").rglob("*.py"))
# a key built at run time: t(f"report.lab.{lab}.topic") names every key from "report.lab." on
FAMILIES = tuple(re.findall(r"""\bt\(\s*f["'](report\.[a-z0-9_.]*)\{""", CODE))


def test_every_report_string_is_used():
    unused = [key for key in report.STRINGS if f'"{key}"' not in CODE and not key.startswith(FAMILIES)]
    assert not unused, unused


def test_every_key_has_the_report_prefix():
    assert all(key.startswith("report.") for key in report.STRINGS)
