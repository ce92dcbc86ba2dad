"""Chart builders: pure functions from numbers to ``altair.Chart``, plus theme and rendering.

Builders never import the widgets layer; each returns a chart with a title and a
one-sentence ``description`` (its text alternative).
"""

from alliance_widgets.charts.numbers import fixed, percent
from alliance_widgets.charts.render import (
    chart_svg,
    chart_text,
    enable_offline_charts,
    labelled_svg,
    static_bundle,
)
from alliance_widgets.charts.theme import OKABE_ITO, PALETTE, SIGNAL_COLOURS, kit_theme

__all__ = [
    "OKABE_ITO",
    "PALETTE",
    "SIGNAL_COLOURS",
    "chart_svg",
    "chart_text",
    "enable_offline_charts",
    "fixed",
    "kit_theme",
    "labelled_svg",
    "percent",
    "static_bundle",
]
