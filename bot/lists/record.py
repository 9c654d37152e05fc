"""A new paper as list ``Fields``: what a metadata record can fill in a neighbour's slots.

The links go in by kind (``@arxiv``, ``@doi``, ``@url``) and ``layout.assign_links``
puts each in the slot whose neighbours hold that kind. An arXiv link is written
the way the list writes them (``http://arxiv.org/pdf/ID``, ``https://arxiv.org/abs/ID``),
the date comes from the arXiv id (``2310.19773``: October 2023) when the record
has none of its own.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from bot.identifiers import normalize_arxiv, normalize_doi
from bot.lists.entry import Entry, Fields
from bot.lists.values import Authors, Date
from bot.suggestions import PaperRecord
from bot.text.escaping import doi_url, one_line, safe_url

_NEW_ARXIV = re.compile(r"^(\d{2})(\d{2})\.\d{4,5}$")
_ARXIV_IN_URL = re.compile(r"(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(v\d+)?")
_ARXIV_HOST = re.compile(r"https?://(?:www\.)?arxiv\.org/")
_YEAR_AT_END = re.compile(r"[\s,'’]*(?:19|20)\d\d$")


def venue_year(record: PaperRecord) -> int | None:
    """The year of the published venue (``ICLR 2023``), else the record's year."""
    for venue in (record.published_venue, record.venue):
        found = re.search(r"((?:19|20)\d\d)\s*$", venue or "")
        if found:
            return int(found.group(1))
    return int(record.year) if record.year else None


def venue_of(record: PaperRecord) -> str:
    """The venue a list shows: the published one, ``arXiv`` for preprints (no year)."""
    for venue in (record.published_venue, record.venue):
        if venue and venue.strip():
            if re.match(r"^\s*(arxiv|corr)\b", venue, re.IGNORECASE):
                return "arXiv"
            return _YEAR_AT_END.sub("", one_line(venue)) or one_line(venue)
    return "arXiv" if record.arxiv else ""


def record_date(record: PaperRecord, arxiv: str | None) -> Date | None:
    """When the paper appeared: its arXiv id's month (with the record's day when the record
    dates that month: "18 Oct 2024"), else its year."""
    by_id = arxiv_date(arxiv)
    if by_id is not None:
        year, month, _ = by_id
        same = (record.year, record.month) == (year, month)
        return (year, month, record.day) if same and record.day else by_id
    return (int(record.year), None, None) if record.year else None


def arxiv_date(arxiv: str | None) -> Date | None:
    """Year and month of a new-style arXiv id (``2310.19773`` -> 2023, 10)."""
    found = _NEW_ARXIV.match(normalize_arxiv(arxiv or "") or "")
    if not found:
        return None
    return 2000 + int(found.group(1)), int(found.group(2)), None


def arxiv_url_form(neighbours: Sequence[Entry]) -> str:
    """How the list writes arXiv links, as a pattern with ``{id}`` (versions left out)."""
    forms: Counter[str] = Counter()
    for entry in neighbours:
        for _, url in entry.fields.urls:
            if not normalize_arxiv(url) or "arxiv.org" not in url:
                continue
            found = _ARXIV_IN_URL.search(url)
            if found:
                forms[url[: found.start()] + "{id}" + url[found.end() :]] += 1
    # (a tie goes to arxiv.org itself over a mirror: "aps.arxiv.org/pdf/{id}.pdf")
    ranked = sorted(forms.items(), key=lambda kv: (-kv[1], not _ARXIV_HOST.match(kv[0])))
    usable = [form for form, _ in ranked if re.fullmatch(r"https?://[^{}]*\{id\}(?:\.pdf)?", form)]
    return usable[0] if usable else "https://arxiv.org/abs/{id}"


def _preprint_word(neighbours: Sequence[Entry]) -> str | None:
    """How the list names a preprint's venue, when most of its preprints say it otherwise
    than ``arXiv``: ``Preprint``, ``arXiv preprint`` (the case is the list's either way)."""
    spellings = Counter(
        venue
        for entry in neighbours
        if (venue := entry.fields.venue) and _PREPRINT_VENUE.fullmatch(venue)
    )
    if not spellings:
        return None
    word, count = spellings.most_common(1)[0]
    plain = sum(n for v, n in spellings.items() if re.fullmatch(r"arxiv|corr", v, re.IGNORECASE))
    return word if count > plain else None


_PREPRINT_VENUE = re.compile(r"(?i)(?:arxiv|corr)(?:[ \t]+pre-?print)?|pre-?print")


def fields_for(record: PaperRecord, neighbours: Sequence[Entry] = ()) -> Fields:
    """The fields a new entry for ``record`` has, its links by kind."""
    arxiv = normalize_arxiv(record.arxiv) if record.arxiv else None
    urls: list[tuple[str, str]] = []
    if arxiv:
        url = safe_url(arxiv_url_form(neighbours).replace("{id}", arxiv))
        if url:
            urls.append(("@arxiv", url))
    doi = normalize_doi(record.published_doi or "") or normalize_doi(record.doi or "")
    if doi and not doi.startswith("10.48550/"):
        link = doi_url(doi)
        if link:
            urls.append(("@doi", link))
    other = safe_url(record.url)
    if other and not normalize_arxiv(other) and not normalize_doi(other):
        urls.append(("@url", other))
    authors = tuple(one_line(name) for name in record.authors if name.strip())
    year = venue_year(record)
    title = one_line(record.title)
    venue = venue_of(record)
    if venue == "arXiv":
        venue = _preprint_word(neighbours) or venue
    return Fields(
        title=title,
        nickname=None,
        authors=Authors(authors, False) if authors else None,
        venue=venue,
        year=year,
        date=record_date(record, arxiv),
        urls=tuple(urls),
    )
