"""The .bbl loader on IEEEtran, plain and natbib output."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.references import load, parse

FIXTURES = Path(__file__).resolve().parent / "fixtures"

CASES = [
    # (style, number, key, title, year, arxiv)
    (
        "ieeetran",
        1,
        "pinker2014language",
        "The Language Instinct: How the Mind Creates Language",
        2014,
        None,
    ),
    (
        "ieeetran",
        2,
        "hauser2002faculty",
        "The faculty of language: what is it, who has it, and how did it evolve?",
        2002,
        None,
    ),
    ("ieeetran", 3, "vaswani2017attention", "Attention is all you need", 2017, None),
    (
        "ieeetran",
        4,
        "mikolov2010recurrent",
        "Recurrent neural network based language model",
        2010,
        None,
    ),
    (
        "ieeetran",
        5,
        "liu2019roberta",
        "Roberta: A robustly optimized BERT pretraining approach",
        2019,
        "1907.11692",
    ),
    (
        "ieeetran",
        6,
        "radford2019language",
        "Language models are unsupervised multitask learners",
        2019,
        None,
    ),
    (
        "ieeetran",
        7,
        "schulman2017proximal",
        "Proximal policy optimization algorithms",
        2017,
        "1707.06347",
    ),
    (
        "ieeetran",
        8,
        "rasley2020deepspeed",
        "Deepspeed: System optimizations enable training deep learning models "
        "with over 100 billion parameters",
        2020,
        None,
    ),
    ("plain", 1, "brown2020language", "Language models are few-shot learners", 2020, None),
    (
        "plain",
        2,
        "jelinek1998statistical",
        "Statistical Methods for Speech Recognition",
        1998,
        None,
    ),
    (
        "plain",
        3,
        "fedus2021switch",
        "Switch transformers: Scaling to trillion parameter models "
        "with simple and efficient sparsity",
        2022,
        None,
    ),
    (
        "plain",
        4,
        "sanh2022multitask",
        "Multitask prompted training enables zero-shot task generalization",
        2022,
        None,
    ),
    (
        "natbib",
        1,
        "devlin2019bert",
        "BERT: Pre-training of deep bidirectional transformers for language understanding",
        2019,
        None,
    ),
    (
        "natbib",
        2,
        "kaplan2020scaling",
        "Scaling laws for neural language models",
        2020,
        "2001.08361",
    ),
    (
        "natbib",
        3,
        "lewis-etal-2020-bart",
        "BART: Denoising sequence-to-sequence pre-training for natural language generation, "
        "translation, "
        "and comprehension",
        2020,
        None,
    ),
    (
        "natbib",
        4,
        "touvron2023llama",
        "LLaMA: Open and efficient foundation language models",
        2023,
        "2302.13971",
    ),
]


@pytest.fixture(scope="module")
def loaded():
    return {style: load(FIXTURES / f"{style}.bbl") for style in ("ieeetran", "plain", "natbib")}


@pytest.mark.parametrize(
    ("style", "number", "key", "title", "year", "arxiv"),
    CASES,
    ids=[f"{c[0]}-{c[2]}" for c in CASES],
)
def test_items(loaded, style, number, key, title, year, arxiv):
    reference = loaded[style].references[number - 1]
    assert (reference.number, reference.key) == (number, key)
    assert reference.title == title
    assert reference.year == year
    assert reference.arxiv == arxiv


@pytest.mark.parametrize("style", ["ieeetran", "plain", "natbib"])
def test_nothing_skipped_and_counts(loaded, style):
    assert loaded[style].skipped == ()
    assert len(loaded[style].references) == len([c for c in CASES if c[0] == style])


@pytest.mark.parametrize(
    ("style", "number", "authors"),
    [
        pytest.param(
            "ieeetran",
            3,
            (
                "A. Vaswani",
                "N. Shazeer",
                "N. Parmar",
                "J. Uszkoreit",
                "L. Jones",
                "A. N. Gomez",
                "Ł. Kaiser",
                "I. Polosukhin",
            ),
            id="ieeetran-ties-accents",
        ),
        pytest.param(
            "ieeetran",
            4,
            ("T. Mikolov", "M. Karafiát", "L. Burget", "J. Cernocký", "S. Khudanpur"),
            id="ieeetran-accents",
        ),
        pytest.param(
            "ieeetran",
            6,
            ("A. Radford", "J. Wu", "R. Child", "D. Luan", "D. Amodei", "I. Sutskever"),
            id="ieeetran-et-al",
        ),
        pytest.param("plain", 2, ("Frederick Jelinek",), id="plain-single"),
        pytest.param(
            "natbib",
            1,
            ("Jacob Devlin", "Ming-Wei Chang", "Kenton Lee", "Kristina Toutanova"),
            id="natbib",
        ),
        pytest.param(
            "natbib",
            3,
            (
                "Mike Lewis",
                "Yinhan Liu",
                "Naman Goyal",
                "Marjan Ghazvininejad",
                "Abdelrahman Mohamed",
                "Omer Levy",
                "Veselin Stoyanov",
                "Luke Zettlemoyer",
            ),
            id="acl-natbib-year-after-authors",
        ),
        pytest.param(
            "natbib",
            4,
            (
                "Hugo Touvron",
                "Thibaut Lavril",
                "Gautier Izacard",
                "Xavier Martinet",
                "Marie-Anne Lachaux",
                "Timothée Lacroix",
                "Baptiste Rozière",
                "Naman Goyal",
                "Eric Hambro",
                "Faisal Azhar",
            ),
            id="and-1-others",
        ),
    ],
)
def test_authors(loaded, style, number, authors):
    assert loaded[style].references[number - 1].authors == authors


def test_venues_dois_and_urls(loaded):
    ieee = loaded["ieeetran"].references
    assert ieee[2].venue.startswith("Advances in Neural Information Processing Systems 30")
    assert ieee[4].venue == "CoRR"
    assert ieee[5].urls[0].startswith("https://cdn.openai.com/")
    assert ieee[7].doi == "10.1145/3394486.3406703"
    plain = loaded["plain"].references
    assert plain[1].venue == "MIT Press"
    assert plain[2].venue == "Journal of Machine Learning Research"
    natbib = loaded["natbib"].references
    assert natbib[0].doi == "10.18653/v1/n19-1423"
    assert natbib[2].doi == "10.18653/v1/2020.acl-main.703"
    assert natbib[1].urls == ("https://arxiv.org/abs/2001.08361",)


def test_lines(loaded):
    first = loaded["ieeetran"].references[0]
    assert (first.line, first.end_line) == (24, 26)


def test_broken_bibitems_are_skipped():
    text = "\\bibitem\n\\bibitem{empty}\n\\bibitem{ok} A. B, ``Fine,'' 2020.\n"
    result = parse(text, "bbl", "x.bbl")
    assert [(ref.number, ref.key, ref.title) for ref in result.references] == [(3, "ok", "Fine")]
    assert [s.why for s in result.skipped] == ["no {key} after \\bibitem", "empty entry"]
