"""Home of the cloud edition: pick the variant, open the LLM lab."""

import streamlit as st

from ui.session import tr, variant_picker

st.title(tr("app.title"))
st.write(tr("llm.cloud.intro"))
variant_picker()
with st.container(border=True):
    st.subheader(f":material/forum: {tr('home.lab3.title')}")
    st.write(tr("home.lab3.text_cloud"))
    st.page_link("../app_pages/llm.py", label=tr("home.open"), icon=":material/arrow_forward:")
st.info(tr("home.report"), icon=":material/description:")
