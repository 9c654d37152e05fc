"""An ``issues`` event on the dashboard itself: ticks to run, or nothing for the bot.

The dashboard is an issue like any other to GitHub, so its events arrive as
``issues.opened`` and ``issues.edited``; they must never be triaged as a
reader's suggestion. An edit by a person may tick boxes (``publish.handle_ticks``);
the bot's own edits, and every other action, need nothing.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from bot.dashboard.model import is_dashboard
from bot.dashboard.publish import handle_ticks
from bot.issue.event import is_bot
from bot.issue.report import Report

if TYPE_CHECKING:
    from bot.config import Config
    from bot.github.port import GitHubPort
    from bot.issue.event import IssueTriage
    from bot.issue.provenance import Seal
    from bot.render import Renderer


def is_dashboard_event(trigger: IssueTriage, payload: dict[str, Any], bot_login: str) -> bool:
    """Whether an ``issues`` event is about the dashboard: its body, or the body before an
    edit that emptied it, is the bot's dashboard."""
    if is_dashboard(trigger.body, trigger.author_login, bot_login):
        return True
    return is_dashboard(_previous_body(payload), trigger.author_login, bot_login)


def _previous_body(payload: dict[str, Any]) -> str | None:
    """``changes.body.from``: the body before an ``issues.edited`` edit, when it changed."""
    changes = payload.get("changes")
    old = changes.get("body") if isinstance(changes, dict) else None
    before = old.get("from") if isinstance(old, dict) else None
    return before if isinstance(before, str) else None


def handle_dashboard_event(
    trigger: IssueTriage,
    payload: dict[str, Any],
    config: Config,
    port: GitHubPort,
    renderer: Renderer,
    bot_login: str,
    seal: Seal | None = None,
) -> Report:
    """Run the ticks of an edit of the dashboard by ``payload``'s sender."""
    report = Report(f"dashboard #{trigger.number} {trigger.action}")
    sender = payload.get("sender")
    if trigger.action != "edited" or is_bot(sender, bot_login) or not isinstance(sender, dict):
        report.notes.append("nothing to do on the dashboard for this event")
        return report
    if not config.dashboard.enabled:
        report.notes.append("the dashboard is turned off in the configuration")
        return report
    login = sender.get("login")
    outcome = handle_ticks(
        port,
        config,
        renderer,
        bot_login,
        number=trigger.number,
        sender=login if isinstance(login, str) else "",
        body=trigger.body,
        before=_previous_body(payload),
        today=dt.date.today(),
        seal=seal,
    )
    report.actions.extend(f"accepted a paper of #{n} (ticked)" for n in outcome.accepted)
    report.actions.extend(f"undid the tick {key}" for key in outcome.undone)
    report.notes.extend(outcome.notes)
    return report
