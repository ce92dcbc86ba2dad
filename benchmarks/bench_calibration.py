"""Recovered-vs-target table of the generator's calibration at 10,000 clients.

For every scenario of ``tests/test_simulate_calibration.py`` (the same seeds, the same
independent estimators: numpy, statsmodels MixedLM, van Zyl's alpha SE), print each
target, its estimate, the standard error of a 10,000-client study and
``z = (estimate - target) / SE``. With ``--replicates R`` each scenario is also simulated
with R further seeds, and the table adds the mean estimate and ``bias / SE``: the
generator's bias in units of one study's SE, with its own uncertainty ``1 / sqrt(R)``.
That tells a calibration error (the bias stays put as R grows) from a seed that happened
to land beyond 2 SE (the seed's z is large, the bias is not). At a target of 0 (the
``icc_000`` scenario) REML cannot go below 0, so the mean ICC sits about 0.4 SE above 0
with an unbiased generator.

Usage::

    python benchmarks/bench_calibration.py                  # the tests' seeds, ~30 s
    python benchmarks/bench_calibration.py --replicates 20  # + bias over 20 studies each
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import test_simulate_calibration as cal

from alliance_widgets.science.generator import Study, simulate

Row = tuple[float, float, float, bool]  # target, estimate, SE, compared on Fisher's z


def estimates(s: Study, name: str) -> dict[str, Row]:
    """Every check of the calibration test for one study, as (target, estimate, SE, fisher)."""
    c, m, p = s.clients, s.model, s.params
    rows: dict[str, Row] = {}
    r = float(np.corrcoef(c["early_alliance"], c["improvement"])[0, 1])
    rows["alliance_outcome_r"] = (m.alliance_outcome_r, r, 1 / np.sqrt(cal.N - 3), True)
    for label, column, target in (
        ("icc_outcome", "improvement", m.therapist_icc_outcome),
        ("icc_alliance", "early_alliance", p["therapist_icc_alliance"]),
    ):
        est = cal.mixedlm_icc(c[column], c["therapist_id"])
        rows[label] = (target, est, cal.icc_se(target), False)
    sd = c["improvement"].std()
    data = pd.DataFrame(
        {
            "y": c["improvement"].astype(float) / sd,
            "a": c["early_alliance"],
            "tid": c["therapist_id"].astype(str),
        }
    )
    data["mean"] = data.groupby("tid")["a"].transform("mean")
    data["centred"] = data["a"] - data["mean"]
    fit = cal.mixedlm("y ~ mean + centred", data)
    rows["between_effect"] = (
        m.between_therapist_effect,
        fit.params["mean"] * sd,
        fit.bse["mean"] * sd,
        False,
    )
    rows["within_effect"] = (
        m.within_therapist_effect,
        fit.params["centred"] * sd,
        fit.bse["centred"] * sd,
        False,
    )
    if s.items is not None:
        wide = cal.session1_items(s)
        alpha, se = cal.cronbach_alpha_with_se(wide.to_numpy(float))
        rows["item_alpha"] = (p["item_alpha"], alpha, se, False)
        keys = {"bond": [3, 5, 7, 9], "goals": [4, 6, 8, 11], "tasks": [1, 2, 10, 12]}
        sub = {k: wide[cols].mean(axis=1) for k, cols in keys.items()}
        fisher = 1 / np.sqrt(cal.N - 3)
        for label, a, b, target in (
            ("r_goals_tasks", "goals", "tasks", p["r_goals_tasks"]),
            ("r_bond_goals", "bond", "goals", p["r_bond_others"]),
            ("r_bond_tasks", "bond", "tasks", p["r_bond_others"]),
        ):
            rows[label] = (target, float(np.corrcoef(sub[a], sub[b])[0, 1]), fisher, True)
        rupture = s.sessions["rupture"].to_numpy()
        q, pr = p["repair_rate"], p["rupture_rate"]
        rows["rupture_rate"] = (pr, rupture.mean(), np.sqrt(pr * (1 - pr) / rupture.size), False)
        repaired = s.sessions.loc[s.sessions["rupture"], "repaired"].astype(bool)
        rows["repair_rate"] = (q, repaired.mean(), np.sqrt(q * (1 - q) / repaired.size), False)
    total = c["improvement"].var()
    for factor, share in m.factors.items():
        t = share / 100
        se = np.sqrt(4 * t**2 * (1 - t) / cal.N)
        rows[f"share_{factor}"] = (t, c[factor].var() / total, se, False)
    return rows


def z_of(row: Row) -> float:
    target, est, se, fisher = row
    if fisher:
        return float((np.arctanh(est) - np.arctanh(target)) / se)
    return float((est - target) / se)


def run(replicates: int) -> None:
    print(f"Calibration at {cal.N:,} clients ({cal.J} therapists x {cal.K}); SE of one study.")
    print("Correlations: SE and z on Fisher's z scale. |z| > 2 is flagged with '*'.")
    head = f"{'scenario':14s}{'target':24s}{'value':>9s}{'estimate':>10s}{'SE':>9s}{'z':>7s}"
    if replicates:
        head += f"{'mean of ' + str(replicates):>13s}{'bias/SE':>9s}{'±':>6s}"
    print(head)
    for name in cal.CONFIGS:
        kw = {"items": False, **cal.CONFIGS[name]}
        t0 = time.perf_counter()
        seed_rows = estimates(cal.study(name), name)
        reps: dict[str, list[float]] = {k: [] for k in seed_rows}
        for i in range(replicates):
            extra = simulate(
                n_therapists=cal.J, clients_per_therapist=cal.K, seed=50_000 + 97 * i, **kw
            )
            for k, row in estimates(extra, name).items():
                reps[k].append(z_of(row))
        for k, row in seed_rows.items():
            target, est, se, fisher = row
            z = z_of(row)
            line = f"{name:14s}{k:24s}{target:9.4f}{est:10.4f}{se:9.4f}{z:7.2f}"
            line += "*" if abs(z) > 2 else " "
            if replicates:
                zs = np.array(reps[k])
                mean_est = np.mean(
                    [
                        np.tanh(np.arctanh(target) + zz * se) if fisher else target + zz * se
                        for zz in zs
                    ]
                )
                line += f"{mean_est:12.4f}{zs.mean():9.2f}{1 / np.sqrt(replicates):6.2f}"
            print(line, flush=True)
        print(f"{'':14s}({time.perf_counter() - t0:.1f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replicates", type=int, default=0, help="extra studies per scenario")
    run(parser.parse_args().replicates)


if __name__ == "__main__":
    main()
