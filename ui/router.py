"""The router that app.py runs on every page view: page config, navigation and the sidebar."""

from pathlib import Path

import streamlit as st

import i18n
from services.common import compute
from services.common.model_cache import RESIDENT
from services.gan import runs
from services.llm import local_server, transformer
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
    uploader_in_ukrainian()
    page.run()


def warm_up() -> None:
    """What the first page view would do before it draws, done as the server starts: (importing
    this module) the router's imports, Streamlit's emoji table (segmented controls read it), the
    languages' number and plural rules, the favicon's image format and the MIME types."""
    import mimetypes

    import streamlit.emojis  # noqa: F401
    from PIL import PngImagePlugin  # noqa: F401

    mimetypes.init()
    for lang in i18n.LANGS:
        i18n.format.plural(2, ["", "", ""], lang)
        i18n.format.number(0.5, lang)


def uploader_in_ukrainian() -> None:
    """Streamlit draws its file uploader's button and size limit in English only: in Ukrainian,
    their text is hidden (font size 0) and the translation shown in its place."""
    if language() != "uk":
        return
    limit = tr("upload.limit", mb=st.get_option("server.maxUploadSize"))
    button = tr("upload.button")
    st.html(
        "<style>"
        "[data-testid='stFileUploaderDropzone'] button, [data-testid='stFileUploaderDropzone'] button * "
        "{font-size: 0}"
        f"[data-testid='stFileUploaderDropzone'] button::after {{content: '{button}'; font-size: 0.875rem}}"
        "[data-testid='stFileUploaderDropzoneInstructions'] span {font-size: 0}"
        f"[data-testid='stFileUploaderDropzoneInstructions'] span::after {{content: '{limit}'; font-size: 0.875rem}}"
        "</style>"
    )


def sidebar() -> None:
    language_switch()
    current = variant()
    st.caption(tr("sidebar.variant", number=current.number, name=current.name(language())))
    st.subheader(tr("sidebar.device"))
    if compute.torch_installed():
        key, params = compute.device_info_cheap()  # never imports torch: the first page stays fast
        st.caption(tr(key, **params))
    else:
        st.caption(tr("sidebar.no_torch"))
    loaded = RESIDENT.labels() + runs.GENERATORS.labels() + transformer.resident()
    local_llm = local_server.sidebar_state()  # cheap: never starts the server
    if local_llm is not None:
        loaded.append(tr(local_llm[0], **local_llm[1]))
    names = (
        escaped(", ".join(loaded)) if loaded else tr("sidebar.nothing_loaded")
    )  # run titles are the students'
    st.caption(tr("sidebar.loaded") + ": " + names)
    instructor_login()
    remember_browser()
