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
from alliance_widgets.science.causal_worlds import world_for
from alliance_widgets.science.simulate_model import (
    EARLY_SESSIONS,
    ITEM_SUBSCALE,
    Measurement,
    Model,
    item_responses,
    session_alliance,
    subscale_parts,
)
from alliance_widgets.science.simulate_params import ALLIANCE_FACTOR_NAMES

__all__ = ["Draws", "draw_study", "oq_scores", "rating", "session_effect"]

_DYN = lit.GEN_SESSION_DYNAMICS.value
_OQ_LOW, _OQ_HIGH = lit.OQ45_RANGE.value
_METRIC = lit.GEN_ITEM_METRIC.value
_LOW, _HIGH = lit.WAI_SR_SCALE.value


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
    follow: np.ndarray


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


def session_effect(p: dict) -> float:
    """OQ-45 points of next-session improvement per WAI-SR point in ``p``'s world.

    Zero where the alliance carries nothing: a factor model without an alliance factor.

    Examples
    --------
    >>> session_effect({"causal_model": "common_cause", "variance_model": "empirical"})
    0.0
    """
    vm = p["variance_model"]
    if isinstance(vm, dict) and not any(f in ALLIANCE_FACTOR_NAMES for f in vm):
        return 0.0
    return world_for(p["causal_model"]).alliance_to_change


def _usual(level: np.ndarray, sub: np.ndarray, m: Measurement, p: dict) -> np.ndarray:
    """Each client's expected rating at every session, given its level and subscale parts.

    The alliance's session effect is measured from here: any client constant would do for
    the within-client analysis, but this one keeps the future out of the past and leaves
    the deviations free of everything stable about the client, so a session effect on
    the final outcome does not change the calibrated early alliance–outcome r.
    """
    q, rep = p["rupture_rate"], p["repair_rate"]
    dip, carry = _DYN["rupture_dip"], _DYN["unrepaired_carryover"]
    cuts = np.arange(_LOW, _HIGH) + 0.5
    sd = m.scale * np.sqrt(m.sd_item**2 + _DYN["occasion_sd"] ** 2)
    first = [int(np.argmax(k == ITEM_SUBSCALE)) for k in range(3)]
    share = np.bincount(ITEM_SUBSCALE, minlength=3) / len(ITEM_SUBSCALE)
    out = np.zeros((level.shape[0], p["n_sessions"]))
    for t in range(p["n_sessions"]):
        trend = _DYN["alliance_rise"] * (1.0 - np.exp(-t / _DYN["rise_sessions"]))
        linger = q * (1 - rep) if t > 0 else 0.0
        for r_now, prob_r in ((0, 1 - q), (1, q)):
            for l_prev, prob_l in ((0, 1 - linger), (1, linger)):
                if prob_r * prob_l == 0:
                    continue
                shift = trend - dip * r_now - dip * carry * l_prev
                for k, item in enumerate(first):
                    mean = _METRIC["centre"] + m.scale * (level + sub[:, item] + shift)
                    above = special.ndtr((mean[:, None] - cuts[None, :]) / sd).sum(axis=1)
                    out[:, t] += prob_r * prob_l * share[k] * (1 + above)
    return out


def draw_study(p: dict, model: Model, gamma: float) -> Draws:
    """Draw every array of a study.

    ``gamma`` is how many WAI-SR points the alliance rises per OQ-45 point the client
    improved since the last session beyond what a client is expected to (0 unless the
    world has the alliance follow change). ``Draws.follow`` holds that rise per session:
    it moves the scored subscales and alliance, not the item responses, which is why the
    feedback worlds have no item table.
    """
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
    m = model.measurement
    if not world.feedback:
        sub = subscale_parts(rng, n, m)
        item_noise = rng.standard_normal((n, n_max, 12), dtype=np.float32)
        responses = item_responses(level[:, None] + shift, sub, item_noise, m)
        improvement, parts = _improvement(rng, model, u, e, ther)
        intake = oq_scores(p["intake_mean"] + p["intake_sd"] * rng.standard_normal(n))
        noise = _DYN["outcome_noise_sd"] * rng.standard_normal((n, n_max))
        last = np.arange(1, n_max + 1)[None, :] == n_sess[:, None]
        noise[last] = 0.0  # the last session's score is the final outcome itself
        path = intake[:, None] - improvement[:, None] * _progress(n_sess, n_max) + noise
        beta = session_effect(p)
        if beta:
            dev = responses.mean(axis=2) - _usual(level, sub, m, p)
            path[:, 1:] -= beta * dev[:, :-1]
            if model.alliance_factor:
                # Improvement stays the sum of the factors: the last session's share of
                # the alliance's session effect belongs to the alliance's factor.
                parts[model.alliance_factor] = parts[model.alliance_factor] + (
                    beta * dev[np.arange(n), n_sess - 2]
                )
        outcome = oq_scores(path)
        follow = np.zeros((n, n_max))
        return Draws(
            ther, n_sess, rupture, repaired, responses, improvement, parts, intake, outcome, follow
        )
    sub = subscale_parts(rng, n, m)
    improvement, parts = _improvement(rng, model, u, e, ther)
    intake = oq_scores(p["intake_mean"] + p["intake_sd"] * rng.standard_normal(n))
    noise = _DYN["outcome_noise_sd"] * rng.standard_normal((n, n_max))
    noise[np.arange(1, n_max + 1)[None, :] == n_sess[:, None]] = 0.0
    steps = np.diff(_progress(n_sess, n_max), axis=1, prepend=0.0) * improvement[:, None]
    usual = _usual(level, sub, m, p)
    # The course expected of a full-length therapy: the same for every client, so what a
    # client is "better than expected" by is their own doing, not their therapy's length.
    course = p["improvement_mean"] * _progress(np.array([n_max]), n_max)[0]
    expected_step = np.diff(course, prepend=0.0)
    beta = session_effect(p)
    responses = np.empty((n, n_max, 12), dtype=np.int64)
    outcome = np.empty((n, n_max), dtype=np.int64)
    follow = np.zeros((n, n_max))
    path = intake.astype(float)
    before = intake
    for t in range(n_max):
        path = path - steps[:, t]
        state = path + noise[:, t]
        if t > 0 and beta:
            rated = rating(responses[:, t - 1], follow[:, t - 1])
            state = state - beta * (rated - usual[:, t - 1])
        outcome[:, t] = oq_scores(state)
        # How much more the client improved since the last session than a client is
        # expected to moves the rating after this session (on the scored 1-5 scale).
        follow[:, t] = gamma * (before - outcome[:, t] - expected_step[t])
        before = outcome[:, t]
        item_noise = rng.standard_normal((n, 1, 12), dtype=np.float32)
        responses[:, t] = item_responses((level + shift[:, t])[:, None], sub, item_noise, m)[:, 0]
    return Draws(
        ther, n_sess, rupture, repaired, responses, improvement, parts, intake, outcome, follow
    )


def rating(responses: np.ndarray, follow: np.ndarray) -> np.ndarray:
    """The scored WAI-SR mean (1–5) of item ``responses`` moved by ``follow`` points.

    Examples
    --------
    >>> rating(np.array([[5, 5, 4, 4] * 3]), np.array([0.75])).tolist()
    [5.0]
    """
    return np.clip(responses.mean(axis=-1) + follow, _LOW, _HIGH)
