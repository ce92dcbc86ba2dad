"""The generator's random draws: every array of a study, before it becomes tables.

:func:`draw_study` makes, for one resolved parameter set, the client levels, sessions
attended, session alliance (items), improvement and the outcome at every session, in
the causal world ``p["causal_model"]`` (see :mod:`.causal_worlds`). The draws of the
worlds without feedback come in the order the generator has always used, so the
default study is the same for the same seed; the feedback worlds make sessions one by
one because each session's alliance depends on the outcome just before it.

Examples
--------
>>> from alliance_widgets.science.simulate_params import resolve_params
>>> from alliance_widgets.science.simulate_model import build_model
>>> p = resolve_params({"n_therapists": 2, "clients_per_therapist": 3, "seed": 1})
>>> d = draw_study(p, build_model(p), gamma=0.0)
>>> d.outcome.shape, d.responses.shape
((6, 12), (6, 12, 12))
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import special

from alliance_widgets import literature as lit
from alliance_widgets.science.causal_worlds import world_for, zero_sum_shift
from alliance_widgets.science.simulate_model import (
    EARLY_SESSIONS,
    Model,
    alliance_items,
    early_given_level,
    item_responses,
    session_alliance,
    subscale_parts,
)

__all__ = ["Draws", "draw_study", "oq_scores"]

_DYN = lit.GEN_SESSION_DYNAMICS.value
_OQ_LOW, _OQ_HIGH = lit.OQ45_RANGE.value


@dataclass(frozen=True)
class Draws:
    """Every array of one simulated study (clients in rows, sessions in columns)."""

    ther: np.ndarray
    n_sess: np.ndarray
    rupture: np.ndarray
    repaired: np.ndarray
    responses: np.ndarray
    improvement: np.ndarray
    parts: dict[str, np.ndarray]
    intake: np.ndarray
    outcome: np.ndarray
    latent: np.ndarray


def oq_scores(x: np.ndarray) -> np.ndarray:
    """Whole OQ-45 totals in 0–180.

    Examples
    --------
    >>> oq_scores(np.array([-3.2, 63.5, 200.0])).tolist()
    [0, 64, 180]
    """
    return np.clip(np.rint(x), _OQ_LOW, _OQ_HIGH).astype(np.int64)


def _improvement(
    rng: np.random.Generator, model: Model, u: np.ndarray, e: np.ndarray, ther: np.ndarray
) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    n_clients, n_ther = e.shape[0], u.shape[0]
    if not model.factors:
        v = model.sd_therapist * rng.standard_normal((n_ther,))
        w = model.sd_client * rng.standard_normal((n_clients,))
        y = model.gamma_between * u[ther] + model.gamma_within * e + v[ther] + w
        return model.improvement_mean + y, {}
    parts: dict[str, np.ndarray] = {}
    level = u[ther] + e
    for name, share in model.factors.items():
        mean = model.improvement_mean * share / 100
        if name == model.alliance_factor:
            parts[name] = mean + model.gamma_within * level
        else:
            sd = model.improvement_sd * np.sqrt(share / 100)
            parts[name] = mean + sd * rng.standard_normal(n_clients)
    return np.sum(list(parts.values()), axis=0), parts


def _sessions_attended(
    rng: np.random.Generator, latent: np.ndarray | None, p: dict, n: int
) -> np.ndarray:
    """Sessions each client attends: at random, or more likely to end after a weak one.

    With ``dropout_alliance = k > 0`` the chance of leaving after session ``t >= 3`` has
    log-odds ``logit(dropout_rate) - k z_t``, ``z_t`` the client's latent session alliance
    (level and session shift, not the part that follows symptoms) in SD units.
    """
    n_max, rate = p["n_sessions"], p["dropout_rate"]
    if latent is None or rate == 0:
        extra = n_max - EARLY_SESSIONS
        if rate > 0:
            extra = np.minimum(rng.geometric(rate, n) - 1, extra)
        return np.broadcast_to(EARLY_SESSIONS + np.asarray(extra), (n,)).astype(np.int64)
    z = (latent - latent.mean()) / latent.std()
    hazard = special.expit(special.logit(rate) - p["dropout_alliance"] * z)
    leave = rng.random(latent.shape) < hazard
    leave[:, : EARLY_SESSIONS - 1] = False
    leave[:, -1] = True
    return (np.argmax(leave, axis=1) + 1).astype(np.int64)


def _progress(n_sess: np.ndarray, n_max: int) -> np.ndarray:
    t = np.arange(1, n_max + 1)
    tau = _DYN["outcome_time_constant"]
    return (1 - np.exp(-t / tau))[None, :] / (1 - np.exp(-n_sess / tau))[:, None]


def draw_study(p: dict, model: Model, gamma: float) -> Draws:
    """Draw every array of a study; ``gamma`` is the alliance's latent rise per OQ-45 point
    of improvement since intake (0 unless the world has the alliance follow change)."""
    world = world_for(p["causal_model"])
    rng = np.random.default_rng(p["seed"])
    n_ther, per, n_max = p["n_therapists"], p["clients_per_therapist"], p["n_sessions"]
    n = n_ther * per
    ther = np.repeat(np.arange(n_ther), per)
    rho = model.latent_icc
    u = np.sqrt(rho) * rng.standard_normal(n_ther)
    e = np.sqrt(1 - rho) * rng.standard_normal(n)
    level = u[ther] + e
    linked = p["dropout_alliance"] > 0
    n_sess = None if linked else _sessions_attended(rng, None, p, n)
    shift, rupture, repaired = session_alliance(rng, n, n_max, p["rupture_rate"], p["repair_rate"])
    if linked:
        n_sess = _sessions_attended(rng, level[:, None] + shift, p, n)
    assert n_sess is not None
    if not world.feedback:
        responses = alliance_items(rng, level, shift, model.measurement)
        improvement, parts = _improvement(rng, model, u, e, ther)
        intake = oq_scores(p["intake_mean"] + p["intake_sd"] * rng.standard_normal(n))
        noise = _DYN["outcome_noise_sd"] * rng.standard_normal((n, n_max))
        last = np.arange(1, n_max + 1)[None, :] == n_sess[:, None]
        noise[last] = 0.0  # the last session's score is the final outcome itself
        path = intake[:, None] - improvement[:, None] * _progress(n_sess, n_max) + noise
        if world.alliance_to_change:
            alliance = responses.mean(axis=2)
            path -= zero_sum_shift(alliance, n_sess, world.alliance_to_change)
        outcome = oq_scores(path)
        latent = level[:, None] + shift
        return Draws(
            ther, n_sess, rupture, repaired, responses, improvement, parts, intake, outcome, latent
        )
    m = model.measurement
    sub = subscale_parts(rng, n, m)
    improvement, parts = _improvement(rng, model, u, e, ther)
    intake = oq_scores(p["intake_mean"] + p["intake_sd"] * rng.standard_normal(n))
    noise = _DYN["outcome_noise_sd"] * rng.standard_normal((n, n_max))
    noise[np.arange(1, n_max + 1)[None, :] == n_sess[:, None]] = 0.0
    steps = np.diff(_progress(n_sess, n_max), axis=1, prepend=0.0) * improvement[:, None]
    # The client's usual alliance, known before any session: what its level leads one to
    # expect early on. Deviations from it drive change; any constant would do for the
    # within-client analysis, and this one keeps the future out of the past.
    usual = early_given_level(level, m, p["rupture_rate"], p["repair_rate"])
    beta = world.alliance_to_change
    responses = np.empty((n, n_max, 12), dtype=np.int64)
    outcome = np.empty((n, n_max), dtype=np.int64)
    latent = np.empty((n, n_max))
    path = intake.astype(float)
    for t in range(n_max):
        path = path - steps[:, t]
        if t > 0 and beta:
            path = path - beta * (responses[:, t - 1].mean(axis=1) - usual)
        outcome[:, t] = oq_scores(path + noise[:, t])
        latent[:, t] = level + shift[:, t] + gamma * (intake - outcome[:, t])
        item_noise = rng.standard_normal((n, 1, 12), dtype=np.float32)
        responses[:, t] = item_responses(latent[:, t, None], sub, item_noise, m)[:, 0]
    return Draws(
        ther, n_sess, rupture, repaired, responses, improvement, parts, intake, outcome, latent
    )
