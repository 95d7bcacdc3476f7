"""The judge of generated images: class accuracy and Fréchet distance in the probe's features."""

import numpy as np
import pytest
import torch

from services.diffusion.own.quality import Judge, frechet
from services.gan import data

pytestmark = pytest.mark.usefixtures("one_torch_thread")


def test_the_frechet_distance_is_zero_for_alike_sets_and_grows_with_a_shift():
    rng = np.random.default_rng(0)
    a = rng.normal(size=(500, 8))
    b = rng.normal(size=(500, 8))
    assert frechet(a, a) == pytest.approx(0, abs=1e-6)
    assert frechet(a, b) < 0.5
    assert frechet(a, b + 2) == pytest.approx(frechet(a, b) + 4 * 8, rel=0.1)  # |mu_a - mu_b|^2 = 8 * 2^2


def test_real_images_in_their_classes_score_well_and_noise_badly(tmp_path):
    shapes = data.load_builtin("shapes", 32, 1, count=600)  # enough for a probe that knows the shapes
    judge = Judge(shapes.images, shapes.labels, shapes.class_names, probe_dir=tmp_path)
    real = judge.measure(shapes.images, asked=list(shapes.labels))
    noise = judge.measure(torch.rand_like(shapes.images) * 2 - 1, asked=list(shapes.labels))
    assert real["class_accuracy"] > 0.8 and real["modes_covered"] == 3
    assert real["fd"] < noise["fd"]
    assert real["diversity"] == pytest.approx(1.0, abs=0.2)
    wrong = judge.measure(shapes.images, asked=list((shapes.labels + 1) % 3))
    assert wrong["class_accuracy"] < 0.3


def test_unlabelled_data_has_only_diversity(shapes):
    measured = Judge(shapes.images, None, []).measure(shapes.images)
    assert measured["fd"] is None and measured["class_accuracy"] is None and measured["diversity"] > 0
