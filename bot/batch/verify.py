"""Decisions checked where they act: the batch adds what maintainers decided, no more, no less.

The batch reads each issue's state from the bot's triage comment, but a state
is only as good as the comment it was found in (``bot.issue.provenance``): a
workflow posting as the same login could have planted one, and a run whose
write was overwritten (``bot.issue.handler``) may have left a decision out.
Before anything reaches the survey, the state is held to the thread:

* **nothing lost**: command comments no run recorded as handled are planned
  now, as their own runs would have (``decisions.missed_commands``,
  ``decisions.plan_comment``; pure, nothing is written);
* **nothing invented**: accepted papers count only when a maintainer's
  ``/accept`` is in the thread (or the state names the maintainer whose
  dashboard tick accepted it, ``PaperState.ticked_by``, and GitHub confirms
  that login may decide: a tick leaves no comment; see SECURITY.md for what
  this trusts without the state key), and only while the record and the name are
  still those the acceptance bound (``state.record_digest``); a ``/thank``
  name only with a maintainer's ``/thank`` of that login; the reader thanked
  must be the issue's author.

A maintainer is who may command (``decisions.is_maintainer``): named in the
config, else write access, asked once per login and never for someone GitHub
says has no role in the repository.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from bot.config import Config
from bot.github.port import Comment, GitHubPort, IssueData
from bot.issue.commands import Accept, Thank, parse_commands
from bot.issue.decisions import is_maintainer, missed_commands, needs_permission, plan_comment
from bot.issue.state import PaperState, TriageState, record_digest
from bot.issue.triage import IssueInfo
from bot.render import Renderer


class Authority:
    """Who may decide, asked of GitHub once per login."""

    def __init__(self, port: GitHubPort, config: Config) -> None:
        self.port, self.config = port, config

    def permission(self, comment: Comment) -> str | None:
        """The author's permission, when only GitHub can say (see ``needs_permission``)."""
        if not needs_permission(comment.author, comment.association, self.config):
            return None
        return self.port.permission(comment.author)  # the port caches it per login

    def may(self, comment: Comment) -> bool:
        return is_maintainer(comment.author, self.permission(comment), self.config)

    def may_login(self, login: str) -> bool:
        """Whether ``login`` may decide, with no comment of theirs to go by."""
        if is_maintainer(login, None, self.config):
            return True
        return is_maintainer(login, self.port.permission(login), self.config)


def decided(
    state: TriageState,
    comments: Sequence[Comment],
    issue: IssueData,
    authority: Authority,
    bot_login: str,
    *,
    renderer: Renderer,
) -> tuple[TriageState, list[str]]:
    """``state`` as the thread backs it (see the module docstring), and why anything changed."""
    config, number = authority.config, issue.number
    notes: list[str] = []
    info = IssueInfo(number, issue.author, issue.labels, issue.state == "open")
    for comment, commands in missed_commands(comments, state, None, bot_login):
        plan = plan_comment(
            commands,
            comment.author,
            authority.permission(comment),
            config,
            replace(state, handled_up_to=comment.id),
            info,
            renderer=renderer,
        )
        if plan is not None and plan.new_state is not None:
            state = plan.new_state
            notes.append(f"#{number}: comment {comment.id} was never handled: taken into account")
    said = [
        (c, parse_commands(c.body))
        for c in comments
        if c.author_type != "Bot" and c.author.lower() != bot_login.lower()
    ]
    accepts = [c for c, commands in said if any(isinstance(x, Accept) for x in commands)]
    thanks = {
        x.login.lower()
        for c, commands in said
        for x in commands
        if isinstance(x, Thank) and authority.may(c)
    }
    reader = state.reader
    if reader is not None and reader.login.lower() != issue.author.lower():
        notes.append(f"#{number}: the state thanks @{reader.login}, not the issue's author: not")
        reader = None
    backed = any(authority.may(c) for c in accepts) if state.accepted else False
    papers = []
    for paper in state.papers:
        bound = paper.accepted_digest
        if paper.accepted and not paper.done and not backed and not _ticked(paper, authority):
            notes.append(f"#{number}: {paper.asked!r} is accepted, no maintainer said so: left out")
            paper = replace(paper, accepted=False)
        elif paper.accepted and bound and record_digest(paper.record, state.reader) != bound:
            notes.append(f"#{number}: {paper.asked!r} is not what was accepted: left out")
            paper = replace(paper, accepted=False)
        papers.append(paper)
    extra = tuple(t for t in state.extra_thanks if t.login.lower() in thanks)
    if len(extra) < len(state.extra_thanks):
        notes.append(f"#{number}: a name to thank no maintainer asked for: left out")
    return replace(state, papers=tuple(papers), extra_thanks=extra, reader=reader), notes


def _ticked(paper: PaperState, authority: Authority) -> bool:
    """Accepted by the dashboard tick of someone who may decide (GitHub asked once per login)."""
    return paper.ticked_by is not None and authority.may_login(paper.ticked_by)
