"""From a control's value change to the updated chart: the six explorers vs interact + matplotlib.

For each explorer one control is moved through ``--changes`` values (a sweep up and down
its range, as a learner drags a slider). A change is timed from setting the ipywidgets
control's ``value`` to the explorer's live chart (``explorer.chart.spec``) holding the new
spec, plus ``json.dumps`` of that spec, which stands in for the comm message a kernel
would send. The explorer's cache is emptied before every change, so each one recomputes
its science from scratch ("cold"), as the peer does.

The peer is the usual notebook idiom: ``ipywidgets.interactive`` calling a function that
runs the same science on the new value and draws an equivalent matplotlib figure (Agg),
rendered to PNG as the inline backend does on every call.

The explorer's time ends when the new spec is ready to send to the browser, which then
redraws it with Vega (that redraw is not timed here); the peer's time includes drawing
the PNG. ``--extra`` adds the slow paths, with fewer changes: a new rupture rate (a new
study with a new measurement calibration) and a new number of therapists (the chart is
rebuilt, since its in-chart slider's range changes).

The table gives p50 and p95 in milliseconds and the ratio explorer / peer (goal: ≤ 0.2).
Timings depend on the machine and its load; the script asserts nothing.

Run: ``.venv/bin/python benchmarks/bench_widgets.py [--changes 200] [--only Therapist]
[--extra]``
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import math
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import matplotlib

matplotlib.use("Agg")

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

import alliance_widgets as aw
from alliance_widgets.science.caseloads import caseload_table
from alliance_widgets.science.effects import correlation_ci
from alliance_widgets.science.feedback import feedback_signals
from alliance_widgets.science.feedback_courses import preset_course
from alliance_widgets.science.generator import simulate
from alliance_widgets.science.icc import therapist_icc
from alliance_widgets.science.multilevel import between_within_effects
from alliance_widgets.science.repair import improvement_by_repair, repair_share_by_client
from alliance_widgets.science.ruptures import detect_ruptures
from alliance_widgets.science.shares import rebalance
from alliance_widgets.science.simulate_implied import implied_outcome
from alliance_widgets.science.simulate_model import calibrate_measurement
from alliance_widgets.widgets.bordin import clinic_reference
from alliance_widgets.widgets.lambert import FACTORS


@dataclass
class Case:
    """One explorer, the control moved, and the matplotlib peer of its view."""

    explorer: str
    control: str  # the control's description
    low: float
    high: float
    step: float
    peer: Callable[[float], plt.Figure]
    changes: int | None = None  # fewer than --changes for a slow path
    # Empty the generator's measurement-calibration cache before each change, on both
    # sides: a new rupture rate needs a new calibration, and whichever side ran second
    # would otherwise find it done.
    cold_calibration: bool = False


def sweep(start: float, low: float, high: float, step: float, n: int) -> Iterator[float]:
    """``n`` values moving one step at a time up and down ``[low, high]`` from ``start``."""
    value, direction = start, 1
    for _ in range(n):
        if not low <= value + direction * step <= high:
            direction = -direction
        value = round(value + direction * step, 10)
        yield value


def walk(widget: Any) -> Iterator[Any]:
    yield widget
    for child in getattr(widget, "children", ()):
        yield from walk(child)


def control_of(explorer: Any, description: str) -> Any:
    for w in walk(explorer._controls_box):
        if getattr(w, "description", None) == description and hasattr(w, "value"):
            return w
    raise LookupError(description)


def png(fig: plt.Figure) -> int:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100)
    plt.close(fig)
    return buffer.tell()


# ----------------------------------------------------------------- the matplotlib peers
def peer_bordin(bond: float) -> plt.Figure:
    goals = tasks = 3.9
    composite = float(np.mean([bond, goals, tasks]))
    reference, _ = clinic_reference()
    quartiles = reference.quantile([0.25, 0.5, 0.75])
    out = implied_outcome(composite)
    fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.5))
    names = ["bond", "goals", "tasks", "composite"]
    left.barh(names, [bond, goals, tasks, composite], color="#0072B2")
    for i, name in enumerate(names):
        left.plot(quartiles[name], [i] * 3, "|k", markersize=14)
    left.set_xlim(1, 5)
    low, high = out.interval
    right.errorbar(
        [out.expected_improvement],
        [0],
        xerr=[[out.expected_improvement - low], [high - out.expected_improvement]],
        fmt="o",
    )
    right.set_title(f"expected {out.expected_improvement:.0f} points")
    return fig


def peer_lambert(relationship: float) -> plt.Figure:
    shares = rebalance(dict(aw.literature.LAMBERT_1992_SHARES.value), "relationship", relationship)
    fig, ax = plt.subplots(figsize=(7, 3.5))
    values = [shares[f] for f in FACTORS]
    ax.barh(list(FACTORS), values, color="#0072B2")
    for i, v in enumerate(values):
        ax.text(v + 1, i, f"{v:.0f} %", va="center")
    ax.set_xlim(0, 100)
    return fig


def peer_alliance_outcome(r: float) -> plt.Figure:
    study = simulate(
        alliance_outcome_r=r,
        n_therapists=20,
        clients_per_therapist=10,
        seed=2026,
        items=False,
        therapist_icc_alliance=0.0,
    )
    points = study.clients[["early_alliance", "improvement"]].head(200)
    est = correlation_ci(points["early_alliance"], points["improvement"])
    fig, ax = plt.subplots(figsize=(6.5, 4.2))
    above = points["early_alliance"] > 4.0
    ax.scatter(
        points["early_alliance"],
        points["improvement"],
        s=10,
        c=np.where(above, "#D55E00", "#999999"),
    )
    slope, intercept = np.polyfit(points["early_alliance"], points["improvement"], 1)
    xs = np.array([1.0, 5.0])
    ax.plot(xs, intercept + slope * xs, "k-", lw=2)
    ax.axvline(4.0, color="#D55E00", ls="--")
    ax.set_title(f"r = {est.value:.2f}")
    return fig


_RUPTURE_STUDY: dict[str, Any] = {}


def peer_ruptures(threshold: float) -> plt.Figure:
    if not _RUPTURE_STUDY:  # the notebook would simulate once, outside the callback
        study = simulate(seed=2026, items=False)
        _RUPTURE_STUDY["sessions"] = study.sessions
        _RUPTURE_STUDY["groups"] = improvement_by_repair(
            study.clients, repair_share_by_client(study.sessions)
        )
    sessions = _RUPTURE_STUDY["sessions"]
    rows = sessions[sessions["client_id"] == "C0007"]
    series = pd.Series(rows["alliance"].to_numpy(), index=rows["session"].to_numpy(dtype=int))
    found = detect_ruptures(series, threshold=threshold)
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 3.8))
    left.plot(found["session"], found["alliance"], "-o", color="#CC79A7")
    left.plot(found["session"], found["running_level"], ":", color="#999999")
    left.plot(found["session"], found["running_level"] - threshold, "--", color="#D55E00")
    hits = found[found["rupture"]]
    left.plot(hits["session"], hits["alliance"], "v", color="#D55E00", markersize=12)
    groups = _RUPTURE_STUDY["groups"]
    right.bar(groups["group"], groups["mean"], color="#0072B2")
    right.errorbar(
        groups["group"],
        groups["mean"],
        yerr=[groups["mean"] - groups["low"], groups["high"] - groups["mean"]],
        fmt="none",
        ecolor="k",
    )
    return fig


def peer_rupture_rate(rate: float) -> plt.Figure:
    study = simulate(seed=2026, rupture_rate=rate, items=False)
    _RUPTURE_STUDY["sessions"] = study.sessions
    _RUPTURE_STUDY["groups"] = improvement_by_repair(
        study.clients, repair_share_by_client(study.sessions)
    )
    return peer_ruptures(0.5)


def peer_n_therapists(n: float) -> plt.Figure:
    return peer_therapists(0.05, int(n))


def peer_therapists(icc: float, n_therapists: int = 20) -> plt.Figure:
    clients = simulate(
        n_therapists=n_therapists,
        clients_per_therapist=10,
        therapist_icc_outcome=icc,
        therapist_icc_alliance=0.06,
        seed=2026,
        items=False,
    ).clients
    caseloads = caseload_table(clients)
    icc_y = therapist_icc(clients, outcome="improvement")
    icc_a = therapist_icc(clients, outcome="early_alliance")
    effects = between_within_effects(clients)
    rank = dict(zip(caseloads["therapist_id"], caseloads["rank"], strict=True))
    x = clients["therapist_id"].astype(str).map(rank)
    fig = plt.figure(figsize=(9, 6.5))
    top = fig.add_subplot(2, 1, 1)
    top.scatter(x, clients["improvement"], s=8, c=np.where(x == 1, "#D55E00", "#999999"))
    top.plot(caseloads["rank"], caseloads["mean_improvement"], "_k", markersize=12)
    left, right = fig.add_subplot(2, 2, 3), fig.add_subplot(2, 2, 4)
    for i, e in enumerate((icc_y, icc_a)):
        left.errorbar([e.value], [i], xerr=[[e.value - e.low], [e.high - e.value]], fmt="o")
    for i, (_, row) in enumerate(effects.iterrows()):
        right.errorbar(
            [row["estimate"]],
            [i],
            fmt="o",
            xerr=[[row["estimate"] - row["ci_low"]], [row["ci_high"] - row["estimate"]]],
        )
    right.axvline(0, color="#666666", ls="--")
    return fig


def peer_feedback(intake: float) -> plt.Figure:
    scores = preset_course(intake, "not on track", 12, 1)
    course = feedback_signals(scores, intake=intake)
    fig, ax = plt.subplots(figsize=(7, 4))
    ax.fill_between(course["session"], course["lower"], course["upper"], color="#EEEEEE")
    ax.plot(course["session"], course["expected"], "--", color="#666666")
    ax.plot(course["session"], course["score"], "-k")
    colours = {"white": "#BBBBBB", "green": "#009E73", "yellow": "#E69F00", "red": "#D55E00"}
    ax.scatter(
        course["session"],
        course["score"],
        s=40,
        c=[colours.get(str(s), "#BBBBBB") for s in course["signal"]],
    )
    ax.axhline(aw.literature.OQ45_CLINICAL_CUTOFF.value, color="#0072B2", ls=":")
    return fig


CASES = [
    Case("BordinExplorer", "Bond", 1.0, 5.0, 0.05, peer_bordin),
    Case("LambertExplorer", "Relationship (%)", 0.0, 100.0, 1.0, peer_lambert),
    Case(
        "AllianceOutcomeExplorer",
        "True alliance–outcome r",
        -0.75,
        0.75,
        0.01,
        peer_alliance_outcome,
    ),
    Case("RuptureRepairExplorer", "Detection threshold", 0.1, 1.5, 0.05, peer_ruptures),
    Case(
        "TherapistEffectsExplorer",
        "Therapist share of improvement (ICC)",
        0.0,
        0.3,
        0.01,
        peer_therapists,
    ),
    Case("FeedbackExplorer", "Intake score (OQ-45)", 30.0, 150.0, 1.0, peer_feedback),
]
EXTRA_CASES = [
    Case("RuptureRepairExplorer", "Rupture rate", 0.0, 0.6, 0.05, peer_rupture_rate, 20, True),
    Case("TherapistEffectsExplorer", "Therapists", 5, 100, 1, peer_n_therapists, 20),
]


# ----------------------------------------------------------------- measuring
def time_explorer(case: Case, n: int) -> tuple[list[float], int]:
    explorer = getattr(aw, case.explorer)()
    explorer.raise_errors = True
    control = control_of(explorer, case.control)
    times, size = [], 0
    for value in sweep(float(control.value), case.low, case.high, case.step, n):
        explorer._memo.clear()
        if case.cold_calibration:
            calibrate_measurement.cache_clear()
        before = explorer.chart.spec
        start = time.perf_counter()
        control.value = value
        spec = explorer.chart.spec
        size = len(json.dumps(spec))
        times.append(time.perf_counter() - start)
        if spec is before:
            raise RuntimeError(f"{case.explorer}: the chart did not change at {value}")
    return times, size


def time_peer(case: Case, n: int, start: float) -> tuple[list[float], int]:
    sizes: list[int] = []
    slider = widgets.FloatSlider(min=case.low, max=case.high, step=case.step, value=start)
    # interactive() calls the function once on creation, as interact does on display.
    with contextlib.redirect_stdout(io.StringIO()):
        widgets.interactive(lambda value: sizes.append(png(case.peer(value))), value=slider)
    times = []
    # Outside a kernel the Output widget's clear_output writes terminal escapes; drop them.
    with contextlib.redirect_stdout(io.StringIO()):
        for value in sweep(start, case.low, case.high, case.step, n):
            if case.cold_calibration:
                calibrate_measurement.cache_clear()
            begin = time.perf_counter()
            slider.value = value
            times.append(time.perf_counter() - begin)
    return times, sizes[-1]


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return 1000 * ordered[min(len(ordered) - 1, math.ceil(q * len(ordered)) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=200)
    parser.add_argument("--only", default="", help="run the explorers whose name contains this")
    parser.add_argument("--extra", action="store_true", help="add the slow paths")
    args = parser.parse_args()
    head = (
        f"{'explorer':<25} {'control':<38} {'n':>4} {'p50 ms':>7} {'p95 ms':>7} {'mpl p50':>8} "
        f"{'mpl p95':>8} {'ratio50':>7} {'ratio95':>7}  {'spec kB':>7} {'png kB':>6}  goal"
    )
    print("Explorer cache emptied before each change; times in ms")
    print(head)
    print("-" * len(head))
    for case in CASES + (EXTRA_CASES if args.extra else []):
        if args.only not in case.explorer:
            continue
        n = case.changes or args.changes
        ours, spec_size = time_explorer(case, n)
        start = float(control_of(getattr(aw, case.explorer)(), case.control).value)
        theirs, png_size = time_peer(case, n, start)
        r50 = pct(ours, 0.5) / pct(theirs, 0.5)
        r95 = pct(ours, 0.95) / pct(theirs, 0.95)
        print(
            f"{case.explorer:<25} {case.control[:38]:<38} {n:4d} {pct(ours, 0.5):7.1f} "
            f"{pct(ours, 0.95):7.1f} {pct(theirs, 0.5):8.1f} {pct(theirs, 0.95):8.1f} "
            f"{r50:7.2f} {r95:7.2f}  {spec_size / 1000:7.1f} {png_size / 1000:6.1f}  "
            f"{'met' if r50 <= 0.2 and r95 <= 0.2 else 'NOT met'}"
        )


if __name__ == "__main__":
    main()
