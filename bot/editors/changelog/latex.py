"""The ``latex`` changelog: an ``itemize``, ``enumerate`` or ``description`` of versions.

A survey's LaTeX source logs its updates as a list under a section::

    \\begin{itemize}
        \\item 2023 年 4 月 9 日更新：添加了附属信息……
    \\end{itemize}

or ``\\item[V2 (2023/04/09)] Add the affiliation information.`` in a ``description``.
The newest item is the pattern of the new one: its indentation, its label, the words
around its date and the date's format are kept; the date becomes the batch's, a version
in it (``V2``, ``v1.3``) the next one (or none, with the ``none`` version policy), and
its text the batch's summary, escaped for LaTeX (no commands, balanced braces). The
new item goes first or last as the dates run. A second batch on the same day merges
into that day's item. A section without a list gets a new ``itemize``; a list whose
entries are a macro of the survey's own (``\\change{date}{text}``) is refused.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from bot.editors.changelog.entry import (
    ChangelogEntry,
    content_lines,
    merged_text,
    newest_first,
    next_version,
)
from bot.editors.dates import detect_format, find_date, prose_format
from bot.editors.lines import Lines, render_lines
from bot.errors import EditError
from bot.render import Renderer
from bot.text.escaping import latex

TEMPLATE = "changelog-item.tex.j2"

_BEGIN = re.compile(r"^\s*\\begin\{(?P<env>itemize|enumerate|description)\}")
_ITEM = re.compile(r"^(?P<indent>\s*)\\item(?P<label>\[[^\]]*\])?(?P<gap>\s*)(?P<text>.*)$")
_VERSION = re.compile(r"\b[vV]\d+(?:\.\d+)*\b")
_ENTRY_MACRO = re.compile(r"^\s*\\(?!item\b|begin\b|end\b)([a-zA-Z]+)\s*\{")
_AFTER_DATE = re.compile(r"^[^:：\n]{0,20}?[:：][ \t]*|^\)?\][ \t]*|^[ \t]*[-–—][ \t]*")


@dataclass(frozen=True)
class _Item:
    first: int  # its \item line
    last: int  # its last line
    line: str  # the \item line
    date: dt.date | None


def _list(lines: Lines, start: int, end: int) -> tuple[int, int, str] | None:
    for index in range(start, end):
        begin = _BEGIN.match(lines[index])
        if begin:
            env = begin.group("env")
            close = next((j for j in range(index + 1, end) if f"\\end{{{env}}}" in lines[j]), None)
            if close is not None:
                return index, close, env
    return None


def _items(lines: Lines, begin: int, close: int) -> list[_Item]:
    starts = [i for i in range(begin + 1, close) if _ITEM.match(lines[i])]
    items = []
    for position, first in enumerate(starts):
        last = (starts[position + 1] if position + 1 < len(starts) else close) - 1
        while last > first and not lines[last].strip():
            last -= 1
        found = find_date(" ".join(lines.contents[first : last + 1]))
        items.append(_Item(first, last, lines[first], found.date if found else None))
    return items


def _refuse_other_entries(lines: Lines, begin: int, close: int) -> None:
    """A list whose entries are written without ``\\item`` (a macro of the survey's own,
    ``\\change{january 12}{...}``) is no list of items: an ``\\item`` among them would
    be a shape no entry has, and the macro's arguments are not read yet."""
    for index in range(begin + 1, close):
        entry = _ENTRY_MACRO.match(lines[index])
        if entry:
            raise EditError(
                f"the changelog's list writes its entries as \\{entry.group(1)}{{...}} lines, "
                "not \\item; write the day's line by hand"
            )


def _parts(line: str) -> tuple[str, str, str] | None:
    """(text before the date, the date, text after it) of an item line, the text after
    it ending where the item's own words begin."""
    found = find_date(line)
    if found is None:
        return None
    after = line[found.end :]
    joint = _AFTER_DATE.match(after)
    cut = found.end + (joint.end() if joint else 0)
    return line[: found.start], line[found.start : cut], line[cut:]


def edit(
    lines: Lines,
    start: int,
    end: int,
    entry: ChangelogEntry,
    language: str,
    renderer: Renderer,
    policy: str = "bump",
) -> str:
    """Add the entry's item to the list in ``lines[start:end]``, or update that day's."""
    found = _list(lines, start, end)
    items = _items(lines, found[0], found[1]) if found else []
    if found and not items:
        _refuse_other_entries(lines, found[0], found[1])
    default = prose_format(language)
    date_format = detect_format((i.line for i in items if i.date), default)
    date_text = date_format.format(entry.date)
    for item in items:
        if item.date == entry.date:
            return _merge(lines, item, entry, language, date_text)
    words = content_lines(entry, language)
    content = ("" if language == "zh" else " ").join(words)
    dated = [i for i in items if i.date]
    pattern = None
    if dated:
        newest = max(dated, key=lambda i: i.date or dt.date.min)
        pattern = _parts(newest.line)
    if pattern is None:
        made = render_lines(
            TEMPLATE,
            renderer,
            new_list=found is None,
            indent="    ",
            head=f"\\item {date_text}{'：' if language == 'zh' else ': '}",
            lines=words,
            language=language,
        )
    else:
        head = pattern[0] + date_text + _joint(pattern[1])
        labels = [i.line for i in items]
        if policy == "none":
            head = _VERSION.sub("", head, count=1)
            head = re.sub(r"\[\s*\(([^)]*)\)\s*\]", r"[\1]", head)  # [V2 (date)] -> [date]
            head = re.sub(r"\[\s+", "[", re.sub(r"\s+\]", "]", head))
        elif _VERSION.search(head):
            head = _VERSION.sub(next_version(_VERSION.findall(" ".join(labels))), head, count=1)
        made = render_lines(
            TEMPLATE, renderer, new_list=False, indent="", head=head, lines=words, language=language
        )
    if found is None:
        lines.append_block(start, end, made)
        return f"add a changelog list with the entry of {date_text}: {content}"
    if len(dated) >= 2 and newest_first([i.date for i in dated]):
        lines.insert(items[0].first, made)
    else:
        lines.insert((items[-1].last if items else found[0]) + 1, made)
    return f"add changelog entry of {date_text}: {content}"


def _joint(old: str) -> str:
    """What follows the date in the pattern item (``更新：``, ``)]``), without the date."""
    found = find_date(old)
    return old[found.end :] if found else old


def _merge(lines: Lines, item: _Item, entry: ChangelogEntry, language: str, day: str) -> str:
    """Merge the batch into the same day's item (its last line gets the new words)."""
    parts = _parts(item.line)
    if item.first == item.last and parts:
        merged, sentence = merged_text(parts[2], entry, language, latex, "")
        lines.replace(item.first, parts[0] + parts[1] + merged)
    else:
        last = lines[item.last]
        merged, sentence = merged_text(last, entry, language, latex, "")
        lines.replace(item.last, merged)
    return f"update the changelog entry of {day}: {sentence}"
