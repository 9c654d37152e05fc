"""The segments of a free-text issue: its title, each list item, each other line.

A segment is the unit in which identifiers are grouped into papers and titles
attached to them (step 5 of :mod:`bot.intake.freetext`): a list item runs on
over its continuation lines, a blank line or a heading ends it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from bot.intake import titles
from bot.intake.candidates import Candidate
from bot.intake.links import Hit
from bot.intake.text import LineMap

_LIST_ITEM = re.compile(rf"^(\s*){titles.LIST_MARKER}(?=\S)")


@dataclass
class Segment:
    """One segment's span and lines, the hits in it and (once grouped) its papers."""

    start: int
    end: int
    kind: str  # "title" | "item" | "line"
    first_line: int
    last_line: int
    hits: list[Hit] = field(default_factory=list)
    groups: list[Candidate] = field(default_factory=list)


def cut(masked: str, lines: LineMap, body_offset: int, hits: Iterable[Hit]) -> list[Segment]:
    """The segments of ``masked`` in order, each holding the ``hits`` that start in it."""
    segments = _segments(masked, lines, body_offset)
    seg_starts = [s.start for s in segments]
    for hit in hits:
        segments[max(0, bisect.bisect_right(seg_starts, hit.start) - 1)].hits.append(hit)
    return segments


def _segments(masked: str, lines: LineMap, body_offset: int) -> list[Segment]:
    segments: list[Segment] = []
    current: Segment | None = None
    item_indent = -1
    for index in range(len(lines)):
        start, end = lines.line_span(index)
        line = masked[start:end]
        if start < body_offset:
            if index == 0:
                segments.append(Segment(start, end, "title", index, index))
            continue
        if not line.strip():
            current = None
            continue
        found = _LIST_ITEM.match(line)
        if found:
            current = Segment(start, end, "item", index, index)
            item_indent = len(found.group(1))
            segments.append(current)
        elif (
            current is not None
            and current.kind == "item"
            and (len(line) - len(line.lstrip()) > item_indent or not line.startswith("#"))
        ):
            current.end = end
            current.last_line = index
        else:
            current = None
            segments.append(Segment(start, end, "line", index, index))
    if not segments:
        segments.append(Segment(0, 0, "title", 0, 0))
    return segments
