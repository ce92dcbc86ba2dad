"""Exercise checks: every status path, the display text, and the lesson-specific checks."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from alliance_widgets import exercises as ex
from alliance_widgets import literature as lit
from alliance_widgets.exercises import lesson01, lesson04
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
    mine = {"feedback", "generic", "lesson00", "lesson01", "lesson02", "lesson03", "lesson04"}
    for name, module in ex._EXPORTS.items():
        if module in mine:
            assert getattr(ex, name) is not None
    with pytest.raises(AttributeError, match="no attribute 'check_nothing'"):
        ex.check_nothing  # noqa: B018


# ----------------------------------------------------------------------------- lessons 00–04


def test_lesson00_checks():
    low, high = lit.WAI_SR_SCALE.value
    assert ex.check_scale_points(high - low + 1).ok
    assert "7 points is the scale of the full WAI" in ex.check_scale_points(7).wrong[0]
    assert "number of items" in ex.check_scale_points(lit.WAI_SR_ITEMS.value).wrong[0]
    assert ex.check_scale_points(None).status == UNANSWERED
    assert ex.check_not_a_component("d").ok
    assert "one of Bordin's three" in ex.check_not_a_component("b").wrong[0]
    # The hint must leave the learner to rule options out, not rule them out itself.
    hint = ex.check_not_a_component(None).hint.lower()
    assert not any(part in hint for part in ("liking", "bond", "goals", "tasks"))

    class Report:
        ok, verdict = False, "1 check(s) need attention: Offline charts."

    assert ex.check_doctor_verdict(False, Report()).ok
    assert ex.check_doctor_verdict(True, Report()).wrong == ("The verdict says: " + Report.verdict,)


def test_lesson01_checks():
    right = {k: comp for k, (_, comp) in lesson01.SCENARIOS.items()}
    assert ex.check_scenarios(right).ok
    assert ex.check_scenarios({**right, "A": "bond"}).status == PARTLY
    assert ex.check_scenarios(["tasks"]).status == INCORRECT
    ranges = {"total_min": 12, "total_max": 60, "subscale_min": 4, "subscale_max": 20}
    assert ex.check_wai_sr_ranges(ranges).ok
    seven = ex.check_wai_sr_ranges({**ranges, "total_max": 84})
    assert seven.status == PARTLY and "7-point scale" in seven.wrong[-1]

    items = pd.DataFrame(
        {
            "client_id": ["c"] * 12,
            "session": [1] * 12,
            "item": range(1, 13),
            "response": [5, 5, 4, 3, 2, 3, 4, 3, 4, 5, 3, 5],
        }
    )
    # bond items 3, 5, 7, 9 -> 4, 2, 4, 4 -> mean 3.5, sum 14
    kw = {"client_id": "c", "session": 1}
    assert ex.check_subscale_mean(3.5, items, **kw).ok
    assert "sum of the 4 items" in ex.check_subscale_mean(14, items, **kw).wrong[0]
    assert "all twelve items" in ex.check_subscale_mean(items.response.mean(), items, **kw).wrong[0]
    with pytest.raises(ValueError, match="no items for client_id='x'"):
        ex.check_subscale_mean(1, items, client_id="x", session=1)

    scores = pd.DataFrame({"bond": [1, 2, 3, 4], "goals": [1, 3, 2, 4], "tasks": [1, 3, 2, 5]})
    assert lesson01.subscale_pairs(scores)["goals–tasks"] > 0.9
    assert ex.check_strongest_pair("goals–tasks", scores).ok
    assert "lower than goals–tasks" in ex.check_strongest_pair("bond–goals", scores).wrong[0]


def test_lesson02_checks():
    r = lit.ALLIANCE_OUTCOME_R_2018.value
    assert ex.check_alliance_share(100 * r**2).ok
    assert "r written as a percentage" in ex.check_alliance_share(100 * r).wrong[0]
    assert "proportion" in ex.check_alliance_share(r**2).wrong[0]
    assert ex.check_lambert_comparison("b").ok
    assert "ratio" in ex.check_lambert_comparison("a").wrong[0]
    assert ex.check_lambert_evidence("b").ok
    assert "misattribution" in ex.check_lambert_evidence("a").wrong[0]
    assert ex.check_pie_statements(["b", "c"]).ok
    assert ex.check_pie_statements(["b", "d"]).status == PARTLY
    assert "dodo-bird" in str(ex.check_pie_statements(["b", "c", "e"]))


def test_lesson03_checks():
    sessions = pd.DataFrame(
        {"client_id": ["a", "a", "b"], "therapist_id": ["t", "t", "u"], "alliance": [3.0, 4.0, 5.0]}
    )
    assert ex.check_count(2, sessions, "client_id", name="E", what="clients").ok
    assert (
        "number of rows"
        in ex.check_count(3, sessions, "client_id", name="E", what="clients").wrong[0]
    )
    means = sessions.groupby("client_id", as_index=False)["alliance"].mean()
    assert ex.check_client_means(means, sessions).ok
    assert ex.check_client_means(means.set_index("client_id")["alliance"], sessions).ok
    sums = sessions.groupby("client_id", as_index=False)["alliance"].sum()
    assert "sums over sessions" in ex.check_client_means(sums, sessions).wrong[0]
    assert ex.check_client_means(sessions, sessions).status == PARTLY  # rows per session
    assert ex.check_client_means(means[["client_id"]], sessions).status == PARTLY
    assert ex.check_improvement_points(9, 62, 53).ok
    assert "sign is flipped" in ex.check_improvement_points(-9, 62, 53).wrong[0]
    cutoff = lit.OQ45_CLINICAL_CUTOFF.value
    clients = pd.DataFrame({"intake_outcome": [cutoff - 10.5, cutoff + 0.5, cutoff + 20.5]})
    assert ex.check_above_cutoff(2, clients).ok
    assert "other side" in ex.check_above_cutoff(1, clients).wrong[0]


def test_lesson04_checks():
    r18 = lit.ALLIANCE_OUTCOME_R_2018.value
    assert ex.check_besd_gap("b").ok
    assert "r² describes variance" in ex.check_besd_gap("a").wrong[0]
    assert ex.check_misquote(False).ok and not ex.check_misquote(True).ok
    assert ex.check_power_share("c").ok
    assert "true r" in ex.check_power_share("a").wrong[0]
    assert "about 6 of every 10" in lesson04.power_options(r18, 60)["c"]
    assert "about 8 of every 10" in lesson04.power_options(r18, 100)["c"]
    assert ex.check_causation("b").ok
    assert "which came first" in ex.check_causation("a").wrong[0]
    true_r = r18 / lit.ALLIANCE_GENERALIZABILITY.value**0.5
    assert ex.check_disattenuated_r(true_r).ok
    assert (
        "square root"
        in ex.check_disattenuated_r(r18 / lit.ALLIANCE_GENERALIZABILITY.value).wrong[0]
    )
    x, y = [1.0, 2.0, 3.0, 4.0], [1.0, 3.0, 2.0, 4.0]
    rr = float(pd.Series(x).corr(pd.Series(y)))
    assert ex.check_data_correlation(rr, x, y).ok
    assert "sign is flipped" in ex.check_data_correlation(-rr, x, y).wrong[0]
    assert ex.check_data_correlation(None, x, y).status == UNANSWERED
