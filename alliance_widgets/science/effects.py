"""Effect sizes: correlations with intervals, r², and r ↔ d.

The binomial effect size display lives in :mod:`alliance_widgets.science.besd`. The
conversions assume two equal groups (the usual textbook case): ``d = 2r / √(1 − r²)`` and
``r = d / √(d² + 4)``. With unequal groups the exact conversion depends on the group sizes;
a lesson should say so when it matters.

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

from alliance_widgets._lazy import moved_names
from alliance_widgets.science.estimates import Estimate
from alliance_widgets.science.validation import check_int, check_level, check_pair, check_real

__all__ = [
    "correlation_ci",
    "d_to_r",
    "r_interval",
    "r_to_d",
    "r_to_r2",
]


# Sums of squares outside these bounds have lost precision to overflow or underflow.
_TINY, _HUGE = 1e-280, 1e280


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

    Returns
    -------
    Estimate
        ``value`` is ``r``, ``low``/``high`` the interval, ``n`` the pairs.

    Raises
    ------
    ValueError
        ``r`` outside [-1, 1] or NaN, ``n`` below 4, ``level`` outside (0, 1).

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
    level = check_level(level)
    method = "Fisher z interval"
    if abs(r) == 1.0:
        return Estimate(r, r, r, level, method, n, "r")
    # Imported here: scipy.special (~15 MB, 0.2 s) is needed by no other function of this
    # module, and Lambert's empirical view imports the module for d_to_r alone.
    from alliance_widgets.science.distributions import normal_ppf

    z = math.atanh(r)
    half = normal_ppf(0.5 + level / 2) / math.sqrt(n - 3)
    return Estimate(r, math.tanh(z - half), math.tanh(z + half), level, method, n, "r")


def correlation_ci(x: Any, y: Any, level: float = 0.95) -> Estimate:
    """Pearson correlation of ``x`` and ``y`` with a Fisher-z confidence interval.

    Pairs in which either value is missing (NaN) are dropped; ``n`` in the result counts
    the complete pairs used. Values are paired by position, except that two Series are
    paired by label (see :func:`~alliance_widgets.science.validation.check_pair`).

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
        Different lengths, fewer than 4 complete pairs (so empty or all-missing input),
        a constant variable (its correlation is undefined), an infinite value, a table
        instead of a sequence, or two Series with different labels.
    TypeError
        Values that are not numbers.

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
    level = check_level(level)
    x, y = check_pair(("x", "y"), x, y)
    xs, ys = _vector("x", x), _vector("y", y)
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
    with np.errstate(over="ignore", under="ignore"):  # detected just below
        sums = [float(np.dot(v, v)) for v in (xc, yc)]
    if not all(_TINY < ss < _HUGE for ss in sums):
        # Sums of squares would overflow or underflow (values near 1e±150): rescale first.
        # Only then, so that ordinary data give the same bytes as before.
        xc, yc = xc / np.abs(xc).max(), yc / np.abs(yc).max()
    r = float(np.dot(xc, yc) / math.sqrt(np.dot(xc, xc) * np.dot(yc, yc)))
    r = min(1.0, max(-1.0, r))
    return r_interval(r, int(xs.size), level)


def _vector(name: str, v: Any) -> np.ndarray:
    try:
        raw = np.asarray(v, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be a sequence of numbers; got {v!r}.") from None
    if raw.ndim == 0:
        raise TypeError(f"{name} must be a sequence of numbers (one per person); got {v!r}.")
    if raw.ndim != 1:
        raise ValueError(f"{name} must be a 1-D sequence of numbers; got shape {raw.shape}.")
    if np.isinf(raw).any():
        raise ValueError(
            f"{name} must hold finite numbers (NaN marks a missing value); got an infinite "
            f"value at position {int(np.flatnonzero(np.isinf(raw))[0])}."
        )
    return raw


@overload
def r_to_r2(r: float) -> float: ...
@overload
def r_to_r2(r: np.ndarray) -> np.ndarray: ...
def r_to_r2(r: Any) -> Any:
    """Share of variance explained by a correlation: ``r²`` (a proportion, 0–1).

    Parameters
    ----------
    r : float or array-like of float
        Correlation(s) in [-1, 1]. An empty sequence gives an empty array.

    Returns
    -------
    float or numpy.ndarray
        A float for a number, an array for a sequence.

    Raises
    ------
    ValueError
        A value outside [-1, 1], NaN or an infinity.
    TypeError
        Text or True/False.

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

    Parameters
    ----------
    r : float or array-like of float
        Correlation(s) in (-1, 1): at ±1 the groups do not overlap and d is infinite.

    Returns
    -------
    float or numpy.ndarray
        A float for a number, an array for a sequence (empty in, empty out).

    Raises
    ------
    ValueError
        A value outside (-1, 1), NaN or an infinity.
    TypeError
        Text or True/False.

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

    Parameters
    ----------
    d : float or array-like of float
        Standardised mean difference(s), any finite value.

    Returns
    -------
    float or numpy.ndarray
        A float for a number, an array for a sequence (empty in, empty out).

    Raises
    ------
    ValueError
        NaN or an infinity.
    TypeError
        Text or True/False.

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


# The binomial effect size display lives in besd.py; the old path warns for a release.
__getattr__ = moved_names(
    __name__,
    {
        "besd_sentence": "alliance_widgets.science.besd",
        "binomial_effect_size_display": "alliance_widgets.science.besd",
    },
)
