"""Inpaint's mask and A1111's inpaint options.

The mask is painted with a brush over the picture, as in A1111, drawn as a rectangle, or
uploaded as a file. The brush canvas (streamlit-drawable-konva) only paints strokes, so each
stroke is baked into the mask this session keeps as soon as it arrives: the canvas then
starts empty again over the picture with the mask in red. That makes the eraser (a stroke
that clears), undo and clear act on the mask itself, whatever the canvas can do.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import numpy as np
import streamlit as st
from PIL import Image, ImageChops, ImageDraw, ImageFilter

from services.diffusion import inpaint
from ui.diffusion.uploads import uploaded_image
from ui.options import labels
from ui.session import tr

PAINT, ERASE = "rgba(255, 0, 60, 0.6)", "rgba(255, 255, 255, 0.75)"  # the brush's colour on the canvas
RED = (255, 0, 60)  # the mask's tint over the picture, outlined in white so it shows on any colour
CANVAS_PX = 512  # the canvas's longer side at zoom ×1; a picture of another size is scaled to it
ZOOMS = (1.0, 1.5, 2.0, 3.0)
BRUSH_RANGE = (1, 256)  # px of the picture
UNDO_STEPS = 30


@dataclass
class Brushed:
    """The mask painted so far over one picture, the masks before each stroke, and the strokes baked in."""

    picture: str  # the picture's fingerprint: another picture starts a new mask
    mask: np.ndarray  # bool, the picture's height × width: True is repainted
    undo: list[np.ndarray] = field(default_factory=list)
    baked: set[str] = field(default_factory=set)  # the canvas's ids of strokes already in the mask
    scale: float = 1.0  # canvas px to a picture px on the canvas last shown, whose strokes come in


def options(image: Image.Image) -> dict:
    """The mask over ``image`` and A1111's inpaint options, as GenRequest fields (mask None: none yet)."""
    mask = _mask(image)
    return {"mask": mask} | _inpaint_options()


def _mask(image: Image.Image) -> Image.Image | None:
    """The part to repaint, white on black: painted, drawn as a rectangle or uploaded."""
    how = st.radio(
        tr("sd.inp.mask_source"),
        ("brush", "rect", "upload"),
        format_func=labels("sd.inp.mask"),
        horizontal=True,
        key="inp_mask_source",
        persist_state="session",
    )
    if how == "brush":
        return _brush(image)
    mask = uploaded_image(tr("sd.inp.mask_file"), "inp_mask_file") if how == "upload" else _rectangle(image)
    if mask is None:
        return None
    mask = mask.convert("L").resize(image.size)
    st.image(_overlay(image, mask), caption=tr("sd.inp.preview"), width=320)
    return mask


def _brush(image: Image.Image) -> Image.Image | None:
    """A brush over the picture: paint or erase, its size, undo, clear and zoom; the mask in red."""
    state = _brushed(image)
    _bake(state, st.session_state.get("inp_canvas"))  # first: Undo below knows the newest stroke
    a, b, c = st.columns([2, 3, 2], vertical_alignment="bottom")
    mode = a.segmented_control(
        tr("sd.inp.tool"),
        ("paint", "erase"),
        default="paint",
        required=True,
        format_func=labels("sd.inp.tool"),
        key="inp_tool",
        persist_state="session",
    )
    size = b.slider(
        tr("sd.inp.brush_size"),
        *BRUSH_RANGE,
        24,
        key="inp_brush_size",
        help=tr("sd.inp.brush_size_help"),
        persist_state="session",
    )
    zoom = c.select_slider(
        tr("sd.inp.zoom"),
        ZOOMS,
        format_func=lambda z: f"×{z:g}",
        key="inp_zoom",
        help=tr("sd.inp.zoom_help"),
        persist_state="session",
    )
    undo, clear, _ = st.columns([1, 1, 3])
    undo.button(
        tr("sd.inp.undo"),
        key="inp_undo",
        icon=":material/undo:",
        on_click=_undo,
        args=(state,),
        disabled=not state.undo,
    )
    clear.button(
        tr("sd.inp.clear"), key="inp_clear", icon=":material/delete:", on_click=_clear, args=(state,)
    )
    state.scale = CANVAS_PX * zoom / max(image.size)
    _canvas(image, state, mode, size)
    st.caption(tr("sd.inp.brush_help"))
    return Image.fromarray(state.mask.astype(np.uint8) * 255) if state.mask.any() else None


def _canvas(image: Image.Image, state: Brushed, mode: str, size: int) -> None:
    """The canvas over the picture with the mask in red, at ``state.scale``; it starts without strokes
    whenever the mask changes (a new background resets it)."""
    from streamlit_drawable_konva import st_canvas  # lazy: only the brush needs the component

    scale = state.scale
    width, height = round(image.width * scale), round(image.height * scale)
    shown = _overlay(image, Image.fromarray(state.mask.astype(np.uint8) * 255), (width, height))
    st_canvas(
        stroke_width=max(1, round(size * scale)),
        stroke_color=ERASE if mode == "erase" else PAINT,
        background_image=shown,
        width=width,
        height=height,
        drawing_mode="freedraw",
        display_toolbar=False,  # its buttons are English only and would undo strokes already baked in
        enable_viewport_controls=False,  # the mouse wheel scrolls the page; zoom is the slider above
        key="inp_canvas",
    )


def _bake(state: Brushed, canvas) -> None:
    """Draw the strokes the canvas sent that the mask lacks: a paint stroke adds, an eraser stroke clears."""
    for stroke in _strokes(canvas):
        if stroke.get("type") != "freedraw" or stroke.get("id") in state.baked:
            continue
        state.baked.add(stroke["id"])
        state.undo = (state.undo + [state.mask.copy()])[-UNDO_STEPS:]
        drawn = Image.fromarray(state.mask.astype(np.uint8) * 255)
        fill = 0 if stroke.get("stroke") == ERASE else 255
        points, width = stroke.get("points", []), stroke.get("strokeWidth", 1)
        _stroke(ImageDraw.Draw(drawn), points, width, state.scale, fill)
        state.mask = np.asarray(drawn) > 127


def _stroke(draw: ImageDraw.ImageDraw, points: list, width: float, scale: float, fill: int) -> None:
    """A brush stroke at the picture's scale: a line of the brush's width, round at its ends and bends."""
    xy = [(x / scale, y / scale) for x, y in zip(points[::2], points[1::2], strict=False)]
    radius = width / scale / 2
    draw.line(xy, fill=fill, width=max(1, round(2 * radius)))
    for x, y in xy:
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=fill)


def _brushed(image: Image.Image) -> Brushed:
    """This session's brush mask for ``image``; a new picture starts an empty one."""
    fingerprint = hashlib.sha256(image.tobytes()).hexdigest()[:16]
    state = st.session_state.get("inp_brushed")
    if state is None or state.picture != fingerprint:
        state = Brushed(fingerprint, np.zeros((image.height, image.width), dtype=bool))
        state.baked = _stroke_ids(st.session_state.get("inp_canvas"))  # strokes on another picture stay out
        st.session_state["inp_brushed"] = state
    return state


def _stroke_ids(canvas) -> set[str]:
    return {stroke.get("id") for stroke in _strokes(canvas)}


def _strokes(canvas) -> list[dict]:
    """The objects on the canvas, as its state in the session holds them (a dict; None before it is drawn)."""
    scene = (canvas or {}).get("json_data") or {}
    return scene.get("objects", [])


def _undo(state: Brushed) -> None:
    state.mask = state.undo.pop()


def _clear(state: Brushed) -> None:
    if state.mask.any():
        state.undo = (state.undo + [state.mask.copy()])[-UNDO_STEPS:]
        state.mask = np.zeros_like(state.mask)


def _rectangle(image: Image.Image) -> Image.Image:
    """A white rectangle on black, from two range sliders in percent of the picture."""
    st.caption(tr("sd.inp.rect_help"))
    a, b = st.columns(2)
    x0, x1 = a.slider(tr("sd.inp.x_range"), 0, 100, (30, 70), key="inp_mx", persist_state="session")
    y0, y1 = b.slider(tr("sd.inp.y_range"), 0, 100, (30, 70), key="inp_my", persist_state="session")
    w, h = image.size
    mask = Image.new("L", image.size, 0)
    ImageDraw.Draw(mask).rectangle([x0 * w // 100, y0 * h // 100, x1 * w // 100, y1 * h // 100], fill=255)
    return mask


def _overlay(image: Image.Image, mask: Image.Image, size: tuple[int, int] | None = None) -> Image.Image:
    """The picture at ``size`` (its own by default) with the masked part tinted red and outlined in white."""
    size = size or image.size
    image, mask = image.resize(size), mask.convert("L").resize(size, Image.NEAREST)
    shown = Image.composite(Image.blend(image, Image.new("RGB", size, RED), 0.6), image, mask)
    edge = ImageChops.difference(mask.filter(ImageFilter.MaxFilter(3)), mask.filter(ImageFilter.MinFilter(3)))
    shown.paste((255, 255, 255), mask=edge)
    return shown


def _inpaint_options() -> dict:
    """A1111's inpaint settings: mask blur, masked content, inpaint area and its padding."""
    st.session_state.setdefault("inp_masked_content", "original")
    content = st.radio(
        tr("sd.inp.masked_content"),
        inpaint.MASKED_CONTENT,
        format_func=labels("sd.inp.content"),
        horizontal=True,
        key="inp_masked_content",
        help=tr("sd.inp.masked_content_help"),
        persist_state="session",
    )
    a, b, c = st.columns(3)
    blur = a.slider(
        tr("sd.inp.mask_blur"),
        *inpaint.MASK_BLUR_RANGE,
        4,
        key="inp_mask_blur",
        help=tr("sd.inp.mask_blur_help"),
        persist_state="session",
    )
    area = b.radio(
        tr("sd.inp.area"),
        ("whole", "masked"),
        format_func=labels("sd.inp.area"),
        horizontal=True,
        key="inp_area",
        help=tr("sd.inp.area_help"),
        persist_state="session",
    )
    padding = c.slider(
        tr("sd.inp.padding"),
        *inpaint.PADDING_RANGE,
        32,
        key="inp_padding",
        help=tr("sd.inp.padding_help"),
        disabled=area != "masked",
        persist_state="session",
    )
    return {
        "mask_blur": int(blur),
        "masked_content": content,
        "only_masked": area == "masked",
        "padding": int(padding),
    }
