"""A fast path for reading a ``.bib`` file: the common entry read by a few regex matches.

Nearly every entry of a real ``.bib`` file has one shape: ``@type{key,``, then fields of
one operand each (``{...}`` with braces nested at most three deep, ``"..."``, a number
or a macro name), then ``}``. The careful splitter (``bibtex_split``) reads such an
entry field by field and builds a ``BibField`` with offsets and spacing for each, which
the ``.bib`` editor needs and the loader does not. Here such an entry is read by one
match for its key, one of the splitter's own field regex for each field and one for its
closing brace, with no ``BibField`` made. Every other block (``@string``, ``@comment``,
``#`` concatenation, deeper braces, an entry in parentheses, a broken entry) is read by
the careful splitter, so that both read the same; ``tests/references/test_bibtex_fast.py``
compares them entry by entry.

Why this reads what the careful reader reads: it reads a field with one match of
``_SIMPLE_FIELD`` where the last one ended, within the same window (up to the next line
that starts an entry), as long as one matches, then expects ``[\\s,]*}``; and so does
this. (Before, one regex matched the whole entry, its fields as
``(?=(field))(?P=field)``, and ``findall`` found them again: each field was read three
times, 115 M instructions more for 10,000 entries; then ``finditer`` searched for each
next field and Python compared where it started with where the last one ended, 70 M
more than a ``match`` where the last one ended.)

The blocks start where the careful splitter's ``_FILE_START`` matches, found here from
the newline before each such line (``_NEXT_START``; the file's first line is matched on
its own): ``re`` looks for a pattern's leading literal character in a loop in C, where
``^`` in multi-line mode is tried at every character of the text (187 M instructions
for the benchmark's 1.9 MB file, against 59 M). A match holds the same groups at the
same places and ends where ``_FILE_START``'s does (no match holds a newline but its
first character).
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

# What follows "@type{" in a common entry: the key as _Reader reads it, then "}" (an
# entry without fields) or "," (fields follow); and what closes the entry after them.
_HEAD = re.compile(r"\s*(?P<key>[^\s,{}\"#%'~=]+)\s*(?:(?P<closed>\})|,)")
_CLOSE = re.compile(r"[\s,]*\}")
# A line that starts a block, from the newline before it: ``_FILE_START`` but for ``^``.
_NEXT_START = re.compile("\n" + _FILE_START.pattern.removeprefix("^"))

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
    # the splitter's (name, parts).
    fields: list[tuple[str, Part]]


def read_bib(text: str) -> Iterator[CommonEntry | BibBlock]:
    """Every block of a ``.bib`` text but the free text between them, in order: the common
    entries read fast, the other blocks (``@string``, ``@comment``, ``@preamble``, the
    entries of other shapes, the broken ones) by the careful splitter."""
    careful = _Splitter(text, pasted=False, stop_at_blank_line=False)
    starts = _starts(text)
    head_of, close, field_at = _HEAD.match, _CLOSE.match, _SIMPLE_FIELD.match
    for index, (_, start) in enumerate(starts):
        window = starts[index + 1][0] if index + 1 < len(starts) else len(text)
        entry_type = start.group("type")
        head = None
        if start.group("open") == "{" and entry_type.lower() not in _SPECIAL:
            head = head_of(text, start.end(), window)
        end = -1
        fields: list[tuple[str, Part]] = []
        if head is not None and head.group("closed"):
            end = head.end()
        elif head is not None:  # fields, one match each where the last one ended
            at = head.end()
            found = field_at(text, at, window)
            while found is not None:
                name, _, _, value, braced, quoted, word = found.groups()
                # The groups of the alternatives that did not match are None: the value's
                # first character says which one did.
                fields.append(
                    (
                        name,
                        (BRACED, braced)
                        if value[0] == "{"
                        else (QUOTED, quoted)
                        if value[0] == '"'
                        else (NUMBER if word.isdigit() else NAME, word),
                    )
                )
                at = found.end()
                found = field_at(text, at, window)
            closing = close(text, at, window)
            end = closing.end() if closing else -1
        if head is None or end < 0:
            yield careful._block(start, window)
            continue
        at = start.start("at")
        line = careful._line_of(at)
        end_line = line + text.count("\n", at, end - 1)
        yield CommonEntry(entry_type, head.group("key"), line, end_line, at, end, fields)


def _starts(text: str) -> list[tuple[int, re.Match[str]]]:
    """Where each block's first line starts, and the match of ``_FILE_START`` there (or
    of ``_NEXT_START``: the same groups and end), in order."""
    first = _FILE_START.match(text)
    starts = [(0, first)] if first else []
    starts += [(found.start() + 1, found) for found in _NEXT_START.finditer(text)]
    return starts
