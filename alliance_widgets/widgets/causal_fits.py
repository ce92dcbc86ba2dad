"""Everything :class:`~alliance_widgets.widgets.causal.CausalExplorer` shows, computed once.

:func:`analyse_worlds` simulates each causal world of ``science.CAUSAL_MODELS`` once for a
seed, a number of clients and an alliance-linked dropout, with all three raters, and
estimates in every world, for everyone and for completers only, and for each rater:

- the end-of-therapy correlation of early alliance with improvement (Fisher-z interval),
- the two lagged within-client effects (``science.within_client_lagged``), with 95 %
  intervals from their standard errors.

The explorer keeps the result per ``(seed, n_clients, dropout_alliance)``; picking another
world, analysis, sample or rater then only looks a number up. The studies themselves are
not kept (four worlds of 2,000 clients are tens of MB), only the summaries.

Examples
--------
>>> worlds = analyse_worlds(seed=1, n_clients=200, dropout_alliance=0.0)
>>> sorted(worlds.truths) == sorted(worlds.worlds)
True
>>> fit = worlds.fit("common_cause", "everyone", "client")
>>> fit.n_clients, -1 < fit.r.value < 1
(200, True)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from alliance_widgets.science.causal_worlds import RATERS
from alliance_widgets.science.distributions import normal_ppf
from alliance_widgets.science.effects import correlation_ci
from alliance_widgets.science.estimates import Estimate
from alliance_widgets.science.raters import RATER_COLUMNS as _OTHER_RATERS
from alliance_widgets.science.simulate_model import EARLY_SESSIONS
from alliance_widgets.science.simulate_params import DEFAULT_PARAMS

__all__ = [
    "CASELOAD",
    "RATER_COLUMNS",
    "SAMPLES",
    "Lagged",
    "WorldFit",
    "WorldsAnalysis",
    "analyse_worlds",
]

#: The column of ``study.sessions`` that holds each rater's alliance (1–5 metric), in the
#: order of ``science.causal_worlds.RATERS``; ``alliance`` is always the client's.
RATER_COLUMNS: dict[str, str] = {rater: _OTHER_RATERS.get(rater, "alliance") for rater in RATERS}
SAMPLES = ("everyone", "completers")
#: Clients per therapist in every simulated world (the generator's default caseload);
#: more clients means more therapists. The generator calibrates the change-drives-alliance
#: and reciprocal worlds once per design, and the number of therapists is not part of
#: that design, so a new number of clients costs no new calibration.
CASELOAD = int(DEFAULT_PARAMS["clients_per_therapist"])
_LEVEL = 0.95


@dataclass(frozen=True)
class Lagged:
    """A lagged within-client effect with its 95 % interval."""

    value: float
    low: float
    high: float


@dataclass(frozen=True)
class WorldFit:
    """What one analysis of one world finds, for one sample and one rater."""

    n_clients: int
    r: Estimate
    alliance_to_change: Lagged
    change_to_alliance: Lagged
    n_pairs: int


@dataclass(frozen=True)
class WorldsAnalysis:
    """Every world's fits by ``(world, sample, rater)``, true lagged effects, completers."""

    worlds: tuple[str, ...]
    fits: Mapping[tuple[str, str, str], WorldFit]
    truths: Mapping[str, tuple[float, float]]
    completers: Mapping[str, int]
    n_clients: int

    def fit(self, world: str, sample: str, rater: str) -> WorldFit:
        """The fit of ``world`` for ``sample`` and ``rater``."""
        return self.fits[(world, sample, rater)]


def _lagged(value: float, se: float) -> Lagged:
    z = float(normal_ppf(0.5 + _LEVEL / 2))
    return Lagged(float(value), float(value - z * se), float(value + z * se))


def _early(sessions: pd.DataFrame, column: str) -> pd.Series:
    """Each client's mean ``column`` over the early sessions (as ``early_alliance``)."""
    early = sessions[sessions["session"] <= EARLY_SESSIONS]
    return early.groupby("client_id", observed=True, sort=False)[column].mean()


def _fit(sessions: pd.DataFrame, clients: pd.DataFrame, rater: str) -> WorldFit:
    from alliance_widgets.science import within_client_lagged

    column = RATER_COLUMNS[rater]
    improvement = clients.set_index("client_id")["improvement"]
    if rater == "client":
        early = clients.set_index("client_id")["early_alliance"]
    else:
        early = _early(sessions, column).reindex(improvement.index)
    r = correlation_ci(early.to_numpy(dtype=float), improvement.to_numpy(dtype=float))
    est = within_client_lagged(sessions, alliance=column, outcome="outcome")
    return WorldFit(
        n_clients=len(clients),
        r=r,
        alliance_to_change=_lagged(est.alliance_to_change, est.alliance_to_change_se),
        change_to_alliance=_lagged(est.change_to_alliance, est.change_to_alliance_se),
        n_pairs=int(est.n_pairs),
    )


def analyse_worlds(*, seed: int, n_clients: int, dropout_alliance: float) -> WorldsAnalysis:
    """Simulate every causal world once and fit each sample and rater (see module doc).

    Parameters
    ----------
    seed : int
        Seed of every world's study (each world is drawn from the same seed).
    n_clients : int
        Clients per world, a multiple of :data:`CASELOAD`.
    dropout_alliance : float
        How strongly a weaker session alliance raises the chance of leaving (``>= 0``;
        see ``science.simulate``).

    Returns
    -------
    WorldsAnalysis
    """
    from alliance_widgets.science import CAUSAL_MODELS
    from alliance_widgets.science.generator import simulate

    fits: dict[tuple[str, str, str], WorldFit] = {}
    truths: dict[str, tuple[float, float]] = {}
    completers: dict[str, int] = {}
    for world in CAUSAL_MODELS:
        study = simulate(
            causal_model=world,
            dropout_alliance=dropout_alliance,
            raters=tuple(RATER_COLUMNS),
            n_therapists=n_clients // CASELOAD,
            clients_per_therapist=CASELOAD,
            seed=seed,
            items=False,
        )
        lagged = study.lagged
        truths[world] = (float(lagged.alliance_to_change), float(lagged.change_to_alliance))
        done = study.clients["completed"].to_numpy(dtype=bool)
        completers[world] = int(np.count_nonzero(done))
        samples: dict[str, tuple[pd.DataFrame, pd.DataFrame]] = {
            "everyone": (study.sessions, study.clients),
        }
        kept = study.clients.loc[done]
        samples["completers"] = (
            study.sessions[study.sessions["client_id"].isin(kept["client_id"])],
            kept,
        )
        for sample, (sessions, clients) in samples.items():
            for rater in RATER_COLUMNS:
                fits[(world, sample, rater)] = _fit(sessions, clients, rater)
    return WorldsAnalysis(
        worlds=tuple(CAUSAL_MODELS),
        fits=fits,
        truths=truths,
        completers=completers,
        n_clients=n_clients,
    )
