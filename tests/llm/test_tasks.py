"""The ten tasks as prompts: every level in both languages, the prompt styles, any language the student adds."""

import re

import i18n
from services.llm import endpoints, matrix, tasks


def test_the_student_may_add_any_language_by_name_or_code():
    for typed in ("pt", "PT", " Portuguese ", "португальська", "Португальська"):
        assert tasks.language_code(typed) == "pt", typed
    assert tasks.language_code("  Klingon   (tlhIngan Hol) ") == "Klingon (tlhIngan Hol)"
    assert tasks.language_code("   ") == ""
    assert tasks.language_name("pt", "uk") == "португальська"
    assert tasks.language_name("Klingon", "uk") == "Klingon"  # no name known: as the student typed it
    for key in (k for k in i18n.TABLE if k.startswith("llm.lang.")):  # every name leads back to its code
        code = key.removeprefix("llm.lang.")
        assert all(tasks.language_code(tasks.language_name(code, ui)) == code for ui in i18n.LANGS)

    def request(lang, task=8):
        prompts = {lang: {f"{task}:easy": "Texto da tarefa."}}
        settings = matrix.Matrix(
            [(task, "easy")], ["step_by_step"], [lang], [endpoints.local_endpoint()], [0.7], prompts=prompts
        )
        return settings.cells()[0]

    pt = request("pt")
    assert pt.messages[-1]["content"].startswith("Texto da tarefa.")
    assert pt.messages[-1]["content"].endswith("Answer in Portuguese.") and pt.expected_lang == "pt"
    assert request("Klingon").messages[-1]["content"].endswith("Answer in Klingon.")
    assert request("de", task=2).messages[-1]["content"].endswith("Answer in Ukrainian.")  # translation
    # Ukrainian and English prompts are written in full in their language: nothing is added.
    en = matrix.Matrix([(8, "easy")], ["plain"], ["en"], [endpoints.local_endpoint()], [0.7]).cells()[0]
    assert en.messages == [{"role": "user", "content": tasks.task(8).text("easy", "en")}]


def test_every_task_has_every_level_in_both_languages():
    assert [t.number for t in tasks.TASKS] == list(range(1, 11))
    for task in tasks.TASKS:
        for level in tasks.LEVELS:
            uk, en = task.text(level, "uk"), task.text(level, "en")
            assert re.search("[іїєґ]", uk) and uk != en
            assert re.fullmatch(r"[\x00-\x7f–—’“”]+", en.replace("\n", " ")), en
        assert tasks.role_for(task, "uk") and tasks.role_for(task, "de") == task.role["en"]
    assert tasks.expected_language(tasks.task(2), "en") == "uk"  # translation answers in Ukrainian


def test_prompt_styles_shape_the_messages():
    text = tasks.task(8).text("easy", "en")
    role = tasks.role_for(tasks.task(8), "en")

    def build(style, **kw):
        return tasks.messages(text, style, "en", role, **kw)

    assert build("plain") == [{"role": "user", "content": text}]
    assert build("role")[0] == {"role": "system", "content": tasks._ROLE["en"].format(role=role)}
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
