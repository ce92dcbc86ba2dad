"""No exercise check marks a harmful or hostile therapist statement as good.

A learner who types a blaming, coercive, contemptuous or defensive sentence into an
exercise must never read "correct" (or "partly correct") back: a kit about the alliance
would then be teaching the opposite of what it means. Every ``check_*`` exported by
:mod:`alliance_lessons` is fed each statement below, as text, as a one-item
list, as a pair and (for the checks that take a dict) as the value of every key; none may
come back correct or partly correct.

The statements are the kit's own wording. The first is the one the issue found marked
correct by the old keyword check of Exercise 5.6; several others are built to contain the
words a keyword grader looks for ("I noticed", "would you", "I was", "thanks").
"""

from __future__ import annotations

import inspect
from types import SimpleNamespace
from typing import Any

import pandas as pd
import pytest

import alliance_lessons as ex
import alliance_widgets as aw
from alliance_widgets.exercises.feedback import CORRECT, PARTLY, Feedback

HOSTILE_STATEMENTS: dict[str, str] = {
    "issue example (blaming, coercive)": "I feel you are being difficult. I was right about "
    "the plan, so would you just do it?",
    "blaming": "I noticed you went quiet again. That is your resistance; you are the reason "
    "this therapy is not working.",
    "coercive": "Would you just do the homework I set? If you don't, I will stop seeing you.",
    "contemptuous": "Honestly, I wonder why you bother coming. Tell me, do you even want to "
    "get better, or do you enjoy wasting my time?",
    "defensive": "I was not pushing you. I got my training from the best people, my plan is "
    "right, and thanks but I don't need your feedback on how I work.",
    "dismissive": "I sense you are annoyed, but how you feel about our sessions is not my "
    "problem. Let's move on.",
    "sarcastic thanks": "Thanks so much for telling me, for the tenth time, that nothing "
    "helps. What was it you wanted me to do, magic?",
    "hostile write-up": "Clients who did not improve simply did not try; the synthetic data "
    "prove the therapists are blameless and the interval does not matter.",
    # From the independent review of lessons 05–08: negations a keyword grader cannot see.
    "negated ownership": "I noticed you went quiet. Tell me how it was for you. I take no "
    "responsibility for my part in this; you are the problem.",
    "not sorry": "I wonder what you expected. I am not sorry and it was not my mistake; "
    "would you stop complaining?",
    "overclaiming write-up": "Using real clients, this proves the alliance causes improvement, "
    "with no uncertainty at all. Therapists do not matter; the data are synthetic only in name.",
}

# Arguments for the checks' data parameters, by parameter name. A check whose required
# parameters are not all here is reported as skipped (so a new check shows up).
_SERIES = [4.2, 4.3, 4.1, 3.4, 3.6, 4.2, 4.3, 4.4, 3.6, 3.7, 3.6, 3.7]


@pytest.fixture(scope="module")
def study() -> aw.Study:
    return aw.simulate(seed=11, n_therapists=8, clients_per_therapist=8, items=False)


def _data_arguments(study: aw.Study) -> dict[str, Any]:
    return {
        "series": _SERIES,
        "sessions": study.sessions,
        "clients": study.clients,
        "effects": pd.DataFrame({"estimate": [2.0, 1.0]}, index=["between", "within"]),
        "cases": {"Ana": (80, 60), "Ben": (95, 75)},
        "sd_pre": 17.0,
        "reliability": 0.84,
        "between_variance": 1.0,
        "within_variance": 9.0,
        "seed": 11,
        "r": 0.278,
        "d": 0.15,
        "sd": 17.0,
        "x": study.clients["early_alliance"],
        "y": study.clients["improvement"],
        "options": [20, 40, 60, 100],
        "table": study.clients,
        "column": "therapist_id",
        "what": "therapists",
        # lesson 09: one study's within-client lagged estimate (both directions clear)
        "estimates": {
            "A": SimpleNamespace(
                alliance_to_change=1.0,
                alliance_to_change_se=0.3,
                change_to_alliance=0.15,
                change_to_alliance_se=0.03,
            )
        },
    }


# Parameters whose meaning differs between lessons get their value per check.
_PER_CHECK: dict[str, dict[str, Any]] = {
    "check_signal": {"scores": [88, 86, 87, 90, 95, 99]},
    "check_count": {"name": "Exercise 3.1"},
    # lesson 09 needs the `completed` column the causal generator adds
    "check_completer_r": {
        "clients": pd.DataFrame(
            {
                "early_alliance": [3.1, 3.6, 4.0, 4.4, 2.8, 3.9, 4.6, 3.3],
                "improvement": [2, 10, 14, 25, -3, 12, 30, 6],
                "completed": [False, True, True, True, False, True, True, False],
            }
        )
    },
}


def _checks() -> list[str]:
    return sorted(
        name
        for name, module in ex._EXPORTS.items()
        if name.startswith("check_") and module.startswith("lesson")
    )


# Checks whose answer is a dict: the statement is given as the value of each of its keys.
# (A dict given to a choice check would be read as its keys, i.e. as option letters.)
_DICT_KEYS: dict[str, list[str]] = {
    "check_rupture_kinds": list(ex.RUPTURE_VIGNETTES),
    "check_change_categories": ["Ana", "Ben"],
    "check_study_worlds": ["A"],
}


def _answers(name: str, statement: str) -> list[Any]:
    answers: list[Any] = [statement, [statement], (statement, statement)]
    if name in _DICT_KEYS:
        answers.append({k: statement for k in _DICT_KEYS[name]})
    return answers


@pytest.mark.parametrize("name", _checks())
def test_no_check_marks_a_hostile_statement_as_good(name: str, study: aw.Study) -> None:
    check = getattr(ex, name)
    data = {**_data_arguments(study), **_PER_CHECK.get(name, {})}
    kwargs: dict[str, Any] = {}
    for p in list(inspect.signature(check).parameters.values())[1:]:
        if p.kind is inspect.Parameter.VAR_KEYWORD:
            continue
        if p.name in data:
            kwargs[p.name] = data[p.name]
        elif p.default is inspect.Parameter.empty:
            pytest.skip(f"{name}: no test value for its parameter {p.name!r}")
    for label, statement in HOSTILE_STATEMENTS.items():
        for answer in _answers(name, statement):
            fb = check(answer, **kwargs)
            assert isinstance(fb, Feedback)
            assert fb.status not in (CORRECT, PARTLY), (
                f"{name} marked the {label} statement {statement!r} (given as "
                f"{type(answer).__name__}) {fb.status}:\n{fb}"
            )


def test_every_check_of_lessons_05_to_09_is_covered(study: aw.Study) -> None:
    """The lessons 05–09 checks must all be fed the statements, none skipped."""
    for name in _checks():
        if ex._EXPORTS[name] not in ("lesson05", "lesson06", "lesson07", "lesson08", "lesson09"):
            continue
        data = {**_data_arguments(study), **_PER_CHECK.get(name, {})}
        params = list(inspect.signature(getattr(ex, name)).parameters.values())[1:]
        missing = [
            p.name
            for p in params
            if p.kind is not inspect.Parameter.VAR_KEYWORD
            and p.default is inspect.Parameter.empty
            and p.name not in data
        ]
        assert not missing, f"{name} needs test values for {missing}"
