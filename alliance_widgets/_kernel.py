"""Where the kit runs (a Jupyter kernel or not), whether charts carry an SVG, the kernel's heap.

Standard library only, so that ``import alliance_widgets`` can ask these questions without
importing altair. This module is the kit's one kernel detection (the package's import and
the chart renderer both call :func:`in_kernel`).

Examples
--------
>>> in_kernel()
False
>>> static_svg_wanted({"ALLIANCE_WIDGETS_STATIC_SVG": "1"}), static_svg_wanted({})
(True, False)
>>> settle_heap("doctest")  # outside a kernel: nothing to do
False
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Mapping

__all__ = ["STATIC_SVG_ENV", "in_kernel", "settle_heap", "static_svg_wanted"]

#: Set to ``1`` by the lesson builder and the nbval run (the root ``conftest.py``): every
#: chart the kit displays then also carries a static SVG made by vl-convert.
STATIC_SVG_ENV = "ALLIANCE_WIDGETS_STATIC_SVG"


def in_kernel() -> bool:
    """Return True inside a Jupyter kernel, where a widget frontend may be listening.

    A kernel's IPython shell has a ``kernel``; a terminal IPython has none.
    """
    shell_module = sys.modules.get("IPython")
    if shell_module is None:
        return False
    shell = shell_module.get_ipython()
    return shell is not None and getattr(shell, "kernel", None) is not None


def static_svg_wanted(environ: Mapping[str, str] | None = None) -> bool:
    """Return True when displayed charts must carry a static SVG (``STATIC_SVG_ENV=1``).

    Raises
    ------
    ValueError
        If the variable holds anything but ``""``, ``"0"`` or ``"1"``.
    """
    value = (os.environ if environ is None else environ).get(STATIC_SVG_ENV, "").strip()
    if value not in ("", "0", "1"):
        raise ValueError(
            f"{STATIC_SVG_ENV} must be '1' (charts carry a static SVG) or '0'/unset (they "
            f"do not); got {value!r}."
        )
    return value == "1"


_settled: set[str] = set()


def settle_heap(occasion: str) -> bool:
    """In a kernel, once per ``occasion``: collect garbage, then freeze what survives.

    A full garbage collection walks every object the process holds, some 250,000 once
    altair, pandas and scipy are imported (50–100 ms), and it falls on whichever slider
    move happens to cross the collector's threshold: that one move then misses the
    kit's 50 ms budget. What the imports made lives as long as the kernel, so after an
    explorer's first build (``occasion``: its class name) the kit moves it out of the
    collector's sight with ``gc.freeze()``; later collections walk only newer objects.
    Outside a kernel (scripts, tests) nothing changes. Returns True when it froze.
    """
    if occasion in _settled or not in_kernel():
        return False
    _settled.add(occasion)
    # Collect first, so that no garbage is frozen with the living.
    gc.collect()
    gc.freeze()
    return True
