"""Least-squares fits of measured times: a line (time per step) and a power law (time against pixels).

Each fit reports its R² on the measured values and says in one word what the measurements
support (``verdict``): a law only when the fit holds and time grows, so a fit that does not
hold, or a time that does not grow, shows as such and is never stated as a law.
"""

import math
from dataclasses import dataclass

import numpy as np

from services.common.errors import UserError

GOOD_R2 = 0.9  # from here a fit is said to hold; below it the measurements are too scattered for a law


@dataclass(frozen=True)
class LineFit:
    """y = slope·x + intercept."""

    slope: float
    intercept: float
    r2: float

    def __call__(self, x):
        return self.slope * np.asarray(x, float) + self.intercept

    @property
    def verdict(self) -> str:
        """ "holds" (time grows along a line), "poor" (it grows, but the line misses the points), or
        "flat" (it does not grow: the noise is larger than what one more unit of x costs)."""
        return _verdict(self.slope, self.r2)


@dataclass(frozen=True)
class PowerFit:
    """y = a·x^b: b = 1 is linear in x, b = 2 quadratic."""

    a: float
    b: float
    r2: float

    def __call__(self, x):
        return self.a * np.asarray(x, float) ** self.b

    @property
    def verdict(self) -> str:
        """As ``LineFit.verdict``, with the exponent b as what must be positive."""
        return _verdict(self.b, self.r2)


def fit_line(x, y) -> LineFit:
    x, y = _points(x, y)
    slope, intercept = np.polyfit(x, y, 1)
    return LineFit(float(slope), float(intercept), _r2(y, slope * x + intercept))


def fit_power(x, y) -> PowerFit:
    """Least squares on log y = log a + b·log x; R² is measured on y itself, comparable with the line's."""
    x, y = _points(x, y)
    if (x <= 0).any() or (y <= 0).any():
        raise UserError("sd.exp.err.fit_points")
    b, log_a = np.polyfit(np.log(x), np.log(y), 1)
    a = math.exp(log_a)
    return PowerFit(a, float(b), _r2(y, a * x**b))


def _verdict(growth: float, r2: float) -> str:
    if growth <= 0:
        return "flat"
    return "holds" if r2 >= GOOD_R2 else "poor"


def _points(x, y) -> tuple[np.ndarray, np.ndarray]:
    x, y = np.asarray(x, float), np.asarray(y, float)
    if len(x) != len(y) or len(np.unique(x)) < 2:
        raise UserError("sd.exp.err.fit_points")
    return x, y


def _r2(y: np.ndarray, predicted: np.ndarray) -> float:
    total = float(((y - y.mean()) ** 2).sum())
    return 1.0 - float(((y - predicted) ** 2).sum()) / total if total > 0 else 1.0
