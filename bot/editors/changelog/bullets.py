"""The ``bullets`` changelog: one dated line per batch, in the style of the existing bullets.

Lines like ``• 2023 年 4 月 9 日更新:添加了……`` or ``• Update on April 9, 2023: ...``:
the bullet character, indentation, date format and the words around the date
("Update on ", "更新：") are copied from the bullets already under the heading,
and the new bullet goes newest-first or newest-last as they do.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from bot.editors.changelog.entry import ChangelogEntry, content_lines, merged_text, newest_first
from bot.editors.dates import detect_format, find_date, prose_format
from bot.editors.lines import Lines, render_lines
from bot.editors.two_digit_years import two_digit_years
from bot.errors import EditError
from bot.render import Renderer
from bot.text.escaping import markdown

BULLET_TEMPLATE = "changelog-bullet.md.j2"


_BULLET = re.compile(
    r"^(?P<indent>[ \t]*)(?P<bullet>[•·\-*+])(?P<gap>[ \t]*)(?P<content>\S.*?)[ \t]*$"
)
# What follows the date up to the entry's own text: the date's closing markup ("]**"),
# then a label of three words at most up to a colon that is not inside a link ("2023 年
# 4 月 9 日更新：", "[2024-05-01] News: "); more words before a colon begin the entry's
# own sentence ("**[2024-03]** We release a new paper: ...").
_AFTER_DATE = re.compile(r"^[\])*_`]*(?:[ \t]*(?:[^\s:：\[\]()]+[ \t]*){0,3}[:：])?[ \t]*")
# Emphasis markers, to see which a line opens before its own text and leaves open.
_EMPHASIS = re.compile(r"\*\*|__|\*")


@dataclass
class _Bullet:
    line: int
    indent: str
    bullet: str
    gap: str
    content: str
    date: dt.date
    monthly: bool  # dated by the month: a line of its own for each batch
    before: str
    after: str
    text_start: int  # offset of the entry's own text in content


def _matches(lines: Lines, start: int, end: int) -> list[tuple[int, re.Match[str]]]:
    return [(index, m) for index in range(start, end) if (m := _BULLET.match(lines[index]))]


def _bullets(lines: Lines, start: int, end: int, two_digit: str | None) -> list[_Bullet]:
    found = []
    for index, match in _matches(lines, start, end):
        content = match.group("content")
        date = find_date(content, months=True, two_digit=two_digit)
        if not date or date.start > 40:
            continue
        after = _AFTER_DATE.match(content[date.end :])
        after_text = after.group(0) if after and after.group(0) else " "
        found.append(
            _Bullet(
                index,
                match.group("indent"),
                match.group("bullet"),
                match.group("gap"),
                content,
                date.date,
                date.format.monthly,
                content[: date.start],
                after_text,
                date.end + (after.end() if after else 0),
            )
        )
    return found


# Words of a line that logs an addition to the list, not other news ("Add 14 papers").
_LOGS = re.compile(r"\b(?:add(?:ed|s)?|updated?|updates)\b|添加|新增|更新", re.IGNORECASE)


def _the_log(bullets: Sequence[_Bullet]) -> list[_Bullet]:
    """The dated bullets of the update log. Where they sit at several depths (a news item
    on top, "- Update Log" over its own dated lines), the depth whose lines log additions."""
    depths: dict[str, list[_Bullet]] = {}
    for b in bullets:
        depths.setdefault(b.indent, []).append(b)

    def logs(group: list[_Bullet]) -> int:
        return sum(1 + 2 * bool(_LOGS.search(b.content[b.text_start :])) for b in group)

    return max(depths.values(), key=logs) if depths else []


def _pick_words(bullets: Sequence[_Bullet], language: str) -> tuple[str, str]:
    scores: dict[tuple[str, str], float] = {}
    for b in bullets:
        bonus = 0.5 if re.search(r"update|更新", b.before + b.after, re.IGNORECASE) else 0
        words = (b.before, b.after)
        scores[words] = scores.get(words, 0) + 1 + bonus
    if scores:
        return max(scores, key=scores.__getitem__)  # the first seen wins a tie
    return ("", "更新：") if language == "zh" else ("Update on ", ": ")


def _unclosed(prefix: str) -> str:
    """What closes the emphasis that ``prefix`` (a line up to its own text) leaves open:
    "**" for "**2024-03-05 ", whose line is bold to its end; "" for "**[2024-03]** "."""
    open_markers: list[str] = []
    for marker in _EMPHASIS.findall(prefix):
        if open_markers and open_markers[-1] == marker:
            open_markers.pop()
        else:
            open_markers.append(marker)
    return "".join(reversed(open_markers))


def edit(
    lines: Lines,
    start: int,
    end: int,
    entry: ChangelogEntry,
    language: str,
    renderer: Renderer,
    policy: str = "bump",
) -> str:
    """Add the entry's bullet under the heading (``lines[start:end]``), or update that day's."""
    contents = [match.group("content") for _, match in _matches(lines, start, end)]
    years = two_digit_years(contents, entry.date)
    two_digit = years.kind if years else None
    bullets = _the_log(_bullets(lines, start, end, two_digit))
    if years and not two_digit and not bullets:
        raise EditError(f"changelog: {years.unread()}; write the day's line by hand")
    default = prose_format(language)
    date_format = detect_format((b.content for b in bullets), default, True, two_digit)
    md = markdown
    for b in bullets:
        if b.date == entry.date and not b.monthly:
            own = b.content[b.text_start :]
            merged, sentence = merged_text(own, entry, language, md, "")
            line = lines[b.line]
            offset = line.index(b.content) + b.text_start
            tail = line[offset + len(own) :]
            lines.replace(b.line, line[:offset] + merged + tail)
            return f"update the changelog entry of {date_format.format(entry.date)}: {sentence}"
    before, after = _pick_words(bullets, language)
    if bullets:
        indent = Counter(b.indent for b in bullets).most_common(1)[0][0]
        bullet = Counter(b.bullet for b in bullets).most_common(1)[0][0]
        gap = Counter(b.gap for b in bullets).most_common(1)[0][0]
    else:
        indent, bullet, gap = "", "-", " "
    date_text = date_format.format(entry.date)
    content = content_lines(entry, language)
    new = render_lines(
        BULLET_TEMPLATE,
        renderer,
        indent=indent,
        bullet=bullet,
        gap=gap,
        before=before,
        date=date_text,
        after=after,
        lines=content,
        closing=_unclosed(before + after),
        language=language,
    )
    spaced = len(bullets) >= 2 and all(not lines[b.line - 1].strip() for b in bullets[1:])
    if bullets:
        # (one dated bullet shows no order: news go newest first, as README news do)
        if newest_first([b.date for b in bullets], alone=True):
            lines.insert(bullets[0].line, new + ([""] if spaced else []))
        else:
            lines.insert(bullets[-1].line + 1, ([""] if spaced else []) + new)
    else:
        lines.append_block(start, end, new)
    return f"add changelog entry of {date_text}: {' '.join(content)}"
