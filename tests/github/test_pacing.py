"""Pacing by what GitHub asks (#15 item 2): no pause for a triage or a command, GitHub's
documented one second between writes only in a long run of them, and the rate-limit
headers honoured."""

from __future__ import annotations

import time

import pytest

from bot.github.pacing import Pacing
from bot.github.pygithub import connect
from sandbox import FakeGitHub


class Clock:
    """A clock that moves only when the paced caller waits."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def paced(verbs: list[str], **options: float) -> list[float]:
    """The waits ``Pacing`` asks for before each request, the caller waiting each one."""
    clock = Clock()
    pacing = Pacing(clock=clock, **options)  # type: ignore[arg-type]
    waits = []
    for verb in verbs:
        wait = pacing.wait(verb)
        clock.now += wait
        waits.append(wait)
    return waits


@pytest.mark.parametrize(
    "verbs",
    [
        ["GET", "POST", "POST"],  # a triage
        ["GET", "GET", "PATCH", "POST"],  # a command
        ["GET"] * 50,  # long reads
    ],
    ids=["triage", "command", "reads"],
)
def test_a_triage_or_a_command_never_waits(verbs: list[str]) -> None:
    assert paced(verbs) == [0.0] * len(verbs)


def test_a_long_run_of_writes_is_spaced_after_the_tenth() -> None:
    waits = paced(["GET"] + ["POST"] * 13)
    assert waits[:11] == [0.0] * 11  # the read and ten writes: no pause
    assert waits[11:] == [1.0, 1.0, 1.0]  # GitHub's "at least one second between each"


def test_reads_among_spaced_writes_do_not_wait() -> None:
    waits = paced(["POST"] * 11 + ["GET", "POST"])
    assert waits[10] == 1.0 and waits[11] == 0.0 and waits[12] == 1.0


def test_a_spent_rate_limit_waits_for_its_reset_once() -> None:
    clock = Clock()
    pacing = Pacing(clock=clock, max_wait=60.0)
    reset = int(time.time()) + 10
    pacing.answered({"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(reset)})
    first = pacing.wait("GET")
    assert 9.0 <= first <= 12.0  # until the reset, with a second to spare
    clock.now += first
    assert pacing.wait("GET") == 0.0


def test_a_reset_far_away_waits_at_most_max_wait() -> None:
    pacing = Pacing(clock=Clock(), max_wait=5.0)
    far = int(time.time()) + 3600
    pacing.answered({"x-ratelimit-remaining": "0", "x-ratelimit-reset": str(far)})
    assert pacing.wait("POST") == 5.0


def test_the_port_sleeps_only_where_pacing_says(fake_github: FakeGitHub) -> None:
    """End to end: PyGithub to the fake, default spacing, the sleeps recorded instead."""
    fake_github.add_issue(title="A paper", body="arXiv:2106.09685", user="reader")
    waits: list[float] = []
    port = connect(
        fake_github.token, fake_github.repo, fake_github.base_url, sleep=waits.append
    )
    try:
        port.issue_comments(1)
        port.create_comment(1, "triage")
        port.add_labels(1, ["new-paper"])
        assert waits == []  # a whole triage: no pause
        for n in range(10):
            port.create_comment(1, f"thanks {n}")
    finally:
        port.close()
    # Writes 11 and 12, a second apart (the recorder does not sleep: the second wait counts
    # from the first write's planned time).
    assert len(waits) == 2 and 0.5 < waits[0] <= 1.0 and 0.9 < waits[1] - waits[0] <= 1.0
