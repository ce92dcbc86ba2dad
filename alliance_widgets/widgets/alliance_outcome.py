"""AllianceOutcomeExplorer: how strong is r = .28, and how much variance is that?

A learner sets the true alliance–outcome correlation of a simulated clinic, the number of
clients and the seed, and sees the scatter of early alliance against improvement with its
least-squares line, the sample's r with its 95 % interval, r², and the common misquote
corrected from the numbers ("r = .26 is about 7 % of the variance, not 26 %").

Examples
--------
>>> from alliance_widgets.widgets.alliance_outcome import AllianceOutcomeExplorer
>>> explorer = AllianceOutcomeExplorer(n_clients=200, seed=1)
>>> explorer.to_dict()
{'alliance_outcome_r': 0.278, 'n_clients': 200, 'seed': 1}
>>> len(explorer.data)
200
>>> print(explorer.summary.splitlines()[0])  # doctest: +ELLIPSIS
200 simulated clients (seed 1), true r = 0.28: the sample gives r = ..., 95% CI [...].
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import Any

import ipywidgets as widgets
import pandas as pd
import traitlets

from alliance_widgets import literature as lit
from alliance_widgets.charts.alliance_outcome import POINTS, alliance_outcome_chart
from alliance_widgets.charts.numbers import percent
from alliance_widgets.science.simulate_params import DEFAULT_SEED
from alliance_widgets.science.validation import check_int, check_real
from alliance_widgets.widgets.base import Explorer
from alliance_widgets.widgets.base_state import SEED_MAX, check_state, linked

__all__ = ["AllianceOutcomeExplorer"]

_META = lit.ALLIANCE_OUTCOME_R_2018
_MISQUOTED = lit.ALLIANCE_OUTCOME_R_1991
# Early alliance is measured with error (item alpha ≈ .9), so the generator cannot reach
# an observed r much beyond ±.78; the slider stops a little short of that.
_R_LOW, _R_HIGH = -0.75, 0.75
_N_MIN, _N_MAX, _N_STEP = 20, 5_000, 10
# A study is drawn in blocks, each one simulated clinic of this many therapists (500
# clients at the default caseload): see AllianceOutcomeExplorer's Notes.
_BLOCK_THERAPISTS = 50


def _percent(x: float) -> str:
    return percent(x)


class AllianceOutcomeExplorer(Explorer):
    """Scatter of early alliance against improvement in a simulated clinic.

    Parameters
    ----------
    alliance_outcome_r : float, default 0.278 (Flückiger et al. 2018)
        The true correlation the study is simulated with, -0.75 to 0.75.
    n_clients : int, default 200
        Clients in the study, 20 to 5,000.
    seed : int, default ``science.simulate_params.DEFAULT_SEED``
        Seed of the simulated study: the same seed gives the same clients.

    Notes
    -----
    The clinic has no therapist differences in alliance (``therapist_icc_alliance=0``):
    with them, the generator's default split of the alliance effect between and within
    therapists caps r near .3, and this explorer is about the client-level correlation
    (therapist effects are ``TherapistEffectsExplorer``'s topic). Studies are simulated
    with ``science.simulate`` (items off: only the clients table is drawn) and cached per
    (r, n, seed), so moving back to a setting is instant. The highlight threshold is a
    slider inside the chart (a Vega-Lite param): it needs no Python.
    """

    title = "Alliance and outcome: how strong is r = .28?"
    # Ten blocks for the largest study, plus the studies around the slider's position.
    memo_size = 48
    axes_note = (
        "Across: each client's early alliance (mean WAI-SR rating of sessions 1–3, 1–5). "
        "Up: improvement on the OQ-45 from intake to the last session (points; higher is "
        "better). One dot per simulated client."
    )

    alliance_outcome_r = traitlets.Float(
        _META.value, help="True alliance–outcome correlation of the simulated clinic."
    ).tag(state=True)
    n_clients = traitlets.Int(200, help="Number of simulated clients.").tag(state=True)
    seed = traitlets.Int(DEFAULT_SEED, help="Seed of the simulated study.").tag(state=True)

    @traitlets.validate("alliance_outcome_r")
    def _check_r(self, proposal: dict[str, Any]) -> float:
        return float(check_state(proposal, check_real, low=_R_LOW, high=_R_HIGH))

    @traitlets.validate("n_clients")
    def _check_n(self, proposal: dict[str, Any]) -> int:
        return int(check_state(proposal, check_int, minimum=_N_MIN, maximum=_N_MAX))

    @traitlets.validate("seed")
    def _check_seed(self, proposal: dict[str, Any]) -> int:
        return int(check_state(proposal, check_int, minimum=0, maximum=SEED_MAX))

    # ------------------------------------------------------------------ controls
    def controls(self) -> list[widgets.Widget]:
        """Sliders for r and n, a seed box and a new-sample button."""
        new_sample = widgets.Button(
            description="New sample",
            tooltip="Draw another clinic with the same settings (next seed)",
            icon="refresh",
        )
        new_sample.on_click(lambda _: setattr(self, "seed", (self.seed + 1) % SEED_MAX))
        return [
            linked(
                self,
                "alliance_outcome_r",
                widgets.FloatSlider(
                    min=_R_LOW,
                    max=_R_HIGH,
                    step=0.01,
                    readout_format=".2f",
                    description="True alliance–outcome r",
                    continuous_update=False,
                ),
            ),
            linked(
                self,
                "n_clients",
                widgets.IntSlider(
                    min=_N_MIN,
                    max=_N_MAX,
                    step=_N_STEP,
                    description="Clients in the study",
                    continuous_update=False,
                ),
            ),
            linked(self, "seed", widgets.BoundedIntText(min=0, max=SEED_MAX, description="Seed")),
            new_sample,
        ]

    # ------------------------------------------------------------------ science
    def _block(self, index: int) -> pd.DataFrame:
        """Block ``index`` of the study: one simulated clinic of 50 therapists."""
        from alliance_widgets.science.generator import simulate
        from alliance_widgets.science.simulate_params import DEFAULT_PARAMS, part_seed

        seed = part_seed(self.seed, index)
        study = simulate(
            alliance_outcome_r=self.alliance_outcome_r,
            n_therapists=_BLOCK_THERAPISTS,
            clients_per_therapist=int(DEFAULT_PARAMS["clients_per_therapist"]),
            seed=seed,
            items=False,
            therapist_icc_alliance=0.0,
        )
        return study.clients.loc[:, ["early_alliance", "improvement"]]

    def _study(self) -> pd.DataFrame:
        from alliance_widgets.science.simulate_params import DEFAULT_PARAMS

        size = _BLOCK_THERAPISTS * int(DEFAULT_PARAMS["clients_per_therapist"])
        r = round(self.alliance_outcome_r, 6)
        blocks = [
            self.memo(("block", r, self.seed, b), partial(self._block, b))
            for b in range(-(-self.n_clients // size))  # ceiling: enough blocks
        ]
        clients = pd.concat(blocks, ignore_index=True).head(self.n_clients)
        ids = pd.Series([f"C{i:04d}" for i in range(1, len(clients) + 1)], name="client_id")
        return pd.concat([ids, clients], axis=1)

    def recompute(self) -> None:
        """Simulate (or fetch from the cache) the study and estimate r."""
        from alliance_widgets import science

        key = (round(self.alliance_outcome_r, 6), self.n_clients, self.seed)
        self._points: pd.DataFrame = self.memo(key, self._study)
        self._r = science.correlation_ci(
            self._points["early_alliance"], self._points["improvement"]
        )

    def chart_data(self) -> dict[str, pd.DataFrame]:
        """The clients drawn: early alliance and improvement."""
        return {POINTS: self._points}

    def build_chart(self, data: Mapping[str, pd.DataFrame]) -> Any:
        """The scatter with its line and the in-chart highlight slider."""
        return alliance_outcome_chart(data[POINTS], description=self.chart_description())

    def chart_description(self) -> str:
        """One sentence: what the scatter shows, with the sample's r."""
        r = self._r
        return (
            f"Scatter of early alliance against improvement for {self.n_clients:,} simulated "
            f"clients with the least-squares line; r = {r.value:.2f} "
            f"(95% CI {r.low:.2f} to {r.high:.2f}), r² = {_percent(r.value**2)} of the "
            "variance."
        )

    def readout(self) -> str:
        """The sample r with its interval, r², and the misquote corrected."""
        r = self._r
        r2 = r.value**2
        lines = [
            f"{self.n_clients:,} simulated clients (seed {self.seed}), true r = "
            f"{self.alliance_outcome_r:.2f}: the sample gives {r.format('r')}.",
            f"r² = {r2:.3f}: early alliance accounts for about {_percent(r2)} of the "
            f"variance in improvement; about {_percent(1 - r2)} lies elsewhere "
            "(the client's life, the therapist, chance).",
        ]
        misquoted = _MISQUOTED.value
        lines.append(
            f"A common misquote: the r = {misquoted:.2f} of {_MISQUOTED.cite()} is read as "
            f"'{100 * misquoted:.0f} % of the outcome'. Variance explained is r², about "
            f"{_percent(misquoted**2)}, not {100 * misquoted:.0f} %."
        )
        meta = _META
        low, high = meta.ci if meta.ci is not None else (meta.value, meta.value)
        inside = r.contains(meta.value)
        lines.append(
            f"For comparison, {meta.cite()} pooled {meta.k} studies: r = {meta.value:.3f} "
            f"[{low:.3f}, {high:.3f}]; this sample's interval "
            + ("includes it." if inside else "does not include it.")
        )
        if r.high - r.low > 0.3:
            lines.append(
                f"With {self.n_clients:,} clients the interval is wide ({r.low:.2f} to "
                f"{r.high:.2f}): small studies can find almost any r. Try more clients."
            )
        return "\n".join(lines)
