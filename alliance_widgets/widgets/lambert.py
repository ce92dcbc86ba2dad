"""LambertExplorer: Lambert's 40/30/15/15 split, the empirical estimates, and a study.

The learner sees Lambert's (1992) four factors, can switch to what meta-analyses estimate,
redistributes the shares, simulates a study in which improvement *is* the sum of four
factors with those shares, and compares the split with what the data then estimate.

The four shares always sum to 100: setting one rescales the other three in proportion
(``science.shares.rebalance`` holds the rule).

Examples
--------
>>> explorer = LambertExplorer(study=True, n_clients=200, seed=1)
>>> explorer.shares
{'extratherapeutic': 40.0, 'relationship': 30.0, 'expectancy': 15.0, 'technique': 15.0}
>>> explorer.set_share("relationship", 60)
>>> {f: round(v, 1) for f, v in explorer.shares.items()}
{'extratherapeutic': 22.9, 'relationship': 60.0, 'expectancy': 8.6, 'technique': 8.6}
>>> print(explorer.summary.splitlines()[2])
A study of 200 simulated clients (seed 1) estimates: extratherapeutic ...
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import ipywidgets as widgets
import pandas as pd
import traitlets

from alliance_widgets import literature as lit
from alliance_widgets._lazy import moved_names
from alliance_widgets.charts.lambert import (
    ESTIMATES,
    REFERENCE,
    SERIES,
    SHARES,
    empirical_chart,
    shares_chart,
)
from alliance_widgets.charts.numbers import fixed
from alliance_widgets.science import shares as share_rules
from alliance_widgets.science.simulate_params import DEFAULT_SEED
from alliance_widgets.science.validation import check_choice, check_int, check_shares
from alliance_widgets.widgets.base import Explorer
from alliance_widgets.widgets.base_state import SEED_MAX, StateError, check_state, linked

__all__ = ["LambertExplorer"]

_LAMBERT = lit.LAMBERT_1992_SHARES
FACTORS: tuple[str, ...] = tuple(_LAMBERT.value)
VIEWS = ("lambert", "empirical")
_N_MIN, _N_MAX = 20, 5_000


def _pct(x: float) -> str:
    return f"{fixed(x, 0)} %"


class LambertExplorer(Explorer):
    """Lambert's four factors, the empirical estimates, and what a simulated study shows.

    Parameters
    ----------
    view : {"lambert", "empirical"}
        Show the four-factor split (and the study), or the published effect estimates.
    shares : dict
        Your split: the four factors (extratherapeutic, relationship, expectancy,
        technique) as percentages summing to 100; Lambert's 40/30/15/15 by default.
    study : bool
        Whether a study simulated from your split is shown (the "Simulate a study"
        button turns it on; pressing it again draws another study).
    n_clients : int
        Clients in the simulated study, 20 to 5,000.
    seed : int
        Seed of the simulated study.
    """

    title = "Lambert's four factors: a judgement, and what data estimate"
    axes_note = (
        "Across: the share of the variance in clients' improvement (%). Down the side: the "
        "factors (in the empirical view, each published estimate)."
    )

    view = traitlets.Unicode(
        "lambert", help="'lambert': the four-factor split; 'empirical': published estimates."
    ).tag(state=True)
    shares = traitlets.Dict(
        dict(_LAMBERT.value), help="Your split of improvement over the four factors (%)."
    ).tag(state=True)
    study = traitlets.Bool(False, help="Show a study simulated from your split.").tag(state=True)
    n_clients = traitlets.Int(200, help="Clients in the simulated study.").tag(state=True)
    seed = traitlets.Int(DEFAULT_SEED, help="Seed of the simulated study.").tag(state=True)

    @traitlets.validate("view")
    def _check_view(self, proposal: dict[str, Any]) -> str:
        return str(check_state(proposal, check_choice, choices=VIEWS))

    @traitlets.validate("shares")
    def _check_shares(self, proposal: dict[str, Any]) -> dict[str, float]:
        value = proposal["value"]
        if not isinstance(value, Mapping) or set(value) != set(FACTORS):
            raise StateError(
                f"shares must give exactly the factors {', '.join(FACTORS)} (percentages "
                f"summing to 100); got {value!r}."
            )
        checked = check_state(proposal, check_shares)
        return {k: float(checked[k]) for k in FACTORS}

    @traitlets.validate("n_clients")
    def _check_n(self, proposal: dict[str, Any]) -> int:
        return int(check_state(proposal, check_int, minimum=_N_MIN, maximum=_N_MAX))

    @traitlets.validate("seed")
    def _check_seed(self, proposal: dict[str, Any]) -> int:
        return int(check_state(proposal, check_int, minimum=0, maximum=SEED_MAX))

    # ------------------------------------------------------------------ actions
    def set_share(self, factor: str, value: float) -> None:
        """Set one factor's share; the others are rescaled to keep the sum at 100."""
        check_choice("factor", factor, FACTORS)
        self.shares = share_rules.rebalance(self.shares, factor, value)

    def simulate_study(self) -> None:
        """Show a study simulated from the current split (another one if already shown)."""
        if self.study:
            self.seed = (self.seed + 1) % SEED_MAX
        else:
            self.study = True

    # ------------------------------------------------------------------ controls
    def controls(self) -> list[widgets.Widget]:
        """View switch, four share sliders, study size, seed, and the simulate button."""
        view = linked(
            self,
            "view",
            widgets.ToggleButtons(
                options=[("Lambert (1992)", "lambert"), ("Empirical estimates", "empirical")],
                description="Show",
            ),
        )
        self._sliders = {
            f: widgets.FloatSlider(
                value=self.shares[f],
                min=0,
                max=100,
                step=1,
                readout_format=".1f",
                description=f"{f.capitalize()} (%)",
                description_allow_html=False,
                style={"description_width": "initial"},
                continuous_update=False,
                tooltip=f"Share of improvement due to {f}; the others rescale to keep 100",
            )
            for f in FACTORS
        }
        for name, slider in self._sliders.items():
            slider.observe(self._slider_moved(name), names="value")
        self._simulate_button = widgets.Button(
            description="Simulate a study",
            tooltip="Simulate clients whose improvement is the sum of the four factors",
            icon="play",
        )
        self._simulate_button.on_click(lambda _: self.simulate_study())
        reset = widgets.Button(description="Lambert's split", tooltip="Back to 40/30/15/15")
        reset.on_click(lambda _: setattr(self, "shares", dict(_LAMBERT.value)))
        n = linked(
            self,
            "n_clients",
            widgets.IntSlider(
                min=_N_MIN,
                max=_N_MAX,
                step=10,
                description="Clients in the study",
                continuous_update=False,
            ),
        )
        seed = linked(self, "seed", widgets.BoundedIntText(min=0, max=SEED_MAX, description="Seed"))
        self._sync_controls()
        return [view, *self._sliders.values(), reset, n, seed, self._simulate_button]

    def _slider_moved(self, name: str) -> Any:
        def moved(change: Mapping[str, Any]) -> None:
            if self._syncing or abs(change["new"] - self.shares[name]) < 1e-9:
                return
            self.set_share(name, change["new"])

        return moved

    _syncing = False

    def _sync_controls(self) -> None:
        sliders = getattr(self, "_sliders", None)
        if sliders is None:
            return
        self._syncing = True
        try:
            for f, slider in sliders.items():
                slider.value = self.shares[f]
                slider.disabled = self.view != "lambert"
        finally:
            self._syncing = False
        self._simulate_button.description = (
            "Simulate another study" if self.study else "Simulate a study"
        )
        self._simulate_button.disabled = self.view != "lambert"

    def state_changed(self, change: Mapping[str, Any]) -> None:
        """Keep the sliders and the button in step with the state."""
        self._sync_controls()

    # ------------------------------------------------------------------ science
    def _simulate(self) -> pd.DataFrame:
        from alliance_widgets.science.generator import simulate
        from alliance_widgets.science.simulate_params import DEFAULT_PARAMS
        from alliance_widgets.science.variance import decompose_improvement

        per = int(DEFAULT_PARAMS["clients_per_therapist"])
        study = simulate(
            variance_model=dict(self.shares),
            n_therapists=max(1, -(-self.n_clients // per)),
            clients_per_therapist=per,
            items=False,
            seed=self.seed,
        )
        clients = study.clients.head(self.n_clients)
        return decompose_improvement(clients, list(FACTORS), targets=dict(self.shares))

    def recompute(self) -> None:
        """Decompose a simulated study (cached per split, size and seed) when one is shown."""
        self._decomposition: pd.DataFrame | None = None
        if self.view == "lambert" and self.study:
            key = (tuple(round(self.shares[f], 9) for f in FACTORS), self.n_clients, self.seed)
            self._decomposition = self.memo(key, self._simulate)

    def chart_key(self) -> str:
        """The view decides the chart's structure."""
        return str(self.view)

    def _shares_frame(self) -> pd.DataFrame:
        rows = [
            {
                "factor": f,
                "series": SERIES[0],
                "share": self.shares[f],
                "label": f"{_pct(self.shares[f])} your split",
            }
            for f in FACTORS
        ]
        if self._decomposition is not None:
            est = self._decomposition["covariance_share"]
            rows += [
                {
                    "factor": f,
                    "series": SERIES[1],
                    "share": max(0.0, float(est[f])),
                    "label": f"{_pct(float(est[f]))} estimated",
                }
                for f in FACTORS
            ]
        return pd.DataFrame(rows)

    def _empirical_frame(self) -> pd.DataFrame:
        from alliance_widgets.science.variance import empirical_estimates

        table = self.memo("empirical", empirical_estimates)
        symbol = {"d": "d", "r": "r"}
        labels = [
            f"{row.factor} ({symbol[row.measure]} = {row.reported:g})"
            if row.measure in symbol
            else f"{row.factor} (%)"
            for row in table.itertuples()
        ]
        return pd.DataFrame(
            {
                "label": labels,
                "percent": table["percent"].astype(float),
                "source": table["source"],
                "status": table["status"],
                "text": [
                    f"{fixed(p, 1)} % · {s}"
                    for p, s in zip(table["percent"], table["source"], strict=True)
                ],
            }
        )

    def chart_data(self) -> dict[str, pd.DataFrame]:
        """The bars: your split (and the study's estimates), or the published estimates."""
        if self.view == "empirical":
            return {ESTIMATES: self._empirical_frame()}
        reference = pd.DataFrame(
            {"factor": list(FACTORS), "share": [float(_LAMBERT.value[f]) for f in FACTORS]}
        )
        return {SHARES: self._shares_frame(), REFERENCE: reference}

    def build_chart(self, data: Mapping[str, pd.DataFrame]) -> Any:
        """The shares chart or the empirical chart, by view."""
        if self.view == "empirical":
            return empirical_chart(data[ESTIMATES], description=self.chart_description())
        return shares_chart(
            data[SHARES],
            data[REFERENCE],
            description=self.chart_description(),
            factors=FACTORS,
            reference_label=f"Lambert's split, {_LAMBERT.cite()}",
        )

    def chart_description(self) -> str:
        """One sentence: what the bars show now."""
        if self.view == "empirical":
            return (
                "Horizontal bars of published effects turned into shares of outcome "
                "variance, largest first, each labelled with its source."
            )
        split = ", ".join(f"{f} {_pct(self.shares[f])}" for f in FACTORS)
        text = f"Horizontal bars of your split of improvement: {split}"
        if self._decomposition is not None:
            est = self._decomposition["covariance_share"]
            text += "; beside them, the shares estimated from a simulated study: " + ", ".join(
                f"{f} {_pct(float(est[f]))}" for f in FACTORS
            )
        return text + "."

    def readout(self) -> str:
        """Plain-language findings for the current view."""
        lambert = ", ".join(f"{f} {_pct(v)}" for f, v in _LAMBERT.value.items())
        caveat = (
            f"Lambert's split ({lambert}; {_LAMBERT.cite()}) was an informed estimate from a "
            f"narrative review, not a meta-analytic result (status: {_LAMBERT.status})."
        )
        if self.view == "empirical":
            return "\n".join([caveat, *self._empirical_lines()])
        lines = [caveat]
        split = ", ".join(f"{f} {_pct(self.shares[f])}" for f in FACTORS)
        lines.append(f"Your split: {split}.")
        if self._decomposition is None:
            lines.append(
                "Press 'Simulate a study' to simulate clients whose improvement is the sum of "
                "four factors with these shares, and see what the data estimate."
            )
            return "\n".join(lines)
        d = self._decomposition
        est = d["covariance_share"]
        gaps = {f: float(est[f]) - self.shares[f] for f in FACTORS}
        worst = max(gaps, key=lambda f: abs(gaps[f]))
        lines.append(
            f"A study of {int(d.attrs.get('n', self.n_clients)):,} simulated clients (seed "
            f"{self.seed}) estimates: "
            + ", ".join(f"{f} {_pct(float(est[f]))}" for f in FACTORS)
            + "."
        )
        lines.append(
            f"The largest gap is {worst}: {_pct(float(est[worst]))} estimated against "
            f"{_pct(self.shares[worst])} set ({gaps[worst]:+.1f} points), sampling error in "
            "one study; more clients shrink it."
        )
        lines.append(
            "Here the shares are true by construction, because improvement was simulated as "
            "the sum of four separate factors. In real therapy the factors overlap and "
            "interact, which is why no study can measure a pie like this."
        )
        return "\n".join(lines)

    def _empirical_lines(self) -> list[str]:
        from alliance_widgets.science.variance import empirical_estimates

        table = self.memo("empirical", empirical_estimates)
        total = table.loc[table["factor"] == "psychotherapy vs no treatment"]
        lines = []
        if not total.empty:
            row = total.iloc[0]
            lines.append(
                f"Receiving therapy at all explains about {row.percent:.0f} % of the variance "
                f"in outcome ({row.source})."
            )
        rel = table[(table["factor"] == "alliance") & (table["measure"] == "r")]
        if not rel.empty:
            row = rel.iloc[0]
            lines.append(
                f"The alliance: r = {row.reported:g}, about {row.percent:.1f} % of the variance "
                f"({row.source}). Not comparable with Lambert's "
                f"{_pct(_LAMBERT.value['relationship'])} for 'relationship': a judged share "
                "of improvement for all common factors together, not the alliance's variance."
            )
        spec = table[table["factor"] == "specific ingredients"]
        if not spec.empty:
            row = spec.iloc[0]
            lines.append(
                f"Specific ingredients of a treatment: d = {row.reported:g}, under "
                f"{max(row.percent, 0.1):.1f} % ({row.source})."
            )
        lines.append(
            "Each bar is a separate effect from separate studies; they overlap and do not add "
            "up to 100 %."
        )
        return lines


# rebalance is arithmetic on shares; it lives in science.shares.
__getattr__ = moved_names(__name__, {"rebalance": "alliance_widgets.science.shares"})
