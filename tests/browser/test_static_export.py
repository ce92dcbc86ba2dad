"""A lesson exported to static HTML shows every chart, offline, with no request to a CDN.

A static page cannot run widgets, so each chart must fall back to the SVG the kit stores
beside its widget view. nbconvert's own "lab" template asks cdnjs for require.js, MathJax
and mermaid; the kit's ``alliance_static`` template (in ``alliance_widgets/templates``)
leaves them out. Every learner lesson is exported in one `alliance-kit export` run (nbconvert
with that template), each page is
checked as text, then opened from disk in chromium with every request that is not a file
blocked and recorded, and the charts it draws are counted; each chart's picture carries
the chart's title and summary as its text alternative.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import kitbrowser as kb
import pytest

LESSONS = [p for p in kb.lesson_notebooks() if p.parent == kb.LESSONS]
SVG_OUTPUT = 'data-mime-type="image/svg+xml"'


def stored_svgs(notebook: Path) -> int:
    """How many SVG outputs (live charts' fallbacks and frozen pictures) a lesson stores."""
    nb = kb.load_notebook(notebook)
    return sum(
        "image/svg+xml" in out.get("data", {})
        for cell in nb["cells"]
        if cell["cell_type"] == "code"
        for out in cell.get("outputs", [])
    )


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every learner lesson as HTML, from one ``alliance-kit export`` (nbconvert) run."""
    out = tmp_path_factory.mktemp("html")
    cmd = [str(kb.BIN / "alliance-kit"), "export", "--output-dir", str(out), *map(str, LESSONS)]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return {p.stem: out / f"{p.stem}.html" for p in LESSONS}


@pytest.mark.timeout(300)
@pytest.mark.parametrize("notebook", LESSONS, ids=[p.stem for p in LESSONS])
def test_export_holds_every_chart_and_no_cdn(exported: dict[str, Path], notebook: Path) -> None:
    html = exported[notebook.stem].read_text(encoding="utf-8")
    assert html.count(SVG_OUTPUT) == stored_svgs(notebook)
    # Any script or stylesheet fetched from the web, and any CDN named anywhere.
    remote = re.findall(
        r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)=\"(?:https?:)?//[^\"]*", html
    )
    assert remote == []
    assert not re.search(r"https?://(?:cdn|cdnjs|unpkg)[.\w-]*/", html)
    assert "Error displaying widget" not in html
    assert "application/vnd.jupyter.widget-view+json" not in html


@pytest.mark.timeout(300)
def test_exported_lessons_draw_their_charts_offline(
    browser: Any, exported: dict[str, Path]
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    watch = kb.PageWatch().attach(context)
    page = context.new_page()
    drawn = {}
    try:
        for notebook in LESSONS:
            page.goto(exported[notebook.stem].as_uri(), wait_until="load")
            # A chart counts when its picture decoded and is laid out at a readable size.
            drawn[notebook.stem] = page.eval_on_selector_all(
                f"[{SVG_OUTPUT}] img, [{SVG_OUTPUT}] svg",
                """els => els.filter(e => {
                    const r = e.getBoundingClientRect();
                    const ok = e.tagName !== 'IMG' || (e.complete && e.naturalWidth > 0);
                    return ok && r.width > 100 && r.height > 100;
                }).length""",
            )
            alts = page.eval_on_selector_all(
                f"[{SVG_OUTPUT}] img", "els => els.map(e => e.getAttribute('alt') || '')"
            )
            short = [a for a in alts if len(a) < 20 or a.startswith("No description")]
            assert short == [], f"{notebook.stem}: charts without a text alternative"
        kb.SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(kb.SCREENSHOTS / "static_export.png"))
    finally:
        context.close()
    assert drawn == {p.stem: stored_svgs(p) for p in LESSONS}
    not_files = [u for u in watch.requests if not u.startswith(("file:", "data:"))]
    assert not_files == [], "the exported pages asked for something other than files"
    assert watch.blocked == []
    assert watch.console_errors + watch.page_errors == []
