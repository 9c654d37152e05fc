"""Accepted papers a maintainer added by hand: the batch thanks and closes their issue once.

Real git (a bare origin), the fake GitHub, the bundled example survey: the maintainer's
hand edit is a commit pushed to ``main``, a merge moves ``main`` to the bot branch.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.batch.followup import LANDED_MARKER
from bot.batch.plan import decode_data
from bot.suggestions import Thanks
from tests.batch.conftest import LIMA, Survey, accepted_paper
from tests.batch.test_batch_flow import BIB, OCTOPACK_LINE, PRETRAIN_LAST, README, on_branch
from tests.batch.test_batch_items import THANKS_END, edit_state, issue_state, merge
from tests.example_survey import OCTOPACK, OCTOPACK_BIB, epilogue_thanking
from tests.gitrepo.gitutil import commit_files

WITH_ALICE = "Kevin Gray, Jay Alammar, and Alice Liddell."


def add_by_hand(survey: Survey, readme: str = README, *, thank_alice: bool) -> None:
    """The maintainer adds OctoPack (list and BibTeX) straight to ``main``, maybe thanking Alice."""
    text = readme.replace(PRETRAIN_LAST, PRETRAIN_LAST + OCTOPACK_LINE)
    if thank_alice:
        text = text.replace(THANKS_END, WITH_ALICE)
    files = {"README.md": text, "paper/references.bib": BIB + OCTOPACK_BIB}
    if thank_alice:
        files["paper/epilogue.tex"] = epilogue_thanking("Alice Liddell")
    commit_files(survey.clone, files, "Add OctoPack by hand", push="main")


def octopack_at(survey: Survey) -> str:
    """Where the thank-you says OctoPack is: its BibTeX key and line on the default branch."""
    bib = on_branch(survey, "paper/references.bib", "main").splitlines()
    line = bib.index("@article{muennighoff2023octopack,") + 1
    return f"as muennighoff2023octopack (paper/references.bib:{line})"


def thank_yous(survey: Survey, issue: int) -> list[str]:
    return [c["body"] for c in survey.github.comments(issue) if "survey-bot:thanks" in c["body"]]


def issue_comment_id(survey: Survey, issue: int) -> int:
    return int(survey.github.comments(issue)[0]["id"])  # the bot's triage comment


def assert_rerun_writes_nothing(survey: Survey) -> None:
    survey.github.reset_log()
    again = survey.batch()
    assert (again.status, again.finished, again.thanked_issues) == ("idle", (), ())
    assert survey.writes() == []


@pytest.mark.parametrize("opted_out", [False, True], ids=["name-added-too", "reader-opted-out"])
def test_paper_added_by_hand_closes_its_issue_once(survey: Survey, opted_out: bool) -> None:
    issue = survey.accept(OCTOPACK)
    if opted_out:
        edit_state(survey, issue, lambda s: replace(s, reader=Thanks("alice", "A", opt_out=True)))
    add_by_hand(survey, thank_alice=not opted_out)
    survey.github.reset_log()

    outcome = survey.batch()
    assert (outcome.status, outcome.pull, outcome.finished) == ("idle", None, (issue,))
    assert survey.github.pulls() == []
    assert survey.writes() == [  # the triage comment is not edited: the thank-you holds the facts
        f"POST /repos/octo-org/survey/issues/{issue}/comments -> 201",
        f"PATCH /repos/octo-org/survey/issues/{issue} -> 200",
    ]
    [thanks] = thank_yous(survey, issue)
    assert thanks.startswith(f'🎉 "{OCTOPACK.title}" is now in the survey {octopack_at(survey)}')
    assert LANDED_MARKER in thanks and ("Alice Liddell" in thanks) is not opted_out
    closed = survey.github.issue(issue)
    assert (closed["state"], closed["state_reason"]) == ("closed", "completed")
    [paper] = issue_state(survey, issue).papers
    assert (
        paper.merged_in is None
        and paper.landed is not None
        and paper.landed.key == "muennighoff2023octopack"
    )
    assert not issue_state(survey, issue).pending
    assert_rerun_writes_nothing(survey)


def test_reader_name_missing_goes_through_the_pr_then_closes(survey: Survey) -> None:
    issue = survey.accept(OCTOPACK)
    add_by_hand(survey, thank_alice=False)
    opened = survey.batch()
    assert (opened.status, opened.finished) == ("opened", ())
    assert WITH_ALICE in on_branch(survey, "README.md")
    body = survey.github.pull(opened.pull)["body"]  # type: ignore[arg-type]
    assert "adds no paper" in body and f"- thanks for #{issue}: **Alice Liddell**" in body
    assert thank_yous(survey, issue) == [] and survey.github.issue(issue)["state"] == "open"
    survey.github.reset_log()
    assert survey.batch().status == "unchanged" and survey.writes() == []

    merge(survey, opened.pull)
    followed = survey.batch()
    assert followed.thanked_issues == (issue,)
    [thanks] = thank_yous(survey, issue)
    assert f"is now in the survey {octopack_at(survey)}" in thanks
    assert f"The acknowledgements were updated in #{opened.pull}." in thanks
    assert survey.github.issue(issue)["state"] == "closed"
    assert_rerun_writes_nothing(survey)


def test_one_paper_by_the_pr_one_by_hand_closes_the_issue_once(survey: Survey) -> None:
    issue = survey.accept(LIMA)
    second = accepted_paper(OCTOPACK, "Pre-training")
    edit_state(survey, issue, lambda s: replace(s, papers=(*s.papers, second)))
    first = survey.batch()
    assert first.status == "opened"
    add_by_hand(survey, thank_alice=False)
    survey.github.reset_log()
    partial = survey.batch()  # OctoPack drops out; Alice rides with LIMA; the issue is untouched
    assert (partial.status, partial.finished) == ("updated", ())
    assert survey.writes() == [f"PATCH /repos/octo-org/survey/pulls/{first.pull} -> 200"]
    body = survey.github.pull(first.pull)["body"]  # type: ignore[arg-type]
    assert [i["title"] for i in decode_data(body).items] == [LIMA.title]  # type: ignore[union-attr]

    merge(survey, first.pull)
    survey.github.reset_log()
    followed = survey.batch()
    assert followed.thanked_issues == (issue,)
    # The thank-you (with its facts) and the PR's done marker: GitHub closed the issue on merge.
    assert len(survey.writes()) == 2
    [thanks] = thank_yous(survey, issue)
    assert thanks.startswith(
        f'🎉 "{LIMA.title}" is now in the survey: it was added in #{first.pull}.'
    )
    assert f'"{OCTOPACK.title}" is now in the survey {octopack_at(survey)}' in thanks
    assert survey.github.issue(issue)["state"] == "closed"
    state = issue_state(survey, issue)
    assert [(p.merged_in, p.landed is not None) for p in state.papers] == [
        (first.pull, False),
        (None, True),
    ]
    assert_rerun_writes_nothing(survey)
