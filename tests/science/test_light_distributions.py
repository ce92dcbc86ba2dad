"""The light distribution functions return what the scipy.stats calls they replace return."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from scipy import stats

from alliance_widgets.science import distributions as d

# Probabilities from the far tails to the middle, and the levels the kit uses.
Q = np.array([1e-300, 1e-15, 1e-8, 1e-4, 0.0005, 0.005, 0.025, 0.05, 0.1, 0.25, 0.5])
Q = np.concatenate([Q, 1 - Q[1:], [0.9, 0.95, 0.975, 0.99, 0.995]])
DFS = [1, 2, 3, 5, 9, 29, 100, 1000, 1e5]


def same(light: object, reference: object) -> None:
    """Equal to 1e-12 relative (both are the same special function; NaN and inf as well)."""
    np.testing.assert_allclose(
        np.asarray(light, dtype=float), np.asarray(reference, dtype=float), rtol=1e-12, atol=0
    )


def test_normal_ppf_matches_scipy_stats_including_edges() -> None:
    q = np.concatenate([Q, [0.0, 1.0, -0.1, 1.1, np.nan]])
    same(d.normal_ppf(q), stats.norm.ppf(q))
    same(d.normal_ppf(0.975), stats.norm.ppf(0.975))
    assert isinstance(d.normal_ppf(0.975), np.float64)
    assert d.normal_ppf(q[:30].reshape(5, 6)).shape == (5, 6)


@pytest.mark.parametrize(("loc", "scale"), [(0.0, 1.0), (12.3, 7.5), (-4.0, 1e-3), (1e6, 50.0)])
def test_normal_cdf_and_sf_match_scipy_stats(loc: float, scale: float) -> None:
    x = loc + scale * np.array(
        [-40.0, -8.0, -1.96, -0.5, 0.0, 0.3, 1.0, 5.0, 38.0, np.inf, -np.inf]
    )
    same(d.normal_cdf(x, loc=loc, scale=scale), stats.norm.cdf(x, loc=loc, scale=scale))
    same(d.normal_sf(x, loc=loc, scale=scale), stats.norm.sf(x, loc=loc, scale=scale))


def test_normal_sf_of_large_z_keeps_its_tail() -> None:
    # 2 * sf(|z|) is the multilevel p-value: it must not round to 0 where scipy does not.
    z = np.array([10.0, 20.0, 37.0])
    same(2 * d.normal_sf(z), 2 * stats.norm.sf(z))
    assert (d.normal_sf(z) > 0).all()


@pytest.mark.parametrize("df", DFS)
def test_t_ppf_matches_scipy_stats(df: float) -> None:
    same(d.t_ppf(Q, df), stats.t.ppf(Q, df))


@pytest.mark.parametrize("dfn", [1, 2, 4, 19, 99, 1000])
@pytest.mark.parametrize("dfd", [1, 3, 20, 285, 5000])
def test_f_ppf_and_isf_match_scipy_stats(dfn: int, dfd: int) -> None:
    q = Q[(Q > 1e-10) & (Q < 1 - 1e-10)]
    same(d.f_ppf(q, dfn, dfd), stats.f.ppf(q, dfn, dfd))
    same(d.f_isf(q, dfn, dfd), stats.f.isf(q, dfn, dfd))


@pytest.mark.parametrize("df", DFS)
def test_chi2_ppf_matches_scipy_stats(df: float) -> None:
    same(d.chi2_ppf(Q, df), stats.chi2.ppf(Q, df))


@pytest.mark.parametrize(
    ("reference", "score"),
    [
        ([1.0, 2.0, 3.0, 4.0], 3.0),
        ([1.0, 2.0, 2.0, 2.0, 4.0], 2.0),
        ([5.0], 5.0),
        ([5.0], 1.0),
        ([5.0], 9.0),
        (np.arange(1000) / 7.0, 71.3),
        (np.arange(1000) / 7.0, -np.inf),
        (np.arange(1000) / 7.0, np.inf),
        ([], 1.0),
        ([1.0, np.nan], 1.0),
        ([1.0, 2.0], np.nan),
    ],
)
def test_percentile_of_score_matches_scipy_stats(reference: list[float], score: float) -> None:
    expected = stats.percentileofscore(np.asarray(reference, dtype=float), score, kind="mean")
    same(d.percentile_of_score(reference, score), expected)
    assert isinstance(d.percentile_of_score(reference, score), float)


def test_random_inputs_match_scipy_stats() -> None:
    rng = np.random.default_rng(11)
    q = rng.uniform(size=200)
    df1, df2 = rng.integers(1, 400, size=200), rng.integers(1, 4000, size=200)
    same(d.t_ppf(q, df1), stats.t.ppf(q, df1))
    same(d.f_isf(q, df1, df2), stats.f.isf(q, df1, df2))
    same(d.chi2_ppf(q, df1), stats.chi2.ppf(q, df1))
    x, loc, scale = rng.normal(size=200) * 30, rng.normal(size=200), rng.uniform(0.1, 9, 200)
    same(d.normal_sf(x, loc, scale), stats.norm.sf(x, loc, scale))


LEARNER_PATH = """
import sys
import subprocess
import sys

import numpy as np
import pandas as pd
import alliance_widgets as aw
from alliance_widgets import science as s

for name in s._EXPORTS:  # every public science name, so every science module loads
    getattr(s, name)
for name in ("BordinExplorer", "LambertExplorer", "AllianceOutcomeExplorer",
             "RuptureRepairExplorer", "TherapistEffectsExplorer", "FeedbackExplorer"):
    getattr(aw, name)()
aw.CausalExplorer(n_clients=200)
rng = np.random.default_rng(0)
g = np.repeat(np.arange(20), 5)
a = rng.normal(size=100) + rng.normal(size=20)[g]
frame = pd.DataFrame({"therapist_id": g, "early_alliance": a,
                      "improvement": a + rng.normal(size=100) + rng.normal(size=20)[g]})
s.therapist_icc(frame, outcome="improvement")
s.anova_icc(frame, outcome="improvement")
s.between_within_effects(frame)
s.r_interval(0.3, 50)
s.cronbach_alpha(rng.normal(size=(30, 4)) + rng.normal(size=(30, 1)))
s.percentile_in([1.0, 2.0], 1.5)
s.implied_outcome(5.0)
clients = pd.DataFrame({"client_id": list("abcd"), "improvement": [10, 20, 12, 14.0]})
s.improvement_by_repair(clients, pd.Series({"b": 1.0, "c": 0.5, "d": 1.0}))
print("scipy.stats" in sys.modules, "statsmodels" in sys.modules)
"""


FIRST_CHART_PATH = """
import sys
import alliance_widgets as aw
from alliance_widgets import science as s
s.r_interval(0.3, 50)
s.implied_outcome(5.0)
aw.BordinExplorer()
print("scipy.special" in sys.modules)
"""


def test_a_lessons_first_chart_needs_no_scipy_special() -> None:
    # Importing scipy.special costs a kernel 0.3 s of CPU (it imports numpy.f2py); lesson
    # 01's first chart (an interval, then the Bordin explorer) needs only normal functions.
    done = subprocess.run(
        [sys.executable, "-c", FIRST_CHART_PATH], capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["False"]


def test_learner_path_never_imports_scipy_stats() -> None:
    # scipy.stats costs a learner's kernel ~60 MB and 0.6 s CPU (issue 11); statsmodels more.
    done = subprocess.run(
        [sys.executable, "-c", LEARNER_PATH], capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["False", "False"]
