"""A new table row padded as the table pads its columns, where it does.

Some tables are aligned: every cell of a column padded to one width (the header's,
or the widest cell's), left, right or centred. A new row copied from a neighbour
keeps that neighbour's padding, which is only right when the new cell is as long as
the neighbour's. So a column that the neighbouring rows write at one width (nearly
every cell that fits it, contents of different lengths) gets the new cell padded
to that width, in the way (left, right, centred, an odd space before or after)
that accounts for the most of those rows (a cell longer than the width gets one
space each side); the columns of a ragged table keep the layout's padding. East
Asian wide characters count two columns, as editors that align count them.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence

from bot.lists.entry import Entry
from bot.lists.tables import split_pipe_row

Pad = Callable[[int], tuple[int, int]]  # spaces to spare -> spaces (before, after)

_WAYS: tuple[Pad, ...] = (
    lambda spare: (1, spare - 1),  # left
    lambda spare: (spare - 1, 1),  # right
    lambda spare: (spare // 2, spare - spare // 2),  # centred, the odd space after
    lambda spare: (spare - spare // 2, spare // 2),  # centred, the odd space before
)


def width(text: str) -> int:
    """Columns ``text`` takes in a monospaced editor (wide characters count two)."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _cells(row: str) -> list[str]:
    return [row[start:end] for start, end in split_pipe_row(row)]


def align_row(row: str, neighbours: Sequence[Entry]) -> str:
    """``row`` with each cell padded as the neighbouring rows pad that column, if they agree."""
    rows = [_cells(entry.text) for entry in neighbours if entry.text.count("\n") == 0]
    spans = split_pipe_row(row)
    out = row
    for column, (start, end) in reversed(list(enumerate(spans))):
        cells = [cells[column] for cells in rows if column < len(cells)]
        widths = Counter(width(cell) for cell in cells)
        if not widths:
            continue
        common = widths.most_common(1)[0][0]
        aligned = [cell for cell in cells if width(cell) == common]
        fitting = [cell for cell in cells if width(cell.strip()) + 2 <= common]
        if len(aligned) < 0.8 * len(fitting) or len(aligned) * 2 <= len(rows):
            continue  # a ragged column: the layout's padding stays
        if len({width(cell.strip()) for cell in aligned}) < 2:
            continue  # as wide only because their contents are: not padded to a width
        content = row[start:end].strip()
        spare = common - width(content)
        way = max(_WAYS, key=lambda pad: sum(_fits(pad, cell, common) for cell in aligned))
        before, after = way(spare) if spare >= 2 else (1, 1)  # too long: one space each side
        out = out[:start] + " " * before + content + " " * after + out[end:]
    return out


def _fits(pad: Pad, cell: str, common: int) -> bool:
    """Does ``pad`` give ``cell`` the spaces it has around its content?"""
    content = cell.strip()
    before = len(cell) - len(cell.lstrip())
    after = len(cell) - len(cell.rstrip())
    return bool(content) and pad(common - width(content)) == (before, after)
