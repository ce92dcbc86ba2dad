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
    besd_sentence,
    binomial_effect_size_display,
    correlation_ci,
    cronbach_alpha,
    d_to_r,
    mcdonald_omega,
    r_to_d,
    r_to_r2,
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


# --------------------------------------------------------------------------- effects


@pytest.mark.parametrize(
    ("x", "y", "exc", "match"),
    [
        ([], [], ValueError, "at least 4 complete pairs .* got 0"),
        ([1.0], [2.0], ValueError, "at least 4 complete pairs .* got 1"),
        ([NAN] * 5, [1, 2, 3, 4, 5], ValueError, "at least 4 complete pairs .* got 0"),
        ([3, 3, 3, 3], [1, 2, 3, 4], ValueError, r"x is constant \(every value 3.0\)"),
        ([1, 2, 3, 4, NAN], [1, 2, 3, 4, 5], ValueError, None),  # not constant: fine
        ([1, 2, 3, np.inf, 5], [1, 2, 3, 4, 5], ValueError, "x must hold finite .* position 3"),
        (["a", "b", "c", "d"], [1, 2, 3, 4], TypeError, "x must be a sequence of numbers"),
        (None, None, TypeError, "x must be a sequence of numbers .* got None"),
        ([[1, 2], [3, 4]], [1, 2, 3, 4], ValueError, r"x must be a 1-D .* shape \(2, 2\)"),
    ],
)
def test_correlation_edge_cases(x: Any, y: Any, exc: type, match: str | None) -> None:
    if match is None:  # a NaN among varied values is a dropped pair, documented
        assert correlation_ci(x, y).n == 4
        return
    with pytest.raises(exc, match=match):
        correlation_ci(x, y)


def test_correlation_is_exact_for_huge_and_tiny_scales() -> None:
    # Unscaled sums of squares overflow at 1e200 (r came out 0) and underflow at 1e-200.
    base = correlation_ci([1, 2, 3, 4], [1, 2, 3, 5]).value
    assert correlation_ci([1e200, 2e200, 3e200, 4e200], [1, 2, 3, 5]).value == pytest.approx(base)
    assert correlation_ci([1e-200, 2e-200, 3e-200, 4e-200], [1, 2, 3, 5]).value == pytest.approx(
        base
    )


def test_series_are_paired_by_label() -> None:
    x = pd.Series([1.0, 2, 3, 4, 5], index=list("abcde"))
    y = pd.Series([4.0, 5, 2, 3, 1], index=list("edcba"))  # same people, other order
    assert correlation_ci(x, y).value == pytest.approx(correlation_ci(x, y.loc[x.index]).value)
    assert correlation_ci(x, y).value == pytest.approx(
        correlation_ci([1, 2, 3, 4, 5], [1, 3, 2, 5, 4]).value
    )
    with pytest.raises(ValueError, match=r"different labels \(only in x: \['a'\]; only in y"):
        correlation_ci(x, y.rename({"a": "z"}))


def test_conversions_on_empty_and_missing_input() -> None:
    # Empty in, empty out (documented: an array in gives an array out); NaN is refused.
    for func in (r_to_r2, r_to_d, d_to_r):
        out = func([])
        assert isinstance(out, np.ndarray) and out.size == 0
    with pytest.raises(ValueError, match=r"r must be a number or numbers in \[-1, 1\]"):
        r_to_r2([0.2, NAN])
    with pytest.raises(ValueError, match="r must be"):
        r_to_d(NAN)
    with pytest.raises(ValueError, match="d must be finite numbers; got nan"):
        d_to_r(NAN)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        (
            {"groups": ("alone",)},
            r"groups must be two different non-empty labels; got \('alone',\)",
        ),
        ({"groups": "ab"}, "groups must be two different non-empty labels; got 'ab'"),
        ({"groups": ("same", "same")}, "groups must be two different"),
        ({"outcomes": ("total", "x")}, "neither of them 'total'"),
        ({"outcomes": ("yes", "")}, "outcomes must be two different non-empty labels"),
    ],
)
def test_besd_labels_are_checked(kwargs: dict[str, Any], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        binomial_effect_size_display(0.3, **kwargs)


def test_besd_sentence_checks_its_groups_and_r() -> None:
    with pytest.raises(ValueError, match="groups must be two different"):
        besd_sentence(0.3, groups=("only one",))
    with pytest.raises(ValueError, match=r"r must be a number in \[-1, 1\]; got nan"):
        besd_sentence(NAN)
    assert "with X improving" in besd_sentence(0.3, groups=("X", "Y"))
