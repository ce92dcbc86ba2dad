r"""Read a lesson source (jupytext "percent" format) and make its learner and solutions notebooks.

A lesson is written as ``lessons/src/NN_slug.py``: plain Python that diffs and reviews
well. Cells start with a marker line::

    # %% [markdown]
    # ## Prose, each line prefixed with "# "
    # %%
    code = "a code cell"
    # %% tags=["exercise"]
    answer = None  # your answer here
    # %% tags=["solution"]
    answer = 42

Cells tagged ``solution`` hold the worked answer and are left out of the learner
notebook; cells tagged ``exercise`` hold the learner's starting cell and are left out of
the solutions notebook; every other cell is in both. The solutions notebook opens with a
short banner saying what it is.

Examples
--------
>>> text = '# %% [markdown]\n# # Hello\n# %% tags=["exercise"]\nanswer = None\n'
>>> text += '# %% tags=["solution"]\nanswer = 1\n'
>>> src = parse_source(text, "00_hello.py")
>>> [(c.kind, c.tags) for c in src.cells]
[('markdown', ()), ('code', ('exercise',)), ('code', ('solution',))]
>>> [c.source for c in variant_cells(src, "learner")]
['# Hello', 'answer = None']
>>> [c.source for c in variant_cells(src, "solutions")][-1]
'answer = 1'
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

__all__ = [
    "LESSON_NAME",
    "VARIANTS",
    "LessonSource",
    "SourceCell",
    "Variant",
    "parse_source",
    "read_source",
    "to_notebook",
    "variant_cells",
]

Variant = Literal["learner", "solutions"]
VARIANTS: tuple[Variant, ...] = ("learner", "solutions")
LESSON_NAME = re.compile(r"^(?P<number>\d{2})_(?P<slug>[a-z0-9_]+)$")
_MARKER = re.compile(r"^# %%(?P<rest>.*)$")
_KIND = re.compile(r"^\s*\[(?P<kind>markdown|md|code)\]")
_TAGS = re.compile(r"tags\s*=\s*(?P<tags>\[[^\]]*\])")
_DROPPED_FROM: dict[str, str] = {"learner": "solution", "solutions": "exercise"}

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
# Fixed, machine-independent language_info: the Python patch version would otherwise
# change every stored notebook whenever someone rebuilds on another machine.
LANGUAGE_INFO = {
    "codemirror_mode": {"name": "ipython", "version": 3},
    "file_extension": ".py",
    "mimetype": "text/x-python",
    "name": "python",
    "nbconvert_exporter": "python",
    "pygments_lexer": "ipython3",
}


@dataclass(frozen=True)
class SourceCell:
    """One cell of a lesson source: ``kind`` is ``"markdown"`` or ``"code"``."""

    kind: Literal["markdown", "code"]
    source: str
    tags: tuple[str, ...] = ()
    line: int = 0


@dataclass(frozen=True)
class LessonSource:
    """A parsed lesson: its name (``"03_meet_the_data"``) and cells."""

    name: str
    cells: tuple[SourceCell, ...]

    @property
    def number(self) -> str:
        """The two-digit lesson number, e.g. ``"03"``."""
        return self.name[:2]

    @property
    def title(self) -> str:
        """The first Markdown heading, without its ``#`` marks."""
        for cell in self.cells:
            if cell.kind == "markdown":
                for text in cell.source.splitlines():
                    if text.startswith("#"):
                        return text.lstrip("#").strip()
        return self.name


class LessonSourceError(ValueError):
    """A lesson source that cannot be parsed; the message names the file and line."""


def _fail(where: str, line: int, message: str) -> LessonSourceError:
    return LessonSourceError(f"{where}, line {line}: {message}")


def _parse_marker(rest: str, where: str, line: int) -> tuple[str, tuple[str, ...]]:
    kind = "code"
    m = _KIND.match(rest)
    if m:
        kind = "markdown" if m.group("kind") in ("markdown", "md") else "code"
        rest = rest[m.end() :]
    tags: tuple[str, ...] = ()
    t = _TAGS.search(rest)
    if t:
        try:
            raw = json.loads(t.group("tags"))
        except json.JSONDecodeError:
            raw = None
        if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
            raise _fail(where, line, f'tags must be a JSON list of strings like ["exercise"]; '
                        f"got {t.group('tags')}.")  # fmt: skip
        tags = tuple(raw)
    if "exercise" in tags and "solution" in tags:
        raise _fail(where, line, 'a cell cannot be tagged both "exercise" and "solution".')
    return kind, tags


def _markdown_text(lines: list[tuple[int, str]], where: str) -> str:
    out = []
    for number, text in lines:
        if text == "" or text == "#":
            out.append("")
        elif text.startswith("# "):
            out.append(text[2:])
        else:
            raise _fail(where, number, f'a Markdown line must start with "# "; got {text!r}.')
    return "\n".join(out).strip("\n")


def parse_source(text: str, name: str) -> LessonSource:
    r"""Parse the text of a lesson source named ``name`` (``"NN_slug"`` or ``"NN_slug.py"``).

    Raises
    ------
    LessonSourceError
        For a bad file name, text before the first cell marker, a Markdown line without
        its ``# `` prefix, malformed tags or a cell tagged both exercise and solution.

    Examples
    --------
    >>> parse_source("x = 1\n", "01_a.py")
    Traceback (most recent call last):
    ...
    alliance_widgets.tools.lesson_source.LessonSourceError: 01_a.py, line 1: text before the first '# %%' cell marker: 'x = 1'.
    """  # noqa: E501
    stem = name[:-3] if name.endswith(".py") else name
    if not LESSON_NAME.match(stem):
        raise LessonSourceError(
            f"lesson source {name!r} must be named NN_slug.py: two digits, an underscore, "
            "then lower-case letters, digits or underscores (e.g. 03_meet_the_data.py)."
        )
    cells: list[SourceCell] = []
    header: tuple[str, tuple[str, ...], int] | None = None
    body: list[tuple[int, str]] = []

    def close() -> None:
        if header is None:
            return
        kind, tags, at = header
        if kind == "markdown":
            source = _markdown_text(body, name)
        else:
            source = "\n".join(t for _, t in body).strip("\n")
        if source.strip():
            cells.append(SourceCell(kind, source, tags, at))  # type: ignore[arg-type]

    for number, line in enumerate(text.splitlines(), start=1):
        m = _MARKER.match(line)
        if m:
            close()
            kind, tags = _parse_marker(m.group("rest"), name, number)
            header, body = (kind, tags, number), []
        elif header is None:
            if line.strip():
                raise _fail(name, number, f"text before the first '# %%' cell marker: {line!r}.")
        else:
            body.append((number, line.rstrip()))
    close()
    if not cells:
        raise LessonSourceError(f"{name}: no cells found; start each cell with '# %%'.")
    return LessonSource(stem, tuple(cells))


def read_source(path: Path) -> LessonSource:
    """Read and parse a lesson source file."""
    return parse_source(path.read_text(encoding="utf-8"), path.name)


def variant_cells(src: LessonSource, variant: Variant) -> list[SourceCell]:
    """The cells of the learner or solutions notebook, in order (banner included)."""
    if variant not in VARIANTS:
        raise ValueError(f"variant must be one of {VARIANTS}; got {variant!r}.")
    dropped = _DROPPED_FROM[variant]
    cells = [c for c in src.cells if dropped not in c.tags]
    if variant == "solutions":
        banner = (
            f"> **Solutions** for lesson {src.number}, *{src.title}*: the worked answers "
            f"replace the starting cells. Try the exercises in `../{src.name}.ipynb` first. "
            f"(Generated from `lessons/src/{src.name}.py` by `alliance-kit lessons build`; "
            "edit the source, not this notebook.)"
        )
        cells.insert(0, SourceCell("markdown", banner, ("solutions-banner",)))
    return cells


def to_notebook(src: LessonSource, variant: Variant) -> Any:
    """Build the (unexecuted) nbformat-4.5 notebook for one variant of a lesson.

    Cell ids are positional (``cell-000``, ``cell-001``, ...) so that the same source always
    gives the same notebook bytes.
    """
    import nbformat

    cells: list[Any] = []
    for i, cell in enumerate(variant_cells(src, variant)):
        meta: dict[str, Any] = {"tags": list(cell.tags)} if cell.tags else {}
        if cell.kind == "markdown":
            nb_cell = nbformat.v4.new_markdown_cell(cell.source, metadata=meta)
        else:
            nb_cell = nbformat.v4.new_code_cell(cell.source, metadata=meta)
        nb_cell["id"] = f"cell-{i:03d}"
        cells.append(nb_cell)
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.nbformat, nb.nbformat_minor = 4, 5
    nb.metadata = {
        "kernelspec": dict(KERNELSPEC),
        "language_info": dict(LANGUAGE_INFO),
        "alliance_widgets": {"source": f"src/{src.name}.py", "variant": variant},
    }
    return nb


def cell_signature(cells: Sequence[Any]) -> list[tuple[str, str, tuple[str, ...]]]:
    """What ``lessons check`` compares: each cell's type, source and tags."""
    sig = []
    for c in cells:
        source = c["source"] if isinstance(c["source"], str) else "".join(c["source"])
        tags = tuple(c.get("metadata", {}).get("tags", ()))
        sig.append((str(c["cell_type"]), source, tags))
    return sig
