"""charts.common.records: the fast path every explorer uses on each change keeps its meaning."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd

from alliance_widgets.charts.common import records


def test_numpy_columns_become_python_scalars_and_bad_floats_null() -> None:
    frame = pd.DataFrame(
        {
            "i": np.array([1, 2, 3], dtype=np.int64),
            "u": np.array([1, 2, 3], dtype=np.uint8),
            "f": [0.5, float("nan"), float("inf")],
            "b": [True, False, True],
        }
    )
    out = records(frame)
    assert out == [
        {"i": 1, "u": 1, "f": 0.5, "b": True},
        {"i": 2, "u": 2, "f": None, "b": False},
        {"i": 3, "u": 3, "f": None, "b": True},
    ]
    assert [type(v) for v in out[0].values()] == [int, int, float, bool]
    json.dumps(out, allow_nan=False)


def test_extension_and_object_columns_turn_missing_into_null() -> None:
    frame = pd.DataFrame(
        {
            "s": pd.array(["x", None], dtype="string"),
            "i": pd.array([1, None], dtype="Int64"),
            "bo": pd.array([True, None], dtype="boolean"),
            "c": pd.Categorical(["u", None]),
            "fl": pd.array([1.5, None], dtype="Float64"),
            "o": np.array([np.float64(2.5), float("nan")], dtype=object),
        }
    )
    out = records(frame)
    assert out == [
        {"s": "x", "i": 1, "bo": True, "c": "u", "fl": 1.5, "o": 2.5},
        {"s": None, "i": None, "bo": None, "c": None, "fl": None, "o": None},
    ]
    assert [type(v) for v in out[0].values()] == [str, int, bool, str, float, float]
    json.dumps(out, allow_nan=False)


def test_empty_frame_and_column_order() -> None:
    assert records(pd.DataFrame({"x": []})) == []
    assert list(records(pd.DataFrame({"b": [1], "a": [2]}))[0]) == ["b", "a"]
