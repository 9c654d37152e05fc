"""The fault-injection matrix for the batch (#13): every request of a batch that opens the
pull request, and of the follow-up after it is merged, failing once in each way GitHub
fails (``sandbox.faults.matrix``: 502 before or after GitHub acted, a timeout after it
acted, a secondary rate limit with ``Retry-After``).

A run may stop with one clear error when a write's outcome cannot be known; the next
scheduled run must then finish the job. After each case: one bot pull request, every
issue closed by it once, one thank-you per issue, the merge recorded, and a further run
that writes nothing.
"""

from __future__ import annotations

import pytest

from bot.batch.followup import DONE_MARKER, THANKS_MARKER
from bot.batch.run import BatchOutcome
from bot.errors import SurveyBotError
from bot.github.pygithub import connect
from bot.issue.provenance import load_state
from sandbox import matrix
from sandbox.testing import fault_cases
from tests.batch.conftest import Survey
from tests.example_survey import OCTOPACK
from tests.gitrepo.gitutil import git

TIMEOUT = 1
FAULTS = matrix(TIMEOUT)
BRANCH = "survey-bot/updates"
OPEN = [
    ("GET", r"/pulls$"),
    ("GET", r"/issues$"),
    ("GET", r"/issues/comments$"),
    ("GET", r"/permission$"),
    ("POST", r"/pulls$"),
]
FOLLOW_UP = [
    ("GET", r"/pulls$"),
    ("GET", r"/issues$"),
    ("GET", r"/issues/comments$"),
    ("POST", r"/issues/\d+/comments$"),
    ("PATCH", r"/pulls/\d+$"),
]


@pytest.fixture
def quick(survey: Survey) -> Survey:
    """The survey with a client that gives up after ``TIMEOUT`` seconds and never waits long."""
    survey.port = connect(
        survey.github.token,
        survey.github.repo,
        survey.github.base_url,
        seconds_between_requests=0,
        seconds_between_writes=0,
        max_wait=0.01,
        backoff=0.01,
        timeout=TIMEOUT,
    )
    return survey


def until_done(survey: Survey) -> BatchOutcome:
    """The batch; if it stopped on a failure, the next scheduled run."""
    try:
        return survey.batch()
    except SurveyBotError:
        survey.github.clear_faults()
        return survey.batch()


def assert_settled(survey: Survey) -> None:
    survey.github.clear_faults()
    survey.github.reset_log()
    survey.batch()
    assert survey.writes() == []


@pytest.mark.parametrize(("method", "path", "fault"), fault_cases(OPEN, FAULTS))
def test_opening_the_pull_request_under_faults(quick: Survey, method, path, fault) -> None:
    issue = quick.accept(OCTOPACK)
    injected = quick.github.inject(method, path, **FAULTS[fault])

    until_done(quick)

    assert injected.hits >= 1
    [pull] = quick.github.pulls()
    assert f"Closes #{issue}" in pull["body"]
    assert OCTOPACK.title in git(quick.origin, "show", f"{BRANCH}:README.md")
    assert_settled(quick)


@pytest.mark.parametrize(("method", "path", "fault"), fault_cases(FOLLOW_UP, FAULTS))
def test_the_follow_up_under_faults(quick: Survey, method, path, fault) -> None:
    issue = quick.accept(OCTOPACK)
    number = quick.batch().pull
    assert number is not None
    git(quick.origin, "update-ref", "refs/heads/main", git(quick.origin, "rev-parse", BRANCH))
    quick.github.merge_pull(number)
    injected = quick.github.inject(method, path, **FAULTS[fault])

    until_done(quick)

    assert injected.hits >= 1
    marker = THANKS_MARKER.format(pull=number)
    assert [marker in c["body"] for c in quick.github.comments(issue)].count(True) == 1
    assert DONE_MARKER in quick.github.pull(number)["body"]  # type: ignore[index]
    state = load_state(quick.github.comments(issue), quick.github.bot_login, issue=issue).state
    assert state is not None and [p.merged_in for p in state.papers] == [number]
    assert quick.github.issue(issue)["state"] == "closed" and not state.pending
    assert len(quick.github.pulls()) == 1
    assert_settled(quick)
