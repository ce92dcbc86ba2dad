"""The view side of the explorers' base: the chart spec, its text, the table, the error.

- :func:`full_spec` turns a chart builder's altair chart into the Vega-Lite spec an
  explorer caches, and :func:`swapped_spec` swaps new rows into it on an ordinary change.
- :class:`ExplorerView` is the part of :class:`~alliance_widgets.widgets.base.Explorer`
  that reads out what is shown: ``summary``, ``data``, ``frames``, ``spec``, ``chart``,
  ``error``, ``text()``, ``svg()``, the error area and the "Show the data" table.

Examples
--------
>>> import altair as alt, pandas as pd
>>> frames = as_frames(pd.DataFrame({"x": [1, 2, 3]}))
>>> chart = alt.Chart(alt.NamedData("table")).mark_point().encode(x="x:Q").properties(
...     datasets={"table": records(frames["table"])})
>>> spec, _ = full_spec(chart, frames, "Demo")
>>> len(spec["datasets"]["table"]), "$schema" in spec
(3, False)
>>> swapped_spec(spec, {"table": pd.DataFrame({"x": [9]})}, None)["datasets"]["table"]
[{'x': 9}]
"""

from __future__ import annotations

import html
from collections.abc import Hashable, Mapping
from typing import Any, ClassVar

import altair as alt
import ipywidgets as widgets
import pandas as pd

from alliance_widgets.charts.common import records
from alliance_widgets.charts.render import (
    EMBED_OPTIONS,
    WIDGET_VIEW_MIMETYPE,
    chart_text,
    enable_offline_widgets,
    labelled_svg,
    static_svg_wanted,
)
from alliance_widgets.widgets.controls import LiveReadout, accessible

__all__ = [
    "DEFAULT_FRAME",
    "PROBE_ROWS",
    "ExplorerView",
    "ShownCharts",
    "as_frames",
    "embedded_chart",
    "full_spec",
    "rebind_params",
    "swapped_spec",
]

DEFAULT_FRAME = "table"
PROBE_ROWS = 20


def as_frames(data: pd.DataFrame | Mapping[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """``chart_data()``'s result as ``{name: DataFrame}`` (a lone frame is ``"table"``)."""
    if isinstance(data, pd.DataFrame):
        return {DEFAULT_FRAME: data}
    frames = dict(data)
    if not frames or not all(isinstance(f, pd.DataFrame) for f in frames.values()):
        raise TypeError("chart_data() must return a DataFrame or a dict of DataFrames")
    return frames


def full_spec(chart: Any, frames: Mapping[str, pd.DataFrame], owner: str) -> tuple[dict, Any]:
    """The Vega-Lite spec of ``chart`` in the kit's theme, and the chart to embed.

    ``owner`` names the explorer in the error raised when a frame has no named dataset.
    """
    from alliance_widgets.charts.theme import THEME_NAME, kit_theme

    # Registered again on every build, which is cheap; asking alt.theme.names() whether it
    # is there reads every installed package's entry points (~6 ms a view switch).
    alt.theme.register(THEME_NAME, enable=False)(kit_theme)  # type: ignore[arg-type]
    # The chart to embed (altair's JupyterChart reads its params from it) carries a few
    # rows of each dataset: the widget's own to_dict() validates them with jsonschema,
    # which takes seconds over thousands of records; the rows come in the spec.
    rows = chart.datasets if isinstance(chart.datasets, dict) else {}
    probe = chart.copy(deep=False)
    probe.datasets = {name: list(r[:PROBE_ROWS]) for name, r in rows.items()}
    # The kit's theme for the explorers' charts whatever theme the learner has enabled
    # since importing the kit (which makes it the default: charts/render.py). Not
    # validated here: schema validation is most of the cost of a view switch, and every
    # explorer's chart in every view is validated by tests/widgets/test_chart_schemas.py.
    with alt.theme.enable(THEME_NAME):
        spec: dict[str, Any] = probe.to_dict(validate=False)
    spec["datasets"] = {**spec.get("datasets", {}), **rows}
    # The "$schema" URL is the only address in a spec; vega-embed and vl-convert read
    # a spec without it as Vega-Lite, and nothing in a kit chart then points online.
    spec.pop("$schema", None)
    missing = set(frames) - set(spec.get("datasets", {}))
    if missing:
        raise ValueError(
            f"{owner}.build_chart must use named datasets for {sorted(missing)} "
            "(alt.NamedData + datasets=...), so that updates can swap the data."
        )
    return spec, probe


def swapped_spec(
    cached: dict[str, Any],
    frames: Mapping[str, pd.DataFrame],
    live_params: Mapping[str, Any] | None,
) -> dict[str, Any]:
    """``cached`` with the rows of ``frames`` swapped in and the chart's params kept.

    ``live_params`` are the values the learner has set in the rendered chart.
    """
    spec = dict(cached)
    spec["datasets"] = {**cached["datasets"], **{k: records(v) for k, v in frames.items()}}
    if live_params is not None and "params" in spec:
        # Keep what the learner set in the chart (a threshold, a highlight) across a
        # data swap; Vega would otherwise reset each param to its initial value.
        spec["params"] = [
            {**p, "value": live_params[p["name"]]}
            if "value" in p and live_params.get(p["name"]) is not None
            else p
            for p in spec["params"]
        ]
    return spec


def rebind_params(
    spec: dict[str, Any], bindings: Mapping[str, Mapping[str, Any]]
) -> dict[str, Any]:
    """``spec`` with new bind options for the named params, each value kept in range.

    Examples
    --------
    >>> spec = {"params": [{"name": "k", "value": 9, "bind": {"input": "range", "max": 10}}]}
    >>> rebind_params(spec, {"k": {"max": 5}})["params"]
    [{'name': 'k', 'value': 5, 'bind': {'input': 'range', 'max': 5}}]
    """
    if not bindings or "params" not in spec:
        return spec
    params = []
    for p in spec["params"]:
        if p.get("name") in bindings and isinstance(p.get("bind"), dict):
            bind = {**p["bind"], **bindings[p["name"]]}
            p = {**p, "bind": bind}
            if isinstance(p.get("value"), (int, float)):
                low, high = bind.get("min", p["value"]), bind.get("max", p["value"])
                p["value"] = min(max(p["value"], low), high)
        params.append(p)
    return {**spec, "params": params}


def embedded_chart(built: Any, spec: dict[str, Any]) -> alt.JupyterChart:
    """The offline ``JupyterChart`` for the chart ``built``, showing ``spec``.

    ``JupyterChart`` reads the chart's params from the altair object and then calls its
    ``to_dict()``, which would make and schema-validate the spec a second time (most of
    the cost of a view's first switch). The spec is made already, so the widget is given
    a copy of the chart whose ``to_dict`` hands it over.

    Examples
    --------
    >>> import altair as alt
    >>> k = alt.param(name="k", value=2.5)
    >>> chart = alt.Chart(alt.NamedData("t")).mark_point().add_params(k)
    >>> widget = embedded_chart(chart, {"data": {"name": "t"}, "mark": "point", "made": 1})
    >>> widget.spec["made"], widget.params.k, chart.to_dict()["mark"]
    (1, 2.5, {'type': 'point'})
    """
    ready = built.copy(deep=False)
    # An instance attribute: it shadows the method for this private copy only.
    object.__setattr__(ready, "to_dict", lambda *args, **kwargs: spec)
    return alt.JupyterChart(ready, embed_options=EMBED_OPTIONS)


class ShownCharts:
    """The charts an explorer has shown, by chart key: last spec, built chart, widget.

    A switch back to a chart key shown before (a view toggled back) swaps new rows into
    the spec last shown under it and shows its chart widget again, with the params the
    learner set in it: no altair object is built, no widget created.

    Examples
    --------
    >>> shown = ShownCharts()
    >>> shown.get("lambert") is None
    True
    >>> shown.keep("lambert", {"mark": "bar"}, None, None)
    >>> shown.get("lambert")
    ({'mark': 'bar'}, None, None)
    """

    def __init__(self) -> None:
        self._by_key: dict[Hashable, tuple[dict[str, Any], Any, alt.JupyterChart | None]] = {}

    def get(self, key: Hashable) -> tuple[dict[str, Any], Any, alt.JupyterChart | None] | None:
        """The spec, built chart and chart widget last shown under ``key``, or None."""
        return self._by_key.get(key)

    def keep(
        self, key: Hashable, spec: dict[str, Any], built: Any, view: alt.JupyterChart | None
    ) -> None:
        """Remember what is shown now under ``key``."""
        self._by_key[key] = (spec, built, view)


class ExplorerView:
    """What an explorer shows, read back as Python values and text (a mixin)."""

    title: ClassVar[str] = "Explorer"
    axes_note: ClassVar[str] = ""
    max_table_rows: ClassVar[int] = 200

    _spec: dict[str, Any] | None
    _frames: dict[str, pd.DataFrame]
    _readout_text: str
    _error_text: str
    _built_chart: Any
    _chart_view: alt.JupyterChart | None
    children: tuple[widgets.Widget, ...]

    def _make_parts(self) -> None:
        """Create the title, chart box, axes note, readout, error area and data table."""
        self._chart_view = None
        self._header = widgets.HTML(f"<h3>{html.escape(self.title)}</h3>")
        self._axes_html = widgets.HTML(
            f"<p><small>{html.escape(self.axes_note)}</small></p>" if self.axes_note else ""
        )
        # A region that stays in the page while its text changes: screen readers announce
        # each new readout (an HTML widget re-creates its region, which is not announced).
        self._readout = LiveReadout()
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

    def _lay_out(self, controls: list[widgets.Widget]) -> None:
        """Title; controls beside the chart; readout, error area and data table below.

        Every ipywidgets slider among the controls is shown as the kit's accessible
        :class:`~alliance_widgets.widgets.controls.RangeControl`, which mirrors it.
        """
        self._controls_box = widgets.VBox(
            [accessible(c) for c in controls],
            layout=widgets.Layout(min_width="280px", padding="0 12px 0 0"),
        )
        # The hook for the kit's CSS (no animation when reduced motion is asked for).
        getattr(self, "add_class")("aw-explorer")  # noqa: B009
        self.children = (
            self._header,
            widgets.HBox(
                [self._controls_box, widgets.VBox([self._chart_box, self._axes_html])],
                layout=widgets.Layout(flex_flow="row wrap"),
            ),
            self._readout,
            self._error_html,
            self._table_toggle,
            self._table_html,
        )

    def _show_chart(self, spec: dict[str, Any]) -> None:
        if self._chart_view is None:
            enable_offline_widgets()
            self._chart_view = embedded_chart(self._built_chart, spec)
        if self._chart_box.children != (self._chart_view,):
            self._chart_box.children = (self._chart_view,)
        self._chart_view.spec = spec

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        bundle: dict[str, Any] = {}
        # The widget view comes from the ipywidgets class after this mixin in the MRO.
        live = getattr(super(), "_repr_mimebundle_")(**kwargs)  # noqa: B009
        if live and WIDGET_VIEW_MIMETYPE in live:
            bundle[WIDGET_VIEW_MIMETYPE] = live[WIDGET_VIEW_MIMETYPE]
        # The static picture only when the lesson builder or nbval asks for it: a learner's
        # kernel then never loads vl-convert's V8 engine (charts/render.py).
        if self._spec is not None and static_svg_wanted():
            bundle["image/svg+xml"] = self.svg()
        bundle["text/plain"] = self.text()
        return bundle

    def share(self) -> str:
        """One line of Python that recreates this explorer as it stands now.

        For a learner to paste into a forum post, or an instructor into a slide; it
        assumes ``import alliance_widgets as aw``.

        Examples
        --------
        >>> import alliance_widgets as aw
        >>> line = aw.BordinExplorer(scenario="homework").share()
        >>> line.startswith("aw.BordinExplorer.from_dict({"), len(line.splitlines())
        (True, 1)
        >>> eval(line).to_dict() == aw.BordinExplorer(scenario="homework").to_dict()
        True
        """
        state = getattr(self, "to_dict")()  # noqa: B009
        return f"aw.{type(self).__name__}.from_dict({state!r})"

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
        """The current chart as a static SVG (vl-convert, offline), its summary as its name.

        The ``<title>`` and ``aria-label`` give the picture a text alternative where no
        widget is drawn: GitHub, nbviewer, an HTML export.
        """
        return labelled_svg(self.spec)

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
