"""One event, handled: read what GitHub knows, plan (pure), apply the plan through the port.

The event is only a hint. Runs on one issue are serialised by the workflow's
concurrency group, which may drop a queued run, so every handler rebuilds the
issue's state from GitHub itself (the bot's own comment and its hidden data)
instead of trusting what the event says happened before. Only what the payload
carries about the issue *now* (title, body, author, labels) is taken from it,
which saves a request per run.

Applying a plan is idempotent, so a retried request or a re-delivered event
never acts twice: the bot's comment is found (by marker, among the bot's own
comments only) and edited, or created when there is none; newer copies left by
a crashed run are deleted; labels are added and removed as sets; a reply is not
posted again when the same reply already follows the command; and the state
records the newest command comment handled, so a re-delivered comment event
does nothing at all.

Request budget (REST requests; retries aside), measured in ``tests/run/``:

* triage of a new issue: comments, the author's profile name, the comment,
  the labels: 4;
* a maintainer's ``/accept``: permission, comments, reaction, labels,
  comment edit: 5. That is why a command whose outcome the triage comment
  shows (accepted, declined) is answered by the edited comment and the
  reaction, not by an extra reply; errors, refusals and ``/help`` get a reply,
  and the comment edit then only records the command as handled: 5 at most;
* a command whose run GitHub dropped, handled by the issue's next run (a
  comment run before its own command, a triage run after its triage): its
  reaction, labels and comment edit (and its reply, and the commenter's
  permission unless already asked), on top of that run's own; a triage run of
  an edited issue also reads the issue once, for whether it is open. A new
  issue has no comments, so its triage stays at 4.

The paper list's headings come from the survey's working tree, not from the
API: an ``/accept`` section (and a reader's suggested section) is checked
against them at no request cost, so a wrong section is refused at once
instead of failing the scheduled batch.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from bot.assess import assess
from bot.config import survey_file
from bot.editors.sections import Heading, paper_sections
from bot.errors import ConfigError
from bot.issue import replies
from bot.issue.commands import Accept, Help, SlashCommand, parse_commands
from bot.issue.decisions import CommandPlan, is_maintainer, missed_commands, plan_comment
from bot.issue.event import CommentCommand, IssueTriage
from bot.issue.state import LoadedState, TriageState, load_state
from bot.issue.triage import MAX_PAPERS, IssueInfo, plan_triage, requested_name
from bot.models import Skipped, Suggestion
from bot.text.escaping import markdown, one_line

if TYPE_CHECKING:
    from bot.config import Config
    from bot.github.port import Comment, GitHubPort
    from bot.matching import ReferenceIndex
    from bot.metadata import Resolver
    from bot.render import Renderer


@dataclass
class Report:
    """What one run saw and did: for the job summary, the log and the annotations."""

    headline: str
    papers: list[tuple[str, str]] = field(default_factory=list)  # (paper, verdict)
    actions: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def markdown(self) -> str:
        """The job summary section; every untrusted string is escaped."""
        lines = [f"### survey-bot: {markdown(self.headline)}", ""]
        if self.papers:
            lines += ["| # | paper | verdict |", "|---|---|---|"]
            lines += [
                f"| {n} | {markdown(paper)} | {markdown(verdict)} |"
                for n, (paper, verdict) in enumerate(self.papers, 1)
            ]
            lines.append("")
        lines.append("**Actions:**" if self.actions else "**Actions:** none")
        lines += [f"- {markdown(action)}" for action in self.actions]
        for title, items in (("Notes", self.notes), ("Warnings", self.warnings)):
            if items:
                lines += ["", f"**{title}:**", *(f"- {markdown(item)}" for item in items)]
        return "\n".join(lines)


# --------------------------------------------------------------------------- a run


@dataclass(frozen=True)
class Services:
    """What every run works with, built once per process at the edge (``bot.cli.run``).

    GitHub (the port), the survey's configuration and its renderer, the
    metadata resolver, the index of the survey's references, and the login the
    bot comments as (how it tells its own comments from copies).
    """

    port: GitHubPort
    config: Config
    renderer: Renderer
    resolver: Resolver
    index: ReferenceIndex
    bot_login: str


@dataclass
class IssueRun:
    """One run of the bot on one issue: what it works with, what it read, where it stands.

    Every step takes the run and leaves it current, so nothing is handed back
    and copied: ``comments`` are the issue's comments as the steps so far left
    them and ``loaded`` the bot comment and state they hold (``seen``);
    ``issue`` carries the labels and whether the issue is open, as the steps so
    far left them; ``event`` is the payload's issue, which the triage and
    ``/recheck`` read (fetched once when a comment run needs it).
    """

    services: Services
    report: Report
    issue: IssueInfo
    event: IssueTriage | None
    comments: list[Comment] = field(default_factory=list)
    loaded: LoadedState = field(default_factory=lambda: LoadedState(None, None, None, []))

    def read_comments(self) -> None:
        """Read the issue's comments: they hold the state."""
        self.seen(self.services.port.issue_comments(self.issue.number))

    def warn_unreadable(self) -> None:
        """Report a bot comment whose hidden state could not be read (it starts afresh)."""
        if self.loaded.warning:
            self.report.warnings.append(self.loaded.warning)

    def seen(self, comments: list[Comment]) -> None:
        """The issue's comments as they now are, and the bot comment and state they hold."""
        self.comments = comments
        self.loaded = load_state(comments, self.services.bot_login)


# --------------------------------------------------------------------------- issues


def handle_issue(trigger: IssueTriage, services: Services) -> Report:
    """Triage an opened, edited or reopened issue: one bot comment, the bot's labels.

    Then the commands of comments whose runs GitHub dropped for this one (it
    keeps one pending run per issue) are handled, as ``handle_comment`` does:
    without that, a maintainer's command replaced by the reader's edit would
    wait for the next comment. They run after the triage, so they act on the
    papers the issue suggests now. The comments are listed anyway (they hold
    the state): finding the missed ones costs nothing.
    """
    from bot.intake import parse_issue

    report = Report(f"issue #{trigger.number} {trigger.action}: triage")
    suggestions = parse_issue(trigger.title, trigger.body)
    if not suggestions and trigger.action == "opened":  # a new issue has no bot comment yet
        report.notes.append("no paper suggestion in the issue: nothing to say")
        return report
    info = IssueInfo(trigger.number, trigger.author_login, labels=trigger.labels)
    run = IssueRun(services, report, info, trigger)
    run.read_comments()
    _triage(run, trigger, suggestions)
    missed = missed_commands(run.comments, run.loaded.state, None, services.bot_login)
    if missed:
        # /accept reopens and /reject closes: whether an edited issue is open, only GitHub says.
        is_open = trigger.action != "edited" or services.port.issue(trigger.number).state == "open"
        run.issue = replace(run.issue, open=is_open)
        _replay(run, missed)
    return report


def _triage(run: IssueRun, event: IssueTriage, suggestions: list[Suggestion]) -> None:
    """Triage the issue as ``event`` describes it, with the labels it has now."""
    report = run.report
    run.warn_unreadable()
    if not suggestions and run.loaded.comment is None:
        report.notes.append("no paper suggestion in the issue: nothing to say")
        return
    assessed = assess(suggestions[:MAX_PAPERS], run.services.resolver, run.services.index)
    for item in assessed:
        if isinstance(item.resolution, Skipped):
            report.warnings.append(
                f"issue #{event.number}: could not identify {item.resolution.what}: "
                f"{item.resolution.why}"
            )
    issue = IssueInfo(
        number=event.number,
        author_login=event.author_login,
        author_name=_profile_name(run.services.port, event.author_login, suggestions)
        if assessed
        else None,
        labels=run.issue.labels,
    )
    hinted = any(s.section for s in suggestions[:MAX_PAPERS])
    previous = run.loaded.state
    if previous is None and event.action == "opened":
        # A new issue has no history: no comment on it was handled yet. Saying
        # so lets the first comment run replay a command whose run was dropped.
        previous = TriageState(handled_up_to=0)
    plan = plan_triage(
        issue,
        suggestions,
        [item.resolution for item in assessed],
        [item.result for item in assessed],
        run.services.config,
        previous,
        sections=_paper_list_sections(run) if hinted else None,
        renderer=run.services.renderer,
    )
    report.notes.extend(plan.notes)
    _record_papers(plan.state, report)
    _publish(run, plan.comment_body)
    _set_labels(run, plan.labels_to_add, plan.labels_to_remove)


def _profile_name(port: GitHubPort, login: str, suggestions: Sequence[Suggestion]) -> str | None:
    """The author's GitHub profile name, unless the thanks do without it.

    The same suggestions as ``plan_triage`` reads decide: a "thank as" name wins.
    """
    if not login or requested_name(suggestions[:MAX_PAPERS]):
        return None
    return port.user_name(login)


# --------------------------------------------------------------------------- commands


def handle_comment(
    trigger: CommentCommand, services: Services, issue: IssueTriage | None = None
) -> Report:
    """Run the slash commands of a new comment, after those of comments whose runs were dropped.

    GitHub keeps one pending run per issue: an event arriving while one run
    works and another waits replaces the waiting one, which never runs. So the
    run first handles, oldest first, every earlier command comment the state
    does not record as handled (``missed_commands``), each as its own run would
    have: the same permission check, its own reaction, at most one reply. Each
    comment handled is recorded in the state (``TriageState.handled_up_to``),
    which also makes a re-delivered event do nothing.

    ``issue`` is the payload's issue, for /recheck. The permission API is asked
    only when a comment holds more than ``/help`` and ``config.maintainers``
    does not already name the commenter (the port caches it per login). The
    issue's comments are always read: they hold the state.
    """
    number = trigger.issue_number
    report = Report(f"issue #{number}: comment by @{trigger.author_login}")
    if trigger.is_pull_request:
        report.notes.append("a comment on a pull request: not for the bot")
        return report
    commands = parse_commands(trigger.body)
    if not commands:
        report.notes.append("no command in the comment")
        return report
    info = IssueInfo(
        number=number,
        author_login=trigger.issue_author_login,
        labels=trigger.issue_labels,
        open=trigger.issue_open,
    )
    run = IssueRun(services, report, info, issue)
    permission = _permission(run, trigger.author_login, commands)
    run.read_comments()
    run.warn_unreadable()
    if run.loaded.state is not None and run.loaded.state.handled(trigger.comment_id):
        report.notes.append("the comment was already handled (a repeated event)")
        return report
    handled = trigger.comment_id
    _replay(run, missed_commands(run.comments, run.loaded.state, handled, services.bot_login))
    _command(run, trigger.comment_id, trigger.author_login, commands, permission)
    return report


def _permission(run: IssueRun, login: str, commands: Sequence[SlashCommand]) -> str | None:
    """The commenter's permission, when it can change the outcome: not for /help alone."""
    if all(isinstance(c, Help) for c in commands) or is_maintainer(
        login, None, run.services.config
    ):
        return None
    return run.services.port.permission(login)


def _replay(run: IssueRun, missed: Sequence[tuple[Comment, Sequence[SlashCommand]]]) -> None:
    """Handle, oldest first, the command comments whose runs GitHub dropped."""
    for comment, commands in missed:
        run.report.notes.append(
            f"comment {comment.id} by @{comment.author} was never handled (a dropped run)"
        )
        _command(
            run, comment.id, comment.author, commands, _permission(run, comment.author, commands)
        )


def _command(
    run: IssueRun,
    comment_id: int,
    author: str,
    commands: Sequence[SlashCommand],
    permission: str | None,
) -> None:
    """Plan and carry out the commands of one comment, and record it as handled.

    Each comment's commands see what earlier ones did: ``run`` is kept current.
    """
    config, report = run.services.config, run.report
    before = run.loaded.state
    state = None if before is None else replace(before, handled_up_to=comment_id)
    accepting = any(isinstance(c, Accept) for c in commands)
    sections = _paper_list_sections(run) if accepting else None
    plan = plan_comment(
        commands,
        author,
        permission,
        config,
        state,
        run.issue,
        sections,
        renderer=run.services.renderer,
    )
    assert plan is not None  # there are commands
    report.notes.append(
        f"comment {comment_id}: {', '.join(type(c).__name__.lower() for c in commands)}"
    )
    if plan.reaction:
        run.services.port.react_to_comment(comment_id, plan.reaction)
        report.actions.append(f"reacted {plan.reaction} to comment {comment_id}")
    # The triage comment shows a decision; a reply says what it cannot (errors, help).
    shows_outcome = plan.comment_body is not None and plan.reaction != "confused"
    if plan.comment_body is None and plan.new_state is not None and plan.new_state != before:
        # No decision changed: the comment is rewritten only to record this one as handled.
        body = replies.triage_comment(plan.new_state, config, renderer=run.services.renderer)
        plan = replace(plan, comment_body=body)
    _apply(run, plan, reply=None if shows_outcome else plan.reply_body, reply_after=comment_id)
    if plan.new_state is not None:
        _record_papers(plan.new_state, report)
    if plan.rerun_triage:
        _recheck(run)


def _recheck(run: IssueRun) -> None:
    """Triage the issue again (``/recheck``): its text from the payload, else read once."""
    from bot.intake import parse_issue

    if run.event is None:
        data = run.services.port.issue(run.issue.number)
        run.event = IssueTriage(
            run.issue.number,
            data.title,
            data.body,
            data.author,
            data.author_type,
            data.labels,
            "recheck",
        )
    event = replace(run.event, action="recheck")
    _triage(run, event, parse_issue(event.title, event.body))


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


# --------------------------------------------------------------------------- applying plans


def _apply(run: IssueRun, plan: CommandPlan, *, reply: str | None, reply_after: int) -> None:
    """Carry out a command plan.

    The bot's comment comes last: its state records the command as handled,
    so a run that fails before it (re-run, or its event re-delivered) does it
    all again, each step being idempotent, instead of skipping the rest.
    """
    port, number, report = run.services.port, run.issue.number, run.report
    if reply:
        if _already_said(run, reply, reply_after):
            report.notes.append("the reply was already posted (a repeated event)")
        else:
            run.seen([*run.comments, port.create_comment(number, reply)])
            report.actions.append(f"replied on #{number}")
    _set_labels(run, plan.labels_to_add, plan.labels_to_remove)
    if plan.close_issue:
        reason = plan.close_reason or "completed"
        port.close_issue(number, reason)
        report.actions.append(f"closed #{number} as {reason.replace('_', ' ')}")
    if plan.reopen_issue:
        port.reopen_issue(number)
        report.actions.append(f"reopened #{number}")
    run.issue = replace(
        run.issue, open=(run.issue.open or plan.reopen_issue) and not plan.close_issue
    )
    _publish(run, plan.comment_body)


def _publish(run: IssueRun, body: str | None) -> None:
    """Edit the bot's comment (or create the first one), then delete stale copies."""
    if body is None:
        return
    port, number, report, loaded = run.services.port, run.issue.number, run.report, run.loaded
    published: Comment | None = None
    if loaded.comment is None:
        published = port.create_comment(number, body)
        report.actions.append(f"commented on #{number}")
        if published.author.lower() != run.services.bot_login.lower() and published.id > 0:
            report.warnings.append(
                f"the bot comments as {published.author}, not {run.services.bot_login}: set "
                f"SURVEY_BOT_LOGIN={published.author}, or later runs will not find this comment"
            )
    elif loaded.comment.body != body:
        published = port.edit_comment(loaded.comment.id, body)
        report.actions.append(f"edited the triage comment on #{number}")
    else:
        report.notes.append("the triage comment is already up to date")
    for stale in loaded.duplicates:
        port.delete_comment(stale.id)
        report.actions.append(f"deleted a duplicate bot comment on #{number}")
    gone = {c.id for c in loaded.duplicates} | {published.id if published else 0}
    run.seen([c for c in run.comments if c.id not in gone] + ([published] if published else []))


def _set_labels(run: IssueRun, add: Sequence[str], remove: Sequence[str]) -> None:
    """Add and remove the bot's labels; ``run.issue`` then carries the labels as they now are."""
    number, report = run.issue.number, run.report
    if add:
        run.services.port.add_labels(number, list(add))
        report.actions.append(f"labelled #{number}: {', '.join(add)}")
    for label in remove:
        run.services.port.remove_label(number, label)
        report.actions.append(f"removed label {label} from #{number}")
    labels = tuple(sorted((set(run.issue.labels) | set(add)) - set(remove)))
    run.issue = replace(run.issue, labels=labels)


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
