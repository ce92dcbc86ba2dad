"""TherapistEffectsExplorer driven from Python: state -> data, readout, chart."""

from __future__ import annotations

import json
import warnings

import numpy as np
import pandas as pd
import pytest

import alliance_widgets as aw
from alliance_widgets import literature as lit
from alliance_widgets.science.caseloads import (
    between_within_reml,
    caseload_table,
    mean_reliability,
)
from alliance_widgets.widgets.base import StateError
from alliance_widgets.widgets.therapists import TherapistEffectsExplorer


@pytest.fixture(scope="module")
def explorer() -> TherapistEffectsExplorer:
    w = TherapistEffectsExplorer()
    w.raise_errors = True
    return w


@pytest.fixture(autouse=True)
def _reset(explorer: TherapistEffectsExplorer):
    yield
    explorer.apply_dict(TherapistEffectsExplorer().to_dict())


def _param(w: TherapistEffectsExplorer, name: str = "highlight_rank") -> dict:
    (param,) = [p for p in w.spec["params"] if p["name"] == name]
    return param


def test_exported_from_the_top_level():
    assert aw.TherapistEffectsExplorer is TherapistEffectsExplorer
    assert aw.widgets.TherapistEffectsExplorer is TherapistEffectsExplorer


def test_defaults_come_from_the_literature(explorer):
    assert explorer.therapist_icc_outcome == lit.THERAPIST_EFFECTS.value / 100
    assert explorer.therapist_icc_alliance == lit.GEN_ALLIANCE_ICC.value
    assert explorer.error == ""
    assert len(explorer.data) == explorer.n_therapists * explorer.clients_per_therapist


def test_caseloads_are_ranked_by_mean_improvement(explorer):
    explorer.apply_dict({"n_therapists": 12, "clients_per_therapist": 7, "seed": 4})
    clients, therapists = explorer.frames["clients"], explorer.frames["therapists"]
    assert len(clients) == 84 and len(therapists) == 12
    means = clients.groupby("therapist_id")["improvement"].mean()
    assert np.allclose(
        therapists.set_index("therapist_id")["mean_improvement"],
        means.loc[therapists["therapist_id"]],
    )
    assert therapists["rank"].tolist() == list(range(1, 13))
    assert therapists["mean_improvement"].is_monotonic_decreasing
    # Every client carries their therapist's rank, which places them in the chart.
    ranks = therapists.set_index("therapist_id")["rank"]
    assert (clients["rank"] == clients["therapist_id"].map(ranks)).all()
    top = therapists.iloc[0]
    assert f"Most improved caseload: {top.therapist_id}, mean {top.mean_improvement:.1f}" in (
        explorer.summary
    )
    # The live chart holds the same rows.
    assert len(explorer.chart.spec["datasets"]["clients"]) == 84


def test_readout_and_description_report_the_charted_estimates(explorer):
    explorer.apply_dict(
        {
            "therapist_icc_outcome": 0.2,
            "therapist_icc_alliance": 0.15,
            "n_therapists": 60,
            "clients_per_therapist": 12,
            "seed": 9,
        }
    )
    iccs = explorer.frames["iccs"].set_index("measure")
    effects = explorer.frames["effects"].set_index("effect")
    y, a = iccs.loc["improvement"], iccs.loc["early alliance"]
    first, second, third = explorer.summary.splitlines()[:3]
    assert first.startswith("60 therapists with 12 clients each (seed 9)")
    assert f"account for {100 * y.estimate:.0f} % of the variance in improvement" in first
    assert f"95% CI {100 * y.low:.0f} % to {100 * y.high:.0f} %" in first
    assert "set to 20 %" in first
    assert f"{100 * a.estimate:.0f} % of its variance" in second and "set to 15 %" in second
    b = effects.loc["between therapists"]
    assert f"improve {b.estimate:.1f} points more" in third
    assert lit.BALDWIN_2007.cite() in third and lit.RELATIONAL_PERSPECTIVE_2020.cite() in third
    description = explorer.spec["description"]
    assert f"therapist ICC of improvement {y.estimate:.2f}" in description
    assert f"{b.estimate:.1f} points between therapists" in description
    assert (iccs["target"] == [0.2, 0.15]).all()


def test_the_therapist_share_follows_the_control(explorer):
    design = {"n_therapists": 100, "clients_per_therapist": 30, "seed": 3}
    explorer.apply_dict({**design, "therapist_icc_outcome": 0.0})
    low = explorer.frames["iccs"].set_index("measure").loc["improvement"]
    explorer.apply_dict({**design, "therapist_icc_outcome": 0.3})
    high = explorer.frames["iccs"].set_index("measure").loc["improvement"]
    assert low.estimate < 0.03
    assert high.estimate > low.estimate + 0.1 and high.low > 0
    explorer.apply_dict({**design, "therapist_icc_alliance": 0.3})
    a = explorer.frames["iccs"].set_index("measure").loc["early alliance"]
    assert a.low > 0.1


def test_new_seed_draws_another_clinic_and_the_cache_returns_it(explorer):
    first = explorer.data
    summary = explorer.summary
    explorer.seed = explorer.seed + 1
    assert not first.equals(explorer.data)
    explorer.seed = explorer.seed - 1
    assert first.equals(explorer.data) and explorer.summary == summary


def test_highlight_is_a_view_only_param_sized_to_the_clinic(explorer):
    param = _param(explorer)
    assert param["bind"]["input"] == "range" and param["bind"]["max"] == explorer.n_therapists
    assert "Highlight the therapist ranked" in param["bind"]["name"]
    view = explorer.chart
    explorer.n_therapists = 33
    assert _param(explorer)["bind"]["max"] == 33
    # The new range is set in the cached spec: the chart is not rebuilt ...
    assert explorer.chart is view
    # ... and a highlight beyond the new range moves to its end.
    explorer.chart._params["highlight_rank"] = 30
    explorer.n_therapists = 12
    assert _param(explorer)["value"] == 12 and _param(explorer)["bind"]["max"] == 12
    # A seed change only swaps data: the learner's highlight survives it.
    explorer.chart._params["highlight_rank"] = 5
    explorer.seed = 77
    assert _param(explorer)["value"] == 5
    assert "http" not in json.dumps(explorer.spec)


@pytest.mark.parametrize(
    "state",
    [
        {"therapist_icc_outcome": 0.0},
        {"therapist_icc_outcome": 0.3},
        {"therapist_icc_alliance": 0.0},
        {"therapist_icc_alliance": 0.3},
        {"therapist_icc_outcome": 0.0, "therapist_icc_alliance": 0.3},
        {"therapist_icc_outcome": 0.3, "therapist_icc_alliance": 0.0},
        {"n_therapists": 5},
        {"n_therapists": 100},
        {"clients_per_therapist": 2},
        {"clients_per_therapist": 30},
        {"n_therapists": 5, "clients_per_therapist": 2},
        {"seed": 0},
        {"seed": 2**31 - 1},
    ],
)
def test_every_control_extreme_works(explorer, state):
    explorer.apply_dict(state)
    assert explorer.error == ""
    assert len(explorer.summary.splitlines()) == 4
    for frame in explorer.frames.values():
        numbers = frame.select_dtypes("number").to_numpy()
        assert np.isfinite(numbers).all()
    assert "NaN" not in json.dumps(explorer.spec)
    assert len(explorer.data) == explorer.n_therapists * explorer.clients_per_therapist


def test_controls_are_labelled_and_linked(explorer):
    controls = explorer._controls_box.children
    valued = [c for c in controls if hasattr(c, "value")]
    assert len(valued) == 5
    assert all(c.description and c.description_allow_html is False for c in valued)
    assert all(c.tooltip for c in valued)
    valued[0].value = 0.12
    assert explorer.therapist_icc_outcome == pytest.approx(0.12)
    assert "set to 12 %" in explorer.summary
    valued[2].value = 8
    assert explorer.frames["therapists"].shape[0] == 8
    seed = explorer.seed
    controls[-1].click()
    assert explorer.seed == seed + 1


def test_invalid_values_are_rejected_and_change_nothing(explorer):
    before = explorer.to_dict()
    with pytest.raises(StateError, match=r"therapist_icc_outcome must be a number in \[0, 0.3\]"):
        explorer.therapist_icc_outcome = 0.5
    with pytest.raises(ValueError, match="n_therapists must be a whole number from 5 to 100"):
        explorer.n_therapists = 2
    with pytest.raises(ValueError, match="clients_per_therapist must be a whole number from 2"):
        explorer.clients_per_therapist = 1
    with pytest.raises(StateError, match="seed"):
        explorer.seed = -1
    with pytest.raises(ValueError, match="n_therapists"):
        explorer.apply_dict({"seed": 5, "n_therapists": 1000})
    with pytest.raises(TypeError, match="unknown keyword"):
        TherapistEffectsExplorer.from_dict({"therapists": 10})
    assert explorer.to_dict() == before


def test_round_trip():
    w = TherapistEffectsExplorer(
        therapist_icc_outcome=0.1,
        therapist_icc_alliance=0.02,
        n_therapists=9,
        clients_per_therapist=4,
        seed=3,
    )
    state = json.loads(json.dumps(w.to_dict()))
    assert state == {
        "clients_per_therapist": 4,
        "n_therapists": 9,
        "seed": 3,
        "therapist_icc_alliance": 0.02,
        "therapist_icc_outcome": 0.1,
    }
    again = TherapistEffectsExplorer.from_dict(state)
    assert again.to_dict() == state
    assert again.summary == w.summary
    assert again.data.equals(w.data)
    assert again.spec == w.spec


def test_mimebundle_text_is_deterministic(explorer):
    text = explorer._repr_mimebundle_()["text/plain"]
    assert text.startswith(TherapistEffectsExplorer.title) and "0x" not in text
    assert TherapistEffectsExplorer()._repr_mimebundle_()["text/plain"] == text


# ------------------------------------------------------------------ science helpers
def test_reml_effects_agree_with_statsmodels_mixedlm():
    from alliance_widgets.science.multilevel import between_within_effects
    from alliance_widgets.science.simulate import simulate

    clients = simulate(
        n_therapists=60,
        clients_per_therapist=8,
        therapist_icc_outcome=0.2,
        therapist_icc_alliance=0.2,
        seed=5,
        items=False,
    ).clients
    ours = between_within_reml(clients)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs = between_within_effects(clients)
    assert theirs.attrs["warnings"] == []
    cols = ["estimate", "se", "ci_low", "ci_high"]
    assert np.allclose(ours[cols], theirs[cols], rtol=1e-3, atol=1e-3)
    assert ours.attrs["n_therapists"] == 60 and ours.attrs["n_clients"] == 480


def test_reml_effects_reject_too_few_therapists():
    d = pd.DataFrame(
        {
            "therapist_id": [1, 1, 2, 2],
            "early_alliance": [4, 3, 2, 1.0],
            "improvement": [1, 2, 3, 4.0],
        }
    )
    with pytest.raises(ValueError, match="at least 3 therapists"):
        between_within_reml(d)
    with pytest.raises(ValueError, match="level"):
        between_within_reml(d, level=1.5)


def test_caseload_table_ranks_and_breaks_ties_in_order_of_appearance():
    d = pd.DataFrame(
        {
            "therapist_id": ["B", "A", "C"],
            "early_alliance": [3.0, 4.0, 5.0],
            "improvement": [10.0, 10.0, 12.0],
        }
    )
    table = caseload_table(d)
    assert table["therapist_id"].tolist() == ["C", "B", "A"]
    assert table["rank"].tolist() == [1, 2, 3]


def test_mean_reliability_is_spearman_brown():
    assert mean_reliability(0.2, 1) == pytest.approx(0.2)
    assert mean_reliability(0.05, 10) == pytest.approx(0.5 / 1.45)
    assert mean_reliability(1.0, 3) == 1.0
    with pytest.raises(ValueError, match="icc"):
        mean_reliability(-0.1, 3)
