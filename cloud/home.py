"""Home of the cloud edition: pick the variant, open the LLM lab."""

import streamlit as st

from services import variants
from ui.session import language, set_variant, tr, variant

lang = language()
st.title(tr("app.title"))
st.write(tr("llm.cloud.intro"))
current = variant()
st.selectbox(
    tr("home.pick_variant"),
    [v.number for v in variants.VARIANTS],
    index=current.number - 1,
    format_func=lambda n: f"{n}. {variants.get(n).name(lang)}",
    key="home_variant",
    on_change=lambda: set_variant(st.session_state.home_variant),
)
with st.container(border=True):
    st.subheader(f":material/forum: {tr('home.lab3.title')}")
    st.write(tr("home.lab3.text"))
    st.page_link("../pages/llm.py", label=tr("home.open"), icon=":material/arrow_forward:")
st.info(tr("home.report"), icon=":material/description:")
