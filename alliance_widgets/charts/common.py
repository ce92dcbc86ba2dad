"""Helpers shared by the chart builders: named datasets, records, finishing a chart.

Every row of chart data passes through :func:`records`, which rounds each float column
(``charts.numbers.round_column``): the spec, the SVG drawn from it and its ARIA labels
then carry no digit that differs between machines, whatever BLAS or CPU made the data.

The kit's builders draw from *named* datasets (``alt.NamedData("points")`` with the rows in
the top-level ``datasets``) rather than inline data. The chart is then the same object for
a lesson and for an explorer, and an explorer can update it by swapping the rows of a
dataset in the cached spec, without rebuilding or revalidating any altair object.

Examples
--------
>>> import altair as alt, pandas as pd
>>> frame = pd.DataFrame({"x": [1, 2], "y": [3.0, float("nan")]})
>>> chart = finish(
...     alt.Chart(named("points")).mark_point().encode(x="x:Q", y="y:Q"),
...     {"points": frame},
...     title="Two points",
...     description="Two points, one with a missing y.",
... )
>>> spec = chart.to_dict()
>>> spec["data"], spec["datasets"]["points"][1]
({'name': 'points'}, {'x': 2, 'y': None})
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import altair as alt
import numpy as np
import pandas as pd

from alliance_widgets.charts.numbers import SIGNIFICANT_DIGITS, round_column

__all__ = [
    "DATA_TRANSFORMER",
    "enable_portable_data",
    "finish",
    "named",
    "portable_values",
    "records",
]

#: The name of the kit's altair data transformer (see :func:`portable_values`).
DATA_TRANSFORMER = "alliance_widgets"


def records(frame: pd.DataFrame, digits: int = SIGNIFICANT_DIGITS) -> list[dict[str, Any]]:
    """Return a DataFrame as JSON-able records for a Vega-Lite dataset (NaN, inf -> null).

    Float columns are rounded to ``digits`` significant digits of their largest value
    (see ``charts.numbers.round_column``); whole numbers, text and booleans pass as they
    are. This is the one place chart data is rounded, so that a stored chart reads the
    same on every machine.

    Examples
    --------
    >>> records(pd.DataFrame({"a": [1, 2], "b": [0.5, float("nan")]}))
    [{'a': 1, 'b': 0.5}, {'a': 2, 'b': None}]
    >>> records(pd.DataFrame({"share": [15.155776232500001, 39.99999999999999]}))
    [{'share': 15.16}, {'share': 40.0}]
    """
    # Column by column with numpy's tolist(): explorers call this on every slider move,
    # and pandas' to_dict("records") costs milliseconds even for a ten-row frame.
    columns = [str(c) for c in frame.columns]
    data: list[list[Any]] = []
    for name in frame.columns:
        series = frame[name]
        if isinstance(series.dtype, np.dtype) and series.dtype.kind in "fiub":
            values = series.to_numpy()
            if values.dtype.kind == "f":
                values = round_column(values, digits)
            column = values.tolist()
            if values.dtype.kind == "f" and not np.isfinite(values).all():
                # Vega-Lite reads null as missing; NaN and inf are not valid JSON.
                column = [v if math.isfinite(v) else None for v in column]
        else:
            column = series.astype(object).tolist()
            # Labels (client ids, categories) are plain strings already: skip the per-value
            # conversion, a few ms for a 5,000-client study on every slider move.
            if not all(type(v) is str for v in column):
                column = [_plain(v, digits) for v in column]
        data.append(column)
    return [dict(zip(columns, row, strict=True)) for row in zip(*data, strict=True)]


def _plain(value: Any, digits: int = SIGNIFICANT_DIGITS) -> Any:
    """A JSON-ready Python value: numpy scalars unboxed; NaN, inf and missing -> None.

    A float in a mixed column is rounded on its own (``digits`` significant digits).
    """
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        return float(round_column(np.array([value]), digits)[0])
    return value


def named(name: str) -> alt.NamedData:
    """A reference to the dataset ``name`` (its rows are attached by :func:`finish`)."""
    return alt.NamedData(name=name)


def finish(
    chart: Any,
    frames: Mapping[str, pd.DataFrame],
    *,
    title: str,
    description: str,
    subtitle: str | list[str] | None = None,
) -> Any:
    """Attach the named datasets, the title and the one-sentence text alternative.

    ``description`` is the chart's text alternative (vega writes it into the SVG's ARIA
    description, and ``charts.render.chart_text`` reads it): say what the chart shows.
    """
    heading: Any = title if subtitle is None else alt.TitleParams(text=title, subtitle=subtitle)
    return chart.properties(
        title=heading,
        description=description,
        datasets={name: records(frame) for name, frame in frames.items()},
    )


def portable_values(data: Any, max_rows: int = 5000) -> Any:
    """The default altair data transformer, with float columns rounded as in :func:`records`.

    A lesson that draws its own chart (``alt.Chart(frame)``) then stores no digit that
    differs between machines either. Enabled with the kit's theme in a kernel; altair's
    ``alt.data_transformers.enable("default")`` brings back full precision.

    Examples
    --------
    >>> portable_values(pd.DataFrame({"r": [0.27800000000000002, 0.3], "n": [1, 2]}))
    {'values': [{'r': 0.278, 'n': 1}, {'r': 0.3, 'n': 2}]}
    """
    from altair.vegalite.data import default_data_transformer

    if isinstance(data, pd.DataFrame):
        floats = [c for c, t in data.dtypes.items() if isinstance(t, np.dtype) and t.kind == "f"]
        if floats:
            data = data.copy()
            for column in floats:
                data[column] = round_column(data[column].to_numpy())
    return default_data_transformer(data, max_rows=max_rows)


def enable_portable_data() -> None:
    """Register and enable :func:`portable_values` as altair's data transformer.

    Examples
    --------
    >>> enable_portable_data()
    >>> alt.data_transformers.active
    'alliance_widgets'
    """
    # Registered unconditionally: asking names() first reads every installed package's
    # entry points (~10 ms of every kernel's import).
    alt.data_transformers.register(DATA_TRANSFORMER, portable_values)
    alt.data_transformers.enable(DATA_TRANSFORMER)
