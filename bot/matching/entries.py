"""What the matcher knows about one reference (or query), computed once.

The index stores one :class:`Entry` per reference: the title's tokens and keys
(``bot.text.normalize``), the authors' surnames and initials, the year and the
normalised identifiers, so that comparing a query with a candidate normalises
each text once. A query is put in the same shape, so one comparison serves both
sides.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from bot.identity import ids_of
from bot.models import Query, Reference
from bot.text import normalize as textnorm

SHORT_TITLE = 3  # words: a title this short is all name ("Mistral 7B", "GPT-4 Technical Report")
NAME = 4  # words: a part before the colon this short names the work ("P-Tuning v2: ...")
# First-author strings that name an organisation: never a conflict on their own.
_ORG_WORDS = textnorm.name_words(  # normalised as the names they are compared with
    "team workshop collaboration consortium group project inc ai lab labs research "
    "institute university foundation community committee"
)


class AuthorFields(NamedTuple):
    """The authors of a reference as the matcher compares them."""

    surnames: tuple[str, ...]
    first_words: frozenset[str]  # all words of the first author's name
    initial: str  # the first author's first initial ("" when unknown)
    all_words: frozenset[str]  # all words of every author's name
    organisation: bool  # first author is a team / consortium / company


class Entry(NamedTuple):
    """One reference with everything the matcher compares.

    What the index looks up by title (the title's tokens and keys) is computed once,
    when the index is built; the identifiers of the work (looked up once, when the
    index is built) and what only weighing a candidate needs (the authors' names) are
    derived from the reference when asked, and cached: a lookup weighs a few
    candidates, so a 50,000-reference index does not keep it all.

    A named tuple, not a frozen dataclass: one is made for every query and for each
    candidate read from the index cache, and a tuple is made in one step, where a
    frozen dataclass's ``__init__`` sets its twelve fields one ``object.__setattr__``
    at a time (0.4 against 4 microseconds an entry).
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
    more_ids: frozenset[str]  # typed ids of the work the reference lacks (a query's ``ids``)

    @property
    def ids(self) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
        """(``arxiv``, ``dois``, ``others``) in one cached look-up, for a reader of all
        three (the index, when built; a lookup, of the query, which mostly has none)."""
        return _ids_of_work(self.ref, self.more_ids)

    @property
    def arxiv(self) -> frozenset[str]:
        return _ids_of_work(self.ref, self.more_ids)[0]

    @property
    def dois(self) -> frozenset[str]:  # non-arXiv DOIs
        return _ids_of_work(self.ref, self.more_ids)[1]

    @property
    def others(self) -> frozenset[str]:  # other ids, typed: "acl:...", "openreview:...", "dblp:..."
        return _ids_of_work(self.ref, self.more_ids)[2]

    @property
    def author_fields(self) -> AuthorFields:
        """Derived from the reference when asked, and cached (weighing reads them whole)."""
        return _author_fields(self.ref.authors)


def first_surname(names: Iterable[str]) -> str:
    """The first author's surname, as ``AuthorFields.surnames[0]`` has it ("" with none).
    A loop, not ``next`` over a generator: the index asks it for every reference."""
    for name in names:
        if name and (found := textnorm.surname(name)):
            return found
    return ""


@lru_cache(maxsize=1024)
def _author_fields(names: tuple[str, ...]) -> AuthorFields:
    named = [(a, found) for a in names if a and (found := textnorm.surname(a))]
    authors = [a for a, _ in named]
    surnames = tuple(found for _, found in named)
    first = textnorm.name_words(authors[0]) if authors else frozenset()
    all_words: frozenset[str] = frozenset().union(*(textnorm.name_words(a) for a in authors))
    organisation = bool(authors) and _is_organisation(authors[0])
    initial = textnorm.given_initial(authors[0]) if authors and not organisation else ""
    return AuthorFields(surnames, first, initial, all_words, organisation)


def _is_organisation(name: str) -> bool:
    """Whether a first author is an organisation: "OpenAI", "Gemini Team", "IBM"."""
    if textnorm.name_words(name) & _ORG_WORDS:
        return True
    words = textnorm.fold_name(name).replace(",", " ").split()
    # One word in camel case or capitals ("OpenAI", "DeepMind", "IBM").
    return len(words) == 1 and (words[0].isupper() or any(c.isupper() for c in words[0][1:]))


# Every empty set of an entry is this one: an empty frozenset is 216 bytes, and most
# entries have no DOI, no other id and no name part (50,000 entries: 30 MB saved).
_NONE: frozenset[str] = frozenset()
_NO_IDS = (_NONE, _NONE, _NONE)


def _ids(ids: frozenset[str]) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(arXiv ids, other DOIs, the remaining typed ids) of a set of typed ids, sorted by
    kind in one pass (three passes calling ``kind_of`` cost twice as much)."""
    if not ids:
        return _NO_IDS
    arxiv: list[str] = []
    dois: list[str] = []
    others: list[str] = []
    for typed_id in ids:
        kind, _, value = typed_id.partition(":")  # ``kind_of`` and ``value_of``
        if kind == "arxiv":
            arxiv.append(value)
        elif kind == "doi":
            dois.append(value)
        else:
            others.append(typed_id)
    return frozenset(arxiv) or _NONE, frozenset(dois) or _NONE, frozenset(others) or _NONE


def _ids_of_work(
    ref: Reference, more: frozenset[str], *, cached: bool = True
) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(arXiv ids, other DOIs, the remaining typed ids) of the work ``ref`` lists, with
    ``more``: derived when asked rather than kept for each of 50,000 references (a set
    of one id is 216 bytes). A work with no id, link nor dblp key (most of a survey's
    references, most queries) has none, without a cache look-up or ``ids_of``."""
    key = ref.key
    if not (ref.arxiv or ref.doi or ref.urls or more or (key and key.startswith("DBLP:"))):
        return _NO_IDS
    return (_work_ids if cached else _derive_ids)(ref.arxiv, ref.doi, ref.urls, key, more)


def built_ids(entry: Entry) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """``entry.ids`` without the cache, for the index's build: it asks each entry once,
    so each result would only evict an older one (the look-ups, their keys hashed, and
    the evictions: 30 M instructions for 10,000 references)."""
    return _ids_of_work(entry.ref, entry.more_ids, cached=False)


def _derive_ids(
    arxiv: str | None, doi: str | None, urls: tuple[str, ...], key: str | None, more: frozenset[str]
) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    ids = ids_of(arxiv=arxiv, dois=[doi], urls=urls, key=key)
    return _ids(ids | more if more else ids)


# A lookup asks for a few entries' ids, several times each.
_work_ids = lru_cache(maxsize=256)(_derive_ids)


def reference_entry(ref: Reference, order: int) -> Entry:
    """The entry of ``ref``, the ``order``-th reference (earlier ones win ties)."""
    main, sub, question, nickname, bare = textnorm.analyse_title(ref.title)
    tokens = tuple(main + sub)
    return Entry(
        ref=ref,
        order=order,
        tokens=tokens,
        key=textnorm.join_tokens(tokens),
        main_key=textnorm.join_tokens(main) if sub else "",
        names=frozenset(
            tokens if len(tokens) <= SHORT_TITLE else main if sub and len(main) <= NAME else ()
        )
        or _NONE,
        bare=tuple(bare),
        bare_key=textnorm.join_tokens(bare) if bare else "",  # most titles have no nickname
        nickname=tuple(nickname),
        question=question,
        year=ref.year,
        more_ids=_NONE,
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
    return entry._replace(more_ids=frozenset(query.ids)) if query.ids else entry
