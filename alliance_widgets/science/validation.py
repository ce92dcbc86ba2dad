"""Argument checks shared by every layer of the kit.

Each check raises ``TypeError`` (wrong kind of value) or ``ValueError`` (right kind,
outside what is allowed) with a message that names the parameter, repeats the value
given and says what is allowed, so a learner can fix the call without reading code.

Examples
--------
>>> check_int("n_therapists", 12)
12
>>> check_int("n_therapists", 0)
Traceback (most recent call last):
...
ValueError: n_therapists must be a whole number ≥ 1; got 0.
>>> check_real("alliance_outcome_r", 1.2, low=-1, high=1, low_open=True, high_open=True)
Traceback (most recent call last):
...
ValueError: alliance_outcome_r must be a number in (-1, 1); got 1.2.
"""

from __future__ import annotations

import difflib
import math
import numbers
from collections.abc import Collection, Iterable, Mapping
from typing import Any

__all__ = [
    "check_choice",
    "check_int",
    "check_keywords",
    "check_level",
    "check_pair",
    "check_real",
    "check_shares",
]


def _interval(low: float, high: float, low_open: bool, high_open: bool) -> str:
    # An infinite end is never attained, so it is always written open: "[0, ∞)".
    left = "(" if low_open or math.isinf(low) else "["
    right = ")" if high_open or math.isinf(high) else "]"
    return f"{left}{_num(low)}, {_num(high)}{right}"


def _num(x: float) -> str:
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    return str(int(x)) if float(x).is_integer() else str(x)


def check_int(name: str, value: Any, *, minimum: int = 1, maximum: int | None = None) -> int:
    """Return ``value`` as ``int`` if it is a whole number in ``[minimum, maximum]``.

    Floats that are whole (``12.0``) are accepted; ``True``/``False`` are not.

    Examples
    --------
    >>> check_int("seed", 7.0, minimum=0)
    7
    >>> check_int("n_sessions", 2.5)
    Traceback (most recent call last):
    ...
    ValueError: n_sessions must be a whole number ≥ 1; got 2.5.
    """
    allowed = (
        f"a whole number ≥ {minimum}"
        if maximum is None
        else (f"a whole number from {minimum} to {maximum}")
    )
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be {allowed}; got {value!r} ({type(value).__name__}).")
    whole = isinstance(value, numbers.Integral) or (
        math.isfinite(float(value)) and float(value).is_integer()
    )
    if not whole:
        raise ValueError(f"{name} must be {allowed}; got {value!r}.")
    as_int = int(value) if isinstance(value, numbers.Integral) else int(float(value))
    if as_int < minimum or (maximum is not None and as_int > maximum):
        raise ValueError(f"{name} must be {allowed}; got {value!r}.")
    return as_int


def check_real(
    name: str,
    value: Any,
    *,
    low: float = -math.inf,
    high: float = math.inf,
    low_open: bool = False,
    high_open: bool = False,
) -> float:
    """Return ``value`` as ``float`` if it is a finite number in the given interval.

    Examples
    --------
    >>> check_real("therapist_icc_outcome", 0.05, low=0, high=1, high_open=True)
    0.05
    >>> check_real("repair_rate", float("nan"), low=0, high=1)
    Traceback (most recent call last):
    ...
    ValueError: repair_rate must be a number in [0, 1]; got nan.
    """
    allowed = f"a number in {_interval(low, high, low_open, high_open)}"
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be {allowed}; got {value!r} ({type(value).__name__}).")
    x = float(value)
    if not math.isfinite(x):
        raise ValueError(f"{name} must be {allowed}; got {value!r}.")
    too_low = x <= low if low_open else x < low
    too_high = x >= high if high_open else x > high
    if too_low or too_high:
        raise ValueError(f"{name} must be {allowed}; got {value!r}.")
    return x


def check_level(level: Any) -> float:
    """Return a confidence level strictly between 0 and 1 (e.g. 0.95).

    Examples
    --------
    >>> check_level(0.9)
    0.9
    >>> check_level(95)
    Traceback (most recent call last):
    ...
    ValueError: level must be a number in (0, 1); got 95.
    """
    return check_real("level", level, low=0, high=1, low_open=True, high_open=True)


def check_choice(name: str, value: Any, choices: Collection[str]) -> str:
    """Return ``value`` if it is one of ``choices``; suggest the closest otherwise.

    Examples
    --------
    >>> check_choice("variance_model", "lambert", ["empirical", "lambert"])
    'lambert'
    >>> check_choice("variance_model", "lamberts", ["empirical", "lambert"])
    Traceback (most recent call last):
    ...
    ValueError: variance_model must be one of 'empirical', 'lambert'; got 'lamberts' (did you ...
    """
    if isinstance(value, str) and value in choices:
        return value
    listed = ", ".join(repr(c) for c in choices)
    hint = ""
    if isinstance(value, str):
        close = difflib.get_close_matches(value, list(choices), n=1)
        if close:
            hint = f" (did you mean {close[0]!r}?)"
    raise ValueError(f"{name} must be one of {listed}; got {value!r}{hint}.")


def check_shares(name: str, shares: Any, *, total: float = 100.0) -> dict[str, float]:
    """Validate a mapping of factor names to non-negative shares summing to ``total``.

    Examples
    --------
    >>> check_shares("variance_model", {"a": 60, "b": 40})
    {'a': 60.0, 'b': 40.0}
    >>> check_shares("variance_model", {"a": 60, "b": 30})
    Traceback (most recent call last):
    ...
    ValueError: variance_model shares must sum to 100; got {'a': 60, 'b': 30}, which sums to 90.
    """
    if not isinstance(shares, Mapping) or not shares:
        raise TypeError(
            f"{name} must be a non-empty mapping of factor names to shares summing to "
            f"{_num(total)}; got {shares!r}."
        )
    out: dict[str, float] = {}
    for key, value in shares.items():
        if not isinstance(key, str) or not key.isidentifier():
            raise ValueError(
                f"{name} factor names must be simple words such as 'bond' (letters, digits, "
                f"underscores); got {key!r}."
            )
        out[key] = check_real(f"{name}[{key!r}]", value, low=0.0)
    s = sum(out.values())
    if not math.isclose(s, total, abs_tol=1e-6):
        raise ValueError(
            f"{name} shares must sum to {_num(total)}; got {dict(shares)!r}, which sums to "
            f"{_num(round(s, 6))}."
        )
    return out


def check_keywords(func: str, given: Iterable[str], allowed: Collection[str]) -> None:
    """Raise ``TypeError`` for keywords not in ``allowed``, suggesting the closest.

    Examples
    --------
    >>> check_keywords("simulate", ["seed", "n_therapist"], ["seed", "n_therapists"])
    Traceback (most recent call last):
    ...
    TypeError: simulate() got an unknown keyword 'n_therapist' (did you mean 'n_therapists'?). ...
    """
    for key in given:
        if key not in allowed:
            close = difflib.get_close_matches(key, list(allowed), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            listed = ", ".join(sorted(allowed))
            raise TypeError(f"{func}() got an unknown keyword {key!r}{hint}. Allowed: {listed}.")


def check_pair(names: tuple[str, str], x: Any, y: Any) -> tuple[Any, Any]:
    """Pair two per-person inputs; two Series are matched by label, not by position.

    Two pandas Series with the same labels in a different order are aligned to ``x``'s
    order (arithmetic on Series would align them too, but a plain array would not).
    Series whose labels differ are refused: pairing them by position would match one
    person's first score with another's second, and aligning them would invent
    missing values. Anything else is returned unchanged.

    Examples
    --------
    >>> import pandas as pd
    >>> pre = pd.Series([80, 70], index=["ana", "ben"])
    >>> check_pair(("pre", "post"), pre, pd.Series([65, 60], index=["ben", "ana"]))[1].tolist()
    [60, 65]
    >>> check_pair(("pre", "post"), pre, pd.Series([60, 65], index=["ana", "cai"]))
    Traceback (most recent call last):
    ...
    ValueError: pre and post are Series with different labels (only in pre: ['ben']; ...
    """
    # Imported here so that the module stays importable without pandas for plain checks.
    import pandas as pd

    if not (isinstance(x, pd.Series) and isinstance(y, pd.Series)) or x.index.equals(y.index):
        return x, y
    if x.index.is_unique and y.index.is_unique and set(x.index) == set(y.index):
        return x, y.reindex(x.index)
    only_x = [v for v in x.index if v not in set(y.index)][:3]
    only_y = [v for v in y.index if v not in set(x.index)][:3]
    parts = [f"only in {n}: {v!r}" for n, v in zip(names, (only_x, only_y), strict=True) if v]
    detail = "; ".join(parts) or "a label is repeated"
    raise ValueError(
        f"{names[0]} and {names[1]} are Series with different labels ({detail}); they must "
        f"hold the same people, each label once. Keep the shared ones, e.g. "
        f"{names[0]}, {names[1]} = {names[0]}.align({names[1]}, join='inner'), or pass "
        "arrays to pair by position."
    )
