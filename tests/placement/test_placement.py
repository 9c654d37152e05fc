"""The section proposed for a new paper: the survey's own sections, ranked by likeness."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.models import CheckResult, Query, Reference
from bot.placement import BECAUSE, PROPOSALS, SectionModel, with_sections
from bot.references import load_references
from bot.text.normalize import title_key

# A real list: an excerpt of RUCAIBox/LLMSurvey's README (tests/realworld/fixtures/SOURCES.md).
LLMSURVEY = load_references(
    Path(__file__).resolve().parents[1] / "realworld" / "fixtures" / "llmsurvey_readme.md"
)
MODEL = SectionModel(LLMSURVEY)

# (a paper the excerpt does not list, the section it belongs in): written before running.
NEW_PAPERS = [
    ("Rethinking the Role of Demonstrations: What Makes In-Context Learning Work?",
     "In-Context Learning (ICL)"),
    ("Holistic Evaluation of Language Models", "Capacity Evaluation"),
    ("The RefinedWeb Dataset for Falcon LLM: Outperforming Curated Corpora with Web Data",
     "Commonly Used Corpora"),
    ("Least-to-Most Prompting Enables Complex Reasoning in Large Language Models",
     "Planning for Complex Task Solving"),
]  # fmt: skip


@pytest.mark.parametrize(("title", "section"), NEW_PAPERS, ids=[s for _, s in NEW_PAPERS])
def test_the_right_section_is_among_the_proposals(title: str, section: str) -> None:
    ranked = MODEL.rank(title)
    assert 1 <= len(ranked) <= PROPOSALS
    assert section in [s.heading for s in ranked]
    scores = [s.score for s in ranked]
    assert scores == sorted(scores, reverse=True) and all(0 < s <= 1 for s in scores)


def test_the_reasons_are_listed_papers_of_that_section() -> None:
    best = MODEL.rank(
        "Rethinking the Role of Demonstrations: What Makes In-Context Learning Work?"
    )[0]
    assert best.heading == "In-Context Learning (ICL)"
    assert 1 <= len(best.because) <= BECAUSE
    assert all(ref in LLMSURVEY and ref.section == best.heading for ref in best.because)


def test_an_abstract_adds_evidence() -> None:
    title = "Better Data for Language Models"
    abstract = (
        "We release a pre-training corpus of web text, a dataset of documents deduplicated "
        "and filtered, and compare it with curated corpora."
    )
    alone = [s.heading for s in MODEL.rank(title)]
    read = [s.heading for s in MODEL.rank(title, abstract)]
    assert "Commonly Used Corpora" not in alone and "Commonly Used Corpora" in read


def test_leave_one_out_skips_the_paper_itself() -> None:
    title = "Sparks of Artificial General Intelligence: Early experiments with GPT-4"
    assert MODEL.rank(title)[0].because[0].title == title
    left_out = MODEL.rank(title, exclude=title_key(title))
    assert left_out and all(r.title != title for s in left_out for r in s.because)


@pytest.mark.parametrize(
    "references",
    [
        [],
        [Reference(title="Attention Is All You Need")],  # no sections (a .bib)
        [Reference(title="Attention Is All You Need", section="Models"),
         Reference(title="Language Models are Few-Shot Learners", section="Models")],
    ],
    ids=["empty", "no-sections", "one-section"],
)  # fmt: skip
def test_nothing_to_propose_without_two_sections(references: list[Reference]) -> None:
    assert SectionModel(references).rank("Attention Is All You Need") == []


def test_nothing_to_go_on() -> None:
    assert MODEL.rank("Zyxwvut") == []
    assert MODEL.rank("   ") == []


def test_only_papers_that_may_be_added_get_sections() -> None:
    new = CheckResult(Query(title="Holistic Evaluation of Language Models"), "new")
    ambiguous = CheckResult(Query(title="Evaluation of GPT-4 Technical Report"), "ambiguous")
    cited = CheckResult(Query(title="GPT-4 Technical Report"), "cited")
    untitled = CheckResult(Query(arxiv="2401.00001"), "new")
    out = with_sections([new, ambiguous, cited, untitled], LLMSURVEY)
    assert [bool(r.sections) for r in out] == [True, True, False, False]
    assert out[0].sections[0].heading == "Capacity Evaluation"
