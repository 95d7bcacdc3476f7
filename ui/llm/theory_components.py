"""Question 1, the components of a transformer: the model's real architecture, read from the loaded
model (a diagram, its modules with their sizes, the share of parameters in each part), and the
tokens the student's sentence becomes."""

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from services.llm import transformer
from ui.format import number
from ui.llm.theory_charts import style
from ui.llm.theory_tokens import bytes_note, chips
from ui.session import tr

PARTS = ("embedding", "attention", "mlp", "norms")  # the output head shares the embedding's weights
ROW_HEIGHT = 35  # st.dataframe's row, in pixels: the table shows whole, without scrolling
COLOURS = {"embedding": "#f08c00", "attention": "#3b5bdb", "mlp": "#2f9e44", "norms": "#868e96"}


def draw(sentence: str) -> None:
    arch = transformer.architecture()
    st.markdown(f"**{tr('llm.tf.q1.tokens')}**")
    tokens = transformer.tokens(sentence)
    chips(tokens)
    bytes_note(sentence, tokens)
    st.markdown(f"**{tr('llm.tf.q1.model', name=arch['name'])}**")
    left, right = st.columns([2, 3])
    left.graphviz_chart(diagram(arch), width="stretch")
    with right:
        st.plotly_chart(shares_chart(arch), key="llm_tf_q1_shares")
        st.caption(
            tr("llm.tf.q1.shares_note", embedding=arch["share"]["embedding"] / arch["parameters"] * 100)
        )
    table = modules_table(arch)
    st.dataframe(table, hide_index=True, key="llm_tf_q1_modules", height=ROW_HEIGHT * (len(table) + 1) + 3)
    st.caption(tr("llm.tf.q1.table_note"))


def millions(count: int) -> str:
    return tr("llm.tf.millions", n=number(count / 1e6, 1))


def parameters(count: int) -> str:
    """Millions where they are many (28,3 млн), else the number itself (35 136)."""
    return millions(count) if count >= 100_000 else number(count)


def diagram(arch: dict) -> str:
    """The model top to bottom as Graphviz DOT: a token's way from its id to the next token's probabilities."""
    h, v, mlp = arch["hidden"], arch["vocab"], arch["mlp"]
    per_block = (arch["share"]["attention"] + arch["share"]["mlp"]) // arch["layers"]

    def node(name: str, label: str, colour: str = "#f1f3f5") -> str:
        text = label.replace('"', "'").replace("\n", "\\n")
        return f'{name} [label="{text}", fillcolor="{colour}"];'

    lines = [
        "digraph {",
        'graph [fontname="sans-serif", fontsize=11, nodesep=0.25, ranksep=0.25];',
        'node [shape=box, style="rounded,filled", fontname="sans-serif", fontsize=11, width=3.4];',
        "edge [arrowsize=0.6];",
        node("ids", tr("llm.tf.d.tokens", vocab=number(v))),
        node("embed", tr("llm.tf.d.embedding", vocab=number(v), hidden=h, params=millions(v * h)), "#ffe8cc"),
        "subgraph cluster_block {",
        f'label="{tr("llm.tf.d.block", layers=arch["layers"], params=millions(per_block))}"; '
        'labeljust="l"; style="rounded,dashed"; color="#868e96";',
        node("norm1", tr("llm.tf.d.norm")),
        node(
            "attn",
            tr(
                "llm.tf.d.attention",
                heads=arch["heads"],
                kv=arch["kv_heads"],
                d=arch["head_dim"],
                hidden=h,
                kv_size=arch["kv_heads"] * arch["head_dim"],
            ),
            "#dbe4ff",
        ),
        node("add1", "+"),
        node("norm2", tr("llm.tf.d.norm")),
        node("mlp", tr("llm.tf.d.mlp", hidden=h, mlp=mlp, act=arch["activation"]), "#d3f9d8"),
        node("add2", "+"),
        "}",
        node("norm", tr("llm.tf.d.final_norm")),
        node("head", tr("llm.tf.d.head", vocab=number(v), hidden=h), "#ffe8cc"),
        node("softmax", tr("llm.tf.d.softmax")),
        "add1 [shape=circle, width=0.3, fixedsize=true]; add2 [shape=circle, width=0.3, fixedsize=true];",
        "ids -> embed -> norm1 -> attn -> add1 -> norm2 -> mlp -> add2 -> norm -> head -> softmax;",
        # the residual connections: each block adds its sublayers' output to what came in
        'embed:e -> add1:e [style=dashed, color="#868e96"]; add1:e -> add2:e [style=dashed, color="#868e96"];',
        "}",
    ]
    return "\n".join(lines)


def shares_chart(arch: dict) -> go.Figure:
    """Where the parameters are: one bar per part, with its count and share."""
    total = arch["parameters"]
    names = [tr(f"llm.tf.part.{part}") for part in PARTS]
    counts = [arch["share"][part] for part in PARTS]
    figure = go.Figure(
        go.Bar(
            x=[c / 1e6 for c in counts],
            y=names,
            orientation="h",
            marker_color=[COLOURS[part] for part in PARTS],
            text=[share(c, total) for c in counts],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{x:.1f}<extra></extra>",
        )
    )
    figure.update_yaxes(autorange="reversed")
    figure.update_xaxes(title=tr("llm.tf.parameters"), range=[0, 1.45 * max(counts) / 1e6])
    return style(figure, tr("llm.tf.q1.shares", total=millions(total)), 280)


def share(count: int, total: int) -> str:
    fraction = 100 * count / total
    return tr("llm.tf.share", count=parameters(count), percent=number(fraction, 1 if fraction >= 1 else 2))


def modules_table(arch: dict) -> pd.DataFrame:
    """Every kind of module once, with its weight's shape and how many of it the model has."""
    rows = []
    for module in arch["modules"]:
        tied = module.get("tied_to")
        rows.append(
            {
                tr("llm.tf.col.module"): module["name"],
                tr("llm.tf.col.kind"): module["kind"],
                tr("llm.tf.col.shape"): " × ".join(str(size) for size in module["shape"]) or "—",
                tr("llm.tf.col.count"): module["count"],
                tr("llm.tf.col.parameters"): number(module["parameters"] * module["count"])
                if not tied
                else tr("llm.tf.tied", to=tied),
            }
        )
    return pd.DataFrame(rows)
