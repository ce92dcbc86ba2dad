"""Issue 13: four causal worlds that look alike cross-sectionally and apart session by session.

The recovery tests simulate 10,000 clients per world (as the other calibration tests do)
and ask the kit's within-client lagged estimator for each world's two true effects within
3.3 standard errors; statsmodels, fitting the same regression with one dummy per client,
is the independent check of the estimator itself.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from alliance_widgets import literature as lit
from alliance_widgets.science import CAUSAL_MODELS, simulate, within_client_lagged
from alliance_widgets.science.causal_calibration import (
    _entry_name,
    _key,
    _measure_unclipped,
    _pilot_params,
    _stored,
    fingerprint,
)
from alliance_widgets.science.simulate_params import resolve_params

Z = 3.3
R = lit.ALLIANCE_OUTCOME_R_2018.value


@pytest.fixture(scope="module", params=CAUSAL_MODELS)
def big_world(request: pytest.FixtureRequest) -> tuple[str, object, object]:
    study = simulate(
        causal_model=request.param, n_therapists=1000, clients_per_therapist=10, seed=13
    )
    return request.param, study, within_client_lagged(study.sessions)


def test_each_world_recovers_its_true_lagged_effects(big_world) -> None:
    world, study, est = big_world
    truth = study.lagged
    for which in ("alliance_to_change", "change_to_alliance"):
        got, se, true = getattr(est, which), getattr(est, which + "_se"), getattr(truth, which)
        assert abs(got - true) <= Z * se, (world, which, got, se, true)


def test_the_cross_sectional_r_is_the_same_in_every_world(big_world) -> None:
    world, study, _ = big_world
    c = study.clients
    r = np.corrcoef(c["early_alliance"], c["improvement"])[0, 1]
    se = (1 - R**2) / np.sqrt(len(c))
    assert abs(r - R) <= Z * se, (world, r)


def test_the_lagged_analysis_tells_the_worlds_apart(big_world) -> None:
    world, _, est = big_world
    z_ac = est.alliance_to_change / est.alliance_to_change_se
    z_ca = est.change_to_alliance / est.change_to_alliance_se
    drives = {
        "alliance_drives_change": (True, False),
        "change_drives_alliance": (False, True),
        "common_cause": (False, False),
        "reciprocal": (True, True),
    }[world]
    for z, present in zip((z_ac, z_ca), drives, strict=True):
        assert (z > 6) if present else (abs(z) < Z), (world, z_ac, z_ca)


def test_statsmodels_with_a_dummy_per_client_gives_the_same_estimate() -> None:
    import statsmodels.formula.api as smf

    study = simulate(causal_model="reciprocal", n_therapists=40, clients_per_therapist=10, seed=3)
    est = within_client_lagged(study.sessions)
    d = study.sessions.sort_values(["client_id", "session"]).copy()
    g = d.groupby("client_id", observed=True)
    d["before"], d["next_outcome"], d["next_alliance"] = (
        g["outcome"].shift(1),
        g["outcome"].shift(-1),
        g["alliance"].shift(-1),
    )
    d = d.dropna(subset=["before", "next_outcome"])
    d["change"] = d["outcome"] - d["next_outcome"]
    fe = "C(client_id) + C(session)"
    to_change = smf.ols(f"change ~ alliance + outcome + before + {fe}", data=d).fit(
        cov_type="cluster", cov_kwds={"groups": d["client_id"].cat.codes}
    )
    to_alliance = smf.ols(
        f"next_alliance ~ change + outcome + alliance + before + {fe}", data=d
    ).fit(cov_type="cluster", cov_kwds={"groups": d["client_id"].cat.codes})
    assert est.alliance_to_change == pytest.approx(to_change.params["alliance"], rel=1e-8)
    assert est.change_to_alliance == pytest.approx(10 * to_alliance.params["change"], rel=1e-8)
    # statsmodels' small-sample factor also counts the dummies' degrees of freedom
    assert est.alliance_to_change_se == pytest.approx(to_change.bse["alliance"], rel=0.1)
    rows = d["client_id"].value_counts()
    assert est.n_clients == int((rows >= 2).sum()) and est.n_pairs == int(rows[rows >= 2].sum())


def test_common_cause_leaves_the_alliance_as_the_default_world_makes_it() -> None:
    a = simulate(causal_model="common_cause", n_therapists=5, seed=8)
    b = simulate(n_therapists=5, seed=8)
    assert a.items is not None and a.items.equals(b.items)
    assert a.sessions["alliance"].equals(b.sessions["alliance"])
    assert not a.sessions["outcome"].equals(b.sessions["outcome"])
    assert a.clients["early_alliance"].equals(b.clients["early_alliance"])


@pytest.mark.parametrize("world", CAUSAL_MODELS)
def test_same_seed_same_bytes_and_scores_on_the_scale(world: str) -> None:
    one = simulate(causal_model=world, n_therapists=4, seed=2, raters=("therapist", "observer"))
    two = simulate(causal_model=world, n_therapists=4, seed=2, raters=("therapist", "observer"))
    assert one.sessions.to_csv().encode() == two.sessions.to_csv().encode()
    cols = ["bond", "goals", "tasks", "alliance", "alliance_therapist", "alliance_observer"]
    assert one.sessions[cols].min().min() >= 1 and one.sessions[cols].max().max() <= 5


def test_worlds_where_the_alliance_follows_symptoms_have_no_item_table() -> None:
    assert simulate(causal_model="change_drives_alliance", n_therapists=2).items is None
    with pytest.raises(ValueError, match="no item table; leave items out"):
        simulate(causal_model="reciprocal", items=True)


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"causal_model": "alliance_causes"}, ValueError, "causal_model must be one of"),
        ({"dropout_alliance": -1}, ValueError, "dropout_alliance must be a number in"),
        ({"dropout_alliance": 1, "dropout_rate": 0}, ValueError, "needs some dropout"),
        ({"raters": "therapist"}, TypeError, "raters must be a list or tuple"),
        ({"raters": ["patient"]}, ValueError, "raters must be one of"),
        (
            {"causal_model": "common_cause", "variance_model": "lambert"},
            ValueError,
            "needs variance_model='empirical'",
        ),
        (
            {"causal_model": "reciprocal", "within_therapist_effect": 5.0},
            ValueError,
            "give alliance_outcome_r only",
        ),
        (
            {"causal_model": "change_drives_alliance", "alliance_outcome_r": -0.2},
            ValueError,
            "cannot give alliance_outcome_r=-0.2",
        ),
    ],
)
def test_bad_combinations_say_what_is_wrong(kwargs: dict, error: type, match: str) -> None:
    with pytest.raises(error, match=match):
        simulate(n_therapists=2, **kwargs)


def test_other_raters_agree_with_the_client_as_published() -> None:
    s = simulate(n_therapists=300, raters=("therapist", "observer"), seed=5).sessions
    agree = lit.RATER_AGREEMENT.value
    r_t = s["alliance"].corr(s["alliance_therapist"])
    r_o = s["alliance"].corr(s["alliance_observer"])
    # 27,000 sessions: the SE of r is about .006; the 1–5 range clips a little
    assert r_t == pytest.approx(agree["child–therapist"], abs=0.03)
    assert r_o == pytest.approx(agree["child–observer"], abs=0.03)
    # therapists rate lower, as the meta-analysis found
    assert s["alliance_therapist"].mean() < s["alliance"].mean()


def test_alliance_linked_dropout_reaches_sharfs_difference_and_biases_completers() -> None:
    k = lit.GEN_CAUSAL_WORLDS.value["dropout_alliance_like_sharf"]
    c = simulate(n_therapists=1000, dropout_alliance=k, items=False, seed=6).clients
    done, gone = c.loc[c["completed"], "early_alliance"], c.loc[~c["completed"], "early_alliance"]
    pooled = np.sqrt(((len(done) - 1) * done.var() + (len(gone) - 1) * gone.var()) / (len(c) - 2))
    d = (done.mean() - gone.mean()) / pooled
    assert d == pytest.approx(lit.ALLIANCE_DROPOUT_2010.value, abs=0.06)
    # completers look better than everyone and show a weaker alliance-outcome r
    assert c.loc[c["completed"], "improvement"].mean() > c["improvement"].mean() + 1
    r_all = c["early_alliance"].corr(c["improvement"])
    r_done = done.corr(c.loc[c["completed"], "improvement"])
    assert r_done < r_all - 0.02


def test_the_lagged_estimator_names_what_is_missing() -> None:
    with pytest.raises(ValueError, match="no column 'alliance'"):
        within_client_lagged(pd.DataFrame({"client_id": [1], "session": [1], "outcome": [3]}))
    two = pd.DataFrame(
        {"client_id": [1, 1], "session": [1, 2], "alliance": [4.0, 4.5], "outcome": [60, 50]}
    )
    with pytest.raises(ValueError, match="three consecutive sessions"):
        within_client_lagged(two)


def test_the_stored_pilots_are_current() -> None:
    assert _stored(), "causal_calibration.json is stale: python -m " + (
        "alliance_widgets.science.causal_calibration"
    )
    key = _key(resolve_params({"causal_model": "change_drives_alliance"}))
    entry = _stored()[_entry_name(key)]
    # the pilot's clipping share is cheap to recompute (one pilot): it must match exactly
    assert _measure_unclipped(key, entry["gamma"]) == entry["unclipped"]
    assert len(fingerprint()) == 64 and _pilot_params(dict(key))["seed"] > 0
