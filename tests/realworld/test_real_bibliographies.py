"""Loaders on real survey bibliographies: ``.bib`` files and BibTeX's ``.bbl`` output.

The fixtures are verbatim entries of public LaTeX repositories (see
fixtures/SOURCES.md); every expectation below was checked by hand against the
file. They guard what our own examples lack: DBLP exports, 80-author lists,
``and N others``, natbib labels spanning dozens of names, elsarticle's
comma-only layout and a ``.bbl`` committed with git conflict markers.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.models import Reference
from bot.references import load, parse

FIXTURES = Path(__file__).parent / "fixtures"


def expected_count(name: str) -> int:
    """Entries as ``grep`` counts them: ``@type`` lines minus macros, or ``\\bibitem`` lines."""
    text = (FIXTURES / name).read_text(encoding="utf-8")
    if name.endswith(".bbl"):
        return len(re.findall(r"^\\bibitem", text, re.MULTILINE))
    kinds = re.findall(r"^@(\w+)", text, re.MULTILINE)
    return sum(kind.lower() not in {"string", "comment", "preamble"} for kind in kinds)


def by_key(name: str) -> dict[str, Reference]:
    result = load(FIXTURES / name)
    assert result.skipped == ()
    return {ref.key: ref for ref in result.references if ref.key}


@pytest.mark.parametrize(
    ("fixture", "count"),
    [
        pytest.param("dblp_mllm_survey_custom.bib", 19, id="dblp-bib"),
        pytest.param("kg_llm_survey_references.bib", 31, id="kg-survey-bib"),
        pytest.param("stylometry_acl_natbib.bbl", 12, id="acl-natbib-small"),
        pytest.param("vla_acl_natbib.bbl", 43, id="acl-natbib-long-labels"),
        pytest.param("bigdata_review_elsarticle.bbl", 46, id="elsarticle-with-conflicts"),
    ],
)
def test_every_entry_is_read(fixture, count):
    result = load(FIXTURES / fixture)
    assert result.skipped == ()
    assert len(result.references) == count == expected_count(fixture)


@pytest.mark.parametrize(
    "fixture",
    ["dblp_mllm_survey_custom.bib", "vla_acl_natbib.bbl", "bigdata_review_elsarticle.bbl"],
)
def test_windows_line_endings_read_the_same(fixture):
    text = (FIXTURES / fixture).read_text(encoding="utf-8")
    fmt = "bbl" if fixture.endswith(".bbl") else "bibtex"
    assert parse(text.replace("\n", "\r\n"), fmt) == parse(text, fmt)


# fixture, key, (title, first author, number of authors, year, venue, arxiv, doi)
ENTRIES = [
    pytest.param(
        "dblp_mllm_survey_custom.bib",
        "DBLP:journals/corr/abs-2112-11446",
        (
            "Scaling Language Models: Methods, Analysis & Insights from Training Gopher",
            "Jack W. Rae",
            80,
            2021,
            "CoRR",
            "2112.11446",
            None,
        ),
        id="dblp-gopher-80-authors-escaped-ampersand",
    ),
    pytest.param(
        "dblp_mllm_survey_custom.bib",
        "DBLP:conf/eccv/KolesnikovBZPYG20",
        (
            "Big Transfer (BiT): General Visual Representation Learning",
            "Alexander Kolesnikov",
            7,
            2020,
            "Computer Vision - ECCV 2020 - 16th European Conference, Glasgow, UK, "
            "August 23-28, 2020, Proceedings, Part V",
            None,
            "10.1007/978-3-030-58558-7_29",
        ),
        id="dblp-escaped-underscore-doi-editors-not-authors",
    ),
    pytest.param(
        "dblp_mllm_survey_custom.bib",
        "DBLP:conf/cvpr/MarinoRFM19",
        (
            "OK-VQA: A Visual Question Answering Benchmark Requiring External Knowledge",
            "Kenneth Marino",
            4,
            2019,
            "IEEE Conference on Computer Vision and Pattern Recognition, CVPR 2019, "
            "Long Beach, CA, USA, June 16-20, 2019",
            None,
            "10.1109/cvpr.2019.00331",
        ),
        id="dblp-braced-title-pieces",
    ),
    pytest.param(
        "dblp_mllm_survey_custom.bib",
        "DBLP:journals/corr/abs-2303-18223",
        (
            "A Survey of Large Language Models",
            "Wayne Xin Zhao",
            22,
            2023,
            "CoRR",
            "2303.18223",
            "10.48550/arxiv.2303.18223",
        ),
        id="dblp-arxiv-doi",
    ),
    pytest.param(
        "dblp_mllm_survey_custom.bib",
        "APA:83",
        (
            "Publications Manual",
            "American Psychological Association",
            1,
            1983,
            "American Psychological Association",
            None,
            None,
        ),
        id="double-braced-corporate-author",
    ),
    pytest.param(
        "dblp_mllm_survey_custom.bib",
        "rasooli-tetrault-2015",
        (
            "Yara Parser: A Fast and Accurate Dependency Parser",
            "Mohammad Sadegh Rasooli",
            2,
            2015,
            "Computing Research Repository",
            "1503.06733",
            None,
        ),
        id="arxiv-in-volume",
    ),
    pytest.param(
        "dblp_mllm_survey_custom.bib",
        "Ando2005",
        (
            "A Framework for Learning Predictive Structures from Multiple Tasks and Unlabeled Data",
            "Rie Kubota Ando",
            2,
            2005,
            "Journal of Machine Learning Research",
            None,
            None,
        ),
        id="capitalised-field-names-month-macro",
    ),
    pytest.param(
        "kg_llm_survey_references.bib",
        "supplementary",
        (
            "Supplementary Material for “Biomedical Knowledge Graphs and Large Language Models: "
            "A Critical Engineering Survey”",
            "Rangan Das",
            6,
            2026,
            "Accompanying this article",
            None,
            None,
        ),
        id="tex-quotes-in-title-two-word-surname",
    ),
    pytest.param(
        "kg_llm_survey_references.bib",
        "he2025biomedrag",
        (
            "Retrieval-Augmented Generation in Biomedicine: A Survey of Technologies, Datasets, "
            "and Clinical Applications",
            "Jiawei He",
            1,
            2025,
            None,
            "2505.01146",
            None,
        ),
        id="misc-eprint-and-others",
    ),
    pytest.param(
        "kg_llm_survey_references.bib",
        "ioannidis2020drkg",
        (
            "DRKG – Drug Repurposing Knowledge Graph for Covid-19",
            "Vassilis N. Ioannidis",
            1,
            2020,
            None,
            None,
            None,
        ),
        id="url-in-howpublished",
    ),
    pytest.param(
        "kg_llm_survey_references.bib",
        "cabello2024meg",
        (
            "MEG: Medical Knowledge-Augmented Large Language Models for Question Answering",
            "Laura Cabello",
            5,
            2024,
            None,
            "2411.03883",
            None,
        ),
        id="slash-o-in-name",
    ),
    pytest.param(
        "kg_llm_survey_references.bib",
        "zuo2025drknows",
        (
            "Leveraging Medical Knowledge Graphs Into Large Language Models for Diagnosis "
            "Prediction: Design and Application Study",
            "Yanjun Gao",
            9,
            2025,
            "JMIR AI",
            None,
            "10.2196/58670",
        ),
        id="after-comment-lines",
    ),
    pytest.param(
        "stylometry_acl_natbib.bbl",
        "NiloBino03",
        (
            "Who wrote the 15th book of oz? an application of multivariate analysis to "
            "authorship attribution",
            "José Nilo G. Binongo",
            1,
            2003,
            "CHANCE",
            None,
            "10.1080/09332480.2003.10554843",
        ),
        id="natbib-href-doi-title",
    ),
    pytest.param(
        "stylometry_acl_natbib.bbl",
        "Luto97",
        (
            "The Origin and Growth of Plato's Logic: With an Account of Plato's Style and of the "
            "Chronology of His Writings",
            "W. Lutosławski",
            1,
            1897,
            "WC Brown Reprint Library",
            None,
            None,
        ),
        id="natbib-nineteenth-century-year",
    ),
    pytest.param(
        "stylometry_acl_natbib.bbl",
        "LoshHutt19",
        (
            "Decoupled weight decay regularization",
            "Ilya Loshchilov",
            2,
            2019,
            "Preprint",
            "1711.05101",
            None,
        ),
        id="natbib-preprint-arxiv",
    ),
    pytest.param(
        "vla_acl_natbib.bbl",
        "pmlr-v305-black25a",
        (
            "π_0.5: a vision-language-action model with open-world generalization",
            "Kevin Black",
            19,
            2025,
            "Proceedings of The 9th Conference on Robot Learning",
            None,
            None,
        ),
        id="natbib-and-16-others-math-title",
    ),
    pytest.param(
        "vla_acl_natbib.bbl",
        "huang2025thinkactvisionlanguageactionreasoningreinforced",
        (
            "Thinkact: Vision-language-action reasoning via reinforced visual latent planning",
            "Chi-Pin Huang",
            5,
            2025,
            "Preprint",
            "2507.16815",
            None,
        ),
        id="natbib-natexlab-label",
    ),
    pytest.param(
        "vla_acl_natbib.bbl",
        "jin2023minibehavior",
        (
            "Mini-BEHAVIOR: A procedurally generated benchmark for long-horizon decision-making "
            "in embodied AI",
            "Emily Jin",
            7,
            2023,
            "NeurIPS 2023 Workshop on Generalization in Planning",
            None,
            None,
        ),
        id="natbib-dotless-i-accent",
    ),
    pytest.param(
        "vla_acl_natbib.bbl",
        "DBLP:journals/jair/DrexlerSG24",
        (
            "Expressing and exploiting subgoal structure in classical planning using sketches",
            "Dominik Drexler",
            3,
            2024,
            "J. Artif. Intell. Res.",
            None,
            None,
        ),
        id="natbib-abbreviated-journal-keeps-period",
    ),
    pytest.param(
        "vla_acl_natbib.bbl",
        "bjorck2025gr00t",
        (
            "Gr00t n1: An open foundation model for generalist humanoid robots",
            "Johan Bjorck",
            10,
            2025,
            "arXiv preprint arXiv:2503.14734",
            "2503.14734",
            None,
        ),
        id="natbib-arxiv-preprint-venue",
    ),
    pytest.param(
        "bigdata_review_elsarticle.bbl",
        "Fer14",
        (
            "Big Data with cloud computing: An information sciencesight on the computing "
            "environment, MapReduce and programming framework",
            "A. Fernández",
            7,
            2014,
            "WIREs Data Mining and Knowledge Discovery",
            None,
            None,
        ),
        id="elsarticle-journal-volume-tail",
    ),
    pytest.param(
        "bigdata_review_elsarticle.bbl",
        "zaharia12",
        (
            "Resilient distributed datasets: A fault-tolerant abstraction for in-memory cluster "
            "computing",
            "M. Zaharia",
            9,
            2012,
            "Proceedings of the 9th USENIX Conference on Networked Systems Design and "
            "Implementation",
            None,
            None,
        ),
        id="elsarticle-in-proceedings",
    ),
    pytest.param(
        "bigdata_review_elsarticle.bbl",
        "harris13",
        (
            "The history of Hadoop: From 4 nodes to the future of data",
            "D. Harris",
            1,
            2013,
            None,
            None,
            None,
        ),
        id="elsarticle-url-tail",
    ),
    pytest.param(
        "bigdata_review_elsarticle.bbl",
        "Mahout17",
        (
            "Mahout, an open source project which includes scalable machine learning algorithms",
            "The Apache Software Foundation",
            1,
            2017,
            None,
            None,
            None,
        ),
        id="elsarticle-href-title-corporate-author",
    ),
    pytest.param(
        "bigdata_review_elsarticle.bbl",
        "jaggi14",
        (
            "Communication-efficient distributed dual coordinate ascent",
            "M. Jaggi",
            7,
            None,
            "CoRR abs/1409.1458. http://arxiv.org/abs/1409.1458",
            "1409.1458",
            None,
        ),
        id="elsarticle-inside-conflict-block",
    ),
    pytest.param(
        "bigdata_review_elsarticle.bbl",
        "TrigueroDGH12",
        (
            "A taxonomy and experimental study on prototype generation for nearest neighbor "
            "classification",
            "I. Triguero",
            4,
            2012,
            "IEEE Transactions on Systems",
            None,
            None,
        ),
        id="elsarticle-title-period-then-comma",
    ),
    pytest.param(
        "bigdata_review_elsarticle.bbl",
        "Palit12-Boost",
        (
            "Scalable and parallel boosting with mapreduce",
            "I. Palit",
            2,
            2012,
            "IEEE Transactions on Knowledge and Data Engineering",
            None,
            None,
        ),
        id="elsarticle-cited-by-suffix",
    ),
    pytest.param(
        "bigdata_review_elsarticle.bbl",
        "MailloRTH17-kNN",
        (
            "knn-is: An iterative spark-based design of the k-nearest neighbors classifier for big "
            "data",
            "J. Maillo",
            4,
            2017,
            "Knowledge-Based Systems",
            None,
            None,
        ),
        id="elsarticle-last-item-before-conflict-marker",
    ),
]


@pytest.mark.parametrize(("fixture", "key", "expected"), ENTRIES)
def test_hand_checked_entries(fixture, key, expected):
    title, first_author, n_authors, year, venue, arxiv, doi = expected
    ref = by_key(fixture)[key]
    assert ref.title == title
    assert ref.authors[0] == first_author
    assert len(ref.authors) == n_authors
    assert (ref.year, ref.venue, ref.arxiv, ref.doi) == (year, venue, arxiv, doi)


def test_bbl_numbers_follow_item_order_across_conflict_blocks():
    refs = load(FIXTURES / "bigdata_review_elsarticle.bbl").references
    assert [ref.number for ref in refs] == list(range(1, 47))
    assert all("<<<<<<<" not in (ref.venue or "") + ref.title for ref in refs)
