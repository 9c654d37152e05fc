"""Loaders and matcher on excerpts of real survey repositories (see fixtures/SOURCES.md).

Each fixture is a verbatim cut of a public paper list in its own house style;
the expectations were checked by hand against the file. They guard the styles
our own examples do not have: date tags, plain titles, venues inside the italic
author block, loose lists with indented author paragraphs, HTML headings,
bold-link paragraphs, a Chinese list of projects (no papers at all).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.matching import ReferenceIndex
from bot.models import Query, Reference
from bot.references import load

FIXTURES = Path(__file__).parent / "fixtures"


def refs(name: str) -> tuple[Reference, ...]:
    result = load(FIXTURES / name)
    assert result.skipped == ()
    return result.references


def by_title(references: tuple[Reference, ...], start: str) -> Reference:
    """The first entry whose title starts so (real lists repeat papers across sections)."""
    found = [ref for ref in references if ref.title.startswith(start)]
    assert found, [ref.title for ref in references]
    return found[0]


@pytest.mark.parametrize(
    ("fixture", "count"),
    [
        pytest.param("llmsurvey_readme.md", 36, id="llmsurvey"),
        pytest.param("agent_paper_list_readme.md", 18, id="agent-paper-list"),
        pytest.param("llm_reasoning_readme.md", 10, id="llm-reasoning"),
        pytest.param("prompt_icl_survey_papers.md", 5, id="bold-link-paragraphs"),
        pytest.param("chinese_llm_readme.md", 0, id="chinese-project-list"),
    ],
)
def test_entry_counts(fixture, count):
    assert len(refs(fixture)) == count


# fixture, title prefix, (title, first author, year, venue, arxiv, doi, section, number)
ENTRIES = [
    pytest.param(
        "llmsurvey_readme.md",
        "GPT-4 Technical",
        (
            "GPT-4 Technical Report",
            "OpenAI",
            2023,
            "arXiv",
            "2303.08774",
            None,
            "Closed-source Models",
            25,
        ),
        id="llmsurvey-u-prefix-explicit-number",
    ),
    pytest.param(
        "llmsurvey_readme.md",
        "Evaluating ChatGPT as an Adjunct",
        (
            "Evaluating ChatGPT as an Adjunct for Radiologic Decision-Making",
            "Arya Yao",
            2023,
            "medRxiv",
            None,
            "10.1101/2023.02.02.23285399",
            "Capacity Evaluation",
            46,
        ),
        id="llmsurvey-medrxiv-doi-without-version",
    ),
    pytest.param(
        "llmsurvey_readme.md",
        "What learning algorithm",
        (
            "What learning algorithm is in-context learning? investigations with linear models",
            "Ekin Akyürek",
            2022,
            "arXiv",
            "2211.15661",
            None,
            "In-Context Learning (ICL)",
            22,
        ),
        id="llmsurvey-latex-accent-in-author",
    ),
    pytest.param(
        "llmsurvey_readme.md",
        "A Simple Method",
        (
            "A Simple Method for Commonsense Reasoning",
            "Trieu H. Trinh",
            2018,
            "arXiv",
            "1806.02847",
            None,
            "Commonly Used Corpora",
            5,
        ),
        id="llmsurvey-el-al-typo",
    ),
    pytest.param(
        "llmsurvey_readme.md",
        "Language Models are Few-Shot",
        (
            "Language Models are Few-Shot Learners",
            "Tom B. Brown",
            2020,
            "NeurIPS",
            "2005.14165",
            None,
            "Mainstream Architectures",
            None,
        ),
        id="llmsurvey-ones-list-has-no-numbers",
    ),
    pytest.param(
        "llmsurvey_readme.md",
        "A Systematic Study",
        (
            "A Systematic Study and Comprehensive Evaluation of ChatGPT on Benchmark Datasets",
            "Laskar",
            2023,
            "ACL",
            "2305.18486",
            None,
            "Capacity Evaluation",
            87,
        ),
        id="llmsurvey-broken-italics-and-paper-link",
    ),
    pytest.param(
        "agent_paper_list_readme.md",
        "Language Models of Code",
        (
            "Language Models of Code are Few-Shot Commonsense Learners",
            "Aman Madaan",
            2022,
            "arXiv",
            "2210.07128",
            None,
            "Commensense knowledge",
            None,
        ),
        id="agents-date-tag-venue-in-italics",
    ),
    pytest.param(
        "agent_paper_list_readme.md",
        "MiniGPT-4",
        (
            "MiniGPT-4: Enhancing Vision-Language Understanding with Advanced Large Language "
            "Models",
            "Deyao Zhu",
            2023,
            "arXiv",
            "2304.10592",
            None,
            "Visual",
            None,
        ),
        id="agents-single-author-then-venue",
    ),
    pytest.param(
        "agent_paper_list_readme.md",
        "Toolformer",
        (
            "Toolformer: Language Models Can Teach Themselves to Use Tools",
            "Timo Schick",
            2023,
            "arXiv",
            "2302.04761",
            None,
            "Tool Using",
            None,
        ),
        id="agents-plain-title",
    ),
    pytest.param(
        "agent_paper_list_readme.md",
        "Interactive language",
        (
            "Interactive language: Talking to robots in real time",
            "Corey Lynch",
            2023,
            "IEEE(RAL)",
            "2210.06407",
            None,
            "Embodied Action",
            None,
        ),
        id="agents-plain-title-pdf-link",
    ),
    pytest.param(
        "agent_paper_list_readme.md",
        "WebArena",
        (
            "WebArena: A Realistic Web Environment for Building Autonomous Agents",
            "Shuyan Zhou",
            2023,
            "arXiv",
            "2307.13854",
            None,
            "2.1.1 Task-orietned Deployment",
            None,
        ),
        id="agents-affiliation-after-name",
    ),
    pytest.param(
        "agent_paper_list_readme.md",
        "SYNAPSE",
        (
            "SYNAPSE: Leveraging Few-Shot Exemplars for Human-Level Computer Control",
            "Longtao Zheng",
            2023,
            "arXiv",
            "2306.07863",
            None,
            "2.1.1 Task-orietned Deployment",
            None,
        ),
        id="agents-title-across-lines",
    ),
    pytest.param(
        "llm_reasoning_readme.md",
        "Towards Reasoning",
        (
            "Towards Reasoning in Large Language Models: A Survey",
            "Jie Huang",
            2023,
            "ACL Findings",
            "2212.10403",
            None,
            "Survey",
            None,
        ),
        id="reasoning-loose-list-backtick-venue",
    ),
    pytest.param(
        "llm_reasoning_readme.md",
        "Large Language Models Cannot",
        (
            "Large Language Models Cannot Self-Correct Reasoning Yet",
            "Jie Huang",
            2023,
            "Preprint",
            "2310.01798",
            None,
            "Analysis",
            None,
        ),
        id="reasoning-preprint-year-from-date",
    ),
    pytest.param(
        "llm_reasoning_readme.md",
        "Chain of Thought Prompting",
        (
            "Chain of Thought Prompting Elicits Reasoning in Large Language Models",
            "Jason Wei",
            2022,
            "NeurIPS",
            "2201.11903",
            None,
            "Reasoning in Large Language Models - An Emergent Ability",
            None,
        ),
        id="reasoning-html-heading-is-the-section",
    ),
    pytest.param(
        "prompt_icl_survey_papers.md",
        "A Survey of Large",
        (
            "A Survey of Large Language Models",
            None,
            2023,
            None,
            "2303.18223",
            None,
            "Paper List",
            None,
        ),
        id="bold-link-paragraph",
    ),
    pytest.param(
        "prompt_icl_survey_papers.md",
        "Augmented",
        (
            "Augmented Language Models: a Survey",
            None,
            2023,
            None,
            "2302.07842",
            "10.48550/arxiv.2302.07842",
            "Paper List",
            None,
        ),
        id="bold-link-paragraph-arxiv-doi",
    ),
]


@pytest.mark.parametrize(("fixture", "start", "expected"), ENTRIES)
def test_hand_checked_entries(fixture, start, expected):
    ref = by_title(refs(fixture), start)
    first_author = ref.authors[0] if ref.authors else None
    got = (
        ref.title,
        first_author,
        ref.year,
        ref.venue,
        ref.arxiv,
        ref.doi,
        ref.section,
        ref.number,
    )
    assert got == expected


def test_loose_list_keeps_the_indented_author_paragraph():
    ref = by_title(refs("llm_reasoning_readme.md"), "Emergent Abilities")
    assert len(ref.authors) == 16
    assert ref.end_line == ref.line + 2


@pytest.fixture(scope="module")
def index() -> ReferenceIndex:
    return ReferenceIndex.build(
        refs("llmsurvey_readme.md")
        + refs("agent_paper_list_readme.md")
        + refs("llm_reasoning_readme.md")
    )


@pytest.mark.parametrize(
    ("query", "title"),
    [
        pytest.param(Query(arxiv="2303.08774"), "GPT-4 Technical Report", id="arxiv-id"),
        pytest.param(
            Query(title="gpt-4 technical report"), "GPT-4 Technical Report", id="title-lower-case"
        ),
        pytest.param(
            Query(
                title="Toolformer - Language Models Can Teach Themselves to Use Tools", year=2023
            ),
            "Toolformer: Language Models Can Teach Themselves to Use Tools",
            id="punctuation",
        ),
        pytest.param(
            Query(doi="10.1101/2023.02.02.23285399"),
            "Evaluating ChatGPT as an Adjunct for Radiologic Decision-Making",
            id="medrxiv-doi",
        ),
        pytest.param(
            Query(
                title="What Learning Algorithm Is In-Context Learning? Investigations with "
                "Linear Models",
                authors=("Ekin Akyürek",),
            ),
            "What learning algorithm is in-context learning? investigations with linear models",
            id="title-case-with-accented-author",
        ),
        pytest.param(
            Query(doi="10.48550/arXiv.2212.10403"),
            "Towards Reasoning in Large Language Models: A Survey",
            id="arxiv-doi",
        ),
    ],
)
def test_reader_variants_find_the_listed_paper(index, query, title):
    result = index.check(query)
    assert result.verdict == "cited"
    assert result.match is not None and result.match.title == title


@pytest.mark.parametrize(
    "query",
    [
        pytest.param(Query(title="GPT-4V(ision) System Card", year=2023), id="gpt-4v-vs-gpt-4"),
        pytest.param(
            Query(title="Llama 2: Open Foundation and Fine-Tuned Chat Models"),
            id="llama-2-not-listed",
        ),
        pytest.param(
            Query(title="Language Models are Few-Shot Butlers", year=2021), id="gpt-3-near-miss"
        ),
        pytest.param(
            Query(title="Reasoning with Large Language Models, a Survey", year=2024),
            id="survey-vs-survey",
        ),
        pytest.param(Query(title="Toolformer", arxiv="2310.00001"), id="other-arxiv-id"),
        pytest.param(
            Query(title="Large Language Models Can Self-Correct Reasoning"), id="negated-title"
        ),
    ],
)
def test_near_misses_are_never_cited(index, query):
    assert index.check(query).verdict in ("new", "ambiguous")
