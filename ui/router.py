"""The router that app.py runs on every page view: page config, navigation and the sidebar."""

from pathlib import Path

import streamlit as st

from services.common import compute
from services.common.model_cache import RESIDENT
from services.gan import runs
from services.llm import local_server
from ui.safe_text import escaped
from ui.session import instructor_login, keep_in_url, language, language_switch, remember_browser, tr, variant

FAVICON = str(Path(__file__).with_name("favicon.png"))  # a file, not an icon font fetched from the web


def route() -> None:
    st.set_page_config(page_title="GenLab", page_icon=FAVICON, layout="wide")
    page = st.navigation(
        {
            "": [st.Page("app_pages/home.py", title=tr("nav.home"), icon=":material/home:", default=True)],
            tr("nav.labs"): [
                st.Page("app_pages/gan.py", title=tr("nav.gan"), icon=":material/palette:"),
                st.Page("app_pages/diffusion.py", title=tr("nav.diffusion"), icon=":material/blur_on:"),
                st.Page("app_pages/llm.py", title=tr("nav.llm"), icon=":material/forum:"),
            ],
        }
    )
    with st.sidebar:
        sidebar()
    keep_in_url()
    page.run()


def sidebar() -> None:
    language_switch()
    current = variant()
    st.caption(tr("sidebar.variant", number=current.number, name=current.name(language())))
    st.subheader(tr("sidebar.device"))
    if compute.torch_installed():
        key, params = compute.device_info()
        st.caption(tr(key, **params))
    else:
        st.caption(tr("sidebar.no_torch"))
    loaded = RESIDENT.labels() + runs.GENERATORS.labels()
    local_llm = local_server.sidebar_state()  # cheap: never starts the server
    if local_llm is not None:
        loaded.append(tr(local_llm[0], **local_llm[1]))
    names = (
        escaped(", ".join(loaded)) if loaded else tr("sidebar.nothing_loaded")
    )  # run titles are the students'
    st.caption(tr("sidebar.loaded") + ": " + names)
    instructor_login()
    remember_browser()
