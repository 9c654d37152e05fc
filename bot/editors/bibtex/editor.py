"""Add BibTeX entries for new papers in the file's own style, touching nothing else.

The file is split (``bot.references.bibtex_split``, the loader's splitter, so both see
the same entries) and never re-serialised. Its entries teach the style (:mod:`.style`),
the key scheme (:mod:`.keys`) and the order (:mod:`.place`); a new entry is rendered by
the ``bibtex-entry.bib.j2`` template from values escaped in :mod:`.values`, and spliced
in as whole lines, with the file's own line endings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from bot.editors.bibtex.columns import reach, width
from bot.editors.bibtex.fields import field_lines, plan_fields
from bot.editors.bibtex.keys import Fields, base_key, make_key, record_key
from bot.editors.bibtex.learn import learn_style
from bot.editors.bibtex.place import detect_order, insertion_index
from bot.editors.bibtex.reading import EntryInfo, inner, read_blocks, regular_entries, unbrace
from bot.editors.bibtex.sections import (
    SectionPlace,
    month_headings,
    record_month,
    section_place,
)
from bot.editors.bibtex.style import BibStyle
from bot.editors.common import describe_record, record_ids
from bot.editors.lines import Lines, render_lines
from bot.editors.result import EditResult, finish
from bot.identifiers import (
    acl_doi,
    arxiv_from_doi,
    find_arxiv_ids,
    find_dois,
    normalize_arxiv,
)
from bot.models import Skipped
from bot.references.bibtex_split import ENTRY, STRING, BibBlock
from bot.references.common import normalize_newlines
from bot.render import Renderer
from bot.suggestions import PaperItem, PaperRecord
from bot.text.normalize import title_key

TEMPLATE = "bibtex-entry.bib.j2"


@dataclass
class BibIndex:
    """What the file already holds, to skip papers it has and to keep keys unique."""

    keys: set[str] = field(default_factory=set)
    arxiv: dict[str, str] = field(default_factory=dict)
    dois: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, blocks: Sequence[BibBlock]) -> BibIndex:
        index = cls()
        for block in blocks:
            index.add_entry(block)
        return index

    def add_entry(self, entry: BibBlock) -> None:
        if entry.key:
            self.keys.add(entry.key.lower())
        if entry.kind != ENTRY:
            return
        label = entry.key or "(no key)"
        values = entry.values()
        for name in (
            "eprint", "arxiv", "arxivid", "journal", "volume", "number", "url", "doi", "note",
            "howpublished",
        ):  # fmt: skip
            value = values.get(name)
            if not value:
                continue
            plain = unbrace(value)
            ids = (
                [normalize_arxiv(plain)]
                if name in {"eprint", "arxiv", "arxivid"}
                else find_arxiv_ids(plain)
            )
            for arxiv in ids:
                if arxiv:
                    self.arxiv.setdefault(arxiv, label)
            dois = find_dois(plain) if name != "eprint" else []
            if name == "url" and not dois:
                dois = [d for d in (acl_doi(plain),) if d]  # an ACL Anthology page
            for doi in dois:
                self.dois.setdefault(doi, label)
                from_doi = arxiv_from_doi(doi)
                if from_doi:
                    self.arxiv.setdefault(from_doi, label)
        title = title_key(unbrace(values.get("title", "")))
        if title:
            self.titles.setdefault(title, label)

    def key_of(self, record: PaperRecord) -> tuple[str, str] | None:
        """(key, how it was recognised) of the entry ``record`` already has, if any."""
        arxiv, dois = record_ids(record)
        if arxiv and arxiv in self.arxiv:
            return self.arxiv[arxiv], f"arXiv:{arxiv}"
        for doi in dois:
            if doi in self.dois:
                return self.dois[doi], f"doi:{doi}"
        title = title_key(record.title)
        if title and title in self.titles:
            return self.titles[title], "its title"
        return None

    def find(self, record: PaperRecord) -> str | None:
        found = self.key_of(record)
        return f"{found[1]} is already in the file as {found[0]}" if found else None

    def add_record(self, record: PaperRecord, key: str) -> None:
        self.keys.add(key.lower())
        arxiv, dois = record_ids(record)
        if arxiv:
            self.arxiv[arxiv] = key
        for doi in dois:
            self.dois[doi] = key
        title = title_key(record.title)
        if title:
            self.titles[title] = key


def learn(text: str) -> tuple[BibStyle, list[EntryInfo], list[BibBlock]]:
    """The file's style, its regular entries and all its blocks (on ``\\n`` line ends)."""
    plain = normalize_newlines(text)
    blocks = read_blocks(plain)
    entries = regular_entries(blocks, plain.split("\n"))
    return learn_style(plain, entries, string_macros(blocks)), entries, blocks


def string_macros(blocks: Sequence[BibBlock]) -> dict[str, str]:
    """The file's ``@string`` macros: name -> value as written."""
    return {
        f.name.lower(): inner(f)
        for block in blocks
        if block.kind == STRING and not block.problem
        for f in block.fields
        if len(f.parts) == 1
    }


def render_entry(
    record: PaperRecord,
    key: str,
    style: BibStyle,
    renderer: Renderer,
    day: dt.date | None = None,
) -> list[str]:
    """The lines of one new entry for ``record`` under ``key`` (its comment line first)."""
    entry_type, fields = plan_fields(record, style)
    second = style.second_group(entry_type)
    if second:
        fields = [f for f in fields if f.name not in second] + [
            f for f in fields if f.name in second
        ]
    blocks = field_lines(record, fields, style)
    split = next((i for i, f in enumerate(fields) if second and f.name in second), None)
    comment = None
    if style.comment and day is not None:
        before, date_format, after = style.comment
        comment = f"{before}{date_format.format(day)}{after}"
    type_name = style.type_name(entry_type)
    if style.key_column:  # the blanks Emacs puts between the brace and the key
        column, tabs = style.key_column
        key = (reach(width(f"@{type_name}{{"), column, tabs) or " ") + key
    return render_lines(
        TEMPLATE,
        renderer,
        comment=comment,
        entry_type=type_name,
        key=key,
        fields=blocks,
        group_break=split if split else None,
        closing_own_line=style.closing_own_line,
    )


def add_bibtex_entries(
    text: str,
    items: Sequence[PaperItem | PaperRecord],
    *,
    renderer: Renderer,
    day: dt.date | None = None,
) -> EditResult:
    """Add an entry per new paper to the .bib ``text``; existing bytes stay identical.

    ``day`` dates the comment line some files write above every entry.
    """
    style, entries, blocks = learn(text)
    order = detect_order(entries)
    index = BibIndex.of(blocks)
    lines = Lines.parse(text)
    # A comment right above an entry is its own when the file dates every entry that
    # way; otherwise it heads a group, and a new entry goes below it.
    anchors: list[tuple[str, Fields, int]] = [
        (
            e.key,
            Fields(e.surnames, str(e.year or ""), e.title),
            e.first_line if style.comment else e.block.line - 1,
        )
        for e in entries
    ]
    last_end = max((b.end_line - 1 for b in blocks), default=None)
    changes: list[str] = []
    skipped: list[Skipped] = []
    added: list[Any] = []
    for item in items:
        record = item.record if isinstance(item, PaperItem) else item
        what = describe_record(record)
        duplicate = index.find(record)
        if duplicate:
            skipped.append(Skipped(what, duplicate))
            continue
        arxiv, dois = record_ids(record)
        if not title_key(record.title) and not arxiv and not dois:
            skipped.append(Skipped(what, "no title or identifier to write an entry from"))
            continue
        key = make_key(record, style.keys, index.keys)
        new_lines = render_entry(record, key, style, renderer, day)
        blanks = [""] * style.blank_lines
        fields = Fields.of(record)
        section = _section(lines.contents, style, record)
        head = [section.heading] if section and section.heading else []
        if section is not None and section.line is not None:
            # last under its month: before the next month's heading
            position = section.line
            before: int | None = next(
                (i for i, a in enumerate(anchors) if a[2] >= position), len(anchors)
            )
        elif section is None:
            before = insertion_index(order, [a[:2] for a in anchors], key, fields)
            position = anchors[before][2] if before is not None else -1
        else:
            before = None
        if before is not None:
            block = head + new_lines + blanks
            entry_at = position + len(head)
        else:
            position = len(lines) if last_end is None else last_end + 1
            block = (blanks if last_end is not None else []) + head + new_lines
            entry_at = position + len(block) - len(new_lines)
        if section is not None:
            where = f"under {section.where}" + (" (a new heading)" if head else "")
        elif before is not None:
            where = "at the top" if before == 0 else f"before {anchors[before][0]}"
        else:
            where = "at the end"
        lines.insert(position, block)
        anchors = [(k, f, at + len(block) if at >= position else at) for k, f, at in anchors]
        if before is not None:
            anchors.insert(before, (key, fields, entry_at))
            if last_end is not None:
                last_end += len(block)
        else:
            anchors.append((key, fields, entry_at))
            last_end = position + len(block) - 1
        index.add_record(record, key)
        changes.append(
            f"add BibTeX entry {key} for {what} ({where}){_key_note(record, key, style)}"
        )
        added.append(item)
    return finish(text, lines.text(), changes, skipped, added, reason="no new BibTeX entries")


def _section(lines: Sequence[str], style: BibStyle, record: PaperRecord) -> SectionPlace | None:
    """Where a file that groups its entries under month headings files ``record``
    (None: the file does not, it dates each entry instead, or the paper's month is unknown)."""
    headings = None if style.comment else month_headings(lines)
    month = record_month(record) if headings else None
    return section_place(headings, month) if headings and month else None


def _key_note(record: PaperRecord, key: str, style: BibStyle) -> str:
    """Say so when the file's keys carry a part no metadata gives."""
    if record_key(record) == key or style.keys.derivable:
        return ""
    if any(p.kind == "free" for p in style.keys.default):
        return (
            "; the file's keys end in a part only their source assigns (such as INSPIRE's "
            "texkeys): give the paper's own key as citation_key to use it"
        )
    return "; the file's keys hold a nickname: the title's first word stands in for it"


def keys_for(text: str, records: Sequence[PaperRecord]) -> list[str | None]:
    """The key each record has in the .bib ``text`` (None when it is not there)."""
    index = BibIndex.of(read_blocks(normalize_newlines(text)))
    return [found[0] if (found := index.key_of(r)) else None for r in records]


def scheme_key(text: str, record: PaperRecord) -> str:
    """The key the file's scheme gives ``record`` (before any clash suffix)."""
    style, _, _ = learn(text)
    return base_key(replace(record, citation_key=None), style.keys)[0]
