"""Show altair charts offline, in every frontend.

altair's default renderer fetches vega from a CDN, which leaves a blank chart in a classroom
without internet. The kit registers its own renderer instead. It returns one mimebundle
with three views of the same chart:

* the live widget view (altair's ``JupyterChart`` with its JavaScript bundled by
  vl-convert, so nothing is fetched) for JupyterLab, Notebook 7, VS Code and Voilà;
* a static ``image/svg+xml`` made by vl-convert, which frontends without widgets (GitHub,
  nbviewer, an HTML export) and a notebook opened before its cells are run show instead;
* a ``text/plain`` title and one-sentence summary, the chart's text alternative and what
  nbval compares in CI.

Examples
--------
>>> import altair as alt, pandas as pd
>>> chart = alt.Chart(pd.DataFrame({"x": [1, 2]})).mark_point().encode(x="x:Q").properties(
...     title="Two points", description="Two points on a line.")
>>> chart_text(chart.to_dict())
'Two points — Two points on a line.'
>>> bundle = static_bundle(chart)
>>> sorted(bundle)
['image/svg+xml', 'text/plain']
>>> bundle["image/svg+xml"].startswith("<svg")
True
"""

from __future__ import annotations

import html
import re
import sys
from collections.abc import Mapping
from typing import Any

import altair as alt

__all__ = [
    "EMBED_OPTIONS",
    "WIDGET_VIEW_MIMETYPE",
    "chart_svg",
    "chart_text",
    "enable_offline_charts",
    "in_kernel",
    "kit_renderer",
    "static_bundle",
]

WIDGET_VIEW_MIMETYPE = "application/vnd.jupyter.widget-view+json"
RENDERER_NAME = "alliance_widgets"
# vega-embed's "..." menu is a <summary> with an unlabelled icon (axe: summary-name) and
# its "Open in Vega Editor" sends the chart's data to a web site: the kit's charts have no
# menu (their data are one click away in "Show the data", and ``.svg()`` saves a copy).
EMBED_OPTIONS: dict[str, Any] = {"actions": False}

# Vega numbers clip paths and gradients with a counter that runs on across calls, so
# the same chart drawn twice would differ; ids are renumbered per SVG to keep bytes stable.
_SVG_ID = re.compile(r'id="(clip|gradient|pattern)(\d+)"')


def _as_spec(chart: alt.TopLevelMixin | Mapping[str, Any]) -> dict[str, Any]:
    if isinstance(chart, Mapping):
        return dict(chart)
    return chart.to_dict()


def chart_svg(chart: alt.TopLevelMixin | Mapping[str, Any]) -> str:
    """Render a chart (or its Vega-Lite dict) to SVG offline, with stable element ids.

    Examples
    --------
    >>> import altair as alt, pandas as pd
    >>> c = alt.Chart(pd.DataFrame({"x": [1]})).mark_bar().encode(x="x:Q")
    >>> chart_svg(c) == chart_svg(c)
    True
    """
    import vl_convert as vlc

    from alliance_widgets.charts.theme import vl_version

    svg: str = vlc.vegalite_to_svg(_as_spec(chart), vl_version=vl_version())
    mapping: dict[str, str] = {}
    for match in _SVG_ID.finditer(svg):
        old = match.group(1) + match.group(2)
        if old not in mapping:
            mapping[old] = f"{match.group(1)}{len(mapping) + 1}"
    if mapping:
        svg = re.sub(
            r"\b(clip|gradient|pattern)(\d+)\b",
            lambda m: mapping.get(m.group(0), m.group(0)),
            svg,
        )
    return svg


def chart_text(spec: Mapping[str, Any]) -> str:
    """Return a chart's title and one-sentence summary as plain text.

    The summary is the Vega-Lite ``description``, which vega also writes into the SVG as
    its ARIA description: the same words serve screen readers, nbval and the lesson.
    """
    title = spec.get("title")
    if isinstance(title, Mapping):
        title = title.get("text")
    if isinstance(title, list):
        title = " ".join(str(t) for t in title)
    description = spec.get("description")
    parts = [str(p) for p in (title, description) if p]
    return " — ".join(parts) if parts else "Chart (no title or description given)."


def static_bundle(chart: alt.TopLevelMixin | Mapping[str, Any]) -> dict[str, str]:
    """Return the static part of the kit's mimebundle: an SVG and the text summary.

    The SVG carries the summary as its ``<title>`` and ``aria-label``, so a
    screen reader meets the same words in a static export as nbval checks in CI.
    """
    spec = _as_spec(chart)
    return {"image/svg+xml": labelled_svg(spec), "text/plain": chart_text(spec)}


def labelled_svg(chart: alt.TopLevelMixin | Mapping[str, Any]) -> str:
    """Render a chart to SVG whose ``<title>`` and ``aria-label`` are its text summary.

    Examples
    --------
    >>> import altair as alt, pandas as pd
    >>> c = alt.Chart(pd.DataFrame({"x": [1]}), title="One bar",
    ...     description="A single bar.").mark_bar().encode(x="x:Q")
    >>> labelled_svg(c).count("<title>One bar — A single bar.</title>")
    1
    """
    spec = _as_spec(chart)
    return _label_svg(chart_svg(spec), chart_text(spec))


def _label_svg(svg: str, text: str) -> str:
    safe = html.escape(text, quote=True)
    head, sep, rest = svg.partition(">")
    if not sep or not head.startswith("<svg"):
        return svg
    return f'{head} role="img" aria-label="{safe}"><title>{safe}</title>{rest}'


def in_kernel() -> bool:
    """Return True inside a Jupyter kernel, where a widget frontend may be listening."""
    shell_module = sys.modules.get("IPython")
    if shell_module is None:
        return False
    shell = shell_module.get_ipython()
    return shell is not None and getattr(shell, "kernel", None) is not None


def kit_renderer(spec: dict[str, Any], **metadata: Any) -> dict[str, Any]:
    """An altair renderer: live offline widget (in a kernel) + static SVG + text summary."""
    bundle: dict[str, Any] = static_bundle(spec)
    if in_kernel():
        from altair import JupyterChart

        JupyterChart.enable_offline(offline=True)
        widget = JupyterChart(chart=alt.Chart.from_dict(spec), embed_options=EMBED_OPTIONS)
        live: Any = widget._repr_mimebundle_()
        # anywidget returns (data, metadata); its metadata only points Colab at a CDN
        # widget manager, so the kit keeps the data alone.
        data = live[0] if isinstance(live, tuple) else live
        if data and WIDGET_VIEW_MIMETYPE in data:
            bundle[WIDGET_VIEW_MIMETYPE] = data[WIDGET_VIEW_MIMETYPE]
    return bundle


def enable_offline_charts() -> None:
    """Make every altair chart shown in this kernel render offline, with a static fallback.

    Registers :func:`kit_renderer` as altair's ``"alliance_widgets"`` renderer and
    enables it, and applies the kit's colour-blind-safe theme. Called automatically
    when the kit is imported inside a Jupyter kernel; calling it again is harmless.

    Examples
    --------
    >>> enable_offline_charts()
    >>> import altair as alt
    >>> alt.renderers.active
    'alliance_widgets'
    """
    from alliance_widgets.charts.theme import enable_theme

    if RENDERER_NAME not in alt.renderers.names():
        alt.renderers.register(RENDERER_NAME, kit_renderer)
    alt.renderers.enable(RENDERER_NAME)
    enable_theme()
