"""The Model tab: Algorithm 1, the hyperparameters, and the layer tables of G and D they make."""

import pandas as pd
import streamlit as st

from services.common.errors import UserError
from services.gan import config, model
from ui.feedback import show_error
from ui.gan.names import rate
from ui.gan.state import apply_defaults, current_config, data_format
from ui.options import decimal, decimal_slider, labels
from ui.session import tr, variant


def draw() -> None:
    st.caption(tr("gan.model.algorithm_link"))
    with st.expander(tr("gan.model.algorithm"), icon=":material/function:"):
        st.markdown(tr("gan.model.algorithm_text"))
    st.button(
        tr("gan.model.defaults", number=variant().number),
        icon=":material/restart_alt:",
        key="gan_model_defaults",
        help=tr("gan.model.defaults_help"),
        on_click=apply_defaults,
    )
    first, second, third = st.columns(3)
    with first:
        _training_length()
    with second:
        _networks()
    with third:
        _optimisation()

    cfg = current_config()
    try:
        cfg.check()
    except UserError as error:
        show_error(error)
        return
    tables = _architecture(cfg.to_dict())
    st.caption(tr("gan.model.format", size=cfg.size, channels=cfg.channels))
    for column, part in zip(st.columns(2), ("g", "d"), strict=True):
        rows, count = tables[part]
        with column:
            st.subheader(tr(f"gan.model.{part}"))
            st.caption(tr("gan.model.params", n=count))
            st.dataframe(_layer_frame(rows), hide_index=True, width="stretch")


def _training_length() -> None:
    """Iterations, minibatch m, k and the latent size."""
    _setting(
        st.number_input, "iterations", "gan.hp.iterations", "gan.hp.iterations_help", 1, 1_000_000, step=100
    )
    _setting(st.select_slider, "batch", "gan.hp.batch", "gan.hp.batch_help", config.BATCHES)
    _setting(st.number_input, "k", "gan.hp.k", "gan.hp.k_help", 1, 20)
    _setting(st.number_input, "latent", "gan.hp.latent", "gan.hp.latent_help", 2, 512, step=8)


def _networks() -> None:
    """Widths and depth of G and D, and their learning rates."""
    _setting(st.select_slider, "g_width", "gan.hp.g_width", "gan.hp.g_width_help", config.WIDTHS)
    _setting(st.select_slider, "d_width", "gan.hp.d_width", "gan.hp.d_width_help", config.WIDTHS)
    depths = range(1, config.max_depth(data_format()[0]) + 1)
    _setting(st.select_slider, "depth", "gan.hp.depth", "gan.hp.depth_help", depths)
    rates = config.LEARNING_RATES
    _setting(st.select_slider, "lr_g", "gan.hp.lr_g", "gan.hp.lr_help", rates, format_func=rate)
    _setting(st.select_slider, "lr_d", "gan.hp.lr_d", "gan.hp.lr_help", rates, format_func=rate)


def _optimisation() -> None:
    """The generator's loss, Adam's betas, label smoothing and the seed."""
    loss = labels("gan.loss")
    _setting(st.radio, "loss", "gan.hp.loss", "gan.hp.loss_help", config.LOSSES, format_func=loss)
    _setting(decimal_slider, "beta1", "gan.hp.beta1", "gan.hp.beta_help", 0.0, 0.95, 0.05)
    _setting(
        st.select_slider, "beta2", "gan.hp.beta2", "gan.hp.beta_help", config.BETA2S, format_func=decimal()
    )
    _setting(
        decimal_slider,
        "label_smoothing",
        "gan.hp.label_smoothing",
        "gan.hp.label_smoothing_help",
        0.0,
        0.3,
        0.05,
    )
    _setting(st.number_input, "seed", "common.seed", "gan.hp.seed_help", 0, 2**31 - 1)


def _setting(widget, name: str, label_key: str, help_key: str, *args, **options) -> None:
    """The widget of ``GanConfig.<name>``: its value starts as the variant's default (state.py)
    and keeps what the student picks across tabs and pages."""
    widget(tr(label_key), *args, key=f"gan_hp_{name}", help=tr(help_key), persist_state="session", **options)


@st.cache_data(max_entries=32, show_spinner=False)
def _architecture(cfg: dict) -> dict:
    """Layer tables and parameter counts of G and D for a config (built on the CPU, cached)."""
    parsed = config.GanConfig.from_dict(cfg)
    generator, discriminator = model.build(parsed)
    return {
        "g": (model.layer_table(generator, parsed), model.parameter_count(generator)),
        "d": (model.layer_table(discriminator, parsed), model.parameter_count(discriminator)),
    }


def _layer_frame(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            tr("gan.col.layer"): [
                tr("gan.col.input") if i == 0 else row["layer"] for i, row in enumerate(rows)
            ],
            tr("gan.col.output"): [" × ".join(map(str, row["output_shape"])) for row in rows],
            tr("gan.col.params"): [row["params"] for row in rows],
        }
    )
