"""Benchmark how many GitHub REST requests survey-bot's real code paths make.

Every request costs rate limit (5,000 an hour for an App, 1,000 for a workflow's
``GITHUB_TOKEN``) and, through PyGithub's write throttle, time; so each event
handler has a budget. This script counts them on the fake GitHub
(``sandbox.FakeGitHub``, which logs every request) with real git: the bundled
example survey (``examples/llm-survey/``) in a temporary clone with a bare
``origin``, as ``make demo`` builds it. It drives the functions ``survey-bot
run`` and ``survey-bot batch`` call (``bot.issue.event.parse_event``, then
``bot.issue.handler.handle_issue``/``handle_comment``; ``bot.batch.run.run_batch``), each event
through a fresh port, as each Actions run is a fresh process. Payloads are the
fake's own issue and comment JSON; paper metadata comes from the real resolver
querying the demo's local arXiv stand-in (``examples/demo/records.json`` plus
ten made-up new papers), so nothing leaves the machine.

Scenarios, in order, on one fake repository:

1. triage of a new issue citing a paper the survey has, a new paper, a paper
   nobody can identify; the new paper's delivery again; the reader editing the
   issue to add a second (cited) paper; an edit of a 250-comment thread;
2. a stranger's ``/accept``; a maintainer's ``/accept`` (write permission), and
   one by a maintainer named in ``maintainers:`` of the config;
3. ``batch`` with 10 accepted issues: the first run, a rerun with nothing
   changed, the run after the pull request is merged (the thank-you follow-up),
   and a rerun after that;
4. a maintainer's ``/accept`` whose run GitHub dropped (it keeps one pending
   run per issue), done by the issue's next run: a ``/thank`` comment's run,
   and the run of the reader's edit. Two more issues, after the batch, so they
   change none of its counts.

The batch runs are compared with a naive baseline, defined in
``naive_batch_requests``: the same writes, but every issue read one request
per kind of data in each step that touches it (the issue, its labels, its
comments).

Run it with ``.venv/bin/python benchmarks/bench_requests.py`` (a few seconds; not
part of the test suite). ``--json`` prints the rows as JSON instead of a table.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.assess import load_index
from bot.batch.run import BatchOutcome, run_batch
from bot.config import Config, load_config
from bot.dashboard.rebuild import rebuild_after_batch
from bot.github.pygithub import PyGithubPort, connect
from bot.issue.event import CommentCommand, IssueTriage, parse_event
from bot.issue.handler import Report, Services, handle_comment, handle_issue
from bot.matching import ReferenceIndex
from bot.metadata import Resolver
from bot.render import Renderer
from sandbox import FakeGitHub
from sandbox.demo import GIT_ENV, git, make_survey
from sandbox.standin import demo_resolver, load_entries

TRIAGE_BUDGET = 3  # bot/issue/handler.py: comments, comment, labels
COMMAND_BUDGET = 4  # bot/issue/handler.py: permission, comments, comment edit, labels
SCALES = (10, 100)  # accepted issues in the scaling runs
SECTION = "Pre-training"  # a heading of the example survey's paper list
PER_PAGE = 100
ACCEPTED = 10  # issues in the batch
REPLAYS = 2  # issues with a dropped run, after the batch
LONG_THREAD = 250  # comments on the long issue: 3 pages of 100
METHODS = ("GET", "POST", "PATCH", "DELETE")

CITED = "arXiv:1706.03762"  # "Attention Is All You Need": in the example survey
NEW = "arXiv:2308.09662"  # in examples/demo/records.json, not in the survey
UNKNOWN = '"Llama Herding with Tiny Transformers"'  # no service knows it
MAINTAINER = "ada"  # write permission on the repository
CONFIG_MAINTAINER = "grace"  # no repository role; named in the config's maintainers
STRANGER = "mallory"
READERS = {"alice": "Alice Liddell", "bob": "Bob Jones", "carol": "Carol Danvers"}

# The naive baseline's reads (see naive_batch_requests).
NAIVE_READS_PER_RUN = 2  # list the accepted issues; look up the bot's pull request
NAIVE_READS_PER_ISSUE = 3  # GET the issue, GET its labels, GET its comments (one page of 30)


def naive_batch_requests(issues_per_step: tuple[int, ...], writes: int) -> int:
    """The requests of a naive batch doing what the measured run did.

    It makes the same writes, and the same two per-run reads (the list of open
    ``accepted`` issues, the bot's pull request), but reads each issue anew in
    every step that touches it (following up the merged pull request, collecting
    pending papers), one request per kind of data: the issue, its labels
    (``GET .../issues/N/labels``), its comments (GitHub's default page of 30;
    every thread here fits in one). survey-bot takes each issue's title, body
    and labels from the issue list it already has, and only lists comments.
    """
    return NAIVE_READS_PER_RUN + NAIVE_READS_PER_ISSUE * sum(issues_per_step) + writes


def new_papers(count: int) -> list[dict[str, Any]]:
    """``count`` made-up arXiv papers the example survey does not cite, as the
    metadata stand-in's arXiv entries (the format of ``examples/demo/records.json``)."""
    return [
        {
            "id": f"2401.{10000 + n}v1",
            "title": f"Quokka {n}: Sparse Routing for Multilingual Instruction Tuning",
            "authors": [f"Reader {n}", "Ada Maintainer"],
            "published": "2024-01-15T00:00:00Z",
            "updated": "2024-01-15T00:00:00Z",
            "summary": "A made-up paper for the request-count benchmark.",
            "categories": ["cs.CL"],
        }
        for n in range(count)
    ]


@dataclass(frozen=True)
class Row:
    """One measured scenario."""

    scenario: str
    methods: dict[str, int]  # requests by HTTP method
    budget: int | None = None
    naive: int | None = None
    outcome: str = ""
    minimum: int | None = None  # the fewest requests the job can take (see ``scaling``)

    @property
    def total(self) -> int:
        return sum(self.methods.values())


class Bench:
    """The fake GitHub, the survey clone and the bot's inputs; one method per kind of event."""

    def __init__(
        self,
        github: FakeGitHub,
        config: Config,
        index: ReferenceIndex,
        resolver: Resolver,
        origin: Path,
        clone: Path,
    ) -> None:
        self.github, self.config, self.index, self.resolver = github, config, index, resolver
        self.origin, self.clone = origin, clone
        self.rows: list[Row] = []

    def measure(
        self,
        scenario: str,
        action: Callable[[], str],
        *,
        budget: int | None = None,
        naive: Callable[[int], int] | None = None,
        minimum: int | None = None,
    ) -> None:
        """Run ``action`` (it returns a short outcome) and record the requests it made."""
        self.github.reset_log()
        outcome = action()
        counts = Counter(r.method for r in self.github.requests)
        unexpected = set(counts) - set(METHODS)
        assert not unexpected, f"{scenario}: unexpected methods {unexpected}"
        writes = sum(n for method, n in counts.items() if method != "GET")
        self.rows.append(
            Row(
                scenario,
                {m: counts[m] for m in METHODS},
                budget,
                naive(writes) if naive else None,
                outcome,
                minimum,
            )
        )

    # -- events, as `survey-bot run` receives them -----------------------------------

    @contextmanager
    def port(self) -> Iterator[PyGithubPort]:
        """A fresh, unthrottled port: each Actions run starts with empty caches."""
        port = connect(
            self.github.token,
            self.github.repo,
            self.github.base_url,
            seconds_between_requests=0,
            seconds_between_writes=0,
        )
        try:
            yield port
        finally:
            port.close()

    def deliver(self, event: str, payload: dict[str, Any], config: Config | None = None) -> Report:
        """Handle one event as ``survey-bot run`` does (``bot/cli/run.py``)."""
        config = config or self.config
        trigger = parse_event(event, payload, self.github.bot_login)
        with self.port() as port:
            renderer = Renderer.for_config(config)
            services = Services(
                port, config, renderer, self.resolver, self.index, self.github.bot_login
            )
            if isinstance(trigger, IssueTriage):
                return handle_issue(trigger, services)
            assert isinstance(trigger, CommentCommand), trigger
            as_issue = parse_event("issues", {"action": "edited", "issue": payload["issue"]})
            issue = as_issue if isinstance(as_issue, IssueTriage) else None
            return handle_comment(trigger, services, issue)

    def issue_event(self, action: str, number: int) -> dict[str, Any]:
        """An ``issues`` payload carrying the issue as GitHub holds it now."""
        issue = self.github.issue(number)
        return {"action": action, "issue": issue, "sender": issue["user"]}

    def open_issue(self, user: str, title: str, body: str) -> dict[str, Any]:
        number = int(self.github.add_issue(title=title, body=body, user=user)["number"])
        return self.issue_event("opened", number)

    def comment_event(self, number: int, body: str, user: str) -> dict[str, Any]:
        """Post a comment on the fake, and the ``issue_comment.created`` payload for it."""
        comment = self.github.add_comment(number, body, user=user)
        return {
            "action": "created",
            "issue": self.github.issue(number),
            "comment": comment,
            "sender": comment["user"],
        }

    def batch(self) -> BatchOutcome:
        """The scheduled run: the batch, then the dashboard when the config keeps one."""
        renderer = Renderer.for_config(self.config)
        with self.port() as port:
            outcome = run_batch(
                self.config, port, self.clone, renderer=renderer, bot_login=self.github.bot_login
            )
            if self.config.dashboard.enabled:
                rebuild_after_batch(
                    self.config,
                    port,
                    str(self.clone),
                    outcome,
                    renderer=renderer,
                    bot_login=self.github.bot_login,
                )
            return outcome

    def merge(self, number: int) -> None:
        """A maintainer merges the bot's pull request (origin's default branch moves too)."""
        head = git(self.origin, "rev-parse", self.config.batch.branch)
        git(self.origin, "update-ref", "refs/heads/main", head)
        self.github.merge_pull(number)


def did(report: Report) -> str:
    """A report's actions, shortened for the table."""
    return "; ".join(report.actions) or "nothing to write"


def scenarios(bench: Bench, extra: list[dict[str, Any]]) -> None:
    """Every scenario, in order; each leaves the repository as the next one expects."""
    github = bench.github
    readers = (f"reader{n}" for n in range(len(extra)))

    def triaged(entry: dict[str, Any]) -> int:
        """A new issue by the next reader suggesting ``entry``, triaged; its number."""
        arxiv = entry["id"].rsplit("v", 1)[0]
        payload = bench.open_issue(next(readers), "Paper suggestion", f"Please add arXiv:{arxiv}")
        bench.deliver("issues", payload)
        return int(payload["issue"]["number"])

    # 1. Triage.
    opened = {}
    for user, body in (("alice", CITED), ("bob", NEW), ("carol", UNKNOWN)):
        payload = bench.open_issue(user, "Paper suggestion", f"Please add {body}")
        opened[user] = payload
        kind = {"alice": "already cited", "bob": "new", "carol": "unidentifiable"}[user]
        bench.measure(
            f"triage: new issue, {kind}",
            lambda p=payload: did(bench.deliver("issues", p)),
            budget=TRIAGE_BUDGET,
        )
    bob = int(opened["bob"]["issue"]["number"])
    bench.measure(
        "triage: the same delivery again",
        lambda: did(bench.deliver("issues", opened["bob"])),
        budget=TRIAGE_BUDGET,
    )
    github.add_issue_from_webhook({**github.issue(bob), "body": f"Please add {NEW} and {CITED}"})
    bench.measure(
        "triage: edited, a second (cited) paper",
        lambda: did(bench.deliver("issues", bench.issue_event("edited", bob))),
        budget=TRIAGE_BUDGET,
    )
    carol = int(opened["carol"]["issue"]["number"])
    for n in range(LONG_THREAD):
        github.add_comment(carol, f"+1 ({n})", user="carol")
    bench.measure(
        f"triage: edited, no change, {LONG_THREAD} comments",
        lambda: did(bench.deliver("issues", bench.issue_event("edited", carol))),
        budget=TRIAGE_BUDGET,
    )

    # 2. Commands.
    bench.measure(
        "command: a stranger's /accept",
        lambda: did(bench.deliver("issue_comment", bench.comment_event(bob, "/accept", STRANGER))),
        budget=COMMAND_BUDGET,
    )
    bench.measure(
        "command: /accept by a maintainer",
        lambda: did(
            bench.deliver("issue_comment", bench.comment_event(bob, "/accept", MAINTAINER))
        ),
        budget=COMMAND_BUDGET,
    )
    listed = replace(bench.config, maintainers=(CONFIG_MAINTAINER,))
    others = [triaged(entry) for entry in extra[: ACCEPTED - 1]]
    for n, number in enumerate(others):
        event = bench.comment_event(number, "/accept", CONFIG_MAINTAINER)
        if n == 0:
            bench.measure(
                "command: /accept by a config maintainer",
                lambda e=event: did(bench.deliver("issue_comment", e, listed)),
                budget=COMMAND_BUDGET,
            )
        else:
            bench.deliver("issue_comment", event, listed)
    bench.config = listed  # the batch checks each decision against the maintainers' commands
    label = bench.config.labels.accepted
    accepted = len([i for i in github.issues() if label in github.labels(i["number"])])
    assert accepted == ACCEPTED, f"{accepted} accepted issues, expected {ACCEPTED}"

    # 3. The batch.
    outcomes: list[BatchOutcome] = []

    def batch() -> str:
        outcome = bench.batch()
        outcomes.append(outcome)
        thanked = f", thanked {len(outcome.thanked_issues)}" if outcome.thanked_issues else ""
        return f"{outcome.status}{thanked}"

    pending = (ACCEPTED,)
    bench.measure(
        f"batch: first run, {ACCEPTED} accepted issues",
        batch,
        naive=lambda writes: naive_batch_requests(pending, writes),
    )
    bench.measure(
        "batch: rerun, nothing changed",
        batch,
        naive=lambda writes: naive_batch_requests(pending, writes),
    )
    pull = outcomes[0].pull
    assert pull is not None, outcomes[0].summary
    bench.merge(pull)
    bench.measure(
        "batch: after the merge (thank-you follow-up)",
        batch,
        # the follow-up reads the ten issues; no open accepted issue is left
        naive=lambda writes: naive_batch_requests((ACCEPTED, 0), writes),
    )
    bench.measure(
        "batch: rerun after the follow-up",
        batch,
        naive=lambda writes: naive_batch_requests((0,), writes),
    )

    # 4. Dropped runs: each posted command below is never delivered.
    by_comment, by_edit = (triaged(entry) for entry in extra[ACCEPTED - 1 :])
    bench.comment_event(by_comment, "/accept", MAINTAINER)
    bench.measure(
        "replay: /thank, after a dropped /accept",
        lambda: did(
            bench.deliver(
                "issue_comment", bench.comment_event(by_comment, "/thank @carol", MAINTAINER)
            )
        ),
    )
    bench.comment_event(by_edit, "/accept", MAINTAINER)
    bench.measure(
        "replay: triage, edited, after a dropped /accept",
        lambda: did(bench.deliver("issues", bench.issue_event("edited", by_edit))),
    )
    for number in (by_comment, by_edit):
        assert label in github.labels(number), f"#{number}: the dropped /accept was not replayed"


def run() -> tuple[list[Row], float]:
    """Build the survey and the fake, run every scenario; returns the rows and the seconds."""
    started = time.perf_counter()
    os.environ.update(GIT_ENV)  # the bot's own git commands: no user config, fixed identity
    extra = new_papers(ACCEPTED - 1 + REPLAYS)
    with tempfile.TemporaryDirectory(prefix="survey-bot-bench-") as tmp, FakeGitHub() as github:
        origin, clone = make_survey(Path(tmp))
        github.link_git(origin)
        github.add_user(MAINTAINER, "Ada Maintainer", permission="write")
        github.add_user(CONFIG_MAINTAINER, "Grace Hopper")
        github.add_user(STRANGER, "Mallory")
        for login, name in READERS.items():
            github.add_user(login, name)
        for n in range(len(extra)):
            github.add_user(f"reader{n}", f"Reader {n}")
        config = with_dashboard(load_config(clone), False)
        with demo_resolver(config, Path(tmp), entries=[*load_entries(), *extra]) as (resolver, _):
            bench = Bench(github, config, load_index(config), resolver, origin, clone)
            scenarios(bench, extra)
        github.assert_no_violations()
    rows = bench.rows
    for n in SCALES:
        rows += scaling(n)
    for n in SCALES:
        rows += scaling(n, dashboard=True)
    return rows, time.perf_counter() - started


def with_dashboard(config: Config, on: bool) -> Config:
    """``config`` with the dashboard on or off (``make_survey`` turns it on for the demo)."""
    return replace(config, dashboard=replace(config.dashboard, enabled=on))


def pages(items: int) -> int:
    """Requests to list ``items`` things, 100 a page (one request for none)."""
    return max(1, -(-items // PER_PAGE))


def scaling(n: int, *, dashboard: bool = False) -> list[Row]:
    """The batch with ``n`` accepted issues, its rerun, the follow-up after the merge, its rerun.

    With ``dashboard``, each scheduled run also rebuilds the dashboard issue
    (``bot.dashboard.rebuild``; the first one opens it): no minimum is given.

    Each issue holds the bot's triage comment accepting one new paper and the
    maintainer's ``/accept`` (as their runs leave them). The theoretical minimum
    beside each run: a batch must list the bot's pull requests (1), the open
    accepted issues (a page per 100), the comments that hold their states and
    their maintainers' commands (a page per 100 of the 2n), ask the
    maintainer's permission once (the decisions are checked where they act),
    then open the pull request (1); the follow-up lists the pull requests, the
    open accepted issues (none: GitHub closed them, ``Closes #N``) and the
    comments, and writes a thank-you per issue and the pull request's done
    marker.
    """
    from bot.issue.replies import triage_comment
    from bot.issue.state import PaperState, TriageState, record_digest
    from bot.suggestions import PaperRecord, Thanks

    started = time.perf_counter()
    papers = new_papers(n)
    with tempfile.TemporaryDirectory(prefix="survey-bot-bench-") as tmp, FakeGitHub() as github:
        origin, clone = make_survey(Path(tmp))
        github.link_git(origin)
        github.add_user(MAINTAINER, "Ada Maintainer", permission="write")
        config = with_dashboard(load_config(clone), dashboard)
        renderer = Renderer.for_config(config)
        for k, entry in enumerate(papers):
            arxiv = entry["id"].rsplit("v", 1)[0]
            reader = Thanks(f"reader{k}", f"reader{k}")
            record = PaperRecord(
                entry["title"], tuple(entry["authors"]), 2024, arxiv=arxiv, source="arxiv"
            )
            paper = PaperState(
                verdict="new",
                keys=(f"arxiv:{arxiv}",),
                asked=f"arXiv:{arxiv}",
                record=record,
                accepted=True,
                section=SECTION,
                accepted_digest=record_digest(record, reader),
            )
            number = int(
                github.add_issue(
                    title="Paper suggestion",
                    body=f"arXiv:{arxiv}",
                    user=reader.login,
                    labels=["paper-suggestion", "new-paper", config.labels.accepted],
                )["number"]
            )
            state = TriageState(papers=(paper,), reader=reader)
            body = triage_comment(state, config, renderer=renderer)
            github.add_comment(number, body, user=github.bot_login)
            github.add_comment(number, "/accept", user=MAINTAINER)
        bench = Bench(github, config, load_index(config), None, origin, clone)  # type: ignore[arg-type]
        reads = 1 + pages(n) + pages(2 * n) + 1
        outcomes: list[BatchOutcome] = []

        def batch() -> str:
            outcomes.append(bench.batch())
            done = outcomes[-1].thanked_issues
            return outcomes[-1].status + (f", thanked {len(done)}" if done else "")

        at = f"N={n}, dashboard" if dashboard else f"N={n}"
        least: Callable[[int], int | None] = (lambda _: None) if dashboard else (lambda k: k)
        bench.measure(f"{at}: batch, first run", batch, minimum=least(reads + 1))
        bench.measure(f"{at}: batch, rerun", batch, minimum=least(reads))
        assert outcomes[0].pull is not None, outcomes[0].summary
        bench.merge(outcomes[0].pull)
        # After the merge GitHub closed them: the listing of open accepted issues is empty, so
        # no decision is left to check (no permission request).
        follow = 1 + 1 + pages(2 * n)
        bench.measure(f"{at}: follow-up after the merge", batch, minimum=least(follow + n + 1))
        bench.measure(f"{at}: rerun after the follow-up", batch, minimum=least(2))
        assert len(outcomes[2].thanked_issues) == n, outcomes[2].summary
        github.assert_no_violations()
    print(f"{at}: {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return bench.rows


def table(rows: list[Row]) -> str:
    """The rows as a Markdown table."""
    lines = [
        "| scenario | requests | minimum | GET | POST | PATCH | DELETE | budget | naive "
        "| outcome |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        budget = ""
        if row.budget is not None:
            budget = f"<= {row.budget} " + ("ok" if row.total <= row.budget else "OVER")
        naive = ""
        if row.naive is not None:
            naive = f"{row.naive} ({row.naive / row.total:.1f}x)" if row.total else str(row.naive)
        counts = " | ".join(str(row.methods[m]) for m in METHODS)
        least = "" if row.minimum is None else str(row.minimum)
        lines.append(
            f"| {row.scenario} | **{row.total}** | {least} | {counts} | {budget} | {naive} "
            f"| {row.outcome} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = parser.parse_args(argv)
    rows, seconds = run()
    if args.json:
        print(json.dumps([{**asdict(row), "total": row.total} for row in rows], indent=2))
        return 0
    print(table(rows))
    print(
        f"\n{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"{seconds:.1f} s"
    )
    return 1 if any(r.budget is not None and r.total > r.budget for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
