"""``doctor()``: a readable report on the learner's environment, and what to do about it.

A learner alone with a lesson that shows a blank chart has no way to tell a missing
widget extension from a blocked CDN. ``doctor()`` checks what the kit depends on and says,
in plain words, what is fine and what to do when something is off.

Examples
--------
>>> report = doctor()
>>> report.ok
True
>>> report.verdict
'All checks passed: the kit is ready.'
>>> print(report.checks[0].name)
Python
"""

from __future__ import annotations

import importlib.metadata as md
import os
import platform
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["Check", "DoctorReport", "detect_frontend", "doctor", "main"]

# Packages whose versions explain most "it works on my machine" differences.
PACKAGES = (
    "alliance_widgets",
    "jupyterlab",
    "notebook",
    "ipywidgets",
    "jupyterlab_widgets",
    "anywidget",
    "altair",
    "vl-convert-python",
    "pandas",
    "numpy",
    "scipy",
    "statsmodels",
)
# vl-convert-python is optional (the "static" extra): it makes static SVGs for lesson builds
# and nbval; a learner's charts draw without it (and Pyodide has none).
REQUIRED = {"ipywidgets", "anywidget", "altair", "pandas", "numpy"}


@dataclass(frozen=True)
class Check:
    """One line of the report: what was checked, whether it is fine, what to do if not."""

    name: str
    ok: bool
    detail: str
    fix: str = ""

    def line(self) -> str:
        """Return the check as one line of text, with the fix when it failed."""
        mark = "ok " if self.ok else "FIX"
        text = f"[{mark}] {self.name}: {self.detail}"
        return text + (f"\n      → {self.fix}" if not self.ok and self.fix else "")


@dataclass(frozen=True)
class DoctorReport:
    """The doctor's findings; displays as text or Markdown in a notebook."""

    checks: tuple[Check, ...]
    frontend: str
    versions: Mapping[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when every check passed."""
        return all(c.ok for c in self.checks)

    @property
    def verdict(self) -> str:
        """One deterministic sentence: all is well, or how many things need a fix."""
        bad = [c.name for c in self.checks if not c.ok]
        if not bad:
            return "All checks passed: the kit is ready."
        return f"{len(bad)} check(s) need attention: {', '.join(bad)}."

    def __str__(self) -> str:
        lines = ["alliance_widgets doctor", self.verdict, ""]
        lines += [c.line() for c in self.checks]
        return "\n".join(lines)

    def __repr__(self) -> str:
        return str(self)

    def _repr_markdown_(self) -> str:
        rows = "\n".join(
            f"| {'✅' if c.ok else '⚠️'} | {c.name} | {c.detail} | {'' if c.ok else c.fix} |"
            for c in self.checks
        )
        return (
            f"**alliance_widgets doctor** — {self.verdict}\n\n"
            "| | check | finding | what to do |\n|---|---|---|---|\n" + rows
        )


def _version(dist: str) -> str | None:
    try:
        return md.version(dist)
    except md.PackageNotFoundError:
        return None


def detect_frontend(environ: Mapping[str, str] | None = None) -> str:
    """Guess where the kernel runs: Colab, VS Code, JupyterLab/Notebook 7, or plain Python.

    Examples
    --------
    >>> detect_frontend({"VSCODE_PID": "1"})
    'VS Code'
    >>> detect_frontend({})
    'plain Python (no notebook)'
    """
    env = os.environ if environ is None else environ
    if "COLAB_RELEASE_TAG" in env or "google.colab" in sys.modules:
        return "Google Colab"
    if "VSCODE_PID" in env or "VSCODE_CWD" in env:
        return "VS Code"
    if "JUPYTERHUB_API_TOKEN" in env:
        return "JupyterHub (JupyterLab or Notebook 7)"
    if "JPY_SESSION_NAME" in env or "JPY_PARENT_PID" in env:
        return "JupyterLab or Notebook 7"
    from alliance_widgets._kernel import in_kernel

    return "a Jupyter kernel" if in_kernel() else "plain Python (no notebook)"


def _check_python() -> Check:
    v = platform.python_version()
    ok = sys.version_info >= (3, 10)
    return Check("Python", ok, v, "Use Python 3.10 or newer: run `python3 kit.py lab`.")


def _check_packages(versions: Mapping[str, str | None]) -> Check:
    missing = sorted(p for p in REQUIRED if versions.get(p) is None)
    shown = ", ".join(f"{k} {v}" for k, v in versions.items() if v)
    if missing:
        return Check(
            "Packages",
            False,
            f"missing: {', '.join(missing)}",
            "Reinstall the kit from its folder: `python3 kit.py lab` (or "
            f"`pip install {' '.join(missing)}`).",
        )
    return Check("Packages", True, shown)


def _check_widget_frontend(versions: Mapping[str, str | None], frontend: str) -> Check:
    if frontend in ("Google Colab", "VS Code"):
        return Check(
            "Widget frontend",
            True,
            f"{frontend} draws ipywidgets itself",
        )
    lab_ext = versions.get("jupyterlab_widgets")
    if lab_ext is None:
        return Check(
            "Widget frontend",
            False,
            "jupyterlab_widgets (the JupyterLab extension that draws widgets) is not installed",
            "Install it in the environment that runs JupyterLab: `pip install "
            "jupyterlab_widgets`, then restart JupyterLab.",
        )
    return Check("Widget frontend", True, f"jupyterlab_widgets {lab_ext} installed")


def _check_kernel_start(jsonschema: str | None, rfc3987_syntax: str | None) -> Check:
    """Whether every kernel pays ~1 s of CPU for jsonschema's IRI grammars on import.

    jsonschema 4.25 and newer import ``rfc3987-syntax`` when it is installed (the
    ``format-nongpl`` extra that Jupyter's own packages ask for), and that compiles 39 lark
    grammars, about 1 s of CPU, in every kernel that imports altair and in every Jupyter
    server: thirty learners starting a lesson together wait for thirty of them. The kit
    works either way, so this never fails the report; it says what a hub admin can do.

    Examples
    --------
    >>> print(_check_kernel_start("4.24.1", None).detail)
    jsonschema 4.24.1: nothing extra to compile when a kernel starts
    >>> print(_check_kernel_start("4.26.0", "1.1.0").detail)  # doctest: +ELLIPSIS
    slower start: jsonschema 4.26.0 with rfc3987-syntax 1.1.0 compiles ... 'jsonschema<4.25'.
    """
    parts = tuple(int(p) for p in (jsonschema or "0.0").split(".")[:2] if p.isdigit())
    if rfc3987_syntax is None or parts < (4, 25):
        return Check(
            "Kernel start",
            True,
            f"jsonschema {jsonschema}: nothing extra to compile when a kernel starts",
        )
    return Check(
        "Kernel start",
        True,
        f"slower start: jsonschema {jsonschema} with rfc3987-syntax {rfc3987_syntax} compiles "
        "39 grammars in every kernel and Jupyter server (about 1 s of CPU each); for a class "
        "hub, pip install 'jsonschema<4.25'.",
    )


def _check_offline_charts() -> Check:
    # Reads the shipped bundle only: the doctor must not load vl-convert's V8 engine into
    # the learner's kernel it is checking.
    from alliance_widgets.charts.offline_js import BundleError, read_bundle

    try:
        _, info = read_bundle()
    except BundleError as exc:
        return Check(
            "Offline charts",
            False,
            str(exc),
            "Reinstall the kit (`python3 kit.py lab`, or `pip install -e .` in its folder): "
            "installing builds the offline chart JavaScript.",
        )
    import altair as alt

    from alliance_widgets.charts.render import (
        RENDERER_NAME,
        enable_offline_charts,
        in_kernel,
        svg_available,
    )

    if in_kernel():
        enable_offline_charts()
    active = alt.renderers.active
    ok = active == RENDERER_NAME or not in_kernel()
    shipped = (
        f"vega {info['vega']}, vega-embed {info['vega_embed']} bundled with the kit "
        f"(vl-convert {info['vl_convert']})"
    )
    pictures = (
        "static SVGs: vl-convert installed"
        if svg_available()
        else ("static SVGs: none (vl-convert-python not installed; charts keep a text summary)")
    )
    detail = (
        f"{shipped}; altair renderer '{active}'; {pictures}"
        if in_kernel()
        else f"{shipped}; {pictures} (the renderer is set when a notebook imports the kit)"
    )
    return Check(
        "Offline charts",
        ok,
        detail,
        "Run `import alliance_widgets` in the notebook before drawing charts; it switches "
        "altair to the offline renderer.",
    )


def doctor() -> DoctorReport:
    """Check the environment the kit runs in and return a readable report.

    The report lists Python and package versions, the frontend detected (JupyterLab /
    Notebook 7 / VS Code / Colab), whether widgets can be drawn, and whether charts
    render offline; each failed check says what to do.
    """
    versions = {p: _version(p) for p in PACKAGES}
    frontend = detect_frontend()
    checks = (
        _check_python(),
        _check_packages(versions),
        Check("Frontend", True, frontend),
        _check_widget_frontend(versions, frontend),
        _check_kernel_start(_version("jsonschema"), _version("rfc3987-syntax")),
        _check_offline_charts(),
    )
    return DoctorReport(checks, frontend, {k: v for k, v in versions.items() if v})


def main(argv: list[str]) -> int:
    """``alliance-kit doctor``: print the report; exit 1 when a check fails."""
    if argv and argv[0] in ("-h", "--help"):
        print("usage: alliance-kit doctor\n\nReport on this environment and what to fix.")
        return 0
    report = doctor()
    print(report)
    return 0 if report.ok else 1
