"""Lab 3 without a model: the ten tasks as prompts, the answer checks, attention maps, translations."""

import re
import string
from pathlib import Path

import numpy as np
import pytest

import i18n
from services.llm import attention as llm_attention
from services.llm import checks as llm_checks
from services.llm import matrix as llm
from services.llm import tasks as llm_tasks

ROOT = Path(__file__).resolve().parents[2]

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
    ok = llm_checks.check_fibonacci(FIB_FUNCTION)
    assert ok.passed and ok.key == "llm.check.fib.ok_function" and ok.params == {"name": "fibonacci"}
    assert llm_checks.check_fibonacci(FIB_PRINTS).key == "llm.check.fib.ok_output"
    wrong = llm_checks.check_fibonacci(FIB_WRONG)
    assert not wrong.passed and wrong.key == "llm.check.fib.wrong"
    assert llm_checks.check_fibonacci("Fibonacci numbers grow fast.").key == "llm.check.fib.no_code"
    broken = llm_checks.check_fibonacci("```python\nimport os\nos.exit_now()\n```")
    assert not broken.passed and broken.params == {"error": "AttributeError"}


def test_fibonacci_checker_stops_a_program_that_never_ends():
    forever = llm_checks.check_fibonacci(FIB_FOREVER, timeout_s=2)
    assert not forever.passed and forever.key == "llm.check.fib.timeout"


def test_fibonacci_program_cannot_read_the_apps_files_or_reach_the_network(tmp_path):
    secret = tmp_path / "secrets.toml"
    secret.write_text('OPENAI_API_KEY = "sk-..."')
    steal = f"```python\nprint(open({str(secret)!r}).read())\n```"
    assert llm_checks.check_fibonacci(steal).params == {"error": "PermissionError"}
    call = "```python\nimport socket\nsocket.create_connection(('127.0.0.1', 9))\n```"
    assert llm_checks.check_fibonacci(call).params == {"error": "PermissionError"}
    for escape in ("import os\nos.system('true')", "import ctypes\nctypes.CDLL(None).system(b'true')"):
        assert llm_checks.check_fibonacci(f"```python\n{escape}\n```").params == {"error": "PermissionError"}
    # ...while ordinary imports, numpy included, still work.
    numpy_fib = "import numpy as np\ndef fib(n):\n    return int(np.linalg.matrix_power(np.array([[1, 1], [1, 0]], dtype=object), n)[0, 1])"
    assert llm_checks.check_fibonacci(f"```python\n{numpy_fib}\n```").passed
    assert llm_checks.check_fibonacci(
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
    assert llm_checks.seo_keywords(answer) == [
        "coffee shop lviv",
        "best coffee in lviv",
        "specialty coffee lviv",
        "lviv café with desserts",
        "coffee beans delivery lviv",
    ]
    verdict = llm_checks.check_seo(answer, requested=10)
    assert not verdict.passed and verdict.params == {"count": 5, "requested": 10}
    assert llm_checks.check_seo("кава Львів, найкраща кава, кав'ярня центр", 3).passed


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Штучний інтелект допомагає людям швидше розв'язувати щоденні задачі.", "uk"),
        ("Искусственный интеллект помогает людям быстрее решать объёмные задачи.", "ru"),
        ("Artificial intelligence is a tool that helps people in the office.", "en"),
        ("Die künstliche Intelligenz ist ein Werkzeug, und sie hilft nicht immer.", "de"),
        ("ok 123", None),
        ("Ось код:\n```python\nprint('the and of to is in')\n```\nВін друкує числа Фібоначчі.", "uk"),
    ],
)
def test_language_detection(text, lang):
    assert llm_checks.detect_language(text) == lang


PORTUGUESE = (
    "O programa imprime os números de Fibonacci, e para cada número que se calcula não é preciso "
    "guardar a lista."
)


def test_a_language_without_a_detector_is_not_checked_rather_than_judged_wrong():
    # The detector knows no Portuguese: it takes it for Spanish, which would read as "wrong language".
    assert llm_checks.detect_language(PORTUGUESE) == "es"
    assert not llm_checks.detectable("pt") and not llm_checks.detectable("Klingon")
    assert llm_checks.check_language(PORTUGUESE, "pt") == (None, None)
    assert llm_checks.check_language(PORTUGUESE, "es") == ("es", True)
    assert llm_checks.check_language(PORTUGUESE, "de") == ("es", False)
    assert llm_checks.check_language("ok 123", "en") == (None, None)  # too short to tell
    cell = llm.Matrix(
        [(1, "easy")],
        ["plain"],
        ["pt"],
        [llm.local_endpoint()],
        [0.7],
        prompts={"pt": {"1:easy": "Escreva."}},
    ).cells()[0]
    reply = llm.Reply(PORTUGUESE, latency_s=1.0, ttft_s=0.1, chunks=20, prompt_tokens=12,
                      completion_tokens=20, finish_reason="stop", cancelled=False)  # fmt: skip
    metrics = llm.measure(cell, reply)
    assert metrics["detected_lang"] is None and metrics["lang_ok"] is None


def test_the_student_may_add_any_language_by_name_or_code():
    for typed in ("pt", "PT", " Portuguese ", "португальська", "Португальська"):
        assert llm_tasks.language_code(typed) == "pt", typed
    assert llm_tasks.language_code("  Klingon   (tlhIngan Hol) ") == "Klingon (tlhIngan Hol)"
    assert llm_tasks.language_code("   ") == ""
    assert llm_tasks.language_name("pt", "uk") == "португальська"
    assert llm_tasks.language_name("Klingon", "uk") == "Klingon"  # no name known: as the student typed it
    for key in (k for k in i18n.TABLE if k.startswith("llm.lang.")):  # every name leads back to its code
        code = key.removeprefix("llm.lang.")
        assert all(llm_tasks.language_code(llm_tasks.language_name(code, ui)) == code for ui in i18n.LANGS)

    def request(lang, task=8):
        prompts = {lang: {f"{task}:easy": "Texto da tarefa."}}
        matrix = llm.Matrix(
            [(task, "easy")], ["step_by_step"], [lang], [llm.local_endpoint()], [0.7], prompts=prompts
        )
        return matrix.cells()[0]

    pt = request("pt")
    assert pt.messages[-1]["content"].startswith("Texto da tarefa.")
    assert pt.messages[-1]["content"].endswith("Answer in Portuguese.") and pt.expected_lang == "pt"
    assert request("Klingon").messages[-1]["content"].endswith("Answer in Klingon.")
    assert request("de", task=2).messages[-1]["content"].endswith("Answer in Ukrainian.")  # translation
    # Ukrainian and English prompts are written in full in their language: nothing is added.
    en = llm.Matrix([(8, "easy")], ["plain"], ["en"], [llm.local_endpoint()], [0.7]).cells()[0]
    assert en.messages == [{"role": "user", "content": llm_tasks.task(8).text("easy", "en")}]


def test_every_task_has_every_level_in_both_languages():
    assert [t.number for t in llm_tasks.TASKS] == list(range(1, 11))
    for task in llm_tasks.TASKS:
        for level in llm_tasks.LEVELS:
            uk, en = task.text(level, "uk"), task.text(level, "en")
            assert re.search("[іїєґ]", uk) and uk != en
            assert re.fullmatch(r"[\x00-\x7f–—’“”]+", en.replace("\n", " ")), en
        assert llm_tasks.role_for(task, "uk") and llm_tasks.role_for(task, "de") == task.role["en"]
    assert llm_tasks.expected_language(llm_tasks.task(2), "en") == "uk"  # translation answers in Ukrainian


def test_prompt_styles_shape_the_messages():
    text = llm_tasks.task(8).text("easy", "en")
    role = llm_tasks.role_for(llm_tasks.task(8), "en")

    def build(style, **kw):
        return llm_tasks.messages(text, style, "en", role, **kw)

    assert build("plain") == [{"role": "user", "content": text}]
    assert build("role")[0] == {"role": "system", "content": llm_tasks._ROLE["en"].format(role=role)}
    few = build("few_shot")
    assert [m["role"] for m in few] == ["user", "assistant", "user", "assistant", "user"]
    assert (
        build("step_by_step")[-1]["content"].startswith(text)
        and "step by step" in build("step_by_step")[-1]["content"]
    )
    assert "150 words" in build("format")[-1]["content"]
    assert (
        build("custom", custom_template="Be brief. {task} Thanks!")[-1]["content"]
        == f"Be brief. {text} Thanks!"
    )
    with_system = build("role", system_prompt="Answer in English.")
    assert with_system[0]["content"].endswith("Answer in English.") and len(with_system) == 2


def test_measure_counts_tokens_when_the_server_reports_no_usage():
    cell = llm.Matrix([(4, "easy")], ["plain"], ["en"], [llm.local_endpoint()], [0.0]).cells()[0]
    reply = llm.Reply(FIB_FUNCTION, latency_s=2.0, ttft_s=0.5, chunks=31, prompt_tokens=None,
                      completion_tokens=None, finish_reason="stop", cancelled=False)  # fmt: skip
    metrics = llm.measure(cell, reply)
    assert metrics["tokens_estimated"] and metrics["tokens_out"] == 31 and metrics["tokens_in"] > 10
    assert metrics["tokens_per_s"] == pytest.approx(31 / 2.0)
    assert metrics["check"].passed and metrics["detected_lang"] == "en" and metrics["lang_ok"]


def test_attention_rows_are_distributions_and_the_mask_hides_the_future():
    tokens = "the model reads the sentence".split()
    weights = llm_attention.attention_weights(tokens, heads=2)
    assert weights.shape == (2, 5, 5)
    assert np.allclose(weights.sum(axis=2), 1)
    assert np.allclose(np.triu(weights[0], k=1), 0)
    assert not np.allclose(weights[0], weights[1])  # heads look at different things
    full = llm_attention.attention_weights(tokens, heads=1, causal=False)
    assert (full[0][np.triu_indices(5, k=1)] > 0).all()
    # Without positions, two copies of "the" are indistinguishable: their rows are equal.
    bare = llm_attention.attention_weights(tokens, heads=1, causal=False, positional=False)
    assert np.allclose(bare[0, 0], bare[0, 3]) and not np.allclose(full[0, 0], full[0, 3])


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_llm_string_the_page_uses_exists_in_both_languages():
    sources = [
        "app_pages/llm.py",
        "cloud/home.py",
        "services/llm/matrix.py",
        "services/llm/local_server.py",
        "services/llm/checks.py",
    ]
    code = "".join((ROOT / path).read_text() for path in sources)
    used = set(re.findall(r"[\"'](llm\.[a-z_0-9.]+)[\"']", code)) - {"llm.compare"}  # a job kind
    used = {key for key in used if not any(k.startswith(key + ".") for k in i18n.TABLE)}  # prefixes
    axes = {
        "level": llm_tasks.LEVELS,
        "style": llm_tasks.STYLES,
        "lang": llm_checks.DETECTABLE,
        "task": range(1, 11),
        "status": (llm.WAITING, llm.RUNNING, llm.DONE, llm.ERROR, llm.CANCELLED),
    }
    used |= {f"llm.{axis}.{value}" for axis, values in axes.items() for value in values}
    used |= {f"llm.{qa}.{n}" for qa in "qa" for n in range(1, 6)}
    assert sorted(k for k in used if k not in i18n.TABLE) == []
    for key, (uk, en) in i18n.TABLE.items():
        if key.startswith("llm."):
            assert uk.strip() and en.strip(), key
            assert _placeholders(uk) == _placeholders(en), key
            assert not _placeholders(uk) & {"key", "lang"}, key  # t(key, lang, **params) takes those
