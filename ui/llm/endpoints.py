"""Where answers come from: the embedded local model and/or the models of an OpenAI-compatible server.

Settings found in the app's secrets or the environment fill the fields; a key the student
types stays in this session's memory and is never shown back.
"""

import os

import streamlit as st

from services.common.errors import UserError
from services.llm import endpoints, local_server
from ui.feedback import show_error
from ui.secrets import secrets
from ui.session import tr


def endpoint_settings() -> list[endpoints.Endpoint]:
    """The models to compare, as the student set them."""
    found = endpoints.configured(secrets(), os.environ)
    installed = local_server.available()
    left, right = st.columns([2, 3])
    with left.container(border=True):
        chosen = local_model(installed, found)
    with right.container(border=True):
        chosen += server_models(installed, found)
    return chosen


def local_model(installed: bool, found: dict) -> list[endpoints.Endpoint]:
    """The embedded model, on by default where it is installed and no server is configured."""
    st.markdown(f"**{tr('llm.local.title')}**")
    use = st.toggle(
        tr("llm.local.use", model=local_server.MODEL_NAME),
        value=installed and not found,
        disabled=not installed,
        key="llm_use_local",
        persist_state="session",
        help=tr("llm.local.help"),
    )
    if not installed:
        st.info(tr("llm.local.absent_help"), icon=":material/key:")
        return []
    if not use:
        return []
    # how many answers it writes at once: one per server of its pool, as a server's "In parallel"
    parallel = f"{tr('llm.remote.concurrency')}: {endpoints.LOCAL_CONCURRENCY}"
    st.caption(f"{tr(local_server.status_key())} {parallel}")
    return [endpoints.local_endpoint()]


def server_models(installed: bool, found: dict) -> list[endpoints.Endpoint]:
    """Models of an OpenAI-compatible server, each a column of the comparison."""
    st.markdown(f"**{tr('llm.remote.title')}**")
    use = st.toggle(
        tr("llm.remote.use"),
        value=bool(found) or not installed,
        key="llm_use_remote",
        persist_state="session",
    )
    if not use:
        return []
    url_col, key_col = st.columns(2)
    base_url = url_col.text_input(
        tr("llm.remote.base_url"),
        found.get("base_url", endpoints.DEFAULT_BASE_URL),
        key="llm_base_url",
        persist_state="session",
        help=tr("llm.remote.base_url_help"),
    )
    typed_key = key_col.text_input(
        tr("llm.remote.api_key"),
        type="password",
        key="llm_api_key",
        persist_state="session",
        help=tr("llm.remote.api_key_help"),
        placeholder=tr("llm.remote.key_from_settings") if found.get("api_key") else "",
    )
    models_col, concurrency_col = st.columns([3, 1])
    models = models_col.text_input(
        tr("llm.remote.models"),
        found.get("model", endpoints.DEFAULT_MODEL),
        key="llm_models",
        persist_state="session",
        help=tr("llm.remote.models_help"),
    )
    concurrency = concurrency_col.number_input(
        tr("llm.remote.concurrency"),
        1,
        16,
        endpoints.REMOTE_CONCURRENCY,
        key="llm_concurrency",
        persist_state="session",
        help=tr("llm.remote.concurrency_help"),
    )
    api_key = typed_key.strip() or found.get("api_key", "")
    try:
        server = endpoints.Endpoint("", endpoints.check_base_url(base_url), api_key, int(concurrency))
    except UserError as error:
        show_error(error)
        return []
    chosen = endpoints.per_model(server, models)
    if st.button(tr("llm.remote.test"), key="llm_test", icon=":material/cable:"):
        try_connection(chosen[0] if chosen else server)
    return chosen


def try_connection(endpoint: endpoints.Endpoint) -> None:
    try:
        offered = endpoints.list_models(endpoint)
    except UserError as error:
        show_error(error)
        return
    st.success(tr("llm.remote.ok", count=len(offered), models=", ".join(offered[:8])))
