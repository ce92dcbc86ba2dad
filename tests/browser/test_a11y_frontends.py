"""The kit's outputs are accessible where lessons run: JupyterLab and Notebook 7.

Every learner lesson is run in JupyterLab (one server for the module) and axe-core is run
on its output areas only: no serious or critical violation may remain in what the kit
draws. The first time each explorer appears, it is walked with the keyboard alone: Tab
reaches each of its range controls, End (or Home) changes it, and the control's value
text, the polite live region and the chart must all change. Lessons 01 and 04 are run in
Notebook 7 as well. What axe found, the walks and the accessibility tree of one explorer
are written to ``test-artifacts/a11y/`` for the report.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import a11ykit as ak
import kitbrowser as kb
import pytest

LESSONS = [p for p in kb.lesson_notebooks() if p.parent == kb.LESSONS]
NB7_LESSONS = [p for p in LESSONS if p.name.startswith(("01_", "04_"))]
OUT = kb.ARTIFACTS / "a11y"
_walked: set[str] = set()


def _record(name: str, value: Any) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"{name}.json").write_text(json.dumps(value, indent=1, default=str) + "\n")


@pytest.fixture(scope="module")
def notebook7(tmp_path_factory: pytest.TempPathFactory) -> Iterator[kb.Server]:
    """Notebook 7 on 127.0.0.1 serving a copy of ``lessons/``."""
    tmp = tmp_path_factory.mktemp("nb7")
    root = tmp / "root"
    root.mkdir()
    kb.lesson_copy(root)
    server = ak.start_notebook7(root, tmp / "jupyter")
    try:
        yield server
    finally:
        server.stop()


def _run(browser: Any, server: kb.Server, notebook: Path, frontend: str) -> dict[str, Any]:
    """Run a lesson in ``frontend``; axe its outputs; walk each explorer not yet walked."""
    rel = notebook.relative_to(kb.ROOT).as_posix()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    watch = kb.PageWatch().attach(context)
    page = context.new_page()
    t0 = time.monotonic()
    report: dict[str, Any] = {"lesson": notebook.stem, "frontend": frontend}
    try:
        ak.open_in(page, server, rel, frontend)
        ak.run_all_cells(page)
        explorers = kb.expected_explorers(kb.load_notebook(notebook))
        roots = (
            page.locator(ak.OUTPUTS)
            .filter(has=page.locator(".vega-embed"))
            .filter(has=page.locator(f"{ak.RANGE}, {ak.NOUI}"))
        )
        kb.wait_for(lambda: roots.count() >= len(explorers), 60, "every explorer drawn")
        report["run_seconds"] = round(time.monotonic() - t0, 1)
        report["axe"] = ak.axe_in_outputs(page)
        walks = {}
        if frontend == "lab":
            for i, name in enumerate(explorers):
                if name in _walked:
                    continue
                _walked.add(name)
                walks[name] = [vars(s) for s in ak.keyboard_walk(page, roots.nth(i))]
                if name == "BordinExplorer":
                    (OUT / "bordin_aria_snapshot.yaml").parent.mkdir(parents=True, exist_ok=True)
                    (OUT / "bordin_aria_snapshot.yaml").write_text(ak.announced(roots.nth(i)))
        report["walks"] = walks
        report["outside"] = watch.outside()
        report["seconds"] = round(time.monotonic() - t0, 1)
    except Exception:
        OUT.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(OUT / f"{frontend}__{notebook.stem}.png"), full_page=True)
        raise
    finally:
        context.close()
        kb.stop_kernels(server)
    _record(f"{frontend}__{notebook.stem}", report)
    return report


def _check(report: dict[str, Any]) -> None:
    problems = [
        f"[{v['impact']}] {v['id']} ({v['help']}): {v['target']}\n    {v['html']}"
        for v in report["axe"]
    ]
    for name, steps in report["walks"].items():
        if not steps:
            problems.append(f"{name}: Tab reached no range control")
        for s in steps:
            if s["value_text"][0] == s["value_text"][1] or not s["value_text"][1]:
                problems.append(f"{name}/{s['name']}: {s['key']} left the value text {s}")
            if s["live"][0] == s["live"][1] or not s["chart_changed"]:
                problems.append(
                    f"{name}/{s['name']}: {s['key']} changed live region / chart: "
                    f"{s['live'][0] != s['live'][1]} / {s['chart_changed']}"
                )
    assert report["outside"] == []
    assert problems == [], f"{report['frontend']} {report['lesson']}:\n" + "\n".join(problems)


@pytest.mark.timeout(420)
@pytest.mark.parametrize("notebook", LESSONS, ids=[p.stem for p in LESSONS])
def test_lesson_outputs_accessible_in_jupyterlab(
    browser: Any, lab: kb.Server, notebook: Path
) -> None:
    _check(_run(browser, lab, notebook, "lab"))


@pytest.mark.timeout(420)
@pytest.mark.parametrize("notebook", NB7_LESSONS, ids=[p.stem for p in NB7_LESSONS])
def test_lesson_outputs_accessible_in_notebook7(
    browser: Any, notebook7: kb.Server, notebook: Path
) -> None:
    _check(_run(browser, notebook7, notebook, "notebook7"))
