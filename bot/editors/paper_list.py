"""Add papers to a Markdown paper list, in the list's own layout and order.

The list is read by ``bot.lists`` (the loader reads it the same way). For each
paper: the section is found by its heading, by a path (``Technique > 2024``)
or by an HTML table's category, among the sections that hold papers (or are
empty and meant to); the entry is written in the layout its neighbours share
(``bot.lists.layout``), filled with the paper's fields; it goes where the list's
order puts it (``bot.lists.order``: by date, by title, appended or prepended),
set off as the neighbours are set off from each other. An explicitly numbered
list gets the next number and the numbers that continue after it are shifted;
an HTML table's category cell grows its ``rowspan``. A survey that overrides
``list-entry.md.j2`` gets its own line for list items instead.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from bot.editors.common import describe_record, record_ids
from bot.editors.lines import Lines, render_lines
from bot.editors.result import EditResult, finish
from bot.editors.sections import (
    Heading,
    closest,
    find_headings,
    match_heading,
    paper_targets,
    resolve_heading,
    section_extent,
)
from bot.errors import EditError
from bot.identifiers import find_arxiv_ids, find_dois, normalize_arxiv
from bot.lists import layout, order
from bot.lists.blocks import Block, Container
from bot.lists.document import Item, PaperList, read_list
from bot.lists.entry import Entry, Fields
from bot.lists.record import fields_for
from bot.lists.votes import majority
from bot.models import Skipped
from bot.references.markdown import paper_containers
from bot.render import Renderer
from bot.suggestions import PaperItem
from bot.text.normalize import title_key

TEMPLATE = "list-entry.md.j2"
# The bundled layout for a file with no entry to learn from (and the values an
# overriding ``list-entry.md.j2`` gets).
_STYLE = {
    "title": "bold-quoted",
    "title_open": '**"',
    "title_close": '"**',
    "u_prefix": False,
    "after_title": ". ",
    "dot_inside": True,
    "link_open": "[",
    "link_label": "Paper",
    "link_close": "]",
    "link_sep": "",
}
_MARKER = re.compile(
    r"^(?P<indent>[ \t]*)(?:(?P<num>\d{1,9})(?P<delim>[.)])|(?P<bullet>[-*+]))(?P<gap>[ \t]+)"
)
_ROWSPAN = re.compile(r"(\browspan\s*=\s*[\"']?)(\d+)")


@dataclass(frozen=True)
class Target:
    """Where a paper goes: a section heading, and an HTML table category under it."""

    heading: Heading
    category: str | None = None

    @property
    def title(self) -> str:
        return self.category or self.heading.title


@dataclass(frozen=True)
class Unplaced:
    """An item the list cannot take: its section is missing, unknown or ambiguous."""

    item: PaperItem
    why: str  # names the section asked for and the closest sections there are


def resolve_section(text: str, requested: str) -> str:
    """The section ``requested`` names (forgiving match), or ``EditError`` saying why not."""
    return resolve_target(text, requested).title


def resolve_target(text: str, requested: str, document: PaperList | None = None) -> Target:
    """The paper section (or table category) ``requested`` names.

    ``EditError`` when there is none (naming the closest paper sections), when
    several match (naming their full paths) or when the heading holds something
    else than papers ("Acknowledgments", a figure, a table of contents).
    ``document`` is ``text`` already read, if the caller has it.
    """
    document = document or read_list(Lines.parse(text).contents)
    headings = find_headings(list(document.lines))
    targets = paper_targets(text, document)
    category = _category(document, headings, requested)
    if category is not None:
        return category
    found = match_heading(headings, requested)
    target_lines = {heading.line for heading in targets}
    if found and all(heading.line not in target_lines for heading in found):
        near = ", ".join(repr(name) for name in closest(targets, requested)) or "(none)"
        raise EditError(
            f"section {found[0].title!r} does not list papers; the closest paper sections: {near}"
        )
    found = [heading for heading in found if heading.line in target_lines]
    if len(found) == 1:
        return Target(found[0])
    if not found:
        resolve_heading(targets, requested)  # raises, naming the closest paper sections
    return Target(resolve_heading(headings, requested))  # several: raises with their paths


def _category(document: PaperList, headings: Sequence[Heading], requested: str) -> Target | None:
    """An HTML table category named ``requested`` (or ``Heading > Category``)."""
    parent, _, name = requested.rpartition(">")
    wanted = _plain(name)
    for container in document.containers:
        names = {block.category for block in container.blocks if block.category}
        for category in names:
            if _plain(category) != wanted or container.section is None:
                continue
            span = document.headings[container.section]
            heading = next(h for h in headings if h.line == span.line)
            if parent.strip() and not match_heading([heading], parent.strip()):
                continue
            return Target(heading, category)
    return None


def _plain(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _target_for(
    text: str, item: PaperItem, default_section: str | None, document: PaperList
) -> Target | Unplaced:
    requested = item.section or default_section
    if not requested:
        return Unplaced(
            item,
            "no section given and no default (set paper_list.section in .github/survey-bot.yml)",
        )
    try:
        return resolve_target(text, requested, document)
    except EditError as exc:
        return Unplaced(item, str(exc))


def split_by_section(
    text: str, items: Sequence[PaperItem], default_section: str | None
) -> tuple[list[PaperItem], list[Unplaced]]:
    """``items`` whose section ``text`` has, and an ``Unplaced`` for each of the others.

    A batch checks this first, so that one paper with a mistyped section is left
    out of every file (list, BibTeX, changelog) while the others go ahead.
    """
    placeable: list[PaperItem] = []
    unplaced: list[Unplaced] = []
    document = read_list(Lines.parse(text).contents)
    for item in items:
        found = _target_for(text, item, default_section, document)
        if isinstance(found, Unplaced):
            unplaced.append(found)
        else:
            placeable.append(item)
    return placeable, unplaced


# --------------------------------------------------------------------------- where it goes


def _section_items(document: PaperList, target: Target, extent: int) -> list[Item]:
    return [
        item
        for item in document.items
        if target.heading.body <= item.block.start < extent
        and (target.category is None or item.block.category == target.category)
    ]


def _already_listed(items: Sequence[Item], paper: PaperItem) -> str | None:
    record = paper.record
    arxiv, dois = record_ids(record)
    wanted = title_key(record.title)
    for item in items:
        line = item.block.start + 1
        if arxiv and arxiv in {normalize_arxiv(a) for a in find_arxiv_ids(item.text)}:
            return f"its arXiv id is already listed (line {line})"
        if dois and dois & set(find_dois(item.text)):
            return f"its DOI is already listed (line {line})"
        listed = title_key(item.entry.fields.title or item.entry.fields.nickname)
        if wanted and (listed == wanted or (len(wanted) >= 20 and wanted in title_key(item.text))):
            return f"its title is already listed (line {line})"
    return None


def _container(document: PaperList, target: Target, year: int | None) -> int | None:
    """The container the paper joins: the section's own (last) one holding papers, else
    its last holding entries (a paper's notes in bullets under it are no place for one).
    Of a section's several lists ("--- Pre-LLM ---" between two runs of papers), the one
    whose years reach the paper's ``year``, or come nearest it."""
    span_index = next(
        (i for i, span in enumerate(document.headings) if span.line == target.heading.line), None
    )
    own = [
        index
        for index, container in enumerate(document.containers)
        if container.section == span_index
        and document.in_container(index)
        and (
            target.category is None or any(b.category == target.category for b in container.blocks)
        )
    ]
    papers = paper_containers(document)
    chosen = [i for i in own if i in papers] or own
    spans = _apart(document, chosen) if year is not None else None
    if year is not None and spans is not None:
        # the nearest by years; of two as near, the last
        return min(reversed(chosen), key=lambda i: _distance(spans[i], year))
    return chosen[-1] if chosen else None


def _apart(document: PaperList, chosen: list[int]) -> dict[int, tuple[int, int]] | None:
    """The first and last year of each of several lists, when they cover years apart from
    each other (papers of the LLM era above "--- Pre-LLM ---"), not topics of the same
    years (bold sub-lists); else None."""
    spans: dict[int, tuple[int, int]] = {}
    for index in chosen:
        fields = [item.entry.fields for item in document.in_container(index)]
        known = [y for y in (f.date[0] if f.date else f.year for f in fields) if y is not None]
        if not known:
            return None  # (a list that dates nothing says nothing of where a year goes)
        spans[index] = (min(known), max(known))
    ordered = sorted(spans.values())
    if len(ordered) < 2 or any(a[1] >= b[0] for a, b in itertools.pairwise(ordered)):
        return None
    return spans


def _distance(span: tuple[int, int], year: int) -> int:
    """How many years ``year`` lies outside ``span`` (0: inside it)."""
    first, last = span
    return max(first - year, year - last, 0)


def _style_source(document: PaperList, target: Target, extent: int) -> list[Entry]:
    """Entries to copy the layout from when the section has none of its own: the nearest
    list below the heading (in a subsection), else the nearest list in the file."""
    if not document.items:
        return []
    line = target.heading.line

    def distance(item: Item) -> tuple[bool, int]:
        below = target.heading.body <= item.block.start < extent
        return not below, abs(item.block.start - line)

    nearest = min(document.items, key=distance).container
    return [item.entry for item in document.in_container(nearest)]


def _gap(document: PaperList, container: Container, line: int) -> list[str]:
    """The lines the neighbours are set off by (none, a blank line, a line of spaces): the
    most common gap in the list, the file's when the list is split (or has one entry),
    the nearest one to ``line`` when the file is split too, a blank line without spaces
    before one with them."""
    lines = document.lines
    near: Counter[tuple[str, ...]] = Counter()
    far: Counter[tuple[str, ...]] = Counter()
    for other in document.containers:
        if other.kind != container.kind:
            continue
        pairs = list(zip(other.blocks, other.blocks[1:], strict=False))
        if other is container:
            # nearest first, but a blank line holding spaces (an editor's stray indent, not
            # seen on the page) after every clean one: it never wins a tie
            pairs.sort(key=lambda pair: (_spaced(lines, *pair), abs(pair[0].end - line)))
        for before, after in pairs:
            gap = tuple(lines[before.end + 1 : after.start])
            far[gap] += 1
            if other is container:
                near[gap] += 1
    found = majority(near, far)
    if found is not None:
        return list(found)
    return [] if container.kind in ("list", "table", "html-table") else [""]


def _spaced(lines: Sequence[str], before: Block, after: Block) -> bool:
    """Do the blank lines between two entries hold spaces?"""
    return any(text and not text.strip() for text in lines[before.end + 1 : after.start])


def _file_entries(document: PaperList, line: int, kind: str | None) -> list[Entry]:
    """The file's entries written as ``kind`` (all when None), nearest to ``line`` first."""
    items = [item for item in document.items if kind is None or item.entry.kind == kind]
    return [item.entry for item in sorted(items, key=lambda i: abs(i.block.start - line))]


# --------------------------------------------------------------------------- writing it


def _neighbour_entries(items: Sequence[Item], at: int) -> list[Entry]:
    """The container's entries, nearest to the insertion point first."""
    ranked = sorted(range(len(items)), key=lambda i: min(abs(i - at), abs(i - at + 1)))
    return [items[i].entry for i in ranked]


def _ones(container: Container, document: PaperList) -> bool:
    """Is a list written ``1.`` throughout (Markdown numbers it)? One item alone cannot say:
    then the nearest numbered list of the file that can does (a README numbered one way in
    its older sections and ``1.`` throughout in its newer ones)."""
    numbers = [block.number for block in container.blocks]
    if len(numbers) >= 2:
        return all(n == numbers[0] for n in numbers)
    here = container.blocks[0].start
    others = [
        other
        for other in document.containers
        if other.marker == "number" and len(other.blocks) >= 2
    ]
    if not others:
        return False
    nearest = min(others, key=lambda other: abs(other.blocks[0].start - here))
    return len({block.number for block in nearest.blocks}) == 1


def _numbered_rows(group: Sequence[Item]) -> tuple[int, int] | None:
    """Where a new row goes in a table whose rows are numbered in a column ("| 序号 |",
    "| # |"), and its number (no row is renumbered): numbers going up, last with the next
    one; going down, first with the next one (the numbers say when each row was added,
    whatever else orders the table). None for a table without numbers."""
    numbered = [
        (at, item.entry.fields.number)
        for at, item in enumerate(group)
        if item.entry.kind == "row" and item.entry.fields.number is not None
    ]
    if len(numbered) < 2 or len(numbered) * 5 < len(group) * 4:
        return None  # (a row of "..." closing the table has none)
    (first_at, first), (last_at, last) = numbered[0], numbered[-1]
    if first > last:
        return first_at, first + 1
    return last_at + 1, max(n for _, n in numbered) + 1


def _number(container: Container, position: int, document: PaperList) -> tuple[int | None, bool]:
    """The new item's number and whether later numbers must shift (explicit numbering)."""
    numbers = [block.number for block in container.blocks]
    if container.marker != "number" or not numbers or numbers[0] is None:
        return None, False
    if _ones(container, document):
        return numbers[0], False  # "1." throughout: Markdown numbers it
    if position == 0 and len(numbers) > 1 and numbers[1] == numbers[0]:
        # "1. 1. 2. 3.": new papers put on top as "1.", the others left as they were
        return numbers[0], False
    if position == 0:
        return numbers[0], True
    return (numbers[position - 1] or 0) + 1, True


def render_new(
    fields: Fields,
    neighbours: Sequence[Entry],
    style: layout.Conventions,
    renderer: Renderer,
    marker: tuple[str, str, str] | None,
) -> list[str]:
    """The new entry's lines: the survey's own template if it overrides one, else the
    neighbours' layout, else the bundled template."""
    choice = layout.choose(neighbours, fields, style.entries) if neighbours else None
    if choice is not None and not renderer.overrides(TEMPLATE):
        return layout.render(choice, neighbours, style).split("\n")
    indent, number, gap = marker or ("", "1.", " ")
    authors = fields.authors.names if fields.authors else ()
    url = next((url for key, url in fields.urls if key in ("@arxiv", "@doi", "@url")), None)
    return render_lines(
        TEMPLATE,
        renderer,
        indent=indent,
        marker=number,
        gap=gap,
        style=_STYLE,
        title=fields.title,
        short_name=layout.short_name(fields.title),
        first_author=authors[0] if authors else "",
        more_authors=len(authors) > 1,
        venue=fields.venue,
        year=fields.year,
        url=url,
    )


def _marker(lines: Sequence[str], block: Block | None, number: int | None) -> tuple[str, str, str]:
    if block is None:
        return "", "1.", " "
    found = _MARKER.match(lines[block.start])
    if not found:
        return "", "-", " "
    if found.group("num"):
        mark = f"{number if number is not None else found.group('num')}{found.group('delim')}"
    else:
        mark = found.group("bullet")
    return found.group("indent"), mark, found.group("gap")


def _renumber(lines: Lines, start: int, indent: str, delim: str, expected: int) -> int:
    """Shift the numbered items that continue the sequence from line ``start``; how many."""
    shifted = 0
    for index in range(start, len(lines)):
        found = _MARKER.match(lines[index])
        if not found or found.group("num") is None:
            continue
        if found.group("indent") != indent or found.group("delim") != delim:
            continue
        if int(found.group("num")) != expected:
            break
        digits = found.start("num"), found.end("num")
        lines.replace(
            index, lines[index][: digits[0]] + str(expected + 1) + lines[index][digits[1] :]
        )
        expected += 1
        shifted += 1
    return shifted


def place(
    lines: Lines,
    document: PaperList,
    container_index: int,
    fields: Fields,
    *,
    renderer: Renderer,
    category: str | None = None,
    at: int | None = None,
) -> int:
    """Write an entry with ``fields`` into a container of ``document`` (read from ``lines``).

    It goes where the container's order puts it (or at index ``at`` of its entries, or of
    its ``category``'s rows), in the neighbours' layout, set off as they are. Returns how
    many numbered items after it were renumbered.
    """
    container = document.containers[container_index]
    members = document.in_container(container_index)
    group = [item for item in members if category is None or item.block.category == category]
    numbered = _numbered_rows(group)
    if at is None and numbered is not None:
        at = numbered[0]
    if at is None:
        others = [
            [item.entry.fields for item in document.in_container(i)]
            for i, other in enumerate(document.containers)
            if other.kind == container.kind and i != container_index
        ]
        categories = dict.fromkeys(item.block.category for item in members)
        others += [
            [item.entry.fields for item in members if item.block.category == name]
            for name in categories
            if name != category
        ]  # a table's other categories are ordered as this one is
        rule = order.infer([item.entry.fields for item in group], others)
        at = order.position(rule, [item.entry.fields for item in group], fields)
    before = group[at] if at < len(group) else None
    index = members.index(before) if before is not None else members.index(group[-1]) + 1
    line = before.block.start if before is not None else group[-1].block.end + 1
    kind = group[0].entry.kind
    style = layout.conventions("\n".join(document.lines), _file_entries(document, line, kind))
    number, explicit = (numbered[1], False) if numbered else _number(container, index, document)
    fields = replace(fields, number=number)
    # A table category's rows are written as the table's rows are: all of them are neighbours.
    neighbours = _neighbour_entries(members, members.index(before) if before else len(members))
    marker = _marker(document.lines, (before or group[-1]).block, number)
    new = render_new(fields, neighbours, style, renderer, marker)
    gap = _gap(document, container, line)
    if before is not None and category and before is group[0]:
        new = _take_category(lines, before.block, new)
    elif category:
        _grow_category(lines, group[0].block)
    if before is not None:
        lines.insert(before.block.start, [*new, *gap])
        position = before.block.start + len(new) + len(gap)
    else:
        end = group[-1].block.end + 1
        lines.insert(end, [*gap, *new])
        position = end + len(gap) + len(new)
    if explicit and number is not None:
        found = _MARKER.match(new[0])
        assert found is not None
        return _renumber(
            lines, position, found.group("indent"), found.group("delim") or ".", number
        )
    return 0


def _take_category(lines: Lines, first: Block, new: list[str]) -> list[str]:
    """Move the category cell (``<th rowspan="N">``) from the old first row to the new one."""
    for index in range(first.start, first.end + 1):
        if "<th" in lines[index].lower():
            cell = _ROWSPAN.sub(lambda m: m.group(1) + str(int(m.group(2)) + 1), lines[index])
            del lines.contents[index], lines.endings[index]
            return [new[0], cell, *new[1:]]
    return new


def _grow_category(lines: Lines, first: Block) -> None:
    for index in range(first.start, first.end + 1):
        if _ROWSPAN.search(lines[index]):
            lines.replace(
                index,
                _ROWSPAN.sub(lambda m: m.group(1) + str(int(m.group(2)) + 1), lines[index], 1),
            )
            return


def add_to_paper_list(
    text: str,
    items: Sequence[PaperItem],
    default_section: str | None,
    *,
    renderer: Renderer,
) -> EditResult:
    """Add each paper to its section (``item.section`` or ``default_section``).

    A paper whose section is missing, unknown, ambiguous or not a paper section
    is skipped, and the reason names the closest sections; papers already in
    their section are skipped, not duplicated. The others go in.
    """
    lines = Lines.parse(text)
    changes: list[str] = []
    skipped: list[Skipped] = []
    added: list[PaperItem] = []
    for item in items:
        document = read_list(lines.contents)
        target = _target_for(lines.text(), item, default_section, document)
        if isinstance(target, Unplaced):
            skipped.append(Skipped(describe_record(item.record), target.why))
            continue
        headings = find_headings(lines.contents)
        extent = section_extent(lines.contents, headings, target.heading)
        duplicate = _already_listed(_section_items(document, target, extent), item)
        if duplicate:
            why = f"{duplicate} in section {target.title!r}"
            skipped.append(Skipped(describe_record(item.record), why))
            continue
        index = _container(document, target, item.record.year)
        renumbered = 0
        if index is not None:
            fields = fields_for(item.record, [i.entry for i in document.in_container(index)])
            renumbered = place(
                lines, document, index, fields, renderer=renderer, category=target.category
            )
        else:
            neighbours = _style_source(document, target, extent)
            fields = replace(fields_for(item.record, neighbours), number=1)
            style = layout.conventions(text, _file_entries(document, target.heading.line, None))
            new = render_new(fields, neighbours, style, renderer, None)
            end = next((h.line for h in headings if h.line > target.heading.line), len(lines))
            lines.append_block(target.heading.body, end, new)
        change = f"add {describe_record(item.record)} to section {target.title!r}"
        if renumbered:
            change += (
                f" (renumbered the {renumbered} item{'s' if renumbered != 1 else ''} after it)"
            )
        changes.append(change)
        added.append(replace(item, section=target.title))
    return finish(text, lines.text(), changes, skipped, added, reason="no new papers for the list")
