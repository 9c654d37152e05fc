"""The matcher: ids decide, titles need evidence, near-misses are never "cited"."""

from __future__ import annotations

import random
from dataclasses import replace
from typing import Any

import pytest

import bot.matching
from bot.matching import MAX_CANDIDATES, ReferenceIndex
from bot.models import Query, Reference


def ref(
    number: int,
    title: str,
    first: str,
    year: int,
    arxiv: str | None = None,
    doi: str | None = None,
    **kw,
) -> Reference:
    return Reference(
        title=title,
        number=number,
        key=f"ref{number}",
        authors=(first, "A. Coauthor"),
        year=year,
        arxiv=arxiv,
        doi=doi,
        source="refs.bib",
        line=number * 10,
        **kw,
    )


def named(table: list[tuple[str, str, Any]]) -> list[Any]:
    """``(id, paper name, value)`` rows as parameters ``(name, value)`` with the row's id."""
    return [pytest.param(name, value, id=case) for case, name, value in table]


# Real papers whose titles are each other's near neighbours.
PAPERS = {
    "llama2": ref(
        1, "Llama 2: Open Foundation and Fine-Tuned Chat Models", "Hugo Touvron", 2023, "2307.09288"
    ),
    "llama": ref(
        2,
        "LLaMA: Open and Efficient Foundation Language Models",
        "Hugo Touvron",
        2023,
        "2302.13971",
    ),
    "palm2": ref(3, "PaLM 2 Technical Report", "Rohan Anil", 2023, "2305.10403"),
    "palm": ref(
        4,
        "PaLM: Scaling Language Modeling with Pathways",
        "Aakanksha Chowdhery",
        2022,
        "2204.02311",
    ),
    "palme": ref(
        5, "PaLM-E: An Embodied Multimodal Language Model", "Danny Driess", 2023, "2303.03378"
    ),
    "mirage": ref(
        6,
        "Are Emergent Abilities of Large Language Models a Mirage?",
        "Rylan Schaeffer",
        2023,
        "2304.15004",
    ),
    "emergent": ref(
        7, "Emergent Abilities of Large Language Models", "Jason Wei", 2022, "2206.07682"
    ),
    "scaling-ar": ref(
        8, "Scaling Laws for Autoregressive Generative Modeling", "Tom Henighan", 2020, "2010.14701"
    ),
    "scaling-nlm": ref(
        9, "Scaling Laws for Neural Language Models", "Jared Kaplan", 2020, "2001.08361"
    ),
    "word2vec": ref(
        10,
        "Efficient Estimation of Word Representations in Vector Space",
        "Tomas Mikolov",
        2013,
        "1301.3781",
    ),
    "word2vec-phrases": ref(
        11,
        "Distributed Representations of Words and Phrases and their Compositionality",
        "Tomas Mikolov",
        2013,
        "1310.4546",
    ),
    "gpt4": ref(12, "GPT-4 Technical Report", "OpenAI", 2023, "2303.08774"),
    "gpt4v": ref(13, "GPT-4V(ision) System Card", "OpenAI", 2023),
    "bert": ref(
        14,
        "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding",
        "Jacob Devlin",
        2019,
        "1810.04805",
        "10.18653/v1/N19-1423",
    ),
    "roberta": ref(
        15,
        "RoBERTa: A Robustly Optimized BERT Pretraining Approach",
        "Yinhan Liu",
        2019,
        "1907.11692",
    ),
    "attention": ref(16, "Attention Is All You Need", "Ashish Vaswani", 2017, "1706.03762"),
    "not-all-attention": ref(
        17, "Not All Attention Is All You Need", "Hongqiu Wu", 2021, "2104.04692"
    ),
    "gpt3": ref(18, "Language Models are Few-Shot Learners", "Tom B. Brown", 2020, "2005.14165"),
    "gpt2": ref(19, "Language Models are Unsupervised Multitask Learners", "Alec Radford", 2019),
    "t5": ref(
        20,
        "Exploring the Limits of Transfer Learning with a Unified Text-to-Text Transformer",
        "Colin Raffel",
        2020,
        "1910.10683",
    ),
    "flan": ref(
        21, "Finetuned Language Models Are Zero-Shot Learners", "Jason Wei", 2022, "2109.01652"
    ),
    "flan-scaling": ref(
        22, "Scaling Instruction-Finetuned Language Models", "Hyung Won Chung", 2022, "2210.11416"
    ),
    "yolov3": ref(23, "YOLOv3: An Incremental Improvement", "Joseph Redmon", 2018, "1804.02767"),
    "yolo9000": ref(24, "YOLO9000: Better, Faster, Stronger", "Joseph Redmon", 2017, "1612.08242"),
    "survey-llm": ref(
        25, "A Survey of Large Language Models", "Wayne Xin Zhao", 2023, "2303.18223"
    ),
    "survey-llm-eval": ref(
        26, "A Survey on Evaluation of Large Language Models", "Yupeng Chang", 2023, "2307.03109"
    ),
    "vllm": ref(
        27,
        "Efficient Memory Management for Large Language Model Serving with PagedAttention",
        "Woosuk Kwon",
        2023,
        "2309.06180",
    ),
    "aflow": ref(
        28, "AFlow: Automating Agentic Workflow Generation", "Jiayi Zhang", 2024, "2410.10762"
    ),
    "dont-stop": ref(
        29,
        "Don't Stop Pretraining: Adapt Language Models to Domains and Tasks",
        "Suchin Gururangan",
        2020,
        "2004.10964",
    ),
    "schrodinger": ref(
        30,
        'Diffusion Schr{\\"o}dinger Bridge with Applications to Score-Based Generative Modeling',
        "Valentin De Bortoli",
        2021,
        "2106.01357",
    ),
    "chaffin": ref(
        31, "The Chaffin Workflow for Efficient Retrieval & Generation", "Antoine Chaffin", 2024
    ),
    "tsne": ref(
        32,
        "Visualizing Data using t-SNE",
        "van der Maaten, Laurens",
        2008,
        doi="10.5555/1390681.1442802",
    ),
    "old-style": ref(
        33,
        "Large N Field Theories, String Theory and Gravity",
        "Ofer Aharony",
        1999,
        "hep-th/9905111",
    ),
}
INDEX = ReferenceIndex.build(PAPERS.values())


def full_query(name: str, **changes) -> Query:
    """A query carrying the paper's title, first author and year (no ids)."""
    paper = PAPERS[name]
    return replace(Query(title=paper.title, authors=paper.authors[:1], year=paper.year), **changes)


def index_without(name: str) -> ReferenceIndex:
    return ReferenceIndex.build(r for n, r in PAPERS.items() if n != name)


# ---------------------------------------------------------------------------
# Near misses: distinct papers with similar titles are never "cited".

NEAR_MISSES = [
    ("llama2", "llama"),
    ("palm2", "palm"),
    ("palm2", "palme"),
    ("palm", "palme"),
    ("mirage", "emergent"),
    ("scaling-ar", "scaling-nlm"),
    ("word2vec", "word2vec-phrases"),
    ("gpt4", "gpt4v"),
    ("bert", "roberta"),
    ("attention", "not-all-attention"),
    ("gpt3", "gpt2"),
    ("flan", "flan-scaling"),
    ("yolov3", "yolo9000"),
    ("survey-llm", "survey-llm-eval"),
]
NEAR_MISS_CASES = [(a, b) for a, b in NEAR_MISSES] + [(b, a) for a, b in NEAR_MISSES]


@pytest.mark.parametrize(
    ("present", "asked"), NEAR_MISS_CASES, ids=[f"{a}-in-index-ask-{b}" for a, b in NEAR_MISS_CASES]
)
@pytest.mark.parametrize("with_metadata", [False, True], ids=["title-only", "title-authors-year"])
def test_near_miss_is_new(present: str, asked: str, with_metadata: bool) -> None:
    index = index_without(asked)
    assert PAPERS[present] in [e.ref for e in index._entries]
    query = full_query(asked) if with_metadata else Query(title=PAPERS[asked].title)
    result = index.check(query)
    assert result.verdict == "new", (
        result.verdict,
        [(c.reference.title, c.score, c.reason) for c in result.candidates],
    )
    assert result.match is None


@pytest.mark.parametrize(
    "title",
    [
        "Llama 3: Open Foundation and Fine-Tuned Chat Models",
        "PaLM 3 Technical Report",
        "GPT-5 Technical Report",
        "GPT-4o System Card",
        "YOLOv4: An Incremental Improvement",
        "PaLM-X: An Embodied Multimodal Language Model",
        "Is Attention All You Need?",
        "Emergent Abilities of Small Language Models",
        "DistilBERT: Pre-training of Deep Bidirectional Transformers for Language Understanding",
    ],
)
def test_changed_number_or_name_is_not_cited(title: str) -> None:
    assert INDEX.check(Query(title=title)).verdict != "cited"


# ---------------------------------------------------------------------------
# Perturbations of a cited title still match the right reference.

PERTURBED = [
    ("case", "attention", "ATTENTION IS ALL YOU NEED"),
    (
        "lower-case",
        "bert",
        "bert: pre-training of deep bidirectional transformers for language understanding",
    ),
    ("trailing-period", "attention", "Attention is all you need."),
    (
        "colon-to-dash",
        "bert",
        "BERT - Pre-training of Deep Bidirectional Transformers for Language Understanding",
    ),
    (
        "colon-dropped",
        "bert",
        "BERT Pre-training of Deep Bidirectional Transformers for Language Understanding",
    ),
    ("latex-braces", "llama2", "{L}lama 2: {O}pen Foundation and {Fine-Tuned} Chat Models"),
    (
        "latex-accent-in-index",
        "schrodinger",
        "Diffusion Schrödinger Bridge with Applications to Score-Based Generative Modeling",
    ),
    (
        "accent-dropped",
        "schrodinger",
        "Diffusion Schrodinger Bridge with Applications to Score-Based Generative Modeling",
    ),
    (
        "hyphenation-line-end",
        "bert",
        "BERT: Pre-training of Deep Bidirec- tional Transformers for Language Understanding",
    ),
    (
        "hyphenation-mid-word",
        "bert",
        "BERT: Pre-training of Deep Bidirec-tional Transformers for Language Understanding",
    ),
    (
        "hyphen-removed",
        "bert",
        "BERT: Pretraining of Deep Bidirectional Transformers for Language Understanding",
    ),
    ("hyphen-to-space", "llama2", "Llama 2: Open Foundation and Fine Tuned Chat Models"),
    ("ligature-ffi", "word2vec", "Eficient Estimation of Word Representations in Vector Space"),
    (
        "ligature-ffi-2",
        "vllm",
        "Eﬃcient Memory Management for Large Language Model Serving with PagedAttention",
    ),
    ("ligature-ff", "chaffin", "The Chafin Workflow for Efficient Retrieval & Generation"),
    (
        "hyphen-inside-ligature",
        "vllm",
        "Eff-icient Memory Management for Large Language Model Serving with PagedAttention",
    ),
    ("ligature-fl", "aflow", "AFlow: Automating Agentic Worklow Generation"),
    ("ligature-fi-dropped", "flan", "netuned Language Models Are Zero-Shot Learners"),
    ("ampersand-to-and", "chaffin", "The Chaffin Workflow for Efficient Retrieval and Generation"),
    (
        "curly-apostrophe",
        "dont-stop",
        "Don’t Stop Pretraining: Adapt Language Models to Domains and Tasks",
    ),
    (
        "unicode-dash",
        "t5",
        "Exploring the Limits of Transfer Learning with a Unified Text–to–Text Transformer",
    ),
    ("model-name-spacing", "gpt4", "GPT4 Technical Report"),
    ("typo-long-word", "attention", "Atention Is All You Need"),
    ("plural", "emergent", "Emergent Abilities of Large Language Model"),
    ("question-mark-dropped", "mirage", "Are Emergent Abilities of Large Language Models a Mirage"),
    ("leading-article", "survey-llm", "Survey of Large Language Models"),
    ("whitespace", "attention", "  Attention\n Is  All You\tNeed "),
]


@pytest.mark.parametrize(("name", "title"), named(PERTURBED))
def test_perturbed_title_is_cited(name: str, title: str) -> None:
    result = INDEX.check(Query(title=title))
    assert result.verdict == "cited", (result.verdict, result.reason, result.candidates)
    assert result.match == PAPERS[name]
    assert result.reason.startswith("title")


@pytest.mark.parametrize(("name", "title"), named(PERTURBED))
def test_perturbed_title_with_metadata_is_cited(name: str, title: str) -> None:
    paper = PAPERS[name]
    first, _, last = paper.authors[0].rpartition(" ")
    author = f"{last}, {first[:1]}." if first else last  # "Vaswani, A." for "Ashish Vaswani"
    result = INDEX.check(Query(title=title, authors=(author,), year=paper.year))
    assert result.verdict == "cited"
    assert result.match == paper
    assert result.reason.startswith("title+authors")


def test_exact_title_reason_and_score() -> None:
    result = INDEX.check(full_query("attention"))
    assert (result.verdict, result.reason, result.score) == ("cited", "title+authors+year", 1.0)
    assert [c.reference for c in result.candidates] == [PAPERS["attention"]]


# ---------------------------------------------------------------------------
# Dropped subtitles count only when authors or year agree.

SUBTITLE = [
    ("query-lacks-subtitle", "llama2", "Llama 2"),
    ("query-lacks-subtitle-palm", "palm", "PaLM"),
    ("query-lacks-subtitle-bert", "bert", "BERT"),
]


@pytest.mark.parametrize(("name", "title"), named(SUBTITLE))
def test_dropped_subtitle_with_authors_and_year_is_cited(name: str, title: str) -> None:
    paper = PAPERS[name]
    result = INDEX.check(Query(title=title, authors=paper.authors, year=paper.year))
    assert (result.verdict, result.match) == ("cited", paper)
    assert result.reason.startswith("title-prefix+authors")


@pytest.mark.parametrize(("name", "title"), named(SUBTITLE))
def test_dropped_subtitle_alone_is_ambiguous(name: str, title: str) -> None:
    result = INDEX.check(Query(title=title))
    assert result.verdict == "ambiguous"
    assert result.match is None
    assert result.candidates[0].reference == PAPERS[name]
    assert result.candidates[0].reason == "title-prefix"


def test_dropped_subtitle_with_other_authors_is_not_cited() -> None:
    result = INDEX.check(Query(title="Llama 2", authors=("Jane Doe",), year=2023))
    assert result.verdict != "cited"


def test_reference_lacking_the_subtitle() -> None:
    index = ReferenceIndex.build([ref(1, "Llama 2", "Hugo Touvron", 2023)])
    with_meta = index.check(full_query("llama2"))
    assert (with_meta.verdict, with_meta.reason) == ("cited", "title-prefix+authors+year")
    assert index.check(Query(title=PAPERS["llama2"].title)).verdict == "ambiguous"


def test_subtitle_prefix_distinguishes_numbers() -> None:
    """ "LLaMA" is the main title of LLaMA, not of Llama 2."""
    result = INDEX.check(Query(title="LLaMA", authors=("Hugo Touvron",), year=2023))
    assert (result.verdict, result.match) == ("cited", PAPERS["llama"])


# ---------------------------------------------------------------------------
# Identifiers decide, in every form.

IDENTIFIERS = [
    ("arxiv-bare", "llama2", Query(arxiv="2307.09288")),
    ("arxiv-version", "llama2", Query(arxiv="2307.09288v2")),
    ("arxiv-prefix", "llama2", Query(arxiv="arXiv:2307.09288")),
    ("arxiv-abs-url", "llama2", Query(arxiv="https://arxiv.org/abs/2307.09288")),
    ("arxiv-pdf-url", "llama2", Query(arxiv="https://arxiv.org/pdf/2307.09288v3.pdf")),
    ("arxiv-doi", "llama2", Query(doi="10.48550/arXiv.2307.09288")),
    ("arxiv-doi-url", "llama2", Query(doi="https://doi.org/10.48550/ARXIV.2307.09288")),
    ("arxiv-old-style", "old-style", Query(arxiv="hep-th/9905111v1")),
    ("doi-mixed-case", "bert", Query(doi="10.18653/V1/N19-1423")),
    ("doi-lower", "bert", Query(doi="10.18653/v1/n19-1423")),
    ("doi-url", "bert", Query(doi="https://doi.org/10.18653/v1/N19-1423")),
    ("doi-dx-url", "bert", Query(doi="http://dx.doi.org/10.18653/v1/N19-1423")),
    ("doi-prefix", "bert", Query(doi="doi:10.18653/v1/N19-1423")),
    ("doi-only-reference", "tsne", Query(doi="10.5555/1390681.1442802")),
    ("published-doi-and-arxiv", "bert", Query(arxiv="9999.99999", doi="10.18653/v1/N19-1423")),
    ("arxiv-and-unknown-doi", "bert", Query(arxiv="1810.04805", doi="10.1000/other")),
]


@pytest.mark.parametrize(("name", "query"), named(IDENTIFIERS))
def test_identifier_forms_are_cited(name: str, query: Query) -> None:
    result = INDEX.check(query)
    assert (result.verdict, result.match, result.score) == ("cited", PAPERS[name], 1.0)
    assert result.reason in {"arxiv-id", "doi"}


def test_id_reason_names_the_id() -> None:
    assert INDEX.check(Query(arxiv="1810.04805")).reason == "arxiv-id"
    assert INDEX.check(Query(doi="10.18653/v1/n19-1423")).reason == "doi"


def test_id_beats_a_different_title() -> None:
    result = INDEX.check(Query(title="Something Else Entirely", arxiv="1706.03762"))
    assert (result.verdict, result.match) == ("cited", PAPERS["attention"])


@pytest.mark.parametrize(
    "stored",
    [
        {"arxiv": None, "doi": "10.48550/arXiv.2401.00001"},
        {"arxiv": "2401.00001v2", "doi": None},
        {"arxiv": None, "doi": None, "urls": ("https://arxiv.org/abs/2401.00001",)},
        {"arxiv": None, "doi": None, "urls": ("https://doi.org/10.48550/arXiv.2401.00001",)},
    ],
    ids=[
        "reference-has-arxiv-doi",
        "reference-has-versioned-id",
        "reference-has-abs-url",
        "reference-has-doi-url",
    ],
)
def test_reference_id_forms(stored: dict) -> None:
    index = ReferenceIndex.build([Reference(title="Some Paper", **stored)])
    assert index.check(Query(arxiv="2401.00001")).verdict == "cited"
    assert index.check(Query(doi="https://doi.org/10.48550/arxiv.2401.00001v1")).verdict == "cited"


def test_published_version_links_to_preprint_reference() -> None:
    """The metadata layer adds the ACL DOI to the arXiv id; either id matches."""
    index = ReferenceIndex.build([Reference(title="BERT", arxiv="1810.04805", number=1)])
    result = index.check(
        Query(title="BERT: Pre-training ...", arxiv="1810.04805", doi="10.18653/v1/n19-1423")
    )
    assert (result.verdict, result.reason) == ("cited", "arxiv-id")
    index = ReferenceIndex.build([Reference(title="BERT", doi="10.18653/v1/N19-1423", number=1)])
    assert index.check(Query(arxiv="1810.04805", doi="10.18653/v1/n19-1423")).reason == "doi"


def test_unknown_id_without_title_is_new() -> None:
    result = INDEX.check(Query(arxiv="2501.00001"))
    assert (result.verdict, result.match, result.candidates) == ("new", None, ())


def test_unknown_id_falls_back_to_title() -> None:
    result = INDEX.check(Query(title="Attention Is All You Need", doi="10.1000/unknown"))
    assert (result.verdict, result.match) == ("cited", PAPERS["attention"])


# ---------------------------------------------------------------------------
# Conflicting evidence: never a confident wrong answer.


def test_conflicting_arxiv_id_blocks_title_match() -> None:
    result = INDEX.check(Query(title="Attention Is All You Need", arxiv="2501.12345"))
    assert result.verdict == "ambiguous"
    assert result.candidates[0].reference == PAPERS["attention"]
    assert "arxiv-conflict" in result.candidates[0].reason


def test_conflicting_arxiv_id_and_authors_is_new() -> None:
    query = Query(
        title="Attention Is All You Need", arxiv="2501.12345", authors=("Jane Doe",), year=2025
    )
    assert INDEX.check(query).verdict == "new"


def test_different_first_author_is_ambiguous() -> None:
    """Generic titles are reused: same title, different people, is not settled."""
    result = INDEX.check(Query(title="A Survey of Large Language Models", authors=("Jane Doe",)))
    assert result.verdict == "ambiguous"
    assert "authors-conflict" in result.reason


def test_same_surname_other_given_name_is_not_support() -> None:
    """ "Mary Kaplan" is not known to be Jared Kaplan: no support for a changed title."""
    other = INDEX.check(
        Query(title="Scaling Laws for Neural Language Agents", authors=("Mary Kaplan",))
    )
    assert other.verdict == "new"
    same = INDEX.check(
        Query(title="Scaling Laws for Neural Language Agents", authors=("J. Kaplan",))
    )
    assert same.verdict == "ambiguous"
    assert same.candidates[0].reason == "similar-title+authors"


def test_organisation_author_is_not_a_conflict() -> None:
    result = INDEX.check(Query(title="GPT-4 Technical Report", authors=("Josh Achiam",), year=2023))
    assert (result.verdict, result.match) == ("cited", PAPERS["gpt4"])


def test_year_far_apart_without_authors_is_ambiguous() -> None:
    assert INDEX.check(Query(title="Attention Is All You Need", year=2009)).verdict == "ambiguous"


def test_year_far_apart_with_same_authors_is_cited() -> None:
    """A preprint and its journal version years later: the same paper."""
    query = Query(title="Attention Is All You Need", authors=("A. Vaswani",), year=2020)
    assert INDEX.check(query).verdict == "cited"


def test_one_word_off_is_ambiguous() -> None:
    result = INDEX.check(Query(title="Attention Is All You Ned"))
    assert result.verdict == "ambiguous"
    assert result.candidates[0].reference == PAPERS["attention"]


def test_two_references_with_one_title() -> None:
    a = Reference(
        title="A Survey of Large Language Models", authors=("Wayne Xin Zhao",), year=2023, number=1
    )
    b = Reference(
        title="A Survey of Large Language Models", authors=("Jane Doe",), year=2019, number=2
    )
    index = ReferenceIndex.build([a, b])
    unsure = index.check(Query(title="A Survey of Large Language Models"))
    assert unsure.verdict == "ambiguous"
    assert [c.reference for c in unsure.candidates] == [a, b]
    sure = index.check(
        Query(title="A survey of large language models", authors=("Zhao, Wayne Xin",))
    )
    assert (sure.verdict, sure.match) == ("cited", a)
    assert index.check(Query(title="A Survey of Large Language Models", year=2019)).match == b


def test_duplicate_entries_are_cited_with_all_candidates() -> None:
    a = Reference(title="Attention Is All You Need", arxiv="1706.03762", source="refs.bib", line=3)
    b = Reference(title="Attention is all you need.", source="README.md", line=40)
    index = ReferenceIndex.build([a, b])
    result = index.check(Query(title="Attention Is All You Need"))
    assert (result.verdict, result.match) == ("cited", a)
    assert [c.reference for c in result.candidates] == [a, b]
    by_id = index.check(Query(arxiv="1706.03762"))
    assert (by_id.verdict, by_id.match) == ("cited", a)


def test_empty_index_and_empty_query() -> None:
    empty = ReferenceIndex.build([])
    assert len(empty) == 0
    assert empty.check(Query(title="Attention Is All You Need")).verdict == "new"
    assert INDEX.check(Query(title="   ")).verdict == "new"
    assert INDEX.check(Query()).verdict == "new"


def test_check_many_keeps_order() -> None:
    queries = [
        Query(arxiv="1706.03762", id="a"),
        Query(title="Unrelated Paper", id="b"),
        full_query("bert", id="c"),
    ]
    results = INDEX.check_many(queries)
    assert [r.query.id for r in results] == ["a", "b", "c"]
    assert [r.verdict for r in results] == ["cited", "new", "cited"]


# ---------------------------------------------------------------------------
# The index is not a scan.

_WORDS = [
    "learning",
    "neural",
    "deep",
    "language",
    "model",
    "models",
    "vision",
    "graph",
    "reinforcement",
    "transformer",
    "attention",
    "efficient",
    "robust",
    "scalable",
    "sparse",
    "dense",
    "retrieval",
    "generation",
    "diffusion",
    "contrastive",
    "federated",
    "multimodal",
    "agents",
    "reasoning",
    "planning",
    "memory",
    "alignment",
    "instruction",
    "tuning",
    "pretraining",
    "benchmark",
    "evaluation",
    "survey",
    "towards",
    "understanding",
    "adaptive",
    "causal",
    "bayesian",
    "probabilistic",
    "optimization",
    "networks",
    "representations",
    "embeddings",
    "compression",
    "distillation",
    "quantization",
    "inference",
]


def _synthetic(n: int, seed: int = 7) -> list[Reference]:
    rng = random.Random(seed)
    refs = []
    for i in range(n):
        words = rng.sample(_WORDS, rng.randint(4, 9))
        name = f"{rng.choice(['GPT', 'BERT', 'ViT', 'LLaMA', 'T5'])}-{rng.randint(1, 9)}"
        title = (
            f"{name}: " + " ".join(words).capitalize() if i % 3 == 0 else " ".join(words).title()
        )
        refs.append(
            Reference(
                title=title,
                number=i + 1,
                authors=(f"Author{i % 97} Surname{i % 89}",),
                year=2000 + i % 25,
            )
        )
    return refs


def test_lookup_scores_a_handful_of_candidates(monkeypatch: pytest.MonkeyPatch) -> None:
    refs = _synthetic(5000)
    index = ReferenceIndex.build(refs)
    calls = []
    real = bot.matching.assess
    monkeypatch.setattr(bot.matching, "assess", lambda *args: calls.append(1) or real(*args))
    rng = random.Random(3)
    for target in rng.sample(refs, 100):
        before = len(calls)
        result = index.check(Query(title=target.title.upper(), year=target.year))
        assert len(calls) - before <= MAX_CANDIDATES
        assert result.verdict == "cited" and result.match.title == target.title
    for _ in range(50):
        before = len(calls)
        index.check(Query(title=" ".join(rng.sample(_WORDS, 6))))
        assert len(calls) - before <= MAX_CANDIDATES
    assert index.stats.lookups == 150
    assert len(calls) <= index.stats.scored <= 150 * MAX_CANDIDATES
    assert MAX_CANDIDATES <= 32  # a handful, whatever the size of the survey
    assert len(calls) / 150 < 4  # and only the close ones are compared word by word


def test_id_lookup_scores_nothing() -> None:
    index = ReferenceIndex.build([*_synthetic(500), Reference(title="X", arxiv="2401.00001")])
    index.check(Query(arxiv="2401.00001"))
    assert (index.stats.scored, index.stats.id_hits) == (0, 1)


# The same paper kept in three files: the printed list (numbered, no ids), the .bib
# (a key and the arXiv id) and the README list (no number).
SAME_PAPER_IN_THREE_FILES = [
    Reference(title="Attention is all you need", number=22, source="references.txt", line=55),
    Reference(
        title="Attention Is All You Need",
        key="vaswani2017attention",
        arxiv="1706.03762",
        source="paper/references.bib",
        line=120,
    ),
    Reference(title="Attention Is All You Need", arxiv="1706.03762", source="README.md", line=49),
]


@pytest.mark.parametrize(
    ("query", "verdict"),
    [
        (Query(arxiv="1706.03762"), "cited"),
        (Query(title="Attention is all you need."), "cited"),
        (Query(title="Atention is all you ned"), "ambiguous"),
    ],
    ids=["by-id", "by-title", "two-typos"],
)
def test_one_paper_in_several_files_is_named_by_its_number(query: Query, verdict: str) -> None:
    result = ReferenceIndex.build(SAME_PAPER_IN_THREE_FILES).check(query)
    assert result.verdict == verdict
    shown = result.match if verdict == "cited" else result.candidates[0].reference
    assert shown.number == 22
    if verdict == "ambiguous":  # one paper is one choice, not three
        assert len(result.candidates) == 1


@pytest.mark.parametrize(
    ("present", "asked"),
    [
        ("Mistral 7B", "Mixtral 7B"),
        (
            "BLOOM: A 176B-Parameter Open-Access Multilingual Language Model",
            "BLOOMZ: A 176B-Parameter Open-Access Multilingual Language Model",
        ),
        ("Qwen Technical Report", "Owen Technical Report"),
    ],
    ids=["mistral-mixtral", "bloom-bloomz", "short-title"],
)
def test_one_letter_in_a_name_is_never_a_harmless_typo(present: str, asked: str) -> None:
    # Model names differ by one letter; a slip in a long ordinary word is still a typo.
    index = ReferenceIndex.build([Reference(title=present, key="k", source="refs.bib", line=1)])
    assert index.check(Query(title=asked)).verdict != "cited"
    assert index.check(Query(title=present)).verdict == "cited"


@pytest.mark.parametrize(
    ("present", "asked"),
    [
        (
            "Reflexion: Language Agents with Verbal Reinforcement Learning",
            "Refexion: Language Agents with Verbal Reinforcement Learning",
        ),
        (
            "Efficient Streaming Language Models with Attention Sinks",
            "Eficient Streaming Language Models with Attention Sinks",
        ),
    ],
    ids=["fl-lost-in-name", "ffi-lost-in-first-word"],
)
def test_a_lost_ligature_in_a_name_is_still_the_same_title(present: str, asked: str) -> None:
    index = ReferenceIndex.build([Reference(title=present, key="k", source="refs.bib", line=1)])
    assert index.check(Query(title=asked)).verdict == "cited"


# ---------------------------------------------------------------------------
# Titles in Chinese, Japanese or Korean: no spaces between words, each character a token.

CJK = ReferenceIndex.build(
    [
        ref(1, "通用深度学习语言模型的隐私风险评估", "Pan Xudong", 2021),
        ref(2, "大语言模型综述", "Zhao Xin", 2023),
        ref(3, "ChatGLM: 中文对话语言模型", "Zeng Aohan", 2023),
        ref(4, "Towards Deep Learning Models Resistant to Adversarial Attacks", "Madry", 2018),
    ]
)


@pytest.mark.parametrize(
    ("title", "number"),
    [
        # AdamtayZzz/AI-security-related-paper-list lists a paper by its Chinese title: asked
        # for it word for word, check said "new" (its title had no token to look it up by)
        ("通用深度学习语言模型的隐私风险评估", 1),
        ("大语言模型综述", 2),
        ("ChatGLM：中文对话语言模型", 3),
        ("大语言模型的综述", None),
        ("多模态大语言模型综述", None),
        ("通用深度学习语言模型的隐私风险评估方法研究", None),
    ],
)
def test_a_title_in_chinese_is_found_by_its_characters(title: str, number: int | None) -> None:
    result = CJK.check(Query(title=title))
    found = result.match.number if result.verdict == "cited" and result.match else None
    assert found == number
