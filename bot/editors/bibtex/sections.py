"""Month headings: a living review that files its entries under ``##### 2021 May #####``.

Text between BibTeX entries is ignored by BibTeX, and some living reviews use it to
group their entries by the month the paper appeared (HEPQIS-LivingReview: newest month
first). A line that holds only a year and a month name between decoration is such a
heading; when at least two of them head entries, in order, a new paper goes last under
its own month (taken from its arXiv id, which these files follow, else from its year and
month), and a month the file has no heading for gets one, written as the nearest
heading is, in its place in the order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.editors.dates import MONTHS
from bot.identifiers import normalize_arxiv
from bot.suggestions import PaperRecord

_HEADING = re.compile(
    r"^[^\w@]*?(?:(?P<y>(?:19|20)\d\d)\s+(?P<m>[A-Za-z]{3,9})\.?"
    r"|(?P<m2>[A-Za-z]{3,9})\.?,?\s+(?P<y2>(?:19|20)\d\d))[^\w]*$"
)
_NEW_ID = re.compile(r"^(\d\d)(\d\d)\.")
_OLD_ID = re.compile(r"/(\d\d)(\d\d)\d+$")

Month = tuple[int, int]  # (year, month)


@dataclass(frozen=True)
class Heading:
    line: int  # 0-based
    month: Month
    text: str
    month_span: tuple[int, int]  # where the month name is in ``text``
    year_span: tuple[int, int]

    def for_month(self, month: Month) -> str:
        """This heading's text for another month, its month name abbreviated as its own
        is ("Sept" -> "Aug"; "May" is no abbreviation)."""
        start, end = self.month_span
        own = self.text[start:end]
        name = MONTHS[month[1] - 1]
        name = name[:3] if len(own) < len(MONTHS[self.month[1] - 1]) else name
        name = name.upper() if own.isupper() and len(own) > 1 else name
        spans = sorted([(self.month_span, name), (self.year_span, str(month[0]))], reverse=True)
        text = self.text
        for (a, b), value in spans:
            text = text[:a] + value + text[b:]
        return text


def month_headings(lines: Sequence[str]) -> list[Heading] | None:
    """The file's month headings, when it groups its entries under them: at least two,
    each followed by an entry, in one order (newest or oldest first)."""
    found: list[Heading] = []
    for index, line in enumerate(lines):
        match = _HEADING.match(line)
        if not match:
            continue
        following = next((n for n in lines[index + 1 :] if n.strip()), "")
        if not following.lstrip().startswith("@"):
            continue
        year_group, month_group = ("y", "m") if match.group("y") else ("y2", "m2")
        number = _month_number(match.group(month_group))
        if number is None:
            continue
        found.append(
            Heading(
                index,
                (int(match.group(year_group)), number),
                line,
                match.span(month_group),
                match.span(year_group),
            )
        )
    months = [h.month for h in found]
    ordered = months == sorted(months, reverse=True) or months == sorted(months)
    if len(found) < 2 or not ordered or len(set(months)) != len(months):
        return None
    return found


def _month_number(name: str) -> int | None:
    """1-12 for a month's name or its start ("Sept"), else None."""
    return next((i for i, m in enumerate(MONTHS, 1) if m.lower().startswith(name.lower())), None)


def record_month(record: PaperRecord) -> Month | None:
    """The month a paper appeared: its arXiv id's, else its year and month."""
    arxiv = normalize_arxiv(record.arxiv or "")
    if arxiv:
        match = _NEW_ID.match(arxiv) or _OLD_ID.search(arxiv)
        if match:
            year = int(match.group(1))
            return (2000 + year if year < 90 else 1900 + year, int(match.group(2)))
    if record.year and record.month:
        return (record.year, record.month)
    return None


@dataclass(frozen=True)
class SectionPlace:
    line: int | None  # insert before this line; None: after the file's last entry
    heading: str | None  # a new heading to write above the entry
    where: str  # for the change's description


def section_place(headings: Sequence[Heading], month: Month) -> SectionPlace:
    """Where an entry of ``month`` goes: last under its heading, or under a new one."""
    newest_first = headings[0].month > headings[-1].month
    for index, heading in enumerate(headings):
        following = headings[index + 1] if index + 1 < len(headings) else None
        if heading.month == month:
            return SectionPlace(following.line if following else None, None, heading.text.strip())
        if (heading.month < month) if newest_first else (heading.month > month):
            text = heading.for_month(month)
            return SectionPlace(heading.line, text, text.strip())
    text = headings[-1].for_month(month)
    return SectionPlace(None, text, text.strip())
