"""``survey-bot batch``: rebuild the bot's pull request of accepted papers (see ``bot.batch``).

Runs in the scheduled workflow and locally. The environment is read once by
``bot.actions.read_env``, with the same rules as ``survey-bot run``:
``SURVEY_BOT_TOKEN`` (which needs ``SURVEY_BOT_LOGIN``) wins over
``GITHUB_TOKEN``, for ``GITHUB_REPOSITORY`` at ``GITHUB_API_URL``, throttled by
``SURVEY_BOT_SECONDS_BETWEEN_*`` and bounded by ``SURVEY_BOT_MAX_RETRY_WAIT``.
The token also authenticates the push, only in the environment of the git
processes.

Output is Actions-native, like ``run``: one log line per thing done, a
``::warning::`` per accepted paper left out of the pull request, a Markdown job
summary (``GITHUB_STEP_SUMMARY``) and one ``::error::`` line for a failure.
Exit codes: 0 when done, 1 when GitHub or git refused or kept failing, 2 for
bad configuration or input.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from bot.errors import SurveyBotError

if TYPE_CHECKING:
    from bot.actions import ActionsEnv, Output
    from bot.batch import BatchOutcome

NAME = "batch"
HELP = "Rebuild the pull request that adds every accepted paper (scheduled runs)."


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--repo",
        metavar="DIR",
        help="the survey's git clone (default: $GITHUB_WORKSPACE, else the current directory)",
    )
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="build the commit and print the diff and the writes, but push and write nothing",
    )


def run(args: argparse.Namespace) -> int:
    import os
    from pathlib import Path

    from bot.actions import Output, read_env, report_failure

    out = Output(write=lambda line: print(line, flush=True))
    try:
        env = read_env(os.environ, Path.cwd(), needs_event=False)
        out.summary_path = env.step_summary
        outcome = _batch(args, env)
    except SurveyBotError as exc:
        return report_failure(out, exc, "survey-bot batch")
    except Exception as exc:  # a bug: say so in the job's annotations, keep the traceback
        out.error(f"survey-bot crashed: {type(exc).__name__}: {' '.join(str(exc).split())}")
        raise
    report(outcome, out)
    if args.dry_run and outcome.diff:
        print(outcome.diff, end="")
    return 0


def _batch(args: argparse.Namespace, env: ActionsEnv) -> BatchOutcome:
    from pathlib import Path

    from bot.batch import run_batch
    from bot.commands.run import _connect
    from bot.config import load_config

    repo = Path(args.repo) if args.repo else env.workspace
    config = load_config(repo)
    port = _connect(env)
    try:
        return run_batch(
            config,
            port,
            repo,
            bot_login=env.bot_login,
            token=env.token,
            server_url=env.server_url,
            dry_run=args.dry_run,
        )
    finally:
        port.close()


def report(outcome: BatchOutcome, out: Output) -> None:
    """The outcome as log lines, a warning per paper left out, and the job summary."""
    from bot.escaping import markdown

    lines = outcome.summary.splitlines()
    for line in lines:
        out.info(f"survey-bot: {line}")
    for line in outcome.not_included:
        out.warning(f"accepted paper not included: {line}")
    out.summary("### survey-bot: batch\n\n" + "\n".join(f"- {markdown(x)}" for x in lines))
