"""``survey-bot batch``: rebuild the bot's pull request of accepted papers (see ``bot.batch``).

Runs in the scheduled workflow and locally. GitHub is reached with
``SURVEY_BOT_TOKEN`` or ``GITHUB_TOKEN`` for ``GITHUB_REPOSITORY`` at
``GITHUB_API_URL``; the bot's login (to find its own comments) is
``SURVEY_BOT_LOGIN``, else ``github-actions[bot]``. The token also authenticates
the push, only in the environment of the git processes.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from bot.errors import InputError

NAME = "batch"
HELP = "Rebuild the pull request that adds every accepted paper (scheduled runs)."

ACTIONS_BOT_LOGIN = "github-actions[bot]"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--repo", default=".", metavar="DIR", help="the survey's git clone (default: .)"
    )
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="build the commit and print the diff and the writes, but push and write nothing",
    )


def run(args: argparse.Namespace) -> int:
    from bot.batch import run_batch
    from bot.config import load_config
    from bot.github import DEFAULT_BASE_URL, connect

    environ = os.environ
    token = environ.get("SURVEY_BOT_TOKEN") or environ.get("GITHUB_TOKEN") or ""
    repository = environ.get("GITHUB_REPOSITORY") or ""
    if not token or not repository:
        raise InputError(
            "set GITHUB_TOKEN (or SURVEY_BOT_TOKEN) and GITHUB_REPOSITORY (owner/name) "
            "so that survey-bot batch can read the issues and open the pull request"
        )
    config = load_config(Path(args.repo))
    port = connect(token, repository, environ.get("GITHUB_API_URL") or DEFAULT_BASE_URL)
    try:
        outcome = run_batch(
            config,
            port,
            args.repo,
            bot_login=environ.get("SURVEY_BOT_LOGIN") or ACTIONS_BOT_LOGIN,
            token=token,
            server_url=environ.get("GITHUB_SERVER_URL") or "https://github.com",
            dry_run=args.dry_run,
        )
    finally:
        port.close()
    print(outcome.summary)
    if args.dry_run and outcome.diff:
        print(outcome.diff, end="")
    return 0
