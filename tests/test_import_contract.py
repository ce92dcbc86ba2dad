"""The layers of DESIGN.md (docs/architecture.md): imports only point down.

science never imports ipywidgets, altair, IPython (nor anything that pulls them in), and
charts never imports widgets. Charts and widgets draw no random numbers and compute no
statistics (no ``numpy.random``, no ``scipy.stats``): that science lives in science/.
Nothing in the library imports the course's own content (``alliance_lessons``, beside the
lessons). Checked statically over every module's import statements and attribute uses,
and dynamically by importing modules in a fresh interpreter.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[1] / "alliance_widgets"

FRONTEND = {"ipywidgets", "altair", "IPython", "anywidget", "vl_convert", "traitlets", "vega"}
COURSE = {"alliance_lessons"}
# Science that belongs in science/: random draws and statistical distributions.
SCIENCE_ONLY = {"numpy.random", "scipy.stats"}
RULES: dict[str, set[str]] = {
    # layer -> modules (or kit subpackages) it must not import
    "literature": FRONTEND | COURSE | {"numpy", "pandas", "alliance_widgets"},
    "science": FRONTEND
    | COURSE
    | {"alliance_widgets.charts", "alliance_widgets.widgets", "alliance_widgets.datasets"},
    "charts": COURSE | SCIENCE_ONLY | {"ipywidgets", "alliance_widgets.widgets"},
    "widgets": COURSE | SCIENCE_ONLY,
    "library": COURSE,
}


def _layer(path: Path) -> str:
    rel = path.relative_to(PKG)
    if rel.parts[0] in ("literature.py", "literature"):
        return "literature"
    if rel.parts[0] in ("science", "charts", "widgets") and len(rel.parts) > 1:
        return rel.parts[0]
    return "library"


def _attribute_chain(node: ast.AST) -> str:
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
    return ".".join(reversed(parts))


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative import: resolve against the module's package
                base = ".".join(("alliance_widgets", *path.relative_to(PKG).parts[:-1]))
                base = ".".join(base.split(".")[: len(base.split(".")) - node.level + 1])
                name = f"{base}.{node.module}" if node.module else base
            else:
                name = node.module or ""
            found.append((node.lineno, name))
            # `from scipy import stats` imports the module scipy.stats
            found += [(node.lineno, f"{name}.{a.name}") for a in node.names]
        elif isinstance(node, ast.Attribute) and not isinstance(node.value, ast.Attribute):
            # `np.random.default_rng(...)` uses numpy.random with no import of its own
            chain = _attribute_chain(node)
            alias = {"np": "numpy", "sp": "scipy"}.get(chain.split(".")[0])
            if alias:
                found.append((node.lineno, ".".join([alias, *chain.split(".")[1:]])))
    return found


def _violations() -> list[str]:
    bad = []
    for path in sorted(PKG.rglob("*.py")):
        layer = _layer(path)
        reported: set[int] = set()
        for lineno, name in sorted(set(_imports(path))):
            if lineno in reported:  # one line, one report: `from x import y` names x and x.y
                continue
            if layer == "literature" and name.startswith("alliance_widgets.literature"):
                continue
            if any(name == b or name.startswith(b + ".") for b in RULES[layer]):
                bad.append(f"{path.relative_to(PKG.parent)}:{lineno} ({layer}) imports {name}")
                reported.add(lineno)
    return bad


def test_no_layer_imports_upward() -> None:
    assert _violations() == []


@pytest.mark.parametrize(
    ("where", "code", "expected"),
    [
        ("science/bad.py", "import altair as alt\n", "(science) imports altair"),
        ("charts/bad.py", "from scipy import stats\n", "(charts) imports scipy.stats"),
        ("charts/bad.py", "import scipy.stats\n", "(charts) imports scipy.stats"),
        (
            "widgets/bad.py",
            "import numpy as np\nrng = np.random.default_rng(1)\n",
            "(widgets) imports numpy.random",
        ),
        (
            "widgets/bad.py",
            "from numpy.random import default_rng\n",
            "(widgets) imports numpy.random",
        ),
        ("exercises/bad.py", "import alliance_lessons\n", "(library) imports alliance_lessons"),
        (
            "widgets/bad.py",
            "from alliance_lessons.lesson05 import RUPTURE_VIGNETTES\n",
            "(widgets) imports alliance_lessons.lesson05",
        ),
    ],
)
def test_contract_detects_a_violation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str, code: str, expected: str
) -> None:
    # The check must be able to fail: plant a bad import in a fake module of each layer.
    fake_pkg = tmp_path / "alliance_widgets"
    (fake_pkg / where).parent.mkdir(parents=True)
    (fake_pkg / where).write_text(code)
    monkeypatch.setattr(sys.modules[__name__], "PKG", fake_pkg)
    (found,) = _violations()
    assert found.startswith(f"alliance_widgets/{where}:") and found.endswith(expected), found


def test_the_library_loads_no_course_content_at_runtime() -> None:
    code = (
        "import importlib, pkgutil, sys\n"
        "import alliance_widgets as aw\n"
        "for pkg in ('science', 'charts', 'widgets', 'exercises'):\n"
        "    p = importlib.import_module('alliance_widgets.' + pkg)\n"
        "    for m in pkgutil.iter_modules(p.__path__):\n"
        "        importlib.import_module(f'alliance_widgets.{pkg}.{m.name}')\n"
        "print(','.join(sorted(n for n in sys.modules if n.startswith('alliance_lessons'))))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "", f"importing the library pulled in course content: {out}"


def test_science_imports_no_frontend_at_runtime() -> None:
    code = (
        "import importlib, pkgutil, sys\n"
        "import alliance_widgets.science as s\n"
        "for m in pkgutil.iter_modules(s.__path__):\n"
        "    importlib.import_module('alliance_widgets.science.' + m.name)\n"
        f"bad = sorted(n for n in sys.modules if n.split('.')[0] in {sorted(FRONTEND)!r})\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "", f"importing alliance_widgets.science pulled in: {out}"
