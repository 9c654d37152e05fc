"""Plain-text numbered reference lists, as copied out of a PDF.

The list starts at the first ``[1]``; everything before it (an epilogue, a
changelog) is ignored. Each ``[N]`` line starts an entry, following lines
continue it (PDF extraction breaks entries anywhere), separator lines such as
``-`` are dropped, and a word hyphenated at a line end ("Suther-" + "land") is
joined again. A truncated last entry (``[8`` and nothing more) is skipped, and
so are the lines after it. Lines that start with a ``- `` bullet are prose that
extraction interleaved with the list: they end the current entry.

Titles follow IEEE style: the text in curly quotes (“Title,” or “Title?”);
without quotes (books) it is the text after the authors up to the first period.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.identifiers import find_dois, normalize_arxiv
from bot.models import Reference, Skipped
from bot.references.common import find_urls, find_year, normalize_newlines, split_names, where
from bot.references.result import ParseResult

EXTENSIONS = (".txt", ".text")

_ENTRY = re.compile(r"^\s*\[(?P<number>\d+)\]\s?(?P<rest>.*)$")
_FIRST = re.compile(r"^\s*\[1\](?:\s|$)")
_TRUNCATED = re.compile(r"^\s*\[\d*\s*$")
_SEPARATOR = re.compile(r"^\s*[-–—_=*•·]*\s*$")
_PROSE = re.compile(r"^\s*-\s+\S")

# Quotes around titles: curly first, straight as a fallback.
_QUOTES = (("“", "”"), ('"', '"'))
# A token that is an author written the IEEE way: initials, then a surname ("D. de Las Casas").
_AUTHOR = re.compile(r"^(?:and\s+)?(?:[A-Z][a-z]?\.[\s-]*)+\S[^.]*$")
# Where a book title ends: the first period (not an initial), or an IEEE series/edition marker.
_BOOK_TITLE_END = re.compile(r",\s*(?:ser|vol|ed|\d+(?:st|nd|rd|th)\s+ed)\.|\.(?=\s|[A-Z]|$)")
_NOT_VENUE = re.compile(
    r"^(?:vol\.|no\.|pp?\.|ch\.|sec\.|\d{4}\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?\s+\d{4})",
    re.IGNORECASE,
)


@dataclass
class _Item:
    number: int | None
    line: int
    end_line: int
    parts: list[str]
    truncated: str = ""


def sniff(text: str) -> bool:
    """Does this text contain a numbered ``[1] ...`` reference list?"""
    return any(_FIRST.match(line) for line in text.splitlines())


def parse(text: str, source: str = "") -> ParseResult:
    """Every entry of the numbered list as a ``Reference``, plus the skipped ones."""
    references: list[Reference] = []
    skipped: list[Skipped] = []
    for item in _items(normalize_newlines(text).split("\n")):
        place = where(source, item.line)
        if item.truncated:
            skipped.append(
                Skipped(f"{place} {item.truncated}", "truncated entry: no ']' and no text")
            )
            continue
        body = join_lines(item.parts)
        if not body:
            skipped.append(Skipped(f"{place} [{item.number}]", "empty entry"))
            continue
        references.append(parse_entry(body, item.number, source, item.line, item.end_line))
    return ParseResult(tuple(references), tuple(skipped))


def _items(lines: list[str]) -> list[_Item]:
    start = next((i for i, line in enumerate(lines) if _FIRST.match(line)), None)
    if start is None:
        start = next((i for i, line in enumerate(lines) if _ENTRY.match(line)), len(lines))
    items: list[_Item] = []
    current: _Item | None = None
    for index in range(start, len(lines)):
        line = lines[index]
        number = index + 1
        found = _ENTRY.match(line)
        if found:
            current = _Item(int(found.group("number")), number, number, [found.group("rest")])
            items.append(current)
        elif _TRUNCATED.match(line):
            current = _Item(None, number, number, [], truncated=line.strip())
            items.append(current)
        elif _SEPARATOR.match(line):
            continue
        elif _PROSE.match(line):
            current = None
        elif current is not None and not current.truncated:
            current.parts.append(line)
            current.end_line = number
    return items


def join_lines(parts: list[str]) -> str:
    """One line from an entry's pieces: drop separator dashes, undo end-of-line hyphenation."""
    out = ""
    for raw in parts:
        piece = raw.strip()
        if not piece:
            continue
        if not out:
            out = piece
        elif out.endswith("\0"):  # hyphenated word: "Suther-" + "land"
            out = out[:-1] + ("" if piece[:1].islower() else "-") + piece
        else:
            out = f"{out} {piece}"
        if re.search(r"[^\W\d_]-$", out[-2:]):  # the end only: linear in the entry
            out = out[:-1] + "\0"
        elif out.endswith("-") and not out.endswith("--"):
            out = out[:-1].rstrip()  # "4171–4186.-": a separator glued to the line
    return out.replace("\0", "-").strip()


def split_title(body: str) -> tuple[str, str, str]:
    """``(authors, title, rest)`` of one IEEE-style entry."""
    for opening, closing in _QUOTES:
        start = body.find(opening)
        if start < 0:
            continue
        end = body.find(closing, start + 1)
        if end < 0:
            continue
        title = body[start + 1 : end].strip().rstrip(",").strip()
        return body[:start].strip().rstrip(","), title, body[end + 1 :]
    # A book: authors are the leading "X. Name" tokens, the title runs to the first period.
    authors: list[str] = []
    start = 0
    for separator in re.finditer(r",\s*", body):
        token = body[start : separator.start()]
        if not (_AUTHOR.match(token) and len(token.split()) <= 6):
            break
        authors.append(token)
        start = separator.end()
    rest = body[start:]
    stop = _BOOK_TITLE_END.search(rest)
    if stop is None:
        return ", ".join(authors), rest.strip().rstrip("."), ""
    return ", ".join(authors), rest[: stop.start()].strip(), rest[stop.end() :]


def _venue(rest: str) -> str | None:
    rest = rest.strip().lstrip(",.").strip()
    rest = re.sub(r"^(?:in|ser\.)\s+", "", rest, flags=re.IGNORECASE)
    venue = rest.split(",")[0].strip().rstrip(".").strip()
    if not venue or _NOT_VENUE.match(venue):
        return None
    return venue


def parse_entry(body: str, number: int | None, source: str, line: int, end_line: int) -> Reference:
    """The ``Reference`` for one joined entry text."""
    authors, title, rest = split_title(body)
    dois = find_dois(body)
    return Reference(
        title=title,
        number=number,
        authors=split_names(authors),
        year=find_year(rest) or find_year(body),
        venue=_venue(rest),
        arxiv=normalize_arxiv(body),
        doi=dois[0] if dois else None,
        urls=find_urls(body),
        source=source,
        line=line,
        end_line=end_line,
    )
