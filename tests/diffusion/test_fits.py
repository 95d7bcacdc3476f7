"""Fits of measured times: they recover known laws, and say when there is too little to fit."""

import numpy as np
import pytest

from services.common.errors import UserError
from services.diffusion import fits


def test_power_fit_recovers_the_exponent_of_synthetic_timings():
    pixels = np.array([256, 384, 512, 640, 768]) ** 2
    rng = np.random.default_rng(0)
    for b in (1.0, 1.5):
        seconds = 3e-6 * pixels**b * rng.uniform(0.98, 1.02, len(pixels))
        fit = fits.fit_power(pixels, seconds)
        assert fit.b == pytest.approx(b, abs=0.03)
        assert fit.r2 > 0.99
    line = fits.fit_line(pixels, 0.5 + 2e-6 * pixels)
    assert (
        line.slope == pytest.approx(2e-6)
        and line.intercept == pytest.approx(0.5)
        and line.r2 == pytest.approx(1)
    )
    quadratic = 1e-11 * pixels.astype(float) ** 2
    assert fits.fit_power(pixels, quadratic).r2 > fits.fit_line(pixels, quadratic).r2


def test_fits_need_two_distinct_positive_points():
    with pytest.raises(UserError):
        fits.fit_power([512, 512], [1.0, 1.1])
    with pytest.raises(UserError):
        fits.fit_power([256, 512], [0.0, 1.0])


def test_a_fit_states_a_law_only_when_it_holds_and_time_grows():
    steps = np.array([1, 2, 4, 10, 20])
    steady = 0.05 + 0.0056 * steps  # 5.6 ms a step on 50 ms of fixed cost
    assert fits.fit_line(steps, steady).verdict == "holds"
    # one disturbed run among five: the line still rises, but misses the points
    disturbed = steady.copy()
    disturbed[2] += 0.25
    poor = fits.fit_line(steps, disturbed)
    assert poor.slope > 0 and poor.r2 < fits.GOOD_R2 and poor.verdict == "poor"
    # the times of issue 10 (298, 69, 1620, 444, 109 ms): the slope is negative, no time per step
    noisy = fits.fit_line(steps, [0.298, 0.069, 1.620, 0.444, 0.109])
    assert noisy.slope < 0 and noisy.verdict == "flat"
    pixels = np.array([64, 128, 192, 256, 320]) ** 2
    assert fits.fit_power(pixels, 1e-6 * pixels).verdict == "holds"
    assert fits.fit_power(pixels, [0.5, 0.4, 0.45, 0.41, 0.39]).verdict == "flat"
