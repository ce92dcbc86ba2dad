"""Checks for lesson 00, *Start here*.

Examples
--------
>>> check_scale_points(5).ok
True
>>> print(check_scale_points(7))
Exercise 0.1 — ❌ not yet right.
  ✗ 7 points is the scale of the full WAI and the WAI-S; the WAI-SR has fewer.
  Hint: Look at the slider above: count the values from its left end to its right end.
>>> check_not_a_component("d").ok
True
"""

from __future__ import annotations

import re
from typing import Any

from alliance_widgets import literature as lit
from alliance_widgets.exercises.feedback import Feedback
from alliance_widgets.exercises.generic import check_bool, check_choice, check_number

__all__ = [
    "COMPONENT_OPTIONS",
    "check_doctor_verdict",
    "check_not_a_component",
    "check_scale_points",
    "scale_points",
]


def scale_points(fig: lit.Figure) -> int:
    """The number of answer points of a questionnaire figure.

    Reads ``(low, high)`` values, or an ``"N-point"`` phrase in the figure's unit (the WAI
    and WAI-S records carry their scale that way).

    Examples
    --------
    >>> scale_points(lit.WAI_SR_SCALE), scale_points(lit.WAI_ITEMS)
    (5, 7)
    """
    if isinstance(fig.value, tuple):
        low, high = fig.value
        return int(high - low + 1)
    m = re.search(r"(\d+)-point", fig.unit)
    if m is None:
        raise ValueError(f"figure {fig.key!r} states no scale; its unit is {fig.unit!r}.")
    return int(m.group(1))


def check_scale_points(answer: Any) -> Feedback:
    """Exercise 0.1: how many answer points does each WAI-SR item have?"""
    low, high = lit.WAI_SR_SCALE.value
    wai = scale_points(lit.WAI_ITEMS)
    return check_number(
        answer,
        scale_points(lit.WAI_SR_SCALE),
        tolerance=0,
        name="Exercise 0.1",
        unit="points",
        hint="Look at the slider above: count the values from its left end to its right end.",
        mistakes=[
            (
                wai,
                f"{wai} points is the scale of the full WAI and the WAI-S; the WAI-SR has fewer.",
            ),
            (
                lit.WAI_SR_ITEMS.value,
                f"{lit.WAI_SR_ITEMS.value} is the number of items, "
                "not the number of answer points per item.",
            ),
            (high - low, f"Counting from {low} to {high} includes both ends."),
        ],
        explanation=f"Each WAI-SR item is answered on a {high - low + 1}-point scale, "
        f"{lit.WAI_SR_SCALE.unit.strip('()')}.",
    )


_BORDIN = dict(lit.BORDIN_COMPONENTS.value)
#: Options for exercise 0.2: Bordin's three components and one popular impostor.
COMPONENT_OPTIONS: dict[str, str] = {
    "a": "bond",
    "b": "goals",
    "c": "tasks",
    "d": "liking the therapist",
}


def check_not_a_component(answer: Any) -> Feedback:
    """Exercise 0.2: which option is *not* one of Bordin's three components?"""
    why = {
        k: f"{v} is one of Bordin's three: {_BORDIN[v]}."
        for k, v in COMPONENT_OPTIONS.items()
        if v in _BORDIN
    }
    return check_choice(
        answer,
        "d",
        options=COMPONENT_OPTIONS,
        name="Exercise 0.2",
        hint="Which one could be high even when client and therapist disagree about what "
        "therapy is for and how to get there?",
        why_wrong=why,
        explanation="Liking can be part of the bond (lesson 01), but on its own it is not one "
        "of Bordin's three: a client can like their therapist and still disagree about what "
        "therapy is for, or about how to get there.",
    )


def check_doctor_verdict(answer: Any, report: Any) -> Feedback:
    """Exercise 0.3: did every check of ``alliance_widgets.doctor()`` pass?

    ``report`` is the object ``doctor()`` returned in the lesson; the check compares the
    answer with its ``ok``.
    """
    ok = bool(report.ok)
    return check_bool(
        answer,
        ok,
        name="Exercise 0.3",
        hint="Read the first line of the doctor's report: its verdict.",
        why_wrong=f"The verdict says: {report.verdict}",
        explanation=f"The verdict says: {report.verdict}",
    )
