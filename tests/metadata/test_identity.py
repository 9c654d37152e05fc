"""One paper, many ids: the services link them, the cache keeps the links, the matcher uses them.

The paper: ChemCrow. Its preprint (arXiv 2304.05376) is titled "ChemCrow: Augmenting
large-language models with chemistry tools"; the published version (Nature Machine
Intelligence, DOI 10.1038/s42256-024-00832-8) "Augmenting large language models with
chemistry tools". Recorded Crossref and Semantic Scholar records of the published
version are replayed (the Crossref one with a synthetic ``has-preprint`` relation).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.assess import assess
from bot.matching import ReferenceIndex
from bot.metadata.cache import Cache
from bot.metadata.crossref import parse_work
from bot.metadata.semanticscholar import parse_paper
from bot.models import Query, Reference
from bot.suggestions import PaperRecord, Suggestion
from tests.conftest import RECORDED_METADATA

from .conftest import Reply, recorded

DOI = "10.1038/s42256-024-00832-8"
ARXIV = "2304.05376"
PUBLISHED_TITLE = "Augmenting large language models with chemistry tools"
PREPRINT = Reference(
    title="ChemCrow: Augmenting large-language models with chemistry tools",
    authors=("Andres M. Bran", "Sam Cox"),
    year=2023,
    arxiv=ARXIV,
    number=7,
)


def _json(service: str, name: str) -> dict:
    return json.loads((RECORDED_METADATA / service / name).read_text(encoding="utf-8"))


def test_semantic_scholar_names_every_id_of_the_work() -> None:
    record = parse_paper(_json("semanticscholar", "paper_DOI_10.1038_s42256-024-00832-8.json"))
    assert {
        f"arxiv:{ARXIV}",
        f"doi:{DOI}",
        "dblp:journals/natmi/BranCSBWS24",
        "corpus:258059792",
        "s2:354dcdebf3f8b5feeed5c62090e0bc1f0c28db06",
    } <= set(record.ids)


@pytest.mark.parametrize(
    ("name", "preprint"),
    [
        ("works_10.1038_s42256-024-00832-8_has-preprint_synthetic.json", True),
        ("works_10.1038_s42256-024-00832-8.json", False),
    ],
    ids=["has-preprint", "no-relation"],
)
def test_crossref_relates_the_preprint(name: str, preprint: bool) -> None:
    record = parse_work(_json("crossref", name)["message"])
    assert f"doi:{DOI}" in record.ids
    assert (f"arxiv:{ARXIV}" in record.ids) is preprint


def test_a_doi_is_cited_as_its_listed_preprint_and_the_cache_remembers(
    server, make_resolver, tmp_path: Path
) -> None:
    server.route(
        "crossref",
        f"/works/{DOI}",
        recorded("crossref", "works_10.1038_s42256-024-00832-8_has-preprint_synthetic.json"),
    )
    record = make_resolver(link_versions=False).resolve(Suggestion(doi=DOI))
    assert isinstance(record, PaperRecord) and record.title == PUBLISHED_TITLE
    index = ReferenceIndex.build([PREPRINT])
    result = index.check(Query.from_record(record))
    assert (result.verdict, result.reason, result.match) == ("cited", "arxiv-id", PREPRINT)
    cache = Cache(tmp_path / "cache" / "metadata.sqlite")  # make_resolver's cache file
    assert f"arxiv:{ARXIV}" in cache.linked({f"doi:{DOI}"})
    cache.close()


def test_the_published_version_is_recognised_by_title_when_the_authors_agree() -> None:
    """No id links them: the title lost its nickname between versions, the authors agree."""
    listed = Reference(title=PREPRINT.title, authors=PREPRINT.authors, year=2023, number=7)
    index = ReferenceIndex.build([listed])
    published = Query(title=PUBLISHED_TITLE, authors=("Andrés M Bran", "Sam Cox"), year=2024)
    result = index.check(published)
    assert (result.verdict, result.match) == ("cited", listed)
    assert result.reason.startswith("title-nickname+authors")
    stranger = index.check(Query(title=PUBLISHED_TITLE, authors=("Jane Doe",), year=2024))
    assert stranger.verdict != "cited"


def test_a_reader_given_id_is_cited_offline_through_known_links(
    make_resolver, tmp_path: Path
) -> None:
    """The services are not asked (offline, nothing cached), yet the DOI is the listed
    preprint: an earlier run linked them in the cache."""
    cache = Cache(tmp_path / "cache" / "metadata.sqlite")
    cache.link({f"doi:{DOI}", f"arxiv:{ARXIV}"})
    cache.close()
    resolver = make_resolver(offline=True)
    (item,) = assess([Suggestion(doi=DOI)], resolver, ReferenceIndex.build([PREPRINT]))
    assert item.result is not None
    assert (item.result.verdict, item.result.match) == ("cited", PREPRINT)


def test_openreview_and_arxiv_ids_of_one_paper_are_one_reference() -> None:
    listed = Reference(
        title="Some Paper", urls=("https://openreview.net/forum?id=rJ4km2R5t7",), number=3
    )
    index = ReferenceIndex.build([listed])
    query = Query(arxiv="1810.00000", ids=("arxiv:1810.00000", "openreview:rJ4km2R5t7"))
    result = index.check(query)
    assert (result.verdict, result.reason, result.match) == ("cited", "openreview-id", listed)


def test_the_cache_never_joins_two_arxiv_ids(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "c.sqlite")
    cache.link({"arxiv:2304.05376", f"doi:{DOI}"})
    cache.link({"arxiv:1706.03762", "doi:10.5555/3295222.3295349"})
    cache.link({f"doi:{DOI}", "doi:10.5555/3295222.3295349"})  # a confused service
    assert cache.linked({f"doi:{DOI}"}) == {"arxiv:2304.05376", f"doi:{DOI}"}
    cache.link({f"doi:{DOI}", "dblp:journals/natmi/BranCSBWS24"})
    cache.close()
    again = Cache(tmp_path / "c.sqlite")  # kept on disk
    assert again.linked({"dblp:journals/natmi/BranCSBWS24"}) == {
        "arxiv:2304.05376",
        f"doi:{DOI}",
        "dblp:journals/natmi/BranCSBWS24",
    }
    again.close()


def test_resolving_links_the_reader_given_openreview_id(server, make_resolver) -> None:
    s2 = {"paperId": "0" * 40, "externalIds": {"ArXiv": ARXIV}, "title": PUBLISHED_TITLE}
    forum = "https://openreview.net/forum?id=abcDEF123"
    server.route("semanticscholar", f"/paper/URL:{forum}", Reply(200, json.dumps(s2).encode()))
    server.route("arxiv", "", Reply(404, b""))
    record = make_resolver(link_versions=False).resolve(Suggestion(openreview="abcDEF123"))
    assert isinstance(record, PaperRecord)
    assert {"openreview:abcDEF123", f"arxiv:{ARXIV}"} <= set(record.ids)


def test_dblp_names_its_key_and_the_arxiv_copy() -> None:
    from bot.metadata.dblp import parse_hits, parse_info

    infos = parse_hits(_json("dblp", "search_publ_black_holes.json"))
    published = parse_info(infos[0])
    assert set(published.ids) == {"dblp:journals/entropy/CordaFMS18", "doi:10.3390/e20010056"}
    corr = next(parse_info(i) for i in infos if str(i.get("key", "")).startswith("journals/corr"))
    assert f"arxiv:{corr.arxiv}" in corr.ids and any(i.startswith("dblp:") for i in corr.ids)
