"""Deprecated module path: the generator lives in :mod:`alliance_widgets.science.generator`.

``simulate`` is the kit's function (``aw.simulate``, ``alliance_widgets.science.simulate``);
the module of that name made ``alliance_widgets.science.simulate`` a module instead of the
function once anything had imported it. Importing this old path still works for one
release, with a :class:`DeprecationWarning`, and the module stays callable, so the
package attribute works as the function whichever of the two it holds.

Examples
--------
>>> import warnings
>>> with warnings.catch_warnings():
...     warnings.simplefilter("ignore", DeprecationWarning)
...     from alliance_widgets.science.simulate import simulate
>>> simulate.__module__
'alliance_widgets.science.generator'
"""

from __future__ import annotations

import sys
import types
import warnings
from typing import Any

from alliance_widgets.science.generator import Study, simulate
from alliance_widgets.science.simulate_implied import ImpliedOutcome, implied_outcome
from alliance_widgets.science.simulate_params import DEFAULT_PARAMS

__all__ = ["DEFAULT_PARAMS", "ImpliedOutcome", "Study", "implied_outcome", "simulate"]

warnings.warn(
    "the module alliance_widgets.science.simulate is now alliance_widgets.science.generator "
    "(Study, simulate), simulate_params (DEFAULT_PARAMS) and simulate_implied "
    "(implied_outcome); import from those, or use alliance_widgets.simulate.",
    DeprecationWarning,
    stacklevel=2,
)


class _CallableModule(types.ModuleType):
    def __call__(self, *args: Any, **kwargs: Any) -> Study:
        return simulate(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
