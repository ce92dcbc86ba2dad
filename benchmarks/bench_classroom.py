"""A class on one hub: N learners log in, pull the course, run lesson 01 together, move sliders.

Starts a real JupyterHub on loopback (``tests/browser/classhub.py``: configurable-http-proxy,
DummyAuthenticator, SimpleLocalProcessSpawner, the idle culler service, nbgitpuller in the
single-user servers) and drives it from Debian's headless chromium, one browser context per
learner. Every learner opens the instructor's nbgitpuller link and logs in (all forms are
sent within a second or two, as when a room follows the link on the projector); once all
have lesson 01 open, all press Run All together; then, in rounds, every learner presses an
arrow key on a slider of the lesson's explorer at the same moment.

Prints, and never asserts:

- link -> lesson open (server spawned, course cloned, kernel idle), p50/p95/max;
- Run All -> the first live chart, p50/p95/max (stamped in the page by a MutationObserver);
- slider keypress -> the chart's first redraw, p50/p95/max, under that load (all learners
  pressing in the same round);
- memory: peak RSS of each learner's kernel and single-user server (from /proc, sampled
  every second), their sum at its peak, and the hub, proxy and culler;
- whether any learner's server or kernel was lost (server not ready, kernel restarted).

The machine may be shared: run it when it is quiet, and read the figures as an upper bound.

    .venv/bin/python benchmarks/bench_classroom.py [--learners 10] [--presses 10]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "browser"))

import bench_browser_latency as lat
import classhub as ch
import kitbrowser as kb

_FIRST_CHART_JS = """selector => {
    const t0 = performance.now();
    window.__classFirstChart = null;
    const obs = new MutationObserver(() => {
        if (window.__classFirstChart === null && document.querySelector(selector)) {
            window.__classFirstChart = performance.now() - t0;
            obs.disconnect();
        }
    });
    obs.observe(document.body, {childList: true, subtree: true});
}"""


# A live chart in the open lesson (the selector list, each part scoped to the notebook).
CHARTS = ", ".join(f"{kb.NOTEBOOK} {s.strip()}" for s in kb.chart_selector().split(","))


@dataclass
class Learner:
    """One learner's page and what was measured for them."""

    name: str
    page: Any
    watch: kb.PageWatch
    linked: float = 0.0
    open_s: float | None = None
    first_chart_s: float | None = None
    slider_ms: list[float] = field(default_factory=list)
    missed: int = 0
    # One line per press whose chart did not redraw: what did change (see _diagnose).
    misses: list[str] = field(default_factory=list)
    root: Any = None
    handle: Any = None
    failed: str = ""


class MemorySampler(threading.Thread):
    """Peak RSS per learner's kernel and server, and of their sum, sampled from /proc."""

    def __init__(self, hub: ch.ClassHub, every: float = 1.0) -> None:
        super().__init__(daemon=True)
        self.hub, self.every = hub, every
        self.kernel: dict[str, float] = defaultdict(float)
        self.server: dict[str, float] = defaultdict(float)
        self.kernel_pids: dict[str, set[int]] = defaultdict(set)
        self.total = 0.0  # kernels + servers at the busiest sample
        self.other = 0.0  # hub, proxy, culler
        self._halt = threading.Event()

    def run(self) -> None:
        while not self._halt.is_set():
            procs = self.hub.processes()
            for p in procs:
                if p.role == "kernel":
                    self.kernel[p.user] = max(self.kernel[p.user], p.rss_mb)
                    self.kernel_pids[p.user].add(p.pid)
                elif p.role == "server":
                    self.server[p.user] = max(self.server[p.user], p.rss_mb)
            self.total = max(self.total, sum(p.rss_mb for p in procs if p.role != "other"))
            self.other = max(self.other, sum(p.rss_mb for p in procs if p.role == "other"))
            self._halt.wait(self.every)

    def stop(self) -> None:
        self._halt.set()
        self.join(timeout=10)


def _safe(fn: Any, default: Any = None) -> Any:
    """Ask a page something while it may be navigating (spawn page -> nbgitpuller -> Lab)."""
    try:
        return fn()
    except Exception:
        return default


def _lesson_open(page: Any) -> bool:
    return bool(
        _safe(lambda: page.locator(f"{kb.NOTEBOOK} .jp-Notebook .jp-Cell").count(), 0)
        and _safe(lambda: kb.kernel_idle(page), False)
    )


def _poll_all(
    learners: list[Learner], done: Any, timeout: float, what: str, every: float = 0.5
) -> None:
    """Call ``done(learner)`` round-robin until it is true for all who have not failed.

    The times themselves are stamped in the pages (or taken at the first true answer of a
    half-second poll, for the lesson opening); polling more often would only load the
    renderers the learners' charts are waiting for.
    """
    deadline = time.monotonic() + timeout
    waiting = [x for x in learners if not x.failed]
    while waiting and time.monotonic() < deadline:
        waiting = [x for x in waiting if not _safe(lambda x=x: done(x), False)]
        time.sleep(every)
    for x in waiting:
        x.failed = f"timed out after {timeout:.0f} s waiting for {what}"


def arrive(hub: ch.ClassHub, learners: list[Learner], timeout: float) -> None:
    for x in learners:
        x.linked = time.monotonic()
        try:
            ch.log_in(x.page, hub, x.name)
        except Exception as exc:
            x.failed = f"login: {exc}"

    def opened(x: Learner) -> bool:
        if _lesson_open(x.page):
            x.open_s = time.monotonic() - x.linked
            x.page.keyboard.press("Control+b")
            return True
        return False

    _poll_all(learners, opened, timeout, "the lesson to open")


def run_all_together(learners: list[Learner], timeout: float) -> None:
    live = [x for x in learners if not x.failed]
    for x in live:
        try:
            x.page.evaluate(_FIRST_CHART_JS, CHARTS)
            ch.click_run_all(x.page)
        except Exception as exc:
            x.failed = f"Run All: {exc}"
    live = [x for x in live if not x.failed]

    def charted(x: Learner) -> bool:
        stamp = _safe(lambda: x.page.evaluate("() => window.__classFirstChart"))
        if stamp is not None:
            x.first_chart_s = float(stamp) / 1000
        return stamp is not None

    _poll_all(live, charted, timeout, "the first chart")
    _poll_all(live, lambda x: bool(_safe(lambda: ch.run_finished(x.page))), timeout, "Run All")


def move_sliders(learners: list[Learner], presses: int) -> None:
    live = [x for x in learners if not x.failed]
    for x in live:
        try:
            x.root = kb.explorer_roots(x.page, kb.NOTEBOOK).first
            slider = _pick_slider(x.root)
            # The kit's range input, or an ipywidgets noUiSlider handle.
            x.handle = slider.locator(kb.HANDLE).first
            x.handle.scroll_into_view_if_needed()
            x.page.evaluate(lat._INSTALL_JS, [x.root.element_handle(), x.handle.element_handle()])
        except Exception as exc:
            x.failed = f"slider: {exc}"
            _keep_evidence(x)
    live = [x for x in live if not x.failed]
    direction = {x.name: 1 for x in live}
    for _ in range(presses):
        live = [x for x in live if not x.failed]
        before = {x.name: _state(x) for x in live}
        for x in live:  # everyone presses in the same moment
            try:
                _press(x, direction)
            except Exception as exc:
                x.failed = f"slider press: {exc}"
        deadline = time.monotonic() + 20
        waiting = [x for x in live if not x.failed]
        while waiting and time.monotonic() < deadline:
            for x in list(waiting):
                stamp = _safe(
                    lambda x=x: x.page.evaluate(
                        "() => { const l = window.__kitLatency;"
                        " return l.drawn === null ? null : l.drawn - l.down; }"
                    )
                )
                if stamp is not None:
                    x.slider_ms.append(float(stamp))
                    waiting.remove(x)
            time.sleep(0.02)
        for x in waiting:
            x.missed += 1
            x.misses.append(_diagnose(before[x.name], _state(x)))
        for x in live:
            _safe(lambda x=x: lat._settle(x.page))


def _keep_evidence(x: Learner) -> None:
    """Save what the learner saw when their chart would not redraw, for the report."""
    folder = kb.ARTIFACTS / "bench_classroom"
    folder.mkdir(parents=True, exist_ok=True)
    _safe(lambda: x.root.screenshot(path=str(folder / f"{x.name}.png")))
    charts = _safe(
        lambda: x.root.evaluate(
            """r => [...r.querySelectorAll('.vega-embed')].map(e =>
                e.querySelectorAll('svg.marks, canvas.marks').length + ' marks; ' +
                e.innerText.slice(0, 200))"""
        ),
        [],
    )
    lines = [f"charts in the explorer: {charts}"]
    lines += [f"console: {e}" for e in x.watch.console_errors]
    lines += [f"page error: {e}" for e in x.watch.page_errors]
    (folder / f"{x.name}.txt").write_text("\n".join(lines) + "\n")
    x.failed += f" (evidence in {folder / x.name}.png/.txt)"


def _pick_slider(root: Any) -> Any:
    """The first enabled slider whose arrow key redraws the chart (given a loaded hub's time)."""
    seen = []
    for i in range(min(4, root.locator(kb.ENABLED_SLIDER).count())):
        handle = root.locator(kb.ENABLED_SLIDER).nth(i).locator(kb.HANDLE).first
        before = handle.evaluate(_POSITION_JS)[0]
        move = kb.move_slider(root, how="keyboard", index=i, timeout=20)
        if move.chart_before != move.chart_after:
            return root.locator(kb.ENABLED_SLIDER).nth(i)
        # Tells a key the page never took (handle unmoved) from an update the kernel never
        # sent back (handle moved, readout and chart unchanged).
        seen.append(
            f"{move.control!r}: value {before} -> {handle.evaluate(_POSITION_JS)[0]}, "
            f"readout changed: {move.readout_before != move.readout_after}"
        )
    raise RuntimeError("no slider of the explorer redraws its chart; " + "; ".join(seen))


# Value, min and max of a slider handle (the kit's range input or a noUiSlider handle).
_POSITION_JS = lat.POSITION_JS


def _press(x: Learner, direction: dict[str, int]) -> None:
    """Press an arrow key on the learner's slider, turning back at either end."""
    now, low, high = x.handle.evaluate(_POSITION_JS)
    if now >= high:
        direction[x.name] = -1
    elif now <= low:
        direction[x.name] = 1
    x.handle.focus()
    x.handle.press("ArrowRight" if direction[x.name] > 0 else "ArrowLeft")


def _state(x: Learner) -> tuple[Any, str, str, str]:
    """What a press can change: the slider's value, the readout, the chart, the focus."""
    value = _safe(lambda: x.handle.evaluate(_POSITION_JS)[0])
    readout = _safe(lambda: kb.readout_text(x.root), "")
    chart = _safe(lambda: kb.chart_signature(x.root), "")
    focus = _safe(
        lambda: x.page.evaluate(
            "() => { const e = document.activeElement;"
            " return e ? e.tagName + '.' + e.className : ''; }"
        ),
        "",
    )
    return value, readout, chart, focus


def _diagnose(before: tuple[Any, str, str, str], after: tuple[Any, str, str, str]) -> str:
    """Why a press drew nothing: the key never reached the slider, the kernel never
    answered, or the kernel answered and the chart's drawing did not change."""
    (v0, r0, c0, _), (v1, r1, c1, focus) = before, after
    if v0 == v1:
        return f"the slider did not move (value {v0}; focus on {focus or 'nothing'})"
    if r0 == r1:
        return f"the slider moved {v0} -> {v1} but the readout did not change (no answer)"
    if c0 == c1:
        return f"the slider moved {v0} -> {v1} and the readout changed, but the chart did not"
    return f"the slider moved {v0} -> {v1}; the chart changed after the 20 s wait"


def _row(label: str, values: list[float], unit: str, scale: float = 1.0) -> str:
    if not values:
        return f"{label:<44} {'-':>8} {'-':>8} {'-':>8}   n=0"
    v = [x * scale for x in values]
    p50, p95 = lat._quantile(v, 0.5), lat._quantile(v, 0.95)
    return f"{label:<44} {p50:8.1f} {p95:8.1f} {max(v):8.1f}   n={len(v)} ({unit})"


def report(args: Any, learners: list[Learner], mem: MemorySampler, hub: ch.ClassHub) -> None:
    ready = hub.servers_ready()
    final = defaultdict(set)
    for p in hub.processes():
        if p.role == "kernel":
            final[p.user].add(p.pid)
    print(f"{args.learners} learners, lesson 01, {args.presses} slider rounds, 2-core machine")
    print(f"{'':<44} {'p50':>8} {'p95':>8} {'max':>8}")
    print(
        _row(
            "link -> lesson open (spawn + pull) [s]", [x.open_s for x in learners if x.open_s], "s"
        )
    )
    print(
        _row(
            "Run All -> first live chart [s]",
            [x.first_chart_s for x in learners if x.first_chart_s is not None],
            "s",
        )
    )
    presses = [ms for x in learners for ms in x.slider_ms]
    print(_row("slider key -> chart redrawn, all at once [ms]", presses, "ms"))
    kern = [mem.kernel[x.name] for x in learners if mem.kernel.get(x.name)]
    serv = [mem.server[x.name] for x in learners if mem.server.get(x.name)]
    print(_row("peak kernel RSS per learner [MB]", kern, "MB"))
    print(_row("peak single-user server RSS per learner [MB]", serv, "MB"))
    print(f"peak RSS of all kernels + servers together: {mem.total:.0f} MB")
    print(f"hub + proxy + culler: {mem.other:.0f} MB")
    missed = sum(x.missed for x in learners)
    redrawn = [x for x in learners if x.slider_ms]
    print(
        f"learners whose chart redrew after their slider key: {len(redrawn)} of "
        f"{len(learners)}; presses that drew nothing within 20 s: {missed}"
    )
    for x in learners:
        if x.missed:
            print(
                f"  {x.name}: CHART NOT REDRAWN after {x.missed} of "
                f"{x.missed + len(x.slider_ms)} presses; first: {x.misses[0]}"
            )
        elif not x.slider_ms:
            print(f"  {x.name}: CHART NOT MEASURED, the learner failed earlier (below)")
    lost_servers = [x.name for x in learners if not ready.get(x.name)]
    lost_kernels = [
        x.name
        for x in learners
        if len(mem.kernel_pids.get(x.name, ())) != 1 or final.get(x.name) != mem.kernel_pids[x.name]
    ]
    print(f"servers lost: {len(lost_servers)} {lost_servers or ''}")
    print(f"kernels lost or restarted: {len(lost_kernels)} {lost_kernels or ''}")
    outside = sorted({u for x in learners for u in x.watch.outside()})
    print(f"requests off this machine: {len(outside)}")
    for x in learners:
        if x.failed:
            print(f"  {x.name} failed: {x.failed}")


def _progress(t0: float, what: str, learners: list[Learner]) -> None:
    failed = sum(1 for x in learners if x.failed)
    print(f"  {time.monotonic() - t0:6.0f} s  {what} ({failed} learners failed)", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--learners", type=int, default=10, help="learners in the class")
    parser.add_argument("--presses", type=int, default=10, help="slider rounds per learner")
    parser.add_argument("--timeout", type=float, default=600, help="seconds per phase")
    args = parser.parse_args(argv)
    if args.learners < 1 or args.presses < 1:
        raise ValueError(
            f"--learners and --presses must be >= 1; got {args.learners}, {args.presses}"
        )
    if not kb.CHROMIUM.exists():
        print(f"{kb.CHROMIUM} is missing: install Debian's chromium first.")
        return 1
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="bench-classroom-") as tmp:
        t0 = time.monotonic()
        hub = ch.start_classhub(Path(tmp) / "hub")
        print(f"hub ready in {time.monotonic() - t0:.1f} s at {hub.url}", flush=True)
        mem = MemorySampler(hub)
        mem.start()
        try:
            with sync_playwright() as p:
                browser = kb.launch_chromium(p)
                learners = []
                for i in range(args.learners):
                    context = browser.new_context(viewport={"width": 1280, "height": 900})
                    watch = kb.PageWatch().attach(context)
                    learners.append(Learner(f"learner{i + 1:02d}", context.new_page(), watch))
                arrive(hub, learners, args.timeout)
                _progress(t0, "lessons open", learners)
                run_all_together(learners, args.timeout)
                _progress(t0, "Run All finished", learners)
                move_sliders(learners, args.presses)
                _progress(t0, "sliders moved", learners)
                mem.stop()
                report(args, learners, mem, hub)
                browser.close()
        finally:
            try:
                mem.stop()
            finally:
                hub.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
