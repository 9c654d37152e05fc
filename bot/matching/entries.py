"""What the matcher knows about one reference (or query), computed once.

The index stores one :class:`Entry` per reference: the title's tokens and keys
(``bot.text.normalize``), the authors' surnames and initials, the year and the
normalised identifiers, so that comparing a query with a candidate normalises
each text once. A query is put in the same shape, so one comparison serves both
sides.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import NamedTuple

from bot.identity import ids_of, kind_of, value_of
from bot.models import Query, Reference
from bot.text import normalize as textnorm

SHORT_TITLE = 3  # words: a title this short is all name ("Mistral 7B", "GPT-4 Technical Report")
NAME = 4  # words: a part before the colon this short names the work ("P-Tuning v2: ...")
# First-author strings that name an organisation: never a conflict on their own.
_ORG_WORDS = textnorm.name_words(  # normalised as the names they are compared with
    "team workshop collaboration consortium group project inc ai lab labs research "
    "institute university foundation community committee"
)


class _Authors(NamedTuple):
    surnames: tuple[str, ...]
    first_words: frozenset[str]  # all words of the first author's name
    initial: str  # the first author's first initial ("" when unknown)
    all_words: frozenset[str]  # all words of every author's name
    organisation: bool  # first author is a team / consortium / company


@dataclass(frozen=True, slots=True)
class Entry:
    """One reference with everything the matcher compares.

    What the index looks up (the title's tokens and keys, the identifiers of the work)
    is computed once, when the index is built; what only weighing a candidate needs
    (the authors' names) is derived from the reference when asked, and cached: a
    lookup weighs a few candidates, so a 50,000-reference index does not keep it all.
    """

    ref: Reference
    order: int
    tokens: tuple[str, ...]
    key: str
    main_key: str  # title before the colon ("" when there is no subtitle)
    # Words that name the work (a short title, or a short part before the colon:
    # "Mistral 7B", "BLOOMZ: ..."): model names differ by one changed or added letter
    # (Mistral/Mixtral, BLOOM/BLOOMZ), so such a difference there is never a typo.
    names: frozenset[str]
    # The title without a leading "Nick:" or a trailing "(Nick)" that lists and readers
    # add or drop ("T5: Exploring ..."), and that name; both empty without one.
    bare: tuple[str, ...]
    bare_key: str
    nickname: tuple[str, ...]
    question: bool
    year: int | None
    arxiv: frozenset[str]
    dois: frozenset[str]  # non-arXiv DOIs
    others: frozenset[str]  # other ids of the work, typed: "acl:...", "openreview:...", "dblp:..."

    @property
    def surnames(self) -> tuple[str, ...]:
        return _author_fields(self.ref.authors).surnames

    @property
    def first_words(self) -> frozenset[str]:
        return _author_fields(self.ref.authors).first_words

    @property
    def initial(self) -> str:
        return _author_fields(self.ref.authors).initial

    @property
    def all_words(self) -> frozenset[str]:
        return _author_fields(self.ref.authors).all_words

    @property
    def organisation(self) -> bool:
        return _author_fields(self.ref.authors).organisation


def first_surname(names: Iterable[str]) -> str:
    """The first author's surname, as ``Entry.surnames[0]`` has it ("" with none)."""
    return next((found for name in names if name and (found := textnorm.surname(name))), "")


@lru_cache(maxsize=1024)
def _author_fields(names: tuple[str, ...]) -> _Authors:
    authors = [a for a in names if a and textnorm.surname(a)]
    surnames = tuple(textnorm.surname(a) for a in authors)
    first = textnorm.name_words(authors[0]) if authors else frozenset()
    all_words: frozenset[str] = frozenset().union(*(textnorm.name_words(a) for a in authors))
    organisation = bool(authors) and _is_organisation(authors[0])
    initial = textnorm.given_initial(authors[0]) if authors and not organisation else ""
    return _Authors(surnames, first, initial, all_words, organisation)


def _is_organisation(name: str) -> bool:
    """Whether a first author is an organisation: "OpenAI", "Gemini Team", "IBM"."""
    if textnorm.name_words(name) & _ORG_WORDS:
        return True
    words = textnorm.fold(name).replace(",", " ").split()
    # One word in camel case or capitals ("OpenAI", "DeepMind", "IBM").
    return len(words) == 1 and (words[0].isupper() or any(c.isupper() for c in words[0][1:]))


def _ids(ids: frozenset[str]) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(arXiv ids, other DOIs, the remaining typed ids) of a set of typed ids."""
    arxiv = frozenset(value_of(i) for i in ids if kind_of(i) == "arxiv")
    dois = frozenset(value_of(i) for i in ids if kind_of(i) == "doi")
    others = frozenset(i for i in ids if kind_of(i) not in ("arxiv", "doi"))
    return arxiv, dois, others


def reference_entry(ref: Reference, order: int) -> Entry:
    """The entry of ``ref``, the ``order``-th reference (earlier ones win ties)."""
    main, sub, question, nickname, bare = textnorm.analyse_title(ref.title)
    tokens = tuple(main + sub)
    arxiv, dois, others = _ids(ids_of(arxiv=ref.arxiv, dois=[ref.doi], urls=ref.urls, key=ref.key))
    return Entry(
        ref=ref,
        order=order,
        tokens=tokens,
        key=textnorm.join_tokens(tokens),
        main_key=textnorm.join_tokens(main) if sub else "",
        names=frozenset(
            tokens if len(tokens) <= SHORT_TITLE else main if sub and len(main) <= NAME else ()
        ),
        bare=tuple(bare),
        bare_key=textnorm.join_tokens(bare),
        nickname=tuple(nickname),
        question=question,
        year=ref.year,
        arxiv=arxiv,
        dois=dois,
        others=others,
    )


def query_entry(query: Query) -> Entry:
    """A query in the same shape as a reference, so one comparison serves both; the
    other ids of the work (``Query.ids``) join its own."""
    entry = reference_entry(
        Reference(
            title=query.title or "",
            authors=tuple(query.authors or ()),
            year=query.year,
            arxiv=query.arxiv,
            doi=query.doi,
        ),
        -1,
    )
    if not query.ids:
        return entry
    arxiv, dois, others = _ids(frozenset(query.ids))
    return replace(
        entry, arxiv=entry.arxiv | arxiv, dois=entry.dois | dois, others=entry.others | others
    )
