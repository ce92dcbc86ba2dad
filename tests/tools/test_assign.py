"""``alliance-kit assign`` end to end: lesson source → master → ``otter assign`` → ``otter run``.

Offline: the kit's wheel is built with the hatchling already installed, ``otter assign`` runs
with the lessons' own tests, and ``otter run`` grades in this environment (no Docker). For two
lessons a notebook filled with the lesson's solution cells earns full marks, one wrong answer
loses exactly that question's points, and the blank student notebook scores 0 without a
crash; every lesson with exercises gives an assignment otter accepts.
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import dill
import nbformat
import pytest

from alliance_widgets.exercises.generic import check_choice
from alliance_widgets.tools import assign
from alliance_widgets.tools.assign_master import Exercise, find_exercises, master_notebook

ROOT = Path(__file__).resolve().parents[2]
LESSONS = ROOT / "lessons"
SOURCES = sorted((LESSONS / "src").glob("[0-9][0-9]_*.py"))
# Two lessons with an explorer each, literal and computed answers: the whole path.
FULL_PATH = ("02", "04")
WIDGET = "application/vnd.jupyter.widget-view+json"
RICH = {"image/svg+xml", "text/html", "text/markdown", WIDGET}


def _source(number: str) -> Path:
    return next(p for p in SOURCES if p.stem.startswith(number + "_"))


def _exercises(source: Path) -> dict[str, Exercise]:
    return {e.name: e for e in find_exercises(source.read_text(encoding="utf-8"), source.name)}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return assign.build_wheel(ROOT, tmp_path_factory.mktemp("wheel"))


@pytest.fixture(scope="module")
def assignments(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("assignments")
    argv = [*FULL_PATH, "--output-dir", str(out), "--wheel", str(wheel), "--no-run-tests"]
    assert assign.main(argv) == 0
    return out


def _otter_run(notebook: Any, lesson_dir: Path, tag: str) -> tuple[dict[str, float], Any]:
    """Grade ``notebook`` with ``otter run``; return {question: score} and the executed notebook."""
    work = lesson_dir / f"run-{tag}"
    work.mkdir()
    path = work / f"{lesson_dir.name}.ipynb"
    nbformat.write(notebook, path)
    (zip_path,) = (lesson_dir / "autograder").glob("*autograder*.zip")
    cmd = [sys.executable, "-m", "otter", "run", "-a", str(zip_path), "-o", str(work), "--no-logo"]
    done = subprocess.run([*cmd, "-p", str(path)], cwd=work, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    results = json.loads((work / "results.json").read_text())
    scores = {t["name"]: t["score"] for t in results["tests"] if "score" in t}
    with open(work / "results.pkl", "rb") as f:
        executed = dill.load(f).notebook
    return scores, executed


def _student(lesson_dir: Path) -> Any:
    return nbformat.read(lesson_dir / "student" / f"{lesson_dir.name}.ipynb", as_version=4)


def _answer_cells(nb: Any) -> dict[str, Any]:
    """The student notebook's answer cells by question name."""
    cells = {}
    for cell in nb.cells:
        tests = cell.metadata.get("otter", {}).get("tests", [])
        if "otter_answer_cell" in cell.metadata.get("tags", []) and tests:
            cells[tests[0]] = cell
    return cells


def _filled(student: Any, source: Path) -> Any:
    """The student notebook with each answer cell replaced by the lesson's solution cells."""
    from alliance_widgets.tools.lesson_source import read_source

    src = read_source(source)
    nb = copy.deepcopy(student)
    for name, cell in _answer_cells(nb).items():
        ex = _exercises(source)[name]
        cell.source = "\n".join(src.cells[k].source for k in ex.solutions)
    return nb


def _errors(nb: Any) -> list[str]:
    return [
        f"{o.ename}: {o.evalue}"
        for cell in nb.cells
        if cell.cell_type == "code"
        for o in cell.get("outputs", [])
        if o.output_type == "error"
    ]


def _rich_outputs(nb: Any) -> dict[str, set[str]]:
    kinds: dict[str, set[str]] = {}
    for cell in nb.cells:
        if cell.cell_type == "code":
            data = (set(o.get("data", {})) for o in cell.get("outputs", []))
            kinds[cell.source] = set().union(*data) & RICH
    return kinds


@pytest.mark.parametrize("number", FULL_PATH)
def test_solutions_full_marks_one_wrong_loses_its_points_blank_scores_zero(
    number: str, assignments: Path
) -> None:
    source = _source(number)
    lesson_dir = assignments / source.stem
    student = _student(lesson_dir)
    exercises = _exercises(source)
    auto = {n: e for n, e in exercises.items() if not e.manual}
    assert set(_answer_cells(student)) == set(auto)
    assert "BEGIN SOLUTION" not in json.dumps(student)  # otter stripped the solutions

    scores, executed = _otter_run(_filled(student, source), lesson_dir, "solved")
    assert scores == {n: e.points for n, e in auto.items()}
    assert _errors(executed) == []
    # Every chart, table and explorer of the lesson still shows (offline renderer): each
    # code cell's rich outputs in the built lesson appear in the graded student notebook.
    lesson = nbformat.read(LESSONS / f"{source.stem}.ipynb", as_version=4)
    shown = _rich_outputs(executed)
    for code, kinds in _rich_outputs(lesson).items():
        if code in shown:
            assert kinds <= shown[code], code
    # The stored lesson keeps an explorer's static SVG; live, it is a widget view too.
    assert any(WIDGET in kinds for kinds in shown.values())

    # A known wrong answer in the first exercise with a plain-value solution.
    wrong = next(e for e in auto.values() if e.literal is not None)
    nb = _filled(student, source)
    _answer_cells(nb)[wrong.name].source = f"{wrong.answer} = 'not one of the options'"
    scores_wrong, _ = _otter_run(nb, lesson_dir, "wrong")
    assert scores_wrong == {**scores, wrong.name: 0}

    scores_blank, blank_run = _otter_run(student, lesson_dir, "blank")
    assert scores_blank == dict.fromkeys(auto, 0)
    assert _errors(blank_run) == []


@pytest.mark.parametrize("source", SOURCES, ids=[p.stem[:2] for p in SOURCES])
def test_every_lesson_with_exercises_is_accepted_by_otter_assign(
    source: Path, wheel: Path, tmp_path: Path
) -> None:
    exercises = _exercises(source)
    if not exercises:
        pytest.skip(f"{source.stem} has no exercises")
    out = assign.assign_lesson(source, wheel, tmp_path, run_tests=False)
    student = _student(out)
    autograded = {n for n, e in exercises.items() if not e.manual}
    assert set(_answer_cells(student)) == autograded
    tests = student.metadata["otter"]["tests"]
    assert set(tests) == autograded
    for name in autograded:
        cases = tests[name]["suites"][0]["cases"]
        # The learner sees the public test, which is the kit's own check; hidden ones stay out.
        assert [c["hidden"] for c in cases] == [False]
        assert "_alliance_feedback.ok" in cases[0]["code"]
    reqs = (out / "autograder" / "requirements.txt").read_text()
    assert reqs == assign.requirements_text(wheel.name)
    assert (out / "student" / wheel.name).is_file()


def test_free_text_answers_are_graded_by_hand_and_points_come_from_metadata() -> None:
    text = (
        "# %% [markdown]\n# # Lesson 09 — Demo\n# %% [markdown]\n# ### Exercise 9.1\n"
        '# %% tags=["exercise"]\nanswer_9_1 = None\n'
        '# %% tags=["solution"]\n'
        'answer_9_1 = f"I noticed you went quiet, {name}, after I said it."\n'
        "# %%\ncheck_text(answer_9_1)\n"
        '# %% [markdown]\n# ### Exercise 9.2\n# %% tags=["exercise"] points=3\nanswer_9_2 = None\n'
        '# %% tags=["solution"]\nanswer_9_2 = ["b", "c"]\n# %%\ncheck_pick(answer_9_2)\n'
        "# %% [markdown]\n# ### Exercise 9.3\n"
        '# %% tags=["exercise"] manual=true\nanswer_9_3 = None\n'
        '# %% tags=["solution"]\nanswer_9_3 = 2 * x\n# %%\ncheck_rate(answer_9_3)\n'
    )
    found = find_exercises(text, "09_demo.py")
    assert [(e.label, e.manual, e.points, e.literal) for e in found] == [
        ("9.1", True, 1, None),
        ("9.2", False, 3, ["b", "c"]),
        ("9.3", True, 1, None),
    ]
    nb = master_notebook(text, "09_demo.py", {"name": "09_demo"})
    raw = [c.source for c in nb.cells if c.cell_type == "raw"]
    assert raw.count("# BEGIN TESTS") == 1  # only 9.2 is scored automatically
    assert 'name: "exercise_9_1"\npoints: 1\nmanual: true' in "\n".join(raw)


SOLVED = '# %% tags=["solution"]\na = 1\n'
MALFORMED = [
    ('# %% tags=["exercise"]\na = None\n# %%\nc(a)\n', "no 'solution' cell"),
    ('# %% tags=["exercise"]\na = None\n' + SOLVED, "check cell"),
    ('# %% tags=["exercise"] points="two"\na = None\n' + SOLVED + "# %%\nc(a)\n", "points must"),
    ('# %% tags=["exercise"] manual=yes\na = None\n' + SOLVED + "# %%\nc(a)\n", "key=JSON"),
]


def test_hidden_test_fails_when_the_notebook_redefines_the_check() -> None:
    text = (
        '# %% [markdown]\n# ### Exercise 9.1\n# %% tags=["exercise"]\nanswer_9_1 = None\n'
        '# %% tags=["solution"]\nanswer_9_1 = "b"\n'
        '# %%\ncheck_choice(answer_9_1, "b", options={"a": "no", "b": "yes"})\n'
    )
    nb = master_notebook(text, "09_demo.py", {"name": "09_demo"})
    public, hidden = [c.source for c in nb.cells if "_alliance_feedback" in c.source]
    assert "hidden: true" in hidden

    def run(test: str, namespace: dict[str, Any]) -> None:
        exec(test.split("# END TEST CONFIG")[1], namespace)

    kit = {"__name__": "__main__", "check_choice": check_choice, "answer_9_1": "b"}
    run(public, dict(kit))
    run(hidden, dict(kit))
    with pytest.raises(AssertionError, match="not yet right"):
        run(public, {**kit, "answer_9_1": "a"})
    # A learner's own "check" that always says correct passes the public test only.
    forged: dict[str, Any] = {"__name__": "__main__", "answer_9_1": "a"}
    exec(
        "from alliance_widgets.exercises.feedback import Feedback\n"
        "def check_choice(*args, **kwargs):\n    return Feedback('Q', 'correct')\n",
        forged,
    )
    run(public, dict(forged))
    with pytest.raises(AssertionError, match="redefined in the notebook"):
        run(hidden, dict(forged))


@pytest.mark.parametrize(("text", "message"), MALFORMED)
def test_malformed_exercises_name_the_line(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message) as err:
        find_exercises(text, "09_demo.py")
    assert "09_demo.py, line 1" in str(err.value)


def test_unknown_lesson_is_exit_code_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert assign.main(["99", "--output-dir", str(tmp_path), "--lessons-dir", str(LESSONS)]) == 2
    assert "no lesson source matches '99'" in capsys.readouterr().err
