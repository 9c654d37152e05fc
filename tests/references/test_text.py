"""The plain-text loader on the seed's reference list and on PDF-extraction quirks."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.references import load, parse, parse_references
from tests.conftest import SEED
from tests.example_survey import EXAMPLE

HERE = Path(__file__).resolve().parent
EXAMPLE_TXT = EXAMPLE / "references.txt"


def _expected() -> list[tuple[int, str, str | None]]:
    rows = []
    for line in (HERE / "data" / "seed_titles.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        number, title, arxiv = line.split("\t")
        rows.append((int(number), title, None if arxiv == "-" else arxiv))
    return rows


EXPECTED = _expected()


@pytest.fixture(scope="module", params=["seed", "example"])
def seed_result(request):
    return load(SEED if request.param == "seed" else EXAMPLE_TXT)


def test_expected_table_is_complete():
    assert [number for number, _, _ in EXPECTED] == list(range(1, 82))


def test_seed_has_exactly_81_references_in_order(seed_result):
    assert [ref.number for ref in seed_result.references] == list(range(1, 82))


@pytest.mark.parametrize(
    ("number", "title", "arxiv"), EXPECTED, ids=[f"[{n}]" for n, _, _ in EXPECTED]
)
def test_seed_reference(seed_result, number, title, arxiv):
    reference = seed_result.references[number - 1]
    assert reference.number == number
    assert reference.title == title
    assert reference.arxiv == arxiv


def test_seed_truncated_last_entry_is_skipped_not_returned(seed_result):
    refs = seed_result.references
    assert [ref.title for ref in refs if ref.number == 8] == [
        "Statistical language modeling for information retrieval"
    ]
    assert refs[-1].number == 81
    assert len(seed_result.skipped) == 1
    skipped = seed_result.skipped[0]
    assert skipped.what.endswith("[8")
    assert "truncated" in skipped.why


def test_seed_details(seed_result):
    refs = {ref.number: ref for ref in seed_result.references}
    assert refs[22].authors[:2] == ("A. Vaswani", "N. Shazeer")
    assert refs[22].year == 2017
    assert refs[45].authors == ("OpenAI",)
    assert refs[74].authors == ("A. Radford", "K. Narasimhan", "T. Salimans", "I. Sutskever")
    assert "E. Suther-land" in refs[59].authors  # hyphen inside a line is the PDF's, kept
    assert len(refs[56].authors) == 67  # names broken over five lines are joined
    assert refs[32].line < refs[32].end_line  # an entry spread over several lines
    assert refs[27].venue == "CoRR"
    assert refs[1].source.endswith(".txt")


def test_lines_before_the_first_entry_are_ignored():
    text = "Changelog\n[v2] not a reference\n- 致谢\n[1] A. B, “Real title,” 2020.\n"
    refs = parse_references(text, "text")
    assert [(ref.number, ref.title) for ref in refs] == [(1, "Real title")]


@pytest.mark.parametrize(
    ("text", "title", "authors"),
    [
        pytest.param(
            "[1] D. Suther-\nland and A. Other, “A title,” 2020.",
            "A title",
            ("D. Sutherland", "A. Other"),
            id="hyphenated-name-joined",
        ),
        pytest.param(
            "[1] K. Meier-\nHellstern, “A title,” 2020.",
            "A title",
            ("K. Meier-Hellstern",),
            id="real-hyphen-kept-before-capital",
        ),
        pytest.param(
            "[1] A. B, “Scaling trans-\nformers to long sequences,” 2021.",
            "Scaling transformers to long sequences",
            ("A. B",),
            id="hyphenated-title-word-joined",
        ),
        pytest.param(
            "[1] A. B, “First part\n-\nsecond part,” in Venue, 2021, pp. 1–2.-\n-",
            "First part second part",
            ("A. B",),
            id="separator-lines-and-trailing-dash",
        ),
        pytest.param(
            "[1] S. Pinker, The Language Instinct: How the Mind Creates Language. "
            "Brilliance Audio, 2014.",
            "The Language Instinct: How the Mind Creates Language",
            ("S. Pinker",),
            id="book-title-up-to-first-period",
        ),
        pytest.param(
            "[1] C. Zhai, Statistical Language Models for Information Retrieval, "
            "ser. Synthesis Lectures.",
            "Statistical Language Models for Information Retrieval",
            ("C. Zhai",),
            id="book-title-before-series",
        ),
        pytest.param(
            "[1] M. D. Hauser and N. Chomsky, “What is it, and how did it evolve?” science, 2002.",
            "What is it, and how did it evolve?",
            ("M. D. Hauser", "N. Chomsky"),
            id="question-mark-title",
        ),
        pytest.param(
            '[1] A. B, C. D et al., "Straight quotes title," '
            "arXiv preprint arXiv:2303.18223, 2023.",
            "Straight quotes title",
            ("A. B", "C. D"),
            id="straight-quotes-et-al",
        ),
        pytest.param(
            "[1] A. B, “Eficient ﬁne-tuning,” 2023.",
            "Eficient ﬁne-tuning",
            ("A. B",),
            id="lost-and-kept-ligatures-untouched",
        ),
    ],
)
def test_entry_shapes(text, title, authors):
    (reference,) = parse_references(text, "text")
    assert reference.title == title
    assert reference.authors == authors


@pytest.mark.parametrize(
    ("tail", "arxiv"),
    [
        pytest.param("CoRR, vol. abs/2201.11903, 2022.", "2201.11903", id="corr-volume"),
        pytest.param("CoRR, vol.\nabs/2201.11903, 2022.", "2201.11903", id="corr-volume-split"),
        pytest.param("arXiv preprint arXiv:1707.06347, 2017.", "1707.06347", id="arxiv-preprint"),
        pytest.param(
            "[Online]. Available: https://arxiv.org/abs/2303.18223v15", "2303.18223", id="url"
        ),
        pytest.param("in ACL, 2020, pp. 2001–2010.", None, id="pages-are-not-ids"),
    ],
)
def test_arxiv_forms(tail, arxiv):
    (reference,) = parse_references(f"[1] A. B, “T,” {tail}", "text")
    assert reference.arxiv == arxiv


def test_truncated_entries_and_text_after_them():
    result = parse(
        "[1] A. B, “One,” 2020.\n[2] C. D, “Two,” 2021.\n[3\n- Epilogue\n", "text", "refs.txt"
    )
    assert [ref.title for ref in result.references] == ["One", "Two"]
    assert [s.what for s in result.skipped] == ["refs.txt:3 [3"]


def test_prose_bullet_ends_the_entry():
    refs = parse_references(
        "[1] A. B, “One,” 2020.\n- 尾声: prose\nmore prose\n[2] C, “Two,” 2021.", "text"
    )
    assert [(ref.number, ref.end_line) for ref in refs] == [(1, 1), (2, 4)]


def test_crlf_and_line_numbers():
    refs = parse_references(
        "intro\r\n[1] A. B, “One,”\r\n2020.\r\n[2] C. D, “Two,” 2021.\r\n", "text"
    )
    assert [(ref.line, ref.end_line, ref.year) for ref in refs] == [(2, 3, 2020), (4, 4, 2021)]


def test_no_list_gives_nothing():
    assert parse_references("just prose\nno references here\n", "text") == []
