"""Columns as an editor shows them: a tab runs on to the next multiple of eight.

Emacs's BibTeX mode (with ``indent-tabs-mode``, its default) puts each key, each ``=``
and each continuation line at a fixed column and reaches it with tabs:
``  title<tab><tab>= {`` and ``  author<tab>= {`` have their ``=`` at one column, 16,
though they are 9 characters long each, and ``@Article{<tab>  Abadi.Barham.2016,`` its
key at 18. Counted in characters nothing lines up; counted as shown, everything does.
"""

from __future__ import annotations

TAB = 8


def width(text: str) -> int:
    """The column after one line's ``text``, starting at column 0."""
    return len(text.expandtabs(TAB))


def reach(start: int, target: int, tabs: bool) -> str:
    """The blanks from column ``start`` to ``target`` ("" when already there or past):
    tabs as far as they go when the file uses them, then spaces."""
    blanks = ""
    if tabs:
        while (start // TAB + 1) * TAB <= target:
            blanks += "\t"
            start = (start // TAB + 1) * TAB
    return blanks + " " * max(0, target - start)
