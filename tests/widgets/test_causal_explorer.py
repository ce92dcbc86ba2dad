"""CausalExplorer driven from Python: state -> cached worlds -> chart data, text, chart."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

import alliance_widgets as aw
from alliance_widgets import literature as lit
from alliance_widgets.charts.causal import world_label
from alliance_widgets.charts.common import records
from alliance_widgets.science import CAUSAL_MODELS
from alliance_widgets.widgets import causal_fits
from alliance_widgets.widgets.base_state import StateError
from alliance_widgets.widgets.causal import CausalExplorer
from alliance_widgets.widgets.controls import ChoiceControl, RangeControl

EXPLORER = CausalExplorer  # built once per module by tests/widgets/conftest.py
CHOSEN = " (the true world)"
VIEW_CHANGES: list[dict[str, Any]] = [
    {"analysis": "lagged"},
    {"sample": "completers"},
    {"rater": "therapist"},
    {"rater": "observer"},
    {"world": "reciprocal"},
    {"world": "common_cause", "analysis": "lagged", "sample": "completers"},
]


def _panels(explorer: CausalExplorer) -> dict[str, Any]:
    return {str(p): rows for p, rows in explorer.data.groupby("panel", sort=False)}


def test_exported_from_the_top_level() -> None:
    assert aw.CausalExplorer is CausalExplorer
    assert aw.widgets.CausalExplorer is CausalExplorer


def test_defaults_show_the_correlation_in_every_world(explorer: CausalExplorer) -> None:
    assert explorer.error == ""
    assert explorer.to_dict() == {
        "analysis": "cross_sectional",
        "dropout_alliance": 0.0,
        "n_clients": 2000,
        "rater": "client",
        "sample": "everyone",
        "seed": explorer.seed,
        "world": "alliance_drives_change",
    }
    data = explorer.data
    assert data["world"].tolist() == [world_label(w) for w in CAUSAL_MODELS]
    assert data["panel"].nunique() == 1 and data["truth"].isna().all()
    assert data.loc[data["chosen"], "world"].tolist() == ["Alliance drives change"]


def test_the_correlation_cannot_tell_the_worlds_apart(explorer: CausalExplorer) -> None:
    r = explorer.data["estimate"]
    assert r.between(0.15, 0.45).all(), r.tolist()
    assert r.max() - r.min() < 0.1, r.tolist()
    assert "their intervals overlap, so this number cannot tell the worlds apart" in (
        explorer.summary
    )


def test_the_lagged_analysis_separates_the_worlds(explorer: CausalExplorer) -> None:
    explorer.analysis = "lagged"
    a2c, c2a = _panels(explorer).values()
    clear_a2c = set(a2c.loc[a2c["low"] > 0, "world"])
    clear_c2a = set(c2a.loc[c2a["low"] > 0, "world"])
    assert "Alliance drives change" in clear_a2c and "Alliance drives change" not in clear_c2a
    assert "Change drives alliance" in clear_c2a and "Change drives alliance" not in clear_a2c
    assert "Common cause" not in clear_a2c | clear_c2a
    # Each world's true lagged effects are drawn beside its estimates.
    assert a2c["truth"].notna().all() and c2a["truth"].notna().all()
    line = next(s for s in explorer.summary.splitlines() if s.startswith("Worlds with"))
    assert line.count("Common cause") == 0


@pytest.mark.parametrize("change", VIEW_CHANGES)
def test_a_view_change_does_not_simulate_again(
    explorer: CausalExplorer, change: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[dict[str, Any]] = []
    real = causal_fits.analyse_worlds

    def counted(**kwargs: Any) -> Any:
        calls.append(kwargs)
        return real(**kwargs)

    monkeypatch.setattr(causal_fits, "analyse_worlds", counted)
    view = explorer.chart
    explorer.apply_dict(change)
    assert calls == [] and explorer.error == ""
    # Only the data in the cached spec changed: the chart itself was not rebuilt.
    assert explorer.chart is view
    assert explorer.spec["datasets"]["estimates"] == records(explorer.data)


def test_a_new_simulation_says_it_is_working(
    explorer: CausalExplorer, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    explorer._readout.observe(lambda c: shown.append(c["new"]), names="value")
    calls: list[dict[str, Any]] = []
    real = causal_fits.analyse_worlds

    def counted(**kwargs: Any) -> Any:
        calls.append(kwargs)
        return real(**kwargs)

    monkeypatch.setattr(causal_fits, "analyse_worlds", counted)
    explorer.n_clients = 400
    assert calls == [{"seed": explorer.seed, "n_clients": 400, "dropout_alliance": 0.0}]
    assert shown[0].startswith("Working: simulating 4 worlds of 400 clients each")
    assert shown[-1] == explorer.summary and "400 clients each" in shown[-1]
    # Back to a setting seen before: from the cache, with no busy message.
    shown.clear()
    explorer.n_clients = 2000
    assert len(calls) == 1 and not any(s.startswith("Working") for s in shown)


@pytest.mark.parametrize("state", [{}, *VIEW_CHANGES])
def test_text_summary_states_the_chart_data(
    explorer: CausalExplorer, state: dict[str, Any]
) -> None:
    explorer.apply_dict(state)
    data, summary, description = explorer.data, explorer.summary, explorer.spec["description"]
    labels = [str(label).removesuffix(CHOSEN) for label in data["label"]]
    assert all(label in description for label in labels)
    chosen = data[data["chosen"]]
    assert len(chosen) == data["panel"].nunique()
    assert all(str(label).endswith(CHOSEN) for label in chosen["label"])
    # The readout gives the chosen world's numbers exactly as the chart writes them.
    for label in chosen["label"]:
        assert str(label).removesuffix(CHOSEN) in summary
    assert f"The true world you picked: {world_label(explorer.world)}." in summary
    # No more digits than a reader needs: every number has at most two decimals.
    assert not re.search(r"\d\.\d{3}", summary + description)


def test_completers_only(explorer: CausalExplorer) -> None:
    explorer.apply_dict({"sample": "completers", "dropout_alliance": 1.0})
    completers = explorer._worlds.completers[explorer.world]
    assert 0 < completers < explorer.n_clients
    assert f"the {completers:,} clients who attended every session" in explorer.summary
    last = explorer.summary.splitlines()[-1]
    assert last.startswith(f"Completers only ({completers:,} clients) vs everyone (2,000)")
    assert "completers are a selected group" in last
    assert lit.ALLIANCE_DROPOUT_2010.cite() in last
    explorer.sample = "everyone"
    assert "Completers only" not in explorer.summary


def test_whose_rating_changes_the_numbers(explorer: CausalExplorer) -> None:
    explorer.analysis = "lagged"
    client = explorer.data["estimate"].tolist()
    explorer.rater = "observer"
    assert explorer.data["estimate"].tolist() != client
    assert "alliance rated by the observer" in explorer.summary
    last = explorer.summary.splitlines()[-1]
    assert last.startswith("Whose rating: here the observer's") and "0.53" in last
    assert lit.RATER_AGREEMENT.cite() in last
    explorer.rater = "client"
    assert "Whose rating" not in explorer.summary


@pytest.mark.parametrize(
    ("name", "bad", "message"),
    [
        ("world", "alliance_causes_change", "world must be one of 'alliance_drives_change', "),
        ("analysis", "longitudinal", "analysis must be one of 'cross_sectional', 'lagged'"),
        ("sample", "dropouts", "sample must be one of 'everyone', 'completers'"),
        ("rater", "supervisor", "rater must be one of 'client', 'therapist', 'observer'"),
        ("dropout_alliance", 2.5, r"dropout_alliance must be a number in [0, 2]; got 2.5"),
        ("n_clients", 100, "n_clients must be a whole number from 200 to 4000; got 100"),
        ("n_clients", 250, "n_clients must be a whole number from 200 to 4000 in steps of 100"),
        ("seed", -1, "seed must be a whole number from 0"),
    ],
)
def test_bad_values_name_parameter_value_and_what_is_allowed(
    explorer: CausalExplorer, name: str, bad: Any, message: str
) -> None:
    before = explorer.to_dict()
    with pytest.raises(StateError, match=re.escape(message)):
        setattr(explorer, name, bad)
    with pytest.raises(ValueError, match=re.escape(name)):
        explorer.apply_dict({"analysis": "lagged", name: bad})
    assert explorer.to_dict() == before


def test_unknown_keys_are_refused() -> None:
    with pytest.raises(TypeError, match="unknown keyword"):
        CausalExplorer.from_dict({"causal_model": "reciprocal"})


def test_round_trip() -> None:
    state = {
        "analysis": "lagged",
        "dropout_alliance": 0.5,
        "n_clients": 400,
        "rater": "therapist",
        "sample": "completers",
        "seed": 11,
        "world": "reciprocal",
    }
    first = CausalExplorer.from_dict(state)
    again = CausalExplorer.from_dict(json.loads(json.dumps(first.to_dict())))
    assert first.to_dict() == again.to_dict() == state
    assert again.summary == first.summary and again.spec == first.spec
    assert again.data.equals(first.data)


def test_controls_are_accessible_labelled_and_linked(explorer: CausalExplorer) -> None:
    controls = explorer._controls_box.children
    choices = [c for c in controls if isinstance(c, ChoiceControl)]
    ranges = [c for c in controls if isinstance(c, RangeControl)]
    assert [c.description for c in choices] == [
        "True world",
        "Analysis",
        "Sample",
        "Whose alliance rating",
    ]
    assert [c.description for c in ranges] == [
        "Dropout after a weak alliance (0 = at random)",
        "Clients per world",
    ]
    assert all(c.tooltip and c.description_allow_html is False for c in choices + ranges)
    assert choices[0].labels == [world_label(w) for w in CAUSAL_MODELS]
    # A keyboard move in the browser sets the index: the state follows.
    choices[1].index = 1
    assert explorer.analysis == "lagged"
    choices[0].index = 3
    assert explorer.world == CAUSAL_MODELS[3]
    # Slow controls send their value only when the learner lets go.
    assert not any(c.continuous_update for c in ranges)


def test_mimebundle_text_is_deterministic(explorer: CausalExplorer) -> None:
    text = explorer._repr_mimebundle_()["text/plain"]
    assert text.startswith(CausalExplorer.title) and "0x" not in text
    assert "http" not in json.dumps(explorer.spec)


@pytest.mark.parametrize(
    "state",
    [
        {"n_clients": 200, "dropout_alliance": 2.0, "sample": "completers", "rater": "observer"},
        {"n_clients": 200, "dropout_alliance": 2.0, "sample": "completers", "analysis": "lagged"},
        {"n_clients": 4000, "analysis": "lagged"},
        {"seed": 0, "n_clients": 200},
        {"seed": 2**31 - 1, "n_clients": 200, "world": "reciprocal"},
    ],
)
def test_every_control_extreme_works(explorer: CausalExplorer, state: dict[str, Any]) -> None:
    explorer.apply_dict(state)
    assert explorer.error == ""
    numbers = explorer.data[["estimate", "low", "high"]].to_numpy()
    assert (numbers[:, 1] <= numbers[:, 0]).all() and (numbers[:, 0] <= numbers[:, 2]).all()
    assert "NaN" not in json.dumps(explorer.spec) and "nan" not in explorer.summary


def test_a_failed_simulation_leaves_no_busy_message(
    explorer: CausalExplorer, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = explorer.summary

    def broken(**kwargs: Any) -> Any:
        raise ValueError("the generator refused")

    monkeypatch.setattr(causal_fits, "analyse_worlds", broken)
    with pytest.raises(ValueError, match="the generator refused"):
        explorer.seed = 12345
    assert explorer._readout.value == before == explorer.summary
    assert "the generator refused" in explorer.error
