"""Issue 11: a table whose columns say the work's short name, its year and venue in one
cell, and the paper (``| Work | Year / venue or version | Paper | Main contribution |``),
as Xiao0728/late-interaction-retrieval-survey keeps its reading lists (README.md at
1621351c; rows quoted from it). "Work" is a short name, not a second title nor a venue;
"2020 · SIGIR" is a year and a venue. Expected fields and rows written by hand.
"""

from __future__ import annotations

from editor_samples import item

from bot.editors.paper_list import add_to_paper_list
from bot.references import parse
from bot.suggestions import PaperRecord
from tests.conftest import RENDERER

TABLE = """\
### Section 4: Scoring and Matching Variants

| Work | Year / venue or version | Paper | Main contribution / relevance |
| --- | --- | --- | --- |
| TRIAL | 2025 · EMNLP | [TRIAL: Token Relations and Importance Aware Late-Interaction for \
Accurate Text Retrieval](https://aclanthology.org/2025.emnlp-main.854/) | Adds token importance \
and relation-aware matching. |
| ColBERT-Att | 2026 · arXiv | [ColBERT-Att: Late-Interaction Meets Attention for Enhanced \
Retrieval](https://arxiv.org/abs/2603.25248) | Uses attention-derived weights for selected \
matches. |
| Signed MaxSim | 2026 · arXiv | [Quantifying and Expanding the Theoretical Capacity of \
Late-Interaction Retrieval Models](https://arxiv.org/abs/2607.05803) | Studies representational \
capacity and introduces signed contributions. |
| Spike Hijacking | 2026 · arXiv / LIR Workshop | [Spike Hijacking in Late-Interaction \
Retrieval](https://arxiv.org/abs/2604.05253) | Investigates hard-max aggregation and smoother \
alternatives. |

### Section 8: Query-Side Enhancement with Pseudo-Relevance Feedback

| Work | Year / venue or version | Paper | Main contribution / relevance |
| --- | --- | --- | --- |
| Early ColBERT-PRF | 2021 · ICTIR | [Pseudo-Relevance Feedback for Multiple Representation Dense \
Retrieval](https://doi.org/10.1145/3471158.3472250) | Introduces feedback expansion in the \
multi-vector representation space. |
| ColBERT-PRF | 2023 · TWeb | [ColBERT-PRF: Semantic Pseudo-Relevance Feedback for Dense Passage \
and Document Retrieval](https://doi.org/10.1145/3572405) | Clusters feedback embeddings and \
selects semantic query expansions. |
| CWPRF | 2023 · ACL | [Effective Contrastive Weighting for Dense Query \
Expansion](https://aclanthology.org/2023.acl-long.710/) | Learns the usefulness of contextual \
feedback embeddings. |
| PLAID-PRF | 2026 · SIGIR | [PLAID-PRF: Pseudo-Relevance Feedback with Centroid-Like Tokens in \
PLAID](https://doi.org/10.1145/3805712.3809690) | Reuses index centroids for feedback expansion. |
"""


def test_short_name_year_and_venue_columns_are_read_as_such():
    references = parse(TABLE, "markdown", "README.md").references
    assert [(r.title[:24], r.year, r.venue) for r in references][:5] == [
        ("TRIAL: Token Relations a", 2025, "EMNLP"),
        ("ColBERT-Att: Late-Intera", 2026, "arXiv"),
        ("Quantifying and Expandin", 2026, "arXiv"),
        ("Spike Hijacking in Late-", 2026, "arXiv / LIR Workshop"),
        ("Pseudo-Relevance Feedbac", 2021, "ICTIR"),
    ]


def test_a_new_row_names_the_work_its_year_and_venue_as_the_rows_do():
    # Rows by year, oldest first (Section 4's one step from 2025 to 2026 says little; the
    # file's other table says it): a 2022 paper goes on top. The short name comes from
    # the title's "PLAID:"; the contribution is the maintainer's to write.
    record = PaperRecord(
        title="PLAID: An Efficient Engine for Late Interaction Retrieval",
        year=2022,
        venue="CIKM",
        published_venue="CIKM",
        arxiv="2205.09707",
        url="https://arxiv.org/abs/2205.09707",
    )
    result = add_to_paper_list(
        TABLE, [item(record, "Section 4: Scoring and Matching Variants")], None, renderer=RENDERER
    )
    new = (
        "| PLAID | 2022 · CIKM | [PLAID: An Efficient Engine for Late Interaction Retrieval]"
        "(https://arxiv.org/abs/2205.09707) |  |\n"
    )
    assert result.text == TABLE.replace("| TRIAL |", new + "| TRIAL |", 1)


COT = PaperRecord(
    title="Chain-of-Thought Prompting Elicits Reasoning in Large Language Models",
    year=2022,
    arxiv="2201.11903",
    url="https://arxiv.org/abs/2201.11903",
)

# EdinburghNLP/awesome-hallucination-detection (README.md at 64920cc6, two entries
# quoted): each paper a heading that links it, over bold-labelled notes on it. 19 of
# its 145 entries were read (the notes' labels taken for venues); each is one now.
NOTED = """\
## Papers and Summaries

### [Intervene-All-Paths: Unified Mitigation of LVLM Hallucinations across Alignment \
Formats](https://arxiv.org/abs/2511.17254)
- **Metrics:** POPE Accuracy/F1, MCQ-POPE Accuracy/Macro-F1, CHAIRs, CHAIRi, MME (Existence, \
Count, Position, Color)
- **Datasets:** POPE (COCO, A-OKVQA, GQA), MCQ-POPE, CHAIR (COCO), MME

### [One SPACE to Rule Them All: Jointly Mitigating Factuality and Faithfulness Hallucinations \
in LLMs](https://arxiv.org/abs/2506.11088)
- **Metrics:** TruthfulQA (MC1, MC2, Truthfulness, Informativeness, True*Info)
- **Datasets:** TruthfulQA, PDTB (Penn Discourse TreeBank)
"""


def test_headings_linking_papers_over_notes_are_the_entries():
    references = parse(NOTED, "markdown", "README.md").references
    assert [(r.title[:20], r.arxiv, r.venue) for r in references] == [
        ("Intervene-All-Paths:", "2511.17254", None),
        ("One SPACE to Rule Th", "2506.11088", None),
    ]
    # A new paper gets its heading; the notes are the maintainer's to write.
    result = add_to_paper_list(NOTED, [item(COT, "Papers and Summaries")], None, renderer=RENDERER)
    new = (
        "\n### [Chain-of-Thought Prompting Elicits Reasoning in Large Language Models]"
        "(https://arxiv.org/abs/2201.11903)\n"
    )
    assert result.text == NOTED + new


# tmgthb/Autonomous-Agents's README: each paper a line of its own linking it, bullets
# of notes under it, "---" between papers (two quoted, notes cut short). 0 of its 458
# entries were read; the notes are no fields of the paper, and a new paper is not put
# between a paper and its notes, nor among them.
LINK_OVER_NOTES = """\
#### 23rd June 2026

[Qwen-AgentWorld: Language World Models for General Agents](http://arxiv.org/abs/2606.24597)

- Qwen-AgentWorld: introduces a native language world model trained via a three-stage pipeline.
- The framework utilizes CPT, SFT, and RL to develop a world model.

---

[Data Recipes for Agentic Models](http://arxiv.org/abs/2606.24855)

- Data Recipes: studies which data make agentic models.

---
"""


def test_a_paper_link_over_notes_is_the_entry_and_the_notes_stay_its_own():
    references = parse(LINK_OVER_NOTES, "markdown", "README.md").references
    assert [(r.title, r.arxiv, r.authors, r.venue) for r in references] == [
        ("Qwen-AgentWorld: Language World Models for General Agents", "2606.24597", (), None),
        ("Data Recipes for Agentic Models", "2606.24855", (), None),
    ]
    result = add_to_paper_list(
        LINK_OVER_NOTES, [item(COT, "23rd June 2026")], None, renderer=RENDERER
    )
    added = [line for line in result.text.split("\n") if "2201.11903" in line]
    assert added == [
        "[Chain-of-Thought Prompting Elicits Reasoning in Large Language Models]"
        "(http://arxiv.org/abs/2201.11903)"  # as the list writes its arXiv links
    ]
    # Every paper keeps its notes right under it (after one blank line).
    lines = result.text.split("\n")
    for paper, note in (("[Qwen-AgentWorld", "- Qwen-AgentWorld:"), ("[Data Recipes", "- Data R")):
        at = next(i for i, line in enumerate(lines) if line.startswith(paper))
        assert lines[at + 1] == "" and lines[at + 2].startswith(note)
