"""The app's secrets (``.streamlit/secrets.toml`` or Community Cloud's settings), read in one place.

They are passed to services as a plain dict and never written anywhere."""

import streamlit as st
from streamlit.errors import StreamlitSecretNotFoundError


def secrets() -> dict:
    """All secrets as a dict; empty when the app has no secrets file."""
    try:
        return dict(st.secrets)
    except StreamlitSecretNotFoundError:
        return {}
