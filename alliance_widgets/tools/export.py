"""``alliance-kit export``: a lesson as one offline HTML page, every chart drawn.

nbconvert's own HTML templates ask cdnjs for require.js, MathJax and mermaid, so a page
exported with them is not offline. The kit ships an ``alliance_static`` template (in
``alliance_widgets/templates/nbconvert/templates``) that leaves those out and shows each
chart's static SVG with its one-sentence summary as the picture's text alternative. This
command runs nbconvert with that template on the kit's own template path, so nobody has
to set ``JUPYTER_PATH`` by hand; it writes ``NAME.html`` beside each notebook or into
``--output-dir``.

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
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

__all__ = ["TEMPLATE", "build_parser", "main", "nbconvert_command"]

TEMPLATE = "alliance_static"
TEMPLATE_ROOT = Path(__file__).resolve().parents[1] / "templates"


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
    env = dict(os.environ)
    # The kit's template directory goes first, so its alliance_static wins over any other.
    env["JUPYTER_PATH"] = os.pathsep.join(
        [str(TEMPLATE_ROOT), *filter(None, [env.get("JUPYTER_PATH")])]
    )
    return subprocess.call(nbconvert_command(args.notebooks, args.output_dir), env=env)
