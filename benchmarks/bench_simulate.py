"""Timings of the generator and the dataset build, and the targets recovered at 10,000 clients.

Prints (asserts nothing; the machines here are shared and noisy):

* the median time to simulate the default study (200 clients, with items);
* the time to simulate a 10,000-client study (1,000 therapists x 10), with and without
  the long items table;
* the time of a full ``alliance-kit datasets build`` into a temporary folder;
* the parameters an independent analysis (numpy / statsmodels, not the kit's estimators)
  recovers from the 10,000-client default study, beside the generator's targets — the
  same estimators as ``tests/test_simulate_calibration.py``.

Run: ``.venv/bin/python benchmarks/bench_simulate.py [--runs 5]``
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import statsmodels.formula.api as smf

from alliance_widgets.datasets.build import build
from alliance_widgets.science.generator import Study, simulate

KEYS = {"bond": [3, 5, 7, 9], "goals": [4, 6, 8, 11], "tasks": [1, 2, 10, 12]}


def timed(fn: Any, runs: int) -> tuple[float, Any]:
    times, out = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), out


def mixedlm(formula: str, data: pd.DataFrame) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return smf.mixedlm(formula, data, groups="tid").fit(reml=True, method=["powell", "lbfgs"])


def icc(values: pd.Series, tid: pd.Series) -> float:
    y = values.astype(float)
    fit = mixedlm("y ~ 1", pd.DataFrame({"y": (y - y.mean()) / y.std(), "tid": tid}))
    tau2 = float(fit.cov_re.iloc[0, 0])
    return tau2 / (tau2 + float(fit.scale))


def recovered(s: Study) -> list[tuple[str, float, float]]:
    c, p, m = s.clients, s.params, s.model
    tid = c["therapist_id"].astype(str)
    rows = [
        (
            "alliance-outcome r",
            float(np.corrcoef(c["early_alliance"], c["improvement"])[0, 1]),
            m.alliance_outcome_r,
        ),
        ("therapist ICC, improvement", icc(c["improvement"], tid), m.therapist_icc_outcome),
        (
            "therapist ICC, early alliance",
            icc(c["early_alliance"], tid),
            p["therapist_icc_alliance"],
        ),
    ]
    sd = c["improvement"].std()
    data = pd.DataFrame({"y": c["improvement"] / sd, "a": c["early_alliance"], "tid": tid})
    data["mean"] = data.groupby("tid")["a"].transform("mean")
    data["centred"] = data["a"] - data["mean"]
    fit = mixedlm("y ~ mean + centred", data)
    rows += [
        ("between-therapist effect", fit.params["mean"] * sd, m.between_therapist_effect),
        ("within-therapist effect", fit.params["centred"] * sd, m.within_therapist_effect),
    ]
    assert s.items is not None
    first = s.items[s.items["session"] == 1]
    wide = first.pivot(index="client_id", columns="item", values="response")
    x = wide.to_numpy(float)
    k = x.shape[1]
    cov = np.cov(x, rowvar=False)
    alpha = k / (k - 1) * (1 - np.trace(cov) / cov.sum())
    sub = {name: wide[cols].mean(axis=1) for name, cols in KEYS.items()}
    rows += [
        ("item alpha (session 1)", float(alpha), p["item_alpha"]),
        ("r goals-tasks", float(np.corrcoef(sub["goals"], sub["tasks"])[0, 1]), p["r_goals_tasks"]),
        ("r bond-goals", float(np.corrcoef(sub["bond"], sub["goals"])[0, 1]), p["r_bond_others"]),
        ("rupture rate", float(s.sessions["rupture"].mean()), p["rupture_rate"]),
        (
            "repair rate",
            float(s.sessions.loc[s.sessions["rupture"], "repaired"].astype(bool).mean()),
            p["repair_rate"],
        ),
    ]
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs

    t, _ = timed(lambda: simulate(), runs)
    print(f"simulate(), default study (200 clients, items)   median {t:7.3f} s")
    big = {"n_therapists": 1000, "clients_per_therapist": 10}
    t, _ = timed(lambda: simulate(items=False, **big), max(1, runs // 2))
    print(f"simulate(), 10,000 clients, no items             median {t:7.3f} s")
    t, study = timed(lambda: simulate(**big), 1)
    print(f"simulate(), 10,000 clients, with items           once   {t:7.3f} s")
    with tempfile.TemporaryDirectory() as tmp:
        t, _ = timed(lambda: build([], Path(tmp) / f"d{time.perf_counter_ns()}"), 1)
        size = sum(f.stat().st_size for f in Path(tmp).rglob("*") if f.is_file())
    print(f"datasets build (all, into a temp folder)         once   {t:7.3f} s, {size:,} bytes")

    print("\nrecovered from the 10,000-client default study (seed 2026):")
    print(f"  {'parameter':32s} {'estimate':>9s} {'target':>9s}")
    for name, estimate, target in recovered(study):
        print(f"  {name:32s} {estimate:9.3f} {target:9.3f}")


if __name__ == "__main__":
    main()
