"""BibTeX text cut into blocks, as written: the one reader of BibTeX syntax in the bot.

The loader (``bot.references.bibtex``), the ``.bib`` editor (``bot.editors.bibtex``) and
the intake of BibTeX pasted into issues (``bot.intake.pasted_bibtex``) all read BibTeX
here, so they agree on where every entry begins and ends. As in bibtexparser v2's
splitter, a block starts at every line that begins with ``@type{`` or ``@type(``, and a
block is read only up to the next one: an entry whose braces never balance costs that
entry only. It stays a block, with the reason in ``problem``, instead of swallowing the
entries after it (which made the editor blind to them and write duplicate keys).

Nothing is decoded or expanded. A field keeps its name as written, the raw text of its
value (delimiters and ``#`` concatenation included), the parts of that value and the
spacing around it, which is what the editor needs to copy a file's style. ``@string``
macros, months, ``crossref`` and LaTeX are the loader's business.

Text pasted into an issue (``split_pasted``) is read with the same reader, leniently: an
entry may start mid-line (but not inside a word: e-mail addresses are not entries), a
reading error skips to the next comma instead of giving the entry up, values may be
unbraced URLs or “smart-quoted”, and an entry that never closes ends at the next entry,
at the first blank line (``stop_at_blank_line``) or at the end of the paste, its unclosed
value running to there. (Markdown code fences are the intake's business: it hands the
splitter their content.)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

_FILE_START = re.compile(
    r"^[ \t]*(?P<at>@)[ \t]*(?P<type>[A-Za-z][\w-]*)[ \t]*(?P<open>[{(])", re.MULTILINE
)
# Pasted text: anywhere, but not glued to a word ("me@misc.org", "x_@article{").
_PASTED_START = re.compile(
    r"(?<![\w.-])(?P<at>@)[ \t]*(?P<type>[A-Za-z]{2,24})[ \t]*(?P<open>[{(])"
)
MAX_PASTED_CHARS = 20_000  # a pasted entry that never closes is not read further

_KEY = re.compile(r"[^\s,{}\"#%'~=]*")
_NAME = re.compile(r"[^\s,={}()\"#%'~]+")
_FIELD_HEAD = re.compile(r"([^\s,={}()\"#%'~]+)(\s*)=(\s*)")
# A braced operand whose braces nest at most three deep, matched in one go (no backtracking
# blow-up: every repetition starts at a brace); deeper ones are counted brace by brace.
_NESTED = r"\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}"
_INSIDE = rf"[^{{}}]*(?:{_NESTED}[^{{}}]*)*"
_BRACED = re.compile(rf"\{{({_INSIDE})\}}")
_QUOTED = re.compile(rf'"([^"{{}}\\]*(?:{_NESTED}[^"{{}}\\]*)*)"')
# The common field, read in one match: one operand (not followed by ``#``), its spacing.
# Words are matched whole, so that "nips #" cannot back off to "nip".
_SIMPLE = (
    r"[\s,]*([^\s,={}()\"#%'~]+)(\s*)=(\s*)"
    rf"({_BRACED.pattern}|{_QUOTED.pattern}|(WORD))(?!\s*#)\s*"
)
_SIMPLE_FIELD = re.compile(
    _SIMPLE.replace("WORD", r"\d+(?!\d)|[^\s,={}()\"#%'~]+(?![^\s,={}()\"#%'~])")
)
_SIMPLE_PASTED_FIELD = re.compile(
    _SIMPLE.replace("WORD", r"[^,#}\s{\"\u201c][^,#}\s]*(?![^,#}\s])")
)
_NUMBER = re.compile(r"\d+")
# Pasted values may be unbraced URLs (with ~ or =), or “smart-quoted” by an editor.
_PASTED_WORD = re.compile(r"[^,#}\s{\"\u201c][^,#}\s]*")
_SMART_QUOTED = re.compile(r"\u201c([^\u201d]*)\u201d")
_SPACE = re.compile(r"\s*")
_SEPARATORS = re.compile(r"[\s,]*")
_BRACES = re.compile(r"[{}]")
_GROUP = re.compile(r"[{}()]")
_OPENER = re.compile(r"[{(]")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_NOT_SPACE = re.compile(r"\S")

BRACED, QUOTED, NUMBER, NAME = "{", '"', "number", "name"
# Block kinds; every other @type is an "entry".
ENTRY, STRING, PREAMBLE, COMMENT, TEXT = "entry", "string", "preamble", "comment", "text"
_SPECIAL = {"string": STRING, "preamble": PREAMBLE, "comment": COMMENT}


class BibPart(NamedTuple):
    """One operand of a value: ``{...}`` or ``"..."`` (``text`` without the delimiters), a
    number, or a macro name (``nips``, ``jan``)."""

    kind: str  # BRACED | QUOTED | NUMBER | NAME
    text: str


@dataclass(slots=True)
class BibField:
    """``name = value`` as written, with the spacing around ``=``; offsets into the text."""

    name: str  # as written
    value: str  # the raw value, first operand to last: '{Attention}', 'nips # " 30"'
    parts: tuple[BibPart, ...]
    start: int  # offset of the name
    end: int  # offset just past the value
    indent: str | None  # what precedes the name on its line, when that is only blanks
    before_eq: str
    after_eq: str

    @property
    def delimiter(self) -> str:
        """``{`` or ``"`` for one delimited operand, ``bare`` for a number or macro, ``#``
        for a concatenation."""
        if len(self.parts) != 1:
            return "#"
        kind = self.parts[0].kind
        return kind if kind in (BRACED, QUOTED) else "bare"


@dataclass(slots=True)
class BibBlock:
    """One block of the text: an entry, ``@string``, ``@preamble``, ``@comment``, or the
    free text between them (``kind == "text"``). ``raw == text[start:end]``."""

    kind: str  # ENTRY | STRING | PREAMBLE | COMMENT | TEXT
    start: int  # offset of "@" (of the first character for text)
    end: int  # just past the closing delimiter (of a broken block: its last non-blank)
    line: int  # 1-based
    end_line: int  # 1-based line of the last character
    raw: str
    type: str = ""  # as written: "article", "InProceedings", "STRING"
    key: str = ""
    fields: tuple[BibField, ...] = ()
    problem: str = ""  # why the block is broken ("" when it reads cleanly)

    @property
    def head(self) -> str:
        """The start of the block's first line, to name it in a message."""
        opener = _OPENER.search(self.raw)
        return self.raw[: opener.end() + 40 if opener else len(self.raw)].split("\n")[0].strip()

    def values(self) -> dict[str, str]:
        """Lower-case field name -> raw value; BibTeX keeps the first of repeated fields."""
        found: dict[str, str] = {}
        for item in self.fields:
            found.setdefault(item.name.lower(), item.value)
        return found


def split_bib(text: str) -> Iterator[BibBlock]:
    """The blocks of a ``.bib`` file, in order."""
    return _Splitter(text, pasted=False, stop_at_blank_line=False).blocks()


def split_pasted(text: str, *, stop_at_blank_line: bool = True) -> Iterator[BibBlock]:
    """The blocks of BibTeX pasted among other text (an issue body, a code block).

    ``stop_at_blank_line``: an entry that never closes ends at the first blank line
    (right in prose; wrong in a code block that holds nothing but BibTeX).
    """
    return _Splitter(text, pasted=True, stop_at_blank_line=stop_at_blank_line).blocks()


class _ReadError(ValueError):
    """The block cannot be read on; the message says why."""


class _Splitter:
    """Cuts one text into blocks, lazily: a 10,000-entry file is never held as blocks."""

    def __init__(self, text: str, *, pasted: bool, stop_at_blank_line: bool) -> None:
        self.text = text
        self.pasted = pasted
        self.stop_at_blank_line = stop_at_blank_line
        self._line = 1  # the line of offset self._line_at
        self._line_at = 0

    def _line_of(self, offset: int) -> int:
        """1-based line of ``offset``; asked for in increasing order, so counted on."""
        self._line += self.text.count("\n", self._line_at, offset)
        self._line_at = offset
        return self._line

    def blocks(self) -> Iterator[BibBlock]:
        text = self.text
        starts = list((_PASTED_START if self.pasted else _FILE_START).finditer(text))
        done = 0
        for index, start in enumerate(starts):
            window = starts[index + 1].start() if index + 1 < len(starts) else len(text)
            if self.pasted:
                window = min(window, start.end() + MAX_PASTED_CHARS)
            first = _NOT_SPACE.search(text, done, start.start("at"))
            if first is not None:
                yield self._text_block(first.start(), start.start("at"))
            block = self._block(start, window)
            done = block.end
            yield block
        first = _NOT_SPACE.search(text, done)
        if first is not None:
            yield self._text_block(first.start(), len(text))

    def _text_block(self, start: int, end: int) -> BibBlock:
        """The free text from ``start`` (not a blank) to ``end``, less its trailing blanks."""
        raw = self.text[start:end].rstrip()
        line = self._line_of(start)
        return BibBlock(TEXT, start, start + len(raw), line, line + raw.count("\n"), raw)

    def _block(self, start: re.Match[str], window: int) -> BibBlock:
        """The block that ``start`` opens, read no further than ``window``."""
        at = start.start("at")
        entry_type = start.group("type")
        kind = _SPECIAL.get(entry_type.lower(), ENTRY)
        line = self._line_of(at)
        reader = _Reader(self.text, start, window, self.pasted).read(kind)
        end = reader.end
        if end is None:  # never closed
            end = window
            if self.pasted and self.stop_at_blank_line:
                blank = _BLANK_LINE.search(self.text, start.end(), window)
                if blank is not None:
                    end = blank.start()
                    reader = _Reader(self.text, start, end, self.pasted).read(kind)
            end = start.end() + len(self.text[start.end() : end].rstrip())
        raw = self.text[at:end]
        return BibBlock(
            kind,
            at,
            end,
            line,
            line + raw.count("\n", 0, len(raw) - 1),
            raw,
            entry_type,
            reader.key,
            tuple(reader.fields),
            reader.problem,
        )


class _Reader:
    """A cursor over one block, from just after its opening delimiter to ``limit``.

    In pasted text, errors are noted (the first one in ``problem``) and read past.
    """

    def __init__(self, text: str, start: re.Match[str], limit: int, pasted: bool) -> None:
        self.text = text
        self.pos = start.end()
        self.limit = limit
        self.close = "}" if start.group("open") == "{" else ")"
        self.pasted = pasted
        self.end: int | None = None  # just past the closing delimiter, once found
        self.key = ""
        self.fields: list[BibField] = []
        self.problem = ""

    def read(self, kind: str) -> _Reader:
        try:
            if kind in (COMMENT, PREAMBLE):
                self._skip_group()
            else:
                if kind == ENTRY:
                    self._read_key()
                self._read_fields()
        except _ReadError as exc:
            self.problem = self.problem or str(exc)
        return self

    def _skip_space(self) -> None:
        found = _SPACE.match(self.text, self.pos, self.limit)
        assert found is not None
        self.pos = found.end()

    def _peek(self) -> str:
        return self.text[self.pos] if self.pos < self.limit else ""

    def _describe(self) -> str:
        snippet = self.text[self.pos : min(self.limit, self.pos + 20)].split("\n")[0]
        return repr(snippet) if snippet else "end of entry"

    def _fail(self, message: str) -> None:
        """Give the block up; in pasted text, note why and go on after the next comma."""
        if not self.pasted:
            raise _ReadError(message)
        self.problem = self.problem or message
        comma = self.text.find(",", self.pos, self.limit)
        self.pos = self.limit if comma == -1 else comma + 1

    def _skip_group(self) -> None:
        """``@comment`` and ``@preamble``: up to the delimiter matching the opening one."""
        depth = 0
        for found in _GROUP.finditer(self.text, self.pos, self.limit):
            char = found.group(0)
            if char == "{":
                depth += 1
            elif char == "}" and depth:
                depth -= 1
            elif char == self.close and depth == 0:
                self.end = found.end()
                return
        raise _ReadError(f"never closes: missing '{self.close}' (unbalanced braces?)")

    def _read_key(self) -> None:
        self._skip_space()
        start = self.pos
        found = _KEY.match(self.text, self.pos, self.limit)
        key = found.group(0) if found else ""
        if self.close == ")" and key.endswith(")"):
            key = key.rstrip(")")
        self.pos += len(key)
        self._skip_space()
        char = self._peek()
        if key and char in (",", self.close):
            self.key = key
            if char == ",":
                self.pos += 1
        elif self.pasted:
            self._read_pasted_key(start)
        elif char == "=":
            raise _ReadError("missing citation key before the first field")
        elif not key:
            raise _ReadError("missing citation key")
        else:
            raise _ReadError(f"expected ',' after the key {key!r}, found {self._describe()}")

    def _read_pasted_key(self, start: int) -> None:
        """A pasted key is whatever precedes the first comma, unless that holds a field; with
        no comma at all, all of the entry is its key."""
        comma = self.text.find(",", start, self.limit)
        if comma == -1:
            closing = self.text.find(self.close, start, self.limit)
            self.pos = self.limit if closing == -1 else closing
            self.key = self.text[start : self.pos].strip()[:200]
        elif "=" in self.text[start:comma]:
            self.pos = start
        else:
            self.key = self.text[start:comma].strip()[:200]
            self.pos = comma + 1

    def _read_fields(self) -> None:
        text, limit, close = self.text, self.limit, self.close
        simple = _SIMPLE_PASTED_FIELD if self.pasted else _SIMPLE_FIELD
        fields = self.fields
        while True:
            parts: tuple[BibPart, ...]
            found = simple.match(text, self.pos, limit)
            if found is not None:  # most fields: one operand without nested braces
                name, before, after, value, braced, quoted, word = found.groups()
                if braced is not None:
                    parts = (BibPart(BRACED, braced),)
                elif quoted is not None:
                    parts = (BibPart(QUOTED, quoted),)
                else:
                    parts = (BibPart(NUMBER if word.isdigit() else NAME, word),)
                start, end = found.start(1), found.end(4)
                self.pos = found.end()
            else:
                separators = _SEPARATORS.match(text, self.pos, limit)
                assert separators is not None
                self.pos = separators.end()
                if self.pos >= limit:
                    raise _ReadError(f"entry never closes: missing '{close}' (unbalanced braces?)")
                if text[self.pos] == close:
                    self.end = self.pos + 1
                    return
                head = _FIELD_HEAD.match(text, self.pos, limit)
                if head is None:
                    self._bad_field_head()
                    continue
                name, before, after = head.groups()
                read = self._read_value(name.lower(), head.end())
                if read is None:
                    continue
                value, parts, end = read
                start = head.start()
            fields.append(
                BibField(name, value, parts, start, end, _indent(text, start), before, after)
            )

    def _bad_field_head(self) -> None:
        found = _NAME.match(self.text, self.pos, self.limit)
        if not found:
            self._fail(f"expected a field name, found {self._describe()}")
            return
        self.pos = found.end()
        self._skip_space()
        name = found.group(0).lower()
        self._fail(f"expected '=' after field {name!r}, found {self._describe()}")

    def _read_value(self, name: str, pos: int) -> tuple[str, tuple[BibPart, ...], int] | None:
        """The value at ``pos`` (operands joined by ``#``) and its end; None if it has none."""
        text, limit = self.text, self.limit
        parts: list[BibPart] = []
        first = pos
        while True:
            char = text[pos] if pos < limit else ""
            if char == "{":
                flat = _BRACED.match(text, pos, limit)
                end, inner_end = (flat.end(), flat.end() - 1) if flat else self._braced_end(pos)
                parts.append(BibPart(BRACED, text[pos + 1 : inner_end]))
            elif char == '"':
                flat = _QUOTED.match(text, pos, limit)
                end, inner_end = (flat.end(), flat.end() - 1) if flat else self._quoted_end(pos)
                parts.append(BibPart(QUOTED, text[pos + 1 : inner_end]))
            elif char == "\u201c" and self.pasted:
                flat = _SMART_QUOTED.match(text, pos, limit)
                end, inner_end = (
                    (flat.end(), flat.end() - 1)
                    if flat
                    else self._unclosed("a quoted value never closes (missing '\u201d')")
                )
                parts.append(BibPart(QUOTED, text[pos + 1 : inner_end]))
            else:
                found = (
                    _PASTED_WORD.match(text, pos, limit)
                    if self.pasted
                    else _NUMBER.match(text, pos, limit) or _NAME.match(text, pos, limit)
                )
                if found is None:
                    self.pos = pos
                    self._fail(f"field {name!r} has no value, found {self._describe()}")
                    return None
                end = found.end()
                parts.append(BibPart(NUMBER if found.group(0).isdigit() else NAME, found.group(0)))
            after = _SPACE.match(text, end, limit)
            assert after is not None
            self.pos = after.end()
            if self.pos < limit and text[self.pos] == "#":
                after = _SPACE.match(text, self.pos + 1, limit)
                assert after is not None
                pos = after.end()
                continue
            return text[first:end], tuple(parts), end

    def _braced_end(self, pos: int) -> tuple[int, int]:
        """Just past the brace closing the one at ``pos``, and where the text inside ends."""
        depth = 0
        for brace in _BRACES.finditer(self.text, pos, self.limit):
            depth += 1 if brace.group(0) == "{" else -1
            if depth == 0:
                return brace.end(), brace.start()
        return self._unclosed("a braced value never closes (unbalanced braces)")

    def _quoted_end(self, pos: int) -> tuple[int, int]:
        """Just past the ``"`` closing the one at ``pos`` (outside braces, not ``\\"``), and
        where the text inside ends."""
        text = self.text
        depth = 0
        pos += 1
        while pos < self.limit:
            char = text[pos]
            if char == "{":
                depth += 1
            elif char == "}":
                depth -= 1
            elif char == '"' and depth == 0 and text[pos - 1] != "\\":
                return pos + 1, pos
            pos += 1
        return self._unclosed("a quoted value never closes (missing '\"')")

    def _unclosed(self, message: str) -> tuple[int, int]:
        """A value that never closes: the block is lost, or, pasted, the value runs on."""
        if not self.pasted:
            raise _ReadError(message)
        self.problem = self.problem or message
        return self.limit, self.limit


def _indent(text: str, start: int) -> str | None:
    """The white space between the line start and ``start``; None when other text precedes it.

    Walks back over that white space only, never to the line start: a one-line
    entry of thousands of fields must not cost a scan per field.
    """
    begin = start
    while begin > 0 and text[begin - 1] != "\n" and text[begin - 1].isspace():
        begin -= 1
    return text[begin:start] if begin == 0 or text[begin - 1] == "\n" else None
