"""LambertExplorer driven from Python: shares, redistribution, study, views."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alliance_widgets import literature as lit
from alliance_widgets.charts.render import WIDGET_VIEW_MIMETYPE
from alliance_widgets.science.shares import rebalance
from alliance_widgets.widgets.base_state import StateError
from alliance_widgets.widgets.lambert import FACTORS, LambertExplorer

EXPLORER = LambertExplorer  # built once per module by tests/widgets/conftest.py

LAMBERT = dict(lit.LAMBERT_1992_SHARES.value)


share = st.floats(min_value=0, max_value=100, allow_nan=False)


@given(
    st.lists(share, min_size=4, max_size=4).filter(lambda v: sum(v) > 0),
    st.sampled_from(FACTORS),
    share,
)
def test_rebalance_keeps_the_sum_and_the_proportions(values, name, value):
    total = sum(values)
    shares = {f: 100 * v / total for f, v in zip(FACTORS, values, strict=True)}
    new = rebalance(shares, name, value)
    assert math.isclose(sum(new.values()), 100, abs_tol=1e-6)
    assert new[name] == value
    assert all(v >= 0 for v in new.values())
    others = [f for f in FACTORS if f != name]
    rest = sum(shares[f] for f in others)
    if rest > 1e-9:
        for f in others:  # proportions among the others are kept
            assert math.isclose(new[f], shares[f] * (100 - value) / rest, abs_tol=1e-6)
    else:  # all-zero others share the remainder equally
        assert all(math.isclose(new[f], (100 - value) / 3) for f in others)


def test_defaults_are_lamberts_split_and_the_readout_says_what_it_was(explorer):
    assert explorer.shares == LAMBERT
    assert explorer.error == ""
    assert "informed estimate from a narrative review, not a meta-analytic" in explorer.summary
    assert lit.LAMBERT_1992_SHARES.status in explorer.summary
    bars = explorer.frames["shares"]
    assert list(bars["share"]) == [LAMBERT[f] for f in FACTORS]
    assert "Simulate a study" in explorer.summary


def test_slider_moves_rescale_the_others(explorer):
    explorer._sliders["relationship"].value = 65
    assert explorer.shares["relationship"] == 65
    assert math.isclose(sum(explorer.shares.values()), 100)
    assert math.isclose(explorer.shares["extratherapeutic"], 40 * 35 / 70)
    # the other sliders follow the state
    assert math.isclose(explorer._sliders["technique"].value, 15 * 35 / 70)
    assert "relationship 65 %" in explorer.summary


def test_simulated_study_recovers_the_split(explorer):
    explorer.set_share("relationship", 50)
    explorer.apply_dict({"n_clients": 5000, "seed": 3})
    explorer.simulate_study()
    assert explorer.study
    est = explorer.frames["shares"].query("series == 'estimated from the study'")
    assert len(est) == 4
    for f, value in zip(est["factor"], est["share"], strict=True):
        assert abs(value - explorer.shares[f]) < 4  # 5,000 clients: SE about 1 point
    assert "A study of 5,000 simulated clients (seed 3)" in explorer.summary
    seed = explorer.seed
    explorer.simulate_study()  # again: another study
    assert explorer.seed == seed + 1
    assert explorer._simulate_button.description == "Simulate another study"


def test_empirical_view_cites_its_sources(explorer):
    explorer.view = "empirical"
    table = explorer.data
    assert {"label", "percent", "source"} <= set(table.columns)
    assert (table["percent"] >= 0).all()
    assert "Norcross & Lambert (2018)" in set(table["source"])
    r = lit.ELEMENT_R_2018.value["alliance"]
    assert f"r = {r:g}, about {100 * r * r:.1f} %" in explorer.summary
    assert "do not add up to 100" in explorer.summary
    assert explorer.spec["title"]["text"] == "What studies estimate"
    assert all(s.disabled for s in explorer._sliders.values())
    explorer.view = "lambert"
    assert explorer.spec["title"]["text"] == "Where does improvement come from?"


@pytest.mark.parametrize("factor", FACTORS)
@pytest.mark.parametrize("value", [0.0, 100.0])
def test_every_share_extreme_works_with_a_study(explorer, factor, value):
    explorer.apply_dict({"study": True, "n_clients": 20})
    explorer.set_share(factor, value)
    assert explorer.error == ""
    frame = explorer.frames["shares"]
    assert frame["share"].notna().all() and len(frame) == 8
    assert "NaN" not in json.dumps(explorer.spec)
    assert explorer.summary.strip()


@pytest.mark.parametrize(
    "state", [{"n_clients": 20}, {"n_clients": 5000}, {"seed": 0}, {"seed": 2**31 - 1}]
)
def test_size_and_seed_extremes(explorer, state):
    explorer.apply_dict({"study": True, **state})
    assert explorer.error == ""
    assert explorer.frames["shares"]["share"].notna().all()


def test_invalid_states_are_rejected(explorer):
    with pytest.raises(StateError, match="shares must sum to 100"):
        explorer.shares = {f: 10.0 for f in FACTORS}
    with pytest.raises(StateError, match="shares must give exactly the factors"):
        explorer.shares = {"relationship": 100.0}
    with pytest.raises(StateError, match="view must be one of 'lambert', 'empirical'"):
        explorer.view = "pie"
    with pytest.raises(ValueError, match="relationship must be a number in \\[0, 100\\]"):
        explorer.set_share("relationship", 120)
    assert explorer.shares == LAMBERT


def test_round_trip():
    w = LambertExplorer(study=True, n_clients=100, seed=9)
    w.set_share("technique", 40)
    state = json.loads(json.dumps(w.to_dict()))
    again = LambertExplorer.from_dict(state)
    assert again.to_dict() == state
    assert again.summary == w.summary


def test_mimebundle_and_offline_spec(explorer):
    bundle = explorer._repr_mimebundle_()
    assert WIDGET_VIEW_MIMETYPE in bundle
    assert bundle["image/svg+xml"].lstrip().startswith("<svg")
    assert bundle["text/plain"].startswith(LambertExplorer.title)
    assert explorer.summary in bundle["text/plain"]
    assert "http" not in json.dumps(explorer.chart.spec)
