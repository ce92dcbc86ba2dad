"""The kit's chart theme: a colour-blind-safe palette, large type for projection.

The palette is Okabe & Ito's (2008), chosen because it stays distinguishable under the
common colour-vision deficiencies; charts also label series directly, so colour is never
the only cue.

Examples
--------
>>> PALETTE["bond"]
'#0072B2'
>>> len(set(OKABE_ITO))
8
"""

from __future__ import annotations

from typing import Any, cast

import altair as alt

__all__ = [
    "FONT_SIZE",
    "OKABE_ITO",
    "PALETTE",
    "SIGNAL_COLOURS",
    "THEME_NAME",
    "enable_theme",
    "kit_theme",
    "vl_version",
]

OKABE_ITO = (
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#009E73",  # bluish green
    "#F0E442",  # yellow
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#CC79A7",  # reddish purple
    "#000000",  # black
)

# One colour per concept, the same in every chart of the kit.
PALETTE: dict[str, str] = {
    "bond": "#0072B2",
    "goals": "#E69F00",
    "tasks": "#009E73",
    "alliance": "#CC79A7",
    "extratherapeutic": "#56B4E9",
    "relationship": "#0072B2",
    "expectancy": "#E69F00",
    "technique": "#D55E00",
    "observed": "#000000",
    "highlight": "#D55E00",
    "muted": "#999999",
}

# OQ feedback signals drawn in Okabe-Ito hues near their names; the names are always
# written beside the marks because yellow and green are too close for some learners.
SIGNAL_COLOURS: dict[str, str] = {
    "white": "#BBBBBB",
    "green": "#009E73",
    "yellow": "#E69F00",
    "red": "#D55E00",
}

FONT_SIZE = 14
THEME_NAME = "alliance_widgets"


def kit_theme() -> dict[str, Any]:
    """Return the Vega-Lite config of the kit's theme."""
    return {
        "config": {
            "font": "DejaVu Sans, Helvetica, Arial, sans-serif",
            "range": {"category": list(OKABE_ITO)},
            "title": {"fontSize": FONT_SIZE + 4, "anchor": "start", "subtitleFontSize": FONT_SIZE},
            "axis": {"labelFontSize": FONT_SIZE, "titleFontSize": FONT_SIZE},
            "legend": {"labelFontSize": FONT_SIZE, "titleFontSize": FONT_SIZE},
            "header": {"labelFontSize": FONT_SIZE, "titleFontSize": FONT_SIZE},
            "text": {"fontSize": FONT_SIZE},
            "view": {"continuousWidth": 420, "continuousHeight": 280},
        }
    }


def enable_theme() -> None:
    """Register and enable the kit's theme for every altair chart in this process.

    The house style includes its numbers: altair's data transformer becomes the kit's
    (``charts.common.portable_values``), so a chart a lesson draws from its own frame
    stores its data rounded, like the kit's own charts.
    """
    from alliance_widgets.charts.common import enable_portable_data

    # Registered unconditionally (idempotent): names() would scan every installed
    # package's entry points. altair types themes as a TypedDict; ours is a plain dict.
    alt.theme.register(THEME_NAME, enable=False)(cast(Any, kit_theme))
    alt.theme.enable(THEME_NAME)
    enable_portable_data()


def vl_version() -> str:
    """The Vega-Lite version altair writes, in the form vl-convert expects (``"6.1"``)."""
    major, minor = alt.SCHEMA_VERSION.lstrip("v").split(".")[:2]
    return f"{major}.{minor}"
