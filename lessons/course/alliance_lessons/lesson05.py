"""Checks for lesson 05, *Ruptures and repair*.

One check per exercise. Expected answers come from :mod:`alliance_widgets.literature`
(the kinds of rupture, the task force's verdict) or from
:func:`alliance_widgets.science.detect_ruptures` run on the data the lesson passes in.

Examples
--------
>>> check_rupture_kinds(None).status
'not answered yet'
>>> check_rupture_sessions([4], [4.0, 4.1, 4.2, 3.4, 3.8, 4.1, 4.2]).ok
True
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from alliance_widgets import literature as lit
from alliance_widgets.exercises.data_checks import check_proportion, require_columns
from alliance_widgets.exercises.feedback import (
    CORRECT,
    INCORRECT,
    PARTLY,
    Feedback,
    combine,
    fmt_number,
)
from alliance_widgets.exercises.generic import check_choice, check_choices, unanswered

__all__ = [
    "REPAIR_EXPLANATIONS",
    "REPAIR_OPENINGS",
    "RUPTURE_VIGNETTES",
    "check_repair_evidence",
    "check_repair_explanations",
    "check_repair_opening",
    "check_repair_share",
    "check_rupture_kinds",
    "check_rupture_sessions",
]

_KINDS: dict[str, str] = dict(lit.RUPTURE_KINDS.value)

#: Short session moments (the kit's own wording) and the kind of rupture each shows.
RUPTURE_VIGNETTES: dict[str, tuple[str, str]] = {
    "A": (
        "Asked how the week's practice went, the client says 'fine, whatever you think' "
        "and starts talking about a television programme.",
        "withdrawal",
    ),
    "B": (
        "The client says the sessions are going nowhere and asks why they should keep coming.",
        "confrontation",
    ),
    "C": (
        "The client agrees with everything the therapist suggests, in a flat voice, and "
        "gives one-word answers.",
        "withdrawal",
    ),
    "D": (
        "The client says, irritated, that the therapist keeps pushing the same exercise "
        "that does not help.",
        "confrontation",
    ),
}

# What a wrong label on each vignette misses.
_WHY = {
    "A": "changing the subject and deferring is moving away from the work, not against "
    "the therapist.",
    "B": "questioning the point of therapy is pushing against it: a confrontation.",
    "C": "agreeing flatly and going quiet is moving away from the work, not against the therapist.",
    "D": "an irritated complaint about the exercise is moving against the therapist: a "
    "confrontation.",
}


def check_rupture_kinds(answer: Any) -> Feedback:
    """Exercise 5.1: label each vignette as a withdrawal or a confrontation rupture.

    ``answer`` is a dict from vignette letter to ``"withdrawal"`` or ``"confrontation"``.

    Examples
    --------
    >>> good = {k: kind for k, (_, kind) in RUPTURE_VIGNETTES.items()}
    >>> check_rupture_kinds(good).ok
    True
    >>> print(check_rupture_kinds({**good, "C": "confrontation"}))
    Exercise 5.1 — 🟡 partly correct.
      ✓ A: 'withdrawal' (moving away: deferring, avoiding, intellectualising) is right.
      ✓ B: 'confrontation' (moving against: complaints, hostility, pressure) is right.
      ✓ D: 'confrontation' (moving against: complaints, hostility, pressure) is right.
      ✗ C: 'confrontation' (moving against: complaints, hostility, pressure): agreeing flatly and going quiet is moving away from the work, not against the therapist.
      Hint: Ask of each moment: is the client moving away from the work, or against the therapist?
    """  # noqa: E501
    name = "Exercise 5.1"
    hint = "Ask of each moment: is the client moving away from the work, or against the therapist?"
    if answer is None:
        return unanswered(name, hint)
    if not isinstance(answer, Mapping):
        msg = (
            "Answer with a dict from vignette letter to kind, e.g. "
            "{'A': 'withdrawal', 'B': ...}; got " + type(answer).__name__ + "."
        )
        return Feedback(name, INCORRECT, wrong=(msg,), hint=hint)
    parts = []
    for key, (_, kind) in RUPTURE_VIGNETTES.items():
        other = next(k for k in _KINDS if k != kind)
        parts.append(
            check_choice(
                answer.get(key), kind, options=_KINDS, name=key, why_wrong={other: _WHY[key]}
            )
        )
    extra = sorted(str(k) for k in answer if k not in RUPTURE_VIGNETTES)
    fb = combine(name, parts, hint=hint)
    if extra:
        wrong = (*fb.wrong, f"There is no vignette {', '.join(extra)}.")
        status = PARTLY if fb.status == CORRECT else fb.status
        return Feedback(name, status, fb.right, wrong, hint, fb.scope, "", fb.parts)
    return fb


def _sessions_answer(answer: Any) -> list[int] | None:
    if isinstance(answer, bool):
        return None
    if isinstance(answer, int):
        return [answer]
    if isinstance(answer, float) and answer.is_integer():
        return [int(answer)]
    if isinstance(answer, (list, tuple, set, frozenset)):
        out = []
        for a in answer:
            if isinstance(a, bool) or not isinstance(a, (int, float)) or float(a) % 1:
                return None
            out.append(int(a))
        return sorted(set(out))
    return None


def check_rupture_sessions(answer: Any, series: Any, **rule: Any) -> Feedback:
    """Exercise 5.2: the session(s) at which a rupture starts in one client's series.

    ``answer`` is a list of session numbers (1 = first session). The expected sessions
    are those :func:`~alliance_widgets.science.detect_ruptures` marks with the same
    ``rule`` (the kit's default rule when none is given).

    Examples
    --------
    >>> series = [4.2, 4.3, 4.1, 3.4, 3.6, 4.2, 4.3, 4.4, 3.6, 3.7, 3.6, 3.7]
    >>> check_rupture_sessions([4, 9], series).ok
    True
    >>> print(check_rupture_sessions([4, 5, 9], series))
    Exercise 5.2 — 🟡 partly correct.
      ✓ Sessions 4, 9 are where a rupture starts.
      ✗ Session 5 is still inside the dip that began at session 4: count each rupture once, at the session where the fall starts.
      Hint: Compare each session with the mean of the 3 sessions before it: a fall of at least 0.5 points starts a rupture.
    >>> check_rupture_sessions([3, 8], series).wrong[0][:42]
    'These look like positions counted from 0 ('
    """  # noqa: E501
    from alliance_widgets.science import detect_ruptures

    name = "Exercise 5.2"
    table = detect_ruptures(series, **rule)
    threshold = rule.get("threshold", lit.RUPTURE_DETECTION.value["threshold"])
    window = rule.get("window", lit.RUPTURE_DETECTION.value["window"])
    hint = (
        f"Compare each session with the mean of the {window} sessions before it: a fall of "
        f"at least {fmt_number(threshold)} points starts a rupture."
    )
    expected = table.loc[table.rupture, "session"].astype(int).tolist()
    if answer is None:
        return unanswered(name, hint)
    chosen = _sessions_answer(answer)
    if chosen is None:
        msg = f"Answer with a list of session numbers such as [2, 7]; got {answer!r}."
        return Feedback(name, INCORRECT, wrong=(msg,), hint=hint)
    if chosen == expected:
        return Feedback(
            name,
            CORRECT,
            right=(f"Sessions {', '.join(map(str, expected))} are where a rupture starts.",),
            explanation="Each is a fall well below the client's recent level, not just a "
            "low rating.",
        )
    if expected and [s + 1 for s in chosen] == expected:
        msg = (
            "These look like positions counted from 0 (Python's way); sessions are numbered from 1."
        )
        return Feedback(name, INCORRECT, wrong=(msg,), hint="Add 1 to each position.")
    sessions = table.session.astype(int).tolist()
    good = [s for s in chosen if s in expected]
    wrong = []
    for s in chosen:
        if s in expected:
            continue
        if s not in sessions:
            wrong.append(f"There is no session {s}; the series has sessions 1–{max(sessions)}.")
            continue
        earlier = [e for e in expected if e < s]
        if (
            earlier
            and table.loc[table.session == s, "alliance"].iloc[0]
            < (table.loc[table.session == earlier[-1], "running_level"].iloc[0])
        ):
            wrong.append(
                f"Session {s} is still inside the dip that began at session {earlier[-1]}: "
                "count each rupture once, at the session where the fall starts."
            )
        else:
            wrong.append(f"Session {s} is not a fall of {fmt_number(threshold)} points or more.")
    missing = len([e for e in expected if e not in chosen])
    if missing:
        wrong.append(f"{missing} rupture{' is' if missing == 1 else 's are'} still missing.")
    right = (f"Sessions {', '.join(map(str, good))} are where a rupture starts.",) if good else ()
    return Feedback(name, PARTLY if good else INCORRECT, right, tuple(wrong), hint)


def check_repair_share(answer: Any, sessions: pd.DataFrame, **rule: Any) -> Feedback:
    """Exercise 5.3: the share of detected ruptures that were repaired, as a proportion.

    Ruptures whose repair cannot be told (the client's series ends too soon) are left
    out of the share; ``sessions`` is a long table with ``client_id``, ``session`` and
    ``alliance``.

    Examples
    --------
    >>> import pandas as pd
    >>> long = pd.DataFrame({"client_id": [1] * 7 + [2] * 7, "session": list(range(1, 8)) * 2,
    ...                      "alliance": [4, 4, 4, 3, 4, 4, 4] + [4, 4, 4, 3, 3, 3, 3.0]})
    >>> check_repair_share(0.5, long).ok
    True
    >>> check_repair_share(2 / 14, long).wrong[0][:40]
    'That is the share of sessions with a rup'
    """
    from alliance_widgets.science import detect_ruptures_by_client

    name = "Exercise 5.3"
    require_columns(sessions, ["client_id", "session", "alliance"], "sessions")
    found = detect_ruptures_by_client(sessions, **rule)
    ruptures = found[found.rupture]
    known = ruptures.repaired.dropna()
    if known.empty:
        raise ValueError("sessions holds no rupture whose repair is known; pick other data.")
    expected = float(known.astype(bool).mean())
    mistakes = [
        (
            float(ruptures.repaired.fillna(False).astype(bool).sum()) / len(ruptures),
            "That divides by every rupture, including those whose repair is unknown "
            "(missing): leave those out, as the series ended before we could tell.",
        ),
        (
            float(found.rupture.mean()),
            "That is the share of sessions with a rupture, not the share of ruptures "
            "that were repaired.",
        ),
        (
            1 - expected,
            "That is the share of ruptures that were NOT repaired.",
        ),
    ]
    mistakes = [(v, m) for v, m in mistakes if abs(v - expected) > 0.005]
    hint = (
        "Keep the rupture rows (rupture == True), drop those whose 'repaired' is missing, "
        "then take the mean of 'repaired'."
    )
    return check_proportion(
        answer,
        expected,
        name=name,
        hint=hint,
        mistakes=mistakes,
        explanation="By the kit's rule most detected ruptures count as repaired. Whether "
        "the rule's 'repaired' matches the simulation's own record is the next question.",
    )


#: The options of Exercise 5.4: what could make repair and outcome correlate even if
#: repairing a rupture did nothing by itself. Keys a–c are such explanations.
REPAIR_EXPLANATIONS: dict[str, str] = {
    "a": "Clients who were already improving found it easier to talk a rupture through, so "
    "improvement led to repair rather than the other way round.",
    "b": "Some therapists are more skilled in many ways: the same skill that repairs "
    "ruptures also helps their clients in other ways.",
    "c": "Ruptures that get repaired tend to be milder ones, in relationships that were "
    "stronger from the start, and a strong alliance goes with better outcome anyway.",
    "d": "The correlation was pooled over many studies, and a pooled correlation shows "
    "cause and effect.",
    "e": "A correlation of about .3 is too small to mean anything at all.",
}


def check_repair_explanations(answer: Any) -> Feedback:
    """Exercise 5.4: which explanations fit a repair–outcome correlation without causation.

    ``answer`` is a list of letters from :data:`REPAIR_EXPLANATIONS`; a, b and c are each
    a way the correlation could arise if repair itself changed nothing (reverse direction,
    a common cause, a confound).

    Examples
    --------
    >>> check_repair_explanations(["a", "b", "c"]).ok
    True
    >>> print(check_repair_explanations(["a", "d"]))
    Exercise 5.4 — 🟡 partly correct.
      ✓ 1 of your choices are right: 'a'.
      ✗ 'd' (The correlation was pooled over many studies, and a pooled correlation shows cause and effect.): pooling makes a correlation more precise, not causal: every pooled study was itself correlational.
      ✗ 2 right options are still missing.
      Hint: For each, ask: could this make repaired clients do better even if the repair itself did nothing?
    """  # noqa: E501
    return check_choices(
        answer,
        {"a", "b", "c"},
        options=REPAIR_EXPLANATIONS,
        name="Exercise 5.4",
        hint="For each, ask: could this make repaired clients do better even if the repair "
        "itself did nothing?",
        why_wrong={
            "d": "pooling makes a correlation more precise, not causal: every pooled study "
            "was itself correlational.",
            "e": "a small correlation can be real; and its size says nothing about whether "
            "it is causal.",
        },
        explanation="Reverse direction (a), a common cause (b) and a confound (c) are the "
        "usual rivals to 'repair causes improvement'. Studies that measure the alliance "
        "session by session, and experiments that train therapists in repair, are how "
        "researchers try to rule them out.",
    )


def _task_force_group(element: str) -> str:
    for group, elements in lit.TASK_FORCE_2018.value.items():
        if element in elements:
            return str(group)
    raise LookupError(f"{element!r} is not in literature.TASK_FORCE_2018")  # pragma: no cover


_EVIDENCE_OPTIONS = {
    "a": "demonstrably effective",
    "b": "probably effective",
    "c": "promising",
    "d": "shown not to work",
}


def check_repair_evidence(answer: Any) -> Feedback:
    """Exercise 5.5: how the 2018 task force rated *repairing ruptures*.

    Examples
    --------
    >>> check_repair_evidence("b").ok
    True
    >>> check_repair_evidence("a").status
    'incorrect'
    """
    group = _task_force_group("repairing ruptures")
    correct = next(k for k, v in _EVIDENCE_OPTIONS.items() if v == group)
    k = lit.REPAIR_OUTCOME_R_2018.k
    why = {
        "a": f"a common overstatement. The task force weighed the number of studies, their "
        f"consistency and whether any showed repair causing better outcome: the repair "
        f"meta-analysis pooled only {k} mostly small, correlational studies.",
        "c": "'promising' was the verdict for self-disclosure and immediacy; repair "
        "has a little more evidence than that.",
        "d": "no: the studies there are point to better outcomes with repair.",
    }
    why.pop(correct, None)
    return check_choice(
        answer,
        correct,
        options=_EVIDENCE_OPTIONS,
        name="Exercise 5.5",
        hint="Look at the printed verdicts of the 2018 task force above.",
        why_wrong=why,
        explanation="The evidence points the right way but rests on few, small studies.",
    )


#: The options of Exercise 5.6: openings a therapist might try with vignette C (flat
#: agreement and one-word answers). Kit wording, after practitioners' advice: name what
#: happened, invite the client's view, own one's part without defending it.
REPAIR_OPENINGS: dict[str, str] = {
    "a": "I have used this plan with many clients and it works, so I would ask you to "
    "trust me on it and give it a proper go.",
    "b": "Great, you are on board with the plan, so let's get going with the homework for "
    "this week.",
    "c": "You seem very passive today. You need to put more in if you want this to work.",
    "d": "You have agreed with everything today, and I have done most of the talking. I "
    "wonder if I have been steering us somewhere that is more mine than yours. Could you "
    "tell me how today has felt, even if it is a criticism?",
    "e": "You seem quiet today, and you have agreed with everything I suggested. Shall we "
    "move on to the next exercise, then?",
}

#: The key of Exercise 5.6.
_OPENING_KEY = "d"

_OPENING_WHY = {
    "a": "it defends the therapist's plan instead of asking about the client's experience: "
    "the client's silence is answered with authority, not curiosity.",
    "b": "it takes flat agreement at face value. Agreeing with everything in a flat voice "
    "is a sign of withdrawal, and pressing on with the plan leaves the rupture unspoken.",
    "c": "it blames the client for the rupture. Put on the spot and criticised, a "
    "withdrawing client is likely to withdraw further.",
    "e": "it names what the therapist sees (a good start) but moves on at once, so the "
    "client is never invited to say what is going on, and the therapist owns no part of it.",
}


def check_repair_opening(answer: Any) -> Feedback:
    """Exercise 5.6: which opening best starts a repair with the withdrawing client (C).

    A choice with explained distractors, not a free-text check: no program can tell from
    the words of a sentence whether it repairs or wounds, so the kit does not grade
    written sentences (the lesson offers a model answer and a rubric for those).

    Examples
    --------
    >>> check_repair_opening("d").ok
    True
    >>> check_repair_opening("c").wrong[0][:40]
    "'c' (You seem very passive today. You ne"
    """
    return check_choice(
        answer,
        _OPENING_KEY,
        options=REPAIR_OPENINGS,
        name="Exercise 5.6",
        hint="Look for the opening that does three things: says what the therapist noticed, "
        "asks how it was for the client, and takes a share of it without defending.",
        why_wrong=_OPENING_WHY,
        explanation="It names the pattern without blame, owns the therapist's share "
        "('I have done most of the talking'), and makes it safe to disagree.",
    )
