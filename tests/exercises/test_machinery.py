"""The exercise machinery: every status path of Feedback, the display text, the primitives."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from alliance_widgets import exercises as ex
from alliance_widgets.exercises.feedback import (
    CORRECT,
    INCORRECT,
    PARTLY,
    STATUSES,
    UNANSWERED,
    Feedback,
    combine,
)


# ----------------------------------------------------------------------------- Feedback
def test_feedback_text_and_markdown_say_the_same_things():
    fb = Feedback(
        "Exercise 9.9",
        PARTLY,
        right=("bond is right.",),
        wrong=("goals_x is wrong.",),
        hint="Look again.",
        scope="Checks names only.",
    )
    text, md = str(fb), fb._repr_markdown_()
    assert text.splitlines()[0] == "Exercise 9.9 — 🟡 partly correct."
    for piece in ("bond is right.", "Look again.", "Checks names only."):
        assert piece in text and piece in md
    assert "goals\\_x" in md  # Markdown in echoed text is escaped
    assert repr(fb) == text


@pytest.mark.parametrize("status", STATUSES)
def test_every_status_has_a_headline_and_only_unanswered_says_how_to_answer(status):
    fb = Feedback("Q", status, hint="h", explanation="because")
    text = str(fb)
    assert text.startswith("Q — ")
    assert ("Replace None with your answer" in text) == (status == UNANSWERED)
    assert ("Hint: h" in text) == (status != CORRECT)
    assert ("Why: because" in text) == (status == CORRECT)
    assert fb.ok == (status == CORRECT)
    assert fb.answered == (status != UNANSWERED)


def test_feedback_rejects_unknown_status_and_normalises_lists():
    with pytest.raises(ValueError, match="status must be one of"):
        Feedback("Q", "right")  # type: ignore[arg-type]
    assert Feedback("Q", CORRECT, right=["a", "b"]).right == ("a", "b")
    assert Feedback("Q", CORRECT, right="a").right == ("a",)


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        ((CORRECT, CORRECT), CORRECT),
        ((UNANSWERED, UNANSWERED), UNANSWERED),
        ((INCORRECT, UNANSWERED), INCORRECT),
        ((CORRECT, INCORRECT), PARTLY),
        ((PARTLY, INCORRECT), PARTLY),
        ((CORRECT, UNANSWERED), PARTLY),
    ],
)
def test_combine(statuses, expected):
    parts = [Feedback(f"p{i}", s, hint=f"h{i}") for i, s in enumerate(statuses)]
    fb = combine("All", parts)
    assert fb.status == expected
    if UNANSWERED in statuses and expected != UNANSWERED:
        assert any("Not answered yet" in w for w in fb.wrong)
    with pytest.raises(ValueError, match="at least one"):
        combine("All", [])


# ----------------------------------------------------------------------------- numbers
def test_check_number_paths():
    assert ex.check_number(None, 7.7).status == UNANSWERED
    assert ex.check_number(7.7, 7.73, tolerance=0.05).status == CORRECT
    low = ex.check_number(5, 7.73, tolerance=0.05, unit="%", hint="Square r.")
    assert low.status == INCORRECT and low.wrong == ("5 % is too low (by 2.73 %).",)
    assert low.hint == "Square r."
    text = ex.check_number("7.7", 7.73)
    assert text.status == INCORRECT and "is text" in text.wrong[0]
    assert ex.check_number(True, 1.0).status == INCORRECT
    assert ex.check_number(math.nan, 1.0).status == INCORRECT
    mistake = ex.check_number(0.077, 7.73, tolerance=0.05, mistakes=[(0.0773, "proportion")])
    assert mistake.wrong == ("proportion",)


def test_check_number_default_tolerance_is_relative():
    assert ex.check_number(100.4, 100).ok
    assert not ex.check_number(100.6, 100).ok
    assert ex.check_number(0, 0).ok


def test_check_numbers_paths():
    want = {"bond": 16.0, "goals": 14.0}
    assert ex.check_numbers(None, want).status == UNANSWERED
    assert ex.check_numbers({"bond": 16, "goals": 14}, want).status == CORRECT
    assert ex.check_numbers({"bond": 1, "goals": 1}, want).status == INCORRECT
    partly = ex.check_numbers({"bond": 16}, want)
    assert partly.status == PARTLY and "Not answered yet: goals." in partly.wrong
    extra = ex.check_numbers({"bond": 16, "goals": 14, "liking": 3}, want)
    assert extra.status == PARTLY and "Unexpected keys: liking." in extra.wrong
    assert "dict" in ex.check_numbers([16, 14], want).wrong[0]


# ----------------------------------------------------------------------------- choices
OPTS = {"a": "a meta-analysis", "b": "an informed judgement", "c": "a survey"}


def test_check_choice_paths():
    assert ex.check_choice(None, "b", options=OPTS).status == UNANSWERED
    assert ex.check_choice(" B ", "b", options=OPTS).ok
    assert ex.check_choice("an informed judgement", "b", options=OPTS).ok
    wrong = ex.check_choice("a", "b", options=OPTS, why_wrong={"a": "No pooling."})
    assert wrong.status == INCORRECT and wrong.wrong == ("'a' (a meta-analysis): No pooling.",)
    assert "not one of the options" in ex.check_choice("z", "b", options=OPTS).wrong[0]
    with pytest.raises(ValueError, match="correct must be one of the option keys"):
        ex.check_choice("a", "q", options=OPTS)


def test_check_choices_paths():
    correct = {"a", "b"}
    assert ex.check_choices(None, correct, options=OPTS).status == UNANSWERED
    assert ex.check_choices(["b", "a"], correct, options=OPTS).ok
    assert ex.check_choices(["a"], correct, options=OPTS).status == PARTLY
    assert ex.check_choices(["c"], correct, options=OPTS).status == INCORRECT
    over = ex.check_choices(["a", "b", "c"], correct, options=OPTS, why_wrong={"c": "No."})
    assert over.status == PARTLY and "'c' (a survey): No." in over.wrong
    single = ex.check_choices("a", correct, options=OPTS)  # a lone string is one choice
    assert single.status == PARTLY and "1 right option is still missing." in single.wrong
    with pytest.raises(ValueError, match="not options"):
        ex.check_choices(["a"], {"a", "x"}, options=OPTS)


def test_check_bool_paths():
    assert ex.check_bool(None, True).status == UNANSWERED
    assert ex.check_bool(True, True).ok
    assert ex.check_bool(False, True, why_wrong="It is.").wrong == ("It is.",)
    assert ex.check_bool("True", True).status == INCORRECT


# ----------------------------------------------------------------------------- tables, text
def test_check_dataframe_columns_paths():
    cols = ["client_id", "alliance"]
    assert ex.check_dataframe_columns(None, cols).status == UNANSWERED
    df = pd.DataFrame({"client_id": [1, 2], "alliance": [3.0, 4.0]})
    fb = ex.check_dataframe_columns(df, cols)
    assert fb.ok and "not the values" in fb.scope
    assert ex.check_dataframe_columns(df[["client_id"]], cols).status == PARTLY
    assert ex.check_dataframe_columns(df.rename(columns=str.upper), cols).status == INCORRECT
    assert ex.check_dataframe_columns(df, cols, forbidden=["alliance"]).status == PARTLY
    assert "rows" in ex.check_dataframe_columns(df.iloc[:0], cols).wrong[0]
    assert "DataFrame" in ex.check_dataframe_columns([1], cols).wrong[0]


def test_check_key_ideas_paths():
    ideas = {"squares r": ["square", "squared"], "small": ["small", "modest"]}
    assert ex.check_key_ideas(None, ideas).status == UNANSWERED
    assert ex.check_key_ideas("   ", ideas).status == UNANSWERED
    assert ex.check_key_ideas("You square r: a small share.", ideas).ok
    assert ex.check_key_ideas("You square r, so it is big.", ideas).status == PARTLY
    assert ex.check_key_ideas("It is large and important here.", ideas).status == INCORRECT
    assert "at least 5 words" in ex.check_key_ideas("small square", ideas).wrong[0]
    assert ex.check_key_ideas(42, ideas).status == INCORRECT
    # whole words only: "squares" does not count as "square"
    assert ex.check_key_ideas("Squares of things are small here.", ideas).status == PARTLY


def test_lazy_exports_resolve_and_unknown_names_fail():
    for name in ex._EXPORTS:
        assert getattr(ex, name) is not None
    with pytest.raises(AttributeError, match="no attribute 'check_nothing'"):
        ex.check_nothing  # noqa: B018


def test_a_moved_lesson_check_still_resolves_with_a_warning_naming_its_new_home():
    import alliance_lessons

    with pytest.warns(DeprecationWarning, match="moved to alliance_lessons.check_scale_points"):
        moved = ex.check_scale_points
    assert moved is alliance_lessons.check_scale_points
    assert "check_scale_points" not in ex.__all__
