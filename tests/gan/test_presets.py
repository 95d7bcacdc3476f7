"""One-click runs of Lab 1's control questions: contrasts that each change one setting, and a preset
that collapses on purpose, judged by the same collapse measure as every run."""

import pytest

from services.common import jobs
from services.common.errors import UserError
from services.common.owners import Actor
from services.gan import collapse, data, presets, runs
from services.gan.config import GanConfig
from services.gan.model import sample
from services.gan.trainer import Trainer
from tests.gan.tiny import tiny

ME = Actor("e" * 32)  # the student of these tests
SOMEONE = Actor("f" * 32)

pytestmark = pytest.mark.usefixtures("one_torch_thread")

SHAPES = {"kind": "builtin", "name": "shapes", "limit": 120}


def test_each_contrast_changes_one_setting_of_a_short_copy():
    cfg = GanConfig(size=32, channels=1, g_width=32, d_width=32, iterations=2500, seed=4)
    configs = presets.contrast_configs(cfg)
    assert list(configs) == list(presets.CONTRASTS)
    base = configs["base"]
    assert base.iterations == presets.SHORT > collapse.JUDGED_FROM
    assert base.to_dict() | {"iterations": 2500} == cfg.to_dict() | _spacing(base)
    changed = {
        name: {key for key, value in other.to_dict().items() if value != base.to_dict()[key]}
        for name, other in configs.items()
    }
    assert changed == {
        "base": set(),
        "lr_high": {"lr_g", "lr_d"},
        "lr_low": {"lr_g", "lr_d"},
        "batch": {"batch"},
        "k": {"k"},
        "narrow": {"g_width", "d_width"},
        "loss": {"loss"},
    }
    assert configs["lr_high"].lr_g == pytest.approx(10 * cfg.lr_g)
    assert configs["lr_low"].lr_d == pytest.approx(cfg.lr_d / 10)
    assert (configs["narrow"].g_width, configs["k"].k, configs["loss"].loss) == (8, 3, "minimax")


def _spacing(cfg: GanConfig) -> dict:
    return {name: getattr(cfg, name) for name in ("sample_every", "eval_every", "checkpoint_every")}


def test_the_collapse_preset_collapses_on_the_built_in_shapes_where_its_base_does_not(tmp_path):
    """Both trained to the first iteration a verdict is given at, measured as every run is."""
    real = data.load_builtin("shapes", 32, 1, count=600)
    monitor = collapse.Monitor(real.images, real.labels, real.class_names, probe_dir=tmp_path)
    base = GanConfig(size=32, channels=1, g_width=16, d_width=16)
    verdicts = {}
    for name, cfg in (("base", presets.short(base, {})), ("preset", presets.collapse_config(base))):
        trainer = Trainer(cfg, real.images, device="cpu")
        trainer.steps(collapse.JUDGED_FROM)
        fakes = sample(trainer.generator, cfg, cfg.seed + 1, runs.EVAL_SAMPLES)
        verdicts[name] = monitor.measure(fakes, trainer.step_count)
    assert verdicts["preset"]["collapsed"] is True, verdicts["preset"]
    assert verdicts["preset"]["diversity"] < collapse.COLLAPSE_DIVERSITY  # near-copies of one picture
    assert verdicts["base"]["collapsed"] is False, verdicts["base"]
    assert verdicts["base"]["diversity"] > 2 * verdicts["preset"]["diversity"]


def test_one_click_runs_train_on_the_data_of_a_run_for_whoever_clicked(stop_training):
    first = runs.create(tiny(iterations=20), SHAPES, title="mine", owner=SOMEONE.owner, images=120)
    collapsing = presets.start_collapse(first, ME, title="collapse")
    info = runs.run_info(collapsing)
    assert info.owner == ME.owner and info.job_id is not None and info.title == "collapse"
    assert presets.collapsing(info) and info.iterations == presets.SHORT
    assert presets.data_of(collapsing) == presets.data_of(first) == (SHAPES, None)
    assert (info.config["size"], info.config["g_width"]) == (28, 8)  # the rest is the run's own

    started = presets.start_contrasts(first, ME, {name: f"q3 {name}" for name in presets.CONTRASTS})
    assert [runs.run_info(run_id).title for run_id in started] == [f"q3 {n}" for n in presets.CONTRASTS]
    assert all(runs.run_info(run_id).owner == ME.owner for run_id in started)


def test_the_collapse_partner_is_on_the_same_data(stop_training):
    mine = runs.create(tiny(iterations=20), SHAPES, owner=ME.owner)
    elsewhere = runs.create(
        presets.collapse_config(tiny()), SHAPES | {"name": "digits"}, owner=ME.owner, images=120
    )
    listed = runs.list_runs()
    assert presets.partner(runs.run_info(mine), listed) is None  # on other data: no partner
    partner = presets.collapse_config(tiny())
    same = runs.create(partner, SHAPES, owner=ME.owner)
    found = presets.partner(runs.run_info(mine), runs.list_runs())
    assert found is not None and found.id == same and found.id != elsewhere


def test_a_contrast_that_cannot_train_on_the_data_starts_nothing():
    few = runs.create(tiny(batch=16, iterations=20), SHAPES | {"limit": 40}, owner=ME.owner, images=40)
    runs._update_status(few, images=40)  # as training records it
    with pytest.raises(UserError) as refused:  # m = 64 cannot be drawn from 40 images
        presets.start_contrasts(few, ME, {name: name for name in presets.CONTRASTS})
    assert refused.value.key == "gan.data.too_few"
    assert [info.id for info in runs.list_runs()] == [few]


@pytest.fixture
def stop_training():
    yield
    for job in jobs.find(runs.JOB_KIND, active_only=True):
        job.cancel()
        job.wait(60)
