"""Questions 4 and 5 of Lab 2: diffusion against a GAN (the newest comparison the GAN vs diffusion tab
measured, and the way there), and a table of Stable Diffusion's pros and cons whose every figure is one
the student measured (services/diffusion/evidence.py); a figure not measured yet says where to measure it."""

import pandas as pd
import streamlit as st

from services.diffusion import costs, evidence
from ui.diffusion import versus
from ui.format import duration, number
from ui.safe_text import escaped
from ui.session import actor, tr


def against_gan() -> None:
    """Question 4: the newest GAN vs diffusion comparison in brief, and the tab that measures it."""
    versus.link()
    found = evidence.newest_comparison()
    if found is None:
        st.caption(tr("sd.qa.no_comparison"))
        return
    gan, own = found["gan"], found["diffusion"]
    rows = {
        tr("sd.vs.figure"): [
            tr(f"sd.vs.row.{name}") for name in ("per_image", "fd", "coverage", "diversity")
        ],
        **{
            tr(f"sd.vs.side.{side}"): [
                duration(figures["seconds_per_image"]),
                number(figures["fd"], 1),
                f"{figures['modes_covered']}/{figures['n_classes']}" if figures.get("n_classes") else "—",
                number(figures["diversity"], 2),
            ]
            for side, figures in (("gan", gan), ("diffusion", own))
        },
    }
    st.markdown(tr("sd.qa.comparison", gan=escaped(gan["title"]), own=escaped(own["title"])))
    st.dataframe(rows, hide_index=True, key="sd_qa_versus")
    st.caption(
        tr("sd.qa.comparison_help", ratio=own["seconds_per_image"] / max(gan["seconds_per_image"], 1e-9))
    )


def pros_and_cons() -> None:
    """Question 5: each aspect, what was measured here, and whether it counts for or against SD."""
    figures = evidence.figures(actor().owner)
    rows = [_row(aspect, *filled(aspect, figures)) for aspect in ASPECTS]
    st.table(pd.DataFrame(rows).set_index(tr("sd.qa.col.aspect")))  # a static table: long texts wrap
    missing = sum(1 for row in rows if row[tr("sd.qa.col.measured")] == "—")
    st.caption(tr("sd.qa.tradeoffs_help", missing=missing, rows=len(rows)))


ASPECTS = ("latent", "unet", "samplers", "per_step", "guidance", "size", "speed", "quality")


def filled(aspect: str, figures: dict) -> tuple[str | None, str]:
    """What was measured for ``aspect`` (None: nothing yet) and whether it is a "pro" or a "con"."""
    kept, compared = figures["costs"], figures["versus"]
    if aspect == "latent" and kept and not kept["values"]["pixel_space"]:
        values = kept["values"]
        return tr(
            "sd.qa.m.latent", ratio=values["pixels"] / values["latent_values"], model=kept["model"]
        ), "pro"
    if aspect == "unet" and kept and kept["unet"]["latent"]:
        unet = kept["unet"]
        return tr("sd.qa.m.unet", ratio=round(unet["pixel"] / unet["latent"]), side=unet["side"]), "pro"
    if aspect == "samplers" and kept:
        return _samplers(kept["samplers"])
    if aspect == "per_step" and figures["per_step"]:
        found = figures["per_step"]
        if found["verdict"] == "flat":
            return tr("sd.qa.m.per_step_flat", model=found["model"]), "con"
        return tr(
            "sd.qa.m.per_step", time=duration(found["seconds"]), r2=found["r2"], model=found["model"]
        ), "con"
    if aspect == "guidance" and figures["guidance"]:
        return tr(
            "sd.qa.m.guidance", ratio=figures["guidance"]["ratio"], model=figures["guidance"]["model"]
        ), "con"
    if aspect == "size" and figures["size"]:
        found = figures["size"]
        return tr("sd.qa.m.size", b=found["b"], r2=found["r2"], model=found["model"]), "con"
    if aspect == "speed" and compared:
        gan, own = compared["gan"], compared["diffusion"]
        ratio = own["seconds_per_image"] / max(gan["seconds_per_image"], 1e-9)
        return tr("sd.qa.m.speed", ratio=ratio), "con" if ratio > 1 else "pro"
    if aspect == "quality" and compared and compared["gan"]["fd"] is not None:
        gan, own = compared["gan"], compared["diffusion"]
        better = own["fd"] < gan["fd"]
        return tr("sd.qa.m.quality", own=own["fd"], gan=gan["fd"]), "pro" if better else "con"
    return None, DEFAULT_SIDE[aspect]


DEFAULT_SIDE = {
    "latent": "pro",
    "unet": "pro",
    "samplers": "pro",
    "per_step": "con",
    "guidance": "con",
    "size": "con",
    "speed": "con",
    "quality": "pro",
}


def _samplers(found: dict) -> tuple[str | None, str]:
    needed = {name: measured for name, measured in found.items() if measured["calls"] is not None}
    if len(needed) < 2:
        return None, "pro"
    fewest = min(needed, key=lambda name: needed[name]["calls"])
    most = max(needed, key=lambda name: needed[name]["calls"])
    text = tr(
        "sd.qa.m.samplers",
        best=fewest,
        best_steps=needed[fewest]["steps"],
        worst=most,
        worst_steps=needed[most]["steps"],
        tolerance=100 * costs.TOLERANCE,
    )
    return text, "pro"


def _row(aspect: str, measured: str | None, side: str) -> dict:
    return {
        tr("sd.qa.col.aspect"): tr(f"sd.qa.aspect.{aspect}"),
        tr("sd.qa.col.side"): tr(f"sd.qa.side.{side}"),
        tr("sd.qa.col.measured"): measured or "—",
        tr("sd.qa.col.where"): tr(f"sd.qa.where.{aspect}"),
    }
