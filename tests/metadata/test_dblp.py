"""dblp client over HTTP with the recorded "black holes" search (strings, entities, homonyms)."""

from __future__ import annotations

import json

import pytest

from bot.metadata.dblp import DblpClient, author_name, parse_hits
from bot.models import Skipped
from bot.suggestions import PaperRecord, Suggestion

from .conftest import Reply, fixture, recorded

BLACK_HOLES = fixture("dblp", "search_publ_black_holes.json")


@pytest.fixture
def routes(server):
    """arXiv finds nothing by title; dblp answers with the recorded search."""
    server.route("arxiv", "", recorded("arxiv", "ml_search_ti_fabricated_title_zero_results.xml"))
    server.route("dblp", "", Reply(200, BLACK_HOLES, {"Content-Type": "application/json"}))
    return server


def test_singular_author_entities_and_trailing_period(routes, make_resolver):
    record = make_resolver(link_versions=False).resolve(Suggestion(
        title='Metering "Black Holes": Networking Stand-Alone Applications for Distributed '
              "Multimodal Synchronization"))
    assert isinstance(record, PaperRecord)
    assert record.title == ('Metering "black holes": networking stand-alone applications for '
                            "distributed multimodal synchronization")  # &quot; unescaped, no "."
    assert record.doi == record.published_doi == "10.1145/2993148.2998530"
    assert record.published_venue == "ICMI"
    assert record.source == "dblp"
    (request,) = routes.seen("dblp")
    assert request.query["format"] == "json"


def test_single_author_object_and_homonym_suffix(routes, make_resolver):
    record = make_resolver(link_versions=False).resolve(Suggestion(
        title="Artificial Intelligence in Engineering and Society: Blue Skies, Black Holes, "
              "and the Job of Requirements Engineers (Keynote)"))
    assert isinstance(record, PaperRecord)
    assert record.authors == ("Alessio Ferrari",)  # "Alessio Ferrari 0001"
    assert record.year == 2023
    assert record.doi == "10.1109/rew57809.2023.00018"  # dblp's upper-case DOI, normalised


def test_apostrophe_entity_in_author(routes, make_resolver):
    record = make_resolver(link_versions=False).resolve(Suggestion(
        title="AdS Black Holes in the Framework of Nonlinear Electrodynamics, Thermodynamics, "
              "and Joule-Thomson Expansion"))
    assert isinstance(record, PaperRecord)
    assert record.authors == ("Sergey Il'ich Kruglov",)


@pytest.mark.parametrize(("title", "arxiv"), [
    ("Black holes and cryptocurrencies", "2205.12995"),  # key abs-2205-12995, 10.48550 DOI
    ("AGNet: Weighing Black Holes with Deep Learning", "2108.07749"),  # arXiv ee, no doi
    ("Internet Protocol Black Holes: A E-Security Threat", "cs/0511031"),  # old-style id
])
def test_corr_entries_give_arxiv_ids(routes, make_resolver, title, arxiv):
    record = make_resolver(link_versions=False).resolve(Suggestion(title=title))
    assert isinstance(record, PaperRecord)
    assert record.arxiv == arxiv
    assert record.url == f"https://arxiv.org/abs/{arxiv}"
    assert record.published_doi is None and record.published_venue is None


def test_corr_and_other_version_are_combined(routes, make_resolver):
    record = make_resolver(link_versions=False).resolve(Suggestion(
        title="The Complexity of Quantum States and Transformations: From Quantum Money to "
              "Black Holes"))
    assert isinstance(record, PaperRecord)
    assert record.arxiv == "1607.05256"  # from the CoRR hit (key journals/corr/Aaronson16)
    assert record.venue == "Electron. Colloquium Comput. Complex."  # from the ECCC hit


def test_no_hit_with_that_title(routes, make_resolver):
    routes.route("crossref", "/works",
                 recorded("crossref", "query_title_nonsense_zero_results.json"))
    result = make_resolver(link_versions=False).resolve(
        Suggestion(title="Black holes in machine learning"))
    assert isinstance(result, Skipped)  # "Black holes and the loss landscape in ..." is another


def test_a_one_phrase_title_matches_exactly(routes, make_resolver):
    record = make_resolver(link_versions=False).resolve(Suggestion(title="Black Holes"))
    assert isinstance(record, PaperRecord)
    assert (record.venue, record.doi) == ("Scholarpedia", "10.4249/scholarpedia.4277")


def test_zero_hits_and_malformed(server, make_resolver):
    server.route("arxiv", "", recorded("arxiv", "ml_search_ti_fabricated_title_zero_results.xml"))
    server.route("dblp", "", Reply(200, b'{"result": {"hits": {"@total": "0", "@sent": "0"}}}'))
    server.route("crossref", "/works", Reply(200, b"garbage"))
    result = make_resolver(link_versions=False).resolve(Suggestion(title="A paper about nothing"))
    assert isinstance(result, Skipped)
    assert "no dblp record has this title" in result.why
    assert "Crossref sent a body that is not JSON" in result.why


def test_parse_helpers():
    data = json.loads(BLACK_HOLES)
    infos = parse_hits(data)
    assert len(infos) == 123
    assert author_name({"@pid": "x", "text": "Yu Zheng 0004"}) == "Yu Zheng"
    assert author_name("Plain Name") == "Plain Name"
    single = {"result": {"hits": {"hit": {"info": {"title": "Only one.", "year": "2020",
                                                   "authors": {"author": "Solo Author 0002"},
                                                   "venue": ["NeurIPS", "Workshop"]}}}}}
    (info,) = parse_hits(single)
    record = DblpClient.choose([info], "Only one")
    assert (record.title, record.authors, record.year, record.venue) == (
        "Only one", ("Solo Author",), 2020, "NeurIPS")
