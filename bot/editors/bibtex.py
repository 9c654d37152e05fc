"""Add BibTeX entries for new papers in the file's own style, touching nothing else.

The file is split (``bot.references.bibtex_split``, the loader's splitter, so both see the
same entries) and never re-serialised. Its entries give its key style
(``touvron2023llama``, ``Touvron2023``, ``touvron-etal-2023-llama``, ...), its
field layout (indentation, name case, ``=`` spacing/alignment, braces or
quotes, double-braced titles, trailing commas, blank lines between entries)
and whether its keys are sorted. A new entry is rendered by the
``bibtex-entry.bib.j2`` template, with every untrusted value passed through
the ``latex`` filter, and spliced in as whole lines.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from bot.editors.common import (
    ascii_word,
    describe_record,
    first_significant_word,
    mode,
    paper_url,
    record_ids,
    split_name,
)
from bot.editors.lines import Lines, render_lines
from bot.editors.result import EditResult, finish
from bot.identifiers import (
    arxiv_from_doi,
    find_arxiv_ids,
    find_dois,
    normalize_arxiv,
    normalize_doi,
)
from bot.models import PaperItem, PaperRecord, Skipped
from bot.references.bibtex_split import ENTRY, TEXT, BibBlock, BibField, split_bib
from bot.render import Renderer
from bot.text.normalize import title_key

TEMPLATE = "bibtex-entry.bib.j2"

# --------------------------------------------------------------------------- reading


def read_blocks(text: str) -> list[BibBlock]:
    """The file's blocks that matter here: entries (broken ones too), ``@string``,
    ``@preamble`` and ``@comment``; the free text between them is left alone."""
    return [block for block in split_bib(text) if block.kind != TEXT]


def unbrace(value: str) -> str:
    """A raw field value as plain text: outer delimiters, braces and commands removed."""
    value = value.strip()
    if len(value) >= 2 and value[0] in '{"' and value[-1] in '}"':
        value = value[1:-1]
    value = re.sub(r"\\[A-Za-z]+\s*", "", value)
    value = re.sub(r"\\(.)", r"\1", value)
    return value.replace("{", "").replace("}", "")


# --------------------------------------------------------------------------- style


@dataclass(frozen=True)
class BibStyle:
    """How the file writes its entries; every default is the common Google Scholar style."""

    key_style: str = "google"
    sorted_keys: bool = False
    type_case: str = "lower"  # lower | title | upper
    name_case: str = "lower"  # lower | title | upper
    indent: str = "  "
    before_eq: str = ""
    after_eq: str = ""
    align_column: int | None = None  # column of "=" when the file aligns them
    quote: str = "{"  # { | "
    title_double_braces: bool = False
    bare_year: bool = False
    trailing_comma: bool = False
    closing_own_line: bool = True
    blank_lines: int = 1
    names_last_first: bool = True
    arxiv_as_misc: bool = False


_PLAIN_NAME = re.compile(r"[A-Za-z][\w\-]*")
_BLANKS = re.compile(r"[ \t]*")


def _case_of(word: str) -> str:
    if word.isupper() and len(word) > 1:
        return "upper"
    if word[:1].isupper():
        return "title"
    return "lower"


_TITLE_CASE_TYPES = {
    "inproceedings": "InProceedings",
    "incollection": "InCollection",
    "phdthesis": "PhdThesis",
}


def _apply_case(word: str, case: str) -> str:
    if case == "upper":
        return word.upper()
    if case == "title":
        return _TITLE_CASE_TYPES.get(word, word[:1].upper() + word[1:])
    return word


def _layout(item: BibField) -> tuple[str, str, str, str, str] | None:
    """(indent, name, blanks before and after ``=``, first character of the value) of a
    field laid out on a line of its own; None for any other field."""
    if (
        item.indent is None
        or not _BLANKS.fullmatch(item.indent)
        or not _PLAIN_NAME.fullmatch(item.name)
        or not _BLANKS.fullmatch(item.before_eq)
    ):
        return None
    rest = item.after_eq.lstrip(" \t")  # not empty: the value starts on another line
    after = item.after_eq[: len(item.after_eq) - len(rest)]
    return item.indent, item.name, item.before_eq, after, "" if rest else item.value[:1]


def detect_style(text: str, blocks: Sequence[BibBlock]) -> BibStyle:
    """The file's style, learnt from its entries that read cleanly."""
    regular = [e for e in blocks if e.kind == ENTRY and e.key and not e.problem]
    if not regular:
        return BibStyle()
    lines = text.split("\n")
    indents: list[str] = []
    names: list[str] = []
    befores: list[str] = []
    afters: list[str] = []
    quotes: list[str] = []
    columns: list[int] = []
    aligned_votes: list[bool] = []
    trailing: list[bool] = []
    own_line: list[bool] = []
    title_braces: list[bool] = []
    bare_years: list[bool] = []
    last_first: list[bool] = []
    for entry in regular:
        entry_columns: list[int] = []
        entry_name_lengths: set[int] = set()
        for item in entry.fields:
            layout = _layout(item)
            if layout is None:
                continue
            indent, name, before, after, first = layout
            indents.append(indent)
            names.append(_case_of(name))
            befores.append(before)
            afters.append(after)
            if first in '{"':
                quotes.append(first)
            column = len(indent) + len(name) + len(before)
            entry_columns.append(column)
            entry_name_lengths.add(len(name))
        if len(entry_columns) >= 2 and len(entry_name_lengths) >= 2:
            aligned = len(set(entry_columns)) == 1
            aligned_votes.append(aligned)
            if aligned:
                columns.append(entry_columns[0])
        closing_line = lines[entry.end_line - 1].rstrip("\r").strip()
        own_line.append(closing_line in {"}", ")"})
        trailing.append(entry.raw[:-1].rstrip().endswith(","))
        values = entry.values()
        title = values.get("title")
        if title:
            title_braces.append(
                (title.startswith("{{") and title.endswith("}}")) or title.startswith('"{')
            )
        year = values.get("year")
        if year:
            bare_years.append(year[:1].isdigit())
        author = values.get("author")
        if author:
            first_author = re.split(r"\s+and\s+", unbrace(author))[0]
            last_first.append("," in first_author)
    misc_arxiv = [
        e.type.lower() == "misc"
        for e in regular
        if "eprint" in e.values() or "arxiv" in e.values().get("journal", "").lower()
    ]
    aligned = mode(aligned_votes, False)  # False when no entry could tell
    return BibStyle(
        key_style=_detect_key_style([e.key for e in regular]),
        sorted_keys=_keys_sorted([e.key for e in regular]),
        type_case=mode((_case_of(e.type) for e in regular), "lower"),
        name_case=mode(names, "lower"),
        indent=mode(indents, "  "),
        before_eq=mode(befores, ""),
        after_eq=mode(afters, ""),
        align_column=mode(columns, None) if aligned else None,
        quote=mode(quotes, "{"),
        title_double_braces=bool(mode(title_braces, False)),
        bare_year=bool(mode(bare_years, False)),
        trailing_comma=bool(mode(trailing, False)),
        closing_own_line=bool(mode(own_line, True)),
        blank_lines=_blank_lines_between(lines, regular),
        names_last_first=bool(mode(last_first, True)),
        arxiv_as_misc=bool(mode(misc_arxiv, False)),
    )


def _blank_lines_between(lines: Sequence[str], entries: Sequence[BibBlock]) -> int:
    gaps = []
    for before, after in pairwise(entries):
        between = lines[before.end_line : after.line - 1]
        if all(not line.strip() for line in between):
            gaps.append(len(between))
    return mode(gaps, 1)


def _keys_sorted(keys: Sequence[str]) -> bool:
    lowered = [k.lower() for k in keys]
    return len(lowered) >= 3 and lowered == sorted(lowered)


# --------------------------------------------------------------------------- keys


@dataclass(frozen=True)
class KeyParts:
    surnames: tuple[str, ...]  # ASCII lower-case surnames of the first authors
    year: str
    word: str


_KEY_STYLES: dict[str, tuple[re.Pattern[str], Callable[[KeyParts], str]]] = {
    # touvron2023llama (Google Scholar)
    "google": (
        re.compile(r"^[a-z]+\d{4}[a-z][a-z0-9]+$"),
        lambda p: f"{p.surnames[0]}{p.year}{p.word}",
    ),
    # touvron-etal-2023-llama (ACL Anthology)
    "acl": (
        re.compile(r"^[a-z]+(?:-[a-z]+)*-\d{4}-[a-z0-9]+$"),
        lambda p: "-".join(
            [
                p.surnames[0],
                *(["etal"] if len(p.surnames) > 2 else list(p.surnames[1:2])),
                *([p.year] if p.year else []),
                *([p.word] if p.word else []),
            ]
        ),
    ),
    # Touvron2023
    "AuthorYear": (
        re.compile(r"^[A-Z][A-Za-z]*\d{4}[a-z]?$"),
        lambda p: f"{p.surnames[0][:1].upper()}{p.surnames[0][1:]}{p.year}",
    ),
    # touvron2023
    "authoryear": (
        re.compile(r"^[a-z]+\d{4}[a-z]?$"),
        lambda p: f"{p.surnames[0]}{p.year}",
    ),
    # touvron_2023_llama
    "snake": (
        re.compile(r"^[a-z]+_\d{4}_[a-z0-9]+$"),
        lambda p: "_".join(x for x in (p.surnames[0], p.year, p.word) if x),
    ),
}
_KEY_PREFERENCE = ("authoryear", "AuthorYear", "acl", "snake", "google")


def _detect_key_style(keys: Sequence[str]) -> str:
    votes: Counter[str] = Counter()
    for key in keys:
        for name in _KEY_PREFERENCE:
            if _KEY_STYLES[name][0].match(key):
                votes[name] += 1
                break
    if not votes:
        return "google"
    return max(_KEY_PREFERENCE, key=lambda name: (votes[name], name == "google"))


def key_parts(record: PaperRecord) -> KeyParts:
    surnames = tuple(s for s in (ascii_word(split_name(a)[1]) for a in record.authors) if s) or (
        "anon",
    )
    year = str(record.year) if record.year else ""
    return KeyParts(surnames, year, first_significant_word(record.title) or "paper")


def make_key(record: PaperRecord, style: str, taken: set[str]) -> str:
    """A key in ``style`` not in ``taken`` (compared case-insensitively), suffixed a, b, ..."""
    base = _KEY_STYLES.get(style, _KEY_STYLES["google"])[1](key_parts(record))
    if base.lower() not in taken:
        return base
    for suffix in _suffixes():
        candidate = f"{base}{suffix}"
        if candidate.lower() not in taken:
            return candidate
    raise AssertionError("unreachable")


def _suffixes() -> Iterable[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    yield from letters
    for first in letters:
        for second in letters:
            yield first + second


# --------------------------------------------------------------------------- fields


_CONFERENCE = re.compile(
    r"\b(conference|proceedings|workshop|symposium|neurips|nips|icml|iclr|acl|emnlp|naacl|"
    r"coling|eacl|aaai|ijcai|cvpr|iccv|eccv|kdd|sigir|www|wsdm|cikm|interspeech|icassp|"
    r"findings|colm|uai|aistats|corl|rss|icra|iros)\b",
    re.IGNORECASE,
)


def _real_venue(record: PaperRecord) -> str | None:
    for venue in (record.published_venue, record.venue):
        if venue and not re.match(r"^\s*(arxiv|corr)\b", venue, re.IGNORECASE):
            return venue
    return None


def _primary_class(record: PaperRecord, arxiv: str) -> str | None:
    known = getattr(record, "primary_class", None) or getattr(record, "primaryClass", None)
    if isinstance(known, str) and re.fullmatch(r"[a-z\-]+(?:\.[A-Za-z\-]+)?", known):
        return known
    if "/" in arxiv:  # old-style ids carry their archive: hep-th/9901001
        return arxiv.split("/", 1)[0]
    return None


def _author_names(record: PaperRecord, last_first: bool) -> list[str]:
    names = []
    for author in record.authors:
        if not author.strip():
            continue
        if last_first:
            first, last, suffix = split_name(author)
            parts = [last, suffix, first] if suffix else [last, first]
            names.append(", ".join(p for p in parts if p))
        else:
            names.append(" ".join(author.split()))
    return names


def entry_fields(record: PaperRecord, style: BibStyle) -> tuple[str, list[dict[str, Any]]]:
    """(entry type, ordered fields) for ``record``; values are raw, the template escapes."""
    arxiv = record_ids(record)[0]
    venue = _real_venue(record)
    doi = normalize_doi(record.published_doi or "") or normalize_doi(record.doi or "")
    if doi and arxiv and arxiv_from_doi(doi) == arxiv:
        doi = None  # arXiv's own DataCite DOI adds nothing to the eprint fields
    fields: list[tuple[str, Any, str]] = [("title", record.title, "title")]
    names = _author_names(record, style.names_last_first)
    if names:
        fields.append(("author", names, "names"))
    if venue and _CONFERENCE.search(venue):
        entry_type = "inproceedings"
        fields.append(("booktitle", venue, "text"))
    elif venue:
        entry_type = "article"
        fields.append(("journal", venue, "text"))
    elif arxiv and not style.arxiv_as_misc:
        entry_type = "article"
        fields.append(("journal", f"arXiv preprint arXiv:{arxiv}", "text"))
    else:
        entry_type = "misc"
    if record.year:
        fields.append(("year", str(int(record.year)), "number"))
    if arxiv:
        fields.append(("eprint", arxiv, "verbatim"))
        fields.append(("archivePrefix", "arXiv", "verbatim"))
        primary = _primary_class(record, arxiv)
        if primary:
            fields.append(("primaryClass", primary, "verbatim"))
    if doi:
        fields.append(("doi", doi, "verbatim"))
    url = paper_url(record)
    if url:
        fields.append(("url", url, "verbatim"))

    rendered: list[dict[str, Any]] = []
    shown_names = [_apply_case(name, style.name_case) for name, _, _ in fields]
    if style.align_column is not None:
        longest = max(len(style.indent) + len(n) + 1 for n in shown_names)
        column = max(style.align_column, longest)
    for (_, value, kind), shown in zip(fields, shown_names, strict=True):
        if style.align_column is not None:
            pad = " " * (column - len(style.indent) - len(shown))
        else:
            pad = style.before_eq
        if kind == "number" and style.bare_year:
            opener, closer = "", ""
        elif style.quote == '"':
            opener, closer = (
                ('"{', '}"') if kind == "title" and style.title_double_braces else ('"', '"')
            )
        else:
            opener, closer = (
                ("{{", "}}") if kind == "title" and style.title_double_braces else ("{", "}")
            )
        rendered.append(
            {
                "name": shown,
                "pad": pad,
                "kind": "text" if kind == "title" else kind,
                "value": value,
                "open": opener,
                "close": closer,
                "quoted": opener.startswith('"'),
            }
        )
    return _apply_case(entry_type, style.type_case), rendered


# --------------------------------------------------------------------------- editor


@dataclass
class _Index:
    """What the file already holds, to skip papers it has and to keep keys unique."""

    keys: set[str] = field(default_factory=set)
    arxiv: dict[str, str] = field(default_factory=dict)
    dois: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)

    def add_entry(self, entry: BibBlock) -> None:
        if entry.key:
            self.keys.add(entry.key.lower())
        if entry.kind != ENTRY:
            return
        label = entry.key or "(no key)"
        values = entry.values()
        for name in ("eprint", "arxiv", "arxivid", "journal", "url", "doi", "note", "howpublished"):
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
            for doi in find_dois(plain) if name != "eprint" else []:
                self.dois.setdefault(doi, label)
                from_doi = arxiv_from_doi(doi)
                if from_doi:
                    self.arxiv.setdefault(from_doi, label)
        title = title_key(unbrace(values.get("title", "")))
        if title:
            self.titles.setdefault(title, label)

    def find(self, record: PaperRecord) -> str | None:
        arxiv, dois = record_ids(record)
        if arxiv and arxiv in self.arxiv:
            return f"arXiv:{arxiv} is already in the file as {self.arxiv[arxiv]}"
        for doi in dois:
            if doi in self.dois:
                return f"doi:{doi} is already in the file as {self.dois[doi]}"
        title = title_key(record.title)
        if title and title in self.titles:
            return f"its title is already in the file as {self.titles[title]}"
        return None

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


def _key_case(entries: Sequence[BibBlock], lowered: str) -> str:
    return next((e.key for e in entries if e.key.lower() == lowered), lowered)


def render_entry(
    record: PaperRecord, key: str, style: BibStyle, renderer: Renderer
) -> list[str]:
    """The lines of one new entry for ``record`` under ``key``."""
    entry_type, fields = entry_fields(record, style)
    return render_lines(
        TEMPLATE,
        renderer,
        entry_type=entry_type,
        key=key,
        fields=fields,
        style=style,
    )


def add_bibtex_entries(
    text: str,
    items: Sequence[PaperItem | PaperRecord],
    *,
    renderer: Renderer,
) -> EditResult:
    """Add an entry per new paper to the .bib ``text``; existing bytes stay identical."""
    blocks = read_blocks(text)
    style = detect_style(text, blocks)
    index = _Index()
    for entry in blocks:
        index.add_entry(entry)
    lines = Lines.parse(text)
    regular = [e for e in blocks if e.kind == ENTRY and e.key]  # broken ones too
    # Sorted insertion works on a growing list of (key, first line) anchors, lines 0-based.
    anchors: list[tuple[str, int]] = [(e.key.lower(), e.line - 1) for e in regular]
    last_end = max((e.end_line - 1 for e in blocks), default=None)
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
        key = make_key(record, style.key_style, index.keys)
        new_lines = render_entry(record, key, style, renderer)
        blanks = [""] * style.blank_lines
        following = None
        if style.sorted_keys:
            following = next(((k, line) for k, line in anchors if k > key.lower()), None)
        if following is not None:
            position = following[1]
            block = new_lines + blanks
            lines.insert(position, block)
            anchors = [(k, line + len(block) if line >= position else line) for k, line in anchors]
            anchors.append((key.lower(), position))
            anchors.sort(key=lambda a: a[1])
            if last_end is not None and last_end >= position:
                last_end += len(block)
            where = f"before {_key_case(regular, following[0])}"
        else:
            at = len(lines) if last_end is None else last_end + 1
            block = (blanks if last_end is not None else []) + new_lines
            lines.insert(at, block)
            anchors = [(k, line + len(block) if line >= at else line) for k, line in anchors]
            anchors.append((key.lower(), at + len(block) - len(new_lines)))
            anchors.sort(key=lambda a: a[1])
            last_end = at + len(block) - 1
            where = "at the end"
        index.add_record(record, key)
        changes.append(f"add BibTeX entry {key} for {what} ({where})")
        added.append(item)
    return finish(text, lines.text(), changes, skipped, added, reason="no new BibTeX entries")
