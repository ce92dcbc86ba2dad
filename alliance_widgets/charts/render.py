"""Show altair charts offline, in every frontend, without a JavaScript engine in the kernel.

altair's default renderer fetches vega from a CDN, which leaves a blank chart in a classroom
without internet. The kit registers its own renderer instead. It returns one mimebundle
with up to three views of the same chart:

* the live widget view (altair's ``JupyterChart``) for JupyterLab, Notebook 7, VS Code and
  Voilà. Its JavaScript (vega, vega-lite, vega-embed) was bundled once when the kit was
  built (:mod:`~alliance_widgets.charts.offline_js`), so nothing is fetched and no
  learner's kernel runs vl-convert to make it;
* a static ``image/svg+xml`` made by vl-convert, which frontends without widgets (GitHub,
  nbviewer, an HTML export) show instead. Only when ``ALLIANCE_WIDGETS_STATIC_SVG=1``: the
  lesson builder and the nbval run set it, a learner's kernel does not (no V8 engine,
  about 270 MB less per learner; see docs/architecture.md);
* a ``text/plain`` title and one-sentence summary, the chart's text alternative and what
  nbval compares in CI.

An SVG asked for by name (:func:`static_bundle`, :func:`chart_svg`, an explorer's
``svg()``) is always made where vl-convert is installed: in this process where it is
already loaded or outside a kernel, else in a short-lived child process, so that a lesson
that freezes a chart does not leave V8 in the learner's kernel. Where vl-convert cannot be
installed (Pyodide) the SVG is left out and the text summary kept.

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
import importlib.util
import json
import re
import subprocess
import sys
import warnings
from collections.abc import Mapping
from typing import Any

import altair as alt

from alliance_widgets._kernel import STATIC_SVG_ENV, in_kernel, static_svg_wanted

__all__ = [
    "EMBED_OPTIONS",
    "STATIC_SVG_ENV",
    "WIDGET_VIEW_MIMETYPE",
    "chart_svg",
    "chart_text",
    "enable_offline_charts",
    "enable_offline_widgets",
    "in_kernel",
    "kit_renderer",
    "static_bundle",
    "static_svg_wanted",
    "svg_available",
]

WIDGET_VIEW_MIMETYPE = "application/vnd.jupyter.widget-view+json"
RENDERER_NAME = "alliance_widgets"
# vega-embed's "..." menu is a <summary> with an unlabelled icon (axe: summary-name) and
# its "Open in Vega Editor" sends the chart's data to a web site: the kit's charts have no
# menu (their data are one click away in "Show the data", and ``.svg()`` saves a copy).
EMBED_OPTIONS: dict[str, Any] = {"actions": False}

# Vega numbers clip paths and gradients with a counter that runs on across calls, so
# the same chart drawn twice would differ; ids are renumbered per SVG to keep bytes stable.
# Where JupyterChart's JavaScript came from in this process (see enable_offline_widgets).
_bundle_source = ""

_SVG_ID = re.compile(r'id="(clip|gradient|pattern)(\d+)"')

# The child process that draws an SVG for a kernel which has not loaded vl-convert: it
# reads the spec and the Vega-Lite version as JSON on stdin and writes the SVG.
_SVG_CHILD = (
    "import json, sys, vl_convert as vlc\n"
    "job = json.load(sys.stdin)\n"
    "sys.stdout.write(vlc.vegalite_to_svg(job['spec'], vl_version=job['vl_version']))\n"
)


def _as_spec(chart: alt.TopLevelMixin | Mapping[str, Any]) -> dict[str, Any]:
    if isinstance(chart, Mapping):
        return dict(chart)
    return chart.to_dict()


def svg_available() -> bool:
    """Return True where vl-convert is installed (it is not under Pyodide)."""
    if "vl_convert" in sys.modules:
        return True
    try:
        return importlib.util.find_spec("vl_convert") is not None
    except (ImportError, ValueError):  # a finder that refuses it, a broken install
        return False


def _raw_svg(spec: dict[str, Any], vl_version: str) -> str:
    # In a learner's kernel, V8 would stay resident for the kernel's life (~270 MB): a
    # child process draws the picture and takes its engine with it when it exits.
    if in_kernel() and "vl_convert" not in sys.modules and not static_svg_wanted():
        job = json.dumps({"spec": spec, "vl_version": vl_version})
        done = subprocess.run(
            [sys.executable, "-c", _SVG_CHILD],
            input=job,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"vl-convert could not draw the chart: {done.stderr[-2000:]}")
        return done.stdout
    import vl_convert as vlc

    svg: str = vlc.vegalite_to_svg(spec, vl_version=vl_version)
    return svg


def chart_svg(chart: alt.TopLevelMixin | Mapping[str, Any]) -> str:
    """Render a chart (or its Vega-Lite dict) to SVG offline, with stable element ids.

    Raises
    ------
    ModuleNotFoundError
        Where vl-convert-python is not installed (e.g. Pyodide).

    Examples
    --------
    >>> import altair as alt, pandas as pd
    >>> c = alt.Chart(pd.DataFrame({"x": [1]})).mark_bar().encode(x="x:Q")
    >>> chart_svg(c) == chart_svg(c)
    True
    """
    from alliance_widgets.charts.theme import vl_version

    if not svg_available():
        raise ModuleNotFoundError(
            "A static SVG needs vl-convert-python, which is not installed here (it has no "
            "build for Pyodide): `pip install vl-convert-python`, or use the live chart and "
            "its text summary.",
            name="vl_convert",
        )
    svg = _raw_svg(_as_spec(chart), vl_version())
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
    screen reader meets the same words in a static export as nbval checks in CI. Where
    vl-convert is not installed (Pyodide) the bundle holds the text summary alone.
    """
    spec = _as_spec(chart)
    text = chart_text(spec)
    if not svg_available():
        return {"text/plain": text}
    return {"image/svg+xml": _label_svg(chart_svg(spec), text), "text/plain": text}


def auto_static_bundle(
    chart: alt.TopLevelMixin | Mapping[str, Any], environ: Mapping[str, str] | None = None
) -> dict[str, str]:
    """What a displayed chart carries besides its live view: the SVG only when wanted.

    The text summary always; the SVG when ``ALLIANCE_WIDGETS_STATIC_SVG=1`` in ``environ``
    (default: this process's environment; the lesson builder and the nbval run set it),
    which then needs vl-convert.

    Examples
    --------
    >>> auto_static_bundle({"title": "T", "mark": "point"}, environ={})
    {'text/plain': 'T'}
    """
    spec = _as_spec(chart)
    if static_svg_wanted(environ):
        if not svg_available():
            raise ModuleNotFoundError(
                f"{STATIC_SVG_ENV}=1 asks for a static SVG of every chart, and that needs "
                "vl-convert-python: `pip install vl-convert-python` (or unset the variable).",
                name="vl_convert",
            )
        return static_bundle(spec)
    return {"text/plain": chart_text(spec)}


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


def enable_offline_widgets() -> str:
    """Give altair's ``JupyterChart`` the kit's prebuilt offline JavaScript; say from where.

    Returns ``"shipped"`` (the bundle built with the kit, the normal case), ``"built"``
    (the bundle was missing or stale, vl-convert built one in this process, as altair does)
    or ``"cdn"`` (neither: the chart loads vega from the internet, as in JupyterLite).
    The last two warn once, saying how to repair the install. Calling it again is cheap.
    """
    from alliance_widgets.charts.offline_js import BundleError, read_bundle, shared_module

    global _bundle_source
    chart_cls = alt.JupyterChart
    if chart_cls._is_offline:
        # Made offline before, by this function or by altair's own enable_offline().
        return _bundle_source or "built"
    try:
        bundle, _ = read_bundle()
    except BundleError as exc:
        if svg_available():
            warnings.warn(
                f"{exc} Building it in this kernel with vl-convert instead (slow).",
                RuntimeWarning,
                stacklevel=2,
            )
            chart_cls.enable_offline(True)
            _bundle_source = "built"
            return _bundle_source
        warnings.warn(
            f"{exc} Without vl-convert the charts load vega from the internet.",
            RuntimeWarning,
            stacklevel=2,
        )
        return "cdn"
    chart_cls._esm = shared_module(bundle)
    chart_cls._is_offline = True
    _bundle_source = "shipped"
    return _bundle_source


def kit_renderer(spec: dict[str, Any], **metadata: Any) -> dict[str, Any]:
    """An altair renderer: live offline widget (in a kernel) + text summary (+ static SVG)."""
    bundle: dict[str, Any] = auto_static_bundle(spec)
    if in_kernel():
        enable_offline_widgets()
        widget = alt.JupyterChart(chart=alt.Chart.from_dict(spec), embed_options=EMBED_OPTIONS)
        live: Any = widget._repr_mimebundle_()
        # anywidget returns (data, metadata); its metadata only points Colab at a CDN
        # widget manager, so the kit keeps the data alone.
        data = live[0] if isinstance(live, tuple) else live
        if data and WIDGET_VIEW_MIMETYPE in data:
            bundle[WIDGET_VIEW_MIMETYPE] = data[WIDGET_VIEW_MIMETYPE]
    return bundle


def enable_offline_charts() -> None:
    """Make every altair chart shown in this kernel render offline, in the kit's theme.

    Registers :func:`kit_renderer` as altair's ``"alliance_widgets"`` renderer and
    enables it, and enables the kit's colour-blind-safe theme: the two global changes the
    kit makes, so that a lesson's own altair charts draw without a CDN and look like the
    explorers beside them. ``import alliance_widgets`` calls this inside a Jupyter kernel
    (and nowhere else); a learner's later ``alt.theme.enable(...)`` or
    ``alt.renderers.enable(...)`` wins for their own charts, while the explorers keep the
    kit's theme. Calling it again is harmless.

    Examples
    --------
    >>> enable_offline_charts()
    >>> import altair as alt
    >>> alt.renderers.active
    'alliance_widgets'
    """
    from alliance_widgets.charts.theme import enable_theme

    # Registered unconditionally (idempotent): names() would scan every installed
    # package's entry points, ~10 ms of each kernel's import.
    alt.renderers.register(RENDERER_NAME, kit_renderer)
    alt.renderers.enable(RENDERER_NAME)
    enable_theme()
