"""A learner's kernel stays light: no V8, no per-kernel bundling, no side effects on import.

Issue 11: the offline chart JavaScript is shipped with the package (checked against the
installed altair), a learner's kernel never loads vl-convert, static SVGs appear only when
the lesson builder or nbval ask for them, and the rupture-rate calibration comes from a
stored table that holds exactly what the computation gives. Issue 16 (7): one kernel
detection, and importing the kit outside a kernel changes nothing in altair.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from alliance_widgets import _kernel
from alliance_widgets.charts import offline_js, render

ROOT = Path(__file__).resolve().parents[1]
STATIC = _kernel.STATIC_SVG_ENV


def _python(code: str) -> str:
    """Run ``code`` in a fresh interpreter (nothing imported yet); return its stdout."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.strip()


# ---------------------------------------------------------------- import


def test_import_outside_a_kernel_loads_no_altair_and_changes_nothing() -> None:
    out = _python(
        "import sys, alliance_widgets\n"
        "print(sorted(m for m in ('altair', 'vl_convert', 'ipywidgets', 'pandas') "
        "if m in sys.modules))"
    )
    assert out == "[]"


def test_one_kernel_detection() -> None:
    import alliance_widgets.checkup as checkup

    assert render.in_kernel is _kernel.in_kernel
    source = "\n".join(
        p.read_text() for p in (ROOT / "alliance_widgets").rglob("*.py") if p.name != "_kernel.py"
    )
    # Nobody else asks IPython whether it is a kernel.
    assert 'getattr(shell, "kernel"' not in source
    assert checkup.detect_frontend({}) == "plain Python (no notebook)"


def test_static_svg_switch_rejects_other_values() -> None:
    with pytest.raises(ValueError, match=r"ALLIANCE_WIDGETS_STATIC_SVG must be '1'.*'yes'"):
        _kernel.static_svg_wanted({STATIC: "yes"})


# ---------------------------------------------------------------- the shipped bundle


def test_shipped_bundle_is_read_and_used_without_vl_convert() -> None:
    out = _python(
        "import sys, altair as alt\n"
        "from alliance_widgets.charts.render import enable_offline_widgets\n"
        "source = enable_offline_widgets()\n"
        "print(source, alt.JupyterChart._is_offline, 'vl_convert' in sys.modules, "
        "'vega' in alt.JupyterChart._esm[:100000])"
    )
    assert out == "shipped True False True"


def test_bundle_records_its_versions() -> None:
    bundle, info = offline_js.read_bundle()
    assert {"altair", "vl_convert", "vega", "vega_embed", "vega_lite"} <= set(info)
    assert len(bundle) > 100_000
    # Nothing in the bundle is fetched: altair's CDN imports were stripped before bundling.
    assert "esm.sh" not in bundle


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "_offline"
    shutil.copytree(offline_js.BUNDLE_DIR, target)
    return target


def test_missing_bundle_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(offline_js.BundleError, match=r"missing.*Reinstall the kit"):
        offline_js.read_bundle(tmp_path)


def test_damaged_bundle_is_refused(tmp_path: Path) -> None:
    target = _copy(tmp_path)
    js = target / offline_js.BUNDLE_JS.name
    js.write_text(js.read_text() + "\n// edited")
    with pytest.raises(offline_js.BundleError, match="damaged"):
        offline_js.read_bundle(target)


def test_bundle_for_another_altair_is_refused(tmp_path: Path) -> None:
    target = _copy(tmp_path)
    path = target / offline_js.BUNDLE_INFO.name
    info = json.loads(path.read_text())
    info.update(altair="5.0.0", altair_widget_sha256="0" * 64)
    path.write_text(json.dumps(info))
    with pytest.raises(offline_js.BundleError, match=r"built for altair 5\.0\.0"):
        offline_js.read_bundle(target)


def test_build_step_writes_what_altair_would_build(tmp_path: Path) -> None:
    info = offline_js.write_bundle(tmp_path)
    bundle, read_info = offline_js.read_bundle(tmp_path)
    assert read_info == info
    assert bundle == offline_js.read_bundle()[0]


# ---------------------------------------------------------------- where SVGs are made


def test_displayed_explorer_has_no_svg_unless_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    import alliance_widgets as aw

    explorer = aw.BordinExplorer()
    monkeypatch.delenv(STATIC, raising=False)
    assert "image/svg+xml" not in explorer._repr_mimebundle_()
    assert set(render.kit_renderer(explorer.spec)) == {"text/plain"}
    monkeypatch.setenv(STATIC, "1")
    bundle = explorer._repr_mimebundle_()
    assert bundle["image/svg+xml"].startswith("<svg")
    assert bundle["text/plain"] == explorer.text()


def test_a_learners_kernel_never_loads_vl_convert(tmp_path: Path) -> None:
    """In a real kernel: explorers display without V8; a snapshot is drawn out of process."""
    import os

    from jupyter_client import KernelManager

    env = {k: v for k, v in os.environ.items() if k != STATIC}
    km = KernelManager(kernel_name="python3")
    km.kernel_cmd = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    km.start_kernel(cwd=str(tmp_path), env=env)
    kc = km.client()
    try:
        kc.start_channels()
        kc.wait_for_ready(timeout=120)
        code = (
            "import gc, sys, alliance_widgets as aw\n"
            # The import pauses the collector and freezes what it made; it must leave the
            # collector on.
            "print(gc.isenabled(), gc.get_freeze_count() > 50_000)\n"
            "from alliance_widgets.charts import static_bundle\n"
            "e = aw.RuptureRepairExplorer()\n"
            "display(e)\n"
            "e.rupture_rate = 0.4\n"
            "snapshot = static_bundle(e.spec)\n"
            "print('vl_convert' in sys.modules, snapshot['image/svg+xml'][:4])"
        )
        reply = kc.execute_interactive(code, timeout=300, output_hook=_collect)
        assert reply["content"]["status"] == "ok", reply["content"]
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    shown = [m for m in _seen if m["msg_type"] == "display_data"]
    assert shown and all("image/svg+xml" not in m["content"]["data"] for m in shown)
    assert any(render.WIDGET_VIEW_MIMETYPE in m["content"]["data"] for m in shown)
    printed = "".join(m["content"].get("text", "") for m in _seen if m["msg_type"] == "stream")
    assert printed.split() == ["True", "True", "False", "<svg"]


_seen: list[dict] = []


def _collect(msg: dict) -> None:
    _seen.append(msg)


# ---------------------------------------------------------------- calibration table


def test_calibration_table_holds_exactly_what_the_computation_gives() -> None:
    from alliance_widgets.science import calibration_table as table
    from alliance_widgets.science.simulate_model import _calibrate_exact, calibrate_measurement
    from alliance_widgets.science.simulate_params import DEFAULT_PARAMS as P

    targets = (P["item_alpha"], P["r_goals_tasks"], P["r_bond_others"])
    assert table.TABLE_PATH.is_file(), "run python -m alliance_widgets.science.calibration_table"
    # Two grid points off the defaults (the generator's own defaults feed the datasets,
    # whose bytes `alliance-kit datasets verify` checks).
    for rupture, repair in ((0.45, 0.3), (0.05, 0.95)):
        stored = table.stored_calibration((*targets, rupture, repair))
        assert stored is not None
        calibrate_measurement.cache_clear()
        assert calibrate_measurement(*targets, rupture, repair) == _calibrate_exact(
            *targets, rupture, repair
        )


def test_calibration_table_covers_the_slider_grid_and_only_it() -> None:
    from alliance_widgets.science import calibration_table as table
    from alliance_widgets.science.simulate_params import DEFAULT_PARAMS as P

    targets = (P["item_alpha"], P["r_goals_tasks"], P["r_bond_others"])
    for rupture in table.GRID_RUPTURE:
        for repair in table.GRID_REPAIR:
            assert table.stored_calibration((*targets, rupture, repair)) is not None
    # A browser slider's 0.35000000000000003 is the grid's 0.35; other values are computed.
    assert table.stored_calibration((*targets, 0.1 * 3.5, 0.7)) is not None
    assert table.stored_calibration((*targets, 0.33, 0.7)) is None
    assert table.stored_calibration((0.9, *targets[1:], 0.35, 0.7)) is None


# ---------------------------------------------------------------- the collector


def test_settle_heap_freezes_once_per_occasion_and_only_in_a_kernel(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import gc

    monkeypatch.setattr(_kernel, "_settled", set())
    assert _kernel.settle_heap("Explorer") is False  # a script or a test: nothing changes
    assert gc.get_freeze_count() == 0
    monkeypatch.setattr(_kernel, "in_kernel", lambda: True)
    try:
        assert _kernel.settle_heap("Explorer") is True
        assert gc.get_freeze_count() > 0
        assert _kernel.settle_heap("Explorer") is False  # once per occasion
    finally:
        gc.unfreeze()
