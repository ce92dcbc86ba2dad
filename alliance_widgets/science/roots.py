"""A scalar root finder (Brent's method) without importing ``scipy.optimize``.

``scipy.optimize`` costs a learner's kernel about 22 MB and a quarter of a second to
import (it loads the linear-programming, least-squares and minimisation machinery), yet
the kit only asks it for bracketed roots: the latent therapist ICC that gives the
observed one (``simulate_model._latent_icc``, once per parameter set) and the ends of a
REML fit's profile interval (``reml.RandomIntercept.rho_interval``). Brent's method is a
few lines of float arithmetic, so :func:`brent_root` does it here.

It follows Brent's (1973) ``zero`` iteration step for step in the form that
``scipy.optimize.brentq`` runs it (the same bracket updates, the same inverse
quadratic / secant / bisection choice, the same tolerance ``xtol + rtol * |x|``), so for
the same function, bracket and tolerances it returns the same float as
``scipy.optimize.brentq`` and the simulated datasets keep their bytes
(``tests/science/test_roots.py`` compares the two).

Examples
--------
>>> root = brent_root(lambda x: x**2 - 2.0, 0.0, 2.0, xtol=1e-12)
>>> round(root, 10)
1.4142135624
>>> brent_root(lambda x: x - 1.0, 2.0, 3.0)
Traceback (most recent call last):
...
ValueError: f(low) and f(high) must have opposite signs (a bracketed root); got f(2.0) = 1.0 ...
"""

from __future__ import annotations

import math
from collections.abc import Callable

__all__ = ["RTOL", "brent_root"]

#: The default relative tolerance: four units in the last place, as ``scipy.optimize.brentq``.
RTOL = 4 * 2.220446049250313e-16


def brent_root(
    f: Callable[[float], float],
    low: float,
    high: float,
    *,
    xtol: float = 2e-12,
    rtol: float = RTOL,
    maxiter: int = 100,
) -> float:
    """Return a root of ``f`` in ``[low, high]``, where ``f(low)`` and ``f(high)`` differ in sign.

    Parameters
    ----------
    f : callable
        A continuous function of one float, returning a float.
    low, high : float
        The bracket; ``f`` must change sign between them (or be 0 at one end).
    xtol, rtol : float
        The root is found to within ``xtol + rtol * |root|`` (``xtol > 0``, ``rtol >=
        4 * machine epsilon``).
    maxiter : int
        The most iterations before giving up (``RuntimeError``).

    Returns
    -------
    float
        The root, as ``scipy.optimize.brentq(f, low, high, xtol=xtol, rtol=rtol)`` gives it.

    Examples
    --------
    >>> import math
    >>> round(brent_root(math.cos, 0.0, 3.0), 12) == round(math.pi / 2, 12)
    True
    >>> brent_root(lambda x: x, 0.0, 1.0)
    0.0
    >>> brent_root(lambda x: x, 0.0, 1.0, xtol=-1)
    Traceback (most recent call last):
    ...
    ValueError: xtol must be a number > 0; got -1.
    """
    if not (isinstance(xtol, (int, float)) and xtol > 0):
        raise ValueError(f"xtol must be a number > 0; got {xtol!r}.")
    if not (isinstance(rtol, (int, float)) and rtol >= RTOL):
        raise ValueError(f"rtol must be a number >= {RTOL!r} (4 machine epsilons); got {rtol!r}.")
    if not (isinstance(maxiter, int) and maxiter >= 1):
        raise ValueError(f"maxiter must be a whole number >= 1; got {maxiter!r}.")
    # Names as in Brent's description: ``b`` is the best estimate so far, ``a`` the
    # previous one, ``c`` the far end of the bracket ([b, c] holds the root); ``d`` is
    # the step just taken and ``e`` the one before it.
    a, b = float(low), float(high)
    fa, fb = float(f(a)), float(f(b))
    if fa * fb > 0 or math.isnan(fa) or math.isnan(fb):
        raise ValueError(
            "f(low) and f(high) must have opposite signs (a bracketed root); got "
            f"f({a!r}) = {fa!r} and f({b!r}) = {fb!r}."
        )
    if fa == 0:
        return a
    if fb == 0:
        return b
    c, fc, d, e = 0.0, 0.0, 0.0, 0.0
    for _ in range(maxiter):
        if fa * fb < 0:
            # b and a bracket the root: the far end becomes a, and the step memory resets.
            c, fc = a, fa
            d = e = b - a
        if abs(fc) < abs(fb):
            # Keep b the end with the smaller |f| (the better estimate).
            a, b, c = b, c, b
            fa, fb, fc = fb, fc, fb
        tol = (xtol + rtol * abs(b)) / 2
        half = (c - b) / 2
        if fb == 0 or abs(half) < tol:
            return b
        if abs(e) > tol and abs(fb) < abs(fa):
            if a == c:
                # Two points: the secant step.
                step = -fb * (b - a) / (fb - fa)
            else:
                # Three points: inverse quadratic interpolation.
                slope_a = (fa - fb) / (a - b)
                slope_c = (fc - fb) / (c - b)
                step = -fb * (fc * slope_c - fa * slope_a) / (slope_c * slope_a * (fc - fa))
            if 2 * abs(step) < min(abs(e), 3 * abs(half) - tol):
                e, d = d, step
            else:
                e = d = half
        else:
            # The interpolation is not shrinking the bracket fast enough: bisect.
            e = d = half
        a, fa = b, fb
        b += d if abs(d) > tol else (tol if half > 0 else -tol)
        fb = float(f(b))
    raise RuntimeError(
        f"brent_root did not converge in {maxiter} iterations (last estimate {b!r})."
    )
