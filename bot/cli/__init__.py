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

# The subcommands and their one-line summaries, in the order --help lists them. Each is
# the module bot.cli.<name>, with ``configure(parser)`` and ``run(args)``; only the one
# that runs is imported, so that ``survey-bot --help`` and every command start fast.
SUBCOMMANDS: dict[str, str] = {
    "refs": "List the references read from .bib, .bbl, .txt or .md files (default: configured).",
    "check": "Check papers against the survey's references: already cited, new, or ambiguous.",
    "intake": "List the papers an issue suggests (from a title and body, or a webhook payload).",
    "add": "Add a paper to the survey's files in a local working tree (BibTeX, list, log, thanks).",
    "init": "Write a commented starter .github/survey-bot.yml for a survey repository.",
    "run": "GitHub Actions entry point: triage an issue or run a maintainer's commands.",
    "batch": "Rebuild the pull request that adds every accepted paper (scheduled runs).",
    "audit": "Check the survey's own list: duplicates, conflicts, numbering, broken entries.",
}


def build_parser(argv: Sequence[str]) -> argparse.ArgumentParser:
    """The parser for ``argv``: the subcommand ``argv`` names configured, and the others
    listed unless it comes first (then only it is ever read)."""
    parser = argparse.ArgumentParser(
        prog="survey-bot",
        description="Keep a living literature survey up to date from reader suggestions.",
    )
    parser.add_argument("--version", action="version", version=f"survey-bot {__version__}")
    sub = parser.add_subparsers(dest="subcommand", metavar="COMMAND", required=True)
    # The top level has only flags, so the first other argument names the subcommand.
    chosen = next((arg for arg in argv if not arg.startswith("-")), None)
    # Named first, a subcommand is handed every other argument: no other subcommand's
    # parser is read (each costs three gettext look-ups and a help action). Anything
    # before it (--help, a stray flag) may need the whole list.
    alone = bool(argv) and argv[0] == chosen and chosen in SUBCOMMANDS
    for name, summary in SUBCOMMANDS.items():
        if alone and name != chosen:
            continue
        subcommand = sub.add_parser(name, help=summary, description=summary)
        if name == chosen:
            module = importlib.import_module(f"bot.cli.{name}")
            module.configure(subcommand)
            subcommand.set_defaults(handler=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args))
    except SurveyBotError as exc:
        print(f"survey-bot: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
