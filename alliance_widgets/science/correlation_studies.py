"""What a study of a correlation can find: power, many simulated studies, attenuation.

Lesson 04 asks how many clients a study needs before its 95 % interval for the
alliance–outcome correlation rules out 0. Plugging the *true* r into an interval formula
answers a different question (what one lucky study would show); the honest answer is a
share of studies, the study's **power**. These functions give it three ways a learner can
compare: from Fisher's z (:func:`correlation_power`), as the smallest n for a target power
(:func:`n_for_power`), and by drawing many studies (:func:`simulate_correlation_studies`).
:func:`disattenuate` is Spearman's correction: how large a correlation would be if both
measures were perfectly reliable.

All intervals are Fisher-z intervals, the same as
:func:`alliance_widgets.science.effects.r_interval`, so "power" here is exactly the
chance that such an interval excludes 0.

Examples
--------
>>> round(correlation_power(0.278, 60), 2)
0.58
>>> n_for_power(0.278, 0.80)
100
>>> round(disattenuate(0.278, 0.77), 3)
0.317
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from alliance_widgets.science.distributions import normal_cdf, normal_ppf
from alliance_widgets.science.validation import check_int, check_real

__all__ = [
    "correlation_power",
    "disattenuate",
    "n_for_power",
    "simulate_correlation_studies",
]


def _r(r: float, name: str = "r") -> float:
    value = check_real(name, r, low=-1, high=1)
    if abs(value) == 1.0:
        raise ValueError(f"{name} must lie strictly between -1 and 1; got {value}.")
    return value


def _z_crit(level: float) -> float:
    level = check_real("level", level, low=0, high=1, low_open=True, high_open=True)
    return float(normal_ppf(0.5 + level / 2))


def correlation_power(r: float, n: int, level: float = 0.95) -> float:
    """The share of studies of ``n`` clients whose interval for r excludes 0.

    With a true correlation ``r``, a sample's Fisher z is close to normal with mean
    ``atanh(r)`` and standard error ``1/√(n − 3)``; its interval excludes 0 when
    ``|z|·√(n − 3)`` exceeds the normal critical value (1.96 for 95 %).

    Parameters
    ----------
    r : float
        The true correlation, strictly between -1 and 1.
    n : int
        Clients per study, at least 4.
    level : float, default 0.95
        The interval's confidence level.

    Returns
    -------
    float
        The power, between ``1 − level`` (when r = 0) and 1.

    Raises
    ------
    ValueError
        ``r`` outside (-1, 1), ``n`` below 4 or ``level`` outside (0, 1).

    Examples
    --------
    >>> round(correlation_power(0.278, 100), 2)
    0.8
    >>> round(correlation_power(0.0, 60), 3)
    0.05
    """
    r = _r(r)
    n = check_int("n", n, minimum=4)
    crit = _z_crit(level)
    shift = math.atanh(r) * math.sqrt(n - 3)
    return float(normal_cdf(shift - crit) + normal_cdf(-shift - crit))


def n_for_power(r: float, power: float = 0.80, level: float = 0.95) -> int:
    """The smallest number of clients whose study reaches ``power`` for a true ``r``.

    Parameters
    ----------
    r : float
        The true correlation, not 0, strictly between -1 and 1.
    power : float, default 0.80
        The share of studies that should exclude 0, above ``1 − level`` and below 1.
    level : float, default 0.95
        The interval's confidence level.

    Raises
    ------
    ValueError
        ``r`` is 0 or outside (-1, 1); ``power`` not in (1 − level, 1).

    Examples
    --------
    >>> n_for_power(0.278), n_for_power(0.5)
    (100, 30)
    >>> n_for_power(0.0)
    Traceback (most recent call last):
    ...
    ValueError: r must not be 0: no sample size gives power above the false-alarm rate; got 0.0.
    """
    r = _r(r)
    if r == 0:
        raise ValueError(
            f"r must not be 0: no sample size gives power above the false-alarm rate; got {r}."
        )
    crit = _z_crit(level)
    power = check_real("power", power, low=0, high=1, low_open=True, high_open=True)
    if power <= 1 - level:
        raise ValueError(f"power must exceed 1 − level = {1 - level:g}; got {power}.")
    # The one-tail approximation is a lower bound; step up to the exact two-tail answer.
    n = max(4, math.floor(((crit + normal_ppf(power)) / math.atanh(abs(r))) ** 2 + 3) - 1)
    while correlation_power(r, n, level) < power:
        n += 1
    return n


def simulate_correlation_studies(
    r: float, n: int, studies: int = 1000, seed: int = 0, level: float = 0.95
) -> pd.DataFrame:
    """Draw ``studies`` studies of ``n`` clients from a population whose correlation is ``r``.

    Each study draws ``n`` (alliance, improvement) pairs from a bivariate normal
    population, computes the sample r and its Fisher-z interval.

    Parameters
    ----------
    r : float
        The population correlation, strictly between -1 and 1.
    n : int
        Clients per study, at least 4.
    studies : int, default 1000
        How many studies, at least 1.
    seed : int, default 0
        Seeds numpy's generator: the same seed gives the same studies.
    level : float, default 0.95
        The intervals' confidence level.

    Returns
    -------
    pandas.DataFrame
        One row per study: ``r`` (sample), ``low``, ``high`` and ``excludes_zero``.

    Examples
    --------
    >>> sims = simulate_correlation_studies(0.278, 60, studies=4000, seed=1)
    >>> round(float(sims["excludes_zero"].mean()), 2)
    0.58
    >>> list(sims.columns)
    ['r', 'low', 'high', 'excludes_zero']
    """
    r = _r(r)
    n = check_int("n", n, minimum=4)
    studies = check_int("studies", studies, minimum=1)
    seed = check_int("seed", seed, minimum=0)
    crit = _z_crit(level)
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((studies, n))
    y = r * x + math.sqrt(1 - r * r) * rng.standard_normal((studies, n))
    xc = x - x.mean(axis=1, keepdims=True)
    yc = y - y.mean(axis=1, keepdims=True)
    sample = (xc * yc).sum(axis=1) / np.sqrt((xc**2).sum(axis=1) * (yc**2).sum(axis=1))
    z = np.arctanh(np.clip(sample, -1 + 1e-12, 1 - 1e-12))
    half = crit / math.sqrt(n - 3)
    low, high = np.tanh(z - half), np.tanh(z + half)
    return pd.DataFrame(
        {"r": sample, "low": low, "high": high, "excludes_zero": (low > 0) | (high < 0)}
    )


def disattenuate(r: float, reliability_x: float, reliability_y: float = 1.0) -> float:
    """Spearman's correction for attenuation: ``r / √(r_xx · r_yy)``.

    Measurement error in either variable shrinks an observed correlation toward 0. The
    corrected value estimates the correlation between the *true* scores: here, between a
    client's alliance across sessions and outcome, when one session's rating stands in
    for it with reliability ``reliability_x``.

    Parameters
    ----------
    r : float
        The observed correlation, in [-1, 1].
    reliability_x, reliability_y : float
        Reliabilities (or generalizabilities) of the two measures, in (0, 1]; the
        default ``reliability_y = 1`` corrects for ``x`` alone.

    Returns
    -------
    float
        The corrected correlation. It can exceed 1 in magnitude when the reliabilities are
        underestimated; that is a warning sign, not a result.

    Raises
    ------
    ValueError
        ``r`` outside [-1, 1] or a reliability outside (0, 1].

    Examples
    --------
    >>> round(disattenuate(0.278, 0.77, 0.84), 3)
    0.346
    >>> disattenuate(0.278, 0)
    Traceback (most recent call last):
    ...
    ValueError: reliability_x must be a number in (0, 1]; got 0.
    """
    r = check_real("r", r, low=-1, high=1)
    for name, value in (("reliability_x", reliability_x), ("reliability_y", reliability_y)):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 1:
            raise ValueError(f"{name} must be a number in (0, 1]; got {value!r}.")
    return r / math.sqrt(reliability_x * reliability_y)
