"""Lab 1 config: what makes a run, what follows from it, and what the Model tab starts from."""

import pytest

from i18n import TABLE
from services.common.errors import UserError
from services.gan import config
from services.gan.config import GanConfig
from tests.gan.tiny import tiny


@pytest.mark.parametrize(
    ("field", "value", "key"),
    [
        ("size", 16, "gan.config.size"),
        ("size", 32.0, "gan.config.size"),
        ("channels", 2, "gan.config.channels"),
        ("lr_g", -1e-4, "gan.config.lr"),
        ("lr_d", 0.0, "gan.config.lr"),
        ("lr_d", float("nan"), "gan.config.lr"),
        ("k", 0, "gan.config.k"),
        ("batch", 1, "gan.config.batch"),
        ("batch", True, "gan.config.batch"),
        ("iterations", 0, "gan.config.iterations"),
        ("iterations", "100", "gan.config.iterations"),
        ("beta1", 1.0, "gan.config.beta"),
        ("loss", "wasserstein", "gan.config.loss"),
        ("label_smoothing", 0.5, "gan.config.smoothing"),
        ("depth", 3, "gan.config.depth"),  # 28 px halves only twice (7 -> 14 -> 28)
        ("depth", 0, "gan.config.depth"),
        ("seed", -1, "gan.config.seed"),
        ("sample_every", 0, "gan.config.sample_every"),
        ("latent", "100", "gan.config.latent"),
        ("precision", "fp8", "gan.config.precision"),
    ],
)
def test_invalid_config_raises_a_translated_error(field, value, key):
    with pytest.raises(UserError) as error:
        tiny(**{field: value}).check()
    assert error.value.key == key
    uk, en = TABLE[key]
    assert uk.format(**error.value.params) and en.format(**error.value.params)


def test_config_round_trips_through_a_dict_and_ignores_unknown_keys():
    cfg = tiny(k=2, loss="minimax", label_smoothing=0.1)
    assert GanConfig.from_dict({**cfg.to_dict(), "from_a_newer_version": 1}) == cfg
    assert GanConfig().check().loss == "nonsaturating"


@pytest.mark.parametrize(
    ("iterations", "sample_every", "eval_every"),
    [(40, 10, 50), (200, 10, 50), (1000, 50, 200), (2000, 100, 250), (10_000_000, 100, 250)],
)
def test_snapshot_intervals_follow_the_run_length(iterations, sample_every, eval_every):
    """Often enough to watch a short demo, rarely enough not to slow a long run."""
    cfg = GanConfig(iterations=iterations)
    assert (cfg.sample_every, cfg.eval_every, cfg.checkpoint_every) == (sample_every, eval_every, eval_every)


def test_intervals_given_or_saved_are_kept():
    cfg = GanConfig(iterations=1000, sample_every=7, eval_every=11, checkpoint_every=13)
    assert (cfg.sample_every, cfg.eval_every, cfg.checkpoint_every) == (7, 11, 13)
    cfg.iterations += 5000  # a run extended later keeps the intervals it was saved with
    assert GanConfig.from_dict(cfg.to_dict()).sample_every == 7


@pytest.mark.parametrize(("size", "depth", "first_side"), [(28, 2, 7), (32, 3, 4), (64, 4, 4)])
def test_depth_follows_the_size(size, depth, first_side):
    cfg = GanConfig(size=size)
    assert config.max_depth(size) == depth
    assert (cfg.layers, cfg.start_side) == (depth, first_side)
    assert GanConfig(size=size, depth=1).start_side == size // 2


def test_the_model_tab_defaults_are_a_valid_config():
    assert config.DEFAULT.check().iterations == 1000
    assert set(config.HYPERPARAMETERS) < set(config.DEFAULT.to_dict())
    for name, options in (("lr_g", config.LEARNING_RATES), ("g_width", config.WIDTHS)):
        assert getattr(config.DEFAULT, name) in options
    assert config.DEFAULT.batch in config.BATCHES and config.DEFAULT.beta2 in config.BETA2S


def test_for_data_makes_the_config_of_the_model_tab():
    choices = {name: getattr(config.DEFAULT, name) for name in config.HYPERPARAMETERS}
    cfg = config.for_data(64, 3, {**choices, "depth": 4, "iterations": 200})
    assert (cfg.size, cfg.channels, cfg.depth, cfg.sample_every) == (64, 3, 4, 10)
    # a depth picked for 64 px is more than 28 px allows: the deepest for 28 px instead
    assert config.for_data(28, 1, {**choices, "depth": 4}).check().depth == 2
    assert config.for_data(32, 1, {**choices, "depth": None}).depth == 3


def test_every_variant_starts_from_a_valid_config_the_model_tab_can_show():
    from services.common import variants

    for variant in variants.VARIANTS:
        choices = config.defaults_for(variant)
        assert set(choices) == set(config.HYPERPARAMETERS), variant.number
        cfg = config.for_data(variant.size, variant.channels, choices).check()
        assert cfg.lr_g in config.LEARNING_RATES and cfg.lr_d in config.LEARNING_RATES
        assert cfg.g_width in config.WIDTHS and cfg.batch in config.BATCHES
    digits, shapes = config.defaults_for(variants.get(6)), config.defaults_for(variants.get(1))
    assert digits["lr_d"] < digits["lr_g"]  # measured: at equal rates D wins on the small digits set
    assert shapes["iterations"] > config.DEFAULT.iterations  # measured: 1000 iterations miss classes
