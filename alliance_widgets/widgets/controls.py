"""Accessible controls for the explorers: a named range input and a live readout.

ipywidgets' sliders (noUiSlider) give their handle ``role=slider`` but no accessible
name, no value text and no tie to the visible label (noUiSlider issue #1019), so a
screen reader says "slider, 3.25" for every one. :class:`RangeControl` is an anywidget
drawing a native ``<input type=range>`` named by its ``<label for>``, with an
``aria-valuetext`` such as "3.25 of 5" or "r = .28"; the browser gives it arrows,
Page Up/Down and Home/End, and the kit's CSS a focus ring of at least 3:1. It has the
traits the explorers use on ipywidgets' sliders (``value``, ``min``, ``max``, ``step``,
``description``, ``disabled``, ``tooltip``, ``readout_format``, ``continuous_update``,
``style.description_width``), so :func:`accessible` can swap one in for a slider.
:class:`LiveReadout` is a ``role=status`` region that stays in the page while its text
changes, so each new readout is announced (a region re-created with its text is not).

Examples
--------
>>> bond = RangeControl(value=3.25, min=1, max=5, step=0.05, description="Bond")
>>> bond.value_text
'3.25 of 5'
>>> RangeControl(value=0.28, max=0.8, description="True alliance–outcome r").value_text
'r = .28'
>>> bond.value = 7
Traceback (most recent call last):
...
traitlets.traitlets.TraitError: value must be a number from 1 to 5 (min to max); got 7.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import anywidget
import ipywidgets as widgets
import traitlets
from ipywidgets.widgets.widget_description import DescriptionStyle

__all__ = [
    "ChoiceControl",
    "LiveReadout",
    "RangeControl",
    "accessible",
    "format_number",
    "text_template",
]

_HERE = Path(__file__).resolve().parent
_ESM = _HERE / "controls.js"
_CSS = _HERE / "controls.css"


def format_number(x: float, spec: str) -> str:
    """``x`` as the control shows it: ``".2f"``, ``"d"`` or ``"apa"`` (``.28``, no 0).

    Examples
    --------
    >>> format_number(0.284, "apa"), format_number(-0.5, "apa"), format_number(41.6, "d")
    ('.28', '-.50', '42')
    """
    if spec == "apa":
        return re.sub(r"^(-?)0\.", r"\1.", f"{x:.2f}")
    if spec == "d":
        return str(round(x))
    return format(x, spec)


def text_template(description: str) -> tuple[str, str | None]:
    """The value-text template a label implies, and the number format it needs (or None).

    A correlation reads "r = .28" and an ICC "ICC = .15" (APA style); a percentage
    "40 %"; anything else "3.25 of 5.00", its value against the largest it can be.

    Examples
    --------
    >>> text_template("Relationship (%)"), text_template("True alliance–outcome r")
    (('{value} %', None), ('r = {value}', 'apa'))
    """
    if re.search(r"(^|\s)r$", description.strip()):
        return "r = {value}", "apa"
    if "(ICC)" in description:
        return "ICC = {value}", "apa"
    if "(%)" in description:
        return "{value} %", None
    return "{value} of {max}", None


class RangeControl(anywidget.AnyWidget):
    """A labelled native range input with a spoken value text (see the module docstring)."""

    _esm = _ESM
    _css = _CSS

    kind = traitlets.Unicode("range", help="Which view the ESM draws.").tag(sync=True)
    value = traitlets.Float(0.0, help="The value, from min to max.").tag(sync=True)
    min = traitlets.Float(0.0, help="The smallest value.").tag(sync=True)
    max = traitlets.Float(1.0, help="The largest value.").tag(sync=True)
    step = traitlets.Float(0.01, help="The step between values (> 0).").tag(sync=True)
    description = traitlets.Unicode("", help="The visible label and accessible name.").tag(
        sync=True
    )
    disabled = traitlets.Bool(False, help="Shown but not operable.").tag(sync=True)
    tooltip = traitlets.Unicode("", help="Extra help shown on hover.").tag(sync=True)
    readout_format = traitlets.Unicode(
        ".2f", help="How the number is shown: '.Nf', 'd' (whole) or 'apa' (.28)."
    ).tag(sync=True)
    text_template = traitlets.Unicode(
        "", help="The value text, with {value}, {min} and {max}: '{value} of {max}'."
    ).tag(sync=True)
    value_text = traitlets.Unicode(
        "", read_only=True, help="What a screen reader says for the value ('3.25 of 5')."
    ).tag(sync=True)
    continuous_update = traitlets.Bool(
        True, help="Send values while the thumb moves (False: only when it stops)."
    ).tag(sync=True)
    label_width = traitlets.Unicode("", help="CSS width of the label ('' fits it).").tag(sync=True)
    description_allow_html = traitlets.Bool(
        False, help="Always False: the label is plain text, read as written."
    )
    style = traitlets.Instance(DescriptionStyle, help="description_width, as ipywidgets.")

    def __init__(self, **kwargs: Any) -> None:
        style = kwargs.pop("style", None)
        layout = kwargs.pop("layout", None)
        value = kwargs.pop("value", None)
        description = kwargs.get("description", "")
        template, spec = text_template(description)
        kwargs.setdefault("text_template", template)
        if spec is not None:
            kwargs.setdefault("readout_format", spec)
        super().__init__(**({} if layout is None else {"layout": layout}), **kwargs)
        self.style = DescriptionStyle(
            **(style if isinstance(style, dict) else {"description_width": ""})
        )
        self.style.observe(self._on_style, names="description_width")
        self.label_width = _css_width(self.style.description_width)
        if value is not None:
            self.value = value
        self.observe(
            self._update_text, names=["value", "min", "max", "readout_format", "text_template"]
        )
        self._update_text()

    @traitlets.validate("value")
    def _check_value(self, proposal: dict[str, Any]) -> float:
        value = proposal["value"]
        if not math.isfinite(value) or not self.min <= value <= self.max:
            raise traitlets.TraitError(
                f"value must be a number from {self.min:g} to {self.max:g} (min to max); "
                f"got {value:g}."
            )
        return float(value)

    @traitlets.validate("step")
    def _check_step(self, proposal: dict[str, Any]) -> float:
        if not proposal["value"] > 0:
            raise traitlets.TraitError(f"step must be > 0; got {proposal['value']!r}.")
        return float(proposal["value"])

    @traitlets.validate("max")
    def _check_max(self, proposal: dict[str, Any]) -> float:
        if proposal["value"] < self.min:
            raise traitlets.TraitError(
                f"max must be at least min ({self.min:g}); got {proposal['value']:g}."
            )
        return float(proposal["value"])

    @traitlets.validate("readout_format")
    def _check_format(self, proposal: dict[str, Any]) -> str:
        spec = proposal["value"]
        if spec not in ("d", "apa") and not re.fullmatch(r"\.\d+f", spec):
            raise traitlets.TraitError(
                f"readout_format must be '.Nf' (N decimals), 'd' or 'apa'; got {spec!r}."
            )
        return str(spec)

    @traitlets.validate("description_allow_html")
    def _check_plain(self, proposal: dict[str, Any]) -> bool:
        if proposal["value"]:
            raise traitlets.TraitError(
                "description_allow_html must be False: the label is the control's "
                "accessible name and is read as plain text."
            )
        return False

    def notify_change(self, change: Any) -> None:
        """Send a new value together with its spoken text (``value_text``)."""
        # A new value and its spoken text go to the browser as one message, not two: a
        # move of one explorer control updates several of these, and every message is a
        # trip through the kernel's IOPub thread.
        if change.get("name") == "value" and not self._holding_sync:
            with self.hold_sync():
                super().notify_change(change)
            return
        super().notify_change(change)

    def _update_text(self, change: Any = None) -> None:
        fmt = self.readout_format

        def f(x: float) -> str:
            return format_number(x, fmt)

        # The ends of the range as plain numbers ("of 5", not "of 5.00").
        text = (
            self.text_template.replace("{value}", f(self.value))
            .replace("{min}", f"{self.min:g}")
            .replace("{max}", f"{self.max:g}")
        )
        self.set_trait("value_text", text)

    def _on_style(self, change: Any) -> None:
        self.label_width = _css_width(change["new"])


def _css_width(width: str | None) -> str:
    """Ipywidgets' ``description_width`` as a CSS width ('initial' and '' fit the label)."""
    return "" if width in (None, "", "initial") else str(width)


class LiveReadout(anywidget.AnyWidget):
    """A polite live region showing ``value`` as plain text, one paragraph per line.

    Examples
    --------
    >>> LiveReadout(value="Bond 4.50.").value
    'Bond 4.50.'
    """

    _esm = _ESM
    _css = _CSS
    kind = traitlets.Unicode("live", help="Which view the ESM draws.").tag(sync=True)
    value = traitlets.Unicode("", help="The readout as plain text, one finding per line.").tag(
        sync=True
    )


class ChoiceControl(anywidget.AnyWidget):
    """One of a few options as a radio group: a ``<fieldset>`` whose ``<legend>`` is the
    label, each option a native radio button (announced as selected or not).

    Examples
    --------
    >>> view = ChoiceControl(labels=["Lambert (1992)", "Empirical estimates"], description="Show")
    >>> view.index = 1
    >>> view.index = 2
    Traceback (most recent call last):
    ...
    traitlets.traitlets.TraitError: index must be a whole number from 0 to 1 (one per option); got 2
    """

    _esm = _ESM
    _css = _CSS
    kind = traitlets.Unicode("choice", help="Which view the ESM draws.").tag(sync=True)
    labels = traitlets.List(traitlets.Unicode(), help="The options, as shown.").tag(sync=True)
    index = traitlets.Int(0, help="The position of the chosen option.").tag(sync=True)
    description = traitlets.Unicode("", help="The group's visible label and name.").tag(sync=True)
    disabled = traitlets.Bool(False, help="Shown but not operable.").tag(sync=True)
    tooltip = traitlets.Unicode("", help="Extra help shown on hover.").tag(sync=True)
    description_allow_html = traitlets.Bool(
        False, help="Always False: the label is plain text, read as written."
    )

    @traitlets.validate("index")
    def _check_index(self, proposal: dict[str, Any]) -> int:
        index, last = proposal["value"], len(self.labels) - 1
        if not 0 <= index <= last:
            raise traitlets.TraitError(
                f"index must be a whole number from 0 to {last} (one per option); got {index}"
            )
        return int(index)

    @traitlets.validate("description_allow_html")
    def _check_plain(self, proposal: dict[str, Any]) -> bool:
        if proposal["value"]:
            raise traitlets.TraitError(
                "description_allow_html must be False: the label is the group's "
                "accessible name and is read as plain text."
            )
        return False


_SLIDERS = (widgets.FloatSlider, widgets.IntSlider)
_CHOICES = (widgets.ToggleButtons, widgets.RadioButtons)


def accessible(control: widgets.Widget) -> widgets.Widget:
    """``control`` with ipywidgets' sliders and toggle/radio buttons made accessible.

    Each slider is replaced by a :class:`RangeControl`, each ``ToggleButtons`` or
    ``RadioButtons`` by a :class:`ChoiceControl`. A replaced widget stays the object its
    explorer holds (and may observe or set); the new control mirrors it both ways (value
    or index, disabled, description, range).
    Boxes are searched; other widgets are returned as they are.

    Examples
    --------
    >>> old = widgets.IntSlider(value=3, min=1, max=5, description="Item 1 (bond)")
    >>> new = accessible(old)
    >>> new.value_text, new.readout_format
    ('3 of 5', 'd')
    >>> old.value = 4
    >>> new.value
    4.0
    """
    if isinstance(control, _SLIDERS):
        return _mirror(control)
    if isinstance(control, _CHOICES):
        return _mirror_choice(control)
    if isinstance(control, widgets.Box):
        children: Sequence[widgets.Widget] = control.children
        new = tuple(accessible(c) for c in children)
        if any(a is not b for a, b in zip(new, children, strict=True)):
            control.children = new
    return control


def _mirror(slider: widgets.FloatSlider | widgets.IntSlider) -> RangeControl:
    whole = isinstance(slider, widgets.IntSlider)
    fmt = "d" if whole else _spec(slider.readout_format)
    control = RangeControl(
        min=slider.min,
        max=slider.max,
        step=slider.step,
        value=slider.value,
        description=slider.description,
        disabled=slider.disabled,
        tooltip=slider.tooltip or "",
        continuous_update=slider.continuous_update,
        style={"description_width": slider.style.description_width},
        layout=slider.layout,
        **({"readout_format": fmt} if text_template(slider.description)[1] is None else {}),
    )
    for name in ("min", "max", "step", "description", "disabled"):
        traitlets.link((slider, name), (control, name))
    traitlets.link(
        (slider, "value"),
        (control, "value"),
        transform=(float, (lambda v: round(v)) if whole else float),
    )
    return control


def _mirror_choice(choice: widgets.ToggleButtons | widgets.RadioButtons) -> ChoiceControl:
    control = ChoiceControl(
        labels=list(choice._options_labels),
        index=choice.index,
        description=choice.description,
        disabled=choice.disabled,
        tooltip=choice.tooltip or "",
        layout=choice.layout,
    )
    for name in ("index", "description", "disabled"):
        traitlets.link((choice, name), (control, name))
    return control


def _spec(readout_format: str) -> str:
    """Ipywidgets' readout format as one the control understands (default two decimals)."""
    return readout_format if re.fullmatch(r"\.\d+f", readout_format or "") else ".2f"
