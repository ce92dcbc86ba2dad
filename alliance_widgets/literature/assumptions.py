"""The kit's own assumptions: calibration choices, the rupture rule and explorer presets.

These are *not* published results (status ``"kit assumption"``): they are the numbers
this kit chose so that its generator, detectors and explorers behave like the
literature describes.  They live here, apart from the published figures, so that a
reader never mistakes one for the other; each cites the published figures it was
calibrated against.
"""

from __future__ import annotations

from .records import _fig, _src
from .sources_alliance import (
    BALDWIN_2007,
    CRITS_CHRISTOPH_2011,
    DEL_RE_2012,
    EUBANKS_2018,
    FLUCKIGER_2020_RECIPROCAL,
    HATCHER_GILLASPY_2006,
    MUNDER_2010,
    SAFRAN_MURAN_2006,
    STEVENS_2007,
)
from .sources_causal import SHARF_2010
from .sources_outcome import HANNAN_2005, LAMBERT_2004

# --------------------------------------------------------------------------- kit assumptions
# Calibration choices of this kit (status "kit assumption"), kept here so that every number
# a lesson may print has one home.  Sections belong to the module that uses them.

# ---- kit assumptions: the WAI-SR item level the generator and explorers aim at
WAI_SR_ITEM_MEAN = _fig(
    "wai_sr_item_mean",
    "WAI-SR item mean in outpatient samples",
    (3.7, 4.1),
    "scale points (SD ≈ 0.6–0.8, skewed toward the ceiling)",
    (HATCHER_GILLASPY_2006, MUNDER_2010),
    "kit assumption",
    note="A calibration guess from several samples, not one published figure.",
    extra={"sd": (0.6, 0.8)},
)


# ---- kit assumptions: generator (science/simulate.py)
_GENERATOR = _src(
    "alliance_widgets developers",
    2026,
    "Calibration choices of the synthetic study generator",
    "alliance_widgets/science/simulate_model.py",
    kind="kit",
    checked="not a publication: this kit's own calibration choices, documented in its code",
)
GEN_DESIGN = _fig(
    "gen_design",
    "Generator default study design",
    {"n_therapists": 20, "clients_per_therapist": 10, "n_sessions": 12, "dropout_rate": 0.08},
    "(dropout: chance of leaving after each session from session 3 on)",
    _GENERATOR,
    "kit assumption",
    note="A modest outpatient clinic: 20 therapists with 10 clients each, up to 12 sessions.",
)
GEN_CAUSAL_WORLDS = _fig(
    "gen_causal_worlds",
    "Generator causal worlds: session-level effects of alliance and symptom change",
    {
        "alliance_to_change": 3.0,
        "reciprocal_share": 0.5,
        "rater_therapist_share": 0.2,
        "dropout_alliance_like_sharf": 0.65,
    },
    "OQ-45 points of improvement by the next session per WAI-SR point above the client's "
    "own level; share of each one-directional effect kept in the reciprocal world; share of "
    "a second rater's disagreement that is the rater's own constant tilt",
    (FLUCKIGER_2020_RECIPROCAL, SHARF_2010, _GENERATOR),
    "kit assumption",
    note="In the alliance-drives-change world a session rated one WAI-SR point above the "
    "client's own usual alliance is followed by 3 OQ-45 points more improvement by the next "
    "session (about 0.15 within-client SD of weekly change per within-client SD of "
    "alliance). In the change-drives-alliance world the alliance follows improvement with "
    "the strength that makes the familiar early-alliance–outcome r the same as in the "
    "default world. The reciprocal world keeps half of each: small lagged effects both ways, "
    "the pattern Flückiger et al. (2020) found session by session in early therapy; their "
    "abstract gives no sizes, so these sizes are the kit's, not theirs. A therapist or "
    "observer rating agrees with the client's by a published correlation; a fifth of the "
    "rest of its variance is the rater's constant tilt (some raters rate every session "
    "higher). dropout_alliance = 0.65 makes clients who drop out differ from completers in "
    "early alliance by about d = .55 at the default settings, the size Sharf et al. (2010) "
    "found.",
)
GEN_EARLY_SESSIONS = _fig(
    "gen_early_sessions",
    "Sessions averaged into the early alliance",
    3,
    "sessions (every simulated client attends at least these)",
    CRITS_CHRISTOPH_2011,
    "kit assumption",
    note="Early alliance is the mean alliance of sessions 1–3: averaging several sessions "
    "makes the rating dependable (Crits-Christoph et al. 2011).",
)
GEN_ITEM_ALPHA = _fig(
    "gen_item_alpha",
    "Generator default Cronbach's alpha of the 12 WAI-SR items",
    0.92,
    "",
    (HATCHER_GILLASPY_2006, MUNDER_2010),
    "kit assumption",
    note="A value inside the commonly reported .90–.93.",
)
GEN_SUBSCALE_R = _fig(
    "gen_subscale_r",
    "Generator default WAI-SR subscale correlations",
    {"goals_tasks": 0.82, "bond_others": 0.65},
    "r",
    (HATCHER_GILLASPY_2006, MUNDER_2010),
    "kit assumption",
    note="Values inside the commonly reported ranges (.80–.90 and .60–.75) that 12 items "
    "with alpha .92 can reach together: higher subscale correlations need more reliable "
    "subscales, hence a higher total alpha.",
)
GEN_ALLIANCE_ICC = _fig(
    "gen_alliance_icc",
    "Generator default share of early-alliance variance between therapists",
    0.06,
    "ICC",
    (BALDWIN_2007, DEL_RE_2012),
    "kit assumption",
    note="A value inside the commonly reported .03–.10 (ALLIANCE_ICC_THERAPISTS: a range "
    "neither cited abstract states).",
)
GEN_RUPTURE_RATE = _fig(
    "gen_rupture_rate",
    "Generator default share of sessions with a client-reported rupture",
    0.25,
    "per session",
    EUBANKS_2018,
    "kit assumption",
    note="A value inside the commonly reported 20–40 %.",
)
GEN_REPAIR_RATE = _fig(
    "gen_repair_rate",
    "Generator default share of ruptures that are repaired",
    0.70,
    "per rupture",
    _GENERATOR,
    "kit assumption",
    note="No published base rate; chosen so that V-shaped sequences are common "
    "(Stevens et al. 2007 saw them in half of their cases).",
)
GEN_BETWEEN_WITHIN_RATIO = _fig(
    "gen_between_within_ratio",
    "Generator default weight of a therapist's part of the alliance relative to a client's",
    2.0,
    "",
    (BALDWIN_2007, _GENERATOR),
    "kit assumption",
    note="Baldwin et al. (2007) found the therapist part predicts outcome and the patient "
    "part hardly; with a between-therapist share of alliance of a few percent the overall "
    "r of .278 cannot come from therapists alone, so by default the therapist's part of the "
    "latent alliance carries twice the weight of the client's own part.",
)
GEN_OQ_LEVELS = _fig(
    "gen_oq_levels",
    "Generator default OQ-45 intake and improvement",
    {"intake_mean": 80.0, "intake_sd": 17.0, "improvement_mean": 15.0, "improvement_sd": 16.0},
    "OQ-45 points",
    (LAMBERT_2004, _GENERATOR),
    "kit assumption",
    note="Outpatients start well above the clinical cutoff; the average client improves by "
    "about one reliable-change step, with a wide spread (some deteriorate).",
)
GEN_SESSION_DYNAMICS = _fig(
    "gen_session_dynamics",
    "Generator session-to-session dynamics",
    {
        "alliance_rise": 0.4,
        "rise_sessions": 3.0,
        "occasion_sd": 0.45,
        "rupture_dip": 1.2,
        "unrepaired_carryover": 0.5,
        "outcome_noise_sd": 5.0,
        "outcome_time_constant": 4.0,
    },
    "SD of latent alliance; OQ-45 points; sessions",
    (STEVENS_2007, CRITS_CHRISTOPH_2011, _GENERATOR),
    "kit assumption",
    note="Alliance rises gently (about 0.4 SD over the first sessions), wobbles from session "
    "to session (so one session's rating is far from perfectly dependable), dips by 1.2 SD "
    "in a rupture session and, if not repaired, stays half as low the next session. Outcome "
    "moves from intake toward the final score on a negatively accelerated curve.",
)
GEN_ITEM_METRIC = _fig(
    "gen_item_metric",
    "Generator WAI-SR item response metric",
    {"centre": 4.05, "spread": 0.85},
    "scale points (before rounding to 1–5)",
    (HATCHER_GILLASPY_2006, MUNDER_2010),
    "kit assumption",
    note="Continuous responses centred near 4 and rounded to 1–5 pile up at 5, giving item "
    "means near 3.9 skewed toward the ceiling.",
)


# ---- kit assumptions: science toolkit (science/outcome.py, science/feedback.py, ...)
RUPTURE_DETECTION = _fig(
    "rupture_detection",
    "Kit rule for finding ruptures in session-by-session alliance ratings",
    {"threshold": 0.5, "window": 3, "repair_within": 3, "tolerance": 0.1},
    "WAI-SR scale points (threshold, tolerance) and sessions (window, repair_within)",
    (SAFRAN_MURAN_2006, STEVENS_2007, EUBANKS_2018),
    "kit assumption",
    note="An operational rule for teaching, not a published criterion: a fall of at least "
    "half a scale point below the mean of the previous 3 sessions starts a rupture; a "
    "return to within 0.1 points of that level within 3 sessions repairs it (the V shape).",
)
EXPECTED_RECOVERY_CURVE = _fig(
    "expected_recovery_curve",
    "Kit expected-recovery curve for OQ-45-like scores",
    {"floor": 45.0, "rate": 0.06, "yellow_margin": 0.5, "red_margin": 1.0},
    "floor in OQ-45 points; rate per session; margins in units of the reliable change",
    (LAMBERT_2004, HANNAN_2005),
    "kit assumption",
    note="The OQ-Analyst's expected-recovery curves and signal rules are proprietary (Hannan "
    "et al. 2005 describe decision rules based on a client's expected progress). The kit "
    "uses an exponential decay from the intake score toward a floor, expected(t) = floor + "
    "(intake − floor)·exp(−rate·(t − 1)); a score worse than expected by more than half a "
    "reliable change is yellow, by more than one reliable change (or a reliable "
    "deterioration from intake) red.",
)


# ---- kit assumptions: explorers part B (widgets/ruptures.py, therapist_effects.py, feedback.py)
_EXPLORERS = _src(
    "alliance_widgets developers",
    2026,
    "Teaching scenarios of the kit's explorers",
    "alliance_widgets/widgets",
    kind="kit",
    checked="not a publication: this kit's own teaching scenarios, documented in its code",
)
FEEDBACK_COURSES = _fig(
    "feedback_courses",
    "Example client courses in the feedback explorer",
    {
        "on track": {"share": ((0.0, 1.0), (1.0, 1.0)), "worse": ((0.0, 0.0), (1.0, 0.0))},
        "not on track": {"share": ((0.0, 0.0), (1.0, 0.2)), "worse": ((0.0, 0.0), (1.0, 0.0))},
        "deteriorating": {"share": ((0.0, 0.0), (1.0, 0.0)), "worse": ((0.0, 0.0), (1.0, 1.5))},
        "recovers late": {
            "share": ((0.0, 0.0), (0.55, 0.1), (1.0, 1.6)),
            "worse": ((0.0, 0.0), (0.3, 0.4), (0.55, 0.4), (1.0, 0.0)),
        },
    },
    "waypoints (fraction of the course, value)",
    (LAMBERT_2004, _EXPLORERS),
    "kit assumption",
    note="Idealised courses for teaching, not data. At session t of T, with u = (t − 1)/(T − 1), "
    "a course scores intake + share(u)·(expected(t) − intake) + worse(u)·reliable change, "
    "share and worse joining the waypoints by straight lines, plus session-to-session "
    "noise of SD noise_sd points (none at intake).",
    extra={"noise_sd": 3.0},
)
