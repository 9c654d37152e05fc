"""The PyGithub port against the fake GitHub over real HTTP: results and request costs."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import pytest

from bot.errors import GitHubError
from bot.github.dryrun import DryRunPort
from bot.github.pacing import (
    DEFAULT_SECONDS_BETWEEN_REQUESTS,
    DEFAULT_SECONDS_BETWEEN_WRITES,
    DEFAULT_UNPACED_WRITES,
)
from bot.github.port import Comment, GitHubPort, IssueData, PullData
from bot.github.pygithub import PyGithubPort, connect
from sandbox import FakeGitHub
from sandbox.recording import RecordingPort
from sandbox.testing import port_for

REPO = "/repos/octo-org/survey"


def seed(fake: FakeGitHub) -> dict[str, Any]:
    """Issue #1 by alice with a comment, a PR #2 from a pushed branch, a maintainer."""
    fake.add_user("alice", "Alice Liddell")
    fake.add_user("mo", "Mo", permission="maintain")
    fake.add_issue("Add our paper", "arXiv:2308.09662", user="alice", labels=["paper"])
    comment = fake.add_comment(1, "Please also cite v2", user="alice")
    fake.add_pull("Add 1 paper", "survey-bot/batch", body="batch")
    fake.set_ref("survey-bot/next")
    fake.reset_log()
    return {"comment": comment["id"]}


def log(fake: FakeGitHub) -> list[str]:
    return [f"{r.method} {r.path.removeprefix(REPO)}" for r in fake.requests]


# -- each method: result and cost -------------------------------------------------------


COSTS: list[tuple[str, Callable[[PyGithubPort, dict[str, Any]], Any], list[str]]] = [
    ("issue", lambda p, ids: p.issue(1), ["GET /issues/1"]),
    ("open_issues", lambda p, ids: p.open_issues("paper"), ["GET /issues"]),
    ("issue_comments", lambda p, ids: p.issue_comments(1), ["GET /issues/1/comments"]),
    ("create_comment", lambda p, ids: p.create_comment(1, "Thanks!"), ["POST /issues/1/comments"]),
    (
        "edit_comment",
        lambda p, ids: p.edit_comment(ids["comment"], "x"),
        ["PATCH /issues/comments/{comment}"],
    ),
    (
        "add_labels",
        lambda p, ids: p.add_labels(1, ["triaged", "needs review"]),
        ["POST /issues/1/labels"],
    ),
    ("add_no_labels", lambda p, ids: p.add_labels(1, []), []),
    ("remove_label", lambda p, ids: p.remove_label(1, "paper"), ["DELETE /issues/1/labels/paper"]),
    (
        "remove_absent_label",
        lambda p, ids: p.remove_label(1, "nope"),
        ["DELETE /issues/1/labels/nope"],
    ),
    (
        "react_to_comment",
        lambda p, ids: p.react_to_comment(ids["comment"], "+1"),
        ["POST /issues/comments/{comment}/reactions"],
    ),
    (
        "edit_issue",
        lambda p, ids: p.edit_issue(1, state="closed", reason="not_planned", labels=["x"]),
        ["PATCH /issues/1"],
    ),
    ("edit_nothing", lambda p, ids: p.edit_issue(1), []),
    ("comment", lambda p, ids: p.comment(ids["comment"]), ["GET /issues/comments/{comment}"]),
    (
        "comments_of",
        lambda p, ids: p.comments_of([1], "2000-01-01T00:00:00Z"),
        ["GET /issues/comments"],
    ),
    ("permission", lambda p, ids: p.permission("mo"), ["GET /collaborators/mo/permission"]),
    # GET /repos/{owner}/{repo}, once: the answer is cached.
    ("default_branch", lambda p, ids: (p.default_branch(), p.default_branch()), ["GET "]),
    ("find_pull", lambda p, ids: p.find_pull("survey-bot/batch"), ["GET /pulls"]),
    (
        "create_pull",
        lambda p, ids: p.create_pull("survey-bot/next", "main", "t", "b"),
        ["POST /pulls"],
    ),
    ("edit_pull", lambda p, ids: p.edit_pull(2, "t", "b"), ["PATCH /pulls/2"]),
]


@pytest.mark.parametrize(("name", "call", "expected"), COSTS, ids=[c[0] for c in COSTS])
def test_request_cost(
    fake_github: FakeGitHub,
    port: PyGithubPort,
    name: str,
    call: Callable[..., Any],
    expected: list[str],
) -> None:
    ids = seed(fake_github)
    call(port, ids)
    assert log(fake_github) == [e.format(**ids) for e in expected]


def test_reads(fake_github: FakeGitHub, port: PyGithubPort) -> None:
    ids = seed(fake_github)
    issue = port.issue(1)
    assert issue == IssueData(
        number=1,
        title="Add our paper",
        body="arXiv:2308.09662",
        author="alice",
        labels=("paper",),
        state="open",
        author_type="User",
        html_url="https://github.com/octo-org/survey/issues/1",
        created_at=fake_github.issue(1)["created_at"],
    )
    assert port.open_issues() == [issue]  # PR #2 is filtered out
    assert port.open_issues("PAPER") == [issue]
    assert port.open_issues("other") == []
    assert port.issue(2).is_pull
    (comment,) = port.issue_comments(1)
    assert (comment.id, comment.body, comment.author, comment.author_type) == (
        ids["comment"],
        "Please also cite v2",
        "alice",
        "User",
    )
    assert port.permission("mo") == "maintain"
    assert port.permission("alice") == "read"
    assert port.permission("octo-org") == "admin"
    assert port.permission("ghost") == "none"
    assert port.default_branch() == "main"
    assert (comment.issue, comment.association) == (1, "NONE")
    assert port.comment(comment.id) == comment
    assert port.comment(999_999) is None


def test_writes(fake_github: FakeGitHub, port: PyGithubPort) -> None:
    ids = seed(fake_github)
    posted = port.create_comment(1, "Thanks! <!-- survey-bot:triage -->")
    assert (posted.author, posted.author_type) == ("survey-bot[bot]", "Bot")
    assert posted.html_url.endswith(f"#issuecomment-{posted.id}")
    edited = port.edit_comment(posted.id, "Updated <!-- survey-bot:triage -->")
    assert edited.body == fake_github.comments(1)[-1]["body"]
    port.add_labels(1, ["triaged", "needs review"])
    port.remove_label(1, "needs review")
    port.remove_label(1, "never-there")
    assert fake_github.labels(1) == ["paper", "triaged"]
    port.react_to_comment(ids["comment"], "+1")
    port.react_to_comment(ids["comment"], "+1")  # GitHub keeps one per user and content
    assert [r["content"] for r in fake_github.reactions(comment_id=ids["comment"])] == ["+1"]
    port.edit_issue(1, state="closed", reason="completed", labels=["triaged"])
    assert (fake_github.issue(1)["state"], fake_github.issue(1)["state_reason"]) == (
        "closed",
        "completed",
    )
    assert fake_github.labels(1) == ["triaged"]
    port.edit_issue(1, state="open")
    assert fake_github.issue(1)["state"] == "open" and fake_github.labels(1) == ["triaged"]


def test_labels_with_awkward_names(fake_github: FakeGitHub, port: PyGithubPort) -> None:
    fake_github.add_issue()
    port.add_labels(1, ["area/nlp", "good first issue", "ü"])
    port.remove_label(1, "area/nlp")
    port.remove_label(1, "good first issue")
    assert fake_github.labels(1) == ["ü"]


def test_pull_requests(fake_github: FakeGitHub, port: PyGithubPort) -> None:
    seed(fake_github)
    assert port.find_pull("survey-bot/batch") == PullData(
        number=2,
        title="Add 1 paper",
        body="batch",
        state="open",
        merged=False,
        head="survey-bot/batch",
        base="main",
        html_url="https://github.com/octo-org/survey/pull/2",
        head_sha=fake_github.refs()["refs/heads/survey-bot/batch"],
    )
    assert port.find_pull("no-such-branch") is None
    created = port.create_pull("survey-bot/next", "main", "Add 2 papers", "body")
    assert (created.number, created.state, created.head) == (3, "open", "survey-bot/next")
    edited = port.edit_pull(3, "Add 3 papers", "new body")
    assert (edited.title, edited.body) == ("Add 3 papers", "new body")
    closed = port.edit_pull(3, "Add 3 papers", "new body", state="closed")
    assert closed.state == "closed"
    assert port.find_pull("survey-bot/next") is None  # closed without merge: not ours any more
    fake_github.merge_pull(2)
    merged = port.find_pull("survey-bot/batch")
    assert merged is not None and merged.merged and merged.merged_at


def test_find_pull_prefers_the_open_one(fake_github: FakeGitHub, port: PyGithubPort) -> None:
    fake_github.add_pull("old", "survey-bot/batch", merged=True)
    fake_github.add_pull("new", "survey-bot/batch")
    found = port.find_pull("survey-bot/batch")
    assert found is not None and (found.title, found.state) == ("new", "open")


def test_pagination_is_followed(fake_github: FakeGitHub, port: PyGithubPort) -> None:
    fake_github.add_issue()
    for n in range(150):
        fake_github.add_comment(1, f"comment {n}")
    fake_github.reset_log()
    comments = port.issue_comments(1)
    assert [c.body for c in comments] == [f"comment {n}" for n in range(150)]
    assert log(fake_github) == ["GET /issues/1/comments"] * 2
    assert fake_github.requests[1].query == {"per_page": "100", "page": "2"}


# -- errors -------------------------------------------------------------------------


def test_permanent_errors_are_one_clear_line(fake_github: FakeGitHub, port: PyGithubPort) -> None:
    seed(fake_github)
    cases: list[tuple[Callable[[], Any], str]] = [
        (lambda: port.issue(99), "GitHub GET /repos/octo-org/survey/issues/99 -> 404: Not Found"),
        (
            lambda: port.create_comment(99, "x"),
            "GitHub POST /repos/octo-org/survey/issues/99/comments -> 404: Not Found",
        ),
        (
            lambda: port.edit_comment(5, "x"),
            "GitHub PATCH /repos/octo-org/survey/issues/comments/5 -> 404: Not Found",
        ),
        (
            lambda: port.create_pull("not-pushed", "main", "t", "b"),
            "GitHub POST /repos/octo-org/survey/pulls -> 422: "
            "Validation Failed (PullRequest/head/invalid)",
        ),
        (
            lambda: port.create_pull("survey-bot/batch", "main", "t", "b"),
            "GitHub POST /repos/octo-org/survey/pulls -> 422: Validation Failed "
            "(A pull request already exists for octo-org:survey-bot/batch.)",
        ),
    ]
    for call, message in cases:
        fake_github.reset_log()
        with pytest.raises(GitHubError) as raised:
            call()
        assert str(raised.value) == message
        assert len(fake_github.requests) == 1, "permanent errors are not retried"


def test_bad_token(fake_github: FakeGitHub) -> None:
    with (
        port_for(fake_github, token="ghs_wrong") as port,
        pytest.raises(GitHubError, match=r"-> 401: Bad credentials"),
    ):
        port.issue(1)


def test_forbidden_is_not_retried(fake_github: FakeGitHub, port: PyGithubPort) -> None:
    fake_github.add_issue()
    body = {"message": "Resource not accessible by integration", "documentation_url": "x"}
    fake_github.inject("POST", "/comments$", 403, body=body)
    with pytest.raises(GitHubError, match="-> 403: Resource not accessible by integration"):
        port.create_comment(1, "hi")
    assert len(fake_github.requests) == 1


def test_unreachable_server(fake_github: FakeGitHub) -> None:
    port = port_for(fake_github, retries=1)
    fake_github.stop()
    with pytest.raises(
        GitHubError, match=r"GitHub GET /repos/octo-org/survey/issues/1 failed: ConnectionError"
    ):
        port.issue(1)


@pytest.mark.parametrize(
    ("token", "repository", "message"),
    [
        ("", "o/r", "no GitHub token"),
        ("t", "not-a-repo", "owner/name"),
        ("t", "o/r/x", "owner/name"),
    ],
)
def test_connect_checks_its_arguments(token: str, repository: str, message: str) -> None:
    with pytest.raises(GitHubError, match=message):
        connect(token, repository)


def test_invalid_arguments_are_refused_before_any_request(
    fake_github: FakeGitHub, port: PyGithubPort
) -> None:
    with pytest.raises(GitHubError, match="reaction"):
        port.react_to_comment(1, "thumbsup")
    with pytest.raises(GitHubError, match="close reason"):
        port.edit_issue(1, state="closed", reason="wontfix")
    with pytest.raises(GitHubError, match="close reason"):
        port.edit_issue(1, state="open", reason="completed")
    with pytest.raises(GitHubError, match="open or closed"):
        port.edit_issue(1, state="locked")
    assert fake_github.requests == []


# -- PyGithub settings ---------------------------------------------------------------


def test_no_pause_for_a_few_requests_then_githubs_spacing_for_a_run_of_writes(
    fake_github: FakeGitHub,
) -> None:
    """PyGithub's own throttle is off; GitHub's documented 1 s between writes applies only
    after the first ten writes of a run (a triage or a command makes a handful)."""
    parameters = inspect.signature(connect).parameters
    assert parameters["seconds_between_requests"].default == DEFAULT_SECONDS_BETWEEN_REQUESTS == 0
    assert parameters["seconds_between_writes"].default == DEFAULT_SECONDS_BETWEEN_WRITES == 1.0
    fake_github.add_issue()
    waits: list[float] = []
    with connect(
        fake_github.token, fake_github.repo, fake_github.base_url, sleep=waits.append
    ) as port:
        for _ in range(3):
            port.issue(1)
        for n in range(DEFAULT_UNPACED_WRITES):
            port.create_comment(1, f"comment {n}")
        assert waits == []  # no pause at all so far
        port.create_comment(1, "the eleventh write")
        assert len(waits) == 1 and 0.5 < waits[0] <= 1.0


def test_an_exhausted_rate_limit_waits_for_the_reset_before_the_next_request(
    fake_github: FakeGitHub,
) -> None:
    fake_github.add_issue()
    fake_github.rate_limit = 2
    waits: list[float] = []
    with connect(
        fake_github.token, fake_github.repo, fake_github.base_url, sleep=waits.append, max_wait=5
    ) as port:
        port.issue(1)
        assert waits == []
        port.issue(1)  # the answer says: none left until the reset
        assert waits == []
        with pytest.raises(GitHubError):
            port.issue(1)
        assert waits and waits[0] == 5  # the reset is an hour away: waited at most max_wait


# -- the port interface --------------------------------------------------------------


def protocol_methods() -> list[str]:
    return sorted(
        name
        for name, value in vars(GitHubPort).items()
        if callable(value) and not name.startswith("_")
    )


@pytest.mark.parametrize("implementation", [PyGithubPort, DryRunPort, RecordingPort])
def test_implementations_match_the_protocol(implementation: type) -> None:
    for name in protocol_methods():
        wanted = inspect.signature(getattr(GitHubPort, name))
        got = inspect.signature(getattr(implementation, name))
        assert list(got.parameters) == list(wanted.parameters), name
        assert got.return_annotation == wanted.return_annotation, name


def test_dry_run_reads_through_and_writes_nothing(
    fake_github: FakeGitHub, port: PyGithubPort
) -> None:
    ids = seed(fake_github)
    echoed: list[str] = []
    dry: GitHubPort = DryRunPort(reads=port, echo=echoed.append)
    assert dry.issue(1).title == "Add our paper"
    assert dry.permission("mo") == "maintain"
    comment = dry.create_comment(1, "Thanks, we will add\n it soon")
    assert comment.id < 0 and comment.author == "survey-bot[bot]"
    dry.edit_comment(ids["comment"], "edited")
    dry.add_labels(1, ["triaged"])
    dry.remove_label(1, "paper")
    dry.react_to_comment(ids["comment"], "+1")
    dry.edit_issue(1, state="closed", reason="completed")
    pull = dry.create_pull("survey-bot/next", "main", "Add 2 papers", "b")
    dry.edit_pull(2, "Add 3 papers", "b", state="closed")
    assert {r.method for r in fake_github.requests} == {"GET"}
    assert fake_github.comments(1)[-1]["body"] == "Please also cite v2"
    assert pull.number < 0
    assert echoed == [
        "[dry-run] comment #1: Thanks, we will add it soon",
        f"[dry-run] edit-comment comment {ids['comment']}: edited",
        "[dry-run] add-labels #1: triaged",
        "[dry-run] remove-label #1: paper",
        f"[dry-run] react comment {ids['comment']}: +1",
        "[dry-run] edit-issue #1: state: closed, state_reason: completed",
        "[dry-run] open-pull survey-bot/next -> main: Add 2 papers",
        "[dry-run] edit-pull pull #2: Add 3 papers (state: closed)",
    ]
    assert [str(a) for a in dry.actions] == echoed  # type: ignore[attr-defined]


def test_dry_run_from_data() -> None:
    issue = IssueData(1, "t", "b", "alice", ("paper",), "open")
    pull = PullData(5, "Add", "b", "closed", True, "survey-bot/batch", "main")
    dry = DryRunPort(
        issues={1: issue},
        comments={1: [Comment(7, "hi", "alice", "User")]},
        permissions={"mo": "maintain"},
        pulls=[pull],
        branch="trunk",
    )
    assert dry.open_issues("paper") == [issue] and dry.open_issues("x") == []
    assert dry.issue_comments(1)[0].body == "hi" and dry.issue_comments(2) == []
    assert (dry.permission("mo"), dry.permission("x")) == ("maintain", "none")
    assert dry.comments_of([1, 2], "2000-01-01T00:00:00Z") == {1: dry.issue_comments(1), 2: []}
    assert dry.comment(7) == dry.issue_comments(1)[0] and dry.comment(8) is None
    assert dry.default_branch() == "trunk"
    assert dry.find_pull("survey-bot/batch") == pull
    with pytest.raises(GitHubError, match="no data for issue #2"):
        dry.issue(2)
    dry.add_labels(1, [])
    assert dry.actions == []


def test_comments_of_many_issues_in_one_listing_or_one_per_issue_if_fewer(
    fake_github: FakeGitHub, port: PyGithubPort
) -> None:
    """The batch's read: the repository's comments since the oldest issue opened, a page per
    100; when that listing would take more pages than there are issues, one per issue."""
    for n in range(1, 4):
        fake_github.add_issue(f"issue {n}")
        for k in range(2):
            fake_github.add_comment(n, f"#{n} comment {k}", user="alice")
    since = fake_github.issue(1)["created_at"]
    fake_github.reset_log()

    found = port.comments_of([1, 3], since)

    assert {n: [c.body for c in cs] for n, cs in found.items()} == {
        1: ["#1 comment 0", "#1 comment 1"],
        3: ["#3 comment 0", "#3 comment 1"],
    }
    assert log(fake_github) == ["GET /issues/comments"]
    for k in range(250):  # three pages of someone else's comments
        fake_github.add_comment(2, f"chatter {k}", user="alice")
    fake_github.reset_log()

    again = port.comments_of([1, 3], since)

    assert again == found
    assert log(fake_github) == [
        "GET /issues/comments",
        "GET /issues/1/comments",
        "GET /issues/3/comments",
    ]
