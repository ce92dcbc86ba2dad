"""Checks for lesson 05, *Ruptures and repair*.

One check per exercise. Expected answers come from :mod:`alliance_widgets.literature`
(the kinds of rupture, the 2018 repair–outcome r, the task force's verdict) or from
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
from alliance_widgets.exercises.generic import (
    check_choice,
    check_key_ideas,
    check_number,
    unanswered,
)

__all__ = [
    "RUPTURE_VIGNETTES",
    "check_repair_evidence",
    "check_repair_share",
    "check_repair_statement",
    "check_repair_variance",
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
        explanation="Most ruptures in this clinic are repaired: the V shape is common.",
    )


def check_repair_variance(answer: Any, r: float = lit.REPAIR_OUTCOME_R_2018.value) -> Feedback:
    """Exercise 5.4: the percentage of outcome variance that goes with repair, ``100·r²``.

    Examples
    --------
    >>> check_repair_variance(100 * lit.REPAIR_OUTCOME_R_2018.value ** 2).ok
    True
    >>> check_repair_variance(100 * lit.REPAIR_OUTCOME_R_2018.value).wrong[0][:30]
    'That is r written as a percent'
    """
    expected = 100 * r**2
    return check_number(
        answer,
        expected,
        tolerance=0.1,
        name="Exercise 5.4",
        unit="%",
        hint="Square r, then multiply by 100 to get a percentage.",
        mistakes=[
            (100 * r, "That is r written as a percentage; the share of variance is r squared."),
            (r**2, "That is r² as a proportion; multiply by 100 for a percentage."),
        ],
        explanation="A correlation of this size is a real but modest association: most "
        "of the differences in outcome lie elsewhere.",
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
        "a": f"a common overstatement: the repair meta-analysis pooled only {k} studies, "
        "too few for the top verdict, which went to the alliance itself, empathy and "
        "others.",
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


_REPAIR_IDEAS = {
    "naming what happened": [
        "notice",
        "noticed",
        "seemed",
        "seems",
        "sense",
        "felt",
        "feel",
        "quiet",
        "frustrated",
        "annoyed",
        "happened",
    ],
    "inviting the client's view": [
        "tell me",
        "what was",
        "how was",
        "how did",
        "wonder",
        "would you",
        "could you",
        "what do you",
        "your view",
        "disagree",
    ],
    "owning your part without defending": [
        "my part",
        "i got",
        "i was",
        "i missed",
        "i pushed",
        "sorry",
        "thank",
        "thanks",
        "wrong",
        "my mistake",
    ],
}


def check_repair_statement(answer: Any) -> Feedback:
    """Exercise 5.6: what a therapist could say to start repairing a rupture.

    Looks for three ideas by their words only (the feedback says so): naming what
    happened, inviting the client's view, and owning one's part without defending.

    Examples
    --------
    >>> text = ("I noticed you went quiet when I suggested the exercise. I wonder if I "
    ...         "pushed too hard - would you tell me how it was for you?")
    >>> check_repair_statement(text).ok
    True
    >>> check_repair_statement("Let's move on to the homework now please.").status
    'incorrect'
    """
    return check_key_ideas(
        answer,
        _REPAIR_IDEAS,
        name="Exercise 5.6",
        hint="Say what you noticed, ask how it was for the client, and take your share "
        "of it without defending yourself.",
        min_words=8,
    )
