"""``alliance-kit present``: the kit's explorers as a Voilà app, code hidden, offline.

For a workshop of clinicians who do not code: one page with a heading and a sentence of
explanation above each explorer, no code, no request to the internet. The gallery
notebook is generated here (so it always lists the explorers the installed kit has) and
served by Voilà with the kit's template, which is Voilà's "lab" template without the two
Font Awesome links to a CDN.

    alliance-kit present                 # serve on http://127.0.0.1:8866/ and open a browser
    alliance-kit present --port 9000 --no-browser
    alliance-kit present --write gallery.ipynb   # only write the notebook

Examples
--------
>>> nb = gallery_notebook()
>>> [c.source for c in nb.cells if c.cell_type == "code"][1]
'aw.BordinExplorer()'
>>> sum(c.cell_type == "code" for c in nb.cells)
8
>>> [i.widget for i in available_items([GALLERY[0]])]
['BordinExplorer']
>>> voila_command(Path("g.ipynb"), 9000, open_browser=False)[3:6]
['g.ipynb', '--port=9000', '--Voila.port_retries=0']
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import socket
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alliance_widgets.science.validation import check_int

__all__ = [
    "GALLERY",
    "TEMPLATE_NAME",
    "GalleryItem",
    "available_items",
    "build_parser",
    "gallery_notebook",
    "main",
    "voila_command",
    "voila_env",
    "write_gallery",
]

DEFAULT_PORT = 8866
TEMPLATE_NAME = "alliance"
# A Jupyter data directory inside the package that holds voila/templates/alliance.
GALLERY_DATA_DIR = Path(__file__).resolve().parents[1] / "templates"


@dataclass(frozen=True)
class GalleryItem:
    """One explorer on the gallery page: its class, a heading, one plain sentence."""

    widget: str
    heading: str
    sentence: str


GALLERY: tuple[GalleryItem, ...] = (
    GalleryItem(
        "BordinExplorer",
        "What the alliance is made of",
        "Bordin described the alliance as three parts, the bond between client and "
        "therapist, agreement on the goals of therapy and agreement on the tasks used to "
        "get there; change each part and watch how the overall alliance score responds.",
    ),
    GalleryItem(
        "LambertExplorer",
        "Where does improvement come from?",
        "Lambert's well-known pie chart divides client improvement among life outside "
        "therapy, the relationship, hope and expectancy, and technique; compare that "
        "conceptual split with what studies of real therapy estimate.",
    ),
    GalleryItem(
        "AllianceOutcomeExplorer",
        "Does a stronger alliance go with a better outcome?",
        "Each dot is one simulated client, placed by how strong their alliance was and how "
        "much they improved; change the strength of the link and see how a modest "
        "correlation still leaves a wide spread of individual stories.",
    ),
    GalleryItem(
        "RuptureRepairExplorer",
        "Ruptures and repair, session by session",
        "Follow one client's alliance across sessions as tensions arise and are, or are "
        "not, repaired; the dip and recovery show why a repaired rupture can be a turning "
        "point rather than a failure.",
    ),
    GalleryItem(
        "TherapistEffectsExplorer",
        "Therapists differ",
        "Clients are grouped by their therapist; adjust how much therapists differ and see "
        "how much of the alliance belongs to the therapist and how much to each pairing "
        "of therapist and client.",
    ),
    GalleryItem(
        "FeedbackExplorer",
        "Is this client on track?",
        "Session-by-session scores on an outcome questionnaire are compared with the "
        "expected course of recovery, and a warning appears when a client drifts off "
        "track, as in routine outcome monitoring.",
    ),
    GalleryItem(
        "CausalExplorer",
        "Does the alliance cause change?",
        "Pick which way the alliance and improvement drive each other in four simulated "
        "clinics; the usual end-of-therapy correlation looks the same in all of them, and "
        "only a session-by-session analysis within each client tells them apart.",
    ),
)

_COUNT_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight")


def _title(n: int) -> str:
    word = _COUNT_WORDS[n] if n < len(_COUNT_WORDS) else str(n)
    return f"The therapeutic alliance: {word} interactive explorer{'s' if n != 1 else ''}"


_INTRO = (
    "Each explorer below has controls and a chart that updates as you move them; "
    "sentences under each chart say in words what it shows. Every client here is "
    "simulated: no real person's data appear on this page."
)


def available_items(
    items: Sequence[GalleryItem] = GALLERY,
) -> tuple[GalleryItem, ...]:
    """Return the items whose explorer this installation of the kit can import.

    An explorer whose module is not there (a kit installed from a branch that lacks
    it) is left off the page instead of showing a traceback to a workshop; one whose
    module is there but broken still raises, so that a bug is not hidden.
    """
    import alliance_widgets.widgets as kit_widgets

    found = []
    for item in items:
        try:
            getattr(kit_widgets, item.widget)
        except ModuleNotFoundError as exc:
            if not (exc.name or "").startswith("alliance_widgets."):
                raise
        else:
            found.append(item)
    return tuple(found)


def gallery_notebook(items: Sequence[GalleryItem] = GALLERY) -> Any:
    """Return the gallery as an ``nbformat`` notebook: a heading and sentence per explorer.

    The code cells are hidden by Voilà; the markdown carries everything a reader sees
    besides the explorers themselves.
    """
    import nbformat

    v4 = nbformat.v4
    cells = [
        v4.new_markdown_cell(f"# {_title(len(items))}\n\n{_INTRO}"),
        # Importing the kit inside the kernel switches altair to the offline renderer.
        v4.new_code_cell("import alliance_widgets as aw"),
    ]
    for item in items:
        cells.append(v4.new_markdown_cell(f"## {item.heading}\n\n{item.sentence}"))
        cells.append(v4.new_code_cell(f"aw.{item.widget}()"))
    nb = v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
    }
    nb.metadata["language_info"] = {"name": "python"}
    nb.metadata["title"] = _title(len(items))
    return nb


def write_gallery(path: str | os.PathLike[str], items: Sequence[GalleryItem] = GALLERY) -> Path:
    """Write the gallery notebook of ``items`` to ``path`` (a file or a folder); return it."""
    import nbformat

    target = Path(path)
    if target.is_dir():
        target = target / "alliance_gallery.ipynb"
    if target.suffix != ".ipynb":
        raise ValueError(f"path must end in .ipynb or be a folder; got {str(path)!r}.")
    nbformat.write(gallery_notebook(items), str(target))
    return target


def voila_command(notebook: Path, port: int, *, open_browser: bool) -> list[str]:
    """Return the Voilà command line that serves ``notebook`` on loopback at ``port``."""
    cmd = [
        sys.executable,
        "-m",
        "voila",
        str(notebook),
        f"--port={port}",
        # Voilà would silently move to another port; the URL printed must be the real one.
        "--Voila.port_retries=0",
        "--Voila.ip=127.0.0.1",
        f"--template={TEMPLATE_NAME}",
        "--theme=light",
        "--strip_sources=True",
        # JupyterLab extensions that other packages of the same environment install
        # (Notebook 7's; ipylab and jupytext's, both with otter-grader) cannot load in
        # Voilà's page and log console errors there; the gallery needs none of them.
        "--VoilaConfiguration.extension_denylist="
        "['@jupyter-notebook/lab-extension', 'ipylab', 'jupyterlab-jupytext']",
    ]
    if not open_browser:
        cmd.append("--no-browser")
    return cmd


def voila_env(base: Mapping[str, str] | None = None) -> dict[str, str]:
    """Return an environment in which Voilà finds the kit's template."""
    env = dict(os.environ if base is None else base)
    paths = [str(GALLERY_DATA_DIR)]
    if env.get("JUPYTER_PATH"):
        paths.append(env["JUPYTER_PATH"])
    env["JUPYTER_PATH"] = os.pathsep.join(paths)
    return env


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def build_parser() -> argparse.ArgumentParser:
    """Return the parser for ``alliance-kit present``."""
    parser = argparse.ArgumentParser(
        prog="alliance-kit present",
        description=(
            "Serve the kit's explorers as one web page with Voilà: code hidden, nothing "
            "loaded from the internet. Stop it with Ctrl+C."
        ),
    )
    parser.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"port on 127.0.0.1 ({DEFAULT_PORT})"
    )
    parser.add_argument("--no-browser", action="store_true", help="do not open a web browser")
    parser.add_argument(
        "--write",
        metavar="PATH",
        help="only write the gallery notebook to PATH (a .ipynb file or a folder) and exit",
    )
    return parser


def main(argv: Sequence[str]) -> int:
    """Run ``alliance-kit present``; return the exit code."""
    args = build_parser().parse_args(list(argv))
    if args.write:
        print(write_gallery(args.write, available_items()))
        return 0
    try:
        port = check_int("port", args.port, minimum=1, maximum=65535)
    except ValueError as exc:
        print(f"alliance-kit present: {exc}", file=sys.stderr)
        return 2
    if importlib.util.find_spec("voila") is None:
        print(
            "alliance-kit present needs Voilà: pip install 'alliance_widgets[present]'",
            file=sys.stderr,
        )
        return 1
    if not _port_free(port):
        print(
            f"alliance-kit present: port {port} on 127.0.0.1 is in use; "
            "choose another with --port.",
            file=sys.stderr,
        )
        return 1
    items = available_items()
    missing = [i.widget for i in GALLERY if i not in items]
    if missing:
        print(
            "alliance-kit present: this installation has no " + ", ".join(missing) + "; "
            "the gallery shows the other explorers.",
            file=sys.stderr,
        )
    with tempfile.TemporaryDirectory(prefix="alliance-gallery-") as tmp:
        notebook = write_gallery(Path(tmp) / "alliance_gallery.ipynb", items)
        url = f"http://127.0.0.1:{port}/"
        print(f"The alliance_widgets gallery is at {url} (Ctrl+C stops it).", flush=True)
        cmd = voila_command(notebook, port, open_browser=not args.no_browser)
        try:
            return subprocess.call(cmd, cwd=tmp, env=voila_env())
        except KeyboardInterrupt:
            return 0
