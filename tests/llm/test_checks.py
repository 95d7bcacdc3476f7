"""Objective checks of an answer: a Fibonacci program that must run (sandboxed), an SEO list, its language."""

import pytest

from services.llm import checks, endpoints, matrix, tasks

FIB_FUNCTION = """Here is the code:

```python
def fibonacci(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
```

Example:

```python
print(fibonacci(10))
```
"""

FIB_PRINTS = """```python
a, b = 0, 1
for _ in range(10):
    print(a)
    a, b = b, a + b
```"""

FIB_WRONG = """```python
def fib(n):
    return n * 2
```"""

FIB_FOREVER = """```python
def fibonacci(n):
    while True:
        pass
print(fibonacci(5))
```"""


def test_fibonacci_checker_runs_the_program_and_compares_known_values():
    ok = checks.check_fibonacci(FIB_FUNCTION)
    assert ok.passed and ok.key == "llm.check.fib.ok_function" and ok.params == {"name": "fibonacci"}
    assert checks.check_fibonacci(FIB_PRINTS).key == "llm.check.fib.ok_output"
    wrong = checks.check_fibonacci(FIB_WRONG)
    assert not wrong.passed and wrong.key == "llm.check.fib.wrong"
    assert checks.check_fibonacci("Fibonacci numbers grow fast.").key == "llm.check.fib.no_code"
    broken = checks.check_fibonacci("```python\nimport os\nos.exit_now()\n```")
    assert not broken.passed and broken.params == {"error": "AttributeError"}


def test_fibonacci_checker_stops_a_program_that_never_ends():
    forever = checks.check_fibonacci(FIB_FOREVER, timeout_s=2)
    assert not forever.passed and forever.key == "llm.check.fib.timeout"


def test_fibonacci_program_runs_in_the_sandbox(tmp_path):
    """The walls themselves are tried in tests/common/test_sandbox.py; here, that the check uses them."""
    secret = tmp_path / "secrets.toml"
    secret.write_text('OPENAI_API_KEY = "sk-..."')
    steal = f"```python\nprint(open({str(secret)!r}).read())\n```"
    assert checks.check_fibonacci(steal).params == {"error": "FileNotFoundError"}  # not even visible
    call = "```python\nimport socket\nsocket.create_connection(('127.0.0.1', 9))\n```"
    assert checks.check_fibonacci(call).params == {"error": "ConnectionRefusedError"}  # an empty network
    victim = tmp_path / "made-by-the-model"
    for escape in (
        f"import os\nos.system('touch {victim}')",
        f"import ctypes\nctypes.CDLL(None).system(b'touch {victim}')",
    ):
        assert not checks.check_fibonacci(f"```python\n{escape}\n```").passed
        assert not victim.exists()
    # ...while ordinary imports, numpy included, still work.
    numpy_fib = "import numpy as np\ndef fib(n):\n    return int(np.linalg.matrix_power(np.array([[1, 1], [1, 0]], dtype=object), n)[0, 1])"
    assert checks.check_fibonacci(f"```python\n{numpy_fib}\n```").passed
    assert checks.check_fibonacci(
        "```python\nimport math, functools\n" + FIB_FUNCTION.split("```python\n")[1]
    ).passed


def test_seo_checker_counts_list_items_not_headings():
    answer = """Here are keywords:

**Informational:**
1. coffee shop Lviv
2. best coffee in Lviv
- specialty coffee Lviv
* Lviv café with desserts
Commercial:
- coffee beans delivery Lviv
"""
    assert checks.seo_keywords(answer) == [
        "coffee shop lviv",
        "best coffee in lviv",
        "specialty coffee lviv",
        "lviv café with desserts",
        "coffee beans delivery lviv",
    ]
    verdict = checks.check_seo(answer, requested=10)
    assert not verdict.passed and verdict.params == {"count": 5, "requested": 10}
    assert checks.check_seo("кава Львів, найкраща кава, кав'ярня центр", 3).passed


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Штучний інтелект допомагає людям швидше розв'язувати щоденні задачі.", "uk"),
        ("Искусственный интеллект помогает людям быстрее решать объёмные задачи.", "ru"),
        ("Artificial intelligence is a tool that helps people in the office.", "en"),
        ("Die künstliche Intelligenz ist ein Werkzeug, und sie hilft nicht immer.", "de"),
        ("ok 123", None),
        # short answers, the kind the hand-written detector could not tell
        ("Artificial intelligence helps people solve everyday problems faster.", "en"),
        ("Кіт спить на дивані.", "uk"),
        ("Кот спит на диване.", "ru"),
        ("Ось код:\n```python\nprint('the and of to is in')\n```\nВін друкує числа Фібоначчі.", "uk"),
    ],
)
def test_language_detection(text, lang):
    assert checks.detect_language(text) == lang


PORTUGUESE = (
    "O programa imprime os números de Fibonacci, e para cada número que se calcula não é preciso "
    "guardar a lista."
)


def test_a_language_without_a_detector_is_not_checked_rather_than_judged_wrong():
    # The detector knows no Portuguese: it takes it for Spanish, which would read as "wrong language".
    assert checks.detect_language(PORTUGUESE) == "es"
    assert not checks.detectable("pt") and not checks.detectable("Klingon")
    assert checks.check_language(PORTUGUESE, "pt") == (None, None)
    assert checks.check_language(PORTUGUESE, "es") == ("es", True)
    assert checks.check_language(PORTUGUESE, "de") == ("es", False)
    assert checks.check_language("ok 123", "en") == (None, None)  # too short to tell
    cell = matrix.Matrix(
        [(1, "easy")],
        ["plain"],
        ["pt"],
        [endpoints.local_endpoint()],
        [0.7],
        prompts={"pt": {"1:easy": "Escreva."}},
    ).cells()[0]
    reply = endpoints.Reply(PORTUGUESE, latency_s=1.0, ttft_s=0.1, chunks=20, prompt_tokens=12,
                      completion_tokens=20, finish_reason="stop", cancelled=False)  # fmt: skip
    fields = matrix.assess(cell, reply)
    assert fields["detected_lang"] is None and fields["lang_ok"] is None


def test_each_task_gets_its_own_check():
    assert checks.check_task(tasks.task(4), "hard", FIB_PRINTS).key == "llm.check.fib.ok_output"
    seo = checks.check_task(tasks.task(9), "medium", "- coffee\n- tea")
    assert seo.params == {"count": 2, "requested": 15} and not seo.passed
    assert all(
        checks.check_task(tasks.task(n), "easy", FIB_FUNCTION) is None for n in (1, 2, 3, 5, 6, 7, 8, 10)
    )
