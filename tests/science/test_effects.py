"""Effect sizes: Fisher-z intervals, r ↔ d, r², the binomial effect size display."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from scipy import stats

from alliance_widgets import literature as lit
from alliance_widgets.science import (
    Estimate,
    besd_sentence,
    binomial_effect_size_display,
    correlation_ci,
    d_to_r,
    r_interval,
    r_to_d,
    r_to_r2,
)


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("level", [0.9, 0.95, 0.99])
def test_correlation_ci_matches_scipy(seed: int, level: float) -> None:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=40)
    y = 0.4 * x + rng.normal(size=40)
    ours = correlation_ci(x, y, level)
    res = stats.pearsonr(x, y)
    ci = res.confidence_interval(confidence_level=level)
    assert ours.value == pytest.approx(res.statistic, abs=1e-12)
    assert (ours.low, ours.high) == pytest.approx((ci.low, ci.high), abs=1e-12)
    assert ours.n == 40 and ours.level == level


def test_r_interval_by_hand() -> None:
    # r = .5, n = 28: z = atanh(.5) = 0.549306, SE = 1/5 = 0.2, ± 1.959964·0.2
    e = r_interval(0.5, 28)
    z = 0.5493061443340549
    assert e.low == pytest.approx(math.tanh(z - 0.3919928), abs=1e-7)
    assert e.high == pytest.approx(math.tanh(z + 0.3919928), abs=1e-7)
    assert isinstance(e, Estimate) and e.label == "r"


def test_perfect_correlation_gives_a_degenerate_interval() -> None:
    e = correlation_ci([1, 2, 3, 4, 5], [2, 4, 6, 8, 10])
    assert (e.value, e.low, e.high) == (1.0, 1.0, 1.0)


def test_nan_pairs_are_dropped_and_counted() -> None:
    x = [1, 2, 3, 4, 5, np.nan]
    y = [2, 1, 4, 3, np.nan, 7]
    e = correlation_ci(x, y)
    assert e.n == 4
    assert e.value == pytest.approx(stats.pearsonr([1, 2, 3, 4], [2, 1, 4, 3]).statistic)


@pytest.mark.parametrize(
    ("x", "y", "match"),
    [
        ([1, 2, 3], [1, 2, 3], "at least 4 complete pairs"),
        ([1, 2, 3, 4], [1, 2, 3], "same length"),
        ([1, 2, 3, 4], [5, 5, 5, 5], "y is constant"),
        ([], [], "at least 4"),
    ],
)
def test_correlation_ci_bad_input(x: list[float], y: list[float], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        correlation_ci(x, y)


def test_level_is_checked() -> None:
    with pytest.raises(ValueError, match=r"level must be a number in \(0, 1\); got 95"):
        r_interval(0.3, 50, level=95)


def test_r2_d_and_back() -> None:
    assert r_to_r2(0.3) == pytest.approx(0.09)
    # The published pair: r = .278 and d = .579 (Flückiger et al. 2018).
    fig = lit.ALLIANCE_OUTCOME_R_2018
    assert r_to_d(fig.value) == pytest.approx(fig.extra["d"], abs=0.001)
    rs = np.linspace(-0.95, 0.95, 39)
    np.testing.assert_allclose(d_to_r(r_to_d(rs)), rs, atol=1e-12)
    assert r_to_d(0.0) == 0.0 and d_to_r(0.0) == 0.0
    assert r_to_d(0.5) == pytest.approx(2 * 0.5 / math.sqrt(0.75))


@pytest.mark.parametrize("bad", [1.2, -1.5, float("nan")])
def test_r_out_of_range(bad: float) -> None:
    with pytest.raises(ValueError, match="r must be"):
        r_to_r2(bad)


def test_r_to_r2_rejects_text() -> None:
    with pytest.raises(TypeError, match="r must be"):
        r_to_r2("0.3")


def test_besd_table_by_hand() -> None:
    t = binomial_effect_size_display(0.3)
    assert t.iloc[0].tolist() == pytest.approx([65.0, 35.0, 100.0])
    assert t.iloc[1].tolist() == pytest.approx([35.0, 65.0, 100.0])
    neg = binomial_effect_size_display(-0.2, groups=("g1", "g2"), outcomes=("yes", "no"))
    assert neg.loc["g1", "yes"] == pytest.approx(40.0)
    assert list(neg.columns) == ["yes", "no", "total"]


def test_besd_sentence_reads_the_table() -> None:
    s = besd_sentence(0.278)
    assert "64 of every 100" in s and "36 of every 100" in s and "Rosenthal" in s
    with pytest.raises(ValueError, match="r must be"):
        besd_sentence(2)


@settings(max_examples=60, deadline=None)
@given(
    data=st.lists(
        st.tuples(
            st.one_of(st.floats(-1e3, 1e3), st.just(float("nan"))),
            st.one_of(st.floats(-1e3, 1e3), st.just(float("nan"))),
        ),
        min_size=4,
        max_size=30,
    )
)
def test_correlation_matches_scipy_on_the_complete_pairs(data: list[tuple[float, float]]) -> None:
    x, y = (np.array(v, dtype=float) for v in zip(*data, strict=True))
    keep = ~(np.isnan(x) | np.isnan(y))
    xs, ys = x[keep], y[keep]
    if xs.size < 4:
        with pytest.raises(ValueError, match="at least 4 complete pairs"):
            correlation_ci(x, y)
        return
    if min(np.ptp(xs), np.ptp(ys)) == 0:
        with pytest.raises(ValueError, match="is constant"):
            correlation_ci(x, y)
        return
    # A spread of rounding dust next to the values' size leaves r ill-conditioned.
    assume(all(np.ptp(v) > 1e-6 * (1 + np.abs(v).max()) for v in (xs, ys)))
    ours = correlation_ci(x, y)
    assert ours.n == xs.size
    assert ours.value == pytest.approx(stats.pearsonr(xs, ys).statistic, abs=1e-9)
    assert -1 <= ours.low <= ours.value <= ours.high <= 1
