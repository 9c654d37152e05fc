"""The scheduled batch: one pull request that adds every accepted paper.

Entry point (``survey-bot batch``, and ``survey-bot run`` on ``schedule`` /
``workflow_dispatch``)::

    from bot.batch.run import run_batch
    outcome = run_batch(config, port, repo_dir, bot_login="github-actions[bot]", token=token)
    print(outcome.summary)          # one line per thing done; outcome.status says what happened

``config`` is the survey's ``Config``, ``port`` a ``GitHubPort`` (``DryRunPort``
for a dry run), ``repo_dir`` a clone of the survey with an ``origin`` remote
(its working tree is never touched). Errors are ``SurveyBotError``s; a push
that loses a race raises ``LeaseRejected`` ("someone else pushed ... run the
batch again"), after which a rerun converges.

Every run rebuilds the bot branch from scratch on the *current* default branch:

1. a merged bot pull request is followed up first: each issue it lists in its
   hidden data is thanked once (``followup.plan_merged``; a hidden marker in the
   thank-you makes it idempotent) for the papers that data lists and those the
   default branch has anyway (added by hand); the thank-you carries what went
   in as hidden facts, GitHub has closed the issues the pull request names
   with ``Closes #N``, and the pull request is marked as done;
2. pending papers are read from open ``accepted`` issues (the bot's triage
   comment holds the decision, held to the thread by ``bot.batch.verify``),
   with the ``/thank`` names of issues that have no paper pending; papers the
   default branch already cites, found with the matcher, and names already in
   its acknowledgements drop out. An issue whose
   accepted papers were all added by hand is finished here, once, without a
   pull request (``followup.plan_landed``): thanked with where each paper is,
   marked ``landed`` and closed. Its reader's name is not dropped: while the
   acknowledgements lack it, it goes through the pull request like a
   ``/thank`` name, and the issue is finished when that merges;
3. the editors apply them (``bot.batch.plan``) to the default branch's files and
   ``gitrepo`` commits the result as the bot, dated by the base commit: the same
   inputs give the same sha, so a rerun that has nothing new pushes nothing.
   A paper whose section the list does not have is left out (``not_included``)
   and the rest go ahead;
4. the branch is pushed with force-with-lease, and the pull request opened or
   edited (title and body only when they differ).

Requests (``benchmarks/bench_requests.py``): the pull requests from the branch,
the open ``accepted`` issues (a page per 100), the comments of those issues and
of a merged pull request's in one repository-wide listing since the oldest of
them was opened (a page per 100 comments; per issue when that is fewer), the
permission of each maintainer whose decision is checked; then the writes: the
pull request, and after a merge one thank-you per issue.

A maintainer's own commits on the bot branch are never overwritten: the run
stops and says so, once, on the pull request. A bot pull request a maintainer
closed without merging is a decision: no new one is opened while the papers
and names pending are exactly those it held. With nothing left to add, an open
bot pull request is closed with a note and its branch deleted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from os import PathLike

from bot.batch.followup import DONE_MARKER, FollowUp, PendingIssue, found_in, mark_landed
from bot.batch.plan import (
    BatchData,
    BatchPlan,
    ThanksItem,
    batch_data,
    commit_message,
    decode_data,
    describe_reference,
    drop_thanked,
    plan_batch,
    pull_body,
    pull_title,
    reference_index,
    source_paths,
    unified_diff,
)
from bot.batch.verify import Authority, decided
from bot.config import Config
from bot.errors import ConfigError, GitHubError
from bot.github.dryrun import DryRunPort
from bot.github.port import Comment, GitHubPort, IssueData, PullData, pick_pull
from bot.gitrepo import SurveyRepo, open_repo
from bot.issue import replies
from bot.issue.provenance import LoadedState, Seal, load_state
from bot.issue.state import accepted_items, thanks_only
from bot.matching import ReferenceIndex
from bot.render import Renderer
from bot.suggestions import PaperItem

FOREIGN_MARKER = "<!-- survey-bot:foreign-commits {sha} -->"
#: Added to the body of a pull request survey-bot closed itself: not a maintainer's decision.
CLOSED_BY_BOT_MARKER = "<!-- survey-bot:closed-by-bot -->"
CLOSED_NOTE = (
    "Every paper of this pull request is already in the default branch or no longer "
    "accepted, so survey-bot closes it and deletes its branch."
)


@dataclass(frozen=True)
class BatchOutcome:
    """What one run did, for the log, the job summary and tests."""

    status: str  # opened | updated | unchanged | closed | idle | blocked | declined
    pull: int | None = None
    sha: str | None = None  # the bot branch's commit after the run
    plan: BatchPlan | None = None
    diff: str = ""  # of the whole batch against the default branch
    thanked_issues: tuple[int, ...] = ()
    landed: tuple[str, ...] = ()  # "#12 'Title': already cited as [57] in refs.bib:120"
    not_included: tuple[str, ...] = ()  # "#12 'Title': README.md: no section 'X' ..."
    notes: tuple[str, ...] = field(default=())
    finished: tuple[int, ...] = ()  # issues closed because their papers were added by hand

    @property
    def summary(self) -> str:
        head = f"batch: {self.status}" + (f", pull request #{self.pull}" if self.pull else "")
        return "\n".join([head, *self.notes])


def run_batch(
    config: Config,
    port: GitHubPort,
    repo_dir: str | PathLike[str],
    *,
    renderer: Renderer,
    bot_login: str,
    token: str | None = None,
    server_url: str = "https://github.com",
    today: dt.date | None = None,
    dry_run: bool = False,
    seal: Seal | None = None,
    pulls: GitHubPort | None = None,
) -> BatchOutcome:
    """Run one batch (see the module docstring).

    ``dry_run`` reads everything and builds the commit, but pushes nothing and
    sends no write to GitHub: the writes it would make are listed in ``notes``.
    ``today`` dates a new changelog entry (default: the local date); ``seal``
    is the key that signs and checks the bot's hidden data, if the survey set one.
    ``pulls`` is the port for the pull request itself, when a token of its own
    opens it (``SURVEY_BOT_TOKEN``, so that CI runs on it); ``port`` does the rest.
    """
    repo = open_repo(repo_dir, token=token, server_url=server_url)
    recorder = DryRunPort(reads=port) if dry_run else None
    batch = _Batch(
        config,
        recorder or port,
        recorder or pulls or port,
        repo,
        renderer,
        bot_login,
        today or dt.date.today(),
        not dry_run,
        seal,
    )
    outcome = batch.run()
    if recorder is None:
        return outcome
    return replace(outcome, notes=(*outcome.notes, *(str(a) for a in recorder.actions)))


class _Batch:
    """One run's context; each method is one step of ``run``."""

    def __init__(
        self,
        config: Config,
        port: GitHubPort,
        pulls: GitHubPort,
        repo: SurveyRepo,
        renderer: Renderer,
        bot_login: str,
        today: dt.date,
        push: bool,
        seal: Seal | None,
    ) -> None:
        self.config, self.port, self.repo, self.renderer = config, port, repo, renderer
        self.pulls = pulls
        self.bot_login, self.today, self.push, self.seal = bot_login, today, push, seal
        self.branch = config.batch.branch
        self.notes: list[str] = []
        self.follow_up = FollowUp(port, pulls, config, renderer, bot_login, self.notes, seal)
        self.authority = Authority(port, config)
        self.accepted: dict[int, IssueData] = {}  # the open accepted issues, by number

    def run(self) -> BatchOutcome:
        repo = self.repo
        repo.fetch()
        default = repo.default_branch()
        if self.branch == default:
            raise ConfigError(
                f".github/survey-bot.yml: batch.branch: {self.branch!r} is the default branch; "
                "the batch rebuilds its branch from scratch and force-pushes it, so it needs a "
                "branch of its own (e.g. survey-bot/updates)"
            )
        base = repo.remote_branch_sha(default)
        assert base is not None  # default_branch() only names fetched branches
        seen = repo.remote_branch_sha(self.branch)  # the lease: what every decision is based on
        pulls = self.pulls.recent_pulls(self.branch)
        found = pick_pull(pulls)
        texts = repo.read_files(base, source_paths(self.config))
        index = reference_index(texts, self.config)
        self.accepted = {i.number: i for i in self.port.open_issues(self.config.labels.accepted)}
        merged = _unfinished(found)
        read = self.read(merged)
        thanked: tuple[int, ...] = ()
        if merged is not None and found is not None:
            thanked = self.follow_up.merged_pull(found, merged, read, self.accepted, index)
            read = self.read(merged, again=merged.issues, read=read)  # the same pages
            self.follow_up.open_now = set(self.accepted)
            self.follow_up.still_owed({n: read[n] for n in merged.issues if n in read})
        pull = found if found is not None and found.state == "open" else None
        issues = self.pending(read, index)
        items, thanks, landed = self.to_add(issues)
        thanks, names_landed = drop_thanked(thanks, texts, self.config)
        self.notes.extend(f"left out {line}" for line in names_landed)
        landed += tuple(names_landed)
        finished = self.follow_up.finish(issues, thanks, default)
        not_included: tuple[str, ...] = ()

        def outcome(
            status: str, number: int | None, sha: str | None, **more: object
        ) -> BatchOutcome:
            return BatchOutcome(
                status,
                number,
                sha,
                thanked_issues=thanked,
                landed=landed,
                not_included=not_included,
                notes=tuple(self.notes),
                finished=finished,
                **more,  # type: ignore[arg-type]
            )

        # Commits on the branch since what the bot last had merged are someone else's work:
        # after a merged pull request, its head (a squash merge leaves the bot's own commits
        # outside the default branch); otherwise the default branch.
        after_merge = found is not None and found.merged and pull is None
        since = found.head_sha if after_merge and found is not None and found.head_sha else base
        if seen is not None and self.foreign_commits(since, seen, pull):
            return outcome("blocked", pull.number if pull else None, seen)
        plan = self.plan(texts, items, thanks, pull)
        not_included = tuple(
            f"#{u.item.issue} {u.item.record.title!r}: {u.why}" for u in plan.not_included
        )
        self.notes.extend(f"not included {line}" for line in not_included)
        if not plan.files:
            self.notes.extend(f"left out {s.what}: {s.why}" for s in plan.skipped)
            if pull is None:
                return outcome("idle", None, None)
            self.close(pull, seen)
            return outcome("closed", pull.number, None)
        declined = _declined(pulls) if pull is None else None
        recorded = decode_data(declined.body) if declined is not None else None
        if declined and recorded and recorded.same_edits(batch_data(plan, base)):
            self.notes.append(
                f"#{declined.number} was closed without merging and held exactly these "
                "papers and names: no new pull request until they change"
            )
            return outcome("declined", declined.number, None, plan=plan)
        old = {path: text for path, text in texts.items() if path in plan.files}
        diff = unified_diff(old, plan.files)
        message = commit_message(self.config, plan)
        bot = self.config.batch
        sha = repo.build_commit(base, plan.files, message, bot.author_name, bot.author_email)
        assert sha is not None  # plan.files holds changed files only
        if sha != seen:
            if self.push:
                repo.push_branch(self.branch, sha, expected_remote_sha=seen)
            self.notes.append(
                f"{'pushed' if self.push else 'would push'} {self.branch} at {sha[:12]} "
                f"(on {default} {base[:12]})"
            )
        title = pull_title(self.config, plan)
        opened = [self.accepted[n].created_at for n in plan.issues if n in self.accepted]
        since = min((o for o in opened if o), default="")
        body = pull_body(self.config, plan, base, renderer=self.renderer, since=since)
        status, number = self.publish(pull, default, title, body)
        return outcome(status, number, sha, plan=plan, diff=diff)

    # -- steps ---------------------------------------------------------------------------

    def read(
        self,
        merged: BatchData | None,
        *,
        again: Sequence[int] = (),
        read: dict[int, tuple[list[Comment], LoadedState]] | None = None,
    ) -> dict[int, tuple[list[Comment], LoadedState]]:
        """The comments and state of every open ``accepted`` issue and of every issue of a
        merged pull request to follow up, in as few requests as it takes (``comments_of``).

        ``again``: only those issues, read anew after the follow-up thanked them
        (their states now hold its facts); the others are kept from ``read``.
        """
        everything = {*self.accepted, *(merged.issues if merged else ())}
        numbers = set(again) if read is not None else everything
        if not numbers:
            return dict(read or {})
        opened = [self.accepted[n].created_at for n in numbers if n in self.accepted]
        known = [*opened, *([merged.since] if merged is not None else [])]
        since = min(known) if known and all(known) else None
        if since is None:  # data from before pull requests recorded it: each issue on its own
            comments = {n: self.port.issue_comments(n) for n in sorted(numbers)}
        else:
            comments = self.port.comments_of(sorted(numbers), since)
        found = dict(read or {})
        for number, listed in comments.items():
            loaded = load_state(listed, self.bot_login, issue=number, seal=self.seal)
            if loaded.warning:
                self.notes.append(f"#{number}: {loaded.warning}")
            found[number] = (listed, loaded)
        return found

    def pending(
        self, read: dict[int, tuple[list[Comment], LoadedState]], index: ReferenceIndex
    ) -> list[PendingIssue]:
        """Open ``accepted`` issues with something pending (as the thread backs it: ``decided``),
        with their papers ``index`` cites."""
        pending: list[PendingIssue] = []
        for number, issue in sorted(self.accepted.items()):
            comments, loaded = read.get(number, ([], LoadedState(None, None, None, [])))
            if loaded.state is None:
                continue
            state, notes = decided(
                loaded.state,
                comments,
                issue,
                self.authority,
                self.bot_login,
                renderer=self.renderer,
            )
            self.notes.extend(notes)
            if state.pending:
                pending.append(PendingIssue(issue, comments, state, found_in(state, index)))
        return pending

    def to_add(
        self, issues: Sequence[PendingIssue]
    ) -> tuple[list[PaperItem], list[ThanksItem], tuple[str, ...]]:
        """Papers the default branch lacks, names of issues with no such paper, and a line for
        each paper left out because the default branch already cites it (added by hand, or by
        another pull request)."""
        default_section = replies.default_section(self.config)
        items: list[PaperItem] = []
        thanks: list[ThanksItem] = []
        landed: list[str] = []
        for entry in issues:
            number = entry.issue.number
            state = mark_landed(entry.state, entry.found)
            items.extend(accepted_items(state, number, default_section))
            names = thanks_only(state)
            if names:
                thanks.append(ThanksItem(number, names))
            for n, ref in entry.found.items():
                record = entry.state.papers[n].record
                assert record is not None  # found_in only checks papers with a record
                landed.append(
                    f"#{number} {record.title!r}: already cited as {describe_reference(ref)}"
                )
        self.notes.extend(f"left out {line}" for line in landed)
        return items, thanks, tuple(landed)

    def foreign_commits(self, since: str, seen: str, pull: PullData | None) -> bool:
        """Whether someone else committed to the bot branch after ``since``; if so, say it once
        on the PR (a marker only the bot's own comment counts: anyone can paste one)."""
        email = self.config.batch.author_email
        commits = self.repo.commits_not_by(since, seen, email)
        if not commits:
            return False
        listed = ", ".join(f"{c.short} ({c.author_name})" for c in commits)
        self.notes.append(f"{self.branch} has commits not made by survey-bot: {listed}; stopped")
        if pull is None:
            return True
        marker = FOREIGN_MARKER.format(sha=seen)
        said = self.port.issue_comments(pull.number)
        if any(marker in c.body and c.author.lower() == self.bot_login.lower() for c in said):
            return True
        lines = "\n".join(f"- `{c.short}` {c.subject}" for c in commits)
        self.port.create_comment(
            pull.number,
            "survey-bot did not update this pull request: the branch has commits it did not "
            f"make, and rebuilding it would discard them:\n\n{lines}\n\n"
            "Merge or close this pull request, or delete the branch, and the next run starts "
            f"afresh from the default branch.\n\n{marker}\n",
        )
        return True

    def plan(
        self,
        texts: dict[str, str | None],
        items: list[PaperItem],
        thanks: list[ThanksItem],
        pull: PullData | None,
    ) -> BatchPlan:
        """The edits, dated as the open PR's draft while its contents stay the same, else today."""
        if not items and not thanks:
            return BatchPlan(day=self.today)
        recorded = decode_data(pull.body) if pull is not None else None
        plan = plan_batch(texts, self.config, items, self.today, thanks, renderer=self.renderer)
        if recorded is not None and recorded.day != self.today.isoformat():
            try:
                day = dt.date.fromisoformat(recorded.day)
            except ValueError:
                day = None
            if day is not None:
                earlier = plan_batch(texts, self.config, items, day, thanks, renderer=self.renderer)
                if batch_data(earlier, "").same_edits(recorded):
                    plan = earlier
        return plan

    def close(self, pull: PullData, seen: str | None) -> None:
        self.port.create_comment(pull.number, CLOSED_NOTE)
        body = f"{pull.body.rstrip()}\n{CLOSED_BY_BOT_MARKER}\n"
        self.pulls.edit_pull(pull.number, pull.title, body, state="closed")
        if seen is not None and self.push:
            self.repo.delete_remote_branch(self.branch, seen)
        self.notes.append(f"closed #{pull.number}: nothing left to add")

    def publish(
        self, pull: PullData | None, default: str, title: str, body: str
    ) -> tuple[str, int]:
        """Open the pull request, or edit it when its title or body is out of date."""
        if pull is None:
            try:
                created = self.pulls.create_pull(self.branch, default, title, body)
            except GitHubError:
                # Another run opened it meanwhile (GitHub allows one per branch): update that.
                pull = self.pulls.find_pull(self.branch)
                if pull is None or pull.state != "open":
                    raise
            else:
                self.notes.append(f"opened #{created.number}")
                return "opened", created.number
        if pull.title == title and _same_text(pull.body, body):
            return "unchanged", pull.number
        self.pulls.edit_pull(pull.number, title, body)
        self.notes.append(f"updated #{pull.number}")
        return "updated", pull.number


def _unfinished(found: PullData | None) -> BatchData | None:
    """The data of the bot's last pull request, when it was merged and not followed up yet."""
    if found is None or not found.merged or DONE_MARKER in found.body:
        return None
    return decode_data(found.body)


def _declined(pulls: Sequence[PullData]) -> PullData | None:
    """The bot pull request a maintainer closed unmerged, unless one was merged since.

    ``pulls`` come latest update first; those survey-bot closed itself are no decision.
    """
    for pull in pulls:
        if pull.state == "closed" and CLOSED_BY_BOT_MARKER not in pull.body:
            return None if pull.merged else pull
    return None


def _same_text(a: str, b: str) -> bool:
    """Equal up to line endings and trailing white space (GitHub may store ``\\r\\n``)."""
    return a.replace("\r\n", "\n").strip() == b.replace("\r\n", "\n").strip()
