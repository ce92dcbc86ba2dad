"""AllianceOutcomeExplorer driven from Python: state -> data, readout, chart."""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest

from alliance_widgets import literature as lit
from alliance_widgets.charts.render import WIDGET_VIEW_MIMETYPE
from alliance_widgets.widgets.alliance_outcome import AllianceOutcomeExplorer
from alliance_widgets.widgets.base_state import StateError

EXPLORER = AllianceOutcomeExplorer  # built once per module by tests/widgets/conftest.py


def _sample_r(w: AllianceOutcomeExplorer) -> float:
    d = w.data
    return float(np.corrcoef(d["early_alliance"], d["improvement"])[0, 1])


def test_defaults_come_from_the_literature(explorer):
    assert explorer.alliance_outcome_r == lit.ALLIANCE_OUTCOME_R_2018.value
    assert explorer.error == ""
    assert len(explorer.data) == explorer.n_clients == 200


def test_readout_reports_the_charted_sample(explorer):
    explorer.apply_dict({"alliance_outcome_r": 0.5, "n_clients": 1000, "seed": 7})
    r = _sample_r(explorer)
    first = explorer.summary.splitlines()[0]
    assert f"r = {r:.2f}" in first
    assert "1,000 simulated clients (seed 7), true r = 0.50" in first
    assert f"about {100 * r * r:.0f} % of the variance" in explorer.summary
    assert f"r = {r:.2f}" in explorer.spec["description"]
    assert len(explorer.chart.spec["datasets"]["points"]) == 1000


def test_true_r_is_recovered_at_large_n(explorer):
    for target in (-0.5, 0.0, 0.3, 0.7):
        explorer.apply_dict({"alliance_outcome_r": target, "n_clients": 5000, "seed": 11})
        # SE of r at n = 5000 is below .015; allow about 3 SE.
        assert abs(_sample_r(explorer) - target) < 0.045


def test_misquote_is_corrected_from_literature_figures(explorer):
    misquoted = lit.ALLIANCE_OUTCOME_R_1991.value
    line = next(x for x in explorer.summary.splitlines() if "misquote" in x)
    assert f"r = {misquoted:.2f}" in line
    assert f"about {round(100 * misquoted**2)} %" in line  # 7 %
    assert f"not {round(100 * misquoted)} %" in line  # 26 %


def test_seed_changes_the_sample_and_returns_it_from_cache(explorer):
    explorer.apply_dict({"alliance_outcome_r": 0.3, "n_clients": 300, "seed": 1})
    first = explorer.data
    explorer.seed = 2
    assert not first.equals(explorer.data)
    explorer.seed = 1
    assert first.equals(explorer.data)


@pytest.mark.parametrize(
    "state",
    [
        {"alliance_outcome_r": -0.75},
        {"alliance_outcome_r": 0.75},
        {"n_clients": 20},
        {"n_clients": 5000},
        {"seed": 0},
        {"seed": 2**31 - 1},
    ],
)
def test_every_control_extreme_works(explorer, state):
    explorer.apply_dict(state)
    assert explorer.error == ""
    assert explorer.summary.strip()
    values = explorer.data[["early_alliance", "improvement"]].to_numpy()
    assert len(values) > 0 and np.isfinite(values).all()
    assert "NaN" not in json.dumps(explorer.spec)
    explorer.apply_dict(AllianceOutcomeExplorer().to_dict())


def test_controls_are_labelled_and_linked(explorer):
    sliders = [c for c in explorer._controls_box.children if hasattr(c, "value")]
    assert all(c.description and c.description_allow_html is False for c in sliders)
    r_slider = sliders[0]
    r_slider.value = 0.4
    assert explorer.alliance_outcome_r == pytest.approx(0.4)
    button = explorer._controls_box.children[-1]
    seed = explorer.seed
    button.click()
    assert explorer.seed == seed + 1


def test_invalid_values_are_rejected_with_the_allowed_range(explorer):
    with pytest.raises(StateError, match=r"alliance_outcome_r must be a number in \[-0.75"):
        explorer.alliance_outcome_r = 0.95
    with pytest.raises(ValueError, match="n_clients must be a whole number from 20 to 5000"):
        explorer.n_clients = 10
    with pytest.raises(StateError, match="seed"):
        explorer.seed = -1


def test_round_trip():
    w = AllianceOutcomeExplorer(alliance_outcome_r=0.1, n_clients=80, seed=3)
    state = json.loads(json.dumps(w.to_dict()))
    again = AllianceOutcomeExplorer.from_dict(state)
    assert again.to_dict() == state
    assert again.summary == w.summary
    assert again.data.equals(w.data)


def test_chart_is_offline_with_a_view_only_threshold(explorer):
    spec = explorer.chart.spec
    assert "http" not in json.dumps(spec)
    (threshold,) = [p for p in spec["params"] if p["name"] == "threshold"]
    assert threshold["bind"]["input"] == "range"
    assert spec["title"] == "Early alliance and improvement" and spec["description"]
    layers = json.dumps(spec["layer"])
    assert '"regression"' in layers  # the line is fitted in the chart, not in Python


def test_mimebundle(explorer):
    explorer.apply_dict({"n_clients": 50, "seed": 5, "alliance_outcome_r": 0.278})
    bundle = explorer._repr_mimebundle_()
    assert WIDGET_VIEW_MIMETYPE in bundle
    assert bundle["image/svg+xml"].lstrip().startswith("<svg")
    text = bundle["text/plain"]
    assert text.startswith(AllianceOutcomeExplorer.title)
    assert explorer.summary in text
    assert "0x" not in text
    fresh = AllianceOutcomeExplorer(n_clients=50, seed=5)
    assert fresh._repr_mimebundle_()["text/plain"] == text
    assert not math.isnan(_sample_r(fresh))


def test_more_clients_are_the_same_clients_and_some_new_ones() -> None:
    # The slider adds clients to one study (blocks of one clinic each), it does not draw
    # another study: the first n clients never change as n grows, across block borders.
    explorer = AllianceOutcomeExplorer(n_clients=40, seed=5)
    small = explorer.data.copy()
    explorer.n_clients = 1_230  # three blocks of 500
    large = explorer.data
    assert len(large) == 1_230 and large["client_id"].is_unique
    pd.testing.assert_frame_equal(large.head(40), small)
    # A block is not a copy of another: the second 500 clients differ from the first.
    first, second = large.iloc[:500, 1:].to_numpy(), large.iloc[500:1000, 1:].to_numpy()
    assert not (first == second).all()
    # Another seed is another study.
    explorer.seed = 6
    assert not explorer.data.head(40).equals(small)
