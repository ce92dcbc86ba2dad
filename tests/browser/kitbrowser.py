"""Shared machinery for the browser tests: servers, Chromium, and what a learner must see.

Every test here drives Debian's chromium (never a Playwright-downloaded browser) against a
server on 127.0.0.1, with every request that would leave the machine aborted and recorded,
so that "works offline" is checked, not assumed.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
LESSONS = ROOT / "lessons"
BIN = Path(sys.executable).parent
CHROMIUM = Path("/usr/bin/chromium")
AXE_JS = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"

# Flags from STACK.md: a headless chromium that phones nowhere by itself (no component
# updates, no sync, no background networking), so every request we see comes from the page.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

KIT_WIDGETS = (
    "BordinExplorer",
    "LambertExplorer",
    "AllianceOutcomeExplorer",
    "RuptureRepairExplorer",
    "TherapistEffectsExplorer",
    "FeedbackExplorer",
    "CausalExplorer",
)

LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]"}
# Schemes that never touch the network.
LOCAL_SCHEMES = ("data:", "blob:", "about:", "file:", "chrome-extension:")

# Console messages from JupyterLab/Voilà themselves, not from the kit. Each entry is a
# regex and the reason it is harmless; anything else logged as an error fails the test.
HARMLESS_CONSOLE = [
    # The favicon of a kernel-busy tab is swapped by JupyterLab; headless chromium asks for
    # /favicon.ico once before that and the server has none.
    (r"favicon\.ico", "headless chromium asks for a favicon the server does not serve"),
]


def chart_selector() -> str:
    """CSS for a live chart drawn by vega-embed (the kit's JupyterChart views)."""
    return ".vega-embed svg.marks, .vega-embed canvas.marks"


def free_port() -> int:
    """Return a TCP port on loopback that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def is_local(url: str) -> bool:
    """True for a URL that stays on this machine (loopback, data:, blob:, ...)."""
    if url.startswith(LOCAL_SCHEMES):
        return True
    m = re.match(r"^(?:https?|wss?)://(\[[^\]]+\]|[^/:?#]+)", url)
    return bool(m) and m.group(1) in LOCAL_HOSTS


# --------------------------------------------------------------------------- servers


@dataclass
class Server:
    """A server process in its own process group, killed as a group at teardown."""

    proc: subprocess.Popen[bytes]
    url: str
    log: Path
    token: str = ""

    def stop(self) -> None:
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
                self.proc.wait(timeout=10)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)

    def log_tail(self, n: int = 40) -> str:
        try:
            lines = self.log.read_text(errors="replace").splitlines()
        except OSError:
            return ""
        return "\n".join(lines[-n:])


def isolated_env(tmp: Path) -> dict[str, str]:
    """Environment for a Jupyter server whose config, data and state live under ``tmp``."""
    env = dict(os.environ)
    for var, sub in (
        ("JUPYTER_CONFIG_DIR", "config"),
        ("JUPYTER_RUNTIME_DIR", "runtime"),
        ("JUPYTERLAB_WORKSPACES_DIR", "workspaces"),
        ("JUPYTERLAB_SETTINGS_DIR", "settings"),
        ("IPYTHONDIR", "ipython"),
    ):
        d = tmp / sub
        d.mkdir(parents=True, exist_ok=True)
        env[var] = str(d)
    # The data dir stays the environment's own (it holds the kernelspec and the widget
    # labextensions); user-level data is kept out by pointing HOME-based paths at tmp.
    env["JUPYTER_DATA_DIR"] = str(tmp / "data")
    env["JUPYTER_PLATFORM_DIRS"] = "1"
    env["PYTHONUNBUFFERED"] = "1"
    env.pop("JUPYTER_TOKEN", None)
    return env


def wait_http(
    url: str, proc: subprocess.Popen[bytes], timeout: float, log: Path, any_status: bool = False
) -> None:
    """Poll ``url`` until it answers 200 (any HTTP status if ``any_status``).

    Fails early, with the server's log, if the process dies first.
    """
    deadline = time.monotonic() + timeout
    last: Exception | None = None
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(
                f"server exited with code {proc.returncode} before it was ready:\n"
                + log.read_text(errors="replace")[-3000:]
            )
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except urllib.error.HTTPError as e:
            if any_status:
                return
            last = e
        except (urllib.error.URLError, OSError) as e:
            last = e
        time.sleep(0.25)
    raise TimeoutError(f"{url} not ready after {timeout:.0f} s ({last})")


def _write_lab_settings(settings_dir: Path) -> None:
    """User settings that make the page testable and leave the lesson files alone."""
    settings = {
        # Draw every cell: with windowing, cells scrolled out of view are not in the DOM
        # and could not be counted.
        "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
        # Never write a run's outputs back to disk (the server also serves a copy).
        "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
        # No news or update checks: they would be requests to the internet.
        "@jupyterlab/apputils-extension/notification": {
            "checkForUpdates": False,
            "fetchNews": "false",
        },
    }
    for plugin, values in settings.items():
        pkg, name = plugin.rsplit("/", 1)
        target = settings_dir / pkg / f"{name}.jupyterlab-settings"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(values))


def start_jupyter(
    app: str, app_args: Sequence[str], root_dir: Path, tmp: Path, timeout: float = 90
) -> Server:
    """Start the Jupyter ``app`` ("lab" or "notebook") on loopback serving ``root_dir``.

    The server is isolated (its own config, data and settings under ``tmp``), answers on a
    free port with the tests' token, and is returned once ``/api/status`` answers.
    """
    env = isolated_env(tmp)
    _write_lab_settings(Path(env["JUPYTERLAB_SETTINGS_DIR"]))
    port = free_port()
    token = "kit-browser-tests"
    log = tmp / f"jupyter-{app}.log"
    cmd = [
        str(BIN / "jupyter"),
        app,
        "--no-browser",
        f"--port={port}",
        "--ServerApp.ip=127.0.0.1",
        "--ServerApp.port_retries=0",
        f"--ServerApp.token={token}",
        f"--ServerApp.root_dir={root_dir}",
        *app_args,
        "--allow-root",
    ]
    with log.open("wb") as out:
        proc = subprocess.Popen(
            cmd,
            cwd=root_dir,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}"
    server = Server(proc, base, log, token)
    try:
        wait_http(f"{base}/api/status?token={token}", proc, timeout, log)
    except BaseException:
        server.stop()
        raise
    return server


def start_jupyterlab(root_dir: Path, tmp: Path, timeout: float = 90) -> Server:
    """Start JupyterLab on loopback serving ``root_dir``; return when it answers."""
    lab_args = [
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    return start_jupyter("lab", lab_args, root_dir, tmp, timeout)


def stop_kernels(server: Server) -> None:
    """Shut down every kernel of a JupyterLab server (keeps memory flat across lessons)."""
    token = server.token
    try:
        with urllib.request.urlopen(f"{server.url}/api/kernels?token={token}", timeout=5) as r:
            kernels = json.load(r)
        for k in kernels:
            req = urllib.request.Request(
                f"{server.url}/api/kernels/{k['id']}?token={token}", method="DELETE"
            )
            urllib.request.urlopen(req, timeout=10).close()
    except (urllib.error.URLError, OSError):
        pass


def start_present(tmp: Path, extra: Sequence[str] = (), timeout: float = 120) -> Server:
    """Run ``alliance-kit present --no-browser`` and return when the gallery answers."""
    env = isolated_env(tmp)
    port = free_port()
    log = tmp / "present.log"
    cmd = [str(BIN / "alliance-kit"), "present", "--no-browser", "--port", str(port), *extra]
    with log.open("wb") as out:
        proc = subprocess.Popen(
            cmd,
            cwd=tmp,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = Server(proc, "", log)
    try:
        deadline = time.monotonic() + timeout
        url = ""
        while time.monotonic() < deadline and not url:
            if proc.poll() is not None:
                raise RuntimeError(f"alliance-kit present exited early:\n{server.log_tail()}")
            m = re.search(r"(http://127\.0\.0\.1:\d+/\S*)", log.read_text(errors="replace"))
            url = m.group(1) if m else ""
            time.sleep(0.2)
        if not url:
            raise TimeoutError(f"alliance-kit present printed no URL:\n{server.log_tail()}")
        server.url = url
        # Voilà answers 403 on its API to anyone without a kernel; any answer means it listens
        # (the page itself is not asked for: that would start a kernel).
        wait_http(f"http://127.0.0.1:{port}/api/status", proc, timeout, log, any_status=True)
    except BaseException:
        server.stop()
        raise
    return server


# --------------------------------------------------------------------------- the page


@dataclass
class PageWatch:
    """Everything a page asked for and complained about, with outside requests aborted."""

    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def attach(self, context: Any) -> PageWatch:
        def route(r: Any) -> None:
            url = r.request.url
            if is_local(url):
                r.continue_()
            else:
                self.blocked.append(url)
                r.abort("internetdisconnected")

        context.route("**/*", route)
        context.on("request", lambda req: self.requests.append(req.url))
        context.on("page", self._watch_page)
        for page in context.pages:
            self._watch_page(page)
        return self

    def _watch_page(self, page: Any) -> None:
        page.on("console", self._on_console)
        page.on("pageerror", lambda exc: self.page_errors.append(str(exc)))
        page.on("websocket", lambda ws: self.requests.append(ws.url))

    def _on_console(self, msg: Any) -> None:
        if msg.type != "error":
            return
        text = msg.text
        loc = msg.location.get("url", "") if isinstance(msg.location, dict) else ""
        full = f"{text} [{loc}]" if loc else text
        if any(re.search(p, full) for p, _ in HARMLESS_CONSOLE):
            return
        self.console_errors.append(full)

    def outside(self) -> list[str]:
        """Every request (made or attempted) to a host other than this machine."""
        seen = [u for u in self.requests if not is_local(u)] + self.blocked
        return sorted(set(seen))


def launch_chromium(playwright: Any) -> Any:
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )


def svg_signature(page: Any, root_selector: str) -> list[str]:
    """A fingerprint of each live chart under ``root_selector`` (changes when it redraws)."""
    return page.eval_on_selector_all(
        f"{root_selector} .vega-embed",
        """els => els.map(e => {
            const s = e.querySelector('svg.marks, canvas.marks');
            if (!s) return '';
            const h = s.tagName === 'CANVAS' ? s.toDataURL() : s.outerHTML;
            let x = 0;
            for (let i = 0; i < h.length; i++) x = (x * 31 + h.charCodeAt(i)) | 0;
            return h.length + ':' + x;
        })""",
    )


# --------------------------------------------------------------------------- notebooks


def lesson_notebooks() -> list[Path]:
    """Every lesson, learner and solution version, as it exists when the tests run."""
    found = sorted(LESSONS.glob("*.ipynb")) + sorted((LESSONS / "solutions").glob("*.ipynb"))
    return [p for p in found if ".ipynb_checkpoints" not in p.parts]


def load_notebook(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def _source(cell: dict[str, Any]) -> str:
    src = cell.get("source", "")
    return src if isinstance(src, str) else "".join(src)


def expected_static(nb: dict[str, Any]) -> list[int]:
    """Per code cell: how many SVGs the lesson shows as a static picture on purpose.

    A lesson can freeze a chart as it stands at that point (``display(static_bundle(
    explorer.spec), raw=True)``), so that the text beside it stays true after the
    learner moves the explorer. Each ``static_bundle(`` call in a cell's code (outside
    comments) is one such picture.
    """
    counts = []
    for cell in nb.get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        code = "\n".join(line.split("#", 1)[0] for line in _source(cell).splitlines())
        counts.append(len(re.findall(r"\bstatic_bundle\(", code)))
    return counts


def expected_charts(nb: dict[str, Any]) -> list[int]:
    """Per code cell (in order): how many live charts a run must draw.

    The kit's renderer stores, next to the live widget view, a static ``image/svg+xml``
    that vl-convert made from the same spec; the lessons keep that output (the widget view
    is stripped). So the stored SVGs, less the pictures a cell freezes on purpose
    (:func:`expected_static`), say how many live charts a run must draw.
    """
    counts = []
    code_cells = [c for c in nb.get("cells", []) if c.get("cell_type") == "code"]
    for cell, static in zip(code_cells, expected_static(nb), strict=True):
        svgs = sum("image/svg+xml" in o.get("data", {}) for o in cell.get("outputs", []))
        counts.append(max(0, svgs - static))
    return counts


def _ipywidgets_names() -> frozenset[str]:
    import ipywidgets

    return frozenset(
        name
        for name in dir(ipywidgets)
        if isinstance(getattr(ipywidgets, name), type)
        and issubclass(getattr(ipywidgets, name), ipywidgets.DOMWidget)
    )


def _plain(out: dict[str, Any]) -> str:
    text = out.get("data", {}).get("text/plain", "")
    return text if isinstance(text, str) else "".join(text)


def expected_widgets(nb: dict[str, Any]) -> list[int]:
    """Per code cell: how many outputs a live run must draw as a widget.

    The build strips widget views, so a widget is recognised by what it left behind: a
    kit chart or explorer leaves its static SVG (one a cell froze on purpose does not
    count), a plain ipywidget leaves its repr (``VBox(children=...``) as the text.
    """
    names = _ipywidgets_names()
    counts = []
    code_cells = [c for c in nb.get("cells", []) if c.get("cell_type") == "code"]
    for cell, charts in zip(code_cells, expected_charts(nb), strict=True):
        n = charts
        for out in cell.get("outputs", []):
            m = re.match(r"(\w+)\(", _plain(out))
            if "image/svg+xml" not in out.get("data", {}) and m and m.group(1) in names:
                n += 1
        counts.append(n)
    return counts


def explorer_titles() -> dict[str, str]:
    """The title of each of the kit's explorers that this checkout has, by class name."""
    import alliance_widgets.widgets as kit_widgets

    titles = {}
    for name in KIT_WIDGETS:
        try:
            titles[name] = getattr(kit_widgets, name).title
        except ModuleNotFoundError:
            continue
    return titles


def expected_explorers(nb: dict[str, Any]) -> list[str]:
    """The explorers a notebook displays, in order (their text output starts with the title)."""
    by_title = {title: name for name, title in explorer_titles().items()}
    found = []
    for cell in nb.get("cells", []):
        for out in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
            first = _plain(out).split("\n", 1)[0]
            if "image/svg+xml" in out.get("data", {}) and first in by_title:
                found.append(by_title[first])
    return found


def expected_errors(nb: dict[str, Any]) -> list[int]:
    """Per code cell: stored error outputs (a lesson may show an error on purpose)."""
    return [
        sum(1 for o in c.get("outputs", []) if o.get("output_type") == "error")
        for c in nb.get("cells", [])
        if c.get("cell_type") == "code"
    ]


def widgets_named(nb: dict[str, Any], names: Iterable[str] = KIT_WIDGETS) -> list[str]:
    """The kit's explorers that a notebook's code cells construct."""
    source = "\n".join(
        "".join(c.get("source", "")) for c in nb.get("cells", []) if c.get("cell_type") == "code"
    )
    return [n for n in names if re.search(rf"\b{n}\s*\(", source)]


def wait_for(predicate: Callable[[], Any], timeout: float, what: str, every: float = 0.25) -> Any:
    """Poll ``predicate`` until it returns something truthy; fail naming ``what``."""
    deadline = time.monotonic() + timeout
    value = predicate()
    while not value:
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(every)
        value = predicate()
    return value


# --------------------------------------------------------------------------- JupyterLab

# Per code cell of the open notebook: its prompt, how many outputs hold a live chart, how
# many show a static SVG image instead (the fallback: the widget did not render), how many
# hold a drawn widget view, how many are stderr/error text, and that text.
_CELL_REPORT_JS = """root => [...root.querySelectorAll('.jp-CodeCell')].map(cell => {
    const outs = [...cell.querySelectorAll('.jp-OutputArea-child')];
    const live = outs.filter(o => o.querySelector(
        '.vega-embed svg.marks, .vega-embed canvas.marks')).length;
    const fallback = outs.filter(o => o.querySelector(
        '.jp-RenderedSVG, img[src^="data:image/svg+xml"]')).length;
    const errs = outs.filter(o => o.querySelector(
        '[data-mime-type="application/vnd.jupyter.stderr"]'));
    // A widget view has no mime type on its output node; its first child is the view.
    const widgets = [...cell.querySelectorAll('.jp-OutputArea-output')].filter(o =>
        !o.hasAttribute('data-mime-type') && o.firstElementChild
        && o.firstElementChild.classList.contains('lm-Widget')
        && !/Error displaying widget/.test(o.textContent)).length;
    const prompt = cell.querySelector('.jp-InputArea-prompt');
    return {
        prompt: prompt ? prompt.textContent.trim() : '',
        live, fallback, widgets,
        errors: errs.length,
        error_text: errs.map(o => o.textContent.slice(0, 600)).join('\\n'),
    };
})"""

NOTEBOOK = "#jp-main-dock-panel .jp-NotebookPanel:not(.lm-mod-hidden)"


def kernel_idle(page: Any) -> bool:
    return bool(
        page.evaluate(
            """() => [...document.querySelectorAll('#jp-main-statusbar span')]
                .some(e => /\\|\\s*Idle$/.test(e.textContent.trim()))"""
        )
    )


def cell_report(page: Any) -> list[dict[str, Any]]:
    return page.eval_on_selector(f"{NOTEBOOK} .jp-Notebook", _CELL_REPORT_JS)


def open_notebook(page: Any, server: Server, relpath: str, timeout: float = 90) -> None:
    """Open ``relpath`` in a fresh JupyterLab workspace and wait for an idle kernel."""
    page.goto(f"{server.url}/lab/tree/{relpath}?reset&token={server.token}")
    page.wait_for_selector(f"{NOTEBOOK} .jp-Notebook .jp-Cell", timeout=timeout * 1000)
    wait_for(lambda: kernel_idle(page), timeout, f"the kernel of {relpath} to be idle")
    # The file browser takes a third of the width; a learner's view is the notebook.
    page.keyboard.press("Control+b")


def run_all(page: Any, timeout: float) -> list[dict[str, Any]]:
    """Run All Cells from the Run menu; wait until nothing is queued and the kernel idles."""
    page.click(".lm-MenuBar-itemLabel:text-is('Run')")
    page.click(".lm-Menu-itemLabel:text-is('Run All Cells')")
    # A queued cell shows [*]; a notebook fast enough to finish before the first poll is
    # caught by the prompt checks that follow.
    with contextlib.suppress(AssertionError):
        wait_for(
            lambda: any(c["prompt"] == "[*]:" for c in cell_report(page)) or not kernel_idle(page),
            10,
            "Run All Cells to start",
            every=0.05,
        )

    def finished() -> list[dict[str, Any]] | None:
        cells = cell_report(page)
        if any(c["prompt"] == "[*]:" for c in cells) or not kernel_idle(page):
            return None
        return cells

    wait_for(finished, timeout, "every cell to finish running", every=0.5)
    time.sleep(0.5)  # a cell can go idle just before the next one is marked busy
    result: list[dict[str, Any]] = wait_for(finished, timeout, "every cell to finish running")
    return result


def full_screenshot(page: Any, path: Path, width: int = 1280, max_height: int = 16000) -> None:
    """Save the whole open notebook (not just the viewport) as one PNG."""
    path.parent.mkdir(parents=True, exist_ok=True)
    height = page.eval_on_selector(
        f"{NOTEBOOK} .jp-WindowedPanel-outer",
        "e => e.scrollHeight",
    )
    old = page.viewport_size
    page.set_viewport_size({"width": width, "height": min(max_height, int(height) + 160)})
    try:
        time.sleep(0.3)
        page.screenshot(path=str(path))
    finally:
        page.set_viewport_size(old)


def tall_screenshot(page: Any, path: Path, max_height: int = 16000) -> None:
    """Save the whole page as one PNG, also when an inner element scrolls (as in Voilà).

    ``full_page`` only grows the shot to the document's height; Voilà scrolls inside a
    container, so the window itself is made as tall as the tallest scrolling content.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    height = page.evaluate(
        """() => Math.max(document.documentElement.scrollHeight,
            ...[...document.querySelectorAll('body, body *')]
                .filter(e => /(auto|scroll)/.test(getComputedStyle(e).overflowY))
                .map(e => e.scrollHeight))"""
    )
    old = page.viewport_size
    page.set_viewport_size({"width": old["width"], "height": min(max_height, int(height) + 40)})
    try:
        time.sleep(0.5)
        page.screenshot(path=str(path))
    finally:
        page.set_viewport_size(old)


# --------------------------------------------------------------------------- controls


def readout_text(root: Any) -> str:
    """The explorer's live readout (its ``role=status`` region), or the slider readouts."""
    status = root.locator("[role=status]")
    if status.count():
        return " | ".join(status.all_inner_texts())
    return " | ".join(root.locator(".widget-readout").all_inner_texts())


def chart_signature(root: Any) -> str:
    """A fingerprint of the charts inside ``root``; it changes whenever a chart redraws."""
    sig: str = root.evaluate(
        """r => [...r.querySelectorAll('.vega-embed svg.marks, .vega-embed canvas.marks')]
            .map(s => {
                const h = s.tagName === 'CANVAS' ? s.toDataURL() : s.outerHTML;
                let x = 0;
                for (let i = 0; i < h.length; i++) x = (x * 31 + h.charCodeAt(i)) | 0;
                return h.length + ':' + x;
            }).join(',')"""
    )
    return sig


@dataclass
class Move:
    """What moving one control did: the readout and the chart before and after."""

    how: str
    control: str
    readout_before: str
    readout_after: str
    chart_before: str
    chart_after: str

    @property
    def changed(self) -> bool:
        return self.readout_before != self.readout_after and self.chart_before != self.chart_after


def _handle_room(handle: Any) -> int:
    """+1 if the slider handle (or the kit's range input) can move right, -1 if only left."""
    if handle.evaluate("e => e.tagName") == "INPUT":
        now, top = handle.evaluate("e => [Number(e.value), Number(e.max)]")
        return 1 if now < top else -1
    now = float(handle.get_attribute("aria-valuenow") or 0)
    top = float(handle.get_attribute("aria-valuemax") or 0)
    return 1 if now < top else -1


def _wait_change(root: Any, readout: str, chart: str, timeout: float) -> tuple[str, str]:
    deadline = time.monotonic() + timeout
    while True:
        r, c = readout_text(root), chart_signature(root)
        if (r != readout and c != chart) or time.monotonic() > deadline:
            return r, c
        time.sleep(0.1)


# A slider the learner can move: its noUiSlider target is not disabled, or the kit's
# range control (alliance_widgets.widgets.controls) whose input is enabled.
ENABLED_SLIDER = (
    ".widget-slider:not(:has(.noUi-target[disabled])), .aw-range:not(:has(input:disabled))"
)
# The part of a slider that takes focus and is dragged.
HANDLE = ".noUi-handle, input[type=range]"
# An option of a ToggleButtons control that is not the one selected.
OTHER_TOGGLE = (
    ".widget-toggle-buttons button.widget-toggle-button:not(.mod-active):not([disabled]), "
    ".aw-choice input[type=radio]:not(:checked):not(:disabled)"
)


def _press_slider(root: Any, slider: Any, how: str) -> None:
    handle = slider.locator(HANDLE).first
    handle.wait_for(state="attached", timeout=20_000)
    handle.scroll_into_view_if_needed()
    direction = _handle_room(handle)
    if how == "keyboard":
        handle.focus()
        handle.press("ArrowRight" if direction > 0 else "ArrowLeft")
    else:
        box = handle.bounding_box()
        page = root.page
        # A range input's thumb sits at the value's share of the track.
        share = handle.evaluate(
            """e => e.tagName !== 'INPUT' ? 0.5
                : (Number(e.value) - Number(e.min)) / ((Number(e.max) - Number(e.min)) || 1)"""
        )
        x, y = box["x"] + box["width"] * share, box["y"] + box["height"] / 2
        page.mouse.move(x, y)
        page.mouse.down()
        page.mouse.move(x + 40 * direction, y, steps=8)
        page.mouse.up()


def _press_toggle(button: Any, how: str) -> None:
    button.scroll_into_view_if_needed()
    if how == "keyboard":
        button.focus()
        button.press("Space")
    else:
        button.click()


def move_slider(root: Any, *, how: str, index: int = 0, timeout: float = 20) -> Move:
    """Move the ``index``-th enabled slider in ``root`` with the keyboard or the mouse."""
    if how not in ("keyboard", "mouse"):
        raise ValueError(f"how must be 'keyboard' or 'mouse'; got {how!r}")
    slider = root.locator(ENABLED_SLIDER).nth(index)
    label = (
        slider.locator(".widget-label, .aw-range-label").first.inner_text()
        if slider.count()
        else ""
    )
    readout, chart = readout_text(root), chart_signature(root)
    _press_slider(root, slider, how)
    after_readout, after_chart = _wait_change(root, readout, chart, timeout)
    return Move(how, label, readout, after_readout, chart, after_chart)


def move_control(root: Any, *, how: str, tries: int = 4, timeout: float = 6) -> Move:
    """Move a control of an explorer so that its chart and readout change; return the move.

    Enabled sliders are tried first, in order; a slider can be inert in some states (the
    study size while an explorer shows published estimates), so up to ``tries`` are
    tried, then an unselected option of a toggle (e.g. the explorer's view). The last
    attempt is returned when none changed both the chart and the readout.
    """
    if how not in ("keyboard", "mouse"):
        raise ValueError(f"how must be 'keyboard' or 'mouse'; got {how!r}")
    move = Move(how, "(no enabled control)", "", "", "", "")
    sliders = root.locator(ENABLED_SLIDER)
    for i in range(min(tries, sliders.count())):
        move = move_slider(root, how=how, index=i, timeout=timeout)
        if move.changed:
            return move
    toggle = root.locator(OTHER_TOGGLE).first
    if toggle.count():
        # A kit radio option's text is in its <label>; a toggle button's in itself.
        label = toggle.evaluate(
            "e => (e.tagName === 'INPUT' ? e.closest('label') : e).textContent.trim()"
        )
        readout, chart = readout_text(root), chart_signature(root)
        _press_toggle(toggle, how)
        after_readout, after_chart = _wait_change(root, readout, chart, timeout)
        move = Move(how, label, readout, after_readout, chart, after_chart)
    return move


# --------------------------------------------------------------------------- a lesson


@dataclass
class LessonRun:
    """What a learner got from Run All on one lesson, and what was wrong with it."""

    name: str
    seconds: float = 0.0
    charts_expected: int = 0
    charts_drawn: int = 0
    widgets_expected: int = 0
    widgets_drawn: int = 0
    explorers_expected: list[str] = field(default_factory=list)
    explorers: int = 0
    moves: list[Move] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    screenshot: Path | None = None


def lesson_copy(tmp: Path) -> Path:
    """Copy ``lessons/`` into ``tmp`` so that nothing a browser does can touch the repo."""
    import shutil

    target = tmp / "lessons"
    shutil.copytree(
        LESSONS,
        target,
        ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__", "*.pyc"),
    )
    return target


def check_lesson(
    browser: Any, server: Server, notebook: Path, *, run_timeout: float = 240
) -> LessonRun:
    """Open a lesson in JupyterLab, Run All, and list everything a learner would trip on."""
    rel = notebook.relative_to(ROOT).as_posix()
    run = LessonRun(rel)
    nb = load_notebook(notebook)
    expected = expected_charts(nb)
    widgets_wanted = expected_widgets(nb)
    static_wanted = expected_static(nb)
    allowed_errors = expected_errors(nb)
    run.charts_expected = sum(expected)
    run.widgets_expected = sum(widgets_wanted)
    run.explorers_expected = expected_explorers(nb)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    watch = PageWatch().attach(context)
    page = context.new_page()
    shot = SCREENSHOTS / (rel.replace("/", "__").removesuffix(".ipynb") + ".png")
    t0 = time.monotonic()
    try:
        open_notebook(page, server, rel)
        cells = run_all(page, run_timeout)
        if len(cells) != len(expected):
            run.problems.append(
                f"JupyterLab shows {len(cells)} code cells; the file has {len(expected)}"
            )

        def drawn() -> list[dict[str, Any]] | None:
            now = cell_report(page)
            done = [c["live"] for c in now] == expected
            return now if done and [c["widgets"] for c in now] == widgets_wanted else None

        try:
            cells = wait_for(drawn, 30, "every chart to be drawn")
        except AssertionError:
            cells = cell_report(page)
        run.seconds = time.monotonic() - t0
        run.charts_drawn = sum(c["live"] for c in cells)
        run.widgets_drawn = sum(c["widgets"] for c in cells)
        for i, (cell, want, want_widgets, want_static) in enumerate(
            zip(cells, expected, widgets_wanted, static_wanted, strict=False), start=1
        ):
            where = f"code cell {i} ({cell['prompt'] or 'no prompt'})"
            if not re.fullmatch(r"\[\d+\]:", cell["prompt"]):
                run.problems.append(f"{where} did not run")
            if cell["live"] != want:
                run.problems.append(
                    f"{where}: {cell['live']} live chart(s) drawn, the stored notebook "
                    f"has {want} chart(s)"
                )
            if cell["widgets"] != want_widgets:
                run.problems.append(
                    f"{where}: {cell['widgets']} widget(s) drawn, the stored notebook "
                    f"has {want_widgets}"
                )
            if cell["fallback"] != want_static:
                run.problems.append(
                    f"{where}: {cell['fallback']} chart(s) shown as a static SVG where the "
                    f"lesson freezes {want_static}; an extra one is the fallback of a "
                    "live widget that did not render"
                )
            if cell["errors"] > allowed_errors[i - 1]:
                run.problems.append(f"{where} printed an error:\n{cell['error_text']}")
        body = page.inner_text(NOTEBOOK)
        if "Error displaying widget" in body:
            run.problems.append("a widget shows 'Error displaying widget'")
        run.explorers = _drive_explorers(page, run)
    except Exception as exc:  # report what the page looked like, then fail the test
        run.problems.append(f"{type(exc).__name__}: {exc}")
    finally:
        try:
            full_screenshot(page, shot)
            run.screenshot = shot
        except Exception as exc:
            run.problems.append(f"screenshot failed: {exc}")
        context.close()
        stop_kernels(server)
    # Every request the page made, kept beside the screenshot: what "offline" was checked on.
    log = ARTIFACTS / "requests" / shot.with_suffix(".txt").name
    log.parent.mkdir(parents=True, exist_ok=True)
    log.write_text("\n".join(watch.requests + [f"BLOCKED {u}" for u in watch.blocked]) + "\n")
    if watch.outside():
        run.problems.append(
            "requests to hosts other than this machine:\n  " + "\n  ".join(watch.outside())
        )
    errors = watch.console_errors + watch.page_errors
    if errors:
        run.problems.append("console errors:\n  " + "\n  ".join(errors))
    return run


def explorer_roots(page: Any, scope: str) -> Any:
    """Outputs that hold one of the kit's explorers: a slider beside a live chart."""
    return (
        page.locator(f"{scope} .jp-OutputArea-output")
        .filter(has=page.locator(".widget-slider, .aw-range"))
        .filter(has=page.locator(".vega-embed"))
    )


def _drive_explorers(page: Any, run: LessonRun) -> int:
    """Move a control of every explorer by keyboard, then by mouse; the view must follow."""
    roots = explorer_roots(page, NOTEBOOK)
    n: int = roots.count()
    if n != len(run.explorers_expected):
        run.problems.append(
            f"{n} explorer(s) drawn with a slider and a chart; the stored notebook shows "
            f"{len(run.explorers_expected)} ({', '.join(run.explorers_expected) or 'none'})"
        )
    for i in range(n):
        name = run.explorers_expected[i] if i < len(run.explorers_expected) else f"#{i + 1}"
        for how in ("keyboard", "mouse"):
            move = move_control(roots.nth(i), how=how)
            run.moves.append(move)
            if not move.changed:
                run.problems.append(
                    f"{name}: moving {move.control!r} by {how} did not update "
                    f"both the chart and the readout (readout before: "
                    f"{move.readout_before!r}, after: {move.readout_after!r}; chart "
                    f"changed: {move.chart_before != move.chart_after})"
                )
    return n


# --------------------------------------------------------------------------- Voilà

GALLERY_SCOPE = "#rendered_cells"


def open_gallery(page: Any, server: Server, n_charts: int, timeout: float = 180) -> float:
    """Load the Voilà gallery and wait until ``n_charts`` live charts are drawn."""
    t0 = time.monotonic()
    page.goto(server.url, timeout=timeout * 1000)
    # Voilà shows the cells only once every one has run.
    page.wait_for_selector(f"{GALLERY_SCOPE}", state="visible", timeout=timeout * 1000)
    wait_for(
        lambda: page.locator(f"{GALLERY_SCOPE} {chart_selector()}").count() >= n_charts,
        60,
        f"{n_charts} charts in the gallery",
    )
    return time.monotonic() - t0


def run_axe(page: Any) -> list[dict[str, Any]]:
    """Run axe-core (from node_modules, no CDN) on the page; return its violations."""
    if not AXE_JS.exists():
        raise FileNotFoundError(
            f"{AXE_JS} is missing: run `npm ci --prefix tests/browser` (python3 kit.py test "
            "does it)"
        )
    page.add_script_tag(path=str(AXE_JS))
    result: list[dict[str, Any]] = page.evaluate(
        """async () => {
            const r = await axe.run(document, {resultTypes: ['violations']});
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({
                    target: n.target.join(' '), html: n.html.slice(0, 300),
                    impact: n.impact, summary: n.failureSummary,
                })),
            }));
        }"""
    )
    return result
