"""What the browser tests expect a lesson to draw, read from a stored notebook (no browser)."""

from __future__ import annotations

from typing import Any

import kitbrowser as kb

from alliance_widgets.widgets import BordinExplorer

SVG = "<svg xmlns='http://www.w3.org/2000/svg'></svg>"


def code(source: str, *outputs: dict[str, Any]) -> dict[str, Any]:
    return {"cell_type": "code", "source": source, "outputs": list(outputs), "metadata": {}}


def shown(**data: str) -> dict[str, Any]:
    return {"output_type": "display_data", "data": data, "metadata": {}}


NOTEBOOK = {
    "cells": [
        {"cell_type": "markdown", "source": "# A lesson", "metadata": {}},
        code("import alliance_widgets as aw"),
        # An explorer: its static SVG stands for a live chart inside a live widget.
        code(
            "explorer = aw.BordinExplorer()\nexplorer",
            shown(**{"image/svg+xml": SVG, "text/plain": f"{BordinExplorer.title}\nmore"}),
        ),
        # A picture frozen on purpose is not a live chart; a commented call is no call.
        code(
            "display(static_bundle(explorer.spec), raw=True)  # not static_bundle(x)\n"
            "# display(static_bundle(other))",
            shown(**{"image/svg+xml": SVG, "text/plain": "Bond, goals and tasks — ..."}),
        ),
        # A plain ipywidget leaves its repr; a DataFrame's text does not look like one.
        code(
            "widgets.VBox([trust, words])",
            shown(**{"text/plain": "VBox(children=(IntSlider(value=4),))"}),
            shown(**{"text/plain": "DataFrame(...)", "text/html": "<table></table>"}),
        ),
        code("1 / 0", {"output_type": "error", "ename": "ZeroDivisionError"}),
    ]
}


def test_counts_live_charts_frozen_pictures_and_widgets() -> None:
    assert kb.expected_static(NOTEBOOK) == [0, 0, 1, 0, 0]
    assert kb.expected_charts(NOTEBOOK) == [0, 1, 0, 0, 0]
    assert kb.expected_widgets(NOTEBOOK) == [0, 1, 0, 1, 0]
    assert kb.expected_errors(NOTEBOOK) == [0, 0, 0, 0, 1]


def test_finds_explorers_by_their_title() -> None:
    assert kb.expected_explorers(NOTEBOOK) == ["BordinExplorer"]
    assert kb.widgets_named(NOTEBOOK) == ["BordinExplorer"]


def test_only_loopback_and_local_schemes_count_as_local() -> None:
    assert kb.is_local("http://127.0.0.1:8888/lab")
    assert kb.is_local("ws://localhost:9/api/kernels")
    assert kb.is_local("data:image/svg+xml;base64,AAAA")
    assert not kb.is_local("https://cdn.jsdelivr.net/npm/vega@6")
    assert not kb.is_local("http://127.0.0.1.example.com/")
