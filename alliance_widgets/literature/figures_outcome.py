"""Published figures on outcome measures (OQ-45.2) and progress feedback (OQ, PCOMS)."""

from __future__ import annotations

from .records import _fig
from .sources_outcome import (
    BARKHAM_2023,
    DE_JONG_2021,
    HANNAN_2005,
    LAMBERT_2004,
    LAMBERT_WHIPPLE_KLEINSTAUBER_2018,
    OSTERGARD_2020,
    SHIMOKAWA_2010,
)

# --------------------------------------------------------------------------- outcome measures
OQ45_RANGE = _fig(
    "oq45_range",
    "OQ-45.2 total score range",
    (0, 180),
    "points (45 items scored 0–4; higher = more distress)",
    LAMBERT_2004,
    "confirmed",
    note="Subscales: symptom distress, interpersonal relations, social role. Checked 2026-12 "
    "against secondary descriptions (range 0–180), not the manual itself.",
)
OQ45_ALPHA = _fig(
    "oq45_alpha",
    "OQ-45.2 internal consistency",
    0.93,
    "alpha",
    LAMBERT_2004,
    "confirmed",
    note="Checked 2026-12 against a secondary description (alpha .93, retest .84), not the "
    "manual itself.",
)
OQ45_RETEST = _fig(
    "oq45_retest",
    "OQ-45.2 test–retest reliability",
    0.84,
    "r",
    LAMBERT_2004,
    "confirmed",
    note="Checked 2026-12 against a secondary description (alpha .93, retest .84), not the "
    "manual itself.",
)
OQ45_RELIABLE_CHANGE = _fig(
    "oq45_reliable_change",
    "OQ-45.2 reliable change",
    14,
    "points",
    LAMBERT_2004,
    "confirmed",
    note="Checked 2026-12 against secondary descriptions (a change of 14 points is reliable), "
    "not the manual itself.",
)
OQ45_CLINICAL_CUTOFF = _fig(
    "oq45_clinical_cutoff",
    "OQ-45.2 clinical cutoff",
    63.5,
    "points (64 and above dysfunctional, 63 and below functional)",
    LAMBERT_2004,
    "confirmed",
    note="Checked 2026-12 against a secondary description (64 dysfunctional / 63 functional), "
    "not the manual itself. Beckstead et al. (2003), who examined these cutoffs, is not cited: "
    "no DOI for it was found.",
)
OQ_SIGNALS = _fig(
    "oq_signals",
    "OQ feedback signals",
    {
        "white": "functioning in the normal range",
        "green": "adequate progress",
        "yellow": "less progress than expected",
        "red": "not on track: at risk of treatment failure",
    },
    "",
    SHIMOKAWA_2010,
    "as commonly reported",
    note="The colour names are as commonly reported: no record read in 2026-12 describes "
    "them (the earlier source, OQ Measures' 2004 'OQ-Analyst' documentation, could not be "
    "located). Shimokawa et al.'s (2010) abstract confirms only that the OQ feedback system "
    "flags 'signal-alarm' (not-on-track) patients.",
)
FEEDBACK_EFFECT_2021 = _fig(
    "feedback_effect_2021",
    "Effect of progress feedback on outcome",
    0.15,
    "d",
    DE_JONG_2021,
    "confirmed",
    ci=(0.10, 0.20),
    k=58,
    n=21699,
    note="Not-on-track clients: d = 0.17.",
    extra={"not_on_track_d": 0.17},
)
FEEDBACK_CST_2023 = _fig(
    "feedback_cst_2023",
    "Feedback with clinical support tools, not-on-track clients",
    (0.36, 0.53),
    "g",
    BARKHAM_2023,
    "confirmed",
    note="As summarised by Barkham et al. (2023), a narrative review of routine outcome "
    "monitoring with an overview of 11 meta-analyses, not a meta-analysis of its own. Its "
    "abstract: overall effect g ≈ 0.15, rising to g ≈ 0.36–0.53 when clinical support tools "
    "are used for not-on-track cases; as success-rate differences, ≈ 8 % over standard care "
    "overall and ≈ 20–29 % for not-on-track patients with clinical support tools. Checked "
    "2026-12: Taylor & Francis article page.",
    extra={
        "overall_g": 0.15,
        "success_rate_difference_percent": {"overall": 8, "not_on_track_cst": (20, 29)},
    },
)
THERAPISTS_MISS_DETERIORATION = _fig(
    "therapists_miss_deterioration",
    "Deteriorated clients flagged by a monitoring rule (clinicians rarely predicted them)",
    {"at termination": 100, "by session 3": 85},
    "%",
    HANNAN_2005,
    "confirmed",
    note="Hannan et al.'s abstract: clinicians rarely accurately predict who will not benefit "
    "from psychotherapy, whereas formal monitoring with a questionnaire and decision rules "
    "based on expected progress identified 100 % of the patients who had deteriorated at "
    "termination, and 85 % by their third session. Checked 2026-12: abstract in the Zendy "
    "record. (Bybee, Lambert & Eggett 2007 report it as therapists predicting only 1 of "
    "40 deteriorating clients among 550; that count was not read in Hannan et al.'s own "
    "abstract.)",
)
PCOMS_EFFECT = _fig(
    "pcoms_effect",
    "PCOMS feedback effect",
    0.27,
    "g",
    OSTERGARD_2020,
    "confirmed",
    k=18,
    n=2910,
    note="18 studies (14 RCTs), 2,910 participants; heterogeneity substantial. No effect in "
    "psychiatric settings (g = 0.10, p = .144); a positive effect in counseling settings "
    "(g = 0.45), where almost all studies had a positive researcher allegiance and used the "
    "ORS as the only outcome measure, so that result may be biased. Confirmed from the "
    "abstract (Aalborg University VBN record).",
    extra={"psychiatric_g": 0.10, "counseling_g": 0.45},
)
FEEDBACK_EFFECT_2010 = _fig(
    "feedback_effect_2010",
    "OQ feedback for patients at risk of treatment failure",
    "effective, especially for signal-alarm (not-on-track) patients",
    "",
    SHIMOKAWA_2010,
    "confirmed",
    n=6151,
    note="Meta- and mega-analysis of six OQ-45 feedback studies (N = 6,151) at a university "
    "counseling center and a hospital outpatient setting. Three forms of feedback "
    "intervention enhanced outcome, especially for signal-alarm patients; two of them "
    "(clinical support tools, and progress feedback given to therapists) also helped prevent "
    "treatment failure. Confirmed from the PubMed abstract; its effect sizes were cut off in "
    "the record read, so none is given here.",
)
FEEDBACK_EFFECT_2018 = _fig(
    "feedback_effect_2018",
    "Routine outcome monitoring (PCOMS and OQ System) versus treatment as usual",
    "small to moderate effects; two-thirds of 24 studies favoured feedback",
    "",
    LAMBERT_WHIPPLE_KLEINSTAUBER_2018,
    "confirmed",
    k=24,
    note="24 studies: two-thirds found ROM-assisted psychotherapy superior to treatment as "
    "usual by the same practitioners; mean standardized effects small to moderate. For "
    "clients predicted to have a poor outcome, feedback reduced deterioration and nearly "
    "doubled clinically significant or reliable change. Confirmed from the abstract; the "
    "effect sizes themselves were not in the records read.",
)
