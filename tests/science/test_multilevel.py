"""Therapist ICCs and between/within-therapist alliance effects, cross-checked."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pingouin as pg
import pytest
from statsmodels.regression.mixed_linear_model import MixedLM

from alliance_widgets.science import (
    anova_icc,
    between_within_effects,
    multilevel_summary,
    therapist_icc,
)
from alliance_widgets.science.reml import RandomIntercept


def _clients(n_therapists: int, caseload: int | np.ndarray, tau: float, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    sizes = np.broadcast_to(caseload, (n_therapists,))
    tid = np.repeat(np.arange(n_therapists), sizes)
    y = rng.normal(size=n_therapists)[tid] * tau + rng.normal(size=tid.size)
    return pd.DataFrame({"therapist_id": tid, "improvement": y})


@pytest.mark.filterwarnings("ignore::Warning:pingouin")
@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_balanced_reml_equals_anova_and_pingouin(seed: int) -> None:
    d = _clients(25, 4, 0.7, seed)
    reml = therapist_icc(d)
    anova = anova_icc(d)
    assert anova.value > 0
    assert reml.value == pytest.approx(anova.value, abs=1e-6)
    d["slot"] = d.groupby("therapist_id").cumcount()
    icc = pg.intraclass_corr(d, targets="therapist_id", raters="slot", ratings="improvement")
    row = icc.set_index("Type").loc["ICC(1,1)"]
    assert anova.value == pytest.approx(row["ICC"], abs=1e-9)
    assert (anova.low, anova.high) == pytest.approx(tuple(row["CI95"]), abs=6e-3)


@pytest.mark.parametrize("seed", [10, 11, 12])
def test_unbalanced_reml_agrees_with_statsmodels(seed: int) -> None:
    rng = np.random.default_rng(seed)
    d = _clients(40, rng.integers(1, 10, size=40), 0.6, seed)
    ours = therapist_icc(d)
    y = d.improvement.to_numpy()
    model = RandomIntercept(y, np.ones((y.size, 1)), d.therapist_id.to_numpy())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fit = MixedLM(d.improvement, np.ones(len(d)), groups=d.therapist_id).fit(reml=True)
    tau2 = float(np.asarray(fit.cov_re)[0, 0])
    sm_icc = tau2 / (tau2 + fit.scale)
    # Same model: the estimates agree, and ours is never a worse REML optimum.
    assert ours.value == pytest.approx(sm_icc, abs=2e-3)
    assert model.loglik(ours.value) >= model.loglik(sm_icc) - 1e-9
    # σ² at the optimum matches statsmodels' residual variance
    assert model.fit().sigma2 == pytest.approx(fit.scale, rel=1e-2)


def test_icc_at_the_boundary() -> None:
    # therapists identical on average and clients spread: ANOVA ICC < 0, REML ICC = 0
    d = pd.DataFrame(
        {"therapist_id": [1, 1, 2, 2, 3, 3], "improvement": [0.0, 10.0, 1.0, 9.0, 2.0, 8.0]}
    )
    assert anova_icc(d).value < 0
    e = therapist_icc(d)
    assert e.value == 0.0 and e.low == 0.0 and e.high > 0


def test_profile_interval_covers_the_truth() -> None:
    truth = 0.2  # tau² = 0.25 against sigma² = 1
    hits = [therapist_icc(_clients(40, 6, 0.5, s)).contains(truth) for s in range(60)]
    assert 0.85 <= np.mean(hits) <= 1.0


def test_interval_level_orders_widths() -> None:
    d = _clients(30, 5, 0.5, 4)
    w90, w99 = therapist_icc(d, level=0.9).width, therapist_icc(d, level=0.99).width
    assert w90 < w99


def test_missing_rows_are_dropped_and_counted() -> None:
    d = _clients(10, 5, 0.5, 5)
    d.loc[[0, 7], "improvement"] = np.nan
    d.loc[3, "therapist_id"] = np.nan
    assert therapist_icc(d).n == 47
    assert anova_icc(d).n == 47


@pytest.mark.parametrize(
    ("frame", "exc", "match"),
    [
        (
            pd.DataFrame({"therapist_id": [1, 1, 1], "improvement": [1.0, 2, 3]}),
            ValueError,
            "at least 2 therapists",
        ),
        (
            pd.DataFrame({"therapist_id": [1, 2, 3], "improvement": [1.0, 2, 3]}),
            ValueError,
            "single client",
        ),
        (
            pd.DataFrame({"therapist_id": [1, 1, 2, 2], "improvement": [5.0] * 4}),
            ValueError,
            "constant",
        ),
        (
            pd.DataFrame({"therapist": [1, 1, 2, 2], "improvement": [1.0, 2, 3, 4]}),
            ValueError,
            r"no column\(s\) \['therapist_id'\]",
        ),
        (
            pd.DataFrame({"therapist_id": [1, 1, 2, 2], "improvement": ["a", "b", "c", "d"]}),
            TypeError,
            "must hold numbers",
        ),
        (
            pd.DataFrame({"therapist_id": [], "improvement": []}),
            ValueError,
            "at least 2 therapists",
        ),
    ],
)
def test_icc_bad_input(frame: pd.DataFrame, exc: type, match: str) -> None:
    with pytest.raises(exc, match=match):
        therapist_icc(frame)


def test_icc_needs_a_dataframe() -> None:
    with pytest.raises(TypeError, match="data must be a DataFrame"):
        therapist_icc([[1, 2]])


def _alliance_study(
    seed: int, n_t: int = 80, k: int | np.ndarray = 5, b_b: float = 6.0, b_w: float = 2.0
) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    tid = np.repeat(np.arange(n_t), k)
    t_part = rng.normal(size=n_t)[tid] * 0.3
    c_part = rng.normal(size=tid.size)
    u = rng.normal(size=n_t)[tid] * 2.0
    y = b_b * t_part + b_w * c_part + u + rng.normal(size=tid.size) * 5
    return pd.DataFrame(
        {"therapist_id": tid, "early_alliance": 4 + t_part + c_part, "improvement": y}
    )


def test_within_slope_is_the_fixed_effects_slope() -> None:
    d = _alliance_study(1, k=np.random.default_rng(0).integers(2, 8, 80))
    bw = between_within_effects(d)
    # therapist-dummy regression (fixed effects): demean both within therapist
    g = d.groupby("therapist_id")
    x = d.early_alliance - g.early_alliance.transform("mean")
    y = d.improvement - g.improvement.transform("mean")
    fe = float((x * y).sum() / (x * x).sum())
    assert bw.loc["within", "estimate"] == pytest.approx(fe, abs=1e-5)


def test_between_slope_balanced_is_the_regression_of_means() -> None:
    d = _alliance_study(2)
    bw = between_within_effects(d)
    means = d.groupby("therapist_id")[["early_alliance", "improvement"]].mean()
    slope = np.polyfit(means.early_alliance, means.improvement, 1)[0]
    assert bw.loc["between", "estimate"] == pytest.approx(slope, abs=1e-5)


def test_effects_table_shape_and_recovery() -> None:
    d = _alliance_study(3, n_t=150, k=6, b_b=8.0, b_w=2.0)
    bw = between_within_effects(d)
    assert list(bw.index) == ["between", "within"]
    assert list(bw.columns) == ["estimate", "se", "ci_low", "ci_high", "p"]
    assert bw.loc["within", "ci_low"] < 2.0 < bw.loc["within", "ci_high"]
    # the between slope also carries the within part of a therapist's mean
    assert bw.loc["between", "ci_low"] < 8.0 < bw.loc["between", "ci_high"] + 3
    assert (bw.ci_low < bw.estimate).all() and (bw.estimate < bw.ci_high).all()
    assert bw.attrs["n_clients"] == 900 and bw.attrs["n_therapists"] == 150
    assert "Baldwin" in bw.attrs["source"]


def test_covariates_enter_the_model() -> None:
    d = _alliance_study(4)
    rng = np.random.default_rng(4)
    d["intake"] = rng.normal(80, 10, len(d))
    d["improvement"] += 0.5 * (d["intake"] - 80)
    plain = between_within_effects(d)
    adjusted = between_within_effects(d, covariates=["intake"])
    assert adjusted.loc["within", "se"] < plain.loc["within", "se"]


def test_effects_bad_input() -> None:
    d = _alliance_study(5, n_t=10, k=3)
    with pytest.raises(ValueError, match="does not vary within any therapist"):
        between_within_effects(
            d.assign(early_alliance=d.groupby("therapist_id").early_alliance.transform("mean"))
        )
    with pytest.raises(ValueError, match="at least 3 therapists with different mean"):
        between_within_effects(d[d.therapist_id < 2])
    with pytest.raises(ValueError, match="no column"):
        between_within_effects(d, alliance="wai")
    with pytest.raises(ValueError, match="level"):
        between_within_effects(d, level=1.5)


def _mixedlm_effects(d: pd.DataFrame, covariates: tuple[str, ...] = ()) -> pd.DataFrame:
    """The same model fitted by statsmodels' MixedLM: the independent check."""
    t_mean = d.groupby("therapist_id").early_alliance.transform("mean")
    exog = pd.DataFrame(
        {
            "const": 1.0,
            "between": t_mean - d.early_alliance.mean(),
            "within": d.early_alliance - t_mean,
        }
    )
    for c in covariates:
        exog[c] = d[c] - d[c].mean()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fit = MixedLM(d.improvement, exog, groups=d.therapist_id.to_numpy()).fit(reml=True)
    assert [str(w.message) for w in caught] == []
    rows = ["between", "within"]
    ci = fit.conf_int()
    return pd.DataFrame(
        {
            "estimate": fit.fe_params[rows],
            "se": fit.bse_fe[rows],
            "ci_low": ci.loc[rows, 0],
            "ci_high": ci.loc[rows, 1],
            "p": fit.pvalues[rows],
        }
    ).astype(float)


@pytest.mark.parametrize("covariates", [(), ("intake_outcome",)])
def test_effects_agree_with_statsmodels_mixedlm(covariates: tuple[str, ...]) -> None:
    from alliance_widgets.science.generator import simulate

    clients = simulate(
        n_therapists=60,
        clients_per_therapist=8,
        therapist_icc_outcome=0.2,
        therapist_icc_alliance=0.2,
        seed=5,
        items=False,
    ).clients
    ours = between_within_effects(clients, covariates=covariates)
    theirs = _mixedlm_effects(clients, covariates)
    cols = ["estimate", "se", "ci_low", "ci_high"]
    assert np.allclose(ours[cols], theirs[cols], rtol=1e-3, atol=1e-3)
    assert ours.attrs["n_therapists"] == 60 and ours.attrs["n_clients"] == 480


def test_the_old_reml_name_forwards_with_a_warning() -> None:
    from alliance_widgets.science.caseloads import between_within_reml

    d = _alliance_study(7, n_t=12, k=4)
    with pytest.warns(DeprecationWarning, match="between_within_effects"):
        old = between_within_reml(d)
    pd.testing.assert_frame_equal(old, between_within_effects(d))


def test_summary_is_built_from_the_parts() -> None:
    d = _alliance_study(6, n_t=30, k=4)
    table = multilevel_summary(d)
    icc = therapist_icc(d)
    bw = between_within_effects(d)
    assert table.loc["Therapist share of outcome variance (ICC)", "estimate"] == icc.value
    assert table.loc["Within-therapist alliance effect", "ci_high"] == bw.loc["within", "ci_high"]
    assert table.loc["Therapists", "estimate"] == 30
    assert table.loc["Clients", "estimate"] == 120
    assert table.loc["Mean caseload (clients per therapist)", "estimate"] == 4
    assert list(table.columns) == ["estimate", "ci_low", "ci_high", "meaning"]
