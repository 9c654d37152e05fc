"""arXiv client: recorded Atom feeds replayed over HTTP through the real client."""

from __future__ import annotations

import pytest

from bot.models import Skipped
from bot.suggestions import PaperRecord, Suggestion

from .conftest import Reply, fixture

ATOM = "application/atom+xml; charset=utf-8"


def feed(name: str, status: int = 200) -> Reply:
    return Reply(status, fixture("arxiv", name), {"Content-Type": ATOM})


def test_single_id_record(server, make_resolver):
    server.route("arxiv", "", feed("id_1605.08386.xml"))
    result = make_resolver(link_versions=False).resolve(Suggestion(arxiv="1605.08386v1"))
    assert result == PaperRecord(
        title="Heat-bath random walks with Markov bases",
        authors=("Caprice Stanley", "Tobias Windisch"),
        year=2016,
        venue="arXiv",
        arxiv="1605.08386",
        url="https://arxiv.org/abs/1605.08386",
        source="arxiv",
        month=5,  # of <published> (and its day), and the primary category: what a .bib entry
        day=26,  # may need, and what a list dated by the day writes
        primary_class="math.CO",
    )
    (request,) = server.seen("arxiv")
    assert request.query["id_list"] == "1605.08386"  # version stripped before asking


def test_classic_feed_multiline_title_doi_and_journal_ref(server, make_resolver):
    server.route("arxiv", "", feed("classic2016_id_list_1111.2011v2.xml"))
    record = make_resolver(link_versions=False).resolve(Suggestion(arxiv="arXiv:1111.2011"))
    assert isinstance(record, PaperRecord)
    assert record.title == (
        "Quantum Criticality for Extended Nodes on a Bethe Lattice in the Large Connectivity Limit"
    )
    assert record.published_doi == "10.1103/physrevb.85.115117"
    assert record.published_venue == "Phys. Rev. B 85, 115117 (2012)"
    assert record.year == 2011


def test_title_zero_is_a_title(server, make_resolver):
    server.route("arxiv", "", feed("id_2104.12255v1_title_is_0.xml"))
    record = make_resolver(link_versions=False).resolve(Suggestion(arxiv="2104.12255"))
    assert isinstance(record, PaperRecord)
    assert record.title == "0"


def test_old_style_id_with_journal_ref(server, make_resolver):
    server.route("arxiv", "", feed("id_astro-ph_0601001_journal_ref.xml"))
    record = make_resolver(link_versions=False).resolve(
        Suggestion(url="https://arxiv.org/abs/astro-ph/0601001v1"))
    assert isinstance(record, PaperRecord)
    assert record.arxiv == "astro-ph/0601001"
    assert record.published_venue == "ActaAstron.56:1-50,2006"
    assert record.authors[:2] == ("Andrew Gould", "Susan Dorsher")


def test_leading_space_author_and_entities(server, make_resolver):
    server.route("arxiv", "", feed("id_list_withdrawn_versions_and_journal_ref.xml"))
    record = make_resolver(link_versions=False).resolve(Suggestion(arxiv="1207.7214"))
    assert isinstance(record, PaperRecord)
    assert record.authors == ("The ATLAS Collaboration",)
    assert record.published_doi == "10.1016/j.physletb.2012.08.020"
    assert record.published_venue == "Phys.Lett. B716 (2012) 1-29"


def test_explicit_versions_give_the_latest(server, make_resolver):
    server.route("arxiv", "", feed("ml_id_list_gelu_v1_to_v5.xml"))
    record = make_resolver(link_versions=False).resolve(Suggestion(arxiv="1606.08415"))
    assert isinstance(record, PaperRecord)
    assert record.title == "Gaussian Error Linear Units (GELUs)"  # v5's title, not v1's


def test_batch_is_one_call_out_of_order_and_missing_ids(server, make_resolver):
    server.route("arxiv", "", feed("ml_id_list_8_papers.xml"))
    ids = ["1706.03762", "1512.03385", "1810.04805", "1412.6980", "2106.09685", "1606.08415",
           "2309.16588", "2503.11651", "1706.99999"]
    results = make_resolver(link_versions=False).resolve_many(Suggestion(arxiv=i) for i in ids)
    assert len(server.seen("arxiv")) == 1
    assert server.seen("arxiv")[0].query["id_list"] == ",".join(ids)
    assert [r.arxiv for r in results[:8]] == ids[:8]
    assert results[0].title == "Attention Is All You Need"
    assert results[1].title == "Deep Residual Learning for Image Recognition"
    assert isinstance(results[8], Skipped)
    assert results[8].what == "arXiv:1706.99999"
    assert results[8].why == "could not resolve: arXiv has no paper 1706.99999"


def test_batches_are_capped(server, make_resolver):
    server.route("arxiv", "", feed("id_0000.0000_empty.xml"))
    ids = [f"2101.{n:05d}" for n in range(1, 121)]
    results = make_resolver(link_versions=False).resolve_many(Suggestion(arxiv=i) for i in ids)
    assert [len(s.query["id_list"].split(",")) for s in server.seen("arxiv")] == [50, 50, 20]
    assert all(isinstance(r, Skipped) for r in results)


@pytest.mark.parametrize("name", ["id_0000.0000_empty.xml",
                                  "ml_id_nonexistent_1706.99999_empty.xml"])
def test_empty_feed_is_not_found(server, make_resolver, name):
    server.route("arxiv", "", feed(name))
    result = make_resolver(link_versions=False).resolve(Suggestion(arxiv="1706.99999"))
    assert result == Skipped("arXiv:1706.99999", "could not resolve: arXiv has no paper 1706.99999")


def test_http_400_error_entry_is_not_a_paper(server, make_resolver):
    server.route("arxiv", "", feed("id_abc_malformed_400.xml", status=400))
    result = make_resolver(link_versions=False).resolve(Suggestion(arxiv="2101.00001"))
    assert isinstance(result, Skipped)
    assert "incorrect id format" in result.why
    assert "Error" not in result.why.split("(")[0]


def test_a_rejected_batch_is_retried_one_by_one(server, make_resolver):
    server.route("arxiv", "", feed("id_abc_malformed_400.xml", status=400))
    server.route("arxiv", "", feed("id_1605.08386.xml"), query={"id_list": "1605.08386"})
    results = make_resolver(link_versions=False).resolve_many(
        [Suggestion(arxiv="1605.08386"), Suggestion(arxiv="2101.00001")])
    assert isinstance(results[0], PaperRecord)
    assert isinstance(results[1], Skipped)
    assert [s.query["id_list"] for s in server.seen("arxiv")] == [
        "1605.08386,2101.00001", "1605.08386", "2101.00001"]


def test_malformed_id_never_reaches_arxiv(server, make_resolver):
    result = make_resolver().resolve(Suggestion(arxiv="abc"))
    assert isinstance(result, Skipped)
    assert "'abc' is not an arXiv id" in result.why
    assert server.seen() == []


@pytest.mark.parametrize("body", [
    b"<html><body>Service Unavailable</body></html>",
    fixture("arxiv", "id_1605.08386.xml")[:900],  # truncated mid-entry
    b"\x00\xff garbage",
    b'{"not": "xml"}',
])
def test_malformed_body_is_skipped(server, make_resolver, body):
    server.route("arxiv", "", Reply(200, body))
    resolver = make_resolver(link_versions=False)
    result = resolver.resolve(Suggestion(arxiv="1605.08386"))
    assert isinstance(result, Skipped)
    assert result.why.startswith("could not resolve: arXiv sent")
    # not cached: the next attempt asks again
    server.route("arxiv", "", feed("id_1605.08386.xml"))
    assert isinstance(resolver.resolve(Suggestion(arxiv="1605.08386")), PaperRecord)


def test_title_search_takes_the_exact_title_only(server, make_resolver):
    server.route("arxiv", "", feed("ml_search_ti_attention_is_all_you_need.xml"))
    record = make_resolver(link_versions=False).resolve(
        Suggestion(title="Attention is all you need"))
    assert isinstance(record, PaperRecord)
    assert record.arxiv == "1706.03762"
    (request,) = server.seen("arxiv")
    assert request.query["search_query"] == 'ti:"Attention is all you need"'


def test_title_search_rejects_look_alikes(server, make_resolver):
    server.route("arxiv", "", feed("ml_search_ti_attention_is_all_you_need.xml"))
    result = make_resolver(link_versions=False).resolve(
        Suggestion(title="Attention Is All You Need for Everything"))
    assert isinstance(result, Skipped)  # "... in Speech Separation" etc. are different papers


def test_calls_are_spaced_three_seconds(server, make_resolver, fake_time):
    server.route("arxiv", "", feed("id_0000.0000_empty.xml"))
    times: list[float] = []
    server.on_request = lambda seen: times.append(fake_time.clock())
    resolver = make_resolver(link_versions=False)
    resolver.resolve(Suggestion(arxiv="2101.00001"))
    resolver.resolve(Suggestion(arxiv="2101.00002"))
    resolver.resolve(Suggestion(arxiv="2101.00003"))
    assert len(times) == 3
    assert times[1] - times[0] >= 3.0
    assert times[2] - times[1] >= 3.0
    assert fake_time.sleeps == [3.0, 3.0]


def test_user_agent_names_the_contact(server, make_resolver):
    server.route("arxiv", "", feed("id_1605.08386.xml"))
    make_resolver(link_versions=False, contact="editor@example.org").resolve(
        Suggestion(arxiv="1605.08386"))
    (request,) = server.seen("arxiv")
    assert request.headers["User-Agent"].startswith("survey-bot/")
    assert request.headers["User-Agent"].endswith("(mailto:editor@example.org)")
