"""The causal-worlds chart: one estimate per simulated world, with its interval and truth.

Four simulated worlds differ in which way the alliance and symptom change drive each
other. The chart sets the worlds one above the other and, for each *panel* (an analysis's
number: the end-of-therapy r, or one of the two lagged within-client effects), draws the
estimate (a dot), its 95 % interval (a line), the world's true value where the simulation
knows one (a hollow blue diamond) and 0 (a dashed rule). The world the learner picked is
drawn in the highlight colour, larger, and its label says so, so colour is never the only
cue. Panels are stacked rows of one faceted chart with their own x scales: a change of
analysis changes the rows of the data, not the chart, so an explorer only swaps data.

The table (named dataset ``estimates``), one row per (panel, world):

``panel`` (str)
    The number shown, with its unit; the row header (e.g. "End-of-therapy r ...").
``world`` (str)
    The world's name as shown on the y axis.
``estimate``, ``low``, ``high`` (float)
    The estimate and its 95 % interval.
``truth`` (float, NaN when unknown)
    The world's true value, in the estimate's units.
``chosen`` (bool)
    The world the learner picked.
``decimals`` (int)
    Decimals the label and the text alternative write.
``label`` (str)
    The estimate and interval as written beside the dot.

Examples
--------
>>> rows = [
...     EstimateRow("r", "World A", 0.28, 0.24, 0.32, float("nan"), True),
...     EstimateRow("r", "World B", 0.27, 0.23, 0.31, float("nan"), False),
... ]
>>> frame = estimate_frame(rows)
>>> frame.label.tolist()
['0.28 [0.24, 0.32] (the true world)', '0.27 [0.23, 0.31]']
>>> spec = causal_chart(frame, description="Two worlds.").to_dict()
>>> sorted(spec["datasets"]), spec["description"]
(['estimates'], 'Two worlds.')
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

import altair as alt
import pandas as pd

from alliance_widgets.charts.common import finish, named, records
from alliance_widgets.charts.numbers import fixed
from alliance_widgets.charts.theme import PALETTE

__all__ = [
    "ESTIMATES",
    "TITLE",
    "WORLD_LABELS",
    "EstimateRow",
    "causal_chart",
    "causal_description",
    "estimate_frame",
    "world_label",
]

#: The dataset name of the estimates (one row per panel and world).
ESTIMATES = "estimates"
TITLE = "Which way does it run? Four simulated worlds"
#: How each simulated world is named for a learner (science names them in snake_case).
WORLD_LABELS: dict[str, str] = {
    "alliance_drives_change": "Alliance drives change",
    "change_drives_alliance": "Change drives alliance",
    "common_cause": "Common cause",
    "reciprocal": "Both ways (reciprocal)",
}
_CHOSEN_NOTE = " (the true world)"
_COLUMNS = ["panel", "world", "estimate", "low", "high", "truth", "chosen", "decimals", "label"]
# Darker than PALETTE["highlight"] so that text in it keeps a 4.5:1 contrast on white.
_HIGHLIGHT_TEXT = "#A64400"
_TRUTH = PALETTE["bond"]  # blue: apart from the vermillion highlight for every reader


class EstimateRow(NamedTuple):
    """One world's estimate in one panel (see the module docstring for the fields)."""

    panel: str
    world: str
    estimate: float
    low: float
    high: float
    truth: float
    chosen: bool
    decimals: int = 2


def world_label(name: str) -> str:
    """A world's name as a learner reads it.

    Examples
    --------
    >>> world_label("common_cause"), world_label("a_new_world")
    ('Common cause', 'A new world')
    """
    return WORLD_LABELS.get(name, name.replace("_", " ").capitalize())


def _interval(row: EstimateRow) -> str:
    d = row.decimals
    return f"{fixed(row.estimate, d)} [{fixed(row.low, d)}, {fixed(row.high, d)}]"


def estimate_frame(rows: Iterable[EstimateRow]) -> pd.DataFrame:
    """The ``estimates`` table from :class:`EstimateRow` records, in their order.

    Each label writes the estimate and its interval with the row's ``decimals``; the
    chosen world's label says that it is the true world.

    Examples
    --------
    >>> estimate_frame([EstimateRow("p", "W", 1.234, 0.5, 2.0, 1.0, False, 1)]).label[0]
    '1.2 [0.5, 2.0]'
    """
    data = [
        (
            r.panel,
            r.world,
            float(r.estimate),
            float(r.low),
            float(r.high),
            float(r.truth),
            bool(r.chosen),
            int(r.decimals),
            _interval(r) + (_CHOSEN_NOTE if r.chosen else ""),
        )
        for r in rows
    ]
    frame = pd.DataFrame(data, columns=_COLUMNS)
    return frame.astype(
        {"estimate": float, "low": float, "high": float, "truth": float, "chosen": bool}
    )


def causal_description(estimates: pd.DataFrame, *, analysis: str) -> str:
    """The chart's one-sentence text alternative: every estimate, panel by panel.

    Parameters
    ----------
    estimates : DataFrame
        The ``estimates`` table (:func:`estimate_frame`).
    analysis : str
        What the panels show, as the sentence opens ("End-of-therapy correlation").

    Examples
    --------
    >>> frame = estimate_frame([EstimateRow("r", "A", 0.28, 0.24, 0.32, 0.3, True)])
    >>> print(causal_description(frame, analysis="Correlation"))
    Correlation in 1 simulated world (true world: A); r: A 0.28 [0.24, 0.32] (true 0.30).
    """
    chosen = estimates.loc[estimates["chosen"], "world"].drop_duplicates().tolist()
    worlds = estimates["world"].drop_duplicates()
    n = len(worlds)
    parts = []
    for panel, rows in estimates.groupby("panel", sort=False):
        items = []
        columns = (rows[c].tolist() for c in ("world", "label", "truth", "decimals"))
        for world, label, truth, decimals in zip(*columns, strict=True):
            text = f"{world} {str(label).removesuffix(_CHOSEN_NOTE)}"
            if not math.isnan(truth):
                text += f" (true {fixed(float(truth), int(decimals))})"
            items.append(text)
        parts.append(f"{panel}: " + ", ".join(items))
    truth = f" (true world: {chosen[0]})" if chosen else ""
    return (
        f"{analysis} in {n} simulated world{'s' if n != 1 else ''}{truth}; "
        + "; ".join(parts)
        + "."
    )


def _panel(height_step: int) -> Any:
    chosen = alt.datum.chosen
    y = alt.Y("world:N", title=None, sort=None, axis=alt.Axis(labelLimit=260))
    x = alt.X(
        "estimate:Q",
        title="Estimate (dot) with its 95% interval (line)",
        scale=alt.Scale(zero=True, nice=True),
    )
    colour = alt.condition(chosen, alt.value(PALETTE["highlight"]), alt.value(PALETTE["observed"]))
    tooltip = [
        alt.Tooltip("world:N", title="world"),
        alt.Tooltip("estimate:Q", title="estimate", format=".2f"),
        alt.Tooltip("low:Q", title="95% CI low", format=".2f"),
        alt.Tooltip("high:Q", title="95% CI high", format=".2f"),
        alt.Tooltip("truth:Q", title="true value", format=".2f"),
    ]
    # One rule at 0 per row of data: harmless duplicates, and it needs no second dataset.
    zero = (
        alt.Chart()
        .transform_calculate(zero="0")
        .mark_rule(color="#666666", strokeDash=[4, 3])
        .encode(x="zero:Q")
    )
    interval = (
        alt.Chart()
        .mark_rule()
        .encode(
            x="low:Q",
            x2="high:Q",
            y=y,
            color=colour,
            strokeWidth=alt.condition(chosen, alt.value(4), alt.value(2)),
        )
    )
    dot = (
        alt.Chart()
        .mark_point(filled=True, opacity=1)
        .encode(
            x=x,
            y=y,
            color=colour,
            size=alt.condition(chosen, alt.value(220), alt.value(90)),
            shape=alt.condition(chosen, alt.value("square"), alt.value("circle")),
            tooltip=tooltip,
        )
    )
    # Hidden from assistive technology: the true values are in the chart's description
    # and the readout, and in the cross-sectional view this layer has no marks at all, an
    # empty "symbol" group with no name that axe flags (svg-img-alt).
    truth = (
        alt.Chart()
        .mark_point(
            shape="diamond", size=150, strokeWidth=2, filled=False, color=_TRUTH, aria=False
        )
        .encode(
            x="truth:Q",
            y=y,
            tooltip=[alt.Tooltip("truth:Q", title="true value in this world", format=".2f")],
        )
    )
    # Two text layers, since Vega-Lite has no font-weight channel: the chosen world's
    # label is bold and darker, so it stands out without colour too.
    label = (
        alt.Chart()
        .transform_filter(~chosen)
        .mark_text(dy=-14, fontSize=12, color="#000000")
        .encode(x=x, y=y, text="label:N")
    )
    chosen_label = (
        alt.Chart()
        .transform_filter(chosen)
        .mark_text(dy=-15, fontSize=13, fontWeight="bold", color=_HIGHLIGHT_TEXT)
        .encode(x=x, y=y, text="label:N")
    )
    return alt.layer(zero, interval, dot, truth, label, chosen_label).properties(
        width=460, height=alt.Step(height_step)
    )


def causal_chart(estimates: pd.DataFrame | Mapping[str, pd.DataFrame], *, description: str) -> Any:
    """The causal-worlds chart: one row of panels per number, one line per world.

    Parameters
    ----------
    estimates : DataFrame or mapping
        The ``estimates`` table (:func:`estimate_frame`), or ``{"estimates": table}``.
    description : str
        The one-sentence text alternative, with the numbers
        (:func:`causal_description`).

    Returns
    -------
    altair.FacetChart
    """
    frame = estimates[ESTIMATES] if isinstance(estimates, Mapping) else estimates
    header = alt.Header(
        title=None,
        labelOrient="top",
        labelAnchor="start",
        labelAngle=0,
        labelFontWeight="bold",
        labelLimit=900,
    )
    chart = (
        _panel(46)
        .properties(data=named(ESTIMATES))
        .facet(row=alt.Row("panel:N", sort=None, header=header), spacing=28)
        .resolve_scale(x="independent")
        .resolve_axis(x="independent")
    )
    chart = finish(
        chart,
        {},
        title=TITLE,
        # Two lines: Vega does not wrap a subtitle, and one line overflowed a notebook.
        subtitle=[
            "Dot and line: estimate and 95% interval; hollow blue diamond: the world's true "
            "lagged effect;",
            "dashed: 0; large vermillion square: the world you picked.",
        ],
        description=description,
    )
    # Attached directly: .properties() would validate every record against the schema.
    chart.datasets = {ESTIMATES: records(frame)}
    return chart
