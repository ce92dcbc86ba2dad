"""Every published figure the kit teaches, written down once, with its source.

Nothing else in the kit writes a published number: the generator's defaults, the
charts, the readouts and the lessons all read them from here.  Each figure says
how far it was checked: ``"confirmed"`` (read in an abstract, the publisher's
page or a secondary source quoting it), ``"as commonly reported"`` (not checked
against the source: lessons must say so), ``"derived"`` (arithmetic on other
figures) or ``"kit assumption"`` (a calibration choice of this kit, not a
published result).

The package has four rooms: :mod:`.records` (the types and the registry),
``sources_*`` (the bibliographic records), ``figures_*`` (the published figures) and
:mod:`.assumptions` (the kit's own calibration choices, rules and presets).  Every name
is also importable from the package itself, as ``lit.X``.

Examples
--------
>>> from alliance_widgets import literature as lit
>>> lit.ALLIANCE_OUTCOME_R_2018.value
0.278
>>> lit.ALLIANCE_OUTCOME_R_2018.cite()
'Flückiger, Del Re, Wampold & Horvath (2018)'
>>> round(lit.ALLIANCE_OUTCOME_R_2018.value ** 2, 3)
0.077
>>> sorted(lit.LAMBERT_1992_SHARES.value.items())[0]
('expectancy', 15.0)
"""

from __future__ import annotations

# isort: off
# Registration order is reading order: all_figures() lists published figures by topic,
# then the kit's own assumptions.
from .records import (
    NO_IDENTIFIER_KINDS,
    Figure,
    Kind,
    Source,
    Status,
    all_figures,
    all_sources,
    figure,
    kit_assumptions,
    published_figures,
    references,
    valid_doi,
    valid_isbn,
)
from .sources_alliance import *  # noqa: F403
from .sources_outcome import *  # noqa: F403
from .sources_causal import *  # noqa: F403
from .figures_alliance import *  # noqa: F403
from .figures_variance import *  # noqa: F403
from .figures_alliance_outcome import *  # noqa: F403
from .figures_ruptures import *  # noqa: F403
from .figures_outcome import *  # noqa: F403
from .figures_history import *  # noqa: F403
from .figures_causal import *  # noqa: F403
from .assumptions import *  # noqa: F403

# isort: on

__all__ = [
    "NO_IDENTIFIER_KINDS",
    "Figure",
    "Kind",
    "Source",
    "Status",
    "all_figures",
    "all_sources",
    "figure",
    "kit_assumptions",
    "published_figures",
    "references",
    "valid_doi",
    "valid_isbn",
]
