"""The alliance–outcome scatter: early alliance against improvement, with its fitted line.

The least-squares line and the count of highlighted clients are computed *in the chart*
(Vega-Lite ``regression`` and ``aggregate`` transforms), and the highlight threshold is a
Vega-Lite param bound to a slider inside the chart: moving it needs no kernel, so it works
in a static page too.

Examples
--------
>>> import numpy as np, pandas as pd
>>> rng = np.random.default_rng(1)
>>> a = rng.normal(3.9, 0.6, 50)
>>> points = pd.DataFrame({"early_alliance": a, "improvement": 10 * a + rng.normal(0, 8, 50)})
>>> chart = alliance_outcome_chart(points, description="Fifty clients.")
>>> spec = chart.to_dict()
>>> sorted(spec["datasets"]), spec["params"][0]["name"]
(['points'], 'threshold')
>>> spec["title"], spec["description"]
('Early alliance and improvement', 'Fifty clients.')
"""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd

from alliance_widgets.charts.common import finish, named
from alliance_widgets.charts.theme import PALETTE

__all__ = ["POINTS", "THRESHOLD_PARAM", "alliance_outcome_chart"]

#: The dataset name of the clients (one row per client).
POINTS = "points"
#: The view-only param that highlights clients above an early-alliance threshold.
THRESHOLD_PARAM = "threshold"

X_FIELD = "early_alliance"
Y_FIELD = "improvement"
X_TITLE = "Early alliance (WAI-SR mean, 1–5)"
Y_TITLE = "Improvement (OQ-45 points, intake − end)"


def alliance_outcome_chart(
    points: pd.DataFrame,
    *,
    description: str,
    threshold: float = 4.0,
    alliance_range: tuple[float, float] = (1.0, 5.0),
    subtitle: str | None = None,
) -> Any:
    """Scatter of early alliance against improvement with the regression line.

    Parameters
    ----------
    points : DataFrame
        One row per client, columns ``early_alliance`` and ``improvement`` (extra columns,
        such as ``client_id``, appear in the tooltip when named ``client_id``).
    description : str
        The one-sentence text alternative (what the chart shows, with the numbers).
    threshold : float, default 4.0
        Initial value of the in-chart slider: clients whose early alliance is above it are
        drawn in the highlight colour and counted.
    alliance_range : (float, float)
        The range of the threshold slider and of the x axis.
    subtitle : str, optional
        A second title line (e.g. the sample's r).

    Returns
    -------
    altair.LayerChart
        Layers: points, the fitted line with a direct label, the threshold rule and the
        count above it.
    """
    low, high = alliance_range
    threshold_param = alt.param(
        name=THRESHOLD_PARAM,
        value=threshold,
        bind=alt.binding_range(
            min=low, max=high, step=0.1, name="Highlight clients with early alliance above "
        ),
    )
    above = alt.datum[X_FIELD] > threshold_param
    x = alt.X(f"{X_FIELD}:Q", title=X_TITLE, scale=alt.Scale(domain=[low, high], nice=False))
    y = alt.Y(f"{Y_FIELD}:Q", title=Y_TITLE)
    base = alt.Chart(named(POINTS))
    tooltip = [
        alt.Tooltip(f"{X_FIELD}:Q", title="early alliance", format=".2f"),
        alt.Tooltip(f"{Y_FIELD}:Q", title="improvement", format=".1f"),
    ]
    if "client_id" in points.columns:
        tooltip.insert(0, alt.Tooltip("client_id:N", title="client"))
    dots = (
        base.mark_circle(size=28, opacity=0.6, clip=True)
        .encode(
            x=x,
            y=y,
            color=alt.condition(
                above, alt.value(PALETTE["highlight"]), alt.value(PALETTE["muted"])
            ),
            tooltip=tooltip,
        )
        .add_params(threshold_param)
    )
    # vega computes the line's ends in the chart; rounded like the data they come from, so
    # its ARIA label reads "26.44", not "26.4368560263".
    fit = base.transform_regression(X_FIELD, Y_FIELD).transform_calculate(
        **{Y_FIELD: f"round(datum.{Y_FIELD} * 100) / 100"}
    )
    line = fit.mark_line(color=PALETTE["observed"], strokeWidth=3, clip=True).encode(x=x, y=y)
    line_label = (
        fit.transform_window(rank="rank()", sort=[alt.SortField(X_FIELD, order="descending")])
        .transform_filter(alt.datum.rank == 1)
        .mark_text(align="right", dy=-12, fontWeight="bold", color=PALETTE["observed"])
        .encode(x=x, y=y, text=alt.value("least-squares line"))
    )
    rule = (
        base.transform_aggregate(n="count()")
        .transform_calculate(at=THRESHOLD_PARAM)
        .mark_rule(color=PALETTE["highlight"], strokeDash=[6, 4])
        .encode(x=alt.X("at:Q", scale=alt.Scale(domain=[low, high], nice=False)))
    )
    count = (
        base.transform_joinaggregate(total="count()")
        .transform_filter(above)
        .transform_aggregate(above="count()", total="max(total)")
        .transform_calculate(
            label=alt.expr.format(alt.datum.above, ",")
            + " of "
            + alt.expr.format(alt.datum.total, ",")
            + " clients above "
            + alt.expr.format(threshold_param, ".1f"),
            at=THRESHOLD_PARAM,
        )
        .mark_text(align="left", baseline="top", dx=4, y=4, color=PALETTE["highlight"])
        .encode(x=alt.X("at:Q"), text="label:N")
    )
    layered = alt.layer(dots, line, line_label, rule, count).properties(width=460, height=300)
    return finish(
        layered,
        {POINTS: points},
        title="Early alliance and improvement",
        description=description,
        subtitle=subtitle,
    )
