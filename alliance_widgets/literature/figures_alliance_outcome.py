"""Published alliance–outcome correlations and who contributes to them."""

from __future__ import annotations

from .records import _fig
from .sources_alliance import (
    BALDWIN_2007,
    CRITS_CHRISTOPH_2011,
    DEL_RE_2012,
    FLUCKIGER_2018,
    FLUCKIGER_2020_ADJUSTED,
    FLUCKIGER_2020_RECIPROCAL,
    HORVATH_2011,
    HORVATH_BEDI_2002,
    HORVATH_SYMONDS_1991,
    MARTIN_2000,
    RELATIONAL_PERSPECTIVE_2020,
)

# --------------------------------------------------------------------------- alliance-outcome
ALLIANCE_OUTCOME_R_1991 = _fig(
    "alliance_outcome_r_1991",
    "Alliance–outcome correlation, first meta-analysis",
    0.26,
    "r",
    HORVATH_SYMONDS_1991,
    "confirmed",
    k=24,
    note="Checked 2026-12: Horvath et al. (2011) list Horvath & Symonds (1991) as r = .26, k "
    "= 26; Duncan et al. (2003) say it summarised 24 studies.",
)
ALLIANCE_OUTCOME_R_2000 = _fig(
    "alliance_outcome_r_2000",
    "Alliance–outcome correlation",
    0.22,
    "r",
    MARTIN_2000,
    "confirmed",
    k=79,
    note="Checked 2026-12: the abstract gives 79 studies (58 published, 21 unpublished); "
    "Crits-Christoph et al. (2011) quote 4.8 % of outcome variance, r ≈ .22.",
)
ALLIANCE_OUTCOME_R_2002 = _fig(
    "alliance_outcome_r_2002",
    "Alliance–outcome correlation",
    0.21,
    "r",
    HORVATH_BEDI_2002,
    "confirmed",
    k=100,
    note="Checked 2026-12: Horvath et al. (2011) list Horvath & Bedi (2002) as r = .21, k = 100.",
)
ALLIANCE_OUTCOME_R_2011 = _fig(
    "alliance_outcome_r_2011",
    "Alliance–outcome correlation",
    0.275,
    "r",
    HORVATH_2011,
    "confirmed",
    ci=(0.25, 0.30),
    k=190,
    n=14000,
    note="190 sources, more than 14,000 patients.",
)
ALLIANCE_OUTCOME_R_2018 = _fig(
    "alliance_outcome_r_2018",
    "Alliance–outcome correlation",
    0.278,
    "r",
    FLUCKIGER_2018,
    "confirmed",
    ci=(0.256, 0.299),
    k=295,
    n=30000,
    note="295 studies, more than 30,000 patients; d = .579; heterogeneous (I² ≈ 50–60 %, "
    "as commonly reported).",
    extra={"d": 0.579, "i2": (50.0, 60.0)},
)
ALLIANCE_OUTCOME_META_ANALYSES = (
    ALLIANCE_OUTCOME_R_1991,
    ALLIANCE_OUTCOME_R_2000,
    ALLIANCE_OUTCOME_R_2002,
    ALLIANCE_OUTCOME_R_2011,
    ALLIANCE_OUTCOME_R_2018,
)
ALLIANCE_OUTCOME_R_ADJUSTED_2020 = _fig(
    "alliance_outcome_r_adjusted_2020",
    "Alliance–outcome correlation adjusted for intake characteristics and simultaneous processes",
    (0.23, 0.31),
    "r",
    FLUCKIGER_2020_ADJUSTED,
    "confirmed",
    k=60,
    n=6061,
    note="125 effect sizes in 60 samples (6,061 participants). Adjusted for intake "
    "characteristics (k = 35), for simultaneous processes such as therapist adherence or "
    "competence (k = 13), or for both (k = 24); the correlations stayed moderate, r = .23 to "
    ".31, with or without adjustment. Not adjusted for early symptom change: that question is "
    "FLUCKIGER_2020_RECIPROCAL's. Confirmed from the abstract.",
    extra={"effect_sizes": 125, "k_by_adjustment": {"intake": 35, "process": 13, "both": 24}},
)
ALLIANCE_SYMPTOMS_RECIPROCAL_2020 = _fig(
    "alliance_symptoms_reciprocal_2020",
    "Alliance and symptoms predict each other session by session in early therapy",
    True,
    "",
    FLUCKIGER_2020_RECIPROCAL,
    "confirmed",
    k=17,
    n=5350,
    note="Two-stage individual participant data meta-analysis of 17 studies from 9 countries "
    "(5,350 participants), sessions 1–7: significant reciprocal lagged within-patient effects "
    "of alliance on next-session symptoms and of symptoms on next-session alliance; early "
    "alliance also predicted posttreatment outcome. Confirmed from the abstract.",
)
ALLIANCE_OUTCOME_R_DEPENDABLE_2011 = _fig(
    "alliance_outcome_r_dependable_2011",
    "Outcome variance explained by the alliance, one session vs several averaged",
    {"session 3 alone": 4.7, "sessions 3–9 averaged": 14.7},
    "% of outcome variance",
    CRITS_CHRISTOPH_2011,
    "confirmed",
    n=45,
    note="45 patients and 9 therapists in psychotherapy for depression, alliance rated every "
    "session: one session's alliance explained 4.7 % of outcome variance, the mean of "
    "sessions 3–9 14.7 %, because averaging removes session-to-session error (attenuation). "
    "Confirmed from the ERIC and PubMed abstracts. The r values in extra are derived (square "
    "roots), not reported figures.",
    extra={"r_derived": {"session 3 alone": 0.22, "sessions 3–9 averaged": 0.38}},
)
ALLIANCE_OUTCOME_HETEROGENEITY_2018 = _fig(
    "alliance_outcome_heterogeneity_2018",
    "Heterogeneity of the 2018 alliance–outcome meta-analysis",
    {"negative effect sizes": 2.0},
    "% of the 295 effect sizes",
    FLUCKIGER_2018,
    "confirmed",
    k=295,
    note="The abstract reports that the effect sizes were heterogeneous and that 2 % of the "
    "295 indicated negative correlations (confirmed). An I² of about 50–60 % is as commonly "
    "reported: no record read gave I² or a prediction interval, so lessons must say so "
    "(extra['i2_as_commonly_reported']).",
    extra={"i2_as_commonly_reported": (50.0, 60.0)},
)

# --------------------------------------------------------------------------- whose alliance
BALDWIN_2007_DESIGN = _fig(
    "baldwin_2007_design",
    "Baldwin, Wampold & Imel (2007) sample",
    {"patients": 331, "therapists": 80, "mean caseload": 4.1},
    "",
    BALDWIN_2007,
    "confirmed",
    note="Patient-rated alliance, adjusted for baseline. Therapist (between) variability in "
    "the alliance predicted outcome; patient (within-therapist) variability did not. "
    "Checked 2026-12: PubMed abstract, PMID 18085902.",
)
RATIO_MODERATES_R = _fig(
    "ratio_moderates_r",
    "The patient-to-therapist ratio moderates the alliance–outcome r",
    True,
    "",
    DEL_RE_2012,
    "confirmed",
    note="Checked 2026-12: the abstract (Elsevier page): the patient–therapist ratio "
    "moderated the alliance–outcome correlation, also after controlling for rater, "
    "design, Axis II share and measure.",
)
WITHIN_THERAPIST_COUNTER = _fig(
    "within_therapist_counter",
    "Within-therapist alliance variation predicted outcome better",
    True,
    "",
    RELATIONAL_PERSPECTIVE_2020,
    "confirmed",
    note="Confirmed from the abstract; a counter-finding to Baldwin et al. (2007). A large "
    "primary-care sample, patient and therapist alliance ratings at session 3, a "
    "one-with-many design: within-therapist variation in the alliance was the better "
    "predictor of outcome.",
)
ALLIANCE_ICC_THERAPISTS = _fig(
    "alliance_icc_therapists",
    "Share of alliance variance between therapists (ICC)",
    (0.03, 0.10),
    "",
    (BALDWIN_2007, DEL_RE_2012),
    "as commonly reported",
    note="The range .03–.10 is as commonly reported: neither Baldwin et al.'s (2007) nor Del "
    "Re et al.'s (2012) abstract states it. They are cited as the studies that separate "
    "therapist from patient variability in the alliance, not for these numbers.",
)
