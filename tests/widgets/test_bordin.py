"""BordinExplorer driven from Python: components, questionnaire, scenarios, readout."""

from __future__ import annotations

import json

import numpy as np
import pytest
from scipy import stats

from alliance_widgets import literature as lit
from alliance_widgets.charts.render import WIDGET_VIEW_MIMETYPE
from alliance_widgets.science import score_wai_sr
from alliance_widgets.science.simulate_implied import implied_outcome
from alliance_widgets.widgets.base_state import StateError
from alliance_widgets.widgets.bordin import BordinExplorer, clinic_reference
from alliance_widgets.widgets.bordin_presets import COMPONENT_PROMPTS, SCENARIOS

EXPLORER = BordinExplorer  # built once per module by tests/widgets/conftest.py


def _profile_scores(w: BordinExplorer) -> dict[str, float]:
    frame = w.frames["profile"]
    return dict(zip(frame["component"], frame["score"], strict=True))


def test_components_drive_chart_and_readout(explorer):
    explorer.apply_dict({"bond": 4.6, "goals": 3.1, "tasks": 2.2})
    scores = _profile_scores(explorer)
    assert scores["bond"] == 4.6 and scores["tasks"] == 2.2
    assert scores["composite"] == pytest.approx((4.6 + 3.1 + 2.2) / 3)
    assert explorer.summary.startswith("Bond 4.60, goals 3.10, tasks 2.20")
    assert "composite 3.30" in explorer.summary
    assert "The weakest component is tasks." in explorer.summary
    assert f"Try: {COMPONENT_PROMPTS['tasks'][0]}" in explorer.summary
    labels = explorer.chart.spec["datasets"]["profile"]
    assert [row["label"] for row in labels] == ["4.60", "3.10", "2.20", "3.30"]


def test_percentile_and_implied_outcome_follow_the_composite(explorer):
    reference, _ = clinic_reference()
    explorer.apply_dict({"bond": 4.5, "goals": 4.5, "tasks": 4.5})
    expected = stats.percentileofscore(reference["composite"], 4.5, kind="mean")
    assert f"of {expected:.0f} % of" in explorer.summary
    out = implied_outcome(4.5)
    assert f"improvement of {out.expected_improvement:.1f} OQ-45 points" in explorer.summary
    row = explorer.frames["outcome"].iloc[0]
    assert row["expected"] == pytest.approx(out.expected_improvement)
    assert (row["low"], row["high"]) == pytest.approx(out.interval)
    before = out.expected_improvement
    explorer.apply_dict({"bond": 2.0, "goals": 2.0, "tasks": 2.0})
    assert explorer.frames["outcome"].iloc[0]["expected"] < before
    rc = lit.OQ45_RELIABLE_CHANGE.value
    assert f"Chance of reliable improvement ({rc:g} points or more" in explorer.summary


def test_clinic_band_holds_quartiles_of_the_reference(explorer):
    reference, name = clinic_reference()
    band = explorer.frames["clinic"].set_index("component")
    assert band.loc["bond", "median"] == pytest.approx(reference["bond"].median())
    assert (band["q25"] <= band["median"]).all() and (band["median"] <= band["q75"]).all()
    assert name in explorer.summary


@pytest.mark.parametrize("key", list(SCENARIOS))
def test_each_scenario_sets_its_profile_and_prompts(explorer, key):
    scenario = SCENARIOS[key]
    explorer.scenario = key
    assert explorer.profile == scenario.profile
    for prompt in scenario.prompts:
        assert f"Try: {prompt}" in explorer.summary
    assert scenario.label in explorer.summary
    assert explorer.error == ""


def test_moving_a_component_leaves_the_scenario(explorer):
    explorer.scenario = "withdrawal"
    explorer.bond = 4.0
    assert explorer.scenario == ""
    assert "Scenario:" not in explorer.summary


def test_questionnaire_is_scored_with_the_wai_sr_keys(explorer):
    explorer.mode = "questionnaire"
    assert explorer._items_box.layout.display is None
    assert all(s.disabled for s in explorer._component_sliders)
    rng = np.random.default_rng(4)
    answers = [int(v) for v in rng.integers(1, 6, size=12)]
    for slider, value in zip(explorer._item_sliders, answers, strict=True):
        slider.value = value
    assert explorer.items == answers
    scored = score_wai_sr(np.asarray([answers])).iloc[0]
    for c in ("bond", "goals", "tasks"):
        assert getattr(explorer, c) == pytest.approx(scored[c])
    assert "Scored from your 12 answers with the WAI-SR keys" in explorer.summary
    explorer.mode = "profile"
    assert explorer._items_box.layout.display == "none"


def test_item_sliders_show_structure_only():
    w = BordinExplorer()
    labels = [s.description for s in w._item_sliders]
    keys = lit.WAI_SR_KEYS.value
    assert labels[0] == f"Item 1 ({next(k for k, v in keys.items() if 1 in v)})"
    assert all(label.startswith(f"Item {i} (") for i, label in enumerate(labels, 1))
    assert all(s.description_allow_html is False for s in w._item_sliders)


@pytest.mark.parametrize(
    "state",
    [
        {"bond": 1.0, "goals": 1.0, "tasks": 1.0},
        {"bond": 5.0, "goals": 5.0, "tasks": 5.0},
        {"bond": 1.0, "goals": 5.0, "tasks": 1.0},
        {"mode": "questionnaire", "items": [1] * 12},
        {"mode": "questionnaire", "items": [5] * 12},
    ],
)
def test_control_extremes(explorer, state):
    explorer.apply_dict(state)
    assert explorer.error == ""
    assert explorer.summary.strip()
    for name, frame in explorer.frames.items():
        numeric = frame.select_dtypes("number").to_numpy()
        assert np.isfinite(numeric).all(), name
    assert "NaN" not in json.dumps(explorer.spec)


def test_invalid_values_are_rejected(explorer):
    with pytest.raises(StateError, match=r"bond must be a number in \[1, 5\]; got 6.0"):
        explorer.bond = 6
    with pytest.raises(StateError, match="items must be a list of 12 whole numbers from 1 to 5"):
        explorer.items = [3] * 11
    with pytest.raises(StateError, match="items must be"):
        explorer.items = [3] * 11 + [7]
    with pytest.raises(StateError, match="did you mean 'homework'"):
        explorer.scenario = "homewrk"
    with pytest.raises(StateError, match="mode must be one of 'profile', 'questionnaire'"):
        explorer.mode = "survey"


def test_round_trip_keeps_scenario_and_questionnaire():
    w = BordinExplorer(scenario="hard_trust")
    state = json.loads(json.dumps(w.to_dict()))
    again = BordinExplorer.from_dict(state)
    assert again.to_dict() == state and again.summary == w.summary
    q = BordinExplorer(mode="questionnaire", items=[2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2, 3])
    assert q.bond == pytest.approx(score_wai_sr(np.asarray([q.items])).iloc[0]["bond"])
    again = BordinExplorer.from_dict(json.loads(json.dumps(q.to_dict())))
    assert again.to_dict() == q.to_dict()


def test_mimebundle_and_offline_chart(explorer):
    bundle = explorer._repr_mimebundle_()
    assert WIDGET_VIEW_MIMETYPE in bundle
    assert bundle["image/svg+xml"].lstrip().startswith("<svg")
    assert bundle["text/plain"].startswith(BordinExplorer.title)
    assert explorer.summary in bundle["text/plain"]
    spec = explorer.chart.spec
    assert "http" not in json.dumps(spec)
    assert [p["name"] for p in spec["params"]] == ["show_clinic"]
