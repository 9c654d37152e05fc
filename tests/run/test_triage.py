"""``survey-bot run`` on ``issues`` events: one comment per issue, its labels, few requests."""

from __future__ import annotations

from run_harness import (
    BERT,
    BOT,
    LORA,
    NOBODY_KNOWS,
    TRANSFORMER,
    comment_event,
    fresh,
    issue_event,
)

from bot.issue.state import MARKER, TriageState, decode_state, encode_state

SUGGESTION = f"""Please add arXiv:{LORA}, and maybe https://arxiv.org/abs/{TRANSFORMER}

Also "{NOBODY_KNOWS}"
"""
TRIAGE_BUDGET = 3  # REST requests for a new issue (#15: at most 3)


def verdicts(body: str) -> list[tuple[str, str]]:
    state = decode_state(body).state
    return [(p.asked, p.verdict) for p in state.papers]


def test_new_issue_gets_one_comment_labels_and_a_summary_within_budget(harness):
    payload = harness.seed(issue_event("opened", "Three papers", SUGGESTION))

    run = harness.run_process("issues", payload)  # end to end

    assert run.returncode == 0, run.stdout + run.stderr
    [comment] = harness.fake.comments(1)
    assert comment["user"]["login"] == BOT
    assert comment["body"].startswith(MARKER)
    assert verdicts(comment["body"]) == [
        (f"arXiv:{LORA}", "new"),
        (f"arXiv:{TRANSFORMER}", "cited"),
        (NOBODY_KNOWS, "unresolved"),
    ]
    assert "**Already cited** as vaswani2017attention" in comment["body"]
    # No request for the profile name, which is free text nobody confirmed (#13 item 2).
    assert "**reader** will be thanked" in comment["body"]
    assert sorted(harness.fake.labels(1)) == ["needs-info", "new-paper", "paper-suggestion"]
    assert [str(r).split(" ->")[0].split("?")[0] for r in harness.fake.requests] == [
        "GET /repos/Codertocat/Hello-World/issues/1/comments",
        "POST /repos/Codertocat/Hello-World/issues/1/comments",
        "POST /repos/Codertocat/Hello-World/issues/1/labels",
    ]
    assert len(harness.fake.requests) <= TRIAGE_BUDGET
    assert run.warnings == [
        f'::warning::issue #1: could not identify "{NOBODY_KNOWS}": '
        "could not resolve: offline and not cached"
    ]
    assert "| 1 | LoRA: Low-Rank Adaptation of Large Language Models | new |" in run.summary
    assert "- commented on #1" in run.summary


def test_redelivery_and_edit_keep_exactly_one_comment(world):
    opened = world.seed(issue_event("opened", "Papers", SUGGESTION))
    assert world.run("issues", opened).returncode == 0
    [first] = world.port.comments(1)

    again = world.run("issues", fresh(opened))  # the same delivery, run twice

    assert again.returncode == 0
    assert world.port.comments(1) == [first]
    assert world.port.names().count("create_comment") == 1
    assert not {"edit_comment", "close_issue", "reopen_issue"} & set(world.port.names())

    labels = tuple(world.port.labels(1))
    edited = world.seed(issue_event("edited", "Papers", f"Only arXiv:{BERT}", labels=labels))
    world.port.reset_log()
    run = world.run("issues", edited)

    assert run.returncode == 0
    [comment] = world.port.comments(1)
    assert comment.id == first.id
    assert verdicts(comment.body) == [(f"arXiv:{BERT}", "cited")]
    assert "(README.md, line 5)" in comment.body
    assert sorted(world.port.labels(1)) == ["already-cited", "paper-suggestion"]
    assert world.port.names().count("edit_comment") == 1


def test_an_issue_without_a_suggestion_gets_nothing(world):
    payload = world.seed(issue_event("opened", "Great survey!", "Thanks for the work @Codertocat"))

    run = world.run("issues", payload)

    assert run.returncode == 0
    assert world.port.comments(1) == []
    assert world.port.labels(1) == []
    assert world.port.calls == []  # a new issue without a paper costs nothing
    assert "no paper suggestion" in run.summary


def test_stale_duplicates_are_deleted_and_pasted_markers_ignored(world):
    payload = world.seed(issue_event("opened", "Papers", f"arXiv:{LORA}"))
    world.port.add_comment(1, f"{MARKER}\nI copied the marker", user="reader")
    # Copies left by crashed runs are shaped as the bot writes them: marker first, data last.
    data = encode_state(TriageState())
    oldest = world.port.add_comment(1, f"{MARKER}\nleft by a crashed run\n{data}", user=BOT)
    world.port.add_comment(1, f"{MARKER}\nand another one\n{data}", user=BOT)

    run = world.run("issues", payload)

    assert run.returncode == 0
    comments = world.port.comments(1)
    assert [c.author for c in comments] == ["reader", BOT]
    assert comments[1].id == oldest.id
    assert verdicts(comments[1].body) == [(f"arXiv:{LORA}", "new")]


def test_the_bot_ignores_its_own_comments(harness):
    harness.seed(issue_event("opened", "Papers", f"arXiv:{LORA}"))
    payload = comment_event(harness.fake, 1, "/accept\n/reject", user=BOT)
    harness.fake.reset_log()

    run = harness.run("issue_comment", payload)

    assert run.returncode == 0
    assert harness.fake.requests == []
    assert "nothing to do: comment by bot github-actions[bot]" in run.stdout
