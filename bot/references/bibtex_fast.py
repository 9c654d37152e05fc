"""A fast path for reading a ``.bib`` file: the common entry read by two regex matches.

Nearly every entry of a real ``.bib`` file has one shape: ``@type{key,``, then fields of
one operand each (``{...}`` with braces nested at most three deep, ``"..."``, a number
or a macro name), then ``}``. The careful splitter (``bibtex_split``) reads such an
entry field by field and builds a ``BibField`` with offsets and spacing for each, which
the ``.bib`` editor needs and the loader does not. Here such an entry is recognised by
one match of a regex made of the splitter's own field regex, and its fields are listed
by one ``findall``: the work is done in C. Every other block (``@string``, ``@comment``,
``#`` concatenation, deeper braces, an entry in parentheses, a broken entry) is read by
the careful splitter, so that both read the same; ``tests/references/test_bibtex_fast.py``
compares them entry by entry.

Why the two regexes read what the careful reader reads: it reads a field with one match
of ``_SIMPLE_FIELD`` where the last one ended, within the same window (up to the next
line that starts an entry), as long as one matches, then expects ``[\\s,]*}``. The entry
regex below does exactly that: ``(?=(field))(?P=field)`` takes the match that
``_SIMPLE_FIELD.match`` would return at that point and never gives part of it back
(Python's lookarounds do not backtrack), and no shorter run of fields can be followed by
``}``, as a field starts with its name. ``findall`` over the fields' span then finds the
same matches again, one after the other.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from bot.references.bibtex_split import (
    _FILE_START,
    _SIMPLE_FIELD,
    _SPECIAL,
    BRACED,
    NAME,
    NUMBER,
    QUOTED,
    BibBlock,
    _Splitter,
)

_COMMON_ENTRY = re.compile(
    r"\s*(?P<key>[^\s,{}\"#%'~=]+)\s*"  # the key as _Reader reads it, then ',' or '}'
    rf"(?:\}}|,(?P<fields>(?:(?=(?P<field>{_SIMPLE_FIELD.pattern}))(?P=field))*)[\s,]*\}})"
)

# One operand of a field: (kind, text), as a ``BibPart``.
Part = tuple[str, str]


class CommonEntry(NamedTuple):
    """An entry of the common shape, with what the loader reads of it: the same type,
    key, lines, span and fields (name as written, its one operand) that the careful
    splitter's ``BibBlock`` holds."""

    type: str  # as written
    key: str
    line: int  # 1-based line of "@"
    end_line: int
    start: int  # offset of "@"
    end: int  # just past the closing brace
    # Each field's name as written and its one operand: one tuple less per field than
    # the splitter's (name, parts), and a list as ``findall`` gives it, not copied.
    fields: list[tuple[str, Part]]


def read_bib(text: str) -> Iterator[CommonEntry | BibBlock]:
    """Every block of a ``.bib`` text but the free text between them, in order: the common
    entries read fast, the other blocks (``@string``, ``@comment``, ``@preamble``, the
    entries of other shapes, the broken ones) by the careful splitter."""
    careful = _Splitter(text, pasted=False, stop_at_blank_line=False)
    starts = list(_FILE_START.finditer(text))
    common = _COMMON_ENTRY.match
    fields_in = _SIMPLE_FIELD.findall
    for index, start in enumerate(starts):
        window = starts[index + 1].start() if index + 1 < len(starts) else len(text)
        entry_type = start.group("type")
        found = None
        if start.group("open") == "{" and entry_type.lower() not in _SPECIAL:
            found = common(text, start.end(), window)
        if found is None:
            yield careful._block(start, window)
            continue
        at, end = start.start("at"), found.end()
        line = careful._line_of(at)
        fields: list[tuple[str, Part]] = []
        if found.start("fields") >= 0:
            # findall gives "" for the alternatives that did not match: the value's first
            # character says which one did.
            fields = [
                (
                    name,
                    (BRACED, braced)
                    if value[0] == "{"
                    else (QUOTED, quoted)
                    if value[0] == '"'
                    else (NUMBER if word.isdigit() else NAME, word),
                )
                for name, _, _, value, braced, quoted, word in fields_in(
                    text, found.start("fields"), found.end("fields")
                )
            ]
        end_line = line + text.count("\n", at, end - 1)
        yield CommonEntry(entry_type, found.group("key"), line, end_line, at, end, fields)
