"""Draft one changelog entry per batch, in the changelog's own format.

Three formats:

* ``markdown-table``: an "Update Log" table (``| Version | Time | Update Content |``);
  the next version after the highest ``V16`` is ``V17``, multi-line content is
  joined by ``<br/>``, the row goes newest-first or newest-last as the table is.
* ``bullets``: lines like ``• 2023 年 4 月 9 日更新:添加了……`` or
  ``• Update on April 9, 2023: ...``, in the style of the existing bullets.
* ``yaml``: a data file holding a list of ``{date, version, changes}`` mappings.

A second batch on the same day updates that day's entry (adding up the paper
count, merging the sections) instead of adding another. The date is an input:
the editor never reads the clock.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from bot.config import CHANGELOG_FORMATS
from bot.editors.common import markdown_unescape
from bot.editors.dates import DateFormat, detect_format, find_date
from bot.editors.lines import Lines, indent_of, render_lines
from bot.editors.result import EditResult, NoChange, finish
from bot.editors.sections import find_headings, resolve_heading, section_end
from bot.errors import EditError
from bot.models import PaperItem
from bot.render import Renderer
from bot.text.escaping import markdown, yaml_scalar

TABLE_TEMPLATE = "changelog-table-row.md.j2"
BULLET_TEMPLATE = "changelog-bullet.md.j2"
YAML_TEMPLATE = "changelog.yml.j2"


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
    """ "Add 3 papers suggested by readers to Section A and Section B." (or the Chinese)."""
    if language == "zh":
        where = f"到{_join([f'“{s}”' for s in sections], 'zh')}部分" if sections else ""
        return f"添加了读者建议的 {papers} 篇论文{where}。"
    noun = "paper" if papers == 1 else "papers"
    where = f" to {_join([f'Section {s}' for s in sections], 'en')}" if sections else ""
    return f"Add {papers} {noun} suggested by readers{where}."


_EN_SUMMARY = re.compile(
    r"Add (?P<n>\d+) papers? suggested by readers(?: to (?P<where>.+?))?\.(?=\s|$|<br|\|)"
)
_ZH_SUMMARY = re.compile(
    r"添加了读者建议的\s*(?P<n>\d+)\s*篇论文(?:到(?P<where>(?:“[^”]*”[、和]?)+)部分)?。?"
)


@dataclass(frozen=True)
class _Summary:
    papers: int
    sections: tuple[str, ...]
    start: int
    end: int


def find_summary(text: str, *, markdown: bool = True) -> _Summary | None:
    """The bot's own summary sentence in ``text`` (either language), with its span."""
    unescape = markdown_unescape if markdown else (lambda s: s)
    found = _EN_SUMMARY.search(text)
    if found:
        where = found.group("where") or ""
        parts = re.split(r",\s+(?=Section )|\s+and\s+(?=Section )", where) if where else []
        sections = tuple(unescape(p.removeprefix("Section ").strip()) for p in parts if p.strip())
        return _Summary(int(found.group("n")), sections, found.start(), found.end())
    found = _ZH_SUMMARY.search(text)
    if found:
        sections = tuple(unescape(s) for s in re.findall(r"“([^”]*)”", found.group("where") or ""))
        return _Summary(int(found.group("n")), sections, found.start(), found.end())
    return None


def _merge(old: _Summary, entry: ChangelogEntry) -> tuple[int, tuple[str, ...]]:
    sections = list(old.sections)
    for section in entry.sections:
        if section not in sections:
            sections.append(section)
    return old.papers + entry.papers, tuple(sections)


def _content_lines(entry: ChangelogEntry, language: str) -> list[str]:
    lines = [summary(entry.papers, entry.sections, language)] if entry.papers else []
    return lines + [n for n in entry.notes if n.strip()]


def _merged_text(
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
        papers, sections = _merge(found, entry)
        sentence = summary(papers, sections, language)
        new = existing[: found.start] + esc(sentence) + existing[found.end :]
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


_VERSION = re.compile(r"(?P<prefix>[vV]?)(?P<major>\d+)(?:\.(?P<minor>\d+))?")


def next_version(cells: Iterable[str]) -> str:
    """``V17`` after ``V16`` (``v1.3`` after ``v1.2``); ``V1`` when there is none."""
    best: tuple[int, int] | None = None
    prefix, dotted = "V", False
    for cell in cells:
        found = _VERSION.search(cell or "")
        if not found:
            continue
        minor = found.group("minor")
        number = (int(found.group("major")), int(minor) if minor else -1)
        if best is None or number > best:
            best, prefix, dotted = number, found.group("prefix"), minor is not None
    if best is None:
        return "V1"
    if dotted:
        return f"{prefix}{best[0]}.{best[1] + 1}"
    return f"{prefix}{best[0] + 1}"


def _newest_first(dates: Sequence[dt.date | None]) -> bool:
    known = [d for d in dates if d]
    return len(known) >= 2 and known[0] > known[-1]


# --------------------------------------------------------------------------- table


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


def _table_layout(lines: Lines, table: _Table) -> dict[str, Any]:
    padded_votes, spaced_votes = [], []
    for row in table.rows:
        pieces = _split_cells(lines[row])
        for column, position in enumerate(table.inner):
            if position >= len(pieces) or table.roles[column] == "content":
                continue
            raw = pieces[position]
            spaced_votes.append(raw.startswith(" "))
            padded_votes.append(len(raw) == table.widths[column])
    return {
        "roles": table.roles,
        "widths": table.widths,
        "padded": bool(padded_votes) and Counter(padded_votes).most_common(1)[0][0],
        "spaced": not spaced_votes or Counter(spaced_votes).most_common(1)[0][0],
        "outer_left": table.outer_left,
        "outer_right": table.outer_right,
        "br": _br_style(lines, table),
    }


def _br_style(lines: Lines, table: _Table) -> str:
    found = Counter(m.group(0) for row in table.rows for m in re.finditer(r"<br\s*/?>", lines[row]))
    return found.most_common(1)[0][0] if found else "<br/>"


def _edit_table(
    lines: Lines,
    start: int,
    end: int,
    entry: ChangelogEntry,
    language: str,
    renderer: Renderer,
) -> str:
    table = _find_table(lines, start, end)
    default_format = DateFormat("numeric", "/", True)
    if table is None:
        content = _content_lines(entry, language)
        layout: dict[str, Any] = {
            "roles": ["version", "date", "content"],
            "widths": [0, 0, 0],
            "padded": False,
            "spaced": True,
            "outer_left": True,
            "outer_right": True,
            "br": "<br/>",
        }
        new = render_lines(
            TABLE_TEMPLATE,
            renderer,
            new_table=True,
            language=language,
            version="V1",
            date=default_format.format(entry.date),
            lines=content,
            layout=layout,
        )
        lines.append_block(start, end, new)
        day = default_format.format(entry.date)
        return f"add a changelog table with V1 ({day}): {' '.join(content)}"
    date_cells = [_cell(lines, table, row, "date") for row in table.rows]
    date_format = detect_format(date_cells, default_format)
    dates = [f.date if f else None for f in (find_date(c) for c in date_cells)]
    layout = _table_layout(lines, table)
    md = markdown
    for row, row_date in zip(table.rows, dates, strict=True):
        if row_date == entry.date and "content" in table.roles:
            pieces = _split_cells(lines[row])
            position = table.inner[table.roles.index("content")]
            raw = pieces[position]
            lead = raw[: len(raw) - len(raw.lstrip())] or (" " if layout["spaced"] else "")
            width = table.widths[table.roles.index("content")]
            merged, sentence = _merged_text(raw.strip(), entry, language, md, layout["br"])
            cell = lead + merged
            if layout["padded"] and len(cell) < width:
                cell = cell.ljust(width)
            elif layout["spaced"]:
                cell += " "
            pieces[position] = cell
            lines.replace(row, "|".join(pieces))
            version = _cell(lines, table, row, "version")
            day = date_cells[table.rows.index(row)]
            return f"update the changelog entry {version} of {day}: {sentence}"
    version = next_version(_cell(lines, table, row, "version") for row in table.rows)
    date_text = date_format.format(entry.date)
    content = _content_lines(entry, language)
    new = render_lines(
        TABLE_TEMPLATE,
        renderer,
        new_table=False,
        language=language,
        version=version,
        date=date_text,
        lines=content,
        layout=layout,
    )
    indent = indent_of(lines[table.header])
    new = [indent + line for line in new]
    if table.rows and _newest_first(dates):
        lines.insert(table.rows[0], new)
    else:
        lines.insert((table.rows[-1] if table.rows else table.header + 1) + 1, new)
    return f"add changelog entry {version} ({date_text}): {' '.join(content)}"


# --------------------------------------------------------------------------- bullets


_BULLET = re.compile(
    r"^(?P<indent>[ \t]*)(?P<bullet>[•·\-*+])(?P<gap>[ \t]*)(?P<content>\S.*?)[ \t]*$"
)
_AFTER_DATE = re.compile(r"^[^:：\n]{0,40}?[:：][ \t]*")


@dataclass
class _Bullet:
    line: int
    indent: str
    bullet: str
    gap: str
    content: str
    date: dt.date
    before: str
    after: str
    text_start: int  # offset of the entry's own text in content


def _bullets(lines: Lines, start: int, end: int) -> list[_Bullet]:
    found = []
    for index in range(start, end):
        match = _BULLET.match(lines[index])
        if not match:
            continue
        content = match.group("content")
        date = find_date(content)
        if not date or date.start > 40:
            continue
        after = _AFTER_DATE.match(content[date.end :])
        after_text = after.group(0) if after else " "
        found.append(
            _Bullet(
                index,
                match.group("indent"),
                match.group("bullet"),
                match.group("gap"),
                content,
                date.date,
                content[: date.start],
                after_text,
                date.end + (after.end() if after else 0),
            )
        )
    return found


def _pick_words(bullets: Sequence[_Bullet], language: str) -> tuple[str, str]:
    scores: dict[tuple[str, str], float] = {}
    for b in bullets:
        bonus = 0.5 if re.search(r"update|更新", b.before + b.after, re.IGNORECASE) else 0
        words = (b.before, b.after)
        scores[words] = scores.get(words, 0) + 1 + bonus
    if scores:
        return max(scores, key=scores.__getitem__)  # the first seen wins a tie
    return ("", "更新：") if language == "zh" else ("Update on ", ": ")


def _edit_bullets(
    lines: Lines,
    start: int,
    end: int,
    entry: ChangelogEntry,
    language: str,
    renderer: Renderer,
) -> str:
    bullets = _bullets(lines, start, end)
    default = DateFormat("zh", spaced=True) if language == "zh" else DateFormat("mdy", comma=True)
    date_format = detect_format((b.content for b in bullets), default)
    md = markdown
    for b in bullets:
        if b.date == entry.date:
            own = b.content[b.text_start :]
            merged, sentence = _merged_text(own, entry, language, md, "")
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
    content = _content_lines(entry, language)
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
        language=language,
    )
    spaced = len(bullets) >= 2 and all(not lines[b.line - 1].strip() for b in bullets[1:])
    if bullets:
        if _newest_first([b.date for b in bullets]):
            lines.insert(bullets[0].line, new + ([""] if spaced else []))
        else:
            lines.insert(bullets[-1].line + 1, ([""] if spaced else []) + new)
    else:
        lines.append_block(start, end, new)
    return f"add changelog entry of {date_text}: {' '.join(content)}"


# --------------------------------------------------------------------------- yaml


_DATE_KEYS = ("date", "time", "day")
_VERSION_KEYS = ("version", "release")
_CHANGE_KEYS = ("changes", "content", "updates", "items", "notes", "update")


def _mapping(node: yaml.Node) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(k.value).lower(): (k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode)}


def _last_line(node: yaml.Node) -> int:
    """0-based index of the last line holding ``node``'s text."""
    end = node.end_mark
    return end.line - 1 if end.column == 0 and end.line > node.start_mark.line else end.line


def _scalar_date(node: yaml.Node | None) -> dt.date | None:
    if not isinstance(node, yaml.ScalarNode):
        return None
    try:
        return dt.date.fromisoformat(str(node.value).strip()[:10])
    except ValueError:
        found = find_date(str(node.value))
        return found.date if found else None


def _edit_yaml(
    lines: Lines, entry: ChangelogEntry, language: str, renderer: Renderer
) -> str:
    text = lines.text()
    if any(ch in text for ch in "\x85\u2028\u2029") or re.search(r"\r(?!\n)", text):
        raise EditError("the changelog YAML uses unusual line breaks; edit it by hand")
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        raise EditError(f"the changelog is not valid YAML: {exc}") from exc
    sequence: yaml.Node | None = root
    if isinstance(root, yaml.MappingNode):
        lists = [v for _, v in root.value if isinstance(v, yaml.SequenceNode)]
        if len(lists) != 1:
            raise EditError(
                "the changelog YAML must be a list of entries, or a mapping with one list"
            )
        sequence = lists[0]
    if sequence is not None and not isinstance(sequence, yaml.SequenceNode):
        raise EditError("the changelog YAML must be a list of entries")
    items = list(sequence.value) if sequence is not None else []
    if sequence is not None and items and sequence.flow_style:
        raise EditError("the changelog YAML uses a flow-style list; use one entry per block")
    keys = {"date": "date", "version": "version", "changes": "changes"}
    mappings = [_mapping(item) for item in items]
    for present in mappings:
        for role, names in (
            ("date", _DATE_KEYS),
            ("version", _VERSION_KEYS),
            ("changes", _CHANGE_KEYS),
        ):
            for name in names:
                if name in present:
                    keys[role] = str(present[name][0].value)
                    break
    has_version = not items or any(keys["version"].lower() in m for m in mappings)
    dates = [_scalar_date(m.get(keys["date"].lower(), (None, None))[1]) for m in mappings]

    for present, day in zip(mappings, dates, strict=True):
        if day != entry.date:
            continue
        changes = present.get(keys["changes"].lower(), (None, None))[1]
        if not isinstance(changes, yaml.SequenceNode) or changes.flow_style:
            break
        for change in changes.value:
            if isinstance(change, yaml.ScalarNode):
                found = find_summary(str(change.value), markdown=False)
                if found:
                    papers, sections = _merge(found, entry)
                    sentence = summary(papers, sections, language)
                    value = str(change.value)
                    merged = value[: found.start] + sentence + value[found.end :]
                    line = change.start_mark.line
                    if _last_line(change) != line:
                        raise EditError(
                            "the changelog YAML entry spans several lines; edit it by hand"
                        )
                    old = lines[line]
                    lines.replace(
                        line,
                        old[: change.start_mark.column]
                        + yaml_scalar(merged)
                        + old[change.end_mark.column :],
                    )
                    for note in entry.notes:
                        _yaml_append_change(lines, changes, note)
                    return f"update the changelog entry of {entry.date.isoformat()}: {sentence}"
        for line_text in _content_lines(entry, language):
            _yaml_append_change(lines, changes, line_text)
        added = " ".join(_content_lines(entry, language))
        return f"update the changelog entry of {entry.date.isoformat()}: {added}"

    content = _content_lines(entry, language)
    if items:
        first_line = lines[items[0].start_mark.line]
        dash = first_line.index("-") if "-" in first_line[: items[0].start_mark.column] else 0
        key_indent = " " * (items[0].start_mark.column - dash)
        changes_node = mappings[0].get(keys["changes"].lower(), (None, None))[1]
        if isinstance(changes_node, yaml.SequenceNode) and changes_node.value:
            first_change = changes_node.value[0]
            change_line = lines[first_change.start_mark.line]
            change_dash = change_line.rfind("-", 0, first_change.start_mark.column)
            list_indent = " " * max(0, change_dash - items[0].start_mark.column)
        else:
            list_indent = "  "
        indent = " " * dash
    else:
        indent, key_indent, list_indent = "", "  ", "  "
    version_nodes = [m.get(keys["version"].lower(), (None, None))[1] for m in mappings]
    version = next_version(
        str(node.value) for node in version_nodes if isinstance(node, yaml.ScalarNode)
    )
    new = render_lines(
        YAML_TEMPLATE,
        renderer,
        indent=indent,
        key_indent=key_indent,
        list_indent=list_indent,
        keys=keys,
        date=entry.date.isoformat(),
        version=version if has_version else None,
        changes=content,
    )
    if not items:
        position = len(lines)
        if isinstance(root, yaml.MappingNode) and sequence is not None:
            position = _last_line(sequence) + 1
        elif root is not None and isinstance(sequence, yaml.SequenceNode):
            position = len(lines)
        lines.insert(position, new)
    elif _newest_first(dates):
        lines.insert(items[0].start_mark.line, new)
    else:
        lines.insert(_last_line(items[-1]) + 1, new)
    label = f"{version} " if has_version else ""
    return f"add changelog entry {label}({entry.date.isoformat()}): {' '.join(content)}"


def _yaml_append_change(lines: Lines, changes: yaml.SequenceNode, text: str) -> None:
    last = changes.value[-1] if changes.value else None
    if last is None:
        raise EditError("the changelog YAML entry has an empty list of changes; edit it by hand")
    first = changes.value[0]
    dash = lines[first.start_mark.line].rfind("-", 0, first.start_mark.column)
    prefix = " " * dash + "-" + " " * (first.start_mark.column - dash - 1)
    lines.insert(_last_line(last) + 1, [prefix + yaml_scalar(text)])


# --------------------------------------------------------------------------- entry point


def add_changelog_entry(
    text: str,
    entry: ChangelogEntry,
    fmt: str = "markdown-table",
    heading: str | None = "Update Log",
    language: str = "en",
    *,
    renderer: Renderer,
) -> EditResult:
    """Add (or update, on the same day) the batch's changelog entry in ``text``."""
    if fmt not in CHANGELOG_FORMATS:
        formats = ", ".join(CHANGELOG_FORMATS)
        raise EditError(f"unknown changelog format {fmt!r}; expected one of {formats}")
    if not entry.papers and not any(n.strip() for n in entry.notes):
        return NoChange(text=text, reason="nothing to log")
    lines = Lines.parse(text)
    if fmt == "yaml":
        change = _edit_yaml(lines, entry, language, renderer)
    else:
        headings = find_headings(lines.contents)
        found = resolve_heading(headings, heading or "Update Log", what="changelog heading")
        start, end = found.body, section_end(lines.contents, headings, found)
        if fmt == "markdown-table":
            change = _edit_table(lines, start, end, entry, language, renderer)
        else:
            change = _edit_bullets(lines, start, end, entry, language, renderer)
    return finish(text, lines.text(), [change], [], [entry], reason="changelog already up to date")
