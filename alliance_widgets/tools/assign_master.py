r"""Turn a lesson source into an otter-grader *master notebook*: one question per exercise.

A lesson's exercise is three cells in a row: the learner's blank (tagged ``exercise``),
the worked answer (tagged ``solution``) and the check call that shows the learner a
:class:`~alliance_widgets.exercises.feedback.Feedback`. This module writes them in otter's
assign format (``# BEGIN QUESTION`` … ``# END QUESTION``): the blank becomes the question's
prompt, the worked answer its solution (one source, no copy), and the check becomes the
public test, asserting that the check passes and failing with the words the learner sees.
A hidden test runs the same check and makes sure that neither the check function nor
its Feedback was redefined in the learner's notebook, so a question cannot be passed by
replacing the check; a question scores all or nothing. Answers that are free text are
marked ``manual: true`` and get no test: words are never auto-scored.

Per-exercise settings ride on the ``exercise`` cell's marker line, in jupytext's
``key=value`` form: ``# %% tags=["exercise"] points=2`` or ``manual=true``.

Examples
--------
>>> text = (
...     '# %% [markdown]\n# # Lesson 09 — Demo\n# %% [markdown]\n# ### Exercise 9.1\n# Pick.\n'
...     '# %% tags=["exercise"] points=2\nanswer_9_1 = None\n'
...     '# %% tags=["solution"]\nanswer_9_1 = "b"\n# %%\ncheck_pick(answer_9_1)\n'
... )
>>> [(e.name, e.points, e.manual, e.literal) for e in find_exercises(text, "09_demo.py")]
[('exercise_9_1', 2, False, 'b')]
>>> nb = master_notebook(text, "09_demo.py", {"name": "09_demo"})
>>> [c.source.splitlines()[0] for c in nb.cells if c.cell_type == "raw"]
['# ASSIGNMENT CONFIG', '# BEGIN QUESTION', '# BEGIN SOLUTION', '# END SOLUTION', '# BEGIN TESTS',
 '# END TESTS', '# END QUESTION']
>>> print(nb.cells[2].source)
# BEGIN QUESTION
name: "exercise_9_1"
points: 2
all_or_nothing: true
check_cell: false
"""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass
from typing import Any

from alliance_widgets.tools.lesson_source import (
    KERNELSPEC,
    LANGUAGE_INFO,
    LessonSource,
    SourceCell,
    parse_source,
)

__all__ = ["DEFAULT_POINTS", "Exercise", "find_exercises", "master_notebook"]

DEFAULT_POINTS = 1
_HEADING = re.compile(r"^#{2,4}\s+Exercise\s+(?P<number>\d+(?:\.\d+)*)\b", re.MULTILINE)
_META = re.compile(r"(?P<key>[A-Za-z_]\w*)\s*=\s*(?P<value>\[[^\]]*\]|\"[^\"]*\"|[^\s\"]+)")
# A free-text answer: a string of at least this many words is a sentence, not a choice.
_MIN_WORDS = 4


@dataclass(frozen=True)
class Exercise:
    """One exercise of a lesson, as positions in its cell list and its grading settings.

    ``start`` is the cell holding its ``### Exercise N.M`` heading (or the blank itself when
    there is none), ``blank`` the ``exercise`` cell, ``solutions`` the ``solution`` cells and
    ``check`` the check cell. ``literal`` is the worked answer when it is a plain value
    without floats (``"b"``, ``[4, 9]``, ``False``), else None.
    """

    name: str
    label: str
    start: int
    blank: int
    solutions: tuple[int, ...]
    check: int
    points: float
    manual: bool
    answer: str
    literal: Any = None


def _marker_metadata(line: str, where: str) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    for m in _META.finditer(line):
        try:
            meta[m.group("key")] = json.loads(m.group("value"))
        except json.JSONDecodeError as err:
            raise ValueError(
                f"{where}: cell metadata {m.group(0)!r} must be key=JSON value, e.g. points=2 "
                "or manual=true."
            ) from err
    return meta


def _assigned(code: str) -> tuple[str, ast.expr | None]:
    """The last plain name a cell assigns to, and the expression it assigns."""
    name, value = "", None
    for node in ast.parse(code).body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[-1], ast.Name):
            name, value = node.targets[-1].id, node.value
    return name, value


def _is_text(node: ast.expr | None) -> bool:
    """True for a string expression that reads as sentences (literal, f-string or a sum)."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _is_text(node.left) or _is_text(node.right)
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return len(node.value.split()) >= _MIN_WORDS
    if isinstance(node, ast.JoinedStr):
        words = " ".join(str(v.value) for v in node.values if isinstance(v, ast.Constant))
        return len(str(words).split()) >= _MIN_WORDS
    return False


def _exact(value: Any) -> bool:
    """True for a plain value that can be compared exactly: no floats, nothing empty.

    Examples
    --------
    >>> _exact(["b", "c"]), _exact({"A": 1}), _exact(12.5), _exact(None)
    (True, True, False, False)
    """
    if isinstance(value, (str, bool, int)):
        return True
    if isinstance(value, dict):
        return bool(value) and all(_exact(k) and _exact(v) for k, v in value.items())
    if isinstance(value, (list, tuple, set, frozenset)):
        return bool(value) and all(_exact(v) for v in value)
    return False


def _exercise(src: LessonSource, lines: list[str], i: int, prev_end: int) -> Exercise:
    cells = src.cells
    where = f"{src.name}.py, line {cells[i].line}"
    j = i + 1
    while j < len(cells) and "solution" in cells[j].tags:
        j += 1
    if j == i + 1:
        raise ValueError(f"{where}: the exercise cell has no 'solution' cell after it.")
    if j == len(cells) or cells[j].kind != "code" or cells[j].tags:
        raise ValueError(f"{where}: the exercise needs a check cell (untagged code) after its "
                         "solution, e.g. check_x(answer_x).")  # fmt: skip
    check = ast.parse(cells[j].source).body
    if not check or not isinstance(check[-1], ast.Expr):
        raise ValueError(f"{src.name}.py, line {cells[j].line}: the check cell must end with "
                         "the check call, whose Feedback the learner sees.")  # fmt: skip
    start, label = i, ""
    for k in range(i - 1, prev_end, -1):
        found = list(_HEADING.finditer(cells[k].source)) if cells[k].kind == "markdown" else []
        if found:
            start, label = k, found[-1].group("number")
            break
    answer, _ = _assigned(cells[i].source)
    if not answer:
        raise ValueError(
            f"{where}: the exercise cell must assign the answer, e.g. answer_x = None."
        )
    solved = [_assigned(cells[k].source) for k in range(i + 1, j)]
    value = next((v for n, v in reversed(solved) if n == answer), None)
    meta = _marker_metadata(lines[cells[i].line - 1], where)
    points = meta.get("points", DEFAULT_POINTS)
    if isinstance(points, bool) or not isinstance(points, (int, float)) or points < 0:
        raise ValueError(f"{where}: points must be a number of at least 0; got {points!r}.")
    manual = meta.get("manual", _is_text(value))
    if not isinstance(manual, bool):
        raise ValueError(f"{where}: manual must be true or false; got {manual!r}.")
    literal = None
    if value is not None and not manual:
        try:
            literal = ast.literal_eval(value)
        except ValueError:
            literal = None
    if not _exact(literal):
        literal = None
    label = label or answer.removeprefix("answer_").replace("_", ".")
    name = "exercise_" + re.sub(r"\W", "_", label)
    return Exercise(name, label, start, i, tuple(range(i + 1, j)), j, points, manual, answer,
                    literal)  # fmt: skip


def find_exercises(text: str, filename: str) -> list[Exercise]:
    """The exercises of a lesson source's ``text``, in order.

    Raises
    ------
    ValueError
        When an exercise cell lacks its solution or check cell, assigns no answer, or carries
        bad ``points``/``manual`` metadata; the message names the file and line.
    """
    src = parse_source(text, filename)
    lines = text.splitlines()
    found: list[Exercise] = []
    for i, cell in enumerate(src.cells):
        if "exercise" in cell.tags:
            found.append(_exercise(src, lines, i, found[-1].check if found else -1))
    names = [e.name for e in found]
    if len(set(names)) != len(names):
        raise ValueError(f"{filename}: two exercises share a name: {names}.")
    return found


def _raw(text: str) -> Any:
    import nbformat

    return nbformat.v4.new_raw_cell(text)


def _yaml(config: dict[str, Any]) -> str:
    # JSON is YAML: no YAML writer needed, and no surprises with quoting.
    return "\n".join(f"{k}: {json.dumps(v)}" for k, v in config.items())


def _solution_cell(src: LessonSource, ex: Exercise) -> str:
    blank = src.cells[ex.blank].source
    solution = "\n".join(src.cells[k].source for k in ex.solutions)
    # In the autograder's copy the prompt is a string expression, so pick quotes it lacks.
    q = "'''" if '"""' in blank else '"""'
    return (f"{q} # BEGIN PROMPT\n{blank}\n{q} # END PROMPT\n"
            f"# BEGIN SOLUTION NO PROMPT\n{solution}\n# END SOLUTION")  # fmt: skip


def _tests(src: LessonSource, ex: Exercise) -> list[str]:
    *setup, call = ast.parse(src.cells[ex.check].source).body
    lines = [ast.unparse(s) for s in setup]
    call_text = ast.unparse(call)
    public = [
        '""" # BEGIN TEST CONFIG',
        "hidden: false",
        '""" # END TEST CONFIG',
        *lines,
        f"_alliance_feedback = {call_text}",
        "assert _alliance_feedback.ok, '\\n' + str(_alliance_feedback)",
    ]
    tests = ["\n".join(public)]
    callee = (
        call.value.func if isinstance(call, ast.Expr) and isinstance(call.value, ast.Call) else None
    )
    guard = "type(_alliance_feedback).__module__ != '__main__'"
    if callee is not None:
        guard = f"getattr({ast.unparse(callee)}, '__module__', None) != '__main__' and {guard}"
    hidden = [
        '""" # BEGIN TEST CONFIG',
        "hidden: true",
        '""" # END TEST CONFIG',
        *lines,
        f"_alliance_feedback = {call_text}",
        f"assert {guard}, 'the check or its Feedback was redefined in the notebook'",
        "assert _alliance_feedback.ok",
    ]
    tests.append("\n".join(hidden))
    return tests


def master_notebook(text: str, filename: str, config: dict[str, Any]) -> Any:
    """The otter master notebook of a lesson source: ``config`` is its ASSIGNMENT CONFIG.

    Every cell of the lesson is kept in order (explorers and charts included); each
    exercise's cells are wrapped in a question block whose kit check cell follows it.
    """
    import nbformat

    src = parse_source(text, filename)
    exercises = {e.start: e for e in find_exercises(text, filename)}
    cells: list[Any] = [_raw("# ASSIGNMENT CONFIG\n" + _yaml(config))]

    def add(cell: SourceCell) -> None:
        meta: dict[str, Any] = {"tags": list(cell.tags)} if cell.tags else {}
        if cell.kind == "markdown":
            cells.append(nbformat.v4.new_markdown_cell(cell.source, metadata=meta))
        else:
            cells.append(nbformat.v4.new_code_cell(cell.source, metadata=meta))

    i = 0
    while i < len(src.cells):
        ex = exercises.get(i)
        if ex is None:
            add(src.cells[i])
            i += 1
            continue
        question = {"name": ex.name, "points": ex.points}
        if ex.manual:
            question["manual"] = True
        else:
            # The hidden test guards the public one: both pass, or the question scores 0.
            question["all_or_nothing"] = True
        # The kit's own check cell stays, so otter's check cell would repeat it.
        question["check_cell"] = False
        cells.append(_raw("# BEGIN QUESTION\n" + _yaml(question)))
        for k in range(ex.start, ex.blank):
            add(src.cells[k])
        cells.append(_raw("# BEGIN SOLUTION"))
        cells.append(nbformat.v4.new_code_cell(_solution_cell(src, ex)))
        cells.append(_raw("# END SOLUTION"))
        if not ex.manual:
            cells.append(_raw("# BEGIN TESTS"))
            cells += [nbformat.v4.new_code_cell(t) for t in _tests(src, ex)]
            cells.append(_raw("# END TESTS"))
        cells.append(_raw("# END QUESTION"))
        add(src.cells[ex.check])
        i = ex.check + 1
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata = {"kernelspec": dict(KERNELSPEC), "language_info": dict(LANGUAGE_INFO)}
    for n, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{n:03d}"
    return nb
