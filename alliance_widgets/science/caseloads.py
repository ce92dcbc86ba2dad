"""Therapists' caseloads: who improves, and a fast between/within alliance split.

Two helpers for :class:`~alliance_widgets.widgets.therapists.TherapistEffectsExplorer`
and for lessons, both fast enough to rerun on every slider move:

- :func:`caseload_table`: one row per therapist with the caseload size, the mean
  improvement and alliance of their clients, and their rank (1 = the caseload that
  improved most).
- :func:`between_within_reml`: the Baldwin, Wampold & Imel (2007) split of the alliance
  into the therapist's mean (between) and each client's deviation from it (within), fitted
  by the kit's profiled REML (:class:`~alliance_widgets.science.reml.RandomIntercept`).
  It fits the same random-intercept model as
  :func:`~alliance_widgets.science.multilevel.between_within_effects` (statsmodels'
  MixedLM; a test checks they agree) in milliseconds rather than a tenth of a second or
  more, and is exact when the therapist variance is estimated at zero, where MixedLM
  warns that it did not converge.
- :func:`mean_reliability`: how dependable a caseload mean is (Spearman–Brown).
- :func:`analyse_caseloads`: all of the above and both therapist ICCs for one clinic.

Examples
--------
>>> import numpy as np, pandas as pd
>>> rng = np.random.default_rng(3)
>>> tid = np.repeat(np.arange(60), 5)
>>> t_all, c_all = rng.normal(size=60)[tid], rng.normal(size=300)
>>> d = pd.DataFrame({"therapist_id": tid, "early_alliance": t_all + c_all,
...                   "improvement": 2.0 * t_all + 0.5 * c_all + rng.normal(size=300)})
>>> between_within_reml(d)[["estimate", "ci_low", "ci_high"]].round(1)
         estimate  ci_low  ci_high
between       1.9     1.7      2.1
within        0.5     0.4      0.7
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from alliance_widgets.literature import BALDWIN_2007
from alliance_widgets.science.estimates import Estimate
from alliance_widgets.science.icc import nested_frame, therapist_icc
from alliance_widgets.science.reml import RandomIntercept
from alliance_widgets.science.validation import check_int, check_real

__all__ = [
    "CaseloadAnalysis",
    "analyse_caseloads",
    "between_within_reml",
    "caseload_table",
    "mean_reliability",
]


def between_within_reml(
    data: pd.DataFrame,
    *,
    alliance: str = "early_alliance",
    outcome: str = "improvement",
    therapist: str = "therapist_id",
    level: float = 0.95,
) -> pd.DataFrame:
    """Therapist (between) and client (within) alliance slopes by profiled REML.

    The design is ``outcome ~ 1 + between + within`` with a random intercept per
    therapist, where ``between`` is the therapist's mean alliance (centred at the grand
    mean) and ``within`` the client's deviation from it; the intervals are Wald intervals
    with normal quantiles, as statsmodels gives.

    Parameters
    ----------
    data : DataFrame
        One row per client.
    alliance, outcome, therapist : str
        Column names.
    level : float, default 0.95
        Confidence level.

    Returns
    -------
    pandas.DataFrame
        Rows ``between`` and ``within``; columns ``estimate``, ``se``, ``ci_low``,
        ``ci_high``, ``p``. ``attrs`` holds ``n_clients``, ``n_therapists``, ``source``
        and ``therapist_share`` (the residual ICC of the outcome).

    Examples
    --------
    >>> d = pd.DataFrame({"therapist_id": [1, 1, 2, 2],
    ...                   "early_alliance": [4.0, 4.0, 3.0, 3.0], "improvement": [1, 2, 3, 4.0]})
    >>> between_within_reml(d)
    Traceback (most recent call last):
    ...
    ValueError: early_alliance needs at least 3 therapists with different mean alliance ...
    """
    level = check_real("level", level, low=0, high=1, low_open=True, high_open=True)
    frame = nested_frame(data, [alliance, outcome], therapist)
    codes, _ = pd.factorize(frame[therapist])
    a = frame[alliance].to_numpy()
    n_j = np.bincount(codes).astype(float)
    means = np.bincount(codes, weights=a) / n_j
    if np.unique(means).size < 3:
        raise ValueError(
            f"{alliance} needs at least 3 therapists with different mean alliance for a "
            f"between-therapist slope; got {np.unique(means).size}."
        )
    within = a - means[codes]
    if float(within @ within) == 0:
        raise ValueError(
            f"{alliance} does not vary within any therapist; the within slope is undefined."
        )
    x = np.column_stack([np.ones(a.size), means[codes] - a.mean(), within])
    model = RandomIntercept(frame[outcome].to_numpy(), x, codes)
    fit = model.fit()
    est, se = fit.beta[1:], fit.se[1:]
    z = float(stats.norm.ppf(0.5 + level / 2))
    out = pd.DataFrame(
        {
            "estimate": est,
            "se": se,
            "ci_low": est - z * se,
            "ci_high": est + z * se,
            "p": 2 * stats.norm.sf(np.abs(est / se)),
        },
        index=pd.Index(["between", "within"]),
    )
    out.attrs.update(
        n_clients=len(frame),
        n_therapists=len(n_j),
        source=BALDWIN_2007.cite(),
        therapist_share=fit.rho,
    )
    return out


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
    improvement and of early alliance; ``effects`` is :func:`between_within_reml`.
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
    >>> from alliance_widgets.science.simulate import simulate
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
        effects=between_within_reml(clients),
    )
