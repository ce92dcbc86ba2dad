"""Jacobson & Truax's (1991) cutoffs between a dysfunctional and a functional population.

Re-exported by :mod:`alliance_widgets.science.outcome`, which uses them to classify change.

Examples
--------
>>> clinical_cutoffs(mean_dys=80, sd_dys=10, mean_func=40, sd_func=10).c
60.0
"""

from __future__ import annotations

from typing import NamedTuple

from alliance_widgets.science.validation import check_real

__all__ = ["ClinicalCutoffs", "clinical_cutoffs"]


class ClinicalCutoffs(NamedTuple):
    """Jacobson & Truax's three cutoffs for clinically significant change.

    ``a``: two SDs beyond the dysfunctional mean, toward the functional side;
    ``b``: two SDs beyond the functional mean, toward the dysfunctional side;
    ``c``: the point equally likely to belong to either population (preferred when
    the two distributions overlap).

    Examples
    --------
    >>> cut = ClinicalCutoffs(a=50.0, b=75.0, c=62.5)
    >>> cut.c, cut._asdict()["a"]
    (62.5, 50.0)
    """

    a: float
    b: float
    c: float


def clinical_cutoffs(
    mean_dys: float, sd_dys: float, mean_func: float, sd_func: float
) -> ClinicalCutoffs:
    """Cutoffs a, b and c between a dysfunctional and a functional population.

    The formulas (Jacobson & Truax 1991) are written for a scale on which higher is
    more dysfunctional and are mirrored when the dysfunctional mean is lower:
    ``a = M_dys ∓ 2·SD_dys``, ``b = M_func ± 2·SD_func`` and
    ``c = (SD_func·M_dys + SD_dys·M_func) / (SD_func + SD_dys)``.

    Parameters
    ----------
    mean_dys, sd_dys : float
        Mean and SD (> 0) of the dysfunctional (e.g. clinical intake) population.
    mean_func, sd_func : float
        Mean and SD (> 0) of the functional (community) population.

    Returns
    -------
    ClinicalCutoffs
        The named triple ``(a, b, c)`` on the scale's own metric.

    Raises
    ------
    ValueError
        A mean that is NaN or infinite, an SD ≤ 0, or equal means.

    Examples
    --------
    >>> clinical_cutoffs(mean_dys=80, sd_dys=15, mean_func=45, sd_func=15)
    ClinicalCutoffs(a=50.0, b=75.0, c=62.5)
    >>> clinical_cutoffs(80, 15, 80, 10)
    Traceback (most recent call last):
    ...
    ValueError: mean_dys and mean_func must differ; got 80.0 for both.
    """
    m_d = check_real("mean_dys", mean_dys)
    s_d = check_real("sd_dys", sd_dys, low=0, low_open=True)
    m_f = check_real("mean_func", mean_func)
    s_f = check_real("sd_func", sd_func, low=0, low_open=True)
    if m_d == m_f:
        raise ValueError(f"mean_dys and mean_func must differ; got {m_d} for both.")
    toward_func = -1.0 if m_d > m_f else 1.0
    a = m_d + toward_func * 2 * s_d
    b = m_f - toward_func * 2 * s_f
    c = (s_f * m_d + s_d * m_f) / (s_f + s_d)
    return ClinicalCutoffs(a, b, c)
