"""What the generator's model implies for one client with a given early alliance.

Computed from the calibrated structural equations, not by simulating: the observed early
alliance ``O`` and ``improvement`` are treated as jointly normal with the model's means,
standard deviations and correlation, so

``E[improvement | O = a] = mean + r * sd_Y * (a - mean_O) / sd_O`` and
``SD[improvement | O = a] = sd_Y * sqrt(1 - r**2)``.

The chance of reliable improvement is ``P(improvement >= RC)`` with the OQ-45 reliable
change (14 points) from :mod:`alliance_widgets.literature`.

Examples
--------
>>> low, high = implied_outcome(3.0), implied_outcome(4.5)
>>> low.expected_improvement < high.expected_improvement
True
>>> 0 < low.p_reliable_improvement < high.p_reliable_improvement < 1
True
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from alliance_widgets import literature as lit
from alliance_widgets.science.distributions import normal_cdf, normal_ppf, normal_sf
from alliance_widgets.science.simulate_model import build_model
from alliance_widgets.science.simulate_params import resolve_params
from alliance_widgets.science.validation import check_real

__all__ = ["ImpliedOutcome", "implied_outcome"]


@dataclass(frozen=True)
class ImpliedOutcome:
    """The model's prediction of improvement (OQ-45 points) for one early alliance."""

    alliance: float
    expected_improvement: float
    sd: float
    interval: tuple[float, float]
    p_reliable_improvement: float
    p_reliable_deterioration: float
    alliance_outcome_r: float

    def describe(self) -> str:
        """One sentence for a readout."""
        lo, hi = self.interval
        return (
            f"With an early alliance of {self.alliance:.2f}, the model expects an improvement "
            f"of {self.expected_improvement:.1f} OQ-45 points (95 % of clients between "
            f"{lo:.0f} and {hi:.0f}); {self.p_reliable_improvement:.0%} improve reliably."
        )


def implied_outcome(alliance: float, **params: Any) -> ImpliedOutcome:
    """Expected improvement, its spread and the chance of reliable change for one client.

    Parameters
    ----------
    alliance : float
        An observed early-alliance composite on the WAI-SR 1–5 metric.
    **params
        Generator parameters, as for :func:`~alliance_widgets.simulate` (``seed``,
        ``items`` and the design sizes do not change the answer except through the
        caseload's effect on the between/within split).

    Returns
    -------
    ImpliedOutcome

    Examples
    --------
    >>> out = implied_outcome(4.0, alliance_outcome_r=0.0)
    >>> round(out.expected_improvement, 6), round(out.sd, 6)
    (15.0, 16.0)
    >>> implied_outcome(6.0)
    Traceback (most recent call last):
    ...
    ValueError: alliance must be a number in [1, 5]; got 6.0.
    """
    low, high = lit.WAI_SR_SCALE.value
    a = check_real("alliance", alliance, low=low, high=high)
    model = build_model(resolve_params(params))
    r = model.alliance_outcome_r
    mean_o, sd_o = model.measurement.early_mean, model.early_sd
    expected = model.improvement_mean + r * model.improvement_sd * (a - mean_o) / sd_o
    sd = model.improvement_sd * float(np.sqrt(1 - r**2))
    z = float(normal_ppf(0.975))
    rc = lit.OQ45_RELIABLE_CHANGE.value
    return ImpliedOutcome(
        alliance=a,
        expected_improvement=float(expected),
        sd=sd,
        interval=(float(expected - z * sd), float(expected + z * sd)),
        p_reliable_improvement=float(normal_sf(rc, loc=expected, scale=sd)),
        p_reliable_deterioration=float(normal_cdf(-rc, loc=expected, scale=sd)),
        alliance_outcome_r=float(r),
    )
