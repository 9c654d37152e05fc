"""A paper list kept in LaTeX: ``\\item Name~\\cite{k1,k2,...}`` leaves of nested lists.

Living reviews written in LaTeX (the HEPML review) list papers by citation key: a
category is an ``\\item \\textbf{Category}`` with an inner ``itemize`` whose leaves each
cite their papers, ``\\item \\textbf{Estimation}~\\cite{Araz:2026img,Diefenbacher:2026kki}``.
Adding a paper adds its key to that leaf's ``\\cite``: first when the keys run newest
first (by the year in them), else last, with the separator the list uses (``,`` or
``, ``). A leaf is named by its label, or by a path of labels (``Uncertainty
Quantification > Estimation``) when a label repeats; sections (``\\section{...}``)
count as parents too.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.editors.latex_sections import find_sections
from bot.editors.lines import Lines
from bot.editors.result import EditResult, finish
from bot.editors.sections import normalize_heading
from bot.errors import EditError
from bot.models import Skipped
from bot.text import latex

_ITEM = re.compile(r"^\s*\\item\b\s*(?P<label>.*?)\s*(?:~|\s)*\\cite[pt]?\*?\{(?P<keys>[^}]*)\}")
_LABEL_ITEM = re.compile(r"^\s*\\item\b\s*(?P<label>.*)$")
_BEGIN = re.compile(r"\\begin\{(?:itemize|enumerate|description)\}")
_END = re.compile(r"\\end\{(?:itemize|enumerate|description)\}")
_YEAR = re.compile(r"(?<!\d)(19|20)\d\d(?!\d)")


@dataclass(frozen=True)
class Leaf:
    """One ``\\item`` that cites papers: its label, its parents' labels, its keys."""

    line: int
    label: str
    path: tuple[str, ...]
    keys: tuple[str, ...]
    keys_start: int  # offset of the keys inside the line
    keys_end: int


def _clean(label: str) -> str:
    label = re.sub(r"\\\\.*$", "", label)
    return latex.decode(label).strip(" :~")


def leaves(lines: Sequence[str]) -> list[Leaf]:
    """Every citing ``\\item``, with the labels of the items and sections above it."""
    sections = {s.line: s for s in find_sections(lines)}
    stack: list[str] = []  # labels of the open items, one per list depth
    depth = 0
    section: list[tuple[int, str]] = []
    found = []
    for index, line in enumerate(lines):
        if line.lstrip().startswith("%"):
            continue
        if index in sections:
            level = sections[index].level
            section = [(lv, t) for lv, t in section if lv < level] + [
                (level, sections[index].title)
            ]
        for _ in _BEGIN.finditer(line):
            depth += 1
        item = _LABEL_ITEM.match(line)
        if item:
            stack = [*stack[: depth - 1], _clean(item.group("label").split("\\cite")[0])]
        cited = _ITEM.match(line)
        if cited:
            parents = tuple(t for _, t in section) + tuple(stack[:-1])
            found.append(
                Leaf(
                    index,
                    _clean(cited.group("label")),
                    parents,
                    tuple(k.strip() for k in cited.group("keys").split(",") if k.strip()),
                    cited.start("keys"),
                    cited.end("keys"),
                )
            )
        for _ in _END.finditer(line):
            depth = max(0, depth - 1)
            stack = stack[:depth]
    return found


def resolve_leaf(found: Sequence[Leaf], requested: str) -> Leaf:
    """The leaf ``requested`` names (``Parent > Label`` when a label repeats)."""
    parts = [normalize_heading(p) for p in re.split(r"\s+>\s+", requested.strip()) if p.strip()]
    if not parts:
        raise EditError("no section named: give the label of a list item, e.g. 'Estimation'")
    matches = [
        leaf
        for leaf in found
        if normalize_heading(leaf.label) == parts[-1]
        and all(any(normalize_heading(p) == want for p in leaf.path) for want in parts[:-1])
    ]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        close = ", ".join(repr(leaf.label) for leaf in found[:40]) or "(none)"
        raise EditError(f"no list item {requested!r} in the LaTeX file; its items are: {close}")
    paths = ", ".join(repr(" > ".join((*m.path, m.label))) for m in matches)
    raise EditError(f"list item {requested!r} is ambiguous: {paths}; name it as 'Parent > Item'")


def newest_first(found: Sequence[Leaf]) -> bool:
    """Whether the keys in the file's citations run newest first, by their years."""
    down = up = 0
    for leaf in found:
        years = [int(m.group(0)) for k in leaf.keys if (m := _YEAR.search(k))]
        for a, b in itertools.pairwise(years):
            down += a > b
            up += a < b
    return down > up


def _separator(lines: Sequence[str], found: Sequence[Leaf]) -> str:
    """``", "`` or ``","``: as most of the file's citations of several keys have it."""
    spaced = plain = 0
    for leaf in found:
        inside = lines[leaf.line][leaf.keys_start : leaf.keys_end]
        spaced += inside.count(", ")
        plain += inside.count(",") - inside.count(", ")
    return ", " if spaced > plain else ","


def add_citations(text: str, keys: Sequence[str], section: str) -> EditResult:
    """Cite each of ``keys`` in the list item ``section`` names; other bytes unchanged."""
    lines = Lines.parse(text)
    found = leaves(lines.contents)
    leaf = resolve_leaf(found, section)
    new = [k for k in dict.fromkeys(keys) if k not in leaf.keys]
    skipped = [Skipped(k, f"already cited in {leaf.label!r}") for k in keys if k in leaf.keys]
    if not new:
        return finish(text, text, [], skipped, reason="already cited there")
    line = lines[leaf.line]
    inside = line[leaf.keys_start : leaf.keys_end]
    separator = _separator(lines.contents, found)
    if newest_first(found):
        inside = separator.join(new) + (separator + inside if inside.strip() else "")
        where = "first"
    else:
        inside = (inside + separator if inside.strip() else "") + separator.join(new)
        where = "last"
    lines.replace(leaf.line, line[: leaf.keys_start] + inside + line[leaf.keys_end :])
    change = f"cite {', '.join(new)} in {' > '.join((*leaf.path, leaf.label))!r} ({where})"
    return finish(text, lines.text(), [change], skipped, list(new))
