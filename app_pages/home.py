"""Home: what the three labs are, and the student's variant, picked once for all labs."""

import streamlit as st

from services.common import variants
from ui.session import language, tr, variant_chosen, variant_picker

lang = language()
st.title(tr("app.title"))
st.write(tr("home.intro"))

current = variant_picker()
if variant_chosen():
    st.success(tr("home.variant_saved", number=current.number), icon=":material/check_circle:")
else:
    st.info(tr("home.variant_default", number=current.number), icon=":material/info:")

labs = [
    ("home.lab1.title", "home.lab1.text", "app_pages/gan.py", ":material/palette:"),
    ("home.lab2.title", "home.lab2.text", "app_pages/diffusion.py", ":material/blur_on:"),
    ("home.lab3.title", "home.lab3.text", "app_pages/llm.py", ":material/forum:"),
]
for column, (title, text, target, icon) in zip(st.columns(3), labs, strict=True):
    with column.container(border=True):
        st.subheader(f"{icon} {tr(title)}")
        st.write(tr(text))
        st.page_link(target, label=tr("home.open"), icon=":material/arrow_forward:")

st.subheader(tr("home.variants_table"))
header = [
    tr(k)
    for k in ("home.col.number", "home.col.subject", "home.col.dataset", "home.col.native", "home.col.train")
]
rows = [
    f"| {v.number} | {v.name(lang)} | [`{v.kaggle}`]({v.kaggle_url}) | {v.native(lang)} "
    f"| {v.size} px, {'RGB' if v.channels == 3 else tr('home.gray')} |"
    for v in variants.VARIANTS
]
st.markdown("\n".join(["| " + " | ".join(header) + " |", "|---:|---|---|---|---|", *rows]))
st.info(tr("home.report"), icon=":material/description:")
