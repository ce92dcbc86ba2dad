"""Bordin's three components as a profile, against a clinic, with the outcome they imply.

Two panels. Top: bond, goals, tasks and their composite on the WAI-SR 1–5 metric, drawn
as lollipops from the scale's floor (bars from 0 would exaggerate differences on a scale
that starts at 1), each value written beside its dot, with the middle half of a clinic's
clients behind (an in-chart checkbox hides it). Bottom: the improvement the calibrated
model expects for that composite, the range in which most clients land, and the
reliable-change line.

Examples
--------
>>> import pandas as pd
>>> profile = pd.DataFrame({"component": ["bond", "goals", "tasks", "composite"],
...                         "score": [4.5, 3.8, 2.4, 3.57],
...                         "label": ["4.50", "3.80", "2.40", "3.57"]})
>>> clinic = pd.DataFrame({"component": ["bond", "goals", "tasks", "composite"],
...                        "q25": [3.5] * 4, "median": [4.0] * 4, "q75": [4.4] * 4})
>>> outcome = pd.DataFrame({"expected": [15.0], "low": [-16.0], "high": [46.0],
...                         "label": ["expected 15 points"]})
>>> spec = profile_chart(profile, clinic, outcome, reliable_change=14,
...                      description="A profile.").to_dict()
>>> sorted(spec["datasets"]), [p["name"] for p in spec["params"]]
(['clinic', 'outcome', 'profile'], ['show_clinic'])
"""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd

from alliance_widgets.charts.common import finish, named
from alliance_widgets.charts.theme import PALETTE

__all__ = ["CLINIC", "COMPONENT_ORDER", "OUTCOME", "PROFILE", "SHOW_CLINIC", "profile_chart"]

PROFILE = "profile"
CLINIC = "clinic"
OUTCOME = "outcome"
SHOW_CLINIC = "show_clinic"
_PROFILE_WIDTH = 420
COMPONENT_ORDER = ("bond", "goals", "tasks", "composite")

_COLOURS = alt.Scale(
    domain=list(COMPONENT_ORDER),
    range=[PALETTE["bond"], PALETTE["goals"], PALETTE["tasks"], PALETTE["alliance"]],
)


def _profile_panel(scale: tuple[float, float], clinic_label: str) -> Any:
    low, high = scale
    show = alt.param(
        name=SHOW_CLINIC,
        value=True,
        bind=alt.binding_checkbox(name=f"Show the middle half of {clinic_label} "),
    )
    y = alt.Y("component:N", sort=list(COMPONENT_ORDER), title=None)
    x_scale = alt.Scale(domain=[low, high], nice=False)
    band = (
        alt.Chart(named(CLINIC))
        .mark_bar(color=PALETTE["muted"], height={"band": 0.7})
        .encode(
            y=y,
            x=alt.X("q25:Q", scale=x_scale, title="WAI-SR score (1 seldom … 5 always)"),
            x2="q75:Q",
            opacity=alt.condition(SHOW_CLINIC, alt.value(0.3), alt.value(0.0)),
            tooltip=[
                alt.Tooltip("component:N"),
                alt.Tooltip("q25:Q", format=".2f", title=f"{clinic_label}: 25th percentile"),
                alt.Tooltip("median:Q", format=".2f", title="median"),
                alt.Tooltip("q75:Q", format=".2f", title="75th percentile"),
            ],
        )
        .add_params(show)
    )
    median = (
        alt.Chart(named(CLINIC))
        .mark_tick(color=PALETTE["observed"], thickness=2, size=26)
        .encode(
            y=y,
            x=alt.X("median:Q", scale=x_scale),
            opacity=alt.condition(SHOW_CLINIC, alt.value(0.8), alt.value(0.0)),
        )
    )
    base = alt.Chart(named(PROFILE)).encode(y=y)
    colour = alt.Color("component:N", scale=_COLOURS, legend=None)
    stem = base.mark_rule(strokeWidth=4).encode(
        x=alt.X("floor:Q", scale=x_scale), x2="score:Q", color=colour
    )
    dot = base.mark_circle(size=260, opacity=1).encode(
        x=alt.X("score:Q", scale=x_scale),
        color=colour,
        tooltip=[alt.Tooltip("component:N"), alt.Tooltip("score:Q", format=".2f")],
    )
    # Values in a column right of the plot, where no band or tick can cover them.
    text = base.mark_text(align="left", fontWeight="bold").encode(
        x=alt.value(_PROFILE_WIDTH + 10), text="label:N"
    )
    return alt.layer(band, median, stem.transform_calculate(floor=str(low)), dot, text).properties(
        width=_PROFILE_WIDTH, height=190
    )


def _outcome_panel(reliable_change: float, domain: tuple[float, float]) -> Any:
    x_scale = alt.Scale(domain=list(domain), nice=False, clamp=True)
    x_title = "Improvement on the OQ-45 (points; intake − end of therapy)"
    base = alt.Chart(named(OUTCOME))
    spread = base.mark_rule(strokeWidth=8, opacity=0.35, color=PALETTE["alliance"]).encode(
        x=alt.X("low:Q", scale=x_scale, title=x_title), x2="high:Q"
    )
    point = base.mark_point(filled=True, size=180, color=PALETTE["alliance"]).encode(
        x=alt.X("expected:Q", scale=x_scale),
        tooltip=[
            alt.Tooltip("expected:Q", format=".1f", title="expected improvement"),
            alt.Tooltip("low:Q", format=".0f", title="95 % of clients from"),
            alt.Tooltip("high:Q", format=".0f", title="to"),
        ],
    )
    label = base.mark_text(dy=-16, fontWeight="bold").encode(
        x=alt.X("expected:Q", scale=x_scale), text="label:N"
    )
    rc = base.transform_calculate(rc=str(float(reliable_change)))
    rc_rule = rc.mark_rule(strokeDash=[6, 4], color=PALETTE["observed"]).encode(
        x=alt.X("rc:Q", scale=x_scale)
    )
    rc_text = rc.mark_text(align="left", dx=4, dy=22, color=PALETTE["observed"]).encode(
        x=alt.X("rc:Q", scale=x_scale),
        text=alt.value(f"reliable change: {reliable_change:g} points"),
    )
    return alt.layer(spread, point, label, rc_rule, rc_text).properties(
        width=_PROFILE_WIDTH, height=70
    )


def profile_chart(
    profile: pd.DataFrame,
    clinic: pd.DataFrame,
    outcome: pd.DataFrame,
    *,
    reliable_change: float,
    description: str,
    scale: tuple[float, float] = (1.0, 5.0),
    outcome_domain: tuple[float, float] = (-30.0, 60.0),
    clinic_label: str = "the clinic's clients",
) -> Any:
    """The profile panel above the implied-outcome panel.

    Parameters
    ----------
    profile : DataFrame
        ``component`` (bond, goals, tasks, composite), ``score``, ``label``.
    clinic : DataFrame
        ``component``, ``q25``, ``median``, ``q75`` of the clinic's clients.
    outcome : DataFrame
        One row: ``expected``, ``low``, ``high`` (OQ-45 points) and ``label``.
    reliable_change : float
        The reliable-change criterion in OQ-45 points (from ``literature``).
    description : str
        The chart's one-sentence text alternative.
    scale : (float, float)
        The WAI-SR response scale.
    outcome_domain : (float, float)
        The x range of the outcome panel; values outside are drawn at its edge.
    clinic_label : str
        What the clinic reference is, for the checkbox and tooltips.
    """
    chart = alt.vconcat(
        _profile_panel(scale, clinic_label),
        _outcome_panel(reliable_change, outcome_domain),
        spacing=28,
    )
    return finish(
        chart,
        {PROFILE: profile, CLINIC: clinic, OUTCOME: outcome},
        title="Bond, goals and tasks",
        subtitle="Grey: the middle half of the clinic's clients (black tick: their median)",
        description=description,
    )
