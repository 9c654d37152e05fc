"""The scheduled run's dashboard: every suggestion read afresh, versions announced, one edit.

Run after the batch (``bot.cli.batch.run_scheduled``), so the dashboard shows
what the batch just did: papers in its pull request, papers its follow-up
marked merged. Along the way the readers' triage comments are brought up to
date where a paper entered or left the pull request ("in PR #N") or went in
("added", "released in V"), and when a
new survey version appears in the changelog, each issue with a paper merged
since the last version gets one comment naming it (a hidden marker makes that
once per issue and version, also across a crash and a rerun).

Request cost: finding the dashboard (1), the open suggestion issues (1 per
100), the comments of those and of the issues no longer open whose entries
were not final (one repository-wide listing, 1 per 100 comments since the
oldest of them was opened), each triage comment whose status changed (2 each:
the re-read of a compare-and-swap and the edit), per issue told of a version
its triage comment's status (2) and the announcement (1), their comments in one
listing (1 per 100), and the dashboard's creation or edit (1). An issue whose
merge the batch's follow-up has just thanked gets its status ("added", the
version) from the next scheduled run, so that no run writes twice to one issue
and the follow-up stays at N + a constant.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from bot.dashboard import render
from bot.dashboard.entries import issue_entries
from bot.dashboard.model import Dashboard, Entry, decode
from bot.dashboard.publish import (
    dashboard_note,
    find_dashboards,
    new_board,
    renderer_for,
    triage_body,
)
from bot.dashboard.ticks import ticked
from bot.dashboard.versions import changelog_versions, new_versions
from bot.errors import SurveyBotError
from bot.github.port import IssueData
from bot.issue import replies
from bot.issue.provenance import Seal, comment_author, load_state, seal_body, still_at
from bot.issue.state import Done, TriageState, encode_done, same_paper
from bot.issue.triage import paper_keys
from bot.suggestions import Suggestion

if TYPE_CHECKING:
    from bot.batch.run import BatchOutcome
    from bot.config import Config
    from bot.github.port import Comment, GitHubPort
    from bot.render import Renderer
    from bot.suggestions import PaperItem

RELEASED_MARKER = "<!-- survey-bot:released {version} -->"
FINAL = frozenset({"merged", "declined"})


@dataclass
class Rebuild:
    """One scheduled run's dashboard work; what it did goes to ``notes``."""

    port: GitHubPort
    config: Config
    renderer: Renderer
    bot_login: str
    today: dt.date
    marks: bool = True  # whether the batch knows which papers its pull request holds
    seal: Seal | None = None  # signs the triage comments' data, as every run does
    # Issues the batch's follow-up thanked in this run: no second write to them (see ``issue``).
    thanked: Collection[int] = ()
    notes: list[str] = field(default_factory=list)
    release: str | None = None  # the version this run announces, if any
    settled: set[int] = field(default_factory=set)  # triage comments this run wrote
    later: set[int] = field(default_factory=set)  # their status waits for the next run
    listed: dict[int, list[Comment]] = field(default_factory=dict)  # comments read this run

    def run(
        self,
        texts: Mapping[str, str | None],
        pull: int | None = None,
        in_pull: Sequence[PaperItem] = (),
        findings: tuple[str, ...] = (),
    ) -> int | None:
        """Rebuild the dashboard; returns its number (None when turned off).

        ``texts`` are the default branch's files (the changelog among them),
        ``pull`` the open batch pull request and ``in_pull`` the papers it adds,
        ``findings`` the audit's, one line each.
        """
        if not self.config.dashboard.enabled:
            return None
        boards = find_dashboards(self.port, self.config, self.bot_login, "all")
        board = next((b for b in boards if b.state == "open"), None)
        if board is None and boards:
            self.notes.append(f"the dashboard #{boards[-1].number} was closed: it stays off")
            return None
        data = decode(board.body) if board else None
        first = data is None
        data = data or Dashboard(since=self.today.isoformat())
        stale = {k for k in ticked(board.body if board else "") if _awaiting(data, k)}
        if stale:
            note = dashboard_note(self.config, self.renderer, "stale", count=len(stale))
            data = data.with_note(note)
        now = self.pick_release(data, texts, first)
        data = self.open_issues(data, pull, in_pull)
        data = self.versions(data, now)
        data = replace(data, later=tuple(sorted(self.later)))
        data = replace(data, findings=findings)
        if board is None:
            created = new_board(self.port, self.config, self.renderer, data, self.today)
            self.notes.append(f"opened the dashboard #{created.number}")
            return created.number
        _, body = render.fit(data, self.today, renderer_for(self.config, self.renderer))
        if body != board.body:
            self.port.edit_issue_body(board.number, body)
            self.notes.append(f"updated the dashboard #{board.number}")
        return board.number

    def open_issues(
        self, data: Dashboard, pull: int | None, in_pull: Sequence[PaperItem]
    ) -> Dashboard:
        """Every open suggestion afresh; entries of issues no longer open ones, once more.

        The comments of them all come in one repository-wide listing
        (``GitHubPort.comments_of``), not one request per issue: after the merge
        of a batch of N papers, GitHub closed N issues at once.
        """
        issues = self.port.open_issues(self.config.labels.suggestion)
        open_now = {i.number for i in issues}
        unsettled = {e.issue for e in data.entries if e.status not in FINAL} | set(data.later)
        gone = sorted(unsettled - open_now)
        # An issue gone from the list (closed, or its label removed) is shown as its entries
        # knew it, no longer open: only its final entries stay.
        closed = [_closed(entries) for number in gone if (entries := data.of_issue(number))]
        every = [*issues, *closed]
        starts = [i.created_at for i in every]
        if not every:
            return data
        if all(starts):
            comments = self.port.comments_of([i.number for i in every], min(starts))
        else:  # an issue with no date: each one's comments on its own
            comments = {i.number: self.port.issue_comments(i.number) for i in every}
        self.listed.update(comments)
        for issue in every:
            listed = comments.get(issue.number, [])
            if issue.number in open_now:
                data = self.issue(data, issue, listed, pull, in_pull)
            else:
                data = self.issue(data, issue, listed, None, ())
        return data

    def issue(
        self,
        data: Dashboard,
        issue: IssueData,
        comments: list[Comment],
        pull: int | None,
        in_pull: Sequence[PaperItem],
    ) -> Dashboard:
        """Issue ``issue``'s entries, with its triage comment's "in PR" status brought up to date.

        A closed issue's entries that are not final (closed without a decision) drop out.
        """
        loaded = load_state(comments, self.bot_login, issue=issue.number, seal=self.seal)
        state = loaded.state
        if state is None:
            return data.with_issue(issue.number, ())
        marked = self.status(state, issue.number, pull, in_pull)
        if marked != state and issue.number in self.thanked:
            self.later.add(issue.number)  # the follow-up wrote to it in this run: the next run
        elif marked != state and self.swap(loaded.comment, state, marked, issue.number):
            state = marked
            self.settled.add(issue.number)
        entries = issue_entries(
            issue.number,
            issue.author,
            state,
            issue.created_at[:10],
            replies.default_section(self.config),
            data.of_issue(issue.number),
        )
        if issue.state != "open":
            entries = tuple(e for e in entries if e.status in FINAL)
        return data.with_issue(issue.number, entries)

    def pick_release(
        self, data: Dashboard, texts: Mapping[str, str | None], first: bool
    ) -> tuple[str, ...]:
        """The changelog's versions; sets ``release``, the one this run announces: the first
        version after the merge ships a paper, the lowest of those new since the last run
        (none on the first build: papers merged before the dashboard are not announced)."""
        now = changelog_versions(texts, self.config.changelog)
        fresh = new_versions(data.versions, now)
        self.release = None if first or not fresh else min(fresh, key=_version_key)
        return now

    def status(
        self, state: TriageState, number: int, pull: int | None, in_pull: Sequence[PaperItem]
    ) -> TriageState:
        """``state`` as the triage comment should show it: "in pull request #N" exactly for
        the papers the open pull request adds (``mark_in_pull``), "added" (no longer in
        a pull request) for those in the survey, "released in V" for those this run's
        version ships (``release``)."""
        marked = mark_in_pull(state, number, pull, in_pull) if self.marks else state
        version = self.release
        return replace(
            marked,
            papers=tuple(
                replace(p, in_pull=None, released_in=p.released_in or version)
                if p.done and (p.in_pull is not None or (version and not p.released_in))
                else p
                for p in marked.papers
            ),
        )

    def versions(self, data: Dashboard, now: Sequence[str]) -> Dashboard:
        """Announce this run's version (``release``) on each issue with a paper merged since
        the last one.

        An issue the batch's
        follow-up thanked in this very run (the version came with the merge)
        hears of the version from the next scheduled run, so that no run writes
        twice to one issue (the follow-up stays at N + a constant).
        """
        version = self.release
        if version is None:
            return replace(data, versions=tuple(dict.fromkeys((*data.versions, *now))))
        # Issues whose triage comment this run already showed it in (``status``) are among them;
        # the hidden marker says once per issue and version.
        merged = {
            e.issue for e in data.entries if e.status == "merged" and e.version in (None, version)
        }
        later = merged & set(self.thanked)
        waiting = sorted(merged - later)
        data = self.announce(data, waiting, version)
        if waiting:
            listed = ", ".join(f"#{n}" for n in waiting)
            self.notes.append(f"version {version}: announced on {listed}")
        # A version still to announce somewhere is not recorded: the next run finds it new.
        known = (*data.versions, *(v for v in now if not later or v != version))
        return replace(data, versions=tuple(dict.fromkeys(known)))

    def announce(self, data: Dashboard, numbers: Sequence[int], version: str) -> Dashboard:
        """One comment per issue naming ``version``, and its triage comment's status.

        The issues' comments come in one listing; per issue, the triage
        comment's status ("released in V") is a compare-and-swap (``swap``: 2
        requests) and the comment 1. The comment also carries the fact
        (``Done.released``, folded into the state wherever it is read), so a
        swap that lost to another run's write loses nothing.
        """
        unread = [n for n in numbers if n not in self.listed]  # the rest were read this run
        starts = [_started(data.of_issue(n)) for n in unread]
        comments = dict(self.listed)
        if unread and all(starts):
            comments.update(self.port.comments_of(unread, min(starts)))
        elif unread:
            comments.update({n: self.port.issue_comments(n) for n in unread})
        for number in numbers:
            listed = comments.get(number, [])
            loaded = load_state(listed, self.bot_login, issue=number, seal=self.seal)
            state = loaded.state
            if state is None or loaded.comment is None:
                continue
            titles = [
                replies.paper_title(p)
                for p in state.papers
                if p.done and p.released_in in (None, version)
            ]
            released = self.status(state, number, None, ())
            if number not in self.settled and released != state:
                self.swap(loaded.comment, state, released, number)
            marker = RELEASED_MARKER.format(version=version)
            said = any(
                marker in c.body and comment_author(c).lower() == self.bot_login.lower()
                for c in listed
            )
            if titles and not said:
                text = replies.released_reply(version, titles, self.config, renderer=self.renderer)
                facts = encode_done(Done(released=version))
                body = seal_body(f"{text}\n\n{marker}\n{facts}\n", self.seal, number)
                self.port.create_comment(number, body)
            entries = tuple(
                replace(e, version=e.version or version) if e.status == "merged" else e
                for e in data.of_issue(number)
            )
            data = data.with_issue(number, entries)
        return data

    def swap(
        self, comment: Comment | None, read: TriageState, new: TriageState, number: int
    ) -> bool:
        """Write ``new`` over the triage comment read as ``read``, as a compare-and-swap
        (``provenance.still_at``: 1 request, then the edit); a comment that changed since
        the listing keeps its run's state, and its status waits for the next scheduled run."""
        if comment is None:
            return False
        if not still_at(self.port, comment.id, read.rev, self.bot_login, number, self.seal):
            self.notes.append(f"#{number}: the triage comment changed meanwhile: status not shown")
            return False
        body = triage_body(new, read, self.config, self.renderer, self.seal, number)
        self.port.edit_comment(comment.id, body)
        return True


def mark_in_pull(
    state: TriageState, number: int, pull: int | None, in_pull: Sequence[PaperItem]
) -> TriageState:
    """``state`` with its accepted papers marked as in pull request ``pull`` exactly when
    the pull request adds them (``in_pull``: its papers), and unmarked otherwise."""
    listed = [paper_keys(Suggestion(), item.record) for item in in_pull if item.issue == number]

    def inside(keys: tuple[str, ...]) -> bool:
        return pull is not None and any(same_paper(keys, other) for other in listed)

    return replace(
        state,
        papers=tuple(
            replace(p, in_pull=pull if inside(paper_keys(Suggestion(), p.record)) else None)
            if p.accepted and not p.done and p.record is not None
            else p  # merged (the follow-up said so), or not accepted: left as it is
            for p in state.papers
        ),
    )


def _closed(entries: Sequence[Entry]) -> IssueData:
    """An issue no longer among the open suggestions, as its dashboard entries knew it."""
    first = entries[0]
    return IssueData(first.issue, "", "", first.reader, (), "closed", created_at=_started(entries))


def _started(entries: Sequence[Entry]) -> str:
    """When an issue's suggestion arrived (ISO 8601, for a ``since``), "" when not known."""
    since = entries[0].since if entries else ""
    return f"{since}T00:00:00Z" if len(since) == 10 else since


def _awaiting(data: Dashboard, key: str) -> bool:
    entry = data.entry(key)
    return entry is not None and entry.status == "awaiting"


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.lstrip("vV").split("."))


def rebuild_after_batch(
    config: Config,
    port: GitHubPort,
    repo_dir: str,
    outcome: BatchOutcome,
    *,
    renderer: Renderer,
    bot_login: str,
    today: dt.date | None = None,
    seal: Seal | None = None,
) -> tuple[str, ...]:
    """The scheduled dashboard after the batch's ``outcome``, from the default branch's files."""
    from bot.gitrepo import open_repo

    if not config.dashboard.enabled:
        return ()
    repo = open_repo(repo_dir)
    base = repo.remote_branch_sha(repo.default_branch())
    paths = [target.path for target in config.changelog]
    texts = repo.read_files(base, paths) if base and paths else {}
    open_pull = outcome.status in {"opened", "updated", "unchanged"} and outcome.plan is not None
    # A blocked batch (a maintainer's commits on its branch) left its pull request as it was.
    marks = outcome.status != "blocked"
    rebuild = Rebuild(
        port,
        config,
        renderer,
        bot_login,
        today or dt.date.today(),
        marks,
        seal=seal,
        thanked=outcome.thanked_issues,
    )
    rebuild.run(
        texts,
        pull=outcome.pull if open_pull else None,
        in_pull=outcome.plan.added if open_pull and outcome.plan else (),
        findings=audit_findings(config),
    )
    return tuple(rebuild.notes)


def audit_findings(config: Config) -> tuple[str, ...]:
    """The findings of ``survey-bot audit`` (``bot.audit.audit_config``), one line each, from
    the survey's text and what its metadata cache knows (no lookup)."""
    from bot.audit import TITLES
    from bot.audit.load import audit_config
    from bot.metadata import build_resolver

    cache = config.root / config.metadata.cache if config.metadata.cache else None
    try:
        if cache is None or not cache.is_file():
            found = audit_config(config)
        else:
            with build_resolver(config, offline=True) as resolver:
                found = audit_config(config, resolver)
    except SurveyBotError as error:
        # The dashboard is a view of the queue: a reference file that cannot be read
        # (missing, broken) is said in place of the findings, not a failed scheduled run.
        return (f"The audit could not read the survey: {error}",)
    return tuple(
        f"{TITLES[f.kind]}: {f.message} ({', '.join(e.where for e in f.entries[:3])})"
        for f in found
    )
