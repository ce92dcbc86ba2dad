"""Reliable and clinically significant change (Jacobson & Truax, 1991).

``reliable_change_index`` asks whether a pre–post difference is larger than measurement
error alone would make it; ``classify_change`` sorts clients into recovered / improved /
unchanged / deteriorated with the OQ-45.2 defaults (reliable change 14 points, cutoff
63.5) from :mod:`alliance_widgets.literature`. The cutoffs between a dysfunctional and a
functional population are :func:`~alliance_widgets.science.cutoffs.clinical_cutoffs`.

Examples
--------
>>> from alliance_widgets.science import classify_change
>>> classify_change(85, 60)
'recovered'
>>> classify_change(85, 75)
'unchanged'
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from alliance_widgets._lazy import moved_names
from alliance_widgets.literature import (
    JACOBSON_TRUAX_CRITERION,
    OQ45_CLINICAL_CUTOFF,
    OQ45_RELIABLE_CHANGE,
)
from alliance_widgets.science.validation import check_pair, check_real

__all__ = [
    "CHANGE_CATEGORIES",
    "classify_change",
    "reliable_change_index",
    "reliable_change_threshold",
]

#: The four outcome categories, from best to worst.
CHANGE_CATEGORIES: tuple[str, ...] = ("recovered", "improved", "unchanged", "deteriorated")


def _scores(name: str, value: Any) -> Any:
    """Return a float, a 1-D float ndarray or a float Series; reject text, flags, infinities."""
    out: Any
    if isinstance(value, pd.Series):
        if pd.api.types.is_bool_dtype(value.dtype):
            raise TypeError(f"{name} must hold scores (numbers); got True/False values.")
        try:
            out = value.astype(float)
        except (TypeError, ValueError):
            raise TypeError(
                f"{name} must hold numbers; got values such as {value.iloc[0]!r}."
            ) from None
        arr = out.to_numpy()
    else:
        raw = np.asarray(value)
        # None, text and True/False are the wrong kind of value, not missing scores.
        if value is None or (
            raw.dtype.kind not in "iuf" and not (raw.dtype.kind == "O" and raw.size)
        ):
            raise TypeError(f"{name} must be a score or scores (numbers); got {value!r}.")
        try:
            arr = raw.astype(float)
        except (TypeError, ValueError):
            raise TypeError(f"{name} must be a number or numbers; got {value!r}.") from None
        if arr.ndim > 1:
            raise ValueError(f"{name} must be a score or a 1-D sequence; got shape {arr.shape}.")
        out = float(arr) if arr.ndim == 0 else arr
    if np.any(np.isinf(arr)):
        raise ValueError(f"{name} must be finite scores; got an infinite value.")
    return out


def _pre_post(pre: Any, post: Any) -> tuple[Any, Any]:
    """Both scores, checked, the same shape, two Series matched by label."""
    x1, x2 = check_pair(("pre", "post"), _scores("pre", pre), _scores("post", post))
    if np.shape(x1) != np.shape(x2):
        raise ValueError(
            f"pre and post must have the same shape; got {np.shape(x1)} and {np.shape(x2)}."
        )
    if np.ndim(x1) == 0:
        for name, v in (("pre", x1), ("post", x2)):
            if math.isnan(v):
                raise ValueError(f"{name} is missing (NaN): a change needs both scores.")
    return x1, x2


def reliable_change_index(pre: Any, post: Any, *, sd_pre: float, reliability: float) -> Any:
    """Jacobson & Truax's (1991) reliable change index, ``RCI = (post − pre) / S_diff``.

    ``SE = sd_pre·√(1 − reliability)`` is the standard error of measurement and
    ``S_diff = √(2·SE²)`` the standard error of a difference. ``|RCI| > 1.96`` is
    reliable change at the 5 % level (``literature.JACOBSON_TRUAX_CRITERION``). The
    sign follows the scale: on the OQ-45 lower is better, so improvement gives RCI < 0.

    Parameters
    ----------
    pre, post : number, 1-D array-like or Series
        Scores before and after (same shape). A Series in gives a Series out; two Series
        are matched by label. In arrays a missing score (NaN) gives a NaN index for that
        person; a missing scalar score is an error, as are text, True/False and None.
    sd_pre : float
        Standard deviation of the pre-treatment scores (or of a norm group), > 0.
    reliability : float
        Reliability of the measure (e.g. test–retest), in [0, 1).

    Returns
    -------
    float, numpy.ndarray or pandas.Series
        The index, in the container given (empty in, empty out).

    Raises
    ------
    ValueError
        A missing scalar score, an infinite score, unequal shapes, a table, Series with
        different labels, ``sd_pre`` ≤ 0 or ``reliability`` outside [0, 1).
    TypeError
        Text, True/False or None as scores.

    Examples
    --------
    >>> round(reliable_change_index(80, 60, sd_pre=10, reliability=0.8), 3)
    -3.162
    >>> reliable_change_index([80, 70], [60, 72], sd_pre=10, reliability=0.8).round(2)
    array([-3.16,  0.32])
    >>> reliable_change_index(80, 60, sd_pre=10, reliability=1)
    Traceback (most recent call last):
    ...
    ValueError: reliability must be a number in [0, 1); got 1.
    """
    sd_pre = check_real("sd_pre", sd_pre, low=0, low_open=True)
    reliability = check_real("reliability", reliability, low=0, high=1, high_open=True)
    x1, x2 = _pre_post(pre, post)
    se = sd_pre * math.sqrt(1 - reliability)
    s_diff = math.sqrt(2 * se**2)
    return (x2 - x1) / s_diff


def classify_change(
    pre: Any,
    post: Any,
    *,
    reliable_change: float = OQ45_RELIABLE_CHANGE.value,
    cutoff: float = OQ45_CLINICAL_CUTOFF.value,
    lower_is_better: bool = True,
) -> Any:
    """Sort change into recovered / improved / unchanged / deteriorated.

    With the defaults (OQ-45.2: reliable change 14 points, Lambert et al. 2004; cutoff
    63.5, i.e. 64 and above dysfunctional):

    - **recovered**: improved by at least ``reliable_change`` *and* moved from the
      dysfunctional to the functional side of ``cutoff``;
    - **improved**: improved by at least ``reliable_change`` without crossing (or having
      started in the functional range already);
    - **deteriorated**: worsened by at least ``reliable_change``;
    - **unchanged**: everything else.

    Parameters
    ----------
    pre, post : number, 1-D array-like or Series
        Scores before and after. Scalars give a ``str``; arrays and Series give a
        categorical Series (ordered best to worst, indexed like the Series given) in
        which a missing pre or post score gives a missing category; empty input gives an
        empty Series. Two Series are matched by label. A missing scalar score is an error.
    reliable_change : float
        The smallest difference counted as reliable, in scale points (> 0).
    cutoff : float
        The cutoff between dysfunctional and functional scores.
    lower_is_better : bool, default True
        ``True`` for symptom measures such as the OQ-45; ``False`` for measures such as
        the ORS on which a higher score is better.

    Returns
    -------
    str or pandas.Series
        One of ``CHANGE_CATEGORIES`` for scalars; an ordered categorical Series otherwise.

    Raises
    ------
    ValueError, TypeError
        As :func:`reliable_change_index` for the scores; ``reliable_change`` ≤ 0, a
        NaN ``cutoff``, or ``lower_is_better`` not a bool.

    Examples
    --------
    >>> classify_change(70, 50)
    'recovered'
    >>> classify_change(90, 70)
    'improved'
    >>> classify_change(60, 75)
    'deteriorated'
    >>> list(classify_change([85, 85, 60], [60, 80, float("nan")]))
    ['recovered', 'unchanged', nan]
    >>> classify_change(20, 28, reliable_change=5, cutoff=25, lower_is_better=False)
    'recovered'
    """
    rc = check_real("reliable_change", reliable_change, low=0, low_open=True)
    cut = check_real("cutoff", cutoff)
    if not isinstance(lower_is_better, bool):
        raise TypeError(f"lower_is_better must be True or False; got {lower_is_better!r}.")
    x1, x2 = _pre_post(pre, post)
    scalar = np.ndim(x1) == 0
    a1 = np.atleast_1d(np.asarray(x1, dtype=float))
    a2 = np.atleast_1d(np.asarray(x2, dtype=float))
    sign = 1.0 if lower_is_better else -1.0
    gain = sign * (a1 - a2)  # positive = better, on either kind of scale
    dysfunctional_before = sign * (a1 - cut) > 0
    functional_after = sign * (a2 - cut) < 0
    codes = np.select(
        [gain >= rc, gain <= -rc],
        [np.where(dysfunctional_before & functional_after, 0, 1), 3],
        default=2,
    )
    codes = np.where(np.isnan(a1) | np.isnan(a2), -1, codes)
    if scalar:
        return CHANGE_CATEGORIES[int(codes[0])]
    kinds = pd.CategoricalDtype(list(CHANGE_CATEGORIES), ordered=True)
    cat = pd.Categorical.from_codes(codes.astype(np.int64), dtype=kinds)
    labelled = [v for v in (x1, x2) if isinstance(v, pd.Series)]
    index = labelled[0].index if labelled else None
    return pd.Series(cat, index=index, name="change")


def reliable_change_threshold(*, sd_pre: float, reliability: float) -> float:
    """The smallest pre–post difference that is reliable: ``1.96·S_diff`` scale points.

    This is how a measure's published "reliable change" figure is derived from its
    spread and reliability (the 1.96 criterion is ``literature.JACOBSON_TRUAX_CRITERION``).

    Parameters
    ----------
    sd_pre, reliability : float
        As in :func:`reliable_change_index`: SD > 0, reliability in [0, 1).

    Returns
    -------
    float
        The threshold in scale points.

    Raises
    ------
    ValueError
        ``sd_pre`` ≤ 0 or not finite, ``reliability`` outside [0, 1).

    Examples
    --------
    >>> round(reliable_change_threshold(sd_pre=10, reliability=0.8), 2)
    12.4
    """
    sd_pre = check_real("sd_pre", sd_pre, low=0, low_open=True)
    reliability = check_real("reliability", reliability, low=0, high=1, high_open=True)
    s_diff = math.sqrt(2) * sd_pre * math.sqrt(1 - reliability)
    return float(JACOBSON_TRUAX_CRITERION.value) * s_diff


# The cutoffs between populations live in cutoffs.py; the old path warns for a release.
__getattr__ = moved_names(
    __name__,
    {
        "ClinicalCutoffs": "alliance_widgets.science.cutoffs",
        "clinical_cutoffs": "alliance_widgets.science.cutoffs",
    },
)
