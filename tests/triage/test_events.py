"""Actions event payloads -> typed triggers, checked on every real webhook example."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import InputError
from bot.issue.event import (
    CommentCommand,
    Ignored,
    IssueTriage,
    PullClosed,
    Scheduled,
    is_bot,
    load_event_file,
    parse_event,
)
from tests.conftest import FIXTURES

WEBHOOKS = FIXTURES / "github" / "webhooks"
EXAMPLES = sorted(WEBHOOKS.glob("*.json"))

# What each real example must become: file -> (trigger type, fields to check).
EXPECTED: dict[str, tuple[type, dict[str, object]]] = {
    "issues.opened.1.json": (IssueTriage, {"number": 1, "action": "opened", "labels": ("bug",)}),
    "issues.opened.2.json": (IssueTriage, {"number": 1, "body": ""}),  # body=null
    "issues.opened.3.json": (IssueTriage, {"number": 1, "author_login": "Codertocat"}),
    "issues.opened.4.json": (IssueTriage, {"number": 1, "author_type": "User"}),
    "issues.edited.1.json": (
        IssueTriage,
        {"action": "edited", "title": "Spelling error in the README file"},
    ),
    "issues.edited.2.json": (IssueTriage, {"action": "edited"}),
    "issues.edited.3.json": (IssueTriage, {"action": "edited"}),
    "issues.labeled.1.json": (Ignored, {"reason": "issues.labeled is not handled"}),
    "issues.labeled.2.json": (Ignored, {"reason": "issues.labeled is not handled"}),
    "issue_comment.created.1.json": (
        CommentCommand,
        {
            "issue_number": 1,
            "comment_id": 492700400,
            "author_login": "Codertocat",
            "author_type": "User",
            "author_association": "OWNER",
            "is_pull_request": False,
            "issue_author_login": "Codertocat",
            "issue_labels": ("bug",),
        },
    ),
    "issue_comment.created.2.json": (CommentCommand, {"issue_number": 1}),
    "issue_comment.created.3.json": (CommentCommand, {"issue_number": 1}),
    "issue_comment.created.4.json": (CommentCommand, {"issue_number": 1}),
    "issue_comment.created.5.json": (CommentCommand, {"issue_number": 1}),
    "issue_comment.edited.1.json": (Ignored, {"reason": "issue_comment.edited is not handled"}),
    "issue_comment.edited.2.json": (Ignored, {"reason": "issue_comment.edited is not handled"}),
    "pull_request.closed.1.json": (
        PullClosed,
        {"number": 2, "merged": False, "head_ref": "changes"},
    ),
    "pull_request.closed.2.json": (
        PullClosed,
        {"number": 2, "merged": False, "head_ref": "changes"},
    ),
    "workflow_dispatch.1.json": (Scheduled, {"event": "workflow_dispatch"}),
    "workflow_dispatch.2.json": (Scheduled, {"event": "workflow_dispatch"}),
}


def test_every_example_has_an_expectation():
    assert {p.name for p in EXAMPLES} == set(EXPECTED)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_real_payload(path: Path):
    name = path.name.split(".", 1)[0]  # the X-GitHub-Event is the file-name prefix
    kind, fields = EXPECTED[path.name]
    trigger = parse_event(name, load_event_file(path))
    assert type(trigger) is kind
    for field, value in fields.items():
        assert getattr(trigger, field) == value, field


@pytest.mark.parametrize(
    "path",
    [p for p in EXAMPLES if p.name.startswith("issue_comment.created")],
    ids=lambda p: p.name,
)
def test_real_comment_by_a_bot_is_ignored(path: Path):
    payload = load_event_file(path)
    payload["comment"]["user"]["type"] = "Bot"
    assert isinstance(parse_event("issue_comment", payload), Ignored)


def _comment(login: str = "alice", user_type: str = "User", **extra: object) -> dict[str, object]:
    return {
        "action": "created",
        "issue": {"number": 5, **extra},
        "comment": {"id": 9, "body": "/accept", "user": {"login": login, "type": user_type}},
    }


@pytest.mark.parametrize(
    ("payload", "bot_login", "ignored"),
    [
        pytest.param(_comment(), None, False, id="person"),
        pytest.param(_comment("github-actions[bot]", "Bot"), None, True, id="actions-bot"),
        pytest.param(_comment("survey-bot[bot]", "User"), None, True, id="login-suffix"),
        pytest.param(_comment("renovate", "Bot"), None, True, id="type-bot"),
        pytest.param(_comment("Survey-Helper"), "survey-helper", True, id="own-pat-account"),
        pytest.param(_comment("alice"), "survey-helper", False, id="other-than-own"),
    ],
)
def test_bot_comments_are_ignored(payload, bot_login, ignored):
    assert (
        isinstance(parse_event("issue_comment", payload, bot_login=bot_login), Ignored) is ignored
    )


@pytest.mark.parametrize(
    ("name", "payload", "expected"),
    [
        pytest.param(
            "issues",
            {"action": "opened", "issue": {"number": 3}},
            IssueTriage(3, "", "", "", "", (), "opened"),
            id="minimal-issue",
        ),
        pytest.param(
            "issues",
            {"action": "reopened", "issue": {"number": 3, "labels": ["x", {"name": "y"}]}},
            IssueTriage(3, "", "", "", "", ("x", "y"), "reopened"),
            id="label-strings",
        ),
        pytest.param(
            "issues",
            {"action": "opened"},
            Ignored("issues.opened payload has no issue number"),
            id="no-issue",
        ),
        pytest.param(
            "issues",
            {"action": "opened", "issue": {"number": "3"}},
            Ignored("issues.opened payload has no issue number"),
            id="number-as-text",
        ),
        pytest.param(
            "issues",
            {
                "action": "closed",
                "issue": {"number": 3, "state": "closed", "user": {"login": "r"}},
                "sender": {"login": "r"},
            },
            IssueTriage(3, "", "", "r", "", (), "closed", open=False, sender_login="r"),
            id="closed",  # a reader closing their issue must not drop an accepted paper
        ),
        pytest.param(
            "issues",
            {"action": "locked", "issue": {"number": 3}},
            Ignored("issues.locked is not handled"),
            id="locked",
        ),
        pytest.param("issues", {}, Ignored("issues.(no action) is not handled"), id="no-action"),
        pytest.param(
            "issue_comment",
            {"action": "created", "issue": {"number": 4}, "comment": {}},
            Ignored("issue_comment.created payload has no issue number or comment id"),
            id="comment-without-id",
        ),
        pytest.param(
            "issue_comment",
            {"action": "deleted"},
            Ignored("issue_comment.deleted is not handled"),
            id="comment-deleted",
        ),
        pytest.param(
            "issue_comment",
            {
                "action": "created",
                "issue": {"number": 4, "pull_request": {"url": "u"}, "state": "closed"},
                "comment": {"id": 1, "user": {"login": "m"}, "author_association": "member"},
            },
            CommentCommand(4, 1, "", "m", "", "MEMBER", True, "", (), False),
            id="comment-on-pr",
        ),
        pytest.param(
            "pull_request",
            {
                "action": "closed",
                "number": 8,
                "pull_request": {"merged_at": "2024-01-01T00:00:00Z"},
            },
            PullClosed(8, True, ""),
            id="merged-at-only",
        ),
        pytest.param(
            "pull_request",
            {
                "action": "closed",
                "pull_request": {
                    "number": 8,
                    "merged": True,
                    "head": {"ref": "survey-bot/updates"},
                },
            },
            PullClosed(8, True, "survey-bot/updates"),
            id="merged",
        ),
        pytest.param(
            "pull_request",
            {"action": "opened", "number": 8},
            Ignored("pull_request.opened is not handled"),
            id="pr-opened",
        ),
        pytest.param("schedule", {"schedule": "0 6 * * 1"}, Scheduled("schedule"), id="schedule"),
        pytest.param("push", {}, Ignored("event 'push' is not handled"), id="push"),
        pytest.param("issues", [], Ignored("issues payload is not an object"), id="not-an-object"),
    ],
)
def test_payload_table(name, payload, expected):
    assert parse_event(name, payload) == expected


def test_is_bot_on_odd_users():
    assert not is_bot(None)
    assert not is_bot({"login": None})
    assert is_bot({"login": "dependabot[bot]"})


def test_load_event_file_replaces_invalid_utf8(tmp_path: Path):
    path = tmp_path / "event.json"
    path.write_bytes(b'{"action": "opened", "issue": {"number": 1, "title": "caf\xe9"}}')
    payload = load_event_file(path)
    assert payload["issue"]["title"] == "caf\ufffd"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(b"{not json", "is not valid JSON (line 1, column 2", id="broken"),
        pytest.param(b"", "is not valid JSON", id="empty"),
        pytest.param(b"[1, 2]", "holds a JSON list, not an object", id="list"),
    ],
)
def test_load_event_file_errors(tmp_path: Path, content: bytes, message: str):
    path = tmp_path / "event.json"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message.replace("(", r"\(")):
        load_event_file(path)


def test_load_event_file_missing(tmp_path: Path):
    with pytest.raises(InputError, match="cannot read the event file"):
        load_event_file(tmp_path / "nope.json")
