"""A model named without its paper: needs-info, with the listed papers that carry the name."""

from __future__ import annotations

from run_harness import issue_event

from bot.issue.state import decode_state


def test_a_name_only_issue_asks_for_a_link_and_names_the_listed_papers(world) -> None:
    run = world.run("issues", world.seed(issue_event("opened", "Missing", "Please add BERT!")))

    assert run.returncode == 0
    [comment] = world.port.comments(1)
    [paper] = decode_state(comment.body).state.papers
    assert (paper.asked, paper.record) == ("BERT", None)
    assert paper.verdict == "ambiguous" and not paper.acceptable
    assert paper.candidates[0].title.startswith("BERT: Pre-training of Deep Bidirectional")
    assert "please add a link" in comment.body
    assert "needs-info" in world.port.labels(1)
    assert run.warnings and "only a name" in run.warnings[0]
