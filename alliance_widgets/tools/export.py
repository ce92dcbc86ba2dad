"""``alliance-kit export``: a lesson as one offline HTML page, every chart drawn.

nbconvert's own HTML templates ask cdnjs for require.js, MathJax and mermaid, so a page
exported with them is not offline. The kit ships an ``alliance_static`` template (in
``alliance_widgets/templates/nbconvert/templates``) that leaves those out and shows each
chart's static SVG with its one-sentence summary as the picture's text alternative. This
command runs nbconvert with that template on the kit's own template path, so nobody has
to set ``JUPYTER_PATH`` by hand; it writes ``NAME.html`` beside each notebook or into
``--output-dir``.

Formulas are typeset by KaTeX inlined into the page (its CSS with the woff2 fonts as data
URIs, its script and auto-render; about 0.6 MB, nothing fetched). KaTeX comes from npm:
:func:`vendor_katex` turns its ``dist`` folder into the template's ``katex.html.j2``
(generated, not committed). ``alliance-kit export`` does this on first use from the
checkout's ``tests/browser/node_modules/katex`` (``npm ci --prefix tests/browser``) or
from ``--katex DIR``; without KaTeX the page keeps the TeX source and a warning says why.

Examples
--------
>>> args = build_parser().parse_args(["lessons/04_x.ipynb", "--output-dir", "site"])
>>> args.notebooks, args.output_dir
(['lessons/04_x.ipynb'], 'site')
>>> main(["no/such/lesson.ipynb"])  # the message goes to stderr
2
"""

from __future__ import annotations

import argparse
import base64
import os
import re
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

__all__ = ["TEMPLATE", "build_parser", "katex_head", "main", "nbconvert_command", "vendor_katex"]

TEMPLATE = "alliance_static"
TEMPLATE_ROOT = Path(__file__).resolve().parents[1] / "templates"
# The KaTeX the template includes (made by vendor_katex; git-ignored).
KATEX_INCLUDE = TEMPLATE_ROOT / "nbconvert" / "templates" / TEMPLATE / "katex.html.j2"
# Where a checkout has KaTeX from npm (tests/browser/package.json pins it).
CHECKOUT_KATEX = Path(__file__).resolve().parents[2] / "tests/browser/node_modules/katex/dist"
# The delimiters a lesson's Markdown uses; code and outputs (<pre>, <code>) are skipped.
_AUTO_RENDER = """document.addEventListener("DOMContentLoaded", function () {
  renderMathInElement(document.body, {
    delimiters: [
      {left: "$$", right: "$$", display: true},
      {left: "\\\\[", right: "\\\\]", display: true},
      {left: "$", right: "$", display: false},
      {left: "\\\\(", right: "\\\\)", display: false}
    ],
    throwOnError: false
  });
});"""


def katex_head(dist: Path) -> str:
    """KaTeX from its npm ``dist`` folder as one block of ``<style>`` and ``<script>``.

    Only the woff2 fonts are kept, inlined as data URIs (every browser KaTeX supports
    reads woff2), so the page needs no file beside it and asks nothing of the network.
    """
    for name in ("katex.min.css", "katex.min.js", "contrib/auto-render.min.js"):
        if not (dist / name).is_file():
            raise FileNotFoundError(f"katex dist {dist} has no {name}; give KaTeX's dist folder.")

    def font(m: re.Match[str]) -> str:
        data = base64.b64encode((dist / "fonts" / m.group(1)).read_bytes()).decode("ascii")
        return f"url(data:font/woff2;base64,{data})"

    css = (dist / "katex.min.css").read_text(encoding="utf-8")
    css = re.sub(r',url\(fonts/[^)]+\.(?:woff|ttf)\) format\("(?:woff|truetype)"\)', "", css)
    css = re.sub(r"url\(fonts/([^)]+\.woff2)\)", font, css)
    js = (dist / "katex.min.js").read_text(encoding="utf-8")
    auto = (dist / "contrib" / "auto-render.min.js").read_text(encoding="utf-8")
    return (
        f"<style>{css}</style>\n<script>{js}</script>\n<script>{auto}</script>\n"
        f"<script>{_AUTO_RENDER}</script>\n"
    )


def vendor_katex(dist: Path, target: Path = KATEX_INCLUDE) -> Path:
    """Write :func:`katex_head` of ``dist`` as the template's include; return its path."""
    # raw: KaTeX's script is not Jinja, whatever braces it holds.
    target.write_text("{% raw %}" + katex_head(dist) + "{% endraw %}\n", encoding="utf-8")
    return target


def build_parser() -> argparse.ArgumentParser:
    """Return the parser of ``alliance-kit export``."""
    parser = argparse.ArgumentParser(
        prog="alliance-kit export",
        description="Export lessons to offline HTML pages (no CDN; every chart drawn).",
    )
    parser.add_argument("notebooks", nargs="+", help="the .ipynb files to export")
    parser.add_argument(
        "--output-dir", default=None, help="where to write the pages (default: beside each)"
    )
    parser.add_argument(
        "--katex",
        default=None,
        help="KaTeX's dist folder from npm, to typeset formulas (default: the one the "
        "template already has, else the checkout's tests/browser/node_modules/katex/dist)",
    )
    return parser


def nbconvert_command(notebooks: Sequence[str], output_dir: str | None) -> list[str]:
    """The nbconvert command line that :func:`main` runs (same interpreter, kit template)."""
    cmd = [sys.executable, "-m", "nbconvert", "--to", "html", "--template", TEMPLATE]
    if output_dir is not None:
        cmd += ["--output-dir", output_dir]
    return [*cmd, *notebooks]


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``alliance-kit export``; return the exit code (2 for a bad notebook path)."""
    args = build_parser().parse_args(argv)
    for name in args.notebooks:
        path = Path(name)
        if not path.is_file() or path.suffix != ".ipynb":
            print(
                f"alliance-kit export: notebook {name!r} does not exist; give the path of a "
                ".ipynb file, e.g. lessons/00_start_here.ipynb.",
                file=sys.stderr,
            )
            return 2
    if args.katex is not None:
        vendor_katex(Path(args.katex))
    elif not KATEX_INCLUDE.is_file() and CHECKOUT_KATEX.is_dir():
        vendor_katex(CHECKOUT_KATEX)
    if not KATEX_INCLUDE.is_file():
        print(
            "alliance-kit export: no KaTeX, so formulas stay as TeX source; run "
            "`npm ci --prefix tests/browser` in a checkout or pass --katex DIR.",
            file=sys.stderr,
        )
    env = dict(os.environ)
    # The kit's template directory goes first, so its alliance_static wins over any other.
    env["JUPYTER_PATH"] = os.pathsep.join(
        [str(TEMPLATE_ROOT), *filter(None, [env.get("JUPYTER_PATH")])]
    )
    return subprocess.call(nbconvert_command(args.notebooks, args.output_dir), env=env)
