"""Numbers as a reader sees them, the same on every machine.

Two computers can disagree in the last bits of a result: OpenBLAS picks different kernels
on different CPUs, numpy's SIMD loops sum in a different order, an optimiser stops a step
earlier. Stored lesson outputs must not show those bits, or strict nbval fails on the next
machine. So every number that reaches a chart or a sentence is rounded here, where it is
made, to what a reader needs:

- :func:`round_column` rounds a column of chart data to :data:`SIGNIFICANT_DIGITS` digits
  *of the column's largest value* (``charts.common.records`` applies it to every float
  column of every chart, so the SVG drawn from the data and its ARIA labels are stable);
- :func:`fixed` and :func:`percent` write one number in a sentence (readouts, chart
  descriptions, labels).

Both first strip last-bit noise (:data:`NOISE_DIGITS` significant digits), so a value that
is exactly halfway on one machine (``15.5``) and a hair below on another
(``15.499999999999998``) is written the same way on both; and neither writes ``-0``.

Examples
--------
>>> round_column(np.array([15.1557762325, 40.0, 0.0123456])).tolist()
[15.16, 40.0, 0.01]
>>> fixed(15.499999999999998, 0), fixed(15.5, 0), fixed(-0.0004, 2)
('16', '16', '0.00')
>>> percent(0.2781)
'28 %'
"""

from __future__ import annotations

import math

import numpy as np

__all__ = ["NOISE_DIGITS", "SIGNIFICANT_DIGITS", "fixed", "percent", "round_column"]

#: Significant digits kept in chart data, relative to each column's largest value: a
#: chart is read to 2-3 digits, and a tooltip shows at most 3 decimals of a value below 1.
SIGNIFICANT_DIGITS = 4
#: Significant digits kept when stripping last-bit noise before the final rounding:
#: far more than any reader sees, far fewer than the ~16 where machines disagree.
NOISE_DIGITS = 12
# 10**300 is still a finite double; np.round multiplies by 10**decimals.
_MAX_DECIMALS = 300


def _magnitude(scale: float) -> int:
    """The power of ten of ``scale`` (> 0), read from 9 significant digits.

    Reading it from ``f"{scale:.8e}"`` rather than ``log10(scale)`` makes
    ``0.9999999999999999`` and ``1.0``, one number computed two ways, the same magnitude.
    """
    return math.floor(math.log10(float(f"{scale:.8e}")))


def round_column(values: np.ndarray, digits: int = SIGNIFICANT_DIGITS) -> np.ndarray:
    """Round a float column to ``digits`` significant digits of its largest absolute value.

    One precision for the whole column, so that a value near zero (``1e-17`` on one
    machine, ``-3e-17`` on another) becomes ``0.0`` like its neighbours rather than
    keeping four digits of noise. Columns of whole numbers keep every digit (never fewer
    than 0 decimals). NaN and inf pass through; ``-0.0`` becomes ``0.0``.

    Parameters
    ----------
    values : numpy.ndarray
        A float array.
    digits : int, default :data:`SIGNIFICANT_DIGITS`
        Significant digits of the column's largest absolute value, 1 to 15.

    Returns
    -------
    numpy.ndarray
        A new float array.

    Examples
    --------
    >>> round_column(np.array([0.27800000000000002, 1e-17, -2.5e-17]))
    array([0.278, 0.   , 0.   ])
    >>> round_column(np.array([1234.5678, 3000.0]), digits=2)
    array([1235., 3000.])
    """
    if isinstance(digits, bool) or not isinstance(digits, int) or not 1 <= digits <= 15:
        raise ValueError(f"digits must be a whole number from 1 to 15; got {digits!r}.")
    values = np.asarray(values, dtype=float)
    finite = np.isfinite(values)
    if not finite.any():
        return values + 0.0
    scale = float(np.max(np.abs(values[finite])))
    if scale == 0.0:
        return values + 0.0
    exact = digits - 1 - _magnitude(scale)
    noise = min(exact + NOISE_DIGITS - digits, _MAX_DECIMALS)
    decimals = min(max(exact, 0), _MAX_DECIMALS)
    # "+ 0.0" turns -0.0 (a tiny negative rounded) into 0.0, which JSON writes as "0.0".
    return np.round(np.round(values, noise), decimals) + 0.0


def _denoised(value: float) -> float:
    return float(f"{value:.{NOISE_DIGITS - 1}e}")


def fixed(value: float, decimals: int) -> str:
    """Write ``value`` with ``decimals`` decimals, free of last-bit noise and of ``-0``.

    Examples
    --------
    >>> fixed(0.27800000000000002, 3), fixed(2.675, 2), fixed(float("nan"), 1)
    ('0.278', '2.67', 'nan')
    """
    if isinstance(decimals, bool) or not isinstance(decimals, int) or decimals < 0:
        raise ValueError(f"decimals must be a whole number >= 0; got {decimals!r}.")
    x = float(value)
    if not math.isfinite(x):
        return str(x)
    text = f"{_denoised(x):.{decimals}f}"
    # A tiny negative (a zero computed one way) would read "-0.00" on one machine only.
    return text[1:] if text.startswith("-") and float(text) == 0.0 else text


def percent(proportion: float, decimals: int = 0) -> str:
    """Write a proportion as a percentage: ``0.2781`` -> ``'28 %'``.

    Examples
    --------
    >>> percent(0.0774, 1), percent(0.125, 0)
    ('7.7 %', '12 %')
    """
    return f"{fixed(100 * float(proportion), decimals)} %"
