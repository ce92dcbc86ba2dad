"""Checks for lesson 01, *Bordin's three components: bond, goals, tasks*.

Expected answers come from :mod:`alliance_widgets.literature` (the WAI-SR structure) or
are computed with :func:`alliance_widgets.science.score_wai_sr` from the responses the
lesson passes in.

Examples
--------
>>> check_scenarios({"A": "tasks", "B": "goals", "C": "bond"}).ok
True
>>> check_scenarios({"A": "bond"}).status
'incorrect'
>>> check_wai_sr_ranges({"total_min": 12, "total_max": 60,
...                      "subscale_min": 4, "subscale_max": 20}).ok
True
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import pandas as pd

from alliance_lessons.lesson00 import scale_points
from alliance_widgets import literature as lit
from alliance_widgets.exercises.feedback import INCORRECT, Feedback, combine, fmt_number
from alliance_widgets.exercises.generic import (
    check_choice,
    check_number,
    check_numbers,
    unanswered,
)

__all__ = [
    "SCENARIOS",
    "check_scenarios",
    "check_strongest_pair",
    "check_subscale_mean",
    "check_wai_sr_ranges",
    "subscale_pairs",
]

_COMPONENTS = {c: c for c in ("bond", "goals", "tasks")}
#: Clinical moments (the kit's own wording, after CLINICAL.md) and the component each
#: one shows to be weak.
SCENARIOS: dict[str, tuple[str, str]] = {
    "A": (
        "The client likes their therapist and feels safe, but does not see what the "
        "between-session exercises are for and keeps skipping them.",
        "tasks",
    ),
    "B": (
        "The client and therapist work well on sleep routines every week, but the client "
        "came to therapy to talk about their grief.",
        "goals",
    ),
    "C": (
        "After a remark they found dismissive, the client goes quiet, answers briefly and "
        "changes the subject.",
        "bond",
    ),
}
_WHY = {
    "tasks": "the disagreement is about the activities of therapy (the tasks).",
    "goals": "they agree on the activities but not on what therapy is for (the goals).",
    "bond": "the trust and felt safety between them took a knock (the bond).",
}


def check_scenarios(answer: Any) -> Feedback:
    """Exercise 1.1: which component is weakest in each scenario? A dict ``{"A": ...}``."""
    name = "Exercise 1.1"
    hint = "Ask: is it about feeling safe (bond), what therapy is for (goals), or how (tasks)?"
    if answer is None:
        return unanswered(name, hint)
    if not isinstance(answer, Mapping):
        msg = 'Answer with a dict such as {"A": "bond", "B": "goals", "C": "tasks"}.'
        return Feedback(name, INCORRECT, wrong=(msg,), hint=hint)
    parts = []
    for key, (_, component) in SCENARIOS.items():
        why_wrong = {c: f"not quite: {_WHY[component]}" for c in _COMPONENTS if c != component}
        parts.append(
            check_choice(
                answer.get(key),
                component,
                options=_COMPONENTS,
                name=f"scenario {key}",
                why_wrong=why_wrong,
            )
        )
    return combine(
        name,
        parts,
        hint=hint,
        explanation="A strong alliance needs all three; a weak one can show in any of them.",
    )


def check_wai_sr_ranges(answer: Any) -> Feedback:
    """Exercise 1.2: the lowest and highest WAI-SR total and subscale *sums*.

    ``answer`` is a dict with ``total_min``, ``total_max``, ``subscale_min`` and
    ``subscale_max``.
    """
    low, high = lit.WAI_SR_SCALE.value
    n_items = lit.WAI_SR_ITEMS.value
    per_subscale = len(lit.WAI_SR_KEYS.value["bond"])
    expected = {
        "total_min": n_items * low,
        "total_max": n_items * high,
        "subscale_min": per_subscale * low,
        "subscale_max": per_subscale * high,
    }
    fb = check_numbers(
        answer,
        expected,
        tolerance=0,
        name="Exercise 1.2",
        hint=f"A sum is (number of items) × (the answer given to each): {n_items} items in "
        f"all, {per_subscale} per subscale, each answered {low} to {high}.",
        explanation=f"{n_items} items × {low} = {expected['total_min']}; {n_items} × {high} = "
        f"{expected['total_max']}.",
    )
    wai = scale_points(lit.WAI_ITEMS)
    if isinstance(answer, Mapping) and answer.get("total_max") == n_items * wai:
        note = f"A total of {n_items * wai} needs a {wai}-point scale (the WAI-S); the WAI-SR has {high}."  # noqa: E501
        return Feedback(fb.name, fb.status, fb.right, (*fb.wrong, note), fb.hint)
    return fb


def check_subscale_mean(
    answer: Any, items: pd.DataFrame, *, client_id: str, session: int, subscale: str = "bond"
) -> Feedback:
    """Exercise 1.3: score one subscale by hand (the mean of its four items, 1–5).

    ``items`` is the long item table the lesson uses; the expected score is computed with
    ``science.score_wai_sr``.
    """
    from alliance_widgets.science import score_wai_sr

    rows = items[(items["client_id"] == client_id) & (items["session"] == session)]
    if rows.empty:
        raise ValueError(f"no items for client_id={client_id!r}, session={session!r}.")
    scores = score_wai_sr(rows[["client_id", "item", "response"]])
    expected = float(scores[subscale].iloc[0])
    keys = lit.WAI_SR_KEYS.value[subscale]
    return check_number(
        answer,
        expected,
        tolerance=0.01,
        name="Exercise 1.3",
        hint=f"The {subscale} items are numbers {', '.join(map(str, keys))}: add their "
        f"responses and divide by {len(keys)}.",
        mistakes=[
            (
                expected * len(keys),
                f"{fmt_number(expected * len(keys))} is the sum of the "
                f"{len(keys)} items; the kit reports the mean: divide by {len(keys)}.",
            ),
            (
                float(scores["alliance"].iloc[0]),
                "That is the mean of all twelve items (the "
                f"alliance composite), not of the {subscale} items only.",
            ),
        ],
        explanation="A mean keeps the 1–5 metric of the answers, so subscales with a "
        "missing item stay comparable.",
    )


_PAIRS = {
    "bond–goals": ("bond", "goals"),
    "bond–tasks": ("bond", "tasks"),
    "goals–tasks": ("goals", "tasks"),
}


def subscale_pairs(scores: pd.DataFrame) -> dict[str, float]:
    """The correlation of each pair of subscales in a scored table.

    Examples
    --------
    >>> df = pd.DataFrame({"bond": [1, 2, 3, 4], "goals": [1, 3, 2, 4], "tasks": [1, 3, 2, 5]})
    >>> {k: round(v, 2) for k, v in subscale_pairs(df).items()}
    {'bond–goals': 0.8, 'bond–tasks': 0.83, 'goals–tasks': 0.98}
    """
    return {k: float(scores[a].corr(scores[b])) for k, (a, b) in _PAIRS.items()}


def _pair_key(answer: Any) -> Any:
    """Read "goals-tasks", "tasks and goals" or ("tasks", "goals") as "goals–tasks".

    A learner types a hyphen, not the en dash of the option names, and may name the two
    subscales in either order; anything else is returned unchanged for the check to judge.

    Examples
    --------
    >>> _pair_key("Tasks - Goals"), _pair_key(("bond", "goals")), _pair_key("bond")
    ('goals–tasks', 'bond–goals', 'bond')
    """
    if isinstance(answer, str):
        parts = [p.strip().casefold() for p in re.split(r"[-–—/,&]|\band\b", answer)]
    elif isinstance(answer, (tuple, list)) and all(isinstance(p, str) for p in answer):
        parts = [p.strip().casefold() for p in answer]
    else:
        return answer
    parts = [p for p in parts if p]
    for key, pair in _PAIRS.items():
        if len(parts) == 2 and set(parts) == set(pair):
            return key
    return answer


def check_strongest_pair(answer: Any, scores: pd.DataFrame) -> Feedback:
    """Exercise 1.4: which two subscales go together most closely in ``scores``?

    ``answer`` names the pair in either order: ``"goals-tasks"``, ``"tasks and goals"``
    or ``("goals", "tasks")``.
    """
    answer = _pair_key(answer)
    rs = subscale_pairs(scores)
    best = max(rs, key=lambda k: rs[k])
    options = {k: k for k in _PAIRS}
    why = {
        k: f"their r is {fmt_number(v, 2)}, lower than {best}'s {fmt_number(rs[best], 2)}."
        for k, v in rs.items()
        if k != best
    }
    return check_choice(
        answer,
        best,
        options=options,
        name="Exercise 1.4",
        hint="Look at the correlation table above: find the largest number off the diagonal. "
        'Name the pair like "bond-tasks".',
        why_wrong=why,
        explanation=f"r = {fmt_number(rs[best], 2)}."
        + (
            " Agreeing on goals and agreeing on tasks tend to go together; the bond is more "
            "of its own thing, as in published WAI-SR samples."
            if best == "goals–tasks"
            else ""
        ),
    )
