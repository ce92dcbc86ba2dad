"""``explorer.share()``: one line of code that recreates an explorer as it stands.

For every explorer the kit exports: move it away from its defaults (its own keys, a
preset), share it, run the line, and the new explorer has the same state and shows the
same readout.
"""

from __future__ import annotations

from typing import Any

import pytest

import alliance_widgets as aw
import alliance_widgets.widgets as kit_widgets

# A change of state per explorer that is not its default (set through apply_dict, as a
# preset would be); every value is one a learner can reach with the explorer's controls.
MOVES: dict[str, dict[str, Any]] = {
    "BordinExplorer": {"bond": 4.35, "goals": 2.2, "tasks": 3.05},
    "LambertExplorer": {"view": "empirical"},
    "AllianceOutcomeExplorer": {"alliance_outcome_r": 0.41, "seed": 7},
    "RuptureRepairExplorer": {"client": 12, "threshold": 1.25},
    "TherapistEffectsExplorer": {"therapist_icc_outcome": 0.12, "seed": 3},
    "FeedbackExplorer": {"intake": 97.0, "feedback": "feedback"},
    "CausalExplorer": {"world": "reciprocal", "analysis": "lagged"},
}


def test_every_explorer_has_a_move() -> None:
    assert sorted(MOVES) == sorted(kit_widgets.__all__)


@pytest.mark.parametrize("name", sorted(MOVES))
def test_share_is_one_line_that_recreates_the_explorer(name: str) -> None:
    cls = getattr(aw, name)
    explorer = cls()
    moves = {k: v for k, v in MOVES[name].items() if k in cls.state_names()}
    assert moves, f"{name}: no state trait to move among {MOVES[name]}"
    explorer.apply_dict(moves)
    assert explorer.to_dict() != cls().to_dict(), "the move changed nothing"
    line = explorer.share()
    assert "\n" not in line
    assert line.startswith(f"aw.{name}.from_dict({{")
    again = eval(line, {"aw": aw})
    assert type(again) is cls
    assert again.to_dict() == explorer.to_dict()
    assert again.summary == explorer.summary


def test_share_survives_a_change_made_through_a_control() -> None:
    explorer = aw.BordinExplorer()
    bond = next(
        c for c in explorer._controls_box.children if getattr(c, "description", "") == "Bond"
    )
    bond.value = 1.5
    again = eval(explorer.share(), {"aw": aw})
    assert again.bond == 1.5
