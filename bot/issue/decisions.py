"""What a maintainer's slash commands do, as data. Pure: no GitHub, no network.

``plan_command`` / ``plan_comment``: a person commented slash commands
(``bot.issue.commands``). Only maintainers act: write, maintain or admin
permission from the collaborator permission API, or a login in
``config.maintainers``; ``author_association`` alone is never proof. Anyone may
ask for ``/help``. Anyone else gets a ``confused`` reaction and exactly one
short polite reply per comment (however many commands it holds), and nothing
changes. ``missed_commands`` finds the command comments whose runs GitHub
dropped, for the next run to handle first.

A section named by ``/accept`` (or the configured default) must be a heading
of the paper list: the caller reads the file and passes its ``Heading``s as
``sections``; an unknown or ambiguous name is refused at once, with the
closest headings, instead of failing the scheduled batch later. A forgiving
match ("5.2 alignment tuning") is recorded under the heading's real text.

The caller executes a ``CommandPlan``: react, reply, create or edit the bot
comment with ``comment_body``, set labels, close or reopen the issue, and
re-run triage when ``rerun_triage`` is set.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from bot.config import Config
from bot.editors.sections import Heading, match_heading, normalize_heading
from bot.issue import replies
from bot.issue.commands import (
    Accept,
    Help,
    MalformedCommand,
    Recheck,
    Reject,
    SlashCommand,
    Thank,
    UnknownCommand,
    parse_commands,
)
from bot.issue.state import PaperState, TriageState, record_digest
from bot.issue.triage import IssueInfo, clip, issue_reader, known_section, label_changes
from bot.render import Renderer
from bot.suggestions import Thanks

if TYPE_CHECKING:
    from bot.github.port import Comment

MAX_EXTRA_THANKS = 20
MAINTAINER_PERMISSIONS = frozenset({"admin", "maintain", "write"})
MAX_SECTIONS_SHOWN = 10  # closest headings listed when a section does not exist


@dataclass(frozen=True)
class CommandPlan:
    """What to do on an issue, as data: for a comment's slash commands, and for the thank-you
    once its papers are in the survey (``bot.batch.followup``)."""

    reaction: str | None  # "+1" or "confused" on the command comment
    reply_body: str | None
    labels_to_add: tuple[str, ...]
    labels_to_remove: tuple[str, ...]
    new_state: TriageState | None
    close_issue: bool = False
    close_reason: str | None = None  # "not_planned" | "completed"
    reopen_issue: bool = False
    rerun_triage: bool = False
    comment_body: str | None = None  # the refreshed triage comment, when the state changed


#: ``author_association`` values of people with no role in the repository: they cannot have
#: write access, so their permission need not be asked (refusing them is always safe).
NO_ROLE = frozenset({"NONE", "CONTRIBUTOR", "FIRST_TIMER", "FIRST_TIME_CONTRIBUTOR", "MANNEQUIN"})


def needs_permission(login: str, association: str, config: Config) -> bool:
    """Whether only GitHub's permission API can tell if ``login`` may command.

    Not for a login ``config.maintainers`` names, nor for someone whose
    ``author_association`` says they have no role in the repository (a hint
    that can only make the bot refuse, never let anyone in).
    """
    if is_maintainer(login, None, config):
        return False
    return association.strip().upper() not in NO_ROLE


def is_maintainer(login: str, permission: str | None, config: Config) -> bool:
    """Write access or better, or listed in ``config.maintainers`` (logins are case-insensitive)."""
    if (permission or "").strip().lower() in MAINTAINER_PERMISSIONS:
        return True
    listed = {m.strip().lstrip("@").lower() for m in config.maintainers}
    return bool(login) and login.lower() in listed


def missed_commands(
    comments: Sequence[Comment], state: TriageState | None, before: int | None, bot_login: str
) -> list[tuple[Comment, list[SlashCommand]]]:
    """Command comments older than comment ``before`` that no run handled, oldest first.

    GitHub keeps one pending run per issue and drops the one it replaces, so
    each run must also do the work of dropped runs: a comment run before its
    own comment's (``before`` is that comment), a triage run (an ``issues``
    event) after its triage (``before`` is None: every comment counts). A
    comment counts when a person (not a bot, not ``bot_login``) wrote it, it
    holds commands, and ``state`` does not record it as handled. Without that
    record (no bot comment, or a state from a bot that did not keep it) none
    counts: replaying an issue's history would redo decisions long since
    superseded.
    """
    if state is None or state.handled_up_to is None:
        return []
    bot = bot_login.lower()
    missed = [
        (comment, parse_commands(comment.body))
        for comment in sorted(comments, key=lambda c: c.id)
        if not state.handled(comment.id)
        and (before is None or comment.id < before)
        and comment.author_type != "Bot"
        and comment.author.lower() != bot
    ]
    return [(comment, commands) for comment, commands in missed if commands]


def plan_comment(
    commands: Sequence[SlashCommand],
    actor: str,
    actor_permission: str | None,
    config: Config,
    state: TriageState | None,
    issue: IssueInfo,
    sections: Sequence[Heading] | None = None,
    *,
    renderer: Renderer,
) -> CommandPlan | None:
    """One plan for all commands of one comment: one reaction, at most one reply.

    Commands run in order, each seeing the state the previous one left.
    ``sections`` is passed on to ``plan_command``.
    """
    if not commands:
        return None
    if not is_maintainer(actor, actor_permission, config) and not all(
        isinstance(c, Help) for c in commands
    ):
        return _refused(config, state, renderer)
    labels, is_open, current = set(issue.labels), issue.open, state
    plans: list[CommandPlan] = []
    for command in commands:
        view = replace(issue, labels=tuple(sorted(labels)), open=is_open)
        plan = plan_command(
            command, actor, actor_permission, config, current, view, sections, renderer=renderer
        )
        plans.append(plan)
        labels = (labels | set(plan.labels_to_add)) - set(plan.labels_to_remove)
        is_open = (is_open or plan.reopen_issue) and not plan.close_issue
        current = plan.new_state
    bodies = dict.fromkeys(p.reply_body for p in plans if p.reply_body)  # each error said once
    close = issue.open and not is_open
    return CommandPlan(
        reaction="confused" if any(p.reaction == "confused" for p in plans) else "+1",
        reply_body="\n\n".join(bodies) or None,
        labels_to_add=tuple(sorted(labels - set(issue.labels))),
        labels_to_remove=tuple(sorted(set(issue.labels) - labels)),
        new_state=current,
        close_issue=close,
        close_reason=next((p.close_reason for p in reversed(plans) if p.close_reason), None)
        if close
        else None,
        reopen_issue=is_open and not issue.open,
        rerun_triage=any(p.rerun_triage for p in plans),
        comment_body=(
            replies.triage_comment(current, config, renderer=renderer)
            if current is not None and current != state
            else None
        ),
    )


def plan_command(
    command: SlashCommand,
    actor: str,
    actor_permission: str | None,
    config: Config,
    state: TriageState | None,
    issue: IssueInfo,
    sections: Sequence[Heading] | None = None,
    *,
    renderer: Renderer,
) -> CommandPlan:
    """Plan one command; ``state`` is None when the bot has no comment on the issue.

    ``sections`` are the paper list's headings, which an ``/accept`` section
    must name; None when there is no paper list to check against.
    """
    if isinstance(command, Help):
        return _reply(replies.help_reply(config, renderer=renderer), state)
    if not is_maintainer(actor, actor_permission, config):
        return _refused(config, state, renderer)
    if isinstance(command, (UnknownCommand, MalformedCommand)):
        return _reply(
            replies.error_reply(command, config, renderer=renderer), state, reaction="confused"
        )
    if isinstance(command, Recheck):
        return CommandPlan("+1", None, (), (), state, rerun_triage=True)
    if isinstance(command, Accept):
        return _accept(command, config, state, issue, renderer, sections)
    if isinstance(command, Reject):
        return _reject(command, config, state, issue, renderer)
    if isinstance(command, Thank):
        return _thank(command, config, state, issue, renderer)
    raise TypeError(f"unknown command {command!r}")


def _accept(
    command: Accept,
    config: Config,
    state: TriageState | None,
    issue: IssueInfo,
    renderer: Renderer,
    sections: Sequence[Heading] | None,
) -> CommandPlan:
    papers = state.papers if state else ()
    if not papers:
        return _error("no-papers", config, state, renderer)
    if command.papers is None:
        chosen = [n for n, p in enumerate(papers, 1) if p.verdict == "new" and p.acceptable]
        if not chosen:
            return _error(
                "none-new",
                config,
                state,
                renderer,
                papers=_refusals(papers, range(1, len(papers) + 1)),
            )
    else:
        missing = [n for n in command.papers if n > len(papers)]
        if missing:
            return _error(
                "out-of-range", config, state, renderer, numbers=missing, count=len(papers)
            )
        chosen = list(command.papers)
        refused = [n for n in chosen if not papers[n - 1].acceptable]
        if refused:
            return _error(
                "not-acceptable", config, state, renderer, papers=_refusals(papers, refused)
            )
    assert state is not None
    placed: dict[int, str | None] = {}
    for n in chosen:  # without a section: the one proposed for the paper, else the default
        proposed = None if command.section else papers[n - 1].proposed_section
        if proposed and sections is not None:
            proposed = known_section(sections, proposed)  # the list may have changed since
        requested = clip(command.section) or proposed or replies.default_section(config)
        section = requested
        if sections is not None:
            section = known_section(sections, requested) if requested else None
            if section is None:
                return _section_error(
                    requested, command.section is None, sections, config, state, renderer
                )
        placed[n] = section
    section = next(iter(placed.values())) if len(set(placed.values())) == 1 else None
    reader = state.reader or issue_reader(issue, ())
    # What the maintainer saw is what lands: the acceptance binds the record and the name.
    new_papers = tuple(
        replace(
            p,
            accepted=True,
            section=placed[n],
            accepted_digest=record_digest(p.record, reader),
            changed=(),
            ticked_by=None,
        )
        if n in chosen
        else p
        for n, p in enumerate(papers, 1)
    )
    new_state = replace(
        state, papers=new_papers, rejected=False, rejected_reason=None, reader=reader
    )
    reply = replies.command_reply(
        "accepted",
        config,
        renderer=renderer,
        papers=[{"n": n, "title": replies.paper_title(papers[n - 1])} for n in chosen],
        section=section,
        reader_name=(
            reader.name if reader and not reader.opt_out and config.acknowledgements else None
        ),
    )
    return _changed(new_state, issue, config, reply, renderer, reopen=not issue.open)


def _section_error(
    requested: str | None,
    defaulted: bool,
    sections: Sequence[Heading],
    config: Config,
    state: TriageState | None,
    renderer: Renderer,
) -> CommandPlan:
    """Refuse an ``/accept`` whose section is missing, unknown or ambiguous; list the choices."""
    found = match_heading(sections, requested) if requested else []
    if len(found) > 1:
        choices = [clip(_heading_path(sections, h)) for h in found]
        return _error(
            "ambiguous-section", config, state, renderer, section=requested, choices=choices
        )
    keys = Counter(normalize_heading(h.title) for h in sections)
    # Headings whose sections list papers come first, in the file's order; "Table of
    # Contents" or "Acknowledgments" stay valid (a new section is empty) but come last.
    holds_papers: dict[str, bool] = {}
    for h in sections:
        if h.title:
            unique = keys[normalize_heading(h.title)] == 1
            name = clip(h.title if unique else _heading_path(sections, h))
            holds_papers[name] = holds_papers.get(name, False) or h.holds_papers
    titles = sorted(holds_papers, key=lambda title: not holds_papers[title])
    if requested:  # closest first: shared words, then sections with papers, then spelling
        key = normalize_heading(requested)
        words = set(key.split())

        def distance(title: str) -> tuple[int, bool, float]:
            other = normalize_heading(title)
            ratio = difflib.SequenceMatcher(None, key, other).ratio()
            # Shared words decide; among equals, sections that hold papers first.
            return -len(words & set(other.split())), not holds_papers[title], -ratio

        titles.sort(key=distance)
    return _error(
        "unknown-section",
        config,
        state,
        renderer,
        section=requested,
        default=defaulted,
        path=config.paper_list.path if config.paper_list else None,
        choices=titles[:MAX_SECTIONS_SHOWN],
        more=max(0, len(titles) - MAX_SECTIONS_SHOWN),
    )


def _heading_path(sections: Sequence[Heading], heading: Heading) -> str:
    """``"Parent > Child"`` with the nearest enclosing heading, as ``/accept`` accepts it."""
    before = sections[: sections.index(heading)]
    parent = next((h for h in reversed(before) if h.level < heading.level), None)
    return f"{parent.title} > {heading.title}" if parent else heading.title


def _reject(
    command: Reject,
    config: Config,
    state: TriageState | None,
    issue: IssueInfo,
    renderer: Renderer,
) -> CommandPlan:
    reason = clip(command.reason) or None
    reply = replies.command_reply("rejected", config, renderer=renderer, reason=reason)
    if state is None:
        labels = config.labels
        add = () if labels.rejected in issue.labels else (labels.rejected,)
        remove = (labels.accepted,) if labels.accepted in issue.labels else ()
        return CommandPlan(
            "+1",
            reply,
            add,
            remove,
            None,
            close_issue=issue.open,
            close_reason="not_planned" if issue.open else None,
        )
    new_state = replace(
        state,
        rejected=True,
        rejected_reason=reason,
        papers=tuple(
            replace(p, accepted=False, section=None, ticked_by=None) for p in state.papers
        ),
    )
    plan = _changed(new_state, issue, config, reply, renderer)
    return replace(plan, close_issue=issue.open, close_reason="not_planned" if issue.open else None)


def _thank(
    command: Thank,
    config: Config,
    state: TriageState | None,
    issue: IssueInfo,
    renderer: Renderer,
) -> CommandPlan:
    if not config.acknowledgements:  # nowhere to thank: say so, record nothing
        return _error("no-thanks-target", config, state, renderer)
    current = state or TriageState(reader=issue_reader(issue, ()))
    thanks = Thanks(login=command.login, name=clip(command.name) or command.login)
    login = command.login.lower()
    others = tuple(t for t in current.extra_thanks if t.login.lower() != login)
    if len(others) >= MAX_EXTRA_THANKS:
        return _error("too-many-thanks", config, state, renderer, limit=MAX_EXTRA_THANKS)
    new_state = replace(
        current,
        extra_thanks=(*others, thanks),
        thanked=tuple(done for done in current.thanked if done.lower() != login),
    )
    # An issue with work pending stays open: the batch reads open issues only (the merge of
    # its pull request may have closed this one already).
    return _changed(new_state, issue, config, None, renderer, reopen=not issue.open)


def _changed(
    new_state: TriageState,
    issue: IssueInfo,
    config: Config,
    reply: str | None,
    renderer: Renderer,
    *,
    reopen: bool = False,
) -> CommandPlan:
    add, remove = label_changes(issue.labels, new_state, config)
    return CommandPlan(
        "+1",
        reply,
        add,
        remove,
        new_state,
        reopen_issue=reopen,
        comment_body=replies.triage_comment(new_state, config, renderer=renderer),
    )


def _reply(body: str, state: TriageState | None, reaction: str = "+1") -> CommandPlan:
    return CommandPlan(reaction, body, (), (), state)


def _error(
    kind: str,
    config: Config,
    state: TriageState | None,
    renderer: Renderer,
    **values: object,
) -> CommandPlan:
    return _reply(
        replies.command_reply(kind, config, renderer=renderer, **values), state, reaction="confused"
    )


def _refused(config: Config, state: TriageState | None, renderer: Renderer) -> CommandPlan:
    return _reply(replies.not_allowed_reply(config, renderer=renderer), state, reaction="confused")


def _refusals(papers: Sequence[PaperState], numbers: Iterable[int]) -> list[dict[str, object]]:
    """Why each of ``numbers`` cannot be accepted, for the error reply."""
    views: list[dict[str, object]] = []
    for n in numbers:
        paper = papers[n - 1]
        label = paper.match.label if paper.match else ""
        views.append(
            {"n": n, "title": replies.paper_title(paper), "why": _why_not(paper), "label": label}
        )
    return views


def _why_not(paper: PaperState) -> str:
    if paper.verdict == "cited":
        return "cited"
    return "ambiguous" if paper.acceptable else "unresolved"
