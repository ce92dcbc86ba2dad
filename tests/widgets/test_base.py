"""The shared explorer base: refresh protocol, fast data swap, state, errors, display."""

from __future__ import annotations

import json

import altair as alt
import ipywidgets as w
import pandas as pd
import pytest
import traitlets

from alliance_widgets.charts.common import records
from alliance_widgets.charts.render import WIDGET_VIEW_MIMETYPE
from alliance_widgets.science.validation import check_int, check_real
from alliance_widgets.widgets.base import Explorer
from alliance_widgets.widgets.base_state import StateError, check_state, linked


class Line(Explorer):
    title = "A test line"
    axes_note = "Across: x; up: slope times x."

    slope = traitlets.Float(1.0, help="The slope.").tag(state=True)
    n = traitlets.Int(5, help="Number of points.").tag(state=True)
    log_scale = traitlets.Bool(False, help="Structure switch.").tag(state=True)

    builds = 0
    recomputes = 0

    @traitlets.validate("slope")
    def _check_slope(self, proposal):
        return check_state(proposal, check_real, low=-5, high=5)

    @traitlets.validate("n")
    def _check_n(self, proposal):
        return check_state(proposal, check_int, minimum=2, maximum=1000)

    def controls(self):
        return [
            linked(self, "slope", w.FloatSlider(min=-5, max=5, description="Slope of the line")),
            linked(self, "n", w.IntSlider(min=2, max=1000, description="Points")),
        ]

    def recompute(self):
        type(self).recomputes += 1
        if self.slope == 4.5:
            raise RuntimeError("slope 4.5 is cursed (test)")
        self._xs = list(range(self.n))

    def chart_data(self):
        return {
            "points": pd.DataFrame({"x": self._xs, "y": [self.slope * x for x in self._xs]}),
            "label": pd.DataFrame({"text": [f"slope {self.slope:g}"]}),
        }

    def chart_key(self):
        return self.log_scale

    def build_chart(self, data):
        type(self).builds += 1
        threshold = alt.param(name="threshold", value=1.0)
        base = alt.Chart(alt.NamedData("points")).mark_point().encode(x="x:Q", y="y:Q")
        return base.add_params(threshold).properties(
            title="Line",
            description="Points on a line.",
            datasets={k: records(v) for k, v in data.items()},
        )

    def chart_description(self):
        return f"{self.n} points on a line of slope {self.slope:g}."

    def readout(self):
        return f"The slope is {self.slope:g}.\nThere are {self.n} points."


def test_initial_view_and_summary():
    line = Line()
    assert line.summary == "The slope is 1.\nThere are 5 points."
    assert line.error == ""
    assert len(line.data) == 5
    assert set(line.frames) == {"points", "label"}
    assert line.spec["description"] == "5 points on a line of slope 1."
    assert line.chart.spec["datasets"]["points"][4] == {"x": 4, "y": 4.0}
    # The readout is the kit's polite live region (controls.LiveReadout), fed plain text.
    assert type(line._readout).__name__ == "LiveReadout"
    assert line._readout.value == line.summary


def test_state_change_swaps_data_without_rebuilding():
    line = Line()
    before = Line.builds
    line.slope = 2.0
    assert Line.builds == before
    assert line.chart.spec["datasets"]["points"][3]["y"] == 6.0
    assert line.spec["datasets"]["label"] == [{"text": "slope 2"}]
    assert "The slope is 2." in line.summary
    line.log_scale = True
    assert Line.builds == before + 1


def test_control_drives_state_and_state_drives_control():
    line = Line()
    slider = line._controls_box.children[0]
    assert slider.description_allow_html is False
    assert slider.style.description_width == "initial"
    assert slider.tooltip == "The slope."
    slider.value = -3.0
    assert line.slope == -3.0
    assert "-3" in line.summary
    line.slope = 1.5
    assert slider.value == 1.5


def test_invalid_state_names_trait_value_and_range():
    line = Line()
    with pytest.raises(StateError, match=r"slope must be a number in \[-5, 5\]; got 7.0"):
        line.slope = 7
    with pytest.raises(ValueError, match="n must be a whole number from 2 to 1000; got 1"):
        line.n = 1
    assert line.slope == 1.0


def test_error_is_shown_in_widget_and_last_chart_kept():
    line = Line(slope=2.0)
    line.slope = 4.5
    assert "slope 4.5 is cursed" in line.error
    assert 'role="alert"' in line._error_html.value
    assert line._error_html.layout.display is None
    assert line.spec["datasets"]["points"][1]["y"] == 2.0
    line.slope = 1.0
    assert line.error == ""
    assert line._error_html.layout.display == "none"
    line.raise_errors = True
    with pytest.raises(RuntimeError, match="cursed"):
        line.slope = 4.5


def test_round_trip_and_presets():
    line = Line(slope=-2.5, n=40)
    state = line.to_dict()
    assert state == {"log_scale": False, "n": 40, "slope": -2.5}
    again = Line.from_dict(json.loads(json.dumps(state)))
    assert again.to_dict() == state
    assert again.summary == line.summary
    with pytest.raises(TypeError, match="did you mean 'slope'"):
        Line.from_dict({"slop": 1})


def test_apply_dict_refreshes_once_and_is_atomic():
    line = Line()
    before = Line.recomputes
    line.apply_dict({"slope": 3.0, "n": 10})
    assert Line.recomputes == before + 1
    assert line.summary == "The slope is 3.\nThere are 10 points."
    with pytest.raises(StateError):
        line.apply_dict({"slope": 0.5, "n": 0})
    assert line.to_dict()["slope"] == 3.0


def test_params_survive_a_data_swap():
    line = Line()
    line.chart._params = {"threshold": 2.5}
    line.slope = 2.0
    (param,) = [p for p in line.chart.spec["params"] if p["name"] == "threshold"]
    assert param["value"] == 2.5


def test_table_toggle_shows_the_data():
    line = Line(n=300)
    assert line._table_html.value == ""
    line._table_toggle.value = True
    table = line._table_html.value
    assert "<table" in table and "first 200 of 300 rows" in table
    assert line._table_toggle.description == "Hide the data"
    line.slope = 2.0
    assert "<td>398</td>" in line._table_html.value  # the last row shown: x = 199
    line._table_toggle.value = False
    assert line._table_html.value == ""


def test_mimebundle_has_widget_view_svg_and_deterministic_text():
    line = Line(slope=2.0)
    bundle = line._repr_mimebundle_()
    assert WIDGET_VIEW_MIMETYPE in bundle
    assert bundle["image/svg+xml"].startswith("<svg")
    text = bundle["text/plain"]
    assert text.splitlines()[0] == "A test line"
    assert "Line — 5 points on a line of slope 2." in text
    assert "0x" not in text
    assert Line(slope=2.0)._repr_mimebundle_()["text/plain"] == text


def test_records_turn_missing_and_infinite_into_null():
    frame = pd.DataFrame({"a": [1.0, float("nan"), float("inf")], "b": ["x", None, "z"]})
    assert records(frame) == [
        {"a": 1.0, "b": "x"},
        {"a": None, "b": None},
        {"a": None, "b": "z"},
    ]


def test_build_chart_must_use_named_datasets():
    class Inline(Line):
        def build_chart(self, data):
            return alt.Chart(data["points"]).mark_point().encode(x="x:Q")

    bad = Inline()
    assert "named datasets" in bad.error
    with pytest.raises(RuntimeError, match="no chart"):
        _ = bad.spec


def test_spec_has_no_url():
    line = Line()
    assert "http" not in json.dumps(line.spec)
    assert "http" not in json.dumps(line.chart.spec)


class Derived(Line):
    """slope_squared follows slope via state_changed; one refresh per change."""

    slope_squared = traitlets.Float(1.0, help="Follows slope.").tag(state=True)

    def state_changed(self, change):
        if change["name"] == "slope":
            self.slope_squared = change["new"] ** 2

    def readout(self):
        return f"{self.slope:g} squared is {self.slope_squared:g}."


def test_state_changed_sets_derived_traits_with_one_refresh():
    d = Derived()
    before = Derived.recomputes
    d.slope = 3.0
    assert Derived.recomputes == before + 1
    assert d.summary == "3 squared is 9."
