"""Checks for lesson 04, *How big is the alliance effect?*

Expected answers are computed from :mod:`alliance_widgets.literature`, from
``science.r_interval`` (Fisher's z interval) or from the data the lesson passes in.

Examples
--------
>>> check_variance_from_r(6.76, 0.26).ok
True
>>> print(check_variance_from_r(26, 0.26))
Exercise 4.1 — ❌ not yet right.
  ✗ 26 % is r written as a percentage: the famous misquote. A share of variance is r squared.
  Hint: Multiply r by itself, then by 100 for a percentage.
>>> check_misquote(False).ok
True
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from alliance_widgets import literature as lit
from alliance_widgets.exercises.feedback import INCORRECT, Feedback, fmt_number
from alliance_widgets.exercises.generic import check_bool, check_choice, check_number, unanswered

__all__ = [
    "CAUSE_OPTIONS",
    "check_causation",
    "check_data_correlation",
    "check_misquote",
    "check_smallest_n",
    "check_variance_from_r",
    "smallest_n_excluding_zero",
]


def check_variance_from_r(answer: Any, r: float, *, name: str = "Exercise 4.1") -> Feedback:
    """The share of variance (%) a correlation ``r`` explains: ``100 · r²``."""
    pct = 100 * r * r
    return check_number(
        answer,
        pct,
        tolerance=0.1,
        name=name,
        unit="%",
        digits=2,
        hint="Multiply r by itself, then by 100 for a percentage.",
        mistakes=[
            (
                100 * r,
                f"{fmt_number(100 * r, 1)} % is r written as a percentage: the famous "
                "misquote. A share of variance is r squared.",
            ),
            (r * r, "That is the proportion (0 to 1); multiply by 100 for a percentage."),
            (100 * abs(r) ** 0.5, "That is the square root of r; square r instead."),
        ],
        explanation=f"{fmt_number(r)} × {fmt_number(r)} = {fmt_number(r * r, 4)}, that is "
        f"{fmt_number(pct, 1)} % of the variance in outcome.",
    )


def check_misquote(answer: Any) -> Feedback:
    """Exercise 4.2: "the alliance explains 26 % of outcome" — true or false?"""
    r = lit.ALLIANCE_OUTCOME_R_1991.value
    return check_bool(
        answer,
        False,
        name="Exercise 4.2",
        hint=f"Is {fmt_number(100 * r)} % the correlation or the share of variance?",
        why_wrong=f"r = {fmt_number(r)} ({lit.ALLIANCE_OUTCOME_R_1991.cite()}) is a "
        f"correlation; it explains {fmt_number(100 * r * r, 1)} % of the variance, not "
        f"{fmt_number(100 * r)} %.",
        explanation=f"{fmt_number(100 * r)} % mistakes the correlation for the share of "
        f"variance, which is {fmt_number(100 * r * r, 1)} %.",
    )


def smallest_n_excluding_zero(r: float, options: Sequence[int], level: float = 0.95) -> int:
    """The smallest sample size among ``options`` whose interval for ``r`` excludes 0.

    Examples
    --------
    >>> smallest_n_excluding_zero(0.278, [20, 40, 60, 100])
    60
    """
    from alliance_widgets.science.effects import r_interval

    for n in sorted(options):
        est = r_interval(r, n, level)
        if est.low > 0 or est.high < 0:
            return int(n)
    raise ValueError(f"no n in {list(options)} gives an interval for r = {r} that excludes 0.")


def check_smallest_n(
    answer: Any, r: float, options: Sequence[int], *, name: str = "Exercise 4.3"
) -> Feedback:
    """Which of ``options`` is the smallest number of clients whose 95 % CI excludes 0?"""
    from alliance_widgets.science.effects import r_interval

    best = smallest_n_excluding_zero(r, options)
    shown = {n: str(n) for n in options}
    why = {}
    for n in options:
        e = r_interval(r, n)
        limits = f"[{fmt_number(e.low, 2)}, {fmt_number(e.high, 2)}]"
        why[n] = (
            f"with {n} clients the interval is {limits}, which still includes 0."
            if e.low <= 0 <= e.high
            else f"with {n} clients the interval {limits} excludes 0, but a smaller n does too."
        )
    hint = "Move the number-of-clients slider, or call r_interval(r, n) for each n."
    if answer is not None and not isinstance(answer, (int, np.integer)):
        msg = f"Answer with one of the numbers {', '.join(shown.values())} (no quotes)."
        return Feedback(name, INCORRECT, wrong=(msg,), hint=hint)
    return check_choice(
        None if answer is None else int(answer),
        best,
        options=shown,
        name=name,
        hint=hint,
        why_wrong=why,
        explanation=f"With {best} clients the 95 % interval for r = {fmt_number(r)} just "
        "stays above 0; with fewer, a study this size could not rule out no relation at all.",
    )


#: Options for exercise 4.4: what does the alliance–outcome correlation show?
CAUSE_OPTIONS: dict[str, str] = {
    "a": "that a better alliance causes better outcomes",
    "b": "that alliance and outcome go together; the direction is not settled by r alone",
    "c": "nothing, because the correlation is small",
    "d": "that outcomes cause the alliance, not the other way round",
}


def check_causation(answer: Any) -> Feedback:
    """Exercise 4.4: what does an alliance–outcome correlation tell us about cause?"""
    low, high = lit.ALLIANCE_OUTCOME_R_ADJUSTED_2020.value
    return check_choice(
        answer,
        "b",
        options=CAUSE_OPTIONS,
        name="Exercise 4.4",
        hint="Think of a client who feels better early on: what might that do to how they "
        "rate the alliance later?",
        why_wrong={
            "a": "a correlation alone cannot show cause: early improvement can also raise "
            "later alliance ratings.",
            "c": "a small r can still matter across thousands of clients, and it is among "
            "the most consistent findings in therapy research.",
            "d": f"the relation survives adjusting for early improvement (r = "
            f"{fmt_number(low)}–{fmt_number(high)}, {lit.ALLIANCE_OUTCOME_R_ADJUSTED_2020.cite()}), "  # noqa: E501
            "so it is not only outcome driving alliance.",
        },
        explanation=f"After adjusting for intake severity and early change the correlation "
        f"is still {fmt_number(low)}–{fmt_number(high)} "
        f"({lit.ALLIANCE_OUTCOME_R_ADJUSTED_2020.cite()}): suggestive, not proof of cause.",
    )


def check_data_correlation(
    answer: Any, x: Any, y: Any, *, name: str = "Exercise 4.5", what: str = "r"
) -> Feedback:
    """The Pearson correlation of two columns the lesson passes in (``x``, ``y``)."""
    xs, ys = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    ok = np.isfinite(xs) & np.isfinite(ys)
    r = float(np.corrcoef(xs[ok], ys[ok])[0, 1])
    if answer is None:
        return unanswered(name, "Use the .corr() method of one column with the other.")
    return check_number(
        answer,
        r,
        tolerance=0.005,
        name=name,
        hint="Use the .corr() method of one column with the other.",
        mistakes=[
            (
                -r,
                "The sign is flipped: did you use the final score instead of the "
                "improvement? On the OQ-45 lower is better, so the signs reverse.",
            ),
            (r * r, "That is r squared (the share of variance), not r."),
        ],
        explanation=f"{what} = {fmt_number(r)} in these data.",
    )
