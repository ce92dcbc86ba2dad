"""Effect sizes: correlations with intervals, r², r ↔ d, and the binomial effect size display.

The conversions assume two equal groups (the usual textbook case):
``d = 2r / √(1 − r²)`` and ``r = d / √(d² + 4)``. With unequal groups the exact
conversion depends on the group sizes; a lesson should say so when it matters.

Examples
--------
>>> from alliance_widgets.science import effects
>>> round(effects.r_to_r2(0.278), 3)
0.077
>>> round(effects.r_to_d(0.278), 3)
0.579
>>> print(effects.r_interval(0.278, 100))
r = 0.28, 95% CI [0.09, 0.45]
"""

from __future__ import annotations

import math
from typing import Any, overload

import numpy as np
import pandas as pd
from scipy import stats

from alliance_widgets.literature import ROSENTHAL_RUBIN_1982
from alliance_widgets.science.estimates import Estimate
from alliance_widgets.science.validation import check_int, check_real

__all__ = [
    "besd_sentence",
    "binomial_effect_size_display",
    "correlation_ci",
    "d_to_r",
    "r_interval",
    "r_to_d",
    "r_to_r2",
]


def _level(level: Any) -> float:
    return check_real("level", level, low=0, high=1, low_open=True, high_open=True)


def r_interval(r: float, n: int, level: float = 0.95) -> Estimate:
    """Confidence interval for a correlation ``r`` from ``n`` pairs (Fisher's z).

    ``z = atanh(r)`` has standard error ``1/√(n − 3)``; the limits are transformed back
    with ``tanh``. A correlation of exactly ±1 gets the degenerate interval ``[r, r]``.

    Parameters
    ----------
    r : float
        The sample correlation, in [-1, 1].
    n : int
        The number of pairs, at least 4.
    level : float, default 0.95
        Confidence level.

    Examples
    --------
    >>> e = r_interval(0.3, 50)
    >>> round(e.low, 3), round(e.high, 3)
    (0.024, 0.534)
    >>> r_interval(0.3, 3)
    Traceback (most recent call last):
    ...
    ValueError: n must be a whole number ≥ 4; got 3.
    """
    r = check_real("r", r, low=-1, high=1)
    n = check_int("n", n, minimum=4)
    level = _level(level)
    method = "Fisher z interval"
    if abs(r) == 1.0:
        return Estimate(r, r, r, level, method, n, "r")
    z = math.atanh(r)
    half = stats.norm.ppf(0.5 + level / 2) / math.sqrt(n - 3)
    return Estimate(r, math.tanh(z - half), math.tanh(z + half), level, method, n, "r")


def correlation_ci(x: Any, y: Any, level: float = 0.95) -> Estimate:
    """Pearson correlation of ``x`` and ``y`` with a Fisher-z confidence interval.

    Pairs in which either value is missing (NaN) are dropped; ``n`` in the result counts
    the complete pairs used.

    Parameters
    ----------
    x, y : array-like of numbers
        Equal-length sequences (lists, arrays, Series).
    level : float, default 0.95
        Confidence level.

    Returns
    -------
    Estimate
        ``value`` is r; ``low``/``high`` the interval; ``n`` the pairs used.

    Raises
    ------
    ValueError
        Different lengths, fewer than 4 complete pairs, or a constant variable (its
        correlation is undefined).

    Examples
    --------
    >>> x = [1, 2, 3, 4, 5, 6]
    >>> y = [2, 1, 4, 3, 6, 5]
    >>> print(correlation_ci(x, y))
    r = 0.83, 95% CI [0.05, 0.98]
    >>> correlation_ci([1, 1, 1, 1], [1, 2, 3, 4])
    Traceback (most recent call last):
    ...
    ValueError: x is constant (every value 1.0): a correlation needs variation in both variables.
    """
    level = _level(level)
    xs = np.asarray(x, dtype=float).ravel()
    ys = np.asarray(y, dtype=float).ravel()
    if xs.shape != ys.shape:
        raise ValueError(f"x and y must have the same length; got {xs.size} and {ys.size} values.")
    keep = ~(np.isnan(xs) | np.isnan(ys))
    xs, ys = xs[keep], ys[keep]
    if xs.size < 4:
        raise ValueError(
            f"x and y need at least 4 complete pairs for a correlation interval; got {xs.size}."
        )
    for name, v in (("x", xs), ("y", ys)):
        if np.ptp(v) == 0:
            raise ValueError(
                f"{name} is constant (every value {v[0]}): a correlation needs variation in "
                "both variables."
            )
    xc, yc = xs - xs.mean(), ys - ys.mean()
    r = float(np.dot(xc, yc) / math.sqrt(np.dot(xc, xc) * np.dot(yc, yc)))
    r = min(1.0, max(-1.0, r))
    return r_interval(r, int(xs.size), level)


@overload
def r_to_r2(r: float) -> float: ...
@overload
def r_to_r2(r: np.ndarray) -> np.ndarray: ...
def r_to_r2(r: Any) -> Any:
    """Share of variance explained by a correlation: ``r²`` (a proportion, 0–1).

    Examples
    --------
    >>> r_to_r2(0.5)
    0.25
    >>> r_to_r2(np.array([0.1, -0.3])).round(2)
    array([0.01, 0.09])
    """
    arr = _r_array(r, "r")
    out = arr**2
    return float(out) if out.ndim == 0 else out


def r_to_d(r: Any) -> Any:
    """Cohen's d equivalent to a correlation, for two equal groups: ``2r / √(1 − r²)``.

    Examples
    --------
    >>> round(r_to_d(0.278), 2)
    0.58
    >>> r_to_d(1.0)
    Traceback (most recent call last):
    ...
    ValueError: r must be a number in (-1, 1) for a d conversion; got 1.0.
    """
    arr = _r_array(r, "r")
    if np.any(np.abs(arr) >= 1):
        bad = float(arr[np.abs(arr) >= 1].ravel()[0])
        raise ValueError(f"r must be a number in (-1, 1) for a d conversion; got {bad!r}.")
    out = 2 * arr / np.sqrt(1 - arr**2)
    return float(out) if out.ndim == 0 else out


def d_to_r(d: Any) -> Any:
    """Correlation equivalent to Cohen's d, for two equal groups: ``d / √(d² + 4)``.

    Examples
    --------
    >>> round(d_to_r(0.57), 3)
    0.274
    >>> round(d_to_r(r_to_d(0.3)), 10)
    0.3
    """
    arr = _numbers(d, "d", "a finite number or numbers")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"d must be finite numbers; got {d!r}.")
    out = arr / np.sqrt(arr**2 + 4)
    return float(out) if out.ndim == 0 else out


def _numbers(x: Any, name: str, allowed: str) -> np.ndarray:
    raw = np.asarray(x)
    if raw.dtype.kind not in "iuf":  # text and booleans are not effect sizes
        raise TypeError(f"{name} must be {allowed}; got {x!r}.")
    return raw.astype(float)


def _r_array(r: Any, name: str) -> np.ndarray:
    arr = _numbers(r, name, "a number or numbers in [-1, 1]")
    if np.any(~np.isfinite(arr)) or np.any(np.abs(arr) > 1):
        raise ValueError(f"{name} must be a number or numbers in [-1, 1]; got {r!r}.")
    return arr


def binomial_effect_size_display(
    r: float,
    *,
    groups: tuple[str, str] = ("stronger alliance", "weaker alliance"),
    outcomes: tuple[str, str] = ("improved", "not improved"),
) -> pd.DataFrame:
    """Rosenthal & Rubin's (1982) binomial effect size display of a correlation.

    Shows ``r`` as a 2×2 table of 100 people per group: the first group succeeds at a
    rate of ``50 + 50·r`` per 100, the second at ``50 − 50·r``. The display assumes
    both variables are split at their medians; it is a way of reading ``r``, not a
    prediction for any real clinic.

    Parameters
    ----------
    r : float
        A correlation in [-1, 1].
    groups, outcomes : pair of str
        Row and column labels.

    Returns
    -------
    pandas.DataFrame
        Rows: the two groups; columns: the two outcomes and ``total`` (per 100 people).

    Examples
    --------
    >>> binomial_effect_size_display(0.28)
                       improved  not improved  total
    stronger alliance      64.0          36.0  100.0
    weaker alliance        36.0          64.0  100.0
    """
    r = check_real("r", r, low=-1, high=1)
    hi = 50 + 50 * r
    lo = 50 - 50 * r
    table = pd.DataFrame(
        {outcomes[0]: [hi, lo], outcomes[1]: [lo, hi], "total": [100.0, 100.0]},
        index=pd.Index(list(groups), name=None),
    )
    table.attrs["source"] = ROSENTHAL_RUBIN_1982.cite()
    return table


def besd_sentence(
    r: float, *, groups: tuple[str, str] = ("a stronger alliance", "a weaker alliance")
) -> str:
    """A plain sentence saying what a correlation means in people (Rosenthal & Rubin 1982).

    Examples
    --------
    >>> print(besd_sentence(0.278))
    A correlation of r = 0.28 is like 64 of every 100 clients with a stronger alliance
    improving, against 36 of every 100 clients with a weaker alliance (Rosenthal & Rubin
    (1982) binomial effect size display).
    """
    table = binomial_effect_size_display(r)
    hi, lo = (round(v) for v in table.iloc[:, 0])
    return (
        f"A correlation of r = {check_real('r', r):.2f} is like {hi} of every 100 clients "
        f"with {groups[0]} improving, against {lo} of every 100 clients with {groups[1]} "
        f"({ROSENTHAL_RUBIN_1982.cite()} binomial effect size display)."
    )
