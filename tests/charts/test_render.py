"""Offline chart rendering: the kit's renderer, stable SVGs, and no CDN anywhere."""

from __future__ import annotations

import html
import re

import altair as alt
import pandas as pd
import pytest

from alliance_widgets.charts import render


def _chart(clip: bool = True) -> alt.Chart:
    df = pd.DataFrame({"session": [1, 2, 3], "alliance": [3.2, 2.4, 3.9]})
    return (
        alt.Chart(df)
        .mark_line(clip=clip)
        .encode(x="session:Q", y="alliance:Q")
        .properties(title="A V shape", description="Alliance dips at session 2 and recovers.")
    )


def test_static_bundle_has_svg_and_summary() -> None:
    bundle = render.static_bundle(_chart())
    assert bundle["text/plain"] == "A V shape — Alliance dips at session 2 and recovers."
    assert bundle["image/svg+xml"].startswith("<svg")
    # vega writes the description into the SVG as its accessible name
    assert (
        "<title>A V shape — Alliance dips at session 2 and recovers.</title>"
        in bundle["image/svg+xml"]
    )
    assert bundle["image/svg+xml"].count("aria-label=") >= 1


def test_svg_bytes_are_stable_across_calls() -> None:
    # vega's clip-path counter runs on between calls; the kit renumbers per SVG
    first, second = render.chart_svg(_chart()), render.chart_svg(_chart())
    assert first == second
    assert re.search(r'id="clip1"', first)


def test_chart_text_without_title() -> None:
    assert render.chart_text({}) == "Chart (no title or description given)."
    assert render.chart_text({"title": {"text": "T"}}) == "T"


def test_renderer_outside_a_kernel_is_static(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(render, "in_kernel", lambda: False)
    bundle = render.kit_renderer(_chart().to_dict())
    assert set(bundle) == {"image/svg+xml", "text/plain"}


def test_renderer_in_a_kernel_adds_the_offline_widget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(render, "in_kernel", lambda: True)
    bundle = render.kit_renderer(_chart().to_dict())
    assert set(bundle) == {"image/svg+xml", "text/plain", render.WIDGET_VIEW_MIMETYPE}
    # The widget's JavaScript is bundled locally, not imported from a CDN.
    assert alt.JupyterChart._is_offline
    esm = str(alt.JupyterChart._esm)
    assert not re.search(r"""import[^;]*?from\s*["']https?://""", esm)
    assert "cdn.jsdelivr" not in esm


def test_the_chart_module_anywidget_loads_is_small(monkeypatch: pytest.MonkeyPatch) -> None:
    # anywidget gives a chart's module two seconds to load (tests/browser/
    # test_slow_page_chart.py): the module is a few lines of code, the bundle inside it one
    # string literal that the page evaluates once.
    monkeypatch.setattr(render, "in_kernel", lambda: True)
    assert render.enable_offline_widgets() == "shipped"
    code, sep, literal = str(alt.JupyterChart._esm).partition("const SOURCE = ")
    assert sep and literal.startswith('"') and len(literal) > 100_000
    assert len(code) < 2_000, code


def test_enable_offline_charts_sets_renderer_and_theme() -> None:
    render.enable_offline_charts()
    render.enable_offline_charts()  # idempotent
    assert alt.renderers.active == render.RENDERER_NAME
    assert alt.theme.active == "alliance_widgets"


def test_no_url_in_the_rendered_svg() -> None:
    svg = render.chart_svg(_chart())
    assert "http://" not in svg.replace("http://www.w3.org", "")
    assert "https://" not in svg


def test_an_explorers_static_svg_carries_its_summary_as_a_text_alternative() -> None:
    from alliance_widgets.charts.render import chart_text
    from alliance_widgets.widgets import AllianceOutcomeExplorer

    explorer = AllianceOutcomeExplorer()
    svg = explorer._repr_mimebundle_()["image/svg+xml"]
    assert svg.startswith("<svg") and 'role="img"' in svg
    label = html.escape(chart_text(explorer.spec), quote=True)
    assert f'aria-label="{label}"' in svg
    assert f"<title>{label}</title>" in svg
