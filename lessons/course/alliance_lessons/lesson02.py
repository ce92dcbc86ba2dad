"""Checks for lesson 02, *Lambert's outcome-variance model and its critics*.

Expected answers are computed from :mod:`alliance_widgets.literature`: Lambert's shares,
the 2018 alliance–outcome correlation and ``r²``, the dodo-bird debate's two sides.

Examples
--------
>>> check_lambert_evidence("b").ok
True
>>> check_alliance_share(7.7).ok
True
>>> check_alliance_share(30).wrong[0][:46]
"30 % is Lambert's share for the relationship: "
>>> check_lambert_comparison("b").ok
True
>>> check_pie_statements(["b", "c"]).ok
True
"""

from __future__ import annotations

from typing import Any

from alliance_widgets import literature as lit
from alliance_widgets.exercises.feedback import Feedback, fmt_number
from alliance_widgets.exercises.generic import check_choice, check_choices, check_number

__all__ = [
    "COMPARISON_OPTIONS",
    "EVIDENCE_OPTIONS",
    "PIE_STATEMENTS",
    "check_alliance_share",
    "check_lambert_comparison",
    "check_lambert_evidence",
    "check_pie_statements",
]

_R_HINT = "Turn r into a share of variance: multiply r by itself, then by 100 for a percentage."

#: Options for exercise 2.1: what kind of evidence is the 40/30/15/15 split?
EVIDENCE_OPTIONS: dict[str, str] = {
    "a": "a meta-analysis that pooled the effect sizes of many studies",
    "b": "an informed judgement from a narrative review of the research",
    "c": "one large randomised trial that measured all four factors",
    "d": "a survey of what therapists believe",
}


def check_lambert_evidence(answer: Any) -> Feedback:
    """Exercise 2.1: what kind of evidence is Lambert's 40/30/15/15?"""
    return check_choice(
        answer,
        "b",
        options=EVIDENCE_OPTIONS,
        name="Exercise 2.1",
        hint="Think about what it would take to measure four factors in the same clients, "
        "and whether anyone did.",
        why_wrong={
            "a": "this is the commonest misattribution: no effect sizes were pooled.",
            "c": "no single study measured the four factors side by side.",
            "d": "it came from reading outcome research, not from polling therapists.",
        },
        explanation=lit.LAMBERT_1992_SHARES.note,
    )


def check_alliance_share(answer: Any) -> Feedback:
    """Exercise 2.2: the share of outcome variance (%) the 2018 alliance–outcome r gives."""
    r = lit.ALLIANCE_OUTCOME_R_2018.value
    pct = 100 * r * r
    lambert = lit.LAMBERT_1992_SHARES.value["relationship"]
    return check_number(
        answer,
        pct,
        tolerance=0.1,
        name="Exercise 2.2",
        unit="%",
        digits=2,
        hint=_R_HINT,
        mistakes=[
            (
                lambert,
                f"{fmt_number(lambert)} % is Lambert's share for the relationship: a "
                "judgement, not r². Square the alliance–outcome r.",
            ),
            (
                100 * r,
                f"{fmt_number(100 * r, 1)} % is r written as a percentage; a share of "
                "variance is r squared.",
            ),
            (r * r, "That is the proportion (0 to 1); multiply by 100 for a percentage."),
        ],
        explanation=f"r = {fmt_number(r)}, r² = {fmt_number(r * r, 4)}, about "
        f"{fmt_number(pct, 1)} % of the variance in outcome.",
    )


_REL = lit.LAMBERT_1992_SHARES.value["relationship"]
_R = lit.ALLIANCE_OUTCOME_R_2018.value

#: Options for exercise 2.3: what does setting Lambert's 30 % beside the alliance's r² show?
COMPARISON_OPTIONS: dict[str, str] = {
    "a": f"Lambert overestimated the alliance about {_REL / (100 * _R * _R):.0f}-fold.",
    "b": "Not much: the 30 % is a judged share of improvement for all relationship and "
    "common factors together; the r² is one element's share of variance, from data.",
    "c": f"The other relationship elements must make up the remaining "
    f"{_REL - 100 * _R * _R:.0f} percentage points.",
    "d": "The alliance matters less than Lambert thought, so therapists can neglect it.",
}


def check_lambert_comparison(answer: Any) -> Feedback:
    """Exercise 2.3: why Lambert's 30 % and the alliance's r² are not like for like."""
    return check_choice(
        answer,
        "b",
        options=COMPARISON_OPTIONS,
        name="Exercise 2.3",
        hint="Ask of each number: a share of *what*, for *which* factors, and made *how*?",
        why_wrong={
            "a": "the two numbers measure different things (a judged share of improvement "
            "for a whole group of factors; a variance share for one element), so their ratio "
            "means nothing.",
            "c": "shares of variance from separate meta-analyses overlap: they do not add up "
            "to a slice, and Lambert's slice was never a sum of them.",
            "d": "r² makes effects look small; the alliance is among the most consistent "
            "predictors of outcome (lesson 04 shows other ways to picture its size).",
        },
        explanation=f"Lambert's {_REL:g} % covers the alliance, empathy, warmth and every "
        "other common factor, and was an informed estimate of improvement. The alliance's "
        f"r² ({100 * _R * _R:.1f} %) is one element, measured. Different questions, "
        "different units.",
    )


#: Statements for exercise 2.4 and whether each is true.
PIE_STATEMENTS: dict[str, tuple[str, bool]] = {
    "a": ("The four shares are estimates of variance from pooled data.", False),
    "b": ("The split is often attributed to studies that did not produce it.", True),
    "c": ("In real clients the factors overlap, so their shares need not add to 100.", True),
    "d": (
        f"The relationship share ({_REL:g} %) means the alliance explains {_REL:g} % of outcome.",
        False,
    ),
    "e": (
        "Research has settled that a technique's specific ingredients add nothing to outcome.",
        False,
    ),
}


def check_pie_statements(answer: Any) -> Feedback:
    """Exercise 2.4: which statements about Lambert's pie are true? (select all)."""
    r = lit.ALLIANCE_OUTCOME_R_2018.value
    options = {k: text for k, (text, _) in PIE_STATEMENTS.items()}
    return check_choices(
        answer,
        {k for k, (_, true) in PIE_STATEMENTS.items() if true},
        options=options,
        name="Exercise 2.4",
        hint="Two of the five are true. Compare the pie with the table of empirical estimates, "
        "and reread the dodo-bird debate.",
        why_wrong={
            "a": "no data were pooled: the shares are a judgement.",
            "e": "that is one side of the dodo-bird debate (Wampold's reading). Meta-analyses "
            f"such as {lit.TREATMENT_DIFFERENCES_CRITIQUES.cite()} found some differences. "
            "The question is open.",
            "d": f"the alliance–outcome r of {fmt_number(r)} is about "
            f"{fmt_number(100 * r * r, 1)} % of variance; {_REL:g} % is Lambert's estimate.",
        },
        explanation="b: the split is quoted as if from meta-analyses, but it was a judgement. "
        "c: hope, the relationship and technique act on one another in real clients, so "
        "their parts overlap and need not add to 100 (only a simulation built from separate "
        "slices adds up). a, d and e are the common misreadings.",
    )
