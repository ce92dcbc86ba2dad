"""How much of therapy outcome does each factor explain? Lambert's pie and what data say.

Lambert's (1992) 40/30/15/15 split is an informed judgement from a narrative review, not
a statistical estimate. The empirical alternatives are effect sizes turned into shares of
variance (``r²``; a ``d`` is first converted to ``r`` for two equal groups). Both come from
:mod:`alliance_widgets.literature`; nothing here writes a published number.

Examples
--------
>>> from alliance_widgets.science import lambert_shares, variance_explained
>>> float(lambert_shares()["relationship"])
30.0
>>> round(variance_explained(0.278) * 100, 1)
7.7
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from alliance_widgets import literature as lit
from alliance_widgets.science.effects import d_to_r
from alliance_widgets.science.validation import check_real, check_shares

__all__ = [
    "decompose_improvement",
    "empirical_estimates",
    "lambert_shares",
    "variance_explained",
]


def lambert_shares() -> pd.Series:
    """Lambert's (1992) four factors as percentages of improvement (as commonly reported).

    Returns
    -------
    pandas.Series
        Shares in %, indexed by factor; ``attrs`` holds ``source``, ``status`` and
        ``note`` from ``literature.LAMBERT_1992_SHARES``.

    Examples
    --------
    >>> lambert_shares()
    factor
    extratherapeutic    40.0
    relationship        30.0
    expectancy          15.0
    technique           15.0
    Name: share (%), dtype: float64
    """
    fig = lit.LAMBERT_1992_SHARES
    s = pd.Series(dict(fig.value), name="share (%)", dtype=float)
    s.index.name = "factor"
    s.attrs.update(source=fig.cite(), status=fig.status, note=fig.note)
    return s


def variance_explained(r: float) -> float:
    """The share of outcome variance a correlation explains, ``r²`` (a proportion 0–1).

    Parameters
    ----------
    r : float
        One correlation in [-1, 1] (for many at once use ``effects.r_to_r2``).

    Returns
    -------
    float
        ``r²``, rounded to 15 decimals so that ``0.3`` gives ``0.09`` exactly.

    Raises
    ------
    ValueError
        ``r`` outside [-1, 1] (a percentage such as 26 gets a hint) or NaN.
    TypeError
        Not a single number (text, True/False, an array).

    Examples
    --------
    >>> variance_explained(-0.3)
    0.09
    >>> variance_explained(26)
    Traceback (most recent call last):
    ...
    ValueError: r must be a correlation in [-1, 1]; got 26 (a percentage such as 26 % is r = 0.26).
    """
    if isinstance(r, (int, float)) and not isinstance(r, bool) and abs(r) > 1:
        raise ValueError(
            f"r must be a correlation in [-1, 1]; got {r!r} (a percentage such as 26 % is "
            "r = 0.26)."
        )
    x = check_real("r", r, low=-1, high=1)
    return round(x * x, 15)


def empirical_estimates() -> pd.DataFrame:
    """Empirical estimates of the share of outcome variance, one row per factor.

    Rows come from ``literature``: Wampold's (2015) d values (converted d → r → r²),
    the 2018 relationship-element correlations (Norcross & Lambert 2018, r²; the alliance's
    credited to its meta-analysis, Flückiger et al. 2018), therapist
    effects (Baldwin & Imel 2013), differences between treatments and therapy's total
    effect (Wampold & Imel 2015). A range is shown at its midpoint, with the range in
    ``note``.

    Returns
    -------
    pandas.DataFrame
        Columns ``factor``, ``measure`` (``"d"``, ``"r"`` or ``"%"``), ``reported``
        (the published value), ``r``, ``percent`` (share of variance, %), ``source``,
        ``status`` and ``note``.

    Examples
    --------
    >>> t = empirical_estimates()
    >>> row = t[(t.factor == "alliance") & (t.measure == "d")].iloc[0]
    >>> round(float(row.r), 3), round(float(row.percent), 1)
    (0.274, 7.5)
    >>> t.loc[t.factor == "psychotherapy vs no treatment", "percent"].item()
    13.0
    """
    rows: list[dict[str, Any]] = []
    w = lit.WAMPOLD_2015_D
    for name, d in w.value.items():
        r = float(d_to_r(d))
        rows.append(_row(name, "d", d, r, 100 * r * r, w, "r from d for two equal groups"))
    e = lit.ELEMENT_R_2018
    confirmed = set(e.extra.get("confirmed", ()))
    for name, r in e.value.items():
        if name == "alliance":
            # The compilation reprints Flückiger et al.'s meta-analysis: credit the study.
            a = lit.ALLIANCE_OUTCOME_R_2018
            note = f"reprinted in {e.cite()}"
            rows.append(_row(name, "r", r, r, 100 * r * r, a, note))
            continue
        status = "confirmed" if name in confirmed else e.status
        rows.append(_row(name, "r", r, r, 100 * r * r, e, "", status=status))
    for fig, name in (
        (lit.THERAPIST_EFFECTS, "therapist"),
        (lit.TREATMENT_DIFFERENCES, "differences between treatments"),
        (lit.THERAPY_TOTAL_EFFECT, "psychotherapy vs no treatment"),
    ):
        value = fig.value
        note = ""
        if isinstance(value, tuple):
            note = f"reported as a range {value[0]:g}–{value[1]:g} %; shown at its midpoint"
            value = (value[0] + value[1]) / 2
        pct = float(value)
        rows.append(_row(name, "%", fig.value, float(np.sqrt(pct / 100)), pct, fig, note))
    return pd.DataFrame(rows)


def _row(
    factor: str,
    measure: str,
    reported: Any,
    r: float,
    percent: float,
    fig: lit.Figure,
    note: str,
    *,
    status: str | None = None,
) -> dict[str, Any]:
    return {
        "factor": factor,
        "measure": measure,
        "reported": reported,
        "r": r,
        "percent": percent,
        "source": fig.cite(),
        "status": status or fig.status,
        "note": note,
    }


def decompose_improvement(
    clients: pd.DataFrame,
    factors: Sequence[str] | None = None,
    *,
    outcome: str = "improvement",
    targets: Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """Each factor's share of the variance of improvement in a (simulated) study.

    Two shares are given, in percent:

    - ``variance_share`` = ``var(factor) / var(improvement) × 100``: what the factor
      would explain alone if factors were uncorrelated. These add to 100 only when the
      factors are uncorrelated and improvement is exactly their sum.
    - ``covariance_share`` = ``cov(factor, improvement) / var(improvement) × 100``: the
      factor's part of the variance counting its covariance with the others (each
      covariance is split evenly between the two factors). These add to 100 whenever
      improvement is exactly the sum of the factors, correlated or not; a remainder is
      variance the listed factors do not account for.

    Parameters
    ----------
    clients : DataFrame
        One row per client with the ``outcome`` column and one column per factor.
    factors : sequence of str, optional
        Factor columns. By default, the Lambert factor names (extratherapeutic,
        relationship, expectancy, technique) found in ``clients``.
    outcome : str, default "improvement"
        The outcome column.
    targets : mapping of str to float, optional
        The shares (%) the study was generated with. By default Lambert's (1992) shares
        when the factors are Lambert's, otherwise none (``target_share`` is then NaN).

    Returns
    -------
    pandas.DataFrame
        Indexed by factor, columns ``variance_share``, ``covariance_share``,
        ``target_share`` (all %), plus a final row ``unexplained`` with the remainder
        ``100 − Σ covariance_share``. Rows missing the outcome or any factor are left
        out (``attrs["n"]`` counts the rows used). A constant factor explains nothing:
        both its shares are 0.

    Raises
    ------
    ValueError
        Fewer than 3 complete rows, a constant outcome (no variance to split), a
        missing or repeated column, the outcome listed as a factor, or an infinite value.
    TypeError
        ``clients`` not a DataFrame, ``factors`` not a list of names, or a column of text.

    Examples
    --------
    >>> import pandas as pd
    >>> f = pd.DataFrame({"a": [2, -2, 2, -2], "b": [1, 1, -1, -1]})  # uncorrelated
    >>> f["improvement"] = f.a + f.b
    >>> decompose_improvement(f, ["a", "b"]).round(1)
                 variance_share  covariance_share  target_share
    factor
    a                      80.0              80.0           NaN
    b                      20.0              20.0           NaN
    unexplained             NaN               0.0           NaN
    """
    if not isinstance(clients, pd.DataFrame):
        raise TypeError(f"clients must be a DataFrame; got {type(clients).__name__}.")
    if outcome not in clients.columns:
        raise ValueError(
            f"clients has no outcome column {outcome!r}; columns are {list(clients.columns)}."
        )
    lambert = list(lit.LAMBERT_1992_SHARES.value)
    if factors is None:
        factors = [f for f in lambert if f in clients.columns]
        if not factors:
            raise ValueError(
                "clients has none of Lambert's factor columns "
                f"({', '.join(lambert)}); pass factors=[...] naming the factor columns."
            )
    if isinstance(factors, str) or not isinstance(factors, Iterable):
        raise TypeError(f"factors must be a list of column names; got {factors!r}.")
    factors = list(factors)
    missing = [f for f in factors if f not in clients.columns]
    if missing or not factors:
        raise ValueError(
            f"factors must name columns of clients; {missing or factors} not found among "
            f"{list(clients.columns)}."
        )
    if len(set(factors)) < len(factors) or outcome in factors:
        raise ValueError(
            f"factors must name each column once, and not the outcome {outcome!r}; got {factors!r}."
        )
    if targets is None and set(factors) <= set(lambert):
        targets = dict(lit.LAMBERT_1992_SHARES.value)
    elif targets is not None:
        targets = check_shares("targets", targets) if len(targets) else {}
    data = _numeric(clients[[*factors, outcome]]).dropna()
    if len(data) < 3:
        raise ValueError(
            f"clients needs at least 3 rows with {outcome} and every factor present; got "
            f"{len(data)}."
        )
    v = float(data[outcome].var())
    if v == 0:
        raise ValueError(f"{outcome} is constant; there is no variance to decompose.")
    cov = data.cov().to_numpy()  # columns: the factors in order, then the outcome
    k = len(factors)
    out = pd.DataFrame(
        {
            "variance_share": 100 * np.diag(cov)[:k] / v,
            "covariance_share": 100 * cov[:k, k] / v,
            "target_share": [float((targets or {}).get(f, np.nan)) for f in factors],
        },
        index=pd.Index(factors, name="factor"),
    )
    out.loc["unexplained"] = [np.nan, 100 - out["covariance_share"].sum(), np.nan]
    out.attrs["n"] = len(data)
    return out


def _numeric(frame: pd.DataFrame) -> pd.DataFrame:
    """Columns as floats; text and infinities are errors naming the column."""
    out = frame.apply(pd.to_numeric, errors="coerce").astype(float)
    for col in frame.columns:
        text = out[col].isna() & frame[col].notna()
        if text.any():
            raise TypeError(f"column {col!r} must hold numbers; got {frame[col][text].iloc[0]!r}.")
        if np.isinf(out[col]).any():
            raise ValueError(f"column {col!r} must hold finite numbers; got an infinite value.")
    return out
