"""A whole paper list: every entry read, with its container and its section.

The reader's and the editor's common view of a file: ``read_list`` finds the
blocks (``bot.lists.blocks``) and reads each into an ``Entry``
(``bot.lists.read``). An HTML table's spanned category (``<th rowspan>``) is
the section of its rows, under the heading above the table.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from bot.lists.blocks import Block, Container, find_blocks
from bot.lists.entry import Entry
from bot.lists.headings import HeadingSpan, heading_text
from bot.lists.read import read_entry


@dataclass(frozen=True)
class Item:
    """One entry of the file: its lines, what it says, where it sits."""

    block: Block
    entry: Entry
    container: int  # index into ``PaperList.containers``
    section: str | None  # the heading above it (an HTML row: its category)
    text: str  # its lines, joined by "\n"


@dataclass(frozen=True)
class PaperList:
    lines: tuple[str, ...]
    headings: tuple[HeadingSpan, ...]  # section headings (entry headings are entries)
    containers: tuple[Container, ...]
    items: tuple[Item, ...]

    def section_title(self, container: Container) -> str | None:
        if container.section is None:
            return None
        return heading_text(self.headings[container.section].raw) or None

    def in_container(self, index: int) -> list[Item]:
        return [item for item in self.items if item.container == index]


def read_list(lines: Sequence[str]) -> PaperList:
    """Every entry of a file's lines (without line endings).

    A batch reads the same file several times (sections, duplicates, the edit, the
    reference index): the last few texts read are kept.
    """
    return _read_cached("\n".join(lines))


@functools.lru_cache(maxsize=8)
def _read_cached(text: str) -> PaperList:
    lines = text.split("\n")
    found = find_blocks(lines)
    items: list[Item] = []
    document = PaperList(tuple(lines), found.headings, found.containers, ())
    for index, container in enumerate(found.containers):
        section = document.section_title(container)
        for block in container.blocks:
            text = "\n".join(lines[block.start : block.end + 1])
            read = (
                text
                if block.read_end is None
                else "\n".join(lines[block.start : block.read_end + 1])
            )
            entry = read_entry(read, block.kind, block.columns)
            if entry is not None:
                items.append(Item(block, entry, index, block.category or section, text))
    return PaperList(tuple(lines), found.headings, found.containers, tuple(items))
