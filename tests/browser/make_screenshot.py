"""Make ``docs/screenshot.png``: a lesson with an explorer, as a learner sees it in JupyterLab.

Starts JupyterLab on loopback (as the browser tests do) with a copy of ``lessons/``, runs
lesson 01 top to bottom in headless chromium, puts the Bordin explorer back in its first
view (components set by sliders), scrolls it to the top of the notebook and saves the
1200×800 window as a palette PNG (the README shows it).

    .venv/bin/python tests/browser/make_screenshot.py [--lesson 01_bordins_three_components]
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from pathlib import Path

import kitbrowser as kb

OUT = kb.ROOT / "docs" / "screenshot.png"
SIZE = {"width": 1200, "height": 800}
# The window is wider than the picture, so that the explorer's chart sits beside its
# controls as on a laptop screen; the shot is then scaled down to SIZE.
WINDOW = {"width": 1500, "height": 1000}
MAX_BYTES = 300_000


def optimise(png: bytes, colours: int = 256) -> bytes:
    """Return ``png`` scaled to SIZE as an optimised palette PNG (the UI uses few colours)."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    image = image.resize((SIZE["width"], SIZE["height"]), Image.Resampling.LANCZOS)
    small = image.quantize(colors=colours, method=Image.Quantize.MEDIANCUT, dither=0)
    out = io.BytesIO()
    small.save(out, format="PNG", optimize=True)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lesson", default="01_bordins_three_components")
    parser.add_argument(
        "--choose",
        default="Set the comp",
        help="click the explorer's toggle option whose text starts so (its first view)",
    )
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="kit-screenshot-") as tmp:
        root = Path(tmp) / "root"
        root.mkdir()
        kb.lesson_copy(root)
        server = kb.start_jupyterlab(root, Path(tmp) / "jupyter")
        try:
            with sync_playwright() as p:
                browser = kb.launch_chromium(p)
                page = browser.new_context(viewport=WINDOW).new_page()
                kb.open_notebook(page, server, f"lessons/{args.lesson}.ipynb")
                kb.run_all(page, 240)
                explorer = kb.explorer_roots(page, kb.NOTEBOOK).first
                explorer.locator(".vega-embed svg.marks").wait_for(timeout=60_000)
                # The lesson ends with the explorer in a later state; show the view a
                # learner meets first.
                option = explorer.locator(kb.OTHER_TOGGLE).filter(has_text=args.choose)
                if args.choose and option.count():
                    text = option.first.inner_text()
                    option.first.click()
                    explorer.locator(
                        f".widget-toggle-button.mod-active:has-text('{text}')"
                    ).wait_for(timeout=30_000)
                # Put the explorer's code cell at the top: the learner sees the line
                # that made it, then the explorer.
                page.evaluate(
                    """el => {
                        const cell = el.closest('.jp-Cell');
                        const scroller = cell.closest('.jp-WindowedPanel-outer');
                        scroller.scrollTop += cell.getBoundingClientRect().top
                            - scroller.getBoundingClientRect().top - 8;
                    }""",
                    explorer.element_handle(),
                )
                page.mouse.move(5, 5)  # no hover highlight on the chart
                time.sleep(1.0)
                png = page.screenshot()
                browser.close()
        finally:
            server.stop()
    data = optimise(png)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    print(f"{args.out}: {SIZE['width']}×{SIZE['height']}, {len(data) / 1000:.0f} KB")
    if len(data) > MAX_BYTES:
        print(f"over the {MAX_BYTES / 1000:.0f} KB budget", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
