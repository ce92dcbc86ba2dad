"""The kit where vl-convert-python cannot be installed (Pyodide, a slim hub image).

A real kernel is started with a ``sitecustomize`` that refuses ``import vl_convert`` (a
meta-path finder, first in line), and lesson 02 runs in it cell by cell, as "Run All"
does: its explorers, its frozen snapshots (``static_bundle``) and its exercises. Every
chart must still display (the live widget view with the kit's shipped JavaScript, and its
text summary); the static SVG is left out, and nothing fails.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
LESSON = ROOT / "lessons" / "02_lamberts_model_and_its_critics.ipynb"
WIDGET = "application/vnd.jupyter.widget-view+json"

BLOCKER = '''
import sys

class _NoVlConvert:
    """Behave as if vl-convert-python had no build for this platform."""

    def find_spec(self, name, path=None, target=None):
        if name == "vl_convert" or name.startswith("vl_convert."):
            raise ModuleNotFoundError(f"No module named {name!r} (hidden by the test)", name=name)
        return None

sys.meta_path.insert(0, _NoVlConvert())
'''

PROBE = """
import sys, altair as alt
from alliance_widgets.charts.render import enable_offline_widgets
print(repr(("vl_convert" in sys.modules, alt.JupyterChart._is_offline, enable_offline_widgets())))
"""


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> nbformat.NotebookNode:
    site = tmp_path_factory.mktemp("no_vl_convert")
    (site / "sitecustomize.py").write_text(BLOCKER)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(site), *filter(None, [env.get("PYTHONPATH")])])
    # A learner's kernel: the root conftest asks for static SVGs, a learner does not.
    env.pop("ALLIANCE_WIDGETS_STATIC_SVG", None)
    nb = nbformat.read(LESSON, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
    nb.cells.append(nbformat.v4.new_code_cell(PROBE))
    from alliance_widgets.tools.lessons_build import _kernel_manager

    client = NotebookClient(
        nb, km=_kernel_manager(), timeout=300, resources={"metadata": {"path": str(LESSON.parent)}}
    )
    try:
        client.execute(env=env)
    finally:
        if client.km is not None and client.km.has_kernel:
            client.km.shutdown_kernel(now=True)
    return nb


def _outputs(nb: nbformat.NotebookNode) -> list[dict]:
    return [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]


def test_the_blocker_hides_vl_convert_in_a_plain_process(tmp_path: Path) -> None:
    import subprocess

    (tmp_path / "sitecustomize.py").write_text(BLOCKER)
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    code = (
        "from alliance_widgets.charts.render import svg_available, static_bundle\n"
        "print(svg_available(), sorted(static_bundle({'title': 'T', 'mark': 'point'})))\n"
        "import vl_convert\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )
    assert done.stdout.strip() == "False ['text/plain']"
    assert "hidden by the test" in done.stderr


def test_lesson_runs_without_errors(executed: nbformat.NotebookNode) -> None:
    errors = [o for o in _outputs(executed) if o.get("output_type") == "error"]
    assert errors == [], errors[0].get("traceback") if errors else None


def _text(data: dict) -> str:
    text = data.get("text/plain", "")
    return "".join(text) if isinstance(text, list) else text


def test_every_chart_keeps_its_text_and_drops_only_the_svg(
    executed: nbformat.NotebookNode,
) -> None:
    run = [o.get("data", {}) for o in _outputs(executed)]
    assert not any("image/svg+xml" in d for d in run)
    stored = nbformat.read(LESSON, as_version=4)
    pairs = zip(
        [c for c in stored.cells if c.cell_type == "code"],
        [c for c in executed.cells if c.cell_type == "code"],
        strict=False,
    )
    charts = 0
    for old, new in pairs:
        for out in old.get("outputs", []):
            if "image/svg+xml" not in out.get("data", {}):
                continue
            charts += 1
            # The same chart, shown with the same words, in the same cell.
            texts = [_text(o.get("data", {})) for o in new.get("outputs", [])]
            assert _text(out["data"]) in texts
    # The explorer and the two snapshots the lesson freezes.
    assert charts == 3
    live = [d for d in run if WIDGET in d]
    assert len(live) == 1 and "Lambert" in _text(live[0])


def test_kernel_never_loaded_vl_convert_and_used_the_shipped_javascript(
    executed: nbformat.NotebookNode,
) -> None:
    probe = executed.cells[-1].outputs
    text = "".join(o.get("text", "") for o in probe)
    assert text.strip() == "(False, True, 'shipped')"
