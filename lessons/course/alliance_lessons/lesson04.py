"""Checks for lesson 04, *How big is the alliance effect?*

Expected answers are computed from :mod:`alliance_widgets.literature`, from the science
layer (the binomial effect size display, the power of a correlation study, Spearman's
correction for attenuation) or from the data the lesson passes in. Every multiple-choice
distractor says which intuition it stands for.

Examples
--------
>>> check_besd_gap("b").ok
True
>>> check_misquote(False).ok
True
>>> check_power_share("c").ok
True
>>> print(check_power_share("a"))  # doctest: +ELLIPSIS
Exercise 4.3 — ❌ not yet right.
  ✗ 'a' (all of them: ...): that interval is drawn around the true r, ...
>>> check_disattenuated_r(0.317).ok
True
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from alliance_widgets import literature as lit
from alliance_widgets.exercises.feedback import Feedback, fmt_number
from alliance_widgets.exercises.generic import check_bool, check_choice, check_number, unanswered
from alliance_widgets.science.correlation_studies import correlation_power, disattenuate

__all__ = [
    "CAUSE_OPTIONS",
    "POWER_N",
    "besd_gap_options",
    "check_besd_gap",
    "check_causation",
    "check_data_correlation",
    "check_disattenuated_r",
    "check_misquote",
    "check_power_share",
    "power_options",
]

_R_2018 = lit.ALLIANCE_OUTCOME_R_2018.value
#: Clients per study in exercise 4.3.
POWER_N = 60


def besd_gap_options(r: float = _R_2018) -> dict[str, str]:
    """Options for exercise 4.1: how far apart are the BESD's two success rates?"""
    return {
        "a": f"about {100 * r * r:.0f} percentage points, the share of variance r²",
        "b": f"about {100 * r:.0f} percentage points",
        "c": "about 50 percentage points: one group succeeds, the other does not",
        "d": "no gap: with r this small the two groups succeed equally often",
    }


def check_besd_gap(answer: Any, r: float = _R_2018) -> Feedback:
    """Exercise 4.1: the gap between the BESD's success rates is r, not r²."""
    hi, lo = 50 + 50 * r, 50 - 50 * r
    return check_choice(
        answer,
        "b",
        options=besd_gap_options(r),
        name="Exercise 4.1",
        hint="The display gives one group 50 + 50·r successes per 100 and the other "
        "50 − 50·r. Subtract.",
        why_wrong={
            "a": "r² describes variance, not success rates; the display was invented to show "
            "that a small r² can mean a sizeable difference in how many do well.",
            "c": "that would be r = 1, every client in one group doing well and none in the other.",
            "d": "any r above 0 separates the groups; the question is by how much.",
        },
        explanation=f"{fmt_number(hi, 1)} against {fmt_number(lo, 1)} per 100: the gap, "
        f"{fmt_number(hi - lo, 1)} points, is 100 · r. The same r explains only "
        f"{fmt_number(100 * r * r, 1)} % of the variance: r² makes an effect look smaller than "
        "the display does.",
    )


def check_misquote(answer: Any) -> Feedback:
    """Exercise 4.2: "the alliance explains 26 % of outcome" — true or false?"""
    r = lit.ALLIANCE_OUTCOME_R_1991.value
    return check_bool(
        answer,
        False,
        name="Exercise 4.2",
        hint=f"Is {fmt_number(100 * r)} % the correlation, or the share of variance?",
        why_wrong=f"r = {fmt_number(r)} ({lit.ALLIANCE_OUTCOME_R_1991.cite()}) is a "
        "correlation, not a percentage of anything. Square it for the share of variance.",
        explanation=f"{fmt_number(100 * r)} % mistakes the correlation for the share of "
        f"variance, which is r² = {fmt_number(r * r, 3)}, about {fmt_number(100 * r * r, 1)} %.",
    )


def power_options(r: float = _R_2018, n: int = POWER_N, level: float = 0.95) -> dict[str, str]:
    """Options for exercise 4.3; the right one is computed from the study's power."""
    tenths = round(10 * correlation_power(r, n, level))
    return {
        "a": "all of them: the interval for this r with this many clients starts above 0",
        "b": f"about {100 * level:.0f} of every 100: the interval's confidence level",
        "c": f"about {tenths} of every 10",
        "d": f"about {100 * (1 - level):.0f} of every 100",
    }


def check_power_share(
    answer: Any, r: float = _R_2018, n: int = POWER_N, *, level: float = 0.95
) -> Feedback:
    """Exercise 4.3: what share of studies of ``n`` clients exclude 0 when the true r is ``r``?"""
    power = correlation_power(r, n, level)
    return check_choice(
        answer,
        "c",
        options=power_options(r, n, level),
        name="Exercise 4.3",
        hint="Look at the six studies above: did every interval stay clear of 0? Each study's "
        "interval is drawn around its own sample r, not around the true one.",
        why_wrong={
            "a": "that interval is drawn around the true r, as if every study found exactly "
            "it. Real samples wobble (the six above did), and the interval moves with them.",
            "b": "95 % is how often an interval contains the true r, not how often it excludes 0.",
            "d": f"{100 * (1 - level):.0f} in 100 is how often a study excludes 0 when the true "
            "r *is* 0: a false alarm.",
        },
        explanation=f"With a true r of {fmt_number(r)} and {n} clients, the chance that a "
        f"study's interval excludes 0 (its power) is {100 * power:.0f} %: many well-run "
        "studies of a real effect will still report 'no significant relation'.",
    )


#: Options for exercise 4.4: what would rule out "improvement raised the alliance"?
CAUSE_OPTIONS: dict[str, str] = {
    "a": "the same study with many more clients",
    "b": "rating symptoms at every session and testing whether the alliance predicts the "
    "*next* session's change, over and above the change so far",
    "c": "a more reliable alliance questionnaire",
    "d": "a larger correlation",
}


def check_causation(answer: Any) -> Feedback:
    """Exercise 4.4: which design separates "alliance helps" from "improvement lifts alliance"?"""
    return check_choice(
        answer,
        "b",
        options=CAUSE_OPTIONS,
        name="Exercise 4.4",
        hint="The rival explanation is about *order in time*: which came first, the "
        "improvement or the good alliance rating?",
        why_wrong={
            "a": "more clients narrow the interval around r, but a precise correlation still "
            "cannot say which came first.",
            "c": "a more reliable measure gives a larger, truer r (see below), but no "
            "information about what came first.",
            "d": "a correlation of any size fits both stories: a strong alliance helping, or "
            "improvement raising the alliance.",
        },
        explanation="Measuring both at every session lets a study ask whether this week's "
        "alliance predicts next week's change once the change so far is taken into account. "
        "It still cannot rule out every third variable: only an experiment could.",
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


def check_disattenuated_r(
    answer: Any,
    r: float = _R_2018,
    reliability: float = lit.ALLIANCE_GENERALIZABILITY.value,
) -> Feedback:
    """Exercise 4.6: Spearman's correction, ``r / √reliability``."""
    true_r = disattenuate(r, reliability)
    return check_number(
        answer,
        true_r,
        tolerance=0.005,
        name="Exercise 4.6",
        digits=3,
        hint="Divide r by the square root of the reliability: r / reliability ** 0.5.",
        mistakes=[
            (r / reliability, "You divided by the reliability itself; take its square root."),
            (
                r * math.sqrt(reliability),
                "That multiplies: measurement error makes the observed r *smaller* than the "
                "true one, so the correction makes it larger.",
            ),
            (r * reliability, "That shrinks r further; the correction divides."),
        ],
        explanation=f"{fmt_number(r)} / √{fmt_number(reliability)} = {fmt_number(true_r)}: "
        f"{fmt_number(100 * true_r**2, 1)} % of the variance instead of "
        f"{fmt_number(100 * r * r, 1)} %. Part of the alliance's 'small' r is measurement "
        "error.",
    )
