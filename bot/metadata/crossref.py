"""Crossref REST client: ``/works/{doi}`` and a strictly validated bibliographic search.

Record quirks handled: ``title``/``container-title`` are lists; dates are
``date-parts`` of any precision, even ``[[null]]`` (then the next date field is
tried: ``issued``, ``published-print``, ``published-online``, ``published``);
container and event names carry newlines and runs of spaces; DOIs come back
lower-cased. An unknown DOI (every arXiv DOI ``10.48550/...`` among them: those
are DataCite's) is a 404 whose body is the plain text ``Resource not found.``.

Search hits are never trusted on ``score``: a hit must have the same title
(strictly), must not come from a known copy-farm prefix, must agree with the
year when one is known, and a ``posted-content`` copy loses to a real record.
"""

from __future__ import annotations

import json
from typing import Any

from bot.identifiers import normalize_arxiv, normalize_doi
from bot.identity import ids_of
from bot.metadata._text import TITLE_THRESHOLD, clean, search_terms, title_similarity
from bot.metadata.errors import MalformedResponse, NotFound, ServiceError
from bot.metadata.http import HttpClient, Response, path_part
from bot.suggestions import PaperRecord

SEARCH_ROWS = 5

# Prefixes whose records are mass-produced copies of other people's papers
# (seven 2025 "posted-content" copies of "Attention Is All You Need" under 10.65215).
UNTRUSTED_PREFIXES = frozenset({"10.65215"})
# Types that are never "the paper" a reader suggests.
IGNORED_TYPES = frozenset({"peer-review", "component", "dataset", "grant", "standard"})
# Types whose DOI is the peer-reviewed (published) version.
PUBLISHED_TYPES = frozenset({
    "journal-article", "proceedings-article", "book-chapter", "book", "monograph",
    "edited-book", "reference-entry", "report", "dissertation",
})
DATE_FIELDS = ("issued", "published-print", "published-online", "published")


def _first(value: Any) -> str:
    """The first non-empty string of a Crossref list field (or the string itself)."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, list):
        for item in value:
            if isinstance(item, str) and clean(item):
                return clean(item)
    return ""


def year_of(message: dict[str, Any]) -> int | None:
    """The publication year from the first date field that has one."""
    for name in DATE_FIELDS:
        block = message.get(name)
        if not isinstance(block, dict):
            continue
        parts = block.get("date-parts")
        if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
            year = parts[0][0]
            if isinstance(year, int) and 1000 <= year <= 3000:
                return year
            if isinstance(year, str) and year.isdigit():
                return int(year)
    return None


def _author(author: Any) -> str:
    if not isinstance(author, dict):
        return ""
    if author.get("name"):  # a consortium
        return clean(str(author["name"]))
    return clean(" ".join(str(author.get(k) or "") for k in ("given", "family")))


def parse_work(message: Any) -> PaperRecord:
    """One Crossref ``work`` message as a record."""
    if not isinstance(message, dict):
        raise MalformedResponse("Crossref sent a work that is not an object")
    doi = normalize_doi(str(message.get("DOI") or ""))
    title = _first(message.get("title"))
    if not doi or not title:
        raise MalformedResponse("Crossref work without a DOI or a title")
    subtitle = _first(message.get("subtitle"))
    if subtitle and not title.endswith(subtitle):
        title = f"{title}: {subtitle}"
    venue = _first(message.get("container-title"))
    event = message.get("event")
    if not venue and isinstance(event, dict):
        venue = clean(str(event.get("name") or ""))
    work_type = str(message.get("type") or "")
    published = work_type in PUBLISHED_TYPES
    abstract = clean(str(message.get("abstract") or "")) or None
    return PaperRecord(
        title=title,
        authors=tuple(a for a in (_author(x) for x in message.get("author") or []) if a),
        year=year_of(message),
        venue=venue or None,
        arxiv=None,
        doi=doi,
        url=f"https://doi.org/{doi}",
        published_venue=(venue or None) if published else None,
        published_doi=doi if published else None,
        source="crossref",
        volume=_detail(message, "volume"),
        number=_detail(message, "issue"),
        pages=_detail(message, "page"),
        publisher=_detail(message, "publisher"),
        kind=_ENTRY_TYPES.get(work_type),
        abstract=abstract,
        ids=tuple(sorted(ids_of(dois=[doi, *related_dois(message)]))),
    )


# Crossref work types as BibTeX entry types.
_ENTRY_TYPES = {
    "journal-article": "article",
    "proceedings-article": "inproceedings",
    "book-chapter": "incollection",
    "book": "book",
    "monograph": "book",
    "edited-book": "book",
    "report": "techreport",
    "dissertation": "phdthesis",
}


def _detail(message: dict[str, Any], name: str) -> str | None:
    """A short bibliographic detail (volume, issue, pages, publisher) as plain text."""
    value = message.get(name)
    text = clean(str(value)) if isinstance(value, (str, int)) else ""
    return text[:200] or None


# Relations between two versions of one work (Crossref's ``relation`` object: each
# type maps to a list of {"id-type", "id", "asserted-by"}).
VERSION_RELATIONS = ("has-preprint", "is-preprint-of", "is-identical-to")


def related_dois(message: dict[str, Any]) -> list[str]:
    """The DOIs (an arXiv DOI included) of the work's other versions Crossref relates."""
    relation = message.get("relation")
    found: list[str] = []
    if not isinstance(relation, dict):
        return found
    for name in VERSION_RELATIONS:
        items = relation.get(name)
        for item in items if isinstance(items, list) else []:
            if not isinstance(item, dict):
                continue
            kind, value = str(item.get("id-type") or "").lower(), str(item.get("id") or "")
            if kind == "arxiv" and normalize_arxiv(value):
                found.append(f"10.48550/arXiv.{normalize_arxiv(value)}")
            elif kind in ("doi", "uri") and normalize_doi(value):
                found.append(value)
    return found


def _envelope(response: Response, message_type: str) -> Any:
    data = response.json("Crossref")
    if not isinstance(data, dict) or data.get("status") != "ok" or "message" not in data:
        raise MalformedResponse("Crossref sent JSON without an ok message")
    if data.get("message-type") != message_type:
        raise MalformedResponse(f"Crossref sent a {data.get('message-type')!r}, "
                                f"expected {message_type!r}")
    return data["message"]


def _error(response: Response) -> ServiceError:
    detail = ""
    try:
        data = json.loads(response.body.decode("utf-8"))
        if isinstance(data, dict) and isinstance(data.get("message"), list) and data["message"]:
            first = data["message"][0]
            detail = f": {first.get('message')}" if isinstance(first, dict) else ""
    except (UnicodeDecodeError, ValueError):
        pass
    return ServiceError(f"Crossref error: HTTP {response.status}{detail}")


class CrossrefClient:
    def __init__(self, http: HttpClient, base_url: str,
                 contact: str | None = None) -> None:
        self.http = http
        self.url = base_url.rstrip("/")
        self.contact = contact

    def _params(self, params: dict[str, Any] | None = None) -> dict[str, Any]:
        out = dict(params or {})
        if self.contact:
            out["mailto"] = self.contact  # the "polite pool"; not part of the cache key
        return out

    def work(self, doi: str) -> PaperRecord:
        """The work registered under ``doi``."""
        url = f"{self.url}/works/{path_part(doi)}"

        def parse(response: Response) -> PaperRecord:
            if response.status == 404:
                raise NotFound(f"Crossref has no DOI {doi}")
            if response.status != 200:
                raise _error(response)
            return parse_work(_envelope(response, "work"))

        return self.http.fetch("crossref", url, self._params(), parse)

    def search(self, title: str, *, authors: tuple[str, ...] = (), year: int | None = None
               ) -> PaperRecord:
        """The one work that has this title, or ``NotFound``; see the module notes."""
        terms = search_terms(title)
        if not terms:
            raise NotFound("the title has no searchable words")
        query = " ".join([terms, *(a.split()[-1] for a in authors[:3] if a.split())])
        params = {"query.bibliographic": query, "rows": SEARCH_ROWS}

        def parse(response: Response) -> list[dict[str, Any]]:
            if response.status != 200:
                raise _error(response)
            message = _envelope(response, "work-list")
            items = message.get("items") if isinstance(message, dict) else None
            if not isinstance(items, list):
                raise MalformedResponse("Crossref work-list without items")
            if not items:
                raise NotFound("no Crossref work has this title")
            return [item for item in items if isinstance(item, dict)]

        items = self.http.fetch("crossref", f"{self.url}/works", self._params(params), parse)
        return self.choose(items, title, year=year)

    @staticmethod
    def choose(items: list[dict[str, Any]], title: str, *, year: int | None = None
               ) -> PaperRecord:
        """Validate search hits: same title, trusted prefix, plausible year and type."""
        real: list[tuple[float, PaperRecord]] = []
        posted: list[tuple[float, PaperRecord]] = []
        for item in items:
            prefix = str(item.get("prefix") or str(item.get("DOI") or "").split("/")[0])
            work_type = str(item.get("type") or "")
            if prefix in UNTRUSTED_PREFIXES or work_type in IGNORED_TYPES:
                continue
            try:
                record = parse_work(item)
            except MalformedResponse:
                continue
            similarity = title_similarity(record.title, title)
            if similarity < TITLE_THRESHOLD:
                continue
            if year and record.year and abs(record.year - year) > 1:
                continue
            (posted if work_type == "posted-content" else real).append((similarity, record))
        if real:
            return max(real, key=lambda pair: pair[0])[1]
        if len(posted) == 1:  # one preprint record (bioRxiv, SSRN) is fine; many are copies
            return posted[0][1]
        if posted:
            raise NotFound("Crossref only has several posted copies with this title")
        raise NotFound("no Crossref work has this title")
