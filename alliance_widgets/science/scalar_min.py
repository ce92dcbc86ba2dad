"""The minimum of a function of one number on an interval, without ``scipy.optimize``.

The kit's REML fit (``science.reml``) maximises a profiled likelihood over the ICC in
``[0, 1)``: one bounded search per fit. ``scipy.optimize`` would cost a learner's kernel
about 22 MB for it (see :mod:`~alliance_widgets.science.roots`), so :func:`brent_minimum`
does it here, with Brent's (1973) method as Forsythe, Malcolm and Moler's ``fmin`` gives
it: golden-section steps, replaced by a parabola through the three best points whenever
the parabola's step is safe. It takes the steps of ``scipy.optimize.minimize_scalar(...,
method="bounded")``, with the same tolerance rule (``sqrt(eps) * |x| + xatol / 3``), and
returns the same floats (``tests/science/test_scalar_min.py`` compares the two), so a
fit's estimates do not change.

Examples
--------
>>> x, fx = brent_minimum(lambda x: (x - 0.3) ** 2 + 1.0, 0.0, 1.0, xatol=1e-10)
>>> round(x, 8), round(fx, 8)
(0.3, 1.0)
"""

from __future__ import annotations

import math
from collections.abc import Callable

__all__ = ["brent_minimum"]

#: The golden-section fraction, (3 - sqrt 5) / 2.
GOLDEN = 0.5 * (3.0 - math.sqrt(5.0))
# The relative part of the tolerance: sqrt of machine epsilon rounded to 2.2e-16, as
# scipy's bounded search has it (so that both stop at the same step).
_SQRT_EPS = math.sqrt(2.2e-16)


def brent_minimum(
    f: Callable[[float], float],
    low: float,
    high: float,
    *,
    xatol: float = 1e-5,
    maxfun: int = 500,
) -> tuple[float, float]:
    """Return ``(x, f(x))`` at a local minimum of ``f`` in ``[low, high]``.

    Parameters
    ----------
    f : callable
        A function of one float, returning a float.
    low, high : float
        The interval, ``low < high``; the ends themselves are never evaluated.
    xatol : float
        Absolute tolerance on ``x`` (> 0); the search stops when the interval that holds
        the minimum is about ``2 * (sqrt(eps) * |x| + xatol / 3)`` wide.
    maxfun : int
        The most evaluations of ``f`` before giving up (``RuntimeError``).

    Examples
    --------
    >>> import math
    >>> x, _ = brent_minimum(math.cos, 0.0, 2 * math.pi, xatol=1e-9)
    >>> round(x, 6) == round(math.pi, 6)
    True
    >>> brent_minimum(math.cos, 1.0, 1.0)
    Traceback (most recent call last):
    ...
    ValueError: low must be below high; got low = 1.0, high = 1.0.
    """
    if not (isinstance(low, (int, float)) and isinstance(high, (int, float)) and low < high):
        raise ValueError(f"low must be below high; got low = {low!r}, high = {high!r}.")
    if not (isinstance(xatol, (int, float)) and xatol > 0):
        raise ValueError(f"xatol must be a number > 0; got {xatol!r}.")
    if not (isinstance(maxfun, int) and maxfun >= 1):
        raise ValueError(f"maxfun must be a whole number >= 1; got {maxfun!r}.")
    # [a, b] holds the minimum; x is the best point so far, w the second best, v the
    # previous w; d is the step just taken and e the one before it.
    a, b = float(low), float(high)
    x = w = v = a + GOLDEN * (b - a)
    fx = fw = fv = float(f(x))
    d = e = 0.0
    calls = 1
    while True:
        mid = 0.5 * (a + b)
        tol1 = _SQRT_EPS * abs(x) + xatol / 3.0
        tol2 = 2.0 * tol1
        if abs(x - mid) <= tol2 - 0.5 * (b - a):
            return x, fx
        if calls >= maxfun:
            raise RuntimeError(
                f"brent_minimum did not converge in {maxfun} evaluations (last x = {x!r})."
            )
        golden = True
        if abs(e) > tol1:
            # The parabola through (v, fv), (w, fw), (x, fx): its vertex is x + p / q.
            r = (x - w) * (fx - fv)
            q = (x - v) * (fx - fw)
            p = (x - v) * q - (x - w) * r
            q = 2.0 * (q - r)
            if q > 0.0:
                p = -p
            q = abs(q)
            before_last, e = e, d
            # Take it if it moves less than half the step before last and stays inside.
            if abs(p) < abs(0.5 * q * before_last) and q * (a - x) < p < q * (b - x):
                d = p / q
                u = x + d
                if (u - a) < tol2 or (b - u) < tol2:
                    # Too near an end: a minimal step towards the middle instead.
                    d = tol1 if mid >= x else -tol1
                golden = False
        if golden:
            # Golden section into the larger part of [a, b].
            e = (b - x) if x < mid else (a - x)
            d = GOLDEN * e
        u = x + (d if abs(d) >= tol1 else (tol1 if d >= 0 else -tol1))
        fu = float(f(u))
        calls += 1
        if fu <= fx:
            if u < x:
                b = x
            else:
                a = x
            v, fv, w, fw, x, fx = w, fw, x, fx, u, fu
        else:
            if u < x:
                a = u
            else:
                b = u
            if fu <= fw or w == x:
                v, fv, w, fw = w, fw, u, fu
            elif fu <= fv or v in (x, w):
                v, fv = u, fu
