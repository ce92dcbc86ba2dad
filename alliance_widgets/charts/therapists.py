"""The therapist-effects chart: caseloads ordered by improvement, ICCs, between vs within.

Top, every simulated client's improvement in a column for their therapist, therapists
ordered by their clients' mean improvement (1 = most), with each caseload's mean as a
black tick. A slider inside the chart (a Vega-Lite param: no kernel round trip) picks a
therapist by rank; that caseload is drawn in the highlight colour and labelled directly.
Below, left: the share of variance between therapists (ICC) of improvement and of early
alliance, with 95 % intervals, the value the simulation was set to (a hollow diamond) and
the range commonly reported in the literature (a grey band). Below, right: the alliance
effect split into its between-therapist and within-therapist parts (Baldwin, Wampold &
Imel 2007), with intervals and the simulation's true values.

The tables (named datasets) are:

``clients``
    ``therapist_id``, ``client_id``, ``improvement``, ``early_alliance``, ``rank``.
``therapists``
    ``therapist_id``, ``n``, ``mean_improvement``, ``mean_alliance``, ``rank``.
``iccs``
    ``measure``, ``estimate``, ``low``, ``high``, ``target``, ``lit_low``, ``lit_high``,
    ``label``.
``effects``
    ``effect``, ``estimate``, ``low``, ``high``, ``true``, ``label``.

Examples
--------
>>> import pandas as pd
>>> frames = {
...     "clients": pd.DataFrame({"therapist_id": ["T01", "T02"], "client_id": ["C1", "C2"],
...                              "improvement": [20.0, 5.0], "early_alliance": [4.2, 3.6],
...                              "rank": [1, 2]}),
...     "therapists": pd.DataFrame({"therapist_id": ["T01", "T02"], "n": [1, 1],
...                                 "mean_improvement": [20.0, 5.0],
...                                 "mean_alliance": [4.2, 3.6], "rank": [1, 2]}),
...     "iccs": icc_frame([("improvement", 0.1, 0.0, 0.3, 0.05, (0.03, 0.07))]),
...     "effects": effect_frame([("between therapists", 9.0, 2.0, 16.0, 13.6)]),
... }
>>> spec = therapist_chart(frames, n_therapists=2, description="Two therapists.").to_dict()
>>> sorted(spec["datasets"]), spec["params"][0]["name"], spec["description"]
(['clients', 'effects', 'iccs', 'therapists'], 'highlight_rank', 'Two therapists.')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import altair as alt
import pandas as pd

from alliance_widgets.charts.common import finish, named, records
from alliance_widgets.charts.numbers import fixed
from alliance_widgets.charts.theme import PALETTE

__all__ = [
    "HIGHLIGHT_PARAM",
    "TITLE",
    "effect_frame",
    "icc_frame",
    "therapist_chart",
]

#: The view-only param: rank of the therapist whose caseload is highlighted.
HIGHLIGHT_PARAM = "highlight_rank"
TITLE = "Therapist effects: whose clients improve?"
_IMPROVEMENT = "Improvement (OQ-45 points, intake − end)"
# Darker than PALETTE["highlight"] so that text in it keeps a 4.5:1 contrast on white.
_HIGHLIGHT_TEXT = "#A64400"


def icc_frame(
    rows: Iterable[tuple[str, float, float, float, float, tuple[float, float]]],
) -> pd.DataFrame:
    """The ``iccs`` table from ``(measure, estimate, low, high, target, (lit_low, lit_high))``.

    Examples
    --------
    >>> icc_frame([("improvement", 0.1, 0.0, 0.3, 0.05, (0.03, 0.07))]).label[0]
    'ICC 0.10'
    """
    frame = pd.DataFrame(
        [(m, e, lo, hi, t, ll, lh) for m, e, lo, hi, t, (ll, lh) in rows],
        columns=["measure", "estimate", "low", "high", "target", "lit_low", "lit_high"],
    )
    frame["label"] = [f"ICC {fixed(e, 2)}" for e in frame["estimate"]]
    return frame


def effect_frame(rows: Iterable[tuple[str, float, float, float, float]]) -> pd.DataFrame:
    """The ``effects`` table from ``(effect, estimate, low, high, true)`` rows.

    Examples
    --------
    >>> effect_frame([("within therapist", 8.04, 4.3, 11.8, 7.2)]).label[0]
    '8.0 points'
    """
    frame = pd.DataFrame(list(rows), columns=["effect", "estimate", "low", "high", "true"])
    frame["label"] = [f"{fixed(e, 1)} points" for e in frame["estimate"]]
    return frame


def _caseload_panel(n_therapists: int) -> Any:
    pick = alt.param(
        name=HIGHLIGHT_PARAM,
        value=1,
        bind=alt.binding_range(
            min=1,
            max=max(n_therapists, 2),
            step=1,
            name="Highlight the therapist ranked (1 = most improved) ",
        ),
    )
    chosen = alt.datum["rank"] == pick
    x = alt.X(
        "rank:Q",
        title="Therapists, ordered by their clients' mean improvement (1 = most)",
        axis=alt.Axis(tickMinStep=1, format="d"),
        scale=alt.Scale(nice=False, zero=False, padding=10),
    )
    y = alt.Y("improvement:Q", title=_IMPROVEMENT)
    clients = alt.Chart(named("clients"))
    dots = (
        clients.mark_circle(size=30)
        .encode(
            x=x,
            y=y,
            color=alt.condition(
                chosen, alt.value(PALETTE["highlight"]), alt.value(PALETTE["muted"])
            ),
            opacity=alt.condition(chosen, alt.value(0.95), alt.value(0.45)),
            tooltip=[
                alt.Tooltip("client_id:N", title="client"),
                alt.Tooltip("therapist_id:N", title="therapist"),
                alt.Tooltip("improvement:Q", title="improvement", format=".0f"),
                alt.Tooltip("early_alliance:Q", title="early alliance", format=".2f"),
            ],
        )
        .add_params(pick)
    )
    therapists = alt.Chart(named("therapists"))
    means = therapists.mark_tick(thickness=3, size=14, color=PALETTE["observed"]).encode(
        x=x,
        y=alt.Y("mean_improvement:Q"),
        tooltip=[
            alt.Tooltip("therapist_id:N", title="therapist"),
            alt.Tooltip("rank:Q", title="rank"),
            alt.Tooltip("n:Q", title="clients"),
            alt.Tooltip("mean_improvement:Q", title="mean improvement", format=".1f"),
            alt.Tooltip("mean_alliance:Q", title="mean early alliance", format=".2f"),
        ],
    )
    # The label sits along the top edge, on the side of the column with more room, so it
    # never hides the caseload's dots; "half" is read from the data, so the chart does not
    # depend on the number of therapists.
    side = alt.expr("datum.rank > datum.n_ranks / 2 ? 'right' : 'left'")
    offset = alt.expr("datum.rank > datum.n_ranks / 2 ? -8 : 8")
    label = (
        therapists.transform_joinaggregate(n_ranks="max(rank)")
        .transform_filter(chosen)
        .transform_calculate(
            label=alt.datum.therapist_id
            + " (rank "
            + alt.expr.format(alt.datum["rank"], "d")
            + "): mean "
            + alt.expr.format(alt.datum.mean_improvement, ".1f")
            + ", n = "
            + alt.expr.format(alt.datum.n, "d")
        )
        .mark_text(
            align=side,
            dx=offset,
            baseline="top",
            y=4,
            fontWeight="bold",
            color=_HIGHLIGHT_TEXT,
        )
        .encode(x=x, text="label:N")
    )
    column = (
        therapists.transform_filter(chosen)
        .mark_rule(color=PALETTE["highlight"], opacity=0.35, strokeWidth=2)
        .encode(x=x)
    )
    return alt.layer(column, dots, means, label).properties(
        width=620, height=280, title="Each therapist's clients (black tick: caseload mean)"
    )


def _interval_panel(
    dataset: str, category: str, title: str, x_title: str, x_format: str, decimals: int
) -> Any:
    data = alt.Chart(named(dataset))
    y = alt.Y(f"{category}:N", title=None, sort=None)
    x = alt.X(
        "estimate:Q", title=x_title, axis=alt.Axis(format=x_format), scale=alt.Scale(zero=True)
    )
    # ICCs (below 1) to 3 decimals, points to 2: no more than the data keep (records()).
    number = f".{decimals}f"
    tooltip = [
        alt.Tooltip(f"{category}:N", title=category),
        alt.Tooltip("estimate:Q", title="estimate", format=number),
        alt.Tooltip("low:Q", title="95% CI low", format=number),
        alt.Tooltip("high:Q", title="95% CI high", format=number),
    ]
    layers: list[Any] = []
    if dataset == "iccs":
        layers.append(
            data.mark_bar(color="#DDDDDD", height=26).encode(x="lit_low:Q", x2="lit_high:Q", y=y)
        )
        truth = "target"
    else:
        layers.append(
            alt.Chart(named(dataset))
            .transform_aggregate(n="count()")
            .transform_calculate(zero="0")
            .mark_rule(color="#666666", strokeDash=[4, 3])
            .encode(x="zero:Q")
        )
        truth = "true"
    layers += [
        data.mark_rule(strokeWidth=2.5, color=PALETTE["observed"]).encode(
            x="low:Q", x2="high:Q", y=y
        ),
        data.mark_point(filled=True, size=110, color=PALETTE["bond"]).encode(
            x=x, y=y, tooltip=tooltip
        ),
        data.mark_point(shape="diamond", size=140, strokeWidth=2, color=PALETTE["goals"]).encode(
            x=f"{truth}:Q",
            y=y,
            tooltip=[alt.Tooltip(f"{truth}:Q", title="set in the simulation", format=number)],
        ),
        data.mark_text(dy=-16, fontSize=12).encode(x=x, y=y, text="label:N"),
    ]
    return alt.layer(*layers).properties(width=250, height=120, title=title)


def therapist_chart(
    frames: Mapping[str, pd.DataFrame], *, n_therapists: int, description: str
) -> Any:
    """The three-panel therapist-effects chart.

    Parameters
    ----------
    frames : mapping of str to DataFrame
        The tables ``clients``, ``therapists``, ``iccs`` and ``effects`` (see the module
        docstring).
    n_therapists : int
        Number of therapists: the range of the in-chart highlight slider.
    description : str
        The one-sentence text alternative, with the numbers.

    Returns
    -------
    altair.VConcatChart
    """
    bottom = alt.hconcat(
        _interval_panel(
            "iccs",
            "measure",
            "Share of variance between therapists",
            "ICC (dot, 95% CI; diamond: set; grey: literature)",
            ".0%",
            3,
        ),
        _interval_panel(
            "effects",
            "effect",
            "Alliance effect: therapist vs client part",
            "Improvement points per alliance point",
            ".0f",
            2,
        ),
        spacing=60,
    )
    chart = alt.vconcat(_caseload_panel(n_therapists), bottom, spacing=30)
    chart = finish(chart, {}, title=TITLE, description=description)
    # Attached directly: .properties() would validate every record against the schema,
    # seconds for 3,000 clients, and records() has already made them JSON-ready.
    chart.datasets = {name: records(frame) for name, frame in frames.items()}
    return chart
