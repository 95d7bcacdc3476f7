"""The quality of each cell of a steps or CFG sweep with a model trained here: class accuracy and
Fréchet distance against the swept value, so "how do steps affect quality" is a measured curve."""

import plotly.graph_objects as go
import streamlit as st

from services.common.errors import UserError
from services.diffusion import sweeps
from services.diffusion.own import judging
from ui.format import number
from ui.session import tr


def show(sweep_id: str | None) -> None:
    """The open sweep's quality chart and table, where it has them (nothing otherwise)."""
    if not sweep_id:
        return
    try:
        sweep = sweeps.load(sweep_id)
    except UserError:  # an unknown id: the Experiments tab says so already
        return
    table = judging.read(sweep.folder)
    if table is None or table.empty:
        return
    param = sweep.meta["x_param"]
    st.subheader(tr("sd.quality.title"))
    figure = go.Figure()
    if table["class_accuracy"].notna().any():
        figure.add_scatter(
            x=table["x"], y=table["class_accuracy"], mode="lines+markers", name=tr("sd.own.accuracy")
        )
    figure.add_scatter(x=table["x"], y=table["fd"], mode="lines+markers", name=tr("sd.own.fd"), yaxis="y2")
    figure.update_layout(
        height=360,
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        xaxis={"title": tr(f"sd.param.{param}"), "type": "category"},
        yaxis={"title": tr("sd.own.accuracy"), "range": (0, 1.05), "tickformat": ".0%"},
        yaxis2={"title": tr("sd.own.fd"), "overlaying": "y", "side": "right", "rangemode": "tozero"},
        legend={"orientation": "h", "y": 1.0, "x": 0, "yanchor": "bottom"},
        font={"size": 14},
    )
    st.plotly_chart(figure, key=f"quality_{sweep_id}")
    st.caption(tr("sd.quality.help", images=int(table["images"].iloc[0])))
    best = table.loc[table["fd"].idxmin()]
    st.caption(
        tr("sd.quality.best", value=best["x"], fd=number(best["fd"], 1), param=tr(f"sd.param.{param}"))
    )
