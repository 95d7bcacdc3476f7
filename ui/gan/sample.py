"""The Sample tab: a grid from any seed of a trained run, and walks through its latent space."""

import streamlit as st

from services.common.errors import UserError
from services.gan import data, model, runs
from services.gan.config import GanConfig
from ui.gan.pictures import enlarged, png_bytes
from ui.gan.state import pick_run
from ui.session import tr

SEEDS = 2**31 - 1


def draw() -> None:
    info = pick_run("gan_sample_run")
    if info is None:
        return
    try:
        generator = runs.load_generator(info.id)
    except UserError as error:  # no checkpoint yet: the first one comes within a minute of training
        st.info(tr(error.key, **error.params), icon=":material/hourglass_top:")
        return
    cfg = GanConfig.from_dict(info.config)
    _grid(info, generator, cfg)
    _interpolation(info, generator, cfg)


def _grid(info: runs.RunInfo, generator, cfg: GanConfig) -> None:
    st.subheader(tr("gan.sample.grid"))
    n_col, seed_col = st.columns(2)
    n = n_col.select_slider(
        tr("gan.sample.n"), (8, 16, 32, 64), value=32, key="gan_sample_n", persist_state="session"
    )
    seed = seed_col.number_input(
        tr("common.seed"), 0, SEEDS, value=0, key="gan_sample_seed", persist_state="session"
    )
    grid = enlarged(data.to_pil_grid(model.sample(generator, cfg, int(seed), n), nrow=8))
    st.image(grid, caption=tr("gan.sample.caption", n=n, seed=seed))
    st.download_button(
        tr("common.download_png"),
        png_bytes(grid),
        file_name=f"gan_{info.id}_seed{seed}.png",
        mime="image/png",
        icon=":material/download:",
        key="gan_sample_png",
    )


def _interpolation(info: runs.RunInfo, generator, cfg: GanConfig) -> None:
    """The straight line and the great circle between the noise of two seeds."""
    st.subheader(tr("gan.sample.interp"))
    st.caption(tr("gan.sample.interp_help"))
    a_col, b_col, steps_col = st.columns(3)
    seed_a = a_col.number_input(
        tr("gan.sample.seed_a"), 0, SEEDS, value=1, key="gan_seed_a", persist_state="session"
    )
    seed_b = b_col.number_input(
        tr("gan.sample.seed_b"), 0, SEEDS, value=2, key="gan_seed_b", persist_state="session"
    )
    steps = steps_col.slider(
        tr("gan.sample.steps"), 3, 16, value=10, key="gan_interp_steps", persist_state="session"
    )
    for mode in model.INTERPOLATIONS:
        images = model.interpolate(generator, cfg, int(seed_a), int(seed_b), steps, mode)
        strip = enlarged(data.to_pil_grid(images, nrow=steps))
        st.image(strip, caption=tr(f"gan.sample.{mode}"))
        st.download_button(
            f"{tr('common.download_png')} · {tr(f'gan.sample.{mode}')}",
            png_bytes(strip),
            file_name=f"gan_{info.id}_{mode}_{seed_a}-{seed_b}.png",
            mime="image/png",
            icon=":material/download:",
            key=f"gan_interp_png_{mode}",
        )
