"""Objective checks of an answer: its language, a Fibonacci program that must run, an SEO list.

Everything here is plain Python: the language detector counts letters and common words
(no model), and the Fibonacci program runs in a separate ``python -I`` process in a
temporary folder, with CPU, memory and file-size limits, a wall-clock timeout, and an
audit hook that denies it the network, other processes and files outside that folder.
"""

import json
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field

# Letters that only Ukrainian (і ї є ґ) or only Russian (ы э ъ ё) writes.
_UK_LETTERS = set("іїєґ")
_RU_LETTERS = set("ыэъё")

# A handful of the most frequent short words tells Latin-script languages apart.
_STOPWORDS = {
    "en": {"the", "and", "of", "to", "is", "in", "that", "it", "for", "you", "with", "are", "this", "on"},
    "de": {
        "der",
        "die",
        "und",
        "das",
        "ist",
        "nicht",
        "ein",
        "eine",
        "zu",
        "den",
        "mit",
        "sich",
        "auf",
        "ich",
    },
    "fr": {"le", "la", "les", "et", "des", "est", "une", "un", "pas", "pour", "que", "dans", "du", "vous"},
    "es": {"el", "la", "los", "las", "y", "que", "es", "una", "por", "para", "con", "del", "se", "no"},
    "it": {"il", "la", "di", "che", "e", "un", "una", "per", "non", "sono", "con", "del", "gli", "della"},
    "pl": {"i", "w", "nie", "się", "na", "to", "jest", "że", "do", "z", "jak", "co", "ale", "dla"},
}
DETECTABLE = ("uk", "ru", *_STOPWORDS)

_CODE_BLOCK = re.compile(r"```[^\n]*\n(.*?)(?:```|\Z)", re.S)


def strip_code(text: str) -> str:
    """The prose of an answer: code blocks say nothing about the language it is written in."""
    return _CODE_BLOCK.sub(" ", text)


def detect_language(text: str) -> str | None:
    """'uk', 'ru', 'en', 'de', 'fr', 'es', 'it', 'pl', or None when the text is too short to tell.

    Cyrillic text is Ukrainian or Russian by the letters only one of them has; Latin text
    is the language whose most frequent words occur most often.
    """
    prose = strip_code(text).lower()
    letters = [c for c in prose if c.isalpha()]
    if len(letters) < 12:
        return None
    cyrillic = sum("\u0400" <= c <= "\u04ff" for c in letters)
    if cyrillic / len(letters) > 0.5:
        uk = sum(c in _UK_LETTERS for c in letters)
        ru = sum(c in _RU_LETTERS for c in letters)
        return "uk" if uk >= ru else "ru"
    words = re.findall(r"[^\W\d_]+", prose)
    scores = {lang: sum(w in stop for w in words) for lang, stop in _STOPWORDS.items()}
    best = max(scores, key=scores.get)
    return best if scores[best] else None


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
    passed: bool
    key: str
    params: dict = field(default_factory=dict)


def extract_python(text: str) -> list[str]:
    """The code blocks of an answer in order (a definition, then its example call), or the
    whole answer when it is bare code."""
    blocks = [b for b in _CODE_BLOCK.findall(text) if b.strip()]
    if not blocks and re.search(r"^\s*(def |for |print\()", text, re.M):
        blocks = [text]
    return blocks


# Runs inside the child process: limits itself, runs the candidate, tests what it defined
# and what it printed, and reports one JSON line after a marker the candidate cannot guess.
_HARNESS = r"""
import contextlib, io, itertools, json, os, re, resource, sys, types
marker, limit_cpu, limit_mem = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
resource.setrlimit(resource.RLIMIT_CPU, (limit_cpu, limit_cpu))
resource.setrlimit(resource.RLIMIT_AS, (limit_mem, limit_mem))
resource.setrlimit(resource.RLIMIT_FSIZE, (1 << 20, 1 << 20))
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

# The candidate may read Python's own files and this folder, and nothing else: no network,
# no processes, no files of the app (its secrets). Audit hooks cannot be removed once added.
ALLOWED = tuple({os.path.realpath(p) for p in (sys.prefix, sys.base_prefix, sys.exec_prefix, os.getcwd())})
FORBIDDEN = ("socket.", "subprocess.", "os.system", "os.exec", "os.spawn", "os.posix_spawn", "os.fork",
             "os.kill", "os.remove", "os.rename", "os.rmdir", "shutil.", "ctypes.", "urllib.", "webbrowser.")

def guard(event, args):
    if event == "ctypes.dlopen":  # numpy opens the C library on import; calling into it stays forbidden
        return
    if event == "open" and isinstance(args[0], (str, bytes)):
        if not os.path.realpath(os.fsdecode(args[0])).startswith(ALLOWED):
            raise PermissionError("the program may not open " + os.fsdecode(args[0]))
    elif event.startswith(FORBIDDEN):
        raise PermissionError("the program may not use " + event)

sys.addaudithook(guard)
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
    """Does the program in the answer compute Fibonacci numbers? Run it and compare with known values.

    A function whose name contains "fib" must give F(2..20) (0- or 1-based), or return the
    sequence as a list; failing that, what the program prints must contain eight
    consecutive Fibonacci numbers.
    """
    blocks = extract_python(answer)
    if not blocks:
        return CheckResult("fibonacci", False, "llm.check.fib.no_code")
    marker = "@@verdict@@" + os.urandom(8).hex()
    with tempfile.TemporaryDirectory(prefix="genlab-fib-") as folder:
        with open(os.path.join(folder, "candidate.json"), "w", encoding="utf-8") as f:
            json.dump(blocks, f)
        command = [
            sys.executable,
            "-I",
            "-c",
            _HARNESS,
            marker,
            str(int(timeout_s) + 1),
            str(memory_mb << 20),
        ]
        try:
            proc = subprocess.run(
                command,
                cwd=folder,
                capture_output=True,
                text=True,
                timeout=timeout_s,
                stdin=subprocess.DEVNULL,
                env={"PATH": os.environ.get("PATH", ""), "PYTHONIOENCODING": "utf-8"},
                start_new_session=True,
            )
        except subprocess.TimeoutExpired:
            return CheckResult("fibonacci", False, "llm.check.fib.timeout", {"seconds": timeout_s})
    lines = [line for line in proc.stdout.splitlines() if line.startswith(marker)]
    if not lines:
        return CheckResult("fibonacci", False, "llm.check.fib.crashed", {"code": proc.returncode})
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
