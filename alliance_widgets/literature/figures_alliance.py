"""Published figures on the alliance concept and its measures (Bordin, WAI, WAI-SR)."""

from __future__ import annotations

from .records import _fig
from .sources_alliance import (
    BORDIN_1979,
    CRITS_CHRISTOPH_2011,
    HATCHER_GILLASPY_2006,
    HORVATH_GREENBERG_1989,
    MUNDER_2010,
    WAI_S_INTERCHANGEABILITY_2003,
)

# --------------------------------------------------------------------------- Bordin
BORDIN_COMPONENTS = _fig(
    "bordin_components",
    "Bordin's three components of the working alliance",
    {
        "bond": "the personal attachment between client and therapist: trust, respect, care",
        "goals": "agreement on what therapy aims at",
        "tasks": "agreement on the in-session activities that get there",
    },
    "",
    BORDIN_1979,
    "as commonly reported",
    note="Not re-checked against Bordin (1979) with the search tool in 2026-12 (FACTS.md had "
    "it from secondary sources), so as commonly reported. Bordin held that the strength "
    "of the alliance, more than its kind, drives change.",
)

# --------------------------------------------------------------------------- measures
WAI_ITEMS = _fig(
    "wai_items",
    "WAI length",
    36,
    "items (7-point scale)",
    HORVATH_GREENBERG_1989,
    "confirmed",
    note="Checked 2026-12: the full WAI has 36 items (Hatcher, Lindqvist & Falkenström 2019) "
    "and a 7-point response format (Mallinckrodt & Tekie), both secondary.",
)
WAI_S_ITEMS = _fig(
    "wai_s_items",
    "WAI-S length",
    12,
    "items (7-point scale)",
    WAI_S_INTERCHANGEABILITY_2003,
    "confirmed",
    note="Checked 2026-12: the 2003 Psychological Assessment abstract (Scilit record) names the "
    "12-item WAI, Short Form. The form was built by Tracey & Kokotovic (1989), whose abstract "
    "(ASU Pure record) describes it, but no DOI for that article was found.",
)
WAI_SR_ITEMS = _fig(
    "wai_sr_items",
    "WAI-SR length",
    12,
    "items",
    HATCHER_GILLASPY_2006,
    "confirmed",
    note="Checked 2026-12: Mallinckrodt & Tekie name Hatcher & Gillaspy's 12-item brief "
    "version (secondary).",
)
WAI_SR_SCALE = _fig(
    "wai_sr_scale",
    "WAI-SR response scale",
    (1, 5),
    "(1 seldom … 5 always)",
    HATCHER_GILLASPY_2006,
    "as commonly reported",
    note="Total 12–60; each 4-item subscale 4–20. The WAI and WAI-S use 7 points. The 5-point "
    "format was not re-checked with the search tool in 2026-12 (FACTS.md: secondary), so "
    "as commonly reported.",
)
WAI_SR_KEYS = _fig(
    "wai_sr_keys",
    "WAI-SR scoring keys (item numbers)",
    {"goals": (4, 6, 8, 11), "tasks": (1, 2, 10, 12), "bond": (3, 5, 7, 9)},
    "",
    HATCHER_GILLASPY_2006,
    "as commonly reported",
    note="FACTS.md had these keys from secondary sources only and the search tool reached no "
    "record of them in 2026-12. Item wording is copyrighted: the kit never reproduces it.",
)
WAI_SR_ALPHA_TOTAL = _fig(
    "wai_sr_alpha_total",
    "WAI-SR Cronbach's alpha, total score",
    (0.90, 0.93),
    "",
    (HATCHER_GILLASPY_2006, MUNDER_2010),
    "as commonly reported",
)
WAI_SR_ALPHA_SUBSCALE = _fig(
    "wai_sr_alpha_subscale",
    "WAI-SR Cronbach's alpha, subscales",
    (0.80, 0.90),
    "",
    (HATCHER_GILLASPY_2006, MUNDER_2010),
    "as commonly reported",
)
WAI_SR_R_GOALS_TASKS = _fig(
    "wai_sr_r_goals_tasks",
    "WAI-SR goals–tasks subscale correlation",
    (0.80, 0.90),
    "",
    (HATCHER_GILLASPY_2006, MUNDER_2010),
    "as commonly reported",
)
WAI_SR_R_BOND_OTHERS = _fig(
    "wai_sr_r_bond_others",
    "WAI-SR bond with goals or tasks, subscale correlation",
    (0.60, 0.75),
    "",
    (HATCHER_GILLASPY_2006, MUNDER_2010),
    "as commonly reported",
)
ALLIANCE_GENERALIZABILITY = _fig(
    "alliance_generalizability",
    "Generalizability of one session's alliance rating",
    0.77,
    "",
    CRITS_CHRISTOPH_2011,
    "confirmed",
    note="At least 2 sessions give .80; at least 4 give .90 or more. Early alliance is "
    "usually measured at sessions 3–5 (common practice).",
    extra={"sessions_for_080": 2, "sessions_for_090": 4},
)
