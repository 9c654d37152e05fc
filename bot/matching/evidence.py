"""How strongly one candidate reference is the queried paper.

The title relation (same, a dropped subtitle, a nickname added or dropped,
similar, reworded, different) sets a base score; the other fields confirm it
(same first author, close year) or contradict it (another arXiv id, another
first author, other publisher DOIs, a year two or more apart). The answer is a
level: ``match``, ``possible`` or ``no``, which ``bot.matching.verdict`` turns
into the verdict.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from rapidfuzz import fuzz

from bot.matching.entries import Entry
from bot.matching.titles import MINOR_WORDS, TitleDiff, title_diff

# Title similarity (rapidfuzz ratio of the keys, 0..1) needed for "the same title
# up to typos" (NEAR) and for "maybe the same paper" (SIMILAR).
NEAR = 0.85
SIMILAR = 0.8

# Conflict weights: how strongly a field says "a different paper".
_W_ARXIV = 2
_W_AUTHOR = 2
_W_DOI = 1
_W_YEAR = 1
# What each conflict leaves of a candidate's score.
_CONFLICT_FACTORS = {"arxiv": 0.5, "authors": 0.6, "doi": 0.8, "year": 0.9}
# The reason's first word for each title relation ("similar-title" for the others).
_RELATION_LABELS = {
    "same": "title",
    "prefix": "title-prefix",
    "nickname": "title-nickname",
    "reworded": "title-reworded",
}


@dataclass
class Assessment:
    """One candidate weighed: how its title relates, the level and score, and why."""

    entry: Entry
    relation: str  # same | prefix | similar | different
    level: str  # match | possible | no
    score: float
    reason: str
    conflicts: tuple[tuple[str, int], ...] = field(default=())


def _first_author_agrees(q: Entry, e: Entry) -> bool | None:
    """True: same first author; False: clearly different; None: cannot tell."""
    a = q.author_fields
    if not a.surnames:
        return None  # (most queries name no author: the candidate's are not read)
    b = e.author_fields
    if not b.surnames:
        return None
    first_a, first_b = a.surnames[0], b.surnames[0]
    if first_a == first_b:
        # "Omar Garcia" and "Elena Garcia" are not known to be one person.
        return True if not (a.initial and b.initial) or a.initial == b.initial else None
    if first_a in b.first_words or first_b in a.first_words:
        return True  # name order differs ("Zhao Wayne Xin")
    if a.organisation or b.organisation:
        return None  # "OpenAI" vs the first person listed
    if first_a in b.all_words or first_b in a.all_words:
        return None  # author order differs between sources
    return False


def _conflicts(q: Entry, e: Entry, authors: bool | None) -> list[tuple[str, int]]:
    found = []
    if q.arxiv and e.arxiv and not (q.arxiv & e.arxiv):
        found.append(("arxiv", _W_ARXIV))
    if q.dois and e.dois and not (q.dois & e.dois):
        found.append(("doi", _W_DOI))
    if authors is False:
        found.append(("authors", _W_AUTHOR))
    if q.year and e.year and abs(q.year - e.year) >= 2 and authors is not True:
        found.append(("year", _W_YEAR))
    return found


def _prefix_related(q: Entry, e: Entry) -> bool:
    """One title is the other's main title (the part before the colon)."""
    return bool(q.main_key and q.main_key == e.key) or bool(e.main_key and e.main_key == q.key)


def _same_words(diff: TitleDiff, longest: int, sim: float) -> bool:
    """Two titles (``longest`` words at most, ``diff`` apart) differ only in ways that
    do not change the paper (see ``titles``)."""
    return (
        not diff.significant
        and not diff.strong
        and diff.typos <= 2
        and diff.minor + diff.typos <= max(1, longest // 4)
        and sim >= NEAR
    )


def _nickname_relation(q: Entry, e: Entry) -> str | None:
    """ "same" when both titles carry one nickname and agree without it; "nickname"
    when only one carries a nickname ("T5: Exploring ..." / "Exploring ... (T5)") and
    the titles agree without it; else None. Two different nicknames (BLOOM/BLOOMZ)
    are two papers."""
    if q.nickname and e.nickname:
        if q.nickname != e.nickname:
            return None
        pair, keys, relation = (q.bare, e.bare), (q.bare_key, e.bare_key), "same"
    elif q.nickname:
        pair, keys, relation = (q.bare, e.tokens), (q.bare_key, e.key), "nickname"
    elif e.nickname:
        pair, keys, relation = (q.tokens, e.bare), (q.key, e.bare_key), "nickname"
    else:
        return None
    sim = fuzz.ratio(*keys, score_cutoff=100 * NEAR) / 100.0
    if sim < NEAR:
        return None  # not the same title even without the nickname
    diff = title_diff(*pair, q.names | e.names)
    return relation if _same_words(diff, max(map(len, pair)), sim) else None


# Words whose presence in one title only turns it against the other ("Not All ...").
_TURNING_WORDS = frozenset(
    {"not", "no", "non", "without", "beyond", "never", "against", "are", "is", "can", "do", "does"}
)
# A title reworded between versions shares at least this many content words.
_REWORDED_SHARED = 3


class WordWeights:
    """The survey's word weights (idf), computed when asked from the index's postings.

    A 50,000-reference index keeps no table of them: a lookup needs the weights
    of the query's few words and of one candidate's.
    """

    def __init__(self, postings: Mapping[str, Sequence[int]], references: int) -> None:
        self._postings = postings
        self._n = max(references, 1)
        self._by_size = _BySize(self._n)

    @cached_property
    def top(self) -> float:
        """The weight of the survey's rarest word: worked out when a reworded title is
        first weighed, not for every index (a pass over all its postings)."""
        return self.weight(min(map(len, self._postings.values()), default=1))

    def weight(self, references: int) -> float:
        """The weight of a word found in that many references."""
        return self._by_size[references]

    def weights(self, sizes: Iterable[int]) -> list[float]:
        """``weight`` of each of ``sizes``, in one call: a lookup weighs its query's ten
        or so words, whose lists' sizes recur from one query to the next."""
        return list(map(self._by_size.__getitem__, sizes))

    def __getitem__(self, word: str) -> float:
        return self.weight(len(self._postings[word]))

    def get(self, word: str, default: float) -> float:
        found = self._postings.get(word)
        return self.weight(len(found)) if found else default


class _BySize(dict[int, float]):
    """``WordWeights.weight`` of each size of list, worked out when first asked: a batch
    of lookups weighs a few hundred sizes ten thousand times."""

    def __init__(self, references: int) -> None:
        super().__init__()
        self._n = references

    def __missing__(self, references: int) -> float:
        value = self[references] = math.log(1 + self._n / references)
        return value


def _reworded(
    q: Entry, e: Entry, diff: TitleDiff, idf: WordWeights, rare: float
) -> str | None:
    """ "match" or "possible" when one title looks like the other reworded between
    versions of one paper ("Bridging Nonlinearities and Stochastic Regularizers with
    Gaussian Error Linear Units" -> "Gaussian Error Linear Units (GELUs)"); the caller
    has checked that the first authors agree.

    The shorter title's content words, weighted by rarity in the survey, must lie
    in the longer one: most of them for "possible"; for "match" all of them, two
    of them rare in the survey (idf ``rare`` or more: "A Survey of Large Language
    Models" is not reworded into another survey of them), and nothing in the
    longer one that turns the meaning, and no other number or version.
    """
    if diff.strong:
        return None
    a = {_stem(t): t for t in (q.bare or q.tokens) if t not in MINOR_WORDS}
    b = {_stem(t): t for t in (e.bare or e.tokens) if t not in MINOR_WORDS}
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    shared = short.keys() & long_.keys()
    if len(shared) < _REWORDED_SHARED:
        return None
    top = idf.top
    weight = sum(idf.get(word, top) for word in short.values())
    contained = sum(idf.get(short[stem], top) for stem in shared) / weight
    turned = {long_[stem] for stem in long_.keys() - shared} & _TURNING_WORDS
    rare_shared = sum(1 for stem in shared if idf.get(short[stem], top) >= rare)
    if contained >= 0.999 and rare_shared >= 2 and not turned and q.question == e.question:
        return "match"
    return "possible" if contained >= 0.6 else None


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def assess(
    q: Entry, e: Entry, sim: float, idf: WordWeights | None = None, rare: float = 0.0
) -> Assessment:
    """Weigh one candidate; ``sim`` is the rapidfuzz ratio (0..1) of the title keys,
    ``idf`` the survey's word weights and ``rare`` the weight from which a word is
    rare in it (a reworded title is judged by its rare words)."""
    authors = _first_author_agrees(q, e)
    years = None if not (q.year and e.year) else abs(q.year - e.year) <= 1
    reworded = None
    if q.key == e.key:
        relation, base = ("same", 1.0) if q.question == e.question else ("same", 0.97)
        diff = TitleDiff()
    else:
        diff = title_diff(q.tokens, e.tokens, q.names | e.names)
        if _same_words(diff, max(len(q.tokens), len(e.tokens)), sim):
            relation, base = "same", 0.99 * sim
        elif _prefix_related(q, e):
            relation, base = "prefix", 0.8
        elif nickname := _nickname_relation(q, e):
            relation, base = nickname, 0.9
        elif not diff.strong and diff.significant <= 2 and sim >= SIMILAR:
            relation, base = "similar", sim * 0.85**diff.significant
        else:
            relation, base = "different", sim * 0.85**diff.significant * (0.5 if diff.strong else 1)
            if authors and idf is not None and (reworded := _reworded(q, e, diff, idf, rare)):
                relation, base = "reworded", 0.75

    conflicts = _conflicts(q, e, authors)
    weight = sum(w for _, w in conflicts) if conflicts else 0  # mostly none: no generator

    score = base
    support = []
    if authors:
        support.append("authors")
        score += (1 - score) * 0.5
    if years:
        support.append("year")
        score += (1 - score) * 0.2
    for name, _ in conflicts:
        score *= _CONFLICT_FACTORS[name]

    confirmed = authors is True or (authors is None and years is True)
    if relation == "same":
        level = "match" if weight == 0 else ("possible" if weight < 3 else "no")
    elif relation in ("prefix", "nickname"):
        level = "match" if (weight == 0 and confirmed) else ("possible" if weight < 2 else "no")
    elif relation == "reworded":
        level = "no" if weight else ("match" if reworded == "match" and years else "possible")
    elif relation == "similar":
        # A slip in a short word ("Ned" for "Need") may be a typo; an added,
        # dropped or replaced word is a different paper unless the authors agree.
        ok = diff.significant == diff.slips == 1 or (diff.significant == 1 and authors is True)
        level = "possible" if ok and weight < 2 else "no"
    else:
        level = "no"

    label = _RELATION_LABELS.get(relation, "similar-title")
    reason = "+".join([label, *support])
    if conflicts:
        reason += "".join(f", {name}-conflict" for name, _ in conflicts)
    return Assessment(e, relation, level, round(min(score, 1.0), 3), reason, tuple(conflicts))


def named(q: Entry, e: Entry) -> Assessment | None:
    """A candidate for a query that is a name only ("Mixtral", "GPT-4o"): a listed paper
    whose title carries the name's words in a row ("Mixtral of Experts"). Never more
    than ``possible``: a name is not a title."""
    n = len(q.tokens)
    if not any(e.tokens[i : i + n] == q.tokens for i in range(len(e.tokens) - n + 1)):
        return None
    return Assessment(e, "name", "possible", 0.5, "name")


def distinct(a: Entry, b: Entry) -> bool:
    """Whether two references are clearly different papers (not a duplicate entry)."""
    return bool(_conflicts(a, b, _first_author_agrees(a, b)))


def kept_twice(a: Entry, b: Entry) -> bool:
    """One reference kept twice (in the .bib and the README list, say): identical
    title key and nothing against it, so an ambiguous answer lists it once."""
    return a.key == b.key and not distinct(a, b)
