"""What one learner's kernel costs: import, first explorer, lesson memory, control updates.

Every figure is taken in a FRESH ipykernel started by ``jupyter_client.KernelManager``,
the way JupyterLab or a hub starts a learner's kernel (no browser attached: comm messages
are still serialised and published, nobody renders them). Targets (issue 11):

* ``import alliance_widgets`` at most the bare import of the third-party modules it loads
  + 10 % (both timed inside fresh kernels; the modules are found as in bench_import.py);
* import + first explorer displayed: the explorer at most 1.5 s after the import;
* peak kernel RSS while running each lesson 00–09 (``VmHWM`` of the kernel process,
  every code cell run in order, as "Run All" does): at most 200 MB;
* every explorer control's kernel-side update (setting the control's value until the
  explorer has recomputed and sent its new chart), p50 / p95: at most 50 ms. Each control
  is set as the browser sets it (the kit's RangeControl / ChoiceControl that mirror the
  explorer's sliders and toggles, or the ipywidgets control itself): a range swept up
  and back (first visits recompute, the way back may hit the explorer's memo), each
  option of a choice visited four times, a button pressed eight times; with the science
  caches of a fresh kernel.

The machine is shared and noisy: each timing is the median over ``--runs`` fresh kernels.
The script prints, it asserts nothing.

Run: ``.venv/bin/python benchmarks/bench_kernel.py [--runs 3] [--only import,first,lessons,
controls] [--lessons 01,05] [--source]``; ``--source`` runs each lesson's learner cells as
``lessons/src`` has them, for when the stored notebooks lag behind the sources.
``ALLIANCE_WIDGETS_STATIC_SVG`` is removed from the kernels' environment (a learner's
kernel); ``--static-svg`` sets it, as the lesson builder and nbval do.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import statistics
import sys
import time
from pathlib import Path

import nbformat
from jupyter_client import KernelManager

ROOT = Path(__file__).resolve().parents[1]
EXPLORERS = (
    "BordinExplorer",
    "LambertExplorer",
    "AllianceOutcomeExplorer",
    "RuptureRepairExplorer",
    "TherapistEffectsExplorer",
    "FeedbackExplorer",
)
STATIC_ENV = "ALLIANCE_WIDGETS_STATIC_SVG"


class Kernel:
    """A fresh ipykernel with a blocking ``run`` that returns the cell's stdout."""

    def __init__(self, cwd: Path, static_svg: bool) -> None:
        env = dict(os.environ)
        env.pop(STATIC_ENV, None)
        if static_svg:
            env[STATIC_ENV] = "1"
        self.km = KernelManager(kernel_name="python3")
        self.km.kernel_cmd = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]  # type: ignore[attr-defined]
        self.km.start_kernel(cwd=str(cwd), env=env)
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=120)

    @property
    def pid(self) -> int:
        return int(self.km.provisioner.process.pid)  # type: ignore[union-attr]

    def status(self, field: str) -> float:
        """A ``/proc/<pid>/status`` memory field of the kernel process, in MB."""
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
        raise KeyError(field)

    def run(self, code: str, timeout: float = 600) -> tuple[float, str]:
        """Execute ``code``; return (wall seconds until the kernel is idle, stdout)."""
        t0 = time.perf_counter()
        msg_id = self.kc.execute(code, store_history=False)
        out: list[str] = []
        while True:
            try:
                msg = self.kc.get_iopub_msg(timeout=timeout)
            except queue.Empty as exc:
                raise TimeoutError(code[:80]) from exc
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            kind, content = msg["msg_type"], msg["content"]
            if kind == "stream" and content["name"] == "stdout":
                out.append(content["text"])
            elif kind == "error":
                raise RuntimeError("\n".join(content["traceback"])[-3000:])
            elif kind == "status" and content["execution_state"] == "idle":
                return time.perf_counter() - t0, "".join(out)

    def close(self) -> None:
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)


TIMED_IMPORT = """
import sys, time, json
_before = set(sys.modules)
_t = time.perf_counter()
{code}
_dt = time.perf_counter() - _t
print(json.dumps({{"s": _dt, "mods": [m for m in sys.modules if m not in _before
      and m.split('.')[0] not in ('alliance_widgets', '__main__')]}}))
"""

REPLAY = """
import importlib, sys
# The packages first, by name, in the order the kit's import first reached them (as a
# script importing the same dependencies would); then any submodule they did not load
# on their own (altair.jupyter, say), so that exactly the same modules end up loaded.
for _m in dict.fromkeys(m.split(".")[0] for m in {mods!r}):
    try:
        importlib.import_module(_m)
    except Exception:
        pass
for _m in {mods!r}:
    if _m not in sys.modules:
        try:
            importlib.import_module(_m)
        except Exception:
            pass
"""


def bench_import(runs: int, static_svg: bool) -> None:
    kit, deps, first, rss_import, rss_first, hwm_first, vlc = [], [], [], [], [], [], []
    first_cpu: list[float] = []
    own: list[float] = []

    def kit_kernel() -> dict[str, object]:
        k = Kernel(ROOT, static_svg)
        try:
            _, out = k.run(TIMED_IMPORT.format(code="import alliance_widgets as aw"))
            info: dict[str, object] = json.loads(out)
            kit.append(info["s"])
            rss_import.append(k.status("VmRSS"))
            wall, out = k.run(
                "import time\nfrom IPython.display import display\n_c = time.process_time()\n"
                "display(aw.BordinExplorer())\nprint(time.process_time() - _c)"
            )
            first.append(wall)
            first_cpu.append(float(out))
            rss_first.append(k.status("VmRSS"))
            hwm_first.append(k.status("VmHWM"))
            _, out = k.run("import sys; print('vl_convert' in sys.modules)")
            vlc.append(out.strip())
        finally:
            k.close()
        return info

    def deps_kernel(mods: list[str]) -> None:
        k = Kernel(ROOT, static_svg)
        try:
            _, out = k.run(TIMED_IMPORT.format(code=REPLAY.format(mods=mods)))
            deps.append(json.loads(out)["s"])
            # What the kit itself adds once its dependencies are in: the one figure of
            # the comparison that the order of kernels and the disk cache do not move.
            _, out = k.run(TIMED_IMPORT.format(code="import alliance_widgets as aw"))
            own.append(json.loads(out)["s"])
        finally:
            k.close()

    # The modules to replay, from one kernel that is not timed. Then the two kinds of
    # kernel alternate which goes first: the first import of a pair reads more from disk
    # (this machine's page cache is trimmed in the background), which would otherwise
    # always count against the same side.
    mods = kit_kernel()["mods"]
    del kit[:], rss_import[:], first[:], first_cpu[:], rss_first[:], hwm_first[:], vlc[:]
    for i in range(runs):
        if i % 2:
            deps_kernel(mods)
            kit_kernel()
        else:
            kit_kernel()
            deps_kernel(mods)
    med = statistics.median
    print(f"\n## Fresh kernel (median of {runs}; static SVG {'on' if static_svg else 'off'})")
    print("| step | time | kernel RSS |\n|---|---|---|")
    print(f"| bare import of the modules the kit import loads | {med(deps):.2f} s | |")
    ratio = med(kit) / med(deps) if med(deps) > 0 else float("nan")
    print(
        f"| `import alliance_widgets` | {med(kit):.2f} s ({ratio:.2f}x) | "
        f"{med(rss_import):.0f} MB |"
    )
    print(
        f"| the kit's own part: `import alliance_widgets` after those modules | "
        f"{med(own) * 1000:.0f} ms (+{med(own) / med(deps):.1%} of the bare import) | |"
    )
    print(
        f"| first BordinExplorer displayed (after import) | {med(first):.2f} s "
        f"(kernel CPU {med(first_cpu):.2f} s) | "
        f"{med(rss_first):.0f} MB (peak {med(hwm_first):.0f} MB) |"
    )
    print(f"vl_convert imported in the kernel: {vlc}")


def lesson_code(path: Path, from_source: bool = False) -> list[str]:
    """The code cells of a stored lesson, or of its learner notebook made from lessons/src."""
    if from_source:
        from alliance_widgets.tools.lesson_source import read_source, variant_cells

        cells = variant_cells(read_source(path.parent / "src" / f"{path.stem}.py"), "learner")
        return [c.source for c in cells if c.kind == "code" and c.source.strip()]
    nb = nbformat.read(path, as_version=4)
    return [c.source for c in nb.cells if c.cell_type == "code" and c.source.strip()]


def bench_lessons(names: list[str], static_svg: bool, from_source: bool = False) -> None:
    mode = "on" if static_svg else "off"
    print(f"\n## Peak kernel RSS per lesson (one run each; static SVG {mode})")
    print("| lesson | run time | peak RSS (VmHWM) |\n|---|---|---|")
    for nb in sorted((ROOT / "lessons").glob("[0-9][0-9]_*.ipynb")):
        if names and nb.name[:2] not in names:
            continue
        k = Kernel(nb.parent, static_svg)
        try:
            t0 = time.perf_counter()
            for code in lesson_code(nb, from_source):
                k.run(code)
            print(f"| {nb.stem} | {time.perf_counter() - t0:.1f} s | {k.status('VmHWM'):.0f} MB |")
        finally:
            k.close()


SWEEP = r"""
import json, time, statistics
import ipywidgets as w
import alliance_widgets as aw
from alliance_widgets.widgets.controls import ChoiceControl, RangeControl
from IPython.display import display

def _walk(x):
    yield x
    for c in getattr(x, "children", ()) or ():
        yield from _walk(c)

def _values(c):
    # What the browser sets: the kit's RangeControl / ChoiceControl (which mirror the
    # explorer's ipywidgets sliders and toggle buttons) or the ipywidgets control itself.
    if isinstance(c, (w.FloatSlider, w.IntSlider, RangeControl)):
        n = int(round((c.max - c.min) / c.step))
        stride = max(1, n // 24)  # about 25 values up the range, and back
        up = [c.min + i * c.step for i in range(0, n + 1, stride)]
        if isinstance(c, w.IntSlider):
            up = [int(v) for v in up]
        else:
            up = [round(v, 10) for v in up]
        return [("value", v) for v in up + up[-2::-1]]
    if isinstance(c, ChoiceControl):
        return [("index", i) for i in list(range(len(c.labels))) * 4]
    if isinstance(c, w.BoundedIntText):
        return [("value", c.value + i) for i in range(1, 9)]
    if isinstance(c, (w.Dropdown, w.ToggleButtons, w.RadioButtons)):
        vals = [v if not isinstance(v, tuple) else v[1] for v in c.options]
        return [("value", v) for v in (vals + vals) * 2]
    if isinstance(c, w.Button):
        return [("click", None)] * 8
    return []

_out = {}
for _name in %(explorers)r:
    _e = getattr(aw, _name)()
    display(_e)
    for _c in _e._controls_box.children:
        for _x in _walk(_c):
            _vals = _values(_x)
            if not _vals:
                continue
            _times = []
            for _attr, _v in _vals:
                _t, _c = time.perf_counter(), time.process_time()
                if _attr == "click":
                    _x.click()
                else:
                    setattr(_x, _attr, _v)
                _times.append((time.perf_counter() - _t, time.process_time() - _c))
            _out[f"{_name} / {_x.description}"] = _times
print(json.dumps(_out))
"""


def bench_controls(runs: int, static_svg: bool, explorers: tuple[str, ...]) -> None:
    per: dict[str, list[list[list[float]]]] = {}
    for _ in range(runs):
        for name in explorers:
            # One fresh kernel per explorer: no explorer warms another's caches.
            k = Kernel(ROOT, static_svg)
            try:
                _, out = k.run(SWEEP % {"explorers": (name,)})
            finally:
                k.close()
            for key, times in json.loads(out).items():
                per.setdefault(key, []).append(times)
    print(f"\n## Control updates, kernel side (ms; median over {runs} fresh kernels)")
    print("Wall time, and the kernel's CPU time (steadier on a shared machine).")
    print("| control | moves | p50 | p95 | max | CPU p50 | CPU p95 |")
    print("|---|---|---|---|---|---|---|")
    worst, worst_cpu = 0.0, 0.0
    for key, sweeps in per.items():
        walls = [[t[0] for t in s] for s in sweeps]
        cpus = [[t[1] for t in s] for s in sweeps]
        p50 = statistics.median(_pct(s, 50) for s in walls) * 1000
        p95 = statistics.median(_pct(s, 95) for s in walls) * 1000
        top = statistics.median(max(s) for s in walls) * 1000
        c50 = statistics.median(_pct(s, 50) for s in cpus) * 1000
        c95 = statistics.median(_pct(s, 95) for s in cpus) * 1000
        worst, worst_cpu = max(worst, p95), max(worst_cpu, c95)
        print(
            f"| {key} | {len(walls[0])} | {p50:.1f} | {p95:.1f} | {top:.0f} | {c50:.1f} | "
            f"{c95:.1f} |"
        )
    print(f"worst p95: {worst:.1f} ms wall, {worst_cpu:.1f} ms CPU (target <= 50 ms)")


def _pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(q / 100 * (len(s) - 1))))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--only", default="import,first,lessons,controls")
    ap.add_argument("--lessons", default="", help="comma-separated lesson numbers, e.g. 01,05")
    ap.add_argument("--explorers", default=",".join(EXPLORERS))
    ap.add_argument("--static-svg", action="store_true")
    ap.add_argument(
        "--source",
        action="store_true",
        help="run the lessons' code as lessons/src has it (when the stored notebooks are stale)",
    )
    args = ap.parse_args()
    only = set(args.only.split(","))
    print(
        f"# bench_kernel ({time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} CPUs, load "
        f"{os.getloadavg()[0]:.1f})"
    )
    if only & {"import", "first"}:
        bench_import(args.runs, args.static_svg)
    if "lessons" in only:
        names = [n for n in args.lessons.split(",") if n]
        bench_lessons(names, args.static_svg, args.source)
    if "controls" in only:
        bench_controls(args.runs, args.static_svg, tuple(args.explorers.split(",")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
