"""Small helpers shared by the editors: ids, links and names of a record, name keys."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import TypeVar

from bot.identifiers import arxiv_from_doi, normalize_arxiv, normalize_doi
from bot.suggestions import PaperRecord
from bot.text.escaping import clean_text, doi_url, safe_url
from bot.text.normalize import fold

T = TypeVar("T")


def mode(values: Iterable[T], default: T) -> T:
    """The most common of ``values`` (the first seen among equals), or ``default`` if none."""
    counts = Counter(values)
    if not counts:
        return default
    best = max(counts.values())
    return next(value for value, count in counts.items() if count == best)


def markdown_unescape(text: str) -> str:
    """Text as ``bot.text.escaping.markdown`` received it: escapes, entities and ``@`` undone."""
    text = re.sub(r"\\([\\`*_\[\]|~])", r"\1", text)
    text = text.replace("@\u200b", "@")
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def name_key(name: str) -> str:
    """Compare person names ignoring case, accents (folded as titles are: ``Søren``,
    ``Soren``), spacing and punctuation; letters of every script are kept."""
    return "".join(re.findall(r"\w+", fold(clean_text(name)).casefold())).replace("_", "")


def paper_url(record: PaperRecord) -> str | None:
    """The link a list entry shows: arXiv abstract page, else the DOI, else the record's URL."""
    arxiv = normalize_arxiv(record.arxiv) if record.arxiv else None
    if arxiv:
        return f"https://arxiv.org/abs/{arxiv}"
    doi = normalize_doi(record.published_doi or record.doi or "")
    if doi:
        return doi_url(doi)
    return safe_url(record.url)


def describe_record(record: PaperRecord) -> str:
    """How a change or a skip names a paper: its arXiv id, else its DOI, else its title."""
    if record.arxiv:
        return f"arXiv:{normalize_arxiv(record.arxiv) or record.arxiv}"
    if record.doi:
        return f"doi:{record.doi}"
    return repr(record.title[:80])


def record_ids(record: PaperRecord) -> tuple[str | None, set[str]]:
    """(arXiv id, DOIs) of a record, normalised."""
    dois = {
        d for d in (normalize_doi(record.doi or ""), normalize_doi(record.published_doi or "")) if d
    }
    arxiv = normalize_arxiv(record.arxiv) if record.arxiv else None
    arxiv = arxiv or next((a for a in map(arxiv_from_doi, sorted(dois)) if a), None)
    return arxiv, dois


_PARTICLES = {
    "van",
    "von",
    "der",
    "den",
    "de",
    "del",
    "della",
    "di",
    "da",
    "le",
    "la",
    "du",
    "dos",
    "das",
    "ter",
    "ten",
}
_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}


def split_name(name: str) -> tuple[str, str, str]:
    """(given names, surname with particles, suffix) of a display name like "Hugo Touvron".

    A name already written "Surname, Given" is honoured; a name in CJK script
    with no spaces is taken whole as the surname (it sorts and keys fine).
    """
    name = " ".join(clean_text(name).split())
    if "," in name:
        last, _, first = name.partition(",")
        return first.strip(), last.strip(), ""
    words = name.split(" ")
    suffix = ""
    if len(words) > 1 and words[-1].lower() in _SUFFIXES:
        suffix = words.pop()
    if len(words) == 1:
        return "", words[0], suffix
    last_start = len(words) - 1
    while last_start > 1 and words[last_start - 1].lower() in _PARTICLES:
        last_start -= 1
    return " ".join(words[:last_start]), " ".join(words[last_start:]), suffix


def ascii_word(text: str) -> str:
    """``text`` as lower-case ASCII letters and digits only (for citation keys): folded
    as titles are (``bot.text.normalize.fold``: ``Ærø`` -> ``aero``), the rest dropped."""
    return re.sub(r"[^a-z0-9]", "", fold(text).lower())


_STOPWORDS_TEXT = """a an the on of in for to and or with without via from by at as is are be
    towards toward into onto over under about through its their our your this that
    these those do does can we you how what when why which who whose"""
STOPWORDS = frozenset(_STOPWORDS_TEXT.split())


def first_significant_word(title: str) -> str:
    """The first title word that is not a stop word, as ASCII lower case ("" if none)."""
    for word in re.split(r"[\s\-:/]+", clean_text(title)):
        folded = ascii_word(word)
        if folded and folded not in STOPWORDS:
            return folded
    return ""
