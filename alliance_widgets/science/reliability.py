"""Internal consistency: Cronbach's alpha and McDonald's omega, each with an interval.

- ``cronbach_alpha`` (Cronbach 1951) with Feldt's (1965) F-distribution interval.
- ``mcdonald_omega`` (McDonald 1999) from a one-factor model fitted by unweighted least
  squares on the covariance matrix (:mod:`alliance_widgets.science.factor`), with a
  seeded percentile bootstrap interval.

Both use respondents with every item answered (listwise deletion); ``n`` in the result
says how many that was.

Examples
--------
>>> import numpy as np
>>> from alliance_widgets.science import cronbach_alpha
>>> rng = np.random.default_rng(1)
>>> true = rng.normal(size=(200, 1))
>>> items = true + rng.normal(scale=0.8, size=(200, 4))
>>> print(cronbach_alpha(items))
α = 0.84, 95% CI [0.81, 0.88]
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from alliance_widgets.literature import CRONBACH_1951, MCDONALD_1999
from alliance_widgets.science.distributions import f_isf, f_ppf
from alliance_widgets.science.estimates import Estimate
from alliance_widgets.science.factor import one_factor_loadings
from alliance_widgets.science.validation import check_int, check_level

__all__ = ["cronbach_alpha", "mcdonald_omega", "one_factor_loadings"]

# The fewest bootstrap resamples that make a usable percentile interval.
_MIN_BOOT = 100


def _item_matrix(items: Any) -> np.ndarray:
    if isinstance(items, pd.DataFrame):
        try:
            arr = items.to_numpy(dtype=float)
        except (TypeError, ValueError):
            raise TypeError(
                "items must hold numbers only (one column per item); got a column of "
                f"another kind among {list(items.columns)}."
            ) from None
    else:
        try:
            arr = np.asarray(items, dtype=float)
        except (TypeError, ValueError):
            raise TypeError(f"items must be numbers in a 2-D table; got {items!r}.") from None
    if arr.ndim != 2:
        raise ValueError(
            f"items must be 2-D (rows = respondents, columns = items); got shape {arr.shape}."
        )
    if arr.shape[1] < 2:
        raise ValueError(f"items needs at least 2 item columns; got {arr.shape[1]}.")
    complete = arr[~np.isnan(arr).any(axis=1)]
    if complete.shape[0] < 3:
        raise ValueError(
            "items needs at least 3 respondents with every item answered; got "
            f"{complete.shape[0]} (of {arr.shape[0]} rows)."
        )
    if np.any(np.isinf(complete)):
        raise ValueError("items must be finite numbers; got an infinite value.")
    sd = complete.std(axis=0)
    if np.any(sd == 0):
        cols = [int(c) for c in np.flatnonzero(sd == 0)]
        raise ValueError(
            f"items has constant column(s) at position {cols} (everyone gave the same "
            "answer); a constant item carries no information about consistency, drop it."
        )
    total_var = complete.sum(axis=1).var()
    # Relative to the items' own spread, so that float dust in a cancelling sum still counts.
    if total_var <= 1e-12 * complete.var(axis=0).sum():
        raise ValueError(
            "items add up to the same total for every respondent (the items cancel out, "
            "as when one is the reverse of another); consistency of a constant total is "
            "undefined: reverse-key the item(s) that run the other way."
        )
    return complete


def _usable(x: np.ndarray) -> bool:
    """Whether no item is constant and the total score varies (see ``_item_matrix``)."""
    return bool(np.all(x.std(axis=0) > 0) and x.sum(axis=1).var() > 1e-12 * x.var(axis=0).sum())


def _alpha(x: np.ndarray) -> float:
    k = x.shape[1]
    cov = np.cov(x, rowvar=False)
    return float(k / (k - 1) * (1 - np.trace(cov) / cov.sum()))


def cronbach_alpha(items: Any, level: float = 0.95) -> Estimate:
    """Cronbach's alpha with Feldt's (1965) confidence interval.

    ``α = k/(k − 1)·(1 − Σ var(item) / var(total))``. Feldt's interval uses
    ``(1 − α̂)/(1 − α) ~ F(n − 1, (n − 1)(k − 1))``.

    Parameters
    ----------
    items : DataFrame or 2-D array
        Rows are respondents, columns items (at least 2 items, 3 complete rows). Rows with
        any missing item are dropped.
    level : float, default 0.95
        Confidence level.

    Returns
    -------
    Estimate
        Alpha with its interval; ``n`` complete respondents. Alpha is negative when the
        items covary negatively on balance, usually a sign that an item is scored the
        other way round (reverse-key it); that is reported, not hidden.

    Raises
    ------
    ValueError
        Fewer than 2 items or 3 complete rows, a constant item, a total score that is
        the same for everyone, or an infinite value. A single respondent, an empty table
        or an all-missing one is therefore an error, never a NaN.

    Examples
    --------
    >>> e = cronbach_alpha([[1, 2, 2], [2, 3, 3], [3, 3, 4], [4, 5, 5], [5, 4, 5]])
    >>> round(e.value, 3)
    0.957
    >>> cronbach_alpha([[1, 2], [1, 3], [1, 4]])
    Traceback (most recent call last):
    ...
    ValueError: items has constant column(s) at position [0] (everyone gave the same answer); ...
    """
    level = check_level(level)
    x = _item_matrix(items)
    n, k = x.shape
    a = _alpha(x)
    df1, df2 = n - 1, (n - 1) * (k - 1)
    tail = (1 - level) / 2
    low = 1 - (1 - a) * f_isf(tail, df1, df2)
    high = 1 - (1 - a) * f_ppf(tail, df1, df2)
    return Estimate(a, low, high, level, f"{CRONBACH_1951.cite()}; Feldt (1965) interval", n, "α")


def _omega(x: np.ndarray) -> float:
    lam, psi = one_factor_loadings(np.cov(x, rowvar=False))
    common = lam.sum() ** 2
    return float(common / (common + psi.sum()))


def mcdonald_omega(
    items: Any, level: float = 0.95, *, n_boot: int = 1000, seed: int = 0
) -> Estimate:
    """McDonald's omega (total) from a one-factor model, with a bootstrap interval.

    ``ω = (Σλ)² / ((Σλ)² + Σψ)``: the share of the total score's model-implied variance
    that is common-factor variance. Loadings ``λ`` and unique variances ``ψ`` come from
    :func:`one_factor_loadings` (unweighted least squares). The interval is the
    percentile interval of ``n_boot`` bootstrap resamples of respondents drawn with
    ``numpy.random.default_rng(seed)``, so it is the same on every run.

    When every item has the same loading and unique variance (essential
    tau-equivalence), omega equals Cronbach's alpha in the population.

    Parameters
    ----------
    items : DataFrame or 2-D array
        Rows are respondents, columns items (at least 3: a one-factor model of two items
        is not identified); rows with a missing item are dropped.
    level : float, default 0.95
        Confidence level.
    n_boot : int, default 1000
        Bootstrap resamples (at least 100).
    seed : int, default 0
        Seed of the bootstrap's random generator.

    Returns
    -------
    Estimate
        Omega with its interval; ``n`` complete respondents. Resamples in which an item
        or the total is constant have no omega and are skipped (``method`` says how many).

    Raises
    ------
    ValueError
        As :func:`cronbach_alpha` for the items; also fewer than 3 items, or most
        resamples unusable (too few distinct respondents for a bootstrap).

    Examples
    --------
    >>> rng = np.random.default_rng(2)
    >>> f = rng.normal(size=(300, 1))
    >>> items = f * [0.8, 0.7, 0.6, 0.5] + rng.normal(size=(300, 4)) * [0.6, 0.71, 0.8, 0.87]
    >>> print(mcdonald_omega(items, n_boot=200))
    ω = 0.74, 95% CI [0.69, 0.78]
    """
    level = check_level(level)
    n_boot = check_int("n_boot", n_boot, minimum=_MIN_BOOT)
    seed = check_int("seed", seed, minimum=0)
    x = _item_matrix(items)
    n, k = x.shape
    if k < 3:
        # Two items give one covariance for two loadings: any split of it fits, so omega
        # would depend on where the fit happened to stop.
        raise ValueError(
            f"items needs at least 3 item columns for omega (a one-factor model of {k} items "
            "is not identified); use cronbach_alpha for 2 items."
        )
    w = _omega(x)
    rng = np.random.default_rng(seed)
    boots = np.empty(n_boot)
    for b in range(n_boot):
        sample = x[rng.integers(0, n, size=n)]
        # A resample can make an item (or the total) constant; its omega is then
        # undefined: skip it, and say how many were skipped.
        boots[b] = _omega(sample) if _usable(sample) else np.nan
    boots = boots[~np.isnan(boots)]
    skipped = n_boot - boots.size
    if boots.size < n_boot / 2:
        raise ValueError(
            f"items has too few distinct respondents for a bootstrap interval: {skipped} of "
            f"{n_boot} resamples of the {n} complete rows had a constant item or total; "
            "add respondents."
        )
    tail = (1 - level) / 2
    low, high = np.quantile(boots, [tail, 1 - tail])
    resamples = f"{n_boot}, {skipped} degenerate skipped" if skipped else f"{n_boot}"
    method = (
        f"{MCDONALD_1999.cite()} one-factor ULS; percentile bootstrap ({resamples}, seed {seed})"
    )
    return Estimate(w, float(low), float(high), level, method, n, "ω")
