"""Question 2, how the generator turns noise into an image: for a seed, the feature maps after every
layer of the student's G, from the noise vector z to the picture, with sliders on the coordinates of z
that change this picture most. Question 4's table shows the same maps beside each layer.
"""

import math

import numpy as np
import streamlit as st
from PIL import Image

from services.common.errors import UserError
from services.gan import anatomy, model, runs
from services.gan.config import GanConfig
from ui.gan.questions_runs import chosen_run, no_run_note
from ui.gan.state import current_config
from ui.options import decimal
from ui.session import tr

SEEDS = 2**31 - 1
COORDINATES = 4  # sliders: the coordinates of z that change the picture most
MAPS = 8  # maps shown per layer: those with the most pattern
TILE = 56  # px: the height every layer's maps are drawn at, each pixel a square
SLIDER_RANGE = 3.0  # z's coordinates are N(0, 1): ±3 holds all but 0.3 % of them
SLIDER_VALUES = [round(0.1 * i, 1) for i in range(-30, 31)]  # a tenth apart, written the language's way


def draw() -> None:
    info = chosen_run()
    if info is None:
        no_run_note("q2")
        st.caption(tr("gan.qa.untrained"))
    cfg, key = source(info)
    seed = st.number_input(
        tr("common.seed"),
        0,
        SEEDS,
        value=0,
        key="gan_qa_seed",
        persist_state="session",
        help=tr("gan.qa.seed_help"),
    )
    found = current_stages(info)
    coordinates = _sensitive(key, cfg.to_dict(), int(seed))
    st.markdown(tr("gan.qa.sliders", n=len(coordinates)))
    base = anatomy.noise(cfg, int(seed))[0]
    tenths = decimal(decimals=1)  # -1,5 ... 2,0 in Ukrainian
    columns = st.columns(len(coordinates) + 1, vertical_alignment="bottom")
    for column, coordinate in zip(columns, coordinates, strict=False):
        column.select_slider(
            f"z[{coordinate}]",
            SLIDER_VALUES,
            value=_rounded(base[coordinate]),
            format_func=tenths,
            key=slider_key(int(seed), coordinate),
            persist_state="session",
        )
    columns[-1].button(
        tr("gan.qa.reset"),
        icon=":material/restart_alt:",
        key="gan_qa_reset",
        on_click=_reset,
        args=(int(seed),),
    )
    st.caption(tr("gan.qa.maps_help", maps=MAPS))
    for stage in found:
        left, right = st.columns([2, 5], vertical_alignment="center")
        left.markdown(f"**{tr('gan.qa.layer_number', n=stage.number)}** · `{stage.layer}`")
        left.caption(f"{' × '.join(map(str, stage.shape))} · {_caption(stage, found)}")
        shown = picture(stage, last=stage is found[-1])
        right.image(shown, width=shown.width)  # each pixel a square, as drawn


def source(info: runs.RunInfo | None) -> tuple[GanConfig, tuple]:
    """The config and the cache key of the generator the answers look into: the run's at its step, or
    the Model tab's untrained one."""
    if info is None:
        cfg = current_config()
        return cfg, ("untrained",)
    return GanConfig.from_dict(info.config), (info.id, info.step)


def current_stages(info: runs.RunInfo | None) -> list[anatomy.Stage]:
    """The feature maps for question 2's seed and sliders as they stand (question 4 draws them too)."""
    cfg, key = source(info)
    seed = int(st.session_state.get("gan_qa_seed", 0))
    base = anatomy.noise(cfg, seed)[0]
    changes = {}
    for coordinate in _sensitive(key, cfg.to_dict(), seed):
        value = st.session_state.get(slider_key(seed, coordinate))
        if value is not None and value != _rounded(base[coordinate]):  # moved off the seed's own value
            changes[coordinate] = value
    return _stages(key, cfg.to_dict(), seed, tuple(sorted(changes.items())))


def slider_key(seed: int, coordinate: int) -> str:
    return f"gan_qa_z_{seed}_{coordinate}"


def picture(stage: anatomy.Stage, last: bool = False, maps: int = MAPS, height: int = TILE) -> Image.Image:
    """A layer's output as a picture ``height`` px high (z and the image: larger): z as a square of its
    numbers, a hidden layer as its strongest maps side by side, the last layer as the image itself."""
    if stage.number == 0:
        side = math.ceil(math.sqrt(len(stage.maps)))
        values = np.full(side * side, np.nan)
        values[: len(stage.maps)] = stage.maps.ravel()
        return _coloured(values.reshape(side, side), "RdBu_r", -SLIDER_RANGE, SLIDER_RANGE, 2 * height)
    if last:
        pixels = ((np.clip(stage.maps, -1, 1) + 1) * 127.5).round().astype(np.uint8)
        image = Image.fromarray(pixels[0] if len(pixels) == 1 else pixels.transpose(1, 2, 0))
        return _enlarged(image, 3 * height)
    tiles = [_coloured(stage.maps[i], "magma", None, None, height) for i in stage.strongest(maps)]
    gap = max(2, height // 14)
    strip = Image.new("RGB", (sum(t.width for t in tiles) + gap * (len(tiles) - 1), tiles[0].height), "white")
    x = 0
    for tile in tiles:
        strip.paste(tile, (x, 0))
        x += tile.width + gap
    return strip


def _caption(stage: anatomy.Stage, found: list[anatomy.Stage]) -> str:
    if stage.number == 0:
        return tr("gan.qa.z_caption", n=len(stage.maps))
    if stage is found[-1]:
        return tr("gan.qa.image_caption")
    return tr("gan.qa.maps_caption", shown=min(MAPS, stage.shape[0]), total=stage.shape[0])


def _coloured(
    values: np.ndarray, colours: str, low: float | None, high: float | None, height: int
) -> Image.Image:
    """Numbers as colours (each map stretched over its own range unless ``low`` and ``high`` are given),
    scaled up to ``height`` px with each value a square."""
    from matplotlib import colormaps  # lazy: only questions draw with it

    low = np.nanmin(values) if low is None else low
    high = np.nanmax(values) if high is None else high
    scaled = (values - low) / max(high - low, 1e-6)
    rgba = colormaps[colours](np.nan_to_num(scaled, nan=0.5))
    rgba[np.isnan(values)] = (1, 1, 1, 1)  # the square's unused corner
    return _enlarged(Image.fromarray((rgba[:, :, :3] * 255).round().astype(np.uint8)), height)


def _enlarged(image: Image.Image, height: int) -> Image.Image:
    scale = max(1, height // image.height)
    return image.resize((image.width * scale, image.height * scale), Image.Resampling.NEAREST)


def _rounded(value) -> float:
    return float(np.clip(round(float(value), 1), -SLIDER_RANGE, SLIDER_RANGE))


def _reset(seed: int) -> None:
    for key in [key for key in st.session_state if str(key).startswith(f"gan_qa_z_{seed}_")]:
        del st.session_state[key]


def generator(key: tuple, cfg: dict):
    """The run's generator at its newest checkpoint, or the Model tab's untrained one."""
    if key == ("untrained",):
        return _untrained(cfg)
    try:
        return runs.load_generator(key[0])
    except UserError:  # the run's first checkpoint is still to come: its untrained start
        return _untrained(cfg)


@st.cache_resource(max_entries=4, show_spinner=False)
def _untrained(cfg: dict):
    return model.build(GanConfig.from_dict(cfg))[0].eval()


@st.cache_data(max_entries=64, show_spinner=False)
def _stages(key: tuple, cfg: dict, seed: int, changes: tuple) -> list[anatomy.Stage]:
    parsed = GanConfig.from_dict(cfg)
    return anatomy.stages(generator(key, cfg), parsed, anatomy.noise(parsed, seed, dict(changes)))


@st.cache_data(max_entries=64, show_spinner=False)
def _sensitive(key: tuple, cfg: dict, seed: int) -> list[int]:
    parsed = GanConfig.from_dict(cfg)
    return anatomy.sensitive_coordinates(generator(key, cfg), anatomy.noise(parsed, seed), COORDINATES)
