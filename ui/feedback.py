"""Errors shown the same way on every page: the service's key in the user's language, never a traceback."""

import streamlit as st

from services.common.errors import UserError
from ui.safe_text import escaped_params
from ui.session import tr


def show_error(error: UserError) -> None:
    """The message, with what it quotes (a file name, a server's reply) shown as written."""
    st.error(tr(error.key, **escaped_params(error.params)), icon=":material/error:")
