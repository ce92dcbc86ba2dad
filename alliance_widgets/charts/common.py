"""Helpers shared by the chart builders: named datasets, records, finishing a chart.

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

__all__ = ["finish", "named", "records"]


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Return a DataFrame as JSON-able records for a Vega-Lite dataset (NaN, inf -> null).

    Examples
    --------
    >>> records(pd.DataFrame({"a": [1, 2], "b": [0.5, float("nan")]}))
    [{'a': 1, 'b': 0.5}, {'a': 2, 'b': None}]
    """
    # Column by column with numpy's tolist(): explorers call this on every slider move,
    # and pandas' to_dict("records") costs milliseconds even for a ten-row frame.
    columns = [str(c) for c in frame.columns]
    data: list[list[Any]] = []
    for name in frame.columns:
        series = frame[name]
        if isinstance(series.dtype, np.dtype) and series.dtype.kind in "fiub":
            values = series.to_numpy()
            column = values.tolist()
            if values.dtype.kind == "f" and not np.isfinite(values).all():
                # Vega-Lite reads null as missing; NaN and inf are not valid JSON.
                column = [v if math.isfinite(v) else None for v in column]
        else:
            column = [_plain(v) for v in series.astype(object).tolist()]
        data.append(column)
    return [dict(zip(columns, row, strict=True)) for row in zip(*data, strict=True)]


def _plain(value: Any) -> Any:
    """A JSON-ready Python value: numpy scalars unboxed; NaN, inf and missing -> None."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
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
    subtitle: str | None = None,
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
