"""A new entry never carries a neighbour's data left in the neighbour's layout.

What the reader does not recognise of an entry stays in its layout as literal text:
``ICLR 2022.`` after names whose emphasis is broken, a remark ``paper(Stay Tuned)``.
Such words are a neighbour's own data (``bot.lists.literals``): the layout chooser
takes another layout that places as much, or writes the chosen one without them.
Real entries from the fixtures.
"""

from __future__ import annotations

import pytest

from bot.editors.lines import Lines
from bot.editors.paper_list import add_to_paper_list
from bot.lists.document import read_list
from bot.lists.entry import Entry, Slot
from bot.lists.literals import foreign_words, scrub, shared_words
from bot.lists.record import fields_for
from bot.render import Renderer
from bot.suggestions import PaperItem, PaperRecord
from tests.realworld.sources import list_text

PREPRINT = PaperRecord(
    title="Zeta Tuning: Sparse Adapters for Robust Retrieval",
    authors=("Mina Park", "Tom Weber"),
    year=2024,
    arxiv="2405.01234",
)
PUBLISHED = PaperRecord(
    title="Zeta Tuning: Sparse Adapters for Robust Retrieval",
    authors=("Mina Park", "Tom Weber"),
    year=2022,
    venue="NAACL 2022",
    arxiv="2205.01234",
)
ICLR_2022 = PaperRecord(
    title="Zeta Tuning: Sparse Adapters for Robust Retrieval",
    authors=("Mina Park", "Tom Weber"),
    year=2022,
    venue="ICLR 2022",
)


def _entry_and_neighbours(name: str, start: str) -> tuple[Entry, list[Entry], set[str]]:
    """The entry that starts with ``start``, its container's entries and the words they
    share (the file's, as ``layout.choose`` counts them, when the container is small)."""
    document = read_list(Lines.parse(list_text(name)).contents)
    item = next(item for item in document.items if item.text.startswith(start))
    neighbours = [other.entry for other in document.in_container(item.container)]
    kind = [other.entry for other in document.items if other.entry.kind == item.entry.kind]
    return item.entry, neighbours, shared_words(neighbours, kind)


@pytest.mark.parametrize(
    ("fixture", "start", "record", "foreign"),
    [
        # zjunlp/KnowledgeEditingPapers: a venue in parentheses after the bold title, read
        # as the venue (it was left as text before): nothing of it stays in the layout.
        pytest.param("knowledge_editing_br_authors", "1. **FRUIT", PREPRINT, [], id="venue"),
        # The same words are the new paper's own: nothing foreign.
        pytest.param("knowledge_editing_br_authors", "1. **FRUIT", PUBLISHED, [], id="own-venue"),
        # RUCAIBox/LLMSurvey: "S*ang Michael Xie et al*. ICLR 2022." (broken emphasis).
        pytest.param(
            "llmsurvey_readme",
            '13. **"An Explanation',
            PREPRINT,
            ["iclr", "2022"],
            id="after-names",
        ),
        pytest.param("llmsurvey_readme", '13. **"An Explanation', ICLR_2022, [], id="own-year"),
        # A remark of one entry: "paper" is the section's link label, the rest is its own.
        pytest.param(
            "llmsurvey_readme", "1. <u>PagedAttention</u>", PREPRINT, ["stay", "tuned"], id="remark"
        ),
        # hnuzhy/CV_DL_Gather: words of a repository's link text left after its remark.
        pytest.param("cv_gather_bold_nick_venue", "* [**(github)**", PREPRINT, ["moe"], id="link"),
        # A label before its link ("- 主页/Website：") is the list's, not an entry's data.
        pytest.param("cvpr2024_bold_paper_code", "**MP5", PREPRINT, [], id="label"),
    ],
)
def test_the_words_a_layout_holds_of_its_entry(fixture, start, record, foreign):
    entry, neighbours, shared = _entry_and_neighbours(fixture, start)
    fields = fields_for(record, neighbours)
    assert foreign_words(entry.layout, fields, shared) == foreign


def test_scrubbed_literals_keep_their_markup():
    # "S*ang Michael Xie et al*. ICLR 2022." (broken emphasis): the venue left as text goes,
    # the emphasis that closes the names stays.
    entry, neighbours, shared = _entry_and_neighbours("llmsurvey_readme", '13. **"An Explanation')
    fields = fields_for(PREPRINT, neighbours)
    literals = [p for p in scrub(entry.layout, fields, shared) if isinstance(p, str)]
    assert "*. " in literals
    assert not any("ICLR" in part or "2022" in part for part in literals)


def test_a_neighbour_s_sentence_goes_whole_with_its_punctuation_and_its_markup_stays():
    # liyunqianggyn/Awesome-LLMs-Pruning: a take-away after the title, in the title's cell,
    # read in pieces between its links; a new paper had "<br>. - pruning with , - pruning,
    # --- with 3.4x -7B - ." (the words scrubbed, the list's own "pruning" and "with" left)
    layout = (
        "| [",
        Slot("title"),
        "](",
        Slot("url", "title"),
        ") <br>  Novel pruning with 3.4x speedup on Llama-7B, with no retraining. | ",
        Slot("text", "Categorization"),
        " |",
    )
    fields = fields_for(PREPRINT, [])
    literals = [p for p in scrub(layout, fields, {"pruning", "with"}) if isinstance(p, str)]
    assert literals == ["| [", "](", ") <br> | ", " |"]


def test_a_new_entry_among_entries_that_all_hold_their_venue_in_parentheses():
    """The first two entries of zjunlp/KnowledgeEditingPapers' "More Related Papers" both
    write their venue in parentheses ("(NAACL 2022)", "(EMNLP 2022)"): the new preprint is
    written in their layout with its own venue there, never theirs, its link in the
    "[[paper](...)]" slot (the code and video links are the neighbours'), after a blank line
    as they are set off. (The whole list writes preprints without a venue: the golden of
    its maintainer's own addition, in test_real_list_goldens.py, shows that case.)"""
    text = "".join(list_text("knowledge_editing_br_authors").splitlines(keepends=True)[:9])
    result = add_to_paper_list(
        text, [PaperItem(PREPRINT, "More Related Papers")], None, renderer=Renderer(())
    )
    assert result.text == text + (
        "\n"
        "3. **Zeta Tuning: Sparse Adapters for Robust Retrieval**. (arXiv 2024) <br />\n"
        "Mina Park, Tom Weber.\n"
        " [[paper](https://arxiv.org/pdf/2405.01234)]\n"
    )
