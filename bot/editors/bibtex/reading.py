"""The .bib file's entries as the editor sees them: blocks, decoded facts, surroundings.

The splitter (``bot.references.bibtex_split``) gives each entry's fields as written;
this module adds what the style learner and the placement need: the decoded title,
surnames (as the ``.bib`` writes them: the part before the comma of ``Last, First``),
year, arXiv id, whether the entry is a bare preprint, and the comment line right above
it (``% June 16, 2026``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.editors.common import split_name
from bot.identifiers import normalize_arxiv
from bot.references.bibtex import AND, COMMA, split_top_level
from bot.references.bibtex_split import ENTRY, TEXT, BibBlock, BibField, split_bib
from bot.text import latex

_PREPRINT_VENUE = re.compile(r"arxiv|corr\b|preprint|biorxiv|medrxiv|ssrn", re.IGNORECASE)
VENUE_FIELDS = ("journal", "journaltitle", "booktitle")
_ARXIV_FIELDS = ("eprint", "arxivid", "arxiv", "journal", "volume", "url", "note", "howpublished")


def read_blocks(text: str) -> list[BibBlock]:
    """The file's blocks that matter here: entries (broken ones too), ``@string``,
    ``@preamble`` and ``@comment``; the free text between them is left alone."""
    return [block for block in split_bib(text) if block.kind != TEXT]


def inner(item: BibField) -> str:
    """A field's value without its delimiters (the raw text for a ``#`` concatenation)."""
    if len(item.parts) == 1:
        return item.parts[0].text
    return item.value


def unbrace(value: str) -> str:
    """A raw field value as plain text: outer delimiters, braces and commands removed."""
    value = value.strip()
    if len(value) >= 2 and value[0] in '{"' and value[-1] in '}"':
        value = value[1:-1]
    value = re.sub(r"\\[A-Za-z]+\s*", "", value)
    value = re.sub(r"\\(.)", r"\1", value)
    return value.replace("{", "").replace("}", "")


def bib_surname(raw_name: str) -> str:
    """The surname of one BibTeX name as written: ``Tonga Naha, Rodrigue`` ->
    ``Tonga Naha``, ``{ATLAS Collaboration}`` -> ``ATLAS Collaboration``."""
    pieces = split_top_level(raw_name.strip(), COMMA)
    if len(pieces) >= 2:
        return latex.decode(pieces[0])
    decoded = latex.decode(raw_name)
    if raw_name.strip().startswith("{") and raw_name.strip().endswith("}"):
        return decoded
    return split_name(decoded)[1]


def bib_names(raw: str) -> list[str]:
    """The names of a BibTeX name list, as written (``and others`` dropped)."""
    names = [n.strip() for n in split_top_level(raw, AND)]
    return [n for n in names if n and n.lower() != "others"]


@dataclass(frozen=True)
class EntryInfo:
    """One regular entry and the facts learnt from it."""

    block: BibBlock
    type: str  # lower case
    fields: dict[str, BibField]  # lower-case name -> first field of that name
    title: str
    surnames: tuple[str, ...]  # of the first four: keys name three, a fourth says more
    year: int | None
    arxiv: str | None
    preprint: bool  # an arXiv (or other) preprint with no other venue
    comment: str | None  # the comment line right above the entry, if any
    comment_line: int | None  # its 0-based line index

    @property
    def key(self) -> str:
        return self.block.key

    @property
    def first_line(self) -> int:
        """0-based index of the entry's first line, its own comment line included."""
        return self.comment_line if self.comment_line is not None else self.block.line - 1

    def value(self, name: str) -> str:
        item = self.fields.get(name)
        return inner(item) if item else ""


def entry_info(block: BibBlock, lines: Sequence[str]) -> EntryInfo:
    fields: dict[str, BibField] = {}
    for item in block.fields:
        fields.setdefault(item.name.lower(), item)
    wanted = ("title", "year", "date", *_ARXIV_FIELDS, *VENUE_FIELDS)
    text = {name: latex.decode(inner(fields[name])) for name in wanted if name in fields}
    year_match = re.search(r"\d{4}", text.get("year") or text.get("date") or "")
    arxiv = None
    for name in _ARXIV_FIELDS:
        arxiv = normalize_arxiv(text.get(name, "")) if name in text else None
        if arxiv:
            break
    venue = next((text[n] for n in VENUE_FIELDS if text.get(n)), "")
    preprint = bool(arxiv) and (not venue or bool(_PREPRINT_VENUE.search(venue)))
    above = block.line - 2
    comment = None
    comment_line = None
    if 0 <= above < len(lines) and lines[above].lstrip().startswith("%"):
        comment, comment_line = lines[above], above
    authors = fields.get("author") or fields.get("editor")
    # The first three: keys use at most that many, and so does an order by authors.
    surnames = tuple(bib_surname(n) for n in bib_names(inner(authors))[:4]) if authors else ()
    return EntryInfo(
        block,
        block.type.lower(),
        fields,
        text.get("title", ""),
        surnames,
        int(year_match.group(0)) if year_match else None,
        arxiv,
        preprint,
        comment,
        comment_line,
    )


def regular_entries(blocks: Sequence[BibBlock], lines: Sequence[str]) -> list[EntryInfo]:
    """The entries that read cleanly and have a key, with their facts."""
    return [
        entry_info(block, lines)
        for block in blocks
        if block.kind == ENTRY and block.key and not block.problem
    ]
