"""Lab 3 in the report: a comparison's requests and answers (the individual task), their metrics
and charts (the analysis of the model's behaviour), and what the numbers show."""

from __future__ import annotations

import i18n
from i18n import t
from services.report import charts
from services.report.document import Figure, Paragraph, Section, Table
from services.report.inputs import Answer, Comparison
from services.report.labs.common import DASH, decimal_mark, mean, num, settings_table

# the axes a comparison can vary, in the order they group the charts
DIMENSIONS = ("style", "lang", "model", "temperature", "level", "task")
MAX_ANSWER = 3000  # characters of an answer printed in the report; the script asks for all of it
SAME = 0.1  # means within 10 % of each other are "about the same"
ROLES = ("system", "user", "assistant")
MEASURE_KEYS = {"words": "words", "latency_s": "latency"}  # an answer's measure -> its column's string


def code_section(comparison: Comparison, lang: str) -> Section:
    answers, params = comparison.answers, comparison.params
    rows = [
        (t("report.llm.models", lang), ", ".join(dict.fromkeys(_model(a) for a in answers))),
        (t("report.llm.tasks", lang), ", ".join(dict.fromkeys(str(a.task) for a in answers))),
        (
            t("report.llm.levels", lang),
            ", ".join(dict.fromkeys(value("level", a.level, lang) for a in answers)),
        ),
        (
            t("report.llm.styles", lang),
            ", ".join(dict.fromkeys(value("style", a.style, lang) for a in answers)),
        ),
        (
            t("report.llm.languages", lang),
            ", ".join(dict.fromkeys(value("lang", a.lang, lang) for a in answers)),
        ),
        (
            t("report.llm.temperatures", lang),
            ", ".join(dict.fromkeys(num(a.temperature, lang, 1) for a in answers)),
        ),
        (t("report.llm.max_tokens", lang), str(params.get("max_tokens", DASH))),
        (t("report.llm.seed", lang), str(params.get("seed", DASH))),
    ]
    if params.get("system_prompt"):
        rows.append((t("report.llm.system", lang), params["system_prompt"]))
    blocks: list = [settings_table(rows, comparison.title, lang)]
    for number, answer in enumerate(answers, start=1):
        blocks.append(Paragraph(t("report.llm.request", lang, number=number, label=_label(answer, lang))))
        for message in answer.messages:
            role = t(f"report.llm.role.{message.get('role')}", lang) if message.get("role") in ROLES else DASH
            blocks.append(Paragraph(f"{role}: {message.get('content', '')}", "quote"))
        blocks.append(Paragraph(t("report.llm.answer", lang), "body"))
        blocks.append(Paragraph(_answer_text(answer, lang), "quote"))
    return Section(comparison.title, blocks)


def results_section(comparison: Comparison, lang: str) -> Section:
    answers = comparison.answers
    varying = _varying(answers)
    blocks: list = [Paragraph(t("report.llm.results_intro", lang, count=len(answers)))]
    header = [
        "№",
        t("report.llm.cell", lang),
        t("report.llm.words", lang),
        t("report.llm.tokens", lang),
        t("report.llm.latency", lang),
        t("report.llm.ttft", lang),
        t("report.llm.speed", lang),
        t("report.llm.lang_ok", lang),
        t("report.llm.check", lang),
    ]
    rows = [
        [
            str(n),
            _label(a, lang, varying),
            num(a.words, lang),
            num(a.tokens_out, lang),
            num(a.latency_s, lang, 2),
            num(a.ttft_s, lang, 2),
            num(a.tokens_per_s, lang, 1),
            {True: "✓", False: "✗"}.get(a.lang_ok, DASH),
            a.check or (t("report.llm.failed", lang) if a.status == "error" else DASH),
        ]
        for n, a in enumerate(answers, start=1)
    ]
    blocks.append(Table(header, rows, t("report.llm.table.metrics", lang, title=comparison.title)))
    done = [a for a in answers if a.status == "done"]
    if varying and done:
        for measure, key in (("words", "report.llm.fig.words"), ("latency_s", "report.llm.fig.latency")):
            png = _bars(done, varying, measure, lang)
            blocks.append(Figure(png, t(key, lang, title=comparison.title)))
    return Section(comparison.title, blocks)


def conclusions(comparisons: list[Comparison], lang: str) -> list[str]:
    """Per varying axis: which value gave the longest and the shortest answers, the fastest and the
    slowest; then how many answers came in the asked language."""
    sentences = []
    for comparison in comparisons:
        done = [a for a in comparison.answers if a.status == "done"]
        failed = len(comparison.answers) - len(done)
        if not done:
            sentences.append(t("report.llm.concl.no_answers", lang, title=comparison.title))
            continue
        for dimension in _varying(done):
            sentences.append(_extremes(done, dimension, "words", lang))
            sentences.append(_extremes(done, dimension, "latency_s", lang))
        checked = [a for a in done if a.lang_ok is not None]
        if checked:
            right = sum(1 for a in checked if a.lang_ok)
            sentences.append(t("report.llm.concl.language", lang, right=right, count=len(checked)))
        if failed:
            sentences.append(t("report.llm.concl.failed", lang, count=failed))
    return [s for s in sentences if s]


def value(dimension: str, raw, lang: str) -> str:
    """An axis value as the app names it: "роль" for style "role", "англійська" for "en"."""
    if dimension == "temperature":
        return f"t = {num(raw, lang, 1)}"
    if dimension == "task":
        return t("report.llm.task", lang, number=raw)
    key = f"llm.{dimension}.{raw}"
    return t(key, lang) if key in i18n.TABLE else str(raw)


def _extremes(answers: list[Answer], dimension: str, measure: str, lang: str) -> str:
    means = _means(answers, dimension, measure)
    if len(means) < 2:
        return ""
    high = max(means, key=means.get)
    low = min(means, key=means.get)
    axis = t(f"report.llm.axis.{dimension}", lang)
    decimals = 0 if measure == "words" else 2
    if means[high] <= means[low] * (1 + SAME):
        return t(f"report.llm.concl.same.{measure}", lang, axis=axis)
    return t(
        f"report.llm.concl.{measure}",
        lang,
        axis=axis,
        high=value(dimension, high, lang),
        high_value=num(means[high], lang, decimals),
        low=value(dimension, low, lang),
        low_value=num(means[low], lang, decimals),
    )


def _means(answers: list[Answer], dimension: str, measure: str) -> dict:
    groups: dict = {}
    for answer in answers:
        groups.setdefault(getattr(answer, dimension), []).append(getattr(answer, measure))
    return {key: m for key, values in groups.items() if (m := mean(values)) is not None}


def _bars(answers: list[Answer], varying: list[str], measure: str, lang: str) -> bytes:
    """Mean ``measure`` by the first varying axis, one colour per value of the second."""
    first, second = varying[0], varying[1] if len(varying) > 1 else None
    groups = list(dict.fromkeys(getattr(a, first) for a in answers))
    keys = list(dict.fromkeys(getattr(a, second) for a in answers)) if second else [None]
    series = {}
    for key in keys:
        chosen = [a for a in answers if second is None or getattr(a, second) == key]
        means = _means(chosen, first, measure)
        name = value(second, key, lang) if second else t(f"report.llm.{MEASURE_KEYS[measure]}", lang)
        series[name] = [means.get(group) for group in groups]
    decimals = 0 if measure == "words" else 2
    return charts.bar_chart(
        [value(first, g, lang) for g in groups],
        series,
        t(f"report.llm.axis.{first}", lang),
        t(f"report.llm.{MEASURE_KEYS[measure]}", lang),
        decimals,
        decimal_mark(lang),
    )


def _varying(answers: list[Answer]) -> list[str]:
    return [d for d in DIMENSIONS if len({getattr(a, d) for a in answers}) > 1]


def _label(answer: Answer, lang: str, dimensions=DIMENSIONS) -> str:
    """The answer's cell: the values of ``dimensions`` that tell it apart."""
    parts = [value(d, getattr(answer, d), lang) if d != "model" else _model(answer) for d in dimensions]
    return " · ".join(parts) if parts else DASH


def _model(answer: Answer) -> str:
    return answer.label or answer.model


def _answer_text(answer: Answer, lang: str) -> str:
    if answer.status != "done" and not answer.text:
        return t("report.llm.no_answer", lang, status=answer.status)
    text = answer.text.strip() or DASH
    if len(text) > MAX_ANSWER:
        text = text[:MAX_ANSWER] + "… " + t("report.llm.cut", lang, chars=len(answer.text))
    return text
