"""How strongly one candidate reference is the queried paper.

The title relation (same, a dropped subtitle, similar, different) sets a base
score; the other fields confirm it (same first author, close year) or
contradict it (another arXiv id, another first author, other publisher DOIs, a
year two or more apart). The answer is a level: ``match``, ``possible`` or
``no``, which ``bot.matching.verdict`` turns into the verdict.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.matching.entries import Entry
from bot.matching.titles import TitleDiff, title_diff

# Title similarity (rapidfuzz ratio of the keys, 0..1) needed for "the same title
# up to typos" (NEAR) and for "maybe the same paper" (SIMILAR).
NEAR = 0.85
SIMILAR = 0.8

# Conflict weights: how strongly a field says "a different paper".
_W_ARXIV = 2
_W_AUTHOR = 2
_W_DOI = 1
_W_YEAR = 1


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
    if not q.surnames or not e.surnames:
        return None
    if q.surnames[0] == e.surnames[0]:
        # "Omar Garcia" and "Elena Garcia" are not known to be one person.
        initials = q.initial, e.initial
        return True if not all(initials) or initials[0] == initials[1] else None
    if q.surnames[0] in e.first_words or e.surnames[0] in q.first_words:
        return True  # name order differs ("Zhao Wayne Xin")
    if q.organisation or e.organisation:
        return None  # "OpenAI" vs the first person listed
    if q.surnames[0] in e.all_words or e.surnames[0] in q.all_words:
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


def assess(q: Entry, e: Entry, sim: float) -> Assessment:
    """Weigh one candidate; ``sim`` is the rapidfuzz ratio (0..1) of the title keys."""
    if q.key == e.key:
        relation, base = ("same", 1.0) if q.question == e.question else ("same", 0.97)
        diff = TitleDiff()
    else:
        diff = title_diff(q.tokens, e.tokens, q.names | e.names)
        longest = max(len(q.tokens), len(e.tokens))
        if (
            not diff.significant
            and not diff.strong
            and diff.typos <= 2
            and diff.minor + diff.typos <= max(1, longest // 4)
            and sim >= NEAR
        ):
            relation, base = "same", 0.99 * sim
        elif _prefix_related(q, e):
            relation, base = "prefix", 0.8
        elif not diff.strong and diff.significant <= 2 and sim >= SIMILAR:
            relation, base = "similar", sim * 0.85**diff.significant
        else:
            relation, base = "different", sim * 0.85**diff.significant * (0.5 if diff.strong else 1)

    authors = _first_author_agrees(q, e)
    years = None if not (q.year and e.year) else abs(q.year - e.year) <= 1
    conflicts = _conflicts(q, e, authors)
    weight = sum(w for _, w in conflicts)

    score = base
    support = []
    if authors:
        support.append("authors")
        score += (1 - score) * 0.5
    if years:
        support.append("year")
        score += (1 - score) * 0.2
    for name, _ in conflicts:
        score *= {"arxiv": 0.5, "authors": 0.6, "doi": 0.8, "year": 0.9}[name]

    if relation == "same":
        level = "match" if weight == 0 else ("possible" if weight < 3 else "no")
    elif relation == "prefix":
        confirmed = authors is True or (authors is None and years is True)
        level = "match" if (weight == 0 and confirmed) else ("possible" if weight < 2 else "no")
    elif relation == "similar":
        # A slip in a short word ("Ned" for "Need") may be a typo; an added,
        # dropped or replaced word is a different paper unless the authors agree.
        ok = diff.significant == diff.slips == 1 or (diff.significant == 1 and authors is True)
        level = "possible" if ok and weight < 2 else "no"
    else:
        level = "no"

    label = {"same": "title", "prefix": "title-prefix"}.get(relation, "similar-title")
    reason = "+".join([label, *support])
    reason += "".join(f", {name}-conflict" for name, _ in conflicts)
    return Assessment(e, relation, level, round(min(score, 1.0), 3), reason, tuple(conflicts))


def distinct(a: Entry, b: Entry) -> bool:
    """Whether two references are clearly different papers (not a duplicate entry)."""
    return bool(_conflicts(a, b, _first_author_agrees(a, b)))


def kept_twice(a: Entry, b: Entry) -> bool:
    """One reference kept twice (in the .bib and the README list, say): identical
    title key and nothing against it, so an ambiguous answer lists it once."""
    return a.key == b.key and not distinct(a, b)
