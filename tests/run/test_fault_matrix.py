"""The fault-injection matrix for issue runs (#13): every request of a triage and of a
maintainer's command, each failing once in each way GitHub fails.

Faults: a 502 before GitHub acted, a 502 after it acted, a timeout after it acted
(the client gives up at 1 s, the fake answers at 1.5 s), and a secondary rate
limit with ``Retry-After``. The run goes end to end in process (PyGithub over
HTTP to the fake GitHub). A run may fail with one clear error when a write's
outcome cannot be known; GitHub's "re-run" (the same event again) must then
finish the job. After each case: one triage comment, the decision recorded
once, no reply twice, the labels as the state says, and a further re-delivery
writes nothing.
"""

from __future__ import annotations

from typing import Any

import pytest
from run_harness import LORA, Harness, comment_event, fresh, issue_event

import bot.github.pygithub
from bot.issue.state import MARKER, decode_state
from sandbox import matrix
from sandbox.testing import fault_cases

TIMEOUT = 1  # seconds the client waits, in these tests
FAULTS = matrix(TIMEOUT)
TRIAGE = [
    ("GET", r"/issues/1/comments$"),
    ("POST", r"/issues/1/comments$"),
    ("POST", r"/issues/1/labels$"),
]
COMMAND = [
    ("GET", r"/collaborators/maint/permission$"),
    ("GET", r"/issues/1/comments$"),
    ("PATCH", r"/issues/comments/\d+$"),
    ("POST", r"/issues/1/labels$"),
]


@pytest.fixture(autouse=True)
def short_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    """The client's timeout, short so that a timeout case takes a second, not fifteen."""
    defaults = dict(bot.github.pygithub.connect.__kwdefaults__ or {}, timeout=TIMEOUT)
    monkeypatch.setattr(bot.github.pygithub.connect, "__kwdefaults__", defaults)


def run_until_done(harness: Harness, event: str, payload: dict[str, Any]) -> None:
    """The run; if a write's outcome could not be known, one clear error, then a re-run."""
    first = harness.run(event, fresh(payload))
    if first.returncode != 0:
        assert first.returncode == 1 and first.errors, first.stdout
        assert len(first.errors) == 1
        harness.fake.clear_faults()
        again = harness.run(event, fresh(payload))
        assert again.returncode == 0, again.stdout


def assert_settled(harness: Harness, event: str, payload: dict[str, Any]) -> None:
    """A further delivery of the same event writes nothing but, for an issue event whose
    payload still shows the labels from before, the labels again (which GitHub answers as
    already there)."""
    harness.fake.clear_faults()
    harness.fake.reset_log()
    assert harness.run(event, fresh(payload)).returncode == 0
    relabel = [w for w in harness.writes() if w.startswith("POST") and "/labels" in w]
    assert harness.writes() == (relabel if event == "issues" else [])


@pytest.mark.parametrize(("method", "path", "fault"), fault_cases(TRIAGE, FAULTS))
def test_triage_under_faults(harness: Harness, method: str, path: str, fault: str) -> None:
    payload = harness.seed(issue_event("opened", "A paper", f"arXiv:{LORA}"))
    injected = harness.fake.inject(method, path, **FAULTS[fault])

    run_until_done(harness, "issues", payload)

    assert injected.hits >= 1
    [comment] = harness.bot_comments()
    assert comment["body"].startswith(MARKER)
    assert [p.verdict for p in decode_state(comment["body"]).state.papers] == ["new"]
    assert sorted(harness.fake.labels(1)) == ["new-paper", "paper-suggestion"]
    assert_settled(harness, "issues", payload)


@pytest.mark.parametrize(("method", "path", "fault"), fault_cases(COMMAND, FAULTS))
def test_a_command_under_faults(
    triaged: tuple[Harness, dict[str, Any]], method: str, path: str, fault: str
) -> None:
    harness, triage = triaged
    accept = comment_event(harness.fake, 1, "/accept 1", user="maint")
    injected = harness.fake.inject(method, path, **FAULTS[fault])

    run_until_done(harness, "issue_comment", accept)

    assert injected.hits >= 1
    [comment] = harness.bot_comments()  # no second triage comment, no reply
    assert comment["id"] == triage["id"]
    state = decode_state(comment["body"]).state
    assert [p.accepted for p in state.papers] == [True, False]  # the decision, once
    assert state.handled_up_to == accept["comment"]["id"]
    assert "accepted" in harness.fake.labels(1)
    assert_settled(harness, "issue_comment", accept)


