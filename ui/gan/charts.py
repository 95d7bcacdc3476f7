"""Lab 1's charts: losses and D's outputs while training, and the mode-collapse measures."""

import html

import plotly.graph_objects as go

from services.gan import collapse
from ui.gan.names import class_labels
from ui.session import tr

CHART_HEIGHT = 340
COLOURS = {"loss_d": "#e8590c", "loss_g": "#3b5bdb", "d_real": "#2f9e44", "d_fake": "#c2255c"}
LEGEND = {"orientation": "h", "y": 1.0, "x": 0, "xanchor": "left", "yanchor": "bottom"}
MARGIN = {"l": 10, "r": 10, "t": 80, "b": 10}


def training_chart(
    rows: list[dict], series: tuple[str, ...], title: str, axis: str, y_range=None
) -> go.Figure:
    """A line per series of the metrics over the steps; with a ``y_range`` (probabilities) a
    dotted line at 0.5, where D stands when it cannot tell real from fake."""
    figure = go.Figure()
    steps = [row["step"] for row in rows]
    for name in series:
        figure.add_scatter(
            x=steps,
            y=[row.get(name) for row in rows],
            name=tr(f"gan.series.{name}"),
            mode="lines",
            line={"color": COLOURS[name], "width": 2.5},
        )
    if y_range:
        figure.add_hline(y=0.5, line_dash="dot", line_color="#868e96")
    figure.update_layout(
        title=title,
        height=CHART_HEIGHT,
        margin=MARGIN,
        legend=LEGEND,
        xaxis_title=tr("gan.chart.step"),
        yaxis_title=axis,
        yaxis_range=y_range,
        font={"size": 14},
    )
    return figure


def diversity_chart(rows: list[dict]) -> go.Figure:
    """Diversity over the steps, with the threshold below which it counts as collapse."""
    steps = [row["step"] for row in rows]
    figure = go.Figure()
    figure.add_scatter(
        x=steps,
        y=[row["diversity"] for row in rows],
        mode="lines+markers",
        name=tr("gan.collapse.diversity"),
    )
    figure.add_hline(
        y=collapse.COLLAPSE_DIVERSITY,
        line_dash="dot",
        line_color="#c92a2a",
        annotation_text=tr("gan.collapse.threshold"),
        annotation_position="top left",
    )
    figure.update_layout(
        title=tr("gan.collapse.diversity"),
        height=CHART_HEIGHT,
        margin=MARGIN,
        xaxis_title=tr("gan.chart.step"),
        yaxis_range=(0, max(1.2, max(row["diversity"] for row in rows) * 1.1)),
        font={"size": 14},
    )
    return figure


def coverage_chart(rows: list[dict]) -> go.Figure:
    """Classes covered (bars) and KL(real || generated) (line) over the steps."""
    steps = [row["step"] for row in rows]
    figure = go.Figure()
    figure.add_bar(
        x=steps,
        y=[row["modes_covered"] for row in rows],
        name=tr("gan.collapse.modes_axis"),
        marker_color="#74c0fc",
    )
    figure.add_scatter(
        x=steps,
        y=[row["kl"] for row in rows],
        name="KL",
        yaxis="y2",
        mode="lines+markers",
        line={"color": "#c2255c", "width": 2.5},
    )
    figure.update_layout(
        title=tr("gan.collapse.modes"),
        height=CHART_HEIGHT,
        margin=MARGIN,
        xaxis_title=tr("gan.chart.step"),
        yaxis={
            "title": tr("gan.collapse.modes_axis"),
            "range": (0, rows[-1]["n_classes"] + 0.5),
            "dtick": 1,
        },
        yaxis2={
            "title": tr("gan.collapse.kl_axis"),
            "tickformat": ".1f",
            "overlaying": "y",
            "side": "right",
            "rangemode": "tozero",
        },
        legend=LEGEND,
        font={"size": 14},
    )
    return figure


def histogram_chart(measure: dict, summary: dict | None) -> go.Figure:
    """The generated images per class at the newest measurement, beside the real data's
    shares when ``summary`` is the run's data."""
    counts = measure["histogram"]
    names = [str(i) for i in range(len(counts))]
    real = None
    if summary and len(summary["class_names"]) == len(counts):
        names = [html.escape(name) for name in class_labels(summary)]  # plotly reads <a href> and <b>
        total = sum(summary["class_counts"]) or 1
        real = [n / total for n in summary["class_counts"]]
    total = sum(counts) or 1
    figure = go.Figure()
    if real is not None:
        figure.add_bar(x=names, y=real, name=tr("gan.collapse.real"), marker_color="#adb5bd")
    figure.add_bar(
        x=names, y=[n / total for n in counts], name=tr("gan.collapse.generated"), marker_color="#3b5bdb"
    )
    figure.update_layout(
        title=tr("gan.collapse.histogram"),
        height=CHART_HEIGHT,
        margin=MARGIN,
        xaxis={"title": tr("gan.collapse.class"), "type": "category"},
        yaxis={"title": tr("gan.collapse.share"), "tickformat": ".0%"},
        legend=LEGEND,
        font={"size": 14},
    )
    return figure
