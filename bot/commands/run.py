"""``survey-bot run``: the GitHub Actions entry point.

Reads the Actions environment once (``bot.actions.read_env``), the event
payload and the survey's config, builds the adapters (GitHub, metadata,
reference index) and hands the event to its handler (``bot.app``); scheduled
and manual runs go to the batch (``bot.batch``). Output is Actions-native:
``::warning::`` for papers that could not be identified and reference entries
that could not be read, one ``::error::`` line for a failure, and a Markdown
job summary.

Exit codes: 0 when the event was handled (or had nothing for the bot), 1 when
GitHub refused or kept failing, 2 for bad configuration or input.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from bot.errors import GitHubError, SurveyBotError

if TYPE_CHECKING:
    from bot.actions import ActionsEnv, Output
    from bot.app import Report
    from bot.config import Config
    from bot.events import CommentCommand, IssueTriage
    from bot.github import GitHubPort, PyGithubPort

NAME = "run"
HELP = "GitHub Actions entry point: triage an issue or run a maintainer's commands."
MAX_SKIPPED_SHOWN = 10  # unreadable reference entries warned about one by one


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="read GitHub, but only print the comments, labels and reactions it would write",
    )
    parser.add_argument(
        "--offline", action="store_true", help="use cached paper metadata only (no lookups)"
    )


def run(args: argparse.Namespace) -> int:
    import os
    from pathlib import Path

    from bot.actions import Output, read_env
    from bot.escaping import markdown

    out = Output(write=lambda line: print(line, flush=True))
    try:
        env = read_env(os.environ, Path.cwd())
        out.summary_path = env.step_summary
        return _run(args, env, out)
    except SurveyBotError as exc:
        message = " ".join(str(exc).split())
        out.error(message)
        out.summary(f"### survey-bot failed\n\n{markdown(message)}")
        return 1 if isinstance(exc, GitHubError) else 2
    except Exception as exc:  # a bug: say so in the job's annotations, keep the traceback
        out.error(f"survey-bot crashed: {type(exc).__name__}: {' '.join(str(exc).split())}")
        raise


def _run(args: argparse.Namespace, env: ActionsEnv, out: Output) -> int:
    from bot.config import load_config
    from bot.events import (
        CommentCommand,
        Ignored,
        IssueTriage,
        Scheduled,
        load_event_file,
        parse_event,
    )

    payload = load_event_file(env.event_path)
    trigger = parse_event(env.event_name, payload, env.bot_login)
    if isinstance(trigger, Ignored):
        out.info(f"survey-bot: nothing to do: {trigger.reason}")
        out.summary(f"### survey-bot: nothing to do\n\n{_escaped(trigger.reason)}")
        return 0
    if not isinstance(trigger, (IssueTriage, CommentCommand, Scheduled)):
        # Merged batch pull requests are followed up by the next batch run.
        out.info(f"survey-bot: {env.event_name} is followed up by `survey-bot batch`")
        return 0
    config = load_config(env.workspace)
    port = _connect(env)
    try:
        if isinstance(trigger, Scheduled):
            return _batch(args, env, config, port, out)
        writer: GitHubPort = port
        if args.dry_run:
            from bot.github import DryRunPort

            writer = DryRunPort(reads=port, bot_login=env.bot_login, echo=out.info)
        report = _handle(args, trigger, payload, env, config, writer, out)
    finally:
        port.close()
    for line in report.actions:
        out.info(f"survey-bot: {line}")
    for note in report.notes:
        out.info(f"survey-bot: {note}")
    for warning in report.warnings:
        out.warning(warning)
    out.summary(report.markdown())
    return 0


def _handle(
    args: argparse.Namespace,
    trigger: IssueTriage | CommentCommand,
    payload: dict[str, object],
    env: ActionsEnv,
    config: Config,
    port: GitHubPort,
    out: Output,
) -> Report:
    from bot.app import handle_comment, handle_issue
    from bot.events import IssueTriage, parse_event
    from bot.matching import ReferenceIndex
    from bot.metadata import build_resolver
    from bot.survey import survey_references

    references = survey_references(config)
    for skipped in references.skipped[:MAX_SKIPPED_SHOWN]:
        out.warning(f"reference entry skipped: {skipped.what}: {skipped.why}")
    if len(references.skipped) > MAX_SKIPPED_SHOWN:
        more = len(references.skipped) - MAX_SKIPPED_SHOWN
        out.warning(f"{more} more reference entries skipped (run `survey-bot refs` to list them)")
    index = ReferenceIndex.build(references.references)
    with build_resolver(config, offline=args.offline, base_urls=env.metadata_urls) as resolver:
        if isinstance(trigger, IssueTriage):
            return handle_issue(trigger, port, config, resolver, index, env.bot_login)
        # The comment payload's issue, read like an edited issue: what /recheck triages.
        as_issue = parse_event("issues", {"action": "edited", "issue": payload.get("issue")})
        issue = as_issue if isinstance(as_issue, IssueTriage) else None
        return handle_comment(trigger, port, config, resolver, index, env.bot_login, issue)


def _batch(
    args: argparse.Namespace, env: ActionsEnv, config: Config, port: GitHubPort, out: Output
) -> int:
    from bot.batch import run_batch

    outcome = run_batch(
        config,
        port,
        env.workspace,
        bot_login=env.bot_login,
        token=env.token,
        server_url=env.server_url,
        dry_run=args.dry_run,
    )
    for line in outcome.summary.splitlines():
        out.info(f"survey-bot: {line}")
    out.summary(
        "### survey-bot: batch\n\n"
        + "\n".join(f"- {_escaped(x)}" for x in outcome.summary.splitlines())
    )
    return 0


def _connect(env: ActionsEnv) -> PyGithubPort:
    """The GitHub adapter, throttled and bounded as the environment says."""
    from bot.github import DEFAULT_SECONDS_BETWEEN_REQUESTS, DEFAULT_SECONDS_BETWEEN_WRITES, connect

    def pick(value: float | None, default: float | None) -> float | None:
        return default if value is None else value

    return connect(
        env.token,
        env.repository,
        env.api_url,
        seconds_between_requests=pick(
            env.seconds_between_requests, DEFAULT_SECONDS_BETWEEN_REQUESTS
        ),
        seconds_between_writes=pick(env.seconds_between_writes, DEFAULT_SECONDS_BETWEEN_WRITES),
        max_wait=env.max_retry_wait,
        backoff=min(1.0, env.max_retry_wait),
    )


def _escaped(text: str) -> str:
    from bot.escaping import markdown

    return markdown(text)
