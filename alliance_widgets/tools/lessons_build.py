"""``alliance-kit lessons build|check|list``: make the lesson notebooks from their sources.

``build [NN ...]`` parses ``lessons/src/NN_slug.py`` (see
:mod:`alliance_widgets.tools.lesson_source`), executes the learner notebook in
``lessons/`` and the solutions notebook in ``lessons/solutions/`` with nbclient (kernel
``python3`` of *this* interpreter, the notebook's folder as working directory, no widget
state stored), normalises them for determinism and size, and writes both atomically
(nothing is written unless both ran without error). It prints each one's execution time
and stored size.

Normalising means: widget views (``application/vnd.jupyter.widget-view+json``) are
dropped from stored outputs, since their model ids are random, nbval skips them, and a
notebook opened before it is run would otherwise say "Error displaying widget: model not
found" where the kit's static SVG and text summary now show; execution timestamps and
other volatile metadata go; nbformat 4.5, the kernelspec and language_info are fixed.

``check [NN ...]`` is fast and runs nothing: every source has both notebooks, their cells
equal what the source generates, every code cell has been executed, no output is an
error, none stores a widget view, each file is at most 300 KB, and every exercise check
reads "not answered yet" in the learner notebook and "correct" in the solutions one
(cells tagged ``feedback-demo`` excepted), so a worked answer that no longer passes its
check is caught. It exits 1 with a
message naming the lesson and the command to run.

Examples
--------
>>> main(["--help"])  # doctest: +ELLIPSIS
usage: alliance-kit lessons ...
0
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alliance_widgets.tools.lesson_source import (
    VARIANTS,
    LessonSource,
    LessonSourceError,
    Variant,
    cell_signature,
    read_source,
    to_notebook,
)

__all__ = [
    "MAX_KB",
    "BuildResult",
    "build_lesson",
    "check_lessons",
    "execute_notebook",
    "find_lessons_dir",
    "main",
    "normalise",
    "notebook_path",
    "select_sources",
]

MAX_KB = 300
TIME_BUDGET_S = 15.0
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
# The first line of an exercise Feedback's text: "Exercise 4.1 — ✅ correct!".
_FEEDBACK_HEAD = re.compile(r"^(?P<name>[^\n]+?) — (?P<mark>[✅🟡❌⏳]) (?P<words>[^\n]+)")
_MEMORY_PROBE = (
    "import resource as _r, sys as _s\n"
    "_m = _r.getrusage(_r.RUSAGE_SELF).ru_maxrss\n"
    # Linux reports kilobytes, macOS bytes.
    "print(_m // 1024 if _s.platform == 'darwin' else _m)"
)


@dataclass(frozen=True)
class BuildResult:
    """One executed notebook: where it goes, its bytes, seconds and peak kernel memory."""

    lesson: str
    variant: Variant
    path: Path
    text: str
    seconds: float
    peak_kb: int | None = None

    @property
    def size_kb(self) -> float:
        """The stored size in kilobytes (1 KB = 1024 bytes)."""
        return len(self.text.encode("utf-8")) / 1024


def find_lessons_dir(start: Path | None = None) -> Path:
    """The ``lessons`` folder: the nearest one holding ``src``, from ``start`` upward.

    Falls back to the one beside the installed package (an editable checkout).
    """
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "lessons" / "src").is_dir():
            return folder / "lessons"
    return Path(__file__).resolve().parents[2] / "lessons"


def notebook_path(lessons_dir: Path, name: str, variant: Variant) -> Path:
    """Where a lesson's learner or solutions notebook lives."""
    folder = lessons_dir if variant == "learner" else lessons_dir / "solutions"
    return folder / f"{name}.ipynb"


def select_sources(lessons_dir: Path, wanted: Sequence[str] = ()) -> list[Path]:
    """The source files for the lessons asked for (``"03"``, ``"03_meet_the_data"``), or all."""
    sources = sorted((lessons_dir / "src").glob("[0-9][0-9]_*.py"))
    if not wanted:
        return sources
    chosen: list[Path] = []
    for w in wanted:
        key = Path(w).stem
        match = [p for p in sources if p.stem == key or p.stem[:2] == key.zfill(2)]
        if not match:
            known = ", ".join(p.stem for p in sources) or "none"
            raise ValueError(f"no lesson source matches {w!r} in {lessons_dir / 'src'}; "
                             f"lessons: {known}.")  # fmt: skip
        chosen += [p for p in match if p not in chosen]
    return chosen


def _kernel_manager() -> Any:
    # The kernel must be this interpreter's, whatever "python3" kernelspec a user has
    # installed elsewhere, so that the build runs against the kit it ships with.
    from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
    from jupyter_client.manager import KernelManager

    class CurrentEnv(KernelSpecManager):
        def get_kernel_spec(self, kernel_name: str) -> Any:
            return KernelSpec(
                argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                display_name="Python 3 (ipykernel)",
                language="python",
                resource_dir=tempfile.gettempdir(),
            )

    return KernelManager(kernel_name="python3", kernel_spec_manager=CurrentEnv())


def execute_notebook(
    nb: Any, cwd: Path, *, timeout: int = 120, measure_memory: bool = False
) -> tuple[Any, float, int | None]:
    """Execute ``nb`` in place with the working directory ``cwd``.

    Returns the notebook, the seconds it took and, with ``measure_memory``, the kernel's
    peak resident memory in KB (from a probe cell run last and then removed).
    """
    import nbformat
    from nbclient import NotebookClient

    if measure_memory:
        nb.cells.append(nbformat.v4.new_code_cell(_MEMORY_PROBE))
    client = NotebookClient(
        nb,
        km=_kernel_manager(),
        timeout=timeout,
        store_widget_state=False,
        record_timing=False,
        resources={"metadata": {"path": str(cwd)}},
    )
    t0 = time.perf_counter()
    try:
        # The kernel's own stderr carries only start-up chatter (transport warnings); what
        # a cell prints or raises reaches the notebook through its outputs.
        # ALLIANCE_WIDGETS_STATIC_SVG: a stored lesson keeps a static SVG of every chart
        # for GitHub, nbviewer and the HTML export (a learner's kernel makes none).
        client.execute(
            stderr=subprocess.DEVNULL,
            env={**os.environ, "ALLIANCE_WIDGETS_STATIC_SVG": "1"},
        )
        seconds = time.perf_counter() - t0
    finally:
        # nbclient shuts down only kernels it created itself; this one is ours.
        if client.km is not None and client.km.has_kernel:
            client.km.shutdown_kernel(now=True)
    peak = None
    if measure_memory:
        probe = nb.cells.pop()
        peak = int("".join(o.get("text", "") for o in probe.outputs).strip() or 0)
    return nb, seconds, peak


def normalise(nb: Any) -> Any:
    """Make an executed notebook deterministic and small (in place; also returned).

    Examples
    --------
    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1")])
    >>> nb.cells[0].outputs = [nbformat.v4.new_output("display_data", data={
    ...     "text/plain": "chart", WIDGET_VIEW: {"model_id": "abc"}})]
    >>> nb.cells[0].metadata["execution"] = {"iopub.status.busy": "2026-01-01"}
    >>> out = normalise(nb)
    >>> dict(out.cells[0].outputs[0].data), out.cells[0].metadata
    ({'text/plain': 'chart'}, {})
    >>> nb.cells[0].outputs = [nbformat.v4.new_output("stream", text=t) for t in "ab"]
    >>> [o.text for o in normalise(nb).cells[0].outputs]
    ['ab']
    """
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        cell.metadata.pop("collapsed", None)
        if cell.cell_type != "code":
            continue
        kept: list[Any] = []
        for out in cell.get("outputs", []):
            out.pop("transient", None)
            if (
                out.get("output_type") == "stream"
                and kept
                and kept[-1].get("output_type") == "stream"
                and kept[-1].get("name") == out.get("name")
            ):
                # A busy kernel may flush one print in several messages; one output per
                # stream keeps a rebuild byte-identical whatever the machine's load.
                kept[-1]["text"] += out["text"]
                continue
            if "data" in out:
                out["data"].pop(WIDGET_VIEW, None)
                if not out["data"]:
                    continue
                meta = out.get("metadata", {})
                for key in list(meta):
                    if key not in out["data"]:
                        del meta[key]
            kept.append(out)
        cell.outputs = kept
    nb.metadata.pop("widgets", None)
    nb.metadata.pop("papermill", None)
    nb.nbformat, nb.nbformat_minor = 4, 5
    return nb


def _execute_variant(
    src: LessonSource, variant: Variant, lessons_dir: Path, timeout: int, measure_memory: bool
) -> BuildResult:
    import nbformat

    path = notebook_path(lessons_dir, src.name, variant)
    path.parent.mkdir(parents=True, exist_ok=True)
    nb = to_notebook(src, variant)
    nb, seconds, peak = execute_notebook(
        nb, path.parent, timeout=timeout, measure_memory=measure_memory
    )
    text = nbformat.writes(normalise(nb)) + "\n"
    return BuildResult(src.name, variant, path, text, seconds, peak)


def _write_atomic(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def build_lesson(
    source: Path,
    lessons_dir: Path,
    *,
    timeout: int = 120,
    measure_memory: bool = False,
    write: bool = True,
) -> list[BuildResult]:
    """Execute both variants of one lesson; write them only if both succeed."""
    src = read_source(source)
    results = [_execute_variant(src, v, lessons_dir, timeout, measure_memory) for v in VARIANTS]
    if write:
        for r in results:
            _write_atomic(r.path, r.text)
    return results


def _problems(src: LessonSource, variant: Variant, lessons_dir: Path, max_kb: float) -> list[str]:
    import nbformat

    path = notebook_path(lessons_dir, src.name, variant)
    rel = path.relative_to(lessons_dir.parent) if path.is_relative_to(lessons_dir.parent) else path
    if not path.exists():
        return [f"{rel} is missing"]
    raw = path.read_bytes()
    try:
        nb = nbformat.reads(raw.decode("utf-8"), as_version=4)
    except Exception as exc:  # any unreadable file is reported, not raised
        return [f"{rel} is not a readable notebook ({exc})"]
    problems = []
    want, have = cell_signature(to_notebook(src, variant).cells), cell_signature(nb.cells)
    if want != have:
        first = next(
            (i for i, (a, b) in enumerate(zip(want, have, strict=False)) if a != b),
            min(len(want), len(have)),
        )
        problems.append(
            f"{rel} is out of date with lessons/src/{src.name}.py (first difference at cell "
            f"{first}; {len(have)} cells stored, {len(want)} expected)"
        )
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code" or not cell.source.strip():
            continue
        if cell.get("execution_count") is None:
            problems.append(f"{rel} cell {i} has not been executed")
            break
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                problems.append(f"{rel} cell {i} stores an error ({out.get('ename')})")
            elif WIDGET_VIEW in out.get("data", {}):
                problems.append(f"{rel} cell {i} stores a widget view (not normalised)")
    problems += _feedback_problems(nb, variant, rel)
    size_kb = len(raw) / 1024
    if size_kb > max_kb:
        problems.append(f"{rel} is {size_kb:.0f} KB, over the {max_kb:g} KB limit")
    return problems


def _feedback_problems(nb: Any, variant: Variant, rel: Path) -> list[str]:
    """Exercise feedback must read "not answered yet" (learner) or "correct" (solutions).

    A cell tagged ``feedback-demo`` shows feedback on purpose (e.g. a wrong answer, to
    show learners what feedback looks like) and is exempt.
    """
    wanted = "⏳" if variant == "learner" else "✅"
    problems = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code" or "feedback-demo" in cell.metadata.get("tags", ()):
            continue
        for out in cell.get("outputs", []):
            text = out.get("data", {}).get("text/plain", "")
            m = _FEEDBACK_HEAD.match(text if isinstance(text, str) else "".join(text))
            if m and m.group("mark") != wanted:
                problems.append(
                    f"{rel} cell {i}: {m.group('name')} shows {m.group('mark')} "
                    f"{m.group('words')!r}; the {variant} version should show {wanted}"
                )
    return problems


def check_lessons(
    lessons_dir: Path, wanted: Sequence[str] = (), *, max_kb: float = MAX_KB
) -> list[str]:
    """Every problem found with the built notebooks, one message each (empty: all good)."""
    messages: list[str] = []
    sources = select_sources(lessons_dir, wanted)
    for path in sources:
        try:
            src = read_source(path)
        except LessonSourceError as exc:
            messages.append(f"lesson {path.stem}: {exc}")
            continue
        for variant in VARIANTS:
            for p in _problems(src, variant, lessons_dir, max_kb):
                messages.append(
                    f"lesson {src.number} ({src.name}): {p}. "
                    f"Run `alliance-kit lessons build {src.number}`."
                )
    if not wanted:
        names = {p.stem for p in sources}
        for variant in VARIANTS:
            folder = notebook_path(lessons_dir, "x", variant).parent
            for nb_path in sorted(folder.glob("[0-9][0-9]_*.ipynb")):
                if nb_path.stem not in names:
                    messages.append(
                        f"{nb_path.relative_to(lessons_dir.parent)} has no source in "
                        f"lessons/src/: delete it or restore {nb_path.stem}.py."
                    )
    return messages


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="alliance-kit lessons",
        description="Build the learner and solutions notebooks from lessons/src, or check them.",
    )
    sub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    b = sub.add_parser("build", help="execute and write lessons (all, or the numbers given)")
    b.add_argument("lessons", nargs="*", metavar="NN", help="lesson numbers, e.g. 00 03")
    b.add_argument("--timeout", type=int, default=120, help="seconds per cell (default 120)")
    c = sub.add_parser("check", help="fast consistency check of the built notebooks")
    c.add_argument("lessons", nargs="*", metavar="NN")
    c.add_argument("--max-kb", type=float, default=MAX_KB, help="size limit per notebook")
    sub.add_parser("list", help="list the lesson sources")
    for s in (b, c):
        s.add_argument("--lessons-dir", type=Path, default=None, help="default: ./lessons")
    return p


def main(argv: list[str]) -> int:
    """Run ``alliance-kit lessons ACTION``; return the exit code."""
    parser = _parser()
    if not argv or argv[0] in ("-h", "--help"):
        parser.print_help(sys.stdout)
        return 0
    args = parser.parse_args(argv)
    lessons_dir = (getattr(args, "lessons_dir", None) or find_lessons_dir()).resolve()
    try:
        if args.action == "list":
            for path in select_sources(lessons_dir):
                print(f"{path.stem[:2]}  {read_source(path).title}  ({path.name})")
            return 0
        if args.action == "check":
            return _check(lessons_dir, args.lessons, args.max_kb)
        return _build(lessons_dir, args.lessons, args.timeout)
    except (ValueError, LessonSourceError) as exc:
        print(f"alliance-kit lessons: {exc}", file=sys.stderr)
        return 2


def _check(lessons_dir: Path, wanted: list[str], max_kb: float) -> int:
    messages = check_lessons(lessons_dir, wanted, max_kb=max_kb)
    n = len(select_sources(lessons_dir, wanted))
    if messages:
        print(f"lessons check: {len(messages)} problem(s)", file=sys.stderr)
        for m in messages:
            print(f"  - {m}", file=sys.stderr)
        return 1
    print(f"lessons check: {n} lesson(s), learner and solutions notebooks up to date.")
    return 0


def _build(lessons_dir: Path, wanted: list[str], timeout: int) -> int:
    from nbclient.exceptions import CellExecutionError, CellTimeoutError

    failed = 0
    for source in select_sources(lessons_dir, wanted):
        try:
            results = build_lesson(source, lessons_dir, timeout=timeout)
        except (CellExecutionError, CellTimeoutError) as exc:
            failed += 1
            print(f"FAILED {source.stem}: nothing written.\n{exc}", file=sys.stderr)
            continue
        for r in results:
            flags = []
            if r.seconds > TIME_BUDGET_S:
                flags.append(f"over the {TIME_BUDGET_S:g} s budget")
            if r.size_kb > MAX_KB:
                flags.append(f"over the {MAX_KB} KB limit")
            note = f"  ({'; '.join(flags)})" if flags else ""
            print(f"built {r.lesson} {r.variant:<9} {r.seconds:5.1f} s {r.size_kb:6.0f} KB{note}")
    return 1 if failed else 0
