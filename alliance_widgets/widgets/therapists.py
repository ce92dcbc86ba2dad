"""TherapistEffectsExplorer: how much do therapists differ, and whose alliance matters?

A learner sets how much of the variance in improvement and in early alliance lies between
therapists in a simulated clinic, how many therapists there are and how many clients each
sees, and the seed. The chart shows every therapist's clients ordered by mean improvement
(a slider inside the chart highlights one therapist: no kernel round trip), the ICCs
estimated from the sample with their intervals, and the alliance effect split into its
therapist (between) and client (within) parts as Baldwin, Wampold & Imel (2007) did. The
readout says the same in words, including how dependable a ranking of therapists by a
handful of clients is.

Examples
--------
>>> tx = TherapistEffectsExplorer(n_therapists=20, clients_per_therapist=10, seed=1)
>>> sorted(tx.frames)
['clients', 'effects', 'iccs', 'therapists']
>>> len(tx.data), int(tx.frames["therapists"]["rank"].max())
(200, 20)
>>> print(tx.summary.splitlines()[0])  # doctest: +ELLIPSIS
20 therapists with 10 clients each (seed 1): therapists account for ... of the variance ...
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any, ClassVar

import ipywidgets as widgets
import pandas as pd
import traitlets

from alliance_widgets import literature as lit
from alliance_widgets.charts.numbers import percent
from alliance_widgets.charts.therapists import (
    HIGHLIGHT_PARAM,
    effect_frame,
    icc_frame,
    therapist_chart,
)
from alliance_widgets.science.caseloads import (
    CaseloadAnalysis,
    analyse_caseloads,
    mean_reliability,
)
from alliance_widgets.science.simulate_params import DEFAULT_PARAMS, DEFAULT_SEED
from alliance_widgets.science.validation import check_int, check_real
from alliance_widgets.widgets.base import Explorer
from alliance_widgets.widgets.base_state import SEED_MAX, check_state, linked

__all__ = ["TherapistEffectsExplorer"]

_ICC_RANGE = (0.0, 0.3)
_OUTCOME_LIT = lit.THERAPIST_EFFECTS
_ALLIANCE_LIT = lit.ALLIANCE_ICC_THERAPISTS
_BALDWIN = lit.BALDWIN_2007_DESIGN
_COUNTER = lit.WITHIN_THERAPIST_COUNTER


def _pct(x: float) -> str:
    return percent(x)


class TherapistEffectsExplorer(Explorer):
    """Caseloads, therapist ICCs and between- vs within-therapist alliance effects.

    Parameters
    ----------
    therapist_icc_outcome : float, default 0.05 (Baldwin & Imel 2013)
        Share of improvement variance between therapists in the simulation, 0 to 0.3.
    therapist_icc_alliance : float, default 0.06 (the generator's default)
        Share of early-alliance variance between therapists, 0 to 0.3.
    n_therapists : int, default 20
        Therapists in the clinic, 5 to 100.
    clients_per_therapist : int, default 10
        Clients each therapist sees, 2 to 30.
    seed : int, default ``science.simulate_params.DEFAULT_SEED``
        Seed of the simulated clinic.

    Notes
    -----
    The clinic comes from ``science.simulate`` (items off) with the literature's
    alliance–outcome r; the generator splits the alliance effect between therapists and
    clients itself. The ICCs are REML estimates with profile-likelihood intervals
    (``science.therapist_icc``) and the two effects a REML random-intercept fit
    (``science.between_within_effects``). Each setting's study and analysis are
    cached, so returning to a setting is instant.
    """

    title = "Therapist effects: whose clients improve?"
    axes_note = (
        "Top — across: therapists ordered by their clients' mean improvement; up: each "
        "client's improvement on the OQ-45 (points, higher is better). Bottom left: share of "
        "variance between therapists (ICC). Bottom right: points of improvement per point of "
        "alliance (WAI-SR, 1–5), for the therapist's and the client's part."
    )
    count_ranges: ClassVar[dict[str, tuple[int, int]]] = {
        "n_therapists": (5, 100),
        "clients_per_therapist": (2, 30),
        "seed": (0, SEED_MAX),
    }

    therapist_icc_outcome = traitlets.Float(
        _OUTCOME_LIT.value / 100,
        help="Share of the variance in improvement that lies between therapists (0–0.3).",
    ).tag(state=True)
    therapist_icc_alliance = traitlets.Float(
        float(DEFAULT_PARAMS["therapist_icc_alliance"]),
        help="Share of the variance in early alliance that lies between therapists (0–0.3).",
    ).tag(state=True)
    n_therapists = traitlets.Int(
        int(DEFAULT_PARAMS["n_therapists"]), help="Number of therapists (5–100)."
    ).tag(state=True)
    clients_per_therapist = traitlets.Int(
        int(DEFAULT_PARAMS["clients_per_therapist"]), help="Clients per therapist (2–30)."
    ).tag(state=True)
    seed = traitlets.Int(DEFAULT_SEED, help="Seed of the simulated clinic.").tag(state=True)

    @traitlets.validate("therapist_icc_outcome", "therapist_icc_alliance")
    def _check_icc(self, proposal: Mapping[str, Any]) -> float:
        low, high = _ICC_RANGE
        return float(check_state(proposal, check_real, low=low, high=high))

    @traitlets.validate("n_therapists", "clients_per_therapist", "seed")
    def _check_count(self, proposal: Mapping[str, Any]) -> int:
        low, high = self.count_ranges[proposal["trait"].name]
        return int(check_state(proposal, check_int, minimum=low, maximum=high))

    # ------------------------------------------------------------------ controls
    def controls(self) -> list[widgets.Widget]:
        """Sliders for the two ICCs and the design, a seed box and a new-clinic button."""

        def labelled() -> dict[str, Any]:
            # One label width for every control: long labels such as "Therapist share of
            # improvement (ICC)" otherwise squeeze their slider to a stub.
            return {"style": {"description_width": "16em"}, "layout": widgets.Layout(width="40em")}

        def icc_slider(description: str) -> widgets.FloatSlider:
            return widgets.FloatSlider(
                min=_ICC_RANGE[0],
                max=_ICC_RANGE[1],
                step=0.01,
                readout_format=".2f",
                description=description,
                continuous_update=False,
                **labelled(),
            )

        def count_slider(name: str, description: str) -> widgets.IntSlider:
            low, high = self.count_ranges[name]
            return widgets.IntSlider(
                min=low, max=high, description=description, continuous_update=False, **labelled()
            )

        new_clinic = widgets.Button(
            description="New clinic",
            tooltip="Simulate another clinic with the same settings (next seed)",
            icon="refresh",
        )
        new_clinic.on_click(lambda _: setattr(self, "seed", (self.seed + 1) % SEED_MAX))
        return [
            linked(
                self,
                "therapist_icc_outcome",
                icc_slider("Therapist share of improvement (ICC)"),
            ),
            linked(self, "therapist_icc_alliance", icc_slider("Therapist share of alliance (ICC)")),
            linked(self, "n_therapists", count_slider("n_therapists", "Therapists")),
            linked(
                self,
                "clients_per_therapist",
                count_slider("clients_per_therapist", "Clients per therapist"),
            ),
            linked(
                self,
                "seed",
                widgets.BoundedIntText(
                    min=0,
                    max=SEED_MAX,
                    description="Seed",
                    style={"description_width": "16em"},
                    layout=widgets.Layout(width="28em"),
                ),
            ),
            new_clinic,
        ]

    # ------------------------------------------------------------------ science
    def _analysis(self) -> tuple[CaseloadAnalysis, Any]:
        from alliance_widgets.science.generator import simulate

        study = simulate(
            n_therapists=self.n_therapists,
            clients_per_therapist=self.clients_per_therapist,
            therapist_icc_outcome=self.therapist_icc_outcome,
            therapist_icc_alliance=self.therapist_icc_alliance,
            seed=self.seed,
            items=False,
        )
        return analyse_caseloads(study.clients), study.model

    def _key(self) -> Hashable:
        return (
            round(self.therapist_icc_outcome, 6),
            round(self.therapist_icc_alliance, 6),
            self.n_therapists,
            self.clients_per_therapist,
            self.seed,
        )

    def recompute(self) -> None:
        """Simulate the clinic and estimate ICCs and effects (cached per setting)."""
        self._a: CaseloadAnalysis
        self._a, model = self.memo(self._key(), self._analysis)
        y, a, eff = self._a.icc_outcome, self._a.icc_alliance, self._a.effects
        trials, natural = (_OUTCOME_LIT.extra[k] / 100 for k in ("trials", "naturalistic"))
        published = tuple(_ALLIANCE_LIT.value)
        iccs = [
            ("improvement", y.value, y.low, y.high, self.therapist_icc_outcome, (trials, natural)),
            ("early alliance", a.value, a.low, a.high, self.therapist_icc_alliance, published),
        ]
        ci = ["estimate", "ci_low", "ci_high"]
        effects = [
            ("between therapists", *eff.loc["between", ci], model.between_therapist_effect),
            ("within therapist", *eff.loc["within", ci], model.within_therapist_effect),
        ]
        self._frames_now = {
            "clients": self._a.points,
            "therapists": self._a.caseloads,
            "iccs": icc_frame(iccs),
            "effects": effect_frame(effects),
        }

    def chart_data(self) -> dict[str, pd.DataFrame]:
        """Tables ``clients``, ``therapists``, ``iccs`` and ``effects``."""
        return self._frames_now

    def param_bindings(self) -> dict[str, dict[str, Any]]:
        """The in-chart highlight slider runs over the clinic's therapists."""
        return {HIGHLIGHT_PARAM: {"max": self.n_therapists}}

    def build_chart(self, data: Mapping[str, pd.DataFrame]) -> Any:
        """The three-panel chart of :mod:`alliance_widgets.charts.therapists`."""
        return therapist_chart(
            data, n_therapists=self.n_therapists, description=self.chart_description()
        )

    def chart_description(self) -> str:
        """One sentence: caseload spread, ICCs and both effects."""
        c = self._a.caseloads["mean_improvement"]
        eff = self._a.effects["estimate"]
        return (
            f"Improvement of the clients of {self.n_therapists} simulated therapists, ordered "
            f"by caseload mean from {c.iloc[0]:.1f} to {c.iloc[-1]:.1f} OQ-45 points; "
            f"therapist ICC of improvement {self._a.icc_outcome.value:.2f} and of alliance "
            f"{self._a.icc_alliance.value:.2f}; alliance effect {eff['between']:.1f} points "
            f"between therapists and {eff['within']:.1f} within."
        )

    def readout(self) -> str:
        """ICCs against the settings and the literature, both effects, caseload ranking."""
        icc_y, icc_a, eff = self._a.icc_outcome, self._a.icc_alliance, self._a.effects
        n = self.clients_per_therapist
        lines = [
            f"{self.n_therapists} therapists with {n} clients each (seed {self.seed}): "
            f"therapists account for {_pct(icc_y.value)} of the variance in improvement "
            f"(95% CI {_pct(icc_y.low)} to {_pct(icc_y.high)}; the simulation was set to "
            f"{_pct(self.therapist_icc_outcome)}). {_OUTCOME_LIT.cite()}: about "
            f"{_OUTCOME_LIT.value:g} %, {_OUTCOME_LIT.extra['trials']:g} % in trials and "
            f"{_OUTCOME_LIT.extra['naturalistic']:g} % in naturalistic settings "
            f"({_OUTCOME_LIT.status}).",
            f"Early alliance: {_pct(icc_a.value)} of its variance lies between therapists "
            f"(95% CI {_pct(icc_a.low)} to {_pct(icc_a.high)}; set to "
            f"{_pct(self.therapist_icc_alliance)}); {_pct(_ALLIANCE_LIT.value[0])} to "
            f"{_pct(_ALLIANCE_LIT.value[1])} {_ALLIANCE_LIT.status} ({_ALLIANCE_LIT.cite()}).",
        ]
        lines.append(_effects_sentence(eff))
        lines.append(_ranking_sentence(self._a.caseloads, icc_y.value, n))
        return "\n".join(lines)


def _effects_sentence(eff: pd.DataFrame) -> str:
    # Rows in the order between_within_effects returns them: between, then within.
    values = eff[["estimate", "ci_low", "ci_high"]].to_numpy(dtype=float)
    b, b_lo, b_hi = (float(v) for v in values[0])
    w, w_lo, w_hi = (float(v) for v in values[1])

    def clear(low: float, high: float) -> str:
        if low > 0:
            return "clearly above 0"
        return "clearly below 0" if high < 0 else "not clearly different from 0"

    design = _BALDWIN.value
    return (
        f"A therapist whose clients rate the alliance 1 point higher on average has clients "
        f"who improve {b:.1f} points more (95% CI {b_lo:.1f} to {b_hi:.1f}, {clear(b_lo, b_hi)}); "
        f"a client 1 point above their own therapist's average improves {w:.1f} points more "
        f"({w_lo:.1f} to {w_hi:.1f}, {clear(w_lo, w_hi)}). {_BALDWIN.cite()}, with "
        f"{design['therapists']:g} therapists and {design['patients']:g} patients, found that "
        f"the therapist part predicted outcome and the patient part did not; "
        f"{_COUNTER.cite()} found the opposite."
    )


def _ranking_sentence(caseloads: pd.DataFrame, icc: float, n: int) -> str:
    top, bottom = caseloads.iloc[0], caseloads.iloc[-1]
    reliability = mean_reliability(max(icc, 0.0), n)
    only = "only " if reliability < 0.5 else ""
    return (
        f"Most improved caseload: {top['therapist_id']}, mean {top['mean_improvement']:.1f} "
        f"points; least: {bottom['therapist_id']}, {bottom['mean_improvement']:.1f}. With "
        f"{n} clients each and this sample's ICC of {icc:.2f}, {only}"
        f"{_pct(reliability)} of the spread "
        "between caseload means reflects real therapist differences (Spearman–Brown "
        "reliability); the rest is which clients each therapist happened to see."
    )
