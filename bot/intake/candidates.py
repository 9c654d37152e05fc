"""Candidate papers found by the parsers, and how they become Suggestions.

A candidate is whatever one piece of evidence says about one paper (an arXiv
link, a BibTeX entry, a quoted title). Candidates that share an identifier, or
the same title without conflicting identifiers, are one paper and are merged;
the merged paper keeps the best title (BibTeX > form field > label > quotes or
link text > bold > plain text) and the first-seen position, so suggestions come
out in order of appearance.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, fields, replace

from bot.identifiers import normalize_arxiv, normalize_doi
from bot.intake.links import acl_canonical, classify_url, find_hits
from bot.suggestions import Suggestion
from bot.text.normalize import title_key

RANK_PLAIN, RANK_BOLD, RANK_QUOTED, RANK_LABEL, RANK_BIBTEX, RANK_FORM = 1, 2, 3, 4, 5, 6
ID_KINDS = ("arxiv", "doi", "acl", "openreview")


@dataclass
class Candidate:
    pos: int
    arxiv: str | None = None
    doi: str | None = None
    acl: str | None = None
    openreview: str | None = None
    url: str | None = None
    paper_url: bool = False
    title: str | None = None
    title_rank: int = 0
    bibtex: str | None = None
    section: str | None = None
    origin: str = "id"  # id | url | bibtex | citation | title | name
    extra_titles: list[tuple[int, str]] = field(default_factory=list)

    @property
    def has_id(self) -> bool:
        return any(getattr(self, k) for k in ID_KINDS)

    def set_title(self, title: str | None, rank: int) -> None:
        if title and rank > self.title_rank:
            self.title, self.title_rank = title, rank


def _conflict(a: Candidate, b: Candidate) -> bool:
    return any(getattr(a, k) and getattr(b, k) and getattr(a, k) != getattr(b, k) for k in ID_KINDS)


def _mergeable(a: Candidate, b: Candidate) -> bool:
    """Whether two pieces of evidence name one paper: a shared identifier, the same
    URL, or the same title key without conflicting identifiers. Lenient on purpose
    (a link and a BibTeX entry of one paper may carry different ids); telling papers
    apart across edits of an issue is ``bot.issue.triage.same_paper``'s stricter job."""
    for kind in ID_KINDS:
        if getattr(a, kind) and getattr(a, kind) == getattr(b, kind):
            return True
    if a.url and a.url == b.url and not (a.has_id and b.has_id):
        return True
    key = title_key(a.title)
    return bool(key) and key == title_key(b.title) and not _conflict(a, b)


def fill_missing(into: Candidate, source: object, kinds: Iterable[str] = ID_KINDS) -> None:
    """Copy the ``kinds`` (identifiers by default) that ``source`` has and ``into`` lacks;
    what ``into`` already holds wins."""
    for kind in kinds:
        if not getattr(into, kind) and getattr(source, kind):
            setattr(into, kind, getattr(source, kind))


def _absorb(into: Candidate, other: Candidate) -> None:
    fill_missing(into, other, (*ID_KINDS, "url", "section"))
    into.paper_url = into.paper_url or other.paper_url
    into.set_title(other.title, other.title_rank)
    into.bibtex = into.bibtex or other.bibtex
    into.pos = min(into.pos, other.pos)
    if into.origin == "title" and other.origin != "title":
        into.origin = other.origin


def merge(candidates: Iterable[Candidate]) -> list[Candidate]:
    """One candidate per distinct paper, ordered by first appearance."""
    papers: list[Candidate] = []
    for cand in sorted(candidates, key=lambda c: c.pos):
        target = next((p for p in papers if _mergeable(p, cand)), None)
        if target is None:
            papers.append(replace(cand, extra_titles=list(cand.extra_titles)))
            continue
        _absorb(target, cand)
        # absorbing may connect two papers seen earlier (link + BibTeX with both ids)
        for other in [p for p in papers if p is not target and _mergeable(p, target)]:
            _absorb(target, other)
            papers.remove(other)
    return sorted(papers, key=lambda c: c.pos)


@dataclass(frozen=True)
class Ignore:
    """Identifiers of the survey itself: never suggestions."""

    arxiv: frozenset[str] = frozenset()
    doi: frozenset[str] = frozenset()
    acl: frozenset[str] = frozenset()
    openreview: frozenset[str] = frozenset()
    urls: frozenset[str] = frozenset()
    titles: frozenset[str] = frozenset()

    @classmethod
    def build(cls, ids: Collection[str] | str | None) -> Ignore:
        if not ids:
            return cls()
        if isinstance(ids, str):
            ids = [ids]
        found: dict[str, set[str]] = {f.name: set() for f in fields(cls)}
        for raw in ids:
            if not isinstance(raw, str) or not raw.strip():
                continue
            value = raw.strip()
            hits, _ = find_hits(value)
            if not hits and re.match(r"https?://", value):
                hit = classify_url(value, 0, len(value))
                hits = [hit] if hit else []
            known = False
            for hit in hits:
                for kind in ID_KINDS:
                    got = getattr(hit, kind)
                    if got:
                        found[kind].add(got)
                        known = True
                if hit.url:
                    found["urls"].add(hit.url.rstrip("/").lower())
                    known = True
            if not known:
                if arxiv_id := normalize_arxiv(value):
                    found["arxiv"].add(arxiv_id)
                elif doi_id := normalize_doi(value):
                    found["doi"].add(doi_id)
                elif len(value) > 12 and " " in value and title_key(value):
                    found["titles"].add(title_key(value))
                else:
                    found["openreview"].add(value)
                    found["acl"].add(acl_canonical(value))
        return cls(**{name: frozenset(values) for name, values in found.items()})

    def matches(self, cand: Candidate) -> bool:
        return bool(
            (cand.arxiv and cand.arxiv in self.arxiv)
            or (cand.doi and cand.doi in self.doi)
            or (cand.acl and cand.acl in self.acl)
            or (cand.openreview and cand.openreview in self.openreview)
            or (cand.url and cand.url.rstrip("/").lower() in self.urls)
            or (cand.title and title_key(cand.title) in self.titles)
        )


def to_suggestion(
    cand: Candidate, *, thank_as: str | None, opt_out: bool, section: str | None
) -> Suggestion:
    """The public record; ``url`` is only kept for papers without any identifier."""
    name = cand.origin == "name"
    return Suggestion(
        arxiv=cand.arxiv,
        doi=cand.doi,
        openreview=cand.openreview,
        acl=cand.acl,
        url=None if cand.has_id else cand.url,
        title=None if name else cand.title,
        name=cand.title if name else None,
        bibtex=cand.bibtex,
        section=cand.section or section,
        thank_as=thank_as,
        opt_out=opt_out,
    )
