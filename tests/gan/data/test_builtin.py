"""Built-in data: drawn shapes and scikit-learn's digits, offline, labelled and reproducible."""

import numpy as np
import pytest

from services.gan.data import builtin
from tests.gan.data.made import assert_images


@pytest.mark.parametrize(("size", "channels"), [(28, 1), (32, 3), (64, 3)])
def test_shapes_are_labelled_and_balanced(size, channels):
    data = builtin.load_builtin("shapes", size, channels, count=30)
    assert_images(data, 30, channels, size)
    assert data.class_names == ["circle", "square", "triangle"]
    assert np.bincount(data.labels).tolist() == [10, 10, 10]
    assert float(data.images.max()) > 0.3 and float(data.images.min()) < -0.6  # ink on a dark ground
    if channels == 3:  # coloured ink, not gray
        assert float((data.images[:, 0] - data.images[:, 1]).abs().max()) > 0.2


@pytest.mark.parametrize(("size", "channels"), [(28, 1), (32, 3)])
def test_digits_come_from_scikit_learn(size, channels):
    data = builtin.load_builtin("digits", size, channels, count=100)
    assert_images(data, 100, channels, size)
    assert data.class_names == [str(d) for d in range(10)]
    assert set(data.labels.tolist()) == set(range(10))
    border = data.images[:, :, :2].reshape(-1)
    assert float(border.max()) == -1.0  # the digit sits inside an empty frame, as in MNIST


def test_numpy_counts_are_accepted():
    assert len(builtin.load_builtin("shapes", 28, 1, count=np.int64(6))) == 6


def test_builtin_is_deterministic_and_seeded():
    a = builtin.load_builtin("shapes", 28, 1, count=12, seed=3)
    b = builtin.load_builtin("shapes", 28, 1, count=12, seed=3)
    c = builtin.load_builtin("shapes", 28, 1, count=12, seed=4)
    assert bool((a.images == b.images).all()) and not bool((a.images == c.images).all())
