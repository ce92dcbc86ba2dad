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
    classify_change,
    clinical_cutoffs,
    correlation_ci,
    cronbach_alpha,
    d_to_r,
    decompose_improvement,
    detect_ruptures,
    detect_ruptures_by_client,
    expected_trajectory,
    feedback_signals,
    mcdonald_omega,
    r_to_d,
    r_to_r2,
    reliable_change_index,
    reliable_change_threshold,
    score_wai_sr,
    variance_explained,
)
from alliance_widgets.science.factor import one_factor_loadings

NAN = float("nan")
ITEMS = [f"item_{i}" for i in range(1, 13)]

# --------------------------------------------------------------------------- WAI-SR scoring


def test_wai_sr_edge_cases() -> None:
    for empty in (pd.DataFrame(columns=ITEMS), np.empty((0, 12))):
        with pytest.raises(ValueError, match="items holds no responses"):
            score_wai_sr(empty)
    one = score_wai_sr(pd.DataFrame([[2] * 12], columns=ITEMS))
    assert one.shape == (1, 4) and (one == 2.0).all().all()
    # everyone the same answer: a constant table scores fine (means need no variance)
    same = score_wai_sr(pd.DataFrame([[4] * 12] * 3, columns=ITEMS))
    assert (same == 4.0).all().all()
    # an all-missing respondent keeps their row, NaN throughout (the missing-item rule)
    blank = score_wai_sr(pd.DataFrame([[NAN] * 12, [3] * 12], columns=ITEMS))
    assert blank.iloc[0].isna().all() and (blank.iloc[1] == 3.0).all()


@pytest.mark.parametrize(
    ("items", "match"),
    [
        (pd.DataFrame([[True] * 12], columns=ITEMS), "whole numbers from 1 to 5 .* 0 item 1: True"),
        (
            pd.DataFrame({"client_id": [NAN] * 12, "item": range(1, 13), "response": 3}),
            r"'client_id' is missing in 12 row\(s\) \(first: row 0\)",
        ),
        (
            pd.DataFrame([[3] * 12], columns=ITEMS).assign(client_id=[None]),
            r"'client_id' is missing in 1 row\(s\)",
        ),
        (
            pd.DataFrame({"client_id": 1, "item": [NAN, *range(2, 13)], "response": 3}),
            r"item numbers 1–12; rows \[0\] hold \[nan\]",
        ),
        (pd.DataFrame([[np.inf] + [3] * 11], columns=ITEMS), "0 item 1: inf"),
        (
            pd.DataFrame([[3] * 12, [4] * 12], columns=ITEMS).assign(client_id=["a", "a"]),
            "more than one row for client_id 'a'; .*add a session column",
        ),
    ],
)
def test_wai_sr_bad_values(items: pd.DataFrame, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        score_wai_sr(items)


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


def test_omega_needs_three_items() -> None:
    # Two items: one covariance, two loadings; any split fits, so omega is not identified.
    two = [[1, 2], [2, 3], [3, 3], [4, 5], [5, 4]]
    with pytest.raises(
        ValueError, match=r"at least 3 item columns for omega .* use cronbach_alpha"
    ):
        mcdonald_omega(two)
    assert cronbach_alpha(two).n == 5


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


# --------------------------------------------------------------------------- outcome

RCI = {"sd_pre": 10.0, "reliability": 0.8}


def test_rci_edge_cases() -> None:
    empty = reliable_change_index([], [], **RCI)
    assert isinstance(empty, np.ndarray) and empty.size == 0
    one = reliable_change_index([80.0], [60.0], **RCI)
    assert one.shape == (1,) and one[0] == pytest.approx(-20 / math.sqrt(2 * 100 * 0.2))
    # Everyone unchanged: a constant difference of 0 gives RCI 0, not NaN.
    assert (reliable_change_index([70, 70, 70], [70, 70, 70], **RCI) == 0).all()
    # A missing score in an array is that person's NaN (documented), nobody else's.
    partial = reliable_change_index([80.0, NAN], [60.0, 60.0], **RCI)
    assert not np.isnan(partial[0]) and np.isnan(partial[1])


@pytest.mark.parametrize(
    ("pre", "post", "exc", "match"),
    [
        (NAN, 60, ValueError, r"pre is missing \(NaN\)"),
        (80, NAN, ValueError, r"post is missing \(NaN\)"),
        (None, None, TypeError, "pre must be a score or scores .* got None"),
        (True, False, TypeError, "pre must be a score or scores .* got True"),
        ([[80, 70]], [[60, 65]], ValueError, r"pre must be a score or a 1-D sequence; got shape"),
        ([80, 70], [60], ValueError, "pre and post must have the same shape"),
        (
            pd.Series([80.0], index=["a"]),
            pd.Series([60.0], index=["b"]),
            ValueError,
            "different labels",
        ),
    ],
)
@pytest.mark.parametrize("func", ["rci", "classify"])
def test_change_bad_scores(pre: Any, post: Any, exc: type, match: str, func: str) -> None:
    with pytest.raises(exc, match=match):
        if func == "rci":
            reliable_change_index(pre, post, **RCI)
        else:
            classify_change(pre, post)


def test_classify_edge_cases() -> None:
    assert len(classify_change([], [])) == 0
    assert classify_change([80.0], [60.0]).tolist() == ["recovered"]
    assert classify_change([70.0] * 3, [70.0] * 3).tolist() == ["unchanged"] * 3
    all_missing = classify_change([NAN, NAN], [NAN, 60.0])
    assert all_missing.isna().all() and len(all_missing) == 2


def test_cutoff_and_threshold_arguments_are_named() -> None:
    with pytest.raises(ValueError, match=r"mean_dys must be a number in \(-∞, ∞\); got nan"):
        clinical_cutoffs(NAN, 10, 40, 10)
    with pytest.raises(ValueError, match=r"sd_func must be a number in \(0, ∞\); got 0"):
        clinical_cutoffs(80, 10, 40, 0)
    with pytest.raises(ValueError, match="sd_pre must be a number in"):
        reliable_change_threshold(sd_pre=NAN, reliability=0.8)
    with pytest.raises(ValueError, match="reliability must be a number in"):
        reliable_change_threshold(sd_pre=10, reliability=NAN)


# --------------------------------------------------------------------------- feedback


def test_feedback_edge_cases() -> None:
    with pytest.raises(ValueError, match="scores is empty"):
        feedback_signals(pd.Series([], dtype=float))
    with pytest.raises(ValueError, match="no observed score and no intake"):
        feedback_signals([NAN, NAN])
    # one session: its own intake, on the curve
    assert feedback_signals([80]).signal.astype(str).tolist() == ["green"]
    # a flat course falls behind the expected recovery: yellow, then red (documented)
    flat = feedback_signals([90.0] * 12).signal.astype(str).tolist()
    assert flat[0] == "green" and flat[-1] == "red" and "yellow" in flat
    # no observed score but an intake: every signal is missing, never guessed
    waiting = feedback_signals([NAN, NAN], intake=80)
    assert waiting.signal.isna().all() and waiting.expected.notna().all()


@pytest.mark.parametrize(
    ("scores", "exc", "match"),
    [
        ([200, 190], ValueError, "from 0 to 180 .* got session 1: 200, session 2: 190"),
        ([90, -5], ValueError, "got session 2: -5"),
        ([NAN, 181], ValueError, "got session 2: 181"),
        (None, TypeError, "scores must be numbers; got None"),
        ("90", TypeError, "scores must be numbers; got '90'"),
        ([[90, 80]], ValueError, r"1-D\); got shape \(1, 2\)"),
    ],
)
def test_feedback_bad_scores(scores: Any, exc: type, match: str) -> None:
    with pytest.raises(exc, match=match):
        feedback_signals(scores)


def test_trajectory_arguments_are_named() -> None:
    with pytest.raises(ValueError, match=r"intake must be a number in \[0, 180\]; got nan"):
        expected_trajectory(NAN)
    with pytest.raises(TypeError, match="n_sessions must be a whole number"):
        expected_trajectory(80, True)
    with pytest.raises(ValueError, match=r"floor must be a number in \[0, 180\]"):
        feedback_signals([90, 80], floor=NAN)


# --------------------------------------------------------------------------- variance


def _factors() -> pd.DataFrame:
    f = pd.DataFrame({"a": [1.0, 2, 3, 4], "b": [2.0, 1, 4, 3]})
    return f.assign(improvement=f.a + f.b)


def test_decompose_edge_cases() -> None:
    f = _factors()
    for rows in (f.iloc[:0], f.iloc[:1], f.assign(a=NAN)):
        with pytest.raises(ValueError, match=r"at least 3 rows .* got [01]\."):
            decompose_improvement(rows, ["a", "b"])
    # a constant factor explains nothing (documented), the other explains everything
    const = f.assign(a=1.0, improvement=1.0 + f.b)
    out = decompose_improvement(const, ["a", "b"])
    assert out.loc["a", "variance_share"] == 0 and out.loc["a", "covariance_share"] == 0
    assert out.loc["b", "covariance_share"] == pytest.approx(100)
    # a row with a missing value is left out and counted out
    gap = decompose_improvement(f.assign(a=[1, NAN, 3, 4.0]), ["a", "b"])
    assert gap.attrs["n"] == 3 and gap.notna().sum().sum() > 0


@pytest.mark.parametrize(
    ("change", "factors", "exc", "match"),
    [
        (
            {"a": ["x", "y", "z", "w"]},
            ["a", "b"],
            TypeError,
            "column 'a' must hold numbers; got 'x'",
        ),
        ({"a": [1, np.inf, 3, 4]}, ["a", "b"], ValueError, "column 'a' must hold finite numbers"),
        ({}, "ab", TypeError, "factors must be a list of column names; got 'ab'"),
        ({}, ["a", "a"], ValueError, "name each column once"),
        ({}, ["a", "improvement"], ValueError, "not the outcome 'improvement'"),
    ],
)
def test_decompose_bad_columns(change: dict[str, Any], factors: Any, exc: type, match: str) -> None:
    with pytest.raises(exc, match=match):
        decompose_improvement(_factors().assign(**change), factors)


def test_variance_explained_refuses_arrays_and_flags() -> None:
    with pytest.raises(TypeError, match="r must be a number"):
        variance_explained(np.array([0.3]))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"got True \(bool\)"):
        variance_explained(True)


# --------------------------------------------------------------------------- ruptures


def test_rupture_edge_cases() -> None:
    assert not detect_ruptures([4.0]).rupture.any()
    flat = detect_ruptures([4.0] * 6)
    assert not flat.rupture.any() and (flat["drop"].iloc[1:] == 0).all()
    unrated = detect_ruptures([NAN] * 3)  # documented: nothing observed, nothing found
    assert not unrated.rupture.any() and unrated.running_level.isna().all()
    with pytest.raises(TypeError, match="True/False"):
        detect_ruptures([True, False])
    with pytest.raises(ValueError, match=r"1-D\); got shape \(\)"):
        detect_ruptures(4.0)


def _long(**change: Any) -> pd.DataFrame:
    frame = pd.DataFrame(
        {"client_id": [1, 1, 1], "session": [1, 2, 3], "alliance": [4.0, 3.0, 4.0]}
    )
    return frame.assign(**change)


def test_ruptures_by_client_edge_cases() -> None:
    one = detect_ruptures_by_client(_long().iloc[:1])
    assert len(one) == 1 and not one.rupture.any()
    assert not detect_ruptures_by_client(_long(alliance=NAN)).rupture.any()
    assert not detect_ruptures_by_client(_long(alliance=4.0)).rupture.any()
    # session numbers written as text digits are numbers
    as_text = detect_ruptures_by_client(_long(session=["1", "2", "3"]))
    assert as_text.rupture.tolist() == [False, True, False]


@pytest.mark.parametrize(
    ("change", "exc", "match"),
    [
        (
            {"client_id": [1, NAN, NAN]},
            ValueError,
            r"'client_id' is missing in 2 row\(s\) \(first: row 1\)",
        ),
        ({"session": [1, NAN, 3]}, ValueError, r"'session' is missing in 1 row\(s\)"),
        ({"session": ["a", "b", "c"]}, TypeError, "'session' must hold session numbers; got 'a'"),
        ({"session": [True, False, True]}, TypeError, "'session' must hold session numbers"),
        ({"alliance": [4.0, np.inf, 3.0]}, ValueError, "'alliance' must hold finite ratings"),
    ],
)
def test_ruptures_by_client_bad_keys(change: dict[str, Any], exc: type, match: str) -> None:
    with pytest.raises(exc, match=match):
        detect_ruptures_by_client(_long(**change))
