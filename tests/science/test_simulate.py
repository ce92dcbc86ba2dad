"""The generator: determinism, clear errors for every bad input, and invariants that hold
across the parameter space (hypothesis)."""

from __future__ import annotations

import math
import re
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st
from pandas.testing import assert_frame_equal

from alliance_widgets import literature as lit
from alliance_widgets.science.generator import simulate

SMALL = {"n_therapists": 3, "clients_per_therapist": 4, "n_sessions": 6}
OQ_LOW, OQ_HIGH = lit.OQ45_RANGE.value
WAI_LOW, WAI_HIGH = lit.WAI_SR_SCALE.value
N_ITEMS = int(lit.WAI_SR_ITEMS.value)


def test_same_seed_gives_identical_tables() -> None:
    a, b = simulate(seed=11, **SMALL), simulate(seed=11, **SMALL)
    for table in ("sessions", "clients", "items"):
        assert_frame_equal(getattr(a, table), getattr(b, table), check_exact=True)
    assert a.params == b.params


def test_params_remake_the_study_exactly() -> None:
    a = simulate(seed=12, variance_model="lambert", **SMALL)
    b = simulate(**a.params)
    assert_frame_equal(a.clients, b.clients, check_exact=True)


def test_different_seeds_give_different_tables() -> None:
    a, b = simulate(seed=11, **SMALL), simulate(seed=12, **SMALL)
    assert not a.sessions["alliance"].equals(b.sessions["alliance"])
    assert not a.clients["improvement"].equals(b.clients["improvement"])


def test_seed_none_is_drawn_and_recorded() -> None:
    s = simulate(seed=None, items=False, **SMALL)
    assert isinstance(s.params["seed"], int)
    assert_frame_equal(simulate(**s.params).clients, s.clients)


# (keyword arguments, exception, the parts the message must contain: parameter, value, allowed)
BAD: list[tuple[dict[str, Any], type[Exception], tuple[str, ...]]] = [
    ({"alliance_outcome_r": 1.0}, ValueError, ("alliance_outcome_r", "1.0", "(-1, 1)")),
    ({"alliance_outcome_r": -1.5}, ValueError, ("alliance_outcome_r", "-1.5", "(-1, 1)")),
    ({"alliance_outcome_r": math.nan}, ValueError, ("alliance_outcome_r", "nan", "(-1, 1)")),
    ({"alliance_outcome_r": "0.3"}, TypeError, ("alliance_outcome_r", "'0.3'", "(-1, 1)")),
    ({"therapist_icc_outcome": 1.0}, ValueError, ("therapist_icc_outcome", "1.0", "[0, 1)")),
    ({"therapist_icc_outcome": -0.1}, ValueError, ("therapist_icc_outcome", "-0.1", "[0, 1)")),
    ({"therapist_icc_alliance": 1.2}, ValueError, ("therapist_icc_alliance", "1.2", "[0, 1)")),
    ({"therapist_icc_alliance": math.nan}, ValueError, ("therapist_icc_alliance", "nan", "[0, 1)")),
    ({"repair_rate": math.nan}, ValueError, ("repair_rate", "nan", "[0, 1]")),
    ({"rupture_rate": 1.5}, ValueError, ("rupture_rate", "1.5", "[0, 1]")),
    ({"dropout_rate": 1.0}, ValueError, ("dropout_rate", "1.0", "[0, 1)")),
    (
        {"variance_model": {"relationship": 130, "other": -30}},
        ValueError,
        ("variance_model['other']", "-30", "[0, ∞"),
    ),
    (
        {"variance_model": {"relationship": 60, "other": 30}},
        ValueError,
        ("variance_model", "'other': 30", "sum to 100", "sums to 90"),
    ),
    ({"variance_model": {}}, TypeError, ("variance_model", "{}", "summing to 100")),
    ({"variance_model": "lamberts"}, ValueError, ("variance_model", "'lamberts'", "'lambert'")),
    ({"variance_model": 40}, TypeError, ("variance_model", "40", "'empirical'")),
    ({"n_therapists": 2.5}, ValueError, ("n_therapists", "2.5", "whole number ≥ 1")),
    ({"n_therapists": 0}, ValueError, ("n_therapists", "0", "whole number ≥ 1")),
    ({"n_therapists": -3}, ValueError, ("n_therapists", "-3", "whole number ≥ 1")),
    ({"n_therapists": math.nan}, ValueError, ("n_therapists", "nan", "whole number ≥ 1")),
    ({"n_therapists": "4"}, TypeError, ("n_therapists", "'4'", "whole number")),
    ({"clients_per_therapist": 1}, ValueError, ("clients_per_therapist", "1", "≥ 2")),
    ({"n_sessions": 2}, ValueError, ("n_sessions", "2", "≥ 3")),
    ({"n_sessions": True}, TypeError, ("n_sessions", "True", "whole number")),
    ({"seed": -1}, ValueError, ("seed", "-1", "≥ 0")),
    ({"items": "yes"}, TypeError, ("items", "'yes'", "True or False")),
    ({"n_therapist": 5}, TypeError, ("'n_therapist'", "unknown keyword", "'n_therapists'")),
    ({"colour": "red"}, TypeError, ("'colour'", "unknown keyword", "Allowed:")),
    (
        {"variance_model": "lambert", "alliance_outcome_r": 0.3},
        ValueError,
        ("alliance_outcome_r", "0.3", "leave it out"),
    ),
]


@pytest.mark.parametrize(("kwargs", "error", "parts"), BAD, ids=[repr(b[0]) for b in BAD])
def test_bad_input_names_parameter_value_and_what_is_allowed(
    kwargs: dict[str, Any], error: type[Exception], parts: tuple[str, ...]
) -> None:
    with pytest.raises(error) as info:
        simulate(**kwargs)
    assert type(info.value) is error
    message = str(info.value)
    for part in parts:
        assert part in message, (part, message)


def test_infeasible_combination_explains_itself() -> None:
    with pytest.raises(ValueError, match=re.escape("therapist_icc_alliance must be below")):
        simulate(therapist_icc_alliance=0.95, items=False, **SMALL)


# ---- properties over the parameter space -------------------------------------------

params = st.fixed_dictionaries(
    {
        "n_therapists": st.integers(1, 4),
        "clients_per_therapist": st.integers(2, 5),
        "n_sessions": st.integers(3, 8),
        "dropout_rate": st.floats(0, 0.6),
        "rupture_rate": st.floats(0, 1),
        "repair_rate": st.floats(0, 1),
        "therapist_icc_alliance": st.floats(0, 0.3),
        "intake_sd": st.floats(0, 40),
        "improvement_sd": st.floats(1, 40),
        "seed": st.integers(0, 2**32 - 1),
    },
    optional={
        "alliance_outcome_r": st.floats(-0.6, 0.6),
        "therapist_icc_outcome": st.floats(0, 0.3),
    },
)
models = st.one_of(
    st.just("empirical"),
    st.just("lambert"),
    st.dictionaries(
        st.sampled_from(["relationship", "client", "technique", "placebo"]),
        st.integers(1, 5),
        min_size=1,
    ).map(lambda d: {k: 100 * v / sum(d.values()) for k, v in d.items()}),
)


def _study(kw: dict[str, Any], model: Any) -> Any:
    if model != "empirical":
        kw = {
            k: v for k, v in kw.items() if k not in ("alliance_outcome_r", "therapist_icc_outcome")
        }
    try:
        return simulate(variance_model=model, **kw)
    except ValueError as err:
        # Some corners cannot be reached (e.g. too little improvement variance for the
        # r asked); the error must still name what to change.
        assert re.search(r"[a-z_]+(=|\s)", str(err)), str(err)
        reject()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(kw=params, model=models)
def test_every_score_is_in_range_and_present(kw: dict[str, Any], model: Any) -> None:
    s = _study(kw, model)
    sess, cl, items = s.sessions, s.clients, s.items
    for col in ("bond", "goals", "tasks", "alliance"):
        assert sess[col].between(WAI_LOW, WAI_HIGH).all(), col
    assert cl["early_alliance"].between(WAI_LOW, WAI_HIGH).all()
    for frame, col in ((sess, "outcome"), (cl, "intake_outcome"), (cl, "final_outcome")):
        assert frame[col].between(OQ_LOW, OQ_HIGH).all(), col
        assert pd.api.types.is_integer_dtype(frame[col]), col
    assert (cl["improvement"] == cl["intake_outcome"] - cl["final_outcome"]).all()
    assert items is not None
    assert pd.api.types.is_integer_dtype(items["response"])
    assert items["response"].between(WAI_LOW, WAI_HIGH).all()
    assert items["item"].between(1, N_ITEMS).all()
    # only ``repaired`` may be missing, and exactly where there was no rupture
    no_na = [c for c in sess.columns if c != "repaired"]
    assert not sess[no_na].isna().any().any()
    assert not cl.drop(columns=["change_category"]).isna().any().any()
    assert (sess["repaired"].isna() == ~sess["rupture"]).all()
    assert not cl["change_category"].isna().any()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(kw=params, model=models)
def test_the_three_tables_agree_on_counts(kw: dict[str, Any], model: Any) -> None:
    s = _study(kw, model)
    sess, cl, items = s.sessions, s.clients, s.items
    assert len(cl) == kw["n_therapists"] * kw["clients_per_therapist"]
    per_client = sess.groupby("client_id", observed=False).size()
    assert (per_client == cl.set_index("client_id")["n_sessions"]).all()
    assert cl["n_sessions"].between(3, kw["n_sessions"]).all()
    assert items is not None and len(items) == N_ITEMS * len(sess)
    # sessions are numbered 1..n without gaps for every client
    assert (sess.groupby("client_id", observed=True)["session"].max() == per_client).all()
    # the composite is the mean of the 12 responses of that session
    means = items.groupby(["client_id", "session"], observed=True)["response"].mean()
    np.testing.assert_allclose(means.to_numpy(), sess["alliance"].to_numpy(), atol=1e-12)
