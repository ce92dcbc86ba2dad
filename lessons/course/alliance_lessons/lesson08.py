"""Checks for lesson 08, the capstone: a guided analysis of the learner's own study.

Every learner simulates a study with their own seed, so every expected value here is
computed from the ``clients`` table the lesson passes in (one row per client, as in
``Study.clients``) with the science layer; nothing is fixed in advance.

Examples
--------
>>> import alliance_widgets as aw
>>> clients = aw.simulate(seed=8, n_therapists=6, clients_per_therapist=8, items=False).clients
>>> r = clients["early_alliance"].corr(clients["improvement"])
>>> check_capstone_r(r, clients).ok
True
>>> check_capstone_r(None, clients).status
'not answered yet'
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from alliance_widgets import literature as lit
from alliance_widgets.exercises.data_checks import (
    as_float_array,
    check_proportion,
    numeric_columns,
    require_columns,
)
from alliance_widgets.exercises.feedback import INCORRECT, Feedback, combine, fmt_number
from alliance_widgets.exercises.generic import (
    check_bool,
    check_key_ideas,
    check_number,
    unanswered,
)

__all__ = [
    "check_capstone_ci",
    "check_capstone_icc",
    "check_capstone_in_interval",
    "check_capstone_r",
    "check_capstone_variance",
    "check_capstone_writeup",
]

_X, _Y = "early_alliance", "improvement"


def _pairs(clients: pd.DataFrame) -> pd.DataFrame:
    require_columns(clients, [_X, _Y, "final_outcome", "therapist_id"], "clients")
    return numeric_columns(clients, [_X, _Y, "final_outcome"])


def _r(clients: pd.DataFrame, y: str = _Y) -> float:
    d = _pairs(clients)
    return float(d[_X].corr(d[y]))


def check_capstone_r(answer: Any, clients: pd.DataFrame) -> Feedback:
    """Exercise 8.1: the correlation of early alliance with improvement in your study.

    Examples
    --------
    >>> import alliance_widgets as aw
    >>> c = aw.simulate(seed=8, n_therapists=6, clients_per_therapist=8, items=False).clients
    >>> r_final = c["early_alliance"].corr(c["final_outcome"])
    >>> check_capstone_r(r_final, c).wrong[0][:40]
    'That is the correlation with final_outco'
    """
    r = _r(clients)
    r_final = _r(clients, "final_outcome")
    mistakes = [
        (
            r_final,
            "That is the correlation with final_outcome. On the OQ-45 lower is better, so "
            "that correlation is negative; use improvement (intake minus final).",
        ),
        (r**2, "That is r squared; the exercise asks for r itself."),
        (-r, "The sign is reversed: more alliance should go with more improvement here."),
    ]
    return check_number(
        answer,
        r,
        tolerance=0.005,
        name="Exercise 8.1",
        hint="Lesson 04: one column's .corr(...) takes the other column as its argument.",
        mistakes=[(v, m) for v, m in mistakes if abs(v - r) > 0.005],
        explanation=f"Your study's r = {fmt_number(r, 3)}; the generator aimed at "
        f"{fmt_number(lit.ALLIANCE_OUTCOME_R_2018.value)}, and one clinic's sample wobbles "
        "around that.",
    )


def check_capstone_variance(answer: Any, clients: pd.DataFrame) -> Feedback:
    """Exercise 8.2: the percentage of improvement variance shared with early alliance.

    Examples
    --------
    >>> import alliance_widgets as aw
    >>> c = aw.simulate(seed=8, n_therapists=6, clients_per_therapist=8, items=False).clients
    >>> r = c["early_alliance"].corr(c["improvement"])
    >>> check_capstone_variance(100 * r**2, c).ok
    True
    >>> check_capstone_variance(100 * r, c).status
    'incorrect'
    """
    r = _r(clients)
    expected = 100 * r**2
    return check_number(
        answer,
        expected,
        tolerance=0.1,
        name="Exercise 8.2",
        unit="%",
        hint="Square your r from Exercise 8.1 and multiply by 100.",
        mistakes=[
            (100 * r, "That is r written as a percentage, a common misquote; square r first."),
            (r**2, "That is r² as a proportion; multiply by 100 for a percentage."),
        ],
        explanation="Modest as a share of variance, as in the meta-analyses: most of what "
        "makes clients differ lies elsewhere.",
    )


def _interval(clients: pd.DataFrame) -> tuple[float, float]:
    from alliance_widgets.science import correlation_ci

    d = _pairs(clients)
    est = correlation_ci(d[_X], d[_Y])
    return float(est.low), float(est.high)


def check_capstone_ci(answer: Any, clients: pd.DataFrame) -> Feedback:
    """Exercise 8.3: the 95 % confidence interval of your r, as ``(low, high)``.

    Examples
    --------
    >>> import alliance_widgets as aw
    >>> from alliance_widgets.science import correlation_ci
    >>> c = aw.simulate(seed=8, n_therapists=6, clients_per_therapist=8, items=False).clients
    >>> e = correlation_ci(c["early_alliance"], c["improvement"])
    >>> check_capstone_ci((e.low, e.high), c).ok
    True
    >>> check_capstone_ci((e.high, e.low), c).status
    'incorrect'
    """
    name = "Exercise 8.3"
    hint = "Pass correlation_ci the two columns of Exercise 8.1, in order; read .low, .high."
    if answer is None:
        return unanswered(name, hint)
    got = as_float_array(answer)
    if got is None or got.size != 2:
        msg = f"Answer with two numbers, (low, high); got {answer!r}."
        return Feedback(name, INCORRECT, wrong=(msg,), hint=hint)
    low, high = _interval(clients)
    if got[0] > got[1]:
        msg = "The lower limit comes first: write (low, high)."
        return Feedback(name, INCORRECT, wrong=(msg,), hint=hint)
    parts = [
        check_number(float(got[0]), low, tolerance=0.01, name="low"),
        check_number(float(got[1]), high, tolerance=0.01, name="high"),
    ]
    return combine(
        name,
        parts,
        hint=hint,
        explanation="The interval is the range of population correlations your study is "
        "compatible with; with a few hundred clients it is still fairly wide.",
    )


def check_capstone_in_interval(answer: Any, clients: pd.DataFrame) -> Feedback:
    """Exercise 8.4: does the 2018 meta-analytic r lie inside your interval? True/False.

    Examples
    --------
    >>> import alliance_widgets as aw
    >>> c = aw.simulate(seed=8, n_therapists=6, clients_per_therapist=8, items=False).clients
    >>> low, high = _interval(c)
    >>> inside = low <= lit.ALLIANCE_OUTCOME_R_2018.value <= high
    >>> check_capstone_in_interval(inside, c).ok
    True
    >>> check_capstone_in_interval(not inside, c).ok
    False
    """
    low, high = _interval(clients)
    target = lit.ALLIANCE_OUTCOME_R_2018.value
    inside = low <= target <= high
    where = "inside" if inside else ("below" if target < low else "above")
    return check_bool(
        answer,
        inside,
        name="Exercise 8.4",
        hint="Is the meta-analytic r between your low and high limits?",
        why_wrong=f"{fmt_number(target)} lies {where} your interval "
        f"[{fmt_number(low, 2)}, {fmt_number(high, 2)}].",
        explanation=f"{fmt_number(target)} lies {where} [{fmt_number(low, 2)}, "
        f"{fmt_number(high, 2)}]."
        + (
            " Your clinic is compatible with the literature."
            if inside
            else " Roughly one study in twenty misses the true value by chance alone."
        ),
    )


def check_capstone_icc(answer: Any, clients: pd.DataFrame) -> Feedback:
    """Exercise 8.5: the therapists' share (ICC) of improvement variance, as a proportion.

    Examples
    --------
    >>> import alliance_widgets as aw
    >>> from alliance_widgets.science import therapist_icc
    >>> c = aw.simulate(seed=8, n_therapists=6, clients_per_therapist=8, items=False).clients
    >>> check_capstone_icc(therapist_icc(c).value, c).ok
    True
    """
    from alliance_widgets.science import therapist_icc

    require_columns(clients, [_Y, "therapist_id", _X], "clients")
    expected = therapist_icc(clients, outcome=_Y).value
    alliance_icc = therapist_icc(clients, outcome=_X).value
    mistakes = []
    if abs(alliance_icc - expected) > 0.01:
        mistakes.append(
            (
                alliance_icc,
                "That is the ICC of early_alliance; the exercise asks about improvement.",
            )
        )
    return check_proportion(
        answer,
        expected,
        tolerance=0.01,
        name="Exercise 8.5",
        hint="Which column holds each client's improvement? Pass its name as outcome=.",
        mistakes=mistakes,
        explanation=f"Compare it with the commonly reported "
        f"{fmt_number(lit.THERAPIST_EFFECTS.value)} % (Baldwin & Imel 2013); with few "
        "therapists an ICC is very uncertain.",
    )


_WRITEUP_IDEAS = {
    "the data are synthetic": ["synthetic", "simulated", "simulation", "generated"],
    "association, not proof of cause": [
        "association",
        "associated",
        "correlation",
        "correlational",
        "not cause",
        "causal",
        "causation",
        "cause",
    ],
    "uncertainty": ["interval", "ci", "uncertain", "uncertainty", "confidence"],
    "therapists": ["therapist", "therapists", "icc"],
}


def _mentions_number(text: str, value: float) -> bool:
    """True when ``text`` writes ``value`` to two decimals (``0.27`` or ``.27``)."""
    shown = f"{value:.2f}"
    bare = shown.replace("0.", ".", 1) if shown.startswith(("0.", "-0.")) else shown
    pattern = r"(?<![\d.])(" + re.escape(shown) + "|" + re.escape(bare) + r")(?!\d)"
    return re.search(pattern, text) is not None


def check_capstone_writeup(answer: Any, clients: pd.DataFrame, *, seed: int) -> Feedback:
    """Exercise 8.6: the short write-up: key ideas, your seed, your n and your r.

    Looks for words and numbers only (the feedback says so): it cannot judge the
    reasoning.

    Examples
    --------
    >>> import alliance_widgets as aw
    >>> c = aw.simulate(seed=8, n_therapists=6, clients_per_therapist=8, items=False).clients
    >>> r = c["early_alliance"].corr(c["improvement"])
    >>> text = (f"In a synthetic clinic (seed 8) of {len(c)} clients, early alliance and "
    ...         f"improvement correlated r = {r:.2f} (95% confidence interval wide). This is "
    ...         "an association, not proof of cause; therapists differed a little.")
    >>> check_capstone_writeup(text, c, seed=8).ok
    True
    >>> check_capstone_writeup("Alliance matters a lot in therapy, clearly.", c, seed=8).status
    'incorrect'
    """
    name = "Exercise 8.6"
    scope = (
        "This check looks for key words and your numbers only; it cannot judge your "
        "reasoning. Read your write-up aloud to a classmate."
    )
    hint = "Use the template: seed, number of clients, r with its interval, what it means."
    if answer is None or (isinstance(answer, str) and not answer.strip()):
        return unanswered(name, hint, scope)
    ideas = check_key_ideas(answer, _WRITEUP_IDEAS, name="key ideas", min_words=25)
    if not isinstance(answer, str) or (ideas.status == INCORRECT and not ideas.right):
        return Feedback(name, INCORRECT, ideas.right, ideas.wrong, hint, scope)
    r = _r(clients)
    n = len(_pairs(clients))
    text = answer.casefold()
    facts = [
        ("your seed", re.search(rf"(?<!\d){int(seed)}(?!\d)", text) is not None, str(seed)),
        ("your number of clients", re.search(rf"(?<!\d){n}(?!\d)", text) is not None, str(n)),
        ("your r", _mentions_number(text, r), f"{r:.2f}"),
    ]
    parts = [ideas]
    for label, found, shown in facts:
        if found:
            parts.append(Feedback(label, "correct", right=(f"gives {shown}.",)))
        else:
            parts.append(
                Feedback(label, INCORRECT, wrong=(f"not found (expected {shown} in the text).",))
            )
    fb = combine(name, parts, hint=hint)
    return Feedback(name, fb.status, fb.right, fb.wrong, fb.hint, scope, "", fb.parts)
