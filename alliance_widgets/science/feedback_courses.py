"""Example OQ-45 courses and what a published feedback effect would do to one of them.

The courses are idealised teaching scenarios (``literature.FEEDBACK_COURSES``, a kit
assumption): waypoints for the share of the expected recovery made (``share``) and for
reliable-change units of worsening (``worse``), with a little seeded session-to-session
noise. :func:`illustrate_feedback` turns a published effect of feedback on not-on-track
clients into OQ-45 points for one course. It illustrates an effect size; it does not
predict a client. The FeedbackExplorer shows both; this module holds the arithmetic.

Examples
--------
>>> preset_course(90, "on track", 4, seed=1).round(1).tolist()
[90.0, 89.8, 85.9, 78.7]
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from alliance_widgets import literature as lit
from alliance_widgets.science.feedback import expected_trajectory
from alliance_widgets.science.validation import check_choice

__all__ = ["COURSES", "illustrate_feedback", "preset_course"]

#: The example courses a learner can pick.
COURSES: tuple[str, ...] = tuple(lit.FEEDBACK_COURSES.value)

_RC = float(lit.OQ45_RELIABLE_CHANGE.value)
_OQ_LOW, _OQ_HIGH = (float(v) for v in lit.OQ45_RANGE.value)
_NOISE_SD = float(lit.FEEDBACK_COURSES.extra["noise_sd"])


def _waypoints(points: Any, u: np.ndarray) -> np.ndarray:
    xs = np.array([p[0] for p in points], dtype=float)
    ys = np.array([p[1] for p in points], dtype=float)
    return np.interp(u, xs, ys)


def preset_course(intake: float, course: str, n_sessions: int, seed: int) -> np.ndarray:
    """OQ-45 scores for sessions 1…n of one example course (``literature.FEEDBACK_COURSES``).

    Session 1 is the intake score; later sessions add seeded noise; scores stay inside
    the OQ-45 range.

    Parameters
    ----------
    intake : float
        The OQ-45 score at session 1.
    course : str
        One of :data:`COURSES`.
    n_sessions : int
        How many sessions (1 gives the intake alone).
    seed : int
        Seed of the session-to-session noise.

    Returns
    -------
    numpy.ndarray
        ``n_sessions`` scores inside the OQ-45 range.

    Examples
    --------
    >>> preset_course(90, "on track", 4, seed=1).round(1).tolist()
    [90.0, 89.8, 85.9, 78.7]
    >>> preset_course(90, "cured", 4, seed=1)
    Traceback (most recent call last):
    ...
    ValueError: course must be one of 'on track', ...; got 'cured'.
    """
    shape = lit.FEEDBACK_COURSES.value[check_choice("course", course, COURSES)]
    u = np.linspace(0.0, 1.0, n_sessions) if n_sessions > 1 else np.zeros(1)
    expected = expected_trajectory(intake, n_sessions)["expected"].to_numpy()
    scores = intake + _waypoints(shape["share"], u) * (expected - intake)
    scores += _waypoints(shape["worse"], u) * _RC
    noise = np.random.default_rng(seed).normal(0.0, _NOISE_SD, n_sessions)
    noise[0] = 0.0
    return np.clip(scores + noise, _OQ_LOW, _OQ_HIGH)


def illustrate_feedback(
    course: pd.DataFrame, effect_low: float, effect_high: float
) -> pd.DataFrame:
    """The course shifted by a published feedback effect, from the first warning on.

    The therapist sees the first yellow or red signal at that session; from then on the
    shift grows in a straight line to ``effect_low``/``effect_high`` points (lower scores,
    less distress) at the last session. No rows when the client is never flagged.

    Parameters
    ----------
    course : DataFrame
        ``session``, ``score`` and ``signal``, as made by ``science.feedback_signals``.
    effect_low, effect_high : float
        The effect at the last session, in OQ-45 points (the published range's ends).

    Returns
    -------
    pandas.DataFrame
        ``session``, ``low``, ``high`` from the first flagged session on.

    Examples
    --------
    >>> from alliance_widgets.science import feedback_signals
    >>> c = feedback_signals([90, 95, 100, 104, 108])
    >>> illustrate_feedback(c, 3.0, 3.0)
       session    low   high
    0        2   95.0   95.0
    1        3   99.0   99.0
    2        4  102.0  102.0
    3        5  105.0  105.0
    """
    flagged = course["signal"].isin(["yellow", "red"]).to_numpy()
    if not flagged.any():
        return pd.DataFrame({"session": [], "low": [], "high": []})
    start = int(np.argmax(flagged))
    part = course.iloc[start:]
    steps = len(part) - 1
    ramp = np.arange(len(part)) / steps if steps else np.zeros(1)
    score = part["score"].to_numpy(dtype=float)
    return pd.DataFrame(
        {
            "session": part["session"].to_numpy(),
            "low": np.clip(score - ramp * effect_low, _OQ_LOW, _OQ_HIGH),
            "high": np.clip(score - ramp * effect_high, _OQ_LOW, _OQ_HIGH),
        }
    ).reset_index(drop=True)
