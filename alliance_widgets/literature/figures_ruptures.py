"""Published figures on alliance ruptures and their repair."""

from __future__ import annotations

from .records import _fig
from .sources_alliance import (
    EUBANKS_2018,
    SAFRAN_2011,
    SAFRAN_MURAN_2000,
    SAFRAN_MURAN_2006,
    STEVENS_2007,
)

# --------------------------------------------------------------------------- ruptures
RUPTURE_DEFINITION = _fig(
    "rupture_definition",
    "Alliance rupture",
    "a tension or breakdown in the collaborative relationship",
    "",
    (SAFRAN_MURAN_2006, SAFRAN_2011),
    "confirmed",
    note="Checked 2026-12: Safran, Muran & Eubanks-Carter (2011) define a rupture this way in "
    "their abstract, citing Safran & Muran (2006).",
)
RUPTURE_KINDS = _fig(
    "rupture_kinds",
    "Kinds of rupture",
    {
        "withdrawal": "moving away: deferring, avoiding, intellectualising",
        "confrontation": "moving against: complaints, hostility, pressure",
    },
    "",
    SAFRAN_MURAN_2000,
    "as commonly reported",
)
REPAIR_OUTCOME_R_2011 = _fig(
    "repair_outcome_r_2011",
    "Rupture repair–outcome correlation",
    0.24,
    "r",
    SAFRAN_2011,
    "confirmed",
    ci=(0.09, 0.39),
    k=3,
    n=148,
    note="Checked 2026-12: the PubMed abstract (PMID 21401278): r = .24, 95 % CI [.09, .39], "
    "k = 3, N = 148.",
)
REPAIR_OUTCOME_R_2018 = _fig(
    "repair_outcome_r_2018",
    "Rupture repair–outcome correlation",
    0.29,
    "r",
    EUBANKS_2018,
    "as commonly reported",
    k=11,
    note="The paper is confirmed; r = .29, d = .62, k = 11 as commonly reported.",
    extra={"d": 0.62},
)
RUPTURE_FREQUENCY = _fig(
    "rupture_frequency",
    "Share of sessions in which patients report a rupture",
    (0.20, 0.40),
    "",
    EUBANKS_2018,
    "as commonly reported",
    note="Observers code more ruptures than patients report.",
)
STEVENS_2007_PATTERNS = _fig(
    "stevens_2007_patterns",
    "Alliance trajectories with the WAI rated every session",
    {"cases": 44, "v_shaped_percent": 50, "linear_percent": 66},
    "",
    STEVENS_2007,
    "confirmed",
    note="V-shaped rupture–repair sequences in 50 % of cases, linear trends in 66 %; a higher "
    "alliance level went with a better outcome, but neither pattern was related to "
    "outcome ('There was no relationship between outcome and either pattern'). Checked "
    "2026-12: abstract on the Psychiatry Online page (DOI "
    "10.1176/appi.psychotherapy.2007.61.2.109, PubMed 17760317).",
)
