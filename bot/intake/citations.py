"""Reference lists pasted into an issue: each formatted citation is one paper.

Readers paste what their paper's reference list or a PDF shows: IEEE
(``[12] S. Yao, ..., “Tree of thoughts: ...,” arXiv preprint ...``), APA, ACM,
Chicago, LNCS, one per line or list item, or broken over lines the way PDF
text extraction breaks them (``“Reflexion: Language agents with verbal
reinforce-`` / ``ment learning,” in NeurIPS``). The text is cut into entries
as the reference loader cuts a PDF's list (``bot.references.text``: a ``[N]``
starts an entry, a word hyphenated at a line end is joined again), other
entries are lines or list items with their continuation lines, and each entry
is read by ``bot.references.citation``. An entry that is not a citation (prose,
a bare title, a link) is left to the rest of intake.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.intake.titles import LIST_MARKER
from bot.models import Reference
from bot.references.citation import parse_citation
from bot.references.text import join_lines

_NUMBERED = re.compile(r"^\s*\[\d{1,4}\]\s*")
_ITEM = re.compile(rf"^\s*{LIST_MARKER}")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s")


@dataclass(frozen=True)
class PastedCitation:
    start: int  # offsets of the entry in the searched text
    end: int
    reference: Reference


def find_citations(text: str, start: int = 0) -> list[PastedCitation]:
    """Every formatted citation in ``text`` from offset ``start`` on, in order."""
    found: list[PastedCitation] = []
    for begin, end, lines in _entries(text, start):
        body = _NUMBERED.sub("", _ITEM.sub("", join_lines(lines), count=1), count=1)
        reference = parse_citation(body)
        if reference is not None:
            found.append(PastedCitation(begin, end, reference))
    return found


def _entries(text: str, start: int) -> list[tuple[int, int, list[str]]]:
    """(start, end, lines) of each entry: a ``[N]`` line or a list item with the lines
    that continue it, or a paragraph's lines."""
    entries: list[tuple[int, int, list[str]]] = []
    offset = start
    current: tuple[int, int, list[str]] | None = None
    for line in text[start:].split("\n"):
        end = offset + len(line)
        opens = bool(_NUMBERED.match(line) or _ITEM.match(line))
        if not line.strip() or _HEADING.match(line):
            current = None
        elif current is None or opens or _another_citation(current[2], line):
            current = (offset, end, [line])
            entries.append(current)
        else:
            current[2].append(line)
            entries[-1] = current = (current[0], end, current[2])
        offset = end + 1
    return entries


def _another_citation(lines: list[str], line: str) -> bool:
    """Whether ``line`` starts a citation of its own after a complete one (a list pasted
    one citation a line, without numbers or blank lines)."""
    return parse_citation(line) is not None and parse_citation(join_lines(lines)) is not None
