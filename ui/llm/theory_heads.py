"""Question 5, multi-head attention: heads with recognisable jobs (looking one token back, resting
on the first token) side by side on the student's sentence, and the prediction with one head
switched off."""

import streamlit as st

from services.llm import transformer
from ui.llm.theory_charts import attention_map, pick_head, probability_bars
from ui.llm.theory_tokens import percent
from ui.session import tr

KEY = "llm_tf_q5"
SHOWN = 3  # heads of each kind drawn side by side


@st.cache_data(show_spinner=False)
def roles() -> dict:
    """Which heads do which job, measured once per process on the service's own sentences."""
    return transformer.head_roles()


@st.cache_data(max_entries=8, show_spinner=False)
def switched_off(sentence: str, layer: int, head: int) -> dict:
    return transformer.ablate(sentence, layer, head)


def draw(sentence: str) -> None:
    found = roles()
    weights = transformer.attention(sentence)["weights"]
    labels = [t["label"] for t in transformer.tokens(sentence)]
    for kind in ("previous", "first"):
        st.markdown(f"**{tr(f'llm.tf.q5.{kind}')}**")
        for column, picked in zip(st.columns(SHOWN), found[f"{kind}_heads"][:SHOWN], strict=False):
            layer, head = picked["layer"], picked["head"]
            title = tr("llm.tf.q5.head_title", layer=layer, head=head, score=percent(picked["score"]))
            column.plotly_chart(
                attention_map(weights[layer, head], labels, title, compact=True),
                key=f"{KEY}_{kind}_{layer}_{head}",
            )
        st.caption(tr(f"llm.tf.q5.{kind}_note"))
    st.divider()
    ablation(sentence, found["previous_heads"][0])


def ablation(sentence: str, default: dict) -> None:
    st.markdown(f"**{tr('llm.tf.q5.off')}**")
    arch = transformer.architecture()
    layer, head = pick_head(KEY, arch["layers"], arch["heads"], (default["layer"], default["head"]))
    result = switched_off(sentence, layer, head)
    x_max = max(t["probability"] for t in result["before"] + result["after"])
    on, off = st.columns(2)
    on.plotly_chart(probability_bars(result["before"], tr("llm.tf.q5.on_title"), x_max), key=f"{KEY}_on")
    off.plotly_chart(
        probability_bars(
            result["after"], tr("llm.tf.q5.off_title", layer=layer, head=head), x_max, colour="#e8590c"
        ),
        key=f"{KEY}_off",
    )
    changed = tr("llm.tf.q5.top_changed") if result["top_changed"] else tr("llm.tf.q5.top_same")
    st.caption(
        tr(
            "llm.tf.q5.off_note",
            logit=result["logit_change"],
            change=percent(result["prediction_change"]),
            top=changed,
            heads=arch["layers"] * arch["heads"],
        )
    )
