"""``survey-bot run`` on ``issue_comment`` events: maintainers command, everyone else is told so."""

from __future__ import annotations

import pytest
from run_harness import comment_event, only_recorded

from bot.issue.state import decode_state

COMMAND_BUDGET = 4  # REST requests for a maintainer's command (#15: at most 4)


def test_a_maintainer_accepts_then_rejects(triaged):
    harness, triage = triaged
    accept = comment_event(harness.fake, 1, '/accept section: "fine tuning"', user="maint")
    harness.fake.reset_log()

    run = harness.run_process("issue_comment", accept)  # end to end

    assert run.returncode == 0, run.stdout + run.stderr
    assert len(harness.fake.requests) <= COMMAND_BUDGET
    assert [r.operation for r in harness.fake.requests] == [
        "repos/get-collaborator-permission-level",
        "issues/list-comments",
        "issues/update-comment",  # the state first: the label follows from it
        "issues/add-labels",  # shown under the comment: no reaction needed
    ]
    assert harness.fake.reactions(comment_id=accept["comment"]["id"]) == []
    assert "accepted" in harness.fake.labels(1)
    bot_comments = harness.bot_comments()
    assert [c["id"] for c in bot_comments] == [triage["id"]]  # edited in place, no reply
    state = decode_state(bot_comments[0]["body"]).state
    assert [(p.verdict, p.accepted, p.section) for p in state.papers] == [
        ("new", True, "3.1 Fine-Tuning"),  # the heading's real name
        ("cited", False, None),
    ]
    assert '**Accepted** for section "3.1 Fine-Tuning"' in bot_comments[0]["body"]
    assert "| 1 | LoRA: Low-Rank Adaptation of Large Language Models | new, accepted |" in (
        run.summary
    )

    reject = comment_event(harness.fake, 1, "/reject out of scope", user="maint")
    run = harness.run("issue_comment", reject)  # in process: the same code path

    assert run.returncode == 0
    issue = harness.fake.issue(1)
    assert (issue["state"], issue["state_reason"]) == ("closed", "not_planned")
    assert "rejected" in harness.fake.labels(1)
    assert "accepted" not in harness.fake.labels(1)
    state = decode_state(harness.bot_comments()[0]["body"]).state
    assert state.rejected and state.rejected_reason == "out of scope"


def test_an_unknown_section_is_refused_at_once(triaged_world):
    world = triaged_world
    [triage] = world.port.comments(1)
    accept = world.comment_event(1, '/accept section: "Fine tuned models"', user="maint")
    world.port.reset_log()

    run = world.run("issue_comment", accept)

    assert run.returncode == 0, run.stdout + run.stderr
    assert world.port.names() == [
        "permission",
        "issue_comments",
        "edit_comment",  # records the command as handled
        "create_comment",  # the reply is the sign that it was: no reaction
    ]
    assert world.port.reactions(accept["comment"]["id"]) == []
    [original, reply] = world.port.bot_comments(1)
    assert only_recorded(triage, original, accept["comment"]["id"])  # no decision changed
    assert reply.body == (
        'Nothing was accepted: section "Fine tuned models" is not a heading of README.md. '
        'Reply `/accept section: "…"` with one of the closest headings:\n'
        # "Models" lists papers, so it comes before the closer but still empty "3.1 Fine-Tuning".
        "- Models\n- 3.1 Fine-Tuning\n- A Tiny Survey"
    )
    assert "accepted" not in world.port.labels(1)


@pytest.mark.parametrize(
    ("login", "permission", "association"),
    [("stranger", None, "NONE"), ("member", "read", "MEMBER")],
    ids=["stranger", "org-member-with-read"],
)
def test_others_cannot_command_and_get_one_reply(triaged_world, login, permission, association):
    world = triaged_world
    [triage] = world.port.comments(1)
    world.port.add_user(login, permission=permission)
    payload = world.comment_event(1, "/accept\n/reject\n/accept 1", user=login)
    payload["comment"]["author_association"] = association
    world.port.reset_log()

    run = world.run("issue_comment", payload)

    assert run.returncode == 0
    assert len(world.port.calls) <= 4  # comments, the state edit, the reply (+ permission)
    assert world.port.reactions(payload["comment"]["id"]) == []  # the reply says it
    [original, reply] = world.port.bot_comments(1)
    assert only_recorded(triage, original, payload["comment"]["id"])  # nothing else changed
    assert "maintainer" in reply.body.lower()
    assert "accepted" not in world.port.labels(1)
    assert world.port.state(1) == ("open", None)

    if login == "stranger":
        again = world.run("issue_comment", payload)  # the same delivery again

        assert again.returncode == 0
        assert len(world.port.bot_comments(1)) == 2  # still one reply


def test_recheck_after_the_survey_cites_the_paper(triaged_world):
    world = triaged_world
    [triage] = world.port.comments(1)
    bib = world.survey / "refs.bib"
    bib.write_text(
        bib.read_text()
        + "\n@inproceedings{hu2022lora,\n  title={LoRA: Low-Rank Adaptation of Large Language"
        " Models},\n  author={Hu, Edward J. and Shen, Yelong},\n  year={2022}\n}\n"
    )
    recheck = world.comment_event(1, "/recheck", user="maint")

    run = world.run("issue_comment", recheck)

    assert run.returncode == 0, run.stdout + run.stderr
    [comment] = world.port.bot_comments(1)
    assert comment.id == triage.id
    state = decode_state(comment.body).state
    assert [p.verdict for p in state.papers] == ["cited", "cited"]
    assert sorted(world.port.labels(1)) == ["already-cited", "paper-suggestion"]
    # The label change shows under the comment that it was handled: no reaction.
    assert world.port.reactions(recheck["comment"]["id"]) == []
