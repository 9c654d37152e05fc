"""Issue 11: a table whose title cells start with a star badge (``| ![Star](badge) <br>
[**Title**](url) <br> | Venue | Date | Code | Demo |``), as large multimodal paper
tables keep them.

Every row is read, the badge included; a new paper (which has no repository, so no
stars) gets a row without the badge and without the ``<br>`` that follows it, and its
empty cells written as the table writes them. Expected rows written by hand.
"""

from __future__ import annotations

import pytest
from editor_samples import item

from bot.editors.paper_list import add_to_paper_list
from bot.references import parse
from bot.suggestions import PaperRecord
from tests.conftest import RENDERER

HEAD = """\
# Multimodal papers

## Instruction Tuning

| Title | Venue | Date | Code | Demo |
|:------|:-----:|:----:|:----:|:----:|
"""
LLAVA = "Visual Instruction Tuning"
MINIGPT = "MiniGPT-4: Enhancing Vision-Language Understanding with Advanced Large Language Models"
MPLUG = "mPLUG-Owl: Modularization Empowers Large Language Models with Multimodality"
QWEN = (
    "Qwen-VL: A Versatile Vision-Language Model for Understanding, Localization, Text "
    "Reading, and Beyond"
)


def row(title: str, arxiv: str, venue: str, date: str, repo: str, demo: str, star: bool) -> str:
    badge = f"![Star](https://img.shields.io/github/stars/{repo}.svg?style=social&label=Star)"
    cell = f"[**{title}**](https://arxiv.org/pdf/{arxiv}.pdf)"
    cell = f"{badge} <br> {cell} <br>" if star else cell
    return f"| {cell} | {venue} | {date} | [Github](https://github.com/{repo}) | {demo} |\n"


ROWS = [
    row(LLAVA, "2304.08485", "NeurIPS", "2023-04-17", "haotian-liu/LLaVA", "-", True),
    row(MINIGPT, "2304.10592", "arXiv", "2023-04-20", "Vision-CAIR/MiniGPT-4", "-", True),
    row(MPLUG, "2304.14178", "arXiv", "2023-04-27", "X-PLUG/mPLUG-Owl", "-", False),
]
MIXED = HEAD + "".join(ROWS)  # one row without a badge
STARRED = HEAD + "".join(ROWS[:2])  # every row with one


def test_rows_with_a_star_badge_before_the_title_are_read():
    references = parse(MIXED, "markdown", "README.md").references
    assert [(r.title, r.venue, r.arxiv) for r in references] == [
        (LLAVA, "NeurIPS", "2304.08485"),
        (MINIGPT, "arXiv", "2304.10592"),
        (MPLUG, "arXiv", "2304.14178"),
    ]


@pytest.mark.parametrize(
    ("table", "new"),
    [
        # A row like mPLUG-Owl's places every field the paper has and leaves out no badge.
        (
            MIXED,
            f"| [**{QWEN}**](https://arxiv.org/pdf/2308.12966.pdf) | arXiv | 2023-08 | - | - |",
        ),
        # Only starred rows to copy: the badge goes, and the <br> after it; the Code cell
        # is empty as the table writes an empty cell (the Demo column's "-").
        (
            STARRED,
            f"| [**{QWEN}**](https://arxiv.org/pdf/2308.12966.pdf) <br> "
            "| arXiv | 2023-08 | - | - |",
        ),
    ],
    ids=["a-row-without-badge-to-copy", "only-starred-rows"],
)
def test_a_new_paper_without_stars_gets_no_badge(table: str, new: str) -> None:
    record = PaperRecord(title=QWEN, year=2023, venue="arXiv", arxiv="2308.12966")
    result = add_to_paper_list(table, [item(record, "Instruction Tuning")], None, renderer=RENDERER)
    assert result.text == table + new + "\n"


def test_rows_opening_with_linked_badges_are_read_by_their_title_link():
    # horseee/Awesome-Efficient-LLM (README.md at 215a1540, lines 54-58 and 88; see
    # fixtures/SOURCES.md): a star badge linked to the repository, a "Publish" badge
    # linked to nothing, then "<br> :star: [Title](url) <br> Authors". Every row was read
    # with the star badge as its title, or not at all; expected fields written by hand.
    from pathlib import Path

    text = (
        Path(__file__).parents[1] / "realworld/fixtures/efficient_llm_badged_rows.md"
    ).read_text(encoding="utf-8")
    references = parse(text, "markdown", "README.md").references
    assert [(r.title, r.authors[:1], r.arxiv) for r in references] == [
        (
            "SparseGPT: Massive Language Models Can Be Accurately Pruned in One-Shot",
            ("Elias Frantar",),
            "2301.00774",
        ),
        (
            "LLM-Pruner: On the Structural Pruning of Large Language Models",
            ("Xinyin Ma",),
            "2305.11627",
        ),
        (
            "Self-Data Distillation for Recovering Quality in Pruned Large Language Models",
            ("Vithursan Thangarasa",),
            "2410.09982",
        ),
    ]


def test_an_arxiv_badge_names_the_new_papers_own_id():
    """``[![arXiv](https://img.shields.io/badge/arXiv-ID-b31b1b.svg)](url)``: the badge's
    image names the paper's id, so a new entry's badge names its own, never a neighbour's."""

    def bullet(title: str, arxiv: str) -> str:
        badge = f"https://img.shields.io/badge/arXiv-{arxiv}-b31b1b.svg"
        return f"- 🔥 **{title}** [![arXiv]({badge})](https://arxiv.org/abs/{arxiv})\n"

    text = (
        "## Papers\n\n"
        + bullet("Mixtral of Experts", "2401.04088")
        + bullet("Mistral 7B", "2310.06825")
    )
    record = PaperRecord(title="DeepSeek LLM", authors=("Xiao Bi",), year=2024, arxiv="2401.02954")
    result = add_to_paper_list(text, [item(record, "Papers")], None, renderer=RENDERER)
    assert result.text == text + bullet("DeepSeek LLM", "2401.02954")


# A venue's badge whose label names the venue and whose message is its year
# (joslefaure/Awesome-Multimodal-Token-Compression; expected lines written by hand).
LABEL_YEAR = """\
## Token Compression

* [FastV: An Image is Worth 1/2 Tokens](https://arxiv.org/abs/2403.06764) ![Publish](https://img.shields.io/badge/ECCV-2024-blue)
* [LLaVA-PruMerge: Adaptive Token Reduction](https://arxiv.org/abs/2403.15388) ![Publish](https://img.shields.io/badge/ICCV-2025-blue)
* [SparseVLM: Visual Token Sparsification](https://arxiv.org/abs/2410.04417) ![Publish](https://img.shields.io/badge/ICML-2025-blue)
"""
NAACL_BADGE = " ![Publish](https://img.shields.io/badge/NAACL_Findings-2025-blue)"


@pytest.mark.parametrize(
    ("venue", "badge"),
    [
        pytest.param("NAACL Findings 2025", NAACL_BADGE, id="venue-and-year"),
        pytest.param(None, "", id="a-preprint-has-no-badge"),
    ],
)
def test_a_badge_labelled_with_the_venue_and_its_year(venue, badge):
    refs = parse(LABEL_YEAR, "markdown").references
    venues = [(ref.venue, ref.year) for ref in refs]
    assert venues == [("ECCV", 2024), ("ICCV", 2025), ("ICML", 2025)]
    record = PaperRecord(
        title="VisionZip: Longer is Better but Not Necessary",
        year=2025,
        venue="arXiv",
        arxiv="2412.04467",
        published_venue=venue,
    )
    papers = [item(record, "Token Compression")]
    result = add_to_paper_list(LABEL_YEAR, papers, None, renderer=RENDERER)
    link = "[VisionZip: Longer is Better but Not Necessary](https://arxiv.org/abs/2412.04467)"
    assert result.text == f"{LABEL_YEAR}* {link}{badge}\n"
