"""pyproject.toml and environment.yml must name the same packages with the same bounds.

Binder / repo2docker / JupyterHub build from environment.yml, the README's commands from
pyproject.toml; when they drift, a class on a hub gets a different kit than CI tested.
"""

from __future__ import annotations

import re
from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parents[1]
REQ = re.compile(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*?)\s*$")


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _parse(specs: list[str]) -> dict[str, str]:
    out = {}
    for spec in specs:
        m = REQ.match(spec.split(";")[0])
        assert m, f"cannot parse requirement {spec!r}"
        out[_norm(m.group(1))] = m.group(2).replace(" ", "")
    return out


def pyproject_requirements() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    # environment.yml builds the full image (a hub, Binder): the kernel's dependencies and
    # every extra (lab, static, test, present), as `python3 kit.py` installs them.
    specs = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        specs += list(extra)
    return _parse(specs)


def environment_requirements(text: str | None = None) -> dict[str, str]:
    text = (ROOT / "environment.yml").read_text() if text is None else text
    specs = []
    in_deps = False
    for line in text.splitlines():
        if line.startswith("dependencies:"):
            in_deps = True
            continue
        m = re.match(r"^  - ([^\s#:][^#]*)$", line)
        if in_deps and m:
            specs.append(m.group(1).strip())
    parsed = _parse(specs)
    for conda_only in ("python", "pip"):
        parsed.pop(conda_only, None)
    return parsed


def test_same_packages_and_bounds() -> None:
    py, env = pyproject_requirements(), environment_requirements()
    assert sorted(set(py) - set(env)) == [], "in pyproject.toml but not environment.yml"
    assert sorted(set(env) - set(py)) == [], "in environment.yml but not pyproject.toml"
    differ = {k: (py[k], env[k]) for k in py if py[k] != env[k]}
    assert differ == {}, f"version bounds differ (pyproject, environment): {differ}"


def test_the_check_catches_drift() -> None:
    text = (ROOT / "environment.yml").read_text().replace("altair>=", "altair>=99")
    assert environment_requirements(text)["altair"] != pyproject_requirements()["altair"]


def test_required_stack_is_declared() -> None:
    py = pyproject_requirements()
    for name in ("jupyterlab", "ipywidgets", "altair", "pandas", "nbval"):
        assert name in py
