"""``survey-bot run`` when GitHub dropped the run of an earlier command comment.

The workflow keeps one pending run per issue: while one run works, a second
event waits and a third replaces it. Here that is played out by posting
comments on the fake and delivering only some of their events.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from run_harness import (
    BERT,
    BOT,
    TWO_PAPERS,
    Harness,
    World,
    comment_event,
    fresh,
    issue_event,
)

from bot.issue.state import decode_state, encode_state

COMMAND_BUDGET = 5  # REST requests for a maintainer's command (test_commands.py)
REACT = "reactions/create-for-issue-comment"


def snapshot(harness: Harness) -> tuple[Any, ...]:
    """Everything a run could change on issue #1."""
    issue = harness.fake.issue(1)
    comments = harness.fake.comments(1)
    return (
        comments,
        [harness.fake.reactions(comment_id=c["id"]) for c in comments],
        sorted(harness.fake.labels(1)),
        issue["state"],
        issue["state_reason"],
    )


def world_snapshot(world: World) -> tuple[Any, ...]:
    """Everything a run could change on issue #1, on the recording port."""
    comments = world.port.comments(1)
    return (
        comments,
        [world.port.reactions(c.id) for c in comments],
        sorted(world.port.labels(1)),
        world.port.state(1),
    )


def reacted(harness: Harness, comment: dict[str, Any]) -> list[tuple[str, str]]:
    reactions = harness.fake.reactions(comment_id=comment["comment"]["id"])
    return [(r["content"], r["user"]["login"]) for r in reactions]


def test_a_dropped_command_runs_before_the_delivered_one_and_only_once(triaged):
    harness, triage = triaged
    accept = comment_event(harness.fake, 1, "/accept 1", user="maint")  # its run is dropped
    thank = comment_event(harness.fake, 1, "/thank @bob as Bob Builder", user="maint")
    harness.fake.reset_log()

    run = harness.run_process("issue_comment", thank)  # end to end

    assert run.returncode == 0, run.stdout + run.stderr
    assert [r.operation for r in harness.fake.requests] == [
        "repos/get-collaborator-permission-level",  # asked once: cached for both comments
        "issues/list-comments",
        "issues/update-comment",  # both commands, in order, in one write of the state
        "issues/add-labels",  # /accept 1 shows by its label under the comment...
        REACT,  # ...and /thank, which changes no label, by a reaction
    ]
    reactions = [r.path for r in harness.fake.requests if r.operation == REACT]
    assert [path.split("/")[-2] for path in reactions] == [str(thank["comment"]["id"])]
    assert reacted(harness, accept) == []
    assert reacted(harness, thank) == [("+1", BOT)]
    [comment] = harness.bot_comments()
    assert comment["id"] == triage["id"]
    state = decode_state(comment["body"]).state
    assert [p.accepted for p in state.papers] == [True, False]
    assert [(t.login, t.name) for t in state.extra_thanks] == [("bob", "Bob Builder")]
    assert state.handled_up_to == thank["comment"]["id"]
    assert "accepted" in harness.fake.labels(1)
    assert f"comment {accept['comment']['id']} by @\u200bmaint was never handled" in run.summary

    before = snapshot(harness)
    for payload in (thank, accept):  # GitHub re-delivers, or someone re-runs the job
        harness.fake.reset_log()

        again = harness.run("issue_comment", fresh(payload))

        assert again.returncode == 0, again.stdout + again.stderr
        assert harness.writes() == []
        assert snapshot(harness) == before
        assert "already handled" in again.summary


def test_dropped_commands_keep_their_order(triaged_world):
    world = triaged_world
    world.comment_event(1, "/accept 1", user="maint")  # dropped
    reject = world.comment_event(1, "/reject out of scope", user="maint")

    run = world.run("issue_comment", reject)

    assert run.returncode == 0, run.stdout + run.stderr
    state = decode_state(world.port.bot_comments(1)[0].body).state
    assert state.rejected and not state.accepted  # rejected after it was accepted
    assert "accepted" not in world.port.labels(1)
    assert world.port.state(1)[0] == "closed"


@pytest.mark.parametrize("stranger_run", ["dropped", "delivered"])
def test_a_strangers_command_is_never_replayed_into_an_action(triaged_world, stranger_run):
    world = triaged_world
    world.port.add_user("stranger")
    stranger = world.comment_event(1, "/accept 1", user="stranger")
    if stranger_run == "delivered":
        assert world.run("issue_comment", stranger).returncode == 0
    thank = world.comment_event(1, "/thank @bob", user="maint")
    world.port.reset_log()

    run = world.run("issue_comment", thank)

    assert run.returncode == 0, run.stdout + run.stderr
    if stranger_run == "delivered":  # its run handled it: nothing to replay
        assert len(world.port.calls) <= COMMAND_BUDGET
    assert world.port.reactions(stranger["comment"]["id"]) == []  # the reply says it
    [triage_comment, refusal] = world.port.bot_comments(1)  # one reply, however often it is seen
    assert "maintainer" in refusal.body.lower()
    state = decode_state(triage_comment.body).state
    assert not state.accepted
    assert [t.login for t in state.extra_thanks] == ["bob"]


def test_a_state_from_before_the_record_replays_nothing(world, two_papers_triage):
    body, labels = two_papers_triage
    state = decode_state(body).state
    assert state.handled_up_to == 0  # a new issue's triage records that nothing was handled
    legacy = encode_state(replace(state, handled_up_to=None))  # as the previous version wrote it
    world.seed(issue_event("opened", "Two papers", TWO_PAPERS, labels=labels))
    world.port.add_comment(1, body.replace(encode_state(state), legacy), user=BOT)
    accept = world.comment_event(1, "/accept 1", user="maint")  # handled back then
    thank = world.comment_event(1, "/thank @bob", user="maint")
    world.port.reset_log()

    run = world.run("issue_comment", thank)

    assert run.returncode == 0, run.stdout + run.stderr
    assert len(world.port.calls) <= COMMAND_BUDGET
    assert world.port.reactions(accept["comment"]["id"]) == []
    state = decode_state(world.port.bot_comments(1)[0].body).state
    assert not state.accepted
    assert [t.login for t in state.extra_thanks] == ["bob"]
    assert state.handled_up_to == thank["comment"]["id"]  # recorded from now on


@pytest.mark.parametrize("issue_state", ["open", "closed"])
def test_a_command_dropped_for_an_edit_runs_after_the_triage_and_only_once(
    triaged_world, issue_state
):
    world = triaged_world
    [triage] = world.port.comments(1)
    accept = world.comment_event(1, "/accept 1", user="maint")  # its run is dropped...
    labels = tuple(world.port.labels(1))
    edited = issue_event("edited", "Two papers", f"{TWO_PAPERS}\narXiv:{BERT}", labels=labels)
    edited["issue"]["state"] = issue_state  # ...for the run of the reader's edit
    world.seed(edited)
    world.port.reset_log()

    run = world.run("issues", edited)

    assert run.returncode == 0, run.stdout + run.stderr
    assert world.port.names() == [
        "issue_comments",
        "permission",  # of the dropped command's author
        "edit_comment",  # the triage (a third paper) and /accept, in one write
        # the label (and reopening: the payload says whether it is open), in one request
        "edit_issue" if issue_state == "closed" else "add_labels",
    ]
    assert world.port.reactions(accept["comment"]["id"]) == []  # its label shows it
    [comment] = world.port.bot_comments(1)
    assert comment.id == triage.id
    state = decode_state(comment.body).state
    assert [p.verdict for p in state.papers] == ["new", "cited", "cited"]
    assert [p.accepted for p in state.papers] == [True, False, False]
    assert state.handled_up_to == accept["comment"]["id"]
    assert "accepted" in world.port.labels(1)
    assert world.port.state(1)[0] == "open"
    assert f"comment {accept['comment']['id']} by @\u200bmaint was never handled" in run.summary

    before = world_snapshot(world)
    world.port.reset_log()

    again = world.run("issues", fresh(edited))  # re-delivered: its labels are from before

    assert again.returncode == 0, again.stdout + again.stderr
    assert [call.name for call in world.port.writes()] == [
        "add_labels"  # "accepted" again, which GitHub answers as already there
    ]
    assert world_snapshot(world) == before
