"""Home: what the three labs are, and the student's variant, picked once for all labs."""

import pandas as pd
import streamlit as st

from services import variants
from ui.session import language, set_variant, tr, variant

lang = language()
st.title(tr("app.title"))
st.write(tr("home.intro"))

current = variant()
st.selectbox(
    tr("home.pick_variant"),
    [v.number for v in variants.VARIANTS],
    index=current.number - 1,
    format_func=lambda n: f"{n}. {variants.get(n).name(lang)}",
    key="home_variant",
    on_change=lambda: set_variant(st.session_state.home_variant),
)
st.success(tr("home.variant_saved", number=current.number), icon=":material/check_circle:")

labs = [
    ("home.lab1.title", "home.lab1.text", "pages/gan.py", ":material/palette:"),
    ("home.lab2.title", "home.lab2.text", "pages/diffusion.py", ":material/blur_on:"),
    ("home.lab3.title", "home.lab3.text", "pages/llm.py", ":material/forum:"),
]
for column, (title, text, target, icon) in zip(st.columns(3), labs, strict=True):
    with column.container(border=True):
        st.subheader(f"{icon} {tr(title)}")
        st.write(tr(text))
        st.page_link(target, label=tr("home.open"), icon=":material/arrow_forward:")

st.subheader(tr("home.variants_table"))
table = pd.DataFrame(
    {
        tr("home.col.number"): [v.number for v in variants.VARIANTS],
        tr("home.col.subject"): [v.name(lang) for v in variants.VARIANTS],
        tr("home.col.dataset"): [v.kaggle_url for v in variants.VARIANTS],
        tr("home.col.native"): [v.native for v in variants.VARIANTS],
        tr("home.col.train"): [
            f"{v.size}px, {'RGB' if v.channels == 3 else 'gray'}" for v in variants.VARIANTS
        ],
    }
)
st.dataframe(
    table,
    hide_index=True,
    width="stretch",
    column_config={tr("home.col.dataset"): st.column_config.LinkColumn(display_text=r"datasets/(.*)$")},
)
st.info(tr("home.report"), icon=":material/description:")
