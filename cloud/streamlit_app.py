"""Streamlit Community Cloud entrypoint: only the LLM lab (and a short home page), no torch.

Deploy with main file ``cloud/streamlit_app.py``; Community Cloud then installs
``cloud/requirements.txt`` (the light list beside this file) instead of the full one.
Models answer through an OpenAI-compatible API whose settings come from the app's
secrets: ``OPENAI_API_KEY`` and optionally ``OPENAI_BASE_URL`` and ``OPENAI_MODEL``.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # streamlit puts only this file's folder on the path

import streamlit as st  # noqa: E402

from ui.session import keep_in_url, language, language_switch, tr, variant  # noqa: E402

st.set_page_config(page_title="GenLab · LLM", page_icon=":material/forum:", layout="wide")

LLM_PAGE = st.Page(ROOT / "app_pages" / "llm.py", title=tr("nav.llm"), icon=":material/forum:")
page = st.navigation(
    [
        st.Page(ROOT / "cloud" / "home.py", title=tr("nav.home"), icon=":material/home:", default=True),
        LLM_PAGE,
    ]
)

with st.sidebar:
    language_switch()
    current = variant()
    st.caption(tr("sidebar.variant", number=current.number, name=current.name(language())))

keep_in_url()
page.run()
