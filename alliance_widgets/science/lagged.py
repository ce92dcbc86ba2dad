"""Within-client lagged effects: does this session's alliance predict the next change?

Two regressions on runs of three consecutive sessions ``t-1, t, t+1`` of one client
(session ``t``'s OQ-45 taken before it, its WAI-SR after it):

- **alliance → change**: the improvement to the next session, ``outcome[t] -
  outcome[t+1]``, on ``alliance[t]``, controlling for ``outcome[t]`` and ``outcome[t-1]``
  (where the alliance follows symptoms, the alliance at ``t`` carries the change into
  ``t``, which foretells the next change);
- **change → alliance**: ``alliance[t+1]`` on that same improvement, controlling for
  ``alliance[t]``, ``outcome[t]`` and ``outcome[t-1]``.

Every variable is centred on the client's own mean (person-mean centring: a client who
always rates the alliance high is compared with themselves, so stable differences
between clients, and between therapists, drop out), with a dummy for each session
number (trends shared by everyone in therapy drop out too): a fixed-effects regression.
Standard errors are clustered by client (the estimator's influence functions summed
within client). With a dozen sessions per client the person means carry a little of
each session's own noise, which biases such estimates by about 1/T (Nickell's bias;
Falkenström et al. 2017 discuss it and dynamic-panel remedies for psychotherapy data);
in the generator's four worlds it stays within two standard errors at 10,000 clients
(``tests/science/test_causal_worlds.py``), but it grows for short series.

Examples
--------
>>> from alliance_widgets.science import simulate
>>> s = simulate(n_therapists=20, clients_per_therapist=20, items=False, seed=5)
>>> est = within_client_lagged(s.sessions)
>>> est.n_clients > 300, est.alliance_to_change > 0
(True, True)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

__all__ = ["LaggedEffects", "within_client_lagged"]


@dataclass(frozen=True)
class LaggedEffects:
    """Within-client lagged effects with cluster-robust standard errors.

    Attributes
    ----------
    alliance_to_change, alliance_to_change_se : float
        OQ-45 points of improvement by the next session per WAI-SR point of alliance
        above the client's own mean.
    change_to_alliance, change_to_alliance_se : float
        WAI-SR points of alliance at the next session per 10 OQ-45 points of improvement
        since the last one.
    n_clients, n_pairs : int
        Clients with at least two usable runs of three consecutive sessions (a client
        seen only three times has one and cannot be compared with themselves); runs used.
    """

    alliance_to_change: float
    alliance_to_change_se: float
    change_to_alliance: float
    change_to_alliance_se: float
    n_clients: int
    n_pairs: int

    def interval(self, which: str) -> tuple[float, float]:
        """95 % interval of ``"alliance_to_change"`` or ``"change_to_alliance"``."""
        if which not in ("alliance_to_change", "change_to_alliance"):
            raise ValueError(
                f"which must be 'alliance_to_change' or 'change_to_alliance'; got {which!r}."
            )
        est, se = getattr(self, which), getattr(self, which + "_se")
        return est - 1.96 * se, est + 1.96 * se

    def summary(self) -> str:
        """Two sentences a learner can read (rounded for display)."""
        a, b = self.interval("alliance_to_change"), self.interval("change_to_alliance")
        return (
            f"Alliance → change: a session rated 1 point above the client's usual alliance "
            f"is followed by {self.alliance_to_change:.1f} OQ-45 points more improvement "
            f"(95 % CI {a[0]:.1f} to {a[1]:.1f}).\n"
            f"Change → alliance: 10 points of improvement are followed by an alliance "
            f"{self.change_to_alliance:.2f} points higher (95 % CI {b[0]:.2f} to "
            f"{b[1]:.2f}). {self.n_clients} clients, {self.n_pairs} pairs of sessions."
        )


def _within(values: np.ndarray, groups: np.ndarray, n_groups: int) -> np.ndarray:
    """Subtract each group's mean from ``values`` (rows × columns)."""
    counts = np.bincount(groups, minlength=n_groups)[:, None]
    sums = np.zeros((n_groups, values.shape[1]))
    np.add.at(sums, groups, values)
    return values - (sums / np.maximum(counts, 1))[groups]


def _fit(
    y: np.ndarray, x: np.ndarray, groups: np.ndarray, n_groups: int
) -> tuple[float, np.ndarray]:
    """First coefficient of the within regression and its per-client influence."""
    keep = np.bincount(groups, minlength=n_groups)[groups] >= 2
    data = _within(np.column_stack([y, x])[keep], groups[keep], n_groups)
    yw, xw = data[:, 0], data[:, 1:]
    xw = xw[:, np.abs(xw).sum(axis=0) > 1e-12]  # a session dummy with no variation
    # A session number seen in too few clients of a half can leave its dummy collinear
    # with the others; the pseudo-inverse drops that direction, which no slope needs.
    inv = np.linalg.pinv(xw.T @ xw)
    beta = inv @ (xw.T @ yw)
    scores = np.zeros((n_groups, xw.shape[1]))
    np.add.at(scores, groups[keep], xw * (yw - xw @ beta)[:, None])
    return float(beta[0]), (inv @ scores.T)[0]


def _estimate(y: np.ndarray, x: np.ndarray, groups: np.ndarray) -> tuple[float, float]:
    """First coefficient of the within regression and its client-clustered SE."""
    n_groups = int(groups.max()) + 1
    est, influence = _fit(y, x, groups, n_groups)
    g = int((np.bincount(groups, minlength=n_groups) >= 2).sum())
    return est, float(np.sqrt((influence**2).sum() * g / max(g - 1, 1)))


def within_client_lagged(
    sessions: pd.DataFrame,
    *,
    alliance: str = "alliance",
    outcome: str = "outcome",
    client: str = "client_id",
    session: str = "session",
) -> LaggedEffects:
    """Estimate the within-client lagged effects (see the module docstring).

    Parameters
    ----------
    sessions : DataFrame
        One row per client per attended session.
    alliance, outcome, client, session : str
        Column names (the alliance may be any rater's, e.g. ``"alliance_therapist"``).

    Returns
    -------
    LaggedEffects

    Examples
    --------
    >>> within_client_lagged(pd.DataFrame({"client_id": [1], "session": [1]}))
    Traceback (most recent call last):
    ...
    ValueError: sessions has no column 'alliance' (columns: client_id, session).
    """
    for name in (alliance, outcome, client, session):
        if name not in sessions.columns:
            cols = ", ".join(map(str, sessions.columns))
            raise ValueError(f"sessions has no column {name!r} (columns: {cols}).")
    df = sessions[[client, session, alliance, outcome]].dropna()
    df = df.sort_values([client, session], kind="stable")
    codes = pd.factorize(df[client], sort=False)[0]
    t = df[session].to_numpy(dtype=np.int64)
    a = df[alliance].to_numpy(dtype=float)
    y = df[outcome].to_numpy(dtype=float)
    follows = np.r_[False, (codes[1:] == codes[:-1]) & (t[1:] == t[:-1] + 1)]
    # Rows r with sessions r - 1 (the level before) and r + 1 (the change after).
    idx = np.nonzero(follows[:-1] & follows[1:])[0]
    if len(idx) == 0:
        raise ValueError("sessions has no client with three consecutive sessions.")
    change = y[idx] - y[idx + 1]
    steps = np.unique(t[idx])
    dummies = (t[idx][:, None] == steps[None, 1:]).astype(float)
    groups = pd.factorize(codes[idx])[0]
    to_change = _estimate(change, np.column_stack([a[idx], y[idx], y[idx - 1], dummies]), groups)
    to_alliance = _estimate(
        a[idx + 1], np.column_stack([change, y[idx], a[idx], y[idx - 1], dummies]), groups
    )
    counts = np.bincount(groups)
    return LaggedEffects(
        to_change[0],
        to_change[1],
        10 * to_alliance[0],
        10 * to_alliance[1],
        int((counts >= 2).sum()),
        int(counts[counts >= 2].sum()),
    )
