"""dblp publication search client (``/search/publ/api?q=...&format=json``).

Quirks handled: every value is a string (``"year": "2018"``); ``hits.hit`` and
``authors.author`` are a list, or a single object when there is one; ``venue``
and ``ee`` may be missing, a string or a list; strings hold HTML entities inside
JSON (``Aref&apos;eva``); author names carry homonym numbers (``Yu Zheng 0004``);
titles end with a period; ``doi`` is upper-cased. arXiv copies are CoRR entries
(key ``journals/corr/abs-YYMM-NNNNN``, volume ``abs/YYMM.NNNNN``, an arXiv ``ee``
or a ``10.48550`` DOI); the conference or journal version is a separate hit with
the same title, and both are combined into one record.
"""

from __future__ import annotations

import re
from typing import Any

from bot.identifiers import arxiv_from_doi, normalize_arxiv, normalize_doi
from bot.identity import ids_of
from bot.metadata._text import (
    TITLE_THRESHOLD,
    clean,
    is_preprint_doi,
    search_terms,
    title_similarity,
)
from bot.metadata.errors import MalformedResponse, NotFound, ServiceError
from bot.metadata.http import HttpClient, Response
from bot.suggestions import PaperRecord

SEARCH_ROWS = 10

_HOMONYM = re.compile(r"\s+\d{4}$")
_CORR_NEW = re.compile(r"^journals/corr/abs-(\d{4})-(\d{4,5})$")
_CORR_OLD = re.compile(r"^journals/corr/abs-([a-z][a-z-]*?)-(\d{7})$")


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _string(value: Any) -> str:
    """A dblp value (string, ``{"text": ...}`` or a list of them) as clean text."""
    for item in _as_list(value):
        if isinstance(item, dict):
            item = item.get("text")
        if item is not None and clean(str(item)):
            return clean(str(item))
    return ""


def author_name(author: Any) -> str:
    """``{"@pid", "text": "Yu Zheng 0004"}`` -> ``Yu Zheng``."""
    text = author.get("text") if isinstance(author, dict) else author
    return _HOMONYM.sub("", clean(str(text or "")))


def title_of(info: dict[str, Any]) -> str:
    title = _string(info.get("title"))
    return title[:-1].rstrip() if title.endswith(".") else title


def arxiv_of(info: dict[str, Any]) -> str | None:
    """The arXiv id of a CoRR entry (from its key, volume, ee or DOI)."""
    key = str(info.get("key") or "")
    if not key.startswith("journals/corr/"):
        return None
    found = _CORR_NEW.match(key)
    if found:
        return normalize_arxiv(f"{found.group(1)}.{found.group(2)}")
    found = _CORR_OLD.match(key)
    if found:
        return normalize_arxiv(f"{found.group(1)}/{found.group(2)}")
    for value in (info.get("volume"), *_as_list(info.get("ee")), info.get("doi")):
        arxiv = normalize_arxiv(str(value or "")) or arxiv_from_doi(str(value or ""))
        if arxiv:
            return arxiv
    return None


def parse_hits(data: Any) -> list[dict[str, Any]]:
    """The ``info`` objects of a search answer (an empty list when there are no hits)."""
    result = data.get("result") if isinstance(data, dict) else None
    if not isinstance(result, dict):
        raise MalformedResponse("dblp sent JSON without a result")
    status = result.get("status")
    status = status if isinstance(status, dict) else {}
    code = str(status.get("@code") or "200")
    if code != "200":
        raise ServiceError(f"dblp error: {_string(status.get('text')) or code}")
    hits = result.get("hits")
    if not isinstance(hits, dict):
        raise MalformedResponse("dblp result without hits")
    return [h["info"] for h in _as_list(hits.get("hit"))
            if isinstance(h, dict) and isinstance(h.get("info"), dict)]


def parse_info(info: dict[str, Any]) -> PaperRecord:
    title = title_of(info)
    if not title:
        raise MalformedResponse("dblp hit without a title")
    authors_block = info.get("authors")
    authors = tuple(
        name for name in (author_name(a) for a in _as_list(
            authors_block.get("author") if isinstance(authors_block, dict) else None))
        if name
    )
    year_text = _string(info.get("year"))
    key = str(info.get("key") or "")
    arxiv = arxiv_of(info)
    doi = normalize_doi(_string(info.get("doi")))
    if doi and arxiv_from_doi(doi):
        doi = None
    ees = [_string(e) for e in _as_list(info.get("ee"))]
    if not doi and not arxiv:
        doi = next((normalize_doi(e) for e in ees if "doi.org/" in e and normalize_doi(e)), None)
    venue = _string(info.get("venue")) or None
    url = (f"https://arxiv.org/abs/{arxiv}" if arxiv else
           f"https://doi.org/{doi}" if doi else
           next((e for e in ees if e), None) or _string(info.get("url")) or None)
    published = not arxiv and str(info.get("type") or "") != "Informal and Other Publications"
    return PaperRecord(
        title=title,
        authors=authors,
        year=int(year_text) if year_text.isdigit() else None,
        venue=venue,
        arxiv=arxiv,
        doi=doi,
        url=url,
        published_venue=venue if published else None,
        published_doi=doi if published and doi and not is_preprint_doi(doi) else None,
        source="dblp",
        # Its links name the work's other ids too (an OpenReview forum, an ACL page).
        ids=tuple(sorted(ids_of(arxiv=arxiv, dois=[doi], urls=ees, key=f"DBLP:{key}"))),
    )


class DblpClient:
    def __init__(self, http: HttpClient, base_url: str) -> None:
        self.http = http
        self.url = base_url

    def search(self, title: str) -> PaperRecord:
        """The paper with this title: the published hit, with the CoRR hit's arXiv id."""
        terms = search_terms(title)
        if not terms:
            raise NotFound("the title has no searchable words")

        def parse(response: Response) -> list[dict[str, Any]]:
            if response.status != 200:
                raise ServiceError(f"dblp error: HTTP {response.status}")
            infos = parse_hits(response.json("dblp"))
            if not infos:
                raise NotFound("no dblp record has this title")
            return infos

        infos = self.http.fetch("dblp", self.url,
                                {"q": terms, "format": "json", "h": SEARCH_ROWS}, parse)
        return self.choose(infos, title)

    @staticmethod
    def choose(infos: list[dict[str, Any]], title: str) -> PaperRecord:
        published: list[tuple[float, PaperRecord]] = []
        preprints: list[tuple[float, PaperRecord]] = []
        for info in infos:
            try:
                record = parse_info(info)
            except MalformedResponse:
                continue
            similarity = title_similarity(record.title, title)
            if similarity >= TITLE_THRESHOLD:
                (preprints if record.arxiv else published).append((similarity, record))
        best_published = max(published, key=lambda p: p[0])[1] if published else None
        best_preprint = max(preprints, key=lambda p: p[0])[1] if preprints else None
        if best_published and best_preprint:
            return PaperRecord(
                title=best_published.title,
                authors=best_published.authors or best_preprint.authors,
                year=best_published.year,
                venue=best_published.venue,
                arxiv=best_preprint.arxiv,
                doi=best_published.doi,
                url=best_published.url,
                published_venue=best_published.published_venue,
                published_doi=best_published.published_doi,
                source="dblp",
                ids=tuple(sorted({*best_published.ids, *best_preprint.ids})),
            )
        best = best_published or best_preprint
        if best is None:
            raise NotFound("no dblp record has this title")
        return best
