"""Lambert's four factors as bars, beside a study's estimates, and the empirical estimates.

Horizontal bars with their values written at the bar ends read more exactly than a pie,
and each label names its series (``"30 % your split"``), so colour is never the only cue.

Examples
--------
>>> import pandas as pd
>>> shares = pd.DataFrame({"factor": ["relationship", "technique"],
...                        "series": ["your split", "your split"],
...                        "share": [60.0, 40.0], "label": ["60 % your split", "40 %"]})
>>> spec = shares_chart(shares, description="Two factors.").to_dict()
>>> sorted(spec["datasets"])
['reference', 'shares']
>>> spec["title"]["text"]
'Where does improvement come from?'
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import altair as alt
import pandas as pd

from alliance_widgets.charts.common import finish, named
from alliance_widgets.charts.theme import OKABE_ITO, PALETTE

__all__ = ["ESTIMATES", "REFERENCE", "SERIES", "SHARES", "empirical_chart", "shares_chart"]

SHARES = "shares"
REFERENCE = "reference"
ESTIMATES = "estimates"
#: The series of the shares chart, in drawing order.
SERIES = ("your split", "estimated from the study")

FACTORS = ("extratherapeutic", "relationship", "expectancy", "technique")
SHARE_TITLE = "Share of the variance in improvement (%)"
# Okabe-Ito without yellow, which is too pale for bars on white.
_SOURCE_COLOURS = tuple(c for c in OKABE_ITO if c not in ("#F0E442", "#000000"))


def _factor_colours(factors: Sequence[str]) -> alt.Scale:
    return alt.Scale(
        domain=list(factors),
        range=[PALETTE.get(f, OKABE_ITO[i % len(OKABE_ITO)]) for i, f in enumerate(factors)],
    )


def shares_chart(
    shares: pd.DataFrame,
    reference: pd.DataFrame | None = None,
    *,
    description: str,
    factors: Sequence[str] = FACTORS,
    reference_label: str = "Lambert (1992)",
) -> Any:
    """Bars of factor shares, one per series (your split, the study's estimates).

    Parameters
    ----------
    shares : DataFrame
        Columns ``factor``, ``series`` (one of :data:`SERIES`), ``share`` (%) and
        ``label`` (the text written at the bar's end).
    reference : DataFrame, optional
        Columns ``factor`` and ``share``: drawn as black ticks (by default none).
    description : str
        The chart's one-sentence text alternative.
    factors : sequence of str
        The factors in display order.
    reference_label : str
        What the ticks are, for the tooltip and the legend-free note in the title.
    """
    if reference is None:
        reference = pd.DataFrame({"factor": [], "share": []})
    y = alt.Y("factor:N", sort=list(factors), title=None, axis=alt.Axis(labelLimit=200))
    x = alt.X("share:Q", title=SHARE_TITLE, scale=alt.Scale(domain=[0, 100]))
    offset = alt.YOffset("series:N", sort=list(SERIES), scale=alt.Scale(domain=list(SERIES)))
    base = alt.Chart(named(SHARES)).encode(y=y, yOffset=offset)
    bars = base.mark_bar(height={"band": 0.45}).encode(
        x=x,
        color=alt.Color("factor:N", scale=_factor_colours(factors), legend=None),
        opacity=alt.Opacity(
            "series:N", scale=alt.Scale(domain=list(SERIES), range=[1.0, 0.5]), legend=None
        ),
        tooltip=[
            alt.Tooltip("factor:N"),
            alt.Tooltip("series:N"),
            alt.Tooltip("share:Q", format=".1f", title="share (%)"),
        ],
    )
    labels = base.mark_text(align="left", dx=4).encode(x=x, text="label:N")
    ticks = (
        alt.Chart(named(REFERENCE))
        .mark_tick(color=PALETTE["observed"], thickness=3, size=34)
        .encode(
            x=x,
            y=y,
            tooltip=[
                alt.Tooltip("factor:N"),
                alt.Tooltip("share:Q", format=".0f", title=f"{reference_label} (%)"),
            ],
        )
    )
    chart = alt.layer(bars, labels, ticks).properties(width=420, height=300)
    return finish(
        chart,
        {SHARES: shares, REFERENCE: reference},
        title="Where does improvement come from?",
        subtitle=f"Black ticks: {reference_label}",
        description=description,
    )


def empirical_chart(estimates: pd.DataFrame, *, description: str) -> Any:
    """Bars of empirical shares of outcome variance, each labelled with its source.

    Parameters
    ----------
    estimates : DataFrame
        Columns ``label`` (the row's name, e.g. ``"alliance (d = 0.57)"``), ``percent``,
        ``source`` (a citation) and ``text`` (written at the bar's end).
    description : str
        The chart's one-sentence text alternative.
    """
    sources = list(dict.fromkeys(estimates["source"]))
    y = alt.Y(
        "label:N",
        sort=alt.EncodingSortField("percent", op="max", order="descending"),
        title=None,
        axis=alt.Axis(labelLimit=320),
    )
    x = alt.X("percent:Q", title="Share of outcome variance (%, r² or from d)")
    base = alt.Chart(named(ESTIMATES)).encode(y=y)
    bars = base.mark_bar().encode(
        x=x,
        color=alt.Color(
            "source:N",
            scale=alt.Scale(
                domain=sources,
                range=[_SOURCE_COLOURS[i % len(_SOURCE_COLOURS)] for i in range(len(sources))],
            ),
            legend=None,
        ),
        tooltip=[
            alt.Tooltip("label:N", title="estimate"),
            alt.Tooltip("percent:Q", format=".1f", title="% of variance"),
            alt.Tooltip("source:N"),
            alt.Tooltip("status:N"),
        ],
    )
    labels = base.mark_text(align="left", dx=4).encode(x=x, text="text:N")
    chart = alt.layer(bars, labels).properties(width=360, height=alt.Step(18))
    return finish(
        chart,
        {ESTIMATES: estimates},
        title="What studies estimate",
        subtitle="Each bar is one published effect as a share of variance; they overlap",
        description=description,
    )
