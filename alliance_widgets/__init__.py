"""alliance_widgets: teach the therapeutic alliance with widgets, synthetic data and lessons.

The top level re-exports what a lesson needs; each name is imported on first use so that
``import alliance_widgets`` stays cheap. Outside a Jupyter kernel the import changes
nothing else. Inside one it calls :func:`enable_offline_charts` (and only that): altair
then draws charts with the kit's offline renderer (no CDN) in the kit's theme, and a
displayed chart carries a text summary for frontends without widgets (plus a static SVG
when the lesson builder or nbval sets ``ALLIANCE_WIDGETS_STATIC_SVG=1``).

Examples
--------
>>> import alliance_widgets as aw
>>> aw.literature.ALLIANCE_OUTCOME_R_2018.value
0.278
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS: dict[str, str] = {
    # data
    "simulate": "alliance_widgets.science.generator",
    "Study": "alliance_widgets.science.generator",
    "list_datasets": "alliance_widgets.datasets",
    "load_dataset": "alliance_widgets.datasets",
    "codebook": "alliance_widgets.datasets",
    # widgets
    "BordinExplorer": "alliance_widgets.widgets",
    "LambertExplorer": "alliance_widgets.widgets",
    "AllianceOutcomeExplorer": "alliance_widgets.widgets",
    "RuptureRepairExplorer": "alliance_widgets.widgets",
    "TherapistEffectsExplorer": "alliance_widgets.widgets",
    "FeedbackExplorer": "alliance_widgets.widgets",
    "CausalExplorer": "alliance_widgets.widgets",
    # environment
    "doctor": "alliance_widgets.checkup",
    "enable_offline_charts": "alliance_widgets.charts.render",
}
_SUBMODULES = {"literature", "science", "charts", "widgets", "exercises", "datasets"}

__all__ = sorted([*_EXPORTS, *_SUBMODULES, "__version__"])


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        value = importlib.import_module(f"{__name__}.{name}")
    elif name in _EXPORTS:
        value = getattr(importlib.import_module(_EXPORTS[name]), name)
    else:
        raise AttributeError(f"module 'alliance_widgets' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


def _setup_notebook() -> None:
    """Switch altair to the kit's offline renderer when running inside a Jupyter kernel."""
    from alliance_widgets._kernel import in_kernel

    # A terminal IPython or a script keeps altair's own output, to which the kit's charts
    # add nothing, and does not pay for importing altair here.
    if not in_kernel():
        return
    import gc

    # Importing altair, pandas and ipywidgets makes some 130,000 objects that live as long
    # as the kernel and almost no garbage (3 objects, measured). Collecting while they are
    # made costs ~30 ms of a 0.6 s import, and every later full collection would walk them
    # again (~60 ms, on whichever slider move crosses the threshold). So the import runs
    # with the collector paused, and what it made is frozen out of the collector's sight
    # (as _kernel.settle_heap does after an explorer's first build).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        from alliance_widgets.charts.render import enable_offline_charts

        enable_offline_charts()
        gc.freeze()
    finally:
        if was_enabled:
            gc.enable()


_setup_notebook()
