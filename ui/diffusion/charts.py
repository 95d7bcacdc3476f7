"""Time charts of a sweep: time against the swept value, with the fits that say how it grows."""

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from services.diffusion import fits
from ui.format import duration
from ui.session import tr


def time_chart(meta: dict, table: pd.DataFrame) -> None:
    """A heatmap for an X/Y grid; a fitted line for steps; a power law for size; bars otherwise."""
    param = meta["x_param"]
    fig = go.Figure()
    layout = {
        "height": 380,
        "margin": {"l": 10, "r": 10, "t": 50, "b": 10},
        "yaxis_title": tr("sd.chart.seconds"),
    }
    if meta["y_param"]:
        _grid_heatmap(fig, meta, table, layout)
    elif param == "size":
        _size_chart(fig, table, layout)
    elif param in ("steps", "cfg"):
        _line_chart(fig, param, table, layout)
    else:
        fig.add_bar(x=table["x"], y=table["seconds"], text=[duration(s) for s in table["seconds"]])
        layout |= {"title": tr("sd.chart.per_value"), "xaxis_title": tr(f"sd.param.{param}")}
    fig.update_layout(**layout)
    st.plotly_chart(fig, width="stretch", key=f"chart_{meta['id']}")


def _grid_heatmap(fig: go.Figure, meta: dict, table: pd.DataFrame, layout: dict) -> None:
    grid = table.pivot_table(index="y", columns="x", values="seconds", sort=False)
    grid = grid.reindex(index=[y for y in meta["y_labels"] if y in grid.index])
    fig.add_heatmap(
        z=grid.values,
        x=list(grid.columns),
        y=list(grid.index),
        colorscale="Viridis",
        text=[[duration(v) if v == v else "" for v in row] for row in grid.values],  # v != v: NaN
        texttemplate="%{text}",
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
    """Time against steps or CFG; for steps, the fitted line gives the time per step."""
    x = table["steps"] if param == "steps" else table["cfg_scale"]
    fig.add_scatter(x=x, y=table["seconds"], mode="markers+lines", name=tr("sd.chart.measured"))
    layout |= {"title": tr(f"sd.chart.{param}"), "xaxis_title": tr(f"sd.param.{param}")}
    if param != "steps":
        return
    layout |= {"xaxis_tickmode": "array", "xaxis_tickvals": sorted(x.unique())}  # whole steps only
    if x.nunique() < 2:
        return
    fit = fits.fit_line(x, table["seconds"])
    xs = [x.min(), x.max()]
    fig.add_scatter(x=xs, y=fit(xs), mode="lines", line={"dash": "dash"}, name=tr("sd.chart.line_fit"))
    st.metric(
        tr("sd.chart.per_step"),
        duration(fit.slope),
        help=tr("sd.chart.per_step_help", overhead=f"{fit.intercept:.3f}"),
    )


def _size_chart(fig: go.Figure, table: pd.DataFrame, layout: dict) -> None:
    """Time against pixel count, with a line and a power law t = a·pixels^b: b ≈ 1 means linear."""
    pixels, seconds = table["pixels"], table["seconds"]
    fig.add_scatter(
        x=pixels,
        y=seconds,
        mode="markers",
        marker={"size": 10},
        name=tr("sd.chart.measured"),
        text=table["x"],
        hovertemplate="%{text}: %{y:.3f} " + tr("sd.unit.s"),
    )
    layout |= {"title": tr("sd.chart.size"), "xaxis_title": tr("sd.chart.pixels")}
    if pixels.nunique() < 2:
        st.info(tr("sd.chart.need_two_sizes"), icon=":material/info:")
        return
    line, power = fits.fit_line(pixels, seconds), fits.fit_power(pixels, seconds)
    xs = pd.Series(
        range(int(pixels.min()), int(pixels.max()) + 1, max(1, int(pixels.max() - pixels.min()) // 100))
    )
    fig.add_scatter(
        x=xs,
        y=line(xs),
        mode="lines",
        line={"dash": "dash"},
        name=tr("sd.chart.line_fit_r2", r2=f"{line.r2:.3f}"),
    )
    fig.add_scatter(
        x=xs,
        y=power(xs),
        mode="lines",
        name=tr("sd.chart.power_fit", b=f"{power.b:.2f}", r2=f"{power.r2:.3f}"),
    )
    a, b, c = st.columns(3)
    a.metric(tr("sd.chart.exponent"), f"{power.b:.2f}", help=tr("sd.chart.exponent_help"))
    b.metric(tr("sd.chart.r2_power"), f"{power.r2:.3f}")
    c.metric(tr("sd.chart.r2_line"), f"{line.r2:.3f}")
    verdict = "linear" if abs(power.b - 1) <= 0.15 else "super" if power.b > 1 else "sub"
    st.info(tr(f"sd.chart.verdict.{verdict}", b=f"{power.b:.2f}"), icon=":material/insights:")
