"""Timings of the science toolkit's estimators on widget-sized and lesson-sized data.

Targets (issue 4): a widget refit must feel instant, so the estimators a slider drives
should take well under 0.3 s on a study of about 300 clients:

* ``therapist_icc`` (REML + profile-likelihood interval) on 300 clients: < 0.3 s;
* ``between_within_effects`` (the kit's profiled REML) on 300 clients: < 0.3 s;
* ``detect_ruptures_by_client`` on ~3,600 sessions: < 0.3 s;
* ``score_wai_sr`` on ~44,000 long-form answers: < 0.3 s;
* ``mcdonald_omega`` (1,000 bootstrap refits) on 300 × 12 items: < 1 s.

Data are synthetic and built here (numpy only), so the script does not depend on the
study generator. It prints medians over repeated runs and whether each target is met;
it asserts nothing (machines here are noisy and shared).

Run: ``.venv/bin/python benchmarks/bench_science.py [--runs 7]``
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

import numpy as np
import pandas as pd

from alliance_widgets.science import (
    between_within_effects,
    cronbach_alpha,
    detect_ruptures_by_client,
    feedback_signals,
    mcdonald_omega,
    multilevel_summary,
    score_wai_sr,
    therapist_icc,
)


def clients(n_therapists: int, caseload: int, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    tid = np.repeat(np.arange(n_therapists), caseload)
    alliance = 4 + rng.normal(size=n_therapists)[tid] * 0.2 + rng.normal(size=tid.size) * 0.6
    improvement = 15 + 7 * (alliance - 4) + rng.normal(size=n_therapists)[tid] * 3
    improvement += rng.normal(size=tid.size) * 15
    return pd.DataFrame(
        {"therapist_id": tid, "early_alliance": alliance, "improvement": improvement}
    )


def sessions(n_clients: int, n_sessions: int, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    level = 3.9 + rng.normal(size=(n_clients, 1)) * 0.5
    x = np.clip(level + rng.normal(size=(n_clients, n_sessions)) * 0.35, 1, 5)
    return pd.DataFrame(
        {
            "client_id": np.repeat(np.arange(n_clients), n_sessions),
            "session": np.tile(np.arange(1, n_sessions + 1), n_clients),
            "alliance": x.ravel(),
        }
    )


def items_long(n_rows: int, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    wide = np.clip(
        np.rint(4 + rng.normal(size=(n_rows, 1)) * 0.6 + rng.normal(size=(n_rows, 12)) * 0.5), 1, 5
    )
    return pd.DataFrame(
        {
            "client_id": np.repeat(np.arange(n_rows), 12),
            "item": np.tile(np.arange(1, 13), n_rows),
            "response": wide.ravel().astype(int),
        }
    )


def median_time(func: Callable[[], object], runs: int) -> float:
    func()  # warm up imports and caches
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        func()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    c300 = clients(30, 10)
    c3000 = clients(300, 10)
    s3600 = sessions(300, 12)
    answers = items_long(3653)
    wide = answers.pivot_table(index="client_id", columns="item", values="response").iloc[:300]
    scores = 90 - np.arange(20) * 1.5
    cases: list[tuple[str, Callable[[], object], float]] = [
        ("therapist_icc, 300 clients", lambda: therapist_icc(c300), 0.3),
        ("therapist_icc, 3,000 clients", lambda: therapist_icc(c3000), 0.3),
        ("between_within_effects, 300 clients", lambda: between_within_effects(c300), 0.3),
        ("multilevel_summary, 300 clients", lambda: multilevel_summary(c300), 0.5),
        (
            "detect_ruptures_by_client, 3,600 sessions",
            lambda: detect_ruptures_by_client(s3600),
            0.3,
        ),
        ("score_wai_sr, 43,836 answers", lambda: score_wai_sr(answers), 0.3),
        ("cronbach_alpha, 300 × 12", lambda: cronbach_alpha(wide), 0.3),
        ("mcdonald_omega, 300 × 12, 1,000 bootstraps", lambda: mcdonald_omega(wide), 1.0),
        ("feedback_signals, 20 sessions", lambda: feedback_signals(scores), 0.3),
    ]
    width = max(len(name) for name, _, _ in cases)
    print(f"{'case':<{width}}  median (s)  target (s)  met")
    for name, func, target in cases:
        t = median_time(func, runs)
        print(f"{name:<{width}}  {t:10.4f}  {target:10.2f}  {'yes' if t < target else 'NO'}")


if __name__ == "__main__":
    main()
