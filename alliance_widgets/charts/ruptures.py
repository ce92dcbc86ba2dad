"""The rupture–repair chart: one client's alliance with its V shapes, beside a study's outcomes.

Left, one client's alliance session by session: the ruptures the detector found
(``science.detect_ruptures``) as marks with their status written beside them, the
dip-and-return window shaded and annotated (the V shape of Stevens et al. 2007), the
running level and the detection line (running level minus the threshold) drawn and
labelled, and small ticks along the bottom where the simulation itself put a rupture, so
that a learner can see what the detector catches and misses. Hovering a session shows
its numbers (a view-only Vega-Lite param: no kernel round trip). Right, the mean
improvement of a simulated study's clients grouped by what happened to their ruptures,
with 95 % intervals.

The tables (named datasets) are:

``sessions``
    ``session``, ``alliance``, ``running_level``, ``detection_line``, ``detected``
    (bool), ``simulated_rupture`` (bool), ``status`` (``"repaired"``, ``"not repaired"``,
    ``"unclear"`` or ``""``) and ``label`` (what is written beside a detected rupture).
``episodes``
    ``start``, ``rupture``, ``end``, ``status``, ``label``: one row per detected rupture,
    from the session before the dip to the session of return (or the last one looked at).
``groups``
    ``group``, ``n``, ``mean``, ``low``, ``high``, ``label``: mean improvement per group.

Examples
--------
>>> import pandas as pd
>>> from alliance_widgets.science import detect_ruptures
>>> found = detect_ruptures([4.0, 4.1, 4.2, 3.4, 3.8, 4.1, 4.2])
>>> frames = rupture_frames(found, simulated=[4], threshold=0.5, groups=pd.DataFrame(
...     {"group": ["all repaired"], "n": [3], "mean": [15.0], "low": [10.0], "high": [20.0]}))
>>> frames["episodes"][["start", "rupture", "end", "status"]]
   start  rupture  end    status
0      3        4    6  repaired
>>> frames["sessions"].label.tolist()[3]
'rupture, repaired'
>>> sorted(rupture_chart(frames).to_dict()["datasets"])
['episodes', 'groups', 'sessions']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import altair as alt
import numpy as np
import pandas as pd

from alliance_widgets.charts.common import finish, named
from alliance_widgets.charts.numbers import fixed
from alliance_widgets.charts.theme import PALETTE
from alliance_widgets.literature import RUPTURE_DETECTION
from alliance_widgets.science.repair import GROUP_ORDER, rupture_episodes

__all__ = ["rupture_chart", "rupture_description", "rupture_frames"]

TITLE = "Alliance ruptures and their repair"
_STATUS_LABEL = {
    "repaired": "rupture, repaired",
    "not repaired": "rupture, not repaired",
    "unclear": "rupture, too soon to tell",
}
_EPISODE_LABEL = {
    "repaired": "V: dip and return",
    "not repaired": "dip, no return",
    "unclear": "dip, series ends",
}
_HEIGHT = 260
_RULE = RUPTURE_DETECTION.value


def rupture_frames(
    detected: pd.DataFrame,
    *,
    simulated: Iterable[int],
    threshold: float,
    groups: pd.DataFrame,
    repair_within: int = _RULE["repair_within"],
    tolerance: float = _RULE["tolerance"],
) -> dict[str, pd.DataFrame]:
    """Return the chart's tables.

    Parameters
    ----------
    detected : DataFrame
        One client's output of ``science.detect_ruptures``.
    simulated : iterable of int
        Sessions in which the simulation put a rupture (the generator's record).
    threshold : float
        The detection threshold used, for the detection line.
    groups : DataFrame
        ``group``, ``n``, ``mean``, ``low``, ``high``: the study's mean improvement by group.
    repair_within, tolerance : int, float
        The detector's repair rule (as given to ``detect_ruptures``), which sets where
        each shaded window ends (``science.rupture_episodes``, the detector's own window).
    """
    # Plain numpy: this runs on every change of client or threshold.
    keep = detected["alliance"].notna().to_numpy()
    sessions = detected["session"].to_numpy(dtype=int)[keep]
    alliance = detected["alliance"].to_numpy(dtype=float)[keep]
    level = detected["running_level"].to_numpy(dtype=float)[keep]
    # The first session has no history; start the level lines there, at the rating.
    level = np.where(np.isnan(level), alliance, level)
    found = detected["rupture"].to_numpy(dtype=bool)[keep]
    # Missing (no rupture, or too soon to tell) becomes None; pandas-stubs lack this overload.
    repaired_column: Any = detected["repaired"]
    repaired = repaired_column.to_numpy(dtype=object, na_value=None)[keep]
    status = [
        "" if not f else "unclear" if r is None else "repaired" if r else "not repaired"
        for f, r in zip(found, repaired, strict=True)
    ]
    made = {int(x) for x in simulated}
    frame = pd.DataFrame(
        {
            "session": sessions,
            "alliance": alliance,
            "running_level": level,
            "detection_line": level - threshold,
            "detected": found,
            "simulated_rupture": np.array([x in made for x in sessions], dtype=bool),
            "status": np.array(status, dtype=object),
            "label": np.array([_STATUS_LABEL.get(x, "") for x in status], dtype=object),
        }
    )
    # The detector's own repair window (science.repair), not a second reading of it.
    episodes = rupture_episodes(detected, repair_within=repair_within, tolerance=tolerance)
    episodes = episodes.assign(
        label=np.array([_EPISODE_LABEL[k] for k in episodes["status"]], dtype=object)
    )
    table = groups[["group", "n", "mean", "low", "high"]].reset_index(drop=True)
    table = table.assign(
        group=table["group"].astype(object),
        label=np.array(
            [f"{fixed(m, 1)} (n = {n})" for m, n in zip(table["mean"], table["n"], strict=True)],
            dtype=object,
        ),
    )
    return {"sessions": frame, "episodes": episodes, "groups": table}


def rupture_description(frames: Mapping[str, pd.DataFrame], client: str) -> str:
    """One sentence saying what the chart shows, for its text alternative."""
    sessions, episodes = frames["sessions"], frames["episodes"]
    if episodes.empty:
        found = "no rupture detected"
    else:
        parts = [f"session {r.rupture} ({r.status})" for r in episodes.itertuples(index=False)]
        found = f"{len(episodes)} rupture{'s' if len(episodes) > 1 else ''} detected: " + ", ".join(
            parts
        )
    means = dict(zip(frames["groups"]["group"], frames["groups"]["mean"], strict=True))
    compare = "; ".join(f"{g} {fixed(means[g], 1)}" for g in GROUP_ORDER if g in means)
    return (
        f"Client {client}'s alliance over {len(sessions)} sessions, {found}; mean improvement "
        f"in OQ-45 points in the simulated study: {compare}."
    )


def _client_panel() -> Any:
    data = alt.Chart(named("sessions"))
    x = alt.X(
        "session:Q",
        title="Session",
        axis=alt.Axis(tickMinStep=1, format="d"),
        scale=alt.Scale(zero=False, nice=False),
    )
    y = alt.Y("alliance:Q", title="Alliance (WAI-SR, 1–5)", scale=alt.Scale(zero=False))
    last: list[Any] = [alt.SortField("session", order="descending")]
    episodes = alt.Chart(named("episodes"))
    window = episodes.mark_rect(color=PALETTE["highlight"], opacity=0.12).encode(
        x=alt.X("start:Q"), x2="end:Q"
    )
    window_label = episodes.mark_text(baseline="top", fontSize=12, color="#A64400", y=4).encode(
        x="rupture:Q", text="label:N"
    )
    level = data.mark_line(color=PALETTE["muted"], strokeDash=[2, 2]).encode(
        x=x, y="running_level:Q"
    )
    detection = data.mark_line(color=PALETTE["highlight"], strokeDash=[6, 3]).encode(
        x=x, y="detection_line:Q"
    )
    ends = data.transform_window(rank="rank()", sort=last).transform_filter("datum.rank == 1")
    level_label = ends.mark_text(align="left", dx=6, dy=-6, fontSize=12, color="#666666").encode(
        x=x, y="running_level:Q", text=alt.value("running level")
    )
    detection_label = ends.mark_text(align="left", dx=6, dy=6, fontSize=12, color="#A64400").encode(
        x=x, y="detection_line:Q", text=alt.value("detection line")
    )
    line = data.mark_line(color=PALETTE["alliance"], strokeWidth=2.5).encode(x=x, y=y)
    line_label = ends.mark_text(
        align="left", dx=6, fontSize=12, fontWeight="bold", color="#9E4F80"
    ).encode(x=x, y="alliance:Q", text=alt.value("alliance"))
    hover = alt.selection_point(
        name="hover_session",
        on="pointerover",
        nearest=True,
        fields=["session"],
        empty=False,
        clear="pointerout",
    )
    points = (
        data.mark_point(filled=True, size=50, color=PALETTE["alliance"])
        .encode(
            x=x,
            y="alliance:Q",
            size=alt.condition(hover, alt.value(140), alt.value(50)),
            tooltip=[
                alt.Tooltip("session:Q", title="Session"),
                alt.Tooltip("alliance:Q", title="Alliance", format=".2f"),
                alt.Tooltip("running_level:Q", title="Running level", format=".2f"),
                alt.Tooltip("detection_line:Q", title="Detection line", format=".2f"),
                alt.Tooltip("status:N", title="Rupture"),
                alt.Tooltip("simulated_rupture:N", title="Simulated rupture"),
            ],
        )
        .add_params(hover)
    )
    # Empty until the pointer hovers; a decorative guide, kept out of the accessibility
    # tree (vega would write an unlabelled ARIA container for it: axe svg-img-alt).
    hover_rule = data.transform_filter(hover).mark_rule(color="#333333", aria=False).encode(x=x)
    found = (
        data.transform_filter("datum.detected")
        .mark_point(
            shape="triangle-down",
            filled=True,
            size=220,
            color=PALETTE["highlight"],
            stroke="#000000",
            strokeWidth=0.8,
        )
        .encode(x=x, y="alliance:Q")
    )
    found_label = (
        data.transform_filter("datum.detected")
        .mark_text(dy=20, fontSize=12, fontWeight="bold", color="#A64400")
        .encode(x=x, y="alliance:Q", text="label:N")
    )
    simulated = (
        data.transform_filter("datum.simulated_rupture")
        .mark_tick(color=PALETTE["observed"], thickness=2, size=10, y=_HEIGHT - 5)
        .encode(x=x)
    )
    first_sim = (
        data.transform_filter("datum.simulated_rupture")
        .transform_window(rank="rank()", sort=[alt.SortField("session")])
        .transform_filter("datum.rank == 1")
    )
    simulated_label = first_sim.mark_text(
        align="left", dx=6, fontSize=11, color="#333333", y=_HEIGHT - 5
    ).encode(x=x, text=alt.value("ticks: ruptures the simulation made"))
    return alt.layer(
        window,
        window_label,
        level,
        detection,
        level_label,
        detection_label,
        line,
        line_label,
        hover_rule,
        points,
        found,
        found_label,
        simulated,
        simulated_label,
    ).properties(width=430, height=_HEIGHT, title="One client's alliance, session by session")


def _study_panel() -> Any:
    data = alt.Chart(named("groups"))
    x = alt.X("group:N", title=None, sort=list(GROUP_ORDER), axis=alt.Axis(labelAngle=0))
    y = alt.Y("mean:Q", title="Mean improvement (OQ-45 points)")
    bars = data.mark_bar(color=PALETTE["bond"], opacity=0.75, width=40).encode(
        x=x,
        y=y,
        tooltip=[
            alt.Tooltip("group:N", title="Clients"),
            alt.Tooltip("n:Q", title="Number"),
            alt.Tooltip("mean:Q", title="Mean improvement", format=".1f"),
            alt.Tooltip("low:Q", title="95% CI low", format=".1f"),
            alt.Tooltip("high:Q", title="95% CI high", format=".1f"),
        ],
    )
    bars_ci = data.mark_rule(color=PALETTE["observed"], strokeWidth=2).encode(
        x=x, y="low:Q", y2="high:Q"
    )
    labels = data.mark_text(baseline="bottom", dy=-4, fontSize=12).encode(
        x=x, y="high:Q", text="label:N"
    )
    return alt.layer(bars, bars_ci, labels).properties(
        width=300, height=_HEIGHT, title="Improvement by repair (simulated study)"
    )


def rupture_chart(frames: Mapping[str, pd.DataFrame], client: str = "") -> alt.HConcatChart:
    """Build the two-panel rupture chart from :func:`rupture_frames` tables."""
    both = alt.hconcat(_client_panel(), _study_panel(), spacing=40)
    description = rupture_description(frames, client or "shown")
    return finish(both, frames, title=TITLE, description=description)
