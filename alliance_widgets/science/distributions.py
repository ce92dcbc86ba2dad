"""The few distribution functions the kit needs, without importing ``scipy.stats``.

``scipy.stats`` costs a learner's kernel about 60 MB and 0.6 s of CPU to import (it loads
hundreds of modules: every distribution, ``scipy.integrate``, ``scipy.interpolate``,
``scipy.spatial`` …), yet the kit only asks it for a normal quantile, a t or F quantile
and a percentile rank. The t, F and chi-square quantiles are one ``scipy.special``
function each, which is what ``scipy.stats`` itself evaluates: ``t.ppf(q, df)`` is
``special.stdtrit(df, q)``, ``f.ppf(q, a, b)`` is ``special.fdtri(a, b, q)`` and
``f.isf(q, a, b)`` is ``special.fdtri(a, b, 1 - q)``.

Even ``scipy.special`` costs 0.3 s of CPU to import (it clones numpy's namespace for the
array API, which imports ``numpy.f2py``), and the normal distribution is what a lesson
needs before its first chart (a confidence interval, the implied outcome). So the normal
functions use the standard library: the CDF is cephes' ``ndtr`` written with ``math.erf``
and ``math.erfc``, the quantile is Wichura's AS 241 (``statistics.NormalDist.inv_cdf``);
``scipy.special`` is imported only when a t, F or chi-square quantile is asked for.
``tests/science/test_light_distributions.py`` compares every function with ``scipy.stats``
to 1e-12 relative over grids that include the extremes.

Examples
--------
>>> round(float(normal_ppf(0.975)), 6)
1.959964
>>> round(float(t_ppf(0.975, 10)), 4), round(float(f_isf(0.025, 4, 20)), 4)
(2.2281, 3.5147)
>>> percentile_of_score([1.0, 2.0, 3.0, 4.0], 3.0)
62.5
"""

from __future__ import annotations

import math
import sys
from statistics import NormalDist
from typing import Any

import numpy as np

__all__ = [
    "chi2_ppf",
    "f_isf",
    "f_ppf",
    "normal_cdf",
    "normal_ppf",
    "normal_sf",
    "percentile_of_score",
    "t_ppf",
]


_STANDARD = NormalDist()
_SQRT1_2 = math.sqrt(0.5)
_MAXLOG = math.log(sys.float_info.max)  # cephes' MAXLOG, 7.0978e2


def _ndtr(z: float) -> float:
    """Standard normal CDF at ``z``: cephes' ``ndtr`` (what scipy evaluates), in stdlib."""
    x = z * _SQRT1_2
    if abs(x) < _SQRT1_2:
        return 0.5 + 0.5 * math.erf(x)
    # erfc keeps the far tail's digits; 1 - (...) would round them away. Past
    # exp(-x²) < the smallest normal double, cephes (and so scipy) returns 0 where libm
    # would return a subnormal: the same 0 here.
    y = 0.0 if x * x > _MAXLOG else 0.5 * math.erfc(abs(x))
    return 1.0 - y if x > 0 else y


def _ndtri(q: float) -> float:
    """Standard normal quantile; -inf/inf at 0/1 and NaN outside [0, 1], as scipy's."""
    if q == 0.0:
        return -math.inf
    if q == 1.0:
        return math.inf
    if not 0.0 < q < 1.0:  # NaN fails this too
        return math.nan
    return _STANDARD.inv_cdf(q)


def _elementwise(fn: Any, values: Any) -> Any:
    """``fn`` over a float or an array of floats; a NumPy float for a scalar, as scipy."""
    arr = np.asarray(values, dtype=float)
    if arr.ndim == 0:
        return np.float64(fn(float(arr)))
    return np.fromiter(map(fn, arr.ravel().tolist()), dtype=float, count=arr.size).reshape(
        arr.shape
    )


def normal_ppf(q: Any) -> Any:
    """Quantile of the standard normal, as ``scipy.stats.norm.ppf(q)``.

    Examples
    --------
    >>> round(float(normal_ppf(0.5 + 0.90 / 2)), 4)
    1.6449
    """
    return _elementwise(_ndtri, q)


def normal_cdf(x: Any, loc: Any = 0.0, scale: Any = 1.0) -> Any:
    """``P(X ≤ x)`` for ``X ~ N(loc, scale²)``, as ``scipy.stats.norm.cdf(x, loc, scale)``.

    Examples
    --------
    >>> round(float(normal_cdf(-1.0, loc=1.0, scale=2.0)), 4)
    0.1587
    """
    # The same arithmetic as scipy.stats: standardise, then the normal integral.
    return _elementwise(_ndtr, (np.asarray(x) - loc) / scale)


def normal_sf(x: Any, loc: Any = 0.0, scale: Any = 1.0) -> Any:
    """``P(X > x)`` for ``X ~ N(loc, scale²)``, as ``scipy.stats.norm.sf(x, loc, scale)``.

    Examples
    --------
    >>> round(float(normal_sf(1.96)), 4)
    0.025
    """
    return _elementwise(_ndtr, -((np.asarray(x) - loc) / scale))


def t_ppf(q: Any, df: Any) -> Any:
    """Quantile of Student's t with ``df`` degrees of freedom, as ``scipy.stats.t.ppf``.

    Examples
    --------
    >>> round(float(t_ppf(0.975, 1)), 4)
    12.7062
    """
    from scipy import special

    return special.stdtrit(df, q)


def f_ppf(q: Any, dfn: Any, dfd: Any) -> Any:
    """Quantile of the F distribution, as ``scipy.stats.f.ppf(q, dfn, dfd)``.

    Examples
    --------
    >>> round(float(f_ppf(0.025, 4, 20)), 4)
    0.1168
    """
    from scipy import special

    return special.fdtri(dfn, dfd, q)


def f_isf(q: Any, dfn: Any, dfd: Any) -> Any:
    """Upper-tail quantile of the F distribution, as ``scipy.stats.f.isf(q, dfn, dfd)``.

    Examples
    --------
    >>> round(float(f_isf(0.05, 1, 1000)), 3)
    3.851
    """
    from scipy import special

    # scipy.stats has no closed-form F isf: it takes the ppf of 1 - q, as here.
    return special.fdtri(dfn, dfd, 1.0 - np.asarray(q))


def chi2_ppf(q: Any, df: Any) -> Any:
    """Quantile of the chi-square distribution, as ``scipy.stats.chi2.ppf(q, df)``.

    Examples
    --------
    >>> round(float(chi2_ppf(0.95, 1)), 4)
    3.8415
    """
    from scipy import special

    return 2 * special.gammaincinv(np.asarray(df) / 2, q)


def percentile_of_score(reference: Any, score: float) -> float:
    """Percentile (0–100) of ``score`` in ``reference``, ties counting half.

    What ``scipy.stats.percentileofscore(reference, score, kind="mean")`` returns: NaN when
    ``reference`` is empty or holds a NaN, or when ``score`` is NaN.

    Examples
    --------
    >>> percentile_of_score([1.0, 2.0, 2.0, 4.0], 2.0)
    50.0
    >>> percentile_of_score([], 1.0)
    nan
    """
    a = np.asarray(reference, dtype=float).ravel()
    if a.size == 0 or np.isnan(a).any() or np.isnan(score):
        return float("nan")
    left = np.count_nonzero(a < score)
    right = np.count_nonzero(a <= score)
    return float((left + right) * (50.0 / a.size))
