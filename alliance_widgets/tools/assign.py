r"""``alliance-kit assign``: the lessons' exercises as otter-grader assignments.

For each lesson this writes an otter *master notebook* (see
:mod:`alliance_widgets.tools.assign_master`) and runs otter's own ``otter assign`` on it, so
the student notebook, the autograder notebook and ``autograder.zip`` are otter's work, in
otter's format. The layout under ``--output-dir``::

    NN_slug/master/      NN_slug.ipynb (the master), requirements.txt, the kit's wheel
    NN_slug/student/     NN_slug.ipynb to hand out, with the wheel
    NN_slug/autograder/  NN_slug.ipynb (with solutions) and autograder.zip

The kit travels with the assignment: its wheel (datasets inside) is built once from the
checkout, offline, and ``requirements.txt`` installs it from the autograder's own files, so
grading fetches nothing from a hub or a CDN.

Examples
--------
>>> args = build_parser().parse_args(["04", "--output-dir", "graded"])
>>> args.lessons, args.output_dir, args.run_tests
(['04'], 'graded', True)
>>> requirements_text("alliance_widgets-0.1.0-py3-none-any.whl")
'/autograder/source/files/alliance_widgets-0.1.0-py3-none-any.whl\n'
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from alliance_widgets.tools.assign_master import find_exercises, master_notebook

__all__ = ["assign_lesson", "build_parser", "build_wheel", "main", "requirements_text"]

# otter copies an assignment's ``files`` into the autograder's ``source/files`` folder;
# /autograder is where Gradescope and ``otter grade``'s Docker image put it.
AUTOGRADER_FILES = "/autograder/source/files"


def build_parser() -> argparse.ArgumentParser:
    """Return the parser of ``alliance-kit assign``."""
    parser = argparse.ArgumentParser(
        prog="alliance-kit assign",
        description="Turn lessons into otter-grader assignments (master, student, autograder).",
    )
    parser.add_argument(
        "lessons",
        nargs="+",
        metavar="LESSON",
        help="lesson numbers or names, e.g. 04 or 04_how_big_is_the_alliance_effect",
    )
    parser.add_argument("--output-dir", required=True, help="where to write the assignments")
    parser.add_argument(
        "--lessons-dir",
        type=Path,
        default=None,
        help="the lessons folder holding src/ (default: found from here)",
    )
    parser.add_argument(
        "--wheel",
        type=Path,
        default=None,
        help="a built alliance_widgets wheel to ship (default: build one)",
    )
    parser.add_argument(
        "--no-run-tests",
        dest="run_tests",
        action="store_false",
        help="skip otter's check that the solutions pass every test",
    )
    return parser


def build_wheel(project_dir: Path, dest: Path) -> Path:
    """Build the kit's wheel from the checkout at ``project_dir`` into ``dest``, offline.

    ``--no-build-isolation`` uses the hatchling already installed (the ``assign`` extra),
    so nothing is downloaded.
    """
    if not (project_dir / "pyproject.toml").is_file():
        raise ValueError(f"project_dir must hold pyproject.toml; got {project_dir}.")
    dest.mkdir(parents=True, exist_ok=True)
    cmd = [
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--quiet",
        "--no-deps",
        "--no-build-isolation",
        "--wheel-dir",
        str(dest),
        str(project_dir),
    ]
    subprocess.run(cmd, check=True, capture_output=True, text=True)
    wheels = sorted(dest.glob("alliance_widgets-*.whl"))
    if not wheels:
        raise RuntimeError(f"pip wheel wrote no alliance_widgets wheel into {dest}.")
    return wheels[-1]


def requirements_text(wheel_name: str) -> str:
    """The autograder's ``requirements.txt``: the kit from its shipped wheel.

    The kit's own dependencies come with it (pip resolves them when the grading image is
    built, as otter does for otter-grader itself); nothing is fetched while grading.
    """
    return f"{AUTOGRADER_FILES}/{wheel_name}\n"


def assign_lesson(source: Path, wheel: Path, output_dir: Path, *, run_tests: bool = True) -> Path:
    """Write the master notebook of one lesson source and run ``otter assign`` on it.

    Returns the lesson's output folder (``output_dir / NN_slug``). Raises
    ``subprocess.CalledProcessError`` (with otter's output) when otter rejects it.
    """
    import nbformat

    name = source.stem
    text = source.read_text(encoding="utf-8")
    if not find_exercises(text, source.name):
        raise ValueError(f"lesson {name!r} has no exercise cells; nothing to grade.")
    out = output_dir / name
    master_dir = out / "master"
    master_dir.mkdir(parents=True, exist_ok=True)
    shutil.copy2(wheel, master_dir / wheel.name)
    (master_dir / "requirements.txt").write_text(requirements_text(wheel.name), encoding="utf-8")
    config = {
        "name": name,
        "requirements": "requirements.txt",
        "files": [wheel.name],
        # The kit's check cells give the learner feedback, so otter's own cells (which need
        # otter installed in the learner's kernel) are left out; graders run otter.
        "init_cell": False,
        "check_all_cell": False,
        "export_cell": False,
        "generate": {"pdf": False},
        # Grade with the Python the assignment was made (and its solutions checked) with.
        "python_version": f"{sys.version_info.major}.{sys.version_info.minor}",
    }
    master = master_dir / f"{name}.ipynb"
    nbformat.write(master_notebook(text, source.name, config), master)
    for sub in ("student", "autograder"):
        shutil.rmtree(out / sub, ignore_errors=True)
    with tempfile.TemporaryDirectory() as tmp:
        result = Path(tmp) / "dist"
        cmd = [sys.executable, "-m", "otter", "assign", master.name, str(result)]
        if not run_tests:
            cmd.append("--no-run-tests")
        subprocess.run(cmd, cwd=master_dir, check=True, capture_output=True, text=True)
        for sub in ("student", "autograder"):
            shutil.copytree(result / sub, out / sub)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``alliance-kit assign``; return the exit code (2 for a bad lesson name)."""
    from alliance_widgets.tools.lessons_build import find_lessons_dir, select_sources

    args = build_parser().parse_args(argv)
    lessons_dir = args.lessons_dir or find_lessons_dir()
    try:
        sources = select_sources(lessons_dir, args.lessons)
    except ValueError as err:
        print(f"alliance-kit assign: {err}", file=sys.stderr)
        return 2
    output_dir = Path(args.output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        wheel = args.wheel or build_wheel(lessons_dir.resolve().parent, Path(tmp))
        for source in sources:
            began = time.perf_counter()
            try:
                out = assign_lesson(source, wheel, output_dir, run_tests=args.run_tests)
            except subprocess.CalledProcessError as err:
                print(
                    f"alliance-kit assign: otter assign failed on {source.stem}:\n"
                    f"{err.stdout}\n{err.stderr}",
                    file=sys.stderr,
                )
                return 1
            print(f"{source.stem}: {out} ({time.perf_counter() - began:.1f} s)")
    return 0
