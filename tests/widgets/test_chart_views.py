"""An explorer's charts by view: built once per chart key, valid Vega-Lite, reused on return.

The explorers skip altair's schema validation when they build a chart (it was most of a
view switch's cost), so this module validates every explorer's chart, in the views and
states the lessons show, against the Vega-Lite schema instead.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import altair as alt
import pandas as pd
import pytest
import traitlets

import alliance_widgets as aw
from alliance_widgets.charts.common import records
from alliance_widgets.widgets.base import Explorer
from alliance_widgets.widgets.base_view import PROBE_ROWS


def _with(cls: type[Explorer], **state: Any) -> Callable[[], Explorer]:
    def make() -> Explorer:
        explorer = cls()
        explorer.raise_errors = True
        explorer.apply_dict(state)
        return explorer

    return make


def _lambert_study_then_empirical() -> Explorer:
    explorer = aw.LambertExplorer(study=True)
    explorer.view = "empirical"
    return explorer


STATES: dict[str, Callable[[], Explorer]] = {
    "bordin": aw.BordinExplorer,
    "bordin-questionnaire": _with(aw.BordinExplorer, mode="questionnaire"),
    "lambert": aw.LambertExplorer,
    "lambert-study": _with(aw.LambertExplorer, study=True),
    "lambert-empirical": _lambert_study_then_empirical,
    "alliance-outcome": aw.AllianceOutcomeExplorer,
    "ruptures": aw.RuptureRepairExplorer,
    "therapists": aw.TherapistEffectsExplorer,
    "feedback": aw.FeedbackExplorer,
    "feedback-support-tools": _with(aw.FeedbackExplorer, feedback="feedback + support tools"),
}


@pytest.mark.parametrize("name", sorted(STATES))
def test_every_explorer_chart_is_valid_vega_lite(name: str) -> None:
    spec = STATES[name]().spec
    # Dataset rows are free-form in the schema; a few of each keep jsonschema quick.
    probe = {**spec, "datasets": {k: v[:PROBE_ROWS] for k, v in spec["datasets"].items()}}
    alt.Root.validate(probe)


def test_schema_check_above_can_fail() -> None:
    spec = aw.LambertExplorer().spec
    broken = {**spec, "layer": [{**spec["layer"][0], "mark": "no-such-mark"}]}
    with pytest.raises(Exception, match="no-such-mark"):
        alt.Root.validate({**broken, "datasets": {}})


class Switch(Explorer):
    """Two chart structures behind one switch, with an in-chart param."""

    title = "Switch"
    log_scale = traitlets.Bool(False, help="Structure switch.").tag(state=True)
    slope = traitlets.Float(1.0, help="The slope.").tag(state=True)
    builds = 0

    def chart_data(self) -> dict[str, pd.DataFrame]:
        return {"points": pd.DataFrame({"x": [1.0, 2.0], "y": [self.slope, 2 * self.slope]})}

    def chart_key(self) -> bool:
        return bool(self.log_scale)

    def build_chart(self, data: Any) -> Any:
        type(self).builds += 1
        scale = alt.Scale(type="log" if self.log_scale else "linear")
        return (
            alt.Chart(alt.NamedData("points"))
            .mark_point()
            .encode(x="x:Q", y=alt.Y("y:Q", scale=scale))
            .add_params(alt.param(name="threshold", value=1.0))
            .properties(
                title="Points",
                description="Two points.",
                datasets={k: records(v) for k, v in data.items()},
            )
        )

    def readout(self) -> str:
        return f"Slope {self.slope:g}."


def test_a_view_switched_back_is_not_rebuilt_and_keeps_its_widget_and_params() -> None:
    explorer = Switch()
    linear = explorer.chart
    linear._params = {"threshold": 3.0}
    explorer.log_scale = True
    log = explorer.chart
    assert log is not linear and explorer._chart_box.children == (log,)
    builds = Switch.builds
    explorer.slope = 2.0
    explorer.log_scale = False
    assert Switch.builds == builds, "switching back rebuilt the chart"
    assert explorer.chart is linear and explorer._chart_box.children == (linear,)
    # The data are today's, the learner's threshold is kept.
    assert explorer.spec["datasets"]["points"] == [{"x": 1.0, "y": 2.0}, {"x": 2.0, "y": 4.0}]
    (param,) = explorer.spec["params"]
    assert param["value"] == 3.0
    explorer.log_scale = True
    assert explorer.chart is log and Switch.builds == builds
    assert explorer.spec["encoding"]["y"]["scale"] == {"type": "log"}


def test_lambert_after_a_round_trip_shows_what_a_fresh_explorer_shows() -> None:
    """Byte-identical spec and text, whichever way the explorer reached its state."""
    explorer = aw.LambertExplorer(study=True)
    first = explorer.chart
    explorer.view = "empirical"
    explorer.set_share("relationship", 50)
    explorer.view = "lambert"
    assert explorer.chart is first
    fresh = aw.LambertExplorer.from_dict(explorer.to_dict())
    assert json.dumps(explorer.spec, sort_keys=True) == json.dumps(fresh.spec, sort_keys=True)
    assert explorer.text() == fresh.text()
    explorer.view = "empirical"
    fresh.view = "empirical"
    assert json.dumps(explorer.spec, sort_keys=True) == json.dumps(fresh.spec, sort_keys=True)
