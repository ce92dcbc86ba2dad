"""Simulate a multi-therapist alliance–outcome study with known, published targets.

:func:`simulate` returns a :class:`Study`: three tidy tables (sessions, clients, WAI-SR
items) and the parameters that made them. Every target is a parameter whose default
comes from :mod:`alliance_widgets.literature`, and the generator is calibrated so that
an ordinary analysis *of the observed scores* recovers it (see
:mod:`alliance_widgets.science.simulate_model` for the structural equations).

Conventions
-----------
- ``therapist_id`` is ``"T01"``, ``"T02"``, … and ``client_id`` ``"C0001"``, … (unique in
  the study), both pandas categoricals of strings, ordered as generated.
- Every client attends sessions 1–3; from session 3 on, a client leaves after each
  session with probability ``dropout_rate`` (at random, unrelated to alliance or outcome),
  up to ``n_sessions``.
- ``early_alliance`` is the mean ``alliance`` of sessions 1–3 (a dependable early rating,
  Crits-Christoph et al. 2011); ``alliance`` is the mean of the 12 items (1–5 metric).
- ``outcome`` is a whole OQ-45-like total (0–180, higher = more distress) at each session;
  ``intake_outcome`` is the score before session 1, ``final_outcome`` the score at the
  last attended session and ``improvement = intake_outcome - final_outcome``.
- ``change_category`` follows Jacobson & Truax with the OQ-45 reliable change (14) and
  cutoff (63.5) from :mod:`alliance_widgets.literature`.
- Targets that describe one administration of the WAI-SR (``item_alpha``,
  ``r_goals_tasks``, ``r_bond_others``) hold at session 1, which every client attends.

Examples
--------
>>> study = simulate(n_therapists=4, clients_per_therapist=5, seed=3)
>>> study.clients.shape[0], list(study.sessions.columns[:3])
(20, ['therapist_id', 'client_id', 'session'])
>>> bool((study.sessions.groupby("client_id").size() == study.clients.set_index(
...     "client_id")["n_sessions"]).all())
True
>>> simulate(seed=3, n_therapists=4, clients_per_therapist=5).clients.equals(study.clients)
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from alliance_widgets import literature as lit
from alliance_widgets.science.causal_calibration import LaggedTruth, feedback_setup, lagged_truth
from alliance_widgets.science.generator_draws import draw_study, rating
from alliance_widgets.science.raters import other_raters
from alliance_widgets.science.simulate_model import EARLY_SESSIONS, ITEM_SUBSCALE, SUBSCALES, Model
from alliance_widgets.science.simulate_params import resolve_params

__all__ = ["Study", "simulate"]


@dataclass(frozen=True)
class Study:
    """A simulated study: tidy tables plus the parameters that regenerate it.

    Each table's columns, in order and with what they hold, are
    :data:`~alliance_widgets.science.columns.STUDY_COLUMNS` (also the codebook of the
    shipped datasets).

    Attributes
    ----------
    sessions : DataFrame
        One row per client per attended session.
    clients : DataFrame
        One row per client; in a factor mode, one column per factor holding its additive
        contribution to improvement (before rounding to whole points).
    items : DataFrame or None
        WAI-SR responses in long form (items 1–12, responses 1–5). ``None`` when simulated
        with ``items=False``.
    params : dict
        Every parameter used, seed included: ``simulate(**study.params)`` remakes the
        study exactly.
    model : Model
        The resolved model: implied r, between/within effects, latent coefficients.
    """

    sessions: pd.DataFrame
    clients: pd.DataFrame
    items: pd.DataFrame | None
    params: dict[str, Any]
    model: Model = field(repr=False)

    @property
    def mode(self) -> str:
        """``"empirical"``, ``"lambert"`` or ``"custom"``."""
        vm = self.params["variance_model"]
        if not isinstance(vm, dict):
            return str(vm)
        lambert = dict(lit.LAMBERT_1992_SHARES.value)
        return "lambert" if vm == lambert else "custom"

    @property
    def lagged(self) -> LaggedTruth:
        """The world's true within-client lagged effects (``params["causal_model"]``), in the
        units of :func:`~alliance_widgets.science.within_client_lagged`.
        """
        return lagged_truth(self.params)

    def summary(self) -> str:
        """A few lines a learner can read: size, seed, mode and the built-in targets."""
        m, p = self.model, self.params
        n_ther = self.clients["therapist_id"].nunique()
        lines = [
            f"Synthetic study (seed {p['seed']}, {self.mode} mode): {n_ther} therapists, "
            f"{len(self.clients)} clients, {len(self.sessions)} sessions "
            f"({self.sessions['session'].max()} at most per client).",
            f"Built-in alliance–outcome r = {m.alliance_outcome_r:.3f}; therapists' share "
            f"of improvement variance {m.therapist_icc_outcome:.1%}, of early alliance "
            f"{p['therapist_icc_alliance']:.1%}.",
            f"Between-therapist effect {m.between_therapist_effect:.1f}, within-therapist "
            f"effect {m.within_therapist_effect:.1f} OQ-45 points per alliance point.",
        ]
        if m.factors:
            shares = ", ".join(f"{k} {v:g} %" for k, v in m.factors.items())
            lines.append(f"Improvement = sum of factors: {shares}.")
        lines.append("Synthetic data for teaching, not clinical data.")
        return "\n".join(lines)

    def __repr__(self) -> str:
        p = self.params
        return (
            f"Study(seed={p['seed']}, mode={self.mode!r}, therapists={p['n_therapists']}, "
            f"clients={len(self.clients)}, sessions={len(self.sessions)}, "
            f"r={self.model.alliance_outcome_r:.3f})"
        )


def _ids(prefix: str, count: int, width: int) -> list[str]:
    return [f"{prefix}{i:0{width}d}" for i in range(1, count + 1)]


def _categorical(codes: np.ndarray, names: list[str]) -> Any:
    return pd.Categorical.from_codes(codes.astype(np.int64), categories=pd.Index(names))


def simulate(**params: Any) -> Study:
    """Simulate a study of therapists, clients and sessions; see the module docstring.

    Parameters
    ----------
    **params
        Keyword arguments, each optional (defaults in ``DEFAULT_PARAMS``):
    n_therapists, clients_per_therapist : int
        Design (defaults 20 and 10; at least 2 clients per therapist).
    n_sessions : int
        The most sessions a client attends (≥ 3; default 12).
    dropout_rate : float
        Chance of leaving after each session from session 3 on (default .08).
    alliance_outcome_r : float or None
        Correlation of ``early_alliance`` with ``improvement`` in the observed scores
        (default .278, Flückiger et al. 2018). ``None`` when both effects are given.
    between_therapist_effect, within_therapist_effect : float or None
        Slopes of improvement on the therapist's mean early alliance and on the client's
        deviation from it (OQ-45 points per WAI-SR point), as the regression
        ``improvement ~ therapist_mean + centred`` estimates them in this design. Any two
        of r and the two effects fix the third; with r alone, the therapist's part of the
        latent alliance weighs twice the client's (a kit assumption after Baldwin et al.
        2007), which makes the between slope the larger.
    therapist_icc_outcome : float or None
        Share of improvement variance between therapists (default .05).
    therapist_icc_alliance : float
        Share of early-alliance variance between therapists (default .06).
    item_alpha, r_goals_tasks, r_bond_others : float
        Cronbach's alpha of the 12 items and the subscale correlations at session 1.
    rupture_rate, repair_rate : float
        Share of sessions with a rupture; share of ruptures repaired.
    intake_mean, intake_sd, improvement_mean, improvement_sd : float
        OQ-45 levels (kit assumptions).
    variance_model : {"empirical", "lambert"} or mapping
        ``"lambert"`` makes improvement the sum of Lambert's four factors (40/30/15/15);
        a mapping of names to shares summing to 100 gives any other split. A factor named
        ``relationship`` (or ``alliance``) is carried by the latent alliance.
    items : bool
        Also return the long item table (default True); ``False`` is faster.
    seed : int or None
        Random seed (default ``DEFAULT_SEED``); ``None`` draws one and records it.

    Returns
    -------
    Study

    Examples
    --------
    >>> s = simulate(n_therapists=3, clients_per_therapist=4, variance_model="lambert")
    >>> sorted(set(s.clients.columns) & {"relationship", "technique"})
    ['relationship', 'technique']
    >>> simulate(alliance_outcome_r=1.5)
    Traceback (most recent call last):
    ...
    ValueError: alliance_outcome_r must be a number in (-1, 1); got 1.5.
    """
    p = resolve_params(params)
    gamma, model = feedback_setup(p)
    d = draw_study(p, model, gamma)
    ther, n_sess, rupture, repaired = d.ther, d.n_sess, d.rupture, d.repaired
    responses, parts, intake, outcome = d.responses, d.parts, d.intake, d.outcome
    n_ther, n, n_max = p["n_therapists"], len(n_sess), p["n_sessions"]
    sub = np.stack([rating(responses[:, :, s == ITEM_SUBSCALE], d.follow) for s in range(3)])
    alliance = rating(responses, d.follow)
    early = alliance[:, :EARLY_SESSIONS].mean(axis=1)
    final = outcome[np.arange(n), n_sess - 1]
    t = np.arange(1, n_max + 1)

    attended = t[None, :] <= n_sess[:, None]
    rows = np.nonzero(attended)
    width_t = max(2, len(str(n_ther)))
    width_c = max(4, len(str(n)))
    ther_names, client_names = _ids("T", n_ther, width_t), _ids("C", n, width_c)
    client_of_row = rows[0]
    rup = rupture[attended]
    rep = pd.array(repaired[attended], dtype="boolean")
    rep[~rup] = pd.NA
    sessions = pd.DataFrame(
        {
            "therapist_id": _categorical(ther[client_of_row], ther_names),
            "client_id": _categorical(client_of_row, client_names),
            "session": rows[1].astype(np.int64) + 1,
            **{name: sub[s][attended] for s, name in enumerate(SUBSCALES)},
            "alliance": alliance[attended],
            "outcome": outcome[attended],
            "rupture": rup,
            "repaired": rep,
            **other_raters(p, alliance, ther, attended),
        }
    )
    from alliance_widgets.science.outcome import classify_change

    clients = pd.DataFrame(
        {
            "therapist_id": _categorical(ther, ther_names),
            "client_id": _categorical(np.arange(n), client_names),
            "n_sessions": n_sess,
            "intake_outcome": intake,
            "final_outcome": final,
            "improvement": intake - final,
            "early_alliance": early,
        }
    )
    clients["change_category"] = classify_change(
        clients["intake_outcome"], clients["final_outcome"]
    )
    clients["completed"] = n_sess == n_max
    for name, values in parts.items():
        clients[name] = values

    items = None
    if p["items"]:
        n_rows = len(client_of_row)
        items = pd.DataFrame(
            {
                "client_id": _categorical(np.repeat(client_of_row, 12), client_names),
                "session": np.repeat(rows[1].astype(np.int64) + 1, 12),
                "item": np.tile(np.arange(1, 13, dtype=np.int64), n_rows),
                "subscale": _categorical(np.tile(ITEM_SUBSCALE, n_rows), list(SUBSCALES)),
                "response": responses[attended].reshape(-1),
            }
        )
    return Study(sessions, clients, items, p, model)
