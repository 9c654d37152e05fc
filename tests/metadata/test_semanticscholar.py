"""Semantic Scholar client over HTTP: externalIds, {"error": ...} bodies, id kinds, timeouts."""

from __future__ import annotations

import json
import time

import pytest

from bot.models import Skipped
from bot.suggestions import PaperRecord, Suggestion

from .conftest import Reply, fixture, recorded

JSON = {"Content-Type": "application/json"}


def s2(name: str, status: int = 200) -> Reply:
    return Reply(status, fixture("semanticscholar", name), JSON)


def test_doi_lookup_falls_back_to_s2_and_reads_external_ids(server, make_resolver):
    # Crossref does not know the DOI (404), S2 does: externalIds give both DOI and arXiv
    server.route("crossref", "/works/10.1038/s42256-024-00832-8",
                 Reply(404, b"Resource not found."))
    server.route("semanticscholar", "/paper/DOI:10.1038/s42256-024-00832-8",
                 s2("paper_DOI_10.1038_s42256-024-00832-8.json"))
    record = make_resolver().resolve(Suggestion(doi="10.1038/s42256-024-00832-8"))
    assert isinstance(record, PaperRecord)
    assert record.source == "semanticscholar"
    assert record.arxiv == "2304.05376"
    assert record.doi == record.published_doi == "10.1038/s42256-024-00832-8"
    assert record.published_venue == "Nat. Mac. Intell."
    assert record.authors[0] == "Andrés M Bran"
    (request,) = server.seen("semanticscholar")
    assert request.query["fields"] == "title,authors,year,venue,externalIds,publicationVenue"


def test_arxiv_doi_in_external_ids_is_the_preprint(server, make_resolver):
    server.route("semanticscholar", "/paper/URL:https://example.org/paperqa",
                 s2("paper_DOI_10.48550_arxiv.2312.07559.json"))
    record = make_resolver().resolve(Suggestion(url="https://example.org/paperqa"))
    assert isinstance(record, PaperRecord)
    assert record.arxiv == "2312.07559"
    assert record.doi is None and record.published_doi is None  # 10.48550/arXiv.* is arXiv's
    assert record.published_venue is None  # venue "arXiv.org" is not a publication venue


def test_acl_id(server, make_resolver):
    server.route("semanticscholar", "/paper/ACL:N19-1423",
                 s2("paper_DOI_10.1038_s42256-024-00832-8.json"))
    record = make_resolver().resolve(Suggestion(acl="N19-1423"))
    assert isinstance(record, PaperRecord)
    assert server.seen("crossref") == []


def test_openreview_id_asks_by_forum_url(server, make_resolver):
    server.route("semanticscholar", "/paper/URL:https://openreview.net/forum?id=AbCdEf123",
                 s2("search_match_fields_externalIds_title.json"))
    result = make_resolver().resolve(Suggestion(openreview="AbCdEf123"))
    # the match body is {"data": [...]}, not a paper: malformed for /paper/{id}
    assert isinstance(result, Skipped)
    assert "Semantic Scholar paper without a title" in result.why
    (request,) = server.seen("semanticscholar")
    assert request.path == "/s2/graph/v1/paper/URL:https://openreview.net/forum?id=AbCdEf123"


def test_s2_404_json_error_is_not_found(server, make_resolver):
    server.route("semanticscholar", "/paper/ACL:X99-9999",
                 s2("paper_id_0_not_found_404.json", 404))
    server.route("crossref", "/works/10.18653/v1/x99-9999", Reply(404, b"Resource not found."))
    result = make_resolver().resolve(Suggestion(acl="X99-9999"))
    assert result == Skipped("ACL X99-9999",
                             "could not resolve: Semantic Scholar has no paper ACL:X99-9999; "
                             "Crossref has no DOI 10.18653/v1/x99-9999")


def test_s2_400_error_body_is_reported(server, make_resolver):
    server.route("semanticscholar", "/paper/URL:https://example.org/x",
                 s2("paper_unknown_field_400.json", 400))
    result = make_resolver().resolve(Suggestion(url="https://example.org/x"))
    assert isinstance(result, Skipped)
    assert result.why == ("could not resolve: Semantic Scholar error: HTTP 400: "
                          "Unrecognized or unsupported fields: [unknown]")


def test_title_match_validates_the_title(server, make_resolver):
    server.route("arxiv", "", recorded("arxiv", "ml_search_ti_fabricated_title_zero_results.xml"))
    server.route("dblp", "", Reply(200, b'{"result":{"hits":{"@total":"0"}}}'))
    server.route("crossref", "/works",
                 recorded("crossref", "query_title_nonsense_zero_results.json"))
    server.route("semanticscholar", "/paper/search/match", s2("search_match_attention.json"))
    resolver = make_resolver()
    record = resolver.resolve(Suggestion(title="Attention Is All You Need"))
    assert isinstance(record, PaperRecord)
    assert record.arxiv == "1706.03762"
    assert record.published_venue == "Neural Information Processing Systems"
    assert record.doi is None  # the NeurIPS record has no DOI
    # S2's answer for another title is not taken on its matchScore
    assert isinstance(resolver.resolve(Suggestion(title="Attention Is Not All You Need")), Skipped)


def test_title_match_404(server, make_resolver):
    server.route("arxiv", "", recorded("arxiv", "ml_search_ti_fabricated_title_zero_results.xml"))
    server.route("dblp", "", Reply(200, b'{"result":{"hits":{"@total":"0"}}}'))
    server.route("crossref", "/works",
                 recorded("crossref", "query_title_nonsense_zero_results.json"))
    server.route("semanticscholar", "/paper/search/match",
                 s2("search_match_no_match_404.json", 404))
    result = make_resolver().resolve(Suggestion(title="askldjrq3rjaw938h"))
    assert isinstance(result, Skipped)
    assert "Semantic Scholar has no paper with this title" in result.why


@pytest.mark.parametrize("body", [b"not json", b'{"paperId": "x"', b"[1, 2]"])
def test_malformed_body(server, make_resolver, body):
    server.route("semanticscholar", "/paper/ACL:N19-1423", Reply(200, body, JSON))
    server.route("crossref", "/works/10.18653/v1/n19-1423", Reply(404, b"Resource not found."))
    result = make_resolver().resolve(Suggestion(acl="N19-1423"))
    assert isinstance(result, Skipped)
    assert "Semantic Scholar sent" in result.why


def test_timeout_is_skipped_quickly(server, make_resolver):
    server.route("semanticscholar", "/paper/ACL:N19-1423",
                 Reply(200, fixture("semanticscholar", "paper_DOI_10.1038_s42256-024-00832-8.json"),
                       JSON, delay=3.0))
    server.route("crossref", "/works/10.18653/v1/n19-1423", Reply(404, b"Resource not found."))
    start = time.monotonic()
    result = make_resolver(timeout=0.2).resolve(Suggestion(acl="N19-1423"))
    assert time.monotonic() - start < 2.5
    assert isinstance(result, Skipped)
    assert "Semantic Scholar error: timed out (after 0.2 s), after 3 tries" in result.why


def test_api_key_is_sent_when_given(server, make_resolver):
    server.route("semanticscholar", "/paper/ACL:N19-1423",
                 s2("paper_DOI_10.1038_s42256-024-00832-8.json"))
    make_resolver(env={"S2_API_KEY": "k-123"}).resolve(Suggestion(acl="N19-1423"))
    assert server.seen("semanticscholar")[0].headers.get("x-api-key") == "k-123"
    server.reset()
    server.route("semanticscholar", "/paper/ACL:N19-1424",
                 s2("paper_DOI_10.1038_s42256-024-00832-8.json"))
    make_resolver().resolve(Suggestion(acl="N19-1424"))
    assert "x-api-key" not in {k.lower() for k in server.seen("semanticscholar")[0].headers}


def test_batch_post_with_null_and_per_id_cache(server, make_resolver):
    ids = ["CorpusId:211530585", "CorpusId:470667", "10.2139/ssrn.2250500",
           "0f40b1f08821e22e859c6050916cec3667778613"]
    server.route("semanticscholar", "/paper/batch", s2("paper_batch_post_with_null.json"),
                 method="POST")
    resolver = make_resolver()
    results = resolver.s2.papers(ids)
    (request,) = server.seen("semanticscholar")
    assert request.method == "POST"
    assert json.loads(request.body) == {"ids": ids}
    assert request.query["fields"] == "title,authors,year,venue,externalIds,publicationVenue"
    assert str(results[ids[0]]) == "Semantic Scholar has no paper CorpusId:211530585"  # null
    second = results[ids[1]]
    assert second.title == "How Much Should We Trust Differences-in-Differences Estimates?"
    assert second.doi == "10.2139/ssrn.288970"
    assert second.published_doi is None  # an SSRN preprint DOI
    assert second.venue is None  # venue ""
    assert results[ids[3]].doi == "10.1257/rct.1355"
    # each paper is cached under its own /paper/{id} key
    assert resolver.s2.paper(ids[3]) == results[ids[3]]
    again = resolver.s2.papers(ids)
    assert {k: str(v) for k, v in again.items()} == {k: str(v) for k, v in results.items()}
    assert len(server.seen()) == 1


def test_batch_answer_of_the_wrong_length_is_malformed(server, make_resolver):
    server.route("semanticscholar", "/paper/batch", Reply(200, b"[null]", JSON), method="POST")
    results = make_resolver().s2.papers(["arXiv:1", "arXiv:2"])
    assert {str(r) for r in results.values()} == {
        "Semantic Scholar batch answer does not match the ids"}
