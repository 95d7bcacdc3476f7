"""The PNG Info tab: the A1111 parameters an image carries (a PNG's text chunk, a JPEG's or WebP's
EXIF comment), and "Send to txt2img"."""

import pandas as pd
import streamlit as st

from services.common.errors import UserError
from services.diffusion import generate, infotext
from services.diffusion.models import ModelRef
from ui.diffusion.generate import FORM, fill_defaults, widget_key
from ui.diffusion.uploads import IMAGE_TYPES, kept_upload
from ui.feedback import show_error
from ui.session import tr


def tab(ref: ModelRef) -> None:
    upload = kept_upload(tr("sd.png.upload"), "png_file", IMAGE_TYPES, help=tr("sd.png.upload_help"))
    if upload is None:
        return
    _, data = upload
    try:
        text = infotext.read_parameters(data)
        parsed = infotext.parse_parameters(text) if text else {}
    except UserError as error:
        show_error(error)
        return
    left, right = st.columns([1, 2])
    left.image(data)
    with right:
        if not text:
            st.info(tr("sd.png.none"), icon=":material/info:")
            return
        st.code(text, language=None, wrap_lines=True)
        st.dataframe(
            pd.DataFrame({"field": list(parsed), "value": [str(v) for v in parsed.values()]}).rename(
                columns={"field": tr("sd.png.field"), "value": tr("sd.png.value")}
            ),
            hide_index=True,
            width="stretch",
        )
        st.button(
            tr("sd.png.send"),
            key="png_send",
            icon=":material/send:",
            on_click=_send_to_txt2img,
            args=(parsed, ref),
        )
    if st.session_state.pop("sdp_sent", False):
        st.success(tr("sd.png.sent"), icon=":material/check_circle:")


def _send_to_txt2img(parsed: dict, ref: ModelRef) -> None:
    """Copy what the form can hold; a value outside a widget's range is left as it was."""
    fill_defaults("t2i", ref)  # first, or a txt2img tab never opened would overwrite what is sent
    for field in FORM:  # A1111 writes no batch fields: they stay
        value = parsed.get(field)
        if value is not None and generate.accepts(field, value):
            st.session_state[widget_key("t2i", field)] = float(value) if field == "cfg_scale" else value
    st.session_state["sdp_sent"] = True
