"""Generic checks: a number, a choice, several choices, a yes/no, table columns, key ideas.

Every check takes the learner's ``answer`` first (``None`` means "not answered yet") and
returns a :class:`~alliance_widgets.exercises.feedback.Feedback`. Expected values come from
the caller, who computes them from :mod:`alliance_widgets.literature` or the science layer:
nothing here knows a published number.

Examples
--------
>>> print(check_number(7.7, 7.73, tolerance=0.1, name="Exercise 4.1", unit="%"))
Exercise 4.1 — ✅ correct!
  ✓ 7.7 % is within 0.1 of 7.73 %.
>>> check_choice("b", "b", options={"a": "26 %", "b": "about 8 %"}).status
'correct'
>>> check_number(None, 1.0).status
'not answered yet'
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any

from alliance_widgets.exercises.feedback import (
    CORRECT,
    INCORRECT,
    PARTLY,
    UNANSWERED,
    Feedback,
    combine,
    fmt_number,
)

__all__ = [
    "check_bool",
    "check_choice",
    "check_choices",
    "check_dataframe_columns",
    "check_key_ideas",
    "check_number",
    "check_numbers",
    "unanswered",
]


def unanswered(name: str, hint: str = "", scope: str = "") -> Feedback:
    """The feedback for an answer still left as ``None``.

    Examples
    --------
    >>> print(unanswered("Exercise 0.1", "Move the slider first."))
    Exercise 0.1 — ⏳ not answered yet.
      Hint: Move the slider first.
      Replace None with your answer and run the cell again.
    """
    return Feedback(name, UNANSWERED, hint=hint, scope=scope)


def _as_number(answer: Any) -> float | None:
    if isinstance(answer, bool) or not isinstance(answer, numbers.Real):
        return None
    x = float(answer)
    return x if math.isfinite(x) else None


def _not_a_number(name: str, answer: Any, hint: str) -> Feedback:
    if isinstance(answer, str):
        why = (
            f"Your answer {answer!r} is text (it is in quotes). Write the number without "
            "quotes, e.g. 7.7."
        )
    else:
        why = f"Your answer {answer!r} is not a single finite number."
    return Feedback(name, INCORRECT, wrong=(why,), hint=hint)


def check_number(
    answer: Any,
    expected: float,
    *,
    tolerance: float | None = None,
    name: str = "Your answer",
    unit: str = "",
    hint: str = "",
    mistakes: Sequence[tuple[float, str]] = (),
    explanation: str = "",
    digits: int = 3,
) -> Feedback:
    """Check a numeric answer against ``expected`` within an absolute ``tolerance``.

    Parameters
    ----------
    answer : number or None
        The learner's answer.
    expected : float
        The value computed by the lesson (from literature.py or a science function).
    tolerance : float, optional
        Largest accepted distance; default 0.5 % of ``|expected|`` (at least 1e-9).
    name, unit, hint, explanation : str
        Label; unit printed after numbers (``"%"``); next-step hint; why it is right.
    mistakes : sequence of (value, message)
        Known wrong answers and what they reveal (e.g. giving r instead of r²). An answer
        within ``tolerance`` of one of them gets that message as its feedback.
    digits : int
        Decimals shown in the feedback.

    Examples
    --------
    >>> fb = check_number(27.8, 7.73, tolerance=0.1, unit="%",
    ...                   mistakes=[(27.8, "That is r as a percentage: square r first.")])
    >>> print(fb)
    Your answer — ❌ not yet right.
      ✗ That is r as a percentage: square r first.
    >>> print(check_number(9, 7.73, tolerance=0.1, unit="%", hint="Square r."))
    Your answer — ❌ not yet right.
      ✗ 9 % is too high (by 1.27 %).
      Hint: Square r.
    >>> check_number("7.7", 7.73, tolerance=0.1).wrong[0][:31]
    "Your answer '7.7' is text (it i"
    """
    tol = max(1e-9, 0.005 * abs(expected)) if tolerance is None else float(tolerance)
    if answer is None:
        return unanswered(name, hint)
    x = _as_number(answer)
    if x is None:
        return _not_a_number(name, answer, hint)
    u = f" {unit}" if unit else ""
    shown, want = fmt_number(x, digits), fmt_number(expected, digits)
    if abs(x - expected) <= tol:
        if shown == want:
            right = f"{shown}{u} is right."
        else:
            right = f"{shown}{u} is within {fmt_number(tol, digits)} of {want}{u}."
        return Feedback(name, CORRECT, right=(right,), explanation=explanation)
    for value, message in mistakes:
        if abs(x - value) <= tol:
            return Feedback(name, INCORRECT, wrong=(message,), hint=hint)
    direction = "high" if x > expected else "low"
    gap = fmt_number(abs(x - expected), digits)
    return Feedback(
        name, INCORRECT, wrong=(f"{shown}{u} is too {direction} (by {gap}{u}).",), hint=hint
    )


def _norm(value: Any) -> Any:
    return value.strip().casefold() if isinstance(value, str) else value


def _resolve(answer: Any, options: Mapping[Any, str]) -> Any | None:
    """Map an answer to an option key: the key itself or the option's text."""
    target = _norm(answer)
    for key, text in options.items():
        if _norm(key) == target or _norm(text) == target:
            return key
    return None


def _label(key: Any, options: Mapping[Any, str]) -> str:
    """``'b' (an informed judgement)``; just ``60`` when the option's text is its key."""
    text = options[key]
    return repr(key) if text == str(key) else f"{key!r} ({text})"


def _listed(options: Mapping[Any, str]) -> str:
    return "; ".join(_label(k, options) for k in options)


def check_choice(
    answer: Any,
    correct: Any,
    *,
    options: Mapping[Any, str],
    name: str = "Your answer",
    hint: str = "",
    why_wrong: Mapping[Any, str] | None = None,
    explanation: str = "",
) -> Feedback:
    """Check a single-choice answer: one key of ``options`` (or its text).

    Letters are matched without regard to case or surrounding spaces. ``why_wrong`` maps
    a wrong option to the misconception it reveals, the most useful feedback there is.

    Examples
    --------
    >>> opts = {"a": "a meta-analysis", "b": "an informed judgement"}
    >>> print(check_choice("A", "b", options=opts,
    ...                    why_wrong={"a": "Lambert pooled no effect sizes."}))
    Your answer — ❌ not yet right.
      ✗ 'a' (a meta-analysis): Lambert pooled no effect sizes.
    >>> check_choice("c", "b", options=opts).wrong[0]
    "'c' is not one of the options: 'a' (a meta-analysis); 'b' (an informed judgement)."
    """
    if correct not in options:
        raise ValueError(
            f"correct must be one of the option keys {list(options)}; got {correct!r}."
        )
    if answer is None:
        return unanswered(name, hint)
    key = _resolve(answer, options)
    if key is None:
        wrong = f"{answer!r} is not one of the options: {_listed(options)}."
        return Feedback(name, INCORRECT, wrong=(wrong,), hint=hint)
    if key == correct:
        right = f"{_label(key, options)} is right."
        return Feedback(name, CORRECT, right=(right,), explanation=explanation)
    reason = (why_wrong or {}).get(key, "this is not the best answer.")
    return Feedback(name, INCORRECT, wrong=(f"{_label(key, options)}: {reason}",), hint=hint)


def check_choices(
    answer: Any,
    correct: Collection[Any],
    *,
    options: Mapping[Any, str],
    name: str = "Your answer",
    hint: str = "",
    why_wrong: Mapping[Any, str] | None = None,
    explanation: str = "",
) -> Feedback:
    """Check a "select all that apply" answer (a list or set of option keys).

    Partly correct when some right options are chosen, or all of them plus a wrong one;
    the feedback names how many are still missing (not which: that would give it away)
    and says why each wrong choice is wrong.

    Examples
    --------
    >>> opts = {"a": "bond", "b": "goals", "c": "tasks", "d": "liking"}
    >>> print(check_choices(["a", "b", "d"], {"a", "b", "c"}, options=opts,
    ...                     why_wrong={"d": "liking is not the same as an alliance."}))
    Your answer — 🟡 partly correct.
      ✓ 2 of your choices are right: 'a', 'b'.
      ✗ 'd' (liking): liking is not the same as an alliance.
      ✗ 1 right option is still missing.
    """
    unknown = set(correct) - set(options)
    if unknown:
        raise ValueError(f"correct holds keys that are not options: {sorted(unknown, key=str)}.")
    if answer is None:
        return unanswered(name, hint)
    if isinstance(answer, (str, bytes)) or not isinstance(answer, Iterable):
        answer = [answer]
    chosen: list[Any] = []
    wrong: list[str] = []
    for a in answer:
        key = _resolve(a, options)
        if key is None:
            wrong.append(f"{a!r} is not one of the options: {_listed(options)}.")
        elif key not in chosen:
            chosen.append(key)
    good = [k for k in chosen if k in correct]
    for k in chosen:
        if k not in correct:
            reason = (why_wrong or {}).get(k, "this one does not belong.")
            wrong.append(f"{_label(k, options)}: {reason}")
    missing = len(set(correct) - set(good))
    if missing:
        wrong.append(f"{missing} right option{' is' if missing == 1 else 's are'} still missing.")
    right = (
        (f"{len(good)} of your choices are right: {', '.join(repr(k) for k in good)}.",)
        if good
        else ()
    )
    if not wrong:
        return Feedback(name, CORRECT, right=right, explanation=explanation)
    return Feedback(name, PARTLY if good else INCORRECT, right=right, wrong=tuple(wrong), hint=hint)


def check_bool(
    answer: Any,
    expected: bool,
    *,
    name: str = "Your answer",
    hint: str = "",
    why_wrong: str = "",
    explanation: str = "",
) -> Feedback:
    """Check a True/False answer.

    Examples
    --------
    >>> check_bool(False, False).status
    'correct'
    >>> check_bool("no", False).wrong[0]
    "Answer with True or False (no quotes); got 'no'."
    """
    if answer is None:
        return unanswered(name, hint)
    if not isinstance(answer, bool):
        wrong = f"Answer with True or False (no quotes); got {answer!r}."
        return Feedback(name, INCORRECT, wrong=(wrong,), hint=hint)
    if answer == expected:
        return Feedback(name, CORRECT, right=(f"{answer} is right.",), explanation=explanation)
    return Feedback(name, INCORRECT, wrong=(why_wrong or f"{answer} is not right.",), hint=hint)


def check_numbers(
    answer: Any,
    expected: Mapping[str, float],
    *,
    tolerance: float | None = None,
    name: str = "Your answer",
    unit: str = "",
    hint: str = "",
    explanation: str = "",
    digits: int = 3,
) -> Feedback:
    """Check a dict of named numbers (e.g. one score per subscale), each like ``check_number``.

    Examples
    --------
    >>> fb = check_numbers({"bond": 16, "goals": 12}, {"bond": 16.0, "goals": 14.0},
    ...                    tolerance=0.01)
    >>> fb.status
    'partly correct'
    >>> fb.wrong
    ('goals: 12 is too low (by 2).',)
    """
    if answer is None:
        return unanswered(name, hint)
    if not isinstance(answer, Mapping):
        keys = ", ".join(repr(k) for k in expected)
        msg = f"Answer with a dict with the keys {keys}; got {type(answer).__name__}."
        return Feedback(name, INCORRECT, wrong=(msg,), hint=hint)
    parts = [
        check_number(
            answer.get(key), value, tolerance=tolerance, name=key, unit=unit, digits=digits
        )
        for key, value in expected.items()
    ]
    extra = sorted(str(k) for k in answer if k not in expected)
    fb = combine(name, parts, hint=hint, explanation=explanation)
    if extra:
        wrong = (*fb.wrong, f"Unexpected keys: {', '.join(extra)}.")
        status = PARTLY if fb.status == CORRECT else fb.status
        return Feedback(name, status, fb.right, wrong, hint or fb.hint, fb.scope, "", fb.parts)
    return fb


def check_dataframe_columns(
    answer: Any,
    required: Sequence[str],
    *,
    name: str = "Your table",
    hint: str = "",
    forbidden: Sequence[str] = (),
    min_rows: int = 1,
    explanation: str = "",
) -> Feedback:
    """Check that a table has the ``required`` columns (and none of ``forbidden``).

    This check looks at column names and the row count only; the feedback says so.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"client_id": [1], "alliance": [4.0]})
    >>> fb = check_dataframe_columns(df, ["client_id", "alliance", "outcome"])
    >>> fb.status, fb.wrong
    ('partly correct', ("Missing column: 'outcome'.",))
    """
    scope = "This check looks at the column names and the number of rows, not the values."
    if answer is None:
        return unanswered(name, hint, scope)
    columns = getattr(answer, "columns", None)
    if columns is None or not hasattr(answer, "__len__"):
        msg = f"Expected a pandas DataFrame; got {type(answer).__name__}."
        return Feedback(name, INCORRECT, wrong=(msg,), hint=hint, scope=scope)
    cols = [str(c) for c in columns]
    present = [c for c in required if c in cols]
    missing = [c for c in required if c not in cols]
    extra = [c for c in forbidden if c in cols]
    wrong = [f"Missing column: {c!r}." for c in missing]
    wrong += [f"Column {c!r} should not be there." for c in extra]
    if len(answer) < min_rows:
        wrong.append(f"The table has {len(answer)} rows; expected at least {min_rows}.")
    right = (f"Has the columns {', '.join(repr(c) for c in present)}.",) if present else ()
    if not wrong:
        return Feedback(name, CORRECT, right=right, scope=scope, explanation=explanation)
    status = PARTLY if present else INCORRECT
    return Feedback(name, status, right=right, wrong=tuple(wrong), hint=hint, scope=scope)


def check_key_ideas(
    answer: Any,
    ideas: Mapping[str, Sequence[str]],
    *,
    name: str = "Your answer",
    hint: str = "",
    min_words: int = 5,
) -> Feedback:
    """Look for key ideas in a short written answer (a reflection, a write-up sentence).

    ``ideas`` maps each idea to words or phrases that signal it (matched as whole words,
    ignoring case). The check can only spot words, not judge reasoning; it says so.

    Examples
    --------
    >>> ideas = {"squares r": ["square", "squared", "r²"], "small share": ["small", "8 %"]}
    >>> fb = check_key_ideas("You square r to get the share of variance.", ideas)
    >>> fb.status, fb.right, fb.wrong
    ('partly correct', ('Mentions: squares r.',), ('Not mentioned yet: small share.',))
    """
    scope = (
        "This check only looks for key words; it cannot judge your reasoning. Compare "
        "with the discussion below or ask your tutor."
    )
    if answer is None or (isinstance(answer, str) and not answer.strip()):
        return unanswered(name, hint, scope)
    if not isinstance(answer, str):
        msg = f"Write your answer as text in quotes; got {type(answer).__name__}."
        return Feedback(name, INCORRECT, wrong=(msg,), hint=hint, scope=scope)
    text = answer.casefold()
    if len(text.split()) < min_words:
        msg = f"Write at least {min_words} words; you wrote {len(text.split())}."
        return Feedback(name, INCORRECT, wrong=(msg,), hint=hint, scope=scope)
    found = [idea for idea, words in ideas.items() if any(_mentions(text, w) for w in words)]
    missing = [idea for idea in ideas if idea not in found]
    right = (f"Mentions: {', '.join(found)}.",) if found else ()
    if not missing:
        return Feedback(name, CORRECT, right=right, scope=scope)
    wrong = (f"Not mentioned yet: {', '.join(missing)}.",)
    return Feedback(name, PARTLY if found else INCORRECT, right, wrong, hint, scope)


def _mentions(text: str, phrase: str) -> bool:
    pattern = r"(?<!\w)" + re.escape(phrase.casefold()) + r"(?!\w)"
    return re.search(pattern, text) is not None
