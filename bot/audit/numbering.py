"""Explicit numbering that skips or repeats.

A list written ``1.`` throughout (Markdown numbers it) and a list counting
down (newest first) are the maintainer's style, not a problem; a list that
otherwise counts by one and then jumps (``1.`` then ``3.``) or says a number
twice is. The fix renumbers the list from its first number, in its direction,
touching only the numbers (``audit --fix`` writes it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.audit import findings as f
from bot.lists.document import Item, PaperList
from bot.models import Reference

_NUMBER = re.compile(r"^([ \t]*)(\d{1,9})([.)])")


def check_list(document: PaperList, source: str) -> list[f.Finding]:
    """Numbering findings of a Markdown file: one per list whose numbers break."""
    found = []
    for index, container in enumerate(document.containers):
        if container.marker != "number":
            continue
        items = [i for i in document.in_container(index) if i.block.number is not None]
        numbers = [i.block.number for i in items if i.block.number is not None]
        breaks = _breaks(numbers)
        if not breaks:
            continue
        step = _step(numbers)
        fixes = []
        for k, item in enumerate(items):
            want = numbers[0] + step * k
            if item.block.number != want and (fix := _renumber(item, source, want)):
                fixes.append(fix)
        first = items[0]
        said = ", ".join(
            f"{numbers[k - 1]} -> {numbers[k]} (line {items[k].block.start + 1})" for k in breaks
        )
        found.append(
            f.Finding(
                f.NUMBERING,
                f"the list numbered from {numbers[0]} skips or repeats: {said}",
                (f.Place.at(first, source),),
                proposal=f"renumber the list {numbers[0]}, {numbers[0] + step}, ...",
                fixes=tuple(fixes),
            )
        )
    return found


def check_numbers(refs: Sequence[Reference]) -> list[f.Finding]:
    """Numbering findings of a numbered reference list that is not Markdown (a text
    list's ``[12]``): reported, not fixed."""
    numbered = [r for r in refs if r.number is not None]
    numbers = [r.number for r in numbered if r.number is not None]
    breaks = _breaks(numbers)
    if not breaks:
        return []
    said = ", ".join(f"{numbers[k - 1]} -> {numbers[k]} (line {numbered[k].line})" for k in breaks)
    return [
        f.Finding(
            f.NUMBERING,
            f"the references numbered from {numbers[0]} skip or repeat: {said}",
            (f.Place.of(numbered[0]),),
            proposal="renumber the references (and the citations that use the numbers)",
        )
    ]


def _step(numbers: list[int]) -> int:
    return -1 if len(numbers) > 1 and numbers[-1] < numbers[0] else 1


def _breaks(numbers: list[int]) -> list[int]:
    """Where the numbers stop counting by one (indexes of the item after the break);
    none for a list that repeats one number throughout (``1.`` everywhere)."""
    if len(set(numbers)) <= 1:
        return []
    step = _step(numbers)
    return [k for k in range(1, len(numbers)) if numbers[k] != numbers[k - 1] + step]


def _renumber(item: Item, source: str, want: int) -> f.Fix | None:
    first_line = item.text.split("\n", 1)[0]
    found = _NUMBER.match(first_line)
    if not found or want < 0:
        return None
    line = item.block.start + 1
    return f.Fix(
        source,
        line,
        found.group(0),
        f"{found.group(1)}{want}{found.group(3)}",
        mechanical=True,
        end_line=line,
    )

