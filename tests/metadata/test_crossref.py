"""Crossref client and the HTTP layer's retries, over HTTP with recorded responses."""

from __future__ import annotations

import email.utils

import pytest

from bot.models import Skipped
from bot.suggestions import PaperRecord, Suggestion

from .conftest import Reply, fixture, recorded

JSON = {"Content-Type": "application/json"}
TEXT = {"Content-Type": "text/plain"}
BERT_DOI = "10.18653/v1/n19-1423"


def work(name: str) -> Reply:
    return Reply(200, fixture("crossref", name), JSON)


def test_work_title_list_and_year_only_date(server, make_resolver):
    server.route("crossref", f"/works/{BERT_DOI}",
                 work("works_10.18653_v1_n19-1423_bert_trimmed.json"))
    record = make_resolver(link_versions=False).resolve(Suggestion(doi="10.18653/v1/N19-1423"))
    assert isinstance(record, PaperRecord)
    assert record.title == (
        "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding")
    assert record.authors == ("Jacob Devlin", "Ming-Wei Chang", "Kenton Lee", "Kristina Toutanova")
    assert record.year == 2019  # date-parts [[2019]]
    assert record.venue.startswith("Proceedings of the 2019 Conference of the North American")
    assert record.doi == record.published_doi == BERT_DOI
    assert record.source == "crossref"


def test_work_with_null_date_parts(server, make_resolver):
    server.route("crossref", "/works/10.1109/icdcsw.2003.1203662",
                 work("works_10.1109_icdcsw.2003.1203662.json"))
    record = make_resolver(link_versions=False).resolve(
        Suggestion(doi="https://doi.org/10.1109/ICDCSW.2003.1203662"))
    assert isinstance(record, PaperRecord)
    assert record.year is None  # issued [[null]]; "created" is not a publication date
    assert record.title == "Accurate and explicit differentiation of wireless and congestion losses"
    assert record.authors == ("V. Arya", "T. Turletti")


def test_work_escaped_slashes_and_journal(server, make_resolver):
    server.route("crossref", "/works/10.1038/s42256-024-00832-8",
                 work("works_10.1038_s42256-024-00832-8.json"))
    record = make_resolver(link_versions=False, contact="editor@example.org").resolve(
        Suggestion(doi="10.1038/s42256-024-00832-8"))
    assert isinstance(record, PaperRecord)
    assert (record.year, record.venue) == (2024, "Nature Machine Intelligence")
    assert record.authors[0] == "Andres M. Bran"
    (request,) = server.seen("crossref")
    assert request.query["mailto"] == "editor@example.org"  # the polite pool


@pytest.mark.parametrize("name", ["works_10.1371_notarealdoi_404.txt",
                                  "works_10.48550_arxiv.2312.07559_404.txt"])
def test_404_plain_text_is_not_found(server, make_resolver, name):
    server.route("crossref", "/works/10.1371/notarealdoi",
                 Reply(404, fixture("crossref", name), TEXT))
    server.route("semanticscholar", "/paper/DOI:10.1371/notarealdoi",
                 Reply(404, fixture("semanticscholar", "paper_DOI_not_found_404.json"), JSON))
    result = make_resolver().resolve(Suggestion(doi="10.1371/notarealdoi"))
    assert result == Skipped(
        "doi:10.1371/notarealdoi",
        "could not resolve: Crossref has no DOI 10.1371/notarealdoi; "
        "Semantic Scholar has no paper DOI:10.1371/notarealdoi",
    )


def test_arxiv_doi_goes_to_arxiv_not_crossref(server, make_resolver):
    server.route("arxiv", "", Reply(200, fixture("arxiv", "id_0000.0000_empty.xml")))
    result = make_resolver(link_versions=False).resolve(
        Suggestion(doi="10.48550/arXiv.2312.07559"))
    assert isinstance(result, Skipped)
    assert server.seen("crossref") == []
    assert server.seen("arxiv")[0].query["id_list"] == "2312.07559"


def test_400_validation_failure_is_a_service_error(server, make_resolver):
    server.route("crossref", "/works/10.1371/journal.pone.0033693",
                 Reply(400, fixture("crossref", "works_doi_with_query_param_400.json"), JSON))
    server.route("semanticscholar", "/paper/DOI:10.1371/journal.pone.0033693", Reply(404, b"{}"))
    result = make_resolver().resolve(Suggestion(doi="10.1371/journal.pone.0033693"))
    assert isinstance(result, Skipped)
    assert "Crossref error: HTTP 400: This route does not support field query parameters" in (
        result.why)


@pytest.mark.parametrize("body", [
    b"<html>Bad gateway</html>",
    fixture("crossref", "works_10.18653_v1_n19-1423_bert_trimmed.json")[:500],
    b'{"status": "ok", "message-type": "work-list", "message": {}}',
    b"[]",
])
def test_malformed_json_is_skipped(server, make_resolver, body):
    server.route("crossref", f"/works/{BERT_DOI}", Reply(200, body, JSON))
    server.route("semanticscholar", f"/paper/DOI:{BERT_DOI}", Reply(404, b"{}"))
    result = make_resolver().resolve(Suggestion(doi=BERT_DOI))
    assert isinstance(result, Skipped)
    assert "Crossref sent" in result.why


# -- search ------------------------------------------------------------------------------

def _title_only_routes(server) -> None:
    """arXiv and dblp find nothing, so the chain reaches Crossref."""
    server.route("arxiv", "", recorded("arxiv", "ml_search_ti_fabricated_title_zero_results.xml"))
    server.route("dblp", "", Reply(200, b'{"result":{"status":{"@code":"200"},'
                                        b'"hits":{"@total":"0"}}}'))


def test_search_rejects_posted_content_copies(server, make_resolver):
    _title_only_routes(server)
    server.route("crossref", "/works", work(
        "query_bibliographic_attention_authors_year_fake_10.65215_trimmed.json"))
    result = make_resolver(link_versions=False).resolve(
        Suggestion(title="Attention Is All You Need"))
    assert isinstance(result, Skipped)  # seven 10.65215 copies and one unrelated paper
    (request,) = server.seen("crossref")
    assert request.query["query.bibliographic"] == "Attention Is All You Need"
    assert request.query["rows"] == "5"


@pytest.mark.parametrize("name", ["query_title_paperqa_wrong_hit.json",
                                  "query_title_attention_with_authors_wrong_hit.json",
                                  "query_title_nonsense_zero_results.json"])
def test_search_rejects_wrong_top_hits(server, make_resolver, name):
    _title_only_routes(server)
    server.route("crossref", "/works", work(name))
    result = make_resolver(link_versions=False).resolve(Suggestion(
        title="PaperQA: Retrieval-Augmented Generative Agent for Scientific Research"))
    assert isinstance(result, Skipped)


def test_search_accepts_the_right_hit(server, make_resolver):
    _title_only_routes(server)
    server.route("crossref", "/works", work("query_title_author_select_chemcrow.json"))
    record = make_resolver(link_versions=False).resolve(
        Suggestion(title="Augmenting Large Language Models with Chemistry Tools"))
    assert isinstance(record, PaperRecord)
    assert record.doi == "10.1038/s42256-024-00832-8"


# -- retries ---------------------------------------------------------------------------

def test_429_retry_after_seconds_then_success(server, make_resolver, fake_time):
    server.route("crossref", f"/works/{BERT_DOI}",
                 Reply(429, b"slow down", {"Retry-After": "7"}),
                 work("works_10.18653_v1_n19-1423_bert_trimmed.json"))
    record = make_resolver(link_versions=False).resolve(Suggestion(doi=BERT_DOI))
    assert isinstance(record, PaperRecord)
    assert fake_time.sleeps == [7.0]
    assert len(server.seen("crossref")) == 2


def test_429_retry_after_http_date(server, make_resolver, fake_time):
    when = email.utils.formatdate(fake_time.wall + 12, usegmt=True)
    server.route("crossref", f"/works/{BERT_DOI}",
                 Reply(429, b"", {"Retry-After": when}),
                 work("works_10.18653_v1_n19-1423_bert_trimmed.json"))
    record = make_resolver(link_versions=False).resolve(Suggestion(doi=BERT_DOI))
    assert isinstance(record, PaperRecord)
    assert len(fake_time.sleeps) == 1 and 11.0 <= fake_time.sleeps[0] <= 12.0


def test_retry_after_beyond_the_budget_gives_up_at_once(server, make_resolver, fake_time):
    server.route("crossref", f"/works/{BERT_DOI}", Reply(429, b"", {"Retry-After": "3600"}))
    server.route("semanticscholar", f"/paper/DOI:{BERT_DOI}", Reply(404, b"{}"))
    result = make_resolver().resolve(Suggestion(doi=BERT_DOI))
    assert isinstance(result, Skipped)
    assert "Crossref error: HTTP 429" in result.why
    assert fake_time.sleeps == []  # never waits an hour
    assert len(server.seen("crossref")) == 1


def test_5xx_is_retried_with_backoff_then_skipped(server, make_resolver, fake_time):
    server.route("crossref", f"/works/{BERT_DOI}", Reply(503, b"unavailable"))
    server.route("semanticscholar", f"/paper/DOI:{BERT_DOI}", Reply(502, b"bad gateway"))
    result = make_resolver().resolve(Suggestion(doi=BERT_DOI))
    assert isinstance(result, Skipped)
    assert result.why == (
        "could not resolve: Crossref error: HTTP 503, after 3 tries; "
        "Semantic Scholar error: HTTP 502, after 3 tries")
    assert len(server.seen("crossref")) == 3
    assert len(server.seen("semanticscholar")) == 3
    assert fake_time.sleeps == [1.0, 2.0, 1.0, 2.0]  # exponential backoff, per request


def test_a_dead_service_fails_fast_after_giving_up_twice(server, make_resolver):
    server.route("crossref", "/works/10.1000/a", Reply(500, b""))
    server.route("crossref", "/works/10.1000/b", Reply(500, b""))
    server.route("crossref", "/works/10.1000/c", Reply(500, b""))
    resolver = make_resolver(link_versions=False)
    results = resolver.resolve_many(Suggestion(doi=f"10.1000/{x}") for x in "abc")
    assert all(isinstance(r, Skipped) for r in results)
    assert len(server.seen("crossref")) == 6  # a and b tried 3 times; c not at all
    assert "gave up on it earlier in this run" in results[2].why
