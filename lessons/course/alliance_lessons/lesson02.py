"""Checks for lesson 02, *Lambert's outcome-variance model and its critics*.

Expected answers are computed from :mod:`alliance_widgets.literature`: Lambert's shares,
the 2018 and 2011 relationship-element correlations, and ``r²``.

Examples
--------
>>> check_lambert_evidence("b").ok
True
>>> check_alliance_share(7.7).ok
True
>>> check_alliance_share(30).wrong[0][:46]
"30 % is Lambert's share for the relationship: "
"""

from __future__ import annotations

from typing import Any

from alliance_widgets import literature as lit
from alliance_widgets.exercises.feedback import Feedback, fmt_number
from alliance_widgets.exercises.generic import check_choice, check_choices, check_number

__all__ = [
    "EVIDENCE_OPTIONS",
    "PIE_STATEMENTS",
    "check_alliance_share",
    "check_goal_consensus_share",
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
        hint="Read the 'what the pie is' section again: how were the percentages made?",
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


def check_goal_consensus_share(answer: Any) -> Feedback:
    """Exercise 2.3: goal consensus's share of variance (%) from its 2018 r."""
    r = lit.ELEMENT_R_2018.value["goal consensus"]
    r_2011 = lit.NORCROSS_2011_R.value["goal consensus"]
    quoted = lit.NORCROSS_2011_R.extra["quoted_percent"]["goal consensus"]
    pct = 100 * r * r
    return check_number(
        answer,
        pct,
        tolerance=0.1,
        name="Exercise 2.3",
        unit="%",
        digits=2,
        hint=f"Use the 2018 r for goal consensus ({fmt_number(r)}), not the 2011 one.",
        mistakes=[
            (
                quoted,
                f"{fmt_number(quoted)} % is the web's figure: the square of the 2011 "
                f"r = {fmt_number(r_2011)}. Use the 2018 r.",
            ),
            (100 * r_2011 * r_2011, "That squares the 2011 r; the question asks for 2018."),
            (100 * r, "That is r as a percentage; square it first."),
            (r * r, "That is the proportion (0 to 1); multiply by 100 for a percentage."),
        ],
        explanation=f"{fmt_number(r)}² = {fmt_number(r * r, 4)}, about {fmt_number(pct, 1)} %: "
        f"half the {fmt_number(quoted)} % still quoted online.",
    )


_REL = lit.LAMBERT_1992_SHARES.value["relationship"]
#: Statements for exercise 2.4 and whether each is true.
PIE_STATEMENTS: dict[str, tuple[str, bool]] = {
    "a": ("The four shares are estimates of variance from pooled data.", False),
    "b": ("The split is often attributed to studies that did not produce it.", True),
    "c": ("In real clients the factors overlap, so their shares need not add to 100.", True),
    "d": (
        f"The relationship share ({_REL:g} %) means the alliance explains {_REL:g} % of outcome.",
        False,
    ),
    "e": ("Empirical estimates put techniques' specific ingredients near zero.", True),
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
        hint="Three of the five are true. Compare the pie with the table of empirical estimates.",
        why_wrong={
            "a": "no data were pooled: the shares are a judgement.",
            "d": f"the alliance–outcome r of {fmt_number(r)} is about "
            f"{fmt_number(100 * r * r, 1)} % of variance; {_REL:g} % is Lambert's estimate.",
        },
    )
