"""Find and write dates the way a file already writes them.

``2023/04/09``, ``2023-4-9``, ``2023 年 4 月 9 日``, ``2023年4月9日``,
``April 9, 2023``, ``Apr. 9, 2023``, ``9 April 2023`` and ``07/12/2023`` (the month first
unless a day above 12 comes first) are recognised, and where a
file dates by the month (news lines: ``[2024.05]``, ``05/2024``, ``Oct 2024``) those
too; a new date is written in the format most of the file's dates use. Dates of three
two-digit numbers (``[24/02/29]``) are read only in the order the caller has found the
whole file to use (:mod:`bot.editors.two_digit_years`): one alone rarely says it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTH_RE = (
    r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)(?P<dot>\.?)"
)
_PATTERNS = {
    "numeric": re.compile(
        r"(?<!\d)(?P<y>\d{4})(?P<sep>[/.\-])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?!\d)"
    ),
    "zh": re.compile(
        r"(?<!\d)(?P<y>\d{4})(?P<sp>\s*)年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
    ),
    "mdy": re.compile(rf"\b{_MONTH_RE}\s+(?P<d>\d{{1,2}})(?P<comma>,?)\s+(?P<y>\d{{4}})\b"),
    "dmy": re.compile(rf"\b(?P<d>\d{{1,2}})\s+{_MONTH_RE}(?P<comma>,?)\s+(?P<y>\d{{4}})\b"),
    # The year last: "07/12/2023" is July 12 unless a first number above 12 says the day
    # comes first ("25/07/2023"); ``detect_format`` reads a whole list that way then.
    "mdy-num": re.compile(
        r"(?<![\d/.\-])(?P<m>\d{1,2})(?P<sep>[/.\-])(?P<d>\d{1,2})(?P=sep)(?P<y>\d{4})(?!\d)"
    ),
}
_YEAR_LAST = {"mdy-num", "dmy-num"}
# Three two-digit numbers ("[24/02/29]", "29.02.24"), and where each order (its kind's
# name) puts the year, the month and the day among them.
_TWO_DIGIT = re.compile(
    r"(?<![\w./\-])(?P<a>\d\d)(?P<sep>[/.\-])(?P<b>\d\d)(?P=sep)(?P<c>\d\d)(?!\w|[/.\-]\d)"
)
TWO_DIGIT_ORDERS = {"ymd-yy": "ymd", "dmy-yy": "dmy", "mdy-yy": "mdy"}
# A month without its day, as news lines date themselves.
_MONTH_PATTERNS = {
    "ym": re.compile(
        r"(?<![\d./\-])(?P<y>(?:19|20)\d\d)(?P<sep>[/.\-])(?P<m>\d{1,2})(?![\d/.\-]?\d)"
    ),
    "my": re.compile(r"(?<![\d./\-])(?P<m>\d{1,2})(?P<sep>[/.\-])(?P<y>(?:19|20)\d\d)(?!\d)"),
    "mony": re.compile(rf"\b{_MONTH_RE}(?P<comma>,?)\s+(?P<y>\d{{4}})\b"),
}


def _month_number(name: str) -> int:
    return next(i for i, m in enumerate(MONTHS, 1) if m.lower().startswith(name.lower()[:3]))


@dataclass(frozen=True)
class DateFormat:
    # numeric (2023/04/09) | zh | mdy | dmy | mdy-num (04/09/2023) | dmy-num (09/04/2023);
    # by the month: ym | my | mony; with a two-digit year: ymd-yy | dmy-yy | mdy-yy
    kind: str = "numeric"
    sep: str = "/"
    pad: bool = True  # 2023/04/09 rather than 2023/4/9
    spaced: bool = True  # "2023 年 4 月 9 日" rather than "2023年4月9日"
    abbrev: bool = False  # "Apr." rather than "April"
    comma: bool = True  # "April 9, 2023"
    pad_day: bool = False  # "June 01, 2026" (month-name formats)
    dot: bool = True  # "Apr." rather than "Apr" (abbreviated month names)

    @property
    def monthly(self) -> bool:
        """A month without its day ("2024.05", "Oct 2024")."""
        return self.kind in _MONTH_PATTERNS

    def _month_name(self, day: dt.date) -> str:
        month = MONTHS[day.month - 1]
        if not self.abbrev:
            return month
        if not self.dot:
            return month[:3]  # "Jun 2024", "Jul 2024": three letters, all of them
        return month[:3] + "." if len(month) > 4 else month  # "Apr.", but "June", "July"

    def format(self, day: dt.date) -> str:
        if self.kind in TWO_DIGIT_ORDERS:
            values = {"y": day.year % 100, "m": day.month, "d": day.day}
            return self.sep.join(f"{values[at]:02d}" for at in TWO_DIGIT_ORDERS[self.kind])
        if self.kind in _YEAR_LAST:
            month, number = (
                (f"{day.month:02d}", f"{day.day:02d}")
                if self.pad
                else (str(day.month), str(day.day))
            )
            first = (month, number) if self.kind == "mdy-num" else (number, month)
            return self.sep.join((*first, str(day.year)))
        if self.kind in {"ym", "my"}:
            month = f"{day.month:02d}" if self.pad else str(day.month)
            parts = (str(day.year), month) if self.kind == "ym" else (month, str(day.year))
            return self.sep.join(parts)
        if self.kind == "mony":
            return f"{self._month_name(day)}{',' if self.comma else ''} {day.year}"
        if self.kind == "zh":
            if self.spaced:
                return f"{day.year} 年 {day.month} 月 {day.day} 日"
            return f"{day.year}年{day.month}月{day.day}日"
        if self.kind in {"mdy", "dmy"}:
            month = self._month_name(day)
            number = f"{day.day:02d}" if self.pad_day else str(day.day)
            if self.kind == "mdy":
                return f"{month} {number}{',' if self.comma else ''} {day.year}"
            return f"{number} {month}{',' if self.comma else ''} {day.year}"
        if self.pad:
            return f"{day.year}{self.sep}{day.month:02d}{self.sep}{day.day:02d}"
        return f"{day.year}{self.sep}{day.month}{self.sep}{day.day}"


@dataclass(frozen=True)
class FoundDate:
    date: dt.date
    start: int
    end: int
    format: DateFormat
    raw: str = ""


def find_date(
    text: str, months: bool = False, two_digit: str | None = None
) -> FoundDate | None:
    """The first recognisable date in ``text``; with ``months``, when it has none, the
    first month (its first day the date, ``format.monthly`` set); with ``two_digit`` (a
    kind of ``TWO_DIGIT_ORDERS``), dates of three two-digit numbers read in that order."""
    found = [_first(text, _PATTERNS), two_digit_date(text, two_digit) if two_digit else None]
    best = min((f for f in found if f), key=lambda f: f.start, default=None)
    return _first(text, _MONTH_PATTERNS) if best is None and months else best


def two_digit_date(text: str, kind: str) -> FoundDate | None:
    """The first date of three two-digit numbers in ``text``, read in ``kind``'s order
    (the year 2000 onwards); None if it is no date in that order."""
    match = _TWO_DIGIT.search(text)
    if not match:
        return None
    parts = dict(zip(TWO_DIGIT_ORDERS[kind], map(int, match.group("a", "b", "c")), strict=True))
    try:
        day = dt.date(2000 + parts["y"], parts["m"], parts["d"])
    except ValueError:
        return None
    fmt = DateFormat(kind, sep=match.group("sep"))
    return FoundDate(day, match.start(), match.end(), fmt, match.group(0))


def _first(text: str, patterns: dict[str, re.Pattern[str]]) -> FoundDate | None:
    best: FoundDate | None = None
    for kind, pattern in patterns.items():
        match = pattern.search(text)
        if not match:
            continue
        groups = match.groupdict()
        if kind == "mdy-num" and int(groups["m"]) > 12:  # "25/07/2023": the day first
            kind, groups = "dmy-num", {**groups, "m": groups["d"], "d": groups["m"]}
        try:
            month = (
                int(groups["m"])
                if "m" in groups and groups.get("m")
                else _month_number(groups["mon"])
            )
            day = dt.date(int(groups["y"]), month, int(groups.get("d") or 1))
        except (ValueError, StopIteration):
            continue
        digits = (groups.get("m") or "00", groups.get("d") or "00")
        fmt = DateFormat(
            kind=kind,
            sep=groups.get("sep") or "/",
            pad=kind not in {"numeric", "ym", "my", *_YEAR_LAST}
            or not any(len(d) == 1 for d in digits),
            spaced=bool(groups.get("sp")),
            abbrev=bool(groups.get("mon"))
            and len(groups["mon"]) <= 4
            and groups["mon"] not in ("May", "June", "July"),
            comma=bool(groups.get("comma")),
            pad_day=kind in {"mdy", "dmy"} and groups["d"].startswith("0"),
            dot=bool(groups.get("dot")) or not groups.get("mon"),
        )
        found = FoundDate(day, match.start(), match.end(), fmt, match.group(0))
        if best is None or found.start < best.start:
            best = found
    return best


def prose_format(language: str) -> DateFormat:
    """How a changelog written in prose dates an entry when it shows no date yet."""
    return DateFormat("zh", spaced=True) if language == "zh" else DateFormat("mdy", comma=True)


def detect_format(
    texts: Iterable[str], default: DateFormat, months: bool = False, two_digit: str | None = None
) -> DateFormat:
    """The format most of ``texts``' dates use (padding: any zero-padded date counts);
    ``months`` and ``two_digit`` as for ``find_date``."""
    found = [f for f in (find_date(t, months, two_digit) for t in texts) if f]
    if not found:
        return default
    kinds = Counter(f.format.kind for f in found)
    if kinds["dmy-num"]:  # one day above 12 first: the list writes the day first
        for at, f in enumerate(found):
            if f.format.kind == "mdy-num":
                found[at] = replace(f, format=replace(f.format, kind="dmy-num"))
        kinds = Counter(f.format.kind for f in found)
    kind = kinds.most_common(1)[0][0]
    same = [f.format for f in found if f.format.kind == kind]
    base = Counter(replace(f, pad_day=False) for f in same).most_common(1)[0][0]
    if kind in {"mdy", "dmy"}:
        return replace(base, pad_day=any(f.pad_day for f in same))
    if kind == "numeric":
        raws = [f.raw for f in found if f.format.kind == kind]
        zeros = any(re.search(r"[/.\-]0\d", raw) for raw in raws)
        singles = any(re.search(r"[/.\-]\d(?!\d)", raw) for raw in raws)
        return DateFormat(kind, base.sep, zeros or not singles)
    return base
