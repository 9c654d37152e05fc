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
posted again when the same reply already follows the command.

Request budget (REST requests; retries aside), measured in ``tests/run/``:

* triage of a new issue: comments, the author's profile name, the comment,
  the labels: 4;
* a maintainer's ``/accept``: permission, comments, reaction, comment edit,
  labels: 5. That is why a command whose outcome the triage comment shows
  (accepted, declined) is answered by the edited comment and the reaction, not
  by an extra reply; errors, refusals and ``/help`` get a reply.

The paper list's headings come from the survey's working tree, not from the
API: an ``/accept`` section (and a reader's suggested section) is checked
against them at no request cost, so a wrong section is refused at once
instead of failing the scheduled batch.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from bot.editors.lines import Lines
from bot.editors.sections import Heading, find_headings
from bot.escaping import markdown, one_line
from bot.events import CommentCommand, IssueTriage
from bot.maintainer_commands import Accept, Help, parse_commands
from bot.models import Skipped, Suggestion
from bot.state import LoadedState, TriageState, load_state
from bot.survey import assess
from bot.triage import MAX_PAPERS, CommandPlan, IssueInfo, is_maintainer, plan_comment, plan_triage

if TYPE_CHECKING:
    from bot.config import Config
    from bot.github import Comment, GitHubPort
    from bot.matching import ReferenceIndex
    from bot.metadata import Resolver


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


# --------------------------------------------------------------------------- issues


def handle_issue(
    trigger: IssueTriage,
    port: GitHubPort,
    config: Config,
    resolver: Resolver,
    index: ReferenceIndex,
    bot_login: str,
) -> Report:
    """Triage an opened, edited or reopened issue: one bot comment, the bot's labels."""
    from bot.intake import parse_issue

    report = Report(f"issue #{trigger.number} {trigger.action}: triage")
    suggestions = parse_issue(trigger.title, trigger.body)
    if not suggestions and trigger.action == "opened":  # a new issue has no bot comment yet
        report.notes.append("no paper suggestion in the issue: nothing to say")
        return report
    comments = port.issue_comments(trigger.number)
    _triage(trigger, suggestions, comments, port, config, resolver, index, bot_login, report)
    return report


def _triage(
    trigger: IssueTriage,
    suggestions: list[Suggestion],
    comments: list[Comment],
    port: GitHubPort,
    config: Config,
    resolver: Resolver,
    index: ReferenceIndex,
    bot_login: str,
    report: Report,
) -> None:
    loaded = _loaded(comments, bot_login, report)
    if not suggestions and loaded.comment is None:
        report.notes.append("no paper suggestion in the issue: nothing to say")
        return
    assessed = assess(suggestions[:MAX_PAPERS], resolver, index)
    for item in assessed:
        if isinstance(item.resolution, Skipped):
            report.warnings.append(
                f"issue #{trigger.number}: could not identify {item.resolution.what}: "
                f"{item.resolution.why}"
            )
    wants_name = bool(assessed and trigger.author_login) and not any(
        s.thank_as for s in suggestions
    )
    issue = IssueInfo(
        number=trigger.number,
        author_login=trigger.author_login,
        author_name=port.user_name(trigger.author_login) if wants_name else None,
        labels=trigger.labels,
    )
    hinted = any(s.section for s in suggestions[:MAX_PAPERS])
    plan = plan_triage(
        issue,
        suggestions,
        [item.resolution for item in assessed],
        [item.result for item in assessed],
        config,
        loaded.state,
        sections=paper_list_sections(config, report) if hinted else None,
    )
    report.notes.extend(plan.notes)
    _record_papers(plan.state, report)
    _publish(port, trigger.number, plan.comment_body, loaded, bot_login, report)
    _set_labels(port, trigger.number, plan.labels_to_add, plan.labels_to_remove, report)


# --------------------------------------------------------------------------- commands


def handle_comment(
    trigger: CommentCommand,
    port: GitHubPort,
    config: Config,
    resolver: Resolver,
    index: ReferenceIndex,
    bot_login: str,
    issue: IssueTriage | None = None,
) -> Report:
    """Run the slash commands of a new comment; ``issue`` is the payload's issue, for /recheck.

    The permission API is asked only when the comment holds more than ``/help``
    and ``config.maintainers`` does not already name the commenter. The issue's
    comments are always read: they hold the state, and show whether this
    comment was already answered (a re-delivered event).
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
    login = trigger.author_login
    permission: str | None = None
    if not all(isinstance(c, Help) for c in commands) and not is_maintainer(login, None, config):
        permission = port.permission(login)
    comments = port.issue_comments(number)
    loaded = _loaded(comments, bot_login, report)
    info = IssueInfo(
        number=number,
        author_login=trigger.issue_author_login,
        labels=trigger.issue_labels,
        open=trigger.issue_open,
    )
    accepting = any(isinstance(c, Accept) for c in commands)
    sections = paper_list_sections(config, report) if accepting else None
    plan = plan_comment(commands, login, permission, config, loaded.state, info, sections=sections)
    assert plan is not None  # there are commands
    report.notes.append(f"commands: {', '.join(type(c).__name__.lower() for c in commands)}")
    if plan.reaction:
        port.react_to_comment(trigger.comment_id, plan.reaction)
        report.actions.append(f"reacted {plan.reaction} to the command")
    # The triage comment shows a decision; a reply says what it cannot (errors, help).
    shows_outcome = plan.comment_body is not None and plan.reaction != "confused"
    comments = _apply(
        port,
        number,
        plan,
        loaded,
        comments,
        bot_login,
        report,
        reply=None if shows_outcome else plan.reply_body,
        reply_after=trigger.comment_id,
    )
    if plan.new_state is not None:
        _record_papers(plan.new_state, report)
    if plan.rerun_triage:
        if issue is None:
            data = port.issue(number)
            issue = IssueTriage(
                number, data.title, data.body, data.author, data.author_type, data.labels, "recheck"
            )
        labels = (set(trigger.issue_labels) | set(plan.labels_to_add)) - set(plan.labels_to_remove)
        issue = replace(issue, labels=tuple(sorted(labels)), action="recheck")
        suggestions = parse_issue(issue.title, issue.body)
        _triage(issue, suggestions, comments, port, config, resolver, index, bot_login, report)
    return report


def paper_list_sections(config: Config, report: Report) -> tuple[Heading, ...] | None:
    """The headings of the paper list in the survey's working tree; None when there is none.

    An unreadable file is a warning, not a failure: sections then go unchecked
    here, and the batch reports the problem when it edits the file.
    """
    if config.paper_list is None:
        return None
    path = config.paper_list.path
    try:
        text = (config.root / path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        report.warnings.append(f"could not read the paper list {path} ({exc}): section not checked")
        return None
    return tuple(find_headings(Lines.parse(text).contents))


# --------------------------------------------------------------------------- applying plans


def _apply(
    port: GitHubPort,
    number: int,
    plan: CommandPlan,
    loaded: LoadedState,
    comments: list[Comment],
    bot_login: str,
    report: Report,
    *,
    reply: str | None,
    reply_after: int,
) -> list[Comment]:
    """Carry out a command plan; returns the issue's comments as they now are."""
    published = _publish(port, number, plan.comment_body, loaded, bot_login, report)
    if plan.comment_body is not None:
        gone = {c.id for c in loaded.duplicates} | {published.id if published else 0}
        comments = [c for c in comments if c.id not in gone] + ([published] if published else [])
    if reply:
        if _already_said(comments, bot_login, reply, reply_after):
            report.notes.append("the reply was already posted (a repeated event)")
        else:
            comments = [*comments, port.create_comment(number, reply)]
            report.actions.append(f"replied on #{number}")
    _set_labels(port, number, plan.labels_to_add, plan.labels_to_remove, report)
    if plan.close_issue:
        reason = plan.close_reason or "completed"
        port.close_issue(number, reason)
        report.actions.append(f"closed #{number} as {reason.replace('_', ' ')}")
    if plan.reopen_issue:
        port.reopen_issue(number)
        report.actions.append(f"reopened #{number}")
    return comments


def _publish(
    port: GitHubPort,
    number: int,
    body: str | None,
    loaded: LoadedState,
    bot_login: str,
    report: Report,
) -> Comment | None:
    """Edit the bot's comment (or create the first one), then delete stale copies."""
    if body is None:
        return None
    published: Comment | None = None
    if loaded.comment is None:
        published = port.create_comment(number, body)
        report.actions.append(f"commented on #{number}")
        if published.author.lower() != bot_login.lower() and published.id > 0:
            report.warnings.append(
                f"the bot comments as {published.author}, not {bot_login}: set SURVEY_BOT_LOGIN="
                f"{published.author}, or later runs will not find this comment"
            )
    elif loaded.comment.body != body:
        published = port.edit_comment(loaded.comment.id, body)
        report.actions.append(f"edited the triage comment on #{number}")
    else:
        report.notes.append("the triage comment is already up to date")
    for stale in loaded.duplicates:
        port.delete_comment(stale.id)
        report.actions.append(f"deleted a duplicate bot comment on #{number}")
    return published


def _set_labels(
    port: GitHubPort, number: int, add: Sequence[str], remove: Sequence[str], report: Report
) -> None:
    if add:
        port.add_labels(number, list(add))
        report.actions.append(f"labelled #{number}: {', '.join(add)}")
    for label in remove:
        port.remove_label(number, label)
        report.actions.append(f"removed label {label} from #{number}")


def _loaded(comments: Sequence[Comment], bot_login: str, report: Report) -> LoadedState:
    loaded = load_state(comments, bot_login)
    if loaded.warning:
        report.warnings.append(loaded.warning)
    return loaded


def _already_said(comments: Sequence[Comment], bot_login: str, body: str, after: int) -> bool:
    login = bot_login.lower()
    return any(c.author.lower() == login and c.id > after and c.body == body for c in comments)


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
