"""Time charts of a sweep: each cell's median time with its spread, and the fits that say how time grows.

A fit is put into words only as far as the measurements carry it (``fits.LineFit.verdict``):
a law when it holds, "a rough estimate" when it is poor, and "no growth seen" when the slope
is not positive; with fewer than three distinct values nothing is stated at all.
"""

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from babel.numbers import get_decimal_symbol, get_group_symbol

from services.diffusion import fits
from ui.format import duration
from ui.session import language, tr

MIN_POINTS = 3  # a line or a curve through two points fits them exactly, whatever the law
NOISY = 2.0  # an image whose slowest run took this many times its fastest was measured on a busy machine


def time_chart(meta: dict, table: pd.DataFrame) -> None:
    """A heatmap for an X/Y grid; a fitted line for steps; a power law for size; bars otherwise."""
    param = meta["x_param"]
    fig = go.Figure()
    lang = language()
    layout = {
        "height": 380,
        "margin": {"l": 10, "r": 10, "t": 50, "b": 10},
        "yaxis_title": tr("sd.chart.seconds"),
        "separators": get_decimal_symbol(lang) + get_group_symbol(lang),  # "0,05" and "409 600" in Ukrainian
    }
    if meta["y_param"]:
        _grid_heatmap(fig, meta, table, layout)
    elif param == "size":
        _size_chart(fig, table, layout)
    elif param in ("steps", "cfg"):
        _line_chart(fig, param, table, layout)
    else:
        fig.add_bar(
            x=table["x"],
            y=table["seconds"],
            text=[duration(s) for s in table["seconds"]],
            error_y=_spread(table),
        )
        layout |= {"title": tr("sd.chart.per_value"), "xaxis_title": tr(f"sd.param.{param}")}
    fig.update_layout(**layout)
    st.plotly_chart(fig, width="stretch", key=f"chart_{meta['id']}")
    _spread_note(meta, table)


def _spread(table: pd.DataFrame) -> dict:
    """Whiskers from the fastest to the slowest run of each cell, around its median."""
    return {
        "type": "data",
        "symmetric": False,
        "array": table["seconds_max"] - table["seconds"],
        "arrayminus": table["seconds"] - table["seconds_min"],
        "thickness": 1.5,
    }


def _spread_note(meta: dict, table: pd.DataFrame) -> None:
    """How the times were measured, so the student reads the points and whiskers rightly."""
    runs = int(table["runs"].min())
    if runs <= 1:
        st.caption(tr("sd.chart.one_run"))
        return
    st.caption(tr("sd.chart.median_grid" if meta["y_param"] else "sd.chart.median", n=runs))
    worst = float((table["seconds_max"] / table["seconds_min"]).max())
    if worst >= NOISY:
        st.warning(tr("sd.chart.noisy", ratio=worst), icon=":material/speed:")


def _grid_heatmap(fig: go.Figure, meta: dict, table: pd.DataFrame, layout: dict) -> None:
    def grid(values: str) -> pd.DataFrame:
        pivot = table.pivot_table(index="y", columns="x", values=values, sort=False)
        return pivot.reindex(index=[y for y in meta["y_labels"] if y in pivot.index])

    def shown(value: float) -> str:
        return "" if pd.isna(value) else duration(value)  # an empty cell: its image failed

    medians, fastest, slowest = grid("seconds"), grid("seconds_min"), grid("seconds_max")
    spread = [
        [tr("sd.chart.range", low=shown(lo), high=shown(hi)) for lo, hi in zip(low, high, strict=True)]
        for low, high in zip(fastest.values, slowest.values, strict=True)
    ]
    fig.add_heatmap(
        z=medians.values,
        x=list(medians.columns),
        y=list(medians.index),
        colorscale="Viridis",
        text=[[shown(v) for v in row] for row in medians.values],
        customdata=spread,
        texttemplate="%{text}",
        hovertemplate="%{x} · %{y}: %{text} (%{customdata})<extra></extra>",
        colorbar={"title": tr("sd.unit.s")},
    )
    layout |= {
        "title": tr("sd.chart.xy"),
        "xaxis_title": tr(f"sd.param.{meta['x_param']}"),
        "yaxis_title": tr(f"sd.param.{meta['y_param']}"),
        "xaxis_type": "category",
        "yaxis_type": "category",
        "yaxis_autorange": "reversed",  # rows top to bottom, as in the image grid
    }


def _line_chart(fig: go.Figure, param: str, table: pd.DataFrame, layout: dict) -> None:
    """Time against steps or CFG; for steps, the fitted line gives the time per step if it holds."""
    x = table["steps"] if param == "steps" else table["cfg_scale"]
    fig.add_scatter(
        x=x,
        y=table["seconds"],
        error_y=_spread(table),
        mode="markers+lines",
        name=tr("sd.chart.measured"),
    )
    layout |= {"title": tr(f"sd.chart.{param}"), "xaxis_title": tr(f"sd.param.{param}")}
    if param == "cfg":
        st.caption(tr("sd.chart.cfg_note"))
        return
    layout |= {"xaxis_tickmode": "array", "xaxis_tickvals": sorted(x.unique())}  # whole steps only
    if x.nunique() < MIN_POINTS:
        st.info(tr("sd.chart.need_three_steps"), icon=":material/info:")
        return
    fit = fits.fit_line(x, table["seconds"])
    xs = [x.min(), x.max()]
    fig.add_scatter(
        x=xs, y=fit(xs), mode="lines", line={"dash": "dash"}, name=tr("sd.chart.line_fit_r2", r2=fit.r2)
    )
    grows = fit.verdict != "flat"
    st.metric(
        tr("sd.chart.per_step"),
        duration(fit.slope) if grows else "—",
        help=tr("sd.chart.per_step_help", overhead=duration(max(fit.intercept, 0.0))),
    )
    text = tr(f"sd.chart.steps.{fit.verdict}", per_step=duration(fit.slope), r2=fit.r2)
    if fit.verdict == "holds":
        st.info(text, icon=":material/insights:")
    else:
        st.warning(text, icon=":material/warning:")


def _size_chart(fig: go.Figure, table: pd.DataFrame, layout: dict) -> None:
    """Time against pixel count, with a line and a power law t = a·pixels^b: b ≈ 1 means linear."""
    pixels, seconds = table["pixels"], table["seconds"]
    fig.add_scatter(
        x=pixels,
        y=seconds,
        error_y=_spread(table),
        mode="markers",
        marker={"size": 10},
        name=tr("sd.chart.measured"),
        text=table["x"],
        hovertemplate="%{text}: %{y:.3f} " + tr("sd.unit.s"),
    )
    layout |= {"title": tr("sd.chart.size"), "xaxis_title": tr("sd.chart.pixels"), "xaxis_tickformat": ","}
    if pixels.nunique() < MIN_POINTS:
        st.info(tr("sd.chart.need_three_sizes"), icon=":material/info:")
        return
    line, power = fits.fit_line(pixels, seconds), fits.fit_power(pixels, seconds)
    xs = pd.Series(
        range(int(pixels.min()), int(pixels.max()) + 1, max(1, int(pixels.max() - pixels.min()) // 100))
    )
    fig.add_scatter(
        x=xs, y=line(xs), mode="lines", line={"dash": "dash"}, name=tr("sd.chart.line_fit_r2", r2=line.r2)
    )
    fig.add_scatter(x=xs, y=power(xs), mode="lines", name=tr("sd.chart.power_fit", b=power.b, r2=power.r2))
    a, b, c = st.columns(3)
    a.metric(tr("sd.chart.exponent"), tr("sd.chart.b_value", b=power.b), help=tr("sd.chart.exponent_help"))
    b.metric(tr("sd.chart.r2_power"), tr("sd.chart.r2_value", r2=power.r2))
    c.metric(tr("sd.chart.r2_line"), tr("sd.chart.r2_value", r2=line.r2))
    if power.verdict == "holds":
        shape = "linear" if abs(power.b - 1) <= 0.15 else "super" if power.b > 1 else "sub"
        st.info(tr(f"sd.chart.verdict.{shape}", b=power.b), icon=":material/insights:")
    else:
        st.warning(tr(f"sd.chart.size.{power.verdict}", b=power.b, r2=power.r2), icon=":material/warning:")
