"""Placeholder until the lab is built."""

import streamlit as st

from ui.session import tr

st.title(tr("nav.gan"))
