"""The generator's structural model and its calibration to the published targets.

The model (``z`` is a latent alliance scale; therapists ``j``, clients ``c``, sessions ``t``)
---------------------------------------------------------------------------------------
Client alliance level
    ``A_c = u_j + e_c`` with ``Var(u) = rho`` and ``Var(e) = 1 - rho``. ``rho`` is chosen
    so that the *observed* early alliance has the requested ``therapist_icc_alliance``.
Session alliance
    ``A_c + trend(t) + o_ct + R_ct``: a gentle rise over the first sessions, an occasion
    wobble ``o_ct`` and rupture dips ``R_ct`` (a dip in the rupture session; if the rupture
    is not repaired, half the dip lingers into the next session: a V shape when repaired).
Subscales
    bond, goals and tasks each add a stable client-specific part; goals and tasks share
    one more part (agreement on the work), so goals–tasks correlate more than bond–others.
Items
    ``z_ctk = session alliance + subscale part + item error``; the response is the
    continuous ``centre + scale * z`` rounded to 1–5, which piles responses up at 5.
    Subscale scores are the mean of their 4 items; ``alliance`` is the mean of all 12.
Early alliance
    ``O_c``, the mean alliance of sessions 1–3 (every client attends them).
Improvement (empirical mode)
    ``Y_c = mean + g_B u_j + g_W e_c + v_j + w_c``: the latent alliance parts drive
    improvement; ``v`` and ``w`` are therapist and client factors unrelated to alliance.
Sessions (the causal worlds)
    The outcome moves from intake to the final score along a negatively accelerated
    course; in the default world each session's scored alliance also nudges the next
    session's score (``causal_worlds`` and ``generator_draws``; docs/causal_worlds.md).

Calibration
-----------
The item error and subscale variances are set so that alpha of the 12 items and the two
subscale correlations *at session 1* (one administration, as in psychometric studies)
hit their targets after rounding. A closed-form normal model gives a first guess; a
fixed-seed pilot of the exact item code measures the rounded statistics and the
targets are corrected until they agree (a few iterations). The expected early alliance
given the level, ``g(A) = E[O | A]``, has a closed form (normal probabilities of crossing
each response threshold, averaged over rupture states), which gives by Gauss–Hermite
quadrature the mean of ``O`` and its Hermite coefficients ``h_k = E[g(A) He_k(A)] / k!``;
a second pilot measures only the measurement noise ``Var(O - g(A))``. From them, by
Stein's lemma and Mehler's formula, ``Cov(O, u) = h_1 rho``, ``Cov(O, e) = h_1 (1 - rho)``
and ``Cov(O_c, O_c') = sum_k k! h_k^2 rho^k`` for two clients of one therapist. These
give the latent coefficients that make the *observed* statistics a student computes hit
the targets:

- ``alliance_outcome_r`` is ``corr(O, Y)``;
- ``within_therapist_effect`` is the slope of ``Y`` on ``O - M_j`` and
  ``between_therapist_effect`` the slope on ``M_j``, where ``M_j`` is the mean early
  alliance of therapist ``j``'s clients, in the regression
  ``improvement ~ therapist_mean + centred`` (OLS, or MixedLM with a therapist intercept)
  of a study with this caseload. Both are OQ-45 points per WAI-SR scale point. Because
  ``Cov(O, Y) = b_B Var(M) + b_W Var(O - M)``, any two of ``r``, ``b_B`` and ``b_W`` fix
  the third. Given only ``r``, the split is made on the latent alliance: ``g_B`` is
  ``GEN_BETWEEN_WITHIN_RATIO`` (2) times ``g_W`` (less if ``therapist_icc_outcome`` leaves
  no room for that much therapist variance), so the observed between slope exceeds
  the within slope by a factor that depends on the caseload (small caseloads make
  therapist means noisy and pull the two slopes together).
- ``therapist_icc_outcome`` is the share of ``Var(Y)`` between therapists.

What each target means in a finite design: ``b_B`` is the slope on the *observed*
therapist mean of ``clients_per_therapist`` clients, whose reliability
``Var(u part) / Var(M)`` is below 1, so it is not the latent ``g_B``; the generator
solves for ``g_B`` so that this slope (OLS, or MixedLM, which agrees in a balanced
design) hits the target. The ICCs are population shares, which REML recovers without
a caseload bias. ``benchmarks/bench_calibration.py --replicates 20`` measures the bias
of every target over 20 studies of 10,000 clients per scenario: none is distinguishable
from zero beyond the OQ-45 floor's effect below (the largest mean deviation, 0.7 of one
study's SE ± 0.22, was a factor share; at 1.2 million clients the factor shares sit
0.2–0.5 % above target, as the floor predicts).

The OQ-45 floor. The final score is clipped to 0–180, so a client whose intake minus
improvement falls below 0 records a smaller improvement. With ``X = intake - Y`` normal,
Stein's lemma gives ``Cov(observed, Z) = (1 - P) Cov(Y, Z)`` for any normal ``Z``
(``P = P(X < 0) + P(X > 180)``): slopes shrink by ``P`` and the improvement variance by
about ``2P``. At the defaults ``P`` is 0.27 % (variance −0.4 %, slopes −0.3 %, r −0.06 %:
under half a standard error at 10,000 clients); the generator does not compensate. It
grows when intake and improvement come close: intake 60 with improvement 25 ± 20 gives
``P`` of 9 %, within slopes 9 % short and r 3 % short.

Examples
--------
>>> from alliance_widgets.science.simulate_params import resolve_params
>>> m = build_model(resolve_params({}))
>>> round(m.alliance_outcome_r, 3), round(m.therapist_icc_outcome, 2)
(0.278, 0.05)
>>> m.between_therapist_effect > m.within_therapist_effect > 0
True
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from alliance_widgets import literature as lit
from alliance_widgets.science.roots import brent_root
from alliance_widgets.science.simulate_params import ALLIANCE_FACTOR_NAMES

__all__ = [
    "Measurement",
    "Model",
    "alliance_items",
    "build_model",
    "calibrate_measurement",
    "early_given_level",
    "item_responses",
    "session_alliance",
    "subscale_parts",
]

_DYN = lit.GEN_SESSION_DYNAMICS.value
_METRIC = lit.GEN_ITEM_METRIC.value
EARLY_SESSIONS = int(lit.GEN_EARLY_SESSIONS.value)
_KEYS = lit.WAI_SR_KEYS.value
SUBSCALES = ("bond", "goals", "tasks")
#: Subscale index (0 bond, 1 goals, 2 tasks) of items 1..12.
ITEM_SUBSCALE = np.array(
    [next(i for i, s in enumerate(SUBSCALES) if k in _KEYS[s]) for k in range(1, 13)]
)
_LOW, _HIGH = lit.WAI_SR_SCALE.value
# The pilot's size keeps its own sampling error several times below the standard errors
# of a 10,000-client study; its seed is fixed so calibration is the same on every run.
_PILOT_CLIENTS = 120_000
_PILOT_SEED = 20_181_116
_QUADRATURE_NODES = 64


def session_alliance(
    rng: np.random.Generator,
    n_clients: int,
    n_sessions: int,
    rupture_rate: float,
    repair_rate: float,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Session part of the latent alliance, with ruptures and repairs.

    Returns ``(shift, rupture, repaired)``, each ``(n_clients, n_sessions)``: the latent
    shift from the client's level (trend + occasion + rupture dips), whether the client
    reported a rupture, and whether it was repaired (meaningful where ``rupture``).

    Examples
    --------
    >>> s, r, p = session_alliance(np.random.default_rng(1), 4, 5, 0.3, 0.7)
    >>> s.shape, r.dtype.kind
    ((4, 5), 'b')
    """
    t = np.arange(n_sessions)
    trend = _DYN["alliance_rise"] * (1.0 - np.exp(-t / _DYN["rise_sessions"]))
    occasion = _DYN["occasion_sd"] * rng.standard_normal((n_clients, n_sessions))
    rupture = rng.random((n_clients, n_sessions)) < rupture_rate
    repaired = rng.random((n_clients, n_sessions)) < repair_rate
    shift = trend + occasion - _DYN["rupture_dip"] * rupture
    lingering = rupture & ~repaired
    shift[:, 1:] -= _DYN["rupture_dip"] * _DYN["unrepaired_carryover"] * lingering[:, :-1]
    return shift, rupture, repaired


@dataclass(frozen=True)
class Measurement:
    """Variances of the WAI-SR measurement model and the moments of early alliance."""

    sd_unique: float
    sd_shared: float
    sd_item: float
    scale: float
    early_mean: float
    early_var: float
    hermite: tuple[float, float, float]

    def between_cov(self, rho: float) -> float:
        """``Cov(O_c, O_c')`` of two clients of one therapist, latent ICC ``rho``."""
        h1, h2, h3 = self.hermite
        return h1**2 * rho + 2 * h2**2 * rho**2 + 6 * h3**2 * rho**3


def alliance_items(
    rng: np.random.Generator, level: np.ndarray, shift: np.ndarray, m: Measurement
) -> np.ndarray:
    """Integer WAI-SR responses, shape ``(clients, sessions, 12)``, for latent levels.

    Examples
    --------
    >>> m = Measurement(0.4, 0.3, 0.6, 0.6, 0.0, 0.0, (0.0, 0.0, 0.0))
    >>> r = alliance_items(np.random.default_rng(0), np.zeros(3), np.zeros((3, 2)), m)
    >>> r.shape, int(r.min()) >= 1, int(r.max()) <= 5
    ((3, 2, 12), True, True)
    """
    sub = subscale_parts(rng, level.shape[0], m)
    noise = rng.standard_normal((level.shape[0], shift.shape[1], 12), dtype=np.float32)
    return item_responses(level[:, None] + shift, sub, noise, m)


def subscale_parts(rng: np.random.Generator, n_clients: int, m: Measurement) -> np.ndarray:
    """Each client's stable offset of every item's subscale, shape ``(clients, 12)``.

    Bond, goals and tasks each get a unique part; goals and tasks share one more.

    Examples
    --------
    >>> m = Measurement(0.4, 0.3, 0.6, 0.6, 0.0, 0.0, (0.0, 0.0, 0.0))
    >>> subscale_parts(np.random.default_rng(0), 3, m).shape
    (3, 12)
    """
    parts = rng.standard_normal((n_clients, 4))
    sub = np.empty((n_clients, 3))
    sub[:, 0] = m.sd_unique * parts[:, 0]
    sub[:, 1] = m.sd_shared * parts[:, 3] + m.sd_unique * parts[:, 1]
    sub[:, 2] = m.sd_shared * parts[:, 3] + m.sd_unique * parts[:, 2]
    return sub[:, ITEM_SUBSCALE]


def item_responses(
    session_level: np.ndarray, sub: np.ndarray, noise: np.ndarray, m: Measurement
) -> np.ndarray:
    """Round continuous item responses to 1–5 for latent session levels.

    ``session_level`` is ``(clients, sessions)``, ``sub`` from :func:`subscale_parts` and
    ``noise`` standard normal ``(clients, sessions, 12)`` (float32, as drawn).

    Examples
    --------
    >>> m = Measurement(0.4, 0.3, 0.6, 0.6, 0.0, 0.0, (0.0, 0.0, 0.0))
    >>> out = item_responses(np.zeros((2, 1)), np.zeros((2, 12)), np.zeros((2, 1, 12),
    ...     dtype=np.float32), m)
    >>> out.shape, int(out[0, 0, 0])
    ((2, 1, 12), 4)
    """
    z = noise * np.float32(m.sd_item)
    z += session_level[:, :, None].astype(np.float32)
    z += sub[:, None, :].astype(np.float32)
    cont = _METRIC["centre"] + m.scale * z
    return np.clip(np.rint(cont), _LOW, _HIGH).astype(np.int64)


def _session1_common_var(rupture_rate: float) -> float:
    p = rupture_rate
    return 1.0 + _DYN["occasion_sd"] ** 2 + _DYN["rupture_dip"] ** 2 * p * (1 - p)


def _normal_stats(vc: float, su2: float, sg2: float, se2: float) -> np.ndarray:
    """Alpha, goals–tasks r and bond–others r of continuous (unrounded) items."""
    vb = vc + su2 + se2 / 4
    vg = vc + sg2 + su2 + se2 / 4
    c_gt, c_bo = vc + sg2, vc
    total = 16 * (vb + 2 * vg + 2 * c_gt + 4 * c_bo)
    items = 4 * (vc + su2 + se2) + 8 * (vc + sg2 + su2 + se2)
    alpha = 12 / 11 * (1 - items / total)
    return np.array([alpha, c_gt / vg, c_bo / np.sqrt(vb * vg)])


def _solve_normal(vc: float, targets: np.ndarray) -> np.ndarray | None:
    def resid(logs: np.ndarray) -> np.ndarray:
        return _normal_stats(vc, *np.exp(logs)) - targets

    # Only where the stored calibration table misses: scipy.optimize (~22 MB) stays out
    # of a learner's kernel otherwise.
    from scipy import optimize

    best = None
    for start in ([-1.0, -1.5, -1.0], [-3.0, -3.0, 0.0], [0.0, 0.0, -2.0]):
        fit = optimize.least_squares(resid, np.array(start), xtol=1e-12, ftol=1e-12)
        if best is None or fit.cost < best.cost:
            best = fit
    assert best is not None
    if np.max(np.abs(best.fun)) > 1e-6:
        return None
    return np.asarray(np.exp(best.x))


def _observed_stats(items: np.ndarray) -> np.ndarray:
    x = items.astype(float)
    k = x.shape[1]
    alpha = k / (k - 1) * (1 - x.var(axis=0, ddof=1).sum() / x.sum(axis=1).var(ddof=1))
    subs = np.stack([x[:, s == ITEM_SUBSCALE].mean(axis=1) for s in range(3)])
    r = np.corrcoef(subs)
    return np.array([alpha, r[1, 2], (r[0, 1] + r[0, 2]) / 2])


@lru_cache(maxsize=64)
def calibrate_measurement(
    item_alpha: float,
    r_goals_tasks: float,
    r_bond_others: float,
    rupture_rate: float,
    repair_rate: float,
) -> Measurement:
    """Measurement model whose rounded items hit the targets; cached per target set.

    The default targets at the rupture and repair rates of RuptureRepairExplorer's
    sliders come from a stored table (:mod:`~alliance_widgets.science.calibration_table`,
    the same bits as computing them, in microseconds instead of ~0.5 s); any other set is
    computed.
    """
    from alliance_widgets.science.calibration_table import stored_calibration

    key = (item_alpha, r_goals_tasks, r_bond_others, rupture_rate, repair_rate)
    stored = stored_calibration(key)
    if stored is not None:
        su, sg, se, scale, early_mean, early_var, (h1, h2, h3) = stored
        return Measurement(su, sg, se, scale, early_mean, early_var, (h1, h2, h3))
    return _calibrate_exact(*key)


def _calibrate_exact(
    item_alpha: float,
    r_goals_tasks: float,
    r_bond_others: float,
    rupture_rate: float,
    repair_rate: float,
) -> Measurement:
    """The calibration itself: a pilot fit of the item model, then the early moments."""
    targets = np.array([item_alpha, r_goals_tasks, r_bond_others])
    vc = _session1_common_var(rupture_rate)
    aim = targets.copy()
    m = None
    converged = False
    for _ in range(10):
        var = _solve_normal(vc, np.clip(aim, 1e-3, 0.999))
        if var is None:
            break
        su2, sg2, se2 = var
        total = vc + su2 + sg2 * 2 / 3 + se2
        m = Measurement(
            float(np.sqrt(su2)),
            float(np.sqrt(sg2)),
            float(np.sqrt(se2)),
            _METRIC["spread"] / float(np.sqrt(total)),
            0.0,
            0.0,
            (0.0, 0.0, 0.0),
        )
        rng = np.random.default_rng(_PILOT_SEED)
        level = rng.standard_normal(_PILOT_CLIENTS)
        shift, _, _ = session_alliance(rng, _PILOT_CLIENTS, 1, rupture_rate, repair_rate)
        miss = targets - _observed_stats(alliance_items(rng, level, shift, m)[:, 0, :])
        if np.max(np.abs(miss)) < 2e-4:
            converged = True
            break
        aim = aim + miss
    if not converged or m is None:
        raise ValueError(
            "item_alpha, r_goals_tasks and r_bond_others cannot all hold at once: the "
            "subscale correlations must fit what 12 items of that reliability give (for "
            "alpha near .9, e.g. r_goals_tasks .80–.90 and r_bond_others .60–.75); got "
            f"item_alpha={item_alpha!r}, r_goals_tasks={r_goals_tasks!r}, "
            f"r_bond_others={r_bond_others!r}."
        )
    nodes, weights = np.polynomial.hermite_e.hermegauss(_QUADRATURE_NODES)
    weights = weights / weights.sum()
    g = early_given_level(nodes, m, rupture_rate, repair_rate)
    he = (nodes, nodes**2 - 1, nodes**3 - 3 * nodes)
    hermite = tuple(float(np.sum(weights * g * h)) / f for h, f in zip(he, (1, 2, 6), strict=True))
    g_mean = float(np.sum(weights * g))
    g_var = float(np.sum(weights * (g - g_mean) ** 2))
    # Only the measurement noise around E[O | A] needs the pilot.
    rng = np.random.default_rng(_PILOT_SEED + 1)
    level = rng.standard_normal(_PILOT_CLIENTS)
    shift, _, _ = session_alliance(rng, _PILOT_CLIENTS, EARLY_SESSIONS, rupture_rate, repair_rate)
    early = alliance_items(rng, level, shift, m).mean(axis=(1, 2))
    noise_var = float(np.var(early - early_given_level(level, m, rupture_rate, repair_rate)))
    return Measurement(
        m.sd_unique,
        m.sd_shared,
        m.sd_item,
        m.scale,
        g_mean,
        g_var + noise_var,
        hermite,  # type: ignore[arg-type]
    )


def _ndtr(z: np.ndarray) -> np.ndarray:
    """Return ``scipy.special.ndtr(z)``, with scipy.special imported on first use.

    Building a model for the explorers needs no normal integral, and importing
    ``scipy.special`` costs a kernel 0.3 s of CPU.
    """
    from scipy import special

    return special.ndtr(z)


def early_given_level(
    level: np.ndarray,
    m: Measurement,
    rupture_rate: float,
    repair_rate: float,
    sessions: range = range(EARLY_SESSIONS),
) -> np.ndarray:
    """``E[O | A = level]``: the expected early alliance of a client, in closed form.

    ``sessions`` (0-based) are the sessions averaged; the default is the early ones, and
    ``range(t, t + 1)`` gives the expected rating of session ``t + 1`` alone.

    Given the level, each item's continuous response is normal within each rupture
    state of its session (rupture now, an unrepaired rupture lingering from the last
    session), so the expected rounded response is ``1 + sum_c P(y > c)`` over the four
    thresholds between the five response options.

    Examples
    --------
    >>> m = calibrate_measurement(0.92, 0.82, 0.65, 0.25, 0.7)
    >>> g = early_given_level(np.array([-2.0, 0.0, 2.0]), m, 0.25, 0.7)
    >>> bool(np.all(np.diff(g) > 0)), bool(1 < g.min() and g.max() < 5)
    (True, True)
    """
    p, q = rupture_rate, repair_rate
    dip, carry = _DYN["rupture_dip"], _DYN["unrepaired_carryover"]
    cuts = np.arange(_LOW, _HIGH) + 0.5
    base = m.sd_unique**2 + m.sd_item**2 + _DYN["occasion_sd"] ** 2
    spreads = [base, base + m.sd_shared**2, base + m.sd_shared**2]
    total = np.zeros_like(level, dtype=float)
    for t in sessions:
        trend = _DYN["alliance_rise"] * (1.0 - np.exp(-t / _DYN["rise_sessions"]))
        linger = p * (1 - q) if t > 0 else 0.0
        states = [
            (prob_r * prob_l, -dip * r_now - dip * carry * l_prev)
            for r_now, prob_r in ((0, 1 - p), (1, p))
            for l_prev, prob_l in ((0, 1 - linger), (1, linger))
        ]
        for spread in spreads:
            sd = m.scale * np.sqrt(spread)
            for prob, shift in states:
                if prob == 0:
                    continue
                mean = _METRIC["centre"] + m.scale * (level + trend + shift)
                # ndtr(-z) is what norm.sf(z) computes, bit for bit, without the
                # distribution machinery's checks (most of this function's time).
                above = _ndtr(-((cuts[:, None] - mean[None, :]) / sd)).sum(axis=0)
                total += prob * (1 + above)
    return total / (len(sessions) * len(spreads))


@dataclass(frozen=True)
class Model:
    """Every resolved number of one generator set-up (see the module docstring)."""

    measurement: Measurement
    latent_icc: float
    gamma_between: float
    gamma_within: float
    sd_therapist: float
    sd_client: float
    factors: dict[str, float]
    alliance_factor: str | None
    alliance_outcome_r: float
    between_therapist_effect: float
    within_therapist_effect: float
    therapist_icc_outcome: float
    improvement_mean: float
    improvement_sd: float

    @property
    def early_sd(self) -> float:
        """SD of observed early alliance across clients."""
        return float(np.sqrt(self.measurement.early_var))


def _latent_icc(m: Measurement, icc: float) -> float:
    target = icc * m.early_var
    if target == 0:
        return 0.0
    ceiling = m.between_cov(0.999)
    if target >= ceiling:
        raise ValueError(
            f"therapist_icc_alliance must be below {ceiling / m.early_var:.2f} with these "
            "item settings (therapists cannot differ more than the early alliance is "
            f"reliable); got {icc!r}."
        )
    return brent_root(lambda r: m.between_cov(r) - target, 0.0, 0.999, xtol=1e-12)


def _default_ratio(cov_latent: float, rho: float, var_between: float) -> float:
    """Weight of the therapist's part of the latent alliance relative to the client's.

    ``GEN_BETWEEN_WITHIN_RATIO`` (2) by default, lowered where the therapists' share of
    improvement variance leaves no room for it: with ``g_W = c / (ratio rho + 1 - rho)``
    and ``g_B = ratio g_W``, the between variance ``g_B**2 rho`` must not exceed
    ``var_between``. With no therapist variance in outcome the ratio is 0.

    Examples
    --------
    >>> _default_ratio(10.0, 0.1, 100.0), round(_default_ratio(10.0, 0.1, 4.0), 3)
    (2.0, 0.608)
    """
    ratio = float(lit.GEN_BETWEEN_WITHIN_RATIO.value)
    if rho == 0 or cov_latent == 0:
        return ratio
    limit = float(np.sqrt(var_between / rho))
    room = abs(cov_latent) - limit * rho
    if room > 0:
        ratio = min(ratio, limit * (1 - rho) / room)
    return ratio


def build_model(p: dict[str, Any]) -> Model:
    """Resolve the latent coefficients that make the observed statistics hit ``p``."""
    m = calibrate_measurement(
        p["item_alpha"], p["r_goals_tasks"], p["r_bond_others"], p["rupture_rate"], p["repair_rate"]
    )
    rho = _latent_icc(m, p["therapist_icc_alliance"])
    kappa = m.hermite[0]
    sd_y = p["improvement_sd"]
    var_y = sd_y**2
    sd_o = float(np.sqrt(m.early_var))
    n = p["clients_per_therapist"]
    vb = p["therapist_icc_alliance"] * m.early_var
    vw = m.early_var - vb
    var_mean, var_dev = vb + vw / n, vw * (1 - 1 / n)
    if isinstance(p["variance_model"], dict):
        shares = p["variance_model"]
        name = next((f for f in shares if f in ALLIANCE_FACTOR_NAMES), None)
        g = float(np.sqrt(shares[name] / 100 * var_y)) if name else 0.0
        cov = g * kappa
        r = cov / (sd_o * sd_y)
        b_w = g * kappa * (1 - rho) / vw
        b_b = (g * kappa * rho + g * kappa * (1 - rho) / n) / var_mean
        return Model(
            m,
            rho,
            g,
            g,
            0.0,
            0.0,
            dict(shares),
            name,
            r,
            b_b,
            b_w,
            g**2 * rho / var_y,
            p["improvement_mean"],
            sd_y,
        )
    r, b_b, b_w = (
        p["alliance_outcome_r"],
        p["between_therapist_effect"],
        p["within_therapist_effect"],
    )
    if r is not None and b_b is None and b_w is None:
        ratio = _default_ratio(r * sd_o * sd_y / kappa, rho, p["therapist_icc_outcome"] * var_y)
        g_w = r * sd_o * sd_y / (kappa * (ratio * rho + 1 - rho))
        g_b = ratio * g_w
        b_w = g_w * kappa * (1 - rho) / vw
        b_b = (g_b * kappa * rho + g_w * kappa * (1 - rho) / n) / var_mean
    else:
        if r is not None:
            cov = r * sd_o * sd_y
            if b_b is None:
                b_b = (cov - b_w * var_dev) / var_mean
            elif b_w is None:
                b_w = (cov - b_b * var_mean) / var_dev
        g_w = b_w * vw / (kappa * (1 - rho))
        g_b = (b_b * var_mean - g_w * kappa * (1 - rho) / n) / (kappa * rho) if rho > 0 else 0.0
    r = (b_b * var_mean + b_w * var_dev) / (sd_o * sd_y)
    if not -1 < r < 1:
        raise ValueError(
            f"between_therapist_effect={b_b!r} and within_therapist_effect={b_w!r} imply an "
            f"alliance–outcome r of {r:.2f}, outside (-1, 1); use smaller effects or a larger "
            "improvement_sd."
        )
    icc_y = p["therapist_icc_outcome"]
    v_t = icc_y * var_y - g_b**2 * rho
    v_c = (1 - icc_y) * var_y - g_w**2 * (1 - rho)
    if v_t < -1e-9 * var_y:
        need = g_b**2 * rho / var_y
        raise ValueError(
            f"therapist_icc_outcome={icc_y!r} is too small: a between-therapist alliance "
            f"effect of {b_b:.1f} points per scale point with therapist_icc_alliance="
            f"{p['therapist_icc_alliance']!r} already puts {need:.3f} of improvement variance "
            "between therapists. Raise therapist_icc_outcome, or lower "
            "between_therapist_effect / alliance_outcome_r."
        )
    if v_c < -1e-9 * var_y:
        raise ValueError(
            f"alliance_outcome_r={r:.3f} cannot be reached: the early alliance (reliability "
            f"limited by item_alpha={p['item_alpha']!r}) would need more client-level "
            "improvement variance than there is. Lower alliance_outcome_r or "
            "within_therapist_effect, or raise therapist_icc_outcome."
        )
    return Model(
        m,
        rho,
        g_b,
        g_w,
        float(np.sqrt(max(v_t, 0.0))),
        float(np.sqrt(max(v_c, 0.0))),
        {},
        None,
        r,
        b_b,
        b_w,
        icc_y,
        p["improvement_mean"],
        sd_y,
    )
