"""Lab 2 in the report: a generation's or an experiment's settings, its pictures, its timing chart
and fit, and what the times show."""

from __future__ import annotations

from collections.abc import Sequence

from i18n import t
from services.common.errors import UserError
from services.diffusion import fits
from services.report import charts
from services.report.document import Figure, Paragraph, Section, Table
from services.report.inputs import Generation, SdSettings, Sweep
from services.report.labs.common import DASH, decimal_mark, mean, num, settings_table
from services.report.pictures import labelled_grid, share_of_width

GOOD_FIT = 0.9  # R² from which a fit is reported as holding
SAME = 0.1  # times within 10 % of each other are "about the same"
NUMERIC = ("steps", "cfg", "seed")  # parameters drawn on a numeric axis; size is drawn against pixels


def code_section(item: Generation | Sweep, lang: str) -> Section:
    if isinstance(item, Generation):
        rows = [(t("report.sd.model", lang), item.model.label), *_settings_rows(item.settings, lang)]
        return Section(item.title, [settings_table(rows, item.title, lang)])
    first = item.cells[0].settings if item.cells else SdSettings("")
    varied = [_axis(item.x_param, [c.x for c in item.cells], lang)]
    if item.y_param:
        varied.append(_axis(item.y_param, [c.y for c in item.cells], lang))
    rows = [
        (t("report.sd.model", lang), item.model.label),
        (t("report.sd.experiment", lang), t(f"report.sd.kind.{item.kind}", lang)),
        *varied,
        (t("report.sd.repeats", lang), str(item.repeats)),
        *_settings_rows(first, lang),
    ]
    intro = Paragraph(t("report.sd.sweep_intro", lang, cells=len(item.cells)))
    return Section(item.title, [intro, settings_table(rows, item.title, lang)])


def results_section(item: Generation | Sweep, lang: str) -> Section:
    if isinstance(item, Generation):
        return _generation_results(item, lang)
    return _sweep_results(item, lang)


def conclusions(items: list[Generation | Sweep], lang: str) -> list[str]:
    sentences = []
    for item in items:
        if isinstance(item, Generation):
            if item.seconds:
                s = item.settings
                size = f"{s.width}×{s.height}"
                seconds = mean(item.seconds)
                sentences.append(
                    t(
                        "report.sd.concl.generation",
                        lang,
                        title=item.title,
                        size=size,
                        steps=s.steps,
                        seconds=seconds,
                    )
                )
        elif len(item.cells) > 1:
            sentences.append(_sweep_conclusion(item, lang))
    return sentences


# --- generations ----------------------------------------------------------------------------------


def _generation_results(item: Generation, lang: str) -> Section:
    s = item.settings
    blocks: list = []
    if item.seconds:
        text = t(
            "report.sd.time",
            lang,
            count=len(item.seconds),
            seconds=mean(item.seconds),
            device=item.device or DASH,
        )
        blocks.append(Paragraph(text))
    if item.images:
        seeds = [str(s.seed + n) for n in range(len(item.images))]
        one = len(item.images) == 1
        png = item.images[0] if one else labelled_grid(item.images, [f"seed {seed}" for seed in seeds])
        blocks.append(Figure(png, t("report.sd.fig.generation", lang, title=item.title), share_of_width(png)))
    return Section(item.title, blocks)


# --- experiments ----------------------------------------------------------------------------------


def _sweep_results(sweep: Sweep, lang: str) -> Section:
    cells = sweep.cells
    blocks: list = [Paragraph(t("report.sd.sweep_done", lang, cells=len(cells), device=sweep.device or DASH))]
    if sweep.warmup_seconds:
        blocks.append(Paragraph(t("report.sd.warmup", lang, seconds=sweep.warmup_seconds), "note"))
    with_images = [c for c in cells if c.png]
    if with_images:
        grid = labelled_grid([c.png for c in with_images], [_cell_label(c.x, c.y) for c in with_images])
        blocks.append(Figure(grid, t("report.sd.fig.grid", lang, title=sweep.title), share_of_width(grid)))
    if len(cells) > 1:
        blocks.append(Figure(_time_chart(sweep, lang), t("report.sd.fig.time", lang, title=sweep.title)))
    header = [
        t(f"report.sd.param.{sweep.x_param}", lang)
        + (f" / {t(f'report.sd.param.{sweep.y_param}', lang)}" if sweep.y_param else ""),
        t("report.sd.steps", lang),
        t("report.sd.size", lang),
        t("report.table.seconds", lang),
        t("report.table.seconds_per_step", lang),
    ]
    rows = [
        [
            _cell_label(c.x, c.y),
            str(c.settings.steps),
            f"{c.settings.width}×{c.settings.height}",
            num(c.seconds, lang),
            num(c.seconds / c.settings.steps if c.settings.steps else None, lang, 4),
        ]
        for c in cells
    ]
    blocks.append(Table(header, rows, t("report.sd.table.times", lang, title=sweep.title)))
    return Section(sweep.title, blocks)


def _time_chart(sweep: Sweep, lang: str) -> bytes:
    seconds_label = t("report.chart.seconds", lang)
    measured = t("report.chart.measured", lang)
    x_label = t(f"report.sd.param.{sweep.x_param}", lang)
    cells = sweep.cells
    if sweep.y_param:  # two parameters: bars of X, one colour per Y
        groups = list(dict.fromkeys(c.x for c in cells))
        ys = list(dict.fromkeys(c.y for c in cells))
        times = {(c.x, c.y): c.seconds for c in cells}
        series = {str(y): [times.get((x, y)) for x in groups] for y in ys}
        return charts.bar_chart(groups, series, x_label, seconds_label, 2, decimal_mark(lang))
    seconds = [c.seconds for c in cells]
    if sweep.x_param == "steps":
        x = [c.settings.steps for c in cells]
        fit, label = _line(x, seconds), t("report.chart.fit_line", lang)
        return charts.fit_chart(
            x, seconds, fit, x_label, seconds_label, measured, label, decimal_mark=decimal_mark(lang)
        )
    if sweep.x_param == "size":
        x = [c.settings.width * c.settings.height / 1e6 for c in cells]
        fit, label = _power(x, seconds), t("report.chart.fit_power", lang)
        return charts.fit_chart(
            x,
            seconds,
            fit,
            t("report.chart.megapixels", lang),
            seconds_label,
            measured,
            label,
            [c.x for c in cells],
            decimal_mark(lang),
        )
    if sweep.x_param in NUMERIC:
        x = [_number(c.x) for c in cells]
        if None not in x:
            return charts.fit_chart(
                x, seconds, None, x_label, seconds_label, measured, decimal_mark=decimal_mark(lang)
            )
    labels = [c.x for c in cells]
    return charts.bar_chart(labels, {measured: seconds}, x_label, seconds_label, 2, decimal_mark(lang))


def _sweep_conclusion(sweep: Sweep, lang: str) -> str:
    cells = sweep.cells
    seconds = [c.seconds for c in cells]
    param = t(f"report.sd.param.{sweep.x_param}", lang)
    if sweep.y_param is None and sweep.x_param == "steps":
        steps = [c.settings.steps for c in cells]
        fit = _line(steps, seconds)
        if fit is None or len(set(steps)) < 3:
            return _range_sentence(sweep, lang)
        key = "report.sd.concl.steps" if fit.r2 >= GOOD_FIT else "report.sd.concl.steps_poor"
        return t(key, lang, title=sweep.title, slope=fit.slope, intercept=fit.intercept, r2=fit.r2)
    if sweep.y_param is None and sweep.x_param == "size":
        pixels = [c.settings.width * c.settings.height for c in cells]
        fit = _power(pixels, seconds)
        if fit is None or len(set(pixels)) < 3:
            return _range_sentence(sweep, lang)
        if fit.r2 < GOOD_FIT:
            return t("report.sd.concl.size_poor", lang, title=sweep.title, b=fit.b, r2=fit.r2)
        shape = "linear" if 0.8 <= fit.b <= 1.2 else "slower" if fit.b < 0.8 else "faster"
        growth = t(f"report.sd.concl.growth.{shape}", lang)
        return t("report.sd.concl.size", lang, title=sweep.title, b=fit.b, r2=fit.r2, growth=growth)
    fastest = min(cells, key=lambda c: c.seconds)
    slowest = max(cells, key=lambda c: c.seconds)
    if slowest.seconds <= fastest.seconds * (1 + SAME):
        return t(
            "report.sd.concl.same", lang, title=sweep.title, param=param, low=min(seconds), high=max(seconds)
        )
    return _range_sentence(sweep, lang)


def _range_sentence(sweep: Sweep, lang: str) -> str:
    fastest = min(sweep.cells, key=lambda c: c.seconds)
    slowest = max(sweep.cells, key=lambda c: c.seconds)
    return t(
        "report.sd.concl.range",
        lang,
        title=sweep.title,
        fastest=_cell_label(fastest.x, fastest.y),
        fast=fastest.seconds,
        slowest=_cell_label(slowest.x, slowest.y),
        slow=slowest.seconds,
        ratio=slowest.seconds / fastest.seconds if fastest.seconds > 0 else 0.0,
    )


# --- helpers --------------------------------------------------------------------------------------


def _settings_rows(s: SdSettings, lang: str) -> list[tuple[str, str]]:
    rows = [
        (t("report.sd.mode", lang), s.mode),
        (t("report.sd.prompt", lang), s.prompt),
        (t("report.sd.negative", lang), s.negative_prompt or DASH),
        (t("report.sd.sampler", lang), s.sampler),
        (t("report.sd.steps", lang), str(s.steps)),
        (t("report.sd.cfg", lang), num(s.cfg_scale, lang, 1)),
        (t("report.sd.size", lang), f"{s.width}×{s.height}"),
        (t("report.sd.seed", lang), str(s.seed)),
        (t("report.sd.batch", lang), f"{s.batch_count} × {s.batch_size}"),
    ]
    if s.mode != "txt2img":
        rows.append((t("report.sd.strength", lang), num(s.strength, lang, 2)))
    if s.loras:
        rows.append(("LoRA", ", ".join(f"{name} ({num(weight, lang, 2)})" for name, weight in s.loras)))
    return rows


def _axis(param: str, labels: Sequence[str | None], lang: str) -> tuple[str, str]:
    values = ", ".join(dict.fromkeys(str(label) for label in labels))
    return (t(f"report.sd.param.{param}", lang), values)


def _cell_label(x: str, y: str | None) -> str:
    return x if y is None else f"{x} / {y}"


def _line(x, y) -> fits.LineFit | None:
    try:
        return fits.fit_line(x, y)
    except UserError:  # fewer than two distinct points
        return None


def _power(x, y) -> fits.PowerFit | None:
    try:
        return fits.fit_power(x, y)
    except UserError:  # fewer than two distinct points, or a time of zero
        return None


def _number(label: str) -> float | None:
    try:
        return float(label)
    except ValueError:
        return None
