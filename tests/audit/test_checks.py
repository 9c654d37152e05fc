"""Each audit check on small lists written the way real surveys write them: what it
reports, and what it must leave alone (expected findings written by hand)."""

from __future__ import annotations

import pytest

from bot.audit import Knowledge, audit_texts
from bot.audit import findings as f
from bot.suggestions import PaperRecord


def entry(title: str, authors: str, venue: str, url: str, number: str = "1.") -> str:
    return f'{number} **"{title}"**. *{authors}*. {venue}. [[Paper]({url})]'


BERT = "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding"
GPT3 = "Language Models are Few-Shot Learners"
L2M = "Least-to-Most Prompting Enables Complex Reasoning in Large Language Models"


def readme(*sections: tuple[str, list[str]]) -> str:
    parts = ["# Papers", ""]
    for heading, entries in sections:
        parts += [f"## {heading}", "", *entries, ""]
    return "\n".join(parts)


def found(
    text: str, known: Knowledge | None = None, name: str = "README.md"
) -> list[tuple[str, tuple[int, ...]]]:
    return sorted(
        (x.kind, tuple(p.line for p in x.entries)) for x in audit_texts([(name, text, None)], known)
    )


ABS = "https://arxiv.org/abs/"
BROWN = entry(GPT3, "Tom B. Brown et al", "NeurIPS 2020", ABS + "2005.14165")
DEVLIN = entry(BERT, "Jacob Devlin et al", "NAACL 2019", ABS + "1810.04805")
VASWANI = entry(
    "Attention Is All You Need", "Ashish Vaswani et al", "NeurIPS 2017", ABS + "1706.03762"
)
ZHOU = entry(L2M, "Denny Zhou et al", "arXiv 2022", ABS + "2205.10625")
ZHOU_ICLR = entry(
    L2M, "Denny Zhou et al", "ICLR 2023", "https://openreview.net/forum?id=WZH7099tgfM"
)
SURVEY = "A Survey of Large Language Models"


def numbered(*entries_: str, numbers: str) -> list[str]:
    return [f"{n}.{e[2:]}" for n, e in zip(numbers.split(), entries_, strict=True)]


CASES = {
    "same paper twice in a section, https and http": (
        readme(("Models", [BROWN, DEVLIN, BROWN.replace("https:", "http:")])),
        [(f.DUPLICATE, (5, 7)), (f.LINKS, (5, 7))],
    ),
    "listed on purpose in two sections, same details": (
        readme(("Models", [BROWN]), ("Prompting", [BROWN])),
        [],
    ),
    "one arXiv id, two venues in two sections": (
        readme(("Models", [BROWN]), ("Prompting", [BROWN.replace("NeurIPS", "arXiv")])),
        [(f.CONFLICT, (5, 9))],
    ),
    "one arXiv id, two first authors": (
        readme(("Models", [BROWN]), ("Prompting", [BROWN.replace("Tom B. Brown", "Ben Mann")])),
        [(f.CONFLICT, (5, 9))],
    ),
    "arXiv in one section, OpenReview in another": (
        readme(("Reasoning", [ZHOU]), ("Planning", [ZHOU_ICLR])),
        [(f.IDENTIFIERS, (5, 9))],
    ),
    "same title, other authors, no shared id: not one work": (
        readme(
            ("A", [entry(SURVEY, "Wayne Xin Zhao et al", "arXiv 2023", ABS + "2303.18223")]),
            ("B", [entry(SURVEY, "Someone Else", "Journal 2024", "https://example.org/a.pdf")]),
        ),
        [],
    ),
    "same title, two arXiv ids: two works": (
        readme(
            (
                "A",
                [
                    entry("Scaling Laws", "Jane Doe", "arXiv 2020", ABS + "2001.08361"),
                    entry("Scaling Laws", "Jane Doe", "arXiv 2021", ABS + "2102.01293"),
                ],
            )
        ),
        [],
    ),
    "numbering skips": (
        readme(("A", numbered(BROWN, DEVLIN, numbers="1 3"))),
        [(f.NUMBERING, (5,))],
    ),
    "numbering repeats": (
        readme(("A", numbered(BROWN, DEVLIN, ZHOU, numbers="1 2 2"))),
        [(f.NUMBERING, (5,))],
    ),
    "1. throughout, and counting down, are styles": (
        readme(("A", [BROWN, DEVLIN]), ("B", numbered(ZHOU, VASWANI, numbers="2 1"))),
        [],
    ),
    "label brackets closed before the link, lone star, star inside a word": (
        readme(
            (
                "A",
                [
                    BROWN,
                    VASWANI.replace("*Ashish", "Ashish").replace("[[Paper](", "[[Paper]](")[:-1],
                    DEVLIN.replace("*Jacob", "J*acob"),
                ],
            )
        ),
        [(f.MALFORMED, (6,)), (f.MALFORMED, (6,)), (f.MALFORMED, (7,))],
    ),
    "stars and brackets inside code spans and links are not markup": (
        readme(("A", [BROWN, VASWANI.replace("NeurIPS", "`a*b` NeurIPS").replace("(h", "( h")])),
        [],
    ),
    "a space between label and address": (
        readme(("A", [VASWANI.replace("[[Paper](", "[Paper] (")[:-1]])),
        [(f.MALFORMED, (5,))],
    ),
    "a paper without a link among linked ones": (
        readme(("A", [BROWN, DEVLIN, VASWANI.split(" [[")[0]])),
        [(f.MALFORMED, (7,))],
    ),
}


@pytest.mark.parametrize("text, expected", CASES.values(), ids=CASES.keys())
def test_markdown_list(text: str, expected: list[tuple[str, tuple[int, ...]]]) -> None:
    assert found(text) == sorted(expected)


BIB = """@inproceedings{devlin2019bert,
  title = {{BERT}: Pre-training of Deep Bidirectional Transformers for Language Understanding},
  author = {Devlin, Jacob and Chang, Ming-Wei},
  booktitle = {NAACL},
  year = {2019},
  doi = {10.18653/v1/N19-1423}
}

@article{devlin2018bert,
  title = {BERT: Pre-training of deep bidirectional transformers for language understanding},
  author = {Devlin, Jacob and Chang, Ming-Wei},
  journal = {NAACL},
  year = {2019},
  doi = {10.18653/v1/N19-1423}
}
"""
TEXT_LIST = """[1] T. Brown et al. Language Models are Few-Shot Learners. NeurIPS 2020.
[2] J. Devlin et al. BERT: Pre-training of Deep Bidirectional Transformers. NAACL 2019.
[4] A. Vaswani et al. Attention Is All You Need. NeurIPS 2017.
"""


@pytest.mark.parametrize(
    "name, text, expected",
    [
        ("refs.bib", BIB, [(f.DUPLICATE, (1, 9))]),
        ("references.txt", TEXT_LIST, [(f.NUMBERING, (1,))]),
    ],
    ids=["bib-duplicate-by-doi", "text-list-numbering"],
)
def test_other_formats(name: str, text: str, expected: list[tuple[str, tuple[int, ...]]]) -> None:
    assert found(text, name=name) == expected


RETITLED = readme(
    (
        "Reasoning",
        [
            entry(
                "Decomposed Prompting for Complex Tasks",
                "Tushar Khot et al",
                "arXiv 2022",
                "https://arxiv.org/abs/2210.02406",
            )
        ],
    ),
    (
        "Planning",
        [
            entry(
                "Decomposed Prompting: A Modular Approach for Solving Complex Tasks",
                "Tushar Khot et al",
                "ICLR 2023",
                "https://openreview.net/forum?id=_nGgzQjzaRy",
            )
        ],
    ),
)
LINKED = Knowledge(
    links={
        "arxiv:2210.02406": frozenset({"arxiv:2210.02406", "openreview:_nGgzQjzaRy"}),
        "openreview:_nGgzQjzaRy": frozenset({"arxiv:2210.02406", "openreview:_nGgzQjzaRy"}),
    }
)


def test_identifiers_the_cache_links_join_entries_whose_titles_differ() -> None:
    assert found(RETITLED) == []
    assert found(RETITLED, LINKED) == [(f.IDENTIFIERS, (5, 9))]


PREPRINT = readme(
    (
        "Reasoning",
        [entry(L2M, "Denny Zhou et al", "arXiv 2022", "https://arxiv.org/abs/2205.10625")],
    )
)


def published(authors: tuple[str, ...], venue: str = "ICLR 2023") -> Knowledge:
    record = PaperRecord(L2M, authors, 2022, arxiv="2205.10625", published_venue=venue)
    return Knowledge(records={"2205.10625": record})


@pytest.mark.parametrize(
    "known, expected, fix",
    [
        (
            published(("Denny Zhou", "Nathanael Schärli")),
            [(f.PUBLISHED, (5,))],
            ("arXiv 2022", "ICLR 2023"),
        ),
        (published(("Denny Zhou",), venue="ICLR"), [(f.PUBLISHED, (5,))], ("arXiv", "ICLR")),
        (published(("Somebody Else",)), [], None),  # the service confused two papers
        (Knowledge(), [], None),  # nothing cached: nothing proposed, never by title
    ],
    ids=["venue-and-year", "venue-only-year-kept", "other-authors", "not-cached"],
)
def test_published_version(
    known: Knowledge, expected: list[tuple[str, tuple[int, ...]]], fix: tuple[str, str] | None
) -> None:
    findings = audit_texts([("README.md", PREPRINT, None)], known)
    assert sorted((x.kind, tuple(p.line for p in x.entries)) for x in findings) == expected
    if fix:
        (edit,) = findings[0].fixes
        assert (edit.old, edit.new, edit.mechanical) == (*fix, False)


def test_finding_ids_survive_unrelated_edits_and_json_names_entries() -> None:
    text = CASES["one arXiv id, two venues in two sections"][0]
    before = audit_texts([("README.md", text, None)])
    after = audit_texts([("README.md", "Intro line.\n\n" + text, None)])
    assert [x.id for x in before] == [x.id for x in after]
    data = before[0].to_json()
    assert data["kind"] == f.CONFLICT
    assert [(e["file"], e["line"], e["ids"]) for e in data["entries"]] == [
        ("README.md", 5, ["arxiv:2005.14165"]),
        ("README.md", 9, ["arxiv:2005.14165"]),
    ]
    assert data["fix"]["description"]
