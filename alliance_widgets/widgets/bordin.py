"""BordinExplorer: bond, goals and tasks, where a profile stands, and what it predicts.

The learner sets Bordin's three components on the WAI-SR 1–5 metric (or answers twelve
structure-only item sliders that the WAI-SR keys score into them), sees the profile
against the clients of a clinic, the composite's percentile among them, the improvement
and the chance of reliable change that the kit's calibrated model implies, and works
through clinical scenarios, each with practice prompts.

Examples
--------
>>> from alliance_widgets.widgets.bordin import BordinExplorer
>>> explorer = BordinExplorer(scenario="homework")
>>> explorer.tasks < explorer.goals < explorer.bond
True
>>> print(explorer.summary.splitlines()[0])
Bond 4.50, goals 3.80, tasks 2.40 (WAI-SR, 1–5); composite 3.57, the mean of the three.
>>> explorer.apply_dict({"mode": "questionnaire", "items": [5] * 12})
>>> explorer.bond, explorer.scenario
(5.0, '')
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import ipywidgets as widgets
import numpy as np
import pandas as pd
import traitlets

from alliance_widgets import literature as lit
from alliance_widgets.charts.bordin import CLINIC, OUTCOME, PROFILE, profile_chart
from alliance_widgets.charts.numbers import fixed, percent
from alliance_widgets.science.alliance import early_alliance_parts, percentile_in
from alliance_widgets.science.validation import check_choice, check_real
from alliance_widgets.widgets.base import Explorer
from alliance_widgets.widgets.base_state import StateError, check_state, linked
from alliance_widgets.widgets.bordin_presets import (
    COMPONENT_PROMPTS,
    COMPONENTS,
    SCENARIOS,
)

__all__ = ["BordinExplorer", "clinic_reference"]

_LOW, _HIGH = (float(v) for v in lit.WAI_SR_SCALE.value)
_TYPICAL = round(sum(lit.WAI_SR_ITEM_MEAN.value) / 2, 1)
_RC = float(lit.OQ45_RELIABLE_CHANGE.value)
MODES = ("profile", "questionnaire")
_ITEM_SUBSCALE = {i: name for name, keys in lit.WAI_SR_KEYS.value.items() for i in keys}
_N_ITEMS = int(lit.WAI_SR_ITEMS.value)


@lru_cache(maxsize=1)
def clinic_reference() -> tuple[pd.DataFrame, str]:
    """Early bond, goals, tasks and composite of each client of the clinic, and its name.

    Uses the kit's ``clinic`` dataset when it is installed; otherwise a clinic simulated
    with the generator's defaults and seed, which is how the dataset is made.

    Examples
    --------
    >>> table, name = clinic_reference()
    >>> list(table.columns)
    ['bond', 'goals', 'tasks', 'composite']
    """
    tables = _clinic_dataset()
    if tables is not None:
        clients, sessions = tables
        name = f"the {len(clients):,} clients of the clinic dataset"
    else:
        # Only here: the generator brings scipy.special (0.3 s of a kernel's first chart).
        from alliance_widgets.science.generator import simulate
        from alliance_widgets.science.simulate_params import DEFAULT_PARAMS

        study = simulate(items=False)
        clients, sessions = study.clients, study.sessions
        name = (
            f"{len(clients):,} clients of a clinic simulated with the kit's defaults "
            f"(seed {DEFAULT_PARAMS['seed']})"
        )
    return early_alliance_parts(clients, sessions), name


def _clinic_dataset() -> tuple[pd.DataFrame, pd.DataFrame] | None:
    """The clinic dataset's clients and sessions tables, or None when not installed."""
    import importlib

    try:
        # Looked up at run time: the datasets layer is optional for this explorer.
        data = importlib.import_module("alliance_widgets.datasets").load_dataset("clinic")
    except (ImportError, LookupError, FileNotFoundError, ValueError):
        return None
    clients = getattr(data, "clients", None)
    sessions = getattr(data, "sessions", None)
    if isinstance(data, Mapping):
        clients, sessions = data.get("clients"), data.get("sessions")
    if isinstance(clients, pd.DataFrame) and isinstance(sessions, pd.DataFrame):
        return clients, sessions
    return None


def _fmt(x: float) -> str:
    return fixed(x, 2)


def _pct(p: float) -> str:
    return percent(p)


class BordinExplorer(Explorer):
    """Bordin's bond, goals and tasks: a profile, its place in a clinic, what it predicts.

    Parameters
    ----------
    bond, goals, tasks : float
        The three components on the WAI-SR 1–5 metric (mean item rating).
    mode : {"profile", "questionnaire"}
        Set the components directly, or answer twelve item sliders scored with the
        WAI-SR keys (``science.score_wai_sr``).
    items : list of 12 int
        The item answers (1–5) used in questionnaire mode. The kit shows item numbers
        and subscales only: the WAI-SR wording is copyrighted.
    scenario : str
        A clinical scenario from ``bordin_presets.SCENARIOS`` (``""``: your own profile).
        Choosing one sets its profile; changing a component afterwards leaves it.
    """

    title = "Bordin's working alliance: bond, goals and tasks"
    axes_note = (
        "Top: each component's score on the WAI-SR scale (1 seldom … 5 always), with the "
        "middle half of a clinic's clients in grey. Bottom: OQ-45 points of improvement the "
        "model expects for this composite, with the range where 95 % of such clients land."
    )

    bond = traitlets.Float(_TYPICAL, help="Bond: trust, respect and care (1–5).").tag(state=True)
    goals = traitlets.Float(_TYPICAL, help="Agreement on the goals of therapy (1–5).").tag(
        state=True
    )
    tasks = traitlets.Float(_TYPICAL, help="Agreement on the tasks of therapy (1–5).").tag(
        state=True
    )
    mode = traitlets.Unicode(
        "profile", help="'profile': set the components; 'questionnaire': answer 12 items."
    ).tag(state=True)
    items = traitlets.List(
        [round(_TYPICAL)] * _N_ITEMS, help="Answers (1–5) to the 12 WAI-SR items, in order."
    ).tag(state=True)
    scenario = traitlets.Unicode("", help="A clinical scenario ('' for your own profile).").tag(
        state=True
    )

    @traitlets.validate("bond", "goals", "tasks")
    def _check_component(self, proposal: dict[str, Any]) -> float:
        return float(check_state(proposal, check_real, low=_LOW, high=_HIGH))

    @traitlets.validate("mode")
    def _check_mode(self, proposal: dict[str, Any]) -> str:
        return str(check_state(proposal, check_choice, choices=MODES))

    @traitlets.validate("scenario")
    def _check_scenario(self, proposal: dict[str, Any]) -> str:
        return str(check_state(proposal, check_choice, choices=["", *SCENARIOS]))

    @traitlets.validate("items")
    def _check_items(self, proposal: dict[str, Any]) -> list[int]:
        value = proposal["value"]
        allowed = f"a list of {_N_ITEMS} whole numbers from {_LOW:g} to {_HIGH:g}"
        if not isinstance(value, (list, tuple)) or len(value) != _N_ITEMS:
            raise StateError(f"items must be {allowed}; got {value!r}.")
        out = []
        for v in value:
            is_whole = isinstance(v, (int, np.integer)) or (isinstance(v, float) and v.is_integer())
            if isinstance(v, bool) or not is_whole or not _LOW <= v <= _HIGH:
                raise StateError(f"items must be {allowed}; got {value!r}.")
            out.append(int(v))
        return out

    _applying = False

    # ------------------------------------------------------------------ state logic
    def state_changed(self, change: Mapping[str, Any]) -> None:
        """Score the questionnaire, apply a scenario, or leave it when a value moves."""
        if self._applying:
            return
        name = change["name"]
        self._applying = True
        try:
            if name == "scenario" and change["new"]:
                self.apply_profile(SCENARIOS[change["new"]].profile)
                self.mode = "profile"
            elif name in ("items", "mode") and self.mode == "questionnaire":
                self.apply_profile(self._scored_items())
                self.scenario = ""
            elif name in COMPONENTS:
                chosen = SCENARIOS.get(self.scenario)
                if chosen is not None and chosen.profile != self.profile:
                    self.scenario = ""
        finally:
            self._applying = False
        self._sync_controls()

    def apply_profile(self, profile: Mapping[str, float]) -> None:
        """Set bond, goals and tasks at once."""
        with self.batch():
            for component in COMPONENTS:
                setattr(self, component, float(profile[component]))

    @property
    def profile(self) -> dict[str, float]:
        """The three components as a dict."""
        return {c: float(getattr(self, c)) for c in COMPONENTS}

    def _scored_items(self) -> dict[str, float]:
        from alliance_widgets.science.alliance import score_wai_sr

        scores = score_wai_sr(np.asarray([self.items]))
        return {c: float(scores[c].iloc[0]) for c in COMPONENTS}

    # ------------------------------------------------------------------ controls
    def controls(self) -> list[widgets.Widget]:
        """Scenario menu, mode switch, three component sliders and twelve item sliders."""
        scenario = linked(
            self,
            "scenario",
            widgets.Dropdown(
                options=[("Your own profile", "")] + [(s.label, k) for k, s in SCENARIOS.items()],
                description="Scenario",
                layout=widgets.Layout(width="max-content"),
            ),
        )
        mode = linked(
            self,
            "mode",
            widgets.ToggleButtons(
                options=[("Set the components", "profile"), ("Answer 12 items", "questionnaire")],
                description="Input",
                # Each button as wide as its words: the default width cut them to "Set the…".
                style={"button_width": "auto"},
            ),
        )
        self._component_sliders = [
            linked(
                self,
                c,
                widgets.FloatSlider(
                    min=_LOW,
                    max=_HIGH,
                    step=0.05,
                    readout_format=".2f",
                    description=label,
                    # One label width for all three, so the tracks line up and stay long.
                    style={"description_width": "11em"},
                    layout=widgets.Layout(width="34em"),
                ),
            )
            for c, label in (
                ("bond", "Bond"),
                ("goals", "Agreement on goals"),
                ("tasks", "Agreement on tasks"),
            )
        ]
        self._item_sliders = [
            widgets.IntSlider(
                value=self.items[i - 1],
                min=int(_LOW),
                max=int(_HIGH),
                description=f"Item {i} ({_ITEM_SUBSCALE[i]})",
                description_allow_html=False,
                style={"description_width": "initial"},
                tooltip=f"WAI-SR item {i}, scored into {_ITEM_SUBSCALE[i]} (1 seldom … 5 always)",
            )
            for i in range(1, _N_ITEMS + 1)
        ]
        for index, slider in enumerate(self._item_sliders):
            slider.observe(self._item_moved(index), names="value")
        self._items_box = widgets.VBox(
            [
                widgets.HTML(
                    "<small>Structure only: the WAI-SR's item wording is copyrighted, so each "
                    "slider is named by its number and the subscale it scores.</small>"
                ),
                *self._item_sliders,
            ]
        )
        self._sync_controls()
        return [scenario, mode, *self._component_sliders, self._items_box]

    def _item_moved(self, index: int) -> Any:
        def moved(change: Mapping[str, Any]) -> None:
            if self._syncing or self.items[index] == change["new"]:
                return
            items = list(self.items)
            items[index] = int(change["new"])
            self.items = items

        return moved

    _syncing = False

    def _sync_controls(self) -> None:
        if not hasattr(self, "_item_sliders"):
            return
        self._syncing = True
        try:
            for slider, value in zip(self._item_sliders, self.items, strict=True):
                slider.value = value
        finally:
            self._syncing = False
        questionnaire = self.mode == "questionnaire"
        self._items_box.layout.display = None if questionnaire else "none"
        for slider in self._component_sliders:
            slider.disabled = questionnaire

    # ------------------------------------------------------------------ science
    def recompute(self) -> None:
        """Composite, its percentile in the clinic, and the implied outcome."""
        from alliance_widgets.science.simulate_implied import implied_outcome

        self._composite = float(np.mean([self.bond, self.goals, self.tasks]))
        reference, self._clinic_name = clinic_reference()
        self._reference = reference
        self._percentile = percentile_in(reference["composite"], self._composite)
        self._implied = self.memo(
            ("implied", round(self._composite, 4)), lambda: implied_outcome(self._composite)
        )

    def chart_data(self) -> dict[str, pd.DataFrame]:
        """The profile, the clinic's quartiles and the implied outcome."""
        scores = [self.bond, self.goals, self.tasks, self._composite]
        profile = pd.DataFrame(
            {
                "component": [*COMPONENTS, "composite"],
                "score": scores,
                "label": [_fmt(s) for s in scores],
            }
        )
        clinic = self.memo("clinic", self._clinic_quartiles)
        out = self._implied
        low, high = out.interval
        outcome = pd.DataFrame(
            {
                "expected": [out.expected_improvement],
                "low": [low],
                "high": [high],
                "label": [
                    f"expected {out.expected_improvement:.0f} points; "
                    f"{_pct(out.p_reliable_improvement)} improve reliably"
                ],
            }
        )
        return {PROFILE: profile, CLINIC: clinic, OUTCOME: outcome}

    def _clinic_quartiles(self) -> pd.DataFrame:
        q = self._reference.quantile([0.25, 0.5, 0.75])
        return pd.DataFrame(
            {
                "component": list(q.columns),
                "q25": q.loc[0.25].to_numpy(),
                "median": q.loc[0.5].to_numpy(),
                "q75": q.loc[0.75].to_numpy(),
            }
        )

    def build_chart(self, data: Mapping[str, pd.DataFrame]) -> Any:
        """The two-panel profile chart."""
        return profile_chart(
            data[PROFILE],
            data[CLINIC],
            data[OUTCOME],
            reliable_change=_RC,
            description=self.chart_description(),
            scale=(_LOW, _HIGH),
            outcome_domain=(-40.0, 60.0),
        )

    def chart_description(self) -> str:
        """One sentence with the numbers the chart shows."""
        out = self._implied
        low, high = out.interval
        return (
            f"Lollipop chart of bond {_fmt(self.bond)}, goals {_fmt(self.goals)}, tasks "
            f"{_fmt(self.tasks)} and composite {_fmt(self._composite)} on the 1–5 scale "
            "against the middle half of a clinic's clients, above the improvement the model "
            f"expects ({out.expected_improvement:.0f} OQ-45 points, 95 % of clients between "
            f"{low:.0f} and {high:.0f}) and the {_RC:g}-point reliable-change line."
        )

    def readout(self) -> str:
        """The profile, its percentile, the implied outcome and practice prompts."""
        lines = [
            f"Bond {_fmt(self.bond)}, goals {_fmt(self.goals)}, tasks {_fmt(self.tasks)} "
            f"(WAI-SR, 1–5); composite {_fmt(self._composite)}, the mean of the three."
        ]
        if self.mode == "questionnaire":
            keys = "; ".join(
                f"{c}: items {', '.join(str(i) for i in lit.WAI_SR_KEYS.value[c])}"
                for c in COMPONENTS
            )
            lines.append(f"Scored from your 12 answers with the WAI-SR keys ({keys}).")
        lines.append(
            f"That composite is higher than the early alliance (sessions 1–3) of "
            f"{fixed(self._percentile, 0)} % of {self._clinic_name}."
        )
        out = self._implied
        low, high = out.interval
        meta = lit.ALLIANCE_OUTCOME_R_2018
        lines.append(
            f"The kit's calibrated model (alliance–outcome r = {out.alliance_outcome_r:.3f}, "
            f"{meta.cite()}) expects an improvement of {out.expected_improvement:.1f} OQ-45 "
            f"points, but 95 % of clients with this composite land between {low:.0f} and "
            f"{high:.0f}: the alliance explains only about {_pct(out.alliance_outcome_r**2)} "
            "of the variance."
        )
        lines.append(
            f"Chance of reliable improvement ({_RC:g} points or more, "
            f"{lit.OQ45_RELIABLE_CHANGE.cite()}): {_pct(out.p_reliable_improvement)}; of "
            f"reliable deterioration: {_pct(out.p_reliable_deterioration)}."
        )
        lines += self._practice_lines()
        return "\n".join(lines)

    def _practice_lines(self) -> list[str]:
        chosen = SCENARIOS.get(self.scenario)
        if chosen is not None:
            return [
                f"Scenario: {chosen.label}. {chosen.situation}",
                *(f"Try: {p}" for p in chosen.prompts),
            ]
        profile = self.profile
        weakest = min(COMPONENTS, key=lambda c: profile[c])
        if max(profile.values()) - profile[weakest] < 0.25:
            return [
                "The three components are about even: keep checking in.",
                f"Try: {COMPONENT_PROMPTS['bond'][0]}",
            ]
        return [
            f"The weakest component is {weakest}.",
            *(f"Try: {p}" for p in COMPONENT_PROMPTS[weakest]),
        ]
