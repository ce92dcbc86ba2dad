"""``alliance-kit present``: the Voilà gallery, in a real browser, offline and accessible.

One gallery page is loaded per test module (each page load runs a kernel), and the
tests read it in order: what it shows, that every explorer answers the keyboard and the
mouse, and what axe-core finds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import kitbrowser as kb
import pytest

from alliance_widgets.tools.present import GALLERY as ALL_ITEMS
from alliance_widgets.tools.present import available_items

# The explorers this checkout has (a sixth may still be on its way in a branch); the page
# must show each of them, and the list is checked against the kit's exports below.
GALLERY = available_items()

# Violations axe reports in markup that Voilà or ipywidgets write and the kit cannot
# change, as (rule id, regex on the node's CSS target or HTML, why it is not the kit's).
ALLOWED_AXE: list[tuple[str, str, str]] = []


@pytest.fixture(scope="module")
def gallery_page(browser: Any, gallery: kb.Server) -> Iterator[tuple[Any, kb.PageWatch, float]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    watch = kb.PageWatch().attach(context)
    page = context.new_page()
    seconds = kb.open_gallery(page, gallery, len(GALLERY))
    try:
        yield page, watch, seconds
    finally:
        context.close()


def test_gallery_lists_every_explorer_the_kit_exports() -> None:
    import alliance_widgets.widgets as kit_widgets

    assert [i.widget for i in ALL_ITEMS] == list(kb.KIT_WIDGETS)
    assert sorted(i.widget for i in ALL_ITEMS) == sorted(kit_widgets.__all__)
    missing = [i.widget for i in ALL_ITEMS if i not in GALLERY]
    assert missing == [], f"the gallery cannot import {missing}"


@pytest.mark.timeout(300)
def test_gallery_shows_every_explorer_without_code_or_internet(
    gallery_page: tuple[Any, kb.PageWatch, float],
) -> None:
    page, watch, seconds = gallery_page
    scope = kb.GALLERY_SCOPE
    kb.tall_screenshot(page, kb.SCREENSHOTS / "gallery.png")
    text = page.inner_text(scope)
    for item in GALLERY:
        assert item.heading in text, f"heading {item.heading!r} missing"
        assert item.sentence in text, f"the sentence under {item.heading!r} is missing"
    charts = page.locator(f"{scope} {kb.chart_selector()}").count()
    assert charts == len(GALLERY), f"{charts} charts drawn for {len(GALLERY)} explorers"
    explorers = kb.explorer_roots(page, scope).count()
    assert explorers == len(GALLERY), f"{explorers} explorers for {len(GALLERY)} entries"
    # Code hidden: no input areas, no Python on the page.
    # Voilà leaves empty input areas in the page; none may carry code.
    code = [
        t
        for t in page.locator(f"{scope} .jp-CodeCell .jp-InputArea").all_inner_texts()
        if t.strip()
    ]
    assert code == [], "code cells are shown"
    assert not re.search(r"\baw\.\w+\(\)|import alliance_widgets", text), "code is shown"
    assert "Error" not in text, text
    stderr = page.locator('[data-mime-type="application/vnd.jupyter.stderr"]')
    assert stderr.count() == 0, stderr.all_inner_texts()
    assert watch.outside() == [], "the gallery asked hosts other than this machine"
    assert watch.console_errors + watch.page_errors == [], "console errors"
    print(f"gallery ready in {seconds:.1f} s")


@pytest.mark.timeout(300)
@pytest.mark.parametrize("how", ["keyboard", "mouse"])
def test_every_explorer_answers_keyboard_and_mouse(
    gallery_page: tuple[Any, kb.PageWatch, float], how: str
) -> None:
    page, watch, _ = gallery_page
    roots = kb.explorer_roots(page, kb.GALLERY_SCOPE)
    failures = []
    for i, item in enumerate(GALLERY):
        move = kb.move_slider(roots.nth(i), how=how)
        if not move.changed:
            failures.append(
                f"{item.widget}: moving {move.control!r} by {how} changed "
                f"readout={move.readout_before != move.readout_after}, "
                f"chart={move.chart_before != move.chart_after}"
            )
    assert failures == []
    assert watch.console_errors + watch.page_errors == []
    assert watch.outside() == []


def _allowed(rule: str, node: dict[str, Any]) -> bool:
    return any(
        rule == r and (re.search(p, node["target"]) or re.search(p, node["html"]))
        for r, p, _ in ALLOWED_AXE
    )


@pytest.mark.timeout(300)
def test_gallery_has_no_serious_accessibility_violations(
    gallery_page: tuple[Any, kb.PageWatch, float],
) -> None:
    page, _, _ = gallery_page
    problems = []
    for v in kb.run_axe(page):
        for node in v["nodes"]:
            impact = node["impact"] or v["impact"]
            if impact in ("serious", "critical") and not _allowed(v["id"], node):
                problems.append(
                    f"[{impact}] {v['id']} ({v['help']}): {node['target']}\n"
                    f"    {node['html']}\n    {node['summary']}"
                )
    assert problems == [], "axe-core:\n" + "\n".join(problems)


@pytest.mark.timeout(120)
def test_every_chart_and_control_has_a_text_alternative(
    gallery_page: tuple[Any, kb.PageWatch, float],
) -> None:
    page, _, _ = gallery_page
    # vega writes the Vega-Lite description as the label of the element with role
    # "graphics-document" that holds the SVG (the .vega-embed itself when it has no menu).
    charts = page.eval_on_selector_all(
        f"{kb.GALLERY_SCOPE} .vega-embed",
        """els => els.map(e => {
            const doc = e.matches('[role=graphics-document]')
                ? e : e.querySelector('[role=graphics-document]');
            return doc ? doc.getAttribute('aria-label') : null;
        })""",
    )
    assert len(charts) == len(GALLERY)
    for label in charts:
        assert label and len(label) > 20, label
    unnamed = page.evaluate(
        """scope => [...document.querySelectorAll(
                scope + ' input, ' + scope + ' select, ' + scope + ' button, '
                + scope + ' [role=slider], ' + scope + ' textarea, '
                + scope + ' [contenteditable=true]')]
            .filter(e => e.offsetParent !== null)
            .filter(e => {
                const name = (e.getAttribute('aria-label') || e.title || '').trim()
                    || (e.labels && [...e.labels].map(l => l.textContent).join('').trim())
                    || (e.getAttribute('aria-labelledby') || '').split(' ')
                        .map(id => (document.getElementById(id) || {}).textContent || '')
                        .join('').trim()
                    || (e.tagName === 'BUTTON' ? e.textContent.trim() : '');
                return !name;
            }).map(e => e.outerHTML.slice(0, 200))""",
        kb.GALLERY_SCOPE,
    )
    assert unnamed == [], "controls without an accessible name"
