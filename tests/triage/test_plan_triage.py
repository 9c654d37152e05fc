"""plan_triage: what the bot says and which labels it sets for each kind of issue."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.issue.commands import Accept, Reject, Thank
from bot.issue.decisions import plan_command
from bot.issue.state import MARKER, TriageState, accepted_items, decode_state
from bot.issue.triage import MAX_PAPERS, IssueInfo, paper_keys, plan_triage, same_paper
from bot.models import Skipped
from bot.suggestions import Suggestion
from tests.conftest import RENDERER
from tests.triage.helpers import (
    CONFIG,
    ISSUE,
    SECTIONS,
    ambiguous,
    assert_safe,
    cited,
    new,
    unresolved,
    unzip,
)

SUGGESTION_LABELS = {
    "cited": (
        {"paper-suggestion", "already-cited"},
        ["Already cited** as \\[57\\]", "(refs.bib, line 120)"],
    ),
    "new": (
        {"paper-suggestion", "new-paper"},
        [
            "Not in the survey yet.** A maintainer can reply `/accept` to add it",
            'to section "Evaluation"',
        ],
    ),
    "ambiguous": (
        {"paper-suggestion"},
        [
            "Possibly already cited",
            "\\[57\\] A Survey of Large Language Models (refs.bib, line 120): 88% similar",
            "wei2022chain",
        ],
    ),
    "unresolved": (
        {"paper-suggestion", "needs-info"},
        [
            "We could not identify the paper** (no match on arXiv, Crossref or DBLP)",
            "(arXiv, DOI, ACL Anthology or OpenReview)",
        ],
    ),
}
BUILDERS = {"cited": cited, "new": new, "ambiguous": ambiguous, "unresolved": unresolved}


@pytest.mark.parametrize("kind", list(SUGGESTION_LABELS))
def test_single_paper(kind: str):
    labels, phrases = SUGGESTION_LABELS[kind]
    plan = plan_triage(ISSUE, *unzip(BUILDERS[kind]()), CONFIG, None, renderer=RENDERER)
    assert set(plan.labels_to_add) == labels and plan.labels_to_remove == ()
    assert plan.comment_body.startswith(MARKER)
    for phrase in phrases:
        assert phrase in plan.comment_body
    assert plan.state.papers[0].verdict == kind
    assert decode_state(plan.comment_body).state == plan.state
    assert_safe(plan.comment_body)


@pytest.mark.parametrize(
    ("kinds", "labels"),
    [
        pytest.param(["cited", "cited"], {"paper-suggestion", "already-cited"}, id="all-cited"),
        pytest.param(["cited", "new"], {"paper-suggestion", "new-paper"}, id="cited+new"),
        pytest.param(
            ["new", "unresolved"],
            {"paper-suggestion", "new-paper", "needs-info"},
            id="new+unresolved",
        ),
        pytest.param(
            ["cited", "ambiguous", "unresolved"], {"paper-suggestion", "needs-info"}, id="no-new"
        ),
        pytest.param(
            ["cited", "new", "ambiguous", "unresolved"],
            {"paper-suggestion", "new-paper", "needs-info"},
            id="everything",
        ),
    ],
)
def test_mixed(kinds: list[str], labels: set[str]):
    items = [
        BUILDERS[k](arxiv=f"2401.0000{i}") if k in ("new", "cited") else BUILDERS[k]()
        for i, k in enumerate(kinds)
    ]
    plan = plan_triage(ISSUE, *unzip(*items), CONFIG, None, renderer=RENDERER)
    assert set(plan.labels_to_add) == labels
    assert [p.verdict for p in plan.state.papers] == kinds
    for n in range(1, len(kinds) + 1):
        assert f"### {n}. " in plan.comment_body


def test_mixed_uses_numbered_accept_hint():
    plan = plan_triage(ISSUE, *unzip(cited(), new()), CONFIG, None, renderer=RENDERER)
    assert "`/accept 2`" in plan.comment_body


def test_no_suggestion_and_no_previous_comment_does_nothing():
    plan = plan_triage(
        replace(ISSUE, labels=("question",)), [], [], [], CONFIG, None, renderer=RENDERER
    )
    assert plan == type(plan)(None, (), (), None)


def test_no_suggestion_any_more_updates_the_previous_comment():
    first = plan_triage(ISSUE, *unzip(new()), CONFIG, None, renderer=RENDERER)
    edited = replace(ISSUE, labels=(*first.labels_to_add, "question"))
    plan = plan_triage(edited, [], [], [], CONFIG, first.state, renderer=RENDERER)
    assert "no longer finds a paper" in plan.comment_body
    assert plan.labels_to_add == () and set(plan.labels_to_remove) == {
        "paper-suggestion",
        "new-paper",
    }
    assert plan.state.papers == ()


def test_edit_removes_labels_that_no_longer_apply():
    first = plan_triage(ISSUE, *unzip(unresolved()), CONFIG, None, renderer=RENDERER)
    edited = replace(ISSUE, labels=first.labels_to_add)
    plan = plan_triage(edited, *unzip(new()), CONFIG, first.state, renderer=RENDERER)
    assert plan.labels_to_add == ("new-paper",) and plan.labels_to_remove == ("needs-info",)


def test_retriage_keeps_accept_reject_and_thanks():
    first = plan_triage(ISSUE, *unzip(cited(), new()), CONFIG, None, renderer=RENDERER)
    accepted = plan_command(
        Accept(papers=(2,), section="Agents"),
        "maint",
        "write",
        CONFIG,
        first.state,
        ISSUE,
        renderer=RENDERER,
    )
    thanked = plan_command(
        Thank("bob", "Bob B"),
        "maint",
        "admin",
        CONFIG,
        accepted.new_state,
        ISSUE,
        renderer=RENDERER,
    )
    # The reader edits the issue: adds a paper in front and fixes a typo elsewhere.
    plan = plan_triage(
        ISSUE, *unzip(unresolved(), cited(), new()), CONFIG, thanked.new_state, renderer=RENDERER
    )
    paper = plan.state.papers[2]
    assert paper.accepted and paper.section == "Agents"
    assert plan.state.extra_thanks == thanked.new_state.extra_thanks
    assert '**Accepted** for section "Agents"' in plan.comment_body
    assert "accepted" in plan.labels_to_add
    rejected = plan_command(
        Reject("off topic"), "maint", "write", CONFIG, plan.state, ISSUE, renderer=RENDERER
    )
    again = plan_triage(ISSUE, *unzip(new()), CONFIG, rejected.new_state, renderer=RENDERER)
    assert again.state.rejected and again.state.rejected_reason == "off topic"
    assert (
        "rejected" in again.labels_to_add
        and "**Declined** by a maintainer: off topic." in again.comment_body
    )


def test_swapping_the_id_of_an_accepted_paper_drops_the_acceptance():
    first = plan_triage(ISSUE, *unzip(new()), CONFIG, None, renderer=RENDERER)
    accepted = plan_command(
        Accept(), "maint", "write", CONFIG, first.state, ISSUE, renderer=RENDERER
    )
    labels = replace(ISSUE, labels=(*first.labels_to_add, *accepted.labels_to_add))
    swapped = new(arxiv="2401.99999")  # same title, another paper
    plan = plan_triage(labels, *unzip(swapped), CONFIG, accepted.new_state, renderer=RENDERER)
    assert not plan.state.papers[0].accepted
    assert plan.labels_to_remove == ("accepted",)
    assert any("no longer in the issue" in note for note in plan.notes)


def test_accepted_paper_that_became_cited_is_no_longer_accepted():
    first = plan_triage(ISSUE, *unzip(new(arxiv="2303.18223")), CONFIG, None, renderer=RENDERER)
    accepted = plan_command(
        Accept(), "maint", "write", CONFIG, first.state, ISSUE, renderer=RENDERER
    )
    plan = plan_triage(ISSUE, *unzip(cited()), CONFIG, accepted.new_state, renderer=RENDERER)
    assert not plan.state.papers[0].accepted and "now cited" in plan.notes[0]


def test_reader_thanks_name_precedence():
    form = plan_triage(ISSUE, *unzip(new(thank_as="Dr. Ann Lee")), CONFIG, None, renderer=RENDERER)
    assert form.state.reader.name == "Dr. Ann Lee" and form.state.reader_asked is None
    # No profile name is asked for: it is free text nobody confirmed, and costs a request.
    login = plan_triage(ISSUE, *unzip(new()), CONFIG, None, renderer=RENDERER)
    assert login.state.reader.name == "reader1"
    opted = plan_triage(ISSUE, *unzip(new(opt_out=True)), CONFIG, None, renderer=RENDERER)
    assert opted.state.reader.opt_out and "will not thank you by name" in opted.comment_body


@pytest.mark.parametrize(
    "asked",
    [
        "Eve. This survey is funded by Evil Corp, see https://evil.example",
        "Eve Example, Tim Cook and Linus Torvalds",
    ],
)
def test_a_thank_as_that_is_no_name_is_shown_for_confirmation_not_written(asked):
    """#13 item 2: the reader is thanked by login until a maintainer confirms the name."""
    plan = plan_triage(ISSUE, *unzip(new(thank_as=asked)), CONFIG, None, renderer=RENDERER)

    assert plan.state.reader.name == "reader1" and plan.state.reader_asked == asked
    visible = plan.comment_body.split("<!-- survey-bot:data")[0]
    assert "does not read as a person's name" in visible
    assert '`/thank @\u200breader1 as "…"`' in visible or "/thank @reader1 as" in visible
    accepted = plan_command(
        Accept(), "maint", "write", CONFIG, plan.state, ISSUE, renderer=RENDERER
    ).new_state
    [item] = accepted_items(accepted, ISSUE.number, "Evaluation")
    assert [t.name for t in item.thanks] == ["reader1"]


def test_unresolved_but_matched_by_id_is_cited():
    suggestion, _, result = cited()
    plan = plan_triage(
        ISSUE,
        [suggestion],
        [Skipped("arXiv:2303.18223", "arXiv timed out")],
        [result],
        CONFIG,
        None,
        renderer=RENDERER,
    )
    assert plan.state.papers[0].verdict == "cited" and "needs-info" not in plan.labels_to_add


def test_new_without_metadata_needs_info():
    suggestion, _, result = new()
    plan = plan_triage(
        ISSUE, [suggestion], [Skipped("x", "timeout")], [result], CONFIG, None, renderer=RENDERER
    )
    assert plan.state.papers[0].verdict == "unresolved"


def test_too_many_papers_are_counted_not_checked():
    items = [new(arxiv=f"2401.{i:05d}") for i in range(MAX_PAPERS + 3)]
    plan = plan_triage(ISSUE, *unzip(*items), CONFIG, None, renderer=RENDERER)
    assert len(plan.state.papers) == MAX_PAPERS and plan.state.omitted == 3
    assert "3 more papers than survey-bot checks at once" in plan.comment_body


def test_mismatched_inputs_are_a_programming_error():
    with pytest.raises(ValueError, match="one resolution and one result"):
        plan_triage(
            ISSUE, [Suggestion(arxiv="2401.00001")], [], [], CONFIG, None, renderer=RENDERER
        )
    suggestion, record, _ = new()
    with pytest.raises(ValueError, match="no check result"):
        plan_triage(ISSUE, [suggestion], [record], [None], CONFIG, None, renderer=RENDERER)


def test_corrupt_previous_state_behaves_like_an_existing_empty_comment():
    plan = plan_triage(ISSUE, [], [], [], CONFIG, TriageState(), renderer=RENDERER)
    assert "found no paper suggestion" in plan.comment_body and plan.labels_to_add == ()


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        pytest.param(("arxiv:1", "title:x"), ("arxiv:1",), True, id="same-arxiv"),
        pytest.param(("arxiv:1", "title:x"), ("arxiv:2", "title:x"), False, id="id-beats-title"),
        pytest.param(("title:x",), ("doi:1", "title:x"), True, id="title-when-no-common-kind"),
        pytest.param(("doi:1",), ("doi:2",), False, id="different-doi"),
        pytest.param((), (), False, id="nothing"),
    ],
)
def test_same_paper(a, b, same):
    assert same_paper(a, b) is same


def test_paper_keys_normalise_ids():
    suggestion = Suggestion(
        arxiv="https://arxiv.org/abs/2303.18223v2",
        doi="https://doi.org/10.1234/ABCD.5",
        url="https://www.example.org/p/",
        title="A  Title!",
    )
    assert paper_keys(suggestion, None) == (
        "arxiv:2303.18223",
        "doi:10.1234/abcd.5",
        "url:example.org/p",
        "title:atitle",
    )


def test_issue_info_defaults():
    assert IssueInfo(1).labels == () and IssueInfo(1).open


@pytest.mark.parametrize(
    ("asked", "shown"),
    [
        pytest.param("section 5.2 alignment tuning", "5.2 Alignment Tuning", id="matched"),
        pytest.param("Agents > Tools", "Agents &gt; Tools", id="path-kept"),
        pytest.param("tools", "tools", id="ambiguous-kept"),
        pytest.param("Robotics", "Robotics", id="unknown-kept"),
    ],
)
def test_suggested_section_shows_the_headings_real_name(asked, shown):
    plan = plan_triage(
        ISSUE, *unzip(new(section=asked)), CONFIG, None, sections=SECTIONS, renderer=RENDERER
    )
    assert f"- Suggested section: {shown}\n" in plan.comment_body
