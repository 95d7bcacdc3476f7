"""Per-session choices that every page reads: the language and the student's variant.

Both live in ``st.session_state`` and are mirrored into the URL (``?lang=en&variant=3``)
so a reload or a shared link keeps them.
"""

import streamlit as st

import i18n
from services.common import variants


def language() -> str:
    if "lang" not in st.session_state:
        locale = getattr(st.context, "locale", None)
        st.session_state.lang = i18n.pick_language(st.query_params.get("lang"), locale)
    return st.session_state.lang


def set_language(lang: str | None) -> None:
    if lang not in i18n.LANGS:  # a segmented control can be clicked off: keep the language
        return
    st.session_state.lang = lang
    st.query_params["lang"] = lang


def tr(key: str, **params) -> str:
    """The text for ``key`` in this session's language."""
    return i18n.t(key, language(), **params)


def variant() -> variants.Variant:
    if "variant" not in st.session_state:
        try:
            number = int(st.query_params.get("variant", 1))
            st.session_state.variant = variants.get(number).number
        except ValueError:
            st.session_state.variant = 1
    return variants.get(st.session_state.variant)


def set_variant(number: int) -> None:
    st.session_state.variant = variants.get(number).number
    st.query_params["variant"] = str(number)


def keep_in_url() -> None:
    """Page switches drop query parameters; put the session's choices back."""
    st.query_params["lang"] = language()
    st.query_params["variant"] = str(variant().number)


def language_switch() -> None:
    """The sidebar's language control."""
    st.segmented_control(
        tr("sidebar.language"),
        i18n.LANGS,
        default=language(),
        format_func=i18n.LANG_NAMES.get,
        key="lang_switch",
        on_change=lambda: set_language(st.session_state.lang_switch),
    )


def variant_picker() -> variants.Variant:
    """The home page's variant choice (1-10), made once for every lab; returns the current variant."""
    current, lang = variant(), language()  # format_func may run later, outside this session
    st.selectbox(
        tr("home.pick_variant"),
        [v.number for v in variants.VARIANTS],
        index=current.number - 1,
        format_func=lambda n: f"{n}. {variants.get(n).name(lang)}",
        key="home_variant",
        on_change=lambda: set_variant(st.session_state.home_variant),
    )
    return current
