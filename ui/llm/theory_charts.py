"""The figures the control questions share: attention maps, probability bars, position encodings,
and the picker of the layer and head a map shows.

Every token is its own row and column, labelled by its position (``3:␣the``), so a word that
occurs twice gets two of each. Cells a causal token may not look at are left empty (grey).
Numbers in hover texts follow the session's language (decimal comma in Ukrainian).
"""

import numpy as np
import plotly.graph_objects as go
import streamlit as st

from ui.llm.theory_tokens import percent, plot_text, prediction
from ui.session import language, tr

SEPARATORS = {"uk": ",\u00a0", "en": ".,"}  # Plotly's decimal point and thousands separator
MASKED = "#dee2e6"  # the background that empty (masked) cells show
# Blues, stretched at the low end: most weights are small, and a plain scale leaves a diffuse head white
WEIGHT_COLOURS = [
    [0, "#f7fbff"],
    [0.04, "#deebf7"],
    [0.12, "#9ecae1"],
    [0.3, "#4292c6"],
    [0.6, "#08519c"],
    [1, "#08306b"],
]
MARGIN = {"l": 10, "r": 10, "t": 50, "b": 10}
TEXT_UP_TO = 14  # tokens: up to this many, every cell of a full-size map shows its weight
LABELS_UP_TO = 24  # tokens: up to this many, a compact map still names them (the hover always does)
WIDE_FROM = 17  # tokens: from this many, a map wants the page's whole width


def style(figure: go.Figure, title: str, height: int) -> go.Figure:
    figure.update_layout(
        title={"text": plot_text(title), "font": {"size": 15}},
        height=height,
        margin=MARGIN,
        separators=SEPARATORS.get(language(), ".,"),
    )
    return figure


def attention_map(
    weights: np.ndarray,
    labels: list[str],
    title: str,
    causal: bool = True,
    highlight: int | None = None,
    compact: bool = False,
) -> go.Figure:
    """Weights (n, n): row i is what token i (the query) looks at, column j the token looked at (key).

    A ``compact`` map (several side by side) has no colour bar, axis titles or numbers in its
    cells, and names its tokens only while they fit."""
    n = len(labels)
    z = np.array(weights, dtype=float)
    if causal:
        z[np.triu_indices(n, 1)] = np.nan  # masked: not zero weights, but no weights at all
    names = [plot_text(label) for label in labels]
    hover = (
        f"{plot_text(tr('llm.tf.query'))}: %{{y}}<br>{plot_text(tr('llm.tf.key'))}: %{{x}}"
        f"<br>{plot_text(tr('llm.tf.weight'))}: %{{z:.3f}}<extra></extra>"
    )
    figure = go.Figure(
        go.Heatmap(
            z=z,
            x=names,
            y=names,
            zmin=0,
            zmax=1,
            colorscale=WEIGHT_COLOURS,
            hovertemplate=hover,
            hoverongaps=False,
            texttemplate="%{z:.2f}" if n <= TEXT_UP_TO and not compact else None,
            showscale=not compact,
            colorbar={"thickness": 10, "len": 0.8},
        )
    )
    ticks = {
        "tickmode": "array",
        "tickvals": names,
        "ticktext": names,
        "tickfont": {"size": 11 if n < WIDE_FROM else 9},
        "showticklabels": not compact or n <= LABELS_UP_TO,
    }
    figure.update_xaxes(
        title=None if compact else tr("llm.tf.key_axis"), tickangle=-60 if n < WIDE_FROM else -90, **ticks
    )
    figure.update_yaxes(title=None if compact else tr("llm.tf.query_axis"), autorange="reversed", **ticks)
    figure.update_layout(plot_bgcolor=MASKED)
    if highlight is not None:
        figure.add_shape(
            type="rect",
            x0=-0.5,
            x1=n - 0.5,
            y0=highlight - 0.5,
            y1=highlight + 0.5,
            line={"color": "#e8590c", "width": 2},
        )
    size = 17 if compact else 20  # pixels per row
    return style(figure, title, min(900, max(360 if compact else 460, 170 + size * n)))


def probability_bars(
    top: list[dict], title: str, x_max: float | None = None, colour: str = "#3b5bdb"
) -> go.Figure:
    """The model's most likely next tokens, most likely on top, each bar labelled with its probability."""
    names = [plot_text(f"{rank}. {prediction(t)}") for rank, t in enumerate(top, start=1)]
    figure = go.Figure(
        go.Bar(
            x=[t["probability"] for t in top],
            y=names,
            orientation="h",
            marker_color=colour,
            text=[percent(t["probability"]) for t in top],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{x:.3f}<extra></extra>",
        )
    )
    figure.update_yaxes(autorange="reversed", tickfont={"size": 12})
    figure.update_xaxes(
        title=tr("llm.tf.probability"), range=[0, 1.15 * (x_max or max(t["probability"] for t in top))]
    )
    return style(figure, title, 90 + 28 * len(top))


def encoding_map(values: np.ndarray, title: str, x_title: str) -> go.Figure:
    """A position encoding (positions, features) in [-1, 1]: red above zero, blue below."""
    figure = go.Figure(
        go.Heatmap(
            z=values,
            zmin=-1,
            zmax=1,
            colorscale="RdBu",
            reversescale=True,
            hovertemplate=f"{plot_text(tr('llm.tf.position'))}: %{{y}}<br>{plot_text(x_title)}: %{{x}}"
            "<br>%{z:.3f}<extra></extra>",
            colorbar={"thickness": 10, "len": 0.8},
        )
    )
    figure.update_xaxes(title=x_title)
    figure.update_yaxes(title=tr("llm.tf.position"), autorange="reversed")
    return style(figure, title, 420)


def pick_head(key: str, layers: int, heads: int, default: tuple[int, int] = (0, 0)) -> tuple[int, int]:
    """Sliders for a layer and a head (numbered from 0, as in the model's code: ``layers.0``)."""
    left, right = st.columns(2)
    layer = left.slider(
        tr("llm.tf.layer"), 0, layers - 1, default[0], key=f"{key}_layer", persist_state="session"
    )
    head = right.slider(
        tr("llm.tf.head"), 0, heads - 1, default[1], key=f"{key}_head", persist_state="session"
    )
    return layer, head
