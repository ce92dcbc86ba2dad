"""The checks of lessons 00–04 (alliance_lessons): right, wrong and unanswered paths."""

from __future__ import annotations

import pandas as pd
import pytest

import alliance_lessons as ex
from alliance_lessons import lesson01, lesson04
from alliance_widgets import literature as lit
from alliance_widgets.exercises.feedback import INCORRECT, PARTLY, UNANSWERED


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
