"""One-factor model by unweighted least squares, the measurement model behind omega.

:func:`one_factor_loadings` fits ``Σ ≈ λλᵀ + diag(ψ)`` to a covariance matrix;
:func:`alliance_widgets.science.mcdonald_omega` turns the fit into a reliability.

Examples
--------
>>> import numpy as np
>>> lam = np.array([0.9, 0.5])
>>> cov = np.outer(lam, lam) + np.diag(1 - lam**2)
>>> loadings, unique = one_factor_loadings(cov)
>>> float(np.prod(loadings).round(6))  # two items identify only the product λ₁λ₂
0.45
"""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = ["one_factor_loadings"]


def one_factor_loadings(
    cov: np.ndarray, *, tol: float = 1e-10, max_iter: int = 1000
) -> tuple[np.ndarray, np.ndarray]:
    """Fit one factor to a covariance matrix by unweighted least squares.

    The loadings minimise the squared off-diagonal residuals ``Σ_{i≠j}(s_ij − λ_iλ_j)²``
    (ULS, also called MINRES). A few iterated principal-axis steps give a start and
    Newton's method on the stationarity equations finishes in a handful of steps; if
    Newton fails, or would make a unique variance negative (a Heywood case), the
    principal-axis iteration runs to convergence instead, keeping every unique variance
    at or above zero.

    Parameters
    ----------
    cov : 2-D array
        A square covariance (or correlation) matrix of at least 2 items, finite and
        symmetric; a malformed one raises ``ValueError`` naming ``cov``.
    tol : float, default 1e-10
        Convergence tolerance on the gradient and on the communalities.
    max_iter : int, default 1000
        Most principal-axis iterations when Newton's method is not used.

    Returns
    -------
    (loadings, uniquenesses)
        On the covariance metric; loadings have a positive sum.

    Examples
    --------
    >>> lam = np.array([0.8, 0.7, 0.6])
    >>> cov = np.outer(lam, lam) + np.diag(1 - lam**2)
    >>> np.round(one_factor_loadings(cov)[0], 6)
    array([0.8, 0.7, 0.6])
    """
    s = _covariance(cov)
    diag = np.diag(s).copy()
    lam = _principal_axes(s, diag, _start(s, diag), tol, 5)
    newton = _newton(s, lam, tol)
    if newton is not None and np.all(newton**2 <= diag):
        lam = newton
    else:
        lam = _principal_axes(s, diag, lam**2, tol, max_iter)
    if lam.sum() < 0:
        lam = -lam
    return lam, diag - lam**2


def _covariance(cov: Any) -> np.ndarray:
    try:
        s = np.asarray(cov, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"cov must be a square table of numbers; got {cov!r}.") from None
    if s.ndim != 2 or s.shape[0] != s.shape[1] or s.shape[0] < 2:
        raise ValueError(
            f"cov must be a square covariance matrix of at least 2 items; got shape {s.shape}."
        )
    if not np.all(np.isfinite(s)):
        raise ValueError("cov must hold finite numbers; got NaN or an infinite value.")
    if not np.allclose(s, s.T) or np.any(np.diag(s) < 0):
        raise ValueError(
            "cov must be a covariance matrix: symmetric, with variances (the diagonal) ≥ 0."
        )
    return s


def _start(s: np.ndarray, diag: np.ndarray) -> np.ndarray:
    # Squared multiple correlations (on the covariance metric): the usual starting
    # communalities of principal-axis factoring.
    try:
        communal = diag - 1 / np.diag(np.linalg.inv(s))
    except np.linalg.LinAlgError:
        communal = diag * 0.5
    return np.clip(communal, 0, diag)


def _principal_axes(
    s: np.ndarray, diag: np.ndarray, communal: np.ndarray, tol: float, max_iter: int
) -> np.ndarray:
    lam = np.sqrt(communal)
    reduced = s.copy()
    for _ in range(max_iter):
        np.fill_diagonal(reduced, communal)
        vals, vecs = np.linalg.eigh(reduced)
        lam = vecs[:, -1] * np.sqrt(max(vals[-1], 0.0))
        new = np.minimum(lam**2, diag)
        done = np.max(np.abs(new - communal)) < tol
        communal = new
        if done:
            break
    # A Heywood case: truncate the offending loadings so no unique variance is negative.
    return np.sign(lam) * np.sqrt(np.minimum(lam**2, diag))


def _newton(s: np.ndarray, lam: np.ndarray, tol: float) -> np.ndarray | None:
    off = s - np.diag(np.diag(s))
    for _ in range(50):
        q = lam @ lam
        grad = off @ lam - lam * (q - lam**2)
        if np.max(np.abs(grad)) < tol:
            return lam
        jac = off - np.diag(q - lam**2) - 2 * np.outer(lam, lam) + 2 * np.diag(lam**2)
        try:
            lam = lam - np.linalg.solve(jac, grad)
        except np.linalg.LinAlgError:
            return None
        if not np.all(np.isfinite(lam)):
            return None
    return None
