"""Which command comments a run handles for runs GitHub dropped, and how the state records it."""

from __future__ import annotations

import base64
import json

import pytest

from bot.github.port import Comment
from bot.issue.decisions import missed_commands
from bot.issue.state import TriageState, decode_state, encode_state

BOT = "github-actions[bot]"
EVENT = 50  # the id of the comment whose event the run received


def comment(id: int, body: str = "/accept 1", author: str = "maint", kind: str = "User") -> Comment:
    return Comment(id=id, body=body, author=author, author_type=kind)


@pytest.mark.parametrize(
    ("handled_up_to", "comments", "missed"),
    [
        (None, [comment(10), comment(20)], []),  # no record (older bot): history is not replayed
        (0, [comment(10), comment(20)], [10, 20]),  # a new issue: nothing handled yet
        (10, [comment(10), comment(20)], [20]),
        (20, [comment(10), comment(20)], []),
        (0, [comment(30), comment(20)], [20, 30]),  # oldest first, whatever the listing order
        (0, [comment(EVENT), comment(60)], []),  # the event's own, and later ones, are not missed
        (0, [comment(20, "thanks, great paper!")], []),  # no command
        (0, [comment(20, "see:\n```\n/accept 1\n```")], []),  # quoted code is no command
        (0, [comment(20, author=BOT)], []),  # the bot itself
        (0, [comment(20, author=BOT.upper())], []),
        (0, [comment(20, author="other-app[bot]", kind="Bot")], []),
        (0, [comment(20, author="stranger")], [20]),  # refused again by the same rules
    ],
    ids=[
        "no-record",
        "new-issue",
        "newer-than-record",
        "all-recorded",
        "oldest-first",
        "not-older-than-event",
        "no-command",
        "fenced",
        "bot",
        "bot-any-case",
        "other-bot",
        "stranger",
    ],
)
def test_missed_commands(handled_up_to, comments, missed):
    state = TriageState(handled_up_to=handled_up_to)

    found = missed_commands(comments, state, EVENT, BOT)

    assert [c.id for c, _ in found] == missed
    assert all(commands for _, commands in found)


def test_a_triage_run_counts_every_comment():
    """An ``issues`` event has no comment of its own: ``before`` is None."""
    state = TriageState(handled_up_to=10)
    comments = [comment(60), comment(10), comment(EVENT), comment(70, author=BOT)]

    assert [c.id for c, _ in missed_commands(comments, state, None, BOT)] == [EVENT, 60]


def test_no_bot_comment_means_nothing_missed():
    assert missed_commands([comment(10)], None, EVENT, BOT) == []


@pytest.mark.parametrize(
    ("handled_up_to", "comment_id", "handled"),
    [(None, 1, False), (0, 1, False), (5, 4, True), (5, 5, True), (5, 6, False)],
)
def test_handled(handled_up_to, comment_id, handled):
    assert TriageState(handled_up_to=handled_up_to).handled(comment_id) is handled


def test_the_record_round_trips():
    state = TriageState(handled_up_to=4_000_000_001)

    assert decode_state(encode_state(state)) == (state, None)


def test_a_state_without_the_record_reads_as_one_that_knows_nothing():
    old = {
        "v": 1,
        "papers": [],
        "omitted": 0,
        "reader": None,
        "rejected": False,
        "rejected_reason": None,
        "extra_thanks": [],
        "thanked_in": None,
    }
    raw = json.dumps(old, sort_keys=True, separators=(",", ":")).encode()
    line = f"<!-- survey-bot:data {base64.urlsafe_b64encode(raw).decode().rstrip('=')} -->"

    decoded = decode_state(line)

    assert decoded == (TriageState(), None)
    assert decoded.state.handled_up_to is None
    # "thanked_in" (one pull request for all /thank names) became per-name "thanked".
    assert "thanked" not in json.loads(
        base64.urlsafe_b64decode(encode_state(decoded.state).split()[2] + "==")
    )


def test_a_malformed_record_is_refused_like_any_corrupt_data():
    raw = json.dumps({"v": 1, "handled_up_to": "12"}).encode()
    line = f"<!-- survey-bot:data {base64.urlsafe_b64encode(raw).decode()} -->"

    decoded = decode_state(line)

    assert decoded.state == TriageState()
    assert decoded.warning is not None and "handled_up_to" in decoded.warning
