"""How the model's tokens read on the page: as chips, as axis labels, in tables.

A token is text the student typed (or a piece the model predicts), so it is shown as text:
escaped in Markdown, HTML-escaped in Plotly labels. SmolLM2's vocabulary is byte-level:
a Cyrillic letter is two UTF-8 bytes, and where the vocabulary has no token holding the
whole letter, each byte is a token of its own, shown as ``\\xd0``.
"""

import html

import streamlit as st

from ui.format import number
from ui.safe_text import escaped
from ui.session import tr

EXAMPLES = 3  # split letters explained under the chips


def visible(text: str) -> str:
    """A token's text with its spaces and line breaks made visible (a leading space is part of a token)."""
    return text.replace(" ", "␣").replace("\n", "↵").replace("\t", "⇥")


def plot_text(text: str) -> str:
    """Text for a Plotly label or title, which reads a few HTML tags: shown as written instead."""
    return html.escape(text, quote=False)


def percent(probability: float) -> str:
    return tr("llm.tf.percent", p=100 * probability)


def chips(tokens: list[dict]) -> None:
    """One chip per token, in order: blue for whole characters, orange for a lone byte."""
    colour = {True: "blue", False: "orange"}
    st.markdown(" ".join(f":{colour[t['whole']]}-badge[{escaped(visible(t['text']))}]" for t in tokens))


def split_letters(sentence: str, tokens: list[dict]) -> list[dict]:
    """The letters of ``sentence`` that the tokenizer cut into bytes: ``letters``, their UTF-8
    ``bytes`` (as ``D0 A1``) and the ``positions`` of the byte tokens, in order."""
    groups: list[list[dict]] = []
    for token in tokens:
        if token["whole"]:
            continue
        if groups and groups[-1][-1]["position"] == token["position"] - 1:
            groups[-1].append(token)
        else:
            groups.append([token])
    found = []
    for group in groups:
        letters = sentence[group[0]["span"][0] : group[-1]["span"][1]].strip()
        found.append(
            {
                "letters": letters,
                "bytes": letters.encode("utf-8").hex(" ").upper(),
                "positions": [t["position"] for t in group],
            }
        )
    return found


def bytes_note(sentence: str, tokens: list[dict]) -> None:
    """How many tokens the sentence costs, and why some chips are bytes (with its own examples)."""
    words = len(sentence.split())
    st.caption(
        tr("llm.tf.tokens_count", tokens=len(tokens), words=words, per_word=len(tokens) / max(1, words))
    )
    split = split_letters(sentence, tokens)
    if not split:
        st.caption(tr("llm.tf.bytes_none"))
        return
    examples = "; ".join(
        tr(
            "llm.tf.bytes_example",
            letters=escaped(s["letters"]),
            bytes=s["bytes"],
            tokens=", ".join(str(p) for p in s["positions"]),
        )
        for s in split[:EXAMPLES]
    )
    st.caption(tr("llm.tf.bytes", count=len(split), examples=examples))


def prediction(token: dict) -> str:
    """A predicted token as a table cell: its visible text, and '(byte)' where it is half a letter."""
    text = visible(token["text"])
    return text if token["whole"] else tr("llm.tf.byte_token", text=text)


def prediction_with_probability(token: dict) -> str:
    return f"{prediction(token)} · {percent(token['probability'])}"


def scientific(value: float) -> str:
    """A tiny number as people write it: 3,1 × 10⁻⁷ (Ukrainian) or 3.1 × 10⁻⁷."""
    if value == 0:
        return "0"
    mantissa, exponent = f"{value:.1e}".split("e")
    superscript = str(int(exponent)).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))
    return f"{number(float(mantissa), 1)} × 10{superscript}"
