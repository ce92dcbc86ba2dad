"""The kit's widgets: ipywidgets composites of controls, state (traitlets) and a chart view.

Each explorer keeps its state in traitlets, so Python code, tests and linked widgets can
drive it with no browser. Classes load on first use.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS: dict[str, str] = {
    "BordinExplorer": "bordin",
    "LambertExplorer": "lambert",
    "AllianceOutcomeExplorer": "alliance_outcome",
    "RuptureRepairExplorer": "ruptures",
    "TherapistEffectsExplorer": "therapists",
    "FeedbackExplorer": "feedback",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    try:
        module = _EXPORTS[name]
    except KeyError:
        raise AttributeError(
            f"module 'alliance_widgets.widgets' has no attribute {name!r}"
        ) from None
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
