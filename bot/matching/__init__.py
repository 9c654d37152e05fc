"""Is a suggested paper already in the survey? An index over the references.

A wrong "already cited" silently rejects a valid suggestion and a wrong "new"
adds a duplicate, so the matcher answers ``ambiguous`` (with ranked candidates)
whenever the evidence does not settle it.

How one lookup works:

1. **Identifiers decide.** The query's arXiv ids (an arXiv DOI counts as one),
   DOIs and the other ids of the work (``Query.ids``: ACL Anthology, OpenReview,
   dblp, linked by ``bot.identity``) are looked up in dicts; any hit is ``cited``.
2. **Candidates, not a scan.** Otherwise the title's rarest words are looked up
   in an inverted index (plus exact-title and main-title dicts); only the best
   :data:`MAX_CANDIDATES` references by shared-word weight are scored.
3. **Scoring is evidence, not just similarity.** Each candidate's title is
   aligned word by word with the query's. Differences that do not change the
   paper (case, punctuation, LaTeX, accents, hyphenation, lost ligatures, a
   typo in a long word, ``the``/``of``-type words) keep it the *same title*;
   differences that do (a number or version, a one-letter suffix like
   ``PaLM-E``, an extra ``Are``/``Not``, a content word) make it a *different
   title*, however similar the strings are. A title equal to the other's part
   before a colon (a dropped subtitle) counts only when authors or year agree.
4. **Other fields confirm or contradict.** A different arXiv id is strong
   evidence against a title match, as are different first authors; a year two
   or more apart and different publisher DOIs are weaker evidence.
5. **The verdict.** One clear match is ``cited``; rival or merely possible
   matches are ``ambiguous``; nothing is ``new``.

This module is the index and the lookup (steps 1 and 2); each reference is an
:class:`~bot.matching.entries.Entry` (normalised once), step 3's word-by-word
comparison is ``titles``, the weighing of one candidate (3 and 4) ``evidence``
and step 5 ``verdict``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from itertools import pairwise
from typing import Any

from rapidfuzz import fuzz, process

from bot.identity import kind_of
from bot.matching.entries import (
    SHORT_TITLE,
    Entry,
    built_ids,
    first_surname,
    query_entry,
    reference_entry,
)
from bot.matching.evidence import SIMILAR, Assessment, WordWeights, assess, named
from bot.matching.titles import MINOR_WORDS
from bot.matching.verdict import decide
from bot.models import CheckResult, Query, Reference, ScoredReference
from bot.references.common import gc_paused

# References scored with rapidfuzz per title lookup, at most (those that come
# close are then compared word by word).
MAX_CANDIDATES = 24
# A title lookup finds every reference sharing more than this fraction of the
# query's word weight (idf), then scores the best MAX_CANDIDATES of them.
_PREFIX_OVERLAP = 0.5
_RARE_SHARE = 0.05

# What ``ReferenceIndex.state`` keeps of an entry: every field of its reference, then
# the entry's own fields but its reference and number; and the index's mappings.
_REFERENCE_FIELDS = tuple(f.name for f in fields(Reference))
_ENTRY_FIELDS = tuple(name for name in Entry._fields if name not in ("ref", "order"))
_MAPPINGS = ("_by_arxiv", "_by_doi", "_by_other", "_by_key", "_by_main", "_by_bare",
             "_by_first", "_postings")  # fmt: skip
#: One entry as plain data: (its reference's fields, its own).
EntryRow = tuple[tuple[Any, ...], tuple[Any, ...]]
#: ``ReferenceIndex.state``: (each entry's row, the entries with a section, the mappings).
IndexState = tuple[Sequence[EntryRow], Sequence[int], Sequence[dict[str, tuple[int, ...]]]]


@dataclass
class IndexStats:
    """Counters that show a lookup is not a scan (tests and benchmarks read them)."""

    lookups: int = 0
    id_hits: int = 0
    scored: int = 0  # references compared with rapidfuzz, summed over lookups


# Every pair of MINOR_WORDS as ``_features`` would write it: the pairs that are no feature.
_MINOR_PAIRS = frozenset(f"{a} {b}" for a in MINOR_WORDS for b in MINOR_WORDS)


def _features(tokens: tuple[str, ...]) -> set[str]:
    """What the inverted index stores per title: its words and pairs of adjacent words
    (MINOR_WORDS alone are not features). Pairs are rare, so they find the few
    references worth scoring even when every single word is common.

    By set operations in C, with no test per word or pair in Python: a token holds no
    space, so a pair is in ``_MINOR_PAIRS`` exactly when both its words are minor."""
    found = set(tokens)
    found -= MINOR_WORDS
    found.update(map(" ".join, pairwise(tokens)))
    found -= _MINOR_PAIRS
    return found


def _near_year(q: Entry, e: Entry) -> bool:
    """Within two years of each other, or one year unknown."""
    return q.year is None or e.year is None or abs(q.year - e.year) <= 2


class ReferenceIndex:
    """The survey's references, indexed once for many fast lookups.

    Built to be small, as a survey may list 50,000 references: every mapping holds
    tuples of entry numbers, and the one-element tuple of an entry (most titles, keys
    and ids belong to one reference) is one object shared by all of them.
    """

    def __init__(self, entries: list[Entry]) -> None:
        self._entries: Sequence[Entry] = entries
        self._keys = [e.key for e in entries]  # what a lookup compares most, at hand
        self._sectioned = tuple(i for i, e in enumerate(entries) if e.ref.section)
        # An entry's number is its ``order`` (``build`` numbers them in order): one int
        # object per entry shared by every mapping, not one per mapping (28 bytes each).
        numbers = [e.order for e in entries]
        ones = [(i,) for i in numbers]
        self._by_arxiv: dict[str, tuple[int, ...]] = {}
        self._by_doi: dict[str, tuple[int, ...]] = {}
        self._by_other: dict[str, tuple[int, ...]] = {}
        self._by_key: dict[str, tuple[int, ...]] = {}
        self._by_main: dict[str, tuple[int, ...]] = {}
        self._by_bare: dict[str, tuple[int, ...]] = {}
        self._by_first: dict[str, tuple[int, ...]] = {}
        postings: defaultdict[str, list[int]] = defaultdict(list)

        def add(mapping: dict[str, tuple[int, ...]], key: str, i: int) -> None:
            found = mapping.get(key)
            mapping[key] = ones[i] if found is None else found + ones[i]

        for i, e in zip(numbers, entries, strict=True):
            arxiv, dois, others = built_ids(e)
            for arxiv_id in sorted(arxiv):
                add(self._by_arxiv, arxiv_id, i)
            for doi in sorted(dois):
                add(self._by_doi, doi, i)
            for other in sorted(others):
                add(self._by_other, other, i)
            if e.key:
                add(self._by_key, e.key, i)
            if e.main_key:
                add(self._by_main, e.main_key, i)
            if e.bare_key:
                add(self._by_bare, e.bare_key, i)
            if first := first_surname(e.ref.authors):
                add(self._by_first, first, i)
            for feature in _features(e.tokens):
                postings[feature].append(i)
        self._postings: dict[str, tuple[int, ...]] = {}
        while postings:  # each list let go as its tuple is made: never all of both at once
            feature, ids = postings.popitem()
            self._postings[feature] = ones[ids[0]] if len(ids) == 1 else tuple(ids)
        self._weigh()

    def _weigh(self) -> None:
        self._idf = WordWeights(self._postings, len(self._entries))
        # A word in at most one reference in RARE_SHARE (or in one) is rare in the survey.
        self._rare = self._idf.weight(max(1, int(len(self._entries) * _RARE_SHARE)))
        self.stats = IndexStats()

    @classmethod
    def build(cls, references: Iterable[Reference]) -> ReferenceIndex:
        with gc_paused():
            return cls([reference_entry(ref, i) for i, ref in enumerate(references)])

    def state(self) -> IndexState:
        """The whole index as plain data (strings, numbers, tuples, frozensets and dicts
        of them), from which ``from_state`` makes it again without reading a file or
        normalising a title: what a cache stores. The entries' rows are made one by one
        as they are read from the returned sequence, so that a cache can write them
        without holding them all."""
        return (
            _EntryRows(self._entries),
            self._sectioned,
            tuple(getattr(self, name) for name in _MAPPINGS),
        )

    @classmethod
    def from_state(cls, state: IndexState) -> ReferenceIndex:
        """The index whose ``state()`` this was. Each entry (and its reference) is made
        from its row when first asked for, so the rows may be a sequence that reads
        each when asked: a run of lookups weighs a few of them."""
        rows, sectioned, mappings = state
        index = cls.__new__(cls)
        index._entries = _StoredEntries(rows)
        index._sectioned = tuple(sectioned)
        for name, mapping in zip(_MAPPINGS, mappings, strict=True):
            setattr(index, name, mapping)
        index._keys = [""] * len(rows)  # each entry's title key: the keys of _by_key
        for key, numbers in index._by_key.items():
            for i in numbers:
                index._keys[i] = key
        index._weigh()
        return index

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def references(self) -> tuple[Reference, ...]:
        """The references, in the order they were indexed."""
        return tuple(e.ref for e in self._entries)

    @property
    def sectioned_references(self) -> list[Reference]:
        """The references listed under a heading (a Markdown list's section), in order:
        what a new paper's section is proposed from (``bot.placement``)."""
        return [self._entries[i].ref for i in self._sectioned]

    # -- lookups ----------------------------------------------------------

    def check_many(self, queries: Iterable[Query]) -> list[CheckResult]:
        return [self.check(query) for query in queries]

    def check(self, query: Query) -> CheckResult:
        self.stats.lookups += 1
        q = query_entry(query)
        by_id = self._id_matches(q)
        if by_id:
            self.stats.id_hits += 1
            same = self._same_paper_elsewhere(by_id)
            first_i, reason = same[0]
            first = self._entries[first_i].ref
            candidates = tuple(ScoredReference(self._entries[i].ref, 1.0, r) for i, r in same)
            return CheckResult(query, "cited", first, 1.0, reason, candidates)
        if not q.tokens:
            return CheckResult(query, "new", reason="no-match")
        forced, ranked = self._title_candidates(q)
        self.stats.scored += len(forced) + len(ranked)
        # Below SIMILAR a title can only be "the same" by key or as a prefix
        # (those are ``forced``): the rest would all be "no", so only the close
        # ones are compared word by word.
        entries, keys = self._entries, self._keys
        sims = {
            ranked[at]: score / 100.0
            for _, score, at in process.extract(
                q.key,
                [keys[i] for i in ranked],
                scorer=fuzz.ratio,
                score_cutoff=100 * SIMILAR,
                limit=None,
            )
        }
        # A title reworded between versions is not close as a string: the first
        # author's own papers of those years among the candidates are weighed all the same.
        surnames = q.author_fields.surnames
        theirs = self._by_first.get(surnames[0], ()) if surnames else ()
        if theirs:
            mine = set(theirs)
            forced += [
                i for i in ranked if i in mine and i not in sims and _near_year(q, entries[i])
            ]
        for i in forced:
            sims[i] = fuzz.ratio(q.key, keys[i]) / 100.0
        assessed = [assess(q, entries[i], sim, self._idf, self._rare) for i, sim in sims.items()]
        result = decide(query, assessed)
        if result.verdict == "new" and len(q.tokens) <= SHORT_TITLE:
            result = decide(query, assessed + self._named(q))
        return result

    def _named(self, q: Entry) -> list[Assessment]:
        """The listed papers whose titles carry a short query's words in a row (a name)."""
        rarest = min(
            (t for t in q.tokens if t in self._postings),
            key=lambda t: len(self._postings[t]),
            default=None,
        )
        if rarest is None or len(self._postings[rarest]) > max(8, len(self) * _RARE_SHARE):
            return []  # a word too common to name anything ("model")
        found = (named(q, self._entries[i]) for i in self._postings[rarest])
        return [a for a in found if a is not None]

    def _id_matches(self, q: Entry) -> list[tuple[int, str]]:
        arxiv, dois, others = q.ids
        if not (arxiv or dois or others):
            return []
        found: dict[int, str] = {}
        for arxiv_id in sorted(arxiv):
            for i in self._by_arxiv.get(arxiv_id, ()):
                found.setdefault(i, "arxiv-id")
        for doi in sorted(dois):
            for i in self._by_doi.get(doi, ()):
                found.setdefault(i, "doi")
        for other in sorted(others):
            for i in self._by_other.get(other, ()):
                found.setdefault(i, f"{kind_of(other)}-id")
        return sorted(found.items(), key=lambda item: (item[1] != "arxiv-id", item[0]))

    def _same_paper_elsewhere(self, by_id: list[tuple[int, str]]) -> list[tuple[int, str]]:
        """The id matches plus the same paper in the survey's other files, numbered first.

        A survey often keeps one paper in several files (the .bib, a README list,
        the printed reference list) and only some of them carry its ids. An entry
        with exactly the same normalised title and no contradicting arXiv id is
        the same paper; the reply should say "cited as [22]" when any file
        numbers it, because that is how readers see the survey cite it.
        """
        found = dict(by_id)
        for i, _ in by_id:
            entry = self._entries[i]
            for j in self._by_key.get(entry.key, ()):
                other = self._entries[j]
                if not other.arxiv or other.arxiv & entry.arxiv:
                    found.setdefault(j, "title")
        rank = {"arxiv-id": 0, "doi": 1, "title": 3}
        return sorted(
            found.items(),
            key=lambda item: (
                self._entries[item[0]].ref.number is None,
                rank.get(item[1], 2),
                item[0],
            ),
        )

    def _title_candidates(self, q: Entry) -> tuple[list[int], list[int]]:
        """(references whose title or main title equals the query's, the best others
        by shared words), at most MAX_CANDIDATES in all."""
        forced: list[int] = []
        forced += self._by_key.get(q.key, ())
        forced += self._by_main.get(q.key, ())  # the query is a main title only
        if q.main_key:
            forced += self._by_key.get(q.main_key, ())  # the reference lacks the subtitle
        forced += self._by_bare.get(q.key, ())  # the reference has a nickname, the query not
        if q.bare_key:  # the query has a nickname: the reference without it, or another form
            forced += self._by_key.get(q.bare_key, ())
            forced += self._by_bare.get(q.bare_key, ())
        postings = self._postings
        words = [(len(p), f) for f in _features(q.tokens) if (p := postings.get(f)) is not None]
        words.sort()  # the rarest first
        # Prefix filtering: only the rarest features, covering half the query's
        # idf mass (and at least two), bring in candidates. A reference sharing
        # none of them shares at most half the weight, so it cannot be a
        # near-identical title. Candidates are ranked by the idf they share.
        idfs = self._idf.weights([size for size, _ in words])  # for the query's few words only
        budget = sum(idfs) * (1 - _PREFIX_OVERLAP)
        weights: dict[int, float] = {}
        if words:
            weights = dict.fromkeys(postings[words[0][1]], idfs[0])
            budget -= idfs[0]
        get = weights.get
        for n in range(1, len(words)):
            if n >= 2 and budget <= 0:
                break
            idf = idfs[n]
            # One pass in place: the new ones go after the others, in the list's order. (A
            # merge by dict.fromkeys, the overlap and update costs more: three hash tables
            # filled per list, 37 M instructions more over the benchmark's 837 lookups.)
            for i in postings[words[n][1]]:
                weights[i] = get(i, 0.0) + idf
            budget -= idf
        forced = list(dict.fromkeys(forced))[:MAX_CANDIDATES]
        room = MAX_CANDIDATES - len(forced)
        ranked: list[int] = []
        if room > 0 and weights:
            taken = set(forced)
            # The best by weight, ties in first-seen order: heapq.nlargest's answer,
            # by one sort in C.
            best = sorted(weights, key=weights.__getitem__, reverse=True)[: room + len(taken)]
            ranked = [i for i in best if i not in taken][:room]
        return forced, ranked


class _EntryRows(Sequence[EntryRow]):
    """Each entry of a list as its row, made when asked for."""

    def __init__(self, entries: Sequence[Entry]) -> None:
        self._entries = entries

    def __len__(self) -> int:
        return len(self._entries)

    def __getitem__(self, i: int) -> EntryRow:  # type: ignore[override]  # no slices needed
        e = self._entries[i]
        return (
            tuple([getattr(e.ref, name) for name in _REFERENCE_FIELDS]),
            tuple([getattr(e, name) for name in _ENTRY_FIELDS]),
        )


class _StoredEntries(Sequence[Entry]):
    """The entries of an index made from its state: each made from its row when first
    asked for, and kept."""

    def __init__(self, rows: Sequence[EntryRow]) -> None:
        self._rows = rows
        self._made: list[Entry | None] = [None] * len(rows)

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, i: int) -> Entry:  # type: ignore[override]  # no slices needed
        entry = self._made[i]
        if entry is None:
            reference, fields = self._rows[i]
            entry = self._made[i] = Entry(Reference(*reference), i, *fields)
        return entry
