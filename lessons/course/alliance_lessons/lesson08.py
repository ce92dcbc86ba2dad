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

import numpy as np
import pandas as pd

from alliance_widgets import literature as lit
from alliance_widgets.exercises.data_checks import (
    as_float_array,
    check_proportion,
    numeric_columns,
    require_columns,
)
from alliance_widgets.exercises.feedback import CORRECT, INCORRECT, Feedback, combine, fmt_number
from alliance_widgets.exercises.generic import check_bool, check_number, unanswered

__all__ = [
    "WRITEUP_RUBRIC",
    "capstone_model_writeup",
    "capstone_prediction_interval",
    "check_capstone_ci",
    "check_capstone_icc",
    "check_capstone_in_interval",
    "check_capstone_r",
    "check_capstone_subgroup_r",
    "check_capstone_writeup",
    "literature_tau",
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


def _above_cutoff(clients: pd.DataFrame) -> pd.DataFrame:
    require_columns(clients, ["intake_outcome"], "clients")
    return clients.loc[
        clients["intake_outcome"].astype(float) > float(lit.OQ45_CLINICAL_CUTOFF.value)
    ]


def check_capstone_subgroup_r(answer: Any, clients: pd.DataFrame) -> Feedback:
    """Exercise 8.2: r between early alliance and improvement among clients who started above
    the OQ-45 clinical cutoff only.

    Examples
    --------
    >>> import alliance_widgets as aw
    >>> c = aw.simulate(seed=8, n_therapists=6, clients_per_therapist=8, items=False).clients
    >>> above = c[c.intake_outcome > lit.OQ45_CLINICAL_CUTOFF.value]
    >>> check_capstone_subgroup_r(above.early_alliance.corr(above.improvement), c).ok
    True
    >>> whole = c.early_alliance.corr(c.improvement)
    >>> check_capstone_subgroup_r(whole, c).wrong[0][:40]
    "That is the whole clinic's r; keep only "
    """
    above = _above_cutoff(clients)
    if len(above) < 3:
        raise ValueError("clients has fewer than 3 clients above the cutoff; pick other data.")
    expected = _r(above)
    cut = fmt_number(float(lit.OQ45_CLINICAL_CUTOFF.value))
    below = clients.loc[~clients.index.isin(above.index)]
    mistakes = [
        (
            _r(clients),
            f"That is the whole clinic's r; keep only the clients whose "
            f"intake_outcome is above {cut}.",
        ),
        (
            _r(above, "final_outcome"),
            "That is the correlation with final_outcome; use improvement.",
        ),
    ]
    if len(below) >= 3:
        mistakes.append(
            (
                _r(below),
                f"That is the r of the clients who started at or below "
                f"{cut}; the exercise asks about those above it.",
            )
        )
    return check_number(
        answer,
        expected,
        tolerance=0.005,
        name="Exercise 8.2",
        hint=f"Filter first: clients[clients.intake_outcome > {cut}], then correlate the two "
        "columns as in Exercise 8.1.",
        mistakes=[(v, m) for v, m in mistakes if abs(v - expected) > 0.005],
        explanation=f"r = {fmt_number(expected, 2)} in {len(above)} clients, against "
        f"{fmt_number(_r(clients), 2)} in all {len(clients)}. A subgroup has fewer clients, so "
        "its r wobbles more: a difference between the two is not, by itself, a finding.",
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


def literature_tau() -> float:
    """τ (Fisher z) for the 2018 alliance–outcome meta-analysis, back-calculated from I².

    The paper's records give no τ or prediction interval; I² of about 50–60 % is as
    commonly reported (``ALLIANCE_OUTCOME_HETEROGENEITY_2018``). Taking the middle of that
    range and the average study size (patients ÷ studies, ``ALLIANCE_OUTCOME_R_2018``),
    :func:`~alliance_widgets.science.prediction_interval.tau_from_i2` gives τ.

    Examples
    --------
    >>> round(literature_tau(), 2)
    0.11
    """
    from alliance_widgets.science.prediction_interval import tau_from_i2

    low, high = lit.ALLIANCE_OUTCOME_HETEROGENEITY_2018.extra["i2_as_commonly_reported"]
    meta = lit.ALLIANCE_OUTCOME_R_2018
    assert meta.n is not None and meta.k is not None  # both are recorded in literature.py
    return tau_from_i2((low + high) / 200, typical_n=meta.n / meta.k)


def capstone_prediction_interval(
    clients: pd.DataFrame, tau: float | None = None
) -> tuple[float, float]:
    """95 % prediction interval for the r of a new study the size of ``clients``.

    Centred on the 2018 meta-analytic r, with τ from :func:`literature_tau` unless given.

    Examples
    --------
    >>> import alliance_widgets as aw
    >>> c = aw.simulate(seed=8, n_therapists=30, clients_per_therapist=10, items=False).clients
    >>> [round(x, 2) for x in capstone_prediction_interval(c)]
    [0.04, 0.49]
    """
    from alliance_widgets.science.prediction_interval import prediction_interval_r

    tau = literature_tau() if tau is None else tau
    n = len(_pairs(clients))
    return prediction_interval_r(lit.ALLIANCE_OUTCOME_R_2018.value, tau, new_n=n)


def check_capstone_in_interval(answer: Any, clients: pd.DataFrame) -> Feedback:
    """Exercise 8.4: does your r lie inside the prediction interval for a study your size?

    ``True`` or ``False``. The yardstick is the 95 % prediction interval from
    :func:`capstone_prediction_interval`, not the meta-analysis's confidence interval.

    Examples
    --------
    >>> import alliance_widgets as aw
    >>> c = aw.simulate(seed=8, n_therapists=6, clients_per_therapist=8, items=False).clients
    >>> low, high = capstone_prediction_interval(c)
    >>> inside = low <= _r(c) <= high
    >>> check_capstone_in_interval(inside, c).ok
    True
    >>> check_capstone_in_interval(not inside, c).ok
    False
    """
    low, high = capstone_prediction_interval(clients)
    r = _r(clients)
    inside = low <= r <= high
    if isinstance(answer, np.bool_):  # a comparison of NumPy numbers gives NumPy's bool
        answer = bool(answer)
    where = "inside" if inside else ("below" if r < low else "above")
    span = f"[{fmt_number(low, 2)}, {fmt_number(high, 2)}]"
    return check_bool(
        answer,
        inside,
        name="Exercise 8.4",
        hint="Is your r (Exercise 8.1) between the two limits of the prediction interval?",
        why_wrong=f"your r = {fmt_number(r, 2)} lies {where} the prediction interval {span}.",
        explanation=f"Your r = {fmt_number(r, 2)} lies {where} {span}."
        + (
            " A study like yours could well come from the population of studies the "
            "meta-analysis pooled."
            if inside
            else " Only about one study in twenty from that population lands outside: "
            "look for a reason (a different kind of clinic or measure), or chance."
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


def _mentions_number(text: str, value: float) -> bool:
    """True when ``text`` writes ``value`` to two decimals (``0.27`` or ``.27``)."""
    shown = f"{value:.2f}"
    bare = shown.replace("0.", ".", 1) if shown.startswith(("0.", "-0.")) else shown
    pattern = r"(?<![\d.])(" + re.escape(shown) + "|" + re.escape(bare) + r")(?!\d)"
    return re.search(pattern, text) is not None


#: The self-assessment rubric of Exercise 8.6: score each line 0 (missing), 1 (partly) or
#: 2 (clearly there). No program marks it: reasoning is judged by reading, by the learner
#: and a classmate or tutor.
WRITEUP_RUBRIC: dict[str, str] = {
    "data": "Says the data are synthetic, with the seed, the numbers of therapists and "
    "clients, and the share who recovered.",
    "effect": "Gives r with its 95 % interval and its share of variance, and compares it "
    "with the meta-analysis using the prediction interval, not the confidence interval.",
    "cause": "Says the correlation does not show that the alliance causes improvement, and "
    "names at least one other explanation (e.g. early improvement raising the alliance).",
    "therapists": "Gives the therapists' share (ICC) with its interval and says what a "
    "clinic of this size cannot show about therapists.",
    "tone": "Describes clients and therapists respectfully: no blame, no claims beyond the data.",
}


def check_capstone_writeup(answer: Any, clients: pd.DataFrame, *, seed: int) -> Feedback:
    """Exercise 8.6: do the seed, number of clients and r in the write-up match the data?

    Only these three facts are checked. The reasoning is not graded by words (no program
    can tell a careful sentence from a careless one that uses the same words): the lesson
    prints :data:`WRITEUP_RUBRIC` and :func:`capstone_model_writeup` for self-assessment.

    Examples
    --------
    >>> import alliance_widgets as aw
    >>> c = aw.simulate(seed=8, n_therapists=6, clients_per_therapist=8, items=False).clients
    >>> r = c["early_alliance"].corr(c["improvement"])
    >>> text = (f"In a synthetic clinic (seed 8) of {len(c)} clients, early alliance and "
    ...         f"improvement correlated r = {r:.2f}.")
    >>> check_capstone_writeup(text, c, seed=8).ok
    True
    >>> check_capstone_writeup("Alliance matters a lot in therapy, clearly.", c, seed=8).status
    'incorrect'
    """
    name = "Exercise 8.6 (your numbers)"
    scope = (
        "Only your seed, number of clients and r are checked against your data. Your "
        "reasoning is not marked: score it yourself with the rubric below, then compare "
        "with the model write-up."
    )
    hint = "Use the template: seed, number of clients, r with its interval."
    if answer is None or (isinstance(answer, str) and not answer.strip()):
        return unanswered(name, hint, scope)
    if not isinstance(answer, str):
        msg = f"Write your text in quotes; got {type(answer).__name__}."
        return Feedback(name, INCORRECT, wrong=(msg,), hint=hint, scope=scope)
    r = _r(clients)
    n = len(_pairs(clients))
    text = answer.casefold()
    facts = [
        ("seed", re.search(rf"(?<!\d){int(seed)}(?!\d)", text) is not None, str(seed)),
        ("number of clients", re.search(rf"(?<!\d){n}(?!\d)", text) is not None, str(n)),
        ("r", _mentions_number(text, r), f"{r:.2f}"),
    ]
    parts = [
        Feedback(label, CORRECT, right=(f"{shown} matches your data.",))
        if found
        else Feedback(label, INCORRECT, wrong=(f"not found (expected {shown} in the text).",))
        for label, found, shown in facts
    ]
    fb = combine(name, parts, hint=hint)
    return Feedback(name, fb.status, fb.right, fb.wrong, fb.hint, scope, "", fb.parts)


def capstone_model_writeup(clients: pd.DataFrame, *, seed: int) -> str:
    """A model write-up for Exercise 8.6, with the numbers of ``clients``.

    Examples
    --------
    >>> import alliance_widgets as aw
    >>> c = aw.simulate(seed=8, n_therapists=6, clients_per_therapist=8, items=False).clients
    >>> capstone_model_writeup(c, seed=8)[:40]
    'The data are a synthetic clinic generate'
    """
    from alliance_widgets.science import correlation_ci, therapist_icc

    d = _pairs(clients)
    r = correlation_ci(d[_X], d[_Y])
    icc = therapist_icc(clients, outcome=_Y)
    low, high = capstone_prediction_interval(clients)
    recovered = float((clients["change_category"].astype("string") == "recovered").mean())
    agree = "inside" if low <= r.value <= high else "outside"
    return (
        f"The data are a synthetic clinic generated with seed {seed}: "
        f"{clients['therapist_id'].nunique()} therapists and {len(clients)} clients, "
        f"{recovered:.0%} of whom recovered. Early alliance and improvement correlated "
        f"r = {r.value:.2f} (95 % interval {r.low:.2f} to {r.high:.2f}), so the alliance "
        f"shares about {100 * r.value**2:.0f} % of the variance in improvement; that r lies "
        f"{agree} the range expected for a study of this size given the 2018 meta-analysis "
        f"(prediction interval {low:.2f} to {high:.2f}). Therapists accounted for about "
        f"{icc.value:.2f} of the variance (ICC, interval {icc.low:.2f} to {icc.high:.2f}); "
        "with this many therapists that share is too uncertain to rank anyone. This is an "
        "association, not proof of cause: in real data it could also reflect early "
        f"improvement raising alliance ratings ({lit.FLUCKIGER_2020_RECIPROCAL.cite()}); in "
        "this synthetic clinic the generator built the alliance in as a cause, so these data "
        "cannot test that. Another sample of the same clinic could give quite different "
        "numbers."
    )
