"""The batch end to end: real git repositories, the fake GitHub, the bundled example survey."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest

from bot.batch.plan import decode_data
from bot.batch.run import BatchOutcome
from bot.config.schema import DashboardConfig
from bot.errors import GitHubError
from bot.gitrepo import LeaseRejected
from bot.issue.provenance import load_state
from bot.issue.replies import triage_comment
from bot.render import Renderer
from tests import example_survey
from tests.batch.conftest import LIMA, Survey
from tests.conftest import RENDERER
from tests.example_survey import EXAMPLE, OCTOPACK, OCTOPACK_BIB, epilogue_thanking
from tests.gitrepo.gitutil import commit_files, git

BRANCH = "survey-bot/updates"
README = (EXAMPLE / "README.md").read_text(encoding="utf-8")
BIB = (EXAMPLE / "paper/references.bib").read_text(encoding="utf-8")

PRETRAIN_LAST = (
    '1. **"Reducing Activation Recomputation in Large Transformer Models"**. '
    "*Vijay Korthikanti et al*. arXiv 2022. [[Paper](https://arxiv.org/abs/2205.05198)]\n"
)
OCTOPACK_LINE = example_survey.OCTOPACK_LINE + "\n"
LIMA_LINE = (
    '1. **"LIMA: Less Is More for Alignment"**. '
    "*Chunting Zhou et al*. arXiv 2023. [[Paper](https://arxiv.org/abs/2305.11206)]\n"
)
THANKS_END = "Kevin Gray, and Jay Alammar."
LAST_ROW = (
    "| V10     | 2023/05/07 | Revise Table 1, Table 2, and some minor points.              |\n"
)
LIMA_BIB = """
@article{zhou2023lima,
  author        = {Zhou, C. and
                   Liu, P.},
  title         = {{LIMA:} Less Is More for Alignment},
  journal       = corr,
  volume        = {abs/2305.11206},
  year          = {2023},
  url           = {http://arxiv.org/abs/2305.11206},
  archivePrefix = {arXiv},
  eprint        = {2305.11206}
}
"""


def on_branch(survey: Survey, path: str, ref: str = BRANCH) -> str:
    return git(survey.origin, "show", f"{ref}:{path}") + "\n"


def expected_readme(lines: str, names: str, papers: int, readme: str = README) -> str:
    noun = "paper" if papers == 1 else "papers"
    content = f"Add {papers} {noun} suggested by readers to Section Pre-training."
    row = f"| V11     | 2024/01/02 | {content.ljust(61)}|\n"  # padded like the rows above
    return (
        readme.replace(PRETRAIN_LAST, PRETRAIN_LAST + lines)
        .replace(THANKS_END, f"Kevin Gray, Jay Alammar, and {names}.")
        .replace(LAST_ROW, LAST_ROW + row)
    )


def write_requests(survey: Survey) -> list[str]:
    return survey.writes()


def test_one_pr_exact_edits_then_idempotent_then_updated(survey: Survey) -> None:
    first = survey.accept(OCTOPACK)
    outcome = survey.batch()
    assert outcome.status == "opened"
    assert on_branch(survey, "README.md") == expected_readme(OCTOPACK_LINE, "Alice Liddell", 1)
    assert on_branch(survey, "paper/references.bib") == BIB + OCTOPACK_BIB
    assert git(survey.origin, "log", "-1", "--format=%an <%ae>", BRANCH) == (
        "survey-bot <survey-bot@users.noreply.github.com>"
    )
    [pull] = survey.github.pulls()
    assert pull["title"] == "Add papers suggested by readers (1 paper)"
    assert f"Closes #{first}" in pull["body"]
    assert "> Add 1 paper suggested by readers to Section Pre-training." in pull["body"]
    assert "Adds **Alice Liddell** to the thank-you sentence." in pull["body"]
    data = decode_data(pull["body"])
    assert data is not None and data.issues == (first,)
    assert data.base == git(survey.origin, "rev-parse", "main")

    sha = git(survey.origin, "rev-parse", BRANCH)
    survey.github.reset_log()
    again = survey.batch()
    assert (again.status, again.sha) == ("unchanged", sha)
    assert write_requests(survey) == []
    assert survey.github.count() == 3  # find the PR, list accepted issues, read one issue

    second = survey.accept(LIMA, reader="bob", name="Bob Jones")
    updated = survey.batch()
    assert (updated.status, updated.pull) == ("updated", pull["number"])
    assert len(survey.github.pulls()) == 1
    assert on_branch(survey, "README.md") == expected_readme(
        # (both of 2023 in a list of years, oldest first: LIMA's arXiv id, 2305, is older)
        LIMA_LINE + OCTOPACK_LINE, "Alice Liddell, Bob Jones", 2
    ).replace(
        "Jay Alammar, and Alice Liddell, Bob Jones", "Jay Alammar, Alice Liddell, and Bob Jones"
    )
    assert on_branch(survey, "paper/references.bib") == BIB + OCTOPACK_BIB + LIMA_BIB
    body = survey.github.pull(pull["number"])["body"]
    assert f"Closes #{first}\nCloses #{second}" in body


def test_default_branch_moved_with_conflicting_edit_is_rebuilt_on_top(survey: Survey) -> None:
    survey.accept(OCTOPACK)
    survey.batch()
    mine = '1. **"A Paper the Maintainer Added"**. *Ada M.* arXiv 2024.\n'
    moved = README.replace(PRETRAIN_LAST, PRETRAIN_LAST + mine)
    main = commit_files(survey.clone, {"README.md": moved}, "Add a paper by hand", push="main")
    outcome = survey.batch()
    assert outcome.status == "updated"
    assert git(survey.origin, "rev-parse", f"{BRANCH}^") == main
    # The section lists papers by year: OctoPack (2023) goes before the maintainer's 2024 paper.
    assert on_branch(survey, "README.md") == expected_readme(
        OCTOPACK_LINE, "Alice Liddell", 1, readme=moved
    )
    assert decode_data(survey.github.pulls()[0]["body"]).base == main  # type: ignore[union-attr]


def test_merged_pr_thanks_each_issue_once(survey: Survey) -> None:
    first = survey.accept(OCTOPACK)
    second = survey.accept(LIMA, reader="bob", name="Bob Jones")
    number = survey.batch().pull
    assert number is not None
    git(survey.origin, "update-ref", "refs/heads/main", git(survey.origin, "rev-parse", BRANCH))
    survey.github.merge_pull(number)

    outcome = survey.batch()
    assert outcome.status == "idle"
    assert outcome.thanked_issues == (first, second)
    for issue in (first, second):
        thanks = [c for c in survey.github.comments(issue) if "survey-bot:thanks" in c["body"]]
        assert len(thanks) == 1 and f"added in #{number}" in thanks[0]["body"]
        assert survey.github.issue(issue)["state"] == "closed"
        state = load_state(survey.github.comments(issue), survey.github.bot_login).state
        assert state is not None and not state.pending
    survey.github.reset_log()
    assert survey.batch().thanked_issues == ()
    assert write_requests(survey) == []
    assert len(survey.github.pulls()) == 1


def test_rejected_issue_leaves_the_pr(survey: Survey) -> None:
    first = survey.accept(OCTOPACK)
    second = survey.accept(LIMA, reader="bob", name="Bob Jones")
    survey.batch()
    comment = load_state(survey.github.comments(first), survey.github.bot_login)
    assert comment.state is not None
    rejected = replace(comment.state, rejected=True, papers=())
    survey.port.edit_comment(
        comment.comment["id"], triage_comment(rejected, survey.config, renderer=RENDERER)
    )
    survey.port.remove_label(first, "accepted")
    survey.port.edit_issue(first, state="closed", reason="not_planned")
    outcome = survey.batch()
    assert outcome.status == "updated"
    body = survey.github.pulls()[0]["body"]
    assert f"Closes #{first}" not in body and f"Closes #{second}" in body
    assert OCTOPACK_LINE not in on_branch(survey, "README.md")
    assert LIMA_LINE in on_branch(survey, "README.md")


def test_papers_that_landed_elsewhere_close_the_pr(survey: Survey) -> None:
    issue = survey.accept(OCTOPACK)
    number = survey.batch().pull
    by_hand = README.replace(PRETRAIN_LAST, PRETRAIN_LAST + OCTOPACK_LINE).replace(
        THANKS_END, "Kevin Gray, Jay Alammar, and Alice Liddell."
    )
    files = {"README.md": by_hand, "paper/epilogue.tex": epilogue_thanking("Alice Liddell")}
    commit_files(survey.clone, files, "Add OctoPack by hand", push="main")
    outcome = survey.batch()
    assert (outcome.status, outcome.finished) == ("closed", (issue,))
    assert outcome.landed and "already cited" in outcome.landed[0]
    assert survey.github.pull(number)["state"] == "closed"  # type: ignore[arg-type]
    assert "already in the default branch" in survey.github.comments(number)[-1]["body"]  # type: ignore[arg-type]
    assert f"refs/heads/{BRANCH}" not in survey.github.refs()
    survey.github.reset_log()
    assert survey.batch().status == "idle"
    assert write_requests(survey) == []


def test_maintainer_commits_on_the_branch_stop_the_bot_once(survey: Survey) -> None:
    survey.accept(OCTOPACK)
    number = survey.batch().pull
    git(survey.clone, "fetch", "--quiet", "origin")
    git(survey.clone, "checkout", "--quiet", "-b", "fix", f"origin/{BRANCH}")
    theirs = commit_files(survey.clone, {"NOTES.md": "by hand\n"}, "Tweak", push=BRANCH)
    survey.accept(LIMA, reader="bob", name="Bob Jones")
    outcome = survey.batch()
    assert outcome.status == "blocked"
    assert git(survey.origin, "rev-parse", BRANCH) == theirs
    said = survey.github.comments(number)  # type: ignore[arg-type]
    assert len(said) == 1 and theirs[:12] in said[0]["body"]
    survey.github.reset_log()
    assert survey.batch().status == "blocked"
    assert write_requests(survey) == []


def test_dry_run_writes_nothing(survey: Survey) -> None:
    survey.accept(OCTOPACK)
    outcome = survey.batch(dry_run=True)
    assert outcome.status == "opened"
    assert "+" + OCTOPACK_LINE in outcome.diff
    assert any("[dry-run] open-pull" in note for note in outcome.notes)
    assert write_requests(survey) == []
    assert f"refs/heads/{BRANCH}" not in survey.github.refs()


# -- failures ------------------------------------------------------------------------------


def test_killed_between_push_and_pr_then_rerun_gives_one_pr(survey: Survey) -> None:
    survey.accept(OCTOPACK)
    survey.github.inject("POST", r"/pulls$", 500, times=None)
    with pytest.raises(GitHubError):
        survey.batch()
    assert survey.github.pulls() == []
    pushed = git(survey.origin, "rev-parse", BRANCH)
    survey.github.clear_faults()
    outcome = survey.batch()
    assert (outcome.status, outcome.sha) == ("opened", pushed)
    assert len(survey.github.pulls()) == 1


def test_a_502_on_the_pr_update_is_retried(survey: Survey) -> None:
    survey.accept(OCTOPACK)
    number = survey.batch().pull
    survey.accept(LIMA, reader="bob", name="Bob Jones")
    survey.github.inject("PATCH", rf"/pulls/{number}$", 502)
    assert survey.batch().status == "updated"
    assert len(survey.github.pulls()) == 1
    assert "LIMA" in survey.github.pulls()[0]["body"]
    assert survey.github.count("PATCH", r"/pulls/") == 2


def test_two_runs_at_once_give_one_pr_and_the_loser_says_why(survey: Survey) -> None:
    first = survey.accept(OCTOPACK)
    # The first run stalls while reading the comments (it saw only issue #1); meanwhile a second
    # issue is accepted and another run pushes and opens the PR. The stalled run built a
    # different commit from what it read, and its lease must refuse to push over the winner's.
    # (It stalls until the winner is done, however long a busy machine takes for that.)
    path = r"/issues/comments$"
    comments = survey.github.comments(first)
    done = threading.Event()
    stall = survey.github.inject("GET", path, 200, gate=done, body=comments)
    errors: list[Exception] = []

    def stalled() -> None:
        try:
            survey.batch()
        except LeaseRejected as error:
            errors.append(error)

    thread = threading.Thread(target=stalled)
    thread.start()
    while not stall.hits:
        threading.Event().wait(0.01)
    survey.accept(LIMA, reader="bob", name="Bob Jones")
    winner = survey.batch()
    done.set()
    thread.join()
    assert winner.status == "opened"
    assert len(errors) == 1 and "someone else pushed" in str(errors[0])
    assert git(survey.origin, "rev-parse", BRANCH) == winner.sha
    survey.github.reset_log()
    rerun = survey.batch()
    assert (rerun.status, rerun.sha) == ("unchanged", winner.sha)
    assert write_requests(survey) == []
    assert len(survey.github.pulls()) == 1


def test_request_budget_for_ten_issues(survey: Survey) -> None:
    for n in range(10):
        record = replace(
            OCTOPACK, title=f"A Study of Topic {n} in Language Models", arxiv=f"2401.{10000 + n}"
        )
        survey.accept(record, reader=f"reader{n}", name=f"Reader {n}")
    survey.github.reset_log()
    assert survey.batch().status == "opened"
    first = {"GET": survey.github.count("GET"), "POST": survey.github.count("POST")}
    survey.github.reset_log()
    assert survey.batch().status == "unchanged"
    again = survey.github.count()
    print(f"10 issues: first run {first}, rerun {again} requests")
    # PR lookup, issue list, one repository-wide comment listing (since the oldest issue), the
    # permission of the maintainer whose /accept backs the decisions; then open the PR.
    assert first == {"GET": 4, "POST": 1}
    assert again == 3 and write_requests(survey) == []  # the same port: permission cached


def test_request_budgets_for_a_hundred_issues(survey: Survey) -> None:
    """#15's budgets: a batch of 100 accepted issues takes at most 10 requests plus its writes,
    the follow-up after its merge at most 110 (one thank-you per issue, GitHub closes them)."""
    for n in range(100):
        record = replace(
            OCTOPACK, title=f"A Study of Topic {n} in Language Models", arxiv=f"2401.{10000 + n}"
        )
        survey.accept(record, reader=f"reader{n}", name=f"Reader {n}")
    survey.github.reset_log()
    opened = survey.batch()
    writes = write_requests(survey)
    assert opened.status == "opened" and len(writes) == 1  # the pull request
    assert survey.github.count("GET") <= 10
    git(survey.origin, "update-ref", "refs/heads/main", git(survey.origin, "rev-parse", BRANCH))
    survey.github.merge_pull(opened.pull)  # type: ignore[arg-type]
    survey.github.reset_log()

    followed = survey.batch()

    assert len(followed.thanked_issues) == 100
    assert survey.github.count() <= 110


def test_request_budgets_for_a_hundred_issues_with_the_dashboard(
    survey: Survey, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the dashboard on, each scheduled run also rebuilds it (``bot.dashboard.rebuild``):
    the batch of 100 adds, per issue, its triage comment's "in pull request" status (a
    compare-and-swap: re-read, edit); the follow-up stays at N + a constant (the version that
    came with the merge is announced by the next run, 3 requests per issue)."""
    from bot.dashboard.rebuild import rebuild_after_batch

    survey.config = replace(survey.config, dashboard=DashboardConfig(enabled=True))

    def scheduled() -> BatchOutcome:
        outcome = survey.batch()
        rebuild_after_batch(
            survey.config,
            survey.port,
            str(survey.clone),
            outcome,
            renderer=Renderer.for_config(survey.config),
            bot_login=survey.github.bot_login,
        )
        return outcome

    for n in range(100):
        record = replace(
            OCTOPACK, title=f"A Study of Topic {n} in Language Models", arxiv=f"2401.{10000 + n}"
        )
        survey.accept(record, reader=f"reader{n}", name=f"Reader {n}")
    survey.github.reset_log()
    opened = scheduled()
    writes = write_requests(survey)
    assert opened.status == "opened" and len(writes) == 1 + 100 + 1  # PR, statuses, dashboard
    assert survey.github.count("GET") <= 10 + 100
    git(survey.origin, "update-ref", "refs/heads/main", git(survey.origin, "rev-parse", BRANCH))
    survey.github.merge_pull(opened.pull)  # type: ignore[arg-type]
    survey.github.reset_log()

    followed = scheduled()

    assert len(followed.thanked_issues) == 100
    followed_count = survey.github.count()
    assert followed_count <= 120
    survey.github.reset_log()
    scheduled()
    announced = [r for r in survey.github.requests if r.operation == "issues/create-comment"]
    print(f"follow-up {followed_count}, next run {survey.github.count()}, {len(announced)} told")
    assert len(announced) == 100 and survey.github.count() <= 3 * 100 + 10


def test_the_dashboards_audit_says_why_it_cannot_read_the_survey(survey: Survey) -> None:
    """This survey's configured references.txt is not in its clone: the dashboard shows why
    there are no findings instead of failing the scheduled run after the batch."""
    from bot.dashboard.rebuild import audit_findings

    [line] = audit_findings(survey.config)
    assert line.startswith("The audit could not read the survey: ")
    assert line.endswith("references.txt: no such file")
