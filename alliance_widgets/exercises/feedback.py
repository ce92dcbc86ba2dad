"""The result every exercise check returns: a verdict a learner can read at once.

A :class:`Feedback` says how an answer stands (one of four statuses), what is right
about it, what is wrong, and a hint for the next try. It displays itself: Markdown in a
notebook, the same words as plain text everywhere else (and in the ``text/plain`` that
nbval compares in CI), so its text is deterministic: no ids, no timestamps, numbers
formatted with a fixed number of digits.

Examples
--------
>>> fb = Feedback("Exercise 1", INCORRECT, wrong=("7 is not 8.",), hint="Count again.")
>>> print(fb)
Exercise 1 — ❌ not yet right.
  ✗ 7 is not 8.
  Hint: Count again.
>>> fb.ok
False
>>> combine("Exercise 2", [Feedback("a", CORRECT), Feedback("b", UNANSWERED)]).status
'partly correct'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

__all__ = [
    "CORRECT",
    "INCORRECT",
    "PARTLY",
    "STATUSES",
    "UNANSWERED",
    "Feedback",
    "Status",
    "combine",
    "fmt_number",
]

Status = Literal["correct", "partly correct", "incorrect", "not answered yet"]
CORRECT: Status = "correct"
PARTLY: Status = "partly correct"
INCORRECT: Status = "incorrect"
UNANSWERED: Status = "not answered yet"
STATUSES: tuple[Status, ...] = (CORRECT, PARTLY, INCORRECT, UNANSWERED)

# The headline words are gentle on purpose: "not yet right" invites another try.
_HEADLINE: dict[str, tuple[str, str]] = {
    CORRECT: ("✅", "correct!"),
    PARTLY: ("🟡", "partly correct."),
    INCORRECT: ("❌", "not yet right."),
    UNANSWERED: ("⏳", "not answered yet."),
}
_HOW_TO_ANSWER = "Replace None with your answer and run the cell again."


def fmt_number(x: float, digits: int = 3) -> str:
    """Format a number for feedback: at most ``digits`` decimals, no trailing zeros.

    Examples
    --------
    >>> fmt_number(0.27800000001)
    '0.278'
    >>> fmt_number(7.0)
    '7'
    >>> fmt_number(-0.0004)
    '0'
    """
    text = f"{x:.{digits}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


@dataclass(frozen=True)
class Feedback:
    """What a check found about one answer.

    Parameters
    ----------
    name : str
        The exercise's label, e.g. ``"Exercise 4.1"``.
    status : {"correct", "partly correct", "incorrect", "not answered yet"}
        The verdict.
    right, wrong : tuple of str
        What is right, what is wrong: one short sentence each.
    hint : str
        What to try next ("" when the answer is correct and nothing needs adding).
    scope : str
        Said when the check tests only part of an answer (e.g. "This check looks at the
        column names only, not the values."), so a learner does not read "correct" as
        "complete".
    explanation : str
        Shown once the answer is correct: why it is right, in a sentence or two.

    Examples
    --------
    >>> Feedback("Q", CORRECT, right=("Yes.",)).ok
    True
    >>> Feedback("Q", "fine")
    Traceback (most recent call last):
    ...
    ValueError: status must be one of 'correct', 'partly correct', 'incorrect', 'not answered yet'; got 'fine'.
    """  # noqa: E501

    name: str
    status: Status
    right: tuple[str, ...] = ()
    wrong: tuple[str, ...] = ()
    hint: str = ""
    scope: str = ""
    explanation: str = ""
    parts: tuple[Feedback, ...] = field(default=(), repr=False)

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            allowed = ", ".join(repr(s) for s in STATUSES)
            raise ValueError(f"status must be one of {allowed}; got {self.status!r}.")
        # Accept lists or a single string for convenience, store tuples (frozen, hashable).
        for attr in ("right", "wrong"):
            value = getattr(self, attr)
            if isinstance(value, str):
                object.__setattr__(self, attr, (value,) if value else ())
            elif not isinstance(value, tuple):
                object.__setattr__(self, attr, tuple(value))

    @property
    def ok(self) -> bool:
        """True when the answer is fully correct."""
        return self.status == CORRECT

    @property
    def answered(self) -> bool:
        """False while the answer is still ``None``."""
        return self.status != UNANSWERED

    def _lines(self) -> list[str]:
        mark, words = _HEADLINE[self.status]
        lines = [f"{self.name} — {mark} {words}"]
        lines += [f"  ✓ {r}" for r in self.right]
        lines += [f"  ✗ {w}" for w in self.wrong]
        if self.status == CORRECT and self.explanation:
            lines.append(f"  Why: {self.explanation}")
        if self.hint and self.status != CORRECT:
            lines.append(f"  Hint: {self.hint}")
        if self.status == UNANSWERED:
            lines.append(f"  {_HOW_TO_ANSWER}")
        if self.scope:
            lines.append(f"  Note: {self.scope}")
        return lines

    def __str__(self) -> str:
        return "\n".join(self._lines())

    def __repr__(self) -> str:
        return str(self)

    def _repr_markdown_(self) -> str:
        mark, words = _HEADLINE[self.status]
        out = [f"**{mark} {_md(self.name)} — {words}**", ""]
        out += [f"- ✓ {_md(r)}" for r in self.right]
        out += [f"- ✗ {_md(w)}" for w in self.wrong]
        if self.status == CORRECT and self.explanation:
            out.append(f"- *Why:* {_md(self.explanation)}")
        if self.hint and self.status != CORRECT:
            out.append(f"- 💡 *Hint:* {_md(self.hint)}")
        if self.status == UNANSWERED:
            out.append(f"- {_HOW_TO_ANSWER}")
        if self.scope:
            out.append(f"- *Note:* {_md(self.scope)}")
        return "\n".join(out).rstrip() + "\n"


def _md(text: str) -> str:
    # Learners' answers are echoed in feedback; keep stray Markdown from restyling them.
    return text.replace("*", r"\*").replace("_", r"\_").replace("`", r"\`")


def combine(
    name: str,
    parts: Sequence[Feedback],
    *,
    hint: str = "",
    scope: str = "",
    explanation: str = "",
) -> Feedback:
    """Merge the feedback on the parts of a multi-part answer into one verdict.

    All parts correct: correct. None answered: not answered yet. None correct or partly
    correct (but some answered): incorrect. Anything else: partly correct. The parts'
    findings are kept, prefixed with each part's name.

    Examples
    --------
    >>> a = Feedback("bond", CORRECT, right=("4 items.",))
    >>> b = Feedback("goals", INCORRECT, wrong=("5 is too many.",), hint="Count the keys.")
    >>> print(combine("Exercise 1.2", [a, b]))
    Exercise 1.2 — 🟡 partly correct.
      ✓ bond: 4 items.
      ✗ goals: 5 is too many.
      Hint: Count the keys.
    """
    statuses = [p.status for p in parts]
    if not parts:
        raise ValueError("parts must hold at least one Feedback; got an empty sequence.")
    if all(s == CORRECT for s in statuses):
        status: Status = CORRECT
    elif all(s == UNANSWERED for s in statuses):
        status = UNANSWERED
    elif not any(s in (CORRECT, PARTLY) for s in statuses):
        status = INCORRECT
    else:
        status = PARTLY
    right = tuple(f"{p.name}: {r}" for p in parts for r in p.right)
    wrong = tuple(f"{p.name}: {w}" for p in parts for w in p.wrong)
    unanswered = [p.name for p in parts if p.status == UNANSWERED]
    if unanswered and status != UNANSWERED:
        wrong += (f"Not answered yet: {', '.join(unanswered)}.",)
    if not hint:
        hint = _first(p.hint for p in parts if p.status != CORRECT)
    return Feedback(name, status, right, wrong, hint, scope, explanation, tuple(parts))


def _first(texts: Iterable[str]) -> str:
    return next((t for t in texts if t), "")
