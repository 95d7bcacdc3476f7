"""The Theory tab: the manual's five control questions, each answered on a real small GPT
(SmolLM2-135M-Instruct, services/llm/transformer.py) for a sentence the student types.

The model loads in a background job the first time the tab opens (about half a minute on
a server that has never converted it, seconds later), so the page, and every other tab,
stays responsive meanwhile; the text answers show at once. Where the model cannot run
(Community Cloud has no torch), the text answers show with a note instead.
Each question's live part is a fragment: moving its sliders reruns that question only.
"""

import functools

import streamlit as st

import i18n
from services.common import jobs
from services.common.errors import UserError
from services.llm import transformer
from ui.feedback import show_error
from ui.format import duration, number
from ui.job_view import watch
from ui.llm import theory_attention, theory_components, theory_heads, theory_masks, theory_positions
from ui.questions import control_questions
from ui.session import tr

LOAD_JOB = "transformer-load"  # the job kind; one load per process, whichever session starts it
SENTENCE_KEY = "llm_tf_sentence"
QUESTIONS = {
    1: theory_components.draw,
    2: theory_attention.draw,
    3: theory_masks.draw,
    4: theory_positions.draw,
    5: theory_heads.draw,
}


def draw() -> None:
    if not transformer.available():
        st.info(tr("llm.tf.unavailable") + " " + tr("llm.tf.text_only"), icon=":material/info:")
        control_questions("llm", expanded=True)
        return
    if not transformer.loaded():
        loading()
        control_questions("llm", expanded=True)
        return
    sentence = sentence_input()
    try:
        transformer.tokens(sentence)  # an empty or too long sentence: say so once, here
    except UserError as error:
        show_error(error)
        control_questions("llm", expanded=True)
        return
    answers = {
        n: functools.partial(st.fragment(draw_answer), sentence) for n, draw_answer in QUESTIONS.items()
    }
    control_questions("llm", answers=answers, expanded=True)


def loading() -> None:
    """Start loading the model (unless a load is under way) and say so until it is in memory;
    then the page reruns and draws the live answers."""
    started = jobs.find(LOAD_JOB)  # newest first
    if started and started[0].state == jobs.FAILED:
        show_error(started[0].snapshot().error)
        st.button(tr("llm.tf.retry"), key="llm_tf_retry", icon=":material/refresh:", on_click=start_loading)
        return
    job = started[0] if started and not started[0].snapshot().finished else start_loading()
    note = "llm.tf.loading" if transformer.converted() else "llm.tf.loading_first"

    def render(snap: jobs.Snapshot) -> None:
        if not snap.finished:
            st.info(tr(note, elapsed=round(snap.elapsed_s)), icon=":material/hourglass_top:")
        elif snap.error:
            show_error(snap.error)

    watch(job, render)


def start_loading() -> jobs.Job:
    return jobs.start(LOAD_JOB, lambda job: transformer.load() and None)


def sentence_input() -> str:
    """The student's sentence; the default follows the language until they type their own."""
    default = tr("llm.tf.default_sentence")
    defaults = {i18n.t("llm.tf.default_sentence", lang) for lang in i18n.LANGS}
    if st.session_state.get(SENTENCE_KEY, default) in defaults:
        st.session_state[SENTENCE_KEY] = default
    sentence = st.text_input(
        tr("llm.tf.sentence"),
        key=SENTENCE_KEY,
        persist_state="session",
        help=tr("llm.tf.sentence_help", limit=transformer.MAX_TOKENS),
    )
    arch = transformer.architecture()
    st.caption(
        tr(
            "llm.tf.model",
            name=arch["name"],
            parameters=number(arch["parameters"] / 1e6, 1),
            seconds=duration(arch["load_seconds"]),
        )
    )
    return sentence
