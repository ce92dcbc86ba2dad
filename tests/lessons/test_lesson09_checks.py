"""The checks of lesson 09 (does the alliance cause change?) on hand-made data.

Every status path; expected values follow the data and the estimates passed in (never a
fixed number); the world a lagged estimate points to follows one rule, for all four worlds.
"""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

import alliance_lessons as ex
from alliance_lessons.lesson09 import Z_CLEAR
from alliance_widgets import literature as lit
from alliance_widgets.exercises.feedback import CORRECT, INCORRECT, PARTLY, UNANSWERED


def _clients(n: int = 400, r: float = 0.3, seed: int = 1) -> pd.DataFrame:
    """Hand-made clients: early alliance and improvement correlated about ``r``; those
    with the weakest alliances leave early more often, as in an alliance-linked dropout."""
    rng = np.random.default_rng(seed)
    a = rng.normal(size=n)
    y = r * a + np.sqrt(1 - r * r) * rng.normal(size=n)
    leave = rng.random(n) < 1 / (1 + np.exp(2.0 + 1.5 * a))
    return pd.DataFrame(
        {"early_alliance": 3.8 + 0.5 * a, "improvement": 12 + 15 * y, "completed": ~leave}
    )


def _est(a2c: float, a2c_se: float, c2a: float, c2a_se: float) -> SimpleNamespace:
    return SimpleNamespace(
        alliance_to_change=a2c,
        alliance_to_change_se=a2c_se,
        change_to_alliance=c2a,
        change_to_alliance_se=c2a_se,
    )


SIGNATURES = {
    "alliance_drives_change": _est(1.5, 0.3, 0.01, 0.03),
    "change_drives_alliance": _est(0.1, 0.3, 0.2, 0.03),
    "common_cause": _est(-0.2, 0.3, 0.02, 0.03),
    "reciprocal": _est(1.0, 0.3, 0.15, 0.03),
}


def test_every_check_accepts_none_as_not_answered() -> None:
    c = _clients()
    est = SIGNATURES["reciprocal"]
    for fb in (
        ex.check_same_r_everywhere(None),
        ex.check_mystery_r(None, c),
        ex.check_study_worlds(None, {"A": est}),
        ex.check_completer_r(None, c),
        ex.check_rater_agreement(None),
        ex.check_causal_note(None, 0.28),
        ex.check_causal_note("   ", 0.28),
    ):
        assert fb.status == UNANSWERED, fb
        assert fb.hint, fb.name


def test_same_r_everywhere_explains_each_distractor() -> None:
    assert ex.check_same_r_everywhere("d").status == CORRECT
    assert ex.check_same_r_everywhere(" D ").status == CORRECT
    for wrong in "abc":
        fb = ex.check_same_r_everywhere(wrong)
        assert fb.status == INCORRECT
        assert "this is not the best answer" not in fb.wrong[0], wrong
    assert "not one of the options" in ex.check_same_r_everywhere("e").wrong[0]


def test_mystery_r_follows_the_data() -> None:
    for seed in (1, 2):
        c = _clients(seed=seed)
        r = c["early_alliance"].corr(c["improvement"])
        assert ex.check_mystery_r(r, c).status == CORRECT
        assert ex.check_mystery_r(round(r, 2), c).status == CORRECT
        flipped = ex.check_mystery_r(-r, c)
        assert flipped.status == INCORRECT and "sign is flipped" in flipped.wrong[0]
        squared = ex.check_mystery_r(r * r, c)
        assert squared.status == INCORRECT and "squared" in squared.wrong[0]
    other = _clients(seed=2)
    r_other = other["early_alliance"].corr(other["improvement"])
    assert ex.check_mystery_r(r_other, _clients(seed=1)).status == INCORRECT
    assert ex.check_mystery_r("0.3", _clients()).status == INCORRECT


def test_mystery_r_names_the_unfiltered_slip() -> None:
    study_a = _clients(seed=1)
    everyone = pd.concat([study_a, _clients(r=0.0, seed=5)], ignore_index=True)
    r_all = everyone["early_alliance"].corr(everyone["improvement"])
    fb = ex.check_mystery_r(r_all, study_a, everyone=everyone)
    assert fb.status == INCORRECT and "keep only study A" in fb.wrong[0]
    r_a = study_a["early_alliance"].corr(study_a["improvement"])
    assert ex.check_mystery_r(r_a, study_a, everyone=everyone).status == CORRECT
    assert "two decimals" in ex.check_mystery_r(None, study_a).hint


@pytest.mark.parametrize("world", list(SIGNATURES))
def test_each_world_has_its_lagged_signature(world: str) -> None:
    est = SIGNATURES[world]
    assert ex.lagged_verdict(est) == world
    letter = dict(zip(ex.WORLD_WORDS, "abcd", strict=True))[world]
    assert ex.check_study_worlds({"A": letter}, {"A": est}).status == CORRECT
    assert ex.check_study_worlds({"A": ex.WORLD_WORDS[world]}, {"A": est}).status == CORRECT
    for other in "abcd":
        if other != letter:
            fb = ex.check_study_worlds({"A": other}, {"A": est})
            assert fb.status == INCORRECT
            # the feedback quotes the learner's own estimates
            assert "alliance → change estimate is" in fb.wrong[0]


def test_matching_four_studies_gives_partial_credit() -> None:
    letters = dict(zip(ex.WORLD_WORDS, "abcd", strict=True))
    studies = dict(zip("ABCD", SIGNATURES.values(), strict=True))
    good = {k: letters[ex.lagged_verdict(est)] for k, est in studies.items()}
    assert good == {"A": "a", "B": "b", "C": "c", "D": "d"}
    assert ex.check_study_worlds(good, studies).status == CORRECT
    swapped = {**good, "A": "b", "B": "a"}
    fb = ex.check_study_worlds(swapped, studies)
    assert fb.status == PARTLY and len(fb.wrong) == 2
    missing = ex.check_study_worlds({"A": "a"}, studies)
    assert missing.status == PARTLY and "Not answered yet" in missing.wrong[-1]
    extra = ex.check_study_worlds({**good, "E": "a"}, studies)
    assert extra.status == PARTLY and "no study E" in extra.wrong[-1]
    lower = {k.lower(): v for k, v in good.items()}
    assert ex.check_study_worlds(lower, studies).status == CORRECT
    assert ex.check_study_worlds("a", studies).status == INCORRECT
    assert ex.check_study_worlds(["a", "b"], studies).status == INCORRECT


def test_the_verdict_threshold_is_z_clear() -> None:
    just_above = _est(Z_CLEAR * 0.3 + 0.01, 0.3, 0.0, 0.03)
    just_below = _est(Z_CLEAR * 0.3 - 0.01, 0.3, 0.0, 0.03)
    assert ex.lagged_verdict(just_above) == "alliance_drives_change"
    assert ex.lagged_verdict(just_below) == "common_cause"
    # a clearly negative effect is not a sign of that direction at work
    assert ex.lagged_verdict(_est(-2.0, 0.3, 0.0, 0.03)) == "common_cause"


def test_bad_estimates_raise_naming_the_field() -> None:
    with pytest.raises(ValueError, match=r"est\.alliance_to_change .* standard error"):
        ex.lagged_verdict(_est(1.0, 0.0, 0.1, 0.03))
    with pytest.raises(ValueError, match=r"est\.change_to_alliance"):
        ex.lagged_verdict(_est(1.0, 0.3, float("nan"), 0.03))


def test_completer_r_follows_the_data_and_names_the_usual_slips() -> None:
    c = _clients()
    done = c[c["completed"]]
    r_done = done["early_alliance"].corr(done["improvement"])
    r_all = c["early_alliance"].corr(c["improvement"])
    assert abs(r_done - r_all) > 0.01  # the hand-made dropout changes r
    fb = ex.check_completer_r(r_done, c)
    assert fb.status == CORRECT and f"{r_all:.2f}" in fb.explanation
    everyone = ex.check_completer_r(r_all, c)
    assert everyone.status == INCORRECT and "everyone" in everyone.wrong[0]
    left = c[~c["completed"]]
    r_left = left["early_alliance"].corr(left["improvement"])
    assert "left early" in ex.check_completer_r(r_left, c).wrong[0]
    with pytest.raises(ValueError, match="'completed'"):
        ex.check_completer_r(0.2, c.drop(columns="completed"))


def test_rater_options_are_computed_from_the_literature() -> None:
    r = lit.RATER_AGREEMENT.value["child–therapist"]
    assert f"{100 * r * r:.0f} %" in ex.rater_options()["b"]
    assert ex.check_rater_agreement("b").status == CORRECT
    for wrong in "acd":
        fb = ex.check_rater_agreement(wrong)
        assert fb.status == INCORRECT and "not the best answer" not in fb.wrong[0]
    assert lit.RATER_AGREEMENT.cite() in ex.check_rater_agreement("b").explanation


def test_causal_note_checks_only_the_number() -> None:
    good = "Across clients early alliance and improvement correlate r = .31; an association."
    assert ex.check_causal_note(good, 0.3089).status == CORRECT
    assert ex.check_causal_note(good.replace(".31", "0.31"), 0.3089).status == CORRECT
    missing = ex.check_causal_note("The alliance clearly causes change.", 0.3089)
    assert missing.status == INCORRECT and "0.31" in missing.wrong[0]
    assert "not marked" in missing.scope
    # only the number was checked, so the headline never says plainly "correct!"
    for fb in (ex.check_causal_note(good, 0.3089), missing):
        assert "correct!" not in str(fb) and "correct!" not in fb._repr_markdown_()
    assert "rubric" in str(ex.check_causal_note(good, 0.3089)).splitlines()[0]
    # .310 is not .31 followed by a digit: "3.31" or ".315" must not count
    assert ex.check_causal_note("r = .315", 0.3089).status == INCORRECT
    assert ex.check_causal_note(0.31, 0.3089).status == INCORRECT


def test_model_note_uses_the_numbers_it_is_given() -> None:
    note = ex.causal_model_note(0.29, SIGNATURES["reciprocal"], r_completers=0.21, r_everyone=0.27)
    assert "r = 0.29" in note and "0.21" in note and "0.27" in note
    assert ex.WORLD_WORDS["reciprocal"] in note
    assert ex.check_causal_note(note, 0.29).status == CORRECT
    other = ex.causal_model_note(
        0.29, SIGNATURES["common_cause"], r_completers=0.21, r_everyone=0.27
    )
    assert ex.WORLD_WORDS["common_cause"] in other


def test_rubric_lines_cover_the_lessons_points() -> None:
    assert set(ex.CAUSAL_RUBRIC) == {"number", "worlds", "design", "selection", "practice"}
