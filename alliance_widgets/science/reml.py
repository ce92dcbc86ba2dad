"""REML for the random-intercept model, profiled to one dimension.

The model behind every multilevel figure in the kit is

    y_ij = x_ij'β + u_j + e_ij,    u_j ~ N(0, τ²),  e_ij ~ N(0, σ²),

clients i nested in therapists j. It has a single variance ratio, so the restricted
(REML) likelihood can be profiled over ``σ²`` and ``β`` in closed form and maximised over
the intraclass correlation ``ρ = τ²/(τ² + σ²)`` on ``[0, 1)`` by a bounded scalar search.
That is what statsmodels' ``MixedLM(..., groups=...).fit(reml=True)`` estimates (a test
checks they agree), but it is exact at the boundary ``τ² = 0``, where general-purpose
optimisers often fail to converge, and takes a few milliseconds, fast enough to refit on
every slider move.

Per therapist the covariance is ``σ²(I + γ11')`` with ``γ = ρ/(1 − ρ)``, whose inverse is
``σ⁻²(I − c_j 11')`` with ``c_j = γ/(1 + n_jγ)``; every quantity below is a sum over
therapists of such terms.

Examples
--------
>>> import numpy as np
>>> from alliance_widgets.science.reml import RandomIntercept
>>> rng = np.random.default_rng(0)
>>> g = np.repeat(np.arange(50), 6)
>>> y = 2 + rng.normal(size=50)[g] * 0.5 + rng.normal(size=300)
>>> fit = RandomIntercept(y, np.ones((300, 1)), g).fit()
>>> round(fit.rho, 3), round(float(fit.beta[0]), 2)
(0.184, 2.0)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from alliance_widgets.science.distributions import chi2_ppf
from alliance_widgets.science.roots import brent_root
from alliance_widgets.science.scalar_min import brent_minimum

__all__ = ["REMLFit", "RandomIntercept"]

_RHO_MAX = 1 - 1e-9


@dataclass(frozen=True)
class REMLFit:
    """The REML estimates of a random-intercept model.

    ``beta`` are the fixed effects, ``cov_beta`` their covariance (``σ²(X'V⁻¹X)⁻¹`` with
    ``V`` scaled by ``σ²``), ``sigma2`` the within-therapist and ``tau2`` the
    between-therapist variance, ``rho`` the ICC ``τ²/(τ² + σ²)`` and ``loglik`` the
    profiled REML log-likelihood (up to a constant).
    """

    beta: np.ndarray
    cov_beta: np.ndarray
    sigma2: float
    tau2: float
    rho: float
    loglik: float

    @property
    def se(self) -> np.ndarray:
        """Standard errors of the fixed effects."""
        return np.sqrt(np.diag(self.cov_beta))


class RandomIntercept:
    """A random-intercept model ready to be fitted by profiled REML.

    Parameters
    ----------
    y : array of float, shape (n,)
        Outcome.
    x : array of float, shape (n, p)
        Fixed-effects design, usually with a constant column; full column rank.
    groups : array, shape (n,)
        Group (therapist) labels.
    """

    def __init__(self, y: np.ndarray, x: np.ndarray, groups: np.ndarray) -> None:
        y = np.asarray(y, dtype=float)
        x = np.asarray(x, dtype=float)
        codes, _ = pd.factorize(np.asarray(groups))
        self.n_obs, self.p = x.shape
        self.n_j = np.bincount(codes).astype(float)
        # Centring y leaves β (but the constant) and every variance unchanged and keeps
        # the sums of squares well conditioned.
        shift = y.mean()
        yc = y - shift
        self._shift = np.zeros(self.p)
        const = np.flatnonzero(np.all(x == 1.0, axis=0))
        if const.size:
            self._shift[const[0]] = shift
        else:
            yc = y
        j = len(self.n_j)
        self.sx = np.zeros((j, self.p))
        np.add.at(self.sx, codes, x)
        self.sy = np.bincount(codes, weights=yc, minlength=j)
        self.xtx = x.T @ x
        self.xty = x.T @ yc
        self.yty = float(yc @ yc)

    def _parts(self, rho: float) -> tuple[np.ndarray, np.ndarray, float, float]:
        gamma = rho / (1 - rho)
        c = gamma / (1 + self.n_j * gamma)
        a = self.xtx - (self.sx * c[:, None]).T @ self.sx
        b = self.xty - (self.sx * c[:, None]).T @ self.sy
        beta = np.linalg.solve(a, b)
        resid = self.sy - self.sx @ beta
        q = self.yty - 2 * beta @ self.xty + beta @ self.xtx @ beta - float(c @ resid**2)
        log_det_v = float(np.log1p(self.n_j * gamma).sum())
        return beta, a, max(q, 1e-300), log_det_v

    def loglik(self, rho: float) -> float:
        """Profiled REML log-likelihood at ICC ``rho`` (up to an additive constant)."""
        _, a, q, log_det_v = self._parts(rho)
        df = self.n_obs - self.p
        _, log_det_a = np.linalg.slogdet(a)
        return -0.5 * (df * math.log(q / df) + log_det_v + log_det_a)

    def fit(self) -> REMLFit:
        """Maximise the REML likelihood over ``rho`` in ``[0, 1)``."""
        # scipy's bounded minimize_scalar, step for step, without importing scipy.optimize.
        rho, neg_ll = brent_minimum(lambda r: -self.loglik(r), 0.0, _RHO_MAX, xatol=1e-10)
        ll = -neg_ll
        if self.loglik(0.0) >= ll:  # the maximum sits on the boundary τ² = 0
            rho, ll = 0.0, self.loglik(0.0)
        beta, a, q, _ = self._parts(rho)
        sigma2 = q / (self.n_obs - self.p)
        return REMLFit(
            beta=beta + self._shift,
            cov_beta=sigma2 * np.linalg.inv(a),
            sigma2=sigma2,
            tau2=sigma2 * rho / (1 - rho),
            rho=rho,
            loglik=ll,
        )

    def rho_interval(self, fit: REMLFit, level: float) -> tuple[float, float]:
        """Profile-likelihood interval for the ICC: ``{ρ: 2(ℓ̂ − ℓ(ρ)) ≤ χ²₁(level)}``."""
        crit = float(chi2_ppf(level, 1)) / 2

        def gap(r: float) -> float:
            return fit.loglik - self.loglik(r) - crit

        low = 0.0 if gap(0.0) <= 0 else brent_root(gap, 0.0, fit.rho, xtol=1e-10)
        high = 1.0 if gap(_RHO_MAX) <= 0 else brent_root(gap, fit.rho, _RHO_MAX, xtol=1e-10)
        return float(low), float(high)
