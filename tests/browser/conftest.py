"""Fixtures for the browser tests: Chromium, a JupyterLab server, the Voilà gallery.

Each fixture is module-scoped: ``pytest -n 2 --dist loadfile`` hands whole files to a
worker, so each test file starts its own server once and all its tests share it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import kitbrowser as kb
import pytest


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents and item.name.startswith("test_"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's headless chromium, driven by Playwright (never a downloaded browser)."""
    if not kb.CHROMIUM.exists():
        pytest.skip(
            f"{kb.CHROMIUM} is missing: install Debian's chromium (python3 kit.py test does)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = kb.launch_chromium(p)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[kb.Server]:
    """JupyterLab on 127.0.0.1 serving a copy of ``lessons/`` (the repo stays untouched)."""
    tmp = tmp_path_factory.mktemp("lab")
    root = tmp / "root"
    root.mkdir()
    kb.lesson_copy(root)
    server = kb.start_jupyterlab(root, tmp / "jupyter")
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def gallery(tmp_path_factory: pytest.TempPathFactory) -> Iterator[kb.Server]:
    """``alliance-kit present --no-browser`` on a free port."""
    server = kb.start_present(tmp_path_factory.mktemp("present"))
    try:
        yield server
    finally:
        server.stop()
