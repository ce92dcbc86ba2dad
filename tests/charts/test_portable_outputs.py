"""Stored outputs must not depend on the last bits of floating point.

Two machines disagree in the last bits of the same computation (OpenBLAS kernels, numpy's
SIMD loops, an optimiser's last step); the lessons' stored charts and sentences must not.
These tests perturb the numbers behind every explorer (in the states the lessons show)
and behind a chart a lesson draws itself by a few units in the last place, and by the
~1000 ulps seen between OpenBLAS's SkylakeX and Haswell kernels, and require the same
bytes: the Vega-Lite spec (from which the SVG and its ARIA labels are drawn), the readout
and the chart's text alternative. No test here touches the machine's BLAS settings.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import math
from collections.abc import Callable
from typing import Any

import altair as alt
import numpy as np
import pandas as pd
import pytest

import alliance_widgets as aw
from alliance_widgets.charts.common import records
from alliance_widgets.widgets.base_view import as_frames, full_spec

EPS = np.finfo(float).eps
#: Perturbations in units of the last place: a few ulps either way, and the ~1000 ulps
#: (2e-13 relative) by which lesson data differed between SkylakeX and Haswell kernels.
ULPS = (-1000, -1, 3, 1000)


def _noisy(values: np.ndarray, k: int, unit: float) -> np.ndarray:
    """``values`` moved by ``k`` units (relative), and zeros by ``k`` units of the scale."""
    finite = np.isfinite(values)
    scale = float(np.max(np.abs(values[finite]))) if finite.any() else 0.0
    # A zero computed two ways is often a tiny number of either sign, not exactly zero.
    return values + k * unit * (np.abs(values) + scale / 100)


def perturb(obj: Any, k: int, unit: float = EPS) -> Any:
    """A copy of ``obj`` with every float in it moved by about ``k`` ulps (``k * unit``)."""
    if isinstance(obj, bool | np.bool_ | int | np.integer | str) or obj is None:
        return obj
    if isinstance(obj, float | np.floating):
        return type(obj)(obj * (1 + k * unit)) if math.isfinite(obj) else obj
    if isinstance(obj, np.ndarray):
        return _noisy(obj, k, unit) if obj.dtype.kind == "f" else obj
    if isinstance(obj, pd.Series):
        if isinstance(obj.dtype, np.dtype) and obj.dtype.kind == "f":
            return pd.Series(_noisy(obj.to_numpy(), k, unit), index=obj.index, name=obj.name)
        return obj
    if isinstance(obj, pd.DataFrame):
        out = obj.copy()
        for column in out.columns:
            out[column] = perturb(out[column], k, unit)
        return out
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        moved = copy.copy(obj)
        for field in dataclasses.fields(obj):
            object.__setattr__(moved, field.name, perturb(getattr(obj, field.name), k, unit))
        return moved
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*(perturb(v, k, unit) for v in obj))
    if isinstance(obj, list | tuple):
        return type(obj)(perturb(v, k, unit) for v in obj)
    if isinstance(obj, dict):
        return {key: perturb(v, k, unit) for key, v in obj.items()}
    return obj


# The explorers' own results (what recompute() leaves on them); the base class's view
# state (the cached spec, widgets, memo) is not a result and is left alone.
_BASE_STATE = {"_spec", "_frames", "_memo", "_readout_text", "_built_chart", "_chart_view"}


def _results(explorer: aw.Explorer) -> list[str]:
    return [
        name
        for name, value in vars(explorer).items()
        if name.startswith("_")
        and not name.startswith("_trait")
        and name not in _BASE_STATE
        and perturb(value, 1) is not value
    ]


def fingerprint(explorer: aw.Explorer, k: int) -> tuple[str, str, str]:
    """Readout, text alternative and spec JSON with every result moved by ``k`` ulps."""
    saved = {name: getattr(explorer, name) for name in _results(explorer)}
    try:
        for name, value in saved.items():
            setattr(explorer, name, perturb(value, k))
        frames = {n: perturb(f, k) for n, f in as_frames(explorer.chart_data()).items()}
        spec, _ = full_spec(explorer.build_chart(frames), frames, type(explorer).__name__)
        description = explorer.chart_description() or ""
        return explorer.readout(), description, json.dumps(spec, sort_keys=True)
    finally:
        for name, value in saved.items():
            setattr(explorer, name, value)


def _lambert_study() -> aw.Explorer:
    explorer = aw.LambertExplorer()
    explorer.simulate_study()
    return explorer


def _lambert_doubled() -> aw.Explorer:
    explorer = _lambert_study()
    explorer.set_share("relationship", 2 * explorer.shares["relationship"])
    return explorer


def _lambert_empirical() -> aw.Explorer:
    explorer = _lambert_study()
    explorer.view = "empirical"
    return explorer


def _with(cls: type[aw.Explorer], **state: Any) -> Callable[[], aw.Explorer]:
    def make() -> aw.Explorer:
        explorer = cls()
        explorer.apply_dict(state)
        return explorer

    return make


# The explorers as the lessons show them (lessons/src: 01, 02, 04, 05, 06, 07).
LESSON_STATES: dict[str, Callable[[], aw.Explorer]] = {
    "bordin": aw.BordinExplorer,
    "bordin-homework": _with(aw.BordinExplorer, scenario="homework"),
    "lambert-study": _lambert_study,
    "lambert-doubled": _lambert_doubled,
    "lambert-empirical": _lambert_empirical,
    "alliance-outcome-40": _with(aw.AllianceOutcomeExplorer, n_clients=40, seed=2026),
    "alliance-outcome-200": _with(aw.AllianceOutcomeExplorer, n_clients=200, seed=2026),
    "ruptures-client-3": _with(aw.RuptureRepairExplorer, client=3),
    "ruptures-client-7": _with(aw.RuptureRepairExplorer, client=7),
    "therapists": aw.TherapistEffectsExplorer,
    "feedback-not-on-track": _with(aw.FeedbackExplorer, course="not on track", intake=90),
    "feedback-support-tools": _with(
        aw.FeedbackExplorer, course="not on track", intake=90, feedback="feedback + support tools"
    ),
    # Lesson 09 (issue 13): the correlation, the lagged view, and completers only.
    "causal-cross-sectional": _with(aw.CausalExplorer, seed=9),
    "causal-lagged": _with(
        aw.CausalExplorer, world="change_drives_alliance", analysis="lagged", seed=9
    ),
    "causal-completers": _with(
        aw.CausalExplorer, sample="completers", dropout_alliance=1.0, rater="therapist"
    ),
}


@pytest.fixture(scope="module", params=sorted(LESSON_STATES))
def lesson_explorer(request: pytest.FixtureRequest) -> aw.Explorer:
    return LESSON_STATES[request.param]()


def test_explorer_outputs_ignore_last_bit_noise(lesson_explorer: aw.Explorer) -> None:
    """Spec, readout and text alternative are byte-identical under last-bit noise."""
    assert _results(lesson_explorer), "nothing to perturb: the test would prove nothing"
    exact = fingerprint(lesson_explorer, 0)
    for k in ULPS:
        readout, description, spec = fingerprint(lesson_explorer, k)
        assert readout == exact[0], f"readout changed at {k} ulps"
        assert description == exact[1], f"text alternative changed at {k} ulps"
        assert spec == exact[2], f"chart spec changed at {k} ulps"


#: The REML fits of lesson 06 (therapist ICCs and effects) stop where their optimiser's
#: tolerance lets them: between SkylakeX and Haswell kernels the ICC estimates differed
#: by up to 1.2e-7 of their scale, far more than a few ulps. Tested at 1e-6.
SOLVER_NOISE = 1e-6


@pytest.mark.parametrize(("share", "caseload"), [(None, 10), (0.3, 10), (0.3, 30)])
def test_therapist_fits_ignore_solver_noise(share: float | None, caseload: int) -> None:
    """Lesson 06's ICCs and effects, at the optimiser's noise, give the same outputs."""
    explorer = aw.TherapistEffectsExplorer()
    if share is not None:
        explorer.apply_dict({"therapist_icc_outcome": share, "clients_per_therapist": caseload})
    exact, frames = explorer._a, explorer._frames_now

    def outputs(k: int) -> tuple[str, str, str]:
        fits = dataclasses.replace(
            exact,
            icc_outcome=perturb(exact.icc_outcome, k, SOLVER_NOISE),
            icc_alliance=perturb(exact.icc_alliance, k, SOLVER_NOISE),
            effects=perturb(exact.effects, k, SOLVER_NOISE),
        )
        moved = {**frames, **{n: perturb(frames[n], k, SOLVER_NOISE) for n in ("iccs", "effects")}}
        explorer._a, explorer._frames_now = fits, moved
        try:
            spec, _ = full_spec(explorer.build_chart(moved), moved, "TherapistEffectsExplorer")
            return explorer.readout(), explorer.chart_description(), json.dumps(spec)
        finally:
            explorer._a, explorer._frames_now = exact, frames

    assert all(outputs(k) == outputs(0) for k in (-1, 1))


def test_perturbation_reaches_the_chart_data() -> None:
    """The perturbation does change the numbers (so the test above can fail)."""
    explorer = _lambert_study()
    frames = as_frames(explorer.chart_data())
    moved = perturb(frames["shares"], 4)
    assert not np.array_equal(moved["share"].to_numpy(), frames["shares"]["share"].to_numpy())


def test_a_chart_a_lesson_draws_is_rounded_too() -> None:
    """A lesson's own ``alt.Chart(frame)`` stores the same data under last-bit noise."""
    aw.charts.enable_offline_charts()
    rng = np.random.default_rng(7)
    frame = pd.DataFrame({"seed": range(1, 101), "r": rng.normal(0.28, 0.05, 100)})

    def spec(data: pd.DataFrame) -> str:
        chart = alt.Chart(data).mark_bar().encode(x=alt.X("r:Q", bin=True), y="count():Q")
        return json.dumps(chart.to_dict()["datasets"], sort_keys=True)

    assert all(spec(perturb(frame, k)) == spec(frame) for k in ULPS)


# The helpers' own tests import them where used, so that the fragility tests above also
# run against a kit without them (which is how they were seen to fail).


def test_records_round_every_float_column_to_its_scale() -> None:
    frame = pd.DataFrame(
        {
            "share": [15.1557762325, 39.99999999999999, 0.0123456],
            "near_zero": [1e-17, -2.5e-17, 0.5],
            "n": [1, 2, 3],
            "flag": [True, False, True],
            "text": ["a", "b", None],
            "mixed": pd.Series([0.27800000000000002, "x", np.nan], dtype=object),
        }
    )
    rows = records(frame)
    assert [r["share"] for r in rows] == [15.16, 40.0, 0.01]
    assert [r["near_zero"] for r in rows] == [0.0, 0.0, 0.5]
    assert json.dumps([r["near_zero"] for r in rows]) == "[0.0, 0.0, 0.5]"  # never -0.0
    assert [r["n"] for r in rows] == [1, 2, 3] and rows[0]["flag"] is True
    assert [r["mixed"] for r in rows] == [0.278, "x", None]


def test_round_column_magnitude_is_stable_at_powers_of_ten() -> None:
    """1.0 computed as 0.9999999999999999 must not change the whole column's decimals."""
    from alliance_widgets.charts.numbers import round_column

    a = round_column(np.array([1.0, 0.123456]))
    b = round_column(np.array([1.0 - EPS / 2, 0.123456]))
    assert a.tolist() == b.tolist() == [1.0, 0.123]


def test_round_column_keeps_whole_numbers_and_non_finite_values() -> None:
    from alliance_widgets.charts.numbers import round_column

    assert round_column(np.array([123456.0, 7.0])).tolist() == [123456.0, 7.0]
    out = round_column(np.array([np.nan, np.inf, -np.inf, 2.0]))
    assert np.isnan(out[0]) and out[1:].tolist() == [np.inf, -np.inf, 2.0]
    assert round_column(np.array([np.nan])).size == 1
    assert round_column(np.array([-0.0, 0.0])).tolist() == [0.0, 0.0]
    assert str(round_column(np.array([-0.0]))[0]) == "0.0"


@pytest.mark.parametrize("digits", [0, 16, 2.5, True, "4"])
def test_round_column_rejects_bad_digits(digits: Any) -> None:
    from alliance_widgets.charts.numbers import round_column

    with pytest.raises(ValueError, match="digits must be a whole number from 1 to 15"):
        round_column(np.array([1.0]), digits)


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        (15.5, 0, "16"),
        (15.499999999999998, 0, "16"),  # 15.5 computed a hair short
        (2.675, 2, "2.67"),
        (-0.0004, 2, "0.00"),  # no "-0.00" on one machine only
        (-1e-17, 1, "0.0"),
        (0.27800000000000002, 3, "0.278"),
        (float("inf"), 1, "inf"),
    ],
)
def test_fixed_writes_one_string_for_one_number(value: float, decimals: int, text: str) -> None:
    from alliance_widgets.charts.numbers import fixed

    assert fixed(value, decimals) == text
    if math.isfinite(value) and value:
        assert all(fixed(perturb(value, k), decimals) == text for k in ULPS)


def test_percent_and_bad_decimals() -> None:
    from alliance_widgets.charts.numbers import fixed, percent

    assert percent(0.2781) == "28 %"
    assert percent(0.0774, 1) == "7.7 %"
    with pytest.raises(ValueError, match="decimals must be a whole number >= 0"):
        fixed(1.0, -1)


def test_portable_values_keeps_altair_default_behaviour() -> None:
    from alliance_widgets.charts.common import portable_values

    frame = pd.DataFrame({"r": [0.27800000000000002], "when": pd.to_datetime(["2026-01-02"])})
    values = portable_values(frame)["values"]
    assert values == [{"r": 0.278, "when": "2026-01-02T00:00:00"}]
    with pytest.raises(alt.MaxRowsError):
        portable_values(pd.DataFrame({"x": np.zeros(6)}), max_rows=5)
