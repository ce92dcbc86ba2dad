"""The state side of the explorers' base: the error type, checked traits, linked controls.

:mod:`alliance_widgets.widgets.base` re-exports every public name here; import them from
there.

Examples
--------
>>> import ipywidgets as w
>>> class Dial(traitlets.HasTraits):
...     level = traitlets.Float(1.0, help="How far the dial is turned.")
>>> dial = Dial()
>>> slider = linked(dial, "level", w.FloatSlider(description="Level"))
>>> slider.value = 2.5
>>> dial.level, slider.tooltip
(2.5, 'How far the dial is turned.')
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import ipywidgets as widgets
import numpy as np
import traitlets

__all__ = ["LABEL_STYLE", "SEED_MAX", "StateError", "check_state", "jsonable", "linked"]

LABEL_STYLE = {"description_width": "initial"}

#: The largest seed an explorer's seed control takes: a 32-bit signed integer, which a
#: browser's number input holds exactly.
SEED_MAX = 2**31 - 1


class StateError(traitlets.TraitError, ValueError):
    """A state trait was given a value outside what it allows.

    It is both a ``TraitError`` (what traitlets users expect) and a ``ValueError`` (what
    the rest of the kit raises for bad input).
    """


def check_state(proposal: Mapping[str, Any], check: Callable[..., Any], **limits: Any) -> Any:
    """Run a ``science.validation`` check on a traitlets ``proposal``; raise StateError.

    The message names the trait, repeats the value and says what is allowed.

    Examples
    --------
    >>> from alliance_widgets.science.validation import check_int
    >>> class P(traitlets.HasTraits):
    ...     n = traitlets.Int(10)
    ...     @traitlets.validate("n")
    ...     def _n(self, proposal):
    ...         return check_state(proposal, check_int, minimum=10, maximum=100)
    >>> P(n=5)
    Traceback (most recent call last):
    ...
    alliance_widgets.widgets.base_state.StateError: n must be a whole number from 10 to 100; got 5.
    """
    name = proposal["trait"].name
    try:
        return check(name, proposal["value"], **limits)
    except (TypeError, ValueError) as exc:
        raise StateError(str(exc)) from None


def linked(owner: traitlets.HasTraits, name: str, control: widgets.ValueWidget) -> Any:
    """Link ``control.value`` both ways to the trait ``name`` of ``owner``; return control.

    The control's label becomes plain text (``description_allow_html=False``) shown in
    full (``description_width: initial``), and the trait's ``help`` becomes its tooltip.
    """
    trait = owner.traits()[name]
    control.value = getattr(owner, name)
    control.description_allow_html = False
    control.style.description_width = "initial"
    if getattr(control, "tooltip", None) in (None, "") and trait.help:
        control.tooltip = trait.help
    traitlets.link((control, "value"), (owner, name))
    return control


def jsonable(value: Any) -> Any:
    """A state value as plain JSON-able Python: numpy scalars unboxed, tuples as lists.

    Examples
    --------
    >>> jsonable({"a": (np.int64(1), 2.5), 3: [np.float64(0.5)]})
    {'a': [1, 2.5], '3': [0.5]}
    """
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    return value
