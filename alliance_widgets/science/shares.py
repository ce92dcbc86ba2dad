"""Percentage shares that always sum to 100, such as Lambert's four factors.

The redistribution rule
-----------------------
When one share is set to ``v``, the others are rescaled in proportion to their current
sizes so that they sum to ``100 - v`` (a factor at 0 stays at 0). If the others are all
0, ``100 - v`` is split equally among them. The LambertExplorer applies it when a learner
moves one factor's slider.

Examples
--------
>>> rebalance({"a": 40.0, "b": 30.0, "c": 30.0}, "a", 70)
{'a': 70.0, 'b': 15.0, 'c': 15.0}
>>> rebalance({"a": 100.0, "b": 0.0, "c": 0.0}, "a", 40)
{'a': 40.0, 'b': 30.0, 'c': 30.0}
"""

from __future__ import annotations

from collections.abc import Mapping

from alliance_widgets.science.validation import check_choice, check_real

__all__ = ["rebalance"]


def rebalance(shares: Mapping[str, float], name: str, value: float) -> dict[str, float]:
    """Set ``shares[name] = value`` and rescale the others so that all sum to 100.

    See the module docstring for the rule.

    Parameters
    ----------
    shares : mapping of str to float
        The current shares (percentages summing to 100).
    name : str
        The share to set; one of ``shares``' keys.
    value : float
        Its new value, 0–100.

    Returns
    -------
    dict
        The new shares, in the order of ``shares``.

    Examples
    --------
    >>> rebalance({"a": 50.0, "b": 50.0}, "b", 100)
    {'a': 0.0, 'b': 100.0}
    >>> rebalance({"a": 50.0, "b": 50.0}, "c", 10)
    Traceback (most recent call last):
    ...
    ValueError: name must be one of 'a', 'b'; got 'c'.
    """
    check_choice("name", name, list(shares))
    v = check_real(name, value, low=0, high=100)
    others = {k: float(s) for k, s in shares.items() if k != name}
    rest = 100.0 - v
    total = sum(others.values())
    # Shares are percentages shown to whole points: a remainder below 1e-9 % is zero, and
    # rescaling it would hand 100 % to whichever factor held the rounding dust.
    if total > 1e-9:
        scaled = {k: s * rest / total for k, s in others.items()}
    else:
        scaled = {k: rest / len(others) for k in others} if others else {}
    return {k: (v if k == name else scaled[k]) for k in shares}
