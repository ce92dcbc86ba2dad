"""Power, simulated studies and attenuation (science/correlation_studies.py).

Each analytic figure is cross-checked against an independent method: power against the
exact Pearson t-test (scipy's ``pearsonr``) applied to simulated samples, the simulated
share against the Fisher-z formula, the attenuation formula against data whose true
scores and measurement error are built in.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats

from alliance_widgets.science.correlation_studies import (
    correlation_power,
    disattenuate,
    n_for_power,
    simulate_correlation_studies,
)
from alliance_widgets.science.effects import r_interval


@pytest.mark.parametrize(("r", "n"), [(0.278, 60), (0.278, 100), (0.2, 40), (0.0, 50)])
def test_power_matches_pearson_t_test_on_simulated_samples(r: float, n: int) -> None:
    rng = np.random.default_rng(11)
    hits = 0
    trials = 3000
    for _ in range(trials):
        x = rng.standard_normal(n)
        y = r * x + math.sqrt(1 - r * r) * rng.standard_normal(n)
        hits += stats.pearsonr(x, y).pvalue < 0.05
    # 3000 trials: binomial SE ≤ 0.009; the t-test and Fisher's z differ by < 0.01 here.
    assert abs(hits / trials - correlation_power(r, n)) < 0.035


def test_simulated_share_matches_formula_and_r_interval() -> None:
    sims = simulate_correlation_studies(0.278, 60, studies=20000, seed=3)
    assert abs(sims["excludes_zero"].mean() - correlation_power(0.278, 60)) < 0.015
    row = sims.iloc[0]
    est = r_interval(row["r"], 60)
    assert math.isclose(row["low"], est.low) and math.isclose(row["high"], est.high)


def test_simulation_is_deterministic() -> None:
    a = simulate_correlation_studies(0.3, 30, studies=50, seed=9)
    b = simulate_correlation_studies(0.3, 30, studies=50, seed=9)
    assert a.equals(b)


def test_n_for_power_is_the_smallest_n_reaching_it() -> None:
    for r, target in [(0.278, 0.8), (0.2, 0.9), (-0.35, 0.8)]:
        n = n_for_power(r, target)
        assert correlation_power(r, n) >= target > correlation_power(r, n - 1)
    assert n_for_power(0.278, 0.8) == 100


def test_disattenuate_recovers_true_score_correlation() -> None:
    rng = np.random.default_rng(5)
    m, true_r, rel = 200_000, 0.32, 0.77
    t = rng.standard_normal(m)
    y = true_r * t + math.sqrt(1 - true_r**2) * rng.standard_normal(m)
    # One session's rating: true score plus error, reliability rel = var(T) / var(X).
    x = t + math.sqrt((1 - rel) / rel) * rng.standard_normal(m)
    observed = float(np.corrcoef(x, y)[0, 1])
    assert abs(observed - true_r * math.sqrt(rel)) < 0.01
    assert abs(disattenuate(observed, rel) - true_r) < 0.01


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: correlation_power(1.0, 50), "r must lie strictly between -1 and 1"),
        (lambda: correlation_power(0.3, 3), "n must be a whole number"),
        (lambda: n_for_power(0.3, 0.01), "power must exceed"),
        (lambda: disattenuate(0.3, 1.5), "reliability_x must be a number in (0, 1]"),
        (lambda: simulate_correlation_studies(0.3, 30, studies=0), "studies must be"),
    ],
)
def test_bad_input_names_the_parameter(call, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        call()
