"""FeedbackExplorer: is this client on track? Progress feedback in the manner of Lambert's OQ.

A learner picks an intake score and one of four example courses (on track, not on
track, deteriorating, recovers late) and sees, session by session, the OQ-45 score, the
recovery expected for that intake (``science.expected_trajectory``) and the signal a
feedback system would show (``science.feedback_signals``: white, green, yellow, red),
with the clinical cutoff and the reliable-change band from ``literature.py``. Turning
feedback on adds a dashed course: what the *published average* effect of feedback on
not-on-track clients (de Jong et al. 2021, d = 0.17; with clinical support tools
Barkham et al. 2023, g = .36–.53) would amount to for this client, in OQ-45 points. It
is an illustration of an effect size, not a prediction.

The example courses are idealised teaching scenarios (``literature.FEEDBACK_COURSES``, a
kit assumption), with a little seeded session-to-session noise.

Examples
--------
>>> fx = FeedbackExplorer(course="not on track", intake=90, n_sessions=12)
>>> fx.data.signal.iloc[-1]
'red'
>>> print(fx.summary.splitlines()[0])
Intake 90 (above the clinical cutoff of 63.5, in the dysfunctional range); session 12: 87 ...
>>> fx.feedback = "feedback"
>>> round(float(fx.frames["feedback"].low.iloc[-1] - fx.data.score.iloc[-1]), 1)
-2.9
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import altair as alt
import ipywidgets as widgets
import pandas as pd
import traitlets

from alliance_widgets import literature as lit
from alliance_widgets._lazy import moved_names
from alliance_widgets.charts.feedback import (
    feedback_chart,
    feedback_description,
    feedback_frames,
)
from alliance_widgets.science import feedback_courses
from alliance_widgets.science.feedback import feedback_signals
from alliance_widgets.science.feedback_courses import COURSES
from alliance_widgets.science.outcome import classify_change
from alliance_widgets.science.validation import check_choice, check_int, check_real
from alliance_widgets.widgets.base import Explorer
from alliance_widgets.widgets.base_state import check_state, linked

__all__ = ["COURSES", "FEEDBACK_MODES", "FeedbackExplorer"]

#: Feedback off, feedback alone, feedback with clinical support tools.
FEEDBACK_MODES: tuple[str, ...] = ("off", "feedback", "feedback + support tools")

_CUTOFF = float(lit.OQ45_CLINICAL_CUTOFF.value)
_RC = float(lit.OQ45_RELIABLE_CHANGE.value)
_OQ_LOW, _OQ_HIGH = (float(v) for v in lit.OQ45_RANGE.value)
# Effect sizes are turned into OQ-45 points with the SD of the kit's simulated intake
# scores, so that this explorer and the generated datasets speak the same units.
_SD = float(lit.GEN_OQ_LEVELS.value["intake_sd"])
_NOT_ON_TRACK_D = float(lit.FEEDBACK_EFFECT_2021.extra["not_on_track_d"])
_CST_G = tuple(float(g) for g in lit.FEEDBACK_CST_2023.value)
_CHECK_INS = (
    '"Did we spend today on what you wanted? Is there anything else you wanted to talk about?"',
    '"Would you feel able to tell me if you disagreed with me? What might make that hard?"',
)


def _runs(course: pd.DataFrame) -> str:
    """'green at sessions 1–3, yellow at 4, red at 5–12'."""
    parts = []
    signal = course["signal"].astype("string").fillna("no score")
    sessions = course["session"].to_numpy()
    start = 0
    for i in range(1, len(signal) + 1):
        if i == len(signal) or signal.iloc[i] != signal.iloc[start]:
            first, last = sessions[start], sessions[i - 1]
            where = f"sessions {first}–{last}" if last > first else f"session {first}"
            parts.append(f"{signal.iloc[start]} at {where}")
            start = i
    return ", ".join(parts)


class FeedbackExplorer(Explorer):
    """One client's OQ-45 course with feedback signals and the published feedback effect.

    Parameters
    ----------
    intake : float
        The client's OQ-45 score at session 1 (0–180; the cutoff is 63.5).
    course : str
        One of :data:`COURSES`.
    n_sessions : int
        Sessions shown (3–26).
    feedback : str
        One of :data:`FEEDBACK_MODES`.
    seed : int
        Seed of the session-to-session noise (0–9999).
    """

    title = "Progress feedback: is this client on track?"
    axes_note = (
        "Across: session number. Up: OQ-45 total score (0–180; higher means more "
        "distress). Blue band: the recovery expected for this intake; grey band: within "
        "one reliable change of intake."
    )
    n_sessions_range: ClassVar[tuple[int, int]] = (3, 26)
    seed_range: ClassVar[tuple[int, int]] = (0, 9999)

    intake = traitlets.Float(
        90.0, help="The client's OQ-45 score at intake (0–180; higher = more distress)."
    ).tag(state=True)
    course = traitlets.Unicode(
        "not on track", help=f"Which example course the client follows: {', '.join(COURSES)}."
    ).tag(state=True)
    n_sessions = traitlets.Int(12, help="How many sessions to show (3–26).").tag(state=True)
    feedback = traitlets.Unicode(
        "off",
        help="Show what the published feedback effect would mean for this client: "
        + ", ".join(FEEDBACK_MODES)
        + ".",
    ).tag(state=True)
    seed = traitlets.Int(1, help="Seed of the session-to-session noise (0–9999).").tag(state=True)

    @traitlets.validate("intake")
    def _check_intake(self, proposal: Mapping[str, Any]) -> float:
        return float(check_state(proposal, check_real, low=_OQ_LOW, high=_OQ_HIGH))

    @traitlets.validate("course")
    def _check_course(self, proposal: Mapping[str, Any]) -> str:
        return str(check_state(proposal, check_choice, choices=COURSES))

    @traitlets.validate("n_sessions")
    def _check_n_sessions(self, proposal: Mapping[str, Any]) -> int:
        low, high = self.n_sessions_range
        return int(check_state(proposal, check_int, minimum=low, maximum=high))

    @traitlets.validate("feedback")
    def _check_feedback(self, proposal: Mapping[str, Any]) -> str:
        return str(check_state(proposal, check_choice, choices=FEEDBACK_MODES))

    @traitlets.validate("seed")
    def _check_seed(self, proposal: Mapping[str, Any]) -> int:
        low, high = self.seed_range
        return int(check_state(proposal, check_int, minimum=low, maximum=high))

    # ------------------------------------------------------------------ protocol
    def controls(self) -> list[widgets.Widget]:
        """Intake, course, sessions, feedback mode and noise seed."""
        low, high = self.n_sessions_range
        return [
            linked(
                self,
                "intake",
                widgets.FloatSlider(
                    min=30,
                    max=150,
                    step=1,
                    description="Intake score (OQ-45)",
                    readout_format=".0f",
                ),
            ),
            linked(self, "course", widgets.Dropdown(options=COURSES, description="Course")),
            linked(
                self, "n_sessions", widgets.IntSlider(min=low, max=high, description="Sessions")
            ),
            linked(
                self,
                "feedback",
                widgets.RadioButtons(options=FEEDBACK_MODES, description="Feedback"),
            ),
            linked(
                self,
                "seed",
                widgets.BoundedIntText(
                    min=self.seed_range[0], max=self.seed_range[1], description="Noise seed"
                ),
            ),
        ]

    def recompute(self) -> None:
        """Make the course, its signals and (if on) the illustrative feedback course."""
        scores = feedback_courses.preset_course(
            self.intake, self.course, self.n_sessions, self.seed
        )
        self._course = feedback_signals(scores, intake=self.intake)
        if self.feedback == "off":
            self._effect: tuple[float, float] | None = None
            illustration = None
        else:
            sizes = (_NOT_ON_TRACK_D,) * 2 if self.feedback == "feedback" else _CST_G
            self._effect = (sizes[0] * _SD, sizes[1] * _SD)
            illustration = feedback_courses.illustrate_feedback(self._course, *self._effect)
        self._frames_now = feedback_frames(self._course, intake=self.intake, feedback=illustration)

    def chart_data(self) -> dict[str, pd.DataFrame]:
        """Tables ``course``, ``feedback`` and ``references`` (see ``charts.feedback``)."""
        return self._frames_now

    def build_chart(self, data: Mapping[str, pd.DataFrame]) -> alt.TopLevelMixin:
        """The layered feedback chart."""
        return feedback_chart(data, intake=self.intake, course_name=self.course)

    def chart_description(self) -> str:
        """One sentence on the current course and its signals."""
        return feedback_description(
            self._frames_now["course"], intake=self.intake, course_name=self.course
        )

    def readout(self) -> str:
        """Where the client started and ended, the signals, and what feedback might change."""
        course = self._course
        last = course.iloc[-1]
        final, n = float(last["score"]), int(last["session"])
        side = "above" if self.intake > _CUTOFF else "below"
        kind = "in the dysfunctional range" if side == "above" else "in the functional range"
        change = classify_change(self.intake, final)
        lines = [
            f"Intake {self.intake:.0f} ({side} the clinical cutoff of {_CUTOFF:g}, {kind}); "
            f"session {n}: {final:.0f} ({_change_words(final - self.intake)}; {change}, "
            f"with reliable change at {_RC:g} points).",
            f"Signals: {_runs(course)}.",
        ]
        flagged = course[course["signal"].isin(["yellow", "red"])]
        if flagged.empty:
            lines.append(
                "The client was never flagged: feedback has little to change here (its "
                "benefit is mainly for clients who go off track)."
            )
        else:
            first = int(flagged["session"].iloc[0])
            # A yellow signal invites a check on the session's focus; a red one, an open
            # invitation to say what is not working (CLINICAL.md, paraphrased).
            prompt = _CHECK_INS[1] if (flagged["signal"] == "red").any() else _CHECK_INS[0]
            lines.append(
                f"First warning (yellow or red) at session {first}. A check-in to try: {prompt}"
            )
        lines.append(self._feedback_line(flagged.empty))
        return "\n".join(lines)

    def _feedback_line(self, never_flagged: bool) -> str:
        de_jong = lit.FEEDBACK_EFFECT_2021
        if self._effect is None:
            return (
                f"Feedback is off. Published effect of progress feedback: d = "
                f"{de_jong.value:g} overall, {_NOT_ON_TRACK_D:g} for not-on-track clients "
                f"({de_jong.cite()})."
            )
        if never_flagged:
            return "Feedback is on, but there was no warning for the therapist to act on."
        low, high = self._effect
        if self.feedback == "feedback":
            size = f"d = {_NOT_ON_TRACK_D:g} for not-on-track clients, {de_jong.cite()}"
            points = f"about {low:.0f} points"
        else:
            cst = lit.FEEDBACK_CST_2023
            size = f"g = {_CST_G[0]:g}–{_CST_G[1]:g} with clinical support tools, {cst.cite()}"
            points = f"about {low:.0f}–{high:.0f} points"
        return (
            f"With {self.feedback} (dashed, an illustration): by the last session {points} "
            f"lower ({size}; × an SD of {_SD:g} points). An average published effect, not a "
            "prediction for this client."
        )


def _change_words(delta: float) -> str:
    if round(delta) == 0:
        return "no change"
    size = round(abs(delta))
    return f"{size} point{'' if size == 1 else 's'} {'worse' if delta > 0 else 'better'}"


# preset_course and illustrate_feedback are science; they live in science.feedback_courses.
__getattr__ = moved_names(
    __name__,
    {
        "illustrate_feedback": "alliance_widgets.science.feedback_courses",
        "preset_course": "alliance_widgets.science.feedback_courses",
    },
)
