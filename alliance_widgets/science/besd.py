"""Rosenthal & Rubin's (1982) binomial effect size display: a correlation in people.

A correlation ``r`` reads as two groups of 100 people: ``50 + 50·r`` of the first and
``50 − 50·r`` of the second "succeed". It is a way of reading ``r``, not a prediction.

Examples
--------
>>> from alliance_widgets.science import binomial_effect_size_display
>>> float(binomial_effect_size_display(0.5, groups=("high", "low")).loc["high", "improved"])
75.0
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from alliance_widgets.literature import ROSENTHAL_RUBIN_1982
from alliance_widgets.science.validation import check_real

__all__ = ["besd_sentence", "binomial_effect_size_display"]


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
        Row and column labels: two different non-empty strings each (an outcome may not
        be called ``"total"``, the name of the third column).

    Returns
    -------
    pandas.DataFrame
        Rows: the two groups; columns: the two outcomes and ``total`` (per 100 people).

    Raises
    ------
    ValueError
        ``r`` outside [-1, 1] or NaN; labels that are not two different strings.
    TypeError
        ``r`` not a number.

    Examples
    --------
    >>> binomial_effect_size_display(0.28)
                       improved  not improved  total
    stronger alliance      64.0          36.0  100.0
    weaker alliance        36.0          64.0  100.0
    """
    r = check_real("r", r, low=-1, high=1)
    groups = _labels("groups", groups)
    outcomes = _labels("outcomes", outcomes, taken=("total",))
    hi = 50 + 50 * r
    lo = 50 - 50 * r
    table = pd.DataFrame(
        {outcomes[0]: [hi, lo], outcomes[1]: [lo, hi], "total": [100.0, 100.0]},
        index=pd.Index(list(groups), name=None),
    )
    table.attrs["source"] = ROSENTHAL_RUBIN_1982.cite()
    return table


def _labels(name: str, value: Any, taken: tuple[str, ...] = ()) -> tuple[str, str]:
    pair = isinstance(value, (tuple, list)) and len(value) == 2
    if (
        not pair
        or not all(v and isinstance(v, str) and v not in taken for v in value)
        or (value[0] == value[1])
    ):
        extra = f", neither of them {', '.join(map(repr, taken))}" if taken else ""
        raise ValueError(f"{name} must be two different non-empty labels{extra}; got {value!r}.")
    return (value[0], value[1])


def besd_sentence(
    r: float, *, groups: tuple[str, str] = ("a stronger alliance", "a weaker alliance")
) -> str:
    """A plain sentence saying what a correlation means in people (Rosenthal & Rubin 1982).

    Parameters
    ----------
    r : float
        A correlation in [-1, 1].
    groups : pair of str
        How the sentence names the two groups of clients.

    Returns
    -------
    str
        One sentence with the two success rates per 100 and the citation.

    Raises
    ------
    ValueError
        As :func:`binomial_effect_size_display`.

    Examples
    --------
    >>> print(besd_sentence(0.278))
    A correlation of r = 0.28 is like 64 of every 100 clients with a stronger alliance
    improving, against 36 of every 100 clients with a weaker alliance (Rosenthal & Rubin
    (1982) binomial effect size display).
    """
    groups = _labels("groups", groups)
    table = binomial_effect_size_display(r)
    hi, lo = (round(v) for v in table.iloc[:, 0])
    return (
        f"A correlation of r = {check_real('r', r):.2f} is like {hi} of every 100 clients "
        f"with {groups[0]} improving, against {lo} of every 100 clients with {groups[1]} "
        f"({ROSENTHAL_RUBIN_1982.cite()} binomial effect size display)."
    )
