"""The layers of DESIGN.md: imports only point down.

science never imports ipywidgets, altair, IPython (nor anything that pulls them in), and
charts never imports widgets. Checked twice: statically over every module's import
statements, and dynamically by importing every science module in a fresh interpreter.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[1] / "alliance_widgets"

FRONTEND = {"ipywidgets", "altair", "IPython", "anywidget", "vl_convert", "traitlets", "vega"}
RULES: dict[str, set[str]] = {
    # layer -> top-level modules (or kit subpackages) it must not import
    "literature": FRONTEND | {"numpy", "pandas", "alliance_widgets"},
    "science": FRONTEND
    | {"alliance_widgets.charts", "alliance_widgets.widgets", "alliance_widgets.datasets"},
    "charts": {"ipywidgets", "alliance_widgets.widgets"},
}


def _layer(path: Path) -> str | None:
    rel = path.relative_to(PKG)
    if rel.parts[0] in ("literature.py", "literature"):
        return "literature"
    if rel.parts[0] in ("science", "charts") and len(rel.parts) > 1:
        return rel.parts[0]
    return None


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
    return found


def _violations() -> list[str]:
    bad = []
    for path in sorted(PKG.rglob("*.py")):
        layer = _layer(path)
        if layer is None:
            continue
        for lineno, name in _imports(path):
            for banned in RULES[layer]:
                if name == banned or name.startswith(banned + "."):
                    # the literature package may import its own modules, nothing else of the kit
                    if layer == "literature" and (
                        name == "alliance_widgets.literature"
                        or name.startswith("alliance_widgets.literature.")
                    ):
                        continue
                    bad.append(f"{path.relative_to(PKG.parent)}:{lineno} ({layer}) imports {name}")
    return bad


def test_no_layer_imports_upward() -> None:
    assert _violations() == []


def test_contract_detects_a_violation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The check must be able to fail: plant a bad import in a fake science module.
    fake_pkg = tmp_path / "alliance_widgets"
    (fake_pkg / "science").mkdir(parents=True)
    (fake_pkg / "science" / "bad.py").write_text("import altair as alt\n")
    monkeypatch.setattr(sys.modules[__name__], "PKG", fake_pkg)
    assert _violations() == ["alliance_widgets/science/bad.py:1 (science) imports altair"]


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
