"""Checks of lessons 01–03 as the lessons call them: answers a learner actually types."""

import pandas as pd
import pytest

from alliance_widgets import exercises as ex
from alliance_widgets.exercises.feedback import INCORRECT, UNANSWERED
from alliance_widgets.exercises.lesson01 import _pair_key

SCORES = pd.DataFrame({"bond": [1, 2, 3, 4], "goals": [1, 3, 2, 4], "tasks": [1, 3, 2, 5]})


@pytest.mark.parametrize(
    "typed",
    ["goals-tasks", "tasks-goals", "Goals – Tasks", "tasks and goals", ("tasks", "goals")],
)
def test_strongest_pair_accepts_a_hyphen_and_either_order(typed):
    fb = ex.check_strongest_pair(typed, SCORES)
    assert fb.ok, fb


def test_strongest_pair_still_judges_wrong_and_unknown_pairs():
    wrong = ex.check_strongest_pair("bond-goals", SCORES)
    assert wrong.status == INCORRECT
    assert "lower than goals–tasks" in wrong.wrong[0]
    unknown = ex.check_strongest_pair("bond-bond", SCORES)
    assert unknown.status == INCORRECT
    assert "not one of the options" in unknown.wrong[0]
    assert ex.check_strongest_pair(None, SCORES).status == UNANSWERED


def test_pair_key_leaves_non_pairs_alone():
    assert _pair_key("bond") == "bond"
    assert _pair_key(3) == 3
    assert _pair_key(["goals", "tasks", "bond"]) == ["goals", "tasks", "bond"]
    assert _pair_key("bond/tasks") == "bond–tasks"
