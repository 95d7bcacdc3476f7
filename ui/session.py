"""Per-session choices that every page reads: the language, the student's variant, and who they are.

Language and variant live in ``st.session_state`` and are mirrored into the URL
(``?lang=en&variant=3``) so a reload or a shared link keeps them. Who they are (the owner
of the work they start) is a random token kept in a cookie of their browser, so a reload
keeps it and a link shared with someone else does not pass it on.
"""

import streamlit as st

import i18n
from services.common import owners, variants
from ui.secrets import secrets

OWNER_COOKIE = "genlab_owner"
INSTRUCTOR_SECRET = "GENLAB_INSTRUCTOR_PASSWORD"
# the browser keeps the token for a year; SameSite=Strict: it is never sent with another site's request
_REMEMBER = st.components.v2.component(
    "genlab_owner_cookie",
    js=f"""
export default function({{ data }}) {{
  document.cookie = `{OWNER_COOKIE}=${{data[0]}}; path=/; max-age=31536000; SameSite=Strict`;
}}
""",
)


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
            st.session_state.variant_chosen = "variant" in st.query_params  # a link that names one
        except ValueError:
            st.session_state.variant = 1
    return variants.get(st.session_state.variant)


def set_variant(number: int) -> None:
    st.session_state.variant = variants.get(number).number
    st.session_state.variant_chosen = True
    st.query_params["variant"] = str(number)


def variant_chosen() -> bool:
    """Has the student picked a variant (on Home, or through a link that names one)?"""
    variant()
    return st.session_state.get("variant_chosen", False)


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


def actor() -> owners.Actor:
    """Who this session is: the owner of the work it starts, and whether an instructor unlocked."""
    if "owner_token" not in st.session_state:
        cookie = st.context.cookies.get(OWNER_COOKIE) if st.context.cookies else None
        st.session_state.owner_token = cookie if owners.is_token(cookie) else owners.new_token()
    return owners.Actor.from_token(st.session_state.owner_token, st.session_state.get("instructor", False))


def remember_browser() -> None:
    """Keep this session's token in the browser, so a reload is the same owner (the sidebar draws it).

    Not on the session's first page run: nothing can be owned before the first click, and the
    cookie's script would hold up the first page (~0.2 s). Nor where the browser sent it already."""
    actor()
    token = st.session_state.owner_token
    if (st.context.cookies or {}).get(OWNER_COOKIE) == token:
        return
    if not st.session_state.get("drawn_once"):
        st.session_state.drawn_once = True
        return
    # a list goes to the browser as JSON; a bare string would first be checked for a dataframe,
    # importing pandas (~0.5 s)
    _REMEMBER(data=[token], key="owner_cookie")


def instructor_login() -> None:
    """The sidebar's instructor unlock, shown only where a password is configured in the secrets."""
    configured = secrets().get(INSTRUCTOR_SECRET)
    if not configured:
        return
    if st.session_state.get("instructor"):
        st.caption(tr("sidebar.instructor_on"))
        if st.button(tr("sidebar.instructor_leave"), key="instructor_leave", icon=":material/logout:"):
            st.session_state.instructor = False
            st.rerun()
        return
    with st.expander(tr("sidebar.instructor"), icon=":material/school:"):
        typed = st.text_input(tr("sidebar.instructor_password"), type="password", key="instructor_password")
        if st.button(tr("sidebar.instructor_enter"), key="instructor_enter"):
            if owners.instructor_password_ok(typed, configured):
                st.session_state.instructor = True
                st.session_state.pop("instructor_password", None)
                st.rerun()
            st.error(tr("sidebar.instructor_wrong"), icon=":material/error:")
