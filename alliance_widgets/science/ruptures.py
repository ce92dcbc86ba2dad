"""Find alliance ruptures and their repair in session-by-session alliance ratings.

A rupture is "a tension or breakdown in the collaborative relationship" (Safran & Muran
2006; Safran, Muran & Eubanks-Carter 2011). In ratings made every session it shows as a
dip; a dip followed by a return is the V-shaped rupture–repair sequence Stevens et al.
(2007) found in half of their cases, and repair goes with better outcome (Eubanks,
Muran & Safran 2018). The kit's operational rule (its numbers are
``literature.RUPTURE_DETECTION``, a kit assumption, not a published criterion):

- the **running level** at a session is the mean of the previous ``window`` observed ones;
- a **rupture** starts when the rating falls at least ``threshold`` scale points below
  the running level; a new rupture cannot start while one is still open;
- it is **repaired** if, within the next ``repair_within`` sessions, the rating returns
  to at least the pre-rupture running level minus ``tolerance``. It is **not repaired**
  (False) when all of those sessions were observed without a return, and **unknown**
  (missing) when the series ends, or sessions are missed, before that can be told.

The default threshold, half a point on the 1–5 WAI-SR metric (two on a 4-item subscale
sum), is the kit's choice: above session-to-session wobble, within a dip a client would
notice. A lesson can move it to show how the count of ruptures depends on the rule.

Examples
--------
>>> from alliance_widgets.science import detect_ruptures
>>> out = detect_ruptures([4.0, 4.1, 4.2, 3.4, 3.8, 4.1, 4.2])
>>> out.loc[out.rupture, ["session", "drop", "repaired"]]
   session  drop  repaired
3        4   0.7      True
"""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np
import pandas as pd

from alliance_widgets.literature import (
    EUBANKS_2018,
    RUPTURE_DETECTION,
    SAFRAN_MURAN_2006,
    STEVENS_2007,
)
from alliance_widgets.science.validation import check_int, check_keywords, check_real

__all__ = ["RUPTURE_SOURCES", "detect_ruptures", "detect_ruptures_by_client"]

#: Citations for the definition the detector operationalises.
RUPTURE_SOURCES: str = "; ".join(s.cite() for s in (SAFRAN_MURAN_2006, STEVENS_2007, EUBANKS_2018))

_RULE = RUPTURE_DETECTION.value
_RULE_KEYS = ("threshold", "window", "repair_within", "tolerance")
_Rule = tuple[float, int, int, float]


def _alliance_values(series: Any) -> tuple[np.ndarray, np.ndarray]:
    """Return (sessions, ratings) from a Series (index = session) or a sequence."""
    if pd.api.types.is_bool_dtype(np.asarray(series).dtype):  # True/False are not ratings
        raise TypeError("series must hold ratings (numbers); got True/False values.")
    if isinstance(series, pd.Series):
        values = pd.to_numeric(series, errors="coerce")
        if (values.isna() & series.notna()).any():
            bad = series[values.isna() & series.notna()].iloc[0]
            raise TypeError(f"series must hold numbers (ratings); got {bad!r}.")
        index = series.index
        if pd.api.types.is_integer_dtype(index) and not isinstance(index, pd.RangeIndex):
            sessions = index.to_numpy(dtype=int)
        else:
            sessions = np.arange(1, len(series) + 1)
        arr = values.to_numpy(dtype=float)
    else:
        try:
            arr = np.asarray(series, dtype=float)
        except (TypeError, ValueError):
            raise TypeError(f"series must be numbers (ratings); got {series!r}.") from None
        if arr.ndim != 1:
            raise ValueError(f"series must be one client's ratings (1-D); got shape {arr.shape}.")
        sessions = np.arange(1, arr.size + 1)
    if arr.size == 0:
        raise ValueError("series is empty: there are no sessions to examine.")
    if np.any(np.isinf(arr)):
        raise ValueError("series must hold finite ratings; got an infinite value.")
    if np.any(np.diff(sessions) <= 0):
        raise ValueError("series must be in session order with no repeated session numbers.")
    return sessions, arr


def detect_ruptures(
    series: Any,
    *,
    threshold: float = _RULE["threshold"],
    window: int = _RULE["window"],
    repair_within: int = _RULE["repair_within"],
    tolerance: float = _RULE["tolerance"],
) -> pd.DataFrame:
    """Mark rupture sessions and whether each rupture was repaired, for one client.

    Parameters
    ----------
    series : Series or sequence of float
        One client's alliance ratings in session order (WAI-SR 1–5 metric). A Series
        with an integer index gives the session numbers; otherwise sessions are 1, 2, ….
        Missed sessions may be NaN: they are skipped by the running level and cannot be
        ruptures (so a series with every rating missing has none).
    threshold : float
        The smallest fall below the running level that counts as a rupture (> 0).
    window, repair_within : int
        How many previous observed sessions make the running level, and how many
        sessions after the rupture a repair may take (each ≥ 1).
    tolerance : float
        How far below the pre-rupture level a repaired rating may stay (≥ 0).

    Returns
    -------
    pandas.DataFrame
        One row per session: ``session``, ``alliance``, ``running_level`` (NaN at the
        first observed session, which has no history), ``drop`` (running level minus
        rating; positive is a fall), ``rupture`` (bool) and ``repaired`` (nullable
        boolean, set on rupture rows only). ``attrs["sources"]`` cites the definition.

    Raises
    ------
    ValueError
        Empty input, a table, infinite ratings, sessions out of order, or a rule value
        outside its range (the message names it).
    TypeError
        Text or True/False as ratings.

    Examples
    --------
    >>> detect_ruptures([4.0, 3.2], threshold=0.5)
       session  alliance  running_level  drop  rupture  repaired
    0        1       4.0            NaN   NaN    False      <NA>
    1        2       3.2            4.0   0.8     True      <NA>
    >>> bool(detect_ruptures([4.0, 3.2, 3.3, 3.2, 3.5]).repaired.iloc[1])
    False
    """
    rule = _rule(threshold, window, repair_within, tolerance)
    sessions, x = _alliance_values(series)
    out = _table(sessions, x, _scan(x, *rule))
    out.attrs["sources"] = RUPTURE_SOURCES
    return out


def _rule(threshold: Any, window: Any, repair_within: Any, tolerance: Any) -> _Rule:
    return (
        check_real("threshold", threshold, low=0, low_open=True),
        check_int("window", window, minimum=1),
        check_int("repair_within", repair_within, minimum=1),
        check_real("tolerance", tolerance, low=0),
    )


_Scan = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]


def _scan(
    x: np.ndarray, threshold: float, window: int, repair_within: int, tolerance: float
) -> _Scan:
    """Running level, drop, rupture flags and repair codes (-1 unknown, 0 no, 1 yes)."""
    n = x.size
    seen = ~np.isnan(x)
    # k[t]: observed sessions before t; the running level averages the last `window` of them.
    k = np.concatenate(([0], np.cumsum(seen)[:-1]))
    prefix = np.concatenate(([0.0], np.cumsum(x[seen])))
    first = np.maximum(k - window, 0)
    with np.errstate(invalid="ignore", divide="ignore"):
        level = np.where(k > 0, (prefix[k] - prefix[first]) / np.minimum(k, window), np.nan)
    drop = np.round(level - x, 12)
    rupture = np.zeros(n, dtype=bool)
    repaired = np.full(n, -1, dtype=np.int8)
    candidates = np.flatnonzero(drop >= threshold).tolist()  # NaN compares False
    open_until = -1
    for t in candidates:
        if t <= open_until:
            continue
        rupture[t] = True
        repaired[t], end = repair_window(x, t, float(level[t]), repair_within, tolerance)
        if repaired[t] == 1:
            open_until = end - 1  # a new rupture may start after the return
        elif repaired[t] == 0:
            open_until = end
        else:
            open_until = n  # censored: the series ends (or has gaps) before we can tell
    return level, drop, rupture, repaired


def repair_window(
    x: np.ndarray, t: int, level: float, repair_within: int, tolerance: float
) -> tuple[int, int]:
    """Whether the rupture at position ``t`` was repaired, and where its episode ends.

    The one definition of the repair window, shared by the detector and the rupture
    chart's shaded V, so the two cannot disagree (a missed session counts as a session
    in which no return was seen).

    Parameters
    ----------
    x : ndarray
        One client's ratings by position, NaN for a missed session.
    t : int
        Position of the rupture.
    level : float
        The running level before the rupture.
    repair_within, tolerance : int, float
        The repair rule (see :func:`detect_ruptures`).

    Returns
    -------
    (code, end) : tuple of int
        ``code`` 1 repaired, 0 not repaired, -1 unknown; ``end`` the position of the
        return (repaired), of the last session looked at (not repaired), or of the last
        observed rating (unknown).

    Examples
    --------
    >>> repair_window(np.array([4.0, 3.0, np.nan, 4.0]), 1, 4.0, 3, 0.0)
    (1, 3)
    >>> repair_window(np.array([4.0, 3.0, np.nan, 4.0]), 1, 4.0, 1, 0.0)
    (-1, 3)
    """
    after = x[t + 1 : t + 1 + repair_within]
    hit = np.flatnonzero(after >= level - tolerance - 1e-12)
    if hit.size:
        return 1, t + 1 + int(hit[0])
    if after.size == repair_within and not np.isnan(after).any():
        return 0, t + repair_within
    return -1, int(np.flatnonzero(~np.isnan(x))[-1])


def _table(sessions: np.ndarray, x: np.ndarray, scan: _Scan) -> pd.DataFrame:
    level, drop, rupture, codes = scan
    repaired = pd.array(codes == 1, dtype="boolean")
    repaired[codes < 0] = pd.NA
    return pd.DataFrame(
        {
            "session": sessions,
            "alliance": x,
            "running_level": level,
            "drop": drop,
            "rupture": rupture,
            "repaired": repaired,
        }
    )


def detect_ruptures_by_client(
    sessions: pd.DataFrame,
    *,
    client: str = "client_id",
    session: str = "session",
    alliance: str = "alliance",
    **rule: Any,
) -> pd.DataFrame:
    """Apply :func:`detect_ruptures` to every client of a long sessions table.

    Parameters
    ----------
    sessions : DataFrame
        One row per client and session, with columns ``client``, ``session`` and
        ``alliance``.
    client, session, alliance : str
        Column names.
    **rule
        ``threshold``, ``window``, ``repair_within``, ``tolerance`` (see
        :func:`detect_ruptures`).

    Returns
    -------
    pandas.DataFrame
        :func:`detect_ruptures`' table, ``client`` column first, by client and session.

    Raises
    ------
    ValueError
        An empty table, a missing column, a missing client id or session number, a
        repeated session, or an infinite rating.
    TypeError
        Not a DataFrame, an unknown rule keyword, or ratings that are not numbers.

    Examples
    --------
    >>> import pandas as pd
    >>> long = pd.DataFrame({"client_id": [1, 1, 1, 2, 2, 2],
    ...                      "session": [1, 2, 3, 1, 2, 3],
    ...                      "alliance": [4.0, 3.0, 4.0, 3.5, 3.6, 3.7]})
    >>> detect_ruptures_by_client(long).groupby("client_id").rupture.sum().tolist()
    [1, 0]
    """
    if not isinstance(sessions, pd.DataFrame):
        raise TypeError(f"sessions must be a DataFrame; got {type(sessions).__name__}.")
    missing = [c for c in (client, session, alliance) if c not in sessions.columns]
    if missing:
        raise ValueError(
            f"sessions has no column(s) {missing}; columns are {list(sessions.columns)}."
        )
    if sessions.empty:
        raise ValueError("sessions is empty: there are no clients to examine.")
    check_keywords("detect_ruptures_by_client", rule, _RULE_KEYS)
    checked = _rule(*(rule.get(k, _RULE[k]) for k in _RULE_KEYS))
    ordered = _check_keys(sessions, client, session).sort_values([client, session], kind="stable")
    try:  # the one-client checks, with the column named in the message
        x = _alliance_values(ordered[alliance].reset_index(drop=True))[1]
    except (TypeError, ValueError) as exc:
        raise type(exc)(str(exc).replace("series", f"column {alliance!r}", 1)) from None
    ids = ordered[client].to_numpy()
    numbers = ordered[session].to_numpy()
    codes, _ = pd.factorize(ordered[client], sort=False)
    starts = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]])
    bounds = np.r_[starts, len(x)]
    repeated = np.flatnonzero(np.diff(numbers) == 0)
    if np.isin(repeated + 1, starts, invert=True).any():
        row = ordered.index[repeated[np.isin(repeated + 1, starts, invert=True)][0]]
        raise ValueError(
            f"sessions has two rows for the same {client} and {session} (row {row!r}); keep one."
        )
    parts = [_scan(x[a:b], *checked) for a, b in itertools.pairwise(bounds.tolist())]
    joined = tuple(np.concatenate([p[i] for p in parts]) for i in range(4))
    out = _table(numbers, x, joined)  # type: ignore[arg-type]
    out.insert(0, client, ids)
    out.attrs["sources"] = RUPTURE_SOURCES
    return out


def _check_keys(sessions: pd.DataFrame, client: str, session: str) -> pd.DataFrame:
    """``sessions`` with numeric session numbers; a row without its keys cannot be placed."""
    col = sessions[session]
    numbers = pd.to_numeric(col, errors="coerce")
    text = numbers.isna() & col.notna()
    if text.any() or pd.api.types.is_bool_dtype(col.dtype):
        first = col[text].iloc[0] if text.any() else col.iloc[0]
        raise TypeError(f"column {session!r} must hold session numbers; got {first!r}.")
    for name, gap in ((client, sessions[client].isna()), (session, numbers.isna())):
        if gap.any():
            raise ValueError(
                f"column {name!r} is missing in {int(gap.sum())} row(s) (first: row "
                f"{sessions.index[gap][0]!r}); every rating needs its client and session."
            )
    return sessions.assign(**{session: numbers})
