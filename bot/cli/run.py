"""``survey-bot run``: the GitHub Actions entry point.

Reads the Actions environment once (``bot.cli.actions.read_env``), the event
payload and the survey's config, builds the adapters (GitHub, metadata,
reference index) and hands the event to its handler (``bot.issue.handler``); scheduled
and manual runs go to the batch exactly as ``survey-bot batch`` runs it
(``bot.cli.batch.run_scheduled``). Errors become output in one place,
``bot.cli.actions.run_in_actions``. Output is Actions-native:
``::warning::`` for papers that could not be identified and reference entries
that could not be read, one ``::error::`` line for a failure, and a Markdown
job summary.

Exit codes: 0 when the event was handled (or had nothing for the bot), 1 when
GitHub or git refused or kept failing, 2 for bad configuration or input.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

    from bot.cli.actions import ActionsEnv, Output
    from bot.config import Config
    from bot.github.port import GitHubPort
    from bot.issue.event import CommentCommand, IssueTriage
    from bot.issue.provenance import Seal
    from bot.issue.report import Report

MAX_SKIPPED_SHOWN = 10  # unreadable reference entries warned about one by one


def configure(parser: argparse.ArgumentParser) -> None:
    parser.epilog = (
        "Reads the workflow's environment: GITHUB_EVENT_NAME and GITHUB_EVENT_PATH (the event), "
        "GITHUB_REPOSITORY (owner/name), GITHUB_TOKEN (SURVEY_BOT_LOGIN: the login it comments "
        "as, when not github-actions[bot]); optional: SURVEY_BOT_STATE_KEY, GITHUB_WORKSPACE, "
        "GITHUB_API_URL, GITHUB_STEP_SUMMARY, SURVEY_BOT_MAX_RETRY_WAIT, "
        "SURVEY_BOT_SECONDS_BETWEEN_REQUESTS, SURVEY_BOT_SECONDS_BETWEEN_WRITES. "
        "Exit codes: 0 handled (or nothing to do), 1 GitHub or git refused or kept failing, "
        "2 bad configuration, input or environment."
    )
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

    from bot.cli.actions import run_in_actions

    return run_in_actions(
        "survey-bot", lambda env, out: _run(args, env, out), os.environ, Path.cwd()
    )


def _run(args: argparse.Namespace, env: ActionsEnv, out: Output) -> int:
    from bot.cli.actions import connect_port
    from bot.cli.batch import run_scheduled
    from bot.config import load_config
    from bot.issue.event import (
        CommentCommand,
        Ignored,
        IssueTriage,
        Scheduled,
        load_event_file,
        parse_event,
    )
    from bot.text.escaping import markdown

    payload = load_event_file(env.event_path)
    trigger = parse_event(env.event_name, payload, env.bot_login)
    if isinstance(trigger, Ignored):
        out.info(f"survey-bot: nothing to do: {trigger.reason}")
        out.summary(f"### survey-bot: nothing to do\n\n{markdown(trigger.reason)}")
        return 0
    if isinstance(trigger, Scheduled):
        return run_scheduled(env, out, env.workspace, dry_run=args.dry_run)
    if not isinstance(trigger, (IssueTriage, CommentCommand)):
        # Merged batch pull requests are followed up by the next batch run.
        out.info(f"survey-bot: {env.event_name} is followed up by `survey-bot batch`")
        return 0
    config = load_config(env.workspace)
    port = connect_port(env)
    try:
        writer: GitHubPort = port
        if args.dry_run:
            from bot.github.dryrun import DryRunPort

            writer = DryRunPort(reads=port, bot_login=env.bot_login, echo=out.info)
        report = handle_event(
            trigger,
            payload,
            config,
            writer,
            out,
            bot_login=env.bot_login,
            offline=args.offline,
            metadata_urls=env.metadata_urls,
            seal=env.seal(),
        )
    finally:
        port.close()
    show(report, out)
    return 0


def handle_event(
    trigger: IssueTriage | CommentCommand,
    payload: dict[str, object],
    config: Config,
    port: GitHubPort,
    out: Output,
    *,
    bot_login: str,
    offline: bool,
    metadata_urls: Mapping[str, str],
    seal: Seal | None = None,
) -> Report:
    """Handle an issue or comment event through ``port``, as every run does.

    Builds what the handler works with, once: the survey's reference index
    (unreadable entries are warned about on ``out``), the renderer with the
    survey's template overrides, and the metadata resolver (``offline``: cached
    records only; ``metadata_urls``: other service URLs, for tests and the demo).
    """
    from bot.assess import survey_references
    from bot.dashboard.event import handle_dashboard_event, is_dashboard_event
    from bot.issue.event import CommentCommand, IssueTriage, parse_event
    from bot.issue.handler import Services, handle_comment, handle_issue
    from bot.issue.report import Report
    from bot.matching import ReferenceIndex
    from bot.metadata import build_resolver
    from bot.render import Renderer

    renderer = Renderer.for_config(config)
    if isinstance(trigger, IssueTriage) and is_dashboard_event(trigger, payload, bot_login):
        return handle_dashboard_event(trigger, payload, config, port, renderer, bot_login, seal)
    if isinstance(trigger, CommentCommand) and _on_dashboard(payload, bot_login):
        report = Report(f"a comment on the dashboard #{trigger.issue_number}")
        report.notes.append("the dashboard takes ticks, not commands: nothing to do")
        return report
    references = survey_references(config)
    for skipped in references.skipped[:MAX_SKIPPED_SHOWN]:
        out.warning(f"reference entry skipped: {skipped.what}: {skipped.why}")
    if len(references.skipped) > MAX_SKIPPED_SHOWN:
        more = len(references.skipped) - MAX_SKIPPED_SHOWN
        out.warning(f"{more} more reference entries skipped (run `survey-bot refs` to list them)")
    index = ReferenceIndex.build(references.references)
    with build_resolver(config, offline=offline, base_urls=metadata_urls) as resolver:
        services = Services(port, config, renderer, resolver, index, bot_login, seal)
        if isinstance(trigger, IssueTriage):
            return handle_issue(trigger, services)
        # The comment payload's issue, read like an edited issue: what /recheck triages.
        as_issue = parse_event("issues", {"action": "edited", "issue": payload.get("issue")})
        issue = as_issue if isinstance(as_issue, IssueTriage) else None
        return handle_comment(trigger, services, issue)


def _on_dashboard(payload: Mapping[str, object], bot_login: str) -> bool:
    """Whether an ``issue_comment`` payload's issue is the bot's dashboard."""
    from bot.dashboard.model import is_dashboard

    issue = payload.get("issue")
    if not isinstance(issue, dict):
        return False
    user = issue.get("user")
    author = user.get("login") if isinstance(user, dict) else None
    return is_dashboard(issue.get("body"), author if isinstance(author, str) else "", bot_login)


def show(report: Report, out: Output) -> None:
    """The report as log lines, one annotation per warning, and the job summary."""
    for line in report.actions:
        out.info(f"survey-bot: {line}")
    for note in report.notes:
        out.info(f"survey-bot: {note}")
    for warning in report.warnings:
        out.warning(warning)
    out.summary(report.markdown())
