"""How long a page takes to import a chart widget's module, against anywidget's 2 s limit.

anywidget imports each widget's ``_esm`` for every chart model and gives it two seconds;
past that the model drops every later message from the kernel and the chart stays frozen
(docs/architecture.md, "A page evaluates that JavaScript once"). This benchmark imports,
in Debian's headless chromium with the page's CPU slowed by Chromium's throttling, the
two modules a chart could carry:

- ``bundle``: vega, vega-lite, vega-embed and altair's widget code as one module (what
  altair's offline mode hands anywidget);
- ``shared``: the kit's module (``charts/offline_js.shared_module``), which carries the
  bundle as a string and evaluates it once per page, on first draw.

Each import runs in a fresh page. Prints milliseconds per throttling rate (median of
``--runs``); it never fails on a number. A slowdown of 20-50 stands for a page starved
by ten learners' browsers on two cores, or a slow laptop.

    .venv/bin/python benchmarks/bench_chart_module.py [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "browser"))

import kitbrowser as kb

from alliance_widgets.charts.offline_js import read_bundle, shared_module

RATES = (1, 10, 20, 50)
LIMIT_MS = 2000  # anywidget's timeout for a widget's module

_IMPORT_JS = """async esm => {
    const t0 = performance.now();
    const url = URL.createObjectURL(new Blob([esm], {type: 'text/javascript'}));
    await import(url);
    return performance.now() - t0;
}"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="fresh pages per figure")
    args = parser.parse_args(argv)
    if args.runs < 1:
        raise ValueError(f"--runs must be >= 1; got {args.runs}")
    if not kb.CHROMIUM.exists():
        print(f"{kb.CHROMIUM} is missing: install Debian's chromium first.")
        return 1
    from playwright.sync_api import sync_playwright

    bundle, info = read_bundle()
    modules = {"bundle": bundle, "shared": shared_module(bundle)}
    print(
        f"chart module import, ms (median of {args.runs} fresh pages); vega {info['vega']}, "
        f"bundle {len(bundle) / 1e6:.2f} MB; anywidget gives up at {LIMIT_MS} ms"
    )
    print(f"{'CPU slowdown':>13} " + " ".join(f"{name:>9}" for name in modules))
    with sync_playwright() as p:
        browser = kb.launch_chromium(p)
        try:
            for rate in RATES:
                row = []
                for esm in modules.values():
                    times = []
                    for _ in range(args.runs):
                        page = browser.new_page()
                        try:
                            page.goto("about:blank")
                            cdp = page.context.new_cdp_session(page)
                            cdp.send("Emulation.setCPUThrottlingRate", {"rate": rate})
                            times.append(float(page.evaluate(_IMPORT_JS, esm)))
                        finally:
                            page.close()
                    ms = statistics.median(times)
                    row.append(f"{ms:8.0f}{'!' if ms > LIMIT_MS else ' '}")
                print(f"{rate:>12}x " + " ".join(row))
        finally:
            browser.close()
    print("! = past anywidget's limit: that chart would never redraw")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
