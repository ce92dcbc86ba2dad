"""Run every lesson notebook as a learner would and print time, size and kernel memory.

Budgets (issue 6): each notebook executes in at most 15 s and is stored in at most
300 KB; a whole course run (every lesson, one variant) takes at most 90 s. For each
stored notebook (``lessons/NN_*.ipynb`` and ``lessons/solutions/NN_*.ipynb``) the script
clears the outputs, executes it with nbclient in a fresh kernel of this interpreter, in
the notebook's own folder (as ``alliance-kit lessons build`` does), and prints:

* seconds, from starting the kernel to the last cell (what a learner waits through
  *Run All*, kernel start included);
* the stored size of the notebook file in KB;
* the kernel's CPU seconds (user + system, from ``getrusage`` in the kernel): on a shared
  machine this moves much less with the load than the wall-clock time does;
* the kernel's peak resident memory in MB (``getrusage`` ``ru_maxrss`` of the kernel
  process). Both are read by a probe cell run last and removed.

It writes nothing and asserts nothing: machines here are shared and noisy, so a line over
budget is flagged, not failed. The load average is printed with the results.

Run: ``.venv/bin/python benchmarks/bench_lessons.py [NN ...] [--variant learner|solutions|both]``
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat

from alliance_widgets.tools.lessons_build import MAX_KB, TIME_BUDGET_S, execute_notebook

LESSONS = Path(__file__).resolve().parents[1] / "lessons"
COURSE_BUDGET_S = 90.0
PROBE = (
    "import json as _j, resource as _r, sys as _s\n"
    "_u = _r.getrusage(_r.RUSAGE_SELF)\n"
    # ru_maxrss is in kilobytes on Linux, in bytes on macOS.
    "print(_j.dumps({'cpu': _u.ru_utime + _u.ru_stime, "
    "'rss_kb': _u.ru_maxrss // 1024 if _s.platform == 'darwin' else _u.ru_maxrss}))"
)


@dataclass(frozen=True)
class Run:
    """One executed notebook."""

    lesson: str
    variant: str
    seconds: float
    size_kb: float
    cpu_s: float | None
    peak_mb: float | None
    error: str = ""


def notebooks(wanted: list[str], variant: str) -> list[tuple[str, Path]]:
    """The stored notebooks to run, as (variant, path), lesson by lesson."""
    found = []
    for path in sorted(LESSONS.glob("[0-9][0-9]_*.ipynb")):
        if wanted and path.stem[:2] not in wanted:
            continue
        if variant in ("learner", "both"):
            found.append(("learner", path))
        solution = LESSONS / "solutions" / path.name
        if variant in ("solutions", "both") and solution.exists():
            found.append(("solutions", solution))
    return found


def run_one(variant: str, path: Path) -> Run:
    """Execute one stored notebook from scratch (outputs cleared); nothing is written."""
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    nb.cells.append(nbformat.v4.new_code_cell(PROBE))
    size_kb = path.stat().st_size / 1024
    try:
        _, seconds, _ = execute_notebook(nb, path.parent)
    except Exception as exc:  # report a failing lesson and go on with the rest
        return Run(path.stem, variant, float("nan"), size_kb, None, None, type(exc).__name__)
    probe = nb.cells.pop()
    usage = json.loads("".join(o.get("text", "") for o in probe.outputs))
    return Run(path.stem, variant, seconds, size_kb, usage["cpu"], usage["rss_kb"] / 1024)


def flags(run: Run) -> str:
    """What is over budget on this line."""
    out = []
    if run.error:
        out.append(f"FAILED ({run.error})")
    if run.seconds > TIME_BUDGET_S:
        out.append(f"over {TIME_BUDGET_S:g} s")
    if run.size_kb > MAX_KB:
        out.append(f"over {MAX_KB} KB")
    return "; ".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lessons", nargs="*", metavar="NN", help="lesson numbers (default all)")
    parser.add_argument("--variant", choices=("learner", "solutions", "both"), default="both")
    args = parser.parse_args()
    todo = notebooks([w.zfill(2) for w in args.lessons], args.variant)
    if not todo:
        sys.exit(f"no lesson notebooks match {args.lessons} in {LESSONS}")
    print(f"python {sys.version.split()[0]}; {os.cpu_count()} CPUs; load average before: "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}")  # fmt: skip
    print(f"budgets: {TIME_BUDGET_S:g} s and {MAX_KB} KB per notebook, "
          f"{COURSE_BUDGET_S:g} s per course run\n")  # fmt: skip
    print(f"{'lesson':36} {'variant':9} {'time (s)':>8} {'CPU (s)':>7} {'size (KB)':>9} "
          f"{'peak (MB)':>9}  flags")  # fmt: skip
    runs = []
    t0 = time.perf_counter()
    for variant, path in todo:
        run = run_one(variant, path)
        runs.append(run)
        peak = f"{run.peak_mb:9.0f}" if run.peak_mb is not None else f"{'?':>9}"
        cpu = f"{run.cpu_s:7.1f}" if run.cpu_s is not None else f"{'?':>7}"
        print(f"{run.lesson:36} {run.variant:9} {run.seconds:8.1f} {cpu} {run.size_kb:9.0f} "
              f"{peak}  {flags(run)}", flush=True)  # fmt: skip
    wall = time.perf_counter() - t0
    print()
    for variant in ("learner", "solutions"):
        mine = [r for r in runs if r.variant == variant]
        if not mine:
            continue
        total = sum(r.seconds for r in mine)
        cpu_total = sum(r.cpu_s for r in mine if r.cpu_s is not None)
        over = " (over budget)" if total > COURSE_BUDGET_S else ""
        peaks = [r.peak_mb for r in mine if r.peak_mb is not None]
        print(f"{variant:9}: {len(mine)} notebooks, {total:.1f} s in all{over} "
              f"({cpu_total:.1f} kernel CPU s); "
              f"largest {max(r.size_kb for r in mine):.0f} KB, "
              f"{sum(r.size_kb for r in mine):.0f} KB stored in all; "
              f"peak kernel memory up to {max(peaks, default=0):.0f} MB")  # fmt: skip
    print(f"wall time {wall:.1f} s; load average after: "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}")  # fmt: skip


if __name__ == "__main__":
    main()
