"""CausalExplorer: does the alliance cause change, or does change build the alliance?

A learner picks the true world of a simulated clinic (``science.CAUSAL_MODELS``: the
alliance drives change, change drives the alliance, a common cause drives both, or both
ways), sees that the end-of-therapy correlation of early alliance with improvement comes
out about the same in every world, then switches the analysis to session-by-session
lagged effects within each client and watches the worlds separate. A dropout control
makes clients with a weaker alliance (lower overall, or dipping that session) leave more
often, and the sample switch shows what
analysing completers only does to both numbers; the rater switch shows whose alliance
rating (client, therapist, observer) the analysis uses.

Every world is simulated and analysed once per seed, number of clients and dropout
(:func:`~alliance_widgets.widgets.causal_fits.analyse_worlds`, cached): switching the
world, the analysis, the sample or the rater only looks numbers up. A new simulation
takes a few seconds; the readout says so while it runs.

Examples
--------
>>> cx = CausalExplorer(n_clients=200, seed=1)
>>> cx.data.world.tolist()
['Alliance drives change', 'Change drives alliance', 'Common cause', 'Both ways (reciprocal)']
>>> cx.analysis = "lagged"
>>> cx.data.panel.nunique()
2
>>> cx.to_dict()["analysis"]
'lagged'
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any, ClassVar

import ipywidgets as widgets
import pandas as pd
import traitlets

from alliance_widgets.charts.causal import (
    EstimateRow,
    causal_chart,
    causal_description,
    estimate_frame,
    world_label,
)
from alliance_widgets.charts.numbers import percent
from alliance_widgets.science.simulate_params import DEFAULT_PARAMS, DEFAULT_SEED
from alliance_widgets.science.validation import check_choice, check_int, check_real
from alliance_widgets.widgets import causal_fits
from alliance_widgets.widgets.base import Explorer
from alliance_widgets.widgets.base_state import SEED_MAX, StateError, check_state, linked
from alliance_widgets.widgets.causal_text import (
    ANALYSES,
    PANELS,
    RATER_LABELS,
    SAMPLE_LABELS,
    analysis_lines,
    busy_text,
    design_line,
)

__all__ = ["CausalExplorer"]


def _models() -> tuple[str, ...]:
    from alliance_widgets.science import CAUSAL_MODELS

    return tuple(CAUSAL_MODELS)


class CausalExplorer(Explorer):
    """Four causal worlds, one correlation, and the lagged analysis that tells them apart.

    Parameters
    ----------
    world : str, default "alliance_drives_change"
        The true world (one of ``science.CAUSAL_MODELS``).
    analysis : {"cross_sectional", "lagged"}
        The end-of-therapy correlation, or the lagged within-client effects.
    sample : {"everyone", "completers"}
        Analyse every client, or only those who attended every session.
    dropout_alliance : float, default 0
        How strongly a weaker alliance at a session (a lower overall level or a dip that
        session) raises the chance of leaving after it: the change in the log-odds of
        leaving per SD of the session's alliance (0 to 2; 0 is dropout at random; 0.65
        makes dropouts differ from completers by Sharf et al.'s d = .55).
    rater : {"client", "therapist", "observer"}
        Whose alliance rating the analyses use.
    n_clients : int, default 2000
        Clients per world, 200 to 4000 in steps of 100.
    seed : int
        Seed of the simulated worlds.
    """

    title = "Does the alliance cause change? Four simulated worlds"
    axes_note = (
        "One line per simulated world. End-of-therapy r: correlation of early alliance "
        "(WAI-SR, sessions 1–3) with improvement (OQ-45 points). Lagged, within client: "
        "OQ-45 points of improvement at the next session per WAI-SR point of alliance above "
        "the client's usual level, and WAI-SR points of alliance at the next session per 10 "
        "OQ-45 points of improvement."
    )
    dropout_range: ClassVar[tuple[float, float]] = (0.0, 2.0)
    clients_range: ClassVar[tuple[int, int, int]] = (200, 4000, 100)

    world = traitlets.Unicode(
        str(DEFAULT_PARAMS["causal_model"]), help="The true world of the simulated clinic."
    ).tag(state=True)
    analysis = traitlets.Unicode(
        "cross_sectional",
        help="End-of-therapy correlation, or lagged effects session by session.",
    ).tag(state=True)
    sample = traitlets.Unicode(
        "everyone", help="Every client, or only those who attended every session."
    ).tag(state=True)
    dropout_alliance = traitlets.Float(
        0.0,
        help="How strongly a weaker alliance at a session makes leaving after it more likely "
        "(0 = dropout at random; 0.65 is about the size Sharf et al. 2010 found).",
    ).tag(state=True)
    rater = traitlets.Unicode("client", help="Whose alliance rating the analyses use.").tag(
        state=True
    )
    n_clients = traitlets.Int(2000, help="Clients in each simulated world (200–4000).").tag(
        state=True
    )
    seed = traitlets.Int(DEFAULT_SEED, help="Seed of the simulated worlds.").tag(state=True)

    @traitlets.validate("world")
    def _check_world(self, proposal: Mapping[str, Any]) -> str:
        return str(check_state(proposal, check_choice, choices=_models()))

    @traitlets.validate("analysis")
    def _check_analysis(self, proposal: Mapping[str, Any]) -> str:
        return str(check_state(proposal, check_choice, choices=tuple(ANALYSES)))

    @traitlets.validate("sample")
    def _check_sample(self, proposal: Mapping[str, Any]) -> str:
        return str(check_state(proposal, check_choice, choices=tuple(SAMPLE_LABELS)))

    @traitlets.validate("rater")
    def _check_rater(self, proposal: Mapping[str, Any]) -> str:
        return str(check_state(proposal, check_choice, choices=tuple(RATER_LABELS)))

    @traitlets.validate("dropout_alliance")
    def _check_dropout(self, proposal: Mapping[str, Any]) -> float:
        low, high = self.dropout_range
        return float(check_state(proposal, check_real, low=low, high=high))

    @traitlets.validate("n_clients")
    def _check_n_clients(self, proposal: Mapping[str, Any]) -> int:
        low, high, step = self.clients_range
        n = int(check_state(proposal, check_int, minimum=low, maximum=high))
        if n % step:
            raise StateError(
                f"n_clients must be a whole number from {low} to {high} in steps of {step}; "
                f"got {n}."
            )
        return n

    @traitlets.validate("seed")
    def _check_seed(self, proposal: Mapping[str, Any]) -> int:
        return int(check_state(proposal, check_int, minimum=0, maximum=SEED_MAX))

    # ------------------------------------------------------------------ controls
    def controls(self) -> list[widgets.Widget]:
        """World, analysis, sample and rater as radio groups; dropout, clients, seed."""
        low, high = self.dropout_range
        c_low, c_high, c_step = self.clients_range

        def choice(name: str, description: str, options: list[tuple[str, str]]) -> Any:
            return linked(
                self, name, widgets.RadioButtons(options=options, description=description)
            )

        new_study = widgets.Button(
            description="New worlds",
            tooltip="Simulate the four worlds again with the next seed",
            icon="refresh",
        )
        new_study.on_click(lambda _: setattr(self, "seed", (self.seed + 1) % SEED_MAX))
        return [
            choice("world", "True world", [(world_label(w), w) for w in _models()]),
            choice("analysis", "Analysis", [(ANALYSES[a], a) for a in ANALYSES]),
            choice("sample", "Sample", [(SAMPLE_LABELS[s], s) for s in SAMPLE_LABELS]),
            choice("rater", "Whose alliance rating", [(RATER_LABELS[r], r) for r in RATER_LABELS]),
            linked(
                self,
                "dropout_alliance",
                widgets.FloatSlider(
                    min=low,
                    max=high,
                    step=0.25,
                    description="Dropout after a weak alliance (0 = at random)",
                    continuous_update=False,
                ),
            ),
            linked(
                self,
                "n_clients",
                widgets.IntSlider(
                    min=c_low,
                    max=c_high,
                    step=c_step,
                    description="Clients per world",
                    continuous_update=False,
                ),
            ),
            linked(self, "seed", widgets.BoundedIntText(min=0, max=SEED_MAX, description="Seed")),
            new_study,
        ]

    # ------------------------------------------------------------------ science
    def _key(self) -> Hashable:
        return ("worlds", self.seed, self.n_clients, round(self.dropout_alliance, 6))

    def recompute(self) -> None:
        """Simulate and fit the worlds (cached), then pick the rows the view shows."""
        key = self._key()
        if key not in self._memo:
            # Sent to the browser at once, before the seconds of simulation start.
            self._readout.value = busy_text(self.n_clients, self.seed, len(_models()))
        try:
            self._worlds: causal_fits.WorldsAnalysis = self.memo(
                key,
                lambda: causal_fits.analyse_worlds(
                    seed=self.seed,
                    n_clients=self.n_clients,
                    dropout_alliance=self.dropout_alliance,
                ),
            )
        except Exception:
            # The error area says what went wrong; the readout goes back to the last
            # good finding instead of promising a result that will not come.
            self._readout.value = self._readout_text
            raise
        self._estimates = estimate_frame(self._rows())

    def _rows(self) -> list[EstimateRow]:
        rows = []
        for panel in PANELS[self.analysis]:
            for world in self._worlds.worlds:
                fit = self._worlds.fit(world, self.sample, self.rater)
                if panel.key == "r":
                    value, low, high, truth = fit.r.value, fit.r.low, fit.r.high, float("nan")
                else:
                    est = getattr(fit, panel.key)
                    value, low, high = est.value, est.low, est.high
                    truth = self._worlds.truths[world][panel.truth_index]
                rows.append(
                    EstimateRow(
                        panel.title,
                        world_label(world),
                        value,
                        low,
                        high,
                        truth,
                        world == self.world,
                    )
                )
        return rows

    # ------------------------------------------------------------------ view
    def chart_data(self) -> dict[str, pd.DataFrame]:
        """The ``estimates`` table (see ``charts.causal``)."""
        return {"estimates": self._estimates}

    def build_chart(self, data: Mapping[str, pd.DataFrame]) -> Any:
        """The faceted chart of :mod:`alliance_widgets.charts.causal` (built once)."""
        return causal_chart(data, description=self.chart_description())

    def chart_description(self) -> str:
        """One sentence with every estimate the chart shows."""
        return causal_description(self._estimates, analysis=ANALYSES[self.analysis])

    def readout(self) -> str:
        """Design, the true world and sample, then what the chosen analysis finds."""
        worlds = self._worlds
        done = worlds.completers[self.world]
        lines = [
            design_line(
                n_clients=self.n_clients,
                seed=self.seed,
                dropout_alliance=self.dropout_alliance,
                n_worlds=len(worlds.worlds),
            ),
            f"The true world you picked: {world_label(self.world)}. Sample: "
            + (
                f"all {self.n_clients:,} clients"
                if self.sample == "everyone"
                else f"the {done:,} clients who attended every session "
                f"({percent(done / self.n_clients)} of {self.n_clients:,})"
            )
            + f"; alliance rated by the {self.rater}.",
        ]
        lines += analysis_lines(
            worlds,
            world=self.world,
            analysis=self.analysis,
            sample=self.sample,
            rater=self.rater,
            dropout_alliance=self.dropout_alliance,
        )
        return "\n".join(lines)
