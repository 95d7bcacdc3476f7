"""Questions 1 and 4 of Lab 1: the student's G and D as a diagram of blocks, with their layer tables,
parameter counts, and where the losses and their gradients flow (1); the generator's layers, each with
its output shape, what it does, and its feature maps from question 2 (4)."""

import pandas as pd
import streamlit as st

from services.gan import anatomy, model
from services.gan.config import GanConfig
from ui.format import number
from ui.gan.questions_maps import current_stages, source
from ui.gan.questions_maps import picture as maps_picture
from ui.gan.questions_runs import chosen_run, no_run_note
from ui.session import tr

ROW_HEIGHT = 35  # st.dataframe's row, px: a table shown whole, without scrolling
THUMBNAIL_MAPS = 4  # maps per layer in question 4's table
THUMBNAIL = 32  # px: their height there
LAYER_COLUMNS = (1, 5, 2, 8, 4)  # number, layer, output, what it does, maps
GRADIENT_D, GRADIENT_G = "#c92a2a", "#1c7ed6"


def components() -> None:
    """Question 1: the diagram of G and D, then their layer tables side by side."""
    info = chosen_run()
    if info is None:
        no_run_note("q1")
        st.caption(tr("gan.qa.untrained_networks"))
    cfg, _ = source(info)
    nets = _networks(cfg.to_dict())
    st.graphviz_chart(diagram(cfg, nets), width="stretch")
    st.caption(tr("gan.qa.diagram_help", k=cfg.k))
    for column, part in zip(st.columns(2), ("g", "d"), strict=True):
        with column:
            st.markdown(f"**{tr(f'gan.model.{part}')}** · {tr('gan.model.params', n=nets[part]['params'])}")
            table = _blocks_table(nets[part]["blocks"])
            st.dataframe(table, hide_index=True, key=f"gan_qa_table_{part}", height=_height(table))


def layers() -> None:
    """Question 4: the generator's layers, what each does, with its maps for question 2's seed and sliders."""
    info = chosen_run()
    if info is None:
        no_run_note("q4")
    stages = current_stages(info)
    names = ("gan.qa.col.number", "gan.col.layer", "gan.col.output", "gan.qa.col.does", "gan.qa.col.maps")
    for column, name in zip(st.columns(LAYER_COLUMNS), names, strict=True):
        column.markdown(f"**{tr(name)}**")
    for stage, previous in zip(stages[1:], stages, strict=False):
        number_col, layer_col, shape_col, role_col, maps_col = st.columns(
            LAYER_COLUMNS, vertical_alignment="center"
        )
        number_col.markdown(f"**{tr('gan.qa.layer_number', n=stage.number)}**")
        layer_col.markdown(f"`{stage.layer}`")
        shape_col.markdown(" × ".join(map(str, stage.shape)))
        role_col.markdown(role(stage, previous))
        thumbnail = maps_picture(stage, stage is stages[-1], THUMBNAIL_MAPS, height=THUMBNAIL)
        maps_col.image(thumbnail, width=thumbnail.width)
    st.caption(tr("gan.qa.layers_help"))


def role(stage: anatomy.Stage, previous: anatomy.Stage) -> str:
    """What the layer does, in the student's language, with its own numbers."""
    kind = anatomy.kind({"layer": stage.layer})
    channels, height, width = stage.shape
    shape = {"c": channels, "h": height, "w": width}
    if kind == "ConvTranspose2d" and previous.number == 0:
        return tr("gan.qa.role.project", latent=previous.shape[0], **shape)
    if kind == "ConvTranspose2d":
        return tr(
            "gan.qa.role.up", c_in=previous.shape[0], h_in=previous.shape[1], w_in=previous.shape[2], **shape
        )
    if kind == "BatchNorm2d":
        return tr("gan.qa.role.norm", c=channels)
    if kind == "ReLU":
        return tr("gan.qa.role.relu", zero=100 * float((stage.maps == 0).mean()))
    if kind == "Tanh":
        return tr("gan.qa.role.tanh", **shape)
    return kind


def diagram(cfg: GanConfig, nets: dict) -> str:
    """G and D as Graphviz DOT, two columns top to bottom: z through G's blocks to G(z) on the left;
    real x and G(z) through D's blocks to D's output and the losses on the right; dashed, where the
    losses' gradients flow back."""
    generator_loss = "minimax" if cfg.loss == "minimax" else "nonsaturating"
    picture = f"{cfg.channels} × {cfg.size} × {cfg.size}"

    def node(name: str, label: str, colour: str, shape: str = "box") -> str:
        text = label.replace('"', "'").replace("\n", "\\n")
        return f'{name} [label="{text}", fillcolor="{colour}", shape={shape}];'

    def cluster(part: str, colour: str) -> list[str]:
        blocks = nets[part]["blocks"]
        title = tr(f"gan.qa.d.{part}", params=nets[part]["params"])
        lines = [f"subgraph cluster_{part} {{", f'label="{title}"; style="rounded,dashed"; color="#868e96";']
        for index, block in enumerate(blocks, start=1):
            kinds = " · ".join(anatomy.kind(row) for row in block.layers)
            label = tr(
                "gan.qa.d.block", kinds=kinds, shape=" × ".join(map(str, block.shape)), params=block.params
            )
            lines.append(node(f"{part}{index}", label, colour))
        lines.append(" -> ".join(f"{part}{index}" for index in range(1, len(blocks) + 1)) + ";")
        lines.append("}")
        return lines

    last_g, last_d = f"g{len(nets['g']['blocks'])}", f"d{len(nets['d']['blocks'])}"

    def gradient(source: str, target: str, colour: str, label: str, ends: str) -> str:
        return (
            f'{source} -> {target} [{ends}, style=dashed, color="{colour}", fontcolor="{colour}", '
            f'constraint=false, label="{label}"];'
        )

    lines = [
        "digraph {",
        'graph [compound=true, fontname="sans-serif", fontsize=11, nodesep=0.35, ranksep=0.3];',
        'node [style="rounded,filled", fontname="sans-serif", fontsize=11, width=2.6];',
        'edge [arrowsize=0.6, fontname="sans-serif", fontsize=10];',
        node("z", tr("gan.qa.d.z", latent=cfg.latent), "#fff3bf", "ellipse"),
        *cluster("g", "#d3f9d8"),
        node("fake", tr("gan.qa.d.fake", shape=picture), "#d3f9d8", "ellipse"),
        node("real", tr("gan.qa.d.real", shape=picture), "#e7f5ff", "ellipse"),
        *cluster("d", "#dbe4ff"),
        node("out", tr("gan.qa.d.out"), "#dbe4ff", "ellipse"),
        node("loss_d", tr("gan.qa.d.loss_d"), "#ffe3e3"),
        node("loss_g", tr(f"gan.qa.d.loss_g.{generator_loss}"), "#d0ebff"),
        f"z -> g1; {last_g} -> fake; real -> d1; {last_d} -> out; out -> loss_d; out -> loss_g;",
        "fake -> d1 [constraint=false];",  # G's picture goes to D beside the real ones
        # D's loss updates D only (G's picture is detached); G's flows back through D, frozen, into G
        gradient("loss_d", last_d, GRADIENT_D, tr("gan.qa.d.grad_d"), "lhead=cluster_d"),
        gradient("loss_g", last_g, GRADIENT_G, tr("gan.qa.d.grad_g"), "lhead=cluster_g"),
        "}",
    ]
    return "\n".join(lines)


@st.cache_data(max_entries=32, show_spinner=False)
def _networks(cfg: dict) -> dict:
    """Blocks and parameter counts of G and D for a config (the architecture: no weights needed)."""
    parsed = GanConfig.from_dict(cfg)
    generator, discriminator = model.build(parsed)
    return anatomy.networks(generator, discriminator, parsed)


def _blocks_table(blocks: list[anatomy.Block]) -> pd.DataFrame:
    rows = [
        {
            tr("gan.qa.col.block"): index,
            tr("gan.col.layer"): row["layer"],
            tr("gan.col.output"): " × ".join(map(str, row["output_shape"])),
            tr("gan.col.params"): number(row["params"]) if row["params"] else "—",
        }
        for index, block in enumerate(blocks, start=1)
        for row in block.layers
    ]
    return pd.DataFrame(rows)


def _height(table: pd.DataFrame, row: int = ROW_HEIGHT) -> int:
    return row * (len(table) + 1) + 3
