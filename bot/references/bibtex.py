"""BibTeX ``.bib`` files: a small tolerant parser, one entry at a time.

The file is cut into blocks at every line that starts an entry (``@type{`` or
``@type(``), as bibtexparser v2 does, so a broken entry (unbalanced braces, a
missing ``=``) costs that entry only: it is reported as ``Skipped`` with its
line and the parser goes on with the next block. Text between entries,
``@comment`` and ``@preamble`` are ignored; ``@string`` macros, ``#``
concatenation, month macros and ``crossref`` inheritance work as in BibTeX.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.identifiers import arxiv_from_doi, normalize_arxiv, normalize_doi
from bot.models import Reference, Skipped
from bot.references.common import LineIndex, ParseResult, find_urls, normalize_newlines, where
from bot.text import latex

EXTENSIONS = (".bib", ".bibtex")

_ENTRY_START = re.compile(
    r"^[ \t]*@[ \t]*(?P<type>[A-Za-z][\w-]*)[ \t]*(?P<open>[{(])", re.MULTILINE
)
_NAME = re.compile(r"[^\s,={}()\"#%'~]+")
_KEY = re.compile(r"[^\s,{}\"#%'~=]*")
_NUMBER = re.compile(r"\d+")
_BRACES = re.compile(r"[{}]")

MONTHS = {
    "jan": "January",
    "feb": "February",
    "mar": "March",
    "apr": "April",
    "may": "May",
    "jun": "June",
    "jul": "July",
    "aug": "August",
    "sep": "September",
    "oct": "October",
    "nov": "November",
    "dec": "December",
}
# Entry types that only hold shared fields for their crossref children.
_CONTAINERS = {"proceedings", "mvproceedings", "collection", "mvcollection"}


# Fields that identify the parent itself, so a child never inherits them.
_NOT_INHERITED = {
    "crossref",
    "ids",
    "key",
    "title",
    "subtitle",
    "doi",
    "url",
    "eprint",
    "archiveprefix",
    "eprinttype",
    "isbn",
    "issn",
    "pages",
}


class _EntryError(ValueError):
    """One entry cannot be read; the message says why."""


@dataclass
class Entry:
    """One BibTeX entry as written: type, key, raw (undecoded) field values, where it is."""

    type: str
    key: str
    fields: dict[str, str] = field(default_factory=dict)
    line: int = 0
    end_line: int = 0


def sniff(text: str) -> bool:
    """Does this text look like a BibTeX file?"""
    return bool(re.search(r"^[ \t]*@[ \t]*[A-Za-z]+[ \t]*[{(][^,=]*,", text, re.MULTILINE))


def parse(text: str, source: str = "") -> ParseResult:
    """Every usable entry of a ``.bib`` text as a ``Reference``, plus what was skipped."""
    entries, skipped = parse_entries(text, source)
    by_key = {entry.key.lower(): entry for entry in entries}
    parents = _resolve_crossrefs(entries, by_key)
    references = [
        to_reference(entry, source)
        for entry in entries
        if not (entry.type in _CONTAINERS and entry.key.lower() in parents)
    ]
    return ParseResult(tuple(references), tuple(skipped))


def parse_entries(text: str, source: str = "") -> tuple[list[Entry], list[Skipped]]:
    """The entries as written (macros expanded, nothing decoded), and the skipped ones."""
    text = normalize_newlines(text)
    lines = LineIndex(text)
    macros: dict[str, str] = dict(MONTHS)
    entries: list[Entry] = []
    skipped: list[Skipped] = []
    seen: dict[str, int] = {}
    starts = list(_ENTRY_START.finditer(text))
    for index, start in enumerate(starts):
        block_end = starts[index + 1].start() if index + 1 < len(starts) else len(text)
        kind = start.group("type").lower()
        line = lines.line(start.start("type"))
        if kind in ("comment", "preamble"):
            continue
        reader = _Reader(text, start.end(), block_end, start.group("open"), macros)
        try:
            if kind == "string":
                macros.update(reader.read_fields())
                continue
            key = reader.read_key()
            fields = reader.read_fields()
        except _EntryError as exc:
            head = text[start.start() : min(block_end, start.end() + 40)].split("\n")[0].strip()
            skipped.append(Skipped(what=f"{where(source, line)} {head}", why=str(exc)))
            continue
        if key.lower() in seen:
            skipped.append(
                Skipped(
                    what=f"{where(source, line)} @{kind}{{{key}",
                    why=f"duplicate key {key!r} (first defined on line {seen[key.lower()]})",
                )
            )
            continue
        seen[key.lower()] = line
        entries.append(Entry(kind, key, fields, line, lines.line(reader.end)))
    return entries, skipped


class _Reader:
    """A cursor over one entry's text, from just after its opening delimiter."""

    def __init__(self, text: str, pos: int, limit: int, opener: str, macros: dict[str, str]):
        self.text = text
        self.pos = pos
        self.limit = limit
        self.close = "}" if opener == "{" else ")"
        self.macros = macros
        self.end = pos

    def _skip_space(self) -> None:
        while self.pos < self.limit and self.text[self.pos].isspace():
            self.pos += 1

    def _peek(self) -> str:
        return self.text[self.pos] if self.pos < self.limit else ""

    def read_key(self) -> str:
        self._skip_space()
        found = _KEY.match(self.text, self.pos, self.limit)
        key = found.group(0) if found else ""
        if self.close == ")" and key.endswith(")"):
            key = key.rstrip(")")
        self.pos += len(key)
        self._skip_space()
        if self._peek() == "=":
            raise _EntryError("missing citation key before the first field")
        if not key:
            raise _EntryError("missing citation key")
        if self._peek() == ",":
            self.pos += 1
        elif self._peek() == self.close:
            pass
        else:
            raise _EntryError(f"expected ',' after the key {key!r}, found {self._describe()}")
        return key

    def read_fields(self) -> dict[str, str]:
        fields: dict[str, str] = {}
        while True:
            self._skip_space()
            char = self._peek()
            if char == ",":
                self.pos += 1
                continue
            if char == self.close:
                self.end = self.pos
                self.pos += 1
                return fields
            if not char:
                raise _EntryError(
                    f"entry never closes: missing '{self.close}' (unbalanced braces?)"
                )
            found = _NAME.match(self.text, self.pos, self.limit)
            if not found:
                raise _EntryError(f"expected a field name, found {self._describe()}")
            name = found.group(0).lower()
            self.pos = found.end()
            self._skip_space()
            if self._peek() != "=":
                raise _EntryError(f"expected '=' after field {name!r}, found {self._describe()}")
            self.pos += 1
            value = self._read_value(name)
            fields.setdefault(name, value)  # BibTeX keeps the first of repeated fields

    def _read_value(self, name: str) -> str:
        parts: list[str] = []
        while True:
            self._skip_space()
            char = self._peek()
            if char == "{":
                parts.append(self._read_braced())
            elif char == '"':
                parts.append(self._read_quoted())
            elif char.isdigit():
                found = _NUMBER.match(self.text, self.pos, self.limit)
                assert found is not None
                parts.append(found.group(0))
                self.pos = found.end()
            elif char and _NAME.match(char):
                found = _NAME.match(self.text, self.pos, self.limit)
                assert found is not None
                macro = found.group(0)
                self.pos = found.end()
                parts.append(self.macros.get(macro.lower(), macro))
            else:
                raise _EntryError(f"field {name!r} has no value, found {self._describe()}")
            self._skip_space()
            if self._peek() == "#":
                self.pos += 1
                continue
            return "".join(parts)

    def _read_braced(self) -> str:
        depth = 0
        start = self.pos
        for brace in _BRACES.finditer(self.text, self.pos, self.limit):
            depth += 1 if brace.group(0) == "{" else -1
            if depth == 0:
                self.pos = brace.end()
                return self.text[start + 1 : brace.start()]
        self.pos = self.limit
        raise _EntryError("a braced value never closes (unbalanced braces)")

    def _read_quoted(self) -> str:
        depth = 0
        start = self.pos + 1
        self.pos += 1
        while self.pos < self.limit:
            char = self.text[self.pos]
            if char == "{":
                depth += 1
            elif char == "}":
                depth -= 1
            elif char == '"' and depth == 0 and self.text[self.pos - 1] != "\\":
                self.pos += 1
                return self.text[start : self.pos - 1]
            self.pos += 1
        raise _EntryError("a quoted value never closes (missing '\"')")

    def _describe(self) -> str:
        snippet = self.text[self.pos : min(self.limit, self.pos + 20)].split("\n")[0]
        return repr(snippet) if snippet else "end of entry"


def _resolve_crossrefs(entries: list[Entry], by_key: dict[str, Entry]) -> set[str]:
    """Copy missing fields from each ``crossref`` parent; return the parents' keys."""
    parents: set[str] = set()
    for entry in entries:
        target = entry.fields.get("crossref", "").strip().lower()
        parent = by_key.get(target)
        if not target or parent is None or parent is entry:
            continue
        parents.add(target)
        for name, value in parent.fields.items():
            if name not in _NOT_INHERITED:
                entry.fields.setdefault(name, value)
        if parent.type in _CONTAINERS | {"book", "mvbook"} and "title" in parent.fields:
            entry.fields.setdefault("booktitle", parent.fields["title"])
    return parents


# Conversion to a Reference ---------------------------------------------------------------


def split_authors(raw: str) -> tuple[str, ...]:
    """A BibTeX name list (``Last, First and {OpenAI} and others``) as "First Last" names."""
    names = []
    for part in _split_top_level(raw, r"\s+and\s+"):
        part = part.strip()
        if not part or part.lower() == "others":
            continue
        name = person(part)
        if name:
            names.append(name)
    return tuple(names)


def person(raw: str) -> str:
    """One BibTeX name in "First Last" order: ``Vaswani, Ashish`` -> ``Ashish Vaswani``."""
    parts = [latex.decode(piece) for piece in _split_top_level(raw, r"\s*,\s*")]
    parts = [piece for piece in parts if piece]
    if len(parts) == 2:
        last, first = parts
        return f"{first} {last}"
    if len(parts) >= 3:
        last, junior, first = parts[0], parts[1], ", ".join(parts[2:])
        return f"{first} {last} {junior}"
    return parts[0] if parts else ""


def _split_top_level(text: str, separator: str) -> list[str]:
    """Split on a regex separator, but only outside braces."""
    if "{" not in text:
        return re.split(separator, text, flags=re.IGNORECASE)
    pieces: list[str] = []
    depth = 0
    start = 0
    pattern = re.compile(separator, re.IGNORECASE)
    i = 0
    while i < len(text):
        char = text[i]
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif depth == 0:
            found = pattern.match(text, i)
            if found and found.end() > i:
                pieces.append(text[start:i])
                start = i = found.end()
                continue
        i += 1
    pieces.append(text[start:])
    return pieces


def _clean_url(raw: str) -> str:
    raw = re.sub(r"\\url\s*", "", raw)
    raw = re.sub(r"\\([_%&#~$])", r"\1", raw)
    return latex.strip_braces(raw).strip()


def to_reference(entry: Entry, source: str = "") -> Reference:
    """The ``Reference`` for one entry: decoded title and names, ids from every field."""
    fields = entry.fields
    text = {name: latex.decode(value) for name, value in fields.items()}
    authors = split_authors(fields.get("author") or fields.get("editor") or "")

    year_text = text.get("year") or text.get("date") or ""
    year_match = re.search(r"\d{4}", year_text)
    year = int(year_match.group(0)) if year_match else None

    urls = []
    for name in ("url", "howpublished", "note", "pdf"):
        if name in fields:
            for url in find_urls(_clean_url(fields[name])):
                if url not in urls:
                    urls.append(url)

    doi = normalize_doi(_clean_url(fields.get("doi", ""))) or next(
        (found for found in map(normalize_doi, urls) if found), None
    )
    arxiv = _arxiv(fields, text, urls) or arxiv_from_doi(doi)

    return Reference(
        title=text.get("title", ""),
        key=entry.key,
        authors=authors,
        year=year,
        venue=_venue(entry.type, text),
        arxiv=arxiv,
        doi=doi,
        urls=tuple(urls),
        source=source,
        line=entry.line,
        end_line=entry.end_line,
    )


def _arxiv(fields: dict[str, str], text: dict[str, str], urls: list[str]) -> str | None:
    prefix = (text.get("archiveprefix") or text.get("eprinttype") or "").lower()
    candidates = []
    if "eprint" in text and (not prefix or "arxiv" in prefix):
        candidates.append(text["eprint"])
    journal = text.get("journal") or text.get("journaltitle") or text.get("booktitle") or ""
    candidates.append(journal)
    volume = text.get("volume", "")
    if "abs/" in volume.lower():  # DBLP: journal = {CoRR}, volume = {abs/2303.18223}
        candidates.append(volume)
    candidates.extend(urls)
    candidates.extend(text.get(name, "") for name in ("howpublished", "note"))
    for candidate in candidates:
        found = normalize_arxiv(candidate)
        if found:
            return found
    return None


def _venue(kind: str, text: dict[str, str]) -> str | None:
    order = ["journal", "journaltitle", "booktitle", "eventtitle"]
    if kind in ("phdthesis", "mastersthesis", "thesis"):
        order += ["school", "institution"]
    elif kind in ("techreport", "report"):
        order += ["institution", "organization"]
    elif kind in ("book", "inbook", "mvbook"):
        order += ["publisher"]
    order += ["howpublished", "organization", "publisher"]
    for name in order:
        value = text.get(name, "").strip()
        if value and not value.lower().startswith(("http://", "https://")):
            return value
    return None
