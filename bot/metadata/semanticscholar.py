"""Semantic Scholar Graph API client: ``/paper/{id}`` and ``/paper/search/match``.

Semantic Scholar is the bridge between versions of a paper: ``externalIds`` holds
both ``ArXiv`` and ``DOI`` when it knows them (keys appear only when known;
``CorpusId`` is an integer), so a published DOI leads to the arXiv id and back.
Ids are ``arXiv:<id>``, ``DOI:<doi>``, ``ACL:<id>`` or ``URL:<url>``; many at
once go in one ``POST /paper/batch`` (``null`` for an unknown id). Errors are
JSON ``{"error": "..."}``: 404 for an unknown paper or no title match, 400 for a
bad request. ``venue`` may be ``""``; an arXiv DOI or an "arXiv.org" venue is the
preprint, never the published version.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from bot.identifiers import arxiv_from_doi, normalize_arxiv, normalize_doi
from bot.identity import ids_of, typed
from bot.metadata._text import (
    clean,
    is_preprint_doi,
    is_preprint_venue,
    same_title,
    search_terms,
)
from bot.metadata.errors import LookupFailure, MalformedResponse, NotFound, ServiceError
from bot.metadata.http import HttpClient, Response, cache_key, path_part
from bot.suggestions import PaperRecord

FIELDS = "title,authors,year,venue,externalIds,publicationVenue"
BATCH = 500  # the batch endpoint's limit per call


def parse_paper(data: Any) -> PaperRecord:
    """One S2 paper object as a record. ``doi`` is the non-arXiv DOI S2 knows."""
    if not isinstance(data, dict):
        raise MalformedResponse("Semantic Scholar sent a paper that is not an object")
    title = clean(str(data.get("title") or ""))
    if not title:
        raise MalformedResponse("Semantic Scholar paper without a title")
    ids = data.get("externalIds")
    ids = ids if isinstance(ids, dict) else {}
    raw_doi = str(ids.get("DOI") or "")
    arxiv = normalize_arxiv(str(ids.get("ArXiv") or "")) or arxiv_from_doi(raw_doi)
    doi = None if arxiv_from_doi(raw_doi) else normalize_doi(raw_doi)
    venue = clean(str(data.get("venue") or ""))
    publication_venue = data.get("publicationVenue")
    if not venue and isinstance(publication_venue, dict):
        venue = clean(str(publication_venue.get("name") or ""))
    published_venue = None if is_preprint_venue(venue) else venue
    authors = tuple(
        clean(str(a.get("name") or ""))
        for a in data.get("authors") or []
        if isinstance(a, dict) and clean(str(a.get("name") or ""))
    )
    year = data.get("year")
    url: str | None
    if arxiv:
        url = f"https://arxiv.org/abs/{arxiv}"
    elif doi:
        url = f"https://doi.org/{doi}"
    else:
        url = str(data.get("url") or "") or None
    return PaperRecord(
        title=title,
        authors=authors,
        year=year if isinstance(year, int) else None,
        venue=venue or None,
        arxiv=arxiv,
        doi=doi,
        url=url,
        published_venue=published_venue,
        published_doi=None if is_preprint_doi(doi) else doi,
        source="semanticscholar",
        ids=tuple(sorted(work_ids(data, ids, arxiv, raw_doi))),
    )


def work_ids(data: dict[str, Any], external: dict[str, Any], arxiv: str | None, doi: str
             ) -> frozenset[str]:
    """Every id S2 knows for the paper (``externalIds`` and its own ``paperId``), typed."""
    others = [
        typed(kind, str(external[name]))
        for name, kind in (("ACL", "acl"), ("DBLP", "dblp"), ("CorpusId", "corpus"))
        if external.get(name) not in (None, "")
    ]
    if isinstance(data.get("paperId"), str) and data["paperId"]:
        others.append(typed("s2", data["paperId"]))
    return ids_of(arxiv=arxiv, dois=[doi], others=[i for i in others if i])


def _check(response: Response, missing: str) -> Any:
    """The JSON body of a 200; ``NotFound`` for a 404; ``ServiceError`` for the rest."""
    if response.status == 404:
        raise NotFound(missing)
    data = response.json("Semantic Scholar") if response.status == 200 else None
    if response.status != 200:
        try:
            detail = response.json("Semantic Scholar").get("error") or ""
        except (MalformedResponse, AttributeError):
            detail = ""
        raise ServiceError(f"Semantic Scholar error: HTTP {response.status}"
                           + (f": {detail}" if detail else ""))
    if isinstance(data, dict) and "error" in data and "title" not in data:
        raise ServiceError(f"Semantic Scholar error: {data['error']}")
    return data


class SemanticScholarClient:
    def __init__(self, http: HttpClient, base_url: str) -> None:
        self.http = http
        self.url = base_url.rstrip("/")

    def paper(self, paper_id: str) -> PaperRecord:
        """A paper by ``arXiv:...``, ``DOI:...``, ``ACL:...``, ``URL:...`` or an S2 id."""
        url = self._paper_url(paper_id)

        def parse(response: Response) -> PaperRecord:
            return parse_paper(_check(response, f"Semantic Scholar has no paper {paper_id}"))

        return self.http.fetch("s2", url, {"fields": FIELDS}, parse)

    def papers(self, paper_ids: Iterable[str]) -> dict[str, PaperRecord | LookupFailure]:
        """Many papers in one ``POST /paper/batch`` (up to ``BATCH`` ids a call).

        The answer is a list in request order with ``null`` for unknown ids. Each
        paper is cached under its own ``/paper/{id}`` key, so ``paper(id)`` is a
        cache hit afterwards; cached ids are not asked again.
        """
        results: dict[str, PaperRecord | LookupFailure] = {}
        missing: list[str] = []
        for paper_id in dict.fromkeys(paper_ids):
            try:
                key = self._key(paper_id)
            except NotFound as exc:  # not an id at all (a '..' segment): never asked
                results[paper_id] = exc
                continue
            hit = self.http.cached("s2", key)
            if hit is None:
                missing.append(paper_id)
                continue
            try:
                results[paper_id] = parse_paper(
                    _check(hit, f"Semantic Scholar has no paper {paper_id}"))
            except LookupFailure as exc:
                results[paper_id] = exc
        for start in range(0, len(missing), BATCH):
            results.update(self._batch(missing[start : start + BATCH]))
        return results

    def _key(self, paper_id: str) -> str:
        return cache_key(self._paper_url(paper_id), {"fields": FIELDS})

    def _paper_url(self, paper_id: str) -> str:
        return f"{self.url}/paper/{path_part(paper_id, safe=':/')}"

    def _batch(self, chunk: list[str]) -> dict[str, PaperRecord | LookupFailure]:
        try:
            response = self.http.request("s2", f"{self.url}/paper/batch", {"fields": FIELDS},
                                         method="POST", json_body={"ids": chunk})
            data = _check(response, "Semantic Scholar batch endpoint not found")
            if not isinstance(data, list) or len(data) != len(chunk):
                raise MalformedResponse("Semantic Scholar batch answer does not match the ids")
        except LookupFailure as exc:
            return dict.fromkeys(chunk, exc)
        results: dict[str, PaperRecord | LookupFailure] = {}
        for paper_id, item in zip(chunk, data, strict=True):
            key = self._key(paper_id)
            if item is None:
                missing = f"Semantic Scholar has no paper {paper_id}"
                body = json.dumps({"error": f"Paper with id {paper_id} not found"}).encode()
                self.http.store("s2", key, Response(404, body), negative=True)
                results[paper_id] = NotFound(missing)
                continue
            try:
                results[paper_id] = parse_paper(item)
            except LookupFailure as exc:
                results[paper_id] = exc
                continue
            self.http.store("s2", key, Response(200, json.dumps(item).encode()))
        return results

    def by_doi(self, doi: str) -> PaperRecord:
        return self.paper(f"DOI:{doi}")

    def by_acl(self, acl_id: str) -> PaperRecord:
        return self.paper(f"ACL:{acl_id}")

    def by_url(self, url: str) -> PaperRecord:
        return self.paper(f"URL:{url}")

    def match_title(self, title: str) -> PaperRecord:
        """S2's best title match, accepted only when the titles agree (matchScore is ignored)."""
        terms = search_terms(title)
        if not terms:
            raise NotFound("the title has no searchable words")

        def parse(response: Response) -> PaperRecord:
            data = _check(response, "Semantic Scholar has no paper with this title")
            hits = data.get("data") if isinstance(data, dict) else None
            if not isinstance(hits, list):
                raise MalformedResponse("Semantic Scholar match without data")
            if not hits:
                raise NotFound("Semantic Scholar has no paper with this title")
            return parse_paper(hits[0])

        record = self.http.fetch("s2", f"{self.url}/paper/search/match",
                                 {"query": terms, "fields": FIELDS}, parse)
        if not same_title(record.title, title):
            raise NotFound("Semantic Scholar has no paper with this title")
        return record
