"""What every changelog format shares: the entry, its wording, and the same-day merge.

The bot's summary sentence ("Add 3 papers suggested by readers to Section A.",
or the Chinese) is written by :func:`summary` and found again by
:func:`find_summary`, so that a second batch on the same day adds up the paper
count and the sections in that sentence instead of writing another entry.
Versions (``V16`` -> ``V17``) and the order of entries (newest first or last)
are read from the entries already there.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from bot.editors.common import markdown_unescape
from bot.suggestions import PaperItem


@dataclass(frozen=True)
class ChangelogEntry:
    """What one batch changed: how many reader-suggested papers went into which sections."""

    date: dt.date
    papers: int = 0
    sections: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default=())  # extra lines, e.g. written by a maintainer

    @classmethod
    def from_items(
        cls, day: dt.date, items: Iterable[PaperItem], notes: Sequence[str] = ()
    ) -> ChangelogEntry:
        items = list(items)
        sections: list[str] = []
        for item in items:
            if item.section and item.section not in sections:
                sections.append(item.section)
        return cls(day, len(items), tuple(sections), tuple(notes))


# --------------------------------------------------------------------------- wording


def _join(words: Sequence[str], language: str) -> str:
    if language == "zh":
        if len(words) <= 1:
            return "".join(words)
        return "、".join(words[:-1]) + "和" + words[-1]
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def summary(papers: int, sections: Sequence[str], language: str = "en") -> str:
    """ "Add 3 papers suggested by readers to Section A and Section B." (or the Chinese).
    A heading's own closing stop or colon is left out: "Section Planning.", not "Planning..".
    """
    sections = list(dict.fromkeys(s.rstrip(".:：;；。 \t") or s for s in sections))
    if language == "zh":
        where = f"到{_join([f'“{s}”' for s in sections], 'zh')}部分" if sections else ""
        return f"添加了读者建议的 {papers} 篇论文{where}。"
    noun = "paper" if papers == 1 else "papers"
    named = [s if _NAMED_SECTION.match(s) else f"Section {s}" for s in sections]
    where = f" to {_join(named, 'en')}" if sections else ""
    return f"Add {papers} {noun} suggested by readers{where}."


# A heading that says it is a section already ("Section 6: ...", "Chapter 2", "§3").
_NAMED_SECTION = re.compile(r"(?:section|sec\.|chapter|§)\s*\S", re.IGNORECASE)
_EN_SUMMARY = re.compile(
    r"Add (?P<n>\d+) papers? suggested by readers(?: to (?P<where>.+?))?\.(?=\s|$|<br|\|)"
)
_ZH_SUMMARY = re.compile(
    r"添加了读者建议的\s*(?P<n>\d+)\s*篇论文(?:到(?P<where>(?:“[^”]*”[、和]?)+)部分)?。?"
)


@dataclass(frozen=True)
class Summary:
    """A summary sentence found in an entry: its counts and where it stands."""

    papers: int
    sections: tuple[str, ...]
    start: int
    end: int


def find_summary(text: str, *, markdown: bool = True) -> Summary | None:
    """The bot's own summary sentence in ``text`` (either language), with its span."""
    unescape = markdown_unescape if markdown else (lambda s: s)
    found = _EN_SUMMARY.search(text)
    if found:
        where = found.group("where") or ""
        parts = re.split(r",\s+(?=Section )|\s+and\s+(?=Section )", where) if where else []
        sections = tuple(unescape(p.removeprefix("Section ").strip()) for p in parts if p.strip())
        return Summary(int(found.group("n")), sections, found.start(), found.end())
    found = _ZH_SUMMARY.search(text)
    if found:
        sections = tuple(unescape(s) for s in re.findall(r"“([^”]*)”", found.group("where") or ""))
        return Summary(int(found.group("n")), sections, found.start(), found.end())
    return None


def merge_summary(
    text: str,
    found: Summary,
    entry: ChangelogEntry,
    language: str,
    escape: Callable[[str], str] = lambda s: s,
) -> tuple[str, str]:
    """``text`` with its summary sentence ``found`` counting the batch too: (text, sentence)."""
    sections = list(found.sections)
    # "Section 6: X" is read back from the sentence as "6: X" (its "Section " was the
    # sentence's): the same section.
    seen = {s.removeprefix("Section ") for s in sections}
    for section in entry.sections:
        if section.removeprefix("Section ") not in seen:
            sections.append(section)
            seen.add(section.removeprefix("Section "))
    sentence = summary(found.papers + entry.papers, sections, language)
    return text[: found.start] + escape(sentence) + text[found.end :], sentence


def content_lines(entry: ChangelogEntry, language: str) -> list[str]:
    """The lines of a new entry: the summary sentence (if any papers), then the notes."""
    lines = [summary(entry.papers, entry.sections, language)] if entry.papers else []
    return lines + [n for n in entry.notes if n.strip()]


def merged_text(
    existing: str,
    entry: ChangelogEntry,
    language: str,
    escape: Callable[[str], str] | None,
    joiner: str,
) -> tuple[str, str]:
    """``existing`` (one entry's text) with the batch merged in; returns (text, sentence)."""
    found = find_summary(existing, markdown=escape is not None)
    esc = escape or (lambda s: s)
    notes = [esc(n) for n in entry.notes if n.strip()]
    if found:
        new, sentence = merge_summary(existing, found, entry, language, esc)
    else:
        sentence = summary(entry.papers, entry.sections, language) if entry.papers else ""
        new = existing
        if sentence:
            notes.insert(0, esc(sentence))
    for note in notes:
        new = _append(new, note, joiner)
    return new, sentence


def _append(text: str, addition: str, joiner: str) -> str:
    stripped = text.rstrip()
    if not stripped:
        return addition
    if joiner:
        return stripped + joiner + addition
    if re.search(r"[。！？]$", stripped):
        return stripped + addition
    if re.search(r"[\u3000-\u9fff]$", stripped):
        return stripped + "；" + addition
    if re.search(r"[.!?]$", stripped):
        return stripped + " " + addition
    return stripped + "; " + addition


# --------------------------------------------------------------------------- versions


_VERSION = re.compile(
    r"(?P<prefix>[vV]?)(?P<major>\d+)(?:\.(?P<minor>\d+)(?P<patch>\.\d+)?)?(?![\d.-])"
)


def next_version(cells: Iterable[str]) -> str:
    """``V17`` after ``V16`` (``v1.3`` after ``v1.2``, ``1.3.0`` after ``1.2.0``); ``V1``
    when there is none."""
    best: tuple[int, int] | None = None
    prefix, dotted, patch = "V", False, False
    for cell in cells:
        found = _VERSION.search(cell or "")
        if not found:
            continue
        minor = found.group("minor")
        number = (int(found.group("major")), int(minor) if minor else -1)
        if best is None or number > best:
            best, prefix, dotted = number, found.group("prefix"), minor is not None
            patch = found.group("patch") is not None
    if best is None:
        return "V1"
    if dotted:
        return f"{prefix}{best[0]}.{best[1] + 1}" + (".0" if patch else "")
    return f"{prefix}{best[0] + 1}"


def newest_first(dates: Sequence[dt.date | None], *, alone: bool = False) -> bool:
    """Whether the entries (their dates in file order) go newest first; ``alone``: what to
    take when fewer than two dates show an order."""
    known = [d for d in dates if d]
    return known[0] > known[-1] if len(known) >= 2 else alone
