"""Add papers to a Markdown paper list, in the list's own entry style.

The section is found by its heading (matched forgivingly); the entry style is
read from the neighbouring items: the marker (``1.`` everywhere, explicit
numbers, or a bullet), indentation, ``<u>Name</u>:`` prefixes, how the title is
set (``**"Title"**``, ``**Title**``, ``[Title](url)``), ``*Author et al.*`` versus
``*Author et al*.``, and the paper link (``[[Paper](url)]``). The new line is
rendered by ``list-entry.md.j2`` and appended after the section's last item, so
an explicitly numbered list usually needs no renumbering; when the numbering
continues into later sections, only that tail is renumbered.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from bot.editors.common import describe_record, mode, paper_url, record_ids
from bot.editors.lines import Lines, indent_of, render_lines
from bot.editors.result import EditResult, finish
from bot.editors.sections import (
    Heading,
    find_headings,
    resolve_heading,
    section_end,
    section_extent,
)
from bot.errors import EditError
from bot.identifiers import find_arxiv_ids, find_dois, normalize_arxiv
from bot.models import PaperItem, Skipped
from bot.render import Renderer
from bot.text.normalize import title_key

TEMPLATE = "list-entry.md.j2"

_ITEM = re.compile(
    r"^(?P<indent>[ \t]*)(?:(?P<num>\d{1,9})(?P<delim>[.)])|(?P<bullet>[-*+]))"
    r"(?P<gap>[ \t]+)(?P<content>\S.*)$"
)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


@dataclass(frozen=True)
class ListItem:
    line: int
    indent: str
    number: int | None
    delim: str  # "." / ")" for numbered items, the bullet character otherwise
    gap: str
    content: str

    @property
    def width(self) -> int:
        return len(self.indent.expandtabs(4))

    @property
    def delim_kind(self) -> str:
        return "number" if self.number is not None else self.delim


def _list_items(lines: Sequence[str], start: int, end: int) -> list[ListItem]:
    """List item lines in ``[start, end)``, outside fenced code."""
    found: list[ListItem] = []
    fence: str | None = None
    for index in range(start, end):
        line = lines[index]
        opened = _FENCE.match(line)
        if fence is not None:
            if opened and opened.group(1)[0] == fence[0]:
                fence = None
            continue
        if opened:
            fence = opened.group(1)
            continue
        match = _ITEM.match(line)
        if match and not re.match(
            r"^[ \t]*([-*_])([ \t]*\1){2,}[ \t]*$", line
        ):  # not a thematic break
            number = match.group("num")
            found.append(
                ListItem(
                    index,
                    match.group("indent"),
                    int(number) if number else None,
                    match.group("delim") or match.group("bullet"),
                    match.group("gap"),
                    match.group("content"),
                )
            )
    return found


def _top_level(items: Sequence[ListItem]) -> list[ListItem]:
    if not items:
        return []
    top = min(i.width for i in items)
    return [i for i in items if i.width == top]


def _item_end(lines: Sequence[str], item: ListItem, limit: int, top_width: int) -> int:
    """Index of the last line belonging to ``item`` (continuations and nested content)."""
    last = item.line
    blank_before = False
    for index in range(item.line + 1, limit):
        line = lines[index]
        if not line.strip():
            blank_before = True
            continue
        width = len(indent_of(line).expandtabs(4))
        match = _ITEM.match(line)
        if match and width <= top_width:
            break
        if width > top_width or not blank_before:
            last = index
            blank_before = False
            continue
        break
    return last


def _runs(lines: Sequence[str], top: Sequence[ListItem], limit: int) -> list[list[ListItem]]:
    """Top-level items grouped into separate lists (a paragraph between ends a list)."""
    runs: list[list[ListItem]] = []
    for item in top:
        if runs:
            previous = runs[-1][-1]
            end = _item_end(lines, previous, limit, previous.width)
            between = lines[end + 1 : item.line]
            if all(not line.strip() for line in between) and previous.delim_kind == item.delim_kind:
                runs[-1].append(item)
                continue
        runs.append([item])
    return runs


# --------------------------------------------------------------------------- style

_U_PREFIX = re.compile(r"^<u>[^<]*</u>\s*:\s*")
_TITLE_FORMS = (
    ("bold-quoted", re.compile(r'\*\*\s*"(?P<t>[^"]+)"\s*\*\*'), '**"', '"**'),
    ("bold-curly", re.compile(r"\*\*\s*“(?P<t>[^”]+)”\s*\*\*"), "**“", "”**"),
    ("bold", re.compile(r"\*\*(?P<t>[^*]+)\*\*"), "**", "**"),
    ("link", re.compile(r"^\[(?P<t>[^\]]+)\]\((?P<u>[^)\s]+)\)"), "[", "]"),
    ("quoted", re.compile(r'"(?P<t>[^"]+)"'), '"', '"'),
)
_AUTHORS = re.compile(r"\*(?P<a>[^*]+?)\*(?P<after>\.?)")
_PAPER_LINK = re.compile(
    r"(?P<open>\[?)\[(?P<label>[^\]]{1,20})\]\((?P<url>[^)\s]+)\)(?P<close>\]?)"
)
_YEAR = re.compile(r"\b(19|20)\d{2}\b")


def _item_title(content: str) -> str:
    body = _U_PREFIX.sub("", content)
    for _, pattern, _, _ in _TITLE_FORMS:
        found = pattern.search(body)
        if found:
            return found.group("t")
    return body  # a bare title: "- Some Title"


def detect_entry_style(items: Sequence[ListItem]) -> dict[str, Any]:
    """The entry layout the neighbouring ``items`` share (majority of each feature)."""
    contents = [i.content for i in items]
    forms, u_prefix, after_title, dot_inside, link_forms, link_tail = [], [], [], [], [], []
    bold_dot: list[bool] = []
    for content in contents:
        u_prefix.append(bool(_U_PREFIX.match(content)))
        body = _U_PREFIX.sub("", content)
        for name, pattern, _opener, _closer in _TITLE_FORMS:
            found = pattern.search(body)
            if found:
                forms.append(name)
                if name == "bold":
                    bold_dot.append(found.group("t").endswith("."))
                rest = body[found.end() :]
                if name == "link":
                    tail = rest.strip()
                    link_tail.append(
                        rest[: len(rest) - len(rest.lstrip(" -–—,.:"))] if tail else ""
                    )
                    break
                authors = _AUTHORS.match(rest.lstrip(" .,:;"))
                if authors:
                    after_title.append(rest[: len(rest) - len(rest.lstrip(" .,:;"))])
                    text = authors.group("a").rstrip()
                    if re.search(r"\bet al\.?$", text):
                        dot_inside.append(text.endswith("."))
                break
        else:
            forms.append("plain")  # "Title. *Author et al.* [[paper](...)]": no emphasis at all
        link = _PAPER_LINK.search(body if not forms or forms[-1] != "link" else "")
        if link:
            link_forms.append((link.group("open"), link.group("label"), link.group("close")))
    form = mode(forms, "bold-quoted")
    opener, closer = next(((o, c) for n, _, o, c in _TITLE_FORMS if n == form), ("", ""))
    if form == "bold" and mode(bold_dot, False):
        closer = ".**"  # "**Title.** *Author et al.*": the list closes titles inside the bold
    link_open, link_label, link_close = mode(link_forms, ("[", "Paper", "]"))
    tails = [t for t in link_tail if t]
    return {
        "title": form,
        "title_open": opener,
        "title_close": closer,
        "u_prefix": bool(mode(u_prefix, False)),
        "after_title": mode(after_title, " " if closer == ".**" else ". ") or " ",
        "dot_inside": bool(mode(dot_inside, True)),
        "link_open": link_open,
        "link_label": link_label,
        "link_close": link_close,
        "link_sep": mode(tails, " - ") if len(tails) * 2 > len(link_tail) else "",
    }


def _marker_kind(run: Sequence[ListItem], all_runs: Sequence[Sequence[ListItem]]) -> str:
    """ "ones" (``1.`` everywhere), "explicit" numbers, or "bullet"."""
    if run[0].number is None:
        return "bullet"
    numbers = [i.number for i in run]
    if len(numbers) >= 2:
        return "ones" if all(n == numbers[0] for n in numbers) else "explicit"
    others = [r for r in all_runs if len(r) >= 2 and r[0].number is not None]
    if others and all(all(i.number == r[0].number for i in r) for r in others):
        return "ones"
    return "explicit"


# --------------------------------------------------------------------------- rendering


def _short_name(title: str) -> str | None:
    """ "LLaMA" from "LLaMA: Open and Efficient ..." (for ``<u>Name</u>:`` prefixes)."""
    head, sep, _ = title.partition(":")
    head = head.strip()
    if sep and head and len(head) <= 40 and len(head.split()) <= 4:
        return head
    return None


def _venue(item: PaperItem) -> str:
    record = item.record
    for venue in (record.published_venue, record.venue):
        if venue and venue.strip():
            if re.match(r"^\s*(arxiv|corr)\b", venue, re.IGNORECASE):
                return "arXiv"
            return venue.strip()
    return "arXiv" if record.arxiv else ""


def render_entry(
    item: PaperItem,
    *,
    indent: str,
    marker: str,
    gap: str,
    style: dict[str, Any],
    renderer: Renderer,
) -> list[str]:
    record = item.record
    authors = [a for a in record.authors if a.strip()]
    return render_lines(
        TEMPLATE,
        renderer,
        indent=indent,
        marker=marker,
        gap=gap,
        style=style,
        title=record.title,
        short_name=_short_name(record.title),
        first_author=authors[0] if authors else "",
        more_authors=len(authors) > 1,
        venue=_venue(item),
        year=int(record.year) if record.year else None,
        url=paper_url(record),
    )


# --------------------------------------------------------------------------- editor


def resolve_section(text: str, requested: str) -> str:
    """The heading ``requested`` names (forgiving match), or ``EditError`` listing the choices."""
    return resolve_heading(find_headings(Lines.parse(text).contents), requested).title


@dataclass(frozen=True)
class Unplaced:
    """An item the list cannot take: its section is missing, unknown or ambiguous."""

    item: PaperItem
    why: str  # names the section asked for and the headings there are


def _heading_for(
    headings: Sequence[Heading], item: PaperItem, default_section: str | None
) -> Heading | Unplaced:
    requested = item.section or default_section
    if not requested:
        return Unplaced(
            item,
            "no section given and no default (set paper_list.section in .github/survey-bot.yml)",
        )
    try:
        return resolve_heading(headings, requested)
    except EditError as exc:
        return Unplaced(item, str(exc))


def split_by_section(
    text: str, items: Sequence[PaperItem], default_section: str | None
) -> tuple[list[PaperItem], list[Unplaced]]:
    """``items`` whose section ``text`` has, and an ``Unplaced`` for each of the others.

    A batch checks this first, so that one paper with a mistyped section is left
    out of every file (list, BibTeX, changelog) while the others go ahead.
    """
    headings = find_headings(Lines.parse(text).contents)
    placeable: list[PaperItem] = []
    unplaced: list[Unplaced] = []
    for item in items:
        found = _heading_for(headings, item, default_section)
        if isinstance(found, Unplaced):
            unplaced.append(found)
        else:
            placeable.append(item)
    return placeable, unplaced


def _already_listed(lines: Sequence[str], start: int, end: int, item: PaperItem) -> str | None:
    record = item.record
    arxiv, dois = record_ids(record)
    wanted_title = title_key(record.title)
    for ref in _list_items(lines, start, end):
        block = "\n".join(lines[ref.line : _item_end(lines, ref, end, ref.width) + 1])
        if arxiv and arxiv in {normalize_arxiv(a) for a in find_arxiv_ids(block)}:
            return f"its arXiv id is already listed (line {ref.line + 1})"
        if dois and dois & set(find_dois(block)):
            return f"its DOI is already listed (line {ref.line + 1})"
        listed = _item_title(ref.content)
        if wanted_title and listed and title_key(listed) == wanted_title:
            return f"its title is already listed (line {ref.line + 1})"
        if wanted_title and len(wanted_title) >= 20 and wanted_title in title_key(block):
            return f"its title is already listed (line {ref.line + 1})"
    return None


def _nearest_list(
    lines: Sequence[str], headings: Sequence[Heading], heading: Heading
) -> list[ListItem]:
    """A run of items to copy the style from: first list under ``heading``, else anywhere."""
    extent = section_extent(lines, headings, heading)
    for start, end in ((heading.body, extent), (0, len(lines))):
        top = _top_level(_list_items(lines, start, end))
        if top:
            runs = _runs(lines, top, end)
            return max(runs, key=len)
    return []


def _renumber_tail(lines: Lines, start: int, top_width: int, delim: str, expected: int) -> int:
    """Shift explicitly numbered items continuing the sequence after ``start``; returns count."""
    shifted = 0
    for item in _list_items(lines.contents, start, len(lines)):
        if item.width != top_width or item.number is None or item.delim != delim:
            continue
        if item.number != expected:
            break
        line = lines[item.line]
        prefix = len(item.indent)
        digits = str(item.number)
        lines.replace(item.line, line[:prefix] + str(expected + 1) + line[prefix + len(digits) :])
        expected += 1
        shifted += 1
    return shifted


def add_to_paper_list(
    text: str,
    items: Sequence[PaperItem],
    default_section: str | None,
    *,
    renderer: Renderer,
) -> EditResult:
    """Add each paper to its section's list (``item.section`` or ``default_section``).

    A paper whose section is missing, unknown or ambiguous is skipped, and the
    reason lists the file's headings; papers already in their section are
    skipped, not duplicated. The others go in.
    """
    lines = Lines.parse(text)
    changes: list[str] = []
    skipped: list[Skipped] = []
    added: list[PaperItem] = []
    for item in items:
        headings = find_headings(lines.contents)
        heading = _heading_for(headings, item, default_section)
        if isinstance(heading, Unplaced):
            skipped.append(Skipped(describe_record(item.record), heading.why))
            continue
        body_start, body_end = heading.body, section_end(lines.contents, headings, heading)
        extent = section_extent(lines.contents, headings, heading)
        duplicate = _already_listed(lines.contents, body_start, extent, item)
        if duplicate:
            why = f"{duplicate} in section {heading.title!r}"
            skipped.append(Skipped(describe_record(item.record), why))
            continue
        top = _top_level(_list_items(lines.contents, body_start, body_end))
        runs = _runs(lines.contents, top, body_end)
        renumbered = 0
        if runs:
            run = runs[-1]
            style = detect_entry_style(run)
            last = run[-1]
            kind = _marker_kind(run, runs)
            if kind == "bullet":
                marker = last.delim
            elif kind == "ones":
                marker = f"{run[0].number}{last.delim}"
            else:
                marker = f"{(last.number or 0) + 1}{last.delim}"
            gap = mode([i.gap for i in run], " ")
            new_lines = render_entry(
                item, indent=last.indent, marker=marker, gap=gap, style=style, renderer=renderer
            )
            position = _item_end(lines.contents, last, body_end, last.width) + 1
            loose = len(run) > 1 and all(not lines[b.line - 1].strip() for b in run[1:])
            block = ([""] if loose else []) + new_lines
            lines.insert(position, block)
            if kind == "explicit":
                renumbered = _renumber_tail(
                    lines, position + len(block), last.width, last.delim, (last.number or 0) + 1
                )
        else:
            neighbours = _nearest_list(lines.contents, headings, heading)
            style = detect_entry_style(neighbours)
            if neighbours:
                kind = _marker_kind(neighbours, [neighbours])
                delim = neighbours[0].delim
                marker = delim if kind == "bullet" else f"1{delim}"
                gap = mode([i.gap for i in neighbours], " ")
            else:
                marker, gap = "1.", " "
            new_lines = render_entry(
                item, indent="", marker=marker, gap=gap, style=style, renderer=renderer
            )
            lines.append_block(body_start, body_end, new_lines)
        change = f"add {describe_record(item.record)} to section {heading.title!r}"
        if renumbered:
            change += (
                f" (renumbered the {renumbered} item{'s' if renumbered != 1 else ''} after it)"
            )
        changes.append(change)
        added.append(replace(item, section=heading.title))
    return finish(text, lines.text(), changes, skipped, added, reason="no new papers for the list")
