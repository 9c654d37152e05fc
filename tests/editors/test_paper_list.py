"""Paper-list editor: golden outputs in each list style, forgiving headings, skips, errors."""

from __future__ import annotations

import pytest
from editor_samples import DPO, LLAMA, SHAZEER, item, read

from bot.editors.paper_list import add_to_paper_list, resolve_section, split_by_section
from bot.editors.result import NoChange
from bot.errors import EditError
from bot.suggestions import PaperItem, PaperRecord
from tests.conftest import RENDERER

README = read("README.md")

ONES_LINE = (
    '1. **"LLaMA: Open and Efficient Foundation Language Models"**. *Hugo Touvron et al*. '
    "arXiv 2023. [[paper](https://arxiv.org/abs/2302.13971)]"
)


def test_ones_numbered_list_gets_exactly_one_added_line():
    result = add_to_paper_list(README, [item(LLAMA, "Data Collection")], None, renderer=RENDERER)
    anchor = "[[paper](https://arxiv.org/abs/2202.06539)]\n"
    assert result.text == README.replace(anchor, anchor + ONES_LINE + "\n")
    assert result.changes == ("add arXiv:2302.13971 to section 'Data Collection'",)
    assert result.added[0].section == "Data Collection"


def test_explicit_numbers_continue_and_only_the_tail_is_renumbered():
    result = add_to_paper_list(
        README, [item(LLAMA, "publicly available models")], None, renderer=RENDERER
    )
    new = (
        '4. <u>LLaMA</u>: **"LLaMA: Open and Efficient Foundation Language Models"**. '
        "*Hugo Touvron et al.* arXiv 2023. [[Paper](https://arxiv.org/abs/2302.13971)]\n"
    )
    anchor = "(https://openi.pcl.ac.cn/PCL-Platform.Intelligence/PanGu-Alpha)]\n"
    expected = (
        README.replace(anchor, anchor + new)
        .replace("4. <u>GShard</u>", "5. <u>GShard</u>")
        .replace("5. <u>GPT-3</u>", "6. <u>GPT-3</u>")
    )
    assert result.text == expected
    assert "renumbered the 2 items after it" in result.changes[0]


SHAZEER_LINE = (
    '**"Fast Transformer Decoding: One Write-Head is All You Need"**. *Noam Shazeer*. arXiv 2019.'
)


@pytest.mark.parametrize(
    ("paper", "section", "anchor", "new"),
    [
        pytest.param(
            SHAZEER,
            "Alignment Tuning",
            "[[Paper](https://arxiv.org/abs/2212.08073)]\n",
            f"3. {SHAZEER_LINE} [[Paper](https://arxiv.org/abs/1911.02150)]\n",
            id="explicit-numbers-without-a-continuing-tail-renumber-nothing",
        ),
        pytest.param(
            DPO,
            "Awesome Links",
            "(https://arxiv.org/abs/2203.11171)\n",
            "- [Direct Preference Optimization: Your Language Model is Secretly a Reward Model]"
            "(https://arxiv.org/abs/2305.18290)\n",
            id="bullet-links-keep-their-style",
        ),
        pytest.param(
            SHAZEER,
            "Architecture",
            "[[paper](http://arxiv.org/abs/2202.01169)]\n",
            # the neighbours write arXiv links "http://arxiv.org/abs/ID": so does the new one
            f"1. {SHAZEER_LINE} [[paper](http://arxiv.org/abs/1911.02150)]\n",
            id="bold-sub-lists-append-to-the-last-one",
        ),
    ],
)
def test_one_line_is_added_in_the_list_own_style(paper, section, anchor, new):
    result = add_to_paper_list(README, [item(paper, section)], None, renderer=RENDERER)
    assert result.text == README.replace(anchor, anchor + new)


def test_section_without_its_own_list_gets_a_new_list_under_its_heading():
    result = add_to_paper_list(README, [item(LLAMA)], "Pre-training", renderer=RENDERER)
    anchor = "### Pre-training\n"
    assert result.text == README.replace(anchor, anchor + "\n" + ONES_LINE + "\n")


def test_several_papers_in_one_call_keep_their_order():
    result = add_to_paper_list(
        README,
        [item(LLAMA, "Data Collection"), item(SHAZEER, "Data Collection")],
        None,
        renderer=RENDERER,
    )
    assert result.text.index("LLaMA: Open") < result.text.index("Fast Transformer Decoding")
    assert len(result.changes) == 2


@pytest.mark.parametrize(
    "requested",
    [
        "Alignment Tuning",
        "alignment tuning",
        "5.2 Alignment Tuning",
        "Section Alignment Tuning",
        "alignment-tuning!",
    ],
    ids=["exact", "case", "numbering", "section-word", "punctuation"],
)
def test_headings_match_forgivingly(requested):
    assert resolve_section(README, requested) == "5.2 Alignment Tuning"


PAPER_X = "**X: a paper.** *Ann Lee et al.* ACL 2023. [[Paper](https://arxiv.org/abs/2301.00001)]"
PAPER_Y = "**Y: a paper.** *Bo Li et al.* ICML 2022. [[Paper](https://arxiv.org/abs/2201.00001)]"


def test_parent_path_disambiguates_and_parentheses_are_optional():
    text = (
        f"## A\n\n### Analysis\n\n- {PAPER_X}\n\n## B\n\n### Analysis\n\n- {PAPER_Y}\n\n"
        "## In-Context Learning (ICL)\n"
    )
    with pytest.raises(EditError, match="ambiguous"):
        resolve_section(text, "Analysis")
    assert resolve_section(text, "B > Analysis") == "Analysis"
    assert resolve_section(text, "in-context learning") == "In-Context Learning (ICL)"


AMBIGUOUS = f"## A\n\n### Analysis\n\n- {PAPER_X}\n\n## B\n\n### Analysis\n\n- {PAPER_Y}\n"


@pytest.mark.parametrize(
    ("text", "section", "other", "why"),
    [
        (README, "Alignmnet Tunning", "Architecture", "closest headings: '5.2 Alignment Tuning', "),
        (README, None, "Architecture", "no section given and no default"),
        (AMBIGUOUS, "Analysis", "B > Analysis", "'A > Analysis', 'B > Analysis'"),
    ],
    ids=["unknown", "none-and-no-default", "ambiguous"],
)
def test_a_paper_without_a_usable_section_is_skipped_and_the_rest_go_in(text, section, other, why):
    items = [item(LLAMA, section), item(SHAZEER, other)]
    result = add_to_paper_list(text, items, None, renderer=RENDERER)
    assert [i.record for i in result.added] == [SHAZEER]
    [skipped] = result.skipped
    assert skipped.what == "arXiv:2302.13971" and why in skipped.why
    assert LLAMA.arxiv not in result.text and SHAZEER.arxiv in result.text


def test_split_by_section_sorts_out_the_unplaceable():
    placeable, unplaced = split_by_section(
        README, [item(LLAMA, "Nowhere"), item(SHAZEER, "Architecture")], None
    )
    assert [i.record for i in placeable] == [SHAZEER]
    assert [u.item.record for u in unplaced] == [LLAMA] and "'Nowhere'" in unplaced[0].why


@pytest.mark.parametrize(
    ("section", "record_title", "arxiv"),
    [
        ("Data Collection", "Anything", "2107.06499"),
        ("Closed-source Models", "Language Models are Few-Shot Learners", None),
    ],
    ids=["same-arxiv", "same-title"],
)
def test_paper_already_in_the_section_is_skipped(section, record_title, arxiv):
    from bot.suggestions import PaperRecord

    record = PaperRecord(title=record_title, arxiv=arxiv)
    result = add_to_paper_list(README, [item(record, section)], None, renderer=RENDERER)
    assert isinstance(result, NoChange)
    assert result.text == README
    assert "already listed" in result.skipped[0].why


@pytest.mark.parametrize(
    ("newline", "trailing"),
    [("\r\n", True), ("\n", False), ("\r\n", False)],
    ids=["crlf", "no-eol", "crlf-no-eol"],
)
def test_newline_style_and_missing_final_newline_are_kept(newline, trailing):
    base = '## Papers\n\n1. **"A"**. *X et al*. arXiv 2020. [[paper](https://arxiv.org/abs/2001.00001)]'
    old = base.replace("\n", newline) + (newline if trailing else "")
    result = add_to_paper_list(old, [item(LLAMA, "Papers")], None, renderer=RENDERER)
    second = "2." + ONES_LINE.removeprefix("1.")  # a one-item list counts as explicitly numbered
    assert result.text == old.rstrip(newline) + newline + second + (newline if trailing else "")


# Golden outputs for the heading forms real survey READMEs use besides "## Title": the paper
# must land in the named section, never in the list under the next heading. Its entry is
# written as the neighbours are: these cite without links, so the new line has none either.
HTML_HEADINGS = """\
<h2 id="survey">Survey</h2>

- **Towards Reasoning in Large Language Models: A Survey.** *Jie Huang et al.* ACL 2023.

<p align="right"><a href="#readme-top">↑ Back to Top ↑</a></p>

<div align="center"><h2 id="technique">🧠 <a name="t"></a>Technique</h2></div>

<h3 align="center">
  Reasoning in LLMs - <i>An Emergent Ability</i>
</h3>

- **Chain of Thought Prompting.** *Jason Wei et al.* NeurIPS 2022.
"""
HTML_HEADINGS_AFTER = """\
<h2 id="survey">Survey</h2>

- **Towards Reasoning in Large Language Models: A Survey.** *Jie Huang et al.* ACL 2023.
- **LLaMA: Open and Efficient Foundation Language Models.** *Hugo Touvron et al.* arXiv 2023.

<p align="right"><a href="#readme-top">↑ Back to Top ↑</a></p>

<div align="center"><h2 id="technique">🧠 <a name="t"></a>Technique</h2></div>

<h3 align="center">
  Reasoning in LLMs - <i>An Emergent Ability</i>
</h3>

- **Chain of Thought Prompting.** *Jason Wei et al.* NeurIPS 2022.
"""
HTML_PARENT_AFTER = HTML_HEADINGS.replace(
    "Technique</h2></div>\n",
    "Technique</h2></div>\n\n- **LLaMA: Open and Efficient Foundation Language Models.** "
    "*Hugo Touvron et al.* arXiv 2023.\n",
)
HTML_CHILD_AFTER = (
    HTML_HEADINGS
    + "- **LLaMA: Open and Efficient Foundation Language Models.** *Hugo Touvron et al.* "
    "arXiv 2023.\n"
)
SETEXT_HEADINGS = """\
Awesome Reasoning
=================

Reasoning
---------

1. **"Chain of Thought Prompting"**. *Jason Wei et al*. NeurIPS 2022.
1. **"Self-Consistency"**. *Xuezhi Wang et al*. ICLR 2023.

Agents
------

1. **"ReAct"**. *Shunyu Yao et al*. ICLR 2023.
"""
SETEXT_HEADINGS_AFTER = """\
Awesome Reasoning
=================

Reasoning
---------

1. **"Chain of Thought Prompting"**. *Jason Wei et al*. NeurIPS 2022.
1. **"Self-Consistency"**. *Xuezhi Wang et al*. ICLR 2023.
1. **"LLaMA: Open and Efficient Foundation Language Models"**. *Hugo Touvron et al*. arXiv 2023.

Agents
------

1. **"ReAct"**. *Shunyu Yao et al*. ICLR 2023.
"""


@pytest.mark.parametrize(
    ("before", "section", "after"),
    [
        pytest.param(HTML_HEADINGS, "Survey", HTML_HEADINGS_AFTER, id="html-h2"),
        pytest.param(HTML_HEADINGS, "Technique", HTML_PARENT_AFTER, id="html-wrapped-parent"),
        pytest.param(
            HTML_HEADINGS,
            "Reasoning in LLMs - An Emergent Ability",
            HTML_CHILD_AFTER,
            id="html-multi-line-h3",
        ),
        pytest.param(SETEXT_HEADINGS, "Reasoning", SETEXT_HEADINGS_AFTER, id="setext"),
    ],
)
def test_html_and_setext_headings_bound_their_sections(before, section, after):
    result = add_to_paper_list(before, [item(LLAMA, section)], None, renderer=RENDERER)
    assert result.text == after


def test_a_list_with_no_entry_to_learn_from_gets_the_bundled_entry_line():
    text = "# My Survey\n\n## Papers\n\nNothing here yet.\n"
    result = add_to_paper_list(text, [item(LLAMA, "Papers")], None, renderer=RENDERER)
    assert result.text == text + (
        '\n1. **"LLaMA: Open and Efficient Foundation Language Models"**. *Hugo Touvron et al.* '
        "arXiv 2023. [[Paper](https://arxiv.org/abs/2302.13971)]\n"
    )


DATED = """\
## Papers

- (2023-10) **Sparse Attention Q&A Models** [paper](https://arxiv.org/abs/2310.00001)

- (2023-08) **Dense Retrieval for Q&A** [paper](https://arxiv.org/abs/2308.00002)
"""
QA = PaperRecord(
    title="Long-context Q&A: A Benchmark",
    authors=("Yihe Dong", "Bo Li"),
    year=2023,
    venue="ICML 2021",
    arxiv="2311.00003",
)


def test_a_date_prefixed_list_keeps_its_prefix_blank_lines_and_raw_ampersand():
    # Issue 11: add wrote "- **Title**. *Yihe Dong et al.* ICML 2021. [paper](url)" here: the
    # date prefix dropped, authors and venue added, the blank line lost, "Q&amp;A".
    result = add_to_paper_list(DATED, [item(QA, "Papers")], None, renderer=RENDERER)
    new = "- (2023-11) **Long-context Q&A: A Benchmark** [paper](https://arxiv.org/abs/2311.00003)\n\n"
    assert result.text == DATED.replace("- (2023-10)", new + "- (2023-10)")


SECOND_LINKS = """\
## Reasoning

- **Alpha**: "Alpha Reasoning", *arXiv, Jul 2024*. [[code](https://github.com/a/alpha)] [[paper](https://arxiv.org/abs/2407.00001)]
- **Beta**: "Beta Reasoning", *arXiv, Jun 2024*. [[paper](https://arxiv.org/abs/2406.00002)]
- **Gamma**: "Gamma Reasoning", *arXiv, May 2024*. [[code](https://github.com/c/gamma)] [[paper](https://arxiv.org/abs/2405.00003)]
"""


def test_the_paper_takes_the_label_that_carries_papers_not_the_first_link():
    # Issue 11: the arXiv link took the first neighbour's label: "[[code](arxiv)]".
    record = PaperRecord(title="Delta: Test-Time Compute", year=2024, arxiv="2408.03314")
    result = add_to_paper_list(SECOND_LINKS, [item(record, "Reasoning")], None, renderer=RENDERER)
    [line] = [line for line in result.text.splitlines() if "2408.03314" in line]
    assert line == (
        '- **Delta**: "Delta: Test-Time Compute", *arXiv, Aug 2024*. '
        "[[paper](https://arxiv.org/abs/2408.03314)]"
    )
    assert result.text.index("Delta") < result.text.index("Alpha")  # newest first



@pytest.mark.parametrize(
    ("text", "section", "record", "appended"),
    [
        # AGI-Edgerunners/LLM-Agents-Papers (de53dd0e, "Environment&Platform", abridged):
        # most papers link their code, the others write the label alone; a paper without
        # code ended its line in "| [[paper]](url) |".
        pytest.param(
            "#### Environment&Platform\n"
            "- [2025/02/20] **Alpha Agents at Work** | [[paper]](https://arxiv.org/abs/2502.11111)"
            " | [[code]](https://github.com/a/alpha)\n\n"
            "- [2025/02/18] **Beta Agents at Play** | [[paper]](https://arxiv.org/abs/2502.22222)"
            " | [[code]](https://github.com/b/beta)\n\n"
            "- [2025/02/16] **Gamma Agents at Rest** | [[paper]](https://arxiv.org/abs/2502.33333)"
            " | [code]\n\n",
            "Environment&Platform",
            PaperRecord(
                title="The Ann Arbor Architecture for Agent-Oriented Programming",
                year=2025,
                month=2,
                day=14,
                arxiv="2502.09903",
            ),
            "- [2025/02/14] **The Ann Arbor Architecture for Agent-Oriented Programming** |"
            " [[paper]](https://arxiv.org/abs/2502.09903) | [code]\n\n",
            id="a-link-s-label-alone-for-no-code",
        ),
        # pprp/Awesome-Efficient-MoE (7bef40a, "### MoE Pruning", abridged): each paper a
        # title over its figure and bullets of its fields; add copied the neighbour's figure
        # ("./assets/image_8.png") and dropped "- Authors:", taken for a remark.
        pytest.param(
            "### MoE Pruning\n\n"
            "- SEER-MoE: Sparse Expert Efficiency through Regularization for Mixture-of-Experts\n\n"
            '  <div align="center">\n'
            '    <img src="./assets/image_8.png" width="80%">\n'
            "  </div>\n\n"
            "  - Authors: Alexandre Muzio, Alex Sun, Churan He\n"
            "  - Link: https://arxiv.org/pdf/2404.05089\n"
            "  - Summary: SEER-MoE is a two-stage framework.\n\n"
            "- MC-MoE: Mixture Compressor for Mixture-of-Experts LLMs Gains More\n\n"
            '  <div align="center">\n'
            '    <img src="./assets/image_4.png" width="80%">\n'
            "  </div>\n\n"
            "  - Authors: Wei Huang, Yue Liao, Jianhui Liu\n"
            "  - Link: https://arxiv.org/pdf/2410.06270\n"
            "  - Summary: MC-MoE compresses experts.\n",
            "MoE Pruning",
            PaperRecord(
                title="Thinking Fast and Slow in Efficient Reasoning Models",
                authors=("Ann Lee", "Bo Li", "Carl Wu"),
                year=2025,
                arxiv="2505.01234",
            ),
            "\n- Thinking Fast and Slow in Efficient Reasoning Models\n\n"
            "  - Authors: Ann Lee, Bo Li, Carl Wu\n"
            "  - Link: https://arxiv.org/pdf/2505.01234\n",
            id="bullets-of-fields-no-figure-no-remark",
        ),
        # oahzxl/Awesome-Efficient-Video-Generation (04c4b31, "### Caching", abridged):
        # "* Title \" (a line break) over "2025.09 | [Paper](url) | [Code](url) |
        # ![stars](badge)"; the title was read with its backslash, and a paper without code
        # ended "| [Paper](url) | |".
        pytest.param(
            "### Caching\n"
            "* RAPID^3: Tri-Level Reinforced Acceleration Policies for Diffusion Transformer \\\n"
            "2025.09 | [Paper](https://arxiv.org/abs/2509.22323)\n\n"
            "* SpeCa: Accelerating Diffusion Transformers with Speculative Feature Caching \\\n"
            "2025.09 | [Paper](https://www.arxiv.org/abs/2509.11628) |"
            " [Code](https://github.com/Shenyi-Z/Cache4Diffusion) |"
            " ![GitHub stars](https://img.shields.io/github/stars/Shenyi-Z/Cache4Diffusion)\n\n"
            "* ClusCa: Speeding up Diffusion Transformers via Cluster-Driven Caching \\\n"
            "2025.09 | [Paper](https://arxiv.org/abs/2509.10312) |"
            " [Code](https://github.com/Shenyi-Z/Cache4Diffusion) |"
            " ![GitHub stars](https://img.shields.io/github/stars/Shenyi-Z/Cache4Diffusion)\n\n",
            "Caching",
            PaperRecord(
                title="Thinking Fast and Slow in Efficient Reasoning Models",
                year=2025,
                month=5,
                arxiv="2505.01234",
            ),
            "* Thinking Fast and Slow in Efficient Reasoning Models \\\n"
            "2025.05 | [Paper](https://arxiv.org/abs/2505.01234)\n\n",
            id="links-separated-by-bars-no-code",
        ),
    ],
)
def test_a_new_paper_written_as_the_list_writes_what_it_lacks(text, section, record, appended):
    result = add_to_paper_list(text, [PaperItem(record, None)], section, renderer=RENDERER)
    assert result.text == text + appended
