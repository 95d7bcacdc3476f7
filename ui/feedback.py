"""Errors shown the same way on every page: the service's key in the user's language, never a traceback."""

import streamlit as st

from services.common.errors import UserError
from ui.session import tr


def show_error(error: UserError) -> None:
    st.error(tr(error.key, **error.params), icon=":material/error:")
