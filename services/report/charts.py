"""The report's charts as PNG images, drawn offline by matplotlib's Agg renderer.

No browser and no system package: Agg is part of the matplotlib wheel, and so is its
default font, DejaVu Sans, which has Cyrillic. Figures are made with the object API
(``Figure`` + ``FigureCanvasAgg``), never pyplot: nothing global changes, and charts can be
drawn from any thread. Every function takes plain numbers and the labels to print, already
in the report's language.
"""

from __future__ import annotations

import functools
import io
import math
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence

WIDTH_IN, HEIGHT_IN, DPI = 7.0, 3.4, 110  # ~770 x 375 px: sharp on paper at full text width
COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"]
REMEMBERED = 256  # charts kept: a report rebuilt after an edit of its conclusions draws none again


def _remembered(draw: Callable[..., bytes]) -> Callable[..., bytes]:
    """The chart drawn before for the same numbers and labels, else a new one (0.1 s each saved)."""
    charts: OrderedDict[str, bytes] = OrderedDict()
    lock = threading.Lock()

    @functools.wraps(draw)
    def remembered(*args, **kwargs) -> bytes:
        if any(callable(a) for a in (*args, *kwargs.values())):  # a fitted curve: no stable key
            return draw(*args, **kwargs)
        key = repr((args, sorted(kwargs.items())))
        with lock:
            if key in charts:
                charts.move_to_end(key)
                return charts[key]
        png = draw(*args, **kwargs)
        with lock:
            charts[key] = png
            while len(charts) > REMEMBERED:
                charts.popitem(last=False)
        return png

    return remembered


@_remembered
def line_chart(
    x: Sequence[float],
    series: dict[str, Sequence[float | None]],
    x_label: str,
    y_label: str,
    hlines: dict[str, float] | None = None,
    spans: Sequence[tuple[float, float]] = (),
    y_range: tuple[float, float] | None = None,
    decimal_mark: str = ".",
) -> bytes:
    """Curves over a shared x (training steps): losses, D(x) and D(G(z)), diversity.

    ``None`` values are gaps (a measure not taken at that step); ``hlines`` draws labelled
    dashed levels (D = 0.5, a threshold); ``spans`` shades stretches of x (where collapse showed).
    """
    figure, axes = _figure()
    for color, (name, values) in zip(COLORS, series.items(), strict=False):
        points = [(a, b) for a, b in zip(x, values, strict=True) if _finite(b)]
        if points:
            xs, ys = zip(*points, strict=True)
            axes.plot(xs, ys, color=color, label=name, linewidth=1.4, marker="o" if len(xs) < 12 else None)
    for (name, level), color in zip((hlines or {}).items(), ("#555555", "#999999"), strict=False):
        axes.axhline(level, color=color, linestyle="--", linewidth=1, label=name)
    for start, end in spans:
        axes.axvspan(start, end, color="#d62728", alpha=0.12, linewidth=0)
    if y_range:
        axes.set_ylim(*y_range)
    return _finish(figure, axes, x_label, y_label, decimal_mark=decimal_mark)


def fit_chart(
    x: Sequence[float],
    y: Sequence[float],
    fitted: Callable[[Sequence[float]], Sequence[float]] | None,
    x_label: str,
    y_label: str,
    points_label: str,
    fit_label: str = "",
    tick_labels: Sequence[str] | None = None,
    decimal_mark: str = ".",
) -> bytes:
    """Measured points (a sweep's times) and, when there is one, the fitted curve through them."""
    figure, axes = _figure()
    axes.plot(x, y, "o", color=COLORS[0], label=points_label, markersize=6)
    if fitted is not None and len(x) > 1:
        low, high = min(x), max(x)
        grid = [low + (high - low) * i / 99 for i in range(100)]
        axes.plot(grid, list(fitted(grid)), color=COLORS[1], linewidth=1.4, label=fit_label)
    if tick_labels:
        axes.set_xticks(list(x), list(tick_labels))
    axes.set_ylim(bottom=0)
    return _finish(figure, axes, x_label, y_label, decimal_mark=decimal_mark)


@_remembered
def bar_chart(
    groups: Sequence[str],
    series: dict[str, Sequence[float | None]],
    x_label: str,
    y_label: str,
    decimals: int = 2,
    decimal_mark: str = ".",
) -> bytes:
    """Bars per group, one colour per series (mean answer length by prompt style, per language),
    each labelled with its value in the report language's way ("2,25" in Ukrainian)."""
    figure, axes = _figure()
    width = 0.8 / max(1, len(series))
    for i, (color, (name, values)) in enumerate(zip(COLORS * 4, series.items(), strict=False)):
        offsets = [g + (i - (len(series) - 1) / 2) * width for g in range(len(groups))]
        heights = [v if _finite(v) else 0.0 for v in values]
        bars = axes.bar(
            offsets, heights, width=width * 0.95, color=color, label=name if len(series) > 1 else None
        )
        labels = [f"{v:.{decimals}f}".replace(".", decimal_mark) if _finite(v) else "—" for v in values]
        axes.bar_label(bars, labels=labels, fontsize=7, padding=1)
    axes.set_xticks(range(len(groups)), list(groups))
    return _finish(figure, axes, x_label, y_label, legend=len(series) > 1, decimal_mark=decimal_mark)


def _figure():
    from matplotlib.figure import Figure

    figure = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI, layout="constrained")
    axes = figure.add_subplot()
    axes.grid(True, alpha=0.3)
    return figure, axes


def decimal_ticks(decimal_mark: str):
    """Matplotlib's tick labels with the report language's decimal mark: "0,5" on a Ukrainian axis."""
    from matplotlib.ticker import ScalarFormatter

    class DecimalTicks(ScalarFormatter):
        def __call__(self, x, pos=None) -> str:
            return super().__call__(x, pos).replace(".", decimal_mark)

    return DecimalTicks()


def _finish(figure, axes, x_label: str, y_label: str, legend: bool = True, decimal_mark: str = ".") -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.ticker import ScalarFormatter

    for axis in (axes.xaxis, axes.yaxis):  # numbered axes only: named ticks (styles, sizes) stay
        if decimal_mark != "." and type(axis.get_major_formatter()) is ScalarFormatter:
            axis.set_major_formatter(decimal_ticks(decimal_mark))
    axes.set_xlabel(x_label)
    axes.set_ylabel(y_label)
    if legend and axes.get_legend_handles_labels()[0]:
        axes.legend(fontsize=8)
    buffer = io.BytesIO()
    # light compression: a tenth of the encoding time for ~20 % more bytes, and the PDF compresses again
    FigureCanvasAgg(figure).print_png(buffer, pil_kwargs={"compress_level": 1})
    return buffer.getvalue()


def _finite(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
