"""``alliance-kit export`` typesets formulas offline with KaTeX bundled into the page.

Every lesson whose Markdown holds TeX is exported; in Chromium, with every request that
is not a file or a data URI blocked and recorded, the formulas must be drawn by KaTeX
(with MathML for screen readers) and no ``$…$`` may be left on the page.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import kitbrowser as kb
import pytest

from alliance_widgets.tools.export import CHECKOUT_KATEX

TEX = re.compile(r"\$[^$\n]+\$|\\\(|\\\[")


def _markdown(notebook: Path) -> str:
    nb = kb.load_notebook(notebook)
    return "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")


WITH_MATH = [p for p in kb.lesson_notebooks() if TEX.search(_markdown(p))]


def test_some_lesson_has_a_formula() -> None:
    # Otherwise the test below checks nothing.
    assert WITH_MATH, "no lesson has TeX in its Markdown"


@pytest.mark.timeout(300)
def test_formulas_are_typeset_offline(browser: Any, tmp_path: Path) -> None:
    if not CHECKOUT_KATEX.is_dir():
        pytest.fail(f"{CHECKOUT_KATEX} is missing: run `npm ci --prefix tests/browser`")
    cmd = [
        str(kb.BIN / "alliance-kit"),
        "export",
        "--katex",
        str(CHECKOUT_KATEX),
        "--output-dir",
        str(tmp_path),
        *map(str, WITH_MATH),
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    context = browser.new_context()
    watch = kb.PageWatch().attach(context)
    page = context.new_page()
    try:
        for notebook in WITH_MATH:
            html = (tmp_path / f"{notebook.stem}.html").read_text(encoding="utf-8")
            assert not re.search(r"<(?:script|link)\b[^>]*\b(?:src|href)=\"(?:https?:)?//", html)
            page.goto((tmp_path / f"{notebook.stem}.html").as_uri(), wait_until="load")
            kb.wait_for(lambda: page.locator(".katex").count() > 0, 20, "KaTeX to typeset")
            shown = page.locator(".jp-RenderedMarkdown").all_inner_texts()
            # KaTeX's MathML copy (for screen readers) holds the TeX as an annotation;
            # what a reader sees is the .katex-html part.
            left = [m for t in shown for m in TEX.findall(t)]
            assert left == [], f"{notebook.stem}: raw TeX left on the page: {left[:3]}"
            mathml = page.locator(".katex math").count()
            assert mathml == page.locator(".katex").count(), "a formula has no MathML"
            # The fonts came from the page itself: KaTeX's glyphs are drawn.
            fonts = page.evaluate(
                "() => document.fonts.check('16px KaTeX_Main') && document.fonts.size > 0"
            )
            assert fonts, "KaTeX's fonts did not load"
    finally:
        context.close()
    not_local = [u for u in watch.requests if not u.startswith(("file:", "data:"))]
    assert not_local == [] and watch.blocked == []
    assert watch.console_errors + watch.page_errors == []
