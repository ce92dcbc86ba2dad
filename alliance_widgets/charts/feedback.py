"""The feedback chart: one client's OQ-45 course against the recovery expected for them.

The chart shows what a therapist using progress feedback sees (in the manner of Lambert's
OQ-Analyst): the client's score at each session with its signal (white, green, yellow,
red), the band of expected recovery for their intake score, the clinical cutoff and the
reliable-change band around intake. Signals are told three ways, never by colour alone:
colour (Okabe-Ito hues, ``theme.SIGNAL_COLOURS``), marker shape, and the signal's name
written beside the first session of each run of one signal and beside the last session.
An optional dashed course shows what the published feedback effect would amount to for
this client (an illustration, drawn from the ``feedback`` table).

The tables (named datasets) are:

``course``
    ``session``, ``score``, ``expected``, ``lower``, ``upper``, ``signal`` (the output of
    ``science.feedback_signals``) plus ``label`` (the signal name where it is written,
    else ``""``).
``feedback``
    ``session``, ``low``, ``high``: the illustrative course with feedback (``low`` and
    ``high`` differ when the published effect is a range); no rows when feedback is off.
``references``
    ``name``, ``y``, ``y2``, ``label``, ``label_y``: the clinical cutoff (a line, ``y2``
    equal to ``y``) and the reliable-change band around intake, with their direct labels.

Examples
--------
>>> from alliance_widgets.science import feedback_signals
>>> course = feedback_signals([90, 88, 86, 95, 104])
>>> frames = feedback_frames(course, intake=90)
>>> sorted(frames)
['course', 'feedback', 'references']
>>> frames["course"].label.tolist()
['green', '', '', 'yellow', 'red']
>>> print(feedback_description(frames["course"], intake=90, course_name="deteriorating"))
Example course 'deteriorating' from an intake of 90: OQ-45 scores over 5 sessions against the
expected recovery; signals green 3, yellow 1, red 1; last signal red.
>>> chart = feedback_chart(frames, intake=90, course_name="deteriorating")
>>> sorted(chart.to_dict()["datasets"])
['course', 'feedback', 'references']
"""

from __future__ import annotations

from collections.abc import Mapping

import altair as alt
import pandas as pd

from alliance_widgets.charts.common import finish, named
from alliance_widgets.charts.theme import PALETTE, SIGNAL_COLOURS
from alliance_widgets.literature import OQ45_CLINICAL_CUTOFF, OQ45_RELIABLE_CHANGE

__all__ = [
    "SIGNAL_SHAPES",
    "feedback_chart",
    "feedback_description",
    "feedback_frames",
]

#: One marker shape per signal, so the signal never rests on colour alone.
SIGNAL_SHAPES: dict[str, str] = {
    "white": "circle",
    "green": "square",
    "yellow": "triangle-up",
    "red": "diamond",
}

TITLE = "A client's progress against expected recovery"


def feedback_frames(
    course: pd.DataFrame,
    *,
    intake: float,
    feedback: pd.DataFrame | None = None,
    cutoff: float = OQ45_CLINICAL_CUTOFF.value,
    reliable_change: float = OQ45_RELIABLE_CHANGE.value,
) -> dict[str, pd.DataFrame]:
    """Return the chart's tables from ``science.feedback_signals`` output.

    Parameters
    ----------
    course : DataFrame
        ``session``, ``score``, ``expected``, ``lower``, ``upper``, ``signal``.
    intake : float
        The intake score (the centre of the reliable-change band).
    feedback : DataFrame, optional
        ``session``, ``low``, ``high``: an illustrative course with feedback.
    cutoff, reliable_change : float
        The OQ-45 clinical cutoff and reliable change, from the literature by default.
    """
    table = course[["session", "score", "expected", "lower", "upper", "signal"]].copy()
    signal = table["signal"].astype("string").fillna("")
    # Write the name where a run of one signal starts, and at the last session.
    starts = signal.ne(signal.shift(fill_value="")).to_numpy(dtype=bool)
    starts[-1] = True
    table["signal"] = signal.to_numpy(dtype=object)
    table["label"] = signal.where(starts & signal.ne("").to_numpy(dtype=bool), "").to_numpy(
        dtype=object
    )
    refs = pd.DataFrame(
        {
            "name": ["clinical cutoff", "reliable-change band"],
            "y": [float(cutoff), float(intake) - reliable_change],
            "y2": [float(cutoff), float(intake) + reliable_change],
            "label": [
                f"clinical cutoff {cutoff:g}",
                f"within ±{reliable_change:g} of intake: no reliable change",
            ],
            "label_y": [float(cutoff), float(intake) + reliable_change],
        }
    )
    if feedback is None:
        feedback = pd.DataFrame({"session": [], "low": [], "high": []})
    fb = feedback[["session", "low", "high"]].astype(float).reset_index(drop=True)
    return {"course": table.reset_index(drop=True), "feedback": fb, "references": refs}


def feedback_description(course: pd.DataFrame, *, intake: float, course_name: str) -> str:
    """One sentence saying what the chart shows, for its text alternative."""
    signal = course["signal"].astype("string").fillna("")
    seen = signal[signal.ne("")]
    counts = ", ".join(
        f"{name} {int((seen == name).sum())}" for name in SIGNAL_SHAPES if (seen == name).any()
    )
    last = seen.iloc[-1] if len(seen) else "none"
    return (
        f"Example course '{course_name}' from an intake of {intake:g}: OQ-45 scores over "
        f"{len(course)} sessions against the expected recovery; signals {counts or 'none'}; "
        f"last signal {last}."
    )


def feedback_chart(
    frames: Mapping[str, pd.DataFrame],
    *,
    intake: float,
    course_name: str,
    feedback_label: str = "with feedback (illustration)",
) -> alt.LayerChart:
    """Build the layered feedback chart from :func:`feedback_frames` tables."""
    x = alt.X(
        "session:Q",
        title="Session",
        axis=alt.Axis(tickMinStep=1, format="d"),
        scale=alt.Scale(zero=False, nice=False),
    )
    y_title = "OQ-45 total (higher = more distress)"
    course = alt.Chart(named("course"))
    refs = alt.Chart(named("references"))
    fb = alt.Chart(named("feedback"))

    band_rc = (
        refs.transform_filter("datum.name != 'clinical cutoff'")
        .mark_rect(color=PALETTE["muted"], opacity=0.15)
        .encode(y=alt.Y("y:Q", title=y_title, scale=alt.Scale(zero=False)), y2="y2:Q")
    )
    cutoff = (
        refs.transform_filter("datum.name == 'clinical cutoff'")
        .mark_rule(color=PALETTE["observed"], strokeDash=[2, 2])
        .encode(y="y:Q")
    )
    ref_labels = refs.mark_text(
        align="left", baseline="bottom", dx=4, dy=-2, fontSize=12, color="#333333", x=0
    ).encode(y="label_y:Q", text="label:N")
    expected_band = course.mark_area(color=PALETTE["bond"], opacity=0.18).encode(
        x=x, y="lower:Q", y2="upper:Q"
    )
    expected_line = course.mark_line(color=PALETTE["bond"], strokeDash=[6, 3]).encode(
        x=x, y="expected:Q"
    )
    expected_label = (
        course.transform_window(rank="rank()", sort=[alt.SortField("session", order="descending")])
        .transform_filter("datum.rank == 1")
        .mark_text(align="left", dx=8, color=PALETTE["bond"], fontSize=12)
        .encode(x=x, y="expected:Q", text=alt.value("expected recovery"))
    )
    # The feedback band is often empty; vega would still write an unlabelled ARIA mark
    # container for it (axe: svg-img-alt). The chart's description and the readout say
    # what the band shows, so it is left out of the accessibility tree.
    fb_area = fb.mark_area(color=PALETTE["goals"], opacity=0.3, aria=False).encode(
        x=x, y="low:Q", y2="high:Q"
    )
    fb_low = fb.mark_line(
        color=PALETTE["goals"], strokeDash=[4, 2], strokeWidth=2, aria=False
    ).encode(x=x, y="low:Q")
    fb_high = fb.mark_line(
        color=PALETTE["goals"], strokeDash=[4, 2], strokeWidth=2, aria=False
    ).encode(x=x, y="high:Q")
    fb_label = (
        fb.transform_window(rank="rank()", sort=[alt.SortField("session", order="descending")])
        .transform_filter("datum.rank == 1")
        .mark_text(align="left", dx=8, dy=14, color="#9A6400", fontSize=12)
        .encode(x=x, y="high:Q", text=alt.value(feedback_label))
    )
    observed_line = course.mark_line(color=PALETTE["observed"]).encode(x=x, y="score:Q")
    signal_scale = alt.Scale(domain=list(SIGNAL_COLOURS), range=list(SIGNAL_COLOURS.values()))
    shape_scale = alt.Scale(domain=list(SIGNAL_SHAPES), range=list(SIGNAL_SHAPES.values()))
    points = (
        course.transform_filter("datum.signal != ''")
        .mark_point(filled=True, size=110, stroke=PALETTE["observed"], strokeWidth=0.8)
        .encode(
            x=x,
            y="score:Q",
            color=alt.Color("signal:N", scale=signal_scale, legend=None),
            shape=alt.Shape("signal:N", scale=shape_scale, legend=None),
            tooltip=[
                alt.Tooltip("session:Q", title="Session"),
                alt.Tooltip("score:Q", title="OQ-45 score", format=".0f"),
                alt.Tooltip("expected:Q", title="Expected", format=".0f"),
                alt.Tooltip("signal:N", title="Signal"),
            ],
        )
    )
    point_labels = (
        course.transform_filter("datum.label != ''")
        .mark_text(dy=-14, fontSize=12, fontWeight="bold")
        .encode(
            x=x,
            y="score:Q",
            text="label:N",
            # Darker text than the marker so that the name stays legible on white.
            color=alt.Color(
                "label:N",
                scale=alt.Scale(
                    domain=list(SIGNAL_COLOURS),
                    range=["#666666", "#007A5A", "#9A6400", "#A64400"],
                ),
                legend=None,
            ),
        )
    )
    observed_label = (
        course.transform_window(rank="rank()", sort=[alt.SortField("session", order="descending")])
        .transform_filter("datum.rank == 1")
        .mark_text(align="left", dx=10, fontSize=12)
        .encode(x=x, y="score:Q", text=alt.value("this client"))
    )
    layered = alt.layer(
        band_rc,
        cutoff,
        ref_labels,
        expected_band,
        expected_line,
        expected_label,
        fb_area,
        fb_low,
        fb_high,
        fb_label,
        observed_line,
        points,
        point_labels,
        observed_label,
    ).resolve_scale(color="independent")
    description = feedback_description(frames["course"], intake=intake, course_name=course_name)
    return finish(layered, frames, title=TITLE, description=description)
