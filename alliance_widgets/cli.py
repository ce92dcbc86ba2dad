"""``alliance-kit``: the kit's command line.

Each subcommand lives in its own module (``alliance_widgets.tools``, or
``alliance_widgets.datasets.build``) and is imported only when called, so
``alliance-kit --help`` answers at once. ``lessons`` is a maintainer's tool that the
wheel leaves out: it needs a checkout.

Examples
--------
>>> build_parser().parse_args(["datasets", "verify"]).command
'datasets'
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

__all__ = ["build_parser", "main"]

# subcommand -> (module with a ``main(argv) -> int``, one-line help)
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "datasets": (
        "alliance_widgets.datasets.build",
        "regenerate ('build') or check ('verify') the shipped datasets",
    ),
    "lessons": (
        "alliance_widgets.tools.lessons_build",
        "build the learner and solution notebooks from lessons/src, or check them",
    ),
    "present": (
        "alliance_widgets.tools.present",
        "serve the widget gallery with Voilà (code hidden, offline) for workshops",
    ),
    "export": (
        "alliance_widgets.tools.export",
        "export lessons to offline HTML pages (no CDN, every chart drawn)",
    ),
    "assign": (
        "alliance_widgets.tools.assign",
        "turn lessons into otter-grader assignments (student, autograder, solutions)",
    ),
    "doctor": ("alliance_widgets.checkup", "report on this environment and what to fix"),
}
# Subcommands whose modules the wheel leaves out (see pyproject.toml): they work on a
# checkout's lessons/src with the test extras installed.
CHECKOUT_ONLY = frozenset({"lessons", "assign"})


def build_parser() -> argparse.ArgumentParser:
    """Return the top-level parser; subcommand arguments are parsed by their modules."""
    parser = argparse.ArgumentParser(
        prog="alliance-kit",
        description="Tools for the alliance_widgets teaching kit.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (_, help_text) in SUBCOMMANDS.items():
        p = sub.add_parser(name, help=help_text, add_help=False)
        p.add_argument("rest", nargs=argparse.REMAINDER)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``alliance-kit``; return the process exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    # argparse's REMAINDER rejects options that come first ("present --port 9000"), so a
    # known subcommand gets the rest of the line as it is; argparse handles the others.
    if argv and argv[0] in SUBCOMMANDS:
        command, rest = argv[0], argv[1:]
    else:
        args = build_parser().parse_args(argv)
        command, rest = args.command, list(args.rest)
    try:
        module = importlib.import_module(SUBCOMMANDS[command][0])
    except ModuleNotFoundError as err:
        if command not in CHECKOUT_ONLY or err.name != SUBCOMMANDS[command][0]:
            raise
        print(
            f"alliance-kit {command} is a maintainer's tool: it needs a checkout of the kit "
            "(lessons/src) installed with `python3 kit.py` (an editable install), not the wheel.",
            file=sys.stderr,
        )
        return 2
    code: int = module.main(rest)
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
