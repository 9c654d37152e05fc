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
    updated_at: str = ""
    issue: int = 0  # the issue (or pull request) it is on; 0 when not known
    # GitHub's word on the author (OWNER, MEMBER, COLLABORATOR, CONTRIBUTOR, NONE...): only
    # a hint, never proof: it spares asking for the permission of someone with no role.
    association: str = ""


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
    created_at: str = ""  # ISO 8601, as GitHub gives it


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

    def issues_with_label(self, label: str, state: str = "all") -> list[IssueData]:
        """Issues (not pull requests) with ``label``, ``open``, ``closed`` or ``all``."""
        ...

    def create_issue(self, title: str, body: str, labels: Sequence[str]) -> IssueData: ...

    def edit_issue_body(self, number: int, body: str) -> IssueData:
        """Replace the body of issue ``number``."""
        ...

    def issue_comments(self, number: int) -> list[Comment]:
        """All comments of issue ``number``, oldest first."""
        ...

    def comments_of(self, numbers: Sequence[int], since: str) -> dict[int, list[Comment]]:
        """The comments of each issue of ``numbers``, oldest first, in the fewest requests.

        ``since`` (ISO 8601) is no later than the oldest of these issues was
        opened, so that every comment of theirs is newer: the repository's
        comments since then, listed at once, hold them all. That listing is used
        when it takes fewer pages than listing each issue on its own.
        """
        ...

    def comment(self, comment_id: int) -> Comment | None:
        """One comment as it is now; None once it is deleted."""
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

    def edit_issue(
        self,
        number: int,
        *,
        state: str | None = None,
        reason: str | None = None,
        labels: Sequence[str] | None = None,
    ) -> None:
        """Open or close (``state``; closing with ``reason`` ``completed``, ``not_planned``
        or ``duplicate``) and set the labels to exactly ``labels``, in one request."""
        ...

    def delete_comment(self, comment_id: int) -> None:
        """Delete a comment; one that is already gone is not an error."""
        ...

    def permission(self, login: str) -> str:
        """``admin``, ``maintain``, ``write``, ``triage``, ``read`` or ``none``."""
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


def issue_edit(
    state: str | None, reason: str | None, labels: Sequence[str] | None
) -> dict[str, object]:
    """The body of one issue edit (``GitHubPort.edit_issue``); a clear error before any request
    for a state or close reason GitHub does not know."""
    if state not in (None, "open", "closed"):
        raise GitHubError(f"an issue is open or closed, not {state!r}")
    if reason is not None and (state != "closed" or reason not in CLOSE_REASONS):
        raise GitHubError(
            f"close reason must be one of {sorted(CLOSE_REASONS)} when closing, not {reason!r}"
        )
    edit: dict[str, object] = {}
    if state is not None:
        edit["state"] = state
    if reason is not None:
        edit["state_reason"] = reason
    if labels is not None:
        edit["labels"] = list(labels)
    return edit
