"""The Markdown loader on awesome-list paper lists in both numbering styles."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.references import load, parse, parse_references
from bot.references.markdown import heading_text

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="module")
def explicit():
    return load(FIXTURES / "awesome-explicit.md").references


@pytest.fixture(scope="module")
def auto():
    return load(FIXTURES / "awesome-auto.md").references


def test_explicit_numbering_uses_written_numbers(explicit):
    assert [(ref.section, ref.number) for ref in explicit] == [
        ("Publicly Available Models", 1),
        ("Publicly Available Models", 2),
        ("Publicly Available Models", 3),
        ("Closed-source Models", 1),
        ("Closed-source Models", 2),
        ("Closed-source Models", 4),  # written "4." after "2.": the written number counts
        ("Corpora", 1),
        ("Corpora", 3),  # "2. <u>CommonCrawl</u>: [[Source](...)]" is not a paper
        ("Surveys", None),
        ("Surveys", None),
        ("Surveys", None),
        ("Surveys", None),
        ("How to cite", None),  # the table's row: tables are lists too
    ]


def test_lists_written_one_dot_throughout_have_no_numbers(auto):
    # "1." everywhere is Markdown auto-numbering: a position is not a citation number.
    assert [(ref.section, ref.number) for ref in auto] == [
        ("Data Collection", None),
        ("Data Collection", None),
        ("Architecture", None),
        ("Architecture", None),
        ("Architecture", None),  # the bold "**Prefix Decoder**" line is not a heading
        ("Adaptation Tuning", None),
        ("Adaptation Tuning", None),
        ("Adaptation Tuning", None),
        ("Adaptation Tuning", None),
        ("Adaptation Tuning", None),
    ]


ENTRY_CASES = [
    # (fixture, index, title, first author, venue, year, arxiv, doi)
    (
        "explicit",
        2,
        "LLaMA: Open and Efficient Foundation Language Models",
        "Hugo Touvron",
        "arXiv",
        2023,
        "2302.13971",
        None,
    ),
    ("explicit", 5, "GPT-4 Technical Report", "OpenAI", "arXiv", 2023, "2303.08774", None),
    (
        "explicit",
        8,
        "A Survey of Large Language Models",
        "Wayne Xin Zhao",
        "arXiv",
        2023,
        "2303.18223",
        None,
    ),
    (
        "explicit",
        9,
        "Pre-train, Prompt, and Predict",
        "Pengfei Liu",
        "ACM Computing Surveys",
        2023,
        None,
        "10.1145/3560815",
    ),
    (
        "explicit",
        10,
        "Sparks of Artificial General Intelligence: Early experiments with GPT-4",
        "Sébastien Bubeck",
        "arXiv",
        2023,
        "2303.12712",
        None,
    ),
    (
        "explicit",
        11,
        "Harnessing the Power of LLMs in Practice: A Survey on ChatGPT and Beyond",
        "Jingfeng Yang",
        "arXiv",
        2023,
        "2304.13712",
        None,
    ),
    (
        "auto",
        0,
        "The BigScience ROOTS Corpus: A 1.6TB Composite Multilingual Dataset",
        "Laurençon",
        "NeurIPS Datasets and Benchmarks Track",
        2022,
        "2303.03915",
        None,
    ),
    (
        "auto",
        6,
        "A Systematic Study and Comprehensive Evaluation of ChatGPT on Benchmark Datasets",
        "Laskar",
        "ACL",
        2023,
        "2305.18486",
        None,
    ),
    (
        "auto",
        7,
        "Beyond Factuality: A Comprehensive Evaluation of Large Language Models "
        "as Knowledge Generators",
        "Liang Chen",
        "EMNLP",
        2023,
        "2310.07289",
        None,
    ),
    (
        "auto",
        8,
        "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding",
        "Jacob Devlin",
        "NAACL",
        2019,
        None,
        "10.18653/v1/n19-1423",
    ),
    (
        "auto",
        9,
        "Reasoning with *Escaped* Stars [and Brackets] & Entities",
        "A. Writer",
        "arXiv",
        2023,
        None,
        None,
    ),
]


@pytest.mark.parametrize(
    ("fixture", "index", "title", "author", "venue", "year", "arxiv", "doi"),
    ENTRY_CASES,
    ids=[f"{c[0]}-{c[1]}" for c in ENTRY_CASES],
)
def test_entry_fields(request, fixture, index, title, author, venue, year, arxiv, doi):
    reference = request.getfixturevalue(fixture)[index]
    assert reference.title == title
    assert (reference.authors[0] if reference.authors else None) == author
    assert reference.venue == venue
    assert reference.year == year
    assert reference.arxiv == arxiv
    assert reference.doi == doi


def test_continuation_lines_extend_the_entry(explicit):
    harnessing = explicit[11]
    assert (harnessing.line, harnessing.end_line) == (36, 37)
    assert harnessing.urls == ("https://arxiv.org/abs/2304.13712",)


def test_code_fences_toc_and_prose_are_not_references_and_table_rows_are(explicit):
    titles = {ref.title for ref in explicit}
    assert not any("Also not" in title or 'Not a reference"' in title for title in titles)
    assert not {"Models", "Corpora", "Surveys", "CONTRIBUTING", "the contribution guide"} & titles
    [row] = [ref for ref in explicit if ref.section == "How to cite"]
    assert (row.title, row.arxiv) == ("1. Not a reference either", "2005.14165")
    assert len(explicit) == 13


def test_tools_and_sources_are_reported_as_not_papers():
    result = load(FIXTURES / "awesome-explicit.md")
    [source] = result.not_papers
    assert "CommonCrawl" in source.what and "awesome-explicit.md:28" in source.what
    assert source.why == "links only to web pages, no paper"
    assert result.skipped == ()


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        (
            "🚀(New) Technical Evolution of GPT-series Models",
            "(New) Technical Evolution of GPT-series Models",
        ),
        ('Models <a name="models"></a>', "Models"),
        ("Corpora {#corpora}", "Corpora"),
        ("Surveys ##", "Surveys"),
        # yaotingwangofficial/Awesome-MCoT's table headings
        ("Tab-1: MCoT _Training_ _with_ Rationale.", "Tab-1: MCoT Training with Rationale."),
        ("in_context_learning", "in_context_learning"),
        (":rocket: **Pre-training** ✨", "Pre-training"),
        ("[Linked](https://x.org) heading", "Linked heading"),
        ("C# and F#", "C# and F#"),
    ],
    ids=lambda value: None,
)
def test_heading_text(raw, text):
    assert heading_text(raw) == text


@pytest.mark.parametrize(
    ("line", "title"),
    [
        pytest.param('1. **"Quoted bold"**. *A et al.* ACL 2019.', "Quoted bold", id="quoted-bold"),
        pytest.param(
            "1. **“Curly quoted”**. *A et al.* ACL 2019.", "Curly quoted", id="curly-quoted"
        ),
        pytest.param(
            "- [Linked title](https://arxiv.org/abs/2303.18223)", "Linked title", id="link"
        ),
        pytest.param(
            "- [**Bold link**](https://example.org/paper.pdf)", "Bold link", id="bold-link"
        ),
        pytest.param("* **Bold title** - A. Person et al., ICML 2020", "Bold title", id="bold"),
        pytest.param(
            '+ "Plain quoted" by A. Person et al. (2020), arXiv:2001.00001',
            "Plain quoted",
            id="plain-quoted",
        ),
        pytest.param('1. <u>Name</u>: **"Title"**. *A*. arXiv 2020.', "Title", id="u-prefix"),
        # Forbu/my-awesome-papers-list: the paper's bare link after its title (it was read
        # into the title, or the line not at all)
        pytest.param(
            "- Scaling Latent Reasoning via Looped Language Models https://arxiv.org/pdf/2510.25741",
            "Scaling Latent Reasoning via Looped Language Models",
            id="bare-link-after-plain-title",
        ),
        pytest.param("- [Relative link](docs/readme.md)", None, id="relative-link-is-not-a-paper"),
        pytest.param("- [Anchor](#anchor)", None, id="toc-link"),
        pytest.param("- just some prose in a list", None, id="prose"),
        pytest.param("- [**A tool**](https://github.com/a/tool) - Fast.", None, id="repository"),
        pytest.param("- [A blog post](https://example.org/post) - Nice.", None, id="home-page"),
    ],
)
def test_item_styles(line, title):
    refs = parse_references(f"## S\n\n{line}\n", "markdown")
    assert [ref.title for ref in refs] == ([title] if title else [])


@pytest.mark.parametrize(
    ("rest", "authors", "venue", "year"),
    [
        pytest.param(
            "Jason Wei, Xuezhi Wang, Dale Schuurmans. NeurIPS 2022.",
            ["Jason Wei", "Xuezhi Wang", "Dale Schuurmans"],
            "NeurIPS",
            2022,
            id="names-then-venue",
        ),
        pytest.param(
            "Takeshi Kojima and Ann B. Lee. ICML 2021.",
            ["Takeshi Kojima", "Ann B. Lee"],
            "ICML",
            2021,
            id="two-names-one-initial",
        ),
        pytest.param(
            "Hugo Touvron, Thibaut Lavril, ICLR 2023",
            ["Hugo Touvron", "Thibaut Lavril"],
            "ICLR",
            2023,
            id="names-comma-venue",
        ),
        pytest.param(
            "Rohan Anil, Andrew M. Dai, arXiv 2023",
            ["Rohan Anil", "Andrew M. Dai"],
            "arXiv",
            2023,
            id="names-with-initial-comma-venue",
        ),
        pytest.param(
            "Legible, Scalable, Reproducible Foundation Models with Named Tensors and JAX.",
            [],
            None,
            None,
            id="capitalised-prose-is-a-description",
        ),
        pytest.param("Centered on flexibility and clarity. Fast.", [], None, None, id="prose"),
    ],
)
def test_names_after_a_dash_are_the_authors_and_prose_is_not(rest, authors, venue, year):
    line = f"- [A Paper Title Here](https://arxiv.org/abs/2201.11903) - {rest}"
    (ref,) = parse_references(f"## S\n\n{line}\n", "markdown")
    assert (list(ref.authors), ref.venue, ref.year) == (authors, venue, year)


@pytest.mark.parametrize(
    ("rest", "authors", "venue", "year"),
    [
        pytest.param(
            "Lars Kotthoff. AI Magazine 2014.",
            ["Lars Kotthoff"],
            "AI Magazine",
            2014,
            id="one-name",
        ),
        pytest.param("Bernd Bischl et al. AIJ 2016.", ["Bernd Bischl"], "AIJ", 2016, id="et-al"),
        # Two capitalised words, then a bare year: a journal, not a person.
        pytest.param("Pattern Recognition. 2021.", [], "Pattern Recognition", None, id="journal"),
    ],
)
def test_one_author_before_the_venue_is_an_author(rest, authors, venue, year):
    line = f"1. **A Paper Title Here**. {rest} [[paper](https://arxiv.org/abs/1210.7959)]"
    (ref,) = parse_references(f"## S\n\n{line}\n", "markdown")
    assert (list(ref.authors), ref.venue, ref.year) == (authors, venue, year)


@pytest.mark.parametrize(
    ("emphasis", "authors", "venue"),
    [
        # fmzchao/Awesome-LLM4Cybersecurity (54e588a): "N. Title | *Venue* | date | link"
        pytest.param("*ICAART*", [], "ICAART", id="acronym"),
        pytest.param("*ACL Findings*", [], "ACL Findings", id="venue-word"),
        pytest.param(
            "*Journal of Systems and Software*", [], "Journal of Systems and Software", id="journal"
        ),
        pytest.param("*OpenAI*", ["OpenAI"], None, id="organisation"),
        pytest.param("*BigScience Workshop*", ["BigScience Workshop"], None, id="workshop-author"),
        pytest.param("*Jane Doe, Bo Li*", ["Jane Doe", "Bo Li"], None, id="names"),
    ],
)
def test_emphasis_between_pipes_is_a_venue_or_the_authors(emphasis, authors, venue):
    line = f"1. A Paper Title Here | {emphasis} | 2024.03.06 | [Paper](https://arxiv.org/abs/2403.03897)"
    (ref,) = parse_references(f"## S\n\n{line}\n", "markdown")
    assert (list(ref.authors), ref.venue) == (authors, venue)


@pytest.mark.parametrize(
    ("line", "title", "venue", "year"),
    [
        # AIoT-MLSys-Lab/Efficient-LLMs-Survey's README (ef0d8ae6): venue and year
        # underlined in HTML after the title and a comma.
        pytest.param(
            "- OliVe: Accelerating Large Language Models via Hardware-friendly Outlier-Victim "
            "Pair Quantization, <ins>ISCA, 2023</ins> [[Paper](https://arxiv.org/abs/2304.07493)] "
            "[[Code](https://github.com/clevercool/ANT-Quantization)]",
            "OliVe: Accelerating Large Language Models via Hardware-friendly Outlier-Victim "
            "Pair Quantization",
            "ISCA",
            2023,
            id="ins",
        ),
        pytest.param(
            "- Intriguing Properties of Quantization at Scale, <ins>NeurIPS, 2023</ins> "
            "[[Paper](https://arxiv.org/abs/2305.19268)]",
            "Intriguing Properties of Quantization at Scale",
            "NeurIPS",
            2023,
            id="ins-short-title",
        ),
        pytest.param(
            "- [A Paper Title Here](https://arxiv.org/abs/2305.19268) <i>ACL 2023</i>",
            "A Paper Title Here",
            "ACL",
            2023,
            id="i-after-a-link",
        ),
    ],
)
def test_venue_in_html_emphasis_is_the_venue_not_the_title(line, title, venue, year):
    (ref,) = parse_references(f"## S\n\n{line}\n", "markdown")
    assert (ref.title, ref.venue, ref.year) == (title, venue, year)


def test_a_title_in_no_markup_before_underscored_authors():
    # MLGroupJLU/LLM-eval-survey's README: none of its ~200 entries was read.
    line = (
        "1. Holistic Evaluation of Language Models. _Percy Liang et al._ arXiv 2022. "
        "[[paper](https://arxiv.org/abs/2211.09110)]"
    )
    (ref,) = parse_references(f"## S\n\n{line}\n", "markdown")
    assert (ref.title, ref.authors[:1], ref.venue, ref.year) == (
        "Holistic Evaluation of Language Models",
        ("Percy Liang",),
        "arXiv",
        2022,
    )


@pytest.mark.parametrize(
    ("line", "title", "venue", "year"),
    [
        # RManLuo/Awesome-LLM-KG's README: venue and year in parentheses after the title.
        pytest.param(
            "* Unifying Large Language Models and Knowledge Graphs: A Roadmap (TKDE, 2024) "
            "[[paper]](https://arxiv.org/pdf/2306.08302.pdf)",
            "Unifying Large Language Models and Knowledge Graphs: A Roadmap",
            "TKDE",
            2024,
            id="venue-comma-year",
        ),
        pytest.param(
            "* Generative Knowledge Graph Construction: A Review (EMNLP 2022) "
            "[[paper]](https://arxiv.org/pdf/2210.12714.pdf)",
            "Generative Knowledge Graph Construction: A Review",
            "EMNLP",
            2022,
            id="venue-year",
        ),
        # A title's own parentheses stay in it.
        pytest.param(
            "* Retrieval-Augmented Generation (RAG) for Large Language Models "
            "[[paper]](https://arxiv.org/pdf/2312.10997.pdf)",
            "Retrieval-Augmented Generation (RAG) for Large Language Models",
            "",
            None,
            id="own-parentheses",
        ),
    ],
)
def test_venue_and_year_in_parentheses_after_a_plain_title(line, title, venue, year):
    (ref,) = parse_references(f"## S\n\n{line}\n", "markdown")
    assert (ref.title, ref.venue or "", ref.year) == (title, venue, year)


@pytest.mark.parametrize(
    ("line", "title", "venue", "year", "arxiv"),
    [
        # zjukg/KG-LLM-Papers's README: the paper's link on its venue, in escaped brackets,
        # before a title in no markup; none of its 260 entries was read.
        pytest.param(
            "- \\[[ISWC 2024](https://arxiv.org/abs/2407.16127)\\] Finetuning Generative Large "
            "Language Models with Discrimination Instructions for Knowledge Graph Completion. "
            "`2024.07`",
            "Finetuning Generative Large Language Models with Discrimination Instructions for "
            "Knowledge Graph Completion",
            "ISWC",
            2024,
            "2407.16127",
            id="venue-link",
        ),
        pytest.param(
            "- \\[[arxiv](https://arxiv.org/abs/2407.10793)\\] GraphEval: A Knowledge-Graph "
            "Based LLM Hallucination Evaluation Framework. `2024.07`",
            "GraphEval: A Knowledge-Graph Based LLM Hallucination Evaluation Framework",
            "arXiv",
            2024,
            "2407.10793",
            id="arxiv-link",
        ),
    ],
)
def test_a_paper_link_on_its_venue_before_the_title(line, title, venue, year, arxiv):
    (ref,) = parse_references(f"## S\n\n{line}\n", "markdown")
    assert (ref.title, ref.venue, ref.year, ref.arxiv) == (title, venue, year, arxiv)


@pytest.mark.parametrize(
    ("start", "title", "venue", "year"),
    [
        pytest.param("(*EMNLP'23*) Struct Title", "Struct Title", "EMNLP", 2023, id="emphasis"),
        pytest.param("(*TKDE‘23*) Curly Title", "Curly Title", "TKDE", 2023, id="curly-quote"),
        pytest.param("(NeurIPS'24) Plain Title", "Plain Title", "NeurIPS", 2024, id="plain"),
        # Two digits after a space: "ICLR 24 – Oct 2023" (jxzhangjhu/Awesome-LLM-RAG).
        pytest.param("(ICLR 24) Short Year Title", "Short Year Title", "ICLR", 2024, id="yy"),
        pytest.param("(arXiv 23) Short Preprint", "Short Preprint", "arXiv", 2023, id="arxiv-yy"),
        pytest.param("(*arXiv 2023.05*) Dated Title", "Dated Title", "arXiv", 2023, id="dated"),
        pytest.param("(ArXiv 2025) **Bold Title**", "Bold Title", "arXiv", 2025, id="bold"),
        pytest.param("(2023-10) **Date Only**", "Date Only", None, 2023, id="date"),
        pytest.param(
            "**[ICLR 2024]** Bold Tag Title.", "Bold Tag Title", "ICLR", 2024, id="bold-tag"
        ),
        pytest.param("🔥 **Hot Title**", "Hot Title", None, None, id="emoji"),
        pytest.param(":fire: **Shortcode Title**", "Shortcode Title", None, None, id="shortcode"),
        pytest.param("👍**Nick(ECCV2018)** Nick Title", "Nick Title", "ECCV", 2018, id="bold-nick"),
        # No year in the parentheses: the title's own words.
        pytest.param("(Almost) Free Lunch Title", "(Almost) Free Lunch Title", None, None, id="no"),
    ],
)
def test_a_venue_in_parentheses_before_the_title(start, title, venue, year):
    line = f"- {start} [[paper](https://arxiv.org/abs/2305.09645)]"
    (ref,) = parse_references(f"## S\n\n{line}\n", "markdown")
    assert (ref.title, ref.venue, ref.year) == (title, venue, year)


def test_a_category_bullet_over_one_link_paragraph_and_a_tool():
    # hymie122/RAG-Survey's shape: "  - Event Extraction" over a single indented link, and
    # a tool's repository among the papers of another category (said to be no paper).
    text = (
        "## RAG for Text\n"
        "  - Event Extraction\n\n"
        "    [Retrieval-Augmented Generative Question Answering for Event Argument "
        "Extraction](https://doi.org/10.18653/v1/2022.emnlp-main.307)\n\n"
        "  - Systems\n\n"
        "    [LlamaIndex](https://github.com/jerryjliu/llama_index)\n\n"
        "    [Atlas: Few-shot Learning with Retrieval Augmented Language Models]"
        "(https://arxiv.org/abs/2208.03299)\n"
    )
    result = parse(text, "markdown", "list.md")
    assert [(r.title[:20], r.doi, r.arxiv) for r in result.references] == [
        ("Retrieval-Augmented ", "10.18653/v1/2022.emnlp-main.307", None),
        ("Atlas: Few-shot Lear", None, "2208.03299"),
    ]
    assert [s.what.split("'")[1] for s in result.not_papers] == ["LlamaIndex"]


@pytest.mark.parametrize(
    ("line", "venue", "year"),
    [
        # teacherpeterpan/self-correction-llm-papers: the venue's name, its acronym, the year
        (
            "1. **Training Language Models to Follow Instructions with Human Feedback.** "
            "Advances in Neural Information Processing Systems (NeurIPS), 2022. "
            "[paper](https://proceedings.neurips.cc/paper_files/paper/2022/file/b1.pdf)",
            "Advances in Neural Information Processing Systems (NeurIPS)",
            2022,
        ),
        (
            "1. **SimCLS: A Simple Framework for Contrastive Learning of Abstractive "
            "Summarization.** Annual Meeting of the Association for Computational Linguistics "
            "(ACL), 2021. [paper](https://aclanthology.org/2021.acl-short.135.pdf)",
            "Annual Meeting of the Association for Computational Linguistics (ACL)",
            2021,
        ),
    ],
)
def test_a_named_venue_with_its_acronym_and_year(line, venue, year):
    [ref] = parse(f"## Papers\n\n{line}\n", "markdown", "list.md").references
    assert (ref.venue, ref.year) == (venue, year)


def test_a_name_and_a_bare_paper_link_is_a_paper():
    # WangRongsheng/awesome-LLM-resourses (0e783e57), README.md lines 670-672: a name, a
    # colon and the bare link; a repository there is a tool, and "Paper:" is a label.
    text = (
        "## Open o1\n\n"
        "33. LLaMA-Berry: https://arxiv.org/abs/2410.02884\n"
        "34. MCTS-DPO: https://arxiv.org/abs/2405.00451\n"
        "35. OpenR: https://github.com/openreasoner/openr\n"
    )
    result = parse(text, "markdown", "list.md")
    assert [(r.title, r.arxiv) for r in result.references] == [
        ("LLaMA-Berry", "2410.02884"),
        ("MCTS-DPO", "2405.00451"),
    ]
    assert [s.what.split("'")[1] for s in result.not_papers] == ["OpenR"]


@pytest.mark.parametrize(
    ("text", "why"),
    [
        # yinyunie/3D-Shape-Analysis-Paper-List: a tool's link in the place of a venue's
        pytest.param(
            "- [[Github](https://github.com/christopherbatty/SDFGen)] SDFGen (signed distances)",
            None,
            id="tool-link-in-a-venue-tag",
        ),
        # vnageshwaran-de/Awesome-LLM-Agent-Evaluation: emphasis in prose is no citation
        pytest.param(
            "**Headline numbers.** "
            + "648 records identified, 205 duplicates removed, 443 screened. " * 14
            + "**Recall (RQ7, _estimate_):** a *loose lower bound* on recall.",
            "a paragraph of prose, no link to a paper",
            id="prose-paragraph",
        ),
        # Xnhyacinth/Awesome-LLM-Long-Context-Modeling: a blog post, its author and year
        pytest.param(
            "4. [**Transformer升级之路：7、长度外推性与局部注意力.**](https://kexue.fm/archives/9431)"
            " _苏剑林(Jianlin Su)._ 2023.\n\n"
            "5. [**Claude Sonnet 4 Now Supports 1M Tokens of Context.**]"
            "(https://claude.com/blog/1m-context) _Anthropic / Claude Team._ 2025.",
            "links only to web pages, no paper",
            id="blog-posts",
        ),
        # YanjieZe/Paper-List (e0e815a): links to a conference's list of papers, named by the
        # conference and its year, read as papers titled "RSS 2025", "CVPR 2024"
        pytest.param(
            "- 2024\n"
            "  - [RSS 2024](https://roboticsconference.org/program/papers/)\n"
            "  - [CVPR 2024](https://cvpr.thecvf.com/Conferences/2024/AcceptedPapers) / "
            "[interactive overview](https://public.tableau.com/views/CVPR2024/PaperList)\n"
            "  - [ICLR 2024](https://openreview.net/group?id=ICLR.cc/2024/Conference) / "
            "[scores](https://guoqiangwei.xyz/iclr2024_stats/iclr2024_submissions.html)",
            "a venue's page, no paper",
            id="venue-pages",
        ),
    ],
)
def test_what_is_no_paper_is_not_read_as_one(text, why):
    result = parse(f"## S\n\n{text}\n", "markdown")
    assert result.references == ()
    assert {skipped.why for skipped in result.not_papers} == ({why} if why else set())


@pytest.mark.parametrize(
    "text",
    [
        # LumingSun/ML4DB-paper-list: the venue and year, then the paper's code ("links
        # only to code pages, no paper": 28 of its papers were skipped)
        "* SAM: Database Generation from Query Workload with Supervised Autoregressive Model "
        "(SIGMOD 2022) [Source code](https://github.com/Jamesyang2333/SAM)\n"
        "* AI Meets Database: AI4DB and DB4AI (SIGMOD 2021)",
        # corail-research/CPML-paper-list: among papers, a publisher's page this project
        # does not know ("links only to web pages": 11 skipped)
        "- [KR'2023] [Active disjunctive constraint acquisition](https://proceedings.kr.org/2023/50/)"
        "\n- [IJCAI'2024] [Using large language models to improve query-based constraint "
        "acquisition](https://dl.acm.org/doi/abs/10.24963/ijcai.2024/212)\n"
        "- [AAAI'2022] [GEQCA: Generic qualitative constraint acquisition]"
        "(https://ojs.aaai.org/index.php/AAAI/article/view/20282)",
    ],
)
def test_a_title_with_its_venue_and_year_is_a_paper_beside_its_code_or_among_papers(text):
    result = parse(f"## S\n\n{text}\n", "markdown")
    assert result.not_papers == ()
    assert len(result.references) == text.count("\n") + 1


def test_a_remark_in_a_table_header_does_not_hide_the_column():
    table = (
        "| Benchmark | Venue (verified) |\n|---|---|\n"
        "| [GAIA](https://arxiv.org/abs/2311.12983) | **ICLR 2024** |\n"
        "| [WebShop](https://arxiv.org/abs/2207.01206) | **NeurIPS 2022** |\n"
    )
    refs = parse_references(f"## S\n\n{table}", "markdown")
    assert [(ref.venue, ref.year) for ref in refs] == [("ICLR", 2024), ("NeurIPS", 2022)]


def test_the_venue_column_wins_over_a_remark_after_the_title():
    # friedrichor/Awesome-Multimodal-Papers: "(HuaWei, Enze Xie)" names who made it
    table = (
        "| Title | Venue | Date |\n|---|---|---|\n"
        "| [PixArt-Σ: Weak-to-Strong Training](https://arxiv.org/abs/2403.04692) "
        "(HuaWei, Enze Xie) | arXiv | 2024-03-07 |\n"
        "| [Koala: Key frame-conditioned long video-LLM](https://arxiv.org/abs/2404.04346) "
        "| CVPR 2024 | 2024-04-05 |\n"
    )
    refs = parse_references(f"## S\n\n{table}", "markdown")
    assert [(ref.venue, ref.year) for ref in refs] == [("arXiv", 2024), ("CVPR", 2024)]


def test_a_linked_date_badge_with_an_escaped_dot_dates_the_paper():
    # joslefaure/Awesome-Multimodal-Token-Compression
    cell = (
        "[![Arxiv](https://img.shields.io/badge/arXiv-2025\\.06-red)]() <br>"
        "[Generic Token Compression](https://arxiv.org/abs/2506.01097)<br>Lei Lei, Jie Gu"
    )
    table = f"| Title & Authors | Areas |\n| --- | --- |\n| {cell} | Image |\n| {cell} | Video |\n"
    refs = parse_references(f"## S\n\n{table}", "markdown")
    assert [(ref.year, ref.authors) for ref in refs] == [(2025, ("Lei Lei", "Jie Gu"))] * 2


def test_a_column_named_for_its_links_holds_the_papers_links():
    # joe1chief/awesome-llm-tech-reports: "| Official Link |" of bare addresses
    table = (
        "| Release Date | Organization | Model | Official Link |\n| --- | --- | --- | --- |\n"
        "| 2026-02 | Zhipu AI | GLM-5 | https://arxiv.org/pdf/2602.15763 |\n"
        "| 2026-02 | Alibaba | Qwen 3.5 | https://qwen.ai/blog?id=qwen3.5 |\n"
    )
    result = parse(f"## S\n\n{table}", "markdown")
    assert [(ref.title, ref.arxiv, ref.year) for ref in result.references] == [
        ("GLM-5", "2602.15763", 2026)
    ]
    assert [skipped.why for skipped in result.not_papers] == ["links only to web pages, no paper"]


def test_a_labelled_link_under_a_paper_is_not_another_paper():
    # Peihao-Xiang's NeurIPS 2023 list: a checkbox item, then "**Link**:" on its own bullet
    text = (
        "## 1. Latent Density Models\n\n"
        "- [ ] Latent Density Models for Uncertainty Categorization | "
        "https://neurips.cc/virtual/2023/poster/69865\n\n"
        "- **Link**: https://neurips.cc/virtual/2023/poster/69865\n"
    )
    refs = parse_references(text, "markdown")
    assert [ref.title for ref in refs] == ["Latent Density Models for Uncertainty Categorization"]


@pytest.mark.parametrize(
    ("line", "title", "venue", "year", "arxiv"),
    [
        # Haulyn5/Audio-Speech-Generation-Paper-List: a bold name, a colon, then the linked
        # title; the date and the lab in parentheses, the other links in one pair of brackets.
        # 1 of its 14 papers was read ("links only to code pages").
        pytest.param(
            "* **Voicebox**: [Voicebox: Text-Guided Multilingual Universal Speech Generation at "
            "Scale](https://arxiv.org/abs/2306.15687) (2023-06, Meta) [[Unofficial code]"
            "(https://github.com/lucidrains/voicebox-pytorch), [Blog/ Demo]"
            "(https://voicebox.metademolab.com/)]",
            "Voicebox: Text-Guided Multilingual Universal Speech Generation at Scale",
            "Meta",
            2023,
            "2306.15687",
            id="date-and-lab",
        ),
        pytest.param(
            "* **Your TTS**: [YourTTS: Towards Zero-Shot Multi-Speaker TTS and Zero-Shot Voice "
            "Conversion for Everyone](https://arxiv.org/abs/2112.02418) (ICML 2022) "
            "[[Code](https://github.com/coqui-ai/tts)]",
            "YourTTS: Towards Zero-Shot Multi-Speaker TTS and Zero-Shot Voice Conversion for "
            "Everyone",
            "ICML",
            2022,
            "2112.02418",
            id="venue",
        ),
    ],
)
def test_a_bold_name_before_a_linked_title(line, title, venue, year, arxiv):
    (ref,) = parse_references(f"## S\n\n{line}\n", "markdown")
    assert (ref.title, ref.venue, ref.year, ref.arxiv) == (title, venue, year, arxiv)


@pytest.mark.parametrize(
    "line",
    [
        "* **Title Of A Paper In Bold** [paper](https://arxiv.org/abs/2306.15687)",
        "* **Title Of A Paper In Bold** [CVPR 2024](https://arxiv.org/abs/2306.15687)",
    ],
)
def test_a_bold_title_before_its_own_link_is_the_title(line):
    (ref,) = parse_references(f"## S\n\n{line}\n", "markdown")
    assert ref.title == "Title Of A Paper In Bold"


def test_a_sentence_of_prose_is_no_author():
    # Haulyn5/Audio-Speech-Generation-Paper-List: "... Toolkit. The Goal of Amphion is to
    # offer ..." was the third of three authors (one odd part among three names was let
    # through, however long). The capitalised words before it still read as names: a
    # tool's description in title case is not told from a list of names.
    line = (
        "* [Amphion](https://github.com/open-mmlab/Amphion): An Open-Source Audio, Music, and "
        "Speech Generation Toolkit. The Goal of Amphion is to offer a platform for studying the "
        "conversion of any inputs into audio. [[Paper](https://arxiv.org/abs/2312.09911)]"
    )
    (ref,) = parse_references(f"## S\n\n{line}\n", "markdown")
    assert "The Goal of Amphion" not in " ".join(ref.authors)


# QianpengLi577/Neuromorphic-Processor-paper-list: titles alone in bold, no link anywhere;
# 1 of its 149 items was read (the one with an arXiv id in its text).
TITLES_ONLY = """## Time Driven

- **to be update soon**

## Great design
I will share some wonderful design such as TrueNorth, Loihi, Darwin and soon on
- **Loihi: A Neuromorphic Manycore Processor with On-Chip Learning(Loihi)**
- **Darwin3: A large-scale neuromorphic chip with a Novel ISA and On-Chip Learning**
- **FINN: A Framework for Fast, Scalable Binarized Neural Network Inference(FINN)**

### Sparse representation / index

- **Cambricon-X: An Accelerator for Sparse Neural Networks**

- **Other methods**

## Conference

- **DAC2022**
"""


def test_a_list_of_titles_alone_in_bold_is_a_list_of_papers():
    references = parse_references(TITLES_ONLY, "markdown")
    assert [(r.title, r.section) for r in references] == [
        ("Loihi: A Neuromorphic Manycore Processor with On-Chip Learning", "Great design"),
        (
            "Darwin3: A large-scale neuromorphic chip with a Novel ISA and On-Chip Learning",
            "Great design",
        ),
        (
            "FINN: A Framework for Fast, Scalable Binarized Neural Network Inference",
            "Great design",
        ),
        ("Cambricon-X: An Accelerator for Sparse Neural Networks", "Sparse representation / index"),
    ]


def test_bold_lines_alone_are_no_papers():
    text = "## Time Driven\n\n- **to be update soon**\n\n## Notes\n\n- **Read The Docs First**\n"
    assert parse_references(text, "markdown") == []


@pytest.mark.parametrize(
    ("line", "title", "authors", "year", "venue"),
    [
        # Dusto-AI/llm-situational-awareness-paper-list: APA, the names and the year in bold;
        # every title was read as the names ("Endsley, M. R. (2023)").
        pytest.param(
            "- **Lee, J. D., & See, K. A. (2004).** Trust in automation: Designing for "
            "appropriate reliance. *Human Factors*, 46(1), 50-80. "
            "[[link]](https://doi.org/10.1518/hfes.46.1.50_30392)",
            "Trust in automation: Designing for appropriate reliance",
            ["J. D. Lee", "K. A. See"],
            2004,
            "Human Factors",
            id="apa",
        ),
        pytest.param(
            "- **Devbunova, V. (2026).** Is Evaluation Awareness Just Format Sensitivity? "
            "*arXiv preprint arXiv:2603.19426*. [[link]](https://arxiv.org/abs/2603.19426)",
            "Is Evaluation Awareness Just Format Sensitivity?",
            ["V. Devbunova"],
            2026,
            "arXiv",
            id="arxiv-preprint",
        ),
        pytest.param(
            "- **Li, B., & Andreas, J. (2025).** (How) Do Language Models Track State? "
            "[[link]](https://arxiv.org/abs/2503.02854)",
            "(How) Do Language Models Track State?",
            ["B. Li", "J. Andreas"],
            2025,
            None,
            id="parenthesis-first",
        ),
        pytest.param(
            "- **Jiahai Feng, Stuart Russell, Jacob Steinhardt (n.d.).** Extractive Structures "
            "Learned in Pretraining. [[link]](https://arxiv.org/abs/2412.04614)",
            "Extractive Structures Learned in Pretraining",
            ["Jiahai Feng", "Stuart Russell", "Jacob Steinhardt"],
            None,
            None,
            id="no-date",
        ),
    ],
)
def test_names_and_year_in_bold_before_a_plain_title(line, title, authors, year, venue):
    (ref,) = parse_references(f"## S\n\n{line}\n", "markdown")
    assert (ref.title, list(ref.authors), ref.year, ref.venue) == (title, authors, year, venue)


def test_a_linked_year_and_venue_in_brackets_before_a_bold_title():
    # JSLiam94/Paper-List-for-Prototypical-Learning: "[2017-NIPS]" was read as the title.
    line = (
        "- [[2017-NIPS]](https://proceedings.neurips.cc/paper/2017/file/cb8da-Paper.pdf) "
        "**Prototypical networks for few-shot learning** "
        "[:octocat:](https://github.com/jakesnell/prototypical-networks)"
    )
    (ref,) = parse_references(f"## S\n\n{line}\n", "markdown")
    assert (ref.title, ref.year, ref.venue) == (
        "Prototypical networks for few-shot learning",
        2017,
        "NIPS",
    )


def test_names_and_year_then_a_dash_and_the_title_over_labelled_notes():
    # LeviiBereg/Source-Code-Summarization-papers-list: 1 of its 27 papers was read; the
    # notes' labels ("Evaluation: BLEU-4 score") were read as venues once it was.
    text = (
        "## Code-to-Text\n\n"
        "6. Xing Hu, Ge Li, Xin Xia, David Lo, Zhi Jin (2018) - Deep Code Comment Generation\n"
        "Tasks: automatically generate code comments for Java methods\n"
        "Evaluation: BLEU-4 score\n"
        "7. Alexander LeClair, Siyuan Jiang, Collin McMillan (2019) - A Neural Model for "
        "Generating Natural Language Summaries of Program Subroutines\n"
        "Tasks: automatically generate code comments for Java methods\n"
        "Links: https://github.com/mcmillco/funcom - Funcom Source Code Summarization Tool\n"
    )
    references = parse_references(text, "markdown")
    assert [(r.title, r.authors[0], len(r.authors), r.year, r.venue) for r in references] == [
        ("Deep Code Comment Generation", "Xing Hu", 5, 2018, None),
        (
            "A Neural Model for Generating Natural Language Summaries of Program Subroutines",
            "Alexander LeClair",
            3,
            2019,
            None,
        ),
    ]


@pytest.mark.parametrize(
    ("heading", "venue", "year"),
    [
        # LuoXishuang0712/Awesome-Graph-Anomaly-Detection-Papers-List: papers under their
        # venue's heading, "### [ICML-2026](#contents)", write neither venue nor year
        pytest.param("### [ICML-2026](#contents)", "ICML", 2026, id="venue-year"),
        pytest.param("## NeurIPS 2024", "NeurIPS", 2024, id="venue-space-year"),
        pytest.param("## 2022", None, 2022, id="year"),
        # yinyunie/3D-Shape-Analysis-Paper-List: papers older than the year named
        pytest.param("## Before 2022", None, None, id="other-words"),
    ],
)
def test_a_section_named_by_a_venue_and_year_dates_its_papers(heading, venue, year):
    text = (
        f"{heading}\n\n1. **Normality Calibration in Semi-supervised Graph Anomaly Detection**\n"
        "    *Guolei Zeng, Hezhe Qiao, Guoguo Ai, Jinsong Guo, Guansong Pang*\n"
    )
    (ref,) = parse_references(text, "markdown")
    assert (ref.venue, ref.year) == (venue, year)


# Airscope/adv-attacks-defense-paper-list: a loose list under "### AAAI 2022 > #### Attack",
# a blank line between each part of an entry; two ways of writing one. Neither names nor
# titles were read (the names were the titles of the second way).
LOOSE = """### AAAI 2022

#### Attack

- **BSC-Attack:** Kai Chen, Zhipeng Wei, Jingjing Chen, Zuxuan Wu, Yu-Gang Jiang.<br />

  "Attacking Video Recognition Models with Bullet-Screen Comments." AAAI(2022)

  [[paper](https://arxiv.org/pdf/2110.15629.pdf)]

* Shihong Fang, Anna Choromanska:

  Backdoor Attacks on the DNN Interpretation System.

  [[paper](https://arxiv.org/abs/2011.10698)]

  [[code]()]
"""


def test_a_loose_list_s_names_and_titles_and_the_venue_of_the_heading_above():
    references = parse_references(LOOSE, "markdown")
    assert [(r.title, r.authors[:2], r.year, r.venue) for r in references] == [
        (
            "Attacking Video Recognition Models with Bullet-Screen Comments",
            ("Kai Chen", "Zhipeng Wei"),
            2022,
            "AAAI",
        ),
        (
            "Backdoor Attacks on the DNN Interpretation System",
            ("Shihong Fang", "Anna Choromanska"),
            2022,
            "AAAI",
        ),
    ]


@pytest.mark.parametrize(
    ("line", "title", "venue", "year"),
    [
        # nemonameless/segmentation-paper-list: "[简称 - 全名 - 刊名 - 时间](url)", the venue
        # and year were read into the titles of all of its 57 papers
        pytest.param(
            "- [PSANet: Point-wise Spatial Attention Network for Scene Parsing - ECCV - 2018]"
            "(https://hszhao.github.io/papers/eccv18_psanet.pdf) "
            "[[code](https://github.com/hszhao/PSANet)]",
            "PSANet: Point-wise Spatial Attention Network for Scene Parsing",
            "ECCV",
            2018,
            id="title-venue-year",
        ),
        pytest.param(
            "- [GrabCut - Interactive Foreground Extraction using Iterated Graph Cuts - SIGGRAPH "
            "- 2004](https://cvg.ethz.ch/teaching/cvl/2012/grabcut-siggraph04.pdf)",
            "Interactive Foreground Extraction using Iterated Graph Cuts",
            "SIGGRAPH",
            2004,
            id="name-title-venue-year",
        ),
        pytest.param(
            "- [Large Kernel Matters -- Improve Semantic Segmentation by Global Convolutional "
            "Network - CVPR - 2017](https://arxiv.org/abs/1703.02719)",
            "Large Kernel Matters -- Improve Semantic Segmentation by Global Convolutional "
            "Network",
            "CVPR",
            2017,
            id="double-dash-in-the-title",
        ),
    ],
)
def test_a_venue_and_year_after_dashes_inside_the_title_link(line, title, venue, year):
    (ref,) = parse_references(f"## S\n\n{line}\n", "markdown")
    assert (ref.title, ref.venue, ref.year) == (title, venue, year)


def test_the_number_a_list_cites_a_paper_by_is_not_its_title():
    # khw11044/HPE-Papers-List: " - [3] : [Title](url)", the notes below cite "[3]"
    line = (
        " - [30] : [Learning 3d human dynamics from video.](https://openaccess.thecvf.com/"
        "content_CVPR_2019/papers/Kanazawa_Learning_3D_Human_Dynamics_From_Video_CVPR_2019_"
        "paper.pdf) - CVPR 2019"
    )
    (ref,) = parse_references(f"## S\n\n{line}\n", "markdown")
    title = "Learning 3d human dynamics from video"
    assert (ref.title, ref.venue, ref.year) == (title, "CVPR", 2019)


def test_names_venue_and_year_after_a_dash_inside_the_title_link():
    # CHAI-UK/Awesome-Time-Series-Causal-Discovery: they were read into the title
    line = (
        "- 📄 **[Causal inference for time series — Runge et al. (Nature Reviews Earth & "
        "Environment, 2023)](https://doi.org/10.1038/s43017-023-00431-y)** — A recent survey."
    )
    (ref,) = parse_references(f"## S\n\n{line}\n", "markdown")
    assert (ref.title, ref.authors, ref.venue, ref.year) == (
        "Causal inference for time series",
        ("Runge",),
        "Nature Reviews Earth & Environment",
        2023,
    )


# Pandalin98/Awesome-Time-Series-QA-Papers: the paper's link written on its venue or its
# arXiv id, in their own columns. The titles were read from the dataset's link, or were
# the id; the papers under "| ArXiv |" were skipped ("links only to code pages").
VENUE_AND_ID_COLUMNS = """## Papers

| Paper | Venue | Code | Dataset | Model |
| ----- | ----- | ---- | ------- | ----- |
| **ITFormer: Bridging Time Series and Natural Language for Multi-Modal QA** | [ICML 2025](http://arxiv.org/abs/2506.20093) | [Github](https://pandalin98.github.io/itformer_site/) | [EngineMT-QA Dataset](https://pandalin98.github.io/itformer_site/) | - |

| Paper | ArXiv | Code | Dataset | Model |
| ----- | ----- | ---- | ------- | ----- |
| **Time-MQA: Time Series Multi-Task Question Answering with Context Enhancement** | [arxiv:202503.01875](https://arxiv.org/pdf/2503.01875) | [Hugging Face](https://huggingface.co/Time-QA) | [Hugging Face](https://huggingface.co/Time-QA) | - |
"""  # noqa: E501


def test_a_table_s_paper_link_on_its_venue_or_its_id():
    references = parse_references(VENUE_AND_ID_COLUMNS, "markdown")
    assert [(r.title, r.venue, r.year, r.arxiv) for r in references] == [
        (
            "ITFormer: Bridging Time Series and Natural Language for Multi-Modal QA",
            "ICML",
            2025,
            "2506.20093",
        ),
        (
            "Time-MQA: Time Series Multi-Task Question Answering with Context Enhancement",
            None,
            None,
            "2503.01875",
        ),
    ]


def test_an_item_s_link_line_makes_it_a_paper_and_its_nested_bullet_its_authors():
    # thomhert/awesome-medical-ssl: "- Title." over "[[pdf]](url)" and a nested bullet of
    # names and venue was a category, and its names line the paper.
    text = (
        "## Theory\n\n"
        "-   A Theoretical Analysis of Contrastive Unsupervised Representation Learning.\n"
        "    [[pdf]](https://arxiv.org/pdf/1902.09229.pdf)\n"
        "    -   Sanjeev Arora, Hrishikesh Khandeparkar, Mikhail Khodak, Orestis Plevrakis, "
        "and Nikunj Saunshi. *ICML 2019*\n"
        "-   Understanding the Behaviour of Contrastive Loss.\n"
        "    [[pdf]](https://arxiv.org/pdf/2012.09740.pdf)\n"
        "    -   Feng Wang and Huaping Liu. *CVPR 2021*\n"
    )
    references = parse_references(text, "markdown")
    assert [(r.title, r.authors[0], r.year, r.venue, r.arxiv) for r in references] == [
        (
            "A Theoretical Analysis of Contrastive Unsupervised Representation Learning",
            "Sanjeev Arora",
            2019,
            "ICML",
            "1902.09229",
        ),
        (
            "Understanding the Behaviour of Contrastive Loss",
            "Feng Wang",
            2021,
            "CVPR",
            "2012.09740",
        ),
    ]


def test_names_with_et_al_before_an_italic_journal():
    # JXLiu-AI/Awesome-Medical-LLM-in-Top-Journals: the journal was read as the authors
    line = (
        "- **[A clinically validated framework for auditing AI chatbot behavior in mental "
        "health interactions](https://doi.org/10.1038/s41591-026-04577-2)**<br/>Weilnhammer V "
        "et al. · *Nature Medicine* · 2026-08-07 🧩"
    )
    (ref,) = parse_references(f"## S\n\n{line}\n", "markdown")
    assert (ref.authors, ref.venue, ref.year) == (("Weilnhammer V",), "Nature Medicine", 2026)


# liuyaojialiuyaojia/Awesome-LLM-Security-Paper: each title links the list's own notes on
# the paper, and a "Published" column holds the venue; none of its 19 papers was read.
NOTES_TABLE = """## Jailbreaking

| Title | Date | Published | Tag |
|-------|------|-----------|-----|
| [Many shot Jailbreaking](paper_list/Many_shot_Jailbreaking.md) | 2024.4.2 | USENIX Security 2024 | Method Attack |
| [Poisoning Retrieval Corpora by Injecting Adversarial Passages](paper_list/Poisoning.md) | 2023.10.29 | arXiv | Attack |
"""  # noqa: E501


def test_a_title_linking_the_list_s_own_notes_and_a_published_column():
    references = parse_references(NOTES_TABLE, "markdown")
    assert [(r.title, r.year, r.venue) for r in references] == [
        ("Many shot Jailbreaking", 2024, "USENIX Security"),
        ("Poisoning Retrieval Corpora by Injecting Adversarial Passages", 2023, "arXiv"),
    ]


def test_a_bold_category_bullet_over_nested_titles():
    # QianpengLi577/Neuromorphic-Processor-paper-list: "- **DAC2022**" over its papers, each
    # a bold title alone (the papers were lines of the conference's bullet, none read)
    text = (
        "## Conference\n\n"
        "- **DAC2022**\n\n"
        "  - **SATO: Spiking Neural Network Acceleration via Temporal-Oriented Dataflow and "
        "Architecture**\n"
        "  - **Sparse-T: Hardware accelerator thread for unstructured sparse data processing**\n"
        "  - **SoftSNN: Low-Cost Fault Tolerance for Spiking Neural Network Accelerators**\n\n"
        "- **ISCA2022**\n\n"
        "  - **dont have interesting papers for me**\n\n"
        "- **HPCA2023**\n\n"
        "  - **Securator: A Fast and Secure Neural Processing Unit**\n"
    )
    titles = [r.title for r in parse_references(text, "markdown")]
    assert titles == [
        "SATO: Spiking Neural Network Acceleration via Temporal-Oriented Dataflow and Architecture",
        "Sparse-T: Hardware accelerator thread for unstructured sparse data processing",
        "SoftSNN: Low-Cost Fault Tolerance for Spiking Neural Network Accelerators",
        "Securator: A Fast and Secure Neural Processing Unit",
    ]


@pytest.mark.parametrize(
    ("line", "title", "venue", "year"),
    [
        # LittleSummer114/Commonsense-Paper-List (NLI_paper_list.md): the span's id is the
        # table of contents' anchor; it was read as the title's first words.
        (
            '1. <span id = "HANS">**Right for the Wrong Reasons: Diagnosing Syntactic '
            'Heuristics in Natural Language Inference.**</span> ACL, 2019. '
            "[paper](https://www.aclweb.org/anthology/P19-1334.pdf)",
            "Right for the Wrong Reasons: Diagnosing Syntactic Heuristics in Natural Language "
            "Inference",
            "ACL",
            2019,
        ),
        (
            '- <a name="gpt3"></a> **Language Models are Few-Shot Learners.** NeurIPS, 2020. '
            "[paper](https://arxiv.org/abs/2005.14165)",
            "Language Models are Few-Shot Learners",
            "NeurIPS",
            2020,
        ),
    ],
    ids=["span-id-around-the-title", "empty-anchor-before-the-title"],
)
def test_an_entry_s_own_anchor_is_no_part_of_its_title(line, title, venue, year):
    (ref,) = parse_references(f"## S\n\n{line}\n", "markdown")
    assert (ref.title, ref.venue, ref.year) == (title, venue, year)


def test_a_year_and_venue_glued_to_the_title_by_dashes():
    # Huangxy-Minel/Paper-List-of-Host-Networking: plain bullets, no link, "YY-VENUE-Title";
    # none of its 91 papers was read. The questions between them are no papers.
    text = (
        "## 1.1 Basic\n\n"
        "- 16-ATC-Design Guidelines for High Performance RDMA Systems\n"
        "- 20-OSDI-hXDP: Efficient Software Packet Processing on FPGA NICs\n"
        "- **23-NSDI-SRNIC: A Scalable Architecture for RDMA NICs**\n"
        "- 98-SIGCOMM-A Survey of Active Network Research\n"
        "- Can we design a high-performance, highly flexible network stack architecture?\n"
    )
    references = parse_references(text, "markdown")
    assert [(r.title, r.venue, r.year) for r in references] == [
        ("Design Guidelines for High Performance RDMA Systems", "ATC", 2016),
        ("hXDP: Efficient Software Packet Processing on FPGA NICs", "OSDI", 2020),
        ("SRNIC: A Scalable Architecture for RDMA NICs", "NSDI", 2023),
        ("A Survey of Active Network Research", "SIGCOMM", 1998),
    ]



@pytest.mark.parametrize(
    ("line", "title", "venue", "year"),
    [
        # AdamtayZzz/AI-security-related-paper-list: "- 2018 ICLR [Title](url)"; none of its
        # 371 papers was read (any plain words before the title's link hid the entry).
        (
            "- 2014 ICLR [Intriguing properties of neural networks](https://arxiv.org/abs/1312.6199)",
            "Intriguing properties of neural networks",
            "ICLR",
            2014,
        ),
        (
            "- 2018 IEEE ACCESS [Threat of Adversarial Attacks on Deep Learning in Computer Vision:"
            " A Survey](https://arxiv.org/abs/1801.00553)",
            "Threat of Adversarial Attacks on Deep Learning in Computer Vision: A Survey",
            "IEEE ACCESS",
            2018,
        ),
        # the paper's short name after a known venue, glued to the link or not
        (
            "- 2018 CVPR MI-FGSM[Boosting Adversarial Attacks With Momentum]"
            "(https://arxiv.org/abs/1710.06081v3)",
            "Boosting Adversarial Attacks With Momentum",
            "CVPR",
            2018,
        ),
        (
            "- 2018 IEEE TECV One-pixel attack [One pixel attack for fooling deep neural networks]"
            "(https://arxiv.org/abs/1710.08864)",
            "One pixel attack for fooling deep neural networks",
            "IEEE TECV",
            2018,
        ),
        (
            "- 2020 [Backdoor Learning: A Survey](https://arxiv.org/abs/2007.08745)",
            "Backdoor Learning: A Survey",
            None,
            2020,
        ),
        # RuifMaxx/Paper-List-of-cloud-resource-management: the venue first, a comma
        (
            "- Cluster Computing 2019, [A study on performance measures for auto-scaling"
            " CPU-intensive containerized applications]"
            "(https://link.springer.com/article/10.1007/s10586-018-02890-1)",
            "A study on performance measures for auto-scaling CPU-intensive containerized"
            " applications",
            "Cluster Computing",
            2019,
        ),
        (
            "- ICLR [Intriguing properties of neural networks](https://arxiv.org/abs/1312.6199)",
            "Intriguing properties of neural networks",
            "ICLR",
            None,
        ),
    ],
    ids=["year-venue", "year-publisher-journal", "glued-short-name", "publisher-then-name",
         "year-only", "venue-year-comma", "known-venue-no-year"],
)
def test_a_plain_year_and_venue_before_the_title_s_link(line, title, venue, year):
    (ref,) = parse_references(f"## S\n\n{line}\n", "markdown")
    assert (ref.title, ref.venue, ref.year) == (title, venue, year)


def test_plain_words_before_a_link_that_name_no_venue_are_no_paper_fields():
    # "Blind Signal Separation [Title](url)": no year, no venue known by name: not read
    # as a venue (the entry stays unread rather than wrongly read).
    text = (
        "## S\n\n- Blind Signal Separation [Blind signal separation: statistical principles]"
        "(https://ieeexplore.ieee.org/document/720250)\n"
    )
    assert [r.venue for r in parse_references(text, "markdown")] in ([], [None])


def test_paragraphs_of_a_venue_and_year_before_the_link_one_paper_a_line():
    # RuifMaxx/Paper-List-of-cloud-resource-management (b5c6424): "Venue Year, [Title](url)"
    # lines with a note's link after them, between blank lines or running on; none of its
    # 20 papers was read. A link to a lab's page is no paper; the prose is none either.
    # (a reference's venue loses its last full stop, as every venue read from a list does)
    text = (
        "## Learning Base:\n\n"
        "This is a repository of classic articles, see [the notes](https://zhuanlan.zhihu.com/p/1).\n\n"
        "OSDI 2020, [FIRM: An Intelligent Fine-grained Resource Management Framework for"
        " SLO-Oriented Microservices](https://www.usenix.org/conference/osdi20/presentation/qiu)"
        "---Notes:[zhihu](https://zhuanlan.zhihu.com/p/557889153)\n\n"
        "ASPLOS 2019, [PARTIES: QoS-Aware Resource Partitioning for Multiple Interactive"
        " Services](https://sc2682cornell.github.io/publication/parties/)\n\n"
        "## Survey:\n"
        "ACM Comput. Surv. 2018, [Auto-Scaling Web Applications in Clouds: A Taxonomy and"
        " Survey](https://dl.acm.org/doi/10.1145/3148149)---Notes:[zhihu](https://zhuanlan.zhihu.com/p/1)\n"
        "ACM COMPUT SURV 2022, [Kubernetes Scheduling: Taxonomy, ongoing issues and challenges]"
        "(https://dl.acm.org/doi/abs/10.1145/3539606)\n"
    )
    references = parse_references(text, "markdown")
    assert [(r.title[:24], r.venue, r.year, r.doi) for r in references] == [
        ("FIRM: An Intelligent Fin", "OSDI", 2020, None),
        ("Auto-Scaling Web Applica", "ACM Comput. Surv", 2018, "10.1145/3148149"),
        ("Kubernetes Scheduling: T", "ACM COMPUT SURV", 2022, "10.1145/3539606"),
    ]


def test_venue_and_year_in_parentheses_closing_the_link_text_and_quoted_notes():
    # Eilene/spatio-temporal-paper-list (a26e3b2): "[Title (ICLR2019)](url)", a short name in
    # parentheses before the link, a quoted note under each paper; 4% of its papers had a
    # year, and the quoted note was read as the venue.
    text = (
        "### 方法篇\n"
        "- [The graph neural network model （TNN 2009）](https://repository.hkbu.edu.hk/x)\n\n"
        "- [Geometric deep learning: going beyond Euclidean data (IEEE Signal Processing"
        " Magazine 2017)](https://arxiv.org/pdf/1611.08097.pdf)\n"
        "> 关于非欧数据（主要就是图数据和流形数据）的深度学习的review\n\n"
        "- (GWNN)[Graph Wavelet Neural Network (ICLR2019)](https://openreview.net/forum?id=H1ewdiR5tQ)\n"
        "> 用小波变换代替傅立叶变换实现图卷积\n\n"
        "- [Structured Sequence Modeling with Graph Convolutional Recurrent Networks (ICLR 2017"
        " reject)](https://arxiv.org/pdf/1612.07659.pdf)\n"
    )
    references = parse_references(text, "markdown")
    assert [(r.title, r.venue, r.year) for r in references] == [
        ("The graph neural network model", "TNN", 2009),
        ("Geometric deep learning: going beyond Euclidean data", "IEEE Signal Processing Magazine",
         2017),
        ("Graph Wavelet Neural Network", "ICLR", 2019),
        ("Structured Sequence Modeling with Graph Convolutional Recurrent Networks (ICLR 2017"
         " reject)", None, None),
    ]


@pytest.mark.parametrize(
    ("line", "title", "venue", "year"),
    [
        # beitong95/paper-list-cloud-iot (0a43b8d): "Title, Venue Year, ([paper](url))"; the
        # title ran to the link (0 of 51 with a venue), "IEEE Computer" was read as a person.
        (
            "* Clash of the Titans: MapReduce vs. Spark for Large Scale Data Analytics, VLDB 2015,"
            " ([paper](http://www.vldb.org/pvldb/vol8/p2110-shi.pdf)), ([slide](http://x.org/s))",
            "Clash of the Titans: MapReduce vs. Spark for Large Scale Data Analytics",
            "VLDB",
            2015,
        ),
        (
            "* Enabling the Internet of Things, IEEE Computer, 2015,"
            " ([paper](http://ieeexplore.ieee.org/document/7030240/))",
            "Enabling the Internet of Things",
            "IEEE Computer",
            2015,
        ),
        (
            "* Fog Computing: Principles, Architectures, and Applications, arXiv,"
            " ([paper](https://arxiv.org/abs/1601.02752))",
            "Fog Computing: Principles, Architectures, and Applications",
            "arXiv",
            None,
        ),
    ],
    ids=["venue-year", "journal-comma-year", "preprint-no-year"],
)
def test_a_plain_title_then_venue_and_year_before_a_link_in_parentheses(line, title, venue, year):
    (ref,) = parse_references(f"## S\n\n{line}\n", "markdown")
    assert (ref.title, ref.venue, ref.year, ref.authors) == (title, venue, year, ())


@pytest.mark.parametrize(
    ("line", "title", "venue", "year", "authors"),
    [
        # CMIS-Lab/Paper-list-Backdoor-Defense (869b5c1): a badge whose message alone is the
        # venue and its year after an apostrophe; the year was read, not the venue.
        (
            "* **[BaDExpert: Extracting Backdoor Functionality for Accurate Backdoor Input"
            " Detection](https://openreview.net/forum?id=s56xikpD92)** ![Static Badge]"
            "(https://img.shields.io/badge/ICLR'23-6c757d)",
            "BaDExpert: Extracting Backdoor Functionality for Accurate Backdoor Input Detection",
            "ICLR",
            2023,
            (),
        ),
        # apexrl/Batch-Offline--RL-Paper-Lists (bea9759): the bracketed short name was the
        # venue, and the venue after the names one of them.
        (
            "* [NAC] <[Reinforcement Learning from Imperfect Demonstrations]"
            "(https://arxiv.org/abs/1802.05313)> by Yang Gao, Huazhe Xu, Ji Lin, ICML 2018.",
            "Reinforcement Learning from Imperfect Demonstrations",
            "ICML",
            2018,
            ("Yang Gao", "Huazhe Xu", "Ji Lin"),
        ),
        (
            "- [LSPI] <[Least-squares policy iteration](http://www.jmlr.org/papers/v4/"
            "lagoudakis03a.html)> by Michail G. Lagoudakis, Ronald Parr, 2003.",
            "Least-squares policy iteration",
            None,
            2003,
            ("Michail G. Lagoudakis", "Ronald Parr"),
        ),
        (
            "* <[The importance of pessimism in fixed-dataset policy optimization]"
            "(https://arxiv.org/abs/2009.06799)> by Jacob Buckman, Carles Gelada, Marc G."
            " Bellemare, ICLR 2020.",
            "The importance of pessimism in fixed-dataset policy optimization",
            "ICLR",
            2020,
            ("Jacob Buckman", "Carles Gelada", "Marc G. Bellemare"),
        ),
        # NOVAglow646/LLM-MLLM-paper-list (49bc99a): the list's label in lenticular
        # brackets opens the bold title.
        (
            "1. **【Latent CoT】Think Silently, Think Fast: Dynamic Latent Compression of LLM"
            " Reasoning Chains** (Arxiv 2025.06) [[paper]](https://www.alphaxiv.org/abs/2505.16552v4)",
            "Think Silently, Think Fast: Dynamic Latent Compression of LLM Reasoning Chains",
            "arXiv",
            2025,
            (),
        ),
        # hu-zijing/Awesome-Multimodal-RL: "by" inside a title does not start the names
        (
            "* [2505] [STAR-R1] [STAR-R1: Spatial TrAnsformation Reasoning by Reinforcing"
            " Multimodal LLMs](http://arxiv.org/abs/2505.15804)",
            "STAR-R1: Spatial TrAnsformation Reasoning by Reinforcing Multimodal LLMs",
            None,
            2025,
            (),
        ),
        # luhuilinmax/cad-generation-paper-list: the paper's name in them, with a colon
        (
            "2. 【STEP-Parts】: Geometric Partitioning of Boundary Representations for Large-Scale"
            " CAD Processing\n[[paper]](https://arxiv.org/abs/2604.14927) 2026.4   ",
            "Geometric Partitioning of Boundary Representations for Large-Scale CAD Processing",
            None,
            2026,
            (),
        ),
        # apexrl/RL-Exploration-Paper-Lists: "et al." after the names is no venue
        (
            "* <[CLEANing the reward: counterfactual actions to remove exploratory action noise"
            " in multiagent learning](http://irll.eecs.wsu.edu/wp-content/papercite-data/pdf/"
            "2014iat-holmesparker.pdf)> by HolmesParker C, Taylor M E, Agogino A, et al., 2014.",
            "CLEANing the reward: counterfactual actions to remove exploratory action noise in"
            " multiagent learning",
            None,
            2014,
            ("HolmesParker C", "Taylor M E", "Agogino A"),
        ),
    ],
    ids=["apostrophe-badge", "bracket-name-venue-after-names", "bracket-name-by-names",
         "venue-after-names", "yymm-name-by-in-title",
         "lenticular-label", "lenticular-name-colon", "et-al-then-year"],
)
def test_names_badges_and_labels_around_a_linked_title(line, title, venue, year, authors):
    (ref,) = parse_references(f"## S\n\n{line}\n", "markdown")
    assert (ref.title, ref.venue, ref.year, tuple(ref.authors)) == (title, venue, year, authors)


def test_a_bold_mark_before_the_title_and_labels_in_code_spans_after_it():
    # sad-and-bad1231/awesome-LLM-inference-systems (f78d390), papers/README.md: some entries
    # open with "**Featured:**", which was read as their title; the code spans under each
    # are the venue, the year again and the list's labels.
    text = (
        "#### Featured\n\n"
        "- **Featured:** **[FastServe: Iteration-Level Preemptive Scheduling for Large Language"
        " Model Inference](https://www.usenix.org/conference/nsdi26/presentation/wu-bingyang)**\n"
        "  `NSDI 2026` · `2026` · `Academic paper` · `Formal Conference` · `Reading priority:"
        " frontier`\n"
        "- **Featured:** **XY-Serve: End-to-End Versatile Production Serving for Dynamic LLM"
        " Workloads**\n"
        "  `arXiv 2024` · `2024` · `Academic paper` · `Preprint · Legacy Import`\n"
        "  Tags: `serving` `ascend`\n"
    )
    references = parse_references(text, "markdown")
    assert [(r.title, r.venue, r.year) for r in references] == [
        ("FastServe: Iteration-Level Preemptive Scheduling for Large Language Model Inference",
         "NSDI", 2026),
        ("XY-Serve: End-to-End Versatile Production Serving for Dynamic LLM Workloads", "arXiv",
         2024),
    ]


# opendatalab-raiser/awesome-multimodal-data-recipe: a bold label over a dataset's features,
# no papers under it.
FEATURES = (
    "- **Data Characteristics**:\n"
    "  - **Diverse Chart Types**: Bar charts, histograms, line plots, scatter plots, heatmaps\n"
    "  - **Rich Topics**: Business, health, biology, engineering, sports, travel, etc.\n"
)


def test_papers_under_a_bold_label_bullet_with_emoji_in_the_link_and_a_closing_date():
    # JarvisUSTC/Awesome-Multimodal-RAG (738a15f): "- **Key Papers:**" over nested items whose
    # links open with an emoji and whose lines end in "⏰ *2024-12*": none was read.
    text = (
        "### 🧠 General Multimodal RAG\n"
        "- **Key Papers:**\n"
        "  - [🌍 GME: Improving Universal Multimodal Retrieval by Multimodal LLMs]"
        "(http://arxiv.org/abs/2412.16855) - A robust multimodal embedding model. ⏰ *2024-12*\n"
        "  - [🔄 Progressive Multimodal Reasoning via Active Retrieval]"
        "(http://arxiv.org/abs/2412.14835) - Proposes a progressive reasoning framework. ⏰ *2024-12*\n"  # noqa: E501
    )
    references = parse_references(text + FEATURES, "markdown")
    assert [(r.title, r.year, r.arxiv) for r in references] == [
        ("GME: Improving Universal Multimodal Retrieval by Multimodal LLMs", 2024, "2412.16855"),
        ("Progressive Multimodal Reasoning via Active Retrieval", 2024, "2412.14835"),
    ]


def test_the_year_after_the_venue_s_emphasis_when_a_note_follows():
    # AxelRolov/awesome-multimodal-chemistry (2562707): "— Names et al., *Venue.* (2024)."
    # over a line of notes; the year was not read where the notes followed (81% had one).
    text = (
        "## Reactions\n\n"
        "- **[ORDerly: Data Sets and Benchmarks for Chemical Reaction Data]"
        "(https://pubs.acs.org/doi/10.1021/acs.jcim.4c00292)** — Daniel S. Wigh et al., *J. Chem."
        " Inf. Model.* (2024).  \n"
        "  Undisclosed cleaning choices silently inflate reported reaction-condition performance.\n"
    )
    (ref,) = parse_references(text, "markdown")
    expected = ("J. Chem. Inf. Model", 2024, ("Daniel S. Wigh",))
    assert (ref.venue, ref.year, tuple(ref.authors)) == expected



def test_a_table_s_word_for_no_venue_is_no_venue():
    # colorfulandcjy0806/Awesome-Multimodal-Perception (7fea6c1): "| 无 |" ("none") in the
    # venue column was read as the venue of 11 of its 23 papers.
    text = (
        "## 论文\n\n"
        "| 序号 | 类型 | 论文名称 | 作者 | 发表单位 | 期刊/会议 | 论文地址 |\n"
        "| ---- | ---- | ---- | ---- | ---- | ---- | ---- |\n"
        "| 8 | 相机+激光雷达+雷达融合 | FUTR3D: A Unified Sensor Fusion Framework for 3D Detection |"  # noqa: E501
        " Xuanyao Chen,Tianyuan Zhang | 上海期智研究院 | 无 | [📄](https://arxiv.org/abs/2203.10642) |\n"  # noqa: E501
        "| 9 | 3D目标检测 | UniMODE: Unified Monocular 3D Object Detection | Zhuoling Li, Xiaogang"
        " Xu | The University of Hong Kong | CVPR2024 | [📄](https://arxiv.org/abs/2402.18573) |\n"
    )
    assert [(r.venue, r.year) for r in parse_references(text, "markdown")] == [
        (None, None),
        ("CVPR", 2024),
    ]


def test_a_method_s_name_or_its_authors_before_a_bracketed_title_in_an_html_cell():
    # yoshall/Awesome-Multimodal-Urban-Computing (902b027): "<td>DiffSTG <a href=url>[Title]
    # </a></td>": the name was the venue and the brackets stayed in the title; "*In arXiv,
    # 2022*" under a bullet gave the venue "In arXiv".
    text = (
        "## Methods\n\n<table>\n  <tr>\n    <th>Method</th>\n    <th>Application</th>\n"
        "    <th>Year</th>\n  </tr>\n  <tr>\n"
        '    <td>DiffSTG <a href="https://dl.acm.org/doi/abs/10.1145/3589132.3625614">[Diffstg:'
        " Probabilistic spatio-temporal graph forecasting with denoising diffusion models]</a></td>\n"  # noqa: E501
        "    <td>General</td>\n    <td>2023</td>\n  </tr>\n  <tr>\n"
        '    <td>Ke et. al <a href="https://arxiv.org/pdf/2011.05602">[Joint predictions of'
        " multi-modal ride-hailing demands]</a></td>\n"
        "    <td>Transportation</td>\n    <td>2021</td>\n  </tr>\n</table>\n\n"
        "## Surveys\n\n"
        "- Beyond Just Vision: A Review on Self-Supervised Representation Learning on Multimodal"
        " and Temporal Data\n  [[paper](https://arxiv.org/pdf/2206.02353)]<br>*In arXiv, 2022*\n"
    )
    assert [(r.title[:30], r.venue, r.year, tuple(r.authors)) for r in parse_references(
        text, "markdown"
    )] == [
        ("Diffstg: Probabilistic spatio-", None, 2023, ()),
        ("Joint predictions of multi-mod", None, 2021, ("Ke",)),
        ("Beyond Just Vision: A Review o", "arXiv", 2022, ()),
    ]


def test_a_list_whose_titles_link_the_maintainer_s_own_notes_is_a_list_of_papers():
    # Yagami360/machine-learning-papers-survey (57047af): every title links the maintainer's
    # notes on it (an issue of the repository, a page of another of theirs); each was said
    # to link only to code, and 2 of its 111 items were read. Another account's repository
    # linked once stays a repository.
    notes = "https://github.com/Yagami360/MachineLearning-Papers_Survey/issues/"
    book = "https://github.com/Yagami360/My_NoteBook/blob/master/notes/"
    text = (
        "### ◎ 基礎系（基礎モデル）\n\n"
        f"- [[ResNet] Deep Residual Learning for Image Recognition]({book}resnet.md)\n"
        f"- [Spatial Transformer Networks]({notes}48)\n"
        f"- [[Transformer] Attention Is All You Need]({notes}115)\n"
        f"- [TransGAN: Two Transformers Can Make One Strong GAN]({notes}117)\n"
        f"- [InfoGAN: Interpretable Representation Learning by Information Maximizing"
        f" Generative Adversarial Nets]({notes}26)\n"
        "- [pytorch-CycleGAN-and-pix2pix](https://github.com/junyanz/pytorch-CycleGAN-and-pix2pix)\n"
    )
    result = parse(text, "markdown")
    assert [r.title for r in result.references] == [
        "Deep Residual Learning for Image Recognition",
        "Spatial Transformer Networks",
        "[Transformer] Attention Is All You Need",  # (one word, as "[Draft]": kept)
        "TransGAN: Two Transformers Can Make One Strong GAN",
        "InfoGAN: Interpretable Representation Learning by Information Maximizing Generative"
        " Adversarial Nets",
    ]
    assert [s.what.split("'")[1] for s in result.not_papers] == ["pytorch-CycleGAN-and-pix2pix"]

def test_indented_bold_paragraphs_with_date_and_venue_in_brackets():
    # yangzhou12/awesome-medical-vision-language-models: paragraphs indented by two or three
    # spaces were not read (2 of 89 papers); "[Sep., 2022] [MICAI, 2022]" gave the venue
    # "] [MICAI, 2022].<br>".
    text = (
        "## Pre-Training\n\n"
        "  **Multi-Modal Masked Autoencoders for Medical Vision-and-Language Pre-Training.**"
        " [Sep., 2022] [MICAI, 2022].<br>\n"
        "*Zhihong Chen, Yuhao Du, Jinpeng Hu.*<br>\n"
        " [[PDF](https://arxiv.org/abs/2209.07098)] [[Github](https://github.com/zhjohnchan/M3AE)]\n"
        " \n"
        "   **Medical Image Understanding with Pretrained Vision Language Models.**"
        " [Sep., 2022].<br>\n"
        "*Ziyuan Qin, Huahui Yi.*<br>\n"
        " [[PDF](https://arxiv.org/abs/2209.15517)]\n"
    )
    first, second = parse_references(text, "markdown")
    assert (first.title, first.venue, first.year, list(first.authors)) == (
        "Multi-Modal Masked Autoencoders for Medical Vision-and-Language Pre-Training",
        "MICAI",
        2022,
        ["Zhihong Chen", "Yuhao Du", "Jinpeng Hu"],
    )
    assert (second.title, second.venue, second.year) == (
        "Medical Image Understanding with Pretrained Vision Language Models",
        None,
        2022,
    )


@pytest.mark.parametrize(
    ("line", "venue", "year"),
    [
        # JXLiu-AI/Awesome-Medical-Reasoning: the venue in bold after a dash, the month and a
        # citation count in small print; the venue was read as a description, 44% had a year.
        (
            "- [CLARIFID: Improving Radiology Report Generation](https://arxiv.org/abs/2507.17234)"
            " — **Expert Systems with Applications** <sub>2025-07 · 3 citations</sub>",
            "Expert Systems with Applications",
            2025,
        ),
        (
            "- [Med-PRM: Medical Reasoning Models](https://arxiv.org/abs/2506.11474) — **EMNLP**"
            " <sub>2025-06 · 26 citations</sub>",
            "EMNLP",
            2025,
        ),
        (
            "- [Knowledge or Reasoning? A Close Look](https://arxiv.org/abs/2506.02126)"
            " <sub>2025-06 · 14 citations</sub>",
            None,
            2025,
        ),
        # A venue in bold was read with the closing asterisks: "NeurIPS **".
        ("- [Some Title of a Paper](https://arxiv.org/abs/2404.12372) **NeurIPS 2023**", "NeurIPS", 2023),  # noqa: E501
        # fmzchao/Awesome-LLM4Cybersecurity: a journal in italics, read as its authors.
        ("1. [LLM for SoC Security: A Paradigm Shift](https://arxiv.org/abs/2310.06046) *IEEE Access*, 2023", "IEEE Access", 2023),  # noqa: E501
        # EvaxHe/Awesome-LLM-Agent-Experience-Lifecycle: a remark after the dash stays one.
        ("- [Why Greatness Cannot Be Planned](https://doi.org/10.1007/978-3-319-15524-1) — *Foundational open-ended evolution*", None, None),  # noqa: E501
    ],
    ids=[
        "bold-journal-after-dash",
        "bold-acronym",
        "small-print-date",
        "bold-venue-year",
        "italic-publisher-journal",
        "italic-remark",
    ],
)
def test_a_venue_in_bold_or_italics_and_a_date_in_small_print(line, venue, year):
    (ref,) = parse_references(f"## S\n\n{line}\n", "markdown")
    assert (ref.venue, ref.year) == (venue, year)


@pytest.mark.parametrize(
    ("line", "title", "venue", "year"),
    [
        # houjunlin/Awesome-Medical-Vision-Language-Learning: a short name in brackets (the
        # initials of the title's last words, or in mixed case) before a plain title; the
        # name was read as the venue and "ICLR 2023" stayed in the title (year 12%).
        (
            "- [MRM] Advancing Radiograph Representation Learning with Masked Record Modeling."
            " ICLR 2023. [[paper](https://openreview.net/forum?id=w-x7U26GM7j)]"
            "[[code](https://github.com/RL4M/MRM-pytorch)]",
            "Advancing Radiograph Representation Learning with Masked Record Modeling",
            "ICLR",
            2023,
        ),
        (
            "- [BiomedCLIP] Large-Scale Domain-Specific Pretraining for Biomedical Vision-Language"
            " Processing. arxiv 2023. [[paper](https://arxiv.org/pdf/2303.00915.pdf)]",
            "Large-Scale Domain-Specific Pretraining for Biomedical Vision-Language Processing",
            "arXiv",
            2023,
        ),
        (
            "- MedKLIP: Medical Knowledge Enhanced Language-Image Pre-Training. arxiv 2023."
            " [[paper](https://arxiv.org/pdf/2301.02228.pdf)]",
            "MedKLIP: Medical Knowledge Enhanced Language-Image Pre-Training",
            "arXiv",
            2023,
        ),
        # A venue known by name, in brackets before a linked title, is still its venue.
        (
            "- [NeurIPS] [Language Models are Few-Shot Learners](https://arxiv.org/abs/2005.14165)",
            "Language Models are Few-Shot Learners",
            "NeurIPS",
            None,
        ),
        (
            "- [TPAMI] Deep Residual Learning for Image Recognition. [[paper](https://arxiv.org/abs/1512.03385)]",
            "Deep Residual Learning for Image Recognition",
            "TPAMI",
            None,
        ),
    ],
    ids=["initials-name", "mixed-case-name", "plain-title-venue-year", "known-venue", "capitals"],
)
def test_a_name_or_a_venue_in_brackets_before_a_title(line, title, venue, year):
    (ref,) = parse_references(f"## S\n\n{line}\n", "markdown")
    assert (ref.title, ref.venue, ref.year) == (title, venue, year)


def test_a_venue_in_brackets_opening_the_title_s_link():
    # kaize0409/awesome-graph-data-augmentaion: "|Name|[[AAAI 2021] Title](url)|" rows; the
    # tag was read as the title's first words (year and venue 0% of 65 papers).
    text = (
        "### Optimal Structure Learning\n"
        "|Name|Paper\n"
        "|---|---|\n"
        "|HGSL|[[AAAI 2021] Heterogeneous Graph Structure Learning for Graph Neural Networks]"
        "(https://www.aaai.org/AAAI21Papers/AAAI-3976.ZhaoJ.pdf) [[Code]](https://github.com/Andy-Border/HGSL)|\n"
        "|DGM|[[arXiv] Differentiable Graph Module (DGM) for Graph Convolutional Networks]"
        "(https://arxiv.org/pdf/2002.04999.pdf)|\n"
        "|X|[[Draft] Notes on Graph Rewiring](https://arxiv.org/pdf/2002.04998.pdf)|\n"
    )
    references = parse_references(text, "markdown")
    assert [(r.title, r.venue, r.year) for r in references] == [
        ("Heterogeneous Graph Structure Learning for Graph Neural Networks", "AAAI", 2021),
        ("Differentiable Graph Module (DGM) for Graph Convolutional Networks", "arXiv", None),
        ("[Draft] Notes on Graph Rewiring", None, None),
    ]


def test_a_plain_title_over_one_nested_bullet_of_its_authors_is_a_paper():
    # LirongWu/awesome-graph-self-supervised-learning: "- Title." over "  - Names. *Venue*.
    # [[pdf]](url)": the title line was taken for a category and the names for the title
    # (authors 1% of 77 papers). A plain line over several nested papers is still a category.
    text = (
        "#### Global-Global Contrasting\n\n"
        "- GraphCL: Graph Contrastive Learning with Augmentations.\n"
        "  - Y. You, T. Chen, Y. Sui, T. Chen, Z. Wang, and Y. Shen. *NIPS 2020*."
        " [[pdf]](https://proceedings.neurips.cc/paper/2020/file/3fe2-Paper.pdf)"
        " [[code]](https://github.com/Shen-Lab/GraphCL)\n"
        "- Graph libraries\n"
        "  - [PyG: Fast Graph Representation Learning](https://arxiv.org/abs/1903.02428)\n"
        "  - [DGL: A Graph-Centric Package](https://arxiv.org/abs/1909.01315)\n"
    )
    references = parse_references(text, "markdown")
    assert [(r.title, r.venue, r.year, len(r.authors)) for r in references] == [
        ("GraphCL: Graph Contrastive Learning with Augmentations", "NIPS", 2020, 6),
        ("PyG: Fast Graph Representation Learning", None, None, 0),
        ("DGL: A Graph-Centric Package", None, None, 0),
    ]


def test_a_dataset_named_before_its_labelled_links_in_a_table():
    # houjunlin/Awesome-Medical-Vision-Language-Learning: "| MIMIC-CXR[[data](url)][[paper](url)]
    # |": the "data" link was read as the title of all four datasets (and they matched each
    # other: "ambiguous" in check).
    text = (
        "## Datasets\n\n"
        "| Dataset | Year | Modality |\n"
        "|---|---|---|\n"
        "| MIMIC-CXR[[data](https://mimic.mit.edu/docs/iv/modules/cxr/)]"
        "[[paper](https://arxiv.org/pdf/1901.07042.pdf)]| 2019 | Chest X-ray |\n"
        "| CheXpert[[data](https://stanfordmlgroup.github.io/competitions/chexpert)]"
        "[[paper](https://arxiv.org/pdf/1901.07031.pdf)]| 2019 | Chest X-ray |\n"
    )
    references = parse_references(text, "markdown")
    assert [(r.title, r.year, r.arxiv) for r in references] == [
        ("MIMIC-CXR", 2019, "1901.07042"),
        ("CheXpert", 2019, "1901.07031"),
    ]


def test_a_table_with_chinese_headers_and_the_paper_linked_in_its_last_column():
    # HippopotamusData/db-papers (CATALOG.md): "| 论文 | 主题 | 年份 | ... | 权威原文入口 |", the
    # title linking the list's own translation, the paper linked as "[原文](<url>)": 0 of
    # its 150 papers were read.
    text = (
        "### 基础与综述 (`foundations`，2 篇)\n\n"
        "| 论文 | 主题 | 年份 | 评分 | 阅读状态 | 权威原文入口 |\n"
        "| --- | --- | ---: | ---: | --- | --- |\n"
        "| [Pattern-defeating Quicksort](papers/pattern-defeating-quicksort/translation.md) |"
        " 排序与归并 | 2021 | 4.0 | translated | [原文](<https://arxiv.org/abs/2106.05123>) |\n"
        "| [The Design of POSTGRES](papers/design-of-postgres/translation.md) | 数据库系统设计 |"
        " 1986 | 4.5 | translated | [原文](<https://dl.acm.org/doi/10.1145/16856.16888>) |\n"
        "| [DuckDB: an Embeddable Analytical Database](papers/duckdb/translation.md) | 分析型数据库"
        " | 2019 | 4.5 | translated | [原文](<https://duckdb.org/library/duckdb/>) |\n"
    )
    references = parse_references(text, "markdown")
    assert [(r.title, r.year, r.arxiv, r.doi) for r in references] == [
        ("Pattern-defeating Quicksort", 2021, "2106.05123", None),
        ("The Design of POSTGRES", 1986, None, "10.1145/16856.16888"),
        ("DuckDB: an Embeddable Analytical Database", 2019, None, None),
    ]



def test_a_table_whose_chinese_header_names_where_each_paper_was_published():
    # friedrichor/Deep-Learning-Paper-List (910a59b): "|paper|源码|收录|简介|笔记|", 收录 ("where
    # it was published") a column of venues and years, 源码 ("source code") of code links:
    # read as the paper's remarks, venue 17% and year 19% of 59.
    text = (
        "### 多模态综述\n\n"
        "|paper|源码|收录|简介|笔记|\n"
        "|:-:|:-:|:-:|:-:|:-:|\n"
        "|[Multimodal Machine Learning: A Survey and Taxonomy]"
        "(https://ieeexplore.ieee.org/document/8269806)|-|IEEE 2019|-|-|\n"
        "|[Multimodal Deep Learning](https://arxiv.org/abs/2301.04856)|-|arxiv 2023|"
        "多模态综述（书）。|-|\n"
        "|[ViLT: Vision-and-Language Transformer Without Convolution or Region Supervision]"
        "(http://proceedings.mlr.press/v139/kim21k.html)|[code](https://github.com/dandelin/vilt)|"
        "ICML 2021|**ViLT**; 视觉和语言预训练|-|\n"
    )
    references = parse_references(text, "markdown")
    assert [(r.title[:24], r.venue, r.year, r.urls[-1:]) for r in references] == [
        ("Multimodal Machine Learn", "IEEE", 2019, ("https://ieeexplore.ieee.org/document/8269806",)),
        ("Multimodal Deep Learning", "arXiv", 2023, ("https://arxiv.org/abs/2301.04856",)),
        ("ViLT: Vision-and-Languag", "ICML", 2021, ("https://github.com/dandelin/vilt",)),
    ]

@pytest.mark.parametrize(
    ("line", "venue", "year"),
    [
        # weimingwill/awesome-federated-learning: the venue in brackets after the links, a
        # remark in brackets right after it; "[ACMMM20]", the year's two digits glued on.
        (
            "* Oort: Informed Participant Selection for Scalable Federated Learning"
            " [[Paper]](https://arxiv.org/abs/2010.06081) [OSDI 2021][Nice paper]",
            "OSDI",
            2021,
        ),
        (
            "* Performance Optimization for Federated Person Re-identification"
            " [[Paper]](https://arxiv.org/abs/2008.11560) [ACMMM20] [[Github]](https://github.com/cap-ntu/FedReID)",
            "ACMMM",
            2020,
        ),
        (
            "* Adaptive Federated Learning in Resource Constrained Edge Computing Systems"
            " [[Paper]](https://arxiv.org/abs/1804.05271) [IEEE Journal on Selected Areas in"
            " Communications, 2019]",
            "IEEE Journal on Selected Areas in Communications",
            2019,
        ),
        ("* A Study of Backbones [[Paper]](https://arxiv.org/abs/1804.05272) [ResNet50]", None, None),  # noqa: E501
    ],
    ids=["before-a-remark", "two-digit-year-glued", "long-journal", "no-venue-of-2050"],
)
def test_a_venue_in_brackets_after_the_links(line, venue, year):
    (ref,) = parse_references(f"## S\n\n{line}\n", "markdown")
    assert (ref.venue, ref.year) == (venue, year)


def test_an_initial_in_any_alphabet_ends_no_list_of_names():
    # TongjiFinLab/awesome-time-series-forecasting: "Sercan Ö. Arik" ended the names at "Ö."
    # and the rest of them, "Arik, Tomas Pfister, ...", became the venue (ICLR 2024 lost).
    text = (
        "## LLM\n\n"
        "- **TEMPO: Prompt-based Generative Pre-trained Transformer for Time Series Forecasting**  \n"  # noqa: E501
        "  Defu Cao, Furong Jia, Sercan Ö. Arik, Tomas Pfister  \n"
        "  ICLR 2024.  \n"
        "  [Paper](https://arxiv.org/abs/2310.04948) | [Code](https://github.com/DC-research/TEMPO)\n"
    )
    (ref,) = parse_references(text, "markdown")
    assert (list(ref.authors), ref.venue, ref.year) == (
        ["Defu Cao", "Furong Jia", "Sercan Ö. Arik", "Tomas Pfister"],
        "ICLR",
        2024,
    )


def test_a_book_in_italics_is_no_author():
    # qhliu26/awesome-time-series-analysis: "*Book* 2021" gave the author "Book".
    text = (
        "## Books and PhD Thesis\n\n"
        "* Forecasting: Principles and Practice, *Book* 2021. [\\[Link\\]](https://otexts.com/fpp3/)\n"
        "* Deep Learning for Time Series Forecasting, *PhD Thesis* 2020."
        " [\\[Link\\]](https://arxiv.org/abs/2004.13408)\n"
    )
    ref, _ = parse_references(text, "markdown")
    assert (ref.title, list(ref.authors), ref.venue, ref.year) == (
        "Forecasting: Principles and Practice",
        [],
        "Book",
        2021,
    )


@pytest.mark.parametrize(
    ("badge", "venue", "year"),
    [
        # Eurekaleo/Awesome-Multimodal-Sentiment-Analysis: the badge's one part is the
        # publisher with the year's last two digits; none of its 158 papers had a year.
        ("[![Paper](https://img.shields.io/badge/IEEE25-1E90FF)]()", "IEEE", 2025),
        ("[![Paper](https://img.shields.io/badge/Elsevier25-32CD32)]()", "Elsevier", 2025),
        # the list's word for the venues it does not name
        ("[![Paper](https://img.shields.io/badge/Other25-A9A9A9)]()", None, None),
    ],
    ids=["publisher", "long-name", "other"],
)
def test_a_badge_of_a_venue_with_two_digits_of_its_year(badge, venue, year):
    line = f"+ [**A Fine-Grained Tri-Modal Interaction Model**](https://ieeexplore.ieee.org/document/10447872/) {badge}"  # noqa: E501
    (ref,) = parse_references(f"## MSA\n\n{line}\n", "markdown")
    assert (ref.venue, ref.year) == (venue, year)


def test_a_remark_on_a_bullet_under_an_entry_is_neither_venue_nor_names():
    # apexrl/Imitation-Learning-Paper-Lists: "  * Propose **GCL.**" under the entry was read
    # as its venue, and with a line below it, "by Chelsea Finn, ..., 2016." on the title's
    # line was not read at all.
    text = (
        "## IRL\n\n"
        "* [GCL] <[Guided Cost Learning: Deep Inverse Optimal Control via Policy Optimization]"
        "(https://arxiv.org/abs/1603.00448)>, by Chelsea Finn, Sergey Levine, Pieter Abbeel,"
        " 2016. \n"
        "  * Propose **GCL.**\n"
    )
    (ref,) = parse_references(text, "markdown")
    assert (list(ref.authors), ref.year, ref.venue) == (
        ["Chelsea Finn", "Sergey Levine", "Pieter Abbeel"],
        2016,
        None,
    )


def test_a_bold_linked_heading_over_bold_labelled_fields():
    # Mingyue-Cheng/Awesome-Time-Series-Foundation-Model: "### **[Title](url)**" over
    # "- **Authors**: Names" bullets: the headings were sections and each "Authors" bullet a
    # paper titled "Authors".
    text = (
        "## 📚 Universal Forecasting Transformers\n\n"
        "### **[MOIRAI: Unified Training of Universal Time Series Forecasting Transformers]"
        "(https://arxiv.org/abs/2402.02592)**\n"
        "- **Authors**: Gerald Woo, Chenghao Liu, Akshat Kumar, et al.\n"
        "- **Abstract**: MOIRAI is a universal time series forecasting framework.\n\n"
        "---\n\n"
        "### **[TimesFM: A Decoder-Only Foundation Model for Time-Series Forecasting]"
        "(https://arxiv.org/abs/2310.10688)**\n"
        "- **Authors**: Abhimanyu Das, Weihao Kong, et al.\n"
    )
    references = parse_references(text, "markdown")
    assert [(r.title[:20], r.arxiv, list(r.authors)) for r in references] == [
        ("MOIRAI: Unified Trai", "2402.02592", ["Gerald Woo", "Chenghao Liu", "Akshat Kumar"]),
        ("TimesFM: A Decoder-O", "2310.10688", ["Abhimanyu Das", "Weihao Kong"]),
    ]



def test_a_bold_name_heading_over_lines_of_bold_labelled_fields():
    # friedrichor/Deep-Learning-Paper-List (910a59b): "#### **LLaVA**" over lines
    # "**Paper:** [Title](url)", "**Record:** arXiv", "**Authors' Sources:** ...": the venue
    # was "Record:** arXiv" or the authors' institutions.
    text = (
        "### MLLMs (Multimodal Large Language Models)\n\n"
        "#### **LLaVA**\n"
        "**Paper:** [Visual Instruction Tuning](https://arxiv.org/abs/2304.08485)  \n"
        "**Github:** https://github.com/haotian-liu/LLaVA  \n"
        "**Record:** arXiv  \n"
        "**Authors' Sources:** Wisconsin–Madison大学;微软研究院;哥伦比亚大学  \n"
        "**Submission time:** 2023.04  \n"
        "**Brief Introduction:** 基于 BLIP-2 的模型结构  \n\n"
        "#### **GILL**\n"
        "**Paper:** [Generating Images with Multimodal Language Models]"
        "(https://arxiv.org/abs/2305.17216)  \n"
        "**Record:** NeurIPS 2023  \n"
        "**Authors' Sources:** 卡内基梅隆大学  \n"
    )
    references = parse_references(text, "markdown")
    assert [(r.title, r.venue, r.year, r.arxiv) for r in references] == [
        ("Visual Instruction Tuning", "arXiv", 2023, "2304.08485"),
        ("Generating Images with Multimodal Language Models", "NeurIPS", 2023, "2305.17216"),
    ]


def test_a_venue_and_date_then_a_comma_before_a_title_in_no_markup():
    # YanjieZe/Paper-List (e0e815a): "- Venue Date, Title, [label](url)", the title in no
    # markup or with a few words in bold; of its 227 items read, the venue and date were
    # inside every title, and the entries whose only link is a "website" were not read. Its
    # newer entries link the venue and date, the title after them. (A reference's venue
    # drops the year, as every venue read from a list does: "CVPR 2024 submission" is the
    # venue "CVPR submission" of 2024.)
    text = (
        "## Recent Random Papers\n\n"
        "- arXiv 2024.05, Learning Force Control for Legged Manipulation, "
        "[arXiv](https://arxiv.org/abs/2405.01402)\n"
        "- ICRA 2024, **Actor-Critic Model Predictive Control**, "
        "[arXiv](https://arxiv.org/abs/2306.09852)\n"
        "- NeurIPS 2022, Visual Prompting via **Image Inpainting**, "
        "[arXiv](https://arxiv.org/abs/2209.00647)\n"
        "- arXiv 2025.02, **TD-M(PC)2**: Improving Temporal Difference MPC Through Policy"
        " Constraint, [website](https://darthutopian.github.io/tdmpc_square/)\n"
        "- CVPR 2024 submission, **Learning Vision from Models** Rivals Learning Vision from"
        " Data, [arXiv](https://arxiv.org/abs/2312.17742) / "
        "[Github](https://github.com/google-research/syn-rep-learn)\n"
        "- [arXiv 2026.03](https://arxiv.org/abs/2603.22264v1), UniDex: A Robot Foundation"
        " Suite for Universal Dexterous Hand Control from Egocentric Human Videos\n"
        # a name in bold, a colon and the rest of the title, whose "and" is no list of names
        "- CoRL 2024, **ALOHA Unleashed**: A Simple Recipe for Robot Dexterity, "
        "[OpenReview](https://openreview.net/forum?id=gvdXE7ikHI)\n"
        "- arXiv 2024.02, **POCO**: Policy Composition From and For Heterogeneous Robot Learning,"
        " [website](https://liruiw.github.io/policycomp/)\n"
        "- NIPS 2023, **Provable Guarantees for Generative Behavior Cloning**: Bridging Low-Level"
        " Stability and High-Level Behavior, [OpenReview](https://openreview.net/forum?id=PhFVF0gwid)\n"
    )
    assert [(r.title, r.venue, r.year, r.arxiv) for r in parse_references(text, "markdown")] == [
        ("Learning Force Control for Legged Manipulation", "arXiv", 2024, "2405.01402"),
        ("Actor-Critic Model Predictive Control", "ICRA", 2024, "2306.09852"),
        ("Visual Prompting via Image Inpainting", "NeurIPS", 2022, "2209.00647"),
        ("TD-M(PC)2: Improving Temporal Difference MPC Through Policy Constraint", "arXiv", 2025,
         None),
        ("Learning Vision from Models Rivals Learning Vision from Data", "CVPR submission", 2024,
         "2312.17742"),
        ("UniDex: A Robot Foundation Suite for Universal Dexterous Hand Control from Egocentric"
         " Human Videos", "arXiv", 2026, "2603.22264"),
        ("ALOHA Unleashed: A Simple Recipe for Robot Dexterity", "CoRL", 2024, None),
        ("POCO: Policy Composition From and For Heterogeneous Robot Learning", "arXiv", 2024, None),
        ("Provable Guarantees for Generative Behavior Cloning: Bridging Low-Level Stability and"
         " High-Level Behavior", "NIPS", 2023, None),
    ]


def test_a_link_labelled_website_before_the_title_is_the_title_s_link():
    # YanjieZe/Paper-List (e0e815a): "- [website](url), Title" among "[arXiv 2026.03](url),
    # Title": no item of the kind was read at all.
    text = (
        "## Recent\n\n"
        "- [website](https://xl-vla.github.io/), XL-VLA: Cross-Hand Latent Representation for"
        " Vision-Language-Action Models\n"
    )
    result = parse(text, "markdown")
    (skipped,) = result.not_papers  # (a project's page, no paper's: the list does not say)
    assert "XL-VLA: Cross-Hand Latent Representation" in skipped.what


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # FelixDJC/Awesome-Graph-Anomaly-Detection (0039461): "1. TKDE 2021: Title [[Paper]](url)",
        # once with the title on the line under "SIGMOD 2000:"; 0 of its 55 papers had a
        # year, the venue and year were in every title.
        pytest.param(
            "1. TKDE 2021: A Comprehensive Survey on Graph Anomaly Detection with Deep Learning"
            " [[Paper]](https://arxiv.org/pdf/2106.07178.pdf)\n"
            "2. NeurIPS 2022: BOND: Benchmarking Unsupervised Outlier Node Detection on Static"
            " Attributed Graphs [[Paper]](https://openreview.net/pdf?id=YXvGXEmtZ5N)"
            " [[Code]](https://github.com/pygod-team/pygod)\n"
            "3. SIGMOD 2000: \nLOF: Identifying Density-based Local Outliers"
            " [[Paper]](https://dl.acm.org/doi/pdf/10.1145/342009.335388)"
            "[[Code]](https://github.com/damjankuznar/pylof)",
            [
                ("A Comprehensive Survey on Graph Anomaly Detection with Deep Learning", "TKDE",
                 2021),
                ("BOND: Benchmarking Unsupervised Outlier Node Detection on Static Attributed"
                 " Graphs", "NeurIPS", 2022),
                ("LOF: Identifying Density-based Local Outliers", "SIGMOD", 2000),
            ],
            id="venue-year-colon",
        ),
        # DEEP-PolyU/Awesome-GraphMemory (a01f2c4): "(ACL'25 Findings) **Title**": no year;
        # "(IEEE Trans. Big Data) **Title**": a journal named without its year, read as
        # part of the title.
        pytest.param(
            "- (ACL'25 Findings) **TReMu: Towards Neuro-Symbolic Temporal Reasoning for"
            " LLM-Agents with Memory in Multi-Session Dialogues**"
            " [[Paper]](https://arxiv.org/abs/2502.01630)\n"
            "- (IEEE Trans. Big Data) **FinMem: A Performance-Enhanced LLM Trading Agent with"
            " Layered Memory and Character Design** [[Paper]](https://arxiv.org/abs/2311.13743)",
            [
                ("TReMu: Towards Neuro-Symbolic Temporal Reasoning for LLM-Agents with Memory in"
                 " Multi-Session Dialogues", "ACL Findings", 2025),
                ("FinMem: A Performance-Enhanced LLM Trading Agent with Layered Memory and"
                 " Character Design", "IEEE Trans. Big Data", None),
            ],
            id="paren-venue-short-year-or-none",
        ),
        # YuanchenBei/Awesome-Graphs-Meet-Agents (520e7f1): "(NeurIPS 2021, RL Agent,
        # Multi-Agent Coordination) Title [[paper]](url)", the venue then the list's
        # keywords; BUPT-GAMMA/Awesome-Graph4LLM (0b9792a): "(ACL 2024 (Findings)) Title".
        pytest.param(
            "- (NeurIPS 2021, RL Agent, Multi-Agent Coordination) Benchmarking Multi-Agent Deep"
            " Reinforcement Learning Algorithms in Cooperative Tasks"
            " [[paper]](https://arxiv.org/abs/2006.07869)\n"
            "- (ACL 2024 (Findings)) GNNAVI: Navigating the Information Flow in Large Language"
            " Models by Graph Neural Network [[paper]](https://arxiv.org/abs/2402.11709)",
            [
                ("Benchmarking Multi-Agent Deep Reinforcement Learning Algorithms in Cooperative"
                 " Tasks", "NeurIPS", 2021),
                ("GNNAVI: Navigating the Information Flow in Large Language Models by Graph"
                 " Neural Network", "ACL (Findings)", 2024),
            ],
            id="paren-venue-then-keywords",
        ),
    ],
)
def test_the_venue_and_year_before_a_title_with_a_colon_or_more_in_its_parentheses(
    text, expected
):
    references = parse_references(f"## S\n\n{text}\n", "markdown")
    assert [(r.title, r.venue, r.year) for r in references] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Yutong-Zhou-cv/Awesome-Text-to-Image (d80c6b6): categories as "* <span id=...>
        # **Name** </span>" bullets over nested papers, some with a topic's tag before the
        # bold title ("[💬 Aesthetic] **Title**"): 1 of its 331 items was read.
        pytest.param(
            '   * <span id="head-ti2i"> **Text+Image/Video → Image/Video** </span> \n'
            "       * (arXiv preprint 2024) **MM-Diff: High-Fidelity Image Personalization via"
            " Multi-Modal Condition Integration**, Zhichao Wei et al."
            " [[Paper](https://arxiv.org/abs/2403.15059)] \n"
            "       * (arXiv preprint 2024) [💬 Aesthetic] **Playground v2.5: Three Insights"
            " towards Enhancing Aesthetic Quality in Text-to-Image Generation**, Daiqing Li et"
            " al.  [[Paper](https://arxiv.org/abs/2402.17245)]\n"
            "       * (CVPR 2023) [💬Open-Vocabulary Panoptic Segmentation] **Open-Vocabulary"
            " Panoptic Segmentation with Text-to-Image Diffusion Models**, Jiarui Xu et al."
            " [[Paper](https://arxiv.org/abs/2303.04803)]\n",
            [
                ("MM-Diff: High-Fidelity Image Personalization via Multi-Modal Condition"
                 " Integration", "arXiv", 2024, ("Zhichao Wei",)),
                ("Playground v2.5: Three Insights towards Enhancing Aesthetic Quality in"
                 " Text-to-Image Generation", "arXiv", 2024, ("Daiqing Li",)),
                ("Open-Vocabulary Panoptic Segmentation with Text-to-Image Diffusion Models",
                 "CVPR", 2023, ("Jiarui Xu",)),
            ],
            id="span-category-topic-tags",
        ),
        # The same list: a category's name longer than most ("**Text → 3D/Motion/Shape/Mesh/
        # Object...**") over titled papers is a category too.
        pytest.param(
            '   * <span id="head-t2m"> **Text → 3D/Motion/Shape/Mesh/Object...** </span> \n'
            "       * (arXiv preprint 2024) [💬Text → 3D] **LATTE3D: Large-scale Amortized"
            " Text-To-Enhanced3D Synthesis**, Kevin Xie et al."
            " [[Paper](https://arxiv.org/abs/2403.15385)]\n"
            "       * (arXiv preprint 2023) [💬Text → 4D] **4D-fy: Text-to-4D Generation Using"
            " Hybrid Score Distillation Sampling**, Sherwin Bahmani et al."
            " [[Paper](https://arxiv.org/abs/2311.17984)]\n",
            [
                ("LATTE3D: Large-scale Amortized Text-To-Enhanced3D Synthesis", "arXiv", 2024,
                 ("Kevin Xie",)),
                ("4D-fy: Text-to-4D Generation Using Hybrid Score Distillation Sampling", "arXiv",
                 2023, ("Sherwin Bahmani",)),
            ],
            id="long-category-name",
        ),
        # QianpengLi577/Neuromorphic-Processor-paper-list: a paper's long bold title over a
        # note on it is still a paper, not a category.
        pytest.param(
            "- **Sparse Compressed Spiking Neural Network**\n"
            "  - Bit mask is used to indicate which weights are not zero, which reduces the number of sliding windows and reduces the storage, which is used to accelerate the sparse convolutional neural network\n"  # noqa: E501
            "- **A 1.13μJ/classification Spiking Neural Network Accelerator with a Single-spike Neuron Model and Sparse Weights**\n"  # noqa: E501
            "  - Mask vectors are generated through some base templates to represent the sparse connections of neural networks\n"  # noqa: E501
            "- **Optimized Compression for Implementing Convolutional Neural Networks on FPGA**\n"
            "  - Two pruning methods, reverse pruning and peak pruning, are proposed to prune the sparse matrix. In terms of weight storage, convolution kernel sparse matrix storage adopts non-zero value + row index + column index, with a total of 16bit (considering that 11 * 11 is enough for ordinary people). For the fully connected layer sparse matrix, the interval between non-zero value and non-zero value is 16bit in total for storage. If the interval exceeds 2 ^ 8, supplement 0\n",  # noqa: E501
            [
                ("Sparse Compressed Spiking Neural Network", None, None, ()),
                ("A 1.13μJ/classification Spiking Neural Network Accelerator with a Single-spike"
                 " Neuron Model and Sparse Weights", None, None, ()),
                ("Optimized Compression for Implementing Convolutional Neural Networks on FPGA",
                 None, None, ()),
            ],
            id="long-bold-title-over-a-note",
        ),
        # acadTags/Awesome-medical-coding-NLP (31b6a57): "-[Title](url) - in SIGIR 2023 -
        # [official implementation](url)", the dash glued to the link (GitHub shows a
        # paragraph, the maintainers mean a bullet): none of its 59 papers was read.
        pytest.param(
            "-[Automated Medical Coding on MIMIC-III and MIMIC-IV: A Critical Review and"
            " Replicability Study](https://arxiv.org/abs/2304.10909) - in SIGIR 2023 -"
            " [official implementation](https://github.com/joakimedin/medical-coding-reproducibility)\n"
            "\n"
            "-[Knowledge Injected Prompt Based Fine-tuning for Multi-label Few-shot ICD Coding]"
            "(https://arxiv.org/abs/2210.03304) - in Findings of EMNLP 2022 `knowledge` `PLM`\n"
            "\n",
            [
                ("Automated Medical Coding on MIMIC-III and MIMIC-IV: A Critical Review and"
                 " Replicability Study", "SIGIR", 2023, ()),
                ("Knowledge Injected Prompt Based Fine-tuning for Multi-label Few-shot ICD"
                 " Coding", "Findings of EMNLP", 2022, ()),
            ],
            id="glued-dash-in-venue",
        ),
        # qingsongedu/Awesome-TimeSeries-SpatioTemporal-LM-LLM (97ae3e0): "Title, in *WWW*
        # 2024, [\[paper\]](url)": 85 titles ended in ", in".
        pytest.param(
            "* UniTime: A Language-Empowered Unified Model for Cross-Domain Time Series"
            " Forecasting, in *WWW* 2024, [\\[paper\\]](https://arxiv.org/abs/2310.09751)\n",
            [("UniTime: A Language-Empowered Unified Model for Cross-Domain Time Series"
              " Forecasting", "WWW", 2024, ())],
            id="comma-in-italic-venue",
        ),
        # qhliu26/awesome-time-series-analysis (6355cc5): a journal whose name reads like names,
        # after "in".
        pytest.param(
            "*  Deep learning for time series classification: a review, in *Data Mining and"
            " Knowledge Discovery* 2019. [\\[Paper\\]](https://link.springer.com/article/"
            "10.1007/s10618-019-00619-1)\n",
            [("Deep learning for time series classification: a review",
              "Data Mining and Knowledge Discovery", 2019, ())],
            id="comma-in-italic-journal",
        ),
        # thunlp/NRLPapers (aa38e2c): "1. ***Title***", bold and italic: the title began "*".
        pytest.param(
            "1. ***Anonymous Walk Embeddings***\n"
            "*Sergey Ivanov, Evgeny Burnaev.* ICML 2018."
            " [paper](https://arxiv.org/pdf/1805.11921.pdf)\n",
            [("Anonymous Walk Embeddings", "ICML", 2018, ("Sergey Ivanov", "Evgeny Burnaev"))],
            id="bold-italic-title",
        ),
        # HCPLab-SYSU/Embodied_AI_Paper_List (ca3fe5f): "**Title**, arXiv, 2024." over the
        # names' line and the link's: no venue or year was read (and a new paper lost its
        # year: the layout's literal "arXiv, 2024." held a neighbour's).
        pytest.param(
            "* **RoboMatrix: A Skill-centric Hierarchical Framework for Scalable Robot Task"
            " Planning and Execution in Open-World**, arXiv, 2024.     \n"
            "Weixin Mao, Weiheng Zhong, Zhou Jiang.     \n"
            "[[page](https://arxiv.org/pdf/2412.00171)]\n",
            [("RoboMatrix: A Skill-centric Hierarchical Framework for Scalable Robot Task"
              " Planning and Execution in Open-World", "arXiv", 2024,
              ("Weixin Mao", "Weiheng Zhong", "Zhou Jiang"))],
            id="venue-comma-year-over-names",
        ),
    ],
)
def test_entries_of_lists_replayed_from_their_history(text, expected):
    references = parse_references(f"## S\n\n{text}", "markdown")
    assert [(r.title, r.venue, r.year, r.authors) for r in references] == expected


def test_a_plain_title_over_a_figure_and_bullets_of_its_fields():
    # pprp/Awesome-Efficient-MoE (7bef40a): "- Title" over a figure in "<div>" and the
    # paper's fields as labelled bullets ("- Link: url", "- Pub: Venue Year"): 2 of its
    # papers were read (each title was taken for a category over bullets that are no papers).
    text = (
        "## Sparse Mixture-of-Experts\n\n"
        "- Adaptive Mixtures of Local Experts\n\n"
        '  <div align="center">\n'
        '    <img src="./assets/image_1.png" width="80%">\n'
        "  </div>\n\n"
        "  - Link: https://watermark.silverchair.com/neco.1991.3.1.79.pdf\n"
        "  - Author: Robert A. Jacobs, Michael I. Jordan, Stevven J. Nowlan, Geoffrey E. Hinton\n"
        "  - Pub: Neural Computation 1991\n"
        "  - Summary: This paper introduces a supervised learning method for modular networks.\n"
        "\n\n"
        "- Speed Always Wins: A Survey on Efficient Architectures for Large   Language Models\n"
        "  - Authors: Weigao Sun, Jiaxi Hu, Yucheng Zhou, et al.\n"
        "  - Link: http://arxiv.org/pdf/2508.09834v1\n"
        "  - Code: Not available\n"
    )
    references = parse_references(text, "markdown")
    assert [(r.title, r.venue, r.year, r.authors, r.arxiv) for r in references] == [
        ("Adaptive Mixtures of Local Experts", "Neural Computation", 1991,
         ("Robert A. Jacobs", "Michael I. Jordan", "Stevven J. Nowlan", "Geoffrey E. Hinton"),
         None),
        ("Speed Always Wins: A Survey on Efficient Architectures for Large Language Models",
         None, None, ("Weigao Sun", "Jiaxi Hu", "Yucheng Zhou"), "2508.09834"),
    ]


def test_a_venue_labelled_in_small_print_beside_links():
    # guanweifan/awesome-efficient-vla (ae54780): "<sub>[Code](url) · Venue: RAL 2025 · Sec.
    # 4.1</sub>": the venue was "· Venue: RAL · Sec", the section number its year.
    text = (
        "## Efficient Architectures\n\n"
        "- [**TinyVLA: Towards Fast, Data-Efficient Vision-Language-Action Models for Robotic"
        " Manipulation**](https://arxiv.org/pdf/2409.12514) · `2024-09` · High-speed multimodal"
        " backbone with a diffusion policy decoder. <sub>[Code](https://github.com/liyaxuanliyaxuan"
        "/TinyVLA) · Venue: RAL 2025 · Sec. 4.1</sub>\n"
    )
    [reference] = parse_references(text, "markdown")
    assert (reference.venue, reference.year, reference.arxiv) == ("RAL", 2025, "2409.12514")


def test_a_project_s_site_is_named_a_project_page_where_no_paper_is_linked():
    # YanjieZe/Paper-List (e0e815a) links a project's github.io site as some papers' only
    # link: the skip said "links only to code pages".
    text = (
        "## Recent\n\n"
        "- [website](https://xl-vla.github.io/), XL-VLA: Cross-Hand Latent Representation for"
        " Vision-Language-Action Models\n"
        "- [AutoGen](https://github.com/microsoft/autogen): a framework for agents\n"
    )
    assert [s.why for s in parse(text, "markdown").not_papers] == [
        "links only to project pages, no paper",
        "links only to code pages, no paper",
    ]


def test_a_title_in_plain_words_before_its_labelled_links_in_a_table_without_a_title_column():
    # Video-R1/Awesome-Multimodal-Reasoning: "| Date | Project | SFT | RL | Task |" over
    # "| 25.03 | Title [[📑Paper]](url)[[🖥️Code]](url) | ... |": none of its papers was read
    # ("Project" names a column of links).
    text = (
        "### Image MLLM\n\n"
        "| Date | Project | SFT | RL | Task |\n"
        "| ---- | ------- | --- | -- | ---- |\n"
        "| 25.03 | Reason-RFT: Reinforcement Fine-Tuning for Visual Reasoning "
        " [[📑Paper]](https://arxiv.org/abs/2503.20752)[[🖥️Code]](https://tanhuajie.github.io/"
        "ReasonRFT) |  SFT-based Reasoning Activation | GRPO | Visual Count |\n"
    )
    [reference] = parse_references(text, "markdown")
    assert (reference.title, reference.arxiv) == (
        "Reason-RFT: Reinforcement Fine-Tuning for Visual Reasoning",
        "2503.20752",
    )


@pytest.mark.parametrize(
    ("line", "title", "venue", "year", "authors"),
    [
        # leofan90/Awesome-World-Models: a venue and the month in code, in bold (the date was
        # part of the venue, the year unread on 84% of its 998 entries)
        pytest.param(
            '* "World Action Models: The Next Frontier in Embodied AI" **`arXiv 2026.05`**.'
            " [[Paper](https://arxiv.org/abs/2605.12090)]",
            "World Action Models: The Next Frontier in Embodied AI",
            "arXiv",
            2026,
            (),
            id="code-venue-month",
        ),
        # LMD0311/Awesome-World-Model: the same with the year's last two digits, after a
        # plain title (read into the title: venues on 2% of its 609 entries)
        pytest.param(
            "- World Models for Autonomous Driving: An Initial Survey. **`arXiv 24.3`**"
            " [[Paper](https://arxiv.org/abs/2403.02622)]",
            "World Models for Autonomous Driving: An Initial Survey",
            "arXiv",
            2024,
            (),
            id="code-venue-short-month",
        ),
        # LMD0311/Awesome-World-Model: the paper's name in bold in brackets before the title
        # (100 of its entries were not read)
        pytest.param(
            "- [**Helios**] Real Real-Time Long Video Generation Model. **`arXiv 26.3`**"
            " [[Paper](https://arxiv.org/abs/2603.04379)]",
            "Real Real-Time Long Video Generation Model",
            "arXiv",
            2026,
            (),
            id="bracketed-bold-name",
        ),
        # leofan90/Awesome-World-Models: the paper's name in code in bold before the title
        pytest.param(
            "* **`MotuBrain`**, MotuBrain: An Advanced World Action Model for Robot Control."
            " [[Paper](https://arxiv.org/abs/2604.27792)]",
            "MotuBrain: An Advanced World Action Model for Robot Control",
            None,
            None,
            (),
            id="code-name-comma-title",
        ),
        # yangzhou12/awesome-medical-vision-language-models: the day as an ordinal, and the
        # "].<br>" after the date no venue
        pytest.param(
            "**TransUNet: Transformers Make Strong Encoders for Medical Image Segmentation.**"
            " [8th Feb., 2021].<br>\n*Jieneng Chen, Yongyi Lu.*<br>\n"
            " [[PDF](https://arxiv.org/abs/2102.04306)]",
            "TransUNet: Transformers Make Strong Encoders for Medical Image Segmentation",
            None,
            2021,
            ("Jieneng Chen", "Yongyi Lu"),
            id="ordinal-day",
        ),
        # liyunqianggyn/Awesome-LLMs-Pruning: "Submission-2025" names no venue (a paper under
        # review); "Conference-ICML'25" does
        pytest.param(
            "| Title & Take-away | Code |\n|:---|:---:|\n"
            "| [![Publish](https://img.shields.io/badge/Submission-2025-blue)]() <br>"
            " [ShortGPT: Layers in Large Language Models are More Redundant Than You Expect]"
            "(https://arxiv.org/abs/2403.03853) <br> | - |",
            "ShortGPT: Layers in Large Language Models are More Redundant Than You Expect",
            None,
            None,
            (),
            id="submission-badge",
        ),
        pytest.param(
            "| Title & Take-away | Code |\n|:---|:---:|\n"
            "| [![Publish](https://img.shields.io/badge/Conference-ICML'25-blue)]() <br>"
            " [Puzzle: Distillation-Based NAS for Inference-Optimized LLMs]"
            "(https://arxiv.org/abs/2411.19146) <br> | - |",
            "Puzzle: Distillation-Based NAS for Inference-Optimized LLMs",
            "ICML",
            2025,
            (),
            id="conference-badge",
        ),
        # yangzhou12/awesome-medical-vision-language-models: a date whose day comes first
        # and a venue after a pictograph, each in brackets (the venue was "] [⚡MICCAI,
        # 2021].<br>", written back escaped)
        pytest.param(
            "  **TransFuse: Fusing Transformers and CNNs for Medical Image Segmentation.**"
            " [16th Feb., 2021] [⚡MICCAI, 2021].<br>\n*Yundong Zhang, Huiye Liu.*<br>\n"
            " [[PDF](https://arxiv.org/abs/2102.08005)]",
            "TransFuse: Fusing Transformers and CNNs for Medical Image Segmentation",
            "MICCAI",
            2021,
            ("Yundong Zhang", "Huiye Liu"),
            id="bracketed-day-and-marked-venue",
        ),
        # YanjieZe/Paper-List: a venue of two acronyms and its year before the title (the
        # list links the project's page there; a paper's link here, made up)
        pytest.param(
            "- SIGGRAPH ASIA 2024, **CBIL**: Collective Behavior Imitation Learning for Fish"
            " from Real Videos, [arXiv](https://arxiv.org/abs/2409.14655)",
            "CBIL: Collective Behavior Imitation Learning for Fish from Real Videos",
            "SIGGRAPH ASIA",
            2024,
            (),
            id="two-acronyms-venue-prefix",
        ),
        # JHoelli/Awesome-Time-Series-Explainability: "by" before the names is no venue
        pytest.param(
            "- [**XAI Methods for Neural Time Series Classification: A Brief Review**]"
            "(https://arxiv.org/abs/2108.08009) , (2021) by *Simic, I., Sabol, V., Veas, E.*",
            "XAI Methods for Neural Time Series Classification: A Brief Review",
            None,
            2021,
            ("I. Simic", "V. Sabol", "E. Veas"),
            id="by-before-names",
        ),
    ],
)
def test_dates_and_names_around_a_title_are_not_taken_for_its_venue(
    line, title, venue, year, authors
):
    (ref,) = parse_references(f"## S\n\n{line}\n", "markdown")
    assert (ref.title, ref.venue, ref.year, ref.authors) == (title, venue, year, authors)


@pytest.mark.parametrize(
    "line",
    [
        # YanjieZe/Paper-List: the paper's name in bold before its title's colon, on 115 of
        # its 264 entries; it was written back without the bold
        "- arXiv 2025.02, **RigAnything**: Template-Free Autoregressive Rigging for Diverse 3D"
        " Assets, [arXiv](https://arxiv.org/abs/2502.09615)",
        "- RSS 2024, **3D Diffusion Policy**: Generalizable Visuomotor Policy Learning via"
        " Simple 3D Representations, [Website](https://3d-diffusion-policy.github.io/)",
    ],
)
def test_a_title_s_name_in_bold_is_written_back_in_bold(line):
    from bot.lists.layout import Choice, conventions, render
    from bot.lists.read import read_entry

    entry = read_entry(line, "item")
    assert entry is not None and "**" not in entry.fields.title
    style = conventions(line, [entry])
    assert render(Choice(entry.layout, (entry,), entry.fields), [entry], style) == line
