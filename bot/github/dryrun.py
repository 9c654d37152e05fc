"""A dry run of the bot against GitHub: every read made, every write recorded and shown, none sent.

:class:`DryRunPort` has the same interface as the real port, so ``survey-bot
run --dry-run`` and ``batch --dry-run`` exercise exactly the code of a real
run; reads go to a real port or to data given here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from bot.errors import GitHubError
from bot.github.port import (
    Comment,
    GitHubPort,
    IssueData,
    PullData,
    issue_edit,
    pick_pull,
    reaction,
)


@dataclass(frozen=True)
class Action:
    """A write the dry run would have made."""

    kind: str  # comment, edit-comment, add-labels, remove-label, react, close, ...
    target: str  # "#12", "comment 1000001", "pull #3", "head survey-bot/batch"
    detail: str = ""

    def __str__(self) -> str:
        return f"[dry-run] {self.kind} {self.target}" + (f": {self.detail}" if self.detail else "")


def _excerpt(text: str, width: int = 72) -> str:
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "…"


@dataclass
class DryRunPort:
    """:class:`GitHubPort` that reads but never writes.

    Reads go to ``reads`` (a real port) when given, else to the data given
    here. Writes append an :class:`Action` to :attr:`actions`, are passed to
    ``echo`` (e.g. ``print``) and return what GitHub would plausibly return
    (negative ids mark objects that do not exist).
    """

    reads: GitHubPort | None = None
    issues: Mapping[int, IssueData] = field(default_factory=dict)
    comments: Mapping[int, Sequence[Comment]] = field(default_factory=dict)
    permissions: Mapping[str, str] = field(default_factory=dict)
    pulls: Sequence[PullData] = ()
    branch: str = "main"
    bot_login: str = "survey-bot[bot]"
    echo: Callable[[str], None] | None = None
    actions: list[Action] = field(default_factory=list)

    def _record(self, kind: str, target: str, detail: str = "") -> int:
        action = Action(kind, target, detail)
        self.actions.append(action)
        if self.echo is not None:
            self.echo(str(action))
        return -len(self.actions)

    # -- reads ---------------------------------------------------------------

    def issue(self, number: int) -> IssueData:
        if self.reads is not None:
            return self.reads.issue(number)
        if number not in self.issues:
            raise GitHubError(f"dry run: no data for issue #{number}")
        return self.issues[number]

    def open_issues(self, label: str | None = None) -> list[IssueData]:
        if self.reads is not None:
            return self.reads.open_issues(label)
        return [
            issue
            for _, issue in sorted(self.issues.items())
            if issue.state == "open"
            and not issue.is_pull
            and (label is None or label.lower() in (n.lower() for n in issue.labels))
        ]

    def issues_with_label(self, label: str, state: str = "all") -> list[IssueData]:
        if self.reads is not None:
            return self.reads.issues_with_label(label, state)
        return [
            issue
            for _, issue in sorted(self.issues.items())
            if state in ("all", issue.state)
            and not issue.is_pull
            and label.lower() in (n.lower() for n in issue.labels)
        ]

    def issue_comments(self, number: int) -> list[Comment]:
        if self.reads is not None:
            return self.reads.issue_comments(number)
        return list(self.comments.get(number, ()))

    def comments_of(self, numbers: Sequence[int], since: str) -> dict[int, list[Comment]]:
        if self.reads is not None:
            return self.reads.comments_of(numbers, since)
        return {number: list(self.comments.get(number, ())) for number in numbers}

    def comment(self, comment_id: int) -> Comment | None:
        if self.reads is not None:
            return self.reads.comment(comment_id)
        every = (c for comments in self.comments.values() for c in comments)
        return next((c for c in every if c.id == comment_id), None)

    def permission(self, login: str) -> str:
        if self.reads is not None:
            return self.reads.permission(login)
        return self.permissions.get(login, "none")


    def default_branch(self) -> str:
        return self.reads.default_branch() if self.reads is not None else self.branch

    def find_pull(self, head_branch: str) -> PullData | None:
        return pick_pull(self.recent_pulls(head_branch))

    def recent_pulls(self, head_branch: str) -> list[PullData]:
        if self.reads is not None:
            return self.reads.recent_pulls(head_branch)
        return [p for p in self.pulls if p.head == head_branch]

    # -- writes --------------------------------------------------------------

    def create_comment(self, number: int, body: str) -> Comment:
        fake_id = self._record("comment", f"#{number}", _excerpt(body))
        return Comment(fake_id, body, self.bot_login, "Bot")

    def edit_comment(self, comment_id: int, body: str) -> Comment:
        self._record("edit-comment", f"comment {comment_id}", _excerpt(body))
        return Comment(comment_id, body, self.bot_login, "Bot")

    def create_issue(self, title: str, body: str, labels: Sequence[str]) -> IssueData:
        fake_number = self._record("open-issue", _excerpt(title), _excerpt(body))
        return IssueData(fake_number, title, body, self.bot_login, tuple(labels), "open", "Bot")

    def edit_issue_body(self, number: int, body: str) -> IssueData:
        self._record("edit-issue-body", f"#{number}", _excerpt(body))
        return IssueData(number, "", body, self.bot_login, (), "open", "Bot")

    def add_labels(self, number: int, labels: Sequence[str]) -> None:
        if labels:
            self._record("add-labels", f"#{number}", ", ".join(labels))

    def remove_label(self, number: int, label: str) -> None:
        self._record("remove-label", f"#{number}", label)

    def react_to_comment(self, comment_id: int, content: str) -> None:
        self._record("react", f"comment {comment_id}", reaction(content))

    def edit_issue(
        self,
        number: int,
        *,
        state: str | None = None,
        reason: str | None = None,
        labels: Sequence[str] | None = None,
    ) -> None:
        edit = issue_edit(state, reason, labels)
        if edit:
            detail = ", ".join(f"{k}: {v}" for k, v in edit.items())
            self._record("edit-issue", f"#{number}", detail)

    def delete_comment(self, comment_id: int) -> None:
        self._record("delete-comment", f"comment {comment_id}")

    def create_pull(self, head: str, base: str, title: str, body: str) -> PullData:
        fake_number = self._record("open-pull", f"{head} -> {base}", _excerpt(title))
        return PullData(fake_number, title, body, "open", False, head, base)

    def edit_pull(self, number: int, title: str, body: str, state: str | None = None) -> PullData:
        detail = _excerpt(title) + (f" (state: {state})" if state else "")
        self._record("edit-pull", f"pull #{number}", detail)
        return PullData(number, title, body, state or "open", False, "", "")
