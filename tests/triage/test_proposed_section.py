"""A new paper's proposed section: shown in the triage comment, used by /accept without one;
and one paper suggested twice (an arXiv link and its DOI) is one paper."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.issue.commands import Accept
from bot.issue.decisions import plan_command
from bot.issue.state import decode_state
from bot.issue.triage import plan_triage
from bot.models import Reference
from bot.placement import SectionScore
from bot.suggestions import PaperRecord
from tests.conftest import RENDERER
from tests.triage.helpers import CONFIG, CONFIG_ZH, ISSUE, SECTIONS, assert_safe, cited, new, unzip

INSTRUCT = Reference(
    title="Training language models to follow instructions.",
    number=12,
    section="5.2 Alignment Tuning",
    source="README.md",
    line=10,
)
PROPOSAL = SectionScore("5.2 Alignment Tuning", 0.41, (INSTRUCT,))


def _new_with_proposal(**suggestion: object) -> tuple:
    s, record, result = new(title="Direct Preference Optimization", **suggestion)
    return s, record, replace(result, sections=(PROPOSAL,))


def _triage(*items: tuple, config=CONFIG):
    return plan_triage(ISSUE, *unzip(*items), config, None, SECTIONS, renderer=RENDERER)


def test_the_comment_shows_the_proposal_and_why() -> None:
    plan = _triage(_new_with_proposal())
    paper = plan.state.papers[0]
    assert paper.proposed_section == "5.2 Alignment Tuning"
    assert [r.title for r in paper.proposed_because] == [INSTRUCT.title]
    body = plan.comment_body
    assert (
        "- Closest section in the survey: **5.2 Alignment Tuning** (it lists \\[12\\] "
        "Training language models to follow instructions.)\n" in body
    )
    assert 'reply `/accept` to add it to section "5.2 Alignment Tuning"' in body
    assert decode_state(body).state == plan.state  # kept in the hidden state
    assert_safe(body)
    zh = _triage(_new_with_proposal(), config=CONFIG_ZH).comment_body
    assert "综述中最接近的章节：**5.2 Alignment Tuning**" in zh
    assert "章节“5.2 Alignment Tuning”" in zh


def test_without_a_proposal_the_default_section_is_named() -> None:
    body = _triage(new()).comment_body
    assert "Closest section" not in body
    assert 'to add it to section "Evaluation"' in body  # paper_list.section


def test_a_readers_section_that_is_a_heading_wins() -> None:
    paper = _triage(_new_with_proposal(section="agents")).state.papers[0]
    assert paper.suggested_section == paper.proposed_section == "2 Agents"
    assert paper.proposed_because == ()


@pytest.mark.parametrize(
    ("section", "placed"),
    [(None, "5.2 Alignment Tuning"), ("Agents", "2 Agents")],
    ids=["accept-uses-the-proposal", "a-named-section-wins"],
)
def test_accept_places_the_paper(section: str | None, placed: str) -> None:
    state = _triage(_new_with_proposal()).state
    plan = plan_command(
        Accept(None, section=section), "maint", "write", CONFIG, state, ISSUE, SECTIONS,
        renderer=RENDERER,
    )  # fmt: skip
    assert plan.reaction == "+1"
    assert plan.new_state.papers[0].accepted and plan.new_state.papers[0].section == placed


def test_a_proposal_that_is_no_longer_a_heading_falls_back_to_the_default() -> None:
    state = _triage(_new_with_proposal()).state
    state = replace(state, papers=(replace(state.papers[0], proposed_section="Gone"),))
    plan = plan_command(
        Accept(None), "maint", "write", CONFIG, state, ISSUE, SECTIONS, renderer=RENDERER
    )
    assert plan.new_state.papers[0].section == "1 Evaluation"


def test_an_arxiv_link_and_the_doi_of_the_same_paper_are_one_paper() -> None:
    arxiv_s, arxiv_record, arxiv_result = new()
    doi_record = PaperRecord(
        title=arxiv_record.title,
        authors=arxiv_record.authors,
        year=2024,
        doi="10.1007/s11704-024-40231-1",
        published_doi="10.1007/s11704-024-40231-1",
        arxiv=arxiv_record.arxiv,  # linked by the metadata layer
        source="crossref",
    )
    doi_s = replace(arxiv_s, arxiv=None, doi="10.1007/s11704-024-40231-1")
    plan = _triage((arxiv_s, arxiv_record, arxiv_result), (doi_s, doi_record, arxiv_result),
                   cited())  # fmt: skip
    assert [p.verdict for p in plan.state.papers] == ["new", "cited"]
    assert "### 3." not in plan.comment_body
