"""Rupture episodes: one repair window for the detector and the chart, also with gaps."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from alliance_widgets.charts.ruptures import rupture_frames
from alliance_widgets.science.repair import (
    GROUP_ORDER,
    improvement_by_repair,
    repair_share_by_client,
    rupture_episodes,
)
from alliance_widgets.science.ruptures import detect_ruptures

GROUPS = pd.DataFrame(
    {"group": ["no rupture"], "n": [1], "mean": [1.0], "low": [1.0], "high": [1.0]}
)


def _chart_episodes(found: pd.DataFrame, **rule: float) -> pd.DataFrame:
    frames = rupture_frames(found, simulated=[], threshold=0.5, groups=GROUPS, **rule)
    return frames["episodes"][["start", "rupture", "end", "status"]]


@pytest.mark.parametrize(
    ("ratings", "rule", "expected"),
    [
        # A missed session inside the window, then the return: repaired at session 6.
        ([4.0, 4.0, 4.0, 3.0, np.nan, 4.0], {"repair_within": 2}, (3, 4, 6, "repaired")),
        # The window holds a missed session and no return: too soon to tell, shaded to the
        # last observed session (7), not to the last row.
        (
            [4.0, 4.0, 4.0, 3.0, np.nan, 3.1, 3.2, np.nan],
            {"repair_within": 2},
            (3, 4, 7, "unclear"),
        ),
        # A missed session just before the dip: the episode starts at the last observed one.
        ([4.0, 4.0, np.nan, 3.0, 3.1, 3.0], {"repair_within": 2}, (2, 4, 6, "not repaired")),
    ],
)
def test_chart_and_detector_share_one_window_when_a_session_is_missing(ratings, rule, expected):
    found = detect_ruptures(ratings, **rule)
    episodes = rupture_episodes(found, **rule)
    assert tuple(episodes.iloc[0]) == expected
    status = found.loc[found.rupture, "repaired"].iloc[0]
    assert expected[3] == (
        "unclear" if status is pd.NA else "repaired" if status else "not repaired"
    )
    pd.testing.assert_frame_equal(_chart_episodes(found, **rule), episodes)


def test_a_return_just_short_of_the_tolerance_is_not_a_return_in_the_chart_either():
    # 5e-10 below the level: the detector does not count it; the chart's window must not
    # end there either (an older chart used a looser 1e-9 and ended the V one session early).
    ratings = [4.0, 4.0, 4.0, 3.0, 4.0 - 5e-10, 4.0]
    found = detect_ruptures(ratings, window=3, repair_within=3, tolerance=0.0)
    episodes = rupture_episodes(found, repair_within=3, tolerance=0.0)
    assert episodes.end.tolist() == [6]
    pd.testing.assert_frame_equal(_chart_episodes(found, repair_within=3, tolerance=0.0), episodes)


def test_no_rupture_gives_an_empty_table_with_the_columns():
    out = rupture_episodes(detect_ruptures([4.0, 4.1, 4.0]))
    assert out.empty and list(out.columns) == ["start", "rupture", "end", "status"]


def test_rule_values_are_checked_by_name():
    found = detect_ruptures([4.0, 3.0])
    with pytest.raises(ValueError, match="repair_within"):
        rupture_episodes(found, repair_within=0)
    with pytest.raises(ValueError, match="tolerance"):
        rupture_episodes(found, tolerance=-1)


def test_improvement_groups_follow_the_repair_shares():
    sessions = pd.DataFrame(
        {
            "client_id": ["a", "a", "b", "c"],
            "rupture": [True, True, False, True],
            "repaired": pd.array([True, False, pd.NA, True], dtype="boolean"),
        }
    )
    share = repair_share_by_client(sessions)
    clients = pd.DataFrame({"client_id": ["a", "b", "c"], "improvement": [5.0, 9.0, 12.0]})
    out = improvement_by_repair(clients, share)
    assert out.group.tolist() == [GROUP_ORDER[0], GROUP_ORDER[1], GROUP_ORDER[2]]
    assert out.set_index("group")["mean"].to_dict() == {
        "no rupture": 9.0,
        "all repaired": 12.0,
        "some not repaired": 5.0,
    }
