"""Hatch build hook: bundle altair's offline chart JavaScript once, into the package.

Runs when a wheel or an editable install is built (``pip install .``, ``pip install -e .``,
``python3 kit.py lab``). It calls vl-convert (a build requirement, see pyproject.toml) to
bundle vega, vega-lite and vega-embed with altair's ``JupyterChart`` front end, and writes
``alliance_widgets/charts/_offline/jupyter_chart.js`` with the versions it was made from
(``jupyter_chart.json``). The files are generated, so git ignores them; the wheel ships
them as artifacts. Kernels then read the file instead of running vl-convert each
(alliance_widgets/charts/offline_js.py explains the check made when it is read).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

ROOT = Path(__file__).resolve().parent
MODULE = ROOT / "alliance_widgets" / "charts" / "offline_js.py"


def _offline_js() -> Any:
    # By path: the package itself (and its dependencies) need not import here.
    spec = importlib.util.spec_from_file_location("_kit_offline_js", MODULE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


class OfflineChartsHook(BuildHookInterface):  # type: ignore[misc]
    """Write the offline chart bundle before the wheel's files are collected."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Build the bundle (wheel and editable builds) and ship it as an artifact."""
        if self.target_name != "wheel":
            return
        offline_js = _offline_js()
        try:
            info = offline_js.write_bundle()
        except ImportError as exc:
            raise RuntimeError(
                "Building alliance_widgets needs altair and vl-convert-python in the build "
                "environment (they are in pyproject.toml's [build-system] requires); "
                f"{exc}"
            ) from exc
        self.app.display_info(
            f"alliance_widgets: offline chart JavaScript built with vl-convert "
            f"{info['vl_convert']} (vega {info['vega']}, vega-embed {info['vega_embed']}, "
            f"Vega-Lite {info['vega_lite']}) for altair {info['altair']}"
        )
        rel = offline_js.BUNDLE_DIR.relative_to(ROOT).as_posix()
        build_data["artifacts"].extend([f"/{rel}/*.js", f"/{rel}/*.json"])
