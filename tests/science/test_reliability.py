"""Cronbach's alpha (vs pingouin) and McDonald's omega (vs known loadings)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pingouin as pg
import pytest

from alliance_widgets.science import cronbach_alpha, mcdonald_omega
from alliance_widgets.science.reliability import one_factor_loadings


def _congeneric(n: int, loadings: list[float], seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    lam = np.asarray(loadings)
    f = rng.normal(size=(n, 1))
    return f * lam + rng.normal(size=(n, lam.size)) * np.sqrt(1 - lam**2)


def _exact_sample(cov: np.ndarray, n: int, seed: int = 0) -> np.ndarray:
    """Data whose sample covariance (ddof=1) is exactly ``cov``."""
    rng = np.random.default_rng(seed)
    z = rng.normal(size=(n, cov.shape[0]))
    z -= z.mean(axis=0)
    white = np.linalg.cholesky(np.cov(z, rowvar=False))
    z = z @ np.linalg.inv(white).T
    return z @ np.linalg.cholesky(cov).T + 3.0


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("level", [0.9, 0.95])
def test_alpha_matches_pingouin(seed: int, level: float) -> None:
    items = pd.DataFrame(_congeneric(150, [0.8, 0.7, 0.6, 0.5, 0.7], seed))
    ours = cronbach_alpha(items, level)
    value, ci = pg.cronbach_alpha(data=items, ci=level)
    assert ours.value == pytest.approx(value, abs=1e-12)
    # pingouin rounds its interval to 3 decimals
    assert (ours.low, ours.high) == pytest.approx(tuple(ci), abs=5e-4)
    assert ours.n == 150 and ours.label == "α"


def test_alpha_by_hand() -> None:
    # item variances 1, 1, 4/3 (sum 10/3); totals 4, 7, 9 have variance 19/3;
    # α = 3/2·(1 − (10/3)/(19/3)) = 27/38
    items = np.array([[1, 1, 2], [2, 3, 2], [3, 2, 4]], dtype=float)
    assert cronbach_alpha(items).value == pytest.approx(27 / 38)


def test_alpha_listwise_deletion_matches_pingouin() -> None:
    items = pd.DataFrame(_congeneric(80, [0.7] * 4, 3))
    items.iloc[[1, 5, 9], [0, 2, 3]] = np.nan
    ours = cronbach_alpha(items)
    value, _ = pg.cronbach_alpha(data=items, nan_policy="listwise")
    assert ours.value == pytest.approx(value) and ours.n == 77


def test_omega_recovers_known_loadings_exactly() -> None:
    lam = np.array([0.8, 0.7, 0.6, 0.5])
    psi = 1 - lam**2
    cov = np.outer(lam, lam) + np.diag(psi)
    items = _exact_sample(cov, 60)
    np.testing.assert_allclose(np.cov(items, rowvar=False), cov, atol=1e-10)
    est = mcdonald_omega(items, n_boot=100)
    by_hand = lam.sum() ** 2 / (lam.sum() ** 2 + psi.sum())  # 6.76 / 9.02
    assert by_hand == pytest.approx(6.76 / 9.02)
    assert est.value == pytest.approx(by_hand, abs=1e-6)
    fitted, uniq = one_factor_loadings(cov)
    np.testing.assert_allclose(fitted, lam, atol=1e-6)
    np.testing.assert_allclose(uniq, psi, atol=1e-6)


def test_omega_on_the_covariance_metric_ignores_item_scale_of_the_total() -> None:
    # Doubling one item changes the total score, so omega changes as the formula says.
    lam = np.array([0.8, 0.7, 0.6])
    cov = np.outer(lam, lam) + np.diag(1 - lam**2)
    scale = np.diag([2.0, 1.0, 1.0])
    scaled = scale @ cov @ scale
    items = _exact_sample(scaled, 50, seed=1)
    lam_s = lam * [2, 1, 1]
    psi_s = np.diag(scaled) - lam_s**2
    expected = lam_s.sum() ** 2 / (lam_s.sum() ** 2 + psi_s.sum())
    assert mcdonald_omega(items, n_boot=100).value == pytest.approx(expected, abs=1e-6)


def test_omega_equals_alpha_when_tau_equivalent() -> None:
    lam = np.full(5, 0.6)
    cov = np.outer(lam, lam) + np.diag(1 - lam**2)
    items = _exact_sample(cov, 40, seed=2)
    assert mcdonald_omega(items, n_boot=100).value == pytest.approx(
        cronbach_alpha(items).value, abs=1e-6
    )


def test_omega_exceeds_alpha_for_congeneric_items() -> None:
    lam = np.array([0.9, 0.7, 0.4, 0.3])
    cov = np.outer(lam, lam) + np.diag(1 - lam**2)
    items = _exact_sample(cov, 40, seed=3)
    assert mcdonald_omega(items, n_boot=100).value > cronbach_alpha(items).value


def test_omega_interval_is_seeded_and_sensible() -> None:
    items = _congeneric(200, [0.8, 0.7, 0.6, 0.6], 4)
    a = mcdonald_omega(items, n_boot=300, seed=7)
    b = mcdonald_omega(items, n_boot=300, seed=7)
    c = mcdonald_omega(items, n_boot=300, seed=8)
    assert a == b
    assert (a.low, a.high) != (c.low, c.high)
    assert a.low < a.value < a.high and a.width < 0.15


def test_omega_interval_covers_the_truth_usually() -> None:
    lam = np.array([0.7, 0.6, 0.6, 0.5])
    truth = lam.sum() ** 2 / (lam.sum() ** 2 + (1 - lam**2).sum())
    hits = sum(
        mcdonald_omega(_congeneric(150, list(lam), s), n_boot=200, seed=s).contains(truth)
        for s in range(20)
    )
    assert hits >= 16  # nominal 95 %: 19/20 expected; 16 leaves room for chance


@pytest.mark.parametrize("func", [cronbach_alpha, mcdonald_omega])
def test_bad_input(func: Callable[..., Any]) -> None:
    with pytest.raises(ValueError, match="constant column"):
        func([[1, 2], [1, 3], [1, 4], [1, 5]])
    with pytest.raises(ValueError, match="at least 3 respondents"):
        func([[1, 2], [2, np.nan], [3, 4]])
    with pytest.raises(ValueError, match="at least 2 item columns"):
        func([[1], [2], [3]])
    with pytest.raises(ValueError, match="must be 2-D"):
        func([1, 2, 3])
    with pytest.raises(TypeError, match="items must"):
        func(pd.DataFrame({"a": ["x", "y", "z"], "b": [1, 2, 3]}))
    with pytest.raises(ValueError, match="level must be"):
        func([[1, 2], [2, 3], [3, 5]], level=1.5)


def test_omega_bootstrap_options_are_checked() -> None:
    with pytest.raises(ValueError, match="n_boot must be"):
        mcdonald_omega(_congeneric(30, [0.7] * 3, 0), n_boot=10)


def test_uls_fit_agrees_with_principal_axes_and_minimises_residuals() -> None:
    from alliance_widgets.science.factor import _principal_axes, _start

    rng = np.random.default_rng(11)
    for seed in range(5):
        x = _congeneric(120, list(rng.uniform(0.4, 0.85, 6)), seed)
        s = np.cov(x, rowvar=False)
        lam, _ = one_factor_loadings(s)
        slow = _principal_axes(s, np.diag(s), _start(s, np.diag(s)), 1e-13, 20_000)
        np.testing.assert_allclose(np.abs(lam), np.abs(slow), atol=1e-6)
        best = _off_diagonal_ss(s, lam)
        for _ in range(20):  # no nearby point does better
            assert best <= _off_diagonal_ss(s, lam + rng.normal(0, 1e-3, lam.size)) + 1e-12


def _off_diagonal_ss(s: np.ndarray, v: np.ndarray) -> float:
    r = s - np.outer(v, v)
    return float((r**2).sum() - (np.diag(r) ** 2).sum())


def test_heywood_case_keeps_unique_variances_non_negative() -> None:
    # Item 1 correlates with the others more than its own variance allows one factor.
    s = np.array([[1.0, 0.9, 0.9], [0.9, 1.0, 0.6], [0.9, 0.6, 1.0]])
    lam, psi = one_factor_loadings(s)
    assert (psi >= -1e-12).all() and lam[0] == pytest.approx(1.0, abs=1e-6)


@pytest.mark.parametrize("seed", [0, 1])
def test_uls_loadings_and_omega_match_statsmodels_principal_axes(seed: int) -> None:
    # Iterated principal axes run to convergence reach the ULS (MINRES) fixed point, so
    # statsmodels' independent implementation must give the same loadings and omega.
    from statsmodels.multivariate.factor import Factor

    x = _congeneric(300, [0.8, 0.7, 0.6, 0.5, 0.65], seed)
    z = (x - x.mean(axis=0)) / x.std(axis=0, ddof=1)
    corr = np.corrcoef(z, rowvar=False)
    fit = Factor(corr=corr, n_factor=1, method="pa", smc=True, nobs=300).fit(
        maxiter=100_000, tol=1e-12
    )
    theirs = np.abs(fit.loadings.ravel())
    ours, _ = one_factor_loadings(corr)
    np.testing.assert_allclose(ours, theirs, atol=1e-6)
    omega_sm = theirs.sum() ** 2 / (theirs.sum() ** 2 + (1 - theirs**2).sum())
    assert mcdonald_omega(z, n_boot=100).value == pytest.approx(omega_sm, abs=1e-6)
