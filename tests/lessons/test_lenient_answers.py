"""Checks of lessons 01–03 as the lessons call them: answers a learner actually types."""

import numpy as np
import pandas as pd
import pytest

import alliance_lessons as ex
from alliance_lessons.lesson01 import _pair_key
from alliance_widgets.exercises.feedback import INCORRECT, UNANSWERED

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


SESSIONS = pd.DataFrame(
    {
        "client_id": ["a", "a", "b", "c"],
        "therapist_id": ["t", "t", "t", "u"],
        "alliance": [3.0, 4.0, 5.0, 2.0],
        "rupture": [True, True, False, True],
    }
)
CLIENTS = pd.DataFrame({"client_id": ["a", "b", "c"], "intake_outcome": [90, 50, 70]})


def test_lesson03_checks_take_what_pandas_returns():
    # Learners' answers arrive as numpy integers and grouped Series, not plain ints.
    ruptures = SESSIONS[SESSIONS["rupture"]]
    assert ex.check_count(np.int64(2), ruptures, "client_id", name="E", what="clients").ok
    rows = ex.check_count(len(ruptures), ruptures, "client_id", name="E", what="clients")
    assert "number of rows" in rows.wrong[0]
    assert ex.check_above_cutoff((CLIENTS["intake_outcome"] > 63.5).sum(), CLIENTS).ok
    assert ex.check_client_means(SESSIONS.groupby("client_id")["alliance"].mean(), SESSIONS).ok


def test_lesson03_hints_point_the_way_without_the_answer():
    means = ex.check_client_means(None, SESSIONS)
    assert means.status == UNANSWERED
    assert "groupby" in means.hint and '["alliance"].mean()' not in means.hint
    cutoff = ex.check_above_cutoff(None, CLIENTS)
    assert "intake_outcome" in cutoff.hint and ".sum()" not in cutoff.hint
    count = ex.check_count(None, SESSIONS, "client_id", name="E", what="clients")
    assert ".nunique()" in count.hint and "table[" not in count.hint
