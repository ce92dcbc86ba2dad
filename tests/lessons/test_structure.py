"""Every lesson (00–09) keeps the parts a lesson must have and calls its own checks.

Read from the jupytext sources in lessons/src, so the check runs without a kernel.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import alliance_lessons as ex
from alliance_widgets.tools.lesson_source import read_source

LESSON_SOURCES = Path(__file__).resolve().parents[2] / "lessons" / "src"
NUMBERS = [f"{n:02d}" for n in range(10)]
# Parts every lesson's prose has; lesson 00 is an orientation and corrects no misreading.
REQUIRED = ("What you will", "minutes", "References")
CORRECTS = "What this lesson corrects"
# Lessons 00–04 end with exercises, not a separate reflection section (yet).
WITH_REFLECTION = {"05", "06", "07", "08", "09"}


def test_there_is_one_source_per_lesson() -> None:
    found = sorted(p.name[:2] for p in LESSON_SOURCES.glob("[0-9][0-9]_*.py"))
    assert found == NUMBERS


@pytest.mark.parametrize("number", NUMBERS)
def test_each_lesson_uses_its_checks_and_has_the_required_parts(number: str) -> None:
    (path,) = LESSON_SOURCES.glob(f"{number}_*.py")
    src = read_source(path)
    checks = {
        n for n, m in ex._EXPORTS.items() if m == f"lesson{number}" and n.startswith("check_")
    }
    code = "\n".join(c.source for c in src.cells if c.kind == "code")
    unused = sorted(n for n in checks if f"{n}(" not in code)
    assert not unused, f"lesson {number} never calls {unused}"
    # Every exercise cell is followed, after its solution, by the cell that checks it.
    for i, cell in enumerate(src.cells):
        if "exercise" in cell.tags:
            after = [c for c in src.cells[i + 1 :] if "solution" not in c.tags]
            assert after and re.search(r"\bcheck_\w+\(", after[0].source), cell.source
    exercises = [c for c in src.cells if "exercise" in c.tags]
    assert len(exercises) >= 3
    prose = "\n".join(c.source for c in src.cells if c.kind == "markdown")
    required = list(REQUIRED)
    if number != "00":
        required.append(CORRECTS)
    if number in WITH_REFLECTION:
        required.append("Reflection")
    for part in required:
        assert part in prose, f"lesson {number} has no {part!r}"
    assert "lit.references(" in code
