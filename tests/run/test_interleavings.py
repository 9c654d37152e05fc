"""Two runs on one issue interleaved at each write (#13's matrix, second half).

GitHub's concurrency group serialises runs on one issue only while they share
it; the batch, other workflows and a re-run do not. Here run A is stopped just
before its k-th write, run B goes from start to end, then A goes on. GitHub
has no conditional update for comments, so A's write may overwrite B's: what
must hold is that nothing is lost for good. After the issue's next run (the
reader's edit, or any later event): one triage comment, both decisions in its
state, each command handled once (no reply twice).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from run_harness import BOT, TWO_PAPERS, World, issue_event

from bot.issue.provenance import load_state
from sandbox.testing import pause_before_write

WRITES = ("create_comment", "edit_comment", "add_labels", "edit_issue", "react_to_comment")


def command(world: World, text: str) -> Callable[[], Any]:
    payload = world.comment_event(1, text, user="maint")
    return lambda: world.run("issue_comment", payload)


def reader_edit(world: World) -> Callable[[], Any]:
    labels = tuple(world.port.labels(1))
    payload = world.seed(issue_event("edited", "Two papers", TWO_PAPERS, labels=labels))
    return lambda: world.run("issues", payload)


def accept(world: World) -> Callable[[], Any]:
    return command(world, "/accept 1")


def thank(world: World) -> Callable[[], Any]:
    return command(world, "/thank @bob")


# run A, run B, whether paper 1 ends accepted, whether bob ends thanked
PAIRS = {
    "two-commands": (accept, thank, True, True),
    "command-then-triage": (accept, reader_edit, True, False),
    "triage-then-command": (reader_edit, thank, False, True),
}


@pytest.mark.parametrize("k", [1, 2, 3])
@pytest.mark.parametrize("pair", PAIRS)
def test_two_runs_interleaved_at_each_write(triaged_world: World, pair: str, k: int) -> None:
    world = triaged_world
    make_a, make_b, accepted, thanked = PAIRS[pair]
    run_a, run_b = make_a(world), make_b(world)
    writes = pause_before_write(world.port, WRITES, k, run_b)

    run_a()
    assert writes[0] >= min(k, 2)  # B ran inside A (A makes at least two writes)
    world.run("issues", world.seed(issue_event("edited", "Two papers", TWO_PAPERS)))

    comments = world.port.comments(1)
    triage = [c for c in comments if c.author == BOT and c.body.startswith("<!-- survey-bot")]
    assert len(triage) == 1
    state = load_state(comments, BOT, issue=1).state
    assert state is not None
    assert [p.accepted for p in state.papers] == [accepted, False]
    assert [t.login for t in state.extra_thanks] == (["bob"] if thanked else [])
    replies = [c.body for c in comments if c.author == BOT and c not in triage]
    assert len(replies) == len(set(replies))  # nothing said twice
