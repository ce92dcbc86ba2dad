"""Checks for lesson 07, *Feedback and not-on-track clients*.

Expected answers come from :mod:`alliance_widgets.literature` (the OQ-45.2 reliable change
and cutoff, the feedback meta-analyses) and from the science layer
(:func:`~alliance_widgets.science.classify_change`,
:func:`~alliance_widgets.science.reliable_change_threshold`,
:func:`~alliance_widgets.science.feedback_signals`).

Examples
--------
>>> check_change_categories({"Ana": "recovered"}, {"Ana": (80, 60)}).ok
True
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from alliance_widgets import literature as lit
from alliance_widgets.exercises.data_checks import check_proportion, require_columns
from alliance_widgets.exercises.feedback import INCORRECT, Feedback, combine, fmt_number
from alliance_widgets.exercises.generic import check_choice, check_number, unanswered
from alliance_widgets.science.validation import check_real

__all__ = [
    "check_change_categories",
    "check_effect_in_points",
    "check_recovered_share",
    "check_reliable_change_threshold",
    "check_signal",
]

_RC = float(lit.OQ45_RELIABLE_CHANGE.value)
_CUT = float(lit.OQ45_CLINICAL_CUTOFF.value)


def _why_category(pre: float, post: float, said: str, right: str) -> str:
    drop = pre - post
    if said == "recovered" and right == "improved":
        return (
            f"the score fell {fmt_number(drop)} points, a reliable change, but {fmt_number(post)} "
            f"is still above the cutoff of {fmt_number(_CUT)}: improved, not recovered."
        )
    if said in ("recovered", "improved") and right == "unchanged":
        return (
            f"a change of {fmt_number(drop)} points is smaller than the reliable change of "
            f"{fmt_number(_RC)}: it could be measurement error."
        )
    if said == "improved" and right == "recovered":
        return (
            f"the change is reliable and the score crossed from above to below "
            f"{fmt_number(_CUT)}: that is recovery."
        )
    if said == "deteriorated" or right == "deteriorated":
        return "on the OQ-45 a higher score means more distress: check the direction."
    return "compare the size of the change with the reliable change, then the cutoff."


def check_change_categories(answer: Any, cases: Mapping[str, tuple[float, float]]) -> Feedback:
    """Exercise 7.2: classify each client's intake → latest OQ-45 scores.

    ``cases`` maps a client's name to ``(intake, latest)``; ``answer`` maps each name to
    ``"recovered"``, ``"improved"``, ``"unchanged"`` or ``"deteriorated"``.

    Examples
    --------
    >>> cases = {"Ana": (80, 60), "Ben": (90, 74), "Cai": (70, 60)}
    >>> print(check_change_categories({"Ana": "recovered", "Ben": "recovered",
    ...                                "Cai": "unchanged"}, cases))
    Exercise 7.2 — 🟡 partly correct.
      ✓ Ana: 'recovered' is right.
      ✓ Cai: 'unchanged' is right.
      ✗ Ben: 'recovered': the score fell 16 points, a reliable change, but 74 is still above the cutoff of 63.5: improved, not recovered.
      Hint: First: is the change at least 14 points? Then: did the score cross the cutoff of 63.5?
    """  # noqa: E501
    from alliance_widgets.science import CHANGE_CATEGORIES, classify_change

    name = "Exercise 7.2"
    hint = (
        f"First: is the change at least {fmt_number(_RC)} points? Then: did the score cross "
        f"the cutoff of {fmt_number(_CUT)}?"
    )
    if answer is None:
        return unanswered(name, hint)
    if not isinstance(answer, Mapping):
        msg = f"Answer with a dict from client name to category; got {type(answer).__name__}."
        return Feedback(name, INCORRECT, wrong=(msg,), hint=hint)
    options = {c: c for c in CHANGE_CATEGORIES}
    parts = []
    for who, (pre, post) in cases.items():
        right = str(classify_change(pre, post))
        why = {c: _why_category(pre, post, c, right) for c in CHANGE_CATEGORIES if c != right}
        parts.append(check_choice(answer.get(who), right, options=options, name=who, why_wrong=why))
    return combine(name, parts, hint=hint)


def check_reliable_change_threshold(answer: Any, *, sd_pre: float, reliability: float) -> Feedback:
    """Exercise 7.1: the smallest reliable change, ``1.96·√2·SD·√(1 − r)``, in points.

    Examples
    --------
    >>> from alliance_widgets.science import reliable_change_threshold
    >>> check_reliable_change_threshold(12.4, sd_pre=10, reliability=0.8).ok
    True
    >>> check_reliable_change_threshold(8.77, sd_pre=10, reliability=0.8).wrong[0][:36]
    'That is 1.96 × SE: you left out the '
    """
    from alliance_widgets.science import reliable_change_threshold

    expected = reliable_change_threshold(sd_pre=sd_pre, reliability=reliability)
    z = float(lit.JACOBSON_TRUAX_CRITERION.value)
    se = sd_pre * math.sqrt(1 - reliability)
    return check_number(
        answer,
        expected,
        tolerance=0.05,
        name="Exercise 7.1",
        unit="points",
        hint="SE = SD·√(1 − reliability); S_diff = √2·SE; reliable change = 1.96·S_diff.",
        mistakes=[
            (z * se, "That is 1.96 × SE: you left out the √2 that makes it a difference score."),
            (math.sqrt(2) * se, "That is S_diff; multiply by 1.96 for the 95 % criterion."),
            (se, "That is the standard error of one score (SE); two more steps to go."),
        ],
        explanation="Two scores each carry measurement error, so their difference has √2 "
        "times the error of one; 1.96 of those makes a 5 % criterion.",
    )


def check_signal(answer: Any, scores: Sequence[float], *, intake: float | None = None) -> Feedback:
    """Exercise 7.4: the feedback signal at the client's latest session.

    Expected from :func:`~alliance_widgets.science.feedback_signals` on ``scores``.

    Examples
    --------
    >>> check_signal("red", [90, 88, 86, 95, 104]).ok
    True
    >>> check_signal("white", [90, 88, 86, 95, 104]).wrong[0][:37]
    "'white' (functioning in the normal ra"
    """
    from alliance_widgets.science import SIGNALS, feedback_signals

    table = feedback_signals(scores, intake)
    observed = table.dropna(subset=["signal"])
    last = observed.iloc[-1]
    correct = str(last.signal)
    score, expected = float(last.score), float(last.expected)
    gap = score - expected
    why = {
        "white": f"white is for scores below the cutoff of {fmt_number(_CUT)}; this one "
        f"is {fmt_number(score)}.",
        "green": f"green means on track, but the score is {fmt_number(gap, 1)} points "
        f"worse than the expected {fmt_number(expected, 1)}.",
        "yellow": "compare the gap with the reliable change: yellow is for a smaller gap.",
        "red": "red needs a gap of a full reliable change (or a reliable worsening since intake).",
    }
    why.pop(correct, None)
    return check_choice(
        answer,
        correct,
        options=SIGNALS,
        name="Exercise 7.4",
        hint="Is the score below the cutoff? If not, how far is it above the expected score?",
        why_wrong=why,
        explanation=f"Latest score {fmt_number(score)}, expected {fmt_number(expected, 1)}: "
        f"{SIGNALS[correct]}.",
    )


def check_effect_in_points(answer: Any, *, d: float, sd: float) -> Feedback:
    """Exercise 7.5: a standardised effect turned back into OQ-45 points, ``d · SD``.

    Examples
    --------
    >>> check_effect_in_points(2.55, d=0.15, sd=17).ok
    True
    >>> check_effect_in_points(0.15 / 17, d=0.15, sd=17).wrong[0][:30]
    'That divides d by the SD; d is'
    """
    d = check_real("d", d)
    sd = check_real("sd", sd, low=0, low_open=True)
    expected = d * sd
    return check_number(
        answer,
        expected,
        tolerance=0.05,
        name="Exercise 7.5",
        unit="points",
        hint="d is a difference in SD units: multiply it by the SD to get points.",
        mistakes=[
            (d / sd, "That divides d by the SD; d is already in SD units, so multiply."),
            (sd / d, "That divides the SD by d; multiply the two instead."),
            (100 * d, "That is d written as a percentage; d is in SD units, not percent."),
        ],
        explanation=f"{fmt_number(expected, 1)} points: a shift in the average over many "
        "clients. It is not judged against the reliable change, which is a threshold for one "
        "person's two scores; what it means for clients shows better as how many more of "
        "them end up recovered (the next cell).",
    )


def check_recovered_share(answer: Any, clients: pd.DataFrame) -> Feedback:
    """Exercise 7.3: the share of clients in the table who recovered, as a proportion.

    Examples
    --------
    >>> import pandas as pd
    >>> d = pd.DataFrame({"change_category": ["recovered", "improved", "unchanged", "recovered"]})
    >>> check_recovered_share(0.5, d).ok
    True
    >>> check_recovered_share(0.75, d).wrong[0][:38]
    'That counts improved clients as well: '
    """
    require_columns(clients, ["change_category"], "clients")
    cat = clients["change_category"].astype("string")
    expected = float((cat == "recovered").mean())
    both = float(cat.isin(["recovered", "improved"]).mean())
    mistakes = []
    if abs(both - expected) > 0.005:
        mistakes.append(
            (
                both,
                "That counts improved clients as well: recovered means a reliable change "
                "AND ending below the cutoff.",
            )
        )
    return check_proportion(
        answer,
        expected,
        name="Exercise 7.3",
        hint='Compare the column with "recovered" and take the mean of the True/False values.',
        mistakes=mistakes,
        explanation="Recovery is the strict test: reliable change and crossing the cutoff.",
    )
