"""The report's string table: every key is used by the report code or its tab (tests/common/test_i18n.py
checks both languages, their placeholders, and that every key the code uses exists)."""

import re
from pathlib import Path

from i18n import report
from services.report import collect

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [*(ROOT / "services" / "report").rglob("*.py"), ROOT / "ui" / "report.py"]
CODE = "\n".join(path.read_text(encoding="utf-8") for path in SOURCES)
# a key built at run time: t(f"report.lab.{lab}.topic") names every key from "report.lab." on
FAMILIES = tuple(re.findall(r"""\b(?:t|tr)\(\s*f["'](report\.[a-z0-9_.]*)\{""", CODE))
FAMILIES += tuple(f"{keys}." for keys in collect.ANSWER_KEYS.values())  # a report's answers of its own
# the labs' Report tabs, labelled as ui/tabs.py names a tab: "<lab prefix>.tab.report"
TAB_LABELS = ("gan.tab.report", "sd.tab.report", "llm.tab.report")


def test_every_report_string_is_used():
    unused = [
        key
        for key in report.STRINGS
        if f'"{key}"' not in CODE and not key.startswith(FAMILIES) and key not in TAB_LABELS
    ]
    assert not unused, unused


def test_every_key_has_the_report_prefix_but_the_tab_labels():
    assert all(key.startswith("report.") or key in TAB_LABELS for key in report.STRINGS)


def test_every_lab_page_has_a_report_tab():
    for page, lab in (("gan", "gan"), ("diffusion", "diffusion"), ("llm", "llm")):
        code = (ROOT / "app_pages" / f"{page}.py").read_text(encoding="utf-8")
        assert f'"report": lambda: report.tab("{lab}")' in code
