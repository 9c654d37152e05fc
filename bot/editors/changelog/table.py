"""The ``markdown-table`` changelog: a row in an "Update Log" table.

``| Version | Time | Update Content |``: the next version after the highest
``V16`` is ``V17``, multi-line content is joined by the table's own ``<br/>``,
and the row goes newest-first or newest-last as the table is. Column roles come
from the header (in English or Chinese), widths and padding from the rows.
A section without a table gets one, starting at ``V1``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from bot.editors.changelog.entry import (
    ChangelogEntry,
    content_lines,
    merged_text,
    newest_first,
    next_version,
)
from bot.editors.dates import DateFormat, detect_format, find_date
from bot.editors.lines import Lines, indent_of, render_lines
from bot.render import Renderer
from bot.text.escaping import markdown

TABLE_TEMPLATE = "changelog-table-row.md.j2"


def _split_cells(row: str) -> list[str]:
    """A table row's raw cells split on unescaped pipes (outer empty pieces kept)."""
    return re.split(r"(?<!\\)\|", row)


_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$")
_ROLES = (
    ("version", re.compile(r"version|版本|release", re.IGNORECASE)),
    ("date", re.compile(r"time|date|时间|日期|when", re.IGNORECASE)),
    ("content", re.compile(r"content|update|change|note|内容|更新|说明", re.IGNORECASE)),
)


def _roles(header: Sequence[str]) -> list[str]:
    roles: list[str] = []
    for cell in header:
        role = next(
            (name for name, pattern in _ROLES if pattern.search(cell) and name not in roles), ""
        )
        roles.append(role)
    if "content" not in roles:
        defaults = {3: ["version", "date", "content"], 2: ["date", "content"]}.get(len(header))
        if defaults:
            roles = defaults
        elif roles:
            roles[-1] = "content"
    return roles


@dataclass
class _Table:
    header: int  # line index
    rows: list[int]
    inner: list[int]  # indexes of the content pieces within _split_cells(row)
    roles: list[str]
    widths: list[int]
    outer_left: bool
    outer_right: bool


def _find_table(lines: Lines, start: int, end: int) -> _Table | None:
    for index in range(start, end - 1):
        if lines[index].lstrip().startswith("|") and _SEPARATOR.match(lines[index + 1]):
            pieces = _split_cells(lines[index].strip())
            left, right = pieces[0].strip() == "", pieces[-1].strip() == ""
            inner = list(range(1 if left else 0, len(pieces) - (1 if right else 0)))
            rows = []
            for row in range(index + 2, end):
                if not lines[row].lstrip().startswith("|") and "|" not in lines[row]:
                    break
                if not lines[row].strip():
                    break
                rows.append(row)
            separator = _split_cells(lines[index + 1].strip())
            widths = [len(separator[i]) if i < len(separator) else 0 for i in inner]
            roles = _roles([pieces[i].strip() for i in inner])
            return _Table(index, rows, inner, roles, widths, left, right)
    return None


def _cell(lines: Lines, table: _Table, row: int, role: str) -> str:
    pieces = _split_cells(lines[row])
    try:
        position = table.inner[table.roles.index(role)]
    except (ValueError, IndexError):
        return ""
    return pieces[position].strip() if position < len(pieces) else ""


def _table_layout(lines: Lines, table: _Table, neighbour: int | None) -> dict[str, Any]:
    """The table's cell layout; the new row's cell widths are copied from ``neighbour``
    (the row it goes next to) where that row pads its cells, else from the separator."""
    padded_votes, spaced_votes = [], []
    for row in table.rows:
        pieces = _split_cells(lines[row])
        for column, position in enumerate(table.inner):
            if position >= len(pieces) or table.roles[column] == "content":
                continue
            raw = pieces[position]
            spaced_votes.append(raw.startswith(" "))
            padded_votes.append(len(raw) == table.widths[column] or raw.endswith("  "))
    widths = list(table.widths)
    if neighbour is not None:
        pieces = _split_cells(lines[neighbour])
        for column, position in enumerate(table.inner):
            if position < len(pieces) and pieces[position].endswith("  "):
                widths[column] = len(pieces[position])
    return {
        "roles": table.roles,
        "widths": widths,
        "padded": bool(padded_votes) and Counter(padded_votes).most_common(1)[0][0],
        "spaced": not spaced_votes or Counter(spaced_votes).most_common(1)[0][0],
        "outer_left": table.outer_left,
        "outer_right": table.outer_right,
        "br": _br_style(lines, table),
    }


def _br_style(lines: Lines, table: _Table) -> str:
    found = Counter(m.group(0) for row in table.rows for m in re.finditer(r"<br\s*/?>", lines[row]))
    return found.most_common(1)[0][0] if found else "<br/>"


def edit(
    lines: Lines,
    start: int,
    end: int,
    entry: ChangelogEntry,
    language: str,
    renderer: Renderer,
    policy: str = "bump",
) -> str:
    """Add the entry's row to the table in ``lines[start:end]`` (or a table, if none)."""
    table = _find_table(lines, start, end)
    date_format = DateFormat("numeric", "/", True)
    dates: list[dt.date | None] = []
    if table is None:
        version = "V1"
        layout: dict[str, Any] = {
            "roles": ["version", "date", "content"],
            "widths": [0, 0, 0],
            "padded": False,
            "spaced": True,
            "outer_left": True,
            "outer_right": True,
            "br": "<br/>",
        }
    else:
        date_cells = [_cell(lines, table, row, "date") for row in table.rows]
        date_format = detect_format(date_cells, date_format)
        dates = [f.date if f else None for f in (find_date(c) for c in date_cells)]
        first = bool(table.rows) and newest_first(dates)
        neighbour = (table.rows[0] if first else table.rows[-1]) if table.rows else None
        layout = _table_layout(lines, table, neighbour)
        for row, row_date, day in zip(table.rows, dates, date_cells, strict=True):
            if row_date == entry.date and "content" in table.roles:
                md = markdown
                sentence = _update_row(lines, table, row, layout, entry, language, md)
                version = _cell(lines, table, row, "version")
                return f"update the changelog entry {version} of {day}: {sentence}"
        version = next_version(_cell(lines, table, row, "version") for row in table.rows)
        if policy == "none":
            version = ""  # an update line: the survey's versions stay its own
    date_text = date_format.format(entry.date)
    content = content_lines(entry, language)
    new = render_lines(
        TABLE_TEMPLATE,
        renderer,
        new_table=table is None,
        language=language,
        version=version,
        date=date_text,
        lines=content,
        layout=layout,
    )
    if table is None:
        lines.append_block(start, end, new)
        return f"add a changelog table with V1 ({date_text}): {' '.join(content)}"
    indent = indent_of(lines[table.header])
    new = [indent + line for line in new]
    if table.rows and newest_first(dates):
        lines.insert(table.rows[0], new)
    else:
        lines.insert((table.rows[-1] if table.rows else table.header + 1) + 1, new)
    label = f"{version} " if version else ""
    return f"add changelog entry {label}({date_text}): {' '.join(content)}"


def _update_row(
    lines: Lines,
    table: _Table,
    row: int,
    layout: dict[str, Any],
    entry: ChangelogEntry,
    language: str,
    md: Callable[[str], str],
) -> str:
    """Merge the batch into the content cell of the same day's ``row``; returns the sentence."""
    pieces = _split_cells(lines[row])
    position = table.inner[table.roles.index("content")]
    raw = pieces[position]
    lead = raw[: len(raw) - len(raw.lstrip())] or (" " if layout["spaced"] else "")
    width = table.widths[table.roles.index("content")]
    merged, sentence = merged_text(raw.strip(), entry, language, md, layout["br"])
    cell = lead + merged
    if layout["padded"] and len(cell) < width:
        cell = cell.ljust(width)
    elif layout["spaced"]:
        cell += " "
    pieces[position] = cell
    lines.replace(row, "|".join(pieces))
    return sentence
