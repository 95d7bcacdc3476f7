"""Question 2, how attention works in GPT: the model's attention map for a chosen layer and head,
and that head's arithmetic for one token with the actual numbers, checked against the model."""

import math

import pandas as pd
import streamlit as st

from services.llm import transformer
from ui.format import number
from ui.llm.theory_charts import WIDE_FROM, attention_map, pick_head
from ui.llm.theory_tokens import scientific
from ui.safe_text import escaped
from ui.session import tr

KEY = "llm_tf_q2"
SHOWN = 6  # numbers of a 64-number vector written out
ROW_HEIGHT = 35  # st.dataframe's row, in pixels: up to 14 tokens the table shows whole
AGREES = 1e-4  # the hand computation "is" the model's when they differ by less than this


def draw(sentence: str) -> None:
    arch = transformer.architecture()
    tokens = transformer.tokens(sentence)
    labels = [t["label"] for t in tokens]
    pickers, token_picker = st.columns([2, 1])
    with pickers:
        layer, head = pick_head(KEY, arch["layers"], arch["heads"])
    token = pick_token(token_picker, labels)
    weights = transformer.attention(sentence)["weights"][layer, head]
    # a long sentence's map takes the whole width, and the arithmetic follows below it
    left, right = st.columns([1, 1]) if len(labels) < WIDE_FROM else (st.container(), st.container())
    left.plotly_chart(
        attention_map(weights, labels, tr("llm.tf.map_title", layer=layer, head=head), highlight=token),
        key=f"{KEY}_map",
    )
    left.caption(tr("llm.tf.q2.map_note"))
    with right:
        step_by_step(sentence, layer, head, token, labels)


def pick_token(column, labels: list[str]) -> int:
    """The query token whose arithmetic is shown; the last one unless picked (and still there)."""
    key = f"{KEY}_token"
    if st.session_state.get(key) not in range(len(labels)):
        st.session_state[key] = len(labels) - 1
    return column.selectbox(
        tr("llm.tf.q2.token"),
        range(len(labels)),
        format_func=labels.__getitem__,
        key=key,
        persist_state="session",
    )


def vector(values) -> str:
    shown = "; ".join(number(float(x), 3) for x in values[:SHOWN])
    return f"[{shown}; …]"


def step_by_step(sentence: str, layer: int, head: int, token: int, labels: list[str]) -> None:
    step = transformer.step_by_step(sentence, layer, head, token)
    arch = transformer.architecture()
    d = step["head_dim"]
    st.markdown(
        tr(
            "llm.tf.q2.steps_title",
            token=escaped(labels[token]),
            layer=layer,
            head=head,
            kv=step["kv_head"],
            group=arch["heads"] // arch["kv_heads"],
        )
    )
    st.markdown(tr("llm.tf.q2.step1", d=d, q=vector(step["q"]), k=vector(step["k"][token])))
    st.markdown(tr("llm.tf.q2.step2", d=d, root=number(math.sqrt(d), 0)))
    st.latex(r"w_j = \mathrm{softmax}_j\!\left(\frac{q \cdot k_j}{\sqrt{d}} + m_j\right),\quad d = " + str(d))
    st.dataframe(
        steps_table(step, labels),
        hide_index=True,
        key=f"{KEY}_steps",
        height=ROW_HEIGHT * (min(len(labels), 14) + 1) + 3,
    )
    st.markdown(tr("llm.tf.q2.step3", out=vector(step["output"]), model=vector(step["model_output"])))
    gap = step["max_difference"]
    if gap < AGREES:
        st.success(tr("llm.tf.q2.matches", gap=scientific(gap)), icon=":material/check_circle:")
    else:
        st.warning(tr("llm.tf.q2.differs", gap=scientific(gap)), icon=":material/warning:")


def steps_table(step: dict, labels: list[str]) -> pd.DataFrame:
    """One row per key token j: q·k, scaled, the mask, the softmax weight, and the model's own weight."""
    minus_infinity = "−∞"
    rows = []
    for j, label in enumerate(labels):
        visible_now = j <= step["token"]
        rows.append(
            {
                tr("llm.tf.col.key_token"): label,
                tr("llm.tf.col.score"): number(float(step["scores"][j]), 3),
                tr("llm.tf.col.scaled"): number(float(step["scaled"][j]), 3),
                tr("llm.tf.col.mask"): "0" if visible_now else minus_infinity,
                tr("llm.tf.col.weight"): number(float(step["weights"][j]), 4),
                tr("llm.tf.col.model_weight"): number(float(step["model_weights"][j]), 4),
            }
        )
    return pd.DataFrame(rows)
