r"""The JavaScript of altair's offline ``JupyterChart``, built once and shipped as data.

altair's ``JupyterChart.enable_offline()`` asks vl-convert to bundle vega, vega-lite and
vega-embed with the widget's front-end code, in every kernel, every time: about 2.4 s of
CPU and a V8 engine in each learner's kernel. The kit builds that bundle once, when its
wheel (or editable install) is built (``hatch_build.py`` at the repository root calls
:func:`write_bundle`), and a kernel only reads the file.

Beside the bundle, ``jupyter_chart.json`` records what it was made from: the vl-convert,
vega, vega-embed and Vega-Lite versions, the altair version and a hash of altair's widget
source. :func:`read_bundle` refuses a bundle whose source hash or Vega-Lite version no
longer match the installed altair, so an upgraded altair never runs stale front-end code.

Each chart widget is an anywidget, which imports its ``_esm`` afresh for every chart and
gives the import two seconds: when a busy page (ten learners on two cores, a slow laptop)
needs longer, the chart's model drops every later update and the chart never redraws.
:func:`shared_module` wraps the bundle in a small module that the page evaluates once and
every chart then shares, so each widget loads in milliseconds.

Standard library only at import: ``hatch_build.py`` loads this file by path in the build
environment, before the package exists.

Examples
--------
>>> BUNDLE_JS.name, BUNDLE_INFO.name
('jupyter_chart.js', 'jupyter_chart.json')
>>> module = shared_module("export default { render() {} };")
>>> print(module.splitlines()[0])
// alliance_widgets: altair's JupyterChart front end, evaluated once per page.
>>> strip_imports("import x from 'y';\n// note\nasync function render() {}")
'async function render() {}'
"""

from __future__ import annotations

import hashlib
import json
from importlib import metadata
from pathlib import Path
from typing import Any

__all__ = [
    "BUNDLE_INFO",
    "BUNDLE_JS",
    "BundleError",
    "altair_widget_source",
    "read_bundle",
    "shared_module",
    "strip_imports",
    "write_bundle",
]

BUNDLE_DIR = Path(__file__).resolve().parent / "_offline"
BUNDLE_JS = BUNDLE_DIR / "jupyter_chart.js"
BUNDLE_INFO = BUNDLE_DIR / "jupyter_chart.json"


class BundleError(RuntimeError):
    """The shipped bundle is missing or does not fit the installed altair."""


def strip_imports(source: str) -> str:
    """Drop the leading blank, comment and ``import`` lines, as altair does before bundling."""
    lines = source.split("\n")
    while lines and (not lines[0].strip() or lines[0].startswith(("import", "//"))):
        lines.pop(0)
    return "\n".join(lines)


def altair_widget_source() -> tuple[str, str, str]:
    """Return altair's widget source (imports stripped), its sha256, vl-convert's vl_version."""
    import importlib.util

    from altair.utils._importers import vl_version_for_vl_convert

    # The file altair's JupyterChart loads, read without importing the widget (and
    # anywidget, which the build environment lacks).
    altair_spec = importlib.util.find_spec("altair")
    assert altair_spec is not None and altair_spec.submodule_search_locations is not None
    index = Path(next(iter(altair_spec.submodule_search_locations))) / "jupyter/js/index.js"
    source = strip_imports(index.read_text(encoding="utf-8"))
    digest = hashlib.sha256(source.encode()).hexdigest()
    return source, digest, vl_version_for_vl_convert()


def write_bundle(directory: Path = BUNDLE_DIR) -> dict[str, Any]:
    """Build the bundle with vl-convert and write it, with its versions, into ``directory``.

    Returns the recorded versions. Needs altair and vl-convert-python (a build step: the
    kit's kernels never call this).
    """
    import vl_convert as vlc

    source, digest, vl_version = altair_widget_source()
    bundle = vlc.javascript_bundle(source, vl_version=vl_version)
    info = {
        "altair": metadata.version("altair"),
        "altair_widget_sha256": digest,
        "vl_convert": metadata.version("vl-convert-python"),
        "vega": vlc.get_vega_version(),
        "vega_embed": vlc.get_vega_embed_version(),
        "vega_lite": vl_version,
        "bundle_sha256": hashlib.sha256(bundle.encode()).hexdigest(),
    }
    directory.mkdir(parents=True, exist_ok=True)
    (directory / BUNDLE_JS.name).write_text(bundle, encoding="utf-8")
    (directory / BUNDLE_INFO.name).write_text(
        json.dumps(info, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    return info


def read_bundle(directory: Path = BUNDLE_DIR) -> tuple[str, dict[str, Any]]:
    """Return the shipped bundle and its recorded versions, checked against altair.

    Raises
    ------
    BundleError
        If the files are missing, damaged, or were made for another altair widget source
        or Vega-Lite version.
    """
    js, info_path = directory / BUNDLE_JS.name, directory / BUNDLE_INFO.name
    rebuild = (
        "Reinstall the kit to rebuild it (`pip install -e .` in a checkout, or "
        "`python3 kit.py lab`)."
    )
    if not js.is_file() or not info_path.is_file():
        raise BundleError(f"the kit's offline chart JavaScript is missing ({js}). {rebuild}")
    info: dict[str, Any] = json.loads(info_path.read_text(encoding="utf-8"))
    bundle = js.read_text(encoding="utf-8")
    if hashlib.sha256(bundle.encode()).hexdigest() != info.get("bundle_sha256"):
        raise BundleError(f"the kit's offline chart JavaScript is damaged ({js}). {rebuild}")
    _, digest, vl_version = altair_widget_source()
    if info.get("altair_widget_sha256") != digest or info.get("vega_lite") != vl_version:
        raise BundleError(
            f"the kit's offline chart JavaScript was built for altair {info.get('altair')} "
            f"(Vega-Lite {info.get('vega_lite')}); this environment has altair "
            f"{metadata.version('altair')} (Vega-Lite {vl_version}). {rebuild}"
        )
    return bundle, info


_SHARED = """\
// alliance_widgets: altair's JupyterChart front end, evaluated once per page.
// anywidget imports a widget's module for every chart and gives up after two seconds
// (its model then drops all later updates); this module is small, and the large one it
// wraps is compiled once and shared by every chart on the page.
const KEY = "__alliance_widgets_jupyter_chart_%(digest)s";
const SOURCE = %(source)s;

function shared() {
  let loading = globalThis[KEY];
  if (loading === undefined) {
    const url = URL.createObjectURL(new Blob([SOURCE], { type: "text/javascript" }));
    loading = import(url).finally(() => URL.revokeObjectURL(url));
    // A failed load is not kept: the next chart tries again.
    loading.catch(() => { delete globalThis[KEY]; });
    globalThis[KEY] = loading;
  }
  return loading;
}

export default {
  async render(context) {
    const widget = (await shared()).default;
    return widget.render(context);
  },
};
"""


def shared_module(bundle: str) -> str:
    """The ES module a chart widget loads: ``bundle``, evaluated once per page and shared.

    ``bundle`` is an ES module whose default export has ``render`` (altair's widget); the
    result has the same default export. It is keyed by the bundle's hash, so two kits
    (or two versions) on one page never share the wrong code.

    Examples
    --------
    >>> module = shared_module("export default { render() {} };")
    >>> '"export default { render() {} };"' in module, "globalThis[KEY]" in module
    (True, True)
    """
    digest = hashlib.sha256(bundle.encode()).hexdigest()[:16]
    # A JSON string is a JavaScript string literal (U+2028/9 included, since ES2019).
    return _SHARED % {"digest": digest, "source": json.dumps(bundle)}
