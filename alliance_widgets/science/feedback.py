"""Expected recovery and progress signals, in the manner of Lambert's OQ feedback system.

Lambert's OQ-Analyst compares each session's OQ-45 score with the recovery expected for
a client who started at the same intake score, and shows a coloured signal
(``literature.OQ_SIGNALS``): **white** (functioning in the normal range), **green**
(adequate progress), **yellow** (less progress than expected) and **red** (not on track:
at risk of treatment failure). Its actual curves and rules are proprietary. The kit's
stand-in is ``literature.EXPECTED_RECOVERY_CURVE`` (a kit assumption):

- expected score ``floor + (intake − floor)·exp(−rate·(t − 1))`` at session t (session 1
  is intake; a client already below the floor is expected to stay where they are);
- **white** when the score is on the functional side of the OQ-45 cutoff (below 63.5);
- otherwise **red** when the score is worse than expected by more than
  ``red_margin × reliable change`` (14 points on the OQ-45), or has reliably deteriorated
  since intake; **yellow** when worse than expected by more than
  ``yellow_margin × reliable change``; **green** otherwise.

Examples
--------
>>> from alliance_widgets.science import feedback_signals
>>> feedback_signals([90, 88, 86, 95, 104]).signal.tolist()
['green', 'green', 'green', 'yellow', 'red']
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from alliance_widgets.literature import (
    EXPECTED_RECOVERY_CURVE,
    OQ45_CLINICAL_CUTOFF,
    OQ45_RANGE,
    OQ45_RELIABLE_CHANGE,
    OQ_SIGNALS,
)
from alliance_widgets.science.validation import check_int, check_real

__all__ = ["SIGNALS", "expected_trajectory", "feedback_signals"]

#: The signal colours, in order from best to worst, with their documented meanings.
SIGNALS: dict[str, str] = dict(OQ_SIGNALS.value)

_CURVE = EXPECTED_RECOVERY_CURVE.value
_RC = float(OQ45_RELIABLE_CHANGE.value)
_SCORE_RANGE = tuple(float(v) for v in OQ45_RANGE.value)


def expected_trajectory(
    intake: float,
    n_sessions: int = 20,
    *,
    floor: float = _CURVE["floor"],
    rate: float = _CURVE["rate"],
    tolerance: float = _CURVE["red_margin"] * _RC,
) -> pd.DataFrame:
    """The OQ-45-like score expected at each session for a client with this intake score.

    Parameters
    ----------
    intake : float
        The score at session 1, in [0, 180] (the OQ-45 range; higher = more distress).
    n_sessions : int, default 20
        How many sessions to draw the curve for (≥ 1).
    floor : float
        The level the expected score decays toward (a kit assumption).
    rate : float
        Decay per session (> 0; a kit assumption).
    tolerance : float
        Half-width of the band ``[expected − tolerance, expected + tolerance]``; by default
        one OQ-45 reliable change. A score above ``upper`` is a red signal.

    Returns
    -------
    pandas.DataFrame
        Columns ``session`` (1…n), ``expected``, ``lower``, ``upper``.

    Raises
    ------
    ValueError
        ``intake`` or ``floor`` outside 0–180 or NaN, ``n_sessions`` < 1, ``rate`` ≤ 0,
        ``tolerance`` < 0.
    TypeError
        A value that is not a number (or True/False for ``n_sessions``).

    Examples
    --------
    >>> expected_trajectory(85, 4).round(1)
       session  expected  lower  upper
    0        1      85.0   71.0   99.0
    1        2      82.7   68.7   96.7
    2        3      80.5   66.5   94.5
    3        4      78.4   64.4   92.4
    """
    intake = check_real("intake", intake, low=_SCORE_RANGE[0], high=_SCORE_RANGE[1])
    n_sessions = check_int("n_sessions", n_sessions, minimum=1)
    floor = check_real("floor", floor, low=_SCORE_RANGE[0], high=_SCORE_RANGE[1])
    rate = check_real("rate", rate, low=0, low_open=True)
    tolerance = check_real("tolerance", tolerance, low=0)
    session = np.arange(1, n_sessions + 1)
    base = min(floor, intake)
    expected = base + (intake - base) * np.exp(-rate * (session - 1))
    return pd.DataFrame(
        {
            "session": session,
            "expected": expected,
            "lower": expected - tolerance,
            "upper": expected + tolerance,
        }
    )


def feedback_signals(
    scores: Any,
    intake: float | None = None,
    *,
    cutoff: float = OQ45_CLINICAL_CUTOFF.value,
    reliable_change: float = _RC,
    floor: float = _CURVE["floor"],
    rate: float = _CURVE["rate"],
) -> pd.DataFrame:
    """A progress signal for each session of one client, compared with expected recovery.

    Parameters
    ----------
    scores : Series or sequence of float
        The client's OQ-45-like scores in session order. A Series with an integer index
        gives the session numbers; otherwise sessions are 1, 2, …. Missed sessions may be
        NaN: they get no signal (a missing value), never a guessed one.
    intake : float, optional
        The intake score the expectation starts from; by default the first observed
        score, and the curve then starts at that score's session. Given explicitly, it is
        the expected score at session 1.
    cutoff : float
        The clinical cutoff (OQ-45: 63.5); scores below it are white.
    reliable_change : float
        The reliable change in points (OQ-45: 14); the signal margins are multiples of it.
    floor, rate : float
        The expected-recovery curve (see :func:`expected_trajectory`).

    Returns
    -------
    pandas.DataFrame
        Columns ``session``, ``score``, ``expected``, ``lower``, ``upper`` and ``signal``
        (a categorical of white / green / yellow / red, missing where the score is).

    Raises
    ------
    ValueError
        No scores, no observed score and no ``intake``, a score outside the OQ-45
        range 0–180 (the message names the session) or infinite, or session numbers
        that are not 1, 2, … upward.
    TypeError
        Scores that are not numbers (text, None).

    Notes
    -----
    A single session is its own intake: it is green, or white below the cutoff. A flat
    course (the same score every session) falls behind the expected recovery and turns
    yellow, then red, as the curve drops away from it. With ``intake`` given and no
    observed score, every signal is missing (nothing to judge yet), never a guess.

    Examples
    --------
    >>> feedback_signals([80]).signal.tolist()
    ['green']
    >>> out = feedback_signals([80, float("nan"), 60])
    >>> out.signal.tolist()
    ['green', nan, 'white']
    """
    cutoff = check_real("cutoff", cutoff)
    reliable_change = check_real("reliable_change", reliable_change, low=0, low_open=True)
    sessions, x = _score_values(scores)
    start = 1
    if intake is None:
        seen = np.flatnonzero(~np.isnan(x))
        if seen.size == 0:
            raise ValueError(
                "scores has no observed score and no intake was given; there is nothing to "
                "compare progress with."
            )
        # The first observed score is the intake: the curve starts at that session.
        intake, start = float(x[seen[0]]), int(sessions[seen[0]])
    curve = expected_trajectory(
        intake,
        int(sessions.max()),
        floor=floor,
        rate=rate,
        tolerance=_CURVE["red_margin"] * reliable_change,
    ).set_index("session")
    steps = np.maximum(sessions - start + 1, 1)  # sessions before the intake: no progress yet
    expected = curve.loc[steps, "expected"].to_numpy()
    shortfall = x - expected  # positive = more distress than expected
    red = (shortfall > _CURVE["red_margin"] * reliable_change) | (
        x - float(intake) >= reliable_change
    )
    yellow = shortfall > _CURVE["yellow_margin"] * reliable_change
    white = x < cutoff
    codes = np.select([white, red, yellow], [0, 3, 2], default=1)
    codes = np.where(np.isnan(x), -1, codes)
    colours = pd.CategoricalDtype(list(SIGNALS), ordered=True)
    signal = pd.Categorical.from_codes(codes.astype(np.int64), dtype=colours)
    return pd.DataFrame(
        {
            "session": sessions,
            "score": x,
            "expected": expected,
            "lower": curve.loc[steps, "lower"].to_numpy(),
            "upper": curve.loc[steps, "upper"].to_numpy(),
            "signal": signal,
        }
    )


def _score_values(scores: Any) -> tuple[np.ndarray, np.ndarray]:
    if isinstance(scores, pd.Series):
        x = pd.to_numeric(scores, errors="coerce")
        if (x.isna() & scores.notna()).any():
            raise TypeError("scores must hold numbers (OQ-45-like totals).")
        if pd.api.types.is_integer_dtype(scores.index) and not isinstance(
            scores.index, pd.RangeIndex
        ):
            sessions = scores.index.to_numpy(dtype=int)
        else:
            sessions = np.arange(1, len(scores) + 1)
        arr = x.to_numpy(dtype=float)
    else:
        if scores is None or isinstance(scores, (str, bytes)):
            raise TypeError(f"scores must be numbers; got {scores!r}.")
        try:
            arr = np.asarray(scores, dtype=float)
        except (TypeError, ValueError):
            raise TypeError(f"scores must be numbers; got {scores!r}.") from None
        if arr.ndim == 0:
            arr = arr.reshape(1)
        if arr.ndim != 1:
            raise ValueError(f"scores must be one client's scores (1-D); got shape {arr.shape}.")
        sessions = np.arange(1, arr.size + 1)
    if arr.size == 0:
        raise ValueError("scores is empty: there are no sessions to signal.")
    if np.any(np.isinf(arr)):
        raise ValueError("scores must be finite; got an infinite value.")
    low, high = _SCORE_RANGE
    off = np.flatnonzero((arr < low) | (arr > high))  # NaN compares False: a missed session
    if off.size:
        shown = ", ".join(f"session {sessions[i]}: {arr[i]:g}" for i in off[:3])
        raise ValueError(
            f"scores must be OQ-45-like totals from {low:g} to {high:g} (NaN for a missed "
            f"session); got {shown}."
        )
    if sessions.min() < 1 or np.any(np.diff(sessions) <= 0):
        raise ValueError(
            "scores' sessions must be numbered from 1 upward in order with no repeats; got "
            f"{list(sessions[:6])}."
        )
    return sessions, arr
