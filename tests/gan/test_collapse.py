"""Mode-collapse measures: the class probe, diversity, and collapsed vs diverse generators."""

import numpy as np
import pytest
import torch

from services.gan import collapse, data

pytestmark = pytest.mark.usefixtures("one_torch_thread")


@pytest.fixture(scope="module")
def shapes(tmp_path_factory):
    """Drawn shapes: 900 to train the probe on, and 300 other ones the probe never saw."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GENLAB_CACHE", str(tmp_path_factory.mktemp("cache")))
        real = data.load_builtin("shapes", 28, 1, count=900, seed=0)
        unseen = data.load_builtin("shapes", 28, 1, count=300, seed=1)
    return real, unseen


@pytest.fixture(scope="module")
def monitor(shapes, tmp_path_factory):
    real, _ = shapes
    probe_dir = tmp_path_factory.mktemp("probe")
    return collapse.Monitor(real.images, real.labels, real.class_names, probe_dir=probe_dir), probe_dir


def test_probe_learns_the_shapes_in_seconds(monitor, shapes):
    probe = monitor[0].probe
    _, unseen = shapes
    assert probe.accuracy >= 0.85  # held out of its training
    assert (probe.predict(unseen.images) == unseen.labels).mean() >= 0.85
    assert probe.predict(unseen.images[:0]).shape == (0,)


def test_real_unseen_images_are_not_collapse(monitor, shapes):
    _, unseen = shapes
    metrics = monitor[0].measure(unseen.images)
    assert 0.8 < metrics["diversity"] < 1.25
    assert metrics["n_classes"] == 3 and metrics["modes_covered"] == 3
    assert sum(metrics["histogram"]) == 300 and min(metrics["histogram"]) > 60
    assert metrics["kl"] < 0.05
    assert metrics["collapsed"] is False
    assert set(metrics) == {
        "diversity",
        "histogram",
        "modes_covered",
        "n_classes",
        "kl",
        "probe_accuracy",
        "collapsed",
    }


def test_one_picture_repeated_is_collapse(monitor, shapes):
    _, unseen = shapes
    copies = unseen.images[:1].repeat(200, 1, 1, 1) + 0.01 * torch.randn(200, 1, 28, 28)
    metrics = monitor[0].measure(copies)
    assert metrics["diversity"] < 0.05
    assert metrics["modes_covered"] == 1 and metrics["kl"] > 1.0
    assert metrics["collapsed"] is True


def test_no_verdict_before_the_generator_has_trained_enough(monitor, shapes):
    """The same copies, measured as a generator's samples at a step: too early is no verdict, not collapse."""
    _, unseen = shapes
    copies = unseen.images[:1].repeat(200, 1, 1, 1)
    for step in (0, 1, collapse.JUDGED_FROM - 1):
        early = monitor[0].measure(copies, step=step)
        assert early["collapsed"] is None and early["diversity"] < 0.05 and early["modes_covered"] == 1
    assert monitor[0].measure(copies, step=collapse.JUDGED_FROM)["collapsed"] is True
    assert monitor[0].measure(unseen.images, step=collapse.JUDGED_FROM)["collapsed"] is False


def test_one_class_only_is_collapse_though_its_pictures_differ(monitor, shapes):
    _, unseen = shapes
    circles = unseen.images[unseen.labels == 0]
    metrics = monitor[0].measure(circles)
    assert metrics["diversity"] > collapse.COLLAPSE_DIVERSITY  # diverse pictures...
    assert metrics["histogram"][0] >= 0.9 * len(circles) and metrics["modes_covered"] == 1  # ...of one mode
    assert metrics["kl"] > 1.0
    assert metrics["collapsed"] is True


def test_probe_round_trip_and_monitor_reuses_the_saved_probe(monitor, shapes, tmp_path, monkeypatch):
    first, probe_dir = monitor
    real, unseen = shapes
    assert sorted(p.name for p in probe_dir.iterdir()) == ["probe.json", "probe.safetensors"]
    loaded = collapse.ClassProbe.load(probe_dir)
    assert (loaded.predict(unseen.images) == first.probe.predict(unseen.images)).all()
    assert loaded.accuracy == first.probe.accuracy and loaded.n_classes == 3

    def no_training(*args, **kwargs):
        raise AssertionError("the probe was trained again")

    monkeypatch.setattr(collapse.ClassProbe, "train", no_training)
    again = collapse.Monitor(real.images, real.labels, real.class_names, probe_dir=probe_dir)
    assert again.measure(unseen.images)["histogram"] == first.measure(unseen.images)["histogram"]
    # other data does not reuse it
    with pytest.raises(AssertionError, match="trained again"):
        collapse.Monitor(unseen.images, unseen.labels, unseen.class_names, probe_dir=probe_dir)


def test_broken_saved_probe_is_retrained(shapes, tmp_path):
    real, _ = shapes
    (tmp_path / "probe.json").write_text("{not json")
    small = real.images[:200], real.labels[:200]
    monitor = collapse.Monitor(*small, real.class_names, probe_dir=tmp_path)
    assert (
        monitor.probe is not None
        and collapse.ClassProbe.load(tmp_path).fingerprint == monitor.probe.fingerprint
    )


def test_probe_training_leaves_the_callers_random_stream_alone(shapes):
    real, _ = shapes
    torch.manual_seed(7)
    expected = torch.rand(3)
    torch.manual_seed(7)
    steps = []
    collapse.ClassProbe.train(
        real.images[:120], real.labels[:120], 3, progress=lambda done, total: steps.append((done, total))
    )
    assert torch.equal(torch.rand(3), expected)
    assert steps[-1][0] == steps[-1][1] and len(steps) == steps[-1][1]


def test_unlabelled_data_gets_diversity_only(shapes):
    real, unseen = shapes
    monitor = collapse.Monitor(real.images)
    assert monitor.probe is None
    metrics = monitor.measure(unseen.images)
    assert set(metrics) == {"diversity", "collapsed"} and metrics["collapsed"] is False
    assert monitor.measure(unseen.images[:1].repeat(50, 1, 1, 1))["collapsed"] is True


def test_diversity_is_a_deterministic_ratio():
    real = torch.rand(600, 3, 8, 8) * 2 - 1
    assert collapse.diversity(real, real) == pytest.approx(1.0)
    assert collapse.diversity(real * 0.5, real) == pytest.approx(0.5, rel=1e-4)  # half as far apart
    assert collapse.diversity(real, real) == collapse.diversity(real.clone(), real)
    same = torch.zeros(10, 3, 8, 8)
    assert collapse.diversity(same, real) == 0.0
    assert collapse.diversity(real, same) == 1.0  # nothing to compare against


@pytest.mark.parametrize(
    ("metrics", "collapsed"),
    [
        ({"diversity": 0.9}, False),
        ({"diversity": 0.2}, True),
        ({"diversity": 0.9, "modes_covered": 5, "n_classes": 10}, False),
        ({"diversity": 0.9, "modes_covered": 4, "n_classes": 10}, True),
        ({"diversity": 0.9, "modes_covered": 1, "n_classes": 3}, True),
        ({"diversity": 0.9, "modes_covered": 2, "n_classes": 3}, False),
    ],
)
def test_collapse_thresholds(metrics, collapsed):
    assert collapse.collapse_detected(metrics) is collapsed


def test_kl_and_modes_from_a_histogram():
    share = np.array([0.25, 0.25, 0.25, 0.25])
    assert collapse.class_kl(share, [100, 100, 100, 100]) == pytest.approx(0.0, abs=1e-9)
    assert collapse.class_kl(share, [400, 0, 0, 0]) > 2.0
    assert collapse.modes_covered([100, 100, 100, 100]) == 4
    assert collapse.modes_covered([394, 6, 0, 0]) == 1  # 6 of 400 is under 1/16
    assert collapse.modes_covered([0, 0, 0, 0]) == 0
    assert collapse.class_histogram(np.array([0, 2, 2]), 4) == [1, 0, 2, 0]
