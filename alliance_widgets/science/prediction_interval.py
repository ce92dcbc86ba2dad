"""Where one new study's correlation should fall, given a heterogeneous meta-analysis.

A meta-analysis's confidence interval says where the *average* correlation lies. When the
studies differ more than sampling error allows (heterogeneity, summarised by I² or by
τ, the standard deviation of the true effects), a new study's correlation can land far
from that average even with no error of its own. The yardstick for "does my study agree
with the literature?" is then a **prediction interval** (Higgins, Thompson &
Spiegelhalter 2009, *J R Stat Soc A* 172, 137–159; Riley, Higgins & Deeks 2011, *BMJ*
342, d549), not the meta-analysis's confidence interval.

Everything is computed on Fisher's z scale (``z = atanh(r)``, sampling variance
``1 / (n − 3)``) and turned back into r at the end. Two helpers:

- :func:`tau_from_i2`: τ implied by an I² and the typical study size, from the definition
  ``I² = τ² / (τ² + v)`` with ``v = 1 / (n − 3)``, the sampling variance of a typical
  study (Higgins & Thompson 2002). It is a rough back-calculation for when a paper
  reports I² but not τ; say so when you use it.
- :func:`prediction_interval_r`: the interval for the true r of a new setting, or, given
  ``new_n``, for the r a new study of ``new_n`` people would observe (its own sampling
  error added).

Examples
--------
>>> tau = tau_from_i2(0.5, typical_n=103)
>>> round(tau, 3)
0.1
>>> low, high = prediction_interval_r(0.278, tau)
>>> round(low, 2), round(high, 2)
(0.09, 0.45)
"""

from __future__ import annotations

import math

from alliance_widgets.science.distributions import normal_ppf
from alliance_widgets.science.validation import check_int, check_real

__all__ = ["prediction_interval_r", "tau_from_i2"]


def tau_from_i2(i2: float, *, typical_n: float) -> float:
    """τ (SD of true effects, Fisher-z units) implied by I² and a typical study size.

    Parameters
    ----------
    i2 : float
        I² as a proportion in [0, 1): the share of the spread between studies' results
        that is not sampling error.
    typical_n : float
        A typical study's number of participants (e.g. total N ÷ number of studies);
        more than 3.

    Returns
    -------
    float
        ``sqrt(I² / (1 − I²) · 1 / (n − 3))``.

    Examples
    --------
    >>> tau_from_i2(0.0, typical_n=50)
    0.0
    >>> round(tau_from_i2(0.6, typical_n=103), 3)
    0.122
    >>> tau_from_i2(60, typical_n=103)
    Traceback (most recent call last):
    ...
    ValueError: i2 must be a number in [0, 1); got 60.
    """
    i2 = check_real("i2", i2, low=0, high=1, high_open=True)
    n = check_real("typical_n", typical_n, low=3, low_open=True)
    return math.sqrt(i2 / (1 - i2) / (n - 3))


def prediction_interval_r(
    mean_r: float,
    tau: float,
    *,
    mean_se: float = 0.0,
    new_n: int | None = None,
    level: float = 0.95,
) -> tuple[float, float]:
    """Prediction interval for the correlation in one new study or setting.

    Parameters
    ----------
    mean_r : float
        The meta-analytic mean correlation, in (−1, 1).
    tau : float
        SD of the true effects on Fisher's z scale (≥ 0).
    mean_se : float, optional
        Standard error of the pooled mean on the z scale (0 ignores it; with hundreds of
        studies it is small next to τ).
    new_n : int, optional
        Size of the new study. Given, the interval is for the r that study would
        *observe* (its sampling variance ``1 / (new_n − 3)`` is added); omitted, it is for
        the new setting's *true* r.
    level : float, optional
        Coverage, in (0, 1); default 0.95. A normal quantile is used: with hundreds of
        studies the t quantile of Higgins et al. is the same to two decimals.

    Returns
    -------
    (float, float)
        Lower and upper limits, as correlations.

    Examples
    --------
    >>> low, high = prediction_interval_r(0.278, 0.1, new_n=300)
    >>> round(low, 2), round(high, 2)
    (0.06, 0.47)
    >>> prediction_interval_r(0.278, 0.0)[0] == prediction_interval_r(0.278, 0.0)[1]
    True
    >>> prediction_interval_r(0.3, -0.1)
    Traceback (most recent call last):
    ...
    ValueError: tau must be a number in [0, ∞); got -0.1.
    """
    mean_r = check_real("mean_r", mean_r, low=-1, high=1, low_open=True, high_open=True)
    tau = check_real("tau", tau, low=0)
    mean_se = check_real("mean_se", mean_se, low=0)
    level = check_real("level", level, low=0, high=1, low_open=True, high_open=True)
    variance = tau**2 + mean_se**2
    if new_n is not None:
        variance += 1 / (check_int("new_n", new_n, minimum=4) - 3)
    half = float(normal_ppf(0.5 + level / 2)) * math.sqrt(variance)
    centre = math.atanh(mean_r)
    return math.tanh(centre - half), math.tanh(centre + half)
