"""RuptureRepairExplorer driven from Python: state -> data, readout, chart."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from alliance_widgets import literature as lit
from alliance_widgets.science.generator import simulate
from alliance_widgets.science.ruptures import detect_ruptures
from alliance_widgets.widgets.base_state import StateError
from alliance_widgets.widgets.ruptures import RuptureRepairExplorer

EXPLORER = RuptureRepairExplorer  # built once per module by tests/widgets/conftest.py

DEFAULT_STATE = {
    "client": 7,
    "repair_rate": lit.GEN_REPAIR_RATE.value,
    "rupture_rate": lit.GEN_RUPTURE_RATE.value,
    "seed": 2026,
    "threshold": lit.RUPTURE_DETECTION.value["threshold"],
}


@pytest.fixture(scope="module")
def study():
    return simulate(seed=2026, items=False)


def _client_sessions(study, client: int) -> pd.DataFrame:
    client_id = study.clients["client_id"].astype(str).iloc[client - 1]
    return study.sessions[study.sessions["client_id"].astype(str) == client_id]


def test_defaults_come_from_the_literature(explorer):
    assert explorer.to_dict() == DEFAULT_STATE
    assert explorer.error == ""


def test_chart_data_is_the_detector_run_on_the_shown_client(explorer, study):
    for client, threshold in [(7, 0.5), (31, 0.3), (150, 0.8)]:
        explorer.apply_dict({"client": client, "threshold": threshold})
        rows = _client_sessions(study, client)
        expected = detect_ruptures(
            pd.Series(rows["alliance"].to_numpy(), index=rows["session"].to_numpy(dtype=int)),
            threshold=threshold,
        )
        data = explorer.data
        assert data["session"].tolist() == expected["session"].tolist()
        assert np.allclose(data["alliance"], expected["alliance"])
        assert data["detected"].tolist() == expected["rupture"].tolist()
        assert np.allclose(data["detection_line"], data["running_level"] - threshold)
        made = set(rows.loc[rows["rupture"].astype(bool), "session"].astype(int))
        assert set(data.loc[data["simulated_rupture"], "session"]) == made
        client_id = rows["client_id"].astype(str).iloc[0]
        first = explorer.summary.splitlines()[0]
        assert first.startswith(f"Client {client_id} (therapist ")
        assert f"{len(rows)} sessions, threshold {threshold:g} points" in first
        n = int(expected["rupture"].sum())
        assert ("no rupture detected" in first) == (n == 0)
        assert len(explorer.frames["episodes"]) == n
        assert len(explorer.chart.spec["datasets"]["sessions"]) == len(rows)


def test_readout_reports_the_falls_drawn_in_the_chart(explorer):
    data = explorer.data.set_index("session")
    first = explorer.summary.splitlines()[0]
    for session in data.index[data["detected"]]:
        fall = data.loc[session, "running_level"] - data.loc[session, "alliance"]
        assert f"session {session} (a fall of {fall:.2f};" in first


def test_groups_and_r_match_an_independent_computation(explorer, study):
    sessions = study.sessions
    ruptured = sessions[sessions["rupture"].astype(bool)]
    share = ruptured.groupby(ruptured["client_id"].astype(str))["repaired"].apply(
        lambda s: float(s.astype(float).mean())
    )
    clients = study.clients.assign(client_id=study.clients["client_id"].astype(str))
    clients["share"] = clients["client_id"].map(share)
    groups = explorer.frames["groups"].set_index("group")
    none = clients[clients["share"].isna()]
    full = clients[clients["share"] == 1.0]
    some = clients[clients["share"] < 1.0]
    for name, part in [("no rupture", none), ("all repaired", full), ("some not repaired", some)]:
        assert groups.loc[name, "n"] == len(part)
        assert groups.loc[name, "mean"] == pytest.approx(part["improvement"].mean())
        assert f"{name} {part['improvement'].mean():.1f} [" in explorer.summary
    with_share = clients.dropna(subset=["share"])
    r = np.corrcoef(with_share["share"], with_share["improvement"])[0, 1]
    r_line = explorer.summary.splitlines()[3]
    assert f"r = {r:.2f} [" in r_line
    published = lit.REPAIR_OUTCOME_R_2018
    assert f"r = {published.value:g} ({published.cite()}" in r_line


def test_threshold_changes_only_the_detection(explorer):
    groups = explorer.frames["groups"]
    counts = []
    for threshold in (0.1, 0.5, 1.0, 1.5):
        explorer.threshold = threshold
        counts.append(int(explorer.data["detected"].sum()))
        assert explorer.frames["groups"].equals(groups)
    assert counts[0] >= counts[-1]
    assert "no rupture detected" in explorer.summary  # a fall of 1.5 points is rare


def test_rates_simulate_a_new_study(explorer):
    explorer.rupture_rate = 0.5
    ruptured = explorer.frames["groups"].set_index("group")
    assert "rupture rate 0.50, repair rate 0.70" in explorer.summary
    explorer.rupture_rate = 0.05
    few = explorer.frames["groups"].set_index("group")
    assert few.loc["no rupture", "n"] > ruptured.loc["no rupture", "n"]
    explorer.repair_rate = 1.0
    groups = explorer.frames["groups"]["group"].tolist()
    assert "some not repaired" not in groups
    assert "not computable here" in explorer.summary.splitlines()[3]


def test_next_client_with_rupture_moves_forward_and_wraps(explorer):
    explorer.apply_dict({"client": 200, "threshold": 0.5})
    explorer.next_client_with_rupture()
    assert 1 <= explorer.client < 200
    assert explorer.data["detected"].any()
    start = explorer.client
    explorer.next_client_with_rupture()
    assert explorer.client != start and explorer.data["detected"].any()


def test_no_client_with_a_rupture_leaves_the_client(explorer):
    explorer.apply_dict({"rupture_rate": 0.0, "threshold": 1.5, "client": 3})
    # With no simulated ruptures and a 1.5-point threshold the detector finds none anywhere.
    assert not any(explorer._detect(c)[0]["rupture"].any() for c in range(1, 201))
    explorer.next_client_with_rupture()
    assert explorer.client == 3


@pytest.mark.parametrize(
    "state",
    [
        {"rupture_rate": 0.0},
        {"rupture_rate": 0.6},
        {"repair_rate": 0.0},
        {"repair_rate": 1.0},
        {"threshold": 0.1},
        {"threshold": 1.5},
        {"client": 1},
        {"client": 200},
        {"seed": 0},
        {"seed": 9999},
    ],
)
def test_every_control_extreme_works(explorer, state):
    explorer.apply_dict(state)
    assert explorer.error == ""
    assert len(explorer.summary.splitlines()) == 5
    assert explorer.summary.splitlines()[-1].startswith("A repair statement to practise: ")
    numbers = explorer.data[["session", "alliance"]].to_numpy()
    assert len(numbers) >= 3 and np.isfinite(numbers).all()
    assert "NaN" not in json.dumps(explorer.spec)
    assert explorer.spec["description"].startswith("Client C")


def test_controls_are_labelled_and_linked(explorer):
    controls = explorer._controls_box.children
    valued = [c for c in controls if hasattr(c, "value")]
    assert len(valued) == 5
    assert all(c.description and c.description_allow_html is False for c in valued)
    client_slider = next(c for c in valued if c.description == "Client")
    client_slider.value = 12
    assert explorer.client == 12 and explorer.summary.startswith("Client C0012")
    button = next(c for c in controls if getattr(c, "description", "").startswith("Next"))
    button.click()
    assert explorer.client > 12 and explorer.data["detected"].any()


def test_invalid_values_are_rejected_and_change_nothing(explorer):
    before = explorer.to_dict()
    with pytest.raises(StateError, match=r"rupture_rate must be a number in \[0, 0.6\]"):
        explorer.rupture_rate = 0.7
    with pytest.raises(ValueError, match=r"threshold must be a number in \[0.1, 1.5\]"):
        explorer.threshold = 0.0
    with pytest.raises(ValueError, match="client must be a whole number from 1 to 200"):
        explorer.client = 201
    with pytest.raises(StateError, match="seed"):
        explorer.seed = 10_000
    with pytest.raises(ValueError, match="repair_rate"):
        explorer.apply_dict({"client": 3, "repair_rate": -0.1})
    with pytest.raises(TypeError, match="state must be a dict"):
        RuptureRepairExplorer.from_dict([("client", 3)])  # type: ignore[arg-type]
    assert explorer.to_dict() == before


def test_round_trip():
    w = RuptureRepairExplorer(client=42, threshold=0.35, seed=11)
    state = json.loads(json.dumps(w.to_dict()))
    again = RuptureRepairExplorer.from_dict(state)
    assert again.to_dict() == state
    assert again.summary == w.summary
    assert again.data.equals(w.data)
    assert again.spec == w.spec


def test_chart_is_offline_with_a_view_only_hover(explorer):
    spec = explorer.chart.spec
    assert "http" not in json.dumps(spec)
    assert sorted(spec["datasets"]) == ["episodes", "groups", "sessions"]
    (hover,) = [p for p in spec["params"] if p["name"] == "hover_session"]
    assert hover["select"]["on"] == "pointerover"
    assert spec["title"] and spec["description"]


def test_mimebundle_text_is_deterministic(explorer):
    text = explorer._repr_mimebundle_()["text/plain"]
    assert text.startswith(RuptureRepairExplorer.title) and "0x" not in text
    assert RuptureRepairExplorer()._repr_mimebundle_()["text/plain"] == text
