"""One event, handled: read what GitHub knows, plan (pure), write the state once, then act.

The event is only a hint. Runs on one issue are serialised by the workflow's
concurrency group, which may drop a queued run, so every handler rebuilds the
issue's state from GitHub itself (the bot's own comment and its hidden data)
instead of trusting what the event says happened before. Only what the payload
carries about the issue *now* (title, body, author, labels, open or closed) is
taken from it, which saves a request per run.

A run has three steps (``IssueRun``):

1. **read**: the issue's comments, after anything slow (the metadata lookups of
   a triage happen before), so the state planned on is as fresh as it can be;
2. **plan** (pure): the triage, then every command comment no run handled yet,
   oldest first, each seeing what the previous one decided;
3. **write** the triage comment once, as a compare-and-swap, then **act**:
   replies, one label/state edit, reactions.

The compare-and-swap: the state carries ``rev``, bumped by every write. The
listing of step 1 is the read of the swap when nothing slow happened since;
otherwise (a ``/recheck`` found among the missed commands re-resolves papers)
the comment is read again and the write happens only if its ``rev`` is still
the one planned on, else the run plans again. GitHub has no conditional
PATCH for comments, so a write landing between that read and this write (the
time of one request) is overwritten; what it decided is not lost with it: a
command stays unhandled in the overwriting state (its ``handled_up_to`` is
older), so the next run on the issue, and the batch when it reads the issue,
carry it out again; and the batch never edits the triage comment at all (its
facts go in comments of its own, ``bot.issue.provenance``). See SECURITY.md.

Acknowledgement: each command comment gets exactly one sign that it was
handled, the cheapest one that shows: its reply (errors, refusals, ``/help``),
else the label or open/closed change it made (GitHub shows it in the timeline
right under the comment), else a reaction.

Request budget (REST requests; retries aside), asserted in ``tests/run/``:

* triage of a new issue: comments, the comment, the labels: 3 (the reader is
  thanked by the name they give in the issue, else by login: no profile name);
* triage of an edited issue: comments, the comment edit, one label request: 3;
* a maintainer's ``/accept``: permission, comments, comment edit, labels: 4
  (3 for a maintainer the config names); ``/reject`` closes and relabels in one
  request: 4; a stranger's command: comments, reply, comment edit: 3 (their
  permission is not asked when GitHub says they have no role in the repository);
* a command whose run GitHub dropped, handled by the issue's next run: its
  reply or reaction (and its author's permission unless known) on top; its
  state change shares that run's one comment edit and one label request.

With a dashboard (``config.dashboard.on_events``), a triage and a command that
changes a decision cost 2 more: finding it and editing it (``bot.dashboard.publish``).

The paper list's headings come from the survey's working tree, not from the
API: an ``/accept`` section (and a reader's suggested section) is checked
against them at no request cost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from bot.assess import Assessment, assess
from bot.config import survey_file
from bot.dashboard.publish import Board, refresh_issue
from bot.editors.sections import Heading, paper_sections
from bot.errors import ConfigError, GitHubError
from bot.issue import replies
from bot.issue.commands import Accept, Help, Recheck, SlashCommand, parse_commands
from bot.issue.decisions import (
    CommandPlan,
    is_maintainer,
    missed_commands,
    needs_permission,
    plan_comment,
)
from bot.issue.event import CommentCommand, IssueTriage
from bot.issue.provenance import LoadedState, Seal, load_state, seal_body, still_at
from bot.issue.report import Report
from bot.issue.state import TriageState
from bot.issue.triage import MAX_PAPERS, IssueInfo, label_changes, plan_triage
from bot.models import Skipped
from bot.suggestions import Suggestion
from bot.text.escaping import one_line

if TYPE_CHECKING:
    from bot.config import Config
    from bot.github.port import Comment, GitHubPort
    from bot.matching import ReferenceIndex
    from bot.metadata import Resolver
    from bot.render import Renderer

#: Plans made afresh when the triage comment changed between the read and the write.
MAX_PLANS = 3


@dataclass(frozen=True)
class Services:
    """What every run works with, built once per process at the edge (``bot.cli.run``).

    GitHub (the port), the survey's configuration and its renderer, the
    metadata resolver, the index of the survey's references, the login the bot
    comments as (how it tells its own comments from copies), and the optional
    key that signs its hidden data.
    """

    port: GitHubPort
    config: Config
    renderer: Renderer
    resolver: Resolver
    index: ReferenceIndex
    bot_login: str
    seal: Seal | None = None


class _Conflict(Exception):
    """The triage comment changed between the read a plan is based on and its write."""


@dataclass
class _Handled:
    """One command comment, handled: what shows that it was."""

    comment_id: int
    reply: str | None
    reaction: str | None
    visible: bool  # it changed the labels or opened/closed the issue


@dataclass
class IssueRun:
    """One run on one issue: what it read, and the draft it plans into (see the module docstring).

    ``issue`` is the issue as the payload shows it, ``loaded`` the bot comment
    and state as read. Planning moves ``state`` (the draft), ``labels`` and
    ``open`` on from there and collects what each command comment needs
    (``handled``); ``slow`` says the draft took something slow since the read.
    """

    services: Services
    report: Report
    issue: IssueInfo
    event: IssueTriage | None
    comments: list[Comment] = field(default_factory=list)
    loaded: LoadedState = field(default_factory=lambda: LoadedState(None, None, None, []))
    state: TriageState | None = None
    labels: tuple[str, ...] = ()
    open: bool = True
    handled: list[_Handled] = field(default_factory=list)
    close_reason: str | None = None
    slow: bool = False
    repeated: bool = False
    board: Board | None = None  # the dashboard (None: none, or not read)...
    looked: bool = False  # ...as a triage read it for its memory

    def read(self) -> None:
        """Read the issue's comments (they hold the state) and start the draft from them."""
        services = self.services
        self.comments = services.port.issue_comments(self.issue.number)
        self.loaded = load_state(
            self.comments, services.bot_login, issue=self.issue.number, seal=services.seal
        )
        if self.loaded.warning:
            self.report.warnings.append(self.loaded.warning)
        self.state = self.loaded.state
        self.labels, self.open = self.issue.labels, self.issue.open
        self.handled, self.close_reason, self.slow, self.repeated = [], None, False, False

    @property
    def view(self) -> IssueInfo:
        """The issue as the draft leaves it."""
        return replace(self.issue, labels=self.labels, open=self.open)


# --------------------------------------------------------------------------- issues


def handle_issue(trigger: IssueTriage, services: Services) -> Report:
    """Triage an opened, edited or reopened issue: one bot comment, the bot's labels.

    Then the commands of comments whose runs GitHub dropped for this one (it
    keeps one pending run per issue) are handled, as ``handle_comment`` does,
    after the triage, so they act on the papers the issue suggests now. A
    closed issue goes to ``_closed``.
    """
    from bot.intake import parse_issue

    if trigger.action == "closed":
        return _closed(trigger, services)
    report = Report(f"issue #{trigger.number} {trigger.action}: triage")
    suggestions = parse_issue(trigger.title, trigger.body, services.config.survey.ids)
    if not suggestions and trigger.action == "opened":  # a new issue has no bot comment yet
        report.notes.append("no paper suggestion in the issue: nothing to say")
        return report
    assessed = _assess(trigger.number, suggestions, services, report)  # slow: before the read
    info = IssueInfo(trigger.number, trigger.author_login, trigger.labels, trigger.open)
    run = IssueRun(services, report, info, trigger, board=Board.load(services), looked=True)

    def plan() -> None:
        if suggestions or run.loaded.comment is not None:
            _triage(run, trigger, suggestions, assessed)
        else:
            report.notes.append("no paper suggestion in the issue: nothing to say")
        _replay(run, missed_commands(run.comments, run.state, None, services.bot_login))

    _settle(run, plan)
    return report


def _assess(
    number: int, suggestions: Sequence[Suggestion], services: Services, report: Report
) -> list[Assessment]:
    """Resolve and check the suggestions the triage shows; warn about those not identified."""
    assessed = assess(suggestions[:MAX_PAPERS], services.resolver, services.index)
    for item in assessed:
        if isinstance(item.resolution, Skipped):
            report.warnings.append(
                f"issue #{number}: could not identify {item.resolution.what}: "
                f"{item.resolution.why}"
            )
    return assessed


def _triage(
    run: IssueRun,
    event: IssueTriage,
    suggestions: Sequence[Suggestion],
    assessed: Sequence[Assessment],
) -> None:
    """Plan the triage of the issue as ``event`` describes it into the draft."""
    previous = run.state
    if previous is None and event.action == "opened":
        # A new issue has no history: no comment on it was handled yet. Saying
        # so lets the first comment run replay a command whose run was dropped.
        previous = TriageState(handled_up_to=0)
    hinted = any(s.section for s in suggestions[:MAX_PAPERS])
    plan = plan_triage(
        run.view,
        suggestions,
        [item.resolution for item in assessed],
        [item.result for item in assessed],
        run.services.config,
        previous,
        sections=_paper_list_sections(run) if hinted else None,
        renderer=run.services.renderer,
        today=dt.date.today().isoformat(),
        recall=run.board.recall(event.number, run.services.resolver.known_ids)
        if run.board
        else None,
    )
    run.report.notes.extend(plan.notes)
    run.state = plan.state
    run.labels = _moved(run.labels, plan.labels_to_add, plan.labels_to_remove)


def _closed(trigger: IssueTriage, services: Services) -> Report:
    """The reader closed their issue: accepted papers still go in, and the issue stays open.

    The batch collects open issues only, so an issue closed with a paper (or a
    ``/thank`` name) pending would drop it silently. Only its author's close
    is undone, and only while something is pending: a maintainer closing it
    decides (``/reject`` says why), and the merge of the batch pull request
    closes what it finished.
    """
    number = trigger.number
    report = Report(f"issue #{number} closed by @{trigger.sender_login}")
    reader, config = trigger.author_login.lower(), services.config
    if not reader or trigger.sender_login.lower() != reader or is_maintainer(reader, None, config):
        report.notes.append("closed by someone other than its author: nothing to do")
        return report
    info = IssueInfo(number, trigger.author_login, trigger.labels, open=False)
    run = IssueRun(services, report, info, trigger)
    run.read()
    state = run.state
    if state is None or not state.pending:
        report.notes.append("nothing of it is pending: it stays closed")
        return report
    if services.port.permission(trigger.author_login) in ("admin", "maintain", "write"):
        report.notes.append("closed by its author, a maintainer: it stays closed")
        return report
    services.port.edit_issue(number, state="open")
    services.port.create_comment(
        number, replies.command_reply("reopened", config, renderer=services.renderer)
    )
    report.actions += [f"reopened #{number}", f"replied on #{number}"]
    return report


# --------------------------------------------------------------------------- commands


def handle_comment(
    trigger: CommentCommand, services: Services, issue: IssueTriage | None = None
) -> Report:
    """Run the slash commands of a new comment, after those of comments whose runs were dropped.

    GitHub keeps one pending run per issue: an event arriving while one run
    works and another waits replaces the waiting one, which never runs. So the
    run handles, oldest first, every command comment the state does not record
    as handled (``missed_commands``), each as its own run would have: the same
    permission check, its own acknowledgement. The newest one handled is
    recorded in the state (``TriageState.handled_up_to``), which also makes a
    re-delivered event do nothing.

    ``issue`` is the payload's issue, for ``/recheck``: a ``/recheck`` in the
    comment resolves the papers before the state is read, so nothing slow
    comes between that read and the write.
    """
    from bot.intake import parse_issue

    number = trigger.issue_number
    report = Report(f"issue #{number}: comment by @{trigger.author_login}")
    if trigger.is_pull_request:
        report.notes.append("a comment on a pull request: not for the bot")
        return report
    commands = parse_commands(trigger.body)
    if not commands:
        report.notes.append("no command in the comment")
        return report
    info = IssueInfo(number, trigger.issue_author_login, trigger.issue_labels, trigger.issue_open)
    run = IssueRun(services, report, info, issue)
    permission = _permission(run, trigger.author_login, trigger.author_association, commands)
    rechecked: tuple[list[Suggestion], list[Assessment]] | None = None
    may = is_maintainer(trigger.author_login, permission, services.config)
    if issue is not None and may and any(isinstance(c, Recheck) for c in commands):
        suggestions = parse_issue(issue.title, issue.body, services.config.survey.ids)
        rechecked = (suggestions, _assess(number, suggestions, services, report))

    def plan() -> None:
        if run.state is not None and run.state.handled(trigger.comment_id):
            report.notes.append("the comment was already handled (a repeated event)")
            run.repeated = True  # its payload's labels are from before: nothing to act on
            return
        missed = missed_commands(run.comments, run.state, trigger.comment_id, services.bot_login)
        _replay(run, missed)
        _command(run, trigger.comment_id, trigger.author_login, commands, permission, rechecked)

    _settle(run, plan)
    return report


def _permission(
    run: IssueRun, login: str, association: str, commands: Sequence[SlashCommand]
) -> str | None:
    """The commenter's permission, when it can change the outcome: not for /help alone, not for
    a maintainer the config names, not for someone GitHub says has no role in the repository."""
    if all(isinstance(c, Help) for c in commands):
        return None
    if not needs_permission(login, association, run.services.config):
        return None
    return run.services.port.permission(login)


def _replay(run: IssueRun, missed: Sequence[tuple[Comment, Sequence[SlashCommand]]]) -> None:
    """Plan, oldest first, the command comments whose runs GitHub dropped."""
    for comment, commands in missed:
        run.report.notes.append(
            f"comment {comment.id} by @{comment.author} was never handled (a dropped run)"
        )
        permission = _permission(run, comment.author, comment.association, commands)
        _command(run, comment.id, comment.author, commands, permission, None)


def _command(
    run: IssueRun,
    comment_id: int,
    author: str,
    commands: Sequence[SlashCommand],
    permission: str | None,
    rechecked: tuple[list[Suggestion], list[Assessment]] | None,
) -> None:
    """Plan the commands of one comment into the draft, and record it as handled.

    Each comment's commands see what earlier ones did. ``/recheck`` triages the
    issue again: with ``rechecked`` (resolved before the read) at no cost,
    else resolving now, which makes the draft ``slow``.
    """
    config = run.services.config
    before = run.state
    state = None if before is None else replace(before, handled_up_to=comment_id)
    accepting = any(isinstance(c, Accept) for c in commands)
    plan = plan_comment(
        commands,
        author,
        permission,
        config,
        state,
        run.view,
        _paper_list_sections(run) if accepting else None,
        renderer=run.services.renderer,
    )
    assert plan is not None  # there are commands
    run.report.notes.append(
        f"comment {comment_id}: {', '.join(type(c).__name__.lower() for c in commands)}"
    )
    labels, was_open = run.labels, run.open
    _follow(run, plan)
    if plan.rerun_triage:
        _recheck(run, rechecked)
    # The triage comment shows a decision; a reply says what it cannot (errors, help).
    shows_outcome = plan.comment_body is not None and plan.reaction != "confused"
    reply = None if shows_outcome else plan.reply_body
    visible = run.labels != labels or run.open != was_open
    run.handled.append(_Handled(comment_id, reply, plan.reaction or "+1", visible))


def _follow(run: IssueRun, plan: CommandPlan) -> None:
    """Move the draft on as ``plan`` says: state, labels, open or closed."""
    if plan.new_state is not None:
        run.state = plan.new_state
    run.labels = _moved(run.labels, plan.labels_to_add, plan.labels_to_remove)
    if plan.close_issue:
        run.open, run.close_reason = False, plan.close_reason or "completed"
    if plan.reopen_issue:
        run.open, run.close_reason = True, None


def _recheck(run: IssueRun, rechecked: tuple[list[Suggestion], list[Assessment]] | None) -> None:
    """Triage the issue again (``/recheck``): its text from the payload, else read once."""
    from bot.intake import parse_issue

    services = run.services
    if run.event is None:
        data = services.port.issue(run.issue.number)
        run.event = IssueTriage(
            run.issue.number,
            data.title,
            data.body,
            data.author,
            data.author_type,
            data.labels,
            "recheck",
            data.state == "open",
        )
    event = replace(run.event, action="recheck")
    if rechecked is None:
        suggestions = parse_issue(event.title, event.body, run.services.config.survey.ids)
        rechecked = (suggestions, _assess(run.issue.number, suggestions, services, run.report))
        run.slow = True
    _triage(run, event, *rechecked)


def _paper_list_sections(run: IssueRun) -> tuple[Heading, ...] | None:
    """The headings of the paper list in the survey's working tree; None when there is none.

    Each says whether its section lists papers, so that a refused ``/accept``
    names those headings before ones such as "Acknowledgments".

    An unreadable file is a warning, not a failure: sections then go unchecked
    here, and the batch reports the problem when it edits the file.
    """
    paper_list = run.services.config.paper_list
    if paper_list is None:
        return None
    try:
        text = survey_file(run.services.config.root, paper_list.path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError, ConfigError) as exc:
        run.report.warnings.append(
            f"could not read the paper list {paper_list.path} ({exc}): section not checked"
        )
        return None
    return tuple(paper_sections(text))


# --------------------------------------------------------------------------- writing, acting


def _settle(run: IssueRun, plan: Callable[[], None]) -> None:
    """Read, plan, write the triage comment as a compare-and-swap, then act on the plan.

    ``plan`` plans into the run's draft from what ``run.read`` left; when the
    comment changed before the write, the run reads and plans again (the
    metadata the plan needs is cached by then).
    """
    for _ in range(MAX_PLANS):
        run.read()
        plan()
        try:
            _write(run)
        except _Conflict:
            run.report.notes.append("the triage comment changed meanwhile: planned again")
            continue
        if not run.repeated:
            _act(run)
            board = run.board if run.looked else lambda: Board.load(run.services)
            shown = refresh_issue(board, run.issue, run.loaded.state, run.state)
            run.report.actions.extend([shown] if shown else [])
        _record_papers(run.state, run.report)
        return
    raise GitHubError(
        f"the triage comment of #{run.issue.number} kept changing while survey-bot wrote it "
        f"({MAX_PLANS} tries): run it again"
    )


def _write(run: IssueRun) -> None:
    """Write the draft state into the triage comment (or create it), as a compare-and-swap."""
    services, number, report, loaded = run.services, run.issue.number, run.report, run.loaded
    state = run.state
    if state is None or state == loaded.state:
        if loaded.comment is not None and loaded.state is not None:
            report.notes.append("the triage comment is already up to date")
        return
    rev = loaded.state.rev if loaded.state is not None else 0
    body = replies.triage_comment(
        replace(state, rev=rev + 1), services.config, renderer=services.renderer
    )
    body = seal_body(body, services.seal, number)
    port = services.port
    if loaded.comment is None:
        created = port.create_comment(number, body)
        report.actions.append(f"commented on #{number}")
        if created.author.lower() != services.bot_login.lower() and created.id > 0:
            report.warnings.append(
                f"the bot comments as {created.author}, not {services.bot_login}: set "
                f"SURVEY_BOT_LOGIN={created.author}, or later runs will not find this comment"
            )
        return
    # Something slow since the read: is the comment still the one planned on?
    if run.slow and not still_at(
        port, loaded.comment.id, rev, services.bot_login, number, services.seal
    ):
        raise _Conflict
    port.edit_comment(loaded.comment.id, body)
    report.actions.append(f"edited the triage comment on #{number}")
    for stale in loaded.duplicates:
        port.delete_comment(stale.id)
        report.actions.append(f"deleted a duplicate bot comment on #{number}")


def _act(run: IssueRun) -> None:
    """After the write: replies, one label and open/closed edit, then reactions."""
    port, number, report = run.services.port, run.issue.number, run.report
    for handled in run.handled:
        if handled.reply and not _already_said(run, handled.reply, handled.comment_id):
            port.create_comment(number, handled.reply)
            report.actions.append(f"replied on #{number}")
    _set_labels(run)
    for handled in run.handled:
        if not handled.reply and not handled.visible and handled.reaction:
            port.react_to_comment(handled.comment_id, handled.reaction)
            report.actions.append(f"reacted {handled.reaction} to comment {handled.comment_id}")


def _set_labels(run: IssueRun) -> None:
    """The labels and open/closed state the draft ends with, in one request.

    Only adding labels is a POST that cannot undo anyone's change; removing
    some, or opening or closing, is one edit of the issue that sets the labels
    as the draft has them (the payload's, with the bot's changes).
    """
    port, number, report = run.services.port, run.issue.number, run.report
    wanted = run.state if run.state is not None else None
    add, remove = label_changes(run.labels, wanted, run.services.config) if wanted else ((), ())
    labels = _moved(run.labels, add, remove)
    added = [n for n in labels if n not in run.issue.labels]
    removed = [n for n in run.issue.labels if n not in labels]
    state = None if run.open == run.issue.open else ("open" if run.open else "closed")
    if state is None and not removed:
        if added:
            port.add_labels(number, added)
            report.actions.append(f"labelled #{number}: {', '.join(added)}")
        return
    port.edit_issue(
        number,
        state=state,
        reason=run.close_reason if state == "closed" else None,
        labels=labels if added or removed else None,
    )
    if state == "closed":
        reason = (run.close_reason or "completed").replace("_", " ")
        report.actions.append(f"closed #{number} as {reason}")
    elif state == "open":
        report.actions.append(f"reopened #{number}")
    if added or removed:
        report.actions.append(f"labelled #{number}: {', '.join(labels) or '(none)'}")


def _moved(labels: Sequence[str], add: Sequence[str], remove: Sequence[str]) -> tuple[str, ...]:
    return tuple(sorted((set(labels) | set(add)) - set(remove)))


def _already_said(run: IssueRun, body: str, after: int) -> bool:
    login = run.services.bot_login.lower()
    return any(c.author.lower() == login and c.id > after and c.body == body for c in run.comments)


def _record_papers(state: TriageState | None, report: Report) -> None:
    if state is None:
        return
    report.papers = [
        (
            one_line(paper.record.title if paper.record else paper.asked),
            paper.verdict + (", accepted" if paper.accepted else ""),
        )
        for paper in state.papers
    ]
