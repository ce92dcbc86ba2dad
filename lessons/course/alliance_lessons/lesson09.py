"""Checks for lesson 09, *Does the alliance cause change?*

The expected answers are computed from the data and the estimates the lesson passes in
(a study's clients, a within-client lagged estimate) or from
:mod:`alliance_widgets.literature`; none is typed in. Which world a lagged analysis points
to is decided by one written rule, :func:`lagged_verdict`, so the lesson, the check and the
reveal cannot disagree. Every multiple-choice distractor says which intuition it stands
for.

Examples
--------
>>> check_same_r_everywhere("d").ok
True
>>> from types import SimpleNamespace
>>> est = SimpleNamespace(alliance_to_change=2.0, alliance_to_change_se=0.5,
...                       change_to_alliance=0.01, change_to_alliance_se=0.02)
>>> lagged_verdict(est)
'alliance_drives_change'
>>> check_study_worlds({"B": "a"}, {"B": est}).ok
True
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from alliance_widgets import literature as lit
from alliance_widgets.exercises.feedback import (
    CORRECT,
    INCORRECT,
    PARTLY,
    Feedback,
    combine,
    fmt_number,
)
from alliance_widgets.exercises.generic import check_choice, check_number, unanswered

__all__ = [
    "CAUSAL_RUBRIC",
    "SAME_R_OPTIONS",
    "WORLD_WORDS",
    "causal_model_note",
    "check_causal_note",
    "check_completer_r",
    "check_mystery_r",
    "check_rater_agreement",
    "check_same_r_everywhere",
    "check_study_worlds",
    "lagged_verdict",
    "rater_options",
    "world_options",
]

#: The four causal worlds in plain words, keyed as the generator names them
#: (``alliance_widgets.science.CAUSAL_MODELS``), in the order the lesson teaches them.
WORLD_WORDS: dict[str, str] = {
    "alliance_drives_change": "the alliance drives change",
    "change_drives_alliance": "change drives the alliance",
    "common_cause": "a common cause raises both",
    "reciprocal": "each drives the other",
}

#: A lagged effect counts as "clearly there" when its estimate is this many standard
#: errors above 0 (a two-sided 95 % test of a positive effect).
Z_CLEAR = 1.96

_X, _Y = "early_alliance", "improvement"


# ----------------------------------------------------------------------------- helpers
def _r(clients: pd.DataFrame) -> float:
    d = clients[[_X, _Y]].astype(float).dropna()
    return float(np.corrcoef(d[_X], d[_Y])[0, 1])


def _effect(est: Any, which: str) -> tuple[float, float]:
    """``(estimate, standard error)`` of one lagged direction of ``est``."""
    value, se = float(getattr(est, which)), float(getattr(est, f"{which}_se"))
    if not (np.isfinite(value) and np.isfinite(se) and se > 0):
        raise ValueError(
            f"est.{which} = {value!r} with standard error {se!r}: both must be finite and the "
            "standard error positive."
        )
    return value, se


def _clear(est: Any, which: str) -> bool:
    value, se = _effect(est, which)
    return value > Z_CLEAR * se


def lagged_verdict(est: Any) -> str:
    """The world a within-client lagged estimate points to.

    ``est`` has ``alliance_to_change``, ``change_to_alliance`` and their ``*_se`` (as
    ``alliance_widgets.science.within_client_lagged`` returns). A direction counts when its
    estimate is more than :data:`Z_CLEAR` standard errors above 0: both directions give
    ``"reciprocal"``, one gives that direction's world, neither gives ``"common_cause"``
    (whatever raises both alliance and improvement, it is not one acting on the other
    from session to session).

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> lagged_verdict(SimpleNamespace(alliance_to_change=0.1, alliance_to_change_se=0.2,
    ...                                change_to_alliance=0.3, change_to_alliance_se=0.1))
    'change_drives_alliance'
    """
    a2c, c2a = _clear(est, "alliance_to_change"), _clear(est, "change_to_alliance")
    if a2c and c2a:
        return "reciprocal"
    if a2c:
        return "alliance_drives_change"
    if c2a:
        return "change_drives_alliance"
    return "common_cause"


# ----------------------------------------------------------------------------- 9.1
#: Options of Exercise 9.1: in which worlds do early alliance and improvement correlate?
SAME_R_OPTIONS: dict[str, str] = {
    "a": "only where the alliance drives change",
    "b": "where the alliance drives change, and where each drives the other",
    "c": "in every world except the common-cause one",
    "d": "in all four worlds",
}


def check_same_r_everywhere(answer: Any) -> Feedback:
    """Exercise 9.1: every world gives a positive early-alliance–improvement r."""
    return check_choice(
        answer,
        "d",
        options=SAME_R_OPTIONS,
        name="Exercise 9.1",
        hint="For each world ask: would clients with a stronger early alliance tend to "
        "improve more by the end, whatever the reason?",
        why_wrong={
            "a": "where change drives the alliance, clients who improve early rate the "
            "alliance higher, and their early improvement is part of their improvement by the "
            "end: the two correlate although the alliance changes nothing.",
            "b": "that leaves out two worlds that correlate too: improvement raising later "
            "alliance ratings, and a client characteristic raising both.",
            "c": "a common cause (say, how easily a client trusts, or how motivated they are) "
            "raises both the alliance and improvement, so they correlate although neither "
            "acts on the other.",
        },
        explanation="Each world produces a positive correlation across clients, and the "
        "generator tunes all four to about the same size. So the number that research "
        "summaries report cannot, on its own, tell the worlds apart.",
    )


# ----------------------------------------------------------------------------- 9.2
def check_mystery_r(
    answer: Any, clients: pd.DataFrame, *, everyone: pd.DataFrame | None = None
) -> Feedback:
    """Exercise 9.2: the cross-sectional r of one mystery study's clients.

    ``everyone`` (optional) holds the clients of all studies, so that forgetting to keep
    only one study's rows gets its own feedback. An answer within 0.005 is accepted: the
    ``.corr()`` result itself, or it typed to two decimals.
    """
    r = _r(clients)
    hint = (
        "Keep study A's rows (m_clients[m_clients['study'] == 'A']), then correlate "
        "`early_alliance` with `improvement`: one column's .corr() with the other. Assign "
        "the result itself, or type it to at least two decimals."
    )
    if answer is None:
        return unanswered("Exercise 9.2", hint)
    mistakes = [
        (
            -r,
            "The sign is flipped: on the OQ-45 lower is better, so correlate with the "
            "improvement, not the final score.",
        ),
        (r * r, "That is r squared (the share of variance), not r."),
    ]
    if everyone is not None:
        r_all = _r(everyone)
        if abs(r_all - r) > 0.005:
            mistakes.insert(
                0,
                (
                    r_all,
                    "That is the r of all the studies together; keep only study A's rows first.",
                ),
            )
    return check_number(
        answer,
        r,
        tolerance=0.005,
        name="Exercise 9.2",
        hint=hint,
        mistakes=mistakes,
        explanation=f"r = {fmt_number(r, 2)}: about what the research summaries report "
        f"({lit.ALLIANCE_OUTCOME_R_2018.cite()}: r = {lit.ALLIANCE_OUTCOME_R_2018.value}). "
        "It fits all four worlds.",
    )


# ----------------------------------------------------------------------------- 9.3
def world_options() -> dict[str, str]:
    """Options of Exercise 9.3: one letter per world, in :data:`WORLD_WORDS` order."""
    return dict(zip("abcd", WORLD_WORDS.values(), strict=True))


def _direction_words(est: Any, which: str, label: str) -> str:
    value, se = _effect(est, which)
    z = value / se
    verdict = (
        "clearly above 0"
        if z > Z_CLEAR
        else "within two standard errors of 0"
        if abs(z) <= Z_CLEAR
        else "below 0 (no world builds that in: it counts as no direction)"
    )
    return f"the {label} estimate is {fmt_number(value, 2)} (SE {fmt_number(se, 2)}), {verdict}"


#: What each world needs to see in the lagged table (the rule of :func:`lagged_verdict`).
_WORLD_NEEDS: dict[str, str] = {
    "alliance_drives_change": "that world needs only alliance → change clearly above 0",
    "change_drives_alliance": "that world needs only change → alliance clearly above 0",
    "common_cause": "that answer fits when neither estimate is clearly above 0",
    "reciprocal": "that world needs both estimates clearly above 0",
}


def _world_part(answer: Any, est: Any, name: str) -> Feedback:
    """One study's verdict: is ``answer`` the world its lagged estimates ``est`` point to?"""
    options = world_options()
    keys = dict(zip("abcd", WORLD_WORDS, strict=True))
    correct = next(k for k, w in keys.items() if w == lagged_verdict(est))
    a2c = _direction_words(est, "alliance_to_change", "alliance → change")
    c2a = _direction_words(est, "change_to_alliance", "change → alliance")
    return check_choice(
        answer,
        correct,
        options=options,
        name=name,
        why_wrong={k: f"{_WORLD_NEEDS[keys[k]]}, but {a2c}; {c2a}." for k in options},
        explanation=f"{a2c}; {c2a}: the signature of a world where {WORLD_WORDS[keys[correct]]}.",
    )


def check_study_worlds(answer: Any, estimates: Mapping[str, Any]) -> Feedback:
    """Exercise 9.3: match each study to the world its lagged estimates point to.

    ``answer`` maps a study's letter to an option letter of :func:`world_options` (or its
    words); ``estimates`` maps the same letters to each study's within-client lagged
    estimate. The key is :func:`lagged_verdict` of each estimate, so it follows the data.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> est = {"A": SimpleNamespace(alliance_to_change=2.0, alliance_to_change_se=0.5,
    ...                             change_to_alliance=0.01, change_to_alliance_se=0.02)}
    >>> check_study_worlds({"A": "a"}, est).ok
    True
    >>> check_study_worlds({"a": "a"}, est).ok  # study letters in any case
    True
    >>> print(check_study_worlds({"A": "c"}, est))  # doctest: +ELLIPSIS
    Exercise 9.3 — ❌ not yet right.
      ✗ study A: 'c' (a common cause raises both): that answer fits when neither ...
    """
    name = "Exercise 9.3"
    hint = (
        "For each study read the two lagged estimates with their standard errors: which "
        f"lie more than {Z_CLEAR:g} standard errors above 0?"
    )
    if answer is None:
        return unanswered(name, hint)
    if not isinstance(answer, Mapping):
        msg = (
            "Answer with a dict from study to option letter, e.g. {'A': 'a', 'B': ...}; got "
            f"{type(answer).__name__}."
        )
        return Feedback(name, INCORRECT, wrong=(msg,), hint=hint)
    # Study letters are capitals in the data; "a" for study A is an easy slip, not an error.
    by_upper = {str(k).strip().upper(): k for k in estimates}
    answer = {by_upper.get(str(k).strip().upper(), k): v for k, v in answer.items()}
    parts = [_world_part(answer.get(k), est, f"study {k}") for k, est in estimates.items()]
    fb = combine(name, parts, hint=hint)
    extra = sorted(str(k) for k in answer if k not in estimates)
    if not extra:
        return fb
    wrong = (*fb.wrong, f"There is no study {', '.join(extra)}.")
    status = PARTLY if fb.status == CORRECT else fb.status
    return Feedback(name, status, fb.right, wrong, fb.hint or hint, "", "", fb.parts)


# ----------------------------------------------------------------------------- 9.4
def check_completer_r(answer: Any, clients: pd.DataFrame) -> Feedback:
    """Exercise 9.4: the early-alliance–improvement r among completers only.

    ``clients`` has a boolean ``completed`` column (attended every session).
    """
    if "completed" not in clients:
        raise ValueError("clients must have a boolean 'completed' column (one row per client).")
    done = clients["completed"].astype(bool)
    r_done, r_all = _r(clients[done]), _r(clients)
    hint = "Keep only the rows where `completed` is True, then correlate as before."
    if answer is None:
        return unanswered("Exercise 9.4", hint)
    mistakes = [(r_all, "That is everyone's r; keep only the clients who completed.")]
    if (~done).sum() >= 3:
        mistakes.append((_r(clients[~done]), "That is the r of the clients who left early."))
    higher = "higher" if r_done > r_all else "lower"
    return check_number(
        answer,
        r_done,
        tolerance=0.005,
        name="Exercise 9.4",
        hint=hint,
        mistakes=mistakes,
        explanation=f"Completers: r = {fmt_number(r_done, 2)}; everyone: "
        f"r = {fmt_number(r_all, 2)}. The completers' r is {higher}, because who stays "
        "depends on the alliance: a study of completers only answers a question about a "
        "selected group.",
    )


# ----------------------------------------------------------------------------- 9.5
def rater_options() -> dict[str, str]:
    """Options of Exercise 9.5, about the published agreement between raters."""
    r = lit.RATER_AGREEMENT.value["child–therapist"]
    return {
        "a": "they mostly agree about which alliances are strong",
        "b": f"they share only about {100 * r * r:.0f} % of their variance: often one sees a "
        "strong alliance where the other sees a middling one",
        "c": "the therapist's rating is the accurate one; the client's is biased",
        "d": "therapists rate the alliance more positively than their clients do",
    }


def check_rater_agreement(answer: Any) -> Feedback:
    """Exercise 9.5: what does the published client–therapist agreement mean?"""
    fig = lit.RATER_AGREEMENT
    r = fig.value["child–therapist"]
    d = fig.extra["rated_higher_than_therapist_d"]["child"]
    return check_choice(
        answer,
        "b",
        options=rater_options(),
        name="Exercise 9.5",
        hint="Square the correlation to see how much of the variance two ratings share.",
        why_wrong={
            "a": f"r = {fmt_number(r, 2)} is a modest correlation: r² = "
            f"{fmt_number(r * r, 2)}, so most of the differences between dyads in one "
            "rating are not found in the other.",
            "c": "neither rating is the true alliance: each is one person's view of the same "
            "relationship, and the dropout meta-analysis (Sharf et al.) found no significant "
            "difference between client-, therapist- and observer-rated alliances.",
            "d": f"the other way round: the young clients rated it higher (d = "
            f"{fmt_number(d, 2)}), which the abstract says matches research with adults.",
        },
        explanation=f"{fig.cite()}: r = {fmt_number(r, 2)} between child and therapist "
        f"ratings. 'The alliance' in a study is somebody's rating of it; which somebody "
        "changes the numbers.",
    )


# ----------------------------------------------------------------------------- 9.6
#: The self-assessment rubric of Exercise 9.6: score each line 0 (missing), 1 (partly)
#: or 2 (clearly there). No program marks it.
CAUSAL_RUBRIC: dict[str, str] = {
    "number": "Gives the clinic's cross-sectional r and says it is an association across clients.",
    "worlds": "Names at least two other worlds that give the same r (improvement raising "
    "the alliance; a common cause) in plain words.",
    "design": "Says what design could tell them apart (session-by-session ratings of both, "
    "analysed within clients, lagged) and that even that is not an experiment (e.g. a "
    "life event can lift both in the same week).",
    "selection": "Mentions that analysing only completers can change the r when leaving "
    "depends on the alliance.",
    "practice": "Ends with something useful for practice that does not overclaim (e.g. keep "
    "asking for alliance feedback; a good rating may reflect progress already made).",
}


class _NumberOnly(Feedback):
    """Feedback whose headline says that only the number was checked, never "correct!"."""

    def _headline(self) -> str:
        if self.status == CORRECT:
            return "✅ your r is right; now mark your reasoning with the rubric."
        if self.status == INCORRECT:
            return "❌ your r is not there yet."
        return "⏳ not answered yet."

    def _lines(self) -> list[str]:
        lines = super()._lines()
        return [f"{self.name} — {self._headline()}", *lines[1:]]

    def _repr_markdown_(self) -> str:
        _, _, rest = super()._repr_markdown_().partition("\n")
        return f"**{_md_text(self.name)} — {self._headline()}**\n{rest}"


def _md_text(text: str) -> str:
    return text.replace("*", r"\*").replace("_", r"\_").replace("`", r"\`")


def _mentions_number(text: str, value: float) -> bool:
    shown = f"{value:.2f}"
    bare = shown.replace("0.", ".", 1) if shown.startswith(("0.", "-0.")) else shown
    pattern = r"(?<![\d.])(" + re.escape(shown) + "|" + re.escape(bare) + r")(?!\d)"
    return re.search(pattern, text) is not None


def check_causal_note(answer: Any, r: float) -> Feedback:
    """Exercise 9.6: does the note give the clinic's r (to two decimals)?

    Only that number is checked. The reasoning is not graded by words (no program can tell
    a careful sentence from a careless one that uses the same words): the lesson prints
    :data:`CAUSAL_RUBRIC` and :func:`causal_model_note` for self-assessment.

    Examples
    --------
    >>> fb = check_causal_note("Across clients r = .28, an association.", 0.281)
    >>> fb.ok
    True
    >>> str(fb).splitlines()[0]
    'Exercise 9.6 (your number) — ✅ your r is right; now mark your reasoning with the rubric.'
    >>> check_causal_note("The alliance clearly causes change.", 0.281).status
    'incorrect'
    """
    name = "Exercise 9.6 (your number)"
    scope = (
        "Only the r in your note is checked; your reasoning is not marked: score it yourself "
        "with the rubric printed above the writing cell, then compare with the model note."
    )
    hint = (
        "Start with the number: 'Across clients, early alliance and improvement correlate r = …'."
    )
    if answer is None or (isinstance(answer, str) and not answer.strip()):
        fb = unanswered(name, hint, scope)
        return _NumberOnly(name, fb.status, fb.right, fb.wrong, fb.hint, fb.scope)
    if not isinstance(answer, str):
        msg = f"Write your note as text in quotes; got {type(answer).__name__}."
        return _NumberOnly(name, INCORRECT, wrong=(msg,), hint=hint, scope=scope)
    found = _mentions_number(answer, r)
    part = (
        Feedback("r", CORRECT, right=(f"{r:.2f} matches the data.",))
        if found
        else Feedback("r", INCORRECT, wrong=(f"not found (expected {r:.2f} in the text).",))
    )
    fb = combine(name, [part], hint=hint)
    return _NumberOnly(name, fb.status, fb.right, fb.wrong, fb.hint, scope, "", fb.parts)


def causal_model_note(r: float, est: Any, *, r_completers: float, r_everyone: float) -> str:
    """A model answer for Exercise 9.6, written from the lesson's own numbers.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> est = SimpleNamespace(alliance_to_change=2.0, alliance_to_change_se=0.5,
    ...                       change_to_alliance=0.01, change_to_alliance_se=0.02)
    >>> causal_model_note(0.28, est, r_completers=0.22, r_everyone=0.27)[:43]
    'Across clients, early alliance and improvem'
    """
    world = WORLD_WORDS[lagged_verdict(est)]
    a2c = _direction_words(est, "alliance_to_change", "alliance → change")
    c2a = _direction_words(est, "change_to_alliance", "change → alliance")
    return (
        f"Across clients, early alliance and improvement correlate r = {r:.2f}. That is an "
        "association: the same r arises if the alliance helps clients change, if clients who "
        "improve early come to rate the alliance higher, if something about the client (how "
        "easily they trust, how motivated they are) raises both, or if each feeds the "
        "other. Rating both every session and asking, within each client, whether this "
        "session's alliance predicts the next session's change (and the other way round) "
        f"separates these worlds: here {a2c}, and {c2a}, which points to a world where "
        f"{world}. That is evidence about timing, still not an experiment: a life event "
        "that lifts mood and the alliance in the same week would fool it. Who stays also "
        "matters: among "
        f"completers r = {r_completers:.2f}, among everyone r = {r_everyone:.2f}; when clients "
        "with weaker alliances leave more often, a completers-only analysis describes a "
        "selected group. For practice: keep asking clients "
        "how the work together feels, session by session; a good session may help the next "
        "one, and a good rating may partly reflect progress already made."
    )
