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
    ``chart_description()`` (optional) -> the chart's one-sentence text alternative for
    the current numbers (``None`` keeps the builder's ``description``).
Structure (called only when ``chart_key()`` changes, e.g. a mode switch)
    ``build_chart(data)`` -> an ``alt.Chart`` whose data are *named* datasets
    (``alt.NamedData(name)`` with ``datasets={name: records}``; ``charts.common.named``
    and ``charts.common.finish`` do this), so that later updates only swap the records
    into the cached spec: no altair object is built and no JSON schema is validated on
    an ordinary change. Keep the builder itself a pure function in ``charts/``.
    ``chart_key()`` (optional) -> any hashable; a new value forces ``build_chart``.
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
alliance_widgets.widgets.base.StateError: x must be a number in [0, 10]; got 11.0.
"""

from __future__ import annotations

import html
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, ClassVar, TypeVar

import altair as alt
import ipywidgets as widgets
import numpy as np
import pandas as pd
import traitlets

from alliance_widgets.charts.common import finish, named, records
from alliance_widgets.charts.render import (
    EMBED_OPTIONS,
    WIDGET_VIEW_MIMETYPE,
    chart_svg,
    chart_text,
)
from alliance_widgets.science.validation import (
    check_choice,
    check_int,
    check_keywords,
    check_real,
)

__all__ = [
    "Explorer",
    "StateError",
    "check_choice",
    "check_int",
    "check_real",
    "check_state",
    "finish",
    "linked",
    "named",
    "records",
]

T = TypeVar("T", bound="Explorer")

DEFAULT_FRAME = "table"
PROBE_ROWS = 20
LABEL_STYLE = {"description_width": "initial"}


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
    >>> class P(traitlets.HasTraits):
    ...     n = traitlets.Int(10)
    ...     @traitlets.validate("n")
    ...     def _n(self, proposal):
    ...         return check_state(proposal, check_int, minimum=10, maximum=100)
    >>> P(n=5)
    Traceback (most recent call last):
    ...
    alliance_widgets.widgets.base.StateError: n must be a whole number from 10 to 100; got 5.
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


class Explorer(widgets.VBox):
    """Base of the kit's explorers: traitlet state -> science -> an offline chart + text.

    See the module docstring for the protocol a subclass implements.
    """

    title: ClassVar[str] = "Explorer"
    axes_note: ClassVar[str] = ""
    max_table_rows: ClassVar[int] = 200
    memo_size: ClassVar[int] = 16

    def __init__(self, **kwargs: Any) -> None:
        self._spec: dict[str, Any] | None = None
        self._spec_key: Hashable = object()
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
        self._header = widgets.HTML(f"<h3>{html.escape(self.title)}</h3>")
        self._axes_html = widgets.HTML(
            f"<p><small>{html.escape(self.axes_note)}</small></p>" if self.axes_note else ""
        )
        self._readout_html = widgets.HTML()
        self._error_html = widgets.HTML(layout=widgets.Layout(display="none"))
        self._table_html = widgets.HTML(layout=widgets.Layout(display="none"))
        self._table_toggle = widgets.ToggleButton(
            value=False,
            description="Show the data",
            tooltip="Show or hide the table of numbers behind the chart",
            icon="table",
        )
        self._table_toggle.observe(self._on_table_toggle, names="value")
        self._chart_box = widgets.Box()
        # A value given to the constructor has the same consequences as one set later.
        for name in self.state_names():
            if name in kwargs:
                change = {"name": name, "old": None, "new": getattr(self, name)}
                self.state_changed({**change, "owner": self, "type": "change"})
        self.observe(self._on_state_change, names=self.state_names())
        self.refresh()
        self._controls_box = widgets.VBox(
            self.controls(), layout=widgets.Layout(min_width="280px", padding="0 12px 0 0")
        )
        self.children = (
            self._header,
            widgets.HBox(
                [self._controls_box, widgets.VBox([self._chart_box, self._axes_html])],
                layout=widgets.Layout(flex_flow="row wrap"),
            ),
            self._readout_html,
            self._error_html,
            self._table_toggle,
            self._table_html,
        )

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
        return {name: _jsonable(getattr(self, name)) for name in self.state_names()}

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
    @property
    def summary(self) -> str:
        """The readout as plain text."""
        return self._readout_text

    @property
    def data(self) -> pd.DataFrame:
        """The (first) DataFrame behind the chart."""
        if not self._frames:
            raise RuntimeError(f"{type(self).__name__} has no data: {self._error_text}")
        return next(iter(self._frames.values())).copy()

    @property
    def frames(self) -> dict[str, pd.DataFrame]:
        """Every DataFrame behind the chart, by dataset name."""
        return {k: v.copy() for k, v in self._frames.items()}

    @property
    def spec(self) -> dict[str, Any]:
        """The current Vega-Lite spec (a dict; do not edit it in place)."""
        if self._spec is None:
            raise RuntimeError(f"{type(self).__name__} has no chart: {self._error_text}")
        return self._spec

    @property
    def chart(self) -> alt.JupyterChart:
        """The live offline chart widget."""
        if self._chart_view is None:
            raise RuntimeError(f"{type(self).__name__} has no chart: {self._error_text}")
        return self._chart_view

    @property
    def error(self) -> str:
        """The error shown in the widget, or ``""``."""
        return self._error_text

    def text(self) -> str:
        """Title, chart summary and readout: the explorer as deterministic plain text."""
        parts = [self.title]
        if self._spec is not None:
            parts.append(chart_text(self._spec))
        if self.axes_note:
            parts.append(self.axes_note)
        parts.append(self._readout_text)
        if self._error_text:
            parts.append(f"Error: {self._error_text}")
        return "\n".join(p for p in parts if p)

    def svg(self) -> str:
        """The current chart as a static SVG (vl-convert, offline)."""
        return chart_svg(self.spec)

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        bundle: dict[str, Any] = {}
        live = super()._repr_mimebundle_(**kwargs)
        if live and WIDGET_VIEW_MIMETYPE in live:
            bundle[WIDGET_VIEW_MIMETYPE] = live[WIDGET_VIEW_MIMETYPE]
        if self._spec is not None:
            bundle["image/svg+xml"] = self.svg()
        bundle["text/plain"] = self.text()
        return bundle

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
            frames = _as_frames(self.chart_data())
            key = self.chart_key()
            if self._spec is None or key != self._spec_key:
                spec = self._full_spec(frames)
                self._spec_key = key
            else:
                spec = self._swapped_spec(self._spec, frames)
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
        self._show_chart(spec)
        self._readout_html.value = _readout_html(text)
        if self._table_toggle.value:
            self._table_html.value = self._table()

    def _full_spec(self, frames: dict[str, pd.DataFrame]) -> dict[str, Any]:
        from alliance_widgets.charts.theme import THEME_NAME, kit_theme

        chart: Any = self.build_chart(frames)
        if THEME_NAME not in alt.theme.names():
            alt.theme.register(THEME_NAME, enable=False)(kit_theme)  # type: ignore[arg-type]
        # Validate the chart's structure on a few rows of each dataset: jsonschema takes
        # seconds over thousands of records, which records() has already made JSON-ready.
        rows = chart.datasets if isinstance(chart.datasets, dict) else {}
        probe = chart.copy(deep=False)
        probe.datasets = {name: list(r[:PROBE_ROWS]) for name, r in rows.items()}
        # The kit's theme for this chart only: a learner's own charts keep theirs.
        with alt.theme.enable(THEME_NAME):
            spec: dict[str, Any] = probe.to_dict()
        spec["datasets"] = {**spec.get("datasets", {}), **rows}
        # The "$schema" URL is the only address in a spec; vega-embed and vl-convert read
        # a spec without it as Vega-Lite, and nothing in a kit chart then points online.
        spec.pop("$schema", None)
        missing = set(frames) - set(spec.get("datasets", {}))
        if missing:
            raise ValueError(
                f"{type(self).__name__}.build_chart must use named datasets for "
                f"{sorted(missing)} (alt.NamedData + datasets=...), so that updates can "
                "swap the data."
            )
        self._built_chart = probe
        self._chart_view = None
        return spec

    def _swapped_spec(
        self, cached: dict[str, Any], frames: dict[str, pd.DataFrame]
    ) -> dict[str, Any]:
        spec = dict(cached)
        spec["datasets"] = {**cached["datasets"], **{k: records(v) for k, v in frames.items()}}
        if self._chart_view is not None and "params" in spec:
            # Keep what the learner set in the chart (a threshold, a highlight) across a
            # data swap; Vega would otherwise reset each param to its initial value.
            live = self._chart_view._params
            spec["params"] = [
                {**p, "value": live[p["name"]]}
                if "value" in p and live.get(p["name"]) is not None
                else p
                for p in spec["params"]
            ]
        return spec

    def _show_chart(self, spec: dict[str, Any]) -> None:
        if self._chart_view is None:
            alt.JupyterChart.enable_offline(True)
            self._chart_view = alt.JupyterChart(self._built_chart, embed_options=EMBED_OPTIONS)
            self._chart_box.children = (self._chart_view,)
        self._chart_view.spec = spec

    def _show_error(self, exc: BaseException | None) -> None:
        if exc is None:
            self._error_text = ""
            self._error_html.value = ""
            self._error_html.layout.display = "none"
            return
        self._error_text = f"{type(exc).__name__}: {exc}"
        self._error_html.value = (
            '<div role="alert" style="color:#B00020;border-left:4px solid #B00020;'
            'padding-left:8px"><b>Could not update the chart.</b> '
            f"{html.escape(self._error_text)}</div>"
        )
        self._error_html.layout.display = None

    def _on_table_toggle(self, change: Mapping[str, Any]) -> None:
        shown = bool(change["new"])
        self._table_toggle.description = "Hide the data" if shown else "Show the data"
        self._table_html.layout.display = None if shown else "none"
        self._table_html.value = self._table() if shown else ""

    def _table(self) -> str:
        parts = []
        for name, frame in self._frames.items():
            caption = name.replace("_", " ")
            if len(frame) > self.max_table_rows:
                caption += (
                    f" (first {self.max_table_rows} of {len(frame):,} rows; "
                    "the explorer's .data has them all)"
                )
            table = frame.head(self.max_table_rows).to_html(
                index=False, border=0, float_format=lambda x: f"{x:.3g}"
            )
            parts.append(f"<p><b>{html.escape(caption)}</b></p>{table}")
        return (
            '<div style="max-height:320px;overflow:auto" tabindex="0" '
            f'aria-label="Data behind the chart">{"".join(parts)}</div>'
        )


def _as_frames(data: pd.DataFrame | Mapping[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    if isinstance(data, pd.DataFrame):
        return {DEFAULT_FRAME: data}
    frames = dict(data)
    if not frames or not all(isinstance(f, pd.DataFrame) for f in frames.values()):
        raise TypeError("chart_data() must return a DataFrame or a dict of DataFrames")
    return frames


def _readout_html(text: str) -> str:
    lines = "".join(f"<p style='margin:2px 0'>{html.escape(line)}</p>" for line in text.split("\n"))
    return f'<div aria-live="polite" role="status">{lines}</div>'


def _jsonable(value: Any) -> Any:
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value
