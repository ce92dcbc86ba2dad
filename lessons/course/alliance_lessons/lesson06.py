"""Checks for lesson 06, *Therapist effects: whose alliance matters*.

Expected answers come from :mod:`alliance_widgets.literature` (the therapist share of
outcome variance, Baldwin, Wampold & Imel 2007) or from the data and model results the
lesson passes in.

Examples
--------
>>> check_icc_from_variances(None, between_variance=1, within_variance=19).status
'not answered yet'
>>> check_icc_from_variances(0.05, between_variance=1, within_variance=19).ok
True
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from alliance_widgets import literature as lit
from alliance_widgets.exercises.data_checks import (
    as_float_array,
    check_proportion,
    require_columns,
)
from alliance_widgets.exercises.feedback import CORRECT, INCORRECT, Feedback, fmt_number
from alliance_widgets.exercises.generic import check_choice, unanswered
from alliance_widgets.science.validation import check_real

__all__ = [
    "BALDWIN_OPTIONS",
    "ICC_MEANING_OPTIONS",
    "check_baldwin_finding",
    "check_icc_from_variances",
    "check_icc_meaning",
    "check_larger_slope",
    "check_within_centring",
]


def check_icc_from_variances(
    answer: Any, *, between_variance: float, within_variance: float
) -> Feedback:
    """Exercise 6.1: the ICC from a between- and a within-therapist variance.

    ``ICC = between / (between + within)``, as a proportion.

    Examples
    --------
    >>> print(check_icc_from_variances(1 / 19, between_variance=1, within_variance=19))
    Exercise 6.1 — ❌ not yet right.
      ✗ That is between ÷ within; the ICC divides by the total, between + within.
      Hint: Add the two variances to get the total, then divide the between part by it.
    """
    b = check_real("between_variance", between_variance, low=0)
    w = check_real("within_variance", within_variance, low=0, low_open=True)
    expected = b / (b + w)
    mistakes = [
        (w / (b + w), "That is the within-therapist share; the ICC is the between share."),
    ]
    if b > 0:
        mistakes.insert(
            0, (b / w, "That is between ÷ within; the ICC divides by the total, between + within.")
        )
    return check_proportion(
        answer,
        expected,
        tolerance=0.002,
        name="Exercise 6.1",
        hint="Add the two variances to get the total, then divide the between part by it.",
        mistakes=mistakes,
        explanation="The ICC is the share of all the variance that lies between therapists.",
    )


def _icc_options() -> dict[str, str]:
    pct = fmt_number(lit.THERAPIST_EFFECTS.value)
    return {
        "a": f"{pct} % of clients have outcomes that depend on who their therapist is",
        "b": f"a therapist changes each client's outcome by about {pct} %",
        "c": f"{pct} % of therapists get much better outcomes than the rest",
        "d": f"{pct} % of the variance in outcome across clients lies between therapists",
    }


#: The options of Exercise 6.2, with the therapist share printed from literature.py.
ICC_MEANING_OPTIONS: dict[str, str] = _icc_options()

#: The key of Exercise 6.2.
_ICC_MEANING_KEY = "d"


def check_icc_meaning(answer: Any) -> Feedback:
    """Exercise 6.2: what a therapist share of outcome variance means.

    The percentage shown is ``literature.THERAPIST_EFFECTS`` (as commonly reported).

    Examples
    --------
    >>> check_icc_meaning("d").ok
    True
    >>> check_icc_meaning("b").wrong[0].endswith("not a change in any one client.")
    True
    """
    why = {
        "a": "the ICC is not a head count: every client's outcome is partly about their "
        "therapist, a little.",
        "b": "the ICC describes how outcomes vary across a whole clinic; it is a share of "
        "variance, not a change in any one client.",
        "c": "the ICC is about how clients' outcomes vary, not a ranking of therapists.",
    }
    share = lit.THERAPIST_EFFECTS.value / 100
    return check_choice(
        answer,
        _ICC_MEANING_KEY,
        options=ICC_MEANING_OPTIONS,
        name="Exercise 6.2",
        hint="An ICC is a share of variance: of all the ways clients' outcomes vary, how "
        "much goes with which therapist they saw?",
        why_wrong=why,
        explanation=f"A variance share of {fmt_number(100 * share)} % means therapists' true "
        f"averages spread by √{fmt_number(share)} ≈ {fmt_number(share**0.5, 2)} of the "
        "outcome's SD: small for one client, but it applies to every client a therapist sees.",
    )


def check_within_centring(
    answer: Any,
    clients: pd.DataFrame,
    *,
    alliance: str = "early_alliance",
    therapist: str = "therapist_id",
) -> Feedback:
    """Exercise 6.3: each client's alliance minus their therapist's mean alliance.

    ``answer`` is a Series (or list / array) in the row order of ``clients``.

    Examples
    --------
    >>> import pandas as pd
    >>> d = pd.DataFrame({"therapist_id": ["T1", "T1", "T2", "T2"],
    ...                   "early_alliance": [3.0, 4.0, 4.0, 5.0]})
    >>> check_within_centring([-0.5, 0.5, -0.5, 0.5], d).ok
    True
    >>> check_within_centring([3.5, 3.5, 4.5, 4.5], d).wrong[0][:38]
    "These are the therapists' means (the b"
    """
    name = "Exercise 6.3"
    require_columns(clients, [alliance, therapist], "clients")
    hint = (
        f'Use clients.groupby("{therapist}")["{alliance}"].transform("mean") for each '
        "client's therapist mean, then subtract it from the client's own alliance."
    )
    if answer is None:
        return unanswered(name, hint)
    values = clients[alliance].astype(float)
    t_mean = clients.groupby(therapist, observed=True)[alliance].transform("mean").astype(float)
    expected = (values - t_mean).to_numpy()
    got = as_float_array(answer)
    if got is None:
        msg = f"Answer with a column of numbers (a pandas Series); got {type(answer).__name__}."
        return Feedback(name, INCORRECT, wrong=(msg,), hint=hint)
    if got.size != expected.size:
        msg = f"Your column has {got.size} values; there are {expected.size} clients."
        return Feedback(name, INCORRECT, wrong=(msg,), hint=hint)

    def same(x: np.ndarray) -> bool:
        return bool(np.allclose(got, x, atol=1e-6, equal_nan=True))

    if same(expected):
        return Feedback(
            name,
            CORRECT,
            right=("Every client's deviation from their own therapist's mean is right.",),
            explanation="Within each therapist these deviations average zero: they hold "
            "only how a client differs from the therapist's other clients.",
        )
    known = [
        (
            (values - values.mean()).to_numpy(),
            "These are deviations from the whole clinic's mean (grand-mean centring); "
            "use each client's own therapist's mean.",
        ),
        (
            t_mean.to_numpy(),
            "These are the therapists' means (the between part); subtract them from each "
            "client's alliance.",
        ),
        (-expected, "The sign is reversed: compute client minus therapist mean."),
    ]
    for x, message in known:
        if same(x):
            return Feedback(name, INCORRECT, wrong=(message,), hint=hint)
    close = int(np.isclose(got, expected, atol=1e-6).sum())
    msg = f"{close} of {expected.size} values are right."
    return Feedback(name, INCORRECT, wrong=(msg,), hint=hint)


#: The options of Exercise 6.4.
BALDWIN_OPTIONS: dict[str, str] = {
    "between": "the therapist part: differences between therapists' average alliances",
    "within": "the patient part: how a client's alliance differs from the therapist's "
    "other clients",
    "both": "both parts, equally",
    "neither": "neither part, once intake severity was allowed for",
}


def check_baldwin_finding(answer: Any) -> Feedback:
    """Exercise 6.4: which part of the alliance predicted outcome in Baldwin et al. (2007).

    Examples
    --------
    >>> check_baldwin_finding("between").ok
    True
    >>> check_baldwin_finding("within").status
    'incorrect'
    """
    who = lit.BALDWIN_2007.cite()
    why = {
        "within": f"that is the common belief that the alliance is all about the client; "
        f"in {who} the patient part did not predict outcome. (A later study, "
        f"{lit.RELATIONAL_PERSPECTIVE_2020.cite()}, found the opposite: the question is open.)",
        "both": f"in {who} only one part did.",
        "neither": f"in {who} one part still predicted outcome after adjusting for baseline.",
    }
    return check_choice(
        answer,
        "between",
        options=BALDWIN_OPTIONS,
        name="Exercise 6.4",
        hint="They split the alliance into a therapist part and a client part; which would "
        "you bet on? Their result is printed just after this check.",
        why_wrong=why,
        explanation="Therapists who form better alliances on average had clients who did "
        "better: what the therapist brings matters.",
    )


def check_larger_slope(answer: Any, effects: pd.DataFrame) -> Feedback:
    """Exercise 6.5: in this clinic, is the between or the within slope larger?

    ``effects`` is the table from :func:`~alliance_widgets.science.between_within_effects`.

    Examples
    --------
    >>> import pandas as pd
    >>> eff = pd.DataFrame({"estimate": [9.0, 4.0]}, index=["between", "within"])
    >>> check_larger_slope("between", eff).ok
    True
    >>> check_larger_slope("within", eff).status
    'incorrect'
    """
    if not isinstance(effects, pd.DataFrame) or not {"between", "within"} <= set(effects.index):
        raise ValueError(
            "effects must be the table from between_within_effects(), with rows 'between' "
            "and 'within'."
        )
    est = effects["estimate"].astype(float)
    b, w = float(est["between"]), float(est["within"])
    correct = "between" if b > w else "within"
    options = {"between": "the between-therapist slope", "within": "the within-therapist slope"}
    other = "within" if correct == "between" else "between"
    return check_choice(
        answer,
        correct,
        options=options,
        name="Exercise 6.5",
        hint="Compare the two numbers in the 'estimate' column.",
        why_wrong={
            other: f"the {other} slope is {fmt_number(min(b, w), 1)} points per alliance "
            f"point, the {correct} slope {fmt_number(max(b, w), 1)}."
        },
        explanation=f"Between {fmt_number(b, 1)}, within {fmt_number(w, 1)} outcome points "
        "per alliance point. Look at the intervals too: with few therapists the between "
        "slope is uncertain.",
    )
