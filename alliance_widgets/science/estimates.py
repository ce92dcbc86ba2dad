"""The result type every interval estimator of the kit returns.

An :class:`Estimate` is a point value with its confidence interval, the interval's level,
the method that produced it and the number of observations used. It prints the way a
results section would write it, so a lesson can show ``print(estimate)`` directly.

Examples
--------
>>> from alliance_widgets.science import Estimate
>>> e = Estimate(0.278, 0.256, 0.299, label="r", method="meta-analysis", n=30000)
>>> print(e)
r = 0.28, 95% CI [0.26, 0.30]
>>> e.format("alliance-outcome r", digits=3)
'alliance-outcome r = 0.278, 95% CI [0.256, 0.299]'
>>> e.as_dict()["high"]
0.299
"""

from __future__ import annotations

import math
import numbers
from dataclasses import asdict, dataclass
from typing import Any

__all__ = ["Estimate"]


@dataclass(frozen=True)
class Estimate:
    """A point estimate with a confidence interval.

    Parameters
    ----------
    value : float
        The point estimate.
    low, high : float
        The interval's limits, ``low ≤ high``. Either may equal ``value`` when the
        estimate sits on a boundary (an ICC of 0, a correlation of 1). All three must be
        finite: NaN or an infinity raises ``ValueError``.
    level : float, default 0.95
        The interval's confidence level, strictly between 0 and 1.
    method : str
        How the estimate and interval were obtained, in words (for readouts).
    n : int or None
        The number of observations (respondents, clients) the estimate used.
    label : str
        The symbol printed by ``str()``, e.g. ``"r"``, ``"α"``, ``"ICC"``.

    Raises
    ------
    ValueError
        A value or limit that is NaN, infinite or not a number, ``low > high``, or a
        ``level`` outside (0, 1).

    Examples
    --------
    >>> Estimate(0.05, 0.01, 0.12, label="ICC")
    Estimate(value=0.05, low=0.01, high=0.12, level=0.95, method='', n=None, label='ICC')
    >>> str(Estimate(0.9, 0.85, 0.93, level=0.9))
    'estimate = 0.90, 90% CI [0.85, 0.93]'
    >>> Estimate(0.5, 0.6, 0.4)
    Traceback (most recent call last):
    ...
    ValueError: Estimate needs low ≤ high; got low=0.6, high=0.4.
    """

    value: float
    low: float
    high: float
    level: float = 0.95
    method: str = ""
    n: int | None = None
    label: str = ""

    def __post_init__(self) -> None:
        for name in ("value", "low", "high"):
            x = getattr(self, name)
            # An infinite limit is as uninformative as NaN; an estimator reaching one has
            # met a degenerate case it should have reported with its own clear error.
            if isinstance(x, bool) or not isinstance(x, numbers.Real) or not math.isfinite(x):
                raise ValueError(f"Estimate {name} must be a finite number; got {x!r}.")
            object.__setattr__(self, name, float(x))
        if self.low > self.high:
            raise ValueError(f"Estimate needs low ≤ high; got low={self.low}, high={self.high}.")
        if not 0 < float(self.level) < 1:
            raise ValueError(f"Estimate level must be a number in (0, 1); got {self.level!r}.")
        object.__setattr__(self, "level", float(self.level))
        if self.n is not None:
            object.__setattr__(self, "n", int(self.n))

    @property
    def width(self) -> float:
        """The interval's width, ``high - low``."""
        return self.high - self.low

    def contains(self, x: float) -> bool:
        """Whether ``x`` lies inside the interval (limits included).

        Examples
        --------
        >>> Estimate(0.28, 0.25, 0.31).contains(0.3)
        True
        """
        return self.low <= x <= self.high

    def format(self, name: str | None = None, digits: int = 2) -> str:
        """Return ``"name = value, 95% CI [low, high]"`` rounded to ``digits`` decimals.

        Examples
        --------
        >>> Estimate(0.0512, 0.0, 0.1203, label="ICC").format(digits=3)
        'ICC = 0.051, 95% CI [0.000, 0.120]'
        """
        shown = name or self.label or "estimate"
        pct = f"{self.level * 100:.10g}%"
        return (
            f"{shown} = {self.value:.{digits}f}, {pct} CI "
            f"[{self.low:.{digits}f}, {self.high:.{digits}f}]"
        )

    def __str__(self) -> str:
        return self.format()

    def as_dict(self) -> dict[str, Any]:
        """The fields as a plain ``dict`` (for tables and JSON).

        Examples
        --------
        >>> sorted(Estimate(1.0, 0.5, 1.5).as_dict())
        ['high', 'label', 'level', 'low', 'method', 'n', 'value']
        """
        return asdict(self)
