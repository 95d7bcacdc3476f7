"""Uploads that outlive their tab.

``st.file_uploader`` has no ``persist_state``: it forgets its file whenever its tab is
closed. So each upload is copied into the session when the student picks it, and stays
there until the student removes it from the uploader or picks another.
"""

import streamlit as st

from ui.session import tr


def kept_upload(label: str, key: str, types: list[str], help: str | None = None) -> tuple[str, bytes] | None:
    """The file uploaded here, now or before the tab was last closed, as (name, content); or None."""
    st.file_uploader(label, type=types, key=key, help=help, on_change=_keep, args=(key,))
    kept = st.session_state.get(_kept_key(key))
    if kept is not None and st.session_state.get(key) is None:  # the uploader was redrawn empty
        st.caption(tr("sd.upload.kept", name=kept[0]))
    return kept


def _keep(key: str) -> None:
    file = st.session_state.get(key)
    if file is None:  # the student removed the file
        st.session_state.pop(_kept_key(key), None)
    else:
        st.session_state[_kept_key(key)] = (file.name, file.getvalue())


def _kept_key(key: str) -> str:
    return f"{key}_kept"
