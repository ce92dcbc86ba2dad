from __future__ import annotations

import pytest

from alliance_widgets import checkup as doc


def test_report_on_this_environment_passes() -> None:
    report = doc.doctor()
    assert report.ok, str(report)
    assert report.verdict == "All checks passed: the kit is ready."
    names = [c.name for c in report.checks]
    assert names == [
        "Python",
        "Packages",
        "Frontend",
        "Widget frontend",
        "Kernel start",
        "Offline charts",
    ]
    assert "altair" in report.versions


def test_a_failed_check_says_what_to_do(monkeypatch: pytest.MonkeyPatch) -> None:
    real = doc._version
    monkeypatch.setattr(doc, "_version", lambda d: None if d == "anywidget" else real(d))
    report = doc.doctor()
    assert not report.ok
    assert report.verdict == "1 check(s) need attention: Packages."
    text = str(report)
    assert "[FIX] Packages: missing: anywidget" in text
    assert "python3 kit.py lab" in text
    assert "⚠️" in report._repr_markdown_()


def test_missing_widget_extension_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    real = doc._version
    monkeypatch.setattr(doc, "_version", lambda d: None if d == "jupyterlab_widgets" else real(d))
    monkeypatch.setattr(doc, "detect_frontend", lambda: "JupyterLab or Notebook 7")
    check = next(c for c in doc.doctor().checks if c.name == "Widget frontend")
    assert not check.ok and "restart JupyterLab" in check.fix


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"COLAB_RELEASE_TAG": "x"}, "Google Colab"),
        ({"VSCODE_PID": "1"}, "VS Code"),
        ({"JUPYTERHUB_API_TOKEN": "t"}, "JupyterHub (JupyterLab or Notebook 7)"),
        ({"JPY_SESSION_NAME": "a.ipynb"}, "JupyterLab or Notebook 7"),
    ],
)
def test_detect_frontend(env: dict[str, str], expected: str) -> None:
    assert doc.detect_frontend(env) == expected


def test_cli_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    assert doc.main([]) == 0
    assert "All checks passed" in capsys.readouterr().out
    assert doc.main(["--help"]) == 0


def test_slow_jsonschema_is_reported_with_the_fix() -> None:
    slow = doc._check_kernel_start("4.26.0", "1.1.0")
    # A slower start is not a broken kit: the check passes but says what a hub admin can do.
    assert slow.ok and "jsonschema<4.25" in slow.detail and "4.26.0" in slow.detail
    # Either half alone costs nothing: 4.24 never imports the grammars, and without the
    # package newer jsonschema skips them.
    for fast in (
        doc._check_kernel_start("4.24.1", "1.1.0"),
        doc._check_kernel_start("4.26.0", None),
    ):
        assert fast.ok and "nothing extra" in fast.detail
