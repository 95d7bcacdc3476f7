"""Objective checks of an answer: its language, a Fibonacci program that must run, an SEO list.

The language comes from Lingua (lingua-language-detector), which ships its models in the
wheel; among the few languages the lab offers it is right even on one short sentence.
The Fibonacci program is model-written code: it runs only inside the sandbox
(``services/common/sandbox.py``), and where none is available the check says it is off.
"""

import json
import os
import re
import threading
from dataclasses import dataclass, field

from services.common import sandbox
from services.common.errors import UserError
from services.llm.tasks import Task

# the languages the lab offers; a student's own addition outside them is "not checked"
DETECTABLE = ("uk", "en", "ru", "de", "fr", "es", "it", "pl")
MIN_LETTERS = 12  # fewer letters than this ("OK!") tell no language
_DETECTOR = None
_DETECTOR_LOCK = threading.Lock()

_CODE_BLOCK = re.compile(r"```[^\n]*\n(.*?)(?:```|\Z)", re.S)


def strip_code(text: str) -> str:
    """The prose of an answer: code blocks say nothing about the language it is written in."""
    return _CODE_BLOCK.sub(" ", text)


def _detector():
    """Lingua, built once per process for the offered languages (a few milliseconds; models load lazily)."""
    global _DETECTOR
    with _DETECTOR_LOCK:
        if _DETECTOR is None:
            from lingua import IsoCode639_1, LanguageDetectorBuilder  # a large wheel: only when a check runs

            codes = [getattr(IsoCode639_1, code.upper()) for code in DETECTABLE]
            _DETECTOR = LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()
        return _DETECTOR


def detect_language(text: str) -> str | None:
    """One of ``DETECTABLE``, or None when the prose is too short to tell or Lingua cannot decide."""
    prose = strip_code(text)
    if sum(c.isalpha() for c in prose) < MIN_LETTERS:
        return None
    language = _detector().detect_language_of(prose)
    return language.iso_code_639_1.name.lower() if language is not None else None


def detectable(lang: str) -> bool:
    """Can ``detect_language`` recognise this language? Not one the student added."""
    return lang in DETECTABLE


def check_language(text: str, expected: str) -> tuple[str | None, bool | None]:
    """The answer's language and whether it is ``expected``: (detected, matches).

    (None, None) — "not checked" — for a language the detector does not know: its guess
    would be one of the languages it knows (Portuguese reads as Spanish), a false "wrong".
    ``matches`` is None too when the text is too short to tell.
    """
    if not detectable(expected):
        return None, None
    detected = detect_language(text)
    return detected, None if detected is None else detected == expected


# --- SEO keyword lists ------------------------------------------------------------------

_LIST_MARK = re.compile(r"^\s*(?:[-*•–]|\d+[.)]|#\d+)\s*")


def seo_keywords(text: str) -> list[str]:
    """The keywords of an answer: list items (or one comma-separated line), group headings left out."""
    lines = [line.strip() for line in strip_code(text).splitlines() if line.strip()]
    items = [_LIST_MARK.sub("", line) for line in lines if _LIST_MARK.match(line)]
    if not items:  # "coffee Lviv, best coffee, ..." on one line
        items = [part for line in lines for part in line.split(",")] if any("," in x for x in lines) else []
    keywords = []
    for item in items:
        item = item.strip().strip("*_`\"'«»").strip()
        if not item or item.endswith(":") or len(item.split()) > 8:
            continue
        keywords.append(item.lower())
    return list(dict.fromkeys(keywords))


# --- the Fibonacci program ----------------------------------------------------------------


@dataclass
class CheckResult:
    """An objective verdict: ``key`` and ``params`` describe it in the translation table."""

    kind: str
    passed: bool | None  # None: not checked (no sandbox here)
    key: str
    params: dict = field(default_factory=dict)


def extract_python(text: str) -> list[str]:
    """The code blocks of an answer in order (a definition, then its example call), or the
    whole answer when it is bare code."""
    blocks = [b for b in _CODE_BLOCK.findall(text) if b.strip()]
    if not blocks and re.search(r"^\s*(def |for |print\()", text, re.M):
        blocks = [text]
    return blocks


# Runs inside the sandbox: runs the candidate, tests what it defined and what it printed, and
# reports one JSON line after a marker the candidate cannot guess.
_HARNESS = r"""
import contextlib, io, itertools, json, re, sys, types
marker = sys.argv[1]
sys.setrecursionlimit(5000)
KNOWN = [0, 1]
while len(KNOWN) < 40:
    KNOWN.append(KNOWN[-1] + KNOWN[-2])
N = 20

def values(fn):
    # n -> F(n) for n = 0..N, or the list a function returns when it gives the first N numbers
    try:
        probe = fn(N)
    except Exception:
        probe = None
    if probe is not None and not isinstance(probe, int) and hasattr(probe, "__iter__"):
        return ("list", list(itertools.islice(probe, 40)))
    out = []
    for n in range(N + 1):
        try:
            out.append(fn(n))
        except Exception:
            out.append(None)
    return ("values", out)

def fits(kind, got):
    if kind == "list":
        seq = list(got)
        return len(seq) >= 5 and (seq == KNOWN[:len(seq)] or seq == KNOWN[1:len(seq) + 1])
    tail = got[2:]  # F(0) and F(1) differ between 0- and 1-based conventions
    return tail == KNOWN[2:N + 1] or tail == KNOWN[1:N]

blocks = json.load(open("candidate.json", encoding="utf-8"))

printed = io.StringIO()
namespace = {"__name__": "__main__"}
error = None
sys.stdin = io.StringIO("10\n" * 20)
for number, block in enumerate(blocks):  # one failing block (a truncated example) spares the others
    try:
        with contextlib.redirect_stdout(printed):
            exec(compile(block, f"block{number}.py", "exec"), namespace)
    except BaseException as exc:
        error = error or type(exc).__name__
functions = [(k, v) for k, v in namespace.items() if isinstance(v, types.FunctionType) and "fib" in k.lower()]
verdict = {"error": error, "functions": [k for k, _ in functions], "passed_function": None}
with contextlib.redirect_stdout(io.StringIO()):
    for name, fn in functions:
        try:
            if fits(*values(fn)):
                verdict["passed_function"] = name
                break
        except BaseException:
            pass
numbers = [int(x) for x in re.findall(r"-?\d+", printed.getvalue())]
runs = ([0, 1, 1, 2, 3, 5, 8, 13], [1, 1, 2, 3, 5, 8, 13, 21])
verdict["printed_sequence"] = any(numbers[i:i + 8] == run for run in runs for i in range(len(numbers)))
print(marker + json.dumps(verdict))
"""


def check_fibonacci(answer: str, timeout_s: float = 5.0, memory_mb: int = 512) -> CheckResult:
    """Does the program in the answer compute Fibonacci numbers? Run it in the sandbox and compare.

    A function whose name contains "fib" must give F(2..20) (0- or 1-based), or return the
    sequence as a list; failing that, what the program prints must contain eight
    consecutive Fibonacci numbers. Without a sandbox the check is off (passed is None).
    """
    blocks = extract_python(answer)
    if not blocks:
        return CheckResult("fibonacci", False, "llm.check.fib.no_code")
    if reason := sandbox.unavailable():
        return CheckResult("fibonacci", None, reason)
    marker = "@@verdict@@" + os.urandom(8).hex()
    try:
        done = sandbox.run_python(
            _HARNESS,
            args=(marker,),
            files={"candidate.json": json.dumps(blocks)},
            timeout_s=timeout_s,
            memory_mb=memory_mb,
        )
    except UserError as error:  # the time ran out
        return CheckResult("fibonacci", False, "llm.check.fib.timeout", {"seconds": error.params["seconds"]})
    lines = [line for line in done.stdout.splitlines() if line.startswith(marker)]
    if not lines:
        return CheckResult("fibonacci", False, "llm.check.fib.crashed", {"code": done.returncode})
    verdict = json.loads(lines[-1][len(marker) :])
    if verdict["passed_function"]:
        return CheckResult(
            "fibonacci", True, "llm.check.fib.ok_function", {"name": verdict["passed_function"]}
        )
    if verdict["printed_sequence"] and not verdict["functions"]:
        return CheckResult("fibonacci", True, "llm.check.fib.ok_output")
    if verdict["error"] and not verdict["functions"]:
        return CheckResult("fibonacci", False, "llm.check.fib.error", {"error": verdict["error"]})
    return CheckResult("fibonacci", False, "llm.check.fib.wrong")


def check_seo(answer: str, requested: int) -> CheckResult:
    """Count the keywords of the list against how many the prompt asked for."""
    count = len(seo_keywords(answer))
    return CheckResult("seo", count >= requested, "llm.check.seo", {"count": count, "requested": requested})


def check_task(task: Task, level: str, answer: str) -> CheckResult | None:
    """The objective check of the task the answer is for, where it has one."""
    if task.check == "fibonacci":
        return check_fibonacci(answer)
    if task.check == "seo":
        return check_seo(answer, task.seo_requested[level])
    return None
