"""Clients nested in therapists: between/within-therapist alliance effects and a summary.

- :func:`between_within_effects`: Baldwin, Wampold & Imel's (2007) split of the alliance
  into the therapist's mean alliance (between) and each client's deviation from it
  (within), both predicting outcome in a random-intercept model fitted by the kit's
  profiled REML (:class:`~alliance_widgets.science.reml.RandomIntercept`). It is the
  model statsmodels' MixedLM fits (the tests check that they agree), in milliseconds
  rather than a tenth of a second or more, so the TherapistEffectsExplorer can refit on
  every slider move; and it is exact when the therapist variance is estimated at zero,
  where MixedLM warns that it did not converge.
- :func:`multilevel_summary`: therapist ICCs, both effects and the design in one
  plain-language table for a lesson.

The ICCs themselves live in :mod:`.icc`.

Examples
--------
>>> import numpy as np, pandas as pd
>>> from alliance_widgets.science import between_within_effects
>>> rng = np.random.default_rng(1)
>>> tid = np.repeat(np.arange(50), 4)
>>> a = rng.normal(size=50)[tid] + rng.normal(size=200)
>>> d = pd.DataFrame({"therapist_id": tid, "early_alliance": a,
...                   "improvement": 3 * a + rng.normal(size=200) * 4})
>>> between_within_effects(d).index.tolist()
['between', 'within']
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from alliance_widgets._lazy import moved_names
from alliance_widgets.literature import BALDWIN_2007
from alliance_widgets.science import icc
from alliance_widgets.science.distributions import normal_ppf, normal_sf
from alliance_widgets.science.reml import RandomIntercept
from alliance_widgets.science.validation import check_level

__all__ = ["between_within_effects", "multilevel_summary"]


def between_within_effects(
    data: pd.DataFrame,
    *,
    alliance: str = "early_alliance",
    outcome: str = "improvement",
    therapist: str = "therapist_id",
    covariates: Sequence[str] = (),
    level: float = 0.95,
) -> pd.DataFrame:
    """Therapist (between) and client (within) parts of the alliance–outcome relation.

    The alliance is centred within therapist (Baldwin, Wampold & Imel 2007): ``between``
    is the therapist's mean alliance (centred at the grand mean) and ``within`` each
    client's deviation from their therapist's mean. Both predict ``outcome`` in a
    random-intercept model (REML), optionally with ``covariates`` such as intake
    severity. With the therapist mean in the model, the within slope equals the
    fixed-effects (therapist-dummy) regression slope (Mundlak 1978), so it is free of
    anything that differs between therapists. The intervals are Wald intervals with
    normal quantiles, as statsmodels gives.

    Parameters
    ----------
    data : DataFrame
        One row per client.
    alliance, outcome, therapist : str
        Column names.
    covariates : sequence of str
        Further client-level predictors (e.g. ``["intake"]``), centred at their means.
    level : float, default 0.95
        Confidence level of the Wald intervals.

    Returns
    -------
    pandas.DataFrame
        Rows ``between`` and ``within``; columns ``estimate``, ``se``, ``ci_low``,
        ``ci_high``, ``p``. ``attrs`` holds ``n_clients``, ``n_therapists``, ``source``
        and ``therapist_share`` (the residual ICC of the outcome).

    Raises
    ------
    ValueError
        Fewer than 3 therapists with different mean alliance, no alliance variation
        within therapists, a missing column or a level outside (0, 1).

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> rng = np.random.default_rng(3)
    >>> tid = np.repeat(np.arange(60), 5)
    >>> t_all = rng.normal(size=60)[tid]
    >>> c_all = rng.normal(size=300)
    >>> y = 2.0 * t_all + 0.5 * c_all + rng.normal(size=300)
    >>> d = pd.DataFrame({"therapist_id": tid, "early_alliance": t_all + c_all, "improvement": y})
    >>> between_within_effects(d)[["estimate", "ci_low", "ci_high"]].round(1)
             estimate  ci_low  ci_high
    between       1.9     1.7      2.1
    within        0.5     0.4      0.7
    >>> between_within_effects(d.iloc[:10])
    Traceback (most recent call last):
    ...
    ValueError: early_alliance needs at least 3 therapists with different mean alliance ...
    """
    level = check_level(level)
    frame = icc.nested_frame(data, [alliance, outcome, *covariates], therapist)
    codes, _ = pd.factorize(frame[therapist])
    a = frame[alliance].to_numpy(dtype=float)
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
    columns = [np.ones(a.size), means[codes] - a.mean(), within]
    columns += [frame[c].to_numpy(dtype=float) - frame[c].mean() for c in covariates]
    fit = RandomIntercept(
        frame[outcome].to_numpy(dtype=float), np.column_stack(columns), codes
    ).fit()
    est, se = fit.beta[1:3], fit.se[1:3]
    z = float(normal_ppf(0.5 + level / 2))
    out = pd.DataFrame(
        {
            "estimate": est,
            "se": se,
            "ci_low": est - z * se,
            "ci_high": est + z * se,
            "p": 2 * normal_sf(np.abs(est / se)),
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


def multilevel_summary(
    data: pd.DataFrame,
    *,
    alliance: str = "early_alliance",
    outcome: str = "improvement",
    therapist: str = "therapist_id",
    level: float = 0.95,
) -> pd.DataFrame:
    """One table for a lesson: therapist ICCs, between/within effects and the design.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> rng = np.random.default_rng(5)
    >>> tid = np.repeat(np.arange(30), 6)
    >>> a = rng.normal(size=30)[tid] * 0.4 + rng.normal(size=180)
    >>> d = pd.DataFrame({"therapist_id": tid, "early_alliance": a,
    ...                   "improvement": a + rng.normal(size=180) * 2})
    >>> multilevel_summary(d).index.tolist()[:2]
    ['Therapist share of outcome variance (ICC)', 'Therapist share of alliance variance (ICC)']
    >>> float(multilevel_summary(d).loc["Mean caseload (clients per therapist)", "estimate"])
    6.0
    """
    icc_y = icc.therapist_icc(data, outcome=outcome, therapist=therapist, level=level)
    icc_a = icc.therapist_icc(data, outcome=alliance, therapist=therapist, level=level)
    bw = between_within_effects(
        data, alliance=alliance, outcome=outcome, therapist=therapist, level=level
    )
    n_c, n_t = bw.attrs["n_clients"], bw.attrs["n_therapists"]
    nan = float("nan")
    rows = [
        (
            "Therapist share of outcome variance (ICC)",
            icc_y.value,
            icc_y.low,
            icc_y.high,
            f"share of {outcome} variance lying between therapists",
        ),
        (
            "Therapist share of alliance variance (ICC)",
            icc_a.value,
            icc_a.low,
            icc_a.high,
            f"share of {alliance} variance lying between therapists",
        ),
        (
            "Between-therapist alliance effect",
            *bw.loc["between", ["estimate", "ci_low", "ci_high"]],
            f"{outcome} per point of a therapist's mean {alliance}",
        ),
        (
            "Within-therapist alliance effect",
            *bw.loc["within", ["estimate", "ci_low", "ci_high"]],
            f"{outcome} per point a client is above their therapist's mean",
        ),
        ("Therapists", float(n_t), nan, nan, "therapists with usable clients"),
        ("Clients", float(n_c), nan, nan, "clients used (rows with every value present)"),
        ("Mean caseload (clients per therapist)", n_c / n_t, nan, nan, "clients / therapists"),
    ]
    out = pd.DataFrame(rows, columns=["quantity", "estimate", "ci_low", "ci_high", "meaning"])
    out = out.set_index("quantity")
    out.index.name = None
    out.attrs["level"] = level
    return out


# The ICCs live in icc.py; the old path warns for a release.
__getattr__ = moved_names(
    __name__,
    {
        "anova_icc": "alliance_widgets.science.icc",
        "therapist_icc": "alliance_widgets.science.icc",
    },
)
