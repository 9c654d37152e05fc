"""After papers reach the default branch: thank each reader once, record what went in.

Two ways a reader's papers arrive, each followed up by the batch run:

* ``plan_merged``: the batch pull request that adds them was merged. The
  papers its hidden data lists are marked merged, and the other accepted papers
  of the issue the default branch cites anyway (``found_in``: added by hand)
  are marked ``landed``; the names it handed to the acknowledgements for the
  issue are marked thanked (a ``/thank`` that came after the pull request was
  built is not); one thank-you names all of it;
* ``plan_landed``: every accepted paper left of an issue was added by hand,
  without a pull request; the issue is thanked with where each paper is.

The plans are pure; :class:`FollowUp` carries them out through the port, with
as few requests as the job allows: one comment per issue. What the follow-up
learned goes in that thank-you comment as hidden facts
(``bot.issue.state.Done``), not into the triage comment: no run ever edits a
thank-you, so no race can roll the facts back, and every reader of the state
folds them in (``bot.issue.provenance.load_state``). A hidden marker per pull
request (or ``landed``) makes a rerun after a crash finish the job without
thanking twice. The issues a merged pull request finishes, GitHub closes
itself (``Closes #N`` in its body); the bot closes only those it finds still
open, and an issue whose papers were all added by hand.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from bot.batch.plan import BatchData, ThanksItem, cited_as
from bot.config import Config
from bot.github.port import Comment, GitHubPort, IssueData, PullData
from bot.issue import replies
from bot.issue.decisions import CommandPlan
from bot.issue.provenance import LoadedState, Seal, comment_author, seal_body
from bot.issue.state import Done, PaperState, TriageState, encode_done, same_paper
from bot.issue.triage import IssueInfo, label_changes, paper_keys, ref_summary
from bot.matching import ReferenceIndex
from bot.models import Reference
from bot.render import Renderer
from bot.suggestions import PaperItem, PaperRecord, Suggestion

THANKS_MARKER = "<!-- survey-bot:thanks {pull} -->"
#: The thank-you for papers added by hand, with no pull request to name.
LANDED_MARKER = THANKS_MARKER.format(pull="landed")
DONE_MARKER = "<!-- survey-bot:batch-done -->"


def plan_merged(
    state: TriageState,
    pull_number: int,
    merged: BatchData,
    config: Config,
    issue: IssueInfo,
    found: Mapping[int, Reference] | None = None,
    *,
    renderer: Renderer,
) -> CommandPlan:
    """Mark this issue's papers ``merged`` lists as merged in ``pull_number``, thank the reader.

    ``merged`` is the pull request's hidden data: only the papers it lists went
    in, and only the names it handed to the acknowledgements for this issue are
    thanked. ``found`` (``found_in`` the default branch after the merge) names
    the other accepted papers that are there anyway, added by hand: they are
    marked ``landed`` and named in the same thank-you. An accepted paper in
    neither (its section did not exist) stays pending, so the next batch picks
    it up again, and the issue stays open until then; once nothing is pending
    it is closed as completed.

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
    logins = merged.thanked(issue.number)
    thanked = tuple(
        t.login for t in state.unthanked if logins is None or t.login.lower() in logins
    )
    if state.rejected or issue.number not in merged.issues or not (added or by_hand or thanked):
        return CommandPlan(None, None, (), (), state)
    marked = mark_landed(state, by_hand)
    new_state = replace(
        marked,
        papers=tuple(replace(p, merged_in=pull_number) if went_in(p) else p for p in marked.papers),
        thanked=(*state.thanked, *thanked),
    )
    return _in_the_survey(state, new_state, pull_number, config, issue, renderer)


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
            replace(p, landed=ref_summary(found[n], 1.0)) if n in found else p
            for n, p in enumerate(state.papers)
        ),
    )


def plan_landed(
    state: TriageState,
    found: Mapping[int, Reference],
    config: Config,
    issue: IssueInfo,
    *,
    renderer: Renderer,
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
    return _in_the_survey(state, new_state, None, config, issue, renderer)


def done(before: TriageState, after: TriageState, pull: int | None) -> Done:
    """What a follow-up plan learned, as the facts its thank-you carries."""
    pairs = list(zip(before.papers, after.papers, strict=True))
    return Done(
        pull=pull,
        merged=tuple(new.keys for old, new in pairs if new.merged_in and not old.merged_in),
        landed=tuple(
            (new.keys, new.landed) for old, new in pairs if new.landed and not old.landed
        ),
        thanked=tuple(login for login in after.thanked if login not in before.thanked),
    )


def _in_the_survey(
    state: TriageState,
    new_state: TriageState,
    pull_number: int | None,
    config: Config,
    issue: IssueInfo,
    renderer: Renderer,
) -> CommandPlan:
    """The thank-you for the papers ``new_state`` marks done and ``state`` did not, and the
    refreshed triage comment; the issue is closed as completed once nothing is pending.

    One reply names both the papers the pull request added and those added by hand.
    """
    pairs = list(zip(state.papers, new_state.papers, strict=True))
    merged = [new for old, new in pairs if new.merged_in is not None and old.merged_in is None]
    landed = [new for old, new in pairs if new.landed is not None and old.landed is None]
    reply = replies.thanks_reply(merged, landed, pull_number, new_state, config, renderer=renderer)
    add, remove = label_changes(issue.labels, new_state, config)
    close = issue.open and not new_state.pending
    return CommandPlan(
        None,
        reply,
        add,
        remove,
        new_state,
        close_issue=close,
        close_reason="completed" if close else None,
        # GitHub closed it on the merge ("Closes #N") but something of it is still to come (a
        # /thank after the pull request was built, a paper whose section did not exist).
        reopen_issue=not issue.open and new_state.pending,
        comment_body=replies.triage_comment(new_state, config, renderer=renderer),
    )


def _item_keys(item: Mapping[str, object]) -> tuple[str, ...]:
    """A batch data item's identity, comparable with ``same_paper`` to its paper's record."""

    def text(key: str) -> str | None:
        value = item.get(key)
        return value if isinstance(value, str) and value else None

    record = PaperRecord(title=text("title") or "", arxiv=text("arxiv"), doi=text("doi"))
    return paper_keys(Suggestion(), record)


@dataclass(frozen=True)
class PendingIssue:
    """An open ``accepted`` issue with something pending, as read once per batch run."""

    issue: IssueData
    comments: list[Comment]
    state: TriageState  # as the thread backs it (``bot.batch.verify``)
    found: dict[int, Reference]  # its accepted papers the default branch cites: added by hand


@dataclass
class FollowUp:
    """One batch run's follow-up, carried out through ``port`` (and ``pulls`` for the pull
    request); what it did goes to ``notes``."""

    port: GitHubPort
    pulls: GitHubPort
    config: Config
    renderer: Renderer
    bot_login: str
    notes: list[str]
    seal: Seal | None = None
    open_now: set[int] = field(default_factory=set)  # the open accepted issues, as listed
    reopened: set[int] = field(default_factory=set)

    def merged_pull(
        self,
        pull: PullData,
        data: BatchData,
        read: Mapping[int, tuple[list[Comment], LoadedState]],
        still_open: Mapping[int, IssueData],
        index: ReferenceIndex,
    ) -> tuple[int, ...]:
        """Thank each issue of a merged bot pull request once, then mark the pull request done.

        ``read`` holds each issue's comments and state, ``still_open`` the
        issues of it GitHub did not close. The papers the pull request's data
        lists are marked merged, those ``index`` (the default branch) cites
        anyway marked added by hand; one in neither stays pending for the next
        batch, and keeps its issue open.
        """
        marker = THANKS_MARKER.format(pull=pull.number)
        thanked: list[int] = []
        for number in data.issues:
            comments, loaded = read.get(number, ([], LoadedState(None, None, None, [])))
            if loaded.state is None:
                continue
            issue = still_open.get(number)  # the labels of a closed one do not matter here
            info = IssueInfo(number, labels=issue.labels if issue else (), open=issue is not None)
            found = found_in(loaded.state, index)
            plan = plan_merged(
                loaded.state, pull.number, data, self.config, info, found, renderer=self.renderer
            )
            if self._carry_out(number, comments, loaded.state, plan, marker, pull.number):
                thanked.append(number)
        self.pulls.edit_pull(pull.number, pull.title, f"{pull.body.rstrip()}\n{DONE_MARKER}\n")
        if thanked:
            self.notes.append(
                f"thanked {', '.join(f'#{n}' for n in thanked)} for merged #{pull.number}"
            )
        return tuple(thanked)

    def finish(
        self, issues: Sequence[PendingIssue], owed: Sequence[ThanksItem], default: str
    ) -> tuple[int, ...]:
        """Thank and close, once, each issue whose accepted papers left were all added by hand.

        An issue whose names the acknowledgements still lack (``owed``, after
        ``drop_thanked``) waits for them to go in through the pull request;
        without configured acknowledgements no name can be owed.
        """
        waiting = {t.issue for t in owed} if self.config.acknowledgements else set()
        finished: list[int] = []
        for entry in issues:
            number = entry.issue.number
            if not entry.found or number in waiting:
                continue
            info = IssueInfo(number, entry.issue.author, labels=entry.issue.labels)
            plan = plan_landed(entry.state, entry.found, self.config, info, renderer=self.renderer)
            if plan.reply_body is None:
                continue  # another paper or name of it is still to come
            self._carry_out(number, entry.comments, entry.state, plan, LANDED_MARKER, None)
            finished.append(number)
        if finished:
            self.notes.append(
                f"thanked and closed {', '.join(f'#{n}' for n in finished)}: their papers are "
                f"in {default} already"
            )
        return tuple(finished)

    def reopen(self, number: int) -> None:
        """Reopen an issue GitHub closed on the merge while something of it is still to come:
        the batch collects open issues only."""
        self.port.edit_issue(number, state="open")
        self.reopened.add(number)
        self.notes.append(f"reopened #{number}: something of it is still to come")

    def still_owed(self, read: Mapping[int, tuple[list[Comment], LoadedState]]) -> None:
        """Reopen the closed issues whose state, read after the follow-up, still has something
        pending: a /thank written after the follow-up first read the issue (a race the
        follow-up's own plan cannot see)."""
        for number, (_, loaded) in sorted(read.items()):
            state = loaded.state
            if number in self.reopened or state is None or not state.pending:
                continue
            if number not in self.open_now:
                self.reopen(number)

    def _carry_out(
        self,
        number: int,
        comments: Sequence[Comment],
        state: TriageState,
        plan: CommandPlan,
        marker: str,
        pull: int | None,
    ) -> bool:
        """Post the thank-you with its facts (once per ``marker``), close a finished issue.

        The marker makes a rerun after a crash finish the job without thanking
        twice; the facts make the state of the issue know what went in without
        an edit of its triage comment. Returns whether it replied.
        """
        said = any(
            marker in c.body and comment_author(c).lower() == self.bot_login.lower()
            for c in comments
        )
        replied = bool(plan.reply_body) and not said and plan.new_state is not None
        if replied:
            assert plan.new_state is not None
            facts = encode_done(done(state, plan.new_state, pull))
            body = seal_body(f"{plan.reply_body}\n\n{marker}\n{facts}\n", self.seal, number)
            self.port.create_comment(number, body)
        if plan.close_issue and plan.close_reason:
            self.port.edit_issue(number, state="closed", reason=plan.close_reason)
        elif plan.reopen_issue:
            self.reopen(number)
        return replied

