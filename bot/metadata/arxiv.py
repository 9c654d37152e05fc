"""arXiv API client: Atom feeds from ``export.arxiv.org/api/query``, parsed with ElementTree.

Lookups by id are batched (``id_list=a,b,c``, up to ``BATCH`` per call) and cached
per id, so a later lookup of any one of them is a cache hit whatever batch it
came in. Results come back in any order; unknown ids are simply absent. A
malformed id makes arXiv answer HTTP 400 with a single ``<entry>`` titled
``Error``: that is an error, never a paper. ``<arxiv:doi>`` and
``<arxiv:journal_ref>`` give the published version when the authors recorded it.
"""

from __future__ import annotations

import logging
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable

from bot.identifiers import normalize_arxiv, normalize_doi
from bot.identity import ids_of
from bot.metadata._text import TITLE_THRESHOLD, collapse, search_terms, title_similarity
from bot.metadata.errors import LookupFailure, MalformedResponse, NotFound, ServiceError
from bot.metadata.http import HttpClient, Response, cache_key
from bot.suggestions import PaperRecord

log = logging.getLogger(__name__)

BATCH = 50
SEARCH_ROWS = 5

ATOM = "http://www.w3.org/2005/Atom"
ARXIV = "http://arxiv.org/schemas/atom"
_A = f"{{{ATOM}}}"
_X = f"{{{ARXIV}}}"

_VERSION = re.compile(r"v(\d+)$")
_EMPTY_FEED = (
    b"<?xml version='1.0' encoding='UTF-8'?>\n"
    b'<feed xmlns="http://www.w3.org/2005/Atom" '
    b'xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">'
    b"<opensearch:totalResults>0</opensearch:totalResults></feed>"
)


def _text(element: ET.Element | None) -> str:
    return collapse(element.text) if element is not None and element.text else ""


def _feed_root(body: bytes) -> ET.Element:
    try:
        root = ET.fromstring(body)
    except ET.ParseError as exc:
        raise MalformedResponse(f"arXiv sent a malformed feed ({exc})") from exc
    if root.tag != f"{_A}feed":
        raise MalformedResponse(f"arXiv sent <{root.tag}> where an Atom <feed> was expected")
    return root


def _error_entry(root: ET.Element) -> str | None:
    """The message of arXiv's pseudo-entry for a rejected request, if the feed is one."""
    for entry in root.findall(f"{_A}entry"):
        entry_id = _text(entry.find(f"{_A}id"))
        if "/api/errors" in entry_id or (
            _text(entry.find(f"{_A}title")) == "Error"
            and _text(entry.find(f"{_A}author/{_A}name")) == "arXiv api core"
        ):
            return _text(entry.find(f"{_A}summary")) or "request rejected"
    return None


def parse_entry(entry: ET.Element) -> tuple[PaperRecord, int]:
    """One ``<entry>`` as a record, and the version number its ``<id>`` carried."""
    raw_id = _text(entry.find(f"{_A}id"))
    arxiv_id = normalize_arxiv(raw_id)
    if not arxiv_id or "arxiv.org/abs/" not in raw_id:
        raise MalformedResponse(f"arXiv entry without a paper id ({raw_id or 'empty <id>'})")
    title_el = entry.find(f"{_A}title")
    title = _text(title_el)
    if not title:  # "0" is a real title (2104.12255); only absence is an error
        raise MalformedResponse(f"arXiv entry {arxiv_id} has no title")
    version_match = _VERSION.search(raw_id)
    version = int(version_match.group(1)) if version_match else 0
    authors = tuple(
        name for name in (_text(a.find(f"{_A}name")) for a in entry.findall(f"{_A}author")) if name
    )
    published = _text(entry.find(f"{_A}published"))
    year = int(published[:4]) if published[:4].isdigit() else None
    doi = normalize_doi(_text(entry.find(f"{_X}doi")))
    if not doi:
        for link in entry.findall(f"{_A}link"):
            if link.get("title") == "doi":
                doi = normalize_doi(link.get("href"))
    journal_ref = _text(entry.find(f"{_X}journal_ref")) or None
    primary = entry.find(f"{_X}primary_category")
    month = int(published[5:7]) if published[5:7].isdigit() else None
    day = int(published[8:10]) if published[8:10].isdigit() else None
    abstract = _text(entry.find(f"{_A}summary")) or None
    record = PaperRecord(
        title=title,
        authors=authors,
        year=year,
        venue="arXiv",
        arxiv=arxiv_id,
        doi=None,
        url=f"https://arxiv.org/abs/{arxiv_id}",
        published_venue=journal_ref,
        published_doi=doi,
        source="arxiv",
        month=month,
        day=day,
        primary_class=(primary.get("term") or None) if primary is not None else None,
        abstract=abstract,
        ids=tuple(sorted(ids_of(arxiv=arxiv_id, dois=[doi]))),
    )
    return record, version


def parse_feed(response: Response) -> dict[str, tuple[PaperRecord, ET.Element] | LookupFailure]:
    """Every paper in a feed by arXiv id (the latest version when several are listed).

    An entry that names its id but is otherwise unusable maps to its failure; an
    entry without any id is dropped (logged).
    """
    root = _feed_root(response.body)
    error = _error_entry(root)
    if error is not None:
        if response.status == 400:
            raise NotFound(f"arXiv rejected the id ({error})")
        raise ServiceError(f"arXiv error: {error}")
    if response.status != 200:
        raise ServiceError(f"arXiv error: HTTP {response.status}")
    found: dict[str, tuple[PaperRecord, ET.Element, int]] = {}
    broken: dict[str, LookupFailure] = {}
    for entry in root.findall(f"{_A}entry"):
        try:
            record, version = parse_entry(entry)
        except MalformedResponse as exc:
            arxiv_id = normalize_arxiv(_text(entry.find(f"{_A}id")))
            if arxiv_id:
                broken.setdefault(arxiv_id, exc)
            else:
                log.warning("%s", exc)
            continue
        known = found.get(record.arxiv or "")
        if known is None or version > known[2]:
            found[record.arxiv or ""] = (record, entry, version)
    out: dict[str, tuple[PaperRecord, ET.Element] | LookupFailure] = dict(broken)
    out.update({key: (record, entry) for key, (record, entry, _) in found.items()})
    return out


def _single_feed(entry: ET.Element) -> bytes:
    """A one-entry feed, stored in the cache for an id that came in a batch."""
    feed = ET.Element(f"{_A}feed")
    feed.append(entry)
    # Any encoding but "unicode" gives bytes; the stubs can only say Any for a str argument.
    data: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return data


class ArxivClient:
    def __init__(self, http: HttpClient, base_url: str) -> None:
        self.http = http
        self.url = base_url

    def _id_key(self, arxiv_id: str) -> str:
        return cache_key(self.url, {"id_list": arxiv_id, "max_results": 1})

    def lookup(self, arxiv_id: str) -> PaperRecord:
        """One paper by id; raises a ``LookupFailure`` when it cannot."""
        result = self.lookup_many([arxiv_id])[arxiv_id]
        if isinstance(result, LookupFailure):
            raise result
        return result

    def lookup_many(self, ids: Iterable[str]) -> dict[str, PaperRecord | LookupFailure]:
        """Papers by (normalised, unversioned) id: each id maps to a record or its failure."""
        results: dict[str, PaperRecord | LookupFailure] = {}
        missing: list[str] = []
        for arxiv_id in dict.fromkeys(ids):
            hit = self.http.cached("arxiv", self._id_key(arxiv_id))
            if hit is not None:
                try:
                    results[arxiv_id] = self._pick(arxiv_id, parse_feed(hit))
                    continue
                except NotFound as exc:
                    results[arxiv_id] = exc
                    continue
                except LookupFailure:
                    pass  # a damaged cache entry: ask again
            missing.append(arxiv_id)
        for start in range(0, len(missing), BATCH):
            results.update(self._fetch_batch(missing[start : start + BATCH]))
        return results

    @staticmethod
    def _pick(arxiv_id: str, entries: dict[str, tuple[PaperRecord, ET.Element] | LookupFailure]
              ) -> PaperRecord:
        found = entries.get(arxiv_id)
        if found is None:
            raise NotFound(f"arXiv has no paper {arxiv_id}")
        if isinstance(found, LookupFailure):
            raise found
        return found[0]

    def _fetch_batch(self, chunk: list[str]) -> dict[str, PaperRecord | LookupFailure]:
        params = {"id_list": ",".join(chunk), "max_results": len(chunk)}
        try:
            response = self.http.request("arxiv", self.url, params)
        except LookupFailure as exc:
            return dict.fromkeys(chunk, exc)
        try:
            entries = parse_feed(response)
        except NotFound as exc:  # HTTP 400: arXiv rejected an id
            if len(chunk) > 1:  # one bad id spoils a batch: ask one by one
                out: dict[str, PaperRecord | LookupFailure] = {}
                for arxiv_id in chunk:
                    out.update(self._fetch_batch([arxiv_id]))
                return out
            self.http.store("arxiv", self._id_key(chunk[0]), response, negative=True)
            return {chunk[0]: exc}
        except LookupFailure as exc:
            return dict.fromkeys(chunk, exc)
        results: dict[str, PaperRecord | LookupFailure] = {}
        for arxiv_id in chunk:
            key = self._id_key(arxiv_id)
            found = entries.get(arxiv_id)
            if isinstance(found, LookupFailure):
                results[arxiv_id] = found
            elif found is not None:
                record, entry = found
                self.http.store("arxiv", key, Response(200, _single_feed(entry)))
                results[arxiv_id] = record
            else:
                self.http.store("arxiv", key, Response(200, _EMPTY_FEED), negative=True)
                results[arxiv_id] = NotFound(f"arXiv has no paper {arxiv_id}")
        return results

    def search_title(self, title: str) -> PaperRecord:
        """The paper whose title is ``title`` (strictly), by a ``ti:"..."`` phrase search."""
        terms = search_terms(title)
        if not terms:
            raise NotFound("the title has no searchable words")
        params = {"search_query": f'ti:"{terms}"', "start": 0, "max_results": SEARCH_ROWS}

        def parse(response: Response) -> list[PaperRecord]:
            entries = parse_feed(response)
            records = [found[0] for found in entries.values() if isinstance(found, tuple)]
            if not records:
                raise NotFound("no arXiv paper has this title")
            return records

        records = self.http.fetch("arxiv", self.url, params, parse)
        scored = [(title_similarity(r.title, title), r) for r in records]
        matches = [pair for pair in scored if pair[0] >= TITLE_THRESHOLD]
        if not matches:
            raise NotFound("no arXiv paper has this title")
        return max(matches, key=lambda pair: pair[0])[1]
