"""The manual's five control questions of a lab, each with its answer, drawn the same way in every lab."""

from collections.abc import Callable

import streamlit as st

from ui.session import tr

QUESTIONS = range(1, 6)


def control_questions(
    prefix: str, answers: dict[int, Callable[[], None]] | None = None, expanded: bool = False
) -> None:
    """Questions ``<prefix>.q.<n>`` with answers ``<prefix>.a.<n>``; ``answers[n]``, where given,
    draws something to look at under the text of answer n."""
    with st.expander(tr("common.control_questions"), icon=":material/quiz:", expanded=expanded):
        for number in QUESTIONS:
            st.markdown(f"**{number}. {tr(f'{prefix}.q.{number}')}**")
            st.markdown(tr(f"{prefix}.a.{number}"))
            if answers and number in answers:
                answers[number]()
