"""The resolution chain end to end: version linking, mixed batches, BibTeX, no escaping errors."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace

from bot.config import Config
from bot.config.schema import MetadataConfig
from bot.metadata import DEFAULT_BASE_URLS, Query, build_resolver, user_agent
from bot.models import Skipped
from bot.references.bibtex import expand_entries, split_authors
from bot.suggestions import PaperRecord, Suggestion
from bot.text.latex import decode

from .conftest import Reply, fixture, recorded

JSON = {"Content-Type": "application/json"}
BERT_DOI = "10.18653/v1/n19-1423"
BERT_TITLE = "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding"
BERT_AUTHORS = ("Jacob Devlin", "Ming-Wei Chang", "Kenton Lee", "Kristina Toutanova")

# SYNTHETIC: not a recorded response. Written by hand in the shape of the recorded
# Semantic Scholar /paper/{id} bodies in tests/fixtures/metadata/semanticscholar/
# (same keys, externalIds with string ids and an integer CorpusId), for BERT, whose
# S2 record was not recorded. Values are those of the public paper; the paperId
# and CorpusId are placeholders.
S2_BERT_SYNTHETIC = json.dumps({
    "paperId": "0000000000000000000000000000000000000bert",
    "externalIds": {"DBLP": "conf/naacl/DevlinCLT19", "ACL": "N19-1423", "ArXiv": "1810.04805",
                    "DOI": "10.18653/v1/N19-1423", "CorpusId": 1},
    "title": BERT_TITLE,
    "venue": "North American Chapter of the Association for Computational Linguistics",
    "year": 2019,
    "publicationVenue": {"id": "00000000-0000-0000-0000-000000000000",
                         "name": "North American Chapter of the Association for "
                                 "Computational Linguistics",
                         "type": "conference", "alternate_names": ["NAACL"]},
    "authors": [{"authorId": "1", "name": "Jacob Devlin"},
                {"authorId": "2", "name": "Ming-Wei Chang"},
                {"authorId": "3", "name": "Kenton Lee"},
                {"authorId": "4", "name": "Kristina Toutanova"}],
}).encode() + b"\n"


def bert_routes(server) -> None:
    server.route("arxiv", "", Reply(200, fixture("arxiv", "ml_id_list_8_papers.xml")))
    server.route("crossref", f"/works/{BERT_DOI}",
                 recorded("crossref", "works_10.18653_v1_n19-1423_bert_trimmed.json"))
    for s2_id in (f"DOI:{BERT_DOI}", "arXiv:1810.04805", "ACL:N19-1423"):
        server.route("semanticscholar", f"/paper/{s2_id}", Reply(200, S2_BERT_SYNTHETIC, JSON))


# -- published-version linking ------------------------------------------------------------

def test_acl_doi_links_to_the_arxiv_preprint(server, make_resolver):
    bert_routes(server)
    record = make_resolver().resolve(Suggestion(doi="https://doi.org/10.18653/v1/N19-1423"))
    assert isinstance(record, PaperRecord)
    assert record.source == "crossref"
    assert (record.title, record.authors, record.year) == (BERT_TITLE, BERT_AUTHORS, 2019)
    assert record.doi == record.published_doi == BERT_DOI
    assert record.arxiv == "1810.04805"  # from S2 externalIds.ArXiv
    assert [s.path for s in server.seen()] == ["/crossref/works/10.18653/v1/n19-1423",
                                               "/s2/graph/v1/paper/DOI:10.18653/v1/n19-1423"]


def test_arxiv_id_links_to_the_published_version(server, make_resolver):
    bert_routes(server)
    record = make_resolver().resolve(Suggestion(arxiv="https://arxiv.org/abs/1810.04805v2"))
    assert isinstance(record, PaperRecord)
    assert record.source == "arxiv"
    assert (record.title, record.arxiv, record.year) == (BERT_TITLE, "1810.04805", 2018)
    assert record.published_doi == BERT_DOI  # from S2 externalIds.DOI, lower-cased
    assert record.published_venue == (
        "North American Chapter of the Association for Computational Linguistics")
    query = Query.from_record(record)
    assert replace(query, ids=()) == Query(title=BERT_TITLE, arxiv="1810.04805",
                                           doi=BERT_DOI, authors=BERT_AUTHORS, year=2018)
    assert {"arxiv:1810.04805", f"doi:{BERT_DOI}", "acl:N19-1423"} <= set(query.ids)


def test_acl_id_resolves_through_s2_with_both_ids(server, make_resolver):
    bert_routes(server)
    record = make_resolver().resolve(Suggestion(url="https://aclanthology.org/N19-1423/"))
    assert isinstance(record, PaperRecord)
    assert (record.arxiv, record.doi, record.source) == ("1810.04805", BERT_DOI, "semanticscholar")
    assert len(server.seen()) == 1  # an S2 record already carries both versions


def test_published_doi_from_arxiv_is_kept(server, make_resolver):
    server.route("arxiv", "", Reply(200, fixture("arxiv", "classic2016_id_list_1111.2011v2.xml")))
    record = make_resolver().resolve(Suggestion(arxiv="1111.2011"))
    assert record.published_doi == "10.1103/physrevb.85.115117"
    assert server.seen("semanticscholar") == []  # arXiv already said where it was published


def test_a_failed_link_keeps_the_record(server, make_resolver):
    server.route("arxiv", "", Reply(200, fixture("arxiv", "ml_id_list_8_papers.xml")))
    server.route("semanticscholar", "/paper/arXiv:1706.03762", Reply(503, b""))
    record = make_resolver().resolve(Suggestion(arxiv="1706.03762"))
    assert isinstance(record, PaperRecord)
    assert record.published_doi is None


# -- batches ---------------------------------------------------------------------------------

def test_one_unresolvable_among_several(server, make_resolver):
    bert_routes(server)
    server.route("crossref", "/works/10.9999/nope", Reply(404, b"Resource not found."))
    server.route("semanticscholar", "/paper/DOI:10.9999/nope",
                 Reply(404, fixture("semanticscholar", "paper_DOI_not_found_404.json"), JSON))
    suggestions = [
        Suggestion(arxiv="1706.03762"),
        Suggestion(doi="10.9999/nope"),
        Suggestion(arxiv="1512.03385"),
        Suggestion(doi=BERT_DOI),
    ]
    results = make_resolver(link_versions=False).resolve_many(suggestions)
    assert [type(r).__name__ for r in results] == ["PaperRecord", "Skipped", "PaperRecord",
                                                   "PaperRecord"]
    assert results[0].title == "Attention Is All You Need"
    assert results[2].title == "Deep Residual Learning for Image Recognition"
    assert results[3].doi == BERT_DOI
    assert results[1].what == "doi:10.9999/nope"
    assert results[1].why.startswith("could not resolve: Crossref has no DOI 10.9999/nope")
    assert len(server.seen("arxiv")) == 1  # both arXiv ids in one id_list call


def test_no_exception_escapes(server, make_resolver, monkeypatch):
    bert_routes(server)
    resolver = make_resolver(link_versions=False)

    def broken(doi: str) -> PaperRecord:
        raise RuntimeError("boom")

    monkeypatch.setattr(resolver.crossref, "work", broken)
    results = resolver.resolve_many([Suggestion(doi="10.1000/x"), Suggestion(arxiv="1810.04805")])
    assert results[0] == Skipped("doi:10.1000/x",
                                 "could not resolve: internal error (RuntimeError: boom)")
    assert isinstance(results[1], PaperRecord)


def test_nothing_to_look_up(make_resolver):
    result = make_resolver().resolve(Suggestion(section="LLMs"))
    assert result == Skipped("empty suggestion", "could not resolve: nothing to look up (no arXiv "
                             "id, DOI, ACL or OpenReview id, URL or title)")


def test_id_fails_then_title_is_tried(server, make_resolver):
    server.route("arxiv", "", Reply(200, fixture("arxiv", "id_0000.0000_empty.xml")),
                 query={"id_list": "1706.99999"})
    server.route("arxiv", "", recorded("arxiv", "ml_search_ti_attention_is_all_you_need.xml"),
                 query={"max_results": "5"})
    record = make_resolver(link_versions=False).resolve(
        Suggestion(arxiv="1706.99999", title="Attention Is All You Need"))
    assert isinstance(record, PaperRecord)
    assert record.arxiv == "1706.03762"


# -- BibTeX ------------------------------------------------------------------------------------

BIBTEX = r"""
@inproceedings{devlin-etal-2019-bert,
    title = "{BERT}: Pre-training of Deep Bidirectional Transformers for Language Understanding",
    author = "Devlin, Jacob  and
      Chang, Ming-Wei  and
      Lee, Kenton  and
      Toutanova, Kristina",
    booktitle = "Proceedings of the 2019 Conference of the North {A}merican Chapter of the "
                # "Association for Computational Linguistics",
    month = jun,
    year = "2019",
    doi = "10.18653/v1/N19-1423",
    pages = "4171--4186",
}
"""


def test_complete_bibtex_is_used_directly_and_linked(server, make_resolver):
    bert_routes(server)
    record = make_resolver().resolve(Suggestion(bibtex=BIBTEX))
    assert isinstance(record, PaperRecord)
    assert record.source == "bibtex"
    assert (record.title, record.authors, record.year) == (BERT_TITLE, BERT_AUTHORS, 2019)
    assert record.venue == ("Proceedings of the 2019 Conference of the North American Chapter of "
                            "the Association for Computational Linguistics")
    assert record.published_doi == BERT_DOI
    assert record.arxiv == "1810.04805"  # enriched through S2 by the DOI
    assert server.seen("crossref") == []


def test_incomplete_bibtex_uses_its_ids(server, make_resolver):
    bert_routes(server)
    record = make_resolver(link_versions=False).resolve(
        Suggestion(bibtex="@misc{x, title={BERT}, eprint={1810.04805}, archivePrefix={arXiv}}"))
    assert isinstance(record, PaperRecord)
    assert (record.source, record.arxiv) == ("arxiv", "1810.04805")


def test_bibtex_helpers():
    (entry,), _ = expand_entries(r'@article{k1, author = {M{\"u}ller, J{\"o}rg and '
                                r'{Barnes and Noble} and others}, '
                                r'title = {On {\'E}tudes---a \emph{Study}}, year = 2020}')
    key, fields = entry.key, entry.fields
    assert key == "k1"
    assert split_authors(fields["author"]) == ("Jörg Müller", "Barnes and Noble")
    assert decode(fields["title"]) == "On Études—a Study"
    assert fields["year"] == "2020"


# -- construction --------------------------------------------------------------------------

def test_build_resolver_defaults(tmp_path):
    resolver = build_resolver(MetadataConfig(cache=str(tmp_path / "c.sqlite"), timeout=7.0),
                              env={})
    try:
        assert resolver.arxiv.url == DEFAULT_BASE_URLS["arxiv"] == "https://export.arxiv.org/api/query"
        assert resolver.crossref.url == "https://api.crossref.org"
        assert resolver.s2.url == "https://api.semanticscholar.org/graph/v1"
        assert resolver.dblp.url == "https://dblp.org/search/publ/api"
        assert resolver.http.timeout == (7.0, 7.0)
        assert resolver.http.intervals["arxiv"] >= 3.0
        assert resolver.http.service_headers == {}
    finally:
        resolver.close()
    assert (tmp_path / "c.sqlite").is_file()


def test_build_resolver_takes_a_whole_config(tmp_path):
    config = Config(metadata=MetadataConfig(cache=".survey-bot/cache.sqlite"), root=tmp_path)
    build_resolver(config, offline=True, env={"S2_API_KEY": "k"}).close()
    assert (tmp_path / ".survey-bot" / "cache.sqlite").is_file()


def test_user_agent():
    from bot import __version__

    assert user_agent(None) == f"survey-bot/{__version__}"
    assert user_agent("me@example.org") == f"survey-bot/{__version__} (mailto:me@example.org)"
    assert user_agent("https://github.com/o/r") == f"survey-bot/{__version__} (+https://github.com/o/r)"


def test_package_import_is_light():
    code = ("import sys, bot.metadata\n"
            "print([m for m in ('requests', 'sqlite3', 'rapidfuzz', 'bot.metadata.http') "
            "if m in sys.modules])\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_links_for_many_records_take_one_batch_call(server, make_resolver):
    server.route("arxiv", "", recorded("arxiv", "ml_id_list_8_papers.xml"))
    # SYNTHETIC batch answer (request order, null for unknown), built from S2_BERT_SYNTHETIC
    body = b"[null, " + S2_BERT_SYNTHETIC.strip() + b", null]"
    server.route("semanticscholar", "/paper/batch", Reply(200, body, JSON), method="POST")
    ids = ["1706.03762", "1810.04805", "1512.03385"]
    resolver = make_resolver()
    results = resolver.resolve_many(Suggestion(arxiv=i) for i in ids)
    assert [r.arxiv for r in results] == ids
    assert results[1].published_doi == BERT_DOI
    assert results[0].published_doi is None and results[2].published_doi is None
    assert [s.method for s in server.seen()] == ["GET", "POST"]
    assert json.loads(server.seen("semanticscholar")[0].body) == {
        "ids": ["arXiv:1706.03762", "arXiv:1810.04805", "arXiv:1512.03385"]}
    # and again: everything, links included, comes from the cache
    assert resolver.resolve_many(Suggestion(arxiv=i) for i in ids) == results
    assert resolver.resolve(Suggestion(arxiv="1810.04805")) == results[1]
    assert len(server.seen()) == 2


def test_offline_links_from_the_cache(server, make_resolver):
    bert_routes(server)
    online = make_resolver().resolve(Suggestion(arxiv="1810.04805"))
    server.reset()
    assert make_resolver(offline=True).resolve(Suggestion(arxiv="1810.04805")) == online
    assert online.published_doi == BERT_DOI
    assert server.seen() == []


def test_an_explicit_id_beats_the_bibtex_fields(server, make_resolver):
    bert_routes(server)
    record = make_resolver(link_versions=False).resolve(
        Suggestion(arxiv="1810.04805", bibtex=BIBTEX))
    assert (record.source, record.year) == ("arxiv", 2018)
    server.route("arxiv", "", recorded("arxiv", "id_0000.0000_empty.xml"))
    fallback = make_resolver(link_versions=False).resolve(
        Suggestion(arxiv="2101.00001", bibtex=BIBTEX))
    assert (fallback.source, fallback.year) == ("bibtex", 2019)
