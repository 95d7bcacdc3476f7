"""The LoRA tab: the LoRA files every generation of this session applies, each at its weight."""

import streamlit as st

from services.common.errors import UserError
from services.diffusion import demo, lora
from services.diffusion.models import ModelRef
from ui.feedback import show_error
from ui.options import decimal_slider, labels
from ui.safe_text import escaped
from ui.session import tr

SOURCES = ("upload", "path")


def tab(ref: ModelRef) -> None:
    st.caption(tr("sd.lora.about"))
    chosen = st.session_state.setdefault("sdp_loras", [])  # the generation form reads them from here
    source = st.radio(
        tr("sd.lora.source"),
        SOURCES,
        format_func=labels("sd.lora.src"),
        horizontal=True,
        key="lora_source",
        persist_state="session",
    )
    a, b, c = st.columns([4, 2, 1], vertical_alignment="bottom")
    if source == "upload":
        file = a.file_uploader(
            tr("sd.lora.upload"), type=["safetensors"], key="lora_file", help=tr("sd.lora.upload_help")
        )
    else:
        path = a.text_input(
            tr("sd.lora.path"), key="lora_path", help=tr("sd.lora.path_help"), persist_state="session"
        )
    weight = float(
        decimal_slider(
            tr("sd.lora.weight"),
            *lora.WEIGHT_RANGE,
            0.05,
            into=b,
            value=0.8,
            key="lora_weight",
            persist_state="session",
        )
    )
    if c.button(tr("sd.lora.add"), key="lora_add", icon=":material/add:"):
        try:
            if source == "path":
                _add(chosen, lora.on_server(path, weight))
            elif file is None:
                raise UserError("sd.exp.err.need_lora_file")
            else:
                _add(chosen, lora.check(lora.save_upload(file.name, file.getvalue()), weight))
        except UserError as error:
            show_error(error)
    if ref.is_tiny:  # the demo model has a demo LoRA, so the tab can be tried offline
        row = st.container(horizontal=True, vertical_alignment="center")
        row.caption(tr("sd.lora.demo_help"))
        if row.button(tr("sd.lora.demo"), key="lora_demo", icon=":material/auto_fix_high:"):
            try:
                with st.spinner(tr("sd.lora.demo_building")):  # once per machine, a few seconds
                    _add(chosen, lora.check(demo.tiny_lora(), weight))
            except UserError as error:
                show_error(error)
    if not chosen:
        st.info(tr("sd.lora.none"), icon=":material/info:")
    for number, item in enumerate(list(chosen)):
        left, right = st.columns([6, 1], vertical_alignment="center")
        left.markdown(tr("sd.lora.item", name=escaped(item.name), weight=item.weight))
        if right.button(tr("sd.lora.remove"), key=f"lora_rm_{number}", icon=":material/close:"):
            chosen.remove(item)
            st.rerun()


def _add(chosen: list, item: lora.Lora) -> None:
    """Add a LoRA; the same file added again only takes the new weight."""
    for number, known in enumerate(chosen):
        if known.path == item.path:
            chosen[number] = item
            return
    chosen.append(item)
