"""One explorer fixture for every widget test module.

A module names its widget class once, ``EXPLORER = BordinExplorer``; the fixture builds one
instance per module (building recomputes the view, so once is enough) with
``raise_errors`` on, so a failing recompute fails the test instead of showing a message.
After each test that used it, the explorer goes back to its default state, so tests do not
depend on their order.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

import pytest


@functools.cache
def _default_state(cls: type) -> dict[str, Any]:
    return cls().to_dict()


@pytest.fixture(scope="module")
def explorer(request: pytest.FixtureRequest) -> Any:
    cls = getattr(request.module, "EXPLORER", None)
    if cls is None:
        pytest.fail(f"{request.module.__name__} uses `explorer` but names no EXPLORER class")
    widget = cls()
    widget.raise_errors = True
    return widget


@pytest.fixture(autouse=True)
def _restore_explorer_defaults(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    if "explorer" in request.fixturenames:
        widget = request.getfixturevalue("explorer")
        widget.apply_dict(_default_state(type(widget)))
