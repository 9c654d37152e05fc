"""What goes into the batch beyond plain accepted papers: a paper with no such section, issues
holding only ``/thank`` names, and a pull request a maintainer closed without merging."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from bot.batch.plan import decode_data
from bot.issue.provenance import load_state
from bot.issue.replies import triage_comment
from bot.issue.state import TriageState
from bot.suggestions import Thanks
from tests.batch.conftest import LIMA, Survey, accepted_paper
from tests.batch.test_batch_flow import BRANCH, LIMA_LINE, OCTOPACK_LINE, README, on_branch
from tests.conftest import RENDERER
from tests.example_survey import OCTOPACK, epilogue_thanking
from tests.gitrepo.gitutil import commit_files, git

THANKS_END = "Kevin Gray, and Jay Alammar."
CAROL = Thanks("carol", "Carol Chen")


def edit_state(survey: Survey, issue: int, change: Callable[[TriageState], TriageState]) -> None:
    """Edit the bot's triage comment as a maintainer's command leaves it."""
    loaded = load_state(survey.github.comments(issue), survey.github.bot_login)
    assert loaded.state is not None
    state = change(loaded.state)
    survey.port.edit_comment(
        loaded.comment["id"], triage_comment(state, survey.config, renderer=RENDERER)
    )


def set_rejected(survey: Survey, issue: int, rejected: bool) -> None:
    """As ``/reject`` (or a later ``/accept``) leaves the issue."""
    edit_state(
        survey,
        issue,
        lambda s: replace(
            s, rejected=rejected, papers=tuple(replace(p, accepted=not rejected) for p in s.papers)
        ),
    )


def merge(survey: Survey, number: int | None) -> None:
    """Merge the bot's pull request as a maintainer would: the default branch takes its head."""
    assert number is not None
    head = git(survey.origin, "rev-parse", BRANCH)
    git(survey.origin, "update-ref", "refs/heads/main", head)
    survey.github.merge_pull(number)


def issue_state(survey: Survey, issue: int) -> TriageState:
    state = load_state(survey.github.comments(issue), survey.github.bot_login).state
    assert state is not None
    return state


def test_unknown_section_is_left_out_and_the_rest_go_ahead(survey: Survey) -> None:
    lost = survey.accept(OCTOPACK, section="Nonexistent")
    kept = survey.accept(LIMA, reader="bob", name="Bob Jones")
    outcome = survey.batch()
    assert outcome.status == "opened"
    [line] = outcome.not_included
    assert line.startswith(f"#{lost} 'OctoPack") and "no section 'Nonexistent'" in line
    assert any(note.startswith(f"not included #{lost}") for note in outcome.notes)
    readme = on_branch(survey, "README.md")
    assert LIMA_LINE in readme and OCTOPACK_LINE not in readme and "Alice Liddell" not in readme
    assert "octopack" not in on_branch(survey, "paper/references.bib").lower()
    body = survey.github.pulls()[0]["body"]
    assert f"Closes #{kept}" in body and f"Closes #{lost}" not in body
    first_left_out = body.split("### Not included\n\n", 1)[1].split("\n", 1)[0]
    assert first_left_out.startswith(f"- **{OCTOPACK.title}** (#{lost}): README.md: no section")
    assert "'Pre-training'" in first_left_out  # the sections to choose from


def test_paper_left_out_of_a_merged_pr_stays_pending_and_keeps_its_issue_open(
    survey: Survey,
) -> None:
    """One issue, two accepted papers, one in a section the list lacks: only LIMA goes in."""
    issue = survey.accept(LIMA)
    lost = accepted_paper(OCTOPACK, "Nonexistent")
    edit_state(survey, issue, lambda s: replace(s, papers=(*s.papers, lost)))
    first = survey.batch()
    assert first.status == "opened" and len(first.not_included) == 1
    body = survey.github.pull(first.pull)["body"]  # type: ignore[arg-type]
    assert f"Part of #{issue}:" in body and f"Closes #{issue}" not in body
    assert [i["title"] for i in decode_data(body).items] == [LIMA.title]  # type: ignore[union-attr]
    merge(survey, first.pull)

    followed = survey.batch()
    assert (followed.status, followed.thanked_issues) == ("idle", (issue,))
    [thanks] = [c for c in survey.github.comments(issue) if "survey-bot:thanks" in c["body"]]
    assert f'"{LIMA.title}" is now in the survey' in thanks["body"]
    assert "OctoPack" not in thanks["body"]
    assert survey.github.issue(issue)["state"] == "open"
    assert "accepted" in survey.github.labels(issue)
    state = issue_state(survey, issue)
    assert [p.merged_in for p in state.papers] == [first.pull, None] and state.pending

    edit_state(
        survey,
        issue,
        lambda s: replace(s, papers=(s.papers[0], replace(lost, section="Pre-training"))),
    )
    second = survey.batch()
    assert (second.status, second.not_included) == ("opened", ())
    assert second.pull != first.pull and OCTOPACK_LINE in on_branch(survey, "README.md")
    body = survey.github.pull(second.pull)["body"]  # type: ignore[arg-type]
    assert f"Closes #{issue}" in body and "Part of" not in body
    merge(survey, second.pull)

    assert survey.batch().thanked_issues == (issue,)
    assert survey.github.issue(issue)["state"] == "closed"
    state = issue_state(survey, issue)
    assert [p.merged_in for p in state.papers] == [first.pull, second.pull]
    assert not state.pending


def test_thanks_only_issue_is_added_then_followed_up_once(survey: Survey) -> None:
    first = survey.thank(CAROL)
    second = survey.thank(Thanks("CAROL", "Carol C."), Thanks("eve", "Eve"), reader="erin")
    outcome = survey.batch()
    assert outcome.status == "opened"
    assert THANKS_END.replace("and Jay Alammar.", "Jay Alammar, Carol Chen, and Eve.") in (
        on_branch(survey, "README.md")
    )
    [pull] = survey.github.pulls()
    assert pull["title"] == "Add papers suggested by readers (acknowledgements only)"
    assert f"Closes #{first}\nCloses #{second}" in pull["body"]
    assert f"- thanks for #{first}: **Carol Chen**" in pull["body"]
    assert f"- thanks for #{second}: **Carol C.**, **Eve**" in pull["body"]
    data = decode_data(pull["body"])
    assert data is not None and data.issues == (first, second) and data.items == ()

    survey.github.merge_pull(pull["number"])
    followed = survey.batch()
    assert (followed.status, followed.thanked_issues) == ("idle", (first, second))
    for issue in (first, second):
        [thanks] = [c for c in survey.github.comments(issue) if "survey-bot:thanks" in c["body"]]
        assert f"acknowledgements were updated in #{pull['number']}" in thanks["body"]
        state = load_state(survey.github.comments(issue), survey.github.bot_login).state
        assert state is not None and set(state.thanked) == {t.login for t in state.extra_thanks}
        assert not state.pending
    survey.github.reset_log()
    assert survey.batch().thanked_issues == ()
    assert survey.writes() == []


def test_thanks_already_present_drop_out_and_close_the_pr(survey: Survey) -> None:
    survey.thank(Thanks("jay", "Jay Alammar"))
    idle = survey.batch()
    assert (
        idle.status == "idle"
        and "'Jay Alammar': already in the acknowledgements" in (idle.landed[0])
    )
    issue = survey.thank(CAROL)
    number = survey.batch().pull
    by_hand = README.replace(THANKS_END, "Kevin Gray, Jay Alammar, and Carol Chen.")
    files = {"README.md": by_hand, "paper/epilogue.tex": epilogue_thanking("Carol Chen")}
    commit_files(survey.clone, files, "Thank Carol by hand", push="main")
    closed = survey.batch()
    assert (closed.status, closed.pull) == ("closed", number)
    assert any(line.startswith(f"#{issue} 'Carol Chen'") for line in closed.landed)
    survey.github.reset_log()
    assert survey.batch().status == "idle" and survey.writes() == []


def test_pr_closed_unmerged_is_not_reopened_until_the_pending_set_changes(survey: Survey) -> None:
    survey.accept(OCTOPACK)
    assert survey.batch().status == "opened"
    [pull] = survey.github.pulls()
    assert "Closing this pull request without merging it is a decision" in pull["body"]
    survey.port.edit_pull(pull["number"], pull["title"], pull["body"], state="closed")
    survey.github.reset_log()
    declined = survey.batch()
    assert (declined.status, declined.pull) == ("declined", pull["number"])
    assert survey.writes() == [] and len(survey.github.pulls()) == 1
    survey.accept(LIMA, reader="bob", name="Bob Jones")
    reopened = survey.batch()
    assert reopened.status == "opened" and reopened.pull != pull["number"]
    assert [p["state"] for p in survey.github.pulls()] == ["closed", "open"]
    assert LIMA_LINE in on_branch(survey, "README.md", BRANCH)


def test_pr_the_bot_closed_itself_is_no_decision(survey: Survey) -> None:
    issue = survey.accept(OCTOPACK)
    first = survey.batch().pull
    set_rejected(survey, issue, True)
    assert survey.batch().status == "closed"
    set_rejected(survey, issue, False)
    again = survey.batch()
    assert again.status == "opened" and again.pull != first
