"""Question 3, GPT against other transformers: the same tokens under GPT's causal mask and under an
encoder's full (bidirectional) mask, what each does to next-token prediction, and the model's
real top next tokens after the sentence."""

import pandas as pd
import streamlit as st

from services.llm import transformer
from ui.llm.theory_charts import WIDE_FROM, attention_map, pick_head, probability_bars
from ui.llm.theory_tokens import prediction, prediction_with_probability
from ui.session import tr

KEY = "llm_tf_q3"
ROW_HEIGHT = 35  # st.dataframe's row, in pixels
HIT = {True: "✓", False: "✗"}


@st.cache_data(max_entries=8, show_spinner=False)
def compare(sentence: str, layer: int, head: int) -> dict:
    """Both runs for a sentence and head (the unmasked run is an extra forward pass: kept)."""
    return transformer.causal_vs_bidirectional(sentence, layer, head)


def draw(sentence: str) -> None:
    arch = transformer.architecture()
    layer, head = pick_head(KEY, arch["layers"], arch["heads"])
    view = compare(sentence, layer, head)
    labels = [t["label"] for t in view["tokens"]]
    compact = len(labels) >= WIDE_FROM  # two long maps side by side: the pattern, not the labels
    causal, full = st.columns(2)
    causal.plotly_chart(
        attention_map(
            view["causal_weights"], labels, tr("llm.tf.q3.causal", layer=layer, head=head), compact=compact
        ),
        key=f"{KEY}_causal",
    )
    full.plotly_chart(
        attention_map(
            view["bidirectional_weights"],
            labels,
            tr("llm.tf.q3.full", layer=layer, head=head),
            causal=False,
            compact=compact,
        ),
        key=f"{KEY}_full",
    )
    st.caption(tr("llm.tf.q3.note"))
    if view["predicted"]:  # a one-token sentence has no next token of its own to check
        one, other = st.columns(2)
        one.metric(
            tr("llm.tf.q3.causal_hits"),
            tr("llm.tf.q3.hits", hits=view["causal_hits"], total=view["predicted"]),
        )
        other.metric(
            tr("llm.tf.q3.full_hits"),
            tr("llm.tf.q3.hits", hits=view["bidirectional_hits"], total=view["predicted"]),
        )
        table = predictions_table(view, labels)
        st.dataframe(
            table, hide_index=True, key=f"{KEY}_table", height=ROW_HEIGHT * (min(len(table), 12) + 1) + 3
        )
        st.caption(tr("llm.tf.q3.table_note"))
    top = transformer.next_tokens(sentence, transformer.TOP_K)
    st.plotly_chart(probability_bars(top, tr("llm.tf.q3.next")), key=f"{KEY}_next")
    st.caption(tr("llm.tf.q3.next_note"))


def predictions_table(view: dict, labels: list[str]) -> pd.DataFrame:
    """At every position: the token that really comes next, and each run's top guess for it."""
    rows = []
    for row in view["positions"][:-1]:  # the last position has no next token to check
        actual = view["tokens"][row["position"] + 1]["id"]
        guesses = {}
        for run in ("causal", "bidirectional"):
            best = row[run][0]
            guesses[run] = f"{HIT[best['id'] == actual]} {prediction_with_probability(best)}"
        rows.append(
            {
                tr("llm.tf.col.position"): labels[row["position"]],
                tr("llm.tf.col.actual"): prediction(view["tokens"][row["position"] + 1]),
                tr("llm.tf.col.causal"): guesses["causal"],
                tr("llm.tf.col.bidirectional"): guesses["bidirectional"],
            }
        )
    return pd.DataFrame(rows)
