"""Clients nested in therapists: between/within-therapist alliance effects and a summary.

- :func:`between_within_effects`: Baldwin, Wampold & Imel's (2007) split of the alliance
  into the therapist's mean alliance (between) and each client's deviation from it
  (within), both predicting outcome in a random-intercept ``statsmodels`` MixedLM.
- :func:`multilevel_summary`: therapist ICCs, both effects and the design in one
  plain-language table for a lesson.
- :func:`therapist_icc` and :func:`anova_icc` live in :mod:`.icc` and are re-exported here.

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

import warnings
from collections.abc import Sequence

import pandas as pd

from alliance_widgets.literature import BALDWIN_2007
from alliance_widgets.science.icc import anova_icc, nested_frame, therapist_icc
from alliance_widgets.science.validation import check_real

__all__ = ["anova_icc", "between_within_effects", "multilevel_summary", "therapist_icc"]


def _level(level: object) -> float:
    return check_real("level", level, low=0, high=1, low_open=True, high_open=True)


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
    random-intercept MixedLM (``statsmodels``, REML), optionally with ``covariates`` such
    as intake severity. With the therapist mean in the model, the within slope equals the
    fixed-effects (therapist-dummy) regression slope (Mundlak 1978), so it is free of
    anything that differs between therapists.

    Parameters
    ----------
    data : DataFrame
        One row per client.
    alliance, outcome, therapist : str
        Column names.
    covariates : sequence of str
        Further client-level predictors (e.g. ``["intake"]``).
    level : float, default 0.95
        Confidence level of the Wald intervals.

    Returns
    -------
    pandas.DataFrame
        Rows ``between`` and ``within``; columns ``estimate``, ``se``, ``ci_low``,
        ``ci_high``, ``p``. ``attrs`` holds ``n_clients``, ``n_therapists`` and any
        fitting warnings.

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
    """
    level = _level(level)
    frame = nested_frame(data, [alliance, outcome, *covariates], therapist)
    if frame.groupby(therapist)[alliance].mean().nunique() < 3:
        raise ValueError(
            f"{alliance} needs at least 3 therapists with different mean alliance for a "
            "between-therapist slope."
        )
    t_mean = frame.groupby(therapist)[alliance].transform("mean")
    within = frame[alliance] - t_mean
    if float((within**2).sum()) == 0:
        raise ValueError(
            f"{alliance} does not vary within any therapist; the within slope is undefined."
        )
    from statsmodels.regression.mixed_linear_model import MixedLM

    exog = pd.DataFrame(
        {"const": 1.0, "between": t_mean - frame[alliance].mean(), "within": within}
    )
    for c in covariates:
        exog[c] = frame[c] - frame[c].mean()
    model = MixedLM(frame[outcome], exog, groups=frame[therapist].to_numpy())
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fit = model.fit(reml=True)
    ci = fit.conf_int(alpha=1 - level)
    rows = ["between", "within"]
    out = pd.DataFrame(
        {
            "estimate": fit.fe_params[rows],
            "se": fit.bse_fe[rows],
            "ci_low": ci.loc[rows, 0],
            "ci_high": ci.loc[rows, 1],
            "p": fit.pvalues[rows],
        }
    ).astype(float)
    out.attrs.update(
        n_clients=len(frame),
        n_therapists=int(frame[therapist].nunique()),
        source=BALDWIN_2007.cite(),
        warnings=[str(w.message) for w in caught],
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
    icc_y = therapist_icc(data, outcome=outcome, therapist=therapist, level=level)
    icc_a = therapist_icc(data, outcome=alliance, therapist=therapist, level=level)
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
