"""GenLab router: page config, navigation and the sidebar. Nothing else."""

import streamlit as st

from services.common import compute
from services.common.model_cache import RESIDENT
from services.gan import runs as gan_runs
from services.llm import local_server as llm_server
from ui.session import keep_in_url, language, language_switch, tr, variant

st.set_page_config(page_title="GenLab", page_icon=":material/science:", layout="wide")


@st.cache_resource(show_spinner=False)
def resume_interrupted_runs() -> list[str]:
    """Once per server process: GAN runs that trained when the server stopped go on from their checkpoint."""
    return gan_runs.resume_interrupted() if compute.torch_installed() else []


resume_interrupted_runs()

pages = [
    st.Page("app_pages/home.py", title=tr("nav.home"), icon=":material/home:", default=True),
    st.Page("app_pages/gan.py", title=tr("nav.gan"), icon=":material/palette:"),
    st.Page("app_pages/diffusion.py", title=tr("nav.diffusion"), icon=":material/blur_on:"),
    st.Page("app_pages/llm.py", title=tr("nav.llm"), icon=":material/forum:"),
]
page = st.navigation(pages)

with st.sidebar:
    language_switch()
    current = variant()
    st.caption(tr("sidebar.variant", number=current.number, name=current.name(language())))
    st.subheader(tr("sidebar.device"))
    if compute.torch_installed():
        key, params = compute.device_info()
        st.caption(tr(key, **params))
    else:
        st.caption(tr("sidebar.no_torch"))
    loaded = RESIDENT.labels() + gan_runs.GENERATORS.labels()
    local_llm = llm_server.sidebar_state()  # cheap: never starts the server
    if local_llm is not None:
        loaded.append(tr(local_llm[0], **local_llm[1]))
    st.caption(tr("sidebar.loaded") + ": " + (", ".join(loaded) if loaded else tr("sidebar.nothing_loaded")))

keep_in_url()
page.run()
