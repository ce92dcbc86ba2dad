"""Published figures on which way the alliance works: dropout, raters, session-by-session.

These are the figures lesson 09 ("Does the alliance cause change?") and the causal worlds of
the generator read.  The reciprocal lagged effects themselves (Flückiger et al., 2020b) are
in :mod:`.figures_alliance_outcome` as ``ALLIANCE_SYMPTOMS_RECIPROCAL_2020``: its abstract
states that the effects were significant both ways but gives no sizes, so the kit has no
published size for them.
"""

from __future__ import annotations

from .records import _fig
from .sources_causal import FALKENSTROM_2013, ROEST_2023, SHARF_2010

ALLIANCE_DROPOUT_2010 = _fig(
    "alliance_dropout_2010",
    "Alliance and dropout: weaker alliance, more dropout",
    0.55,
    "d",
    SHARF_2010,
    "confirmed",
    k=11,
    n=1301,
    note="Meta-analysis of 11 studies of adult individual psychotherapy, 1,301 participants: "
    "clients with a weaker alliance were more likely to drop out (d = .55). Larger in longer "
    "treatments and in inpatient settings, smaller where more clients had finished high "
    "school; no significant differences between client-, therapist- and observer/staff-rated "
    "alliance. Confirmed from the abstract (scite and DeepDyve records).",
    extra={"rater_differences_significant": False},
)
RATER_AGREEMENT = _fig(
    "rater_agreement",
    "Agreement between alliance ratings of different raters (child and adolescent therapy)",
    {
        "child–therapist": 0.32,
        "parent–therapist": 0.23,
        "child–observer": 0.43,
        "therapist–observer": 0.53,
    },
    "r",
    ROEST_2023,
    "confirmed",
    k=78,
    note="Three-level meta-analyses of 78 studies of child and adolescent psychotherapy: "
    "child–therapist ratings correlated r = .32, parent–therapist r = .23; child and "
    "therapist ratings with observer ratings r = .43 and .53. Children and parents rated the "
    "alliance more positively than their therapists (d = 0.35 and 0.72); the abstract calls "
    "this consistent with research on adults. Confirmed from the abstract. These are youth "
    "figures: an adult meta-analysis of client–therapist agreement could not be verified "
    "with a DOI here (see sources_causal), so the kit has no adult figure for it.",
    extra={
        "population": "child and adolescent psychotherapy",
        "rated_higher_than_therapist_d": {"child": 0.35, "parent": 0.72},
    },
)
ALLIANCE_NEXT_SESSION_2013 = _fig(
    "alliance_next_session_2013",
    "Alliance predicts the next session's symptoms within patients",
    True,
    "",
    FALKENSTROM_2013,
    "confirmed",
    n=646,
    note="646 patients in primary-care psychotherapy; the patient-rated WAI-SR predicted the "
    "next session's symptom level (CORE-OM) within patients in multilevel models, with "
    "evidence for a reciprocal causal model (symptoms also acting on the alliance). "
    "Confirmed from the abstract.",
)

__all__ = ["ALLIANCE_DROPOUT_2010", "ALLIANCE_NEXT_SESSION_2013", "RATER_AGREEMENT"]
