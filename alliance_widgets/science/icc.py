"""Therapist ICCs: how much of a variable's variance lies between therapists.

- :func:`therapist_icc`: ``ICC = τ² / (τ² + σ²)`` from a random-intercept model fitted by
  REML, with a profile-likelihood interval.
- :func:`anova_icc`: the classic one-way ANOVA ICC(1) with its F-based interval, for
  cross-checking and for teaching the formula.

Examples
--------
>>> import numpy as np, pandas as pd
>>> from alliance_widgets.science import therapist_icc
>>> rng = np.random.default_rng(0)
>>> tid = np.repeat(np.arange(40), 8)
>>> y = rng.normal(size=40)[tid] * 0.5 + rng.normal(size=320)
>>> print(therapist_icc(pd.DataFrame({"therapist_id": tid, "improvement": y})))
ICC = 0.15, 95% CI [0.06, 0.27]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from alliance_widgets.science.distributions import f_isf
from alliance_widgets.science.estimates import Estimate
from alliance_widgets.science.reml import RandomIntercept
from alliance_widgets.science.validation import check_level

__all__ = ["anova_icc", "nested_frame", "therapist_icc"]


def nested_frame(data: Any, columns: Sequence[str], therapist: str) -> pd.DataFrame:
    """The rows of ``data`` with every needed column present, numeric where it must be."""
    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"data must be a DataFrame of clients; got {type(data).__name__}.")
    missing = [c for c in (*columns, therapist) if c not in data.columns]
    if missing:
        raise ValueError(f"data has no column(s) {missing}; columns are {list(data.columns)}.")
    frame = data[[therapist, *columns]].copy()
    for c in columns:
        values = pd.to_numeric(frame[c], errors="coerce")
        if (values.isna() & frame[c].notna()).any():
            raise TypeError(f"column {c!r} must hold numbers; got e.g. {frame[c].iloc[0]!r}.")
        frame[c] = values.astype(float)
    frame = frame.dropna()
    n_groups = frame[therapist].nunique()
    if n_groups < 2:
        raise ValueError(
            f"data needs clients of at least 2 therapists (column {therapist!r}) with "
            f"{', '.join(columns)} present; got {n_groups}."
        )
    if len(frame) <= n_groups:
        raise ValueError(
            f"every therapist in data has a single client ({len(frame)} clients, {n_groups} "
            "therapists): between- and within-therapist variance cannot be told apart."
        )
    for c in columns:
        if frame[c].nunique() < 2:
            raise ValueError(f"column {c!r} is constant; it has no variance to split.")
    return frame


def therapist_icc(
    data: pd.DataFrame,
    *,
    outcome: str = "improvement",
    therapist: str = "therapist_id",
    level: float = 0.95,
) -> Estimate:
    """Share of variance between therapists, ``τ² / (τ² + σ²)``, by REML.

    The model is ``y_ij = μ + u_j + e_ij`` with ``u_j ~ N(0, τ²)``, ``e_ij ~ N(0, σ²)``:
    the same random-intercept model as ``statsmodels`` ``MixedLM`` with REML, which gives
    the same estimate (a test checks it). Because this model has one variance ratio, the
    REML likelihood is profiled in closed form and maximised over the ICC directly,
    which is fast enough to refit on every slider move (about a millisecond for 300
    clients). The interval is the profile-likelihood interval: all ICC values whose
    likelihood-ratio statistic against the maximum is below the χ²(1) quantile; its
    lower limit is 0 when a zero therapist share cannot be ruled out.

    Rows with a missing outcome or therapist are dropped; ``n`` counts the clients used.

    Parameters
    ----------
    data : DataFrame
        One row per client.
    outcome : str
        The column whose variance is split (e.g. ``"improvement"``, ``"early_alliance"``).
    therapist : str
        The column identifying each client's therapist.
    level : float, default 0.95
        Confidence level.

    Examples
    --------
    >>> import pandas as pd
    >>> d = pd.DataFrame({"therapist_id": [1, 1, 1, 2, 2, 2, 3, 3, 3],
    ...                   "improvement": [10, 12, 11, 20, 22, 21, 5, 4, 6.0]})
    >>> round(therapist_icc(d).value, 3)
    0.985
    >>> therapist_icc(d.assign(therapist_id=1))
    Traceback (most recent call last):
    ...
    ValueError: data needs clients of at least 2 therapists (column 'therapist_id') ...
    """
    level = check_level(level)
    frame = nested_frame(data, [outcome], therapist)
    y = frame[outcome].to_numpy()
    model = RandomIntercept(y, np.ones((y.size, 1)), frame[therapist].to_numpy())
    fit = model.fit()
    low, high = model.rho_interval(fit, level)
    return Estimate(
        fit.rho,
        low,
        high,
        level,
        "random-intercept model, REML; profile-likelihood interval",
        len(frame),
        "ICC",
    )


def anova_icc(
    data: pd.DataFrame,
    *,
    outcome: str = "improvement",
    therapist: str = "therapist_id",
    level: float = 0.95,
) -> Estimate:
    """One-way ANOVA ICC(1), ``(MSB − MSW) / (MSB + (n₀ − 1)·MSW)``, with its F interval.

    ``n₀ = (N − Σn_j²/N) / (J − 1)`` is the usual average caseload for unequal caseloads
    (it is the caseload when all are equal). The interval is the F-based one of Shrout &
    Fleiss (1979), exact for equal caseloads and an approximation otherwise. Unlike the
    REML estimate this one can be negative, when clients of the same therapist differ
    more than clients of different therapists.

    Examples
    --------
    >>> import pandas as pd
    >>> d = pd.DataFrame({"therapist_id": [1, 1, 2, 2, 3, 3], "improvement": [1, 2, 3, 5, 8, 9.]})
    >>> print(anova_icc(d))
    ICC = 0.92, 95% CI [0.22, 1.00]
    """
    level = check_level(level)
    frame = nested_frame(data, [outcome], therapist)
    y = frame[outcome].to_numpy()
    codes, _ = pd.factorize(frame[therapist])
    n_j = np.bincount(codes).astype(float)
    means = np.bincount(codes, weights=y) / n_j
    big_n, j = len(y), len(n_j)
    ssb = float((n_j * (means - y.mean()) ** 2).sum())
    ssw = float(((y - means[codes]) ** 2).sum())
    msb, msw = ssb / (j - 1), ssw / (big_n - j)
    n0 = (big_n - (n_j**2).sum() / big_n) / (j - 1)
    if msw == 0:
        raise ValueError(
            f"{outcome} does not vary within any therapist; the ANOVA ICC is undefined."
        )
    f_obs = msb / msw
    tail = (1 - level) / 2
    f_low = f_obs / f_isf(tail, j - 1, big_n - j)
    f_high = f_obs * f_isf(tail, big_n - j, j - 1)
    icc = (msb - msw) / (msb + (n0 - 1) * msw)
    return Estimate(
        icc,
        (f_low - 1) / (f_low + n0 - 1),
        (f_high - 1) / (f_high + n0 - 1),
        level,
        "one-way ANOVA ICC(1); F interval (Shrout & Fleiss 1979)",
        big_n,
        "ICC",
    )
