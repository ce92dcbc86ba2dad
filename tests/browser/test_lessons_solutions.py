"""Every solution notebook, run top to bottom in JupyterLab in a real browser.

A learner must see every chart and widget drawn live (as many as the stored notebook
holds), no error, no request leaving the machine, no console error; and every explorer
must answer a slider moved by the keyboard and by the mouse, in its chart and its readout.
One screenshot per lesson lands in ``test-artifacts/screenshots/``.
"""

from __future__ import annotations

from pathlib import Path

import kitbrowser as kb
import pytest

SOLUTIONS = [p for p in kb.lesson_notebooks() if p.parent == kb.LESSONS / "solutions"]


@pytest.mark.timeout(420)
@pytest.mark.parametrize("notebook", SOLUTIONS, ids=[p.stem for p in SOLUTIONS])
def test_solution_runs_and_draws(browser: object, lab: kb.Server, notebook: Path) -> None:
    run = kb.check_lesson(browser, lab, notebook)
    assert not run.problems, (
        f"{run.name} in JupyterLab (screenshot: {run.screenshot}):\n- " + "\n- ".join(run.problems)
    )
    assert run.charts_drawn == run.charts_expected
    assert run.widgets_drawn == run.widgets_expected
    assert run.explorers == len(run.explorers_expected)
    # Each explorer was moved twice (keyboard, mouse), and each move redrew its view.
    assert len(run.moves) == 2 * run.explorers
    assert all(m.changed for m in run.moves)
