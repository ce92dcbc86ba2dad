"""Tests of the exercise checks of lessons 05–08: every status path, that expected values
follow the literature and the data rather than being fixed (the lessons' structure is
checked in test_structure.py)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import alliance_lessons as ex
import alliance_widgets as aw
from alliance_widgets import literature as lit
from alliance_widgets.exercises.feedback import CORRECT, INCORRECT, PARTLY, STATUSES, UNANSWERED
from alliance_widgets.science import (
    between_within_effects,
    correlation_ci,
    detect_ruptures_by_client,
    feedback_signals,
    reliable_change_threshold,
    therapist_icc,
)

SERIES = [4.2, 4.3, 4.1, 3.4, 3.6, 4.2, 4.3, 4.4, 3.6, 3.7, 3.6, 3.7]


@pytest.fixture(scope="module")
def study() -> aw.Study:
    return aw.simulate(seed=11, n_therapists=8, clients_per_therapist=8, items=False)


@pytest.fixture(scope="module")
def clients(study: aw.Study) -> pd.DataFrame:
    return study.clients


# ---------------------------------------------------------------------------- every check
def _unanswered_calls(study: aw.Study) -> list[object]:
    c, s = study.clients, study.sessions
    eff = pd.DataFrame({"estimate": [2.0, 1.0]}, index=["between", "within"])
    return [
        ex.check_rupture_kinds(None),
        ex.check_rupture_sessions(None, SERIES),
        ex.check_repair_share(None, s),
        ex.check_repair_explanations(None),
        ex.check_repair_evidence(None),
        ex.check_repair_opening(None),
        ex.check_icc_from_variances(None, between_variance=1, within_variance=9),
        ex.check_icc_meaning(None),
        ex.check_within_centring(None, c),
        ex.check_baldwin_finding(None),
        ex.check_larger_slope(None, eff),
        ex.check_change_categories(None, {"A": (80, 60)}),
        ex.check_reliable_change_threshold(None, sd_pre=10, reliability=0.8),
        ex.check_signal(None, [90, 95]),
        ex.check_effect_in_points(None, d=0.15, sd=17),
        ex.check_recovered_share(None, c),
        ex.check_capstone_r(None, c),
        ex.check_capstone_subgroup_r(None, c),
        ex.check_capstone_ci(None, c),
        ex.check_capstone_in_interval(None, c),
        ex.check_capstone_icc(None, c),
        ex.check_capstone_writeup(None, c, seed=11),
    ]


def test_every_check_accepts_none_as_not_answered(study: aw.Study) -> None:
    for fb in _unanswered_calls(study):
        assert fb.status == UNANSWERED, fb
        assert fb.hint, f"{fb.name} gives no hint when unanswered"
        text = str(fb)
        assert "not answered yet" in text and "Replace None" in text
        assert fb._repr_markdown_().startswith("**⏳")


def test_capstone_hints_leave_the_code_to_the_learner(study: aw.Study) -> None:
    # Each of these hints once was the whole solution; a hint may name the tool, not the call.
    c = study.clients
    hints = {
        "8.1": ex.check_capstone_r(None, c).hint,
        "8.3": ex.check_capstone_ci(None, c).hint,
        "8.5": ex.check_capstone_icc(None, c).hint,
    }
    for name, hint in hints.items():
        assert '"improvement"' not in hint and "'improvement'" not in hint, (name, hint)
        assert 'clients["' not in hint, (name, hint)


def test_every_exported_check_is_a_lesson_0508_check() -> None:
    for name, module in ex._EXPORTS.items():
        if module in {"lesson05", "lesson06", "lesson07", "lesson08"}:
            assert getattr(ex, name) is not None
            # checks, option tables, and the capstone's helpers for the lesson's printouts
            assert name.startswith(("check_", "capstone_", "literature_")) or name.isupper()


# ---------------------------------------------------------------------------- lesson 05
def test_rupture_kinds_follow_the_literature_kinds() -> None:
    kinds = set(lit.RUPTURE_KINDS.value)
    assert {kind for _, kind in ex.RUPTURE_VIGNETTES.values()} == kinds
    good = {k: kind for k, (_, kind) in ex.RUPTURE_VIGNETTES.items()}
    assert ex.check_rupture_kinds(good).status == CORRECT
    flipped = {k: next(x for x in kinds if x != v) for k, v in good.items()}
    fb = ex.check_rupture_kinds(flipped)
    assert fb.status == INCORRECT and len(fb.wrong) == len(good)
    half = {**good, "A": flipped["A"]}
    assert ex.check_rupture_kinds(half).status == PARTLY
    assert ex.check_rupture_kinds(["withdrawal"]).status == INCORRECT
    extra = ex.check_rupture_kinds({**good, "Z": "withdrawal"})
    assert extra.status == PARTLY and "no vignette Z" in extra.wrong[-1]
    # Labels typed with capitals or spaces still count.
    assert ex.check_rupture_kinds({k: f" {v.upper()}" for k, v in good.items()}).ok


def test_rupture_sessions_paths() -> None:
    assert ex.check_rupture_sessions([4, 9], SERIES).ok
    assert ex.check_rupture_sessions((9, 4), SERIES).ok  # order does not matter
    assert ex.check_rupture_sessions([4], SERIES).status == PARTLY
    assert "1 rupture is still missing" in ex.check_rupture_sessions([4], SERIES).wrong[-1]
    zero_based = ex.check_rupture_sessions([3, 8], SERIES)
    assert zero_based.status == INCORRECT and "counted from 0" in zero_based.wrong[0]
    assert ex.check_rupture_sessions([2], SERIES).status == INCORRECT
    assert "no session 40" in ex.check_rupture_sessions([4, 9, 40], SERIES).wrong[0]
    assert ex.check_rupture_sessions("four", SERIES).status == INCORRECT
    assert ex.check_rupture_sessions([True], SERIES).status == INCORRECT
    # A stricter rule changes the expected answer: nothing is hard-coded.
    assert ex.check_rupture_sessions([4], SERIES, threshold=0.75).ok


def test_repair_share_is_computed_from_the_data(study: aw.Study) -> None:
    found = detect_ruptures_by_client(study.sessions)
    known = found.loc[found.rupture, "repaired"].dropna().astype(bool)
    share = float(known.mean())
    assert ex.check_repair_share(share, study.sessions).ok
    assert ex.check_repair_share(round(share, 3), study.sessions).ok
    pct = ex.check_repair_share(100 * share, study.sessions)
    assert pct.status == INCORRECT and "percentage" in pct.wrong[0]
    sessions_share = ex.check_repair_share(float(found.rupture.mean()), study.sessions)
    assert "share of sessions" in sessions_share.wrong[0]
    assert (
        ex.check_repair_share(1 - share, study.sessions)
        .wrong[0]
        .startswith("That is the share of ruptures that were NOT")
    )
    with pytest.raises(ValueError, match="sessions has no column"):
        ex.check_repair_share(0.5, study.sessions.drop(columns="alliance"))


def test_repair_explanations_and_evidence() -> None:
    assert ex.check_repair_explanations(["c", "a", "b"]).ok
    assert ex.check_repair_explanations("abc").status != CORRECT  # one string is one choice
    partly = ex.check_repair_explanations(["a", "e"])
    assert partly.status == PARTLY and any("size says nothing" in w for w in partly.wrong)
    assert ex.check_repair_explanations(["d"]).status == INCORRECT
    verdicts = lit.TASK_FORCE_2018.value
    assert "repairing ruptures" in verdicts["probably effective"]
    assert ex.check_repair_evidence("probably effective").ok
    assert ex.check_repair_evidence("a").status == INCORRECT
    assert str(lit.REPAIR_OUTCOME_R_2018.k) in ex.check_repair_evidence("a").wrong[0]


def test_repair_opening_explains_every_distractor() -> None:
    assert ex.check_repair_opening("d").ok
    assert ex.check_repair_opening(ex.REPAIR_OPENINGS["d"]).ok  # the option's text works too
    for key in ex.REPAIR_OPENINGS:
        if key == "d":
            continue
        fb = ex.check_repair_opening(key)
        assert fb.status == INCORRECT
        assert "not the best answer" not in fb.wrong[0], f"option {key} has no explanation"
    assert ex.check_repair_opening("I noticed you were quiet; tell me more.").status == INCORRECT


# ---------------------------------------------------------------------------- lesson 06
def test_icc_from_variances_paths() -> None:
    assert ex.check_icc_from_variances(0.1, between_variance=2, within_variance=18).ok
    ratio = ex.check_icc_from_variances(2 / 18, between_variance=2, within_variance=18)
    assert "between ÷ within" in ratio.wrong[0]
    within = ex.check_icc_from_variances(0.9, between_variance=2, within_variance=18)
    assert "within-therapist share" in within.wrong[0]
    assert (
        "percentage"
        in ex.check_icc_from_variances(10, between_variance=2, within_variance=18).wrong[0]
    )
    with pytest.raises(ValueError, match="within_variance"):
        ex.check_icc_from_variances(0.1, between_variance=1, within_variance=0)


def test_icc_meaning_prints_the_literature_share() -> None:
    fb = ex.check_icc_meaning("a")
    assert fb.status == INCORRECT
    shown = f"{lit.THERAPIST_EFFECTS.value:g} %"
    assert shown in fb.wrong[0]
    assert ex.check_icc_meaning("D").ok


def test_within_centring_paths(clients: pd.DataFrame) -> None:
    t_mean = clients.groupby("therapist_id", observed=True)["early_alliance"].transform("mean")
    within = clients["early_alliance"] - t_mean
    assert ex.check_within_centring(within, clients).ok
    assert ex.check_within_centring(within.tolist(), clients).ok
    grand = clients["early_alliance"] - clients["early_alliance"].mean()
    assert "grand-mean" in ex.check_within_centring(grand, clients).wrong[0]
    assert "therapists' means" in ex.check_within_centring(t_mean, clients).wrong[0]
    assert "sign is reversed" in ex.check_within_centring(-within, clients).wrong[0]
    assert "values" in ex.check_within_centring(within.iloc[:5], clients).wrong[0]
    assert ex.check_within_centring("x", clients).status == INCORRECT
    noisy = within + np.where(np.arange(len(within)) < 3, 1.0, 0.0)
    assert (
        f"{len(within) - 3} of {len(within)}" in ex.check_within_centring(noisy, clients).wrong[0]
    )


def test_baldwin_and_larger_slope(clients: pd.DataFrame) -> None:
    assert ex.check_baldwin_finding("between").ok
    within = ex.check_baldwin_finding("within")
    assert within.status == INCORRECT and lit.RELATIONAL_PERSPECTIVE_2020.cite() in within.wrong[0]
    eff = between_within_effects(clients)
    larger = (
        "between" if eff.loc["between", "estimate"] > eff.loc["within", "estimate"] else "within"
    )
    smaller = "within" if larger == "between" else "between"
    assert ex.check_larger_slope(larger, eff).ok
    assert ex.check_larger_slope(smaller, eff).status == INCORRECT
    swapped = eff.rename(index={"between": "within", "within": "between"})
    assert ex.check_larger_slope(smaller, swapped).ok
    with pytest.raises(ValueError, match="between_within_effects"):
        ex.check_larger_slope("between", eff.drop(index="within"))


# ---------------------------------------------------------------------------- lesson 07
def test_change_categories_use_the_oq45_figures() -> None:
    rc, cut = lit.OQ45_RELIABLE_CHANGE.value, lit.OQ45_CLINICAL_CUTOFF.value
    cases = {
        "recovers": (cut + 10, cut + 10 - rc - 1),
        "improves": (cut + 40, cut + 40 - rc - 1),
        "same": (cut + 20, cut + 20 - rc + 1),
        "worse": (cut + 5, cut + 5 + rc),
    }
    right = {
        "recovers": "recovered",
        "improves": "improved",
        "same": "unchanged",
        "worse": "deteriorated",
    }
    assert ex.check_change_categories(right, cases).ok
    fb = ex.check_change_categories({**right, "improves": "recovered", "same": "improved"}, cases)
    assert fb.status == PARTLY
    assert any("still above the cutoff" in w for w in fb.wrong)
    assert any("smaller than the reliable change" in w for w in fb.wrong)
    assert ex.check_change_categories("recovered", cases).status == INCORRECT
    missing = ex.check_change_categories({"recovers": "recovered"}, cases)
    assert missing.status == PARTLY and "Not answered yet" in missing.wrong[-1]


def test_reliable_change_threshold_paths() -> None:
    sd, rel = 17.0, lit.OQ45_RETEST.value
    want = reliable_change_threshold(sd_pre=sd, reliability=rel)
    assert ex.check_reliable_change_threshold(round(want, 2), sd_pre=sd, reliability=rel).ok
    se = sd * math.sqrt(1 - rel)
    assert (
        "√2" in ex.check_reliable_change_threshold(1.96 * se, sd_pre=sd, reliability=rel).wrong[0]
    )
    sdiff = ex.check_reliable_change_threshold(math.sqrt(2) * se, sd_pre=sd, reliability=rel)
    assert "S_diff" in sdiff.wrong[0]
    assert (
        ex.check_reliable_change_threshold(want + 5, sd_pre=sd, reliability=rel).status == INCORRECT
    )


def test_signal_follows_feedback_signals() -> None:
    for scores in ([90, 88, 86, 95, 104], [90, 80, 75, 70, 68], [70, 60], [90, 88, 86, 95]):
        expected = str(feedback_signals(scores).signal.iloc[-1])
        assert ex.check_signal(expected, scores).ok, scores
        wrong = next(s for s in ("white", "green", "yellow", "red") if s != expected)
        fb = ex.check_signal(wrong, scores)
        assert fb.status == INCORRECT and fb.wrong[0].startswith(repr(wrong))
    assert ex.check_signal("purple", [90, 95]).status == INCORRECT


def test_effect_in_points_names_each_slip() -> None:
    assert ex.check_effect_in_points(0.15 * 18.3, d=0.15, sd=18.3).ok
    assert "divides d by the SD" in ex.check_effect_in_points(0.15 / 18.3, d=0.15, sd=18.3).wrong[0]
    assert "percentage" in ex.check_effect_in_points(15, d=0.15, sd=18.3).wrong[0]
    fb = ex.check_effect_in_points(0.15 * 18.3, d=0.15, sd=18.3)
    assert "reliable change" in fb.explanation and "well under" not in fb.explanation
    with pytest.raises(ValueError, match="sd"):
        ex.check_effect_in_points(1.0, d=0.15, sd=0)


def test_recovered_share(clients: pd.DataFrame) -> None:
    share = float((clients["change_category"] == "recovered").mean())
    assert ex.check_recovered_share(share, clients).ok
    both = float(clients["change_category"].isin(["recovered", "improved"]).mean())
    assert "improved clients as well" in ex.check_recovered_share(both, clients).wrong[0]
    assert "percentage" in ex.check_recovered_share(100 * share, clients).wrong[0]


# ---------------------------------------------------------------------------- lesson 08
def test_capstone_numbers_follow_the_learners_own_data(clients: pd.DataFrame) -> None:
    other = aw.simulate(seed=12, n_therapists=8, clients_per_therapist=8, items=False).clients
    r = clients["early_alliance"].corr(clients["improvement"])
    r_other = other["early_alliance"].corr(other["improvement"])
    assert abs(r - r_other) > 0.01
    assert ex.check_capstone_r(r, clients).ok
    assert not ex.check_capstone_r(r, other).ok
    final = clients["early_alliance"].corr(clients["final_outcome"])
    assert "final_outcome" in ex.check_capstone_r(final, clients).wrong[0]
    assert "r squared" in ex.check_capstone_r(r * r, clients).wrong[0]
    above = clients[clients["intake_outcome"] > lit.OQ45_CLINICAL_CUTOFF.value]
    r_above = above["early_alliance"].corr(above["improvement"])
    assert ex.check_capstone_subgroup_r(r_above, clients).ok
    if abs(r_above - r) > 0.005:
        assert "whole clinic" in ex.check_capstone_subgroup_r(r, clients).wrong[0]


def test_capstone_interval_paths(clients: pd.DataFrame) -> None:
    est = correlation_ci(clients["early_alliance"], clients["improvement"])
    assert ex.check_capstone_ci((est.low, est.high), clients).ok
    assert ex.check_capstone_ci([round(est.low, 2), round(est.high, 2)], clients).ok
    half = ex.check_capstone_ci((est.low, est.high + 0.1), clients)
    assert half.status == PARTLY
    assert "lower limit comes first" in ex.check_capstone_ci((est.high, est.low), clients).wrong[0]
    assert ex.check_capstone_ci(0.3, clients).status == INCORRECT
    low, high = ex.capstone_prediction_interval(clients)
    # The prediction interval is wider than the meta-analysis's CI and contains it.
    ci_low, ci_high = lit.ALLIANCE_OUTCOME_R_2018.ci
    assert low < ci_low and high > ci_high
    inside = low <= est.value <= high
    assert ex.check_capstone_in_interval(inside, clients).ok
    assert ex.check_capstone_in_interval(not inside, clients).status == INCORRECT
    assert ex.check_capstone_in_interval("yes", clients).status == INCORRECT


def test_capstone_icc(clients: pd.DataFrame) -> None:
    icc = therapist_icc(clients).value
    assert ex.check_capstone_icc(icc, clients).ok
    alliance_icc = therapist_icc(clients, outcome="early_alliance").value
    if abs(alliance_icc - icc) > 0.01:
        assert "early_alliance" in ex.check_capstone_icc(alliance_icc, clients).wrong[0]


def test_capstone_writeup_checks_numbers_only(clients: pd.DataFrame) -> None:
    r = clients["early_alliance"].corr(clients["improvement"])
    numbers = f"Seed 11, {len(clients)} clients, r = {r:.2f}."
    fb = ex.check_capstone_writeup(numbers, clients, seed=11)
    assert fb.ok and "reasoning is not marked" in fb.scope
    bare = numbers.replace("0.", ".", 1)
    assert ex.check_capstone_writeup(bare, clients, seed=11).ok
    wrong_seed = ex.check_capstone_writeup(numbers, clients, seed=99)
    assert wrong_seed.status == PARTLY and any("seed" in w for w in wrong_seed.wrong)
    # Words alone earn nothing: a text full of the old key words but without the numbers.
    words = "Synthetic data; an association, not proof of cause; wide interval; therapists."
    assert ex.check_capstone_writeup(words, clients, seed=11).status == INCORRECT
    model = ex.capstone_model_writeup(clients, seed=11)
    assert ex.check_capstone_writeup(model, clients, seed=11).ok
    assert set(ex.WRITEUP_RUBRIC) >= {"data", "effect", "cause", "therapists", "tone"}


def test_feedback_text_is_deterministic(study: aw.Study) -> None:
    a = [str(fb) for fb in _unanswered_calls(study)]
    b = [str(fb) for fb in _unanswered_calls(study)]
    assert a == b
    assert all(fb.status in STATUSES for fb in _unanswered_calls(study))
