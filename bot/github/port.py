"""The bot's interface to GitHub: what it sees (plain records) and what it asks (a Protocol).

Everything outside ``bot/github/`` depends on :class:`GitHubPort` and on the
plain dataclasses :class:`Comment`, :class:`IssueData` and :class:`PullData`;
two implementations stand behind it: :mod:`bot.github.pygithub` (the real
GitHub, the only module that imports PyGithub) and :mod:`bot.github.dryrun`
(reads, but records writes instead of sending them). Tests add a recording
fake of their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from bot.errors import GitHubError

REACTIONS = frozenset({"+1", "-1", "laugh", "confused", "heart", "hooray", "rocket", "eyes"})
CLOSE_REASONS = frozenset({"completed", "not_planned", "duplicate"})


@dataclass(frozen=True)
class Comment:
    """An issue (or pull request) comment."""

    id: int
    body: str
    author: str  # login
    author_type: str  # "User", "Bot" or "Organization"
    html_url: str = ""
    created_at: str = ""  # ISO 8601, as GitHub gives it


@dataclass(frozen=True)
class IssueData:
    """An issue (GitHub's issue list also returns pull requests: ``is_pull``)."""

    number: int
    title: str
    body: str
    author: str
    labels: tuple[str, ...]
    state: str  # "open" | "closed"
    author_type: str = "User"
    html_url: str = ""
    is_pull: bool = False


@dataclass(frozen=True)
class PullData:
    """A pull request, as far as the batch PR needs it."""

    number: int
    title: str
    body: str
    state: str  # "open" | "closed"
    merged: bool
    head: str  # branch name
    base: str
    html_url: str = ""
    merged_at: str | None = None
    head_sha: str = ""  # the head commit; of a closed or merged one, as it was at the end


class GitHubPort(Protocol):
    """Everything the bot asks of GitHub, for one repository."""

    def issue(self, number: int) -> IssueData: ...

    def open_issues(self, label: str | None = None) -> list[IssueData]:
        """Open issues (not pull requests), optionally only those with ``label``."""
        ...

    def issue_comments(self, number: int) -> list[Comment]:
        """All comments of issue ``number``, oldest first."""
        ...

    def create_comment(self, number: int, body: str) -> Comment: ...

    def edit_comment(self, comment_id: int, body: str) -> Comment: ...

    def add_labels(self, number: int, labels: Sequence[str]) -> None:
        """Add labels (unknown ones are created by GitHub)."""
        ...

    def remove_label(self, number: int, label: str) -> None:
        """Remove a label; a label that is not there is not an error."""
        ...

    def react_to_comment(self, comment_id: int, content: str) -> None: ...

    def close_issue(self, number: int, reason: str) -> None:
        """Close with ``reason`` ``completed``, ``not_planned`` or ``duplicate``."""
        ...

    def reopen_issue(self, number: int) -> None: ...

    def delete_comment(self, comment_id: int) -> None:
        """Delete a comment; one that is already gone is not an error."""
        ...

    def permission(self, login: str) -> str:
        """``admin``, ``maintain``, ``write``, ``triage``, ``read`` or ``none``."""
        ...

    def user_name(self, login: str) -> str | None:
        """The profile's display name, ``None`` if unset or no such user."""
        ...

    def default_branch(self) -> str: ...

    def find_pull(self, head_branch: str) -> PullData | None:
        """The open pull request from ``head_branch``, else the last merged one."""
        ...

    def recent_pulls(self, head_branch: str) -> list[PullData]:
        """The last few pull requests from ``head_branch`` in any state, latest update first."""
        ...

    def create_pull(self, head: str, base: str, title: str, body: str) -> PullData: ...

    def edit_pull(
        self, number: int, title: str, body: str, state: str | None = None
    ) -> PullData: ...


def pick_pull(pulls: Sequence[PullData]) -> PullData | None:
    """``find_pull``'s rule over ``recent_pulls``: the open one, else the last merged one."""
    return next((p for p in pulls if p.state == "open"), None) or next(
        (p for p in pulls if p.merged), None
    )


def reaction(content: str) -> str:
    """``content`` if GitHub knows that reaction; a clear error before any request otherwise."""
    if content not in REACTIONS:
        raise GitHubError(f"reaction must be one of {sorted(REACTIONS)}, not {content!r}")
    return content


def close_reason(reason: str) -> str:
    """``reason`` if GitHub accepts it for closing an issue; a clear error otherwise."""
    if reason not in CLOSE_REASONS:
        raise GitHubError(f"close reason must be one of {sorted(CLOSE_REASONS)}, not {reason!r}")
    return reason
