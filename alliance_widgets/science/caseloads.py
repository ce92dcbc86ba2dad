"""Therapists' caseloads: who improves, and how dependable a caseload's mean is.

Helpers for :class:`~alliance_widgets.widgets.therapists.TherapistEffectsExplorer`
and for lessons, fast enough to rerun on every slider move:

- :func:`caseload_table`: one row per therapist with the caseload size, the mean
  improvement and alliance of their clients, and their rank (1 = the caseload that
  improved most).
- :func:`mean_reliability`: how dependable a caseload mean is (Spearman–Brown).
- :func:`analyse_caseloads`: all of the above, both therapist ICCs and the between/within
  alliance effects (:func:`~alliance_widgets.science.multilevel.between_within_effects`)
  for one clinic.

Examples
--------
Where therapists hold 5 % of the outcome variance, the mean of a caseload of 10 clients
is a rather undependable measure of its therapist (reliability about .34):

>>> round(mean_reliability(0.05, 10), 2)
0.34
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from alliance_widgets.science.estimates import Estimate
from alliance_widgets.science.icc import therapist_icc
from alliance_widgets.science.multilevel import between_within_effects
from alliance_widgets.science.validation import check_int, check_real

__all__ = [
    "CaseloadAnalysis",
    "analyse_caseloads",
    "between_within_reml",
    "caseload_table",
    "mean_reliability",
]


def between_within_reml(data: pd.DataFrame, **options: Any) -> pd.DataFrame:
    """Deprecated name of :func:`~alliance_widgets.science.multilevel.between_within_effects`.

    The kit has one between/within estimator; this name forwards to it with a warning.

    Examples
    --------
    >>> import warnings
    >>> d = pd.DataFrame({"therapist_id": [1, 1, 2, 2, 3, 3],
    ...                   "early_alliance": [4.0, 3.0, 3.0, 2.0, 2.0, 2.5],
    ...                   "improvement": [5, 4, 3, 2, 1, 2.0]})
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore", DeprecationWarning)
    ...     between_within_reml(d).index.tolist()
    ['between', 'within']
    """
    warnings.warn(
        "between_within_reml is now alliance_widgets.science.between_within_effects (the "
        "kit's one between/within estimator); call that.",
        DeprecationWarning,
        stacklevel=2,
    )
    return between_within_effects(data, **options)


def caseload_table(
    data: pd.DataFrame,
    *,
    alliance: str = "early_alliance",
    outcome: str = "improvement",
    therapist: str = "therapist_id",
) -> pd.DataFrame:
    """One row per therapist: caseload, mean outcome and alliance, rank by mean outcome.

    Rank 1 is the therapist whose clients improved most on average; ties keep the order
    in which the therapists first appear, so the ranking is deterministic.

    Examples
    --------
    >>> d = pd.DataFrame({"therapist_id": ["A", "A", "B", "B", "C"],
    ...                   "early_alliance": [4.0, 3.0, 4.5, 4.5, 2.0],
    ...                   "improvement": [10, 20, 30, 20, 5.0]})
    >>> caseload_table(d)
      therapist_id  n  mean_improvement  mean_alliance  rank
    0            B  2              25.0            4.5     1
    1            A  2              15.0            3.5     2
    2            C  1               5.0            2.0     3
    """
    frame = data.loc[:, [therapist, alliance, outcome]].dropna()
    grouped = frame.groupby(therapist, observed=True, sort=False)
    table = pd.DataFrame(
        {
            "n": grouped.size(),
            "mean_improvement": grouped[outcome].mean(),
            "mean_alliance": grouped[alliance].mean(),
        }
    )
    table = table.sort_values("mean_improvement", ascending=False, kind="stable")
    table.index = table.index.astype(str)
    table.index.name = therapist
    table["rank"] = np.arange(1, len(table) + 1)
    return table.reset_index()


def mean_reliability(icc: float, n: int) -> float:
    """Reliability of a caseload mean of ``n`` clients: ``n·ICC / (1 + (n − 1)·ICC)``.

    The share of the spread between caseload means that reflects real therapist
    differences rather than which clients a therapist happened to see (Spearman–Brown).

    Examples
    --------
    >>> round(mean_reliability(0.05, 10), 3)
    0.345
    >>> mean_reliability(0.0, 30)
    0.0
    """
    icc = check_real("icc", icc, low=0, high=1)
    n = check_int("n", n, minimum=1)
    return n * icc / (1 + (n - 1) * icc)


@dataclass(frozen=True)
class CaseloadAnalysis:
    """One clinic's therapist effects.

    ``points`` has one row per client (``therapist_id``, ``client_id``, ``improvement``,
    ``early_alliance`` and the therapist's ``rank``); ``caseloads`` is
    :func:`caseload_table`; ``icc_outcome`` and ``icc_alliance`` are therapist ICCs of
    improvement and of early alliance; ``effects`` is
    :func:`~alliance_widgets.science.multilevel.between_within_effects`.
    """

    points: pd.DataFrame
    caseloads: pd.DataFrame
    icc_outcome: Estimate
    icc_alliance: Estimate
    effects: pd.DataFrame


def analyse_caseloads(clients: pd.DataFrame) -> CaseloadAnalysis:
    """Rank caseloads, estimate both therapist ICCs and the between/within effects.

    ``clients`` is a study's clients table (``therapist_id``, ``client_id``,
    ``early_alliance``, ``improvement``), as :func:`~alliance_widgets.simulate` makes.

    Examples
    --------
    >>> from alliance_widgets.science.generator import simulate
    >>> result = analyse_caseloads(simulate(n_therapists=8, clients_per_therapist=5,
    ...                                     seed=1, items=False).clients)
    >>> len(result.points), result.caseloads["rank"].tolist()[:3], result.effects.index.tolist()
    (40, [1, 2, 3], ['between', 'within'])
    """
    caseloads = caseload_table(clients)
    rank = dict(zip(caseloads["therapist_id"], caseloads["rank"], strict=True))
    points = pd.DataFrame(
        {
            "therapist_id": clients["therapist_id"].astype(str),
            "client_id": clients["client_id"].astype(str),
            "improvement": clients["improvement"].astype(float),
            "early_alliance": clients["early_alliance"].astype(float),
        }
    )
    points["rank"] = points["therapist_id"].map(rank).astype(int)
    return CaseloadAnalysis(
        points=points,
        caseloads=caseloads,
        icc_outcome=therapist_icc(clients, outcome="improvement"),
        icc_alliance=therapist_icc(clients, outcome="early_alliance"),
        effects=between_within_effects(clients),
    )
