"""Accessibility checks shared by the browser tests: axe inside outputs, keyboard walks.

Built on :mod:`kitbrowser` (servers, Chromium, offline watch). What is new here:

- :func:`start_notebook7` runs Notebook 7 (``jupyter notebook``) like JupyterLab is run;
- :func:`run_all_cells` runs a notebook in either frontend and waits for every prompt;
- :func:`axe_in_outputs` runs axe-core only on the cells' output areas (the kit's part
  of the page; the frontend's own chrome is not the kit's to fix);
- :func:`keyboard_walk` tabs through one explorer's range controls, changes each with
  the keyboard and records what changed, and :func:`announced` reads names from the
  accessibility tree, as a screen reader gets them.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import kitbrowser as kb

# Every cell's outputs, in JupyterLab and in Notebook 7 (both are JupyterLab components).
OUTPUTS = ".jp-Notebook .jp-OutputArea-output"
# The kit's range control (alliance_widgets.widgets.controls) and ipywidgets' slider.
RANGE = "input[type=range].aw-range-input"
NOUI = ".widget-slider .noUi-handle"


def start_notebook7(root_dir: Path, tmp: Path, timeout: float = 90) -> kb.Server:
    """Start Notebook 7 on loopback serving ``root_dir``; return when it answers."""
    notebook_args = [
        "--JupyterNotebookApp.news_url=None",
        # window.jupyterapp: Run All as a command once the kernel's session is ready.
        "--JupyterNotebookApp.expose_app_in_browser=True",
    ]
    return kb.start_jupyter("notebook", notebook_args, root_dir, tmp, timeout)


def open_in(page: Any, server: kb.Server, relpath: str, frontend: str) -> None:
    """Open ``relpath`` in JupyterLab (``"lab"``) or Notebook 7 (``"notebook7"``)."""
    if frontend == "lab":
        kb.open_notebook(page, server, relpath)
        return
    page.goto(f"{server.url}/notebooks/{relpath}?token={server.token}")
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=90_000)
    # Notebook 7's toolbar shows the kernel's state on its execution indicator.
    page.wait_for_selector(
        ".jp-Notebook-ExecutionIndicator[data-status=idle]", state="attached", timeout=90_000
    )


def accept_kernel_dialog(page: Any) -> bool:
    """Accept a "Select Kernel" dialog (Notebook 7 can ask while its session starts)."""
    dialog = page.locator(".jp-Dialog:has-text('Select Kernel') .jp-mod-accept")
    if dialog.count():
        dialog.first.click()
        return True
    return False


_PROMPTS = """() => [...document.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')]
    .map(p => p.textContent.trim())"""


def run_all_cells(page: Any, timeout: float = 300) -> list[str]:
    """Run All Cells from the Run menu; wait until every code cell shows ``[n]:``."""

    def run() -> None:
        if page.evaluate("() => !!window.jupyterapp"):
            # Notebook 7: the command, once the session is ready (a menu click made while
            # the kernel was connecting ran nothing).
            page.evaluate(
                """async () => {
                    const app = window.jupyterapp;
                    await app.shell.currentWidget.sessionContext.ready;
                    app.commands.execute('notebook:run-all-cells');
                }"""
            )
            return
        page.click(".lm-MenuBar-itemLabel:text-is('Run')")
        page.click(".lm-Menu-itemLabel:text-is('Run All Cells')")

    accept_kernel_dialog(page)
    run()
    # A Run All sent while the kernel was still connecting runs nothing: send it again.
    started = '() => [...document.querySelectorAll(".jp-InputArea-prompt")]' + (
        ".some(p => /\\[(\\*|\\d+)\\]/.test(p.textContent))"
    )
    try:
        kb.wait_for(lambda: page.evaluate(started), 15, "Run All to start", every=0.25)
    except AssertionError:
        run()

    def done() -> list[str] | None:
        accept_kernel_dialog(page)
        prompts: list[str] = page.evaluate(_PROMPTS)
        ok = prompts and all(p[1:-2].isdigit() for p in prompts)
        return prompts if ok else None

    kb.wait_for(done, timeout, "every cell to run", every=0.5)
    time.sleep(1.0)  # widget views are drawn just after the last reply
    result: list[str] = kb.wait_for(done, timeout, "every cell to run")
    return result


def axe_in_outputs(page: Any) -> list[dict[str, Any]]:
    """axe-core's serious and critical violations inside the cells' output areas."""
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(kb.AXE_JS))
    found: list[dict[str, Any]] = page.evaluate(
        """async (sel) => {
            const outs = [...document.querySelectorAll(sel)];
            if (!outs.length) return [];
            const r = await axe.run({include: outs}, {resultTypes: ['violations']});
            const out = [];
            for (const v of r.violations) for (const n of v.nodes) {
                const impact = n.impact || v.impact;
                if (impact !== 'serious' && impact !== 'critical') continue;
                const el = document.querySelector(n.target.join(' '));
                out.push({
                    id: v.id, impact, help: v.help, target: n.target.join(' '),
                    html: n.html.slice(0, 200),
                    // Where the node is: in a kit explorer, in an ipywidgets slider.
                    in_explorer: !!(el && el.closest('.aw-explorer')),
                    in_ipywidgets_slider: !!(el && el.closest('.widget-slider'))});
            }
            return out;
        }""",
        OUTPUTS,
    )
    return found


@dataclass
class Step:
    """One control reached by Tab and changed by a key, and what changed."""

    name: str
    key: str
    value_text: tuple[str, str]
    live: tuple[str, str]
    chart_changed: bool


def _focused(page: Any) -> dict[str, Any]:
    info: dict[str, Any] = page.evaluate(
        """() => { const e = document.activeElement;
            return {range: !!(e && e.matches('input[type=range]')),
                    id: e ? e.id : '', disabled: !!(e && e.disabled),
                    valuetext: e ? (e.getAttribute('aria-valuetext') || '') : '',
                    label: e && e.labels && e.labels.length ? e.labels[0].textContent : '',
                    at_max: !!(e && e.value === e.max)}; }"""
    )
    return info


def live_text(root: Any) -> str:
    """The text of the explorer's polite live region(s)."""
    return " | ".join(root.locator("[aria-live=polite]").all_inner_texts())


def keyboard_walk(page: Any, root: Any, timeout: float = 15) -> list[Step]:
    """Tab through ``root`` from its start, changing each enabled range control by key.

    Focus starts on the explorer's first focusable element (as a learner arriving from
    the cell above would); after that only the keyboard is used.
    """
    root.scroll_into_view_if_needed()
    first = root.locator("input, select, button, [tabindex='0']").first
    first.focus()
    ids = set(
        root.locator(RANGE).evaluate_all(
            "els => els.filter(e => !e.disabled && e.offsetParent !== null).map(e => e.id)"
        )
    )
    seen: set[str] = set()
    steps: list[Step] = []
    for _ in range(80):
        f = _focused(page)
        if f["id"] in ids and f["id"] not in seen and not f["disabled"]:
            seen.add(f["id"])
            key = "Home" if f["at_max"] else "End"
            before = (f["valuetext"], live_text(root), kb.chart_signature(root))
            page.keyboard.press(key)
            deadline = time.monotonic() + timeout
            while True:
                after = (_focused(page)["valuetext"], live_text(root), kb.chart_signature(root))
                if (after[1] != before[1] and after[2] != before[2]) or time.monotonic() > deadline:
                    break
                time.sleep(0.1)
            steps.append(
                Step(
                    f["label"],
                    key,
                    (before[0], after[0]),
                    (before[1], after[1]),
                    before[2] != after[2],
                )
            )
        if seen >= ids:
            break
        page.keyboard.press("Tab")
    return steps


def misnamed_ranges(page: Any) -> list[str]:
    """Range controls whose id is not unique or whose accessible name is not their label."""
    found: list[str] = page.evaluate(
        """sel => [...document.querySelectorAll(sel)].filter(e => {
            const label = e.closest('.aw-range').querySelector('.aw-range-label');
            return document.querySelectorAll('#' + CSS.escape(e.id)).length !== 1
                || !e.labels || e.labels.length !== 1 || e.labels[0] !== label
                || !label.textContent.trim();
        }).map(e => e.outerHTML.slice(0, 160))""",
        RANGE,
    )
    return found


def announced(root: Any) -> str:
    """What a screen reader gets for ``root``: its accessibility tree as YAML text."""
    snapshot: str = root.aria_snapshot()
    return snapshot
