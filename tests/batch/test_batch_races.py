"""The batch and issue runs overlapping, and forged decisions (#13 items 3, 5).

Real git with a bare origin, PyGithub against the fake GitHub, as in the other
batch tests; the triage comment is edited as the issue runs leave it.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.issue.provenance import load_state
from bot.suggestions import Thanks
from sandbox.testing import pause_before_write
from tests.batch.conftest import LIMA, MAINTAINER, Survey
from tests.batch.test_batch_items import edit_state
from tests.example_survey import OCTOPACK
from tests.gitrepo.gitutil import git

BRANCH = "survey-bot/updates"


def state(survey: Survey, issue: int):
    loaded = load_state(survey.github.comments(issue), survey.github.bot_login, issue=issue)
    assert loaded.state is not None
    return loaded.state


def thank_bob(survey: Survey, issue: int, *, reopen: bool = False) -> None:
    """A maintainer's ``/thank @bob``, as its run leaves the issue: with ``reopen``, as a run
    that found the issue closed leaves it (``decisions._thank`` reopens it)."""
    survey.github.add_comment(issue, "/thank @bob as Bob Builder", user=MAINTAINER)
    edit_state(survey, issue, lambda s: replace(s, extra_thanks=(Thanks("bob", "Bob Builder"),)))
    if reopen and survey.github.issue(issue)["state"] == "closed":
        survey.port.edit_issue(issue, state="open")


def test_a_thank_after_the_pull_request_was_built_is_not_lost(survey: Survey) -> None:
    """#13 item 3: a /thank that arrives after the pull request was built, on an issue the
    merge then closes, still reaches the acknowledgements, once."""
    issue = survey.accept(OCTOPACK)
    pull = survey.batch().pull
    assert pull is not None
    thank_bob(survey, issue)  # the pull request does not have it
    merge(survey, pull)  # GitHub closes the issue ("Closes #N")

    survey.batch()  # the follow-up: alice thanked, bob still owed
    assert [t.login for t in state(survey, issue).unthanked] == ["bob"]
    outcome = survey.batch()

    readme = git(survey.origin, "show", f"{BRANCH}:README.md")
    assert outcome.status == "opened" and readme.count("Bob Builder") == 1


def test_a_follow_up_and_a_triage_edit_do_not_roll_each_other_back(survey: Survey) -> None:
    """#13 item 3: the follow-up never edits the triage comment, so an issue run writing it at
    the same time (here: after the follow-up read it) loses nothing, and neither does the
    follow-up's record of what was merged."""
    issue = survey.accept(OCTOPACK)
    pull = survey.batch().pull
    assert pull is not None
    merge(survey, pull)
    survey.batch()
    thank_bob(survey, issue)  # an issue run's write after the follow-up

    current = state(survey, issue)
    assert [p.merged_in for p in current.papers] == [pull]  # the follow-up's facts hold
    assert [t.login for t in current.unthanked] == ["bob"]  # and so does the /thank


def test_an_accepted_state_no_maintainer_backs_adds_nothing(survey: Survey) -> None:
    """#13 item 5: a state saying "accepted", shaped exactly as the bot writes it (the residual
    risk of a workflow posting as the bot), without a maintainer's /accept in the thread."""
    issue = survey.accept(LIMA)
    [command] = [c for c in survey.github.comments(issue) if c["user"]["login"] == MAINTAINER]
    survey.port.delete_comment(command["id"])

    outcome = survey.batch()

    assert outcome.status == "idle" and survey.github.pulls() == []
    assert any(f"#{issue}" in note and "no maintainer" in note for note in outcome.notes)


def test_a_signed_state_is_required_once_a_key_is_set(survey: Survey) -> None:
    """#13 item 5, the stronger option: with a key, an unsigned state is not trusted at all."""
    from bot.issue.provenance import Seal, seal_body

    seal = Seal(b"k" * 32, survey.github.repo)
    issue = survey.accept(OCTOPACK)  # unsigned: as a forger would write it
    signed = survey.accept(LIMA, reader="bob", name="Bob Jones")
    [bot] = [c for c in survey.github.comments(signed) if c["user"]["login"] != MAINTAINER]
    survey.port.edit_comment(bot["id"], seal_body(bot["body"], seal, signed))

    outcome = survey.batch(seal=seal)

    body = survey.github.pull(outcome.pull)["body"]  # type: ignore[arg-type]
    assert f"Closes #{signed}" in body and f"Closes #{issue}" not in body


def merge(survey: Survey, pull: int) -> None:
    """A maintainer merges the bot's pull request; GitHub closes the issues it names."""
    git(survey.origin, "update-ref", "refs/heads/main", git(survey.origin, "rev-parse", BRANCH))
    survey.github.merge_pull(pull)


BATCH_WRITES = ("create_comment", "edit_comment", "create_pull", "edit_pull", "edit_issue")


@pytest.mark.parametrize("k", [1, 2, 3])
@pytest.mark.parametrize("stage", ["opening", "follow-up"])
def test_a_thank_interleaved_with_the_batch_at_each_write(survey: Survey, stage, k) -> None:
    """#13's interleavings, command with batch: a maintainer's /thank lands just before each
    write of the batch (opening the pull request, or following up its merge); whatever the
    order, bob reaches the acknowledgements exactly once, and the paper is recorded merged."""
    issue = survey.accept(OCTOPACK)
    if stage == "follow-up":
        pull = survey.batch().pull
        assert pull is not None
        merge(survey, pull)
    plain = {name: getattr(survey.port, name) for name in BATCH_WRITES}
    writes = pause_before_write(
        survey.port, BATCH_WRITES, k, lambda: thank_bob(survey, issue, reopen=True)
    )

    survey.batch()
    for name, write in plain.items():
        setattr(survey.port, name, write)
    if writes[0] < k:
        thank_bob(survey, issue, reopen=True)  # fewer writes than k: it comes after the run
    for _ in range(3):  # the next scheduled runs: merge what they open
        outcome = survey.batch()
        if outcome.pull is not None and outcome.status in ("opened", "updated", "unchanged"):
            merge(survey, outcome.pull)

    readme = git(survey.origin, "show", "main:README.md")
    assert readme.count("Bob Builder") == 1
    current = state(survey, issue)
    assert all(p.merged_in for p in current.papers) and not current.unthanked


@pytest.mark.parametrize("k", [1, 2], ids=["before-the-thank-you", "before-the-done-marker"])
def test_a_thank_written_during_the_follow_up_reopens_its_issue(survey: Survey, k) -> None:
    """#13 item 3, the narrowest race: a /thank whose run read the issue while it was open
    writes its state after the merge closed the issue and after the follow-up read it. The
    follow-up's second read sees the name still owed and reopens the issue, so the next batch
    collects it."""
    issue = survey.accept(OCTOPACK)
    pull = survey.batch().pull
    assert pull is not None
    merge(survey, pull)
    # no reopen of its own
    pause_before_write(survey.port, BATCH_WRITES, k, lambda: thank_bob(survey, issue))

    survey.batch()

    assert survey.github.issue(issue)["state"] == "open"
    outcome = survey.batch()
    readme = git(survey.origin, "show", f"{BRANCH}:README.md")
    assert outcome.status == "opened" and readme.count("Bob Builder") == 1
