"""Published figures on what share of outcome variance goes where."""

from __future__ import annotations

from .records import _fig
from .sources_alliance import (
    ASAY_LAMBERT_1999,
    BALDWIN_IMEL_2013,
    NORCROSS_2011,
    WAMPOLD_2015,
    WAMPOLD_IMEL_2015,
)
from .sources_outcome import BELL_MARCUS_GOODLAD_2013

# --------------------------------------------------------------------------- variance models
LAMBERT_1992_SHARES = _fig(
    "lambert_1992_shares",
    "Lambert's four factors of outcome variance",
    {"extratherapeutic": 40.0, "relationship": 30.0, "expectancy": 15.0, "technique": 15.0},
    "% of improvement",
    ASAY_LAMBERT_1999,
    "as commonly reported",
    note="A judgement from a narrative review, not a meta-analysis; often misattributed; "
    "the shares are not additive in reality. First given in Lambert's (1992) chapter in "
    "Norcross & Goldfried's Handbook of Psychotherapy Integration (Basic Books), cited here "
    "through Asay & Lambert (1999) because no ISBN of the 1992 edition was found.",
)
THERAPY_TOTAL_EFFECT = _fig(
    "therapy_total_effect",
    "Variance in outcome explained by receiving psychotherapy",
    13.0,
    "% (d ≈ 0.80)",
    WAMPOLD_IMEL_2015,
    "confirmed",
    note="The 13 % is confirmed from a secondary source (re-checked 2026-12); d ≈ 0.80 as "
    "commonly reported. The first edition (Wampold 2001, Erlbaum) is not cited: no ISBN for "
    "it was found.",
    extra={"d": 0.80},
)
TREATMENT_DIFFERENCES = _fig(
    "treatment_differences",
    "Variance in outcome due to differences between treatments",
    (0.0, 1.0),
    "%",
    WAMPOLD_IMEL_2015,
    "as commonly reported",
)
TREATMENT_DIFFERENCES_CRITIQUES = _fig(
    "treatment_differences_critiques",
    "Findings that dispute 'no differences between treatments'",
    {
        "Bell, Marcus & Goodlad 2013": "an added specific component gave d = 0.14 at the end "
        "of treatment and d = 0.28 at follow-up on targeted problems; dismantling studies "
        "showed no difference; k = 66",
    },
    "",
    BELL_MARCUS_GOODLAD_2013,
    "confirmed",
    note="Two sides of the dodo-bird debate: Wampold & Imel read the comparisons as "
    "treatments not differing (TREATMENT_DIFFERENCES); this meta-analysis found some "
    "differences. Confirmed from the abstract. A comment on Bell et al. (Flückiger, Del Re "
    "& Wampold 2015) found the follow-up 'sleeper effect' not statistically supported. "
    "Tolin's (2010) CBT-versus-other-therapies meta-analysis is not cited: its abstract was "
    "read on public copies of the paper, but no record showing its DOI was found in 2026-12 "
    "(find_string on the DOI and on the title; search).",
    extra={"bell_additive_d": {"end": 0.14, "follow-up": 0.28}},
)
THERAPIST_EFFECTS = _fig(
    "therapist_effects",
    "Variance in outcome between therapists",
    5.0,
    "% (≈ 3 % in trials, ≈ 7 % in naturalistic settings)",
    BALDWIN_IMEL_2013,
    "as commonly reported",
    extra={"trials": 3.0, "naturalistic": 7.0},
)
WAMPOLD_2015_D = _fig(
    "wampold_2015_d",
    "Effect sizes (Cohen's d) of common and specific factors",
    {
        "alliance": 0.57,
        "empathy": 0.63,
        "expectations": 0.24,
        "cultural adaptation": 0.32,
        "therapist": 0.55,
        "specific ingredients": 0.01,
        "adherence": 0.04,
        "competence": 0.14,
    },
    "d",
    WAMPOLD_2015,
    "as commonly reported",
    note="The paper is confirmed; the d values are as commonly reported.",
)
NORCROSS_2011_R = _fig(
    "norcross_2011_r",
    "2011 relationship-element correlations behind the web's '% of variance' list",
    {
        "goal consensus": 0.34,
        "empathy": 0.30,
        "alliance": 0.275,
        "positive regard": 0.27,
        "congruence": 0.24,
    },
    "r",
    NORCROSS_2011,
    "derived",
    note="The list 'goal consensus 11.5 %, empathy 9 %, alliance 7.5 %, positive regard 6.3 %, "
    "congruence 5.7 %' is these r values squared (and .27² is 7.3, not 6.3). Goal consensus "
    "r = .34 is confirmed. Empathy: Elliott, Bohart, Watson & Greenberg's (2011) abstract "
    "gives r = .31 [.28, .34] over 59 samples and 3,599 clients (doi 10.1037/a0022187, "
    "read on a public post-print in 2026-12); the list squared a rounded .30, which is kept "
    "here as the value behind its 9 %.",
    extra={
        "quoted_percent": {
            "goal consensus": 11.5,
            "empathy": 9.0,
            "alliance": 7.5,
            "positive regard": 6.3,
            "congruence": 5.7,
            "therapist": 5.0,
        }
    },
)
