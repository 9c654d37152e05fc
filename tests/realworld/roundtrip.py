"""The layout round trip: take an entry out of a real list and write it back from its fields.

``round_trip(text)`` removes each entry in turn (with the lines that set it off from
the next one, or from the previous one when it is last), then writes it again with
the paper-list editor from the entry's own fields, at the same place: the neighbours'
majority layout filled with those fields must give back the original bytes. An entry
that does not come back is listed with both texts, so the note can say why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.editors.lines import Lines
from bot.editors.paper_list import place
from bot.lists.document import Item, read_list
from tests.conftest import RENDERER

_ROWSPAN = re.compile(r"(\browspan\s*=\s*[\"']?)(\d+)")
_NUMBER = re.compile(r"^[ \t]*(?P<num>\d{1,9})[.)][ \t]+")


@dataclass(frozen=True)
class Miss:
    line: int  # 1-based first line of the entry
    original: str
    written: str


@dataclass(frozen=True)
class Figure:
    entries: int
    back: int  # entries whose bytes came back
    misses: tuple[Miss, ...]
    alone: int  # entries alone in their list: no neighbour to learn from, not counted

    @property
    def share(self) -> float:
        return self.back / self.entries if self.entries else 1.0


def _without(lines: Lines, items: list[Item], index: int) -> tuple[Lines, int]:
    """``lines`` without ``items[index]`` (and one gap); returns its index among the rest."""
    block = items[index].block
    out = Lines(list(lines.contents), list(lines.endings), lines.newline)
    if index + 1 < len(items):
        start, end = block.start, items[index + 1].block.start
    else:
        start, end = items[index - 1].block.end + 1, block.end + 1
    category = items[index].block.category
    heading = next((i for i in range(block.start, block.end + 1) if "<th" in out[i].lower()), None)
    if category and heading is not None and index + 1 < len(items):
        # The first row of a category hands its spanning cell to the next one.
        cell = _ROWSPAN.sub(lambda m: m.group(1) + str(int(m.group(2)) - 1), out[heading])
        following = items[index + 1].block.start
        out.contents.insert(following + 1, cell)
        out.endings.insert(following + 1, out.endings[heading])
    elif category:
        first = next(i for i in items if i.block.category == category)
        for row in range(first.block.start, first.block.end + 1):
            if _ROWSPAN.search(out[row]):
                out.replace(
                    row, _ROWSPAN.sub(lambda m: m.group(1) + str(int(m.group(2)) - 1), out[row])
                )
    del out.contents[start:end], out.endings[start:end]
    if block.number is not None and len({i.block.number for i in items}) > 1:
        _renumber_down(out, start, block.number + 1)
    group = [i for i in items if i.block.category == category]
    return out, group.index(items[index])


def _renumber_down(lines: Lines, start: int, expected: int) -> None:
    """Undo what adding does to an explicitly numbered list: the numbers after it go down."""
    for index in range(start, len(lines)):
        found = _NUMBER.match(lines[index])
        if not found:
            continue
        if int(found.group("num")) != expected:
            return
        digits = found.start("num"), found.end("num")
        lines.replace(
            index, lines[index][: digits[0]] + str(expected - 1) + lines[index][digits[1] :]
        )
        expected += 1


def round_trip(text: str) -> Figure:
    lines = Lines.parse(text)
    document = read_list(lines.contents)
    back = 0
    alone = 0
    misses: list[Miss] = []
    for container in range(len(document.containers)):
        items = document.in_container(container)
        if len(items) < 2:
            alone += len(items)
            continue
        for index, item in enumerate(items):
            rest, at = _without(lines, items, index)
            again = read_list(rest.contents)
            place(
                rest, again, container, item.entry.fields, renderer=RENDERER,
                category=item.block.category, at=at,
            )  # fmt: skip
            written = rest.text()
            if written == text:
                back += 1
            else:
                start = item.block.start
                misses.append(Miss(start + 1, item.text, _changed(text, written, start)))
    total = sum(len(document.in_container(c)) for c in range(len(document.containers))) - alone
    return Figure(total, back, tuple(misses), alone)


def _changed(original: str, written: str, start: int) -> str:
    """The lines of ``written`` that differ from ``original`` around line ``start``."""
    old, new = original.split("\n"), written.split("\n")
    first = next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), start)
    tail = next(
        (i for i, (a, b) in enumerate(zip(reversed(old), reversed(new), strict=False)) if a != b),
        0,
    )
    return "\n".join(new[first : len(new) - tail])


def own_round_trip(text: str) -> tuple[int, int]:
    """(entries read back exactly from their own layout and fields, entries): the reader."""
    from bot.lists.layout import Choice, conventions, render

    items = read_list(Lines.parse(text).contents).items
    style = conventions(text, [item.entry for item in items])
    back = 0
    for item in items:
        written = render(
            Choice(item.entry.layout, (item.entry,), item.entry.fields), [item.entry], style
        )
        # A spanned category cell belongs to the table, not to the row that holds it.
        original = (
            re.sub(r"\n<th\b[^\n]*</th>", "", item.text) if item.block.category else item.text
        )
        back += written == original
    return back, len(items)


def copyable(text: str) -> set[int]:
    """The entries (1-based first lines) whose exact text another entry of their list can
    give: its layout filled with their fields. The others are written unlike every other
    entry of their list, so that no editor copying a neighbour writes them back; what the
    editor brings back of the copyable ones is the figure it can be held to."""
    from bot.lists.layout import Choice, conventions, render

    document = read_list(Lines.parse(text).contents)
    style = conventions(text, [item.entry for item in document.items])
    found = set()
    for container in range(len(document.containers)):
        items = document.in_container(container)
        for item in items if len(items) > 1 else ():
            original = (
                re.sub(r"\n<th\b[^\n]*</th>", "", item.text) if item.block.category else item.text
            )
            if any(
                render(
                    Choice(other.entry.layout, (other.entry,), item.entry.fields),
                    [other.entry],
                    style,
                )
                == original
                for other in items
                if other is not item
            ):
                found.add(item.block.start + 1)
    return found
