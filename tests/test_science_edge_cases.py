"""Issue 4's edge cases, function by function: empty, one row/client, constant, NaN.

Each case ends in a clear error (naming the argument, the value and what is allowed) or in
a documented result; none may end in a silent NaN, an infinity or a library's own message.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pytest

from alliance_widgets.science import (
    Estimate,
    cronbach_alpha,
    mcdonald_omega,
)
from alliance_widgets.science.factor import one_factor_loadings

NAN = float("nan")

# --------------------------------------------------------------------------- reliability

RELIABILITY = [cronbach_alpha, mcdonald_omega]


@pytest.mark.parametrize("func", RELIABILITY)
@pytest.mark.parametrize(
    ("items", "match"),
    [
        ([], r"items must be 2-D .* got shape \(0,\)"),
        (np.empty((0, 3)), r"at least 3 respondents .* got 0 \(of 0 rows\)"),
        ([[1, 2, 3]], r"at least 3 respondents .* got 1 \(of 1 rows\)"),
        ([[NAN, NAN]] * 5, r"at least 3 respondents .* got 0 \(of 5 rows\)"),
        ([[1, 2], [1, 3], [1, 4]], r"constant column\(s\) at position \[0\]"),
        ([[1, 5], [2, 4], [3, 3], [4, 2], [5, 1]], "same total for every respondent"),
        ([[1, 2], [2, np.inf], [3, 4], [4, 4]], "finite"),
    ],
)
def test_reliability_edge_cases_raise(
    func: Callable[..., Estimate], items: Any, match: str
) -> None:
    with pytest.raises(ValueError, match=match):
        func(items)


def test_reverse_keyed_items_give_a_negative_alpha_not_an_infinity() -> None:
    # Nearly cancelling items: alpha is large and negative, and says so; it is finite.
    items = [[1, 5, 3], [2, 4, 3.1], [3, 3, 2.9], [4, 2, 3.2], [5, 1, 3]]
    a = cronbach_alpha(items)
    assert a.value < 0 and all(math.isfinite(v) for v in (a.value, a.low, a.high))


@pytest.mark.parametrize("func", RELIABILITY)
def test_reliability_rows_with_nan_are_dropped_and_counted(func: Callable[..., Estimate]) -> None:
    items = pd.DataFrame(
        {"a": [1, 2, 3, 4, 2, NAN], "b": [2, NAN, 4, 4, 3, 1], "c": [1, 2, 4, 5, 2, 2]}
    )
    est = func(items)
    assert est.n == 4
    assert est.value == pytest.approx(func(items.dropna()).value)


def test_omega_reports_skipped_bootstrap_resamples() -> None:
    # Three respondents: many resamples repeat one row, making every item constant.
    est = mcdonald_omega([[1, 2, 2], [2, 3, 3], [3, 3, 4]], n_boot=200, seed=0)
    skipped = int(re.search(r"(\d+) degenerate skipped", est.method).group(1))  # type: ignore[union-attr]
    assert 0 < skipped < 100
    # With plenty of distinct respondents nothing is skipped and the method says so.
    rng = np.random.default_rng(0)
    f = rng.normal(size=(100, 1))
    assert "skipped" not in mcdonald_omega(f + rng.normal(size=(100, 3)), n_boot=100).method


@pytest.mark.parametrize(
    ("cov", "exc", "match"),
    [
        (np.full((3, 3), NAN), ValueError, "cov must hold finite numbers"),
        (np.eye(1), ValueError, r"at least 2 items; got shape \(1, 1\)"),
        (np.ones((2, 3)), ValueError, r"square covariance matrix .* got shape \(2, 3\)"),
        ([[1, 0.5], [0.2, 1]], ValueError, "symmetric"),
        ([["a", "b"], ["c", "d"]], TypeError, "cov must be a square table of numbers"),
    ],
)
def test_one_factor_loadings_rejects_malformed_matrices(cov: Any, exc: type, match: str) -> None:
    with pytest.raises(exc, match=match):
        one_factor_loadings(cov)


def test_one_factor_loadings_of_uncorrelated_items_are_zero() -> None:
    lam, psi = one_factor_loadings(np.diag([1.0, 2.0, 3.0]))
    np.testing.assert_allclose(lam, 0, atol=1e-12)
    np.testing.assert_allclose(psi, [1, 2, 3])


@pytest.mark.parametrize("bad", [NAN, math.inf, -math.inf])
def test_estimate_refuses_non_finite_values(bad: float) -> None:
    for field in ("value", "low", "high"):
        kwargs = {"value": 0.5, "low": 0.4, "high": 0.6, field: bad}
        with pytest.raises(ValueError, match=f"Estimate {field} must be a finite number"):
            Estimate(**kwargs)
