#!/usr/bin/env python3
"""Set up and run the kit with nothing but python3.

    python3 kit.py lab     # create .venv, install the kit, open the lessons in JupyterLab
    python3 kit.py test    # the same set-up, then every check CI runs

Standard library only: this file runs before anything is installed. The environment is
made once in ``.venv`` and reinstalled only when ``pyproject.toml`` or
``requirements-lock.txt`` changes (a stamp file records their hash).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".kit-install-stamp"
LOCK = ROOT / "requirements-lock.txt"
BROWSER_DIR = ROOT / "tests" / "browser"
CHROMIUM = Path("/usr/bin/chromium")
BUNDLE = ROOT / "alliance_widgets" / "charts" / "_offline" / "jupyter_chart.js"


def say(msg: str) -> None:
    """Print a progress line, marked as the kit's own."""
    print(f"[kit] {msg}", flush=True)


def run(cmd: list[object], **kw: object) -> int:
    """Run a command in the repo root, echoing it; return its exit code."""
    say("$ " + " ".join(str(c) for c in cmd))
    return subprocess.call([str(c) for c in cmd], cwd=ROOT, **kw)  # type: ignore[arg-type]


def must(cmd: list[object]) -> None:
    """Run a command; stop with its exit code if it fails."""
    code = run(cmd)
    if code:
        say(f"failed with exit code {code}: {' '.join(str(c) for c in cmd)}")
        sys.exit(code)


def install_hash() -> str:
    """Hash of what decides the installed environment."""
    h = hashlib.sha256()
    for f in (ROOT / "pyproject.toml", LOCK):
        if f.exists():
            h.update(f.read_bytes())
    return h.hexdigest()


def ensure_env() -> None:
    """Create .venv and install the kit with JupyterLab, SVG pictures and the test extras.

    The extras split lets a hub that already runs JupyterLab ``pip install`` the kit
    alone; this checkout's environment has everything, pinned by the lock file.
    """
    if sys.version_info < (3, 10):  # noqa: UP036 - this file runs under any python3
        sys.exit(f"[kit] Python 3.10 or newer is needed; this is {sys.version.split()[0]}.")
    if not PY.exists():
        say(f"creating the environment in {VENV.relative_to(ROOT)}/ (once)")
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = install_hash()
    # The offline chart JavaScript is made by the install (hatch_build.py) and git-ignored:
    # a `git clean -X` removes it, and the next run reinstalls to make it again.
    if STAMP.exists() and STAMP.read_text() == wanted and BUNDLE.exists():
        return
    t0 = time.perf_counter()
    say("installing the kit and its dependencies (a few minutes the first time)")
    must([PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip"])
    cmd = [PY, "-m", "pip", "install", "--quiet", "-e", ".[lab,static,test]"]
    if LOCK.exists():
        cmd += ["--constraint", LOCK]
    must(cmd)
    STAMP.write_text(wanted)
    say(f"environment ready in {time.perf_counter() - t0:.0f} s")


def ensure_browser() -> None:
    """Debian's chromium for the browser tests, and their npm packages (no CDN)."""
    if not CHROMIUM.exists():
        if shutil.which("apt-get") is None or os.geteuid() != 0:
            sys.exit(
                "[kit] the browser tests need /usr/bin/chromium. Install Debian's chromium "
                "(apt-get install chromium) as root, then run this command again."
            )
        say("installing Debian's chromium for the browser tests (once, about a minute)")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        for cmd in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "chromium"]):
            code = subprocess.call(cmd, env=env, stdout=subprocess.DEVNULL)
            if code:
                sys.exit(f"[kit] {' '.join(cmd)} failed with exit code {code}")
    lock = BROWSER_DIR / "package-lock.json"
    # Every package tests/browser/package.json names (axe-core for the accessibility tests,
    # KaTeX for the static export, configurable-http-proxy for the classroom hub): npm ci
    # again whenever one is missing, e.g. after a new one is added.
    manifest = json.loads((BROWSER_DIR / "package.json").read_text(encoding="utf-8"))
    wanted = sorted(manifest.get("devDependencies", {}))
    if lock.exists() and not all((BROWSER_DIR / "node_modules" / m).exists() for m in wanted):
        if shutil.which("npm") is None:
            sys.exit("[kit] the browser tests need npm (apt-get install npm).")
        must(["npm", "ci", "--silent", "--no-audit", "--no-fund", "--prefix", BROWSER_DIR])


def lab(args: list[str]) -> int:
    """Set up, then serve JupyterLab on the lessons folder."""
    ensure_env()
    say("opening the lessons in JupyterLab; stop it with Ctrl+C")
    lessons = ROOT / "lessons"
    # JupyterLab resolves a file argument against the working directory, not --notebook-dir:
    # an absolute path inside the lessons folder opens the first lesson in its tree.
    cmd: list[object] = [BIN / "jupyter", "lab", "--notebook-dir", lessons]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Containers and classroom VMs often run as root; Jupyter refuses that unless told.
        cmd.append("--allow-root")
    cmd = [*cmd, lessons / "00_start_here.ipynb", *args]
    if os.name == "posix":
        # Become the server, so that Ctrl+C or a supervisor's SIGTERM reaches JupyterLab
        # itself and no orphaned server keeps the port.
        say("$ " + " ".join(str(c) for c in cmd))
        os.execv(str(cmd[0]), [str(c) for c in cmd])
    return run(cmd)


def test(args: list[str]) -> int:
    """Every check CI runs: lint, types, datasets, lessons, unit + doctests + nbval + browser."""
    ensure_env()
    ensure_browser()
    steps: list[tuple[str, list[object]]] = [
        ("ruff lint", [BIN / "ruff", "check", "."]),
        ("ruff format", [BIN / "ruff", "format", "--check", "."]),
        ("mypy", [BIN / "mypy"]),
        ("datasets verify", [BIN / "alliance-kit", "datasets", "verify"]),
        ("lessons check", [BIN / "alliance-kit", "lessons", "check"]),
        (
            "pytest",
            [
                PY,
                "-m",
                "pytest",
                "-n",
                "2",
                "--dist",
                "loadfile",
                "--doctest-modules",
                "alliance_widgets",
                "tests",
                "--nbval",
                "--nbval-current-env",
                "--nbval-sanitize-with",
                "lessons/nbval_sanitize.cfg",
                "lessons",
                # lesson sources are notebooks in plain text, not modules to doctest
                "--ignore=lessons/src",
                *args,
            ],
        ),
    ]
    failed = []
    for name, cmd in steps:
        if run(cmd):
            failed.append(name)
    if failed:
        say("FAILED: " + ", ".join(failed))
        return 1
    say("all checks passed")
    return 0


def main() -> int:
    """Dispatch `lab` or `test`."""
    commands = {"lab": lab, "test": test}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__)
        return 2
    return commands[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
