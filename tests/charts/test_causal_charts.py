"""The causal-worlds chart builder: one table, panels as facet rows, labels and text."""

from __future__ import annotations

import json
import math
import re

import numpy as np
import pandas as pd
import pytest

from alliance_widgets.charts.causal import (
    ESTIMATES,
    WORLD_LABELS,
    EstimateRow,
    causal_chart,
    causal_description,
    estimate_frame,
    world_label,
)
from alliance_widgets.charts.render import chart_svg, chart_text
from alliance_widgets.charts.theme import PALETTE

NAN = float("nan")
R_PANEL = "End-of-therapy r"
A2C = "Alliance → next change"
C2A = "Change → next alliance"


def _r_rows(chosen: str = "Common cause") -> list[EstimateRow]:
    values = {
        "Alliance drives change": (0.281, 0.240, 0.321),
        "Change drives alliance": (0.274, 0.232, 0.315),
        "Common cause": (0.290, 0.249, 0.330),
        "Both ways (reciprocal)": (0.279, 0.238, 0.319),
    }
    return [
        EstimateRow(R_PANEL, w, v, lo, hi, NAN, w == chosen) for w, (v, lo, hi) in values.items()
    ]


def _lagged_rows(chosen: str = "Change drives alliance") -> list[EstimateRow]:
    a2c = [(2.1, 1.5, 2.7, 2.0), (0.1, -0.5, 0.7, 0.0), (0.0, -0.6, 0.6, 0.0), (1.2, 0.6, 1.8, 1.1)]
    c2a = [(0.01, -0.02, 0.04, 0.0), (0.12, 0.09, 0.15, 0.12), (0.0, -0.03, 0.03, 0.0)]
    c2a.append((0.06, 0.03, 0.09, 0.06))
    rows = []
    for panel, values in ((A2C, a2c), (C2A, c2a)):
        for world, (v, lo, hi, t) in zip(WORLD_LABELS.values(), values, strict=True):
            rows.append(EstimateRow(panel, world, v, lo, hi, t, world == chosen))
    return rows


def _spec(rows: list[EstimateRow]) -> dict:
    frame = estimate_frame(rows)
    spec = causal_chart(frame, description=causal_description(frame, analysis="x")).to_dict()
    spec.pop("$schema", None)
    return spec


def test_frame_columns_types_and_labels() -> None:
    frame = estimate_frame(_r_rows())
    assert frame.columns.tolist() == [
        "panel",
        "world",
        "estimate",
        "low",
        "high",
        "truth",
        "chosen",
        "decimals",
        "label",
    ]
    assert frame["chosen"].dtype == bool and frame["chosen"].sum() == 1
    assert frame["truth"].isna().all()
    labels = dict(zip(frame["world"], frame["label"], strict=True))
    assert labels["Common cause"] == "0.29 [0.25, 0.33] (the true world)"
    assert labels["Alliance drives change"] == "0.28 [0.24, 0.32]"
    one = estimate_frame([EstimateRow("p", "w", 1.26, 0.5, 2.0, 1.0, False, 1)])
    assert one["label"][0] == "1.3 [0.5, 2.0]"


def test_chart_is_one_named_table_faceted_by_panel_with_own_x_scales() -> None:
    spec = _spec(_lagged_rows())
    assert spec["data"] == {"name": ESTIMATES}
    assert list(spec["datasets"]) == [ESTIMATES]
    assert len(spec["datasets"][ESTIMATES]) == 8
    assert spec["facet"]["row"]["field"] == "panel"
    # Data order decides the panels' and worlds' order (the explorer orders them).
    assert spec["facet"]["row"]["sort"] is None
    assert spec["resolve"]["scale"]["x"] == "independent"
    for layer in spec["spec"]["layer"]:
        assert "data" not in layer  # every layer reads the facet's one table
    assert "http" not in json.dumps(spec)


def test_the_chosen_world_stands_out_by_more_than_colour() -> None:
    layers = _spec(_r_rows())["spec"]["layer"]
    dot = next(x for x in layers if x["mark"].get("filled") and "shape" in x["encoding"])
    enc = dot["encoding"]
    assert enc["color"]["condition"] == {"test": "datum.chosen", "value": PALETTE["highlight"]}
    assert enc["shape"]["condition"]["value"] == "square"
    assert enc["size"]["condition"]["value"] > enc["size"]["value"]
    bold = [x for x in layers if x["mark"].get("fontWeight") == "bold"]
    assert len(bold) == 1 and bold[0]["transform"] == [{"filter": "datum.chosen"}]


def test_only_the_truth_layer_is_hidden_from_screen_readers() -> None:
    # The diamonds have no marks in the cross-sectional view; an empty, unnamed symbol
    # group fails axe's svg-img-alt. Their values are in the description instead.
    layers = _spec(_r_rows())["spec"]["layer"]
    hidden = [x["mark"] for x in layers if x["mark"].get("aria") is False]
    assert [m.get("shape") for m in hidden] == ["diamond"]


def test_description_states_every_estimate_and_truth_only_where_known() -> None:
    frame = estimate_frame(_lagged_rows())
    text = causal_description(frame, analysis="Lagged effects")
    assert text.startswith("Lagged effects in 4 simulated worlds (true world: Change drives ")
    for label in frame["label"].tolist():
        assert str(label).removesuffix(" (the true world)") in text
    assert len(re.findall(r"\(true -?\d", text)) == 8 and text.count(f"{A2C}:") == 1
    r_text = causal_description(estimate_frame(_r_rows()), analysis="r")
    assert not re.findall(r"\(true -?\d", r_text)
    assert "Common cause 0.29 [0.25, 0.33]" in r_text


@pytest.mark.parametrize("k", [-1000, -1, 3, 1000])
def test_outputs_ignore_last_bit_noise(k: int) -> None:
    eps = np.finfo(float).eps

    def moved(rows: list[EstimateRow]) -> list[EstimateRow]:
        return [
            r._replace(
                estimate=r.estimate * (1 + k * eps) + k * eps,
                low=r.low * (1 + k * eps),
                high=r.high * (1 - k * eps),
                truth=r.truth if math.isnan(r.truth) else r.truth + k * eps,
            )
            for r in rows
        ]

    rows = _lagged_rows() + _r_rows()
    assert json.dumps(_spec(moved(rows))) == json.dumps(_spec(rows))


def test_world_label_names_the_four_worlds_and_any_other() -> None:
    assert world_label("reciprocal") == "Both ways (reciprocal)"
    assert world_label("alliance_drives_change") == "Alliance drives change"
    assert world_label("something_new") == "Something new"


def test_takes_a_mapping_of_frames_as_the_explorers_pass_it() -> None:
    frame = estimate_frame(_r_rows())
    chart = causal_chart({ESTIMATES: frame}, description="Four worlds.")
    assert chart.to_dict()["datasets"][ESTIMATES][0]["world"] == "Alliance drives change"


def test_static_picture_carries_the_text_alternative() -> None:
    pytest.importorskip("vl_convert")
    frame = estimate_frame(_r_rows())
    description = causal_description(frame, analysis="End-of-therapy correlation")
    spec = causal_chart(frame, description=description).to_dict()
    svg = chart_svg(spec)
    assert "<svg" in svg and "Both ways (reciprocal)" in svg
    assert chart_text(spec).endswith(description)


def test_missing_truth_is_null_in_the_chart_data() -> None:
    rows = causal_chart(estimate_frame(_r_rows()), description="d").to_dict()["datasets"]
    assert all(r["truth"] is None for r in rows[ESTIMATES])
    assert pd.isna(estimate_frame(_r_rows())["truth"]).all()
