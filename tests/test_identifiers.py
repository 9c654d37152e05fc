"""Identifier normalisation: every form a reader, a .bib file or a PDF list uses."""

from __future__ import annotations

import pytest

from bot.identifiers import (
    arxiv_from_doi,
    find_arxiv_ids,
    find_dois,
    normalize_arxiv,
    normalize_doi,
)

ARXIV_FORMS = [
    ("2308.09662", "2308.09662", "bare-new"),
    ("2308.09662v3", "2308.09662", "bare-version"),
    ("1501.00001", "1501.00001", "four-digit-number"),
    ("arXiv:2308.09662", "2308.09662", "prefix"),
    ("arxiv:2308.09662v2", "2308.09662", "prefix-lower-version"),
    ("arXiv: 2308.09662", "2308.09662", "prefix-space"),
    ("arXiv preprint arXiv:2303.18223", "2303.18223", "bibtex-journal"),
    ("https://arxiv.org/abs/2308.09662", "2308.09662", "abs-url"),
    ("https://arxiv.org/abs/2308.09662v3", "2308.09662", "abs-url-version"),
    ("https://arxiv.org/pdf/2308.09662v3.pdf", "2308.09662", "pdf-url"),
    ("https://arxiv.org/pdf/2308.09662", "2308.09662", "pdf-url-no-ext"),
    ("https://arxiv.org/html/2401.00001v1", "2401.00001", "html-url"),
    ("http://export.arxiv.org/abs/1706.03762", "1706.03762", "export-url"),
    ("https://www.arxiv.org/abs/1706.03762", "1706.03762", "www-url"),
    ("CoRR, vol. abs/2201.11903", "2201.11903", "corr-pdf-list"),
    ("abs/1907.11692", "1907.11692", "corr-volume"),
    ("10.48550/arXiv.2303.18223", "2303.18223", "arxiv-doi"),
    ("https://doi.org/10.48550/ARXIV.2303.18223", "2303.18223", "arxiv-doi-url-upper"),
    ("hep-th/9901001", "hep-th/9901001", "old-style"),
    ("hep-th/9901001v2", "hep-th/9901001", "old-style-version"),
    ("arXiv:cond-mat/0102536", "cond-mat/0102536", "old-style-prefix"),
    ("https://arxiv.org/abs/math.AG/0601001", "math.AG/0601001", "old-style-subject-class"),
    ("https://arxiv.org/abs/astro-ph/0601001v1", "astro-ph/0601001", "old-style-url"),
]


@pytest.mark.parametrize(
    ("text", "expected"), [case[:2] for case in ARXIV_FORMS], ids=[c[2] for c in ARXIV_FORMS]
)
def test_normalize_arxiv(text, expected):
    assert normalize_arxiv(text) == expected


@pytest.mark.parametrize(
    "text",
    [None, "", "2013.12345", "1234.5678", "pages 1569-1579", "10.1145/3571730", "arXiv"],
    ids=["none", "empty", "month-13", "month-34", "page-range", "plain-doi", "word-only"],
)
def test_not_an_arxiv_id(text):
    assert normalize_arxiv(text) is None


DOI_FORMS = [
    ("10.18653/v1/N19-1423", "10.18653/v1/n19-1423", "bare-mixed-case"),
    ("doi:10.18653/v1/N19-1423", "10.18653/v1/n19-1423", "doi-prefix"),
    ("DOI: 10.1145/3571730", "10.1145/3571730", "doi-prefix-space"),
    ("https://doi.org/10.18653/V1/N19-1423", "10.18653/v1/n19-1423", "doi-org-url"),
    ("http://dx.doi.org/10.1162/tacl_a_00324", "10.1162/tacl_a_00324", "dx-doi-url"),
    ("https://doi.org/10.1145%2F3571730", "10.1145/3571730", "url-encoded-slash"),
    ("https://dl.acm.org/doi/10.1145/3571730", "10.1145/3571730", "acm-url"),
    ("https://dl.acm.org/doi/pdf/10.1145/3571730", "10.1145/3571730", "acm-pdf-url"),
    (
        "https://link.springer.com/article/10.1007/s11263-021-01453-z",
        "10.1007/s11263-021-01453-z",
        "springer-url",
    ),
    (
        "https://onlinelibrary.wiley.com/doi/full/10.1002/aaai.12027",
        "10.1002/aaai.12027",
        "wiley-url",
    ),
    ("see 10.1038/s42256-024-00832-8.", "10.1038/s42256-024-00832-8", "trailing-period"),
    ("(doi:10.1145/3571730)", "10.1145/3571730", "in-parentheses"),
    ("10.48550/arXiv.2303.18223", "10.48550/arxiv.2303.18223", "arxiv-doi-kept-as-doi"),
]


@pytest.mark.parametrize(
    ("text", "expected"), [case[:2] for case in DOI_FORMS], ids=[c[2] for c in DOI_FORMS]
)
def test_normalize_doi(text, expected):
    assert normalize_doi(text) == expected


@pytest.mark.parametrize(
    "text", [None, "", "no doi here", "10.1/x"], ids=["none", "empty", "prose", "short-prefix"]
)
def test_not_a_doi(text):
    assert normalize_doi(text) is None


def test_find_arxiv_ids_in_prose_keeps_order_and_skips_repeats():
    text = (
        "Please add https://arxiv.org/pdf/2308.09662v3.pdf (also arXiv:2308.09662) "
        "and the old hep-th/9901001 paper, plus 1706.03762; not pages 1234.5678."
    )
    assert find_arxiv_ids(text) == ["2308.09662", "1706.03762"]


def test_find_dois_in_prose():
    text = "Published as https://doi.org/10.18653/v1/N19-1423 and doi:10.1145/3571730."
    assert find_dois(text) == ["10.18653/v1/n19-1423", "10.1145/3571730"]


@pytest.mark.parametrize("arxiv_id", ["2303.18223", "hep-th/9901001"], ids=["new", "old"])
def test_arxiv_doi_round_trip(arxiv_id):
    assert arxiv_from_doi(f"10.48550/arXiv.{arxiv_id}") == arxiv_id


def test_arxiv_from_a_publisher_doi_is_none():
    assert arxiv_from_doi("10.18653/v1/n19-1423") is None
    assert arxiv_from_doi(None) is None
