"""Where a new entry goes: the order the file's entries already follow, else the end.

The orders looked for, each on the adjacent pairs of entries (at least 90% of them in
order, and enough entries to tell): by key; by the authors' surnames (JabRef's "sort
by author": ``Baader2008`` with Horrocks before ``Baader2001`` with Sattler); newest
first by a dated comment above each entry (``% June 16, 2026``: a new entry goes on
top); by year, newest or oldest first. A file in no order gets the entry at the end.
A new entry is inserted before the entry it precedes, above that entry's comment line.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from bot.editors.bibtex.keys import Fields
from bot.editors.bibtex.reading import EntryInfo
from bot.editors.common import name_key
from bot.editors.dates import find_date

_IN_ORDER = 0.9
_MIN_ENTRIES = 3


def _share_in_order(values: Sequence[Any], *, reverse: bool = False) -> tuple[float, int]:
    """(share of adjacent pairs in order, how many pairs strictly in order)."""
    pairs = [(a, b) for a, b in pairwise(values) if a is not None and b is not None]
    if not pairs:
        return 0.0, 0
    ok = strict = 0
    for a, b in pairs:
        first, second = (b, a) if reverse else (a, b)
        if first <= second:
            ok += 1
            strict += first < second
    return ok / len(pairs), strict


def author_key(surnames: Sequence[str]) -> tuple[str, ...]:
    return tuple(name_key(s) for s in surnames) or ("",)


@dataclass(frozen=True)
class Order:
    """The file's order: its name, and how to rank an entry (or a new record) by it."""

    name: str  # key | authors | date | year-desc | year-asc | append
    rank: Callable[[str, Fields], Any] | None = None
    reverse: bool = False


def detect_order(entries: Sequence[EntryInfo]) -> Order:
    if len(entries) < _MIN_ENTRIES:
        return Order("append")
    candidates: list[tuple[float, Order]] = []
    keys = [e.key.lower() for e in entries]
    share, strict = _share_in_order(keys)
    if share >= _IN_ORDER and strict:
        candidates.append((share + 0.002, Order("key", lambda key, f: key.lower())))
    authors = [author_key(e.surnames) if e.surnames else None for e in entries]
    share, strict = _share_in_order(authors)
    if share >= _IN_ORDER and strict:
        candidates.append((share + 0.001, Order("authors", lambda key, f: author_key(f.surnames))))
    dates = [_comment_date(e) for e in entries]
    if sum(d is not None for d in dates) >= len(entries) // 2:
        share, strict = _share_in_order(dates, reverse=True)
        if share >= _IN_ORDER and strict:
            candidates.append((share, Order("date")))
    years = [e.year for e in entries]
    for reverse in (True, False):
        share, strict = _share_in_order(years, reverse=reverse)
        if share >= _IN_ORDER and strict >= 2:
            name = "year-desc" if reverse else "year-asc"
            candidates.append((share - 0.001, Order(name, _year_rank, reverse)))
    if not candidates:
        return Order("append")
    return max(candidates, key=lambda c: c[0])[1]


def _year_rank(key: str, fields: Fields) -> int | None:
    return int(fields.year) if fields.year else None


def _comment_date(entry: EntryInfo) -> Any:
    found = find_date(entry.comment) if entry.comment else None
    return found.date if found else None


def insertion_index(
    order: Order, entries: Sequence[tuple[str, Fields]], key: str, fields: Fields
) -> int | None:
    """Index of the entry (key, fields) the new one goes before; None: after the last."""
    if order.name == "append" or not entries:
        return None
    if order.name == "date":
        return 0
    assert order.rank is not None
    mine = order.rank(key, fields)
    if mine is None:
        return None
    ranks = [order.rank(k, f) for k, f in entries]
    if order.reverse:
        # newest first: above the first entry no newer than it (a living review's papers
        # published years after they were added are scattered below the top)
        return next((i for i, r in enumerate(ranks) if r is not None and mine >= r), None)
    # Oldest first, or by key or author: where the fewest entries are on the wrong side of
    # it, so that an entry out of order (a survey's own paper on top of a list by year,
    # one appended out of order at the end) is no guide; after its equals. In a file in
    # perfect order this is before the first entry ranked after it.
    wrong = sum(1 for r in ranks if r is not None and r < mine)
    best, best_index = wrong, 0
    for index, theirs in enumerate(ranks, 1):
        if theirs is not None:
            wrong += (theirs > mine) - (theirs < mine)
        if wrong <= best:
            best, best_index = wrong, index
    return None if best_index == len(entries) else best_index

