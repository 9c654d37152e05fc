"""How a container is ordered, and where a new entry goes in it.

Read from the entries themselves, never assumed: by date (``[2023/05]``,
``16 Oct 2023``, ``MM/YYYY``, a year), by arXiv id, or by title, ascending or
descending, when nearly every neighbouring pair agrees; otherwise appended,
or prepended when the list is loosely newest first.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot.identifiers import normalize_arxiv
from bot.lists.entry import Fields
from bot.text.normalize import surname

Key = tuple[object, ...]

_NEW_ARXIV = re.compile(r"^(\d{2})(\d{2})\.(\d{4,5})$")
_SORTED = 0.9  # share of neighbouring pairs in order for a list to count as sorted
_MIN_KEYED = 3
# A few titles are in alphabetical order by chance: one list of three in six, one of five
# in 120 ("Can ...", "Rethinking ...", "SplitGNN ...": oldest first by year, not by title)
_MIN_TITLED = 5
_QUARTERS = 4


@dataclass(frozen=True)
class Order:
    """How a container is ordered: by which key, which way; or appended / prepended."""

    by: str  # "date", "arxiv", "year", "title", "append", "prepend"
    descending: bool = False


def date_key(fields: Fields) -> Key | None:
    if fields.date is not None:
        year, month, day = fields.date
        return (year, month or 0, day or 0)
    if fields.year is not None:
        return (fields.year, 0, 0)
    return None


def year_key(fields: Fields) -> Key | None:
    """The year alone: a list that dates some papers by the day and others by the year
    ("[arXiv, 10 Apr 2025]", "[ACL 2025]") may be in order of years, not of dates."""
    key = date_key(fields)
    return key[:1] if key is not None else None


def arxiv_key(fields: Fields) -> Key | None:
    for _, url in fields.urls:
        arxiv = normalize_arxiv(url)
        found = _NEW_ARXIV.match(arxiv or "")
        if found:
            return (int(found.group(1)), int(found.group(2)), int(found.group(3)))
    return None


def title_key(fields: Fields) -> Key | None:
    title = fields.title or fields.nickname
    return (title.lower(),) if title else None


_KEYS: tuple[tuple[str, Callable[[Fields], Key | None]], ...] = (
    ("date", date_key),
    ("arxiv", arxiv_key),
    ("year", year_key),
    ("title", title_key),
)


def _pairs(groups: Sequence[Sequence[Key | None]]) -> list[tuple[Key, Key]]:
    """Neighbouring pairs of keyed entries, within each group (never across two groups)."""
    pairs: list[tuple[Key, Key]] = []
    for keys in groups:
        present = [k for k in keys if k is not None]
        pairs.extend(itertools.pairwise(present))
    return pairs


def _sorted_by(groups: Sequence[Sequence[Fields]]) -> Order | None:
    """The key and direction nearly every neighbouring pair agrees on, if there is one."""
    for name, key in _KEYS:
        if name == "year" and not _mixed_precision(groups):
            continue  # (dates of one precision are in order of dates or of nothing)
        keyed = [[key(fields) for fields in group] for group in groups]
        present = sum(k is not None for keys in keyed for k in keys)
        total = sum(len(keys) for keys in keyed)
        pairs = _pairs(keyed)
        if present < (_MIN_TITLED if name == "title" else _MIN_KEYED) or present * 5 < total * 4:
            continue
        if sum(a != b for a, b in pairs) < 2:
            continue
        up = sum(a <= b for a, b in pairs) / len(pairs)
        down = sum(a >= b for a, b in pairs) / len(pairs)
        threshold = 0.99 if name == "title" else _SORTED
        if up >= threshold and up >= down:
            return Order(name)
        if down >= threshold:
            return Order(name, descending=True)
    return None


def _mixed_precision(groups: Sequence[Sequence[Fields]]) -> bool:
    """Are some papers dated by their month or day and others by their year alone?"""
    keys = [date_key(fields) for group in groups for fields in group]
    months = {key[1] != 0 for key in keys if key is not None}
    return months == {True, False}


def _evidence(groups: Sequence[Sequence[Fields]]) -> int:
    """Neighbouring dated pairs that differ: what a group's own dates say of its order
    (four rows of 2025, 2026, 2026, 2026 say it once)."""
    return sum(a != b for a, b in _pairs([[date_key(f) for f in group] for group in groups]))


def infer(group: Sequence[Fields], others: Sequence[Sequence[Fields]] = ()) -> Order:
    """The order of ``group`` (a container's entries as they stand in the file).

    When the group itself is too short to tell (``Ensemble-based``: two rows of
    the same year), the file's other groups of the same kind (``others``) decide:
    a list's habit holds in every section.
    """
    found = _sorted_by([group])
    if found is not None and found.by == "year" and _newest_last(group):
        found = None  # newest first by years, and now added to at its end: the end
    if (
        found is not None
        and found.by in ("date", "arxiv")
        and not found.descending
        and _appended_out_of_order(group)
    ):
        return Order("append")
    if found is None and _evidence([group]) < 2 and others:
        found = _sorted_by(others)
    if found is None and _evidence([group]) == 1 and not any(_evidence([o]) for o in others):
        found = _two(group)  # two dated entries and nothing else to go by: their order
    if found is not None:
        return found
    if not _evidence([group]) and _newest_first(others):
        return Order("prepend")
    for _, key in _KEYS[:2]:
        pooled = _pairs([[key(fields) for fields in g] for g in (group, *others)])
        if len(pooled) >= _MIN_KEYED and _trend(pooled) <= -0.3 and not _newest_last(group):
            return Order("prepend")
    if _newest_on_top(group):
        return Order("prepend")
    return Order("append")


def _newest_on_top(group: Sequence[Fields]) -> bool:
    """Is a long list added to at its top, whatever each paper's year: the median year of
    each quarter of it, from the top, never rising and falling from the first to the last
    ("Recent Random Papers": this year's preprints above last year's, an old classic among
    them here and there, which neighbouring pairs alone read as no order at all)?"""
    years = [y for y in (f.date[0] if f.date else f.year for f in group) if y is not None]
    if len(years) < _QUARTERS * 4 or years[-1] >= max(years):
        return False  # (too few to tell; or its newest at the end: now added to there)
    size = len(years) / _QUARTERS
    medians = [
        statistics.median(years[round(i * size) : round((i + 1) * size)]) for i in range(_QUARTERS)
    ]
    return medians[0] > medians[-1] and all(a >= b for a, b in itertools.pairwise(medians))


def _newest_last(group: Sequence[Fields]) -> bool:
    """Is the group's newest paper its last one (newer than any before it)? A list that was
    newest first and is now added to at its end ("2025.01 ... 2022.11, 2025.02, 2025.05")
    goes on at its end."""
    keys = [k for k in map(date_key, group) if k is not None]
    return len(keys) >= 2 and all(k < keys[-1] for k in keys[:-1])


def _appended_out_of_order(group: Sequence[Fields]) -> bool:
    """Is a list in order of dates, oldest first, now added to at its end whatever the date:
    its last paper older than one above it ("... 2024.05, 2024.06, 2024.06, 2024.02,
    2024.01": zjunlp/LLMAgentPapers, whose next paper went last)?"""
    keys = [k for k in map(date_key, group) if k is not None]
    return len(keys) >= _MIN_KEYED and keys[-1] < max(keys[:-1])


def _newest_first(groups: Sequence[Sequence[Fields]]) -> bool:
    """Do the file's other groups, in file order, go from newer to older? A list kept in
    sections of one month each (``### 2024.5`` over papers all dated 2024.5) shows its
    order only there: a group that cannot tell is newest first when they are."""
    firsts = [k for k in (next(filter(None, map(date_key, g)), None) for g in groups) if k]
    pairs = list(itertools.pairwise(firsts))
    return len(pairs) >= 2 and sum(a > b for a, b in pairs) >= _SORTED * len(pairs)


def _two(group: Sequence[Fields]) -> Order | None:
    keys = [k for k in map(date_key, group) if k is not None]
    if len(keys) == 2 and keys[0] != keys[1]:
        return Order("date", descending=keys[0] > keys[1])
    return None


def _trend(pairs: Sequence[tuple[Key, Key]]) -> float:
    """Share of rising minus falling neighbouring pairs: -1 newest first ... +1 oldest first."""
    rising = sum(a < b for a, b in pairs)
    falling = sum(a > b for a, b in pairs)
    total = rising + falling
    return (rising - falling) / total if total else 0.0


def position(order: Order, entries: Sequence[Fields], new: Fields) -> int:
    """Where ``new`` goes among ``entries`` under ``order`` (an index; ``len``: at the end).

    Equal keys keep the list's habit: a new entry goes after the entries it ties with,
    unless their arXiv ids say otherwise. One that goes before every keyed entry goes
    first, before the entries with no key (a project page's link) too.
    """
    if order.by == "append":
        return len(entries)
    if order.by == "prepend":
        return 0
    key = dict(_KEYS)[order.by]
    wanted = key(new)
    if wanted is None:
        return len(entries)
    keys = [k for k in map(key, entries) if k is not None]
    tie = _tie(entries, key, order.descending)
    if order.by == "date" and new.year and keys and all(k[1:] == (0, 0) for k in keys):
        return _by_year(order, entries, new.year, new, tie)
    for index, fields in enumerate(entries):
        other = key(fields)
        if other is None:
            continue
        by_date = order.by == "date"
        if _before(wanted, other, order.descending, (tie, new, fields), by_date=by_date):
            # before the first keyed entry: first (entries without a key tell no place)
            return index if any(map(key, entries[:index])) else 0
    return len(entries)


@dataclass(frozen=True)
class _Tie:
    """What orders the entries a list's key says nothing between (papers of one year)."""

    key: Callable[[Fields], Key | None]
    descending: bool

    def before(self, new: Fields, other: Fields) -> bool | None:
        """Does ``new`` go before ``other`` of the same key (None: no telling)?"""
        mine, theirs = self.key(new), self.key(other)
        if mine is None or theirs is None:
            return None
        return mine > theirs if self.descending else mine < theirs


def surname_key(fields: Fields) -> Key | None:
    """The first author's surname, normalised: "fang" of "Fang, R." (APA) and of "Ruoyao
    Fang"."""
    names = fields.authors.names if fields.authors else ()
    found = surname(names[0]) if names else ""
    return (found,) if found else None


def _tie(entries: Sequence[Fields], key: Callable[[Fields], Key | None], descending: bool) -> _Tie:
    """By the first author's surname where the list's entries of one key go so (a reading
    list of references: "Balesni, Bondarenko, Laine" in 2024), else by arXiv id, the way the
    list goes."""
    pairs = [
        (surname_key(a), surname_key(b))
        for a, b in itertools.pairwise(entries)
        if key(a) is not None and key(a) == key(b)
    ]
    named = [(a, b) for a, b in pairs if a is not None and b is not None and a != b]
    if len(named) >= 3 and sum(a < b for a, b in named) >= _SORTED * len(named):
        return _Tie(surname_key, descending=False)
    return _Tie(arxiv_key, descending)


def _by_year(order: Order, entries: Sequence[Fields], year: int, new: Fields, tie: _Tie) -> int:
    """A list of years ("| 2025 |") shows the year a paper was published, not the month of
    its preprint: that year places it, first among its equals when the list is newest first
    (the newest addition), after them when it is oldest first; among papers of its year
    by what orders them (``_tie``) where it tells."""
    for index, fields in enumerate(entries):
        other = fields.date[0] if fields.date is not None else fields.year
        if other is None:
            continue
        tied = tie.before(new, fields) if year == other else None
        by_year = year >= other if order.descending else year < other
        if by_year if tied is None else tied:
            return index
    return len(entries)


def _before(
    wanted: Key,
    other: Key,
    descending: bool,
    tied: tuple[_Tie, Fields, Fields],
    *,
    by_date: bool,
) -> bool:
    tie, new, fields = tied
    if wanted == other and (before := tie.before(new, fields)) is not None:
        return before
    if by_date and wanted[0] == other[0] and wanted[1] == 0:
        # a paper known by its year alone (a venue's): first among its year's papers where
        # the list is newest first (the newest addition), after them where it is oldest first
        return descending
    elif by_date and wanted[0] == other[0] and other[1] == 0:
        return False  # "IROS, 2024" says nothing of July against October: decided elsewhere
    if descending:
        return wanted > other
    return wanted < other
