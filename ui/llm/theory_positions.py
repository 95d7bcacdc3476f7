"""Question 4, positional encoding: the model's rotary encoding (RoPE) beside the sinusoidal one of
the first transformer, and the student's words shuffled: what changes in attention and in the
next-token prediction."""

import plotly.graph_objects as go
import streamlit as st

from services.llm import transformer
from ui.llm.theory_charts import WIDE_FROM, attention_map, encoding_map, probability_bars, style
from ui.llm.theory_tokens import percent, visible
from ui.safe_text import escaped
from ui.session import tr

KEY = "llm_tf_q4"
LENGTHS = (16, 32, 64, 128, 256)
SEED_KEY = f"{KEY}_seed"  # which shuffle: a button press draws the next one


@st.cache_data(max_entries=8, show_spinner=False)
def shuffle(sentence: str, seed: int) -> dict:
    return transformer.shuffled(sentence, seed=seed)


def draw(sentence: str) -> None:
    encodings()
    st.divider()
    shuffled_words(sentence)


def encodings() -> None:
    length = st.select_slider(
        tr("llm.tf.q4.length"), LENGTHS, value=64, key=f"{KEY}_length", persist_state="session"
    )
    rope = transformer.rotary(length)
    half = rope["head_dim"] // 2  # RoPE turns pairs: (i, i + d/2) share one angle
    left, right = st.columns(2)
    left.plotly_chart(
        encoding_map(
            rope["cos"][:, :half],
            tr("llm.tf.q4.rope", theta=int(rope["theta"]), d=rope["head_dim"]),
            tr("llm.tf.q4.pair"),
        ),
        key=f"{KEY}_rope",
    )
    right.plotly_chart(
        encoding_map(
            transformer.sinusoidal(length, rope["head_dim"]),
            tr("llm.tf.q4.sinusoidal"),
            tr("llm.tf.q4.feature"),
        ),
        key=f"{KEY}_sinusoidal",
    )
    st.caption(tr("llm.tf.q4.encodings_note"))
    st.plotly_chart(similarity_chart(rope["similarity"]), key=f"{KEY}_similarity")
    st.caption(tr("llm.tf.q4.similarity_note"))


def similarity_chart(similarity) -> go.Figure:
    figure = go.Figure(
        go.Scatter(
            x=list(range(len(similarity))),
            y=similarity,
            mode="lines",
            line={"color": "#3b5bdb", "width": 2.5},
            hovertemplate="%{x}: %{y:.3f}<extra></extra>",
        )
    )
    figure.update_xaxes(title=tr("llm.tf.q4.distance"))
    figure.update_yaxes(title=tr("llm.tf.q4.similarity_axis"))
    return style(figure, tr("llm.tf.q4.similarity"), 300)


def shuffled_words(sentence: str) -> None:
    st.session_state.setdefault(SEED_KEY, 0)
    text, again = st.columns([4, 1], vertical_alignment="bottom")
    if again.button(tr("llm.tf.q4.again"), key=f"{KEY}_again", icon=":material/shuffle:"):
        st.session_state[SEED_KEY] += 1
    view = shuffle(sentence, st.session_state[SEED_KEY])
    if not view["moved"]:
        text.info(tr("llm.tf.q4.too_few_words"), icon=":material/info:")
        return
    text.markdown(tr("llm.tf.q4.shuffled", text=escaped(view["text"])))
    layer, head = view["layer"], view["head"]
    labels = [t["label"] for t in view["tokens"]]
    moved = [f"{i}:{visible(t)}" for i, t in enumerate(view["shuffled_tokens"])]  # unique, as labels
    compact = len(labels) >= WIDE_FROM
    left, right = st.columns(2)
    left.plotly_chart(
        attention_map(
            view["original"], labels, tr("llm.tf.q4.original_map", layer=layer, head=head), compact=compact
        ),
        key=f"{KEY}_original",
    )
    right.plotly_chart(
        attention_map(
            view["shuffled"], moved, tr("llm.tf.q4.shuffled_map", layer=layer, head=head), compact=compact
        ),
        key=f"{KEY}_moved",
    )
    st.caption(
        tr(
            "llm.tf.q4.attention_note",
            layer=layer,
            head=head,
            change=percent(float(view["change"][layer, head])),
            mean=percent(float(view["change"].mean())),
            heads=view["change"].size,
        )
    )
    before, after = view["next"]["original"], view["next"]["shuffled"]
    x_max = max(t["probability"] for t in before + after)
    left, right = st.columns(2)
    left.plotly_chart(
        probability_bars(before, tr("llm.tf.q4.next_original"), x_max), key=f"{KEY}_next_original"
    )
    right.plotly_chart(
        probability_bars(after, tr("llm.tf.q4.next_shuffled"), x_max, colour="#e8590c"),
        key=f"{KEY}_next_moved",
    )
    st.caption(tr("llm.tf.q4.prediction_note", change=percent(view["prediction_change"])))
