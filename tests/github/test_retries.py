"""Transient failures: retried within bounds, and never a duplicate comment or PR."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest

from bot.errors import GitHubError
from bot.github.pygithub import PyGithubPort
from sandbox import FakeGitHub, faults
from sandbox.testing import TEST_MAX_WAIT, port_for

REPO = "/repos/octo-org/survey"


def seed(fake: FakeGitHub) -> int:
    fake.add_user("alice", "Alice", permission="triage")
    fake.add_issue("Add our paper", "arXiv:2308.09662", user="alice", labels=["paper"])
    comment = fake.add_comment(1, "Please also cite v2", user="alice")
    fake.add_pull("Add 1 paper", "survey-bot/batch")
    fake.set_ref("survey-bot/next")
    fake.reset_log()
    return int(comment["id"])


#: (name, HTTP method, path regex, call, check of the end state)
CALLS: list[
    tuple[str, str, str, Callable[[PyGithubPort, int], Any], Callable[[FakeGitHub], bool]]
] = [
    ("issue", "GET", r"/issues/1$", lambda p, c: p.issue(1), lambda f: True),
    ("open_issues", "GET", r"/issues$", lambda p, c: p.open_issues("paper"), lambda f: True),
    (
        "issue_comments",
        "GET",
        r"/issues/1/comments$",
        lambda p, c: p.issue_comments(1),
        lambda f: True,
    ),
    ("permission", "GET", r"/permission$", lambda p, c: p.permission("alice"), lambda f: True),
    ("comment", "GET", r"/issues/comments/\d+$", lambda p, c: p.comment(c), lambda f: True),
    (
        "comments_of",
        "GET",
        r"/issues/comments$",
        lambda p, c: p.comments_of([1], "2000-01-01T00:00:00Z"),
        lambda f: True,
    ),
    ("default_branch", "GET", r"/survey$", lambda p, c: p.default_branch(), lambda f: True),
    ("find_pull", "GET", r"/pulls$", lambda p, c: p.find_pull("survey-bot/batch"), lambda f: True),
    (
        "create_comment",
        "POST",
        r"/issues/1/comments$",
        lambda p, c: p.create_comment(1, "Thanks! <!-- survey-bot -->"),
        lambda f: [x["body"] for x in f.comments(1)].count("Thanks! <!-- survey-bot -->") == 1,
    ),
    (
        "edit_comment",
        "PATCH",
        r"/issues/comments/",
        lambda p, c: p.edit_comment(c, "edited"),
        lambda f: f.comments(1)[0]["body"] == "edited",
    ),
    (
        "add_labels",
        "POST",
        r"/issues/1/labels$",
        lambda p, c: p.add_labels(1, ["triaged"]),
        lambda f: f.labels(1) == ["paper", "triaged"],
    ),
    (
        "remove_label",
        "DELETE",
        r"/labels/paper$",
        lambda p, c: p.remove_label(1, "paper"),
        lambda f: f.labels(1) == [],
    ),
    (
        "react_to_comment",
        "POST",
        r"/comments/\d+/reactions$",
        lambda p, c: p.react_to_comment(c, "+1"),
        lambda f: len(f.reactions(comment_id=f.comments(1)[0]["id"])) == 1,
    ),
    (
        "edit_issue",
        "PATCH",
        r"/issues/1$",
        lambda p, c: p.edit_issue(1, state="closed", reason="completed", labels=[]),
        lambda f: f.issue(1)["state"] == "closed" and f.labels(1) == [],
    ),
    (
        "create_pull",
        "POST",
        r"/pulls$",
        lambda p, c: p.create_pull("survey-bot/next", "main", "Add 2 papers", "b"),
        lambda f: [p["head"]["ref"] for p in f.pulls()].count("survey-bot/next") == 1,
    ),
    (
        "edit_pull",
        "PATCH",
        r"/pulls/2$",
        lambda p, c: p.edit_pull(2, "Add 2 papers", "b"),
        lambda f: f.pull(2)["title"] == "Add 2 papers",
    ),
]
IDS = [c[0] for c in CALLS]


@pytest.mark.parametrize("after", [False, True], ids=["before-acting", "after-acting"])
@pytest.mark.parametrize(("name", "method", "path", "call", "done"), CALLS, ids=IDS)
def test_one_502_is_survived_without_duplicates(
    fake_github: FakeGitHub,
    port: PyGithubPort,
    name: str,
    method: str,
    path: str,
    call: Callable[..., Any],
    done: Callable[[FakeGitHub], bool],
    after: bool,
) -> None:
    comment_id = seed(fake_github)
    fault = fake_github.inject(method, path, 502, after=after)
    call(port, comment_id)
    assert fault.hits == 1
    assert done(fake_github), name


def test_a_comment_posted_despite_a_502_is_not_posted_again(
    fake_github: FakeGitHub, port: PyGithubPort
) -> None:
    seed(fake_github)
    fake_github.inject("POST", r"/issues/1/comments$", 502, after=True)
    posted = port.create_comment(1, "Thanks!")
    assert [c["body"] for c in fake_github.comments(1)] == ["Please also cite v2", "Thanks!"]
    assert posted.id == fake_github.comments(1)[-1]["id"]
    assert [f"{r.method} {r.status}" for r in fake_github.requests] == ["POST 502", "GET 200"]


def test_a_comment_refused_with_502_is_posted_once(
    fake_github: FakeGitHub, port: PyGithubPort
) -> None:
    seed(fake_github)
    fake_github.inject("POST", r"/issues/1/comments$", 502, times=2)
    port.create_comment(1, "Thanks!")
    assert [c["body"] for c in fake_github.comments(1)] == ["Please also cite v2", "Thanks!"]
    assert [f"{r.method} {r.status}" for r in fake_github.requests] == [
        "POST 502",
        "GET 200",
        "POST 502",
        "GET 200",
        "POST 201",
    ]


def test_an_older_identical_comment_is_not_mistaken_for_ours(
    fake_github: FakeGitHub, port: PyGithubPort
) -> None:
    seed(fake_github)
    fake_github.add_comment(1, "Done.", user="survey-bot[bot]", created_at="2024-01-01T00:00:00Z")
    fake_github.inject("POST", r"/issues/1/comments$", 502)
    port.create_comment(1, "Done.")
    assert [c["body"] for c in fake_github.comments(1)].count("Done.") == 2


@pytest.mark.parametrize("status", [403, 429])
def test_secondary_rate_limit_honours_retry_after(fake_github: FakeGitHub, status: int) -> None:
    seed(fake_github)
    asked: list[float] = []
    fake_github.inject(
        "POST", r"/comments$", **faults.secondary_rate_limit(retry_after=1, status=status)
    )
    with port_for(fake_github, max_wait=30, sleep=asked.append) as port:
        port.create_comment(1, "Thanks!")
    assert asked == [1]  # GitHub's Retry-After, recorded instead of slept
    assert [f"{r.method} {r.status}" for r in fake_github.requests] == [
        f"POST {status}",
        "POST 201",
    ]
    assert len(fake_github.comments(1)) == 2


def test_secondary_rate_limit_waits_are_capped(fake_github: FakeGitHub) -> None:
    seed(fake_github)
    fake_github.inject("GET", r"/issues/1$", **faults.secondary_rate_limit(retry_after=1))
    port = port_for(fake_github)  # real sleeping, capped at TEST_MAX_WAIT
    started = time.perf_counter()
    assert port.issue(1).number == 1
    assert time.perf_counter() - started < 0.5
    assert fake_github.count("GET") == 2


def test_secondary_rate_limit_without_retry_after_waits_a_minute(
    fake_github: FakeGitHub, waits: list[float], port: PyGithubPort
) -> None:
    seed(fake_github)
    fake_github.inject("GET", r"/issues/1$", **faults.secondary_rate_limit(retry_after=None))
    port.issue(1)
    assert waits == [TEST_MAX_WAIT]  # GitHub says "at least one minute": capped in tests


@pytest.mark.parametrize("status", [403, 429])
def test_primary_exhaustion_waits_for_the_reset(fake_github: FakeGitHub, status: int) -> None:
    seed(fake_github)
    asked: list[float] = []
    fake_github.inject(
        "PATCH", r"/issues/1$", **faults.primary_rate_limit(reset_in=20, status=status)
    )
    with port_for(fake_github, max_wait=3600, sleep=asked.append) as port:
        port.edit_issue(1, state="closed", reason="completed")
    (wait,) = asked
    assert 19 <= wait <= 22  # until x-ratelimit-reset, plus a second
    assert fake_github.issue(1)["state"] == "closed"


def test_persistent_5xx_on_a_read_gives_up(fake_github: FakeGitHub, port: PyGithubPort) -> None:
    seed(fake_github)
    fake_github.inject("GET", r"/issues/1$", 503, times=None)
    with pytest.raises(GitHubError) as raised:
        port.issue(1)
    assert str(raised.value) == "GitHub GET /repos/octo-org/survey/issues/1 -> 503: Server Error"
    assert fake_github.count("GET") == 4  # 1 + retries


def test_persistent_5xx_on_a_comment_gives_up_without_posting(
    fake_github: FakeGitHub, port: PyGithubPort
) -> None:
    seed(fake_github)
    fake_github.inject("POST", r"/comments$", 502, times=None)
    with pytest.raises(
        GitHubError,
        match=r"POST /repos/octo-org/survey/issues/1/comments -> 502: "
        r"Server Error \(after 4 attempts\)",
    ):
        port.create_comment(1, "Thanks!")
    assert fake_github.count("POST") == 4
    assert len(fake_github.comments(1)) == 1


def test_persistent_rate_limit_gives_up_with_the_reset_time(
    fake_github: FakeGitHub, port: PyGithubPort
) -> None:
    seed(fake_github)
    fake_github.inject("GET", r"/issues/1$", times=None, **faults.primary_rate_limit(reset_in=600))
    with pytest.raises(
        GitHubError,
        match=r"-> 403: API rate limit exceeded .*; rate limit resets at \d\d:\d\d:\d\d UTC",
    ):
        port.issue(1)
    assert fake_github.count() == 4


def test_html_error_pages_are_handled(fake_github: FakeGitHub, port: PyGithubPort) -> None:
    seed(fake_github)
    fake_github.inject(
        "GET", r"/issues/1$", 502, times=None, body="<html><body>Unicorn!</body></html>"
    )
    with pytest.raises(GitHubError, match=r"-> 502: <html><body>Unicorn!</body></html>"):
        port.issue(1)
