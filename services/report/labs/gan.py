"""Lab 1 in the report: a GAN run's settings, its training curves and samples, and what they show."""

from __future__ import annotations

from i18n import t
from services.report import charts
from services.report.document import Figure, Paragraph, Section, Table
from services.report.inputs import GanRun
from services.report.labs.common import DASH, decimal_mark, finite, num, settings_table
from services.report.scripts.gan import DEFAULTS, max_depth

BALANCED = (0.35, 0.65)  # D(x) and D(G(z)) both in here: D can no longer tell real from generated
D_WINS = (0.9, 0.1)  # D(x) above and D(G(z)) below: D tells them apart with ease
STATUSES = ("new", "running", "stopped", "done", "failed", "interrupted")  # a run's, as runs.py names them


def code_section(run: GanRun, lang: str) -> Section:
    cfg = DEFAULTS | run.config
    layers = cfg["depth"] or max_depth(cfg["size"])
    rows = [
        (t("report.gan.data", lang), run.source or str(run.data.get("name") or run.data.get("kind", ""))),
        (t("report.gan.images", lang), num(run.images, lang) if run.images else DASH),
        (t("report.gan.image_size", lang), f"{cfg['size']}×{cfg['size']}, {cfg['channels']}"),
        (t("report.gan.latent", lang), str(cfg["latent"])),
        (t("report.gan.widths", lang), f"{cfg['g_width']} / {cfg['d_width']}"),
        (t("report.gan.layers", lang), str(layers)),
        (t("report.gan.batch", lang), str(cfg["batch"])),
        (t("report.gan.iterations", lang), f"{cfg['iterations']}, k = {cfg['k']}"),
        (t("report.gan.lr", lang), f"{num(cfg['lr_g'], lang, 5)} / {num(cfg['lr_d'], lang, 5)}"),
        (t("report.gan.betas", lang), f"{num(cfg['beta1'], lang, 3)}, {num(cfg['beta2'], lang, 3)}"),
        (t("report.gan.loss", lang), t(f"report.gan.loss.{cfg['loss']}", lang)),
        (t("report.gan.smoothing", lang), num(cfg["label_smoothing"], lang, 2)),
        (t("report.gan.seed", lang), str(cfg["seed"])),
    ]
    intro = Paragraph(t("report.gan.code_intro", lang, title=run.title))
    return Section(run.title, [intro, settings_table(rows, run.title, lang)])


def results_section(run: GanRun, lang: str) -> Section:
    blocks: list = [Paragraph(_summary(run, lang))]
    rows = [r for r in run.metrics if finite(r.get("step"))]
    steps = [r["step"] for r in rows]
    step_label = t("report.chart.step", lang)
    if rows:
        losses = {"L_D": [r.get("loss_d") for r in rows], "L_G": [r.get("loss_g") for r in rows]}
        png = charts.line_chart(
            steps, losses, step_label, t("report.chart.loss", lang), decimal_mark=decimal_mark(lang)
        )
        blocks.append(Figure(png, t("report.gan.fig.losses", lang, title=run.title)))
        outputs = {"D(x)": [r.get("d_real") for r in rows], "D(G(z))": [r.get("d_fake") for r in rows]}
        half = {num(0.5, lang, 1): 0.5}  # where D cannot tell real from generated
        png = charts.line_chart(
            steps,
            outputs,
            step_label,
            t("report.chart.d_output", lang),
            half,
            y_range=(0, 1),
            decimal_mark=decimal_mark(lang),
        )
        blocks.append(Figure(png, t("report.gan.fig.outputs", lang, title=run.title)))
    measured = [r for r in rows if finite(r.get("diversity"))]
    if measured:
        blocks.append(
            Figure(_collapse_chart(measured, lang), t("report.gan.fig.collapse", lang, title=run.title))
        )
    if run.samples_png:
        step = run.samples_step if run.samples_step is not None else run.step
        blocks.append(
            Figure(run.samples_png, t("report.gan.fig.samples", lang, title=run.title, step=step), 0.6)
        )
    if run.interpolation_png:
        blocks.append(Figure(run.interpolation_png, t("report.gan.fig.interpolation", lang, title=run.title)))
    if rows:
        blocks.append(_final_table(run, rows, measured, lang))
    return Section(run.title, blocks)


def conclusions(runs: list[GanRun], lang: str) -> list[str]:
    """What each run's numbers show: the balance of D and G at the end, and whether and when collapse showed."""
    sentences = []
    for run in runs:
        rows = [r for r in run.metrics if finite(r.get("step"))]
        if not rows:
            sentences.append(t("report.gan.concl.no_metrics", lang, title=run.title))
            continue
        last = rows[-1]
        iterations = (DEFAULTS | run.config)["iterations"]
        sentences.append(
            t(
                "report.gan.concl.final",
                lang,
                title=run.title,
                step=run.step or last["step"],
                iterations=iterations,
                loss_d=num(last.get("loss_d"), lang),
                loss_g=num(last.get("loss_g"), lang),
                d_real=num(last.get("d_real"), lang),
                d_fake=num(last.get("d_fake"), lang),
            )
        )
        sentences.append(_balance(last, lang))
        sentences.append(_collapse(run, rows, lang))
    diverse = [(run, _last_measure(run)) for run in runs]
    diverse = [(run, row) for run, row in diverse if row is not None]
    if len(diverse) > 1:
        best = max(diverse, key=lambda pair: pair[1]["diversity"])
        worst = min(diverse, key=lambda pair: pair[1]["diversity"])
        sentences.append(
            t(
                "report.gan.concl.compare",
                lang,
                best=best[0].title,
                best_value=best[1]["diversity"],
                worst=worst[0].title,
                worst_value=worst[1]["diversity"],
            )
        )
    return [s for s in sentences if s]


def _summary(run: GanRun, lang: str) -> str:
    cfg = DEFAULTS | run.config
    text = t(
        "report.gan.summary",
        lang,
        step=run.step,
        iterations=cfg["iterations"],
        seconds=run.seconds,
        status=t(f"report.status.{run.status}", lang) if run.status in STATUSES else run.status,
    )
    if finite(run.images_per_s):
        text += " " + t("report.gan.speed", lang, speed=run.images_per_s, device=run.device or DASH)
    return text


def _collapse_chart(measured: list[dict], lang: str) -> bytes:
    from services.gan.collapse import COLLAPSE_DIVERSITY

    steps = [r["step"] for r in measured]
    series = {t("report.chart.diversity", lang): [r["diversity"] for r in measured]}
    if any(finite(r.get("modes_covered")) and r.get("n_classes") for r in measured):
        series[t("report.chart.coverage", lang)] = [_coverage(r) for r in measured]
    threshold = {t("report.chart.threshold", lang): COLLAPSE_DIVERSITY}
    top = max(1.05, *(v for values in series.values() for v in values if finite(v)))
    return charts.line_chart(
        steps,
        series,
        t("report.chart.step", lang),
        t("report.chart.measure", lang),
        threshold,
        _collapse_spans(measured),
        y_range=(0, top),
        decimal_mark=decimal_mark(lang),
    )


def _collapse_spans(measured: list[dict]) -> list[tuple[float, float]]:
    """Stretches of training where the measurement said collapsed: from such a measurement to the next."""
    spans = []
    for row, following in zip(measured, [*measured[1:], None], strict=True):
        if row.get("collapsed"):
            end = following["step"] if following else row["step"]
            if spans and spans[-1][1] == row["step"]:
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((row["step"], end))
    return spans


def _coverage(row: dict) -> float | None:
    """The share of classes the generator draws."""
    if not finite(row.get("modes_covered")) or not row.get("n_classes"):
        return None
    return row["modes_covered"] / row["n_classes"]


def _final_table(run: GanRun, rows: list[dict], measured: list[dict], lang: str) -> Table:
    last = rows[-1]
    table = [
        ["L_D", num(last.get("loss_d"), lang)],
        ["L_G", num(last.get("loss_g"), lang)],
        ["D(x)", num(last.get("d_real"), lang)],
        ["D(G(z))", num(last.get("d_fake"), lang)],
    ]
    if measured:
        m = measured[-1]
        table.append([t("report.chart.diversity", lang), num(m.get("diversity"), lang)])
        if m.get("n_classes"):
            table.append([t("report.gan.covered", lang), f"{m.get('modes_covered')} / {m['n_classes']}"])
        if finite(m.get("kl")):
            table.append(["KL", num(m["kl"], lang)])
    header = [t("report.table.measure", lang), t("report.table.value", lang)]
    return Table(header, table, t("report.gan.table.final", lang, title=run.title, step=last["step"]))


def _balance(last: dict, lang: str) -> str:
    d_real, d_fake = last.get("d_real"), last.get("d_fake")
    if not (finite(d_real) and finite(d_fake)):
        return ""
    low, high = BALANCED
    if low <= d_real <= high and low <= d_fake <= high:
        return t("report.gan.concl.balanced", lang)
    if d_real >= D_WINS[0] and d_fake <= D_WINS[1]:
        return t("report.gan.concl.d_wins", lang)
    if d_fake > d_real:
        return t("report.gan.concl.g_fools", lang)
    return t("report.gan.concl.d_ahead", lang, gap=d_real - d_fake)


def _collapse(run: GanRun, rows: list[dict], lang: str) -> str:
    """Whether and when collapse showed, by which sign; early measurements, which the monitor does
    not judge (collapsed is None: every generator starts with near-copies of one blur), are not
    read as collapse, nor as its absence."""
    measured = [r for r in rows if finite(r.get("diversity"))]
    if not measured:
        return t("report.gan.concl.collapse_unmeasured", lang)
    judged = [r for r in measured if r.get("collapsed") is not None]
    if not judged:
        return t("report.gan.concl.too_short", lang, step=measured[-1]["step"])
    parts = [t("report.gan.concl.unjudged", lang, step=judged[0]["step"])] if judged != measured else []
    first = next((r for r in judged if r["collapsed"]), None)
    last = judged[-1]
    if first is None:
        parts.append(t("report.gan.concl.no_collapse", lang, diversity=last["diversity"], count=len(judged)))
    else:
        parts.append(t("report.gan.concl.collapse", lang, step=first["step"], signs=_signs(first, lang)))
        if not last["collapsed"]:
            parts.append(
                t("report.gan.concl.recovered", lang, step=last["step"], diversity=last["diversity"])
            )
    if last.get("n_classes") and finite(last.get("modes_covered")):
        parts.append(
            t("report.gan.concl.coverage", lang, covered=last["modes_covered"], classes=last["n_classes"])
        )
    return " ".join(parts)


def _signs(row: dict, lang: str) -> str:
    """What made a measurement collapsed: near-copies, too few classes, or both."""
    from services.gan.collapse import COLLAPSE_DIVERSITY, MIN_COVERED

    signs = []
    if row["diversity"] < COLLAPSE_DIVERSITY:
        threshold = num(COLLAPSE_DIVERSITY, lang, 2)
        signs.append(
            t("report.gan.concl.sign.diversity", lang, diversity=row["diversity"], threshold=threshold)
        )
    classes, covered = row.get("n_classes"), row.get("modes_covered")
    if classes and finite(covered) and covered < MIN_COVERED * classes:
        signs.append(t("report.gan.concl.sign.coverage", lang, covered=covered, classes=classes))
    return "; ".join(signs)


def _last_measure(run: GanRun) -> dict | None:
    measured = [r for r in run.metrics if finite(r.get("diversity"))]
    return measured[-1] if measured else None
