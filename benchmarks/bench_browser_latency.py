"""Latency of the explorers in a real browser: slider keypress -> the chart's DOM update.

Serves the Voilà gallery (``alliance-kit present``), opens it in Debian's headless
chromium with every request off this machine blocked, and for each explorer presses an
arrow key on a slider handle 30 times. In the page, a capture-phase ``keydown`` listener
on the handle stamps the press and a ``MutationObserver`` on the explorer's chart stamps
the first change to the chart's DOM after it, so the time measured is the whole round trip
a learner waits for: the widget message to the kernel, the kit's recompute, the new spec
back to the browser and vega's redraw. Between presses the chart is left to settle.

Prints a table in milliseconds: p50, p95 and max to the chart's first DOM change, and p50
and p95 to its last one (the redraw complete); it never fails on a number.

    .venv/bin/python benchmarks/bench_browser_latency.py [--presses 30]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "browser"))

import kitbrowser as kb

from alliance_widgets.tools.present import available_items

# Stamps kept on the page: the last keydown on the watched handle, the first chart
# mutation after it, and the last chart mutation of all (to tell when a redraw is over).
_INSTALL_JS = """([root, handle]) => {
    const chart = root.querySelector('.vega-embed');
    const lat = {down: null, drawn: null, last: 0};
    window.__kitLatency = lat;
    handle.addEventListener('keydown', () => {
        lat.down = performance.now();
        lat.drawn = null;
    }, {capture: true});
    new MutationObserver(() => {
        const now = performance.now();
        lat.last = now;
        if (lat.down !== null && lat.drawn === null) { lat.drawn = now; }
    }).observe(chart, {childList: true, subtree: true, attributes: true, characterData: true});
}"""


# Value, min and max of a slider handle: the kit's <input type=range> has them as
# properties, a noUiSlider handle as ARIA attributes.
POSITION_JS = """e => e.tagName === 'INPUT' ? [+e.value, +e.min, +e.max]
    : ['aria-valuenow', 'aria-valuemin', 'aria-valuemax'].map(a => +e.getAttribute(a))"""


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    return statistics.quantiles(ordered, n=100, method="inclusive")[round(q * 100) - 1]


def _pick_slider(root: Any) -> tuple[Any, str]:
    """The first enabled slider whose arrow key redraws the chart, and its label."""
    sliders = root.locator(kb.ENABLED_SLIDER)
    for i in range(min(4, sliders.count())):
        move = kb.move_slider(root, how="keyboard", index=i, timeout=10)
        if move.chart_before != move.chart_after:
            return sliders.nth(i), move.control
    raise RuntimeError("no slider of this explorer redraws its chart")


def _settle(page: Any, quiet_ms: float = 300, timeout: float = 15) -> None:
    """Wait until the chart has not changed for ``quiet_ms``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        idle = page.evaluate("() => performance.now() - window.__kitLatency.last")
        if idle >= quiet_ms:
            return
        time.sleep(0.05)


def measure(page: Any, root: Any, presses: int) -> tuple[str, list[float], list[float], int]:
    """Press an arrow key ``presses`` times on one slider.

    Returns the slider's label, the delays (ms) to the chart's first DOM change and to its
    last (the redraw complete), and how many presses changed nothing.
    """
    slider, label = _pick_slider(root)
    # The kit's <input type=range>, or an ipywidgets noUiSlider handle.
    handle = slider.locator(kb.HANDLE).first
    handle.scroll_into_view_if_needed()
    page.evaluate(_INSTALL_JS, [root.element_handle(), handle.element_handle()])
    _settle(page)
    delays: list[float] = []
    finished: list[float] = []
    missed = 0
    direction = 1
    for _ in range(presses):
        now, low, high = handle.evaluate(POSITION_JS)
        if now >= high:
            direction = -1
        elif now <= low:
            direction = 1
        handle.focus()
        handle.press("ArrowRight" if direction > 0 else "ArrowLeft")
        deadline = time.monotonic() + 10
        stamp = None
        while time.monotonic() < deadline:
            stamp = page.evaluate(
                "() => { const l = window.__kitLatency;"
                " return l.drawn === null ? null : l.drawn - l.down; }"
            )
            if stamp is not None:
                break
            time.sleep(0.01)
        if stamp is None:
            missed += 1
            continue
        delays.append(float(stamp))
        _settle(page)
        finished.append(
            float(page.evaluate("() => window.__kitLatency.last - window.__kitLatency.down"))
        )
    return label, delays, finished, missed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--presses", type=int, default=30, help="key presses per explorer")
    args = parser.parse_args(argv)
    if not kb.CHROMIUM.exists():
        print(f"{kb.CHROMIUM} is missing: install Debian's chromium first.")
        return 1
    from playwright.sync_api import sync_playwright

    items = available_items()
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-latency-") as tmp:
        server = kb.start_present(Path(tmp))
        try:
            with sync_playwright() as p:
                browser = kb.launch_chromium(p)
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                watch = kb.PageWatch().attach(context)
                page = context.new_page()
                load = kb.open_gallery(page, server, len(items))
                roots = kb.explorer_roots(page, kb.GALLERY_SCOPE)
                for i, item in enumerate(items):
                    rows.append((item.widget, *measure(page, roots.nth(i), args.presses)))
                browser.close()
        finally:
            server.stop()
    print(f"Voilà gallery ready in {load:.1f} s; {args.presses} arrow-key presses per explorer")
    print(f"requests off this machine: {len(watch.outside())}")
    print("first = keypress to the chart's first DOM change; done = to its last (redrawn)")
    head = (
        f"{'explorer':<26} {'slider':<22} {'n':>3} {'p50 first':>10} {'p95 first':>10} "
        f"{'max first':>10} {'p50 done':>9} {'p95 done':>9}"
    )
    print(head)
    print("-" * len(head))
    for widget, label, delays, finished, missed in rows:
        if delays:
            cells = (
                f"{_quantile(delays, 0.5):10.0f} {_quantile(delays, 0.95):10.0f} "
                f"{max(delays):10.0f} {_quantile(finished, 0.5):9.0f} "
                f"{_quantile(finished, 0.95):9.0f}"
            )
        else:
            cells = " ".join(f"{'-':>10}" for _ in range(3)) + f" {'-':>9} {'-':>9}"
        note = f"  ({missed} presses drew nothing)" if missed else ""
        print(f"{widget:<26} {label[:22]:<22} {len(delays):>3} {cells}{note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
