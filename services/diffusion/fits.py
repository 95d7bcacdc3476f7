"""Least-squares fits of measured times: a line (time per step) and a power law (time against pixels).

Each fit reports its R² on the measured values, so a fit that does not hold shows as such.
"""

import math
from dataclasses import dataclass

import numpy as np

from services.common.errors import UserError


@dataclass(frozen=True)
class LineFit:
    """y = slope·x + intercept."""

    slope: float
    intercept: float
    r2: float

    def __call__(self, x):
        return self.slope * np.asarray(x, float) + self.intercept


@dataclass(frozen=True)
class PowerFit:
    """y = a·x^b: b = 1 is linear in x, b = 2 quadratic."""

    a: float
    b: float
    r2: float

    def __call__(self, x):
        return self.a * np.asarray(x, float) ** self.b


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


def _points(x, y) -> tuple[np.ndarray, np.ndarray]:
    x, y = np.asarray(x, float), np.asarray(y, float)
    if len(x) != len(y) or len(np.unique(x)) < 2:
        raise UserError("sd.exp.err.fit_points")
    return x, y


def _r2(y: np.ndarray, predicted: np.ndarray) -> float:
    total = float(((y - y.mean()) ** 2).sum())
    return 1.0 - float(((y - predicted) ** 2).sum()) / total if total > 0 else 1.0
