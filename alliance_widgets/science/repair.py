"""Rupture episodes and repair at the level of a client and of a study.

:func:`rupture_episodes` turns one client's ``detect_ruptures``
table into one row per rupture, from the session before the dip to the session that ends
it, with the same repair window the detector used (``ruptures.repair_window``), so a
chart's shaded V and the detector's verdict agree even when a session is missing.
:func:`repair_share_by_client` and :func:`improvement_by_repair` summarise a simulated
study: what share of each client's ruptures was repaired, and the mean improvement of
clients with no rupture, all repaired, or some not repaired.

Examples
--------
>>> from alliance_widgets.science import detect_ruptures
>>> rupture_episodes(detect_ruptures([4.0, 4.1, 4.2, 3.4, 3.8, 4.1, 4.2]))
   start  rupture  end    status
0      3        4    6  repaired
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from alliance_widgets.literature import RUPTURE_DETECTION
from alliance_widgets.science.distributions import t_ppf
from alliance_widgets.science.ruptures import repair_window
from alliance_widgets.science.validation import check_int, check_real

__all__ = ["GROUP_ORDER", "improvement_by_repair", "repair_share_by_client", "rupture_episodes"]

#: The study's groups of clients by what happened to their ruptures, in display order.
GROUP_ORDER: tuple[str, ...] = ("no rupture", "all repaired", "some not repaired")

_RULE = RUPTURE_DETECTION.value
_STATUS = {1: "repaired", 0: "not repaired", -1: "unclear"}


def rupture_episodes(
    detected: pd.DataFrame,
    *,
    repair_within: int = _RULE["repair_within"],
    tolerance: float = _RULE["tolerance"],
) -> pd.DataFrame:
    """One row per detected rupture: where its episode starts and ends, and its status.

    Parameters
    ----------
    detected : DataFrame
        One client's output of ``detect_ruptures`` (``session``, ``alliance``,
        ``running_level``, ``rupture``), missed sessions as NaN ratings.
    repair_within, tolerance : int, float
        The repair rule given to ``detect_ruptures``.

    Returns
    -------
    pandas.DataFrame
        ``start`` (the last observed session before the dip), ``rupture``, ``end`` (the
        session of return; the last session looked at when not repaired; the last
        observed session when it is too soon to tell) and ``status`` (``"repaired"``,
        ``"not repaired"``, ``"unclear"``).

    Examples
    --------
    A missed session inside the window counts as a session without a return:

    >>> import numpy as np
    >>> from alliance_widgets.science import detect_ruptures
    >>> found = detect_ruptures([4.0, 4.0, 3.0, np.nan, 3.1, 4.0], repair_within=2)
    >>> rupture_episodes(found, repair_within=2)
       start  rupture  end   status
    0      2        3    6  unclear
    """
    repair_within = check_int("repair_within", repair_within, minimum=1)
    tolerance = check_real("tolerance", tolerance, low=0)
    sessions = detected["session"].to_numpy(dtype=int)
    x = detected["alliance"].to_numpy(dtype=float)
    level = detected["running_level"].to_numpy(dtype=float)
    seen = np.flatnonzero(~np.isnan(x))
    rows = []
    for t in np.flatnonzero(detected["rupture"].to_numpy(dtype=bool)):
        code, end = repair_window(x, int(t), float(level[t]), repair_within, tolerance)
        before = seen[seen < t]
        start = int(sessions[before[-1]]) if before.size else int(sessions[t])
        rows.append((start, int(sessions[t]), int(sessions[end]), _STATUS[code]))
    out = pd.DataFrame(rows, columns=["start", "rupture", "end", "status"])
    return out.astype({"start": int, "rupture": int, "end": int, "status": object})


def repair_share_by_client(sessions: pd.DataFrame) -> pd.Series:
    """Share of each client's simulated ruptures that were repaired (clients with ruptures).

    Examples
    --------
    >>> s = pd.DataFrame({"client_id": ["a", "a", "b", "c"], "rupture": [True, True, False, True],
    ...                   "repaired": pd.array([True, False, pd.NA, True], dtype="boolean")})
    >>> repair_share_by_client(s).to_dict()
    {'a': 0.5, 'c': 1.0}
    """
    ruptured = sessions.loc[sessions["rupture"].astype(bool), ["client_id", "repaired"]]
    repaired = ruptured["repaired"].astype("Float64").astype(float)
    share = repaired.groupby(ruptured["client_id"], observed=True, sort=False).mean()
    return share.rename("repaired_share")


def improvement_by_repair(clients: pd.DataFrame, share: pd.Series) -> pd.DataFrame:
    """Mean improvement with a t-based 95 % interval per group of clients.

    Groups: no rupture; all ruptures repaired; some not repaired (from the simulation's
    record, ``share`` as made by :func:`repair_share_by_client`). Empty groups are left
    out; a group of one client gets its mean as both limits.

    Examples
    --------
    >>> clients = pd.DataFrame({"client_id": list("abcd"), "improvement": [10, 20, 12, 14.0]})
    >>> improvement_by_repair(clients, pd.Series({"b": 1.0, "c": 0.5, "d": 1.0}))
                   group  n  mean   low   high
    0         no rupture  1  10.0  10.0   10.0
    1       all repaired  2  17.0 -21.1   55.1
    2  some not repaired  1  12.0  12.0   12.0
    """
    share_of = clients["client_id"].map(share)
    group = np.where(share_of.isna(), GROUP_ORDER[0], np.where(share_of >= 1.0, *GROUP_ORDER[1:]))
    rows = []
    for name in GROUP_ORDER:
        values = clients.loc[group == name, "improvement"].to_numpy(dtype=float)
        if values.size == 0:
            continue
        mean = float(values.mean())
        half = 0.0
        if values.size > 1:
            se = float(values.std(ddof=1)) / np.sqrt(values.size)
            half = float(t_ppf(0.975, values.size - 1)) * se
        rows.append((name, int(values.size), mean, mean - half, mean + half))
    return pd.DataFrame(rows, columns=["group", "n", "mean", "low", "high"])
