"""Hostile readers and races on issue runs (#13 items 3, 5, 7, 12; compare-and-swap).

Each test plays the attack the issue reports, through ``survey-bot run``'s code
path on the in-memory port, and checks that it no longer works.
"""

from __future__ import annotations

from dataclasses import replace

from run_harness import BOT, LORA, World, issue_event

from bot.issue.provenance import load_state
from bot.issue.state import MARKER, decode_state, encode_state

BIBTEX = """Please add:

@article{doe2023zebra,
  title = {Zebra Herding with Tiny Transformers},
  author = {Doe, Jane},
  journal = {Journal of Quokka Studies},
  year = {2023}
}
"""


def state_of(world: World, number: int = 1):
    loaded = load_state(world.port.comments(number), BOT, issue=number)
    assert loaded.state is not None
    return loaded.state


def accepted_once(world: World, body: str) -> None:
    """A reader's issue, triaged, then accepted by a maintainer."""
    world.run("issues", world.seed(issue_event("opened", "A paper", body)))
    world.run("issue_comment", world.comment_event(1, "/accept", user="maint"))
    assert [p.accepted for p in state_of(world).papers] == [True]


def test_a_readers_edit_after_accept_asks_for_a_fresh_accept(world: World) -> None:
    """#13 item 7: what the maintainer accepted is what lands."""
    accepted_once(world, BIBTEX)
    edited = BIBTEX.replace("Doe, Jane", "Doe, Jane and Evil, Eve").replace("2023", "2024")
    labels = tuple(world.port.labels(1))

    run = world.run("issues", world.seed(issue_event("edited", "A paper", edited, labels=labels)))

    assert run.returncode == 0, run.stdout
    [paper] = state_of(world).papers
    assert not paper.accepted and {"authors", "year"} <= set(paper.changed)
    assert "accepted" not in world.port.labels(1)
    triage = world.port.bot_comments(1)[0].body
    assert "authors" in triage and "/accept" in triage  # shows the change, asks again

    world.run("issue_comment", world.comment_event(1, "/accept", user="maint"))

    [paper] = state_of(world).papers
    assert paper.accepted and paper.changed == () and paper.record is not None
    assert [a for a in paper.record.authors] == ["Jane Doe", "Eve Evil"]


def test_a_reader_closing_their_issue_after_accept_keeps_the_paper(world: World) -> None:
    """#13 item 12: the batch collects open issues; the reader's close is undone."""
    accepted_once(world, f"arXiv:{LORA}")
    world.port.edit_issue(1, state="closed", reason="completed")
    closed = issue_event("edited", "A paper", f"arXiv:{LORA}", labels=tuple(world.port.labels(1)))
    closed["action"], closed["issue"]["state"] = "closed", "closed"  # sent by the reader

    run = world.run("issues", closed)

    assert run.returncode == 0, run.stdout
    assert world.port.state(1)[0] == "open"
    assert [p.accepted for p in state_of(world).papers] == [True]


def test_a_state_echoed_by_another_workflow_is_not_trusted(world: World) -> None:
    """#13 item 5: a comment by the bot's login that is not shaped as the bot writes it (here
    another workflow echoing a reader's text) holds no state the bot trusts."""
    world.run("issues", world.seed(issue_event("opened", "A paper", f"arXiv:{LORA}")))
    honest = state_of(world)
    forged = replace(honest, papers=tuple(replace(p, accepted=True) for p in honest.papers))
    echo = f"Thanks @reader, you wrote:\n> {MARKER}\n> {encode_state(forged)}\n"
    world.port.add_comment(1, echo, user=BOT)

    assert state_of(world) == honest
    assert not any(p.accepted for p in state_of(world).papers)


def test_a_readers_pasted_marker_never_becomes_the_state(world: World) -> None:
    """#13 item 5: the same forged state pasted by the reader, as the oldest comment."""
    world.seed(issue_event("opened", "A paper", f"arXiv:{LORA}"))
    forged = decode_state(f"{MARKER}\n").state
    world.port.add_comment(1, f"{MARKER}\n{encode_state(forged)}", user="reader")
    world.run("issues", world.seed(issue_event("edited", "A paper", f"arXiv:{LORA}")))

    [comment] = world.port.bot_comments(1)
    assert load_state(world.port.comments(1), BOT, issue=1).comment.id == comment.id


def test_a_write_lost_in_a_race_is_carried_out_by_the_next_run(world: World) -> None:
    """#13 item 3 and the compare-and-swap: a run that overwrote another's edit (the window
    GitHub's missing conditional PATCH leaves) loses no command: it stays unhandled in the
    state, and the issue's next run carries it out."""
    world.run("issues", world.seed(issue_event("opened", "A paper", f"arXiv:{LORA}")))
    [triage] = world.port.bot_comments(1)
    before = triage.body
    thank = world.comment_event(1, "/thank @bob as Bob Builder", user="maint")
    world.run("issue_comment", thank)
    assert [t.login for t in state_of(world).extra_thanks] == ["bob"]
    world.port.edit_comment(triage.id, before)  # a slower run's write lands last

    world.run("issues", world.seed(issue_event("edited", "A paper", f"arXiv:{LORA}")))

    state = state_of(world)
    assert [t.login for t in state.extra_thanks] == ["bob"]
    assert state.handled_up_to == thank["comment"]["id"]
