"""What to say and which labels to set, as data. Pure: no GitHub, no network.

Two decisions per event:

* ``plan_triage``: an issue was opened or edited. Its suggestions, their
  resolved metadata and the matcher's verdicts become one triage comment, the
  bot's labels and the ``TriageState`` hidden in that comment. Decisions taken
  earlier (``/accept``, ``/reject``, ``/thank``) survive the edit.
* ``plan_command`` / ``plan_comment``: a person commented slash commands. Only
  maintainers act: write, maintain or admin permission from the collaborator
  permission API, or a login in ``config.maintainers``; ``author_association``
  alone is never proof. Anyone may ask for ``/help``. Anyone else gets a
  ``confused`` reaction and exactly one short polite reply per comment (however
  many commands it holds), and nothing changes.

A section named by ``/accept`` (or the configured default) must be a heading
of the paper list: the caller reads the file and passes its ``Heading``s as
``sections``; an unknown or ambiguous name is refused at once, with the
closest headings, instead of failing the scheduled batch later. A forgiving
match ("5.2 alignment tuning") is recorded under the heading's real text.

``plan_merged`` thanks readers once the batch pull request that adds their
papers is merged, marking the papers that pull request's hidden data lists
and those a maintainer added by hand (``found_in`` the default branch);
``plan_landed`` closes the loop without a pull request when every accepted
paper left was added by hand. The caller executes a plan: react, reply, create or edit the
bot comment with ``comment_body``, set labels, close or reopen the issue, and
re-run triage when ``rerun_triage`` is set.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from jinja2.sandbox import SandboxedEnvironment

from bot.batch.plan import BatchData, cited_as
from bot.config import Config
from bot.editors.sections import Heading, match_heading, normalize_heading
from bot.identifiers import normalize_arxiv, normalize_doi
from bot.issue import replies
from bot.issue.commands import (
    Accept,
    Command,
    Help,
    MalformedCommand,
    Recheck,
    Reject,
    Thank,
    UnknownCommand,
    parse_commands,
)
from bot.issue.state import PaperState, RefSummary, TriageState
from bot.matching import ReferenceIndex
from bot.models import (
    CheckResult,
    PaperItem,
    PaperRecord,
    Reference,
    Skipped,
    Suggestion,
    Thanks,
)
from bot.text.escaping import one_line

if TYPE_CHECKING:
    from bot.github.port import Comment

MAX_PAPERS = 10  # per issue; more are counted in ``TriageState.omitted``, not checked
MAX_CANDIDATES = 5
MAX_AUTHORS_KEPT = 20  # longer author lists end with "others" (BibTeX's "et al.")
MAX_TEXT = 300
MAX_EXTRA_THANKS = 20
COMMENT_BUDGET = 60_000  # GitHub's limit is 65,536; commands may add a little later
MAINTAINER_PERMISSIONS = frozenset({"admin", "maintain", "write"})
ID_KINDS = ("arxiv", "doi", "openreview", "acl", "url")
MAX_SECTIONS_SHOWN = 10  # closest headings listed when a section does not exist


@dataclass(frozen=True)
class IssueInfo:
    """The issue a plan is about, as far as the plans need it."""

    number: int
    author_login: str = ""
    author_name: str | None = None  # GitHub profile name, when the caller looked it up
    labels: tuple[str, ...] = ()
    open: bool = True


@dataclass(frozen=True)
class TriagePlan:
    comment_body: str | None  # None: post or edit nothing
    labels_to_add: tuple[str, ...]
    labels_to_remove: tuple[str, ...]
    state: TriageState | None
    notes: tuple[str, ...] = ()  # for the log: e.g. an acceptance dropped by an edit


@dataclass(frozen=True)
class CommandPlan:
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


def is_maintainer(login: str, permission: str | None, config: Config) -> bool:
    """Write access or better, or listed in ``config.maintainers`` (logins are case-insensitive)."""
    if (permission or "").strip().lower() in MAINTAINER_PERMISSIONS:
        return True
    listed = {m.strip().lstrip("@").lower() for m in config.maintainers}
    return bool(login) and login.lower() in listed


def desired_labels(state: TriageState | None, config: Config) -> set[str]:
    """The bot-managed labels an issue in ``state`` should carry."""
    names = config.labels
    if state is None:
        return set()
    wanted: set[str] = set()
    if state.papers:
        wanted.add(names.suggestion)
        if all(p.verdict == "cited" for p in state.papers):
            wanted.add(names.cited)
        if any(p.verdict == "new" and p.record is not None for p in state.papers):
            wanted.add(names.new)
        if any(p.record is None and p.verdict != "cited" for p in state.papers):
            wanted.add(names.needs_info)
    if state.rejected:
        wanted.add(names.rejected)
    elif state.accepted or state.extra_thanks:  # /thank alone also means "batch this issue"
        wanted.add(names.accepted)
    return wanted


def managed_labels(config: Config) -> set[str]:
    n = config.labels
    return {n.suggestion, n.cited, n.new, n.needs_info, n.accepted, n.rejected}


def label_changes(
    current: Iterable[str], state: TriageState | None, config: Config
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(to add, to remove) so that the bot's labels match ``state``; other labels stay."""
    current = set(current)
    wanted = desired_labels(state, config)
    return tuple(sorted(wanted - current)), tuple(
        sorted((managed_labels(config) - wanted) & current)
    )


# --- triage ---------------------------------------------------------------------------------


def plan_triage(
    issue: IssueInfo,
    suggestions: Sequence[Suggestion],
    resolutions: Sequence[PaperRecord | Skipped],
    results: Sequence[CheckResult | None],
    config: Config,
    previous_state: TriageState | None,
    env: SandboxedEnvironment | None = None,
    sections: Sequence[Heading] | None = None,
) -> TriagePlan:
    """Plan the triage comment and labels for an opened or edited issue.

    Only the first ``MAX_PAPERS`` suggestions are used (the rest are counted),
    so the caller need only resolve and check those.

    ``resolutions[i]`` and ``results[i]`` belong to ``suggestions[i]``;
    ``results[i]`` may be None when the paper could not be resolved (the
    matcher may still have checked the reader's ids or title: then its verdict
    is used). ``previous_state`` is None exactly when the bot has not commented
    yet (pass a fresh ``TriageState()`` when its comment exists but its data
    was unreadable). ``sections``, the paper list's headings, turn a reader's
    suggested section into the heading's real name when it names one.
    """
    checked = list(suggestions)[:MAX_PAPERS]
    if len(resolutions) < len(checked) or len(results) < len(checked):
        raise ValueError("plan_triage needs one resolution and one result (or None) per suggestion")
    if not suggestions and previous_state is None:
        return TriagePlan(None, (), (), None)

    fresh = [_paper_state(s, resolutions[i], results[i], sections) for i, s in enumerate(checked)]
    previous = previous_state or TriageState()
    papers, notes = _carry_decisions(previous.papers, fresh)
    state = replace(
        previous,
        papers=tuple(papers),
        omitted=max(0, len(suggestions) - MAX_PAPERS),
        reader=_reader(issue, checked) or previous.reader,
    )
    gone = not papers and bool(previous.papers)
    state, body = _fit(
        state, lambda s: replies.triage_comment(s, config, papers_gone=gone, env=env)
    )
    add, remove = label_changes(issue.labels, state, config)
    return TriagePlan(body, add, remove, state, tuple(notes))


def _fit(state: TriageState, render: Callable[[TriageState], str]) -> tuple[TriageState, str]:
    """Shrink a state whose comment would exceed ``COMMENT_BUDGET``: fewer details, then papers.

    Clipping keeps ordinary issues far below the budget; this is the backstop
    that makes "one GitHub comment" hold for any input.
    """
    body = render(state)
    if len(body) > COMMENT_BUDGET:
        state = replace(state, papers=tuple(_compact(p) for p in state.papers))
        body = render(state)
    while len(body) > COMMENT_BUDGET and state.papers:
        state = replace(state, papers=state.papers[:-1], omitted=state.omitted + 1)
        body = render(state)
    return state, body


def _compact(paper: PaperState) -> PaperState:
    record = paper.record
    if record is not None and len(record.authors) > 3:
        record = replace(record, authors=(*record.authors[:3], "others"))
    return replace(paper, record=record, candidates=paper.candidates[:2])


def _paper_state(
    suggestion: Suggestion,
    resolution: PaperRecord | Skipped,
    result: CheckResult | None,
    sections: Sequence[Heading] | None,
) -> PaperState:
    record = _clip_record(resolution) if isinstance(resolution, PaperRecord) else None
    why = _clip(resolution.why) if isinstance(resolution, Skipped) else None
    hint = _clip(suggestion.section)
    if hint and sections:
        hint = known_section(sections, hint) or hint
    base = PaperState(
        verdict="unresolved",
        keys=paper_keys(suggestion, record),
        asked=_asked(suggestion),
        record=record,
        why=why,
        suggested_section=hint or None,
    )
    if result is None:
        if record is not None:
            raise ValueError(f"no check result for the resolved paper {record.title!r}")
        return base
    match = result.match or (result.candidates[0].reference if result.candidates else None)
    if result.verdict == "cited" and match is not None:
        return replace(base, verdict="cited", match=_summary(match, result.score or 1.0))
    if result.verdict == "ambiguous" and result.candidates:
        ranked = sorted(result.candidates, key=lambda c: -c.score)[:MAX_CANDIDATES]
        return replace(
            base,
            verdict="ambiguous",
            candidates=tuple(_summary(c.reference, c.score) for c in ranked),
        )
    return replace(base, verdict="new" if record is not None else "unresolved")


def _carry_decisions(
    old: Sequence[PaperState], new: Sequence[PaperState]
) -> tuple[list[PaperState], list[str]]:
    """Keep each paper's acceptance, section and merge across an edit of the issue."""
    unused = list(old)
    papers: list[PaperState] = []
    notes: list[str] = []
    for paper in new:
        before = next((p for p in unused if same_paper(p.keys, paper.keys)), None)
        if before is None:
            papers.append(paper)
            continue
        unused.remove(before)
        accepted = before.accepted and paper.acceptable
        if before.accepted and not accepted:
            notes.append(f"acceptance of {paper.asked!r} dropped: it is now {paper.verdict}")
        papers.append(
            replace(
                paper,
                accepted=accepted,
                section=before.section if accepted else None,
                merged_in=before.merged_in,
            )
        )
    notes += [f"accepted paper {p.asked!r} is no longer in the issue" for p in unused if p.accepted]
    return papers, notes


def paper_keys(suggestion: Suggestion, record: PaperRecord | None) -> tuple[str, ...]:
    """Identity of a paper across edits: its ids and normalised title, prefixed by kind."""
    keys: list[str] = []
    for value in (suggestion.arxiv, record and record.arxiv):
        if value and (arxiv := normalize_arxiv(value)):
            keys.append(f"arxiv:{arxiv}")
    for value in (suggestion.doi, record and record.doi, record and record.published_doi):
        if value and (doi := normalize_doi(value)):
            keys.append(f"doi:{doi}")
    for kind, value in (("openreview", suggestion.openreview), ("acl", suggestion.acl)):
        if value:
            keys.append(f"{kind}:{one_line(value).lower()}")
    if suggestion.url:
        keys.append(
            "url:" + re.sub(r"^https?://(www\.)?|/+$", "", one_line(suggestion.url).lower())
        )
    for value in (suggestion.title, record and record.title):
        if value and (title := re.sub(r"\W+", "", one_line(value).casefold())):
            keys.append(f"title:{title}")
    return tuple(dict.fromkeys(key[:MAX_TEXT] for key in keys))


def same_paper(a: Sequence[str], b: Sequence[str]) -> bool:
    """Same paper if the first id kind both name agrees; only without ids, by title.

    Two different arXiv ids are two papers even under one title, so an edit that
    swaps the id of an accepted paper does not carry the acceptance over.
    """
    for kind in ID_KINDS:
        ours = {k for k in a if k.startswith(kind + ":")}
        theirs = {k for k in b if k.startswith(kind + ":")}
        if ours and theirs:
            return bool(ours & theirs)
    titles = {k for k in a if k.startswith("title:")}
    return bool(titles & {k for k in b if k.startswith("title:")})


def _reader(issue: IssueInfo, suggestions: Sequence[Suggestion]) -> Thanks | None:
    """The issue author, named as the form asked, else by GitHub profile name, else login."""
    if not issue.author_login:
        return None
    name = requested_name(suggestions) or _clip(issue.author_name) or issue.author_login
    return Thanks(login=issue.author_login, name=name, opt_out=any(s.opt_out for s in suggestions))


def requested_name(suggestions: Sequence[Suggestion]) -> str | None:
    """The name the reader asked to be thanked as (the form's "thank as"), if any."""
    return next(
        (_clip(s.thank_as) for s in suggestions if s.thank_as and one_line(s.thank_as)), None
    )


def _asked(suggestion: Suggestion) -> str:
    """What the reader gave us, shortest strong id first."""
    for label, value in (
        ("arXiv:", suggestion.arxiv),
        ("DOI ", suggestion.doi),
        ("OpenReview ", suggestion.openreview),
        ("ACL Anthology ", suggestion.acl),
        ("", suggestion.url),
        ("", suggestion.title),
    ):
        if value and one_line(value):
            return _clip(label + one_line(value))
    return "(no id, link or title)"


def _summary(reference: Reference, score: float) -> RefSummary:
    summary = RefSummary.from_reference(reference, score)
    return replace(
        summary,
        title=_clip(summary.title),
        key=_clip(summary.key) or None,
        source=_clip(summary.source),
    )


def _clip_record(record: PaperRecord) -> PaperRecord:
    """Bound every field so that ten papers always fit in one GitHub comment."""
    authors = tuple(_clip(a, 100) for a in record.authors[:MAX_AUTHORS_KEPT])
    if len(record.authors) > MAX_AUTHORS_KEPT:
        authors += ("others",)
    return replace(
        record,
        title=_clip(record.title),
        authors=authors,
        venue=_clip(record.venue) or None,
        published_venue=_clip(record.published_venue) or None,
        url=record.url if record.url and len(record.url) <= 500 else None,
        doi=_clip(record.doi) or None,
        published_doi=_clip(record.published_doi) or None,
    )


def _clip(text: str | None, limit: int = MAX_TEXT) -> str:
    text = one_line(text or "")
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


# --- commands -------------------------------------------------------------------------------


def missed_commands(
    comments: Sequence[Comment], state: TriageState | None, before: int | None, bot_login: str
) -> list[tuple[Comment, list[Command]]]:
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
    commands: Sequence[Command],
    actor: str,
    actor_permission: str | None,
    config: Config,
    state: TriageState | None,
    issue: IssueInfo,
    env: SandboxedEnvironment | None = None,
    sections: Sequence[Heading] | None = None,
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
        return _refused(config, state, env)
    labels, is_open, current = set(issue.labels), issue.open, state
    plans: list[CommandPlan] = []
    for command in commands:
        view = replace(issue, labels=tuple(sorted(labels)), open=is_open)
        plan = plan_command(command, actor, actor_permission, config, current, view, env, sections)
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
            replies.triage_comment(current, config, env=env)
            if current is not None and current != state
            else None
        ),
    )


def plan_command(
    command: Command,
    actor: str,
    actor_permission: str | None,
    config: Config,
    state: TriageState | None,
    issue: IssueInfo,
    env: SandboxedEnvironment | None = None,
    sections: Sequence[Heading] | None = None,
) -> CommandPlan:
    """Plan one command; ``state`` is None when the bot has no comment on the issue.

    ``sections`` are the paper list's headings, which an ``/accept`` section
    must name; None when there is no paper list to check against.
    """
    if isinstance(command, Help):
        return _reply(replies.help_reply(config, env), state)
    if not is_maintainer(actor, actor_permission, config):
        return _refused(config, state, env)
    if isinstance(command, (UnknownCommand, MalformedCommand)):
        return _reply(replies.error_reply(command, config, env), state, reaction="confused")
    if isinstance(command, Recheck):
        return CommandPlan("+1", None, (), (), state, rerun_triage=True)
    if isinstance(command, Accept):
        return _accept(command, config, state, issue, env, sections)
    if isinstance(command, Reject):
        return _reject(command, config, state, issue, env)
    if isinstance(command, Thank):
        return _thank(command, config, state, issue, env)
    raise TypeError(f"unknown command {command!r}")


def _accept(
    command: Accept,
    config: Config,
    state: TriageState | None,
    issue: IssueInfo,
    env: SandboxedEnvironment | None,
    sections: Sequence[Heading] | None,
) -> CommandPlan:
    papers = state.papers if state else ()
    if not papers:
        return _error("no-papers", config, state, env)
    if command.papers is None:
        chosen = [n for n, p in enumerate(papers, 1) if p.verdict == "new" and p.acceptable]
        if not chosen:
            return _error(
                "none-new", config, state, env, papers=_refusals(papers, range(1, len(papers) + 1))
            )
    else:
        missing = [n for n in command.papers if n > len(papers)]
        if missing:
            return _error("out-of-range", config, state, env, numbers=missing, count=len(papers))
        chosen = list(command.papers)
        refused = [n for n in chosen if not papers[n - 1].acceptable]
        if refused:
            return _error("not-acceptable", config, state, env, papers=_refusals(papers, refused))
    assert state is not None
    requested = _clip(command.section) or replies.default_section(config)
    section = requested
    if sections is not None:
        section = known_section(sections, requested) if requested else None
        if section is None:
            return _section_error(requested, command.section is None, sections, config, state, env)
    new_papers = tuple(
        replace(p, accepted=True, section=section) if n in chosen else p
        for n, p in enumerate(papers, 1)
    )
    reader = state.reader or _reader(issue, ())
    new_state = replace(
        state, papers=new_papers, rejected=False, rejected_reason=None, reader=reader
    )
    reply = replies.command_reply(
        "accepted",
        config,
        env,
        papers=[{"n": n, "title": replies.paper_title(papers[n - 1])} for n in chosen],
        section=section,
        reader_name=reader.name if reader and not reader.opt_out else None,
    )
    return _changed(new_state, issue, config, reply, env, reopen=not issue.open)


def known_section(sections: Sequence[Heading], requested: str) -> str | None:
    """The name to record for ``requested``: its heading's real text; None unless one matches.

    The batch matches the recorded name again, the same way; a name that only a
    "Parent > Child" path makes unique is therefore kept as it was written.
    """
    found = match_heading(sections, requested)
    if len(found) != 1:
        return None
    return found[0].title if match_heading(sections, found[0].title) == found else requested


def _section_error(
    requested: str | None,
    defaulted: bool,
    sections: Sequence[Heading],
    config: Config,
    state: TriageState | None,
    env: SandboxedEnvironment | None,
) -> CommandPlan:
    """Refuse an ``/accept`` whose section is missing, unknown or ambiguous; list the choices."""
    found = match_heading(sections, requested) if requested else []
    if len(found) > 1:
        choices = [_clip(_heading_path(sections, h)) for h in found]
        return _error("ambiguous-section", config, state, env, section=requested, choices=choices)
    keys = Counter(normalize_heading(h.title) for h in sections)
    # Headings whose sections list papers come first, in the file's order; "Table of
    # Contents" or "Acknowledgments" stay valid (a new section is empty) but come last.
    holds_papers: dict[str, bool] = {}
    for h in sections:
        if h.title:
            unique = keys[normalize_heading(h.title)] == 1
            name = _clip(h.title if unique else _heading_path(sections, h))
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
        env,
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
    env: SandboxedEnvironment | None,
) -> CommandPlan:
    reason = _clip(command.reason) or None
    reply = replies.command_reply("rejected", config, env, reason=reason)
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
        papers=tuple(replace(p, accepted=False, section=None) for p in state.papers),
    )
    plan = _changed(new_state, issue, config, reply, env)
    return replace(plan, close_issue=issue.open, close_reason="not_planned" if issue.open else None)


def _thank(
    command: Thank,
    config: Config,
    state: TriageState | None,
    issue: IssueInfo,
    env: SandboxedEnvironment | None,
) -> CommandPlan:
    current = state or TriageState(reader=_reader(issue, ()))
    thanks = Thanks(login=command.login, name=_clip(command.name) or command.login)
    others = tuple(t for t in current.extra_thanks if t.login.lower() != command.login.lower())
    if len(others) >= MAX_EXTRA_THANKS:
        return _error("too-many-thanks", config, state, env, limit=MAX_EXTRA_THANKS)
    new_state = replace(current, extra_thanks=(*others, thanks), thanked_in=None)
    return _changed(new_state, issue, config, None, env)


def _changed(
    new_state: TriageState,
    issue: IssueInfo,
    config: Config,
    reply: str | None,
    env: SandboxedEnvironment | None,
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
        comment_body=replies.triage_comment(new_state, config, env=env),
    )


def _reply(body: str, state: TriageState | None, reaction: str = "+1") -> CommandPlan:
    return CommandPlan(reaction, body, (), (), state)


def _error(
    kind: str,
    config: Config,
    state: TriageState | None,
    env: SandboxedEnvironment | None,
    **values: object,
) -> CommandPlan:
    return _reply(replies.command_reply(kind, config, env, **values), state, reaction="confused")


def _refused(
    config: Config, state: TriageState | None, env: SandboxedEnvironment | None
) -> CommandPlan:
    return _reply(replies.not_allowed_reply(config, env), state, reaction="confused")


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


# --- after the batch pull request is merged -----------------------------------------------------


def plan_merged(
    state: TriageState,
    pull_number: int,
    merged: BatchData,
    config: Config,
    issue: IssueInfo,
    env: SandboxedEnvironment | None = None,
    found: Mapping[int, Reference] | None = None,
) -> CommandPlan:
    """Mark this issue's papers ``merged`` lists as merged in ``pull_number``, thank the reader.

    ``merged`` is the pull request's hidden data: only the papers it lists went
    in. ``found`` (``found_in`` the default branch after the merge) names the
    other accepted papers that are there anyway, added by hand: they are marked
    ``landed`` and named in the same thank-you, so an issue finished half by the
    pull request and half by hand is closed by this one reply. An accepted paper
    in neither (its section did not exist) stays pending, so the next batch
    picks it up again, and the issue stays open until then; once nothing is
    pending it is closed as completed. ``/thank`` names (and the reader of
    papers added by hand) ride with the issue's papers, or alone when it has
    none, so they went in whenever the pull request lists the issue at all.

    Idempotent: a second call for the same pull request (a re-delivered event) plans nothing.
    """
    listed = [_item_keys(item) for item in merged.items if item.get("issue") == issue.number]

    def went_in(paper: PaperState) -> bool:
        return (
            paper.accepted
            and not paper.done
            and paper.record is not None
            and any(same_paper(paper_keys(Suggestion(), paper.record), keys) for keys in listed)
        )

    by_hand = {n: ref for n, ref in (found or {}).items() if not went_in(state.papers[n])}
    added = [p for p in state.papers if went_in(p)]
    thanked = bool(state.extra_thanks) and state.thanked_in is None
    if state.rejected or issue.number not in merged.issues or not (added or by_hand or thanked):
        return CommandPlan(None, None, (), (), state)
    marked = mark_landed(state, by_hand)
    new_state = replace(
        marked,
        papers=tuple(replace(p, merged_in=pull_number) if went_in(p) else p for p in marked.papers),
        thanked_in=pull_number if thanked else state.thanked_in,
    )
    return _in_the_survey(state, new_state, pull_number, config, issue, env)


def found_in(state: TriageState, index: ReferenceIndex) -> dict[int, Reference]:
    """Accepted papers not yet marked done that ``index`` cites, by position in ``state.papers``.

    ``index`` is the default branch's references; the batch's own matcher
    decides (``plan.cited_as``), and only a certain match counts, so a merely
    similar title never closes a reader's issue.
    """
    return {
        n: ref
        for n, paper in enumerate(state.papers)
        if paper.accepted and not paper.done and paper.record is not None
        if (ref := cited_as(index, PaperItem(paper.record))) is not None
    }


def mark_landed(state: TriageState, found: Mapping[int, Reference]) -> TriageState:
    """``state`` with the papers ``found`` (positions) marked ``landed`` where they are."""
    return replace(
        state,
        papers=tuple(
            replace(p, landed=_summary(found[n], 1.0)) if n in found else p
            for n, p in enumerate(state.papers)
        ),
    )


def plan_landed(
    state: TriageState,
    found: Mapping[int, Reference],
    config: Config,
    issue: IssueInfo,
    env: SandboxedEnvironment | None = None,
) -> CommandPlan:
    """Thank and close an issue whose accepted papers left were all added by hand (``found``).

    Plans nothing unless this finishes the issue: with another paper (or a
    ``/thank`` name) still to come, the issue stays as it is, untouched, and
    ``plan_merged`` marks these papers when the rest arrives. The caller checks
    first that the acknowledgements already hold the reader's name (else it
    goes through the batch pull request, see ``state.thanks_only``).
    """
    new_state = mark_landed(state, found)
    if state.rejected or not found or new_state.pending:
        return CommandPlan(None, None, (), (), state)
    return _in_the_survey(state, new_state, None, config, issue, env)


def _in_the_survey(
    state: TriageState,
    new_state: TriageState,
    pull_number: int | None,
    config: Config,
    issue: IssueInfo,
    env: SandboxedEnvironment | None,
) -> CommandPlan:
    """The thank-you for the papers ``new_state`` marks done and ``state`` did not, and the
    refreshed triage comment; the issue is closed as completed once nothing is pending.

    One reply names both the papers the pull request added and those added by hand.
    """
    pairs = list(zip(state.papers, new_state.papers, strict=True))
    merged = [new for old, new in pairs if new.merged_in is not None and old.merged_in is None]
    landed = [new for old, new in pairs if new.landed is not None and old.landed is None]
    reply = replies.thanks_reply(merged, landed, pull_number, new_state, config, env)
    add, remove = label_changes(issue.labels, new_state, config)
    done = issue.open and not new_state.pending
    return CommandPlan(
        None,
        reply,
        add,
        remove,
        new_state,
        close_issue=done,
        close_reason="completed" if done else None,
        comment_body=replies.triage_comment(new_state, config, env=env),
    )


def _item_keys(item: Mapping[str, object]) -> tuple[str, ...]:
    """A batch data item's identity, comparable with ``same_paper`` to its paper's record."""

    def text(key: str) -> str | None:
        value = item.get(key)
        return value if isinstance(value, str) and value else None

    record = PaperRecord(title=text("title") or "", arxiv=text("arxiv"), doi=text("doi"))
    return paper_keys(Suggestion(), record)
