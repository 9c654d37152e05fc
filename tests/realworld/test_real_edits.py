"""The paper-list editor against real historical edits and real list styles.

Golden outputs: what our editor writes into excerpts of real READMEs (see
fixtures/SOURCES.md), compared with what the maintainers did by hand.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.editors.paper_list import add_to_paper_list
from bot.suggestions import PaperItem, PaperRecord
from tests.conftest import RENDERER

FIXTURES = Path(__file__).parent / "fixtures"

BEYOND_FACTUALITY = PaperRecord(
    title="Beyond Factuality: A Comprehensive Evaluation of Large Language Models as "
    "Knowledge Generators",
    authors=("Liang Chen", "Yang Deng"),
    year=2023,
    venue="EMNLP 2023",
    published_venue="EMNLP",
    arxiv="2310.07289",
    url="https://arxiv.org/abs/2310.07289",
)


def added_lines(fixture: str, section: str) -> list[str]:
    before = (FIXTURES / fixture).read_text(encoding="utf-8")
    after = add_to_paper_list(
        before, [PaperItem(BEYOND_FACTUALITY, section)], None, renderer=RENDERER
    ).text
    old, new = before.split("\n"), after.split("\n")
    at = next(i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b)
    assert new[at + len(new) - len(old) :] == old[at:]  # a pure insertion
    return new[at : at + len(new) - len(old)]


def test_llmsurvey_addition_lands_where_the_maintainers_put_it():
    # The maintainers appended "89. **Beyond Factuality: ...**. *Liang Chen et al*. EMNLP 2023.
    # [[Paper](https://arxiv.org/abs/2310.07289)]" as the last item, right before the blank
    # line and "### The Team". Ours goes to the same place with the next number and the
    # section's majority style (quoted bold title, "et al." inside the italics).
    assert added_lines("llmsurvey_capacity_before.md", "Capacity Evaluation") == [
        '88. **"Beyond Factuality: A Comprehensive Evaluation of Large Language Models as '
        'Knowledge Generators"**. *Liang Chen et al.* EMNLP 2023. '
        "[[Paper](https://arxiv.org/abs/2310.07289)]"
    ]


@pytest.mark.parametrize(
    ("section", "line"),
    [
        # Newest first by the "[YYYY/MM]" tag (the new paper's month from its arXiv id), the
        # venue inside the italics without a year, as these neighbours write it. (The golden
        # before issue 11 wrote LLMSurvey's "*Liang Chen et al.* EMNLP 2023." here.)
        pytest.param(
            "Tool Using",
            "- [2023/10] Beyond Factuality: A Comprehensive Evaluation of Large Language Models "
            "as Knowledge Generators. *Liang Chen et al. EMNLP.* "
            "[[paper](https://arxiv.org/abs/2310.07289)]",
            id="plain-titles-stay-plain",
        ),
        pytest.param(
            "Visual",
            "- [2023/10] **Beyond Factuality: A Comprehensive Evaluation of Large Language Models "
            "as Knowledge Generators.** *Liang Chen et al. EMNLP.*"
            "[[paper](https://arxiv.org/abs/2310.07289)]",
            id="full-stop-inside-the-bold",
        ),
    ],
)
def test_agent_paper_list_styles(section, line):
    assert added_lines("agent_paper_list_readme.md", section) == [line]


# The neighbours' loose two-paragraph items: venue in backticks, all authors indented under
# the title, the arXiv month after the links. (Before issue 11: LLMSurvey's one-line style.)
REASONING_ENTRY = (
    "1. **Beyond Factuality: A Comprehensive Evaluation of Large Language Models as Knowledge "
    "Generators.** `EMNLP 2023`\n\n"
    "    *Liang Chen, Yang Deng.* [[Paper](https://arxiv.org/abs/2310.07289)], 2023.10"
)


@pytest.mark.parametrize(
    ("section", "last_line_before"),
    [
        # "Analysis" (## heading) is followed by <h2>/<h3> headings: the paper goes after its
        # own last item, not after the last item of the file's next, HTML-headed section.
        pytest.param(
            "Analysis",
            "[[Paper](https://arxiv.org/abs/2310.01798)], 2023.10\n",
            id="atx-section-before-html-headings",
        ),
        pytest.param(
            "Technique > Reasoning in Large Language Models - An Emergent Ability",
            "[[Code](https://github.com/xiye17/sat-lm)], 2023.5\n",
            id="html-h3-section",
        ),
    ],
)
def test_llm_reasoning_paper_lands_in_the_named_section(section, last_line_before):
    before = (FIXTURES / "llm_reasoning_readme.md").read_text(encoding="utf-8")
    after = add_to_paper_list(
        before, [PaperItem(BEYOND_FACTUALITY, section)], None, renderer=RENDERER
    ).text
    # A loose list (blank line between items): the new item is set off the same way.
    assert before.count(last_line_before) == 1
    assert after == before.replace(last_line_before, f"{last_line_before}\n{REASONING_ENTRY}\n")
