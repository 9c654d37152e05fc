"""The ``survey-bot`` command line: parse arguments, run one subcommand, map errors.

This is the edge where a ``SurveyBotError`` becomes one clear line on stderr and
exit code 2; nothing below it prints errors or exits.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from bot import __version__
from bot.errors import SurveyBotError

# Subcommand modules in bot/cli/, in the order --help lists them.
SUBCOMMANDS = ("refs", "check", "intake", "add", "init", "run", "batch")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="survey-bot",
        description="Keep a living literature survey up to date from reader suggestions.",
    )
    parser.add_argument("--version", action="version", version=f"survey-bot {__version__}")
    sub = parser.add_subparsers(dest="subcommand", metavar="COMMAND", required=True)
    for name in SUBCOMMANDS:
        module = importlib.import_module(f"bot.cli.{name}")
        subcommand = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.configure(subcommand)
        subcommand.set_defaults(handler=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args))
    except SurveyBotError as exc:
        print(f"survey-bot: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
