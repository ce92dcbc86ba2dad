"""No lesson prints an exercise's answer before the learner is asked for it.

For every lesson the test runs the *solutions* notebook's code in-process (a few seconds
for all nine) and records the value each ``# %% tags=["solution"]`` cell assigns to an
``answer_*`` name: that value is the exercise's key. It then reads the stored outputs of
the *learner* notebook, cell by cell, up to the cell tagged ``exercise`` that asks for the
same ``answer_*``, and looks for the key there, formatted the way a lesson prints numbers
(1–3 decimals, with and without the leading zero, keeping at least two
significant digits, three when the key has them).

Only keys that can be recognised in text are looked for: numbers with at least two
significant digits (a lone ``4`` or ``0.3`` turns up everywhere), and dicts, lists or
tuples of numbers when at least one of their numbers is that specific and every one of
them is found. Letters, True/False, text and tables cannot be told apart from ordinary
prose, so they are left to review; the test says which keys it skipped.
"""

from __future__ import annotations

import ast
import contextlib
import io
import json
import math
import numbers
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# The checkout's root is the first parent with lessons/src (tests/lessons is not it).
ROOT = next(p for p in Path(__file__).resolve().parents if (p / "lessons" / "src").is_dir())
LESSONS = ROOT / "lessons"
LESSON_NAMES = sorted(p.stem for p in LESSONS.glob("[0-9][0-9]_*.ipynb"))

_TEXT_TYPES = ("text/plain", "text/markdown")


def _cells(path: Path) -> list[dict[str, Any]]:
    return list(json.loads(path.read_text(encoding="utf-8"))["cells"])


def _source(cell: dict[str, Any]) -> str:
    src = cell["source"]
    return src if isinstance(src, str) else "".join(src)


def _tags(cell: dict[str, Any]) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def _assigned_answers(source: str) -> list[str]:
    """The ``answer_*`` names a cell assigns (``answer_4_3 = 60`` gives ``answer_4_3``)."""
    names = []
    for node in ast.walk(ast.parse(source)):
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, ast.AnnAssign):
            targets = [node.target]
        names += [t.id for t in targets if isinstance(t, ast.Name) and t.id.startswith("answer_")]
    return names


def solution_keys(solutions: Path) -> dict[str, Any]:
    """Run a solutions notebook's code in-process; return each ``answer_*`` its solutions set."""
    namespace: dict[str, Any] = {"__name__": "__main__"}
    keys: dict[str, Any] = {}
    here = os.getcwd()
    os.chdir(solutions.parent)  # lessons run with their own folder as working directory
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            for cell in _cells(solutions):
                if cell["cell_type"] != "code":
                    continue
                source = _source(cell)
                exec(compile(source, str(solutions), "exec"), namespace)
                if "solution" in _tags(cell):
                    for name in _assigned_answers(source):
                        keys[name] = namespace[name]
    finally:
        os.chdir(here)
    return keys


def _significant_digits(text: str) -> int:
    return len(text.lstrip("-").replace(".", "").lstrip("0"))


def number_forms(x: Any) -> list[str]:
    """How a lesson might print ``x``; [] when ``x`` is too plain to recognise.

    Examples
    --------
    >>> number_forms(60)
    ['60']
    >>> number_forms(0.27677)
    ['0.277', '.277']
    >>> number_forms(5.76)
    ['5.76']
    >>> number_forms(4), number_forms(0.3)
    ([], [])
    """
    if isinstance(x, bool) or not isinstance(x, numbers.Real) or not math.isfinite(float(x)):
        return []
    value = float(x)
    if value == int(value):
        text = str(int(value))
        return [text] if _significant_digits(text) >= 2 else []
    # A rounded form must keep two significant digits, three when the key has them:
    # 0.2768 is then '0.277' but not '0.28', which would also match a published .278.
    needed = min(3, _significant_digits(f"{value:.3f}".rstrip("0")))
    forms: list[str] = []
    for digits in (1, 2, 3):
        text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
        if max(2, needed) > _significant_digits(text) or text in forms:
            continue
        forms.append(text)
        if text.lstrip("-").startswith("0."):
            forms.append(text.replace("0.", ".", 1))
    return forms


def _found(form: str, text: str) -> bool:
    """True when ``form`` stands as a whole number in ``text``.

    A thousands separator joins digits into one number: "21,696 rows" does not print 21.

    Examples
    --------
    >>> _found("21", "21 clients"), _found("21", "21,696 rows"), _found("696", "21,696 rows")
    (True, False, False)
    >>> _found("21", "clients 21, 22 and 23"), _found("61", "[12,61]")
    (True, True)
    """
    for hit in re.finditer(rf"(?<![\d.]){re.escape(form)}(?![\d])", text):
        if re.match(r",\d{3}(?![\d])", text[hit.end() :]):
            continue  # the head of a number like 21,696
        if re.search(r"\d,$", text[: hit.start()]) and re.fullmatch(r"\d{3}(\.\d+)?", form):
            continue  # a group of three digits after a thousands separator
        return True
    return False


#: Numbers a lesson prints from the literature, not from the learner's data: τ, the
#: between-study SD lesson 08 back-calculates from the 2018 meta-analysis's I², can round
#: to the same two decimals as a learner's ICC (seed 808: τ 0.111, ICC 0.110) without
#: telling the learner anything about their clinic.
_LITERATURE_NUMBERS = re.compile(r"τ ≈ \**-?\d+(?:\.\d+)?\**")


def recognisable(key: Any) -> bool:
    """True when :func:`leaked` can look for ``key`` in text at all."""
    values = list(key.values()) if isinstance(key, dict) else key
    if isinstance(values, (list, tuple)):
        return any(number_forms(v) for v in values) and all(
            isinstance(v, numbers.Real) and not isinstance(v, bool) for v in values
        )
    return bool(number_forms(key))


def leaked(key: Any, text: str) -> str | None:
    """The form in which ``key`` appears in ``text``, or None.

    A dict, list or tuple of numbers leaks when every one of its numbers appears (its
    one-digit numbers as plain integers).

    Examples
    --------
    >>> leaked(60, "60 clients: r = 0.278 [0.03, 0.49]")
    '60'
    >>> leaked(60, "160 clients") is None
    True
    >>> leaked({"min": 12, "max": 60, "low": 4}, "total 12–60, subscales 4–20")
    '12, 60, 4'
    >>> leaked([12, 61], "total 12–60") is None
    True
    """
    if not recognisable(key):
        return None
    if isinstance(key, (dict, list, tuple)):
        shown = []
        for v in key.values() if isinstance(key, dict) else key:
            forms = number_forms(v)
            if not forms and float(v).is_integer():
                forms = [str(int(v))]
            hit = next((f for f in forms if _found(f, text)), None)
            if hit is None:
                return None
            shown.append(hit)
        return ", ".join(shown)
    return next((f for f in number_forms(key) if _found(f, text)), None)


def _output_text(cell: dict[str, Any]) -> str:
    parts = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream":
            text = out.get("text", "")
            parts.append(text if isinstance(text, str) else "".join(text))
        for kind in _TEXT_TYPES:
            value = out.get("data", {}).get(kind)
            if value is not None:
                parts.append(value if isinstance(value, str) else "".join(value))
    return _LITERATURE_NUMBERS.sub("τ ≈ (literature)", "\n".join(parts))


def leaks(lesson: str, folder: Path = LESSONS) -> Iterator[str]:
    """One message per exercise whose key appears in an earlier output of the learner notebook."""
    keys = solution_keys(folder / "solutions" / f"{lesson}.ipynb")
    cells = _cells(folder / f"{lesson}.ipynb")
    for name, key in keys.items():
        asked = next(
            (
                i
                for i, c in enumerate(cells)
                if "exercise" in _tags(c) and name in _assigned_answers(_source(c))
            ),
            None,
        )
        if asked is None:
            continue
        # Report the nearest earlier cell: the one a learner has just read.
        for i in reversed(range(asked)):
            cell = cells[i]
            form = leaked(key, _output_text(cell))
            if form is not None:
                yield (
                    f"{lesson}: the key of {name} ({form}) is printed by cell {i}, above the "
                    f"exercise (cell {asked}): {_source(cell).splitlines()[0][:70]!r}"
                )
                break


def test_lessons_found() -> None:
    assert len(LESSON_NAMES) >= 10, f"expected the ten lessons in {LESSONS}, found {LESSON_NAMES}"


def _lessons() -> list[Any]:
    return [pytest.param(name, id=name[:2]) for name in LESSON_NAMES]


@pytest.mark.parametrize("lesson", _lessons())
def test_no_answer_printed_before_its_exercise(lesson: str) -> None:
    found = list(leaks(lesson))
    assert not found, "\n".join(found)


def test_each_lesson_has_a_recognisable_key() -> None:
    # Guards against a test that silently checks nothing: most lessons have a numeric key.
    checked = [
        name
        for name in LESSON_NAMES
        if any(
            recognisable(k) for k in solution_keys(LESSONS / "solutions" / f"{name}.ipynb").values()
        )
    ]
    assert len(checked) >= 6, f"only {checked} have a key this test can recognise"


def test_a_key_in_an_earlier_output_is_caught(tmp_path: Path) -> None:
    def nb(cells: list[dict[str, Any]]) -> str:
        return json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5})

    printed = {
        "cell_type": "code",
        "metadata": {},
        "source": "print(r_interval(0.278, 60))",
        "outputs": [
            {"output_type": "stream", "name": "stdout", "text": "60 clients: [0.03, 0.49]\n"}
        ],
    }
    exercise = {
        "cell_type": "code",
        "metadata": {"tags": ["exercise"]},
        "source": "answer_9_9 = None",
        "outputs": [],
    }
    solution = {
        "cell_type": "code",
        "metadata": {"tags": ["solution"]},
        "source": "answer_9_9 = 30 * 2",
        "outputs": [],
    }
    (tmp_path / "solutions").mkdir()
    (tmp_path / "solutions" / "99_t.ipynb").write_text(nb([solution]))
    (tmp_path / "99_t.ipynb").write_text(nb([printed, exercise]))
    found = list(leaks("99_t", tmp_path))
    assert [m.split(" (")[0] for m in found] == ["99_t: the key of answer_9_9"]
    (tmp_path / "99_t.ipynb").write_text(nb([exercise, printed]))
    assert list(leaks("99_t", tmp_path)) == []


def test_literature_tau_is_masked_but_data_numbers_are_not() -> None:
    cell = {
        "outputs": [
            {
                "output_type": "display_data",
                "data": {"text/markdown": "That gives τ ≈ **0.11** on the z scale; ICC 0.11."},
            }
        ]
    }
    text = _output_text(cell)
    assert "τ ≈ **0.11**" not in text
    assert leaked(0.110004, text) == "0.11"  # the ICC printed beside it is still caught
    cell["outputs"][0]["data"]["text/markdown"] = "That gives τ ≈ **0.11** on the z scale."
    assert leaked(0.110004, _output_text(cell)) is None
