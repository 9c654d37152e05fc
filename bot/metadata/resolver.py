"""The resolution chain: one reader suggestion in, one ``PaperRecord`` or ``Skipped`` out.

Each suggestion is turned into an ordered list of lookups; the first that
succeeds wins, and its record is then linked to the other version of the paper
(preprint <-> published) through Semantic Scholar's ``externalIds``:

1. arXiv id (also from an arXiv DOI ``10.48550/arXiv.*`` or an arXiv URL):
   arXiv API (``id_list``; batched across suggestions by ``resolve_many``).
2. DOI: Crossref ``/works/{doi}``, then Semantic Scholar ``DOI:`` (DOIs that
   Crossref does not register).
3. ACL Anthology id: Semantic Scholar ``ACL:``, then Crossref ``10.18653/v1/<id>``.
4. OpenReview id: Semantic Scholar ``URL:https://openreview.net/forum?id=...``.
5. A paper's GitHub repository or ``*.github.io`` project page: the arXiv id or
   DOI its README or page names (``bot.metadata.pages``), looked up as above.
   Other URL: Semantic Scholar ``URL:``.
6. BibTeX: its own fields when it has title, authors and year (source
   ``bibtex``; used when the suggestion has no id, or its ids failed);
   otherwise its ids and title go through the other steps.
7. Title: arXiv ``ti:"..."``, then dblp, then Crossref ``query.bibliographic``,
   then Semantic Scholar title match; every hit must have the same title
   (normalised, strict), because a wrong paper is worse than none.

Then linking: a record with an arXiv id but no published DOI/venue asks Semantic
Scholar ``arXiv:<id>``; a record with a DOI but no arXiv id asks ``DOI:<doi>``.
A failed link never fails the suggestion. Every id the record then carries
(``PaperRecord.ids``: the services' own, ``externalIds``, Crossref's version
relations, the id it was asked by) is kept in the cache as one work
(``Cache.link``), and the ids known to name that work from earlier runs join
the record (``bot.identity``).

Nothing escapes ``resolve``: every failure becomes ``Skipped(what, "could not
resolve: <why>")``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import partial

from bot.identifiers import arxiv_from_doi, normalize_arxiv, normalize_doi
from bot.identity import acl_canonical, acl_doi, ids_of, project_page
from bot.metadata._text import collapse, is_preprint_doi, is_preprint_venue
from bot.metadata.arxiv import ArxivClient
from bot.metadata.crossref import CrossrefClient
from bot.metadata.dblp import DblpClient
from bot.metadata.errors import LookupFailure, NotFound, OfflineMiss
from bot.metadata.http import HttpClient
from bot.metadata.pages import PageClient
from bot.metadata.semanticscholar import SemanticScholarClient
from bot.models import Skipped
from bot.references import bibtex
from bot.suggestions import PaperRecord, Suggestion
from bot.text import latex

log = logging.getLogger(__name__)

Step = Callable[[], PaperRecord]

_OPENREVIEW_URL = re.compile(r"openreview\.net/(?:forum|pdf)\?(?:.*&)?id=([\w\-]+)", re.I)
_ACL_URL = re.compile(
    r"(?:aclanthology\.org|aclweb\.org/anthology)/([A-Z]\d{2}-\d{4}|\d{4}\.[\w\-]+\.\d+)",
    re.I,
)


@dataclass(frozen=True)
class _Parsed:
    """A suggestion's identifiers, normalised once."""

    arxiv: str | None = None
    doi: str | None = None
    acl: str | None = None
    openreview: str | None = None
    url: str | None = None
    title: str | None = None
    year: int | None = None
    authors: tuple[str, ...] = ()
    bibtex: PaperRecord | None = None  # a complete BibTeX entry, used as is
    problems: tuple[str, ...] = ()


def _parse(s: Suggestion) -> _Parsed:
    problems: list[str] = []
    arxiv = normalize_arxiv(s.arxiv) if s.arxiv else None
    if s.arxiv and not arxiv:
        problems.append(f"{s.arxiv!r} is not an arXiv id")
    doi = normalize_doi(s.doi) if s.doi else None
    if s.doi and not doi:
        problems.append(f"{s.doi!r} is not a DOI")
    if doi and arxiv_from_doi(doi):  # arXiv DOIs are DataCite's: Crossref 404s them
        arxiv = arxiv or arxiv_from_doi(doi)
        doi = None
    acl = collapse(s.acl) or None
    openreview = collapse(s.openreview) or None
    forum = _OPENREVIEW_URL.search(openreview) if openreview else None
    if forum:
        openreview = forum.group(1)  # a forum URL, not an id
    url = collapse(s.url) or None
    if url:
        if "arxiv.org" in url.lower():
            arxiv = arxiv or normalize_arxiv(url)
        if "doi.org/" in url.lower() and not doi:
            doi = normalize_doi(url)
            if doi and arxiv_from_doi(doi):
                arxiv, doi = arxiv or arxiv_from_doi(doi), None
        found = _OPENREVIEW_URL.search(url)
        openreview = openreview or (found.group(1) if found else None)
        found = _ACL_URL.search(url)
        acl = acl or (found.group(1) if found else None)
    title = collapse(s.title) or None
    if s.name and not (arxiv or doi or acl or openreview or url or title or s.bibtex):
        problems.append(
            f'only a name ("{collapse(s.name)[:80]}"): the paper\'s title or a link is needed'
        )
    year: int | None = None
    authors: tuple[str, ...] = ()
    bibtex_record = None
    if s.bibtex:
        entry = _first_entry(s.bibtex) or bibtex.ExpandedEntry("misc", "")
        ref = bibtex.to_reference(entry)
        b_title, b_year, b_arxiv = ref.title or None, ref.year, ref.arxiv
        b_authors = bibtex.split_authors(entry.fields.get("author", ""))  # editors are not authors
        b_doi = None if ref.doi and arxiv_from_doi(ref.doi) else ref.doi
        title, year, authors = title or b_title, b_year, b_authors
        if b_title and b_authors and b_year:
            fields = entry.fields
            venue = latex.decode(fields.get("journal") or fields.get("booktitle") or "") or None
            b_url = collapse(fields.get("url", "")) or None
            bibtex_record = PaperRecord(
                title=b_title,
                authors=b_authors,
                year=b_year,
                venue=venue,
                arxiv=b_arxiv,
                doi=b_doi,
                url=b_url or (f"https://arxiv.org/abs/{b_arxiv}" if b_arxiv else
                              f"https://doi.org/{b_doi}" if b_doi else None),
                published_venue=None if is_preprint_venue(venue) else venue,
                published_doi=b_doi if b_doi and not is_preprint_doi(b_doi) else None,
                source="bibtex",
            )
        else:
            arxiv, doi = arxiv or b_arxiv, doi or b_doi
            if not (b_title or b_arxiv or b_doi):
                problems.append("the BibTeX entry has no title, arXiv id or DOI")
    return _Parsed(arxiv, doi, acl, openreview, url, title, year, authors, bibtex_record,
                   tuple(problems))


def _first_entry(text: str) -> bibtex.ExpandedEntry | None:
    """The first readable entry of a pasted BibTeX text; a broken one counts as absent."""
    entries, _ = bibtex.expand_entries(text)
    return entries[0] if entries else None


def describe(s: Suggestion) -> str:
    """A short label for a suggestion, for ``Skipped.what``."""
    if s.arxiv:
        return f"arXiv:{normalize_arxiv(s.arxiv) or s.arxiv}"
    if s.doi:
        return f"doi:{normalize_doi(s.doi) or s.doi}"
    if s.acl:
        return f"ACL {s.acl}"
    if s.openreview:
        return f"OpenReview {s.openreview}"
    if s.url:
        return s.url
    if s.title or s.name:
        title = collapse(s.title or s.name)
        return f'"{title[:77]}..."' if len(title) > 80 else f'"{title}"'
    if s.bibtex:
        entry = _first_entry(s.bibtex)
        return f"BibTeX {entry.key}" if entry else "BibTeX entry"
    return "empty suggestion"


def _summary(reasons: Sequence[LookupFailure]) -> str:
    if not reasons:
        return "nothing to look up (no arXiv id, DOI, ACL or OpenReview id, URL or title)"
    if all(isinstance(r, OfflineMiss) for r in reasons):
        return "offline and not cached"
    texts = list(dict.fromkeys(str(r) for r in reasons))
    return "; ".join(texts)


class Resolver:
    """Turns suggestions into records through arXiv, Crossref, Semantic Scholar and dblp."""

    def __init__(
        self,
        http: HttpClient,
        arxiv: ArxivClient,
        crossref: CrossrefClient,
        semanticscholar: SemanticScholarClient,
        dblp: DblpClient,
        pages: PageClient | None = None,
        *,
        link_versions: bool = True,
    ) -> None:
        self.http = http
        self.arxiv = arxiv
        self.crossref = crossref
        self.s2 = semanticscholar
        self.dblp = dblp
        self.pages = pages
        self.link_versions = link_versions

    # -- public -------------------------------------------------------------------

    def resolve(self, suggestion: Suggestion) -> PaperRecord | Skipped:
        return self.resolve_many([suggestion])[0]

    def resolve_many(self, suggestions: Iterable[Suggestion]) -> list[PaperRecord | Skipped]:
        """One result per suggestion, in order; arXiv ids are fetched in batched calls."""
        items = list(suggestions)
        parsed: list[_Parsed | None] = []
        for s in items:
            try:
                parsed.append(_parse(s))
            except Exception:  # a parsing bug must not sink the batch
                log.exception("could not read suggestion %r", s)
                parsed.append(None)
        ids = [p.arxiv for p in parsed if p is not None and p.arxiv]
        prefetched: dict[str, PaperRecord | LookupFailure] = {}
        if ids:
            try:
                prefetched = self.arxiv.lookup_many(ids)
            except Exception:
                log.exception("arXiv batch lookup failed")
        found: list[PaperRecord | Skipped] = []
        for s, p in zip(items, parsed, strict=True):
            found.append(self._guarded(s, partial(self._find, s, p, prefetched)))
        link_ids = [self._link_id(r) for r in found if isinstance(r, PaperRecord)]
        wanted = [i for i in dict.fromkeys(link_ids) if i]
        linked: dict[str, PaperRecord | LookupFailure] = {}
        if len(wanted) > 1:  # one batch call instead of one call per record
            try:
                linked = self.s2.papers(wanted)
            except Exception:
                log.exception("Semantic Scholar batch lookup failed")
        return [
            self._guarded(s, partial(self._link_and_remember, r, linked))
            if isinstance(r, PaperRecord)
            else r
            for s, r in zip(items, found, strict=True)
        ]

    def _link_and_remember(self, record: PaperRecord,
                           linked: dict[str, PaperRecord | LookupFailure]) -> PaperRecord:
        return self._remember(self._link(record, linked))

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """Every id the cache knows to name the same work as one of ``ids`` (no lookup)."""
        return self.http.cache.linked(ids)

    @staticmethod
    def _guarded(s: Suggestion, work: Callable[[], PaperRecord | Skipped]
                 ) -> PaperRecord | Skipped:
        try:
            return work()
        except Exception as exc:  # a bug in one item must not sink the others
            log.exception("resolving %r failed", s)
            return Skipped(describe(s),
                           f"could not resolve: internal error ({type(exc).__name__}: {exc})")

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> Resolver:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the chain ----------------------------------------------------------------

    def _find(self, s: Suggestion, p: _Parsed | None,
              prefetched: dict[str, PaperRecord | LookupFailure]) -> PaperRecord | Skipped:
        if p is None:
            raise ValueError("unreadable suggestion")
        reasons: list[LookupFailure] = [NotFound(problem) for problem in p.problems]
        for asked, step in self._plan(p, prefetched):
            try:
                record = step()
            except LookupFailure as exc:
                reasons.append(exc)
                continue
            # The id the lookup was asked by names the work found (an OpenReview forum
            # that Semantic Scholar resolved to an arXiv paper).
            return replace(record, ids=tuple(sorted({*record.ids, *asked})))
        return Skipped(describe(s), f"could not resolve: {_summary(reasons)}")

    def _plan(self, p: _Parsed, prefetched: dict[str, PaperRecord | LookupFailure]
              ) -> list[tuple[frozenset[str], Step]]:
        """The lookups to try in order, each with the typed ids it asks by."""
        steps: list[tuple[frozenset[str], Step]] = []
        if p.arxiv:
            arxiv_id = p.arxiv
            steps.append((ids_of(arxiv=arxiv_id), lambda: self._arxiv(arxiv_id, prefetched)))
        if p.doi:
            doi = p.doi
            steps.append((ids_of(dois=[doi]), lambda: self.crossref.work(doi)))
            steps.append((ids_of(dois=[doi]), lambda: self.s2.by_doi(doi)))
        if p.acl:
            acl = p.acl
            by_acl = ids_of(others=[f"acl:{acl_canonical(acl)}"], dois=[acl_doi(acl)])
            steps.append((by_acl, lambda: self.s2.by_acl(acl)))
            steps.append((by_acl, lambda: self.crossref.work(f"10.18653/v1/{acl}".lower())))
        if p.openreview:
            forum = f"https://openreview.net/forum?id={p.openreview}"
            steps.append((frozenset({f"openreview:{p.openreview}"}), lambda: self.s2.by_url(forum)))
        if p.url and not (p.arxiv or p.doi or p.acl or p.openreview):
            url = p.url
            if project_page(url) and self.pages is not None:
                steps.append((frozenset(), lambda: self._project(url)))
            else:
                steps.append((frozenset(), lambda: self.s2.by_url(url)))
        if p.bibtex is not None:  # a reader's complete entry beats a title search
            record = p.bibtex
            steps.append((frozenset(), lambda: record))
        if p.title:
            title, year, authors = p.title, p.year, p.authors
            steps.append((frozenset(), lambda: self.arxiv.search_title(title)))
            steps.append((frozenset(), lambda: self.dblp.search(title)))
            steps.append(
                (frozenset(), lambda: self.crossref.search(title, authors=authors, year=year))
            )
            steps.append((frozenset(), lambda: self.s2.match_title(title)))
        return steps

    def _arxiv(self, arxiv_id: str, prefetched: dict[str, PaperRecord | LookupFailure]
               ) -> PaperRecord:
        found = prefetched.get(arxiv_id)
        if found is None:
            return self.arxiv.lookup(arxiv_id)
        if isinstance(found, LookupFailure):
            raise found
        return found

    def _project(self, url: str) -> PaperRecord:
        """The paper a repository's README or a project page names (``bot.metadata.pages``)."""
        assert self.pages is not None
        paper = self.pages.paper(url)
        if paper.arxiv:
            return self.arxiv.lookup(paper.arxiv[0])
        try:
            return self.crossref.work(paper.doi[0])
        except NotFound:
            return self.s2.by_doi(paper.doi[0])

    def _link_id(self, record: PaperRecord) -> str | None:
        """The Semantic Scholar id that links ``record`` to its other version, if it needs one."""
        if not self.link_versions or record.source == "semanticscholar":
            return None  # an S2 record already carries both ids
        if record.arxiv:
            if record.published_doi and record.published_venue:
                return None  # arXiv already said where it was published
            return f"arXiv:{record.arxiv}"
        doi = record.published_doi or record.doi
        return f"DOI:{doi}" if doi else None

    def _link(self, record: PaperRecord,
              linked: dict[str, PaperRecord | LookupFailure] | None = None) -> PaperRecord:
        """Add the other version's ids: published DOI/venue for a preprint, arXiv id for a DOI."""
        s2_id = self._link_id(record)
        if s2_id is None:
            return record
        try:
            other = (linked or {}).get(s2_id) or self.s2.paper(s2_id)
            if isinstance(other, LookupFailure):
                raise other
        except LookupFailure as exc:
            log.debug("no version link for %s: %s", s2_id, exc)
            return record
        ids = tuple(sorted({*record.ids, *other.ids}))  # S2 found it by one of the record's ids
        if record.arxiv:
            return replace(
                record,
                published_doi=record.published_doi or other.published_doi,
                published_venue=record.published_venue or other.published_venue,
                ids=ids,
            )
        return replace(record, arxiv=other.arxiv or record.arxiv, ids=ids)

    def _remember(self, record: PaperRecord) -> PaperRecord:
        """Keep the record's ids as one work in the cache, and add those known before."""
        ids = set(record.ids) | ids_of(
            arxiv=record.arxiv, dois=[record.doi, record.published_doi]
        )
        self.http.cache.link(ids)
        return replace(record, ids=tuple(sorted(self.http.cache.linked(ids))))
