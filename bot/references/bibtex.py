"""BibTeX ``.bib`` files as references: macros, crossref and LaTeX on top of the splitter.

``bibtex_split`` cuts the file into blocks at every line that starts an entry, as
bibtexparser v2 does, so a broken entry (unbalanced braces, a missing ``=``) costs that
entry only: it is reported as ``Skipped`` with its line and reason. Text between entries,
``@comment`` and ``@preamble`` are ignored; ``@string`` macros, ``#`` concatenation, month
macros and ``crossref`` inheritance work as in BibTeX.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from bot.identifiers import acl_doi, arxiv_from_doi, normalize_arxiv, normalize_doi
from bot.models import Reference, Skipped
from bot.references.bibtex_fast import CommonEntry, read_bib
from bot.references.bibtex_split import ENTRY, NAME, STRING
from bot.references.common import find_urls, normalize_newlines, where
from bot.references.result import ParseResult
from bot.text import latex

EXTENSIONS = (".bib", ".bibtex")

MONTHS = {
    "jan": "January",
    "feb": "February",
    "mar": "March",
    "apr": "April",
    "may": "May",
    "jun": "June",
    "jul": "July",
    "aug": "August",
    "sep": "September",
    "oct": "October",
    "nov": "November",
    "dec": "December",
}
_CROSSREF = re.compile("crossref", re.IGNORECASE)
# Entry types that only hold shared fields for their crossref children.
_CONTAINERS = {"proceedings", "mvproceedings", "collection", "mvcollection"}


# Fields that identify the parent itself, so a child never inherits them.
_NOT_INHERITED = {
    "crossref",
    "ids",
    "key",
    "title",
    "subtitle",
    "doi",
    "url",
    "eprint",
    "archiveprefix",
    "eprinttype",
    "isbn",
    "issn",
    "pages",
}


@dataclass(slots=True)
class ExpandedEntry:
    """One entry with its macros expanded: lower-case type, key, field values as strings
    (``@string`` macros, months and ``#`` joined; LaTeX still encoded), where it is."""

    type: str
    key: str
    fields: dict[str, str] = field(default_factory=dict)
    line: int = 0
    end_line: int = 0


def sniff(text: str) -> bool:
    """Does this text look like a BibTeX file?"""
    return bool(re.search(r"^[ \t]*@[ \t]*[A-Za-z]+[ \t]*[{(][^,=]*,", text, re.MULTILINE))


def parse(text: str, source: str = "") -> ParseResult:
    """Every usable entry of a ``.bib`` text as a ``Reference``, plus what was skipped."""
    skipped: list[Skipped] = []
    # Without crossref each entry stands alone: it becomes a Reference as it is read, and
    # its raw fields are let go (a 50,000-entry file is never held as entries).
    entries: Iterable[ExpandedEntry] = _expanded(text, source, skipped)
    parents: set[str] = set()
    if _CROSSREF.search(text):  # a child takes fields from its parent: every entry first
        listed = list(entries)
        parents = _resolve_crossrefs(listed, {entry.key.lower(): entry for entry in listed})
        entries = listed
    references = tuple(
        to_reference(entry, source)
        for entry in entries
        if not (entry.type in _CONTAINERS and entry.key.lower() in parents)
    )
    _name.cache_clear()  # one file's names: their memory is the index's when it is built
    return ParseResult(references, tuple(skipped))


def expand_entries(text: str, source: str = "") -> tuple[list[ExpandedEntry], list[Skipped]]:
    """The entries with their macros expanded (nothing decoded), and the skipped ones."""
    skipped: list[Skipped] = []
    return list(_expanded(text, source, skipped)), skipped


def _expanded(text: str, source: str, skipped: list[Skipped]) -> Iterator[ExpandedEntry]:
    """The entries of ``text`` one by one, as ``expand_entries`` lists them."""
    macros: dict[str, str] = dict(MONTHS)
    seen: dict[str, int] = {}
    for block in read_bib(normalize_newlines(text)):
        if isinstance(block, CommonEntry):  # most entries: read by the fast path
            fields = _expand_common(block.fields, macros)
        elif block.kind not in (ENTRY, STRING):
            continue  # @comment, @preamble
        elif block.problem:
            skipped.append(Skipped(f"{where(source, block.line)} {block.head}", block.problem))
            continue
        else:
            fields = _expand(((item.name, item.parts) for item in block.fields), macros)
            if block.kind == STRING:
                macros.update(fields)
                continue
        key, line = block.key, block.line
        lowered = key.lower()
        if lowered in seen:
            skipped.append(
                Skipped(
                    what=f"{where(source, line)} @{block.type.lower()}{{{key}",
                    why=f"duplicate key {key!r} (first defined on line {seen[lowered]})",
                )
            )
            continue
        seen[lowered] = line
        yield ExpandedEntry(block.type.lower(), key, fields, line, block.end_line)


def _expand(
    items: Iterable[tuple[str, Sequence[tuple[str, str]]]], macros: dict[str, str]
) -> dict[str, str]:
    """Lower-case field name -> value with macros replaced; the first of repeated fields.
    ``items`` are the fields' names as written and their operands (kind, text)."""
    fields: dict[str, str] = {}
    for name, parts in items:
        name = name.lower()
        if name in fields:
            continue
        if len(parts) == 1 and parts[0][0] != NAME:  # the common field: its text as it is
            fields[name] = parts[0][1]
        else:
            fields[name] = "".join(
                [macros.get(text.lower(), text) if kind == NAME else text for kind, text in parts]
            )
    return fields


def _expand_common(
    items: Iterable[tuple[str, tuple[str, str]]], macros: dict[str, str]
) -> dict[str, str]:
    """``_expand`` of a common entry's fields, each of one operand (kind, text): the same
    dict without a list of operands to walk for each field (10,000 entries: 40,000)."""
    fields: dict[str, str] = {}
    for name, (kind, text) in items:
        name = name.lower()
        if name not in fields:
            fields[name] = macros.get(text.lower(), text) if kind == NAME else text
    return fields


def _resolve_crossrefs(entries: list[ExpandedEntry], by_key: dict[str, ExpandedEntry]) -> set[str]:
    """Copy missing fields from each ``crossref`` parent; return the parents' keys."""
    parents: set[str] = set()
    for entry in entries:
        target = entry.fields.get("crossref", "").strip().lower()
        parent = by_key.get(target)
        if not target or parent is None or parent is entry:
            continue
        parents.add(target)
        for name, value in parent.fields.items():
            if name not in _NOT_INHERITED:
                entry.fields.setdefault(name, value)
        if parent.type in _CONTAINERS | {"book", "mvbook"} and "title" in parent.fields:
            entry.fields.setdefault("booktitle", parent.fields["title"])
    return parents


# Conversion to a Reference ---------------------------------------------------------------


_URL_COMMAND = re.compile(r"\\url\s*")
_URL_ESCAPE = re.compile(r"\\([_%&#~$])")
# ``\s+and\s+``, written so that ``re`` skips to the next white space in C: a pattern whose
# first item is a repetition is tried at every character (split_authors: 266 M to 234 M
# instructions for 10,000 name lists).
AND = re.compile(r"(\s\s*and\s+)", re.IGNORECASE)
COMMA = re.compile(r"(\s*,\s*)")
_FOUR_DIGITS = re.compile(r"\d{4}")
_YEARS: dict[str, int] = {}  # one int per year, not one per reference (28 bytes each)


@lru_cache(maxsize=256)  # entries spell a few years the same way: each read once
def _year(text: str) -> int | None:
    """The year in a ``year`` or ``date`` field: its first four digits."""
    found = _FOUR_DIGITS.search(text)
    return _YEARS.setdefault(found.group(0), int(found.group(0))) if found else None


def split_authors(raw: str) -> tuple[str, ...]:
    """A BibTeX name list (``Last, First and {OpenAI} and others``) as "First Last" names."""
    # ``map`` and ``filter`` call the cached ``_name`` from C: no generator step per name.
    return tuple(filter(None, map(_name, split_top_level(raw, AND))))


@lru_cache(maxsize=2048)  # authors recur across a survey's entries: decoded once, not each time
def _name(part: str) -> str:
    """One name of a name list in "First Last" order, one string for all its entries
    ("" for an empty part or ``others``)."""
    part = part.strip()
    if not part or part.lower() == "others":
        return ""
    return sys.intern(person(part))


def person(raw: str) -> str:
    """One BibTeX name in "First Last" order: ``Vaswani, Ashish`` -> ``Ashish Vaswani``."""
    if "," not in raw:  # already in that order
        return latex.decode(raw)
    parts = [latex.decode(piece) for piece in split_top_level(raw, COMMA)]
    parts = [piece for piece in parts if piece]
    if len(parts) == 2:
        last, first = parts
        return f"{first} {last}"
    if len(parts) >= 3:
        last, junior, first = parts[0], parts[1], ", ".join(parts[2:])
        return f"{first} {last} {junior}"
    return parts[0] if parts else ""


def split_top_level(text: str, separator: re.Pattern[str]) -> list[str]:
    """Split on ``separator`` (one capturing group, matching no brace), but only outside
    braces: a separator counts when the braces before it balance (``{`` minus ``}`` is 0);
    the others are joined back with their neighbours."""
    cut = separator.split(text)
    if "{" not in text:
        return cut[::2]
    pieces = [cut[0]]
    depth = cut[0].count("{") - cut[0].count("}")
    for at in range(1, len(cut), 2):
        found, piece = cut[at], cut[at + 1]
        if depth == 0:
            pieces.append(piece)
        else:
            pieces[-1] += found + piece
        depth += piece.count("{") - piece.count("}")
    return pieces


def _clean_url(raw: str) -> str:
    if "\\" in raw:  # most values hold no LaTeX at all: no regex pass for them
        raw = _URL_COMMAND.sub("", raw)
        raw = _URL_ESCAPE.sub(r"\1", raw)
    if "{" in raw or "}" in raw:
        raw = latex.strip_braces(raw)
    return raw.strip()


# The fields a reference is made of (the names and the links are read apart): each is
# decoded from LaTeX once, when the entry has it. The other fields an entry may hold
# (abstract, keywords, file, ...) are never decoded.
_DECODED = frozenset({
    "title", "year", "date", "archiveprefix", "eprinttype", "eprint", "journal", "journaltitle",
    "booktitle", "eventtitle", "volume", "number", "publisher", "howpublished", "note", "school",
    "institution", "organization",
})  # fmt: skip
_LINKS = ("url", "howpublished", "note", "pdf")


def to_reference(entry: ExpandedEntry, source: str = "") -> Reference:
    """The ``Reference`` for one entry: decoded title and names, ids from every field."""
    fields = entry.fields
    text = {name: latex.decode(value) for name, value in fields.items() if name in _DECODED}
    authors = split_authors(fields.get("author") or fields.get("editor") or "")

    year = _year(text.get("year") or text.get("date") or "")

    urls = []
    for name in _LINKS:
        if name in fields:
            for url in find_urls(_clean_url(fields[name])):
                if url not in urls:
                    urls.append(url)

    doi = normalize_doi(_clean_url(fields["doi"])) if "doi" in fields else None
    if not doi and urls:
        doi = next(
            (found for find in (normalize_doi, acl_doi) for url in urls if (found := find(url))),
            None,
        )
    arxiv = _arxiv(text, urls) or (arxiv_from_doi(doi) if doi else None)

    return Reference(
        title=text.get("title", ""),
        key=entry.key,
        authors=authors,
        year=year,
        venue=_venue(entry.type, text),
        arxiv=arxiv,
        doi=doi,
        urls=tuple(urls),
        source=source,
        line=entry.line,
        end_line=entry.end_line,
    )


# The fields ``_arxiv`` may find an id in (besides the links).
_ARXIV_FIELDS = frozenset(
    {"eprint", "journal", "journaltitle", "booktitle", "volume", "howpublished", "note", "number"}
)
_ARXIV_VENUE = re.compile(r"arxiv|corr", re.IGNORECASE)
_ARXIV_NUMBER = re.compile(r"\s*arxiv", re.IGNORECASE)


def _arxiv(text: dict[str, str], urls: list[str]) -> str | None:
    """The arXiv id of an entry (``text``: its decoded fields): from ``eprint`` unless
    the entry names another archive, else from its venue, DBLP volume, links or notes.
    None at once for an entry with none of them (most of a survey's have a title,
    authors and a year only)."""
    if not urls and _ARXIV_FIELDS.isdisjoint(text):
        return None
    prefix = (text.get("archiveprefix") or text.get("eprinttype") or "").lower()
    candidates = []
    if "eprint" in text and (not prefix or "arxiv" in prefix):
        candidates.append(text["eprint"])
    journal = text.get("journal") or text.get("journaltitle") or text.get("booktitle") or ""
    candidates.append(journal)
    volume = text.get("volume", "")
    if "abs/" in volume.lower():  # DBLP: journal = {CoRR}, volume = {abs/2303.18223}
        candidates.append(volume)
    candidates.extend(urls)
    candidates.append(text.get("howpublished", ""))
    candidates.append(text.get("note", ""))
    # ``journal = {arXiv}, number = {2303.18223}``: a bare id counts where the venue is arXiv.
    number = text.get("number")
    if number and (
        _ARXIV_VENUE.search(f"{journal} {text.get('publisher', '')}") or _ARXIV_NUMBER.match(number)
    ):
        candidates.append(number)
    for candidate in candidates:
        if candidate and (found := normalize_arxiv(candidate)):
            return found
    return None


_VENUES = ("journal", "journaltitle", "booktitle", "eventtitle")
_VENUES_LAST = ("howpublished", "organization", "publisher")
_VENUES_OF_KIND = (
    (("phdthesis", "mastersthesis", "thesis"), ("school", "institution")),
    (("techreport", "report"), ("institution", "organization")),
    (("book", "inbook", "mvbook"), ("publisher",)),
)
# Where each kind of entry names its venue, in order (other kinds: _VENUES + _VENUES_LAST).
_VENUE_ORDER = {
    kind: _VENUES + more + _VENUES_LAST for kinds, more in _VENUES_OF_KIND for kind in kinds
}

_VENUE_FIELDS = frozenset(name for order in _VENUE_ORDER.values() for name in order)


def _venue(kind: str, text: dict[str, str]) -> str | None:
    """The first venue field of the entry's kind that holds a name, not a link (None at
    once for an entry with no such field)."""
    if _VENUE_FIELDS.isdisjoint(text):
        return None
    for name in _VENUE_ORDER.get(kind, _VENUES + _VENUES_LAST):
        value = text.get(name)
        if value and not value.lower().startswith(("http://", "https://")):
            return value  # decoded: white space already collapsed, none at either end
    return None
