"""Two learners on a real JupyterHub: the path a class takes, kept green.

Both learners open the instructor's nbgitpuller link, log in, get their own clone of the
course, open lesson 01, Run All, see the first chart and move a slider that redraws it.
The hub is the one ``benchmarks/bench_classroom.py`` measures with a whole class
(``classhub.py``); here behaviour is asserted, never a time.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from typing import Any

import classhub as ch
import kitbrowser as kb
import pytest

LEARNERS = ("ada", "ben")


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ch.ClassHub]:
    hub = ch.start_classhub(tmp_path_factory.mktemp("classhub"))
    try:
        yield hub
    finally:
        hub.stop()


def _kernels(hub: ch.ClassHub) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {user: [] for user in LEARNERS}
    for proc in hub.processes():
        if proc.role == "kernel":
            found.setdefault(proc.user, []).append(proc.pid)
    return found


def test_two_learners_pull_run_lesson_01_and_move_a_slider(browser: Any, hub: ch.ClassHub) -> None:
    assert any("jupyterhub_idle_culler" in p.cmd for p in hub.processes()), (
        "the idle culler service is not running:\n" + hub.server.log_tail()
    )
    contexts = [browser.new_context(viewport={"width": 1280, "height": 900}) for _ in LEARNERS]
    watches = [kb.PageWatch().attach(c) for c in contexts]
    pages = [c.new_page() for c in contexts]
    try:
        # Both arrive together: both forms are sent before either lesson is waited for.
        for user, page in zip(LEARNERS, pages, strict=True):
            ch.log_in(page, hub, user)
        for user, page in zip(LEARNERS, pages, strict=True):
            ch.wait_lesson_open(page, user, timeout=180)
            assert page.url.startswith(f"{hub.url}/user/{user}/lab/tree/{ch.COURSE}/"), page.url
            clone = hub.home(user) / ch.COURSE
            assert (clone / ch.LESSON_01).is_file(), f"nbgitpuller did not clone into {clone}"
            head = subprocess.run(
                ["git", "log", "-1", "--format=%s"], cwd=clone, capture_output=True, text=True
            )
            assert head.stdout.strip() == "course", head.stderr
        for page in pages:
            ch.click_run_all(page)
        for user, page in zip(LEARNERS, pages, strict=True):
            kb.wait_for(lambda p=page: ch.live_charts(p) >= 1, 180, f"{user}'s first chart")
        for user, page in zip(LEARNERS, pages, strict=True):
            kb.wait_for(lambda p=page: ch.run_finished(p), 180, f"{user}'s Run All to finish")
        kernels = _kernels(hub)
        assert {u: len(k) for u, k in kernels.items()} == {u: 1 for u in LEARNERS}, kernels

        for user, page in zip(LEARNERS, pages, strict=True):
            roots = kb.explorer_roots(page, kb.NOTEBOOK)
            assert roots.count() == 1, f"{user} sees {roots.count()} explorers, not one"
            move = kb.move_control(roots.first, how="keyboard", timeout=30)
            assert move.changed, (
                f"{user}: moving {move.control!r} did not redraw the chart and readout "
                f"({move.readout_before!r} -> {move.readout_after!r})"
            )
            body = page.inner_text(kb.NOTEBOOK)
            assert "Error displaying widget" not in body
        # Nobody lost their server or kernel along the way.
        assert hub.servers_ready() == dict.fromkeys(LEARNERS, True)
        assert _kernels(hub) == kernels
        for user, watch in zip(LEARNERS, watches, strict=True):
            assert watch.outside() == [], f"{user}'s pages asked the internet: {watch.outside()}"
    finally:
        for context in contexts:
            context.close()


def test_idle_culler_stops_the_idle_servers(hub: ch.ClassHub) -> None:
    """What the hub's culler service does after an hour, with a 1 s timeout."""
    assert any(hub.servers_ready().values()), "no server to cull: the learners' test failed"
    culler = ch.run_culler(hub, timeout=1)
    try:
        kb.wait_for(
            lambda: not any(hub.servers_ready().values()), 60, "the culler to stop every server"
        )
        kb.wait_for(
            lambda: not [p for p in hub.processes() if p.role in ("kernel", "server")],
            30,
            "the learners' servers and kernels to exit",
        )
    finally:
        culler.terminate()
        culler.wait(timeout=10)
