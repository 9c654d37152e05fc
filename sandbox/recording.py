"""GitHub in memory behind the bot's port, every call recorded: for fast in-process tests.

:class:`RecordingPort` implements :class:`bot.github.port.GitHubPort` over plain
Python data: issues, comments, labels, reactions, users with their
permissions, pull requests. Each port call is appended to :attr:`RecordingPort.calls`
before it is answered, so a test asserts what the bot asked and in which order,
then what "GitHub" holds afterwards (:meth:`~RecordingPort.comments`,
:meth:`~RecordingPort.labels`, :meth:`~RecordingPort.reactions`,
:meth:`~RecordingPort.state`). Seeding (``add_user``, ``add_issue``,
``add_comment``) and inspection are not port calls and are not recorded.

It behaves as GitHub does where the bot relies on it: labels are a set, a
user reacts with a given content once, removing an absent label or deleting a
gone comment is no error, a comment by the bot's token is the bot's (``Bot``),
anyone may read the (public) repository and an unknown user has permission
``none``. It is no more than that: no HTTP, no pagination, no rate
limits, no OpenAPI validation, and no caching of permissions (the PyGithub
adapter's own). ``tests/github/test_recording.py`` holds it to the
real adapter against the fake REST server (:class:`sandbox.server.FakeGitHub`),
which the end-to-end tests keep using.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from bot.errors import GitHubError
from bot.github.port import Comment, IssueData, PullData, issue_edit, pick_pull, reaction

from .server import BOT_LOGIN

#: Port methods that change something on GitHub.
WRITES = frozenset(
    {
        "create_comment",
        "edit_comment",
        "create_issue",
        "edit_issue_body",
        "add_labels",
        "remove_label",
        "react_to_comment",
        "edit_issue",
        "delete_comment",
        "create_pull",
        "edit_pull",
    }
)
FIRST_COMMENT_ID = 1_000_001  # far from issue numbers, as on GitHub


@dataclass(frozen=True)
class Call:
    """One port call: the method's name and its arguments."""

    name: str
    args: tuple[object, ...] = ()

    def __str__(self) -> str:
        return f"{self.name}({', '.join(repr(a) for a in self.args)})"


@dataclass
class _Issue:
    data: IssueData
    state_reason: str | None = None


class RecordingPort:
    """:class:`GitHubPort` over in-memory state, recording each call (see the module docstring)."""

    def __init__(self, bot_login: str = BOT_LOGIN, *, default_branch: str = "main") -> None:
        self.bot_login = bot_login
        self.branch = default_branch
        self.calls: list[Call] = []
        self._issues: dict[int, _Issue] = {}
        self._comments: dict[int, tuple[int, Comment]] = {}  # id -> (issue number, comment)
        self._reactions: dict[int, list[tuple[str, str]]] = {}  # comment id -> (content, login)
        self._permissions: dict[str, str] = {}
        self._pulls: dict[int, PullData] = {}
        self._next_comment = FIRST_COMMENT_ID

    # -- seeding (not recorded) ------------------------------------------------------

    def add_user(self, login: str, *, permission: str | None = None) -> None:
        """A user; ``permission`` makes them a collaborator (anyone else may read a public
        repository)."""
        self._permissions[login.lower()] = permission or "read"

    def add_issue(
        self,
        number: int,
        title: str = "",
        body: str = "",
        *,
        author: str = "octocat",
        author_type: str = "User",
        labels: Sequence[str] = (),
        state: str = "open",
    ) -> IssueData:
        """Issue ``number`` as it is now (replacing an earlier one with that number)."""
        known = self._issues.get(number)
        data = IssueData(number, title, body, author, _sorted(labels), state, author_type)
        if known is None:
            self._issues[number] = _Issue(data)
        else:
            known.data = data
        return data

    def add_comment(self, number: int, body: str, *, user: str, author_type: str = "") -> Comment:
        """A comment on issue ``number`` by ``user`` (type ``Bot`` for the bot's login)."""
        self._issue(number)
        kind = author_type or ("Bot" if user.lower() == self.bot_login.lower() else "User")
        # GitHub's author_association: a collaborator is someone given a permission.
        role = self._permissions.get(user.lower(), "read")
        association = "NONE" if role in ("read", "none") else "COLLABORATOR"
        comment = Comment(
            self._next_comment, body, user, kind, issue=number, association=association
        )
        self._next_comment += 1
        self._comments[comment.id] = (number, comment)
        return comment

    # -- inspection (not recorded) ---------------------------------------------------

    def current(self, number: int) -> IssueData:
        """Issue ``number`` as it is now."""
        return self._issue(number).data

    def comments(self, number: int) -> list[Comment]:
        return [c for n, c in sorted(self._comments.values(), key=lambda p: p[1].id) if n == number]

    def labels(self, number: int) -> list[str]:
        return list(self._issue(number).data.labels)

    def state(self, number: int) -> tuple[str, str | None]:
        """``("open", None)``, or ``("closed", reason)``."""
        issue = self._issue(number)
        return issue.data.state, issue.state_reason

    def reactions(self, comment_id: int) -> list[tuple[str, str]]:
        """(content, login) of each reaction to comment ``comment_id``."""
        return list(self._reactions.get(comment_id, []))

    def bot_comments(self, number: int) -> list[Comment]:
        return [c for c in self.comments(number) if c.author == self.bot_login]

    def writes(self) -> list[Call]:
        return [call for call in self.calls if call.name in WRITES]

    def names(self) -> list[str]:
        """The name of each call so far, in order."""
        return [call.name for call in self.calls]

    def reset_log(self) -> None:
        self.calls.clear()

    # -- reads -----------------------------------------------------------------------

    def issue(self, number: int) -> IssueData:
        self._record("issue", number)
        return self._issue(number).data

    def open_issues(self, label: str | None = None) -> list[IssueData]:
        self._record("open_issues", label)
        wanted = None if label is None else label.lower()
        return [
            issue.data
            for _, issue in sorted(self._issues.items())
            if issue.data.state == "open"
            and (wanted is None or wanted in (n.lower() for n in issue.data.labels))
        ]

    def issues_with_label(self, label: str, state: str = "all") -> list[IssueData]:
        self._record("issues_with_label", label, state)
        return [
            issue.data
            for _, issue in sorted(self._issues.items())
            if state in ("all", issue.data.state)
            and label.lower() in (n.lower() for n in issue.data.labels)
        ]

    def issue_comments(self, number: int) -> list[Comment]:
        self._record("issue_comments", number)
        self._issue(number)
        return self.comments(number)

    def comments_of(self, numbers: Sequence[int], since: str) -> dict[int, list[Comment]]:
        self._record("comments_of", tuple(numbers), since)
        return {number: self.comments(number) for number in numbers if number in self._issues}

    def comment(self, comment_id: int) -> Comment | None:
        self._record("comment", comment_id)
        found = self._comments.get(comment_id)
        return found[1] if found else None

    def permission(self, login: str) -> str:
        self._record("permission", login)
        return self._permissions.get(login.lower(), "none")

    def default_branch(self) -> str:
        self._record("default_branch")
        return self.branch

    def find_pull(self, head_branch: str) -> PullData | None:
        self._record("find_pull", head_branch)
        return pick_pull(self._recent(head_branch))

    def recent_pulls(self, head_branch: str) -> list[PullData]:
        self._record("recent_pulls", head_branch)
        return self._recent(head_branch)

    # -- writes ----------------------------------------------------------------------

    def create_comment(self, number: int, body: str) -> Comment:
        self._record("create_comment", number, body)
        return self.add_comment(number, body, user=self.bot_login)

    def edit_comment(self, comment_id: int, body: str) -> Comment:
        self._record("edit_comment", comment_id, body)
        number, comment = self._comment(comment_id)
        edited = replace(comment, body=body)
        self._comments[comment_id] = (number, edited)
        return edited

    def create_issue(self, title: str, body: str, labels: Sequence[str]) -> IssueData:
        self._record("create_issue", title, body, tuple(labels))
        number = max([*self._issues, *self._pulls, 0]) + 1
        return self.add_issue(
            number, title, body, author=self.bot_login, author_type="Bot", labels=labels
        )

    def edit_issue_body(self, number: int, body: str) -> IssueData:
        self._record("edit_issue_body", number, body)
        issue = self._issue(number)
        issue.data = replace(issue.data, body=body)
        return issue.data

    def add_labels(self, number: int, labels: Sequence[str]) -> None:
        self._record("add_labels", number, tuple(labels))
        issue = self._issue(number)
        issue.data = replace(issue.data, labels=_sorted([*issue.data.labels, *labels]))

    def remove_label(self, number: int, label: str) -> None:
        self._record("remove_label", number, label)
        issue = self._issue(number)
        kept = [n for n in issue.data.labels if n.lower() != label.lower()]
        issue.data = replace(issue.data, labels=_sorted(kept))

    def react_to_comment(self, comment_id: int, content: str) -> None:
        self._record("react_to_comment", comment_id, content)
        self._comment(comment_id)
        mine = (reaction(content), self.bot_login)
        given = self._reactions.setdefault(comment_id, [])
        if mine not in given:
            given.append(mine)

    def edit_issue(
        self,
        number: int,
        *,
        state: str | None = None,
        reason: str | None = None,
        labels: Sequence[str] | None = None,
    ) -> None:
        self._record("edit_issue", number, state, reason, None if labels is None else tuple(labels))
        issue_edit(state, reason, labels)  # GitHub's checks
        issue = self._issue(number)
        if labels is not None:
            issue.data = replace(issue.data, labels=_sorted(labels))
        if state is not None and state != issue.data.state:
            issue.data = replace(issue.data, state=state)
            issue.state_reason = (reason or "completed") if state == "closed" else None

    def delete_comment(self, comment_id: int) -> None:
        self._record("delete_comment", comment_id)
        self._comments.pop(comment_id, None)
        self._reactions.pop(comment_id, None)

    def create_pull(self, head: str, base: str, title: str, body: str) -> PullData:
        self._record("create_pull", head, base, title, body)
        if any(p.head == head and p.state == "open" for p in self._pulls.values()):
            raise GitHubError(f"a pull request from {head} is already open")
        number = max([*self._issues, *self._pulls, 0]) + 1
        pull = PullData(number, title, body, "open", False, head, base)
        self._pulls[number] = pull
        return pull

    def edit_pull(self, number: int, title: str, body: str, state: str | None = None) -> PullData:
        self._record("edit_pull", number, title, body, state)
        if number not in self._pulls:
            raise GitHubError(f"no pull request #{number}")
        edited = replace(self._pulls[number], title=title, body=body, state=state or "open")
        self._pulls[number] = edited
        return edited

    # -- helpers ---------------------------------------------------------------------

    def _record(self, name: str, *args: object) -> None:
        self.calls.append(Call(name, args))

    def _issue(self, number: int) -> _Issue:
        if number not in self._issues:
            raise GitHubError(f"no issue #{number}")
        return self._issues[number]

    def _comment(self, comment_id: int) -> tuple[int, Comment]:
        if comment_id not in self._comments:
            raise GitHubError(f"no comment {comment_id}")
        return self._comments[comment_id]

    def _recent(self, head_branch: str) -> list[PullData]:
        return [p for _, p in sorted(self._pulls.items(), reverse=True) if p.head == head_branch]


def _sorted(labels: Sequence[str]) -> tuple[str, ...]:
    """Labels as a set (case-insensitive, first spelling kept), in a stable order."""
    kept: dict[str, str] = {}
    for name in labels:
        kept.setdefault(name.lower(), name)
    return tuple(sorted(kept.values(), key=str.lower))
