"""Which order a file's two-digit-year dates take: ``[24/02/29]`` is YY/MM/DD,
DD/MM/YY or MM/DD/YY.

One such date rarely says which: "24/02/29" is 29 February 2024 or 24 February 2029.
A file's dates together usually do. An order is not the file's when it makes any of
them no date (a month above 12), or puts any after the day being written (the batch's
day: a log records the past); and, when another order keeps them in order, when it
puts the lines out of order (logs go newest first or newest last). When more than one
order is left, the caller says so and reads none: a wrong guess would write the new
line's date in an order its readers would misread.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from bot.editors.dates import TWO_DIGIT_ORDERS, two_digit_date


@dataclass(frozen=True)
class TwoDigitYears:
    """The orders that read every two-digit-year date of a file (one: the file's)."""

    orders: tuple[str, ...]
    example: str  # the first such date, as written
    sep: str

    @property
    def kind(self) -> str | None:
        """The order the dates are read in, when one alone fits them."""
        return self.orders[0] if len(self.orders) == 1 else None

    def unread(self) -> str:
        """Why the dates are not read, when they are not."""
        if not self.orders:
            return f"dates like {self.example} are no dates in any order"
        names = [
            self.sep.join(at.upper() * 2 for at in TWO_DIGIT_ORDERS[kind]) for kind in self.orders
        ]
        return (
            f"dates like {self.example} read as {', '.join(names[:-1])} or {names[-1]} alike: "
            "the bot cannot tell which"
        )


def two_digit_years(texts: Iterable[str], today: dt.date) -> TwoDigitYears | None:
    """How ``texts`` (one line each) write their two-digit-year dates; None if they
    write none. ``today``: no date of the file may come after it."""
    texts = list(texts)
    readings = {
        kind: [found for text in texts if (found := two_digit_date(text, kind))]
        for kind in TWO_DIGIT_ORDERS
    }
    counts = {kind: len(found) for kind, found in readings.items()}
    most = max(counts.values())
    if not most:
        return None
    first = next(found[0] for found in readings.values() if found)
    dates = {kind: [f.date for f in found] for kind, found in readings.items()}
    fits = [
        kind
        for kind in TWO_DIGIT_ORDERS
        if counts[kind] == most and all(day <= today for day in dates[kind])
    ]
    in_order = [kind for kind in fits if _monotonic(dates[kind])]
    return TwoDigitYears(tuple(in_order or fits), first.raw, first.format.sep)


def _monotonic(days: list[dt.date]) -> bool:
    pairs = list(pairwise(days))
    return all(a >= b for a, b in pairs) or all(a <= b for a, b in pairs)
