"""Expected recovery curves and OQ-style progress signals."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from alliance_widgets import literature as lit
from alliance_widgets.science import SIGNALS, expected_trajectory, feedback_signals

CURVE = lit.EXPECTED_RECOVERY_CURVE.value
RC = lit.OQ45_RELIABLE_CHANGE.value


def test_curve_formula_by_hand() -> None:
    out = expected_trajectory(100, 10)
    t = np.arange(1, 11)
    expected = CURVE["floor"] + (100 - CURVE["floor"]) * np.exp(-CURVE["rate"] * (t - 1))
    np.testing.assert_allclose(out.expected, expected)
    np.testing.assert_allclose(out.upper - out.expected, CURVE["red_margin"] * RC)
    np.testing.assert_allclose(out.expected - out.lower, CURVE["red_margin"] * RC)
    assert out.expected.iloc[0] == 100 and out.expected.is_monotonic_decreasing


def test_curve_properties() -> None:
    a = expected_trajectory(90, 30).expected
    b = expected_trajectory(70, 30).expected
    # more severe clients are expected to improve more
    assert (a.iloc[0] - a.iloc[-1]) > (b.iloc[0] - b.iloc[-1])
    assert (a > CURVE["floor"]).all()
    flat = expected_trajectory(30, 5).expected  # below the floor: no expected change
    assert (flat == 30).all()
    one = expected_trajectory(80, 1)
    assert len(one) == 1 and one.session.tolist() == [1]
    custom = expected_trajectory(80, 3, floor=60, rate=1.0, tolerance=5)
    assert custom.expected.iloc[1] == pytest.approx(60 + 20 * np.exp(-1))
    assert (custom.upper - custom.expected == 5).all()


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"intake": 200}, "intake must be"),
        ({"intake": 80, "n_sessions": 0}, "n_sessions must be"),
        ({"intake": 80, "rate": 0}, "rate must be"),
        ({"intake": 80, "tolerance": -1}, "tolerance must be"),
    ],
)
def test_curve_bad_input(kwargs: dict, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        expected_trajectory(**kwargs)


def test_signal_rules_by_hand() -> None:
    intake = 90.0
    exp = expected_trajectory(intake, 6).expected.to_numpy()
    yellow_at = CURVE["yellow_margin"] * RC
    red_at = CURVE["red_margin"] * RC
    scores = [
        intake,  # session 1: on the curve
        exp[1] + yellow_at - 0.5,  # green: worse than expected but inside the margin
        exp[2] + yellow_at + 0.5,  # yellow
        exp[3] + red_at + 0.5,  # red: far worse than expected
        60.0,  # white: functional range (below 63.5)
        63.0,  # still white: 63 and below is functional
    ]
    out = feedback_signals(scores)
    assert out.signal.astype(str).tolist() == ["green", "green", "yellow", "red", "white", "white"]
    assert list(out.columns) == ["session", "score", "expected", "lower", "upper", "signal"]
    assert list(out.signal.cat.categories) == list(SIGNALS) == list(lit.OQ_SIGNALS.value)


def test_reliable_deterioration_is_red_even_near_the_curve() -> None:
    # expected barely moves for a low intake, so intake + 14 is the binding rule
    out = feedback_signals([66, 74, 80], floor=66)
    assert out.signal.astype(str).tolist() == ["green", "yellow", "red"]
    assert out.score.iloc[2] - out.score.iloc[0] >= RC


def test_nan_single_session_and_explicit_intake() -> None:
    assert feedback_signals([95]).signal.astype(str).tolist() == ["green"]
    assert feedback_signals([55]).signal.astype(str).tolist() == ["white"]
    out = feedback_signals([np.nan, 90, np.nan, 70])
    assert out.signal.isna().tolist() == [True, False, True, False]
    assert out.expected.iloc[1] == 90  # intake defaults to the first observed score
    assert out.expected.iloc[3] == pytest.approx(expected_trajectory(90, 3).expected.iloc[2])
    explicit = feedback_signals([90, 88], intake=100)
    assert explicit.expected.iloc[0] == 100


def test_series_index_gives_sessions() -> None:
    s = pd.Series([90.0, 85.0, 80.0], index=[1, 3, 6])
    out = feedback_signals(s)
    assert out.session.tolist() == [1, 3, 6]
    assert out.expected.iloc[2] == pytest.approx(expected_trajectory(90, 6).expected.iloc[5])


def test_feedback_bad_input() -> None:
    with pytest.raises(ValueError, match="empty"):
        feedback_signals([])
    with pytest.raises(ValueError, match="no observed score"):
        feedback_signals([np.nan, np.nan])
    with pytest.raises(TypeError, match="must be numbers"):
        feedback_signals(["high"])
    with pytest.raises(ValueError, match="numbered from 1"):
        feedback_signals(pd.Series([90.0, 80.0], index=[0, 1]))
    with pytest.raises(ValueError, match="reliable_change must be"):
        feedback_signals([90, 80], reliable_change=0)


def test_signal_shares_on_simulated_courses() -> None:
    """Clients who improve as expected are mostly green; those who worsen are flagged."""
    rng = np.random.default_rng(0)
    on_track = []
    worse = []
    for _ in range(200):
        intake = rng.uniform(70, 110)
        exp = expected_trajectory(intake, 10).expected.to_numpy()
        noise = rng.normal(0, 3, 10)
        noise[0] = 0
        on_track.append(feedback_signals(exp + noise).signal.astype(str).iloc[-1])
        worse.append(feedback_signals(intake + np.linspace(0, 20, 10) + noise).signal.iloc[-1])
    assert np.mean([s in ("green", "white") for s in on_track]) > 0.9
    assert np.mean([s == "red" for s in worse]) > 0.95
