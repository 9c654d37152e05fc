"""Pasted reference lists: each formatted citation is one paper, read as the loader reads it."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.intake import parse_issue
from bot.references import text as text_list
from bot.references.citation import parse_citation

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seed" / "survey-epilogue-zh.txt"


def test_a_pasted_pdf_list_gives_the_loaders_titles() -> None:
    """The seed's reference list (PDF-extracted: '-' lines between entries, wrapped
    entries, books without quotes), pasted into an issue, gives one suggestion per
    entry with the title the text reference loader reads."""
    seed = SEED.read_text(encoding="utf-8")
    pasted = seed[seed.index("[1]") :][:6000]
    pasted = pasted[: pasted.rindex("\n[")]  # whole entries only
    loaded = [r.title for r in text_list.parse(pasted).references]
    assert len(loaded) >= 20
    got = parse_issue("补充参考文献", "以下参考文献缺失，请补充：\n" + pasted)
    assert [s.title for s in got] == loaded[: len(got)]
    assert len(got) == min(len(loaded), 20)  # intake's per-issue cap


STYLES = [
    ("ieee", 'J. Wei, X. Wang, and D. Zhou, "Chain-of-thought prompting elicits reasoning in '
     'large language models," in NeurIPS, 2022.'),
    ("apa", "Wei, J., Wang, X., & Zhou, D. (2022). Chain-of-thought prompting elicits reasoning "
     "in large language models. Advances in Neural Information Processing Systems, 35."),
    ("harvard", "Wei, J., Wang, X. and Zhou, D. (2022) Chain-of-thought prompting elicits "
     "reasoning in large language models. NeurIPS."),
    ("acm", "Jason Wei, Xuezhi Wang, and Denny Zhou. 2022. Chain-of-thought prompting elicits "
     "reasoning in large language models. In NeurIPS."),
    ("chicago", 'Wei, Jason, Xuezhi Wang, and Denny Zhou. "Chain-of-thought prompting elicits '
     'reasoning in large language models." Advances in NeurIPS 35 (2022): 24824-24837.'),
    ("lncs", "Wei, J., Wang, X., Zhou, D.: Chain-of-thought prompting elicits reasoning in "
     "large language models. In: NeurIPS (2022)"),
]  # fmt: skip


@pytest.mark.parametrize("citation", [c for _, c in STYLES], ids=[s for s, _ in STYLES])
def test_every_style_gives_title_year_and_first_author(citation: str) -> None:
    ref = parse_citation(citation)
    assert ref is not None
    assert ref.title == "Chain-of-thought prompting elicits reasoning in large language models"
    assert ref.year == 2022
    assert ref.authors[0].split()[-1] == "Wei"


@pytest.mark.parametrize(
    "text",
    [
        "Attention Is All You Need",
        "Please add our paper from 2023, it is about chain of thought prompting.",
        "In 2023, J. Wei and D. Zhou said the table lists the wrong sizes.",
        "https://arxiv.org/abs/2201.11903 (2022)",
    ],
    ids=["bare-title", "prose-with-year", "prose-with-names", "link"],
)
def test_what_is_not_a_citation(text: str) -> None:
    assert parse_citation(text) is None
