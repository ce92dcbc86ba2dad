"""The shared base of the kit's explorers: state in traitlets, an offline chart, a readout.

Every explorer is an :class:`Explorer`, an ``ipywidgets.VBox`` laid out as a title, the
controls beside an offline altair chart (``JupyterChart``, no CDN), a one-line note on the
axes, a live plain-language readout (``aria-live="polite"``), a "Show the data" toggle with
the table behind the chart, and an error area. Displayed, it also leaves an SVG and a
text summary behind for frontends without widgets and for nbval.

The protocol for a subclass
---------------------------
Class attributes
    ``title`` (the header) and ``axes_note`` (one sentence on what the axes show).
State
    traitlets tagged ``state=True`` (give each one ``help=``). The base observes them,
    calls the hooks below once per change and refreshes the view; ``to_dict`` /
    ``from_dict`` / ``apply_dict`` read and write exactly these traits. Validate them with
    ``@traitlets.validate`` and :func:`check_state` (messages name the trait, the value
    and what is allowed).
Hooks, called in this order on every state change
    ``state_changed(change)`` (optional): set traits that follow from the one that
    changed (a questionnaire scored into components); the view still refreshes once.
    ``recompute()`` (optional): call science functions and keep the results on ``self``;
    use :meth:`Explorer.memo` to cache expensive results (a simulated study per seed).
    ``chart_data()`` -> a ``DataFrame`` or a mapping ``{name: DataFrame}``: the data
    behind the chart (the first frame is ``explorer.data``).
    ``readout()`` -> plain text, one finding per line, built from the same numbers.
    ``param_bindings()`` (optional) -> ``{param: {bind option: value}}``, e.g. the
    ``max`` of an in-chart slider that follows the data, set in the cached spec without a
    rebuild (the param's value is kept inside the new range).
    ``chart_description()`` (optional) -> the chart's one-sentence text alternative for
    the current numbers (``None`` keeps the builder's ``description``).
Structure (called once per ``chart_key()`` value, e.g. per view of a mode switch)
    ``build_chart(data)`` -> an ``alt.Chart`` whose data are *named* datasets
    (``alt.NamedData(name)`` with ``datasets={name: records}``; ``charts.common.named``
    and ``charts.common.finish`` do this), so that later updates only swap the records
    into the cached spec: no altair object is built on an ordinary change, nor on a
    switch back to a chart shown before (its spec and chart widget are kept). Keep the
    builder itself a pure function in ``charts/``; the explorer does not validate its
    spec against the Vega-Lite schema (``tests/widgets/test_chart_schemas.py`` does).
    ``chart_key()`` (optional) -> any hashable; a value not seen before calls
    ``build_chart``.
Controls
    ``controls()`` -> the widgets shown beside the chart. :func:`linked` ties a control's
    ``value`` to a state trait and makes its label plain text, readable and keyboard
    operable.

View-only interactions (a threshold, highlighting, tooltips) belong in the chart as
Vega-Lite params; their current values survive a data swap.

Examples
--------
A complete explorer in a few lines:

>>> import altair as alt, pandas as pd, traitlets
>>> import ipywidgets as w
>>> from alliance_widgets.charts.common import records
>>> from alliance_widgets.science.validation import check_real
>>> from alliance_widgets.widgets.base_state import check_state, linked
>>> class Doubler(Explorer):
...     title = "Doubling"
...     axes_note = "Across: the input; up: twice the input."
...     x = traitlets.Float(1.0, help="The input.").tag(state=True)
...
...     @traitlets.validate("x")
...     def _check_x(self, proposal):
...         return check_state(proposal, check_real, low=0, high=10)
...
...     def controls(self):
...         return [linked(self, "x", w.FloatSlider(min=0, max=10, description="Input"))]
...
...     def chart_data(self):
...         return pd.DataFrame({"x": [0.0, self.x], "y": [0.0, 2 * self.x]})
...
...     def build_chart(self, data):
...         return alt.Chart(alt.NamedData("table")).mark_line().encode(
...             x="x:Q", y="y:Q").properties(title="Twice x", description="A line.",
...             datasets={"table": records(data["table"])})
...
...     def readout(self):
...         return f"Twice {self.x:g} is {2 * self.x:g}."
>>> d = Doubler(x=2)
>>> d.summary
'Twice 2 is 4.'
>>> d.x = 3
>>> d.spec["datasets"]["table"][1]
{'x': 3.0, 'y': 6.0}
>>> d.to_dict()
{'x': 3.0}
>>> Doubler.from_dict({"x": 5}).summary
'Twice 5 is 10.'
>>> d.x = 11
Traceback (most recent call last):
...
alliance_widgets.widgets.base_state.StateError: x must be a number in [0, 10]; got 11.0.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, ClassVar, TypeVar

import altair as alt
import ipywidgets as widgets
import pandas as pd

from alliance_widgets._kernel import settle_heap
from alliance_widgets._lazy import moved_names
from alliance_widgets.science.validation import check_keywords
from alliance_widgets.widgets.base_state import jsonable
from alliance_widgets.widgets.base_view import (
    ExplorerView,
    ShownCharts,
    as_frames,
    full_spec,
    rebind_params,
    swapped_spec,
)

__all__ = ["Explorer"]

T = TypeVar("T", bound="Explorer")


class Explorer(ExplorerView, widgets.VBox):
    """Base of the kit's explorers: traitlet state -> science -> an offline chart + text.

    See the module docstring for the protocol a subclass implements; what the explorer
    shows is read back through :class:`~alliance_widgets.widgets.base_view.ExplorerView`
    (``summary``, ``data``, ``frames``, ``spec``, ``chart``, ``error``, ``text()``).
    """

    memo_size: ClassVar[int] = 16

    def __init__(self, **kwargs: Any) -> None:
        self._spec: dict[str, Any] | None = None
        self._shown = ShownCharts()
        self._frames: dict[str, pd.DataFrame] = {}
        self._readout_text = ""
        self._error_text = ""
        self._deferred = 0
        self._pending = False
        self._memo: OrderedDict[Hashable, Any] = OrderedDict()
        self._built_chart: Any = None
        self.raise_errors = False
        super().__init__(**kwargs)
        self._chart_view: alt.JupyterChart | None = None
        self._make_parts()
        # A value given to the constructor has the same consequences as one set later.
        for name in self.state_names():
            if name in kwargs:
                change = {"name": name, "old": None, "new": getattr(self, name)}
                self.state_changed({**change, "owner": self, "type": "change"})
        self.observe(self._on_state_change, names=self.state_names())
        self.refresh()
        self._lay_out(self.controls())
        # Kernel only: keep the collector's full passes off the learner's slider moves.
        settle_heap(type(self).__name__)

    # ------------------------------------------------------------------ protocol
    def controls(self) -> list[widgets.Widget]:
        """Return the controls shown beside the chart (use :func:`linked`)."""
        return []

    def recompute(self) -> None:
        """Do the science for the current state and keep the results on ``self``."""

    def chart_data(self) -> pd.DataFrame | Mapping[str, pd.DataFrame]:
        """Return the data behind the chart for the current state."""
        raise NotImplementedError(f"{type(self).__name__} must define chart_data()")

    def build_chart(self, data: Mapping[str, pd.DataFrame]) -> alt.TopLevelMixin:
        """Build the chart (named datasets) from ``data``; called when ``chart_key`` changes."""
        raise NotImplementedError(f"{type(self).__name__} must define build_chart()")

    def readout(self) -> str:
        """Return the plain-language readout, one finding per line."""
        raise NotImplementedError(f"{type(self).__name__} must define readout()")

    def state_changed(self, change: Mapping[str, Any]) -> None:
        """React to a state change before the refresh, e.g. set traits derived from it.

        ``change`` is the traitlets change dict (``name``, ``old``, ``new``). Traits set
        here refresh nothing on their own: the view refreshes once, afterwards. This hook
        is also called for the traits it sets; guard against loops.
        """

    def chart_key(self) -> Hashable:
        """Return what the chart's structure depends on (a change rebuilds the chart)."""
        return None

    def param_bindings(self) -> Mapping[str, Mapping[str, Any]]:
        """Return new bind options of in-chart params, by param name (none by default)."""
        return {}

    def chart_description(self) -> str | None:
        """Return the chart's one-sentence text alternative for the current numbers."""
        return None

    # ------------------------------------------------------------------ state
    @classmethod
    def state_names(cls) -> list[str]:
        """The names of the state traits, sorted."""
        return sorted(cls.class_trait_names(state=True))

    def to_dict(self) -> dict[str, Any]:
        """Return the state as a JSON-able dict, to save or share as a preset."""
        return {name: jsonable(getattr(self, name)) for name in self.state_names()}

    @classmethod
    def from_dict(cls: type[T], state: Mapping[str, Any], **kwargs: Any) -> T:
        """Create an explorer from a dict made by :meth:`to_dict`."""
        if not isinstance(state, Mapping):
            raise TypeError(
                f"state must be a dict of {cls.__name__} settings such as "
                f"{cls.state_names()}; got {state!r}."
            )
        check_keywords(f"{cls.__name__}.from_dict", state, cls.state_names())
        return cls(**dict(state), **kwargs)

    def apply_dict(self, state: Mapping[str, Any]) -> None:
        """Set several state traits at once (a preset), refreshing the view once.

        All values are validated before any is set, so a bad preset changes nothing.
        """
        check_keywords(f"{type(self).__name__}.apply_dict", state, self.state_names())
        checked = {}
        traits = self.traits()
        for name, value in state.items():
            checked[name] = traits[name]._validate(self, value)
        with self.batch():
            for name, value in checked.items():
                setattr(self, name, value)

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Group state changes so that the view refreshes once, at the end."""
        self._deferred += 1
        try:
            yield
        finally:
            self._deferred -= 1
            if self._deferred == 0 and self._pending:
                self.refresh()

    def memo(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """Return ``compute()`` cached under ``key`` (least recently used, ``memo_size``)."""
        if key in self._memo:
            self._memo.move_to_end(key)
            return self._memo[key]
        value = compute()
        self._memo[key] = value
        while len(self._memo) > self.memo_size:
            self._memo.popitem(last=False)
        return value

    # ------------------------------------------------------------------ views
    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.to_dict()}>"

    # ------------------------------------------------------------------ refresh
    def _on_state_change(self, change: Mapping[str, Any]) -> None:
        # Inside a batch: traits that state_changed sets in turn refresh nothing on their
        # own; the view refreshes once, when the outermost batch ends.
        with self.batch():
            self.state_changed(change)
            self._pending = True

    def refresh(self) -> None:
        """Recompute from the state and update chart, readout and table.

        An exception is shown in the widget's error area (the last good chart stays),
        not lost in a callback; set ``raise_errors = True`` to re-raise it as well.
        """
        self._pending = False
        try:
            self.recompute()
            frames = as_frames(self.chart_data())
            key = self.chart_key()
            shown = self._shown.get(key)
            if shown is None:
                spec, built = full_spec(self.build_chart(frames), frames, type(self).__name__)
                view = None
            else:
                # A chart shown before (the current one, or a view switched back to):
                # its rows swapped, the params the learner set in it kept.
                spec, built, view = shown
                spec = swapped_spec(spec, frames, view._params if view is not None else None)
            spec = rebind_params(spec, self.param_bindings())
            description = self.chart_description()
            if description is not None:
                spec["description"] = description
            text = self.readout()
        except Exception as exc:
            self._show_error(exc)
            if self.raise_errors:
                raise
            return
        self._frames = frames
        self._spec = spec
        self._readout_text = text
        self._show_error(None)
        self._built_chart, self._chart_view = built, view
        self._show_chart(spec)
        self._shown.keep(key, spec, built, self._chart_view)
        self._readout.value = text
        if self._table_toggle.value:
            self._table_html.value = self._table()


# Names this module used to re-export, each forwarded to its home with a warning for a
# release: state helpers (base_state), view helpers (base_view), argument checks
# (science.validation) and chart helpers (charts.common).
__getattr__ = moved_names(
    __name__,
    {
        **dict.fromkeys(
            ("LABEL_STYLE", "StateError", "check_state", "jsonable", "linked"),
            "alliance_widgets.widgets.base_state",
        ),
        **dict.fromkeys(("DEFAULT_FRAME", "PROBE_ROWS"), "alliance_widgets.widgets.base_view"),
        **dict.fromkeys(
            ("check_choice", "check_int", "check_keywords", "check_real"),
            "alliance_widgets.science.validation",
        ),
        **dict.fromkeys(("finish", "named", "records"), "alliance_widgets.charts.common"),
    },
)
