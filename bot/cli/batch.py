"""``survey-bot batch``: rebuild the bot's pull request of accepted papers (see ``bot.batch.run``).

Runs in the scheduled workflow and locally; ``survey-bot run`` on a ``schedule``
or ``workflow_dispatch`` event does the same through ``run_scheduled``. The
environment is read once by ``bot.cli.actions.read_env``, with the same rules as
``survey-bot run``:
``GITHUB_TOKEN`` for the issues (thank-you comments, closing), ``SURVEY_BOT_TOKEN``
(when set) for the push and the pull request, for ``GITHUB_REPOSITORY`` at
``GITHUB_API_URL``, paced by ``SURVEY_BOT_SECONDS_BETWEEN_*`` and bounded by
``SURVEY_BOT_MAX_RETRY_WAIT``. The push token reaches git only in the
environment of its own processes.

Output is Actions-native, like ``run``: one log line per thing done, a
``::warning::`` per accepted paper left out of the pull request, a Markdown job
summary (``GITHUB_STEP_SUMMARY``) and one ``::error::`` line for a failure.
Exit codes: 0 when done, 1 when GitHub or git refused or kept failing, 2 for
bad configuration or input.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.batch.run import BatchOutcome
    from bot.cli.actions import ActionsEnv, Output
    from bot.config import Config
    from bot.github.port import GitHubPort


def configure(parser: argparse.ArgumentParser) -> None:
    parser.epilog = (
        "Reads the same environment as `survey-bot run`, except the event: GITHUB_REPOSITORY "
        "(owner/name), GITHUB_TOKEN (issues), SURVEY_BOT_TOKEN (the push and the pull "
        "request, so that CI runs on it; alone, it needs SURVEY_BOT_LOGIN), "
        "SURVEY_BOT_STATE_KEY; "
        "optional: GITHUB_WORKSPACE, GITHUB_API_URL, GITHUB_SERVER_URL (for the push), "
        "GITHUB_STEP_SUMMARY, SURVEY_BOT_MAX_RETRY_WAIT, SURVEY_BOT_SECONDS_BETWEEN_*. "
        "Exit codes: 0 done, 1 GitHub or git refused or kept failing, "
        "2 bad configuration, input or environment."
    )
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

    from bot.cli.actions import run_in_actions

    def batch(env: ActionsEnv, out: Output) -> int:
        repo = Path(args.repo) if args.repo else env.workspace
        return run_scheduled(env, out, repo, dry_run=args.dry_run)

    return run_in_actions("survey-bot batch", batch, os.environ, Path.cwd(), needs_event=False)


def run_scheduled(env: ActionsEnv, out: Output, repo: Path, *, dry_run: bool) -> int:
    """One batch in the clone ``repo``, reported; also ``survey-bot run`` on a schedule.

    Both commands go through here so that a scheduled ``run`` and ``batch``
    connect, report (a warning per paper left out) and print a dry run's diff alike.
    """
    from bot.batch.run import run_batch
    from bot.cli.actions import connect_port
    from bot.config import load_config
    from bot.render import Renderer

    config = load_config(repo)
    port = connect_port(env)
    pulls = connect_port(env, pulls=True) if env.push_token else port
    try:
        outcome = run_batch(
            config,
            port,
            repo,
            renderer=Renderer.for_config(config),
            bot_login=env.bot_login,
            token=env.pull_token,
            server_url=env.server_url,
            dry_run=dry_run,
            seal=env.seal(),
            pulls=pulls,
        )
        if config.dashboard.enabled:
            outcome = _with_dashboard(config, port, repo, outcome, env, dry_run)
    finally:
        port.close()
        pulls.close()
    report(outcome, out)
    if dry_run and outcome.diff:
        out.write(outcome.diff.rstrip("\n"))
    return 0


def _with_dashboard(
    config: Config,
    port: GitHubPort,
    repo: Path,
    outcome: BatchOutcome,
    env: ActionsEnv,
    dry_run: bool,
) -> BatchOutcome:
    """The dashboard rebuilt after the batch (``bot.dashboard.rebuild``), its notes added."""
    from dataclasses import replace

    from bot.dashboard.rebuild import rebuild_after_batch
    from bot.github.dryrun import DryRunPort
    from bot.render import Renderer

    recorder = DryRunPort(reads=port) if dry_run else None
    notes = rebuild_after_batch(
        config,
        recorder or port,
        str(repo),
        outcome,
        renderer=Renderer.for_config(config),
        bot_login=env.bot_login,
        seal=env.seal(),
    )
    would = tuple(str(action) for action in recorder.actions) if recorder else ()
    return replace(outcome, notes=(*outcome.notes, *notes, *would))


def report(outcome: BatchOutcome, out: Output) -> None:
    """The outcome as log lines, a warning per paper left out, and the job summary."""
    from bot.text.escaping import markdown

    lines = outcome.summary.splitlines()
    for line in lines:
        out.info(f"survey-bot: {line}")
    for line in outcome.not_included:
        out.warning(f"accepted paper not included: {line}")
    out.summary("### survey-bot: batch\n\n" + "\n".join(f"- {markdown(x)}" for x in lines))
