"""Data-aware check helpers: proportions (not percentages), required columns.

Examples
--------
>>> print(check_proportion(40, 0.4, name="Exercise 5.3"))
Exercise 5.3 — ❌ not yet right.
  ✗ 40 looks like a percentage; give the share as a proportion between 0 and 1 (40 % is 0.4).
>>> check_proportion(0.4, 0.4).ok
True
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from alliance_widgets.exercises.feedback import Feedback, fmt_number
from alliance_widgets.exercises.generic import check_number

__all__ = ["check_proportion", "numeric_columns", "require_columns"]


def check_proportion(
    answer: Any,
    expected: float,
    *,
    tolerance: float = 0.005,
    name: str = "Your answer",
    hint: str = "",
    mistakes: Sequence[tuple[float, str]] = (),
    explanation: str = "",
) -> Feedback:
    """Check a share given as a proportion (0–1), catching a percentage given instead."""
    percent_slip = (
        100 * expected,
        f"{fmt_number(100 * expected)} looks like a percentage; give the share as a "
        f"proportion between 0 and 1 ({fmt_number(100 * expected)} % is "
        f"{fmt_number(expected)}).",
    )
    # A percentage slip is only recognisable when it cannot also be a right proportion.
    extra = [percent_slip] if abs(100 * expected - expected) > tolerance else []
    return check_number(
        answer,
        expected,
        tolerance=tolerance,
        name=name,
        hint=hint,
        mistakes=[*mistakes, *extra],
        explanation=explanation,
    )


def require_columns(data: Any, columns: Sequence[str], parameter: str) -> pd.DataFrame:
    """Raise a clear error when the lesson passes a table without the needed columns.

    This guards the *lesson author's* call (the data the check is given), not the
    learner's answer: a learner never sees it unless a lesson is miswired.
    """
    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"{parameter} must be a pandas DataFrame; got {type(data).__name__}.")
    missing = [c for c in columns if c not in data.columns]
    if missing:
        raise ValueError(
            f"{parameter} has no column(s) {missing}; columns are {list(data.columns)}."
        )
    return data


def numeric_columns(data: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """The given columns as floats, rows with any missing value dropped."""
    out = data[list(columns)].apply(pd.to_numeric, errors="coerce").astype(float)
    return out.dropna()


def as_float_array(answer: Any) -> np.ndarray | None:
    """A learner's list / array / Series of numbers as a float array, or None if it is not."""
    if isinstance(answer, (str, bytes)) or answer is None:
        return None
    try:
        arr = np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        return None
    return arr if arr.ndim == 1 else None
