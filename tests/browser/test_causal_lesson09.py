"""Lesson 09's CausalExplorer in JupyterLab, driven as a keyboard user drives it.

The general lesson tests (test_lessons_learner.py) run lesson 09 top to bottom and move
one control of each explorer. This test follows the lesson's own path through the
CausalExplorer: with the keyboard only, it switches the analysis from the end-of-therapy
correlation to the lagged within-client effects (a view change: chart and readout must
follow at once), then moves the dropout slider, a re-simulation that takes seconds and
must say so in the live readout (``role=status``) before its result arrives.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import kitbrowser as kb
import pytest

LESSON_09 = sorted(p for p in kb.lesson_notebooks() if p.name.startswith("09_"))
TITLE = "Does the alliance cause change? Four simulated worlds"

pytestmark = pytest.mark.skipif(not LESSON_09, reason="lesson 09 is not built (lessons/09_*)")

# Every text the explorer's live region shows, in order (a screen reader hears each).
_RECORD_READOUTS = """root => {
    const region = root.querySelector('[role=status]');
    window.__awReadouts = [region.innerText];
    new MutationObserver(() => window.__awReadouts.push(region.innerText))
        .observe(region, {childList: true, subtree: true, characterData: true});
}"""


def _causal_root(page: Any) -> Any:
    roots = kb.explorer_roots(page, kb.NOTEBOOK).filter(has_text=TITLE)
    kb.wait_for(lambda: roots.count() >= 1, 30, "the CausalExplorer to be drawn")
    return roots.first


def _radio(root: Any, group: str, option: str) -> Any:
    # A filter's inner locator is matched inside each fieldset, so it starts at the page.
    fieldset = root.locator("fieldset.aw-choice").filter(
        has=root.page.locator(f"legend:text-is('{group}')")
    )
    return fieldset.locator("label.aw-choice-option").filter(has_text=option).locator("input")


@pytest.mark.timeout(600)
def test_lesson09_explorer_by_keyboard(browser: Any, lab: kb.Server) -> None:
    notebook: Path = LESSON_09[0]
    rel = notebook.relative_to(kb.ROOT).as_posix()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    watch = kb.PageWatch().attach(context)
    page = context.new_page()
    try:
        kb.open_notebook(page, lab, rel)
        kb.run_all(page, 300)
        root = _causal_root(page)
        root.scroll_into_view_if_needed()
        root.evaluate(_RECORD_READOUTS)

        # 1. A view change: the other analysis, chosen with the keyboard.
        before_text, before_chart = kb.readout_text(root), kb.chart_signature(root)
        lagged = _radio(root, "Analysis", "Session by session")
        target = _radio(root, "Analysis", "End-of-therapy") if lagged.is_checked() else lagged
        expected = (
            "Switch the analysis" if target is not lagged else "Session by session within each"
        )
        target.focus()
        start = time.monotonic()
        page.keyboard.press("Space")
        text, chart = kb._wait_change(root, before_text, before_chart, 20)
        seconds = time.monotonic() - start
        assert target.is_checked()
        assert chart != before_chart, "the chart did not redraw for the other analysis"
        assert expected in text, text
        print(f"analysis switched by keyboard: chart and readout redrawn in {seconds:.2f} s")

        # 2. A re-simulation: the dropout slider, moved by the keyboard.
        dropout = root.locator(".aw-range").filter(has_text="Dropout after a weak alliance")
        handle = dropout.locator("input[type=range]")
        handle.focus()
        before_text, before_chart = kb.readout_text(root), kb.chart_signature(root)
        handle.press("ArrowRight" if kb._handle_room(handle) > 0 else "ArrowLeft")

        def settled() -> bool:
            now = kb.readout_text(root)
            return now != before_text and not now.startswith("Working")

        kb.wait_for(settled, 240, "the readout of the new worlds")
        kb.wait_for(
            lambda: kb.chart_signature(root) != before_chart, 30, "the chart of the new worlds"
        )
        heard = root.evaluate("() => window.__awReadouts")
        working = [i for i, t in enumerate(heard) if t.startswith("Working: simulating")]
        assert working, f"no busy message in the live region; it showed: {heard}"
        assert working[0] < len(heard) - 1 and not heard[-1].startswith("Working")
        assert not watch.outside(), watch.outside()
        errors = watch.console_errors + watch.page_errors
        assert not errors, errors
    finally:
        context.close()
        kb.stop_kernels(lab)
