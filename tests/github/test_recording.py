"""The recording port answers the bot's calls as the real adapter does against the fake GitHub.

The in-process handler tests (``tests/run/``, :class:`run_harness.World`) trust
:class:`sandbox.recording.RecordingPort` to stand in for GitHub; here one
sequence of port calls runs against it and against the PyGithub adapter talking
to :class:`sandbox.FakeGitHub`, and everything the bot can read back must agree.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from bot.errors import GitHubError
from bot.github.port import GitHubPort
from sandbox.recording import RecordingPort
from sandbox.testing import port_for, running_fake_github

BOT = "survey-bot[bot]"
ISSUE = ("Add our paper", "arXiv:2308.09662")
COMMENT = "Please also cite v2"


@pytest.fixture(params=["pygithub", "recording"])
def seeded(request: pytest.FixtureRequest) -> Iterator[tuple[GitHubPort, int]]:
    """A port onto issue #1 by alice (labelled ``paper``) with her comment; the comment's id."""
    if request.param == "recording":
        recording = RecordingPort(BOT)
        recording.add_user("alice")
        recording.add_user("mo", permission="maintain")
        recording.add_issue(1, *ISSUE, author="alice", labels=["paper"])
        yield recording, recording.add_comment(1, COMMENT, user="alice").id
        return
    with running_fake_github(bot_login=BOT) as fake:
        fake.add_user("alice", "Alice Liddell")
        fake.add_user("mo", "Mo", permission="maintain")
        fake.add_issue(*ISSUE, user="alice", labels=["paper"])
        comment = fake.add_comment(1, COMMENT, user="alice")
        with port_for(fake) as port:
            yield port, comment["id"]


def observe(port: GitHubPort, number: int = 1) -> dict[str, Any]:
    issue = port.issue(number)
    return {
        "issue": (issue.title, issue.body, issue.author, sorted(issue.labels), issue.state),
        "comments": [(c.body, c.author, c.author_type) for c in port.issue_comments(number)],
        "open": [i.number for i in port.open_issues("PAPER")],
    }


def test_the_bots_calls_read_back_alike(seeded: tuple[GitHubPort, int]) -> None:
    port, comment_id = seeded
    assert [port.permission(login) for login in ("mo", "alice", "ghost")] == [
        "maintain",
        "read",  # a public repository
        "none",  # no such user
    ]

    posted = port.create_comment(1, "Thanks! <!-- survey-bot:triage -->")
    assert (posted.author, posted.author_type) == (BOT, "Bot")
    assert port.edit_comment(posted.id, "Updated").body == "Updated"
    stale = port.create_comment(1, "a copy")
    port.delete_comment(stale.id)
    port.delete_comment(stale.id)  # already gone: no error
    port.add_labels(1, ["triaged", "paper"])
    port.remove_label(1, "never-there")
    port.react_to_comment(comment_id, "+1")
    port.react_to_comment(comment_id, "+1")  # one per user and content
    with pytest.raises(GitHubError):
        port.react_to_comment(comment_id, "thumbs-up")
    assert observe(port) == {
        "issue": (*ISSUE, "alice", ["paper", "triaged"], "open"),
        "comments": [(COMMENT, "alice", "User"), ("Updated", BOT, "Bot")],
        "open": [1],
    }

    port.edit_issue(1, state="closed", reason="not_planned")
    assert port.issue(1).state == "closed" and port.open_issues("paper") == []
    port.edit_issue(1, state="open", labels=["paper"])
    assert port.issue(1).state == "open" and port.issue(1).labels == ("paper",)
    [ours] = [c for c in port.issue_comments(1) if c.author == BOT]
    assert port.comment(ours.id) == ours and port.comment(ours.id + 100) is None
    assert [c.body for c in port.comments_of([1], "2000-01-01T00:00:00Z")[1]] == [
        COMMENT,
        "Updated",
    ]
