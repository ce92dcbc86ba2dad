from __future__ import annotations

import subprocess
import sys

import pytest

from alliance_widgets import cli


def test_help_lists_every_subcommand() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "alliance_widgets.cli", "--help"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for name in cli.SUBCOMMANDS:
        assert name in out


def test_unknown_subcommand_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        cli.main(["frobnicate"])
    assert exc.value.code == 2
    assert "invalid choice: 'frobnicate'" in capsys.readouterr().err


def test_every_subcommand_module_has_main() -> None:
    import importlib

    for module, _ in cli.SUBCOMMANDS.values():
        assert callable(importlib.import_module(module).main), module


def test_doctor_runs_through_the_cli(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["doctor"]) == 0
    assert "alliance_widgets doctor" in capsys.readouterr().out


def test_a_checkout_only_command_left_out_of_the_wheel_says_so(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The wheel leaves lessons_build out (pyproject.toml); simulate that install.
    missing = "alliance_widgets.tools._not_in_this_install"
    monkeypatch.setitem(cli.SUBCOMMANDS, "lessons", (missing, "build lessons"))
    assert cli.main(["lessons", "check"]) == 2
    assert "needs a checkout" in capsys.readouterr().err
