"""Prediction intervals for a new study's r, checked by simulation (an independent method).

The closed-form interval is computed on Fisher's z scale; the tests draw true
correlations from the heterogeneous population it assumes, then real bivariate-normal
samples, and count how often the *sample* r lands inside: that count uses no Fisher-z
algebra at all.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from alliance_widgets.science.prediction_interval import prediction_interval_r, tau_from_i2


def _sample_rs(rng: np.random.Generator, true_z: np.ndarray, n: int) -> np.ndarray:
    rho = np.tanh(true_z)
    x = rng.standard_normal((true_z.size, n))
    e = rng.standard_normal((true_z.size, n))
    y = rho[:, None] * x + np.sqrt(1 - rho[:, None] ** 2) * e
    xc = x - x.mean(axis=1, keepdims=True)
    yc = y - y.mean(axis=1, keepdims=True)
    return (xc * yc).sum(axis=1) / np.sqrt((xc**2).sum(axis=1) * (yc**2).sum(axis=1))


@pytest.mark.parametrize(("tau", "n"), [(0.1, 300), (0.0, 120), (0.2, 60)])
def test_prediction_interval_covers_new_studies(tau: float, n: int) -> None:
    rng = np.random.default_rng(20261201)
    mean_r, reps = 0.278, 4000
    true_z = math.atanh(mean_r) + tau * rng.standard_normal(reps)
    rs = _sample_rs(rng, true_z, n)
    low, high = prediction_interval_r(mean_r, tau, new_n=n)
    coverage = float(np.mean((rs >= low) & (rs <= high)))
    # 4,000 draws: the SE of a 95 % coverage is about 0.0035.
    assert abs(coverage - 0.95) < 0.015


def test_without_new_n_the_interval_is_for_the_true_r() -> None:
    rng = np.random.default_rng(7)
    tau = 0.12
    true_r = np.tanh(math.atanh(0.3) + tau * rng.standard_normal(20000))
    low, high = prediction_interval_r(0.3, tau)
    assert abs(np.mean((true_r >= low) & (true_r <= high)) - 0.95) < 0.01
    wider = prediction_interval_r(0.3, tau, new_n=100)
    assert wider[0] < low and wider[1] > high


def test_tau_from_i2_reproduces_i2_by_its_definition() -> None:
    for i2 in (0.0, 0.3, 0.5, 0.6, 0.9):
        for n in (20, 103, 500):
            tau = tau_from_i2(i2, typical_n=n)
            v = 1 / (n - 3)
            assert tau**2 / (tau**2 + v) == pytest.approx(i2)


def test_bad_input_names_the_parameter() -> None:
    with pytest.raises(ValueError, match="i2"):
        tau_from_i2(1.0, typical_n=100)
    with pytest.raises(ValueError, match="typical_n"):
        tau_from_i2(0.5, typical_n=3)
    with pytest.raises(ValueError, match="mean_r"):
        prediction_interval_r(1.0, 0.1)
    with pytest.raises(ValueError, match="new_n"):
        prediction_interval_r(0.3, 0.1, new_n=3)
    with pytest.raises(TypeError, match="tau"):
        prediction_interval_r(0.3, "0.1")
