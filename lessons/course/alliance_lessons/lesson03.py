"""Checks for lesson 03, *Meet the data: a synthetic clinic*.

Expected answers are computed from the tables the lesson passes in (so a rebuilt dataset
never makes a check stale) and the OQ-45 figures in :mod:`alliance_widgets.literature`.

Examples
--------
>>> import pandas as pd
>>> sessions = pd.DataFrame({"client_id": ["a", "a", "b"], "therapist_id": ["t", "t", "t"],
...                          "alliance": [3.0, 4.0, 5.0]})
>>> check_count(2, sessions, "client_id", name="Exercise 3.1", what="clients").ok
True
>>> check_client_means(sessions.groupby("client_id", as_index=False)["alliance"].mean(),
...                    sessions).ok
True
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from alliance_widgets import literature as lit
from alliance_widgets.exercises.feedback import INCORRECT, PARTLY, Feedback, fmt_number
from alliance_widgets.exercises.generic import (
    check_dataframe_columns,
    check_number,
    unanswered,
)

__all__ = [
    "check_above_cutoff",
    "check_client_means",
    "check_count",
    "check_improvement_points",
    "check_weak_alliance_recovered",
]


def check_count(answer: Any, table: pd.DataFrame, column: str, *, name: str, what: str) -> Feedback:
    """How many different ``what`` (values of ``column``) does ``table`` hold?"""
    expected = int(table[column].nunique())
    rows = len(table)
    mistakes = []
    if rows != expected:
        mistakes.append(
            (
                rows,
                f"{rows} is the number of rows; several rows can belong to the same "
                f"{what[:-1] if what.endswith('s') else what}. Count the different ids.",
            )
        )
    return check_number(
        answer,
        expected,
        tolerance=0,
        name=name,
        unit=what,
        hint=f"Count the different values of the {column} column with .nunique(), not the "
        "rows with len().",
        mistakes=mistakes,
    )


def check_client_means(answer: Any, sessions: pd.DataFrame) -> Feedback:
    """Exercise 3.2: a table with one row per client and their mean session alliance.

    Accepts a DataFrame with ``client_id`` and ``alliance`` columns, or a Series indexed by
    ``client_id``.
    """
    name = "Exercise 3.2"
    hint = (
        "Group the sessions by client_id, pick the alliance column, then take the mean: "
        "table.groupby(...)[...].mean()."
    )
    if answer is None:
        return unanswered(name, hint)
    if isinstance(answer, pd.Series):
        answer = answer.rename("alliance").reset_index()
    shape = check_dataframe_columns(answer, ["client_id", "alliance"], name=name, hint=hint)
    if not shape.ok:
        return Feedback(name, shape.status, shape.right, shape.wrong, hint)
    expected = sessions.groupby("client_id", observed=True)["alliance"].mean()
    got = answer.groupby("client_id", observed=True)["alliance"].mean()
    wrong = []
    if len(answer) != len(expected):
        wrong.append(
            f"The table has {len(answer)} rows; there are {len(expected)} clients, one row each."
        )
    common = expected.index.intersection(got.index)
    if len(common) == 0:
        wrong.append("None of the client ids match the data's.")
    else:
        diff = (got.loc[common].astype(float) - expected.loc[common]).abs()
        off = int((diff > 1e-6).sum())
        if off:
            total = sessions.groupby("client_id", observed=True)["alliance"].sum()
            if np.allclose(got.loc[common].astype(float), total.loc[common]):
                wrong.append("These are sums over sessions; the question asks for means.")
            else:
                wrong.append(f"{off} of {len(common)} client means differ from the data's.")
    if not wrong:
        return Feedback(
            name,
            "correct",
            right=(f"One row per client ({len(expected)}), means right.",),
            explanation="Grouping turns the session table (many rows per client) into a "
            "client table (one row each): the first step of most analyses.",
        )
    status = PARTLY if len(common) else INCORRECT
    return Feedback(
        name, status, right=("Has client_id and alliance columns.",), wrong=tuple(wrong), hint=hint
    )


def check_improvement_points(answer: Any, earlier: float, later: float) -> Feedback:
    """Exercise 3.3: a client's improvement between two OQ-45 scores, ``earlier − later``.

    Examples
    --------
    >>> check_improvement_points(9, 62, 53).ok
    True
    >>> check_improvement_points(-9, 62, 53).wrong[0][:37]
    'The sign is flipped: you read a fall '
    """
    improvement = float(earlier) - float(later)
    return check_number(
        answer,
        improvement,
        tolerance=0.5,
        name="Exercise 3.3",
        unit="points",
        digits=1,
        hint="Look up the direction of `outcome` in the codebook: does a higher score mean "
        "more distress or less?",
        mistakes=[
            (
                -improvement,
                "The sign is flipped: you read a fall in the score as getting worse. On this "
                "questionnaire higher means more distress, so improvement = earlier − later.",
            ),
            (
                float(later),
                "That is the later score itself; improvement is the difference between the "
                "two scores.",
            ),
        ],
        explanation=f"{fmt_number(earlier)} − {fmt_number(later)} = {fmt_number(improvement)}: "
        "higher means more distress, so a falling score is improvement.",
    )


def check_above_cutoff(answer: Any, clients: pd.DataFrame) -> Feedback:
    """Exercise 3.4: how many clients started in the clinical range (intake above the cutoff)?"""
    cutoff = lit.OQ45_CLINICAL_CUTOFF.value
    intake = clients["intake_outcome"]
    above = int((intake > cutoff).sum())
    below = int((intake < cutoff).sum())
    mistakes = (
        [(below, f"{below} clients are at or below the cutoff: you counted the other side.")]
        if below != above
        else []
    )
    return check_number(
        answer,
        above,
        tolerance=0,
        name="Exercise 3.4",
        unit="clients",
        hint=f"Compare the intake_outcome column with the cutoff ({fmt_number(cutoff)}): that "
        "gives True or False for each client, and summing True/False values counts the Trues.",
        mistakes=mistakes,
        explanation=f"{above} of {len(clients)} clients ({fmt_number(100 * above / len(clients), 0)} %)"  # noqa: E501
        " began therapy in the clinical range.",
    )


def check_weak_alliance_recovered(answer: Any, clients: pd.DataFrame, below: float) -> Feedback:
    """Exercise 3.5: clients with an early alliance below ``below`` who still recovered.

    Examples
    --------
    >>> clients = pd.DataFrame({"early_alliance": [2.5, 2.8, 4.0, 4.5],
    ...                         "change_category": ["recovered", "unchanged", "recovered",
    ...                                             "improved"]})
    >>> check_weak_alliance_recovered(1, clients, 3.0).ok
    True
    >>> check_weak_alliance_recovered(3, clients, 3.0).wrong[0][:42]
    'That counts clients who meet *either* cond'
    """
    weak = clients["early_alliance"] < below
    recovered = clients["change_category"] == "recovered"
    both = int((weak & recovered).sum())
    return check_number(
        answer,
        both,
        tolerance=0.5,
        name="Exercise 3.5",
        digits=0,
        hint="Combine two conditions with &, each in its own brackets: "
        "clients[(condition one) & (condition two)].",
        mistakes=[
            (
                int((weak | recovered).sum()),
                "That counts clients who meet *either* condition (|); the question asks for "
                "both (&).",
            ),
            (
                int(weak.sum()),
                "That counts every client with a weak early alliance; add the second condition.",
            ),
            (int(recovered.sum()), "That counts every recovered client; add the first condition."),
        ],
        explanation=f"{both} of the {int(weak.sum())} clients with an early alliance below "
        f"{fmt_number(below)} recovered anyway: a weak start is a reason to attend to the "
        "alliance, not a verdict.",
    )
