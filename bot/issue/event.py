"""GitHub Actions event payload -> one typed trigger, or ``Ignored(reason)``.

The first step of every run: ``GITHUB_EVENT_NAME`` and the JSON file at
``GITHUB_EVENT_PATH`` become a small frozen record the rest of the bot can match
on. Payloads are read defensively: older payloads lack fields the current
webhook schemas call required, so only the fields a trigger needs are read, and
a missing one yields ``Ignored`` (or an empty default), never a crash.

Comments written by bots (``user.type == "Bot"`` or a login ending in
``[bot]``), and by the bot's own login when it runs under a personal token, are
ignored so the bot never answers itself.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.errors import InputError

TRIAGE_ACTIONS = frozenset({"opened", "edited", "reopened", "closed"})
SCHEDULED_EVENTS = frozenset({"schedule", "workflow_dispatch"})


@dataclass(frozen=True)
class IssueTriage:
    """An issue was opened, edited or reopened: check the papers it suggests. Or it was
    closed: an accepted paper must not be dropped silently."""

    number: int
    title: str
    body: str
    author_login: str
    author_type: str
    labels: tuple[str, ...]
    action: str
    open: bool = True
    sender_login: str = ""  # who opened, edited, reopened or closed it


@dataclass(frozen=True)
class CommentCommand:
    """A person commented on an issue (or pull request): look for slash commands."""

    issue_number: int
    comment_id: int
    body: str
    author_login: str
    author_type: str
    author_association: str  # informative only: never proof of permission
    is_pull_request: bool
    issue_author_login: str = ""
    issue_labels: tuple[str, ...] = ()
    issue_open: bool = True


@dataclass(frozen=True)
class Scheduled:
    """A ``schedule`` or ``workflow_dispatch`` run: batch accepted papers into one PR."""

    event: str = "schedule"


@dataclass(frozen=True)
class PullClosed:
    """A pull request was closed; when ``merged`` and from the batch branch, thank readers."""

    number: int
    merged: bool
    head_ref: str


@dataclass(frozen=True)
class Ignored:
    """An event the bot has nothing to do for, and why (for the log)."""

    reason: str


Trigger = IssueTriage | CommentCommand | Scheduled | PullClosed


def load_event_file(path: str | Path) -> dict[str, Any]:
    """The event payload at ``path`` (``GITHUB_EVENT_PATH``) as a dict.

    Invalid UTF-8 is decoded with replacement characters; a missing file or
    text that is not a JSON object is an ``InputError`` naming the file.
    """
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8", errors="replace")
    except OSError as exc:
        raise InputError(f"cannot read the event file {path}: {exc.strerror or exc}") from exc
    try:
        payload = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"the event file {path} is not valid JSON "
            f"(line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from exc
    if not isinstance(payload, dict):
        raise InputError(
            f"the event file {path} holds a JSON {type(payload).__name__}, "
            "not an object: is GITHUB_EVENT_PATH a webhook payload?"
        )
    return payload


def parse_event(
    name: str, payload: dict[str, Any], bot_login: str | None = None
) -> Trigger | Ignored:
    """Turn one Actions event into a trigger; ``bot_login`` also ignores a non-App bot account."""
    if not isinstance(payload, dict):
        return Ignored(f"{name} payload is not an object")
    action = _text(payload.get("action"))
    if name == "issues":
        return _issue_event(payload, action)
    if name == "issue_comment":
        return _comment_event(payload, action, bot_login)
    if name in SCHEDULED_EVENTS:
        return Scheduled(event=name)
    if name in {"pull_request", "pull_request_target"}:
        return _pull_event(payload, action, name)
    return Ignored(f"event {name or '(none)'!r} is not handled")


def is_bot(user: object, bot_login: str | None = None) -> bool:
    """Whether a payload ``user`` object is a bot, or the bot's own account."""
    if not isinstance(user, dict):
        return False
    login = _text(user.get("login"))
    if _text(user.get("type")).lower() == "bot" or login.lower().endswith("[bot]"):
        return True
    return bool(bot_login) and login.lower() == str(bot_login).lower()


def _issue_event(payload: dict[str, Any], action: str) -> IssueTriage | Ignored:
    if action not in TRIAGE_ACTIONS:
        return Ignored(f"issues.{action or '(no action)'} is not handled")
    issue = _object(payload.get("issue"))
    number = _number(issue.get("number"))
    if number is None:
        return Ignored(f"issues.{action} payload has no issue number")
    if "pull_request" in issue:
        return Ignored(f"issues.{action} #{number} is a pull request")
    user = _object(issue.get("user"))
    return IssueTriage(
        number=number,
        title=_text(issue.get("title")),
        body=_text(issue.get("body")),
        author_login=_text(user.get("login")),
        author_type=_text(user.get("type")),
        labels=_labels(issue.get("labels")),
        action=action,
        open=_text(issue.get("state")).lower() != "closed",
        sender_login=_text(_object(payload.get("sender")).get("login")),
    )


def _comment_event(
    payload: dict[str, Any], action: str, bot_login: str | None
) -> CommentCommand | Ignored:
    if action != "created":
        return Ignored(f"issue_comment.{action or '(no action)'} is not handled")
    comment = _object(payload.get("comment"))
    issue = _object(payload.get("issue"))
    user = _object(comment.get("user"))
    if is_bot(user, bot_login):
        return Ignored(f"comment by bot {_text(user.get('login')) or '(unknown)'}")
    number = _number(issue.get("number"))
    comment_id = _number(comment.get("id"))
    if number is None or comment_id is None:
        return Ignored("issue_comment.created payload has no issue number or comment id")
    return CommentCommand(
        issue_number=number,
        comment_id=comment_id,
        body=_text(comment.get("body")),
        author_login=_text(user.get("login")),
        author_type=_text(user.get("type")),
        author_association=_text(comment.get("author_association")).upper(),
        is_pull_request=bool(issue.get("pull_request")),
        issue_author_login=_text(_object(issue.get("user")).get("login")),
        issue_labels=_labels(issue.get("labels")),
        issue_open=_text(issue.get("state")).lower() != "closed",
    )


def _pull_event(payload: dict[str, Any], action: str, name: str) -> PullClosed | Ignored:
    if action != "closed":
        return Ignored(f"{name}.{action or '(no action)'} is not handled")
    pull = _object(payload.get("pull_request"))
    number = _number(pull.get("number"))
    if number is None:
        number = _number(payload.get("number"))
    if number is None:
        return Ignored(f"{name}.closed payload has no pull request number")
    merged = pull.get("merged")
    if merged is None:  # some payloads only carry merged_at
        merged = bool(pull.get("merged_at"))
    return PullClosed(
        number=number,
        merged=bool(merged),
        head_ref=_text(_object(pull.get("head")).get("ref")),
    )


def _object(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _number(value: object) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value


def _labels(value: object) -> tuple[str, ...]:
    """Label names from a list of label objects (or bare names, as some tools send)."""
    if not isinstance(value, list):
        return ()
    names = (_text(item.get("name")) if isinstance(item, dict) else _text(item) for item in value)
    return tuple(name for name in names if name)
