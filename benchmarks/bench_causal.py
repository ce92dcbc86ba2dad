"""CausalExplorer: kernel-side update time per control (goal: p95 ≤ 50 ms for view changes).

A change is timed from setting the ipywidgets control's ``value`` (as a learner's click
or key press arrives in the kernel) to the explorer's live chart holding the new spec,
plus ``json.dumps`` of that spec, which stands in for the comm message the kernel sends.
The browser's redraw is not timed.

View changes (world, analysis, sample, rater) cycle through their options with the
worlds already simulated for the current seed, clients and dropout, as a learner meets
them after the first display. Re-simulations (dropout, clients, seed) empty the cache
before each change, so each one simulates and fits the four worlds from scratch; they
may take seconds and say so in the readout.

Timings depend on the machine and its load; the script asserts nothing.

Run: ``.venv/bin/python benchmarks/bench_causal.py [--changes 200] [--resims 3]``
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import time
from collections.abc import Iterator
from typing import Any

import alliance_widgets as aw

VIEW_CONTROLS = ("True world", "Analysis", "Sample", "Whose alliance rating")
RESIM_CONTROLS = {
    "Dropout after a weak alliance (0 = at random)": [0.5, 1.0, 0.0, 1.5],
    "Clients per world": [1000, 3000, 2000, 4000],
    "Seed": [1, 2, 3, 4],
}


def walk(widget: Any) -> Iterator[Any]:
    yield widget
    for child in getattr(widget, "children", ()):
        yield from walk(child)


def control_of(explorer: Any, description: str) -> Any:
    """The control shown with this label (the kit's accessible one where it has one)."""
    for control in walk(explorer._controls_box):
        if getattr(control, "description", None) == description:
            return control
    raise LookupError(description)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return 1000 * ordered[min(len(ordered) - 1, math.ceil(q * len(ordered)) - 1)]


def time_change(explorer: Any, control: Any, name: str, value: Any) -> float:
    before = explorer.chart.spec
    start = time.perf_counter()
    setattr(control, name, value)
    json.dumps(explorer.chart.spec)
    elapsed = time.perf_counter() - start
    if explorer.error:
        raise RuntimeError(explorer.error)
    if explorer.chart.spec is before:
        raise RuntimeError(f"the chart did not change at {value!r}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=200, help="changes per view control")
    parser.add_argument("--resims", type=int, default=3, help="changes per re-simulation")
    args = parser.parse_args()

    cls = aw.CausalExplorer  # imports the widget modules (altair, ipywidgets) untimed
    start = time.perf_counter()
    explorer = cls()
    explorer.raise_errors = True
    first = time.perf_counter() - start
    start = time.perf_counter()
    cls()
    second = time.perf_counter() - start
    print(
        f"First CausalExplorer in this process (4 worlds of {explorer.n_clients:,} clients "
        f"simulated and fitted, with the generator's one-time calibrations): {first:.2f} s; "
        f"a second one (calibrations cached, worlds simulated again): {second:.2f} s"
    )
    head = f"{'control':<50} {'kind':<12} {'n':>4} {'p50 ms':>8} {'p95 ms':>8}  goal"
    print(head)
    print("-" * len(head))
    for description in VIEW_CONTROLS:
        control = control_of(explorer, description)
        # The accessible control's index is what a browser sets (a ChoiceControl).
        n_options = len(control.labels)
        indices = itertools.cycle(range(n_options))
        next(indices)
        times = [
            time_change(explorer, control, "index", next(indices)) for _ in range(args.changes)
        ]
        control.index = 0
        p95 = pct(times, 0.95)
        print(
            f"{description:<50} {'view':<12} {len(times):4d} {pct(times, 0.5):8.1f} "
            f"{p95:8.1f}  {'met' if p95 <= 50 else 'NOT met'} (p95 ≤ 50 ms)"
        )
    for description, values in RESIM_CONTROLS.items():
        control = control_of(explorer, description)
        times = []
        for value in itertools.islice(itertools.cycle(values), args.resims):
            explorer._memo.clear()
            times.append(time_change(explorer, control, "value", value))
        print(
            f"{description[:50]:<50} {'re-simulate':<12} {len(times):4d} "
            f"{pct(times, 0.5):8.1f} {pct(times, 0.95):8.1f}  (shows a busy message)"
        )


if __name__ == "__main__":
    main()
