"""One formatted citation, in any of the common styles, as a ``Reference``.

Readers paste references the way their paper or PDF prints them:

* IEEE, Chicago, MLA, and anything else that quotes the title:
  ``J. Wei, X. Wang, "Chain-of-thought prompting ...," in NeurIPS, 2022.``
  (the quoted-title reading of ``bot.references.text``);
* APA and Harvard: ``Wei, J., Wang, X., & Zhou, D. (2022). Chain-of-thought
  prompting .... Advances in ...``;
* ACM: ``Jason Wei, Xuezhi Wang, and Denny Zhou. 2022. Chain-of-thought
  prompting .... In NeurIPS.``;
* Springer LNCS: ``Wei, J., Wang, X.: Chain-of-thought prompting .... In: NeurIPS (2022)``;
* IEEE books, unquoted: ``S. Pinker, The Language Instinct. Brilliance Audio, 2014.``

:func:`parse_citation` finds the style from its shape and returns the title,
authors, year and ids; None when the text is not a citation (prose, a title on
its own).
"""

from __future__ import annotations

import re

from bot.identifiers import arxiv_from_doi, find_arxiv_ids, find_dois
from bot.models import Reference
from bot.references.common import find_urls, find_year, split_names
from bot.references.text import split_title

_YEAR = r"(?:19|20)\d{2}[a-z]?"
# APA / Harvard: "Authors (2022). Title. Venue" or "Authors (2022) Title. Venue".
_APA = re.compile(
    rf"^(?P<authors>.+?)\s*\((?P<year>{_YEAR}|n\.\s?d\.)(?:,\s*[^)]{{1,20}})?\)\.?\s+(?P<rest>.+)$"
)
# ACM: "Authors. 2022. Title. In Venue."
_ACM = re.compile(rf"^(?P<authors>.+?[^A-Z\s])\.\s+(?P<year>{_YEAR})\.\s+(?P<rest>.+)$")
# Springer LNCS: "Surname, I., Surname, I.: Title. In: Venue (2022)".
_LNCS = re.compile(
    r"^(?P<authors>(?:[^:]{1,40}?,\s*(?:[A-Z]\.\s?-?)+,?\s*(?:and\s+)?)+):\s+(?P<rest>.+)$"
)
# A title ends at a full stop, question or exclamation mark followed by a space (not
# after an initial: "J. Wei"), or at the end.
_TITLE_END = re.compile(r"(?<=[^\sA-Z.][^\s.])[.?!](?=\s+\S)|(?<=[a-z0-9)])\.(?=\s+In[\s:])")
# What an author list looks like: initials ("J.", "J.-P.") or "Surname, Given" pairs.
_AUTHORISH = re.compile(r"\b[A-Z]\.\s|\b[A-Z][a-z]+,\s+[A-Z]|\bet al\b|&|\band\b")
_MIN_TITLE_WORDS = 3
_MAX_CITATION = 2000  # characters: a longer text is prose (and would be slow to try)
# "Surname, I. J.," pairs (APA, Harvard, LNCS author lists).
_SURNAME_INITIALS = re.compile(
    r"(?:^|,|&|\band\b)\s*([^,&]+?),\s*((?:[A-Z]\.\s?-?)+)(?=,|\s*&|\s+and\b|\s*$)"
)


def parse_citation(
    text: str, *, number: int | None = None, source: str = "", line: int = 0
) -> Reference | None:
    """The citation in ``text`` (one entry, lines already joined), or None."""
    text = " ".join(text.split()).strip()
    if not 20 <= len(text) <= _MAX_CITATION or not re.search(_YEAR, text):
        return None
    authors, title, rest = _split(text)
    title = title.strip().strip(".,;: ").strip()
    if len(title.split()) < _MIN_TITLE_WORDS or not _AUTHORISH.search(authors):
        return None
    arxiv_ids = find_arxiv_ids(text)
    dois = [doi for doi in find_dois(text) if not arxiv_from_doi(doi)]  # arXiv's: the id
    return Reference(
        title=title,
        number=number,
        authors=_names(authors),
        year=find_year(rest) or find_year(text),
        arxiv=arxiv_ids[0] if arxiv_ids else None,
        doi=dois[0] if dois else None,
        urls=find_urls(text),
        source=source,
        line=line,
        end_line=line,
    )


def _names(authors: str) -> tuple[str, ...]:
    """The author list: "Surname, I." pairs as "I. Surname", else as ``split_names`` reads it."""
    pairs = _SURNAME_INITIALS.findall(authors.replace(", et al.", "").replace(" et al.", ""))
    if len(pairs) >= 1 and len(pairs) * 2 >= authors.count(","):
        return tuple(f"{initials.strip()} {surname.strip()}" for surname, initials in pairs)
    names = split_names(authors)
    if len(names) >= 2 and " " not in names[0] + names[1] and (len(names) == 2 or " " in names[2]):
        return (f"{names[1]} {names[0]}", *names[2:])  # Chicago, MLA: "Wei, Jason, X. Wang"
    return names


def _split(text: str) -> tuple[str, str, str]:
    """(authors, title, rest) by the first style whose shape the text has."""
    if re.search(r"[“\"][^“”\"]{10,}[”\"]", text):
        authors, title, rest = split_title(text)
        if title:
            return authors, title, rest
    for style in (_APA, _ACM, _LNCS):
        found = style.match(text)
        if found:
            title, rest = _title_of(found.group("rest"))
            return found.group("authors"), title, rest
    return split_title(text)  # an IEEE book: "S. Pinker, The Language Instinct. Publisher, 2014."


def _title_of(text: str) -> tuple[str, str]:
    """The title at the start of ``text`` and what follows it."""
    end = _TITLE_END.search(text)
    if end is None:
        return text, ""
    mark = text[end.start()]
    title = text[: end.start()] + (mark if mark in "?!" else "")
    return title, text[end.end() :]
