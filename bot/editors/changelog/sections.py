"""The ``sections`` changelog: a file (a ``CHANGELOG.md``) of dated headings, each over
its bullets (``## 2026-09-07 — Subsection citation reconciliation``), or the dated
subsections of a README's log heading (``## 更新日志`` over ``### 2026-04-05``).

A new section copies the dated headings: their level, the date's format and what
stands around the date (``[`` ``]``, a version before it, bumped: ``[1.3.0]`` after
``[1.2.0]``), and, where they carry a title after the date, a title of its own ("Papers
suggested by readers"). Its bullets copy theirs, under Keep a Changelog's ``### Added``
where the file files its additions so. It goes newest first or newest last as they
do; newest first when a single date shows no order, as a changelog usually runs. A
second batch on the same day adds up in that day's summary bullet.
"""

from __future__ import annotations

import re
from collections import Counter

from bot.editors.changelog.entry import (
    ChangelogEntry,
    content_lines,
    find_summary,
    merge_summary,
    newest_first,
    next_version,
)
from bot.editors.dates import DateFormat, FoundDate, detect_format, find_date
from bot.editors.lines import Lines, render_lines
from bot.editors.sections import Heading, find_headings, match_heading, section_extent
from bot.errors import EditError
from bot.render import Renderer
from bot.text.escaping import markdown

SECTION_TEMPLATE = "changelog-section.md.j2"
_TITLE = {"en": "Papers suggested by readers", "zh": "读者建议的论文"}
_BULLET = re.compile(r"^(?P<b>[ \t]*[-*+][ \t]+)\S")
_VERSIONED = re.compile(r"\bv?\d+(?:\.\d+)+\b|\bV\d+\b")


def edit(
    lines: Lines,
    entry: ChangelogEntry,
    language: str,
    renderer: Renderer,
    version: str,
    heading: str | None = None,
) -> str:
    """Add the batch's dated section (or update that day's), as the file's sections are:
    the whole file's, or those under ``heading`` where the file has it (a README's
    "## 更新日志" over "### 2026-04-05" subsections)."""
    headings = find_headings(lines.contents)
    scope = match_heading(headings, heading) if heading else []
    first, last = 0, len(lines)
    if len(scope) == 1:
        first, last = scope[0].line, section_extent(lines.contents, headings, scope[0])
    dated = [
        (h, found)
        for h in headings
        if first < h.line < last and (found := find_date(h.text, months=True))
    ]
    if not dated:
        raise EditError(
            "the changelog has no heading with a date (like '## 2024-05-01'): "
            "use format bullets or markdown-table under a heading instead"
        )
    level = Counter(h.level for h, _ in dated).most_common(1)[0][0]
    dated = [(h, found) for h, found in dated if h.level == level]
    date_format = detect_format((h.text for h, _ in dated), DateFormat("numeric", "-"), True)
    bullet = _bullet(lines, headings, [h for h, _ in dated])
    for day, found in dated:
        if found.date == entry.date and not found.format.monthly:
            return _merge(lines, headings, day, entry, language, bullet)
    text = _heading_text(dated[0][1], dated[0][0].text, [h.text for h, _ in dated], language)
    new = render_lines(
        SECTION_TEMPLATE,
        renderer,
        hashes="#" * level,
        before=text[0],
        date=date_format.format(entry.date),
        after=text[1],
        bullet=bullet,
        lines=content_lines(entry, language),
    )
    newest = dated[0][0]
    if new[1:2] == [""] and lines[newest.body].strip():
        del new[1]  # "## [1.2.0] - 2024-05-01" directly over its lines
    added = _added_heading(lines, headings, [h for h, _ in dated])
    if added is not None:  # Keep a Changelog's "### Added"
        new.insert(2 if new[1:2] == [""] else 1, added)
    dates = [found.date for _, found in dated]
    if newest_first(dates, alone=True):
        lines.insert(dated[0][0].line, [*new, ""])
    else:
        end = section_extent(lines.contents, headings, dated[-1][0])
        while end > 0 and not lines[end - 1].strip():
            end -= 1
        lines.insert(end, ["", *new])
    return f"add changelog section of {date_format.format(entry.date)}: {' '.join(new[2:])}"


def _heading_text(
    found: FoundDate, raw: str, others: list[str], language: str
) -> tuple[str, str]:
    """What stands before and after the date in a new heading, from the newest one's
    (``raw``): a version before it bumped, a title after it ours."""
    before, after = raw[: found.start], raw[found.end :]
    if _VERSIONED.search(before):
        before = _VERSIONED.sub(next_version(others), before, count=1)
    closing = re.match(r"[\])}*_`]*", after)
    kept = closing.group(0) if closing else ""
    rest = after[len(kept) :]
    separator = re.match(r"[ \t]*[—–:：|-]+[ \t]*|[ \t]+", rest)
    if rest.strip() and separator:
        kept += separator.group(0) + _TITLE.get(language, _TITLE["en"])
    return before, kept


def _added_heading(lines: Lines, headings: list[Heading], dated: list[Heading]) -> str | None:
    """The "### Added" line the dated sections file their additions under, if they do."""
    under = {h.line for h in dated}
    for heading in headings:
        parent = max((line for line in under if line < heading.line), default=None)
        if parent is not None and heading.title.strip().lower() == "added":
            return lines[heading.line]
    return None


def _bullet(lines: Lines, headings: list[Heading], dated: list[Heading]) -> str:
    """The bullet the dated sections' lines start with ("- ", "* ")."""
    found: Counter[str] = Counter()
    for heading in dated:
        for index in range(heading.body, section_extent(lines.contents, headings, heading)):
            if match := _BULLET.match(lines[index]):
                found[match.group("b")] += 1
    return found.most_common(1)[0][0] if found else "- "


def _merge(
    lines: Lines,
    headings: list[Heading],
    heading: Heading,
    entry: ChangelogEntry,
    language: str,
    bullet: str,
) -> str:
    """Count the batch in the summary bullet of that day's section (its "### Added" too),
    or add its lines there."""
    end = section_extent(lines.contents, headings, heading)
    for index in range(heading.body, end):
        summary = find_summary(lines[index])
        if summary is not None:
            text, sentence = merge_summary(lines[index], summary, entry, language, markdown)
            lines.replace(index, text)
            return f"update the changelog section of {heading.title}: {sentence}"
    last = max(
        (i for i in range(heading.body, end) if _BULLET.match(lines[i])), default=heading.body
    )
    added = [bullet + markdown(line) for line in content_lines(entry, language)]
    lines.insert(last + 1, added)
    return f"update the changelog section of {heading.title}: {' '.join(added)}"
