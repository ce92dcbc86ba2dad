"""Published figures from the history of psychotherapy research, the 2018 task force and methods."""

from __future__ import annotations

from .figures_alliance_outcome import ALLIANCE_OUTCOME_R_2018
from .records import _fig
from .sources_outcome import (
    EYSENCK_1952,
    JACOBSON_TRUAX_1991,
    MCNEILLY_HOWARD_1991,
    NORCROSS_LAMBERT_2018,
    ROGERS_1957,
    ROSENZWEIG_1936,
)

# --------------------------------------------------------------------------- history
EYSENCK_1952_BASELINE = _fig(
    "eysenck_1952_baseline",
    "Eysenck's 'spontaneous' improvement baseline",
    72,
    "% improved without therapy (claimed)",
    EYSENCK_1952,
    "confirmed",
    note="He claimed therapy did no better; his baseline was flawed. Checked 2026-12: the "
    "article's text (York University Classics) gives the consolidated amelioration rate "
    "of 72 per cent.",
)
MCNEILLY_HOWARD_1991_DOSE = _fig(
    "mcneilly_howard_1991_dose",
    "Improved by 8 weeks",
    {"treated": 50, "untreated": 2},
    "%",
    MCNEILLY_HOWARD_1991,
    "confirmed",
    note="Checked 2026-12: the abstract (Taylor & Francis page): 50 % of treated patients "
    "improved by 8 weeks, 2 % of Eysenck's untreated patients.",
)
DODO_BIRD = _fig(
    "dodo_bird",
    "Common factors and the 'Dodo bird verdict'",
    "all have won and all must have prizes",
    "",
    ROSENZWEIG_1936,
    "as commonly reported",
    note="The origin is confirmed; the quotation is as commonly reported.",
)
ROGERS_CONDITIONS = _fig(
    "rogers_conditions",
    "Therapist attitudes among Rogers' six conditions",
    ("empathy", "congruence", "unconditional positive regard"),
    "",
    ROGERS_1957,
    "as commonly reported",
)
TASK_FORCE_2018 = _fig(
    "task_force_2018",
    "2018 task force verdicts on relationship elements",
    {
        # The alliance counts three times: one meta-analysis per setting.
        "demonstrably effective": (
            "alliance (individual adult)",
            "alliance (child and adolescent)",
            "alliance (couple and family)",
            "collaboration",
            "goal consensus",
            "group cohesion",
            "empathy",
            "positive regard and affirmation",
            "collecting and delivering client feedback",
        ),
        "probably effective": (
            "congruence",
            "real relationship",
            "emotional expression",
            "expectations",
            "credibility",
            "managing countertransference",
            "repairing ruptures",
        ),
        "promising": ("self-disclosure and immediacy",),
    },
    "",
    NORCROSS_LAMBERT_2018,
    "as commonly reported",
    note="16 meta-analyses; 9 elements demonstrably effective, 7 probably effective, 1 "
    "promising (confirmed 2026-12 from the article's abstract). Which element is in "
    "which group is as commonly reported: no record read in 2026-12 lists the groups. The "
    "element names follow the chapters of the companion book (Norcross & Lambert 2019, "
    "Google Books contents: alliance in adult, in child and adolescent, and in couple and "
    "family therapy; goal consensus and collaboration; cohesion in group therapy; empathy; "
    "positive regard and affirmation). Goal consensus and collaboration share one article "
    "(Tryon, Birch & Verkuilen 2018, Psychotherapy 55(4), 372–383: title and pages read "
    "in the Findings Effectiveness Bank entry; no DOI seen, so it is not a source record "
    "here), which is why 16 articles cover 17 elements.",
    extra={
        "meta_analyses": 16,
        "counts": {"demonstrably": 9, "probably": 7, "promising": 1},
        "shared_article": ("goal consensus", "collaboration"),
    },
)
ELEMENT_R_2018 = _fig(
    "element_r_2018",
    "2018 relationship-element effect sizes",
    {
        # The task force's alliance figure is Flückiger et al.'s meta-analysis: one value,
        # written once, with its own source above.
        "alliance": ALLIANCE_OUTCOME_R_2018.value,
        "goal consensus": 0.24,
        "collaboration": 0.29,
        "empathy": 0.28,
        "positive regard": 0.28,
        "congruence": 0.23,
        "rupture repair": 0.29,
        "real relationship": 0.38,
        "group cohesion": 0.26,
    },
    "r",
    NORCROSS_LAMBERT_2018,
    "as commonly reported",
    note="Confirmed 2026-12 from the abstracts: alliance (Flückiger et al. 2018), goal "
    "consensus .24 [.19, .28] and collaboration .29 [.24, .34] (Tryon, Birch & Verkuilen "
    "2018), empathy .28 [.23, .33] (Elliott et al. 2018), real relationship .38 [.30, .44] "
    "over 16 studies, N = 1,502 (Gelso, Kivlighan & Markin 2018; its clinical impact "
    "statement rounds it to .37). As commonly reported: positive regard, congruence, "
    "rupture repair, group cohesion.",
    extra={
        "confirmed": (
            "alliance",
            "goal consensus",
            "collaboration",
            "empathy",
            "real relationship",
        ),
        "ci": {
            "goal consensus": (0.19, 0.28),
            "collaboration": (0.24, 0.34),
            "empathy": (0.23, 0.33),
            "real relationship": (0.30, 0.44),
            "alliance": (0.256, 0.299),
        },
    },
)

# --------------------------------------------------------------------------- methods
JACOBSON_TRUAX_CRITERION = _fig(
    "jacobson_truax_criterion",
    "Reliable change criterion |RCI|",
    1.96,
    "",
    JACOBSON_TRUAX_1991,
    "as commonly reported",
    note="SE = s1·√(1 − rxx); Sdiff = √(2·SE²); RCI = (x2 − x1)/Sdiff. Cutoffs: a = Mdys − "
    "2·SDdys; b = Mfunc + 2·SDfunc; c = (SDfunc·Mdys + SDdys·Mfunc)/(SDfunc + SDdys). "
    "Recovered = reliable change and crossing the cutoff. Not re-read in the article "
    "with the search tool in 2026-12: as commonly reported.",
)
