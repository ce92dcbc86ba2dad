"""The feedback chart builder: named data, direct labels, signal colours and shapes, text."""

from __future__ import annotations

import json

import pandas as pd

from alliance_widgets.charts.feedback import (
    SIGNAL_SHAPES,
    feedback_chart,
    feedback_description,
    feedback_frames,
)
from alliance_widgets.charts.render import chart_svg, chart_text
from alliance_widgets.charts.theme import SIGNAL_COLOURS
from alliance_widgets.science import feedback_signals


def _layers(spec: dict) -> list[dict]:
    return spec["layer"]


def _frames(scores: list[float], feedback: pd.DataFrame | None = None) -> dict:
    return feedback_frames(feedback_signals(scores), intake=scores[0], feedback=feedback)


def test_labels_mark_where_each_run_of_a_signal_starts_and_the_end() -> None:
    frames = _frames([90, 88, 86, 95, 104, 104, 55])
    assert frames["course"].signal.tolist() == [
        "green",
        "green",
        "green",
        "yellow",
        "red",
        "red",
        "white",
    ]
    assert frames["course"].label.tolist() == ["green", "", "", "yellow", "red", "", "white"]


def test_missing_sessions_have_no_signal_and_no_label() -> None:
    course = feedback_signals(pd.Series([90.0, float("nan"), 80.0], index=[1, 2, 3]))
    frames = feedback_frames(course, intake=90)
    assert frames["course"].signal.tolist() == ["green", "", "green"]
    assert frames["course"].label.tolist() == ["green", "", "green"]
    description = feedback_description(frames["course"], intake=90, course_name="gap")
    assert "signals green 2; last signal green" in description


def test_chart_uses_only_named_datasets_and_no_url() -> None:
    frames = _frames([90, 92, 99])
    spec = feedback_chart(frames, intake=90, course_name="x").to_dict()
    assert set(spec["datasets"]) == {"course", "feedback", "references"}
    for layer in _layers(spec):
        assert set(layer["data"]) == {"name"}
    spec.pop("$schema")
    assert "http" not in json.dumps(spec)


def test_signals_use_the_kit_colours_and_one_shape_each() -> None:
    spec = feedback_chart(_frames([90, 99, 110]), intake=90, course_name="x").to_dict()
    points = [layer for layer in _layers(spec) if layer["mark"].get("type") == "point"]
    (point,) = points
    colour = point["encoding"]["color"]["scale"]
    assert colour["domain"] == list(SIGNAL_COLOURS)
    assert colour["range"] == list(SIGNAL_COLOURS.values())
    shape = point["encoding"]["shape"]["scale"]
    assert len(set(shape["range"])) == len(SIGNAL_SHAPES) == 4
    assert "tooltip" in point["encoding"]


def test_title_description_and_direct_labels_reach_the_svg() -> None:
    frames = _frames([90, 99, 110, 108])
    shifted = pd.DataFrame({"session": [2, 3, 4], "low": [99, 108, 105], "high": [99, 107, 103]})
    frames = feedback_frames(feedback_signals([90, 99, 110, 108]), intake=90, feedback=shifted)
    chart = feedback_chart(frames, intake=90, course_name="not on track")
    text = chart_text(chart.to_dict())
    assert text.startswith("A client's progress against expected recovery — Example course")
    svg = chart_svg(chart)
    for label in (
        "clinical cutoff 63.5",
        "expected recovery",
        "this client",
        "with feedback (illustration)",
        ">red</text>",
        "no reliable change",
    ):
        assert label in svg, label
