"""The lesson build system, on tiny temporary lessons (never the real ones)."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest

from alliance_widgets.tools import lessons_build as lb
from alliance_widgets.tools.lesson_source import (
    LessonSourceError,
    cell_signature,
    parse_source,
    to_notebook,
    variant_cells,
)

TINY = """\
# %% [markdown]
# # Tiny lesson
#
# Prose with *emphasis*.

# %%
import os
print(os.path.basename(os.getcwd()))

# %% tags=["exercise"]
answer = None  # your answer here

# %% tags=["solution"]
answer = 2

# %%
from alliance_widgets.exercises import check_number
check_number(answer, 2.0, name="Exercise 0.1", hint="One plus one.")
"""


def make_lessons(tmp_path: Path, text: str = TINY, name: str = "00_tiny") -> Path:
    lessons = tmp_path / "lessons"
    (lessons / "src").mkdir(parents=True)
    (lessons / "src" / f"{name}.py").write_text(text, encoding="utf-8")
    return lessons


def fake_build(lessons: Path, name: str = "00_tiny") -> None:
    """Write both notebooks as if executed (execution counts set), without a kernel."""
    src = parse_source((lessons / "src" / f"{name}.py").read_text(), f"{name}.py")
    for variant in ("learner", "solutions"):
        nb = to_notebook(src, variant)
        for i, cell in enumerate(nb.cells):
            if cell.cell_type == "code":
                cell.execution_count = i + 1
        path = lb.notebook_path(lessons, name, variant)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(nbformat.writes(nb), encoding="utf-8")


# ----------------------------------------------------------------------------- parser
def test_parser_reads_kinds_tags_and_strips_markdown_prefix():
    src = parse_source(TINY, "00_tiny.py")
    assert src.name == "00_tiny" and src.number == "00" and src.title == "Tiny lesson"
    assert [c.kind for c in src.cells] == ["markdown", "code", "code", "code", "code"]
    assert src.cells[0].source == "# Tiny lesson\n\nProse with *emphasis*."
    assert [c.tags for c in src.cells] == [(), (), ("exercise",), ("solution",), ()]
    assert src.cells[1].source.startswith("import os")  # blank lines around cells trimmed


def test_learner_drops_solutions_and_solutions_drop_exercises():
    src = parse_source(TINY, "00_tiny.py")
    learner = [c.source for c in variant_cells(src, "learner")]
    solutions = [c.source for c in variant_cells(src, "solutions")]
    assert "answer = 2" not in learner and "answer = None  # your answer here" in learner
    assert "answer = 2" in solutions and "answer = None  # your answer here" not in solutions
    assert solutions[0].startswith("> **Solutions** for lesson 00, *Tiny lesson*")
    assert learner[0].startswith("# Tiny lesson")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("x = 1\n# %%\ny = 2\n", "line 1: text before the first '# %%' cell marker"),
        ("# %% [markdown]\nnot prefixed\n", 'line 2: a Markdown line must start with "# "'),
        ('# %% tags=["exercise", "solution"]\nx = 1\n', "both"),
        ("# %% tags=[exercise]\nx = 1\n", "JSON list of strings"),
        ("\n\n", "no cells found"),
    ],
)
def test_parser_errors_name_file_and_line(text, message):
    with pytest.raises(LessonSourceError, match=r"00_bad\.py") as info:
        parse_source(text, "00_bad.py")
    assert message in str(info.value)


@pytest.mark.parametrize("name", ["tiny.py", "0_tiny.py", "00-Tiny.py"])
def test_parser_rejects_bad_file_names(name):
    with pytest.raises(LessonSourceError, match=r"must be named NN_slug\.py"):
        parse_source(TINY, name)


def test_notebooks_are_byte_identical_across_builds_and_carry_fixed_metadata():
    src = parse_source(TINY, "00_tiny.py")
    a = nbformat.writes(to_notebook(src, "learner"))
    b = nbformat.writes(to_notebook(parse_source(TINY, "00_tiny.py"), "learner"))
    assert a == b
    nb = json.loads(a)
    assert (nb["nbformat"], nb["nbformat_minor"]) == (4, 5)
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    assert "version" not in nb["metadata"]["language_info"]
    assert [c["id"] for c in nb["cells"]] == [f"cell-{i:03d}" for i in range(len(nb["cells"]))]
    assert nb["cells"][2]["metadata"] == {"tags": ["exercise"]}
    nbformat.validate(nbformat.reads(a, as_version=4))


# ----------------------------------------------------------------------------- normalise
def test_normalise_drops_widget_views_volatile_metadata_and_empty_outputs():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("w")])
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {}}
    cell = nb.cells[0]
    cell.metadata["execution"] = {"iopub.execute_input": "2026-11-23T09:00:00Z"}
    only_widget = nbformat.v4.new_output(
        "display_data", data={lb.WIDGET_VIEW: {"model_id": "f" * 32}}
    )
    chart = nbformat.v4.new_output(
        "display_data",
        data={"text/plain": "Chart — summary", "image/svg+xml": "<svg/>", lb.WIDGET_VIEW: {}},
        metadata={lb.WIDGET_VIEW: {"x": 1}, "image/svg+xml": {"isolated": True}},
    )
    cell.outputs = [only_widget, chart]
    lb.normalise(nb)
    assert "widgets" not in nb.metadata
    assert cell.metadata == {}
    assert len(cell.outputs) == 1
    assert set(cell.outputs[0].data) == {"text/plain", "image/svg+xml"}
    assert dict(cell.outputs[0].metadata) == {"image/svg+xml": {"isolated": True}}


# ----------------------------------------------------------------------------- check
def test_check_passes_on_an_up_to_date_build(tmp_path):
    lessons = make_lessons(tmp_path)
    fake_build(lessons)
    assert lb.check_lessons(lessons) == []
    assert lb.main(["check", "--lessons-dir", str(lessons)]) == 0


def test_check_detects_a_stale_notebook_after_the_source_changes(tmp_path, capsys):
    lessons = make_lessons(tmp_path)
    fake_build(lessons)
    src = lessons / "src" / "00_tiny.py"
    src.write_text(TINY.replace("Prose with", "New prose with"), encoding="utf-8")
    problems = lb.check_lessons(lessons)
    assert len(problems) == 2  # learner and solutions
    assert "lessons/00_tiny.ipynb is out of date with lessons/src/00_tiny.py" in problems[0]
    assert "Run `alliance-kit lessons build 00`" in problems[0]
    assert lb.main(["check", "--lessons-dir", str(lessons)]) == 1
    assert "out of date" in capsys.readouterr().err


def test_check_detects_a_changed_tag(tmp_path):
    lessons = make_lessons(tmp_path)
    fake_build(lessons)
    path = lb.notebook_path(lessons, "00_tiny", "solutions")
    nb = nbformat.read(path, as_version=4)
    nb.cells[3].metadata["tags"] = []
    nbformat.write(nb, path)
    (problem,) = lb.check_lessons(lessons)
    assert "solutions/00_tiny.ipynb is out of date" in problem and "cell 3" in problem


def test_check_reports_missing_unexecuted_error_widget_and_oversized(tmp_path):
    lessons = make_lessons(tmp_path)
    assert any("lessons/00_tiny.ipynb is missing" in p for p in lb.check_lessons(lessons))
    fake_build(lessons)
    path = lb.notebook_path(lessons, "00_tiny", "learner")
    nb = nbformat.read(path, as_version=4)
    nb.cells[1].execution_count = None
    nb.cells[3].outputs = [
        nbformat.v4.new_output("error", ename="NameError", evalue="x", traceback=[]),
        nbformat.v4.new_output("display_data", data={lb.WIDGET_VIEW: {}}),
    ]
    nb.cells[0].source = nb.cells[0].source  # cells otherwise unchanged
    nb.metadata["padding"] = "x" * 4000
    nbformat.write(nb, path)
    problems = " | ".join(lb.check_lessons(lessons, max_kb=2))
    assert "cell 1 has not been executed" in problems
    assert "stores an error (NameError)" in problems
    assert "stores a widget view" in problems
    assert "over the 2 KB limit" in problems


def test_check_reports_a_notebook_without_source(tmp_path):
    lessons = make_lessons(tmp_path)
    fake_build(lessons)
    (lessons / "07_orphan.ipynb").write_text(nbformat.writes(nbformat.v4.new_notebook()))
    (problem,) = lb.check_lessons(lessons)
    assert "lessons/07_orphan.ipynb has no source" in problem


def test_selecting_lessons_by_number_or_name(tmp_path, capsys):
    lessons = make_lessons(tmp_path)
    assert [p.stem for p in lb.select_sources(lessons, ["0"])] == ["00_tiny"]
    assert [p.stem for p in lb.select_sources(lessons, ["00_tiny"])] == ["00_tiny"]
    with pytest.raises(ValueError, match=r"no lesson source matches .05.*lessons: 00_tiny"):
        lb.select_sources(lessons, ["05"])
    assert lb.main(["check", "05", "--lessons-dir", str(lessons)]) == 2
    assert "no lesson source matches" in capsys.readouterr().err


# ----------------------------------------------------------------------------- build
def test_build_executes_both_variants_in_their_folders(tmp_path, capsys):
    lessons = make_lessons(tmp_path)
    assert lb.main(["build", "00", "--lessons-dir", str(lessons)]) == 0
    printed = capsys.readouterr().out
    assert "built 00_tiny learner" in printed and "built 00_tiny solutions" in printed
    learner = nbformat.read(lessons / "00_tiny.ipynb", as_version=4)
    solutions = nbformat.read(lessons / "solutions" / "00_tiny.ipynb", as_version=4)
    # The kernel's working directory is the notebook's folder.
    assert learner.cells[1].outputs[0].text == "lessons\n"
    assert solutions.cells[2].outputs[0].text == "solutions\n"
    assert "not answered yet" in learner.cells[3].outputs[0].data["text/plain"]
    assert "correct!" in solutions.cells[4].outputs[0].data["text/plain"]
    assert lb.check_lessons(lessons) == []
    assert not list(lessons.glob(".*.tmp")), "temporary files left behind"
    first = (lessons / "00_tiny.ipynb").read_bytes()
    lb.build_lesson(lessons / "src" / "00_tiny.py", lessons)
    assert (lessons / "00_tiny.ipynb").read_bytes() == first, "rebuild changed the bytes"


def test_a_failing_lesson_writes_nothing(tmp_path, capsys):
    lessons = make_lessons(tmp_path, TINY + '\n# %% tags=["solution"]\n1 / 0\n')
    assert lb.main(["build", "--lessons-dir", str(lessons)]) == 1
    assert "FAILED 00_tiny: nothing written" in capsys.readouterr().err
    assert not (lessons / "00_tiny.ipynb").exists()
    assert not list(lessons.rglob("*.ipynb"))


def test_memory_probe_reports_peak_kernel_memory_and_is_removed(tmp_path):
    src = parse_source(TINY, "00_tiny.py")
    nb = to_notebook(src, "learner")
    n = len(nb.cells)
    nb, seconds, peak = lb.execute_notebook(nb, tmp_path, measure_memory=True)
    assert len(nb.cells) == n
    assert peak is not None and 10_000 < peak < 10_000_000  # KB: a kernel is 10 MB–10 GB
    assert seconds > 0
    assert cell_signature(nb.cells) == cell_signature(to_notebook(src, "learner").cells)


def _set_feedback(path: Path, cell: int, text: str) -> None:
    nb = nbformat.read(path, as_version=4)
    nb.cells[cell].outputs = [
        nbformat.v4.new_output("execute_result", data={"text/plain": text}, execution_count=1)
    ]
    nbformat.write(nb, path)


def test_check_wants_unanswered_feedback_for_learners_and_correct_for_solutions(tmp_path):
    lessons = make_lessons(tmp_path)
    fake_build(lessons)
    learner = lb.notebook_path(lessons, "00_tiny", "learner")
    solutions = lb.notebook_path(lessons, "00_tiny", "solutions")
    _set_feedback(learner, 3, "Exercise 0.1 — ⏳ not answered yet.\n  Hint: h")
    _set_feedback(solutions, 4, "Exercise 0.1 — ✅ correct!\n  ✓ 2 is right.")
    assert lb.check_lessons(lessons) == []
    # A worked answer that no longer passes its check is caught ...
    _set_feedback(solutions, 4, "Exercise 0.1 — ❌ not yet right.\n  ✗ 3 is too high.")
    # ... and so is a learner notebook that ships an answer.
    _set_feedback(learner, 3, "Exercise 0.1 — 🟡 partly correct.")
    problems = lb.check_lessons(lessons)
    assert len(problems) == 2
    assert "cell 3: Exercise 0.1 shows 🟡 'partly correct.'; the learner version" in problems[0]
    assert "cell 4: Exercise 0.1 shows ❌ 'not yet right.'; the solutions version" in problems[1]


def test_feedback_demo_cells_are_exempt(tmp_path):
    text = TINY + '\n# %% tags=["feedback-demo"]\ncheck_number(3, 2.0, name="Demo")\n'
    lessons = make_lessons(tmp_path, text)
    fake_build(lessons)
    for variant in ("learner", "solutions"):
        path = lb.notebook_path(lessons, "00_tiny", variant)
        last = len(nbformat.read(path, as_version=4).cells) - 1
        _set_feedback(path, last, "Demo — ❌ not yet right.")
    assert lb.check_lessons(lessons) == []
