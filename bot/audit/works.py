"""One work listed more than once: twice in a section, with different details or
identifiers in different sections, or linked in different forms.

Entries of one source are joined into works by what identifies them: a shared
typed id (``bot.identity``), ids the metadata cache links (an arXiv preprint
and its OpenReview forum), or the matcher (``bot.matching``) finding the same
title *and* agreeing authors. Two entries with different arXiv ids are never
one work. A work listed in several sections with the same details is a
maintainer's choice, not a finding (unlike awesome-lint's duplicate rule).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import combinations

from bot.audit import findings as f
from bot.audit.survey import Knowledge, own_ids
from bot.identifiers import normalize_arxiv
from bot.matching import ReferenceIndex
from bot.matching.entries import first_surname
from bot.models import Query, Reference

_YEAR_WORDS = re.compile(r"(?:19|20)\d\d|'\d\d\b|’\d\d\b")
_ARXIV_LINK = re.compile(
    r"^(https?)://(?:www\.|export\.)?arxiv\.org/(abs|pdf)/([^\s?#]+?)(v\d+)?(\.pdf)?/?$", re.I
)


def works(refs: Sequence[Reference], known: Knowledge) -> list[list[Reference]]:
    """The entries of one source grouped by work, each group in file order (only
    groups of two or more)."""
    parent = list(range(len(refs)))
    arxiv: list[set[str]] = [{r.arxiv} if r.arxiv else set() for r in refs]

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, j: int) -> None:
        a, b = root(i), root(j)
        if a == b or (arxiv[a] and arxiv[b] and arxiv[a] != arxiv[b]):
            return  # two arXiv ids: two works, whatever else links them
        parent[b] = a
        arxiv[a] |= arxiv[b]

    first_with: dict[str, int] = {}
    for i, ref in enumerate(refs):
        for typed_id in sorted(known.linked(own_ids(ref))):
            if typed_id in first_with:
                join(first_with[typed_id], i)
            else:
                first_with[typed_id] = i
    index = ReferenceIndex.build(refs)
    position = {id(ref): i for i, ref in enumerate(refs)}
    for i, ref in enumerate(refs):
        if not ref.title:
            continue
        result = index.check(Query(title=ref.title, authors=ref.authors, year=ref.year))
        if result.verdict != "cited":
            continue
        for candidate in result.candidates:
            j = position.get(id(candidate.reference), i)
            if j != i and _same_by_title(ref, candidate.reference, candidate.reason):
                join(i, j)
    groups: dict[int, list[Reference]] = {}
    for i, ref in enumerate(refs):
        groups.setdefault(root(i), []).append(ref)
    return [group for group in groups.values() if len(group) > 1]


def _same_by_title(a: Reference, b: Reference, reason: str) -> bool:
    """The matcher's title match counts only with the authors' agreement, or with the
    year's when an entry names no authors (never by the title alone); years further
    apart than a preprint and its publication are two publications (a paper and its
    journal reprint), not one entry kept twice."""
    if a.year and b.year and abs(a.year - b.year) > 1:
        return False
    if a.authors and b.authors:
        return "authors" in reason
    return "year" in reason


def check(refs: Sequence[Reference], known: Knowledge) -> list[f.Finding]:
    """The findings about works listed more than once in one source."""
    found: list[f.Finding] = []
    for group in works(refs, known):
        found += _duplicates(group)
        found += _identifiers_or_conflict(group, known)
        found += _links(group)
    return found


def _duplicates(group: list[Reference]) -> list[f.Finding]:
    by_section: dict[str | None, list[Reference]] = {}
    for ref in group:
        by_section.setdefault(ref.section, []).append(ref)
    found = []
    for section, refs in by_section.items():
        if len(refs) < 2:
            continue
        where = f" under {section!r}" if section else ""
        lines = ", ".join(str(r.line) for r in refs[1:])
        found.append(
            f.Finding(
                f.DUPLICATE,
                f"{_name(refs[0])} is listed {len(refs)} times{where}",
                tuple(f.Place.of(r) for r in refs),
                proposal=f"keep the entry at line {refs[0].line}, remove line(s) {lines}",
            )
        )
    return found


def _identifiers_or_conflict(group: list[Reference], known: Knowledge) -> list[f.Finding]:
    places = tuple(f.Place.of(r) for r in group)
    differences = _differences(group)
    ids = [own_ids(r) for r in group]
    apart = [(a, b) for a, b in combinations(range(len(group)), 2) if ids[a] and ids[b]]
    if any(not ids[a] & ids[b] for a, b in apart):
        names = sorted({", ".join(sorted(i)) for i in ids if i})
        message = f"{_name(group[0])} is listed under different identifiers: {'; '.join(names)}"
        if differences:
            message += f" ({'; '.join(differences)})"
        return [
            f.Finding(
                f.IDENTIFIERS,
                message,
                places,
                proposal="list the work under one identifier (the published version's, "
                "when it has one) and with the same details everywhere",
            )
        ]
    if differences and len({r.section for r in group}) > 1:
        return [
            f.Finding(
                f.CONFLICT,
                f"{_name(group[0])} has different details in different sections: "
                + "; ".join(differences),
                places,
                proposal="give the entries the same authors, venue and year",
            )
        ]
    return []


def _differences(group: list[Reference]) -> list[str]:
    """What the entries of one work disagree on: first author, author list, venue, year."""
    said = []
    firsts = {first_surname(r.authors) for r in group if r.authors}
    lists = [r.authors for r in group if len(r.authors) > 1]
    if len(firsts) > 1 or any(not _same_names(a, b) for a, b in combinations(lists, 2)):
        said.append("authors: " + " / ".join(sorted({_authors(r) for r in group if r.authors})))
    venues = {_venue_key(r.venue): r.venue for r in group if r.venue}
    if len(venues) > 1:
        said.append("venue: " + " / ".join(sorted(v for v in venues.values() if v)))
    years = {r.year for r in group if r.year}
    if len(years) > 1:
        said.append("year: " + " / ".join(str(y) for y in sorted(years)))
    return said


def _same_names(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two author lists agree when one is the other cut short ("et al.")."""
    surnames_a = [first_surname([n]) for n in a]
    surnames_b = [first_surname([n]) for n in b]
    shortest = min(len(surnames_a), len(surnames_b))
    return surnames_a[:shortest] == surnames_b[:shortest]


def _authors(ref: Reference) -> str:
    return ", ".join(ref.authors[:3]) + (" et al." if len(ref.authors) > 3 else "")


def _venue_key(venue: str | None) -> str:
    return re.sub(r"[\W_]+", "", _YEAR_WORDS.sub("", venue or "")).lower()


def _name(ref: Reference) -> str:
    return f"{ref.title!r}" if ref.title else f"the entry at line {ref.line}"


# -- links --------------------------------------------------------------------------


def link_key(url: str) -> str:
    """What a link points at, whatever its form: an arXiv id (``abs``, ``pdf``, ``vN``),
    else the address without its scheme, ``www.`` or a trailing slash."""
    found = _ARXIV_LINK.match(url.strip())
    if found and (arxiv := normalize_arxiv(found.group(3))):
        return f"arxiv:{arxiv}"
    bare = re.sub(r"^https?://(?:www\.)?", "", url.strip(), flags=re.I).rstrip("/")
    host, slash, path = bare.partition("/")
    return host.lower() + slash + path


def canonical_link(url: str) -> str:
    """The one form a work's link is normalised to: ``https``, arXiv's ``abs`` page
    without a version."""
    key = link_key(url)
    if key.startswith("arxiv:"):
        return f"https://arxiv.org/abs/{key[6:]}"
    return re.sub(r"^http://", "https://", url.strip(), flags=re.I)


def _links(group: list[Reference]) -> list[f.Finding]:
    """One work linked in several forms (http and https, abs and pdf, v2 and v3)."""
    forms: dict[str, dict[str, list[Reference]]] = {}
    for ref in group:
        for url in ref.urls[:1]:  # the entry's own link; other links are code, pages
            forms.setdefault(link_key(url), {}).setdefault(url, []).append(ref)
    found = []
    for _, written in forms.items():
        if len(written) < 2:
            continue
        target = canonical_link(next(iter(written)))
        fixes = tuple(
            f.Fix(r.source, r.line, url, target, mechanical=True, end_line=r.end_line or r.line)
            for url, refs in written.items()
            if url != target
            for r in refs
        )
        entries = sorted({id(r): r for refs in written.values() for r in refs}.values(),
                         key=lambda r: r.line)
        found.append(
            f.Finding(
                f.LINKS,
                f"{_name(group[0])} is linked as " + " and ".join(sorted(written)),
                tuple(f.Place.of(r) for r in entries),
                proposal=f"link it as {target} everywhere",
                fixes=fixes,
            )
        )
    return found
