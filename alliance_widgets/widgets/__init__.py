"""The kit's widgets: ipywidgets composites of controls, state (traitlets) and a chart view.

Each explorer keeps its state in traitlets, so Python code, tests and linked widgets can
drive it with no browser. Classes load on first use.
"""

from __future__ import annotations

from alliance_widgets._lazy import lazy_exports

_EXPORTS: dict[str, str] = {
    "BordinExplorer": "bordin",
    "LambertExplorer": "lambert",
    "AllianceOutcomeExplorer": "alliance_outcome",
    "RuptureRepairExplorer": "ruptures",
    "TherapistEffectsExplorer": "therapists",
    "FeedbackExplorer": "feedback",
    "CausalExplorer": "causal",
}

__all__ = sorted(_EXPORTS)

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())
