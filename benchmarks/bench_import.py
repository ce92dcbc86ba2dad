"""Import cost of the kit against the import cost of its own dependencies.

Target (issue 2): ``import alliance_widgets`` costs at most 10 % more than importing the
third-party modules it loads. For each scenario the script finds which third-party
top-level modules the kit import leaves in ``sys.modules``, then times, in fresh
interpreters, importing exactly those modules versus doing the kit import. It prints
medians over repeated runs; it asserts nothing (machines here are noisy).

Scenarios:

* ``bare``   — ``import alliance_widgets`` (what a script or ``alliance-kit`` pays);
* ``kernel`` — the same inside a simulated kernel start: also switches altair to the
  offline renderer, as happens when a notebook imports the kit;
* ``full``   — the kit plus every widget, chart builder and science module.

Run: ``.venv/bin/python benchmarks/bench_import.py [--runs 7]``
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time

SCENARIOS = {
    "bare": "import alliance_widgets",
    "kernel": (
        "import alliance_widgets\n"
        "from alliance_widgets.charts.render import enable_offline_charts\n"
        "enable_offline_charts()"
    ),
    "full": (
        "import importlib, pkgutil, alliance_widgets\n"
        "for pkg in ('science', 'charts', 'widgets'):\n"
        "    mod = importlib.import_module('alliance_widgets.' + pkg)\n"
        "    for m in pkgutil.iter_modules(mod.__path__):\n"
        "        importlib.import_module(f'alliance_widgets.{pkg}.{m.name}')\n"
        "from alliance_widgets.charts.render import enable_offline_charts\n"
        "enable_offline_charts()"
    ),
}

FIND_DEPS = """
import sys, json
before = set(sys.modules)
{code}
# every module the kit import loaded that is not the kit's own, in load order (parents
# are entered in sys.modules before their children), so replaying the list costs what
# the dependencies cost
print(json.dumps([m for m in sys.modules if m not in before
                  and m.split('.')[0] not in ('alliance_widgets', '__main__')]))
"""

REPLAY = """
import importlib
for _m in {mods!r}:
    try:
        importlib.import_module(_m)
    except Exception:  # private or platform-specific shims that load only via a parent
        pass
"""


def _time(code: str) -> float:
    wrapped = f"import time as _t\n_t0 = _t.perf_counter()\n{code}\nprint(_t.perf_counter() - _t0)"
    out = subprocess.run(
        [sys.executable, "-c", wrapped], capture_output=True, text=True, check=True
    ).stdout
    return float(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}; medians of {args.runs} fresh interpreters\n")
    print(f"{'scenario':8} {'deps (s)':>9} {'kit (s)':>8} {'overhead':>9}  deps imported")
    for name, code in SCENARIOS.items():
        deps = json.loads(
            subprocess.run(
                [sys.executable, "-c", FIND_DEPS.format(code=code)],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
        deps_code = REPLAY.format(mods=deps)
        tops = sorted(
            t
            for t in {m.split(".")[0] for m in deps} - set(sys.stdlib_module_names)
            if t.isidentifier() and not t.startswith("_") and "mypyc" not in t
        )
        t_deps, t_kit = [], []
        for _ in range(args.runs):  # interleave so drift hits both sides alike
            t_deps.append(_time(deps_code))
            t_kit.append(_time(code))
        d, k = statistics.median(t_deps), statistics.median(t_kit)
        if not tops:
            print(f"{name:8} {d:9.3f} {k:8.3f} {'n/a':>9}  (no third-party module loaded)")
            continue
        over = (k - d) / d
        shown = ", ".join(tops[:6]) + (f", … ({len(tops)} packages)" if len(tops) > 6 else "")
        print(f"{name:8} {d:9.3f} {k:8.3f} {over:+9.1%}  {shown}")
    print(f"\ntarget: overhead ≤ +10 %  ({time.strftime('%Y-%m-%d %H:%M')})")


if __name__ == "__main__":
    main()
