"""A new entry's type and fields, as the file's entries of the same kind have them.

Which fields go in follows the file: a preprint gets the fields the file's preprints
carry (``journal = {arXiv preprint arXiv:ID}`` in a Google Scholar file; ``eprint``,
``archivePrefix``, ``primaryClass`` from INSPIRE; ``journal = {CoRR}``,
``volume = {abs/ID}`` and the arXiv DOI from DBLP), a published paper the fields the
file's entries of its type carry, filled from the record where it has them. A field
the file uses but nobody can derive (``timestamp``, ``file``, an abstract) is never
invented, and a field the file never uses is not added. The order is the file's; a
file with no entries gets the common Google Scholar entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.editors.bibtex.columns import reach, width
from bot.editors.bibtex.style import CANONICAL, BibStyle, Shape, macro_key
from bot.editors.bibtex.values import encode_text, format_month, format_name, wrap
from bot.editors.common import paper_url, record_ids
from bot.identifiers import arxiv_from_doi, normalize_doi
from bot.suggestions import PaperRecord
from bot.text.escaping import doi_url, safe_url

_CONFERENCE = re.compile(
    r"\b(conference|proceedings|workshop|symposium|neurips|nips|icml|iclr|acl|emnlp|naacl|"
    r"coling|eacl|aaai|ijcai|cvpr|iccv|eccv|kdd|sigir|www|wsdm|cikm|interspeech|icassp|"
    r"findings|colm|uai|aistats|corl|rss|icra|iros)\b",
    re.IGNORECASE,
)

_DEFAULT_PREPRINT = Shape(
    "article",
    (
        ("title", ""),
        ("author", ""),
        ("journal", "arXiv preprint arXiv:{id}"),
        ("year", ""),
        ("eprint", "{id}"),
        ("archiveprefix", "=arXiv"),
        ("primaryclass", ""),
        ("url", ""),
    ),
)


def _published_default(entry_type: str) -> Shape:
    venue = "booktitle" if entry_type == "inproceedings" else "journal"
    names = ["title", "author", venue, "year", "eprint", "archiveprefix", "primaryclass"]
    fields = tuple((n, "=arXiv" if n == "archiveprefix" else "") for n in names)
    return Shape(entry_type, (*fields, ("doi", ""), ("url", "")))


def _minimal(shape: Shape) -> Shape:
    """A file whose entries never show a kind: only what every entry has."""
    keep = {"title", "author", "journal", "booktitle", "year"}
    return Shape(shape.type, tuple((n, t) for n, t in shape.fields if n in keep))


_EPRINT_FIELDS = frozenset({"eprint", "archiveprefix", "eprinttype", "primaryclass", "eprintclass"})


@dataclass(frozen=True)
class NewField:
    """One field of the new entry: lower-case name, plain value and how to write it."""

    name: str
    value: str | tuple[str, ...]
    # title | text | names | number | month | pages; id: an identifier or URL, checked;
    # raw: the file's own text (a template it uses, filled with an arXiv id), as it is;
    # macro: one of the file's @string names, written bare
    kind: str


def real_venue(record: PaperRecord) -> str | None:
    for venue in (record.published_venue, record.venue):
        if venue and not re.match(r"^\s*(arxiv|corr)\b", venue, re.IGNORECASE):
            return venue
    return None


def _arxiv_month(arxiv: str) -> int | None:
    found = re.fullmatch(r"\d{2}(\d{2})\.\d{4,5}", arxiv)
    return int(found.group(1)) if found and 1 <= int(found.group(1)) <= 12 else None


def _shape_for(record: PaperRecord, style: BibStyle) -> tuple[str, Shape]:
    arxiv = record_ids(record)[0]
    venue = real_venue(record)
    if not venue and arxiv:
        found = style.shape("preprint")
        if found is None:
            found = _minimal(_DEFAULT_PREPRINT) if style.observed else _DEFAULT_PREPRINT
        return "preprint", found
    if not venue:
        kind = record.kind or "misc"
        plain = Shape(kind, (("title", ""), ("author", ""), ("year", ""), ("url", "")))
        return kind, style.shape(kind) or plain
    entry_type = record.kind or ("inproceedings" if _CONFERENCE.search(venue) else "article")
    other = "article" if entry_type == "inproceedings" else "inproceedings"
    shape = style.shape(entry_type)
    if shape is None and style.observed:
        borrowed = style.shape(other)
        if borrowed is not None:
            swap = {"journal": "booktitle", "booktitle": "journal"}
            shape = Shape(entry_type, tuple((swap.get(n, n), t) for n, t in borrowed.fields))
        preprint = style.shape("preprint")
        if shape is not None and preprint is not None and arxiv:
            # No entry of this type to learn from: the arXiv fields the file's preprints
            # carry (INSPIRE writes eprint fields on published papers too).
            have = {n for n, _ in shape.fields}
            extra = tuple(
                (n, t) for n, t in preprint.fields if n in _EPRINT_FIELDS and n not in have
            )
            shape = Shape(shape.type, shape.fields + extra)
    if shape is None:
        shape = _published_default(entry_type)
        shape = _minimal(shape) if style.observed else shape
    return entry_type, shape


def plan_fields(record: PaperRecord, style: BibStyle) -> tuple[str, list[NewField]]:
    """(entry type, fields in the file's order) for ``record``."""
    kind, shape = _shape_for(record, style)
    arxiv = record_ids(record)[0] or ""
    doi = record.published_doi or record.doi or ""
    if doi and arxiv_from_doi(normalize_doi(doi)) == arxiv:
        doi = ""  # arXiv's own DataCite DOI adds nothing to the eprint fields
    venue = real_venue(record) or ""
    month = record.month or (_arxiv_month(arxiv) if kind == "preprint" else None)
    roles: dict[str, tuple[str | tuple[str, ...], str]] = {
        "title": (record.title, "title"),
        "author": (tuple(a for a in record.authors if a.strip()), "names"),
        "journal": (venue, "text"),
        "journaltitle": (venue, "text"),
        "booktitle": (venue, "text"),
        "year": (str(record.year or ""), "number"),
        "date": (
            f"{record.year}-{month:02d}" if record.year and month else str(record.year or ""),
            "id",
        ),
        "month": (str(month or ""), "month"),
        "volume": (record.volume or "", "text"),
        "number": (record.number or "", "text"),
        "pages": (record.pages or "", "pages"),
        "publisher": (record.publisher or "", "text"),
        "doi": (doi, "id"),
        "url": (_url(record, style, arxiv, doi), "id"),
        "primaryclass": (_primary_class(record, arxiv), "id"),
        "eprintclass": (_primary_class(record, arxiv), "id"),
    }
    fields: list[NewField] = []
    written = {name for name, _ in shape.fields}
    url = str(roles["url"][0])
    repeats_doi = bool(doi) and normalize_doi(url) == normalize_doi(doi)
    if repeats_doi and "doi" in written and style.url_from != "doi":
        roles["url"] = ("", "id")  # the DOI field says it already
    for name, template in shape.fields:
        if template == "":
            value, how = roles.get(name, ("", ""))
            if value:
                fields.append(NewField(name, value, how))
        elif "{id}" in template:
            if arxiv:
                fields.append(NewField(name, template.replace("{id}", arxiv), "raw"))
        elif template[:1] in ("=", "@") and (
            kind == "preprint" or (arxiv and name in {"archiveprefix", "eprinttype"})
        ):
            fields.append(NewField(name, template[1:], "raw" if template[0] == "=" else "macro"))
    if not any(f.name == "title" for f in fields):
        fields.insert(0, NewField("title", record.title, "title"))
    entry_type = (record.kind or shape.type) if kind == "preprint" else kind
    return entry_type, _ordered(fields, entry_type, style)


def _url(record: PaperRecord, style: BibStyle, arxiv: str, doi: str) -> str:
    if style.url_from == "doi" and doi:
        return doi_url(doi) or ""
    if style.url_from == "arxiv" and arxiv:
        return f"https://arxiv.org/abs/{arxiv}"
    return safe_url(record.url) or paper_url(record) or ""


def _primary_class(record: PaperRecord, arxiv: str) -> str:
    known = record.primary_class or ""
    if re.fullmatch(r"[a-z\-]+(?:\.[A-Za-z\-]+)?", known):
        return known
    if "/" in arxiv:  # old-style ids carry their archive: hep-th/9901001
        return arxiv.split("/", 1)[0]
    return ""


def _ordered(fields: list[NewField], entry_type: str, style: BibStyle) -> list[NewField]:
    """The fields in the file's order: each goes where most of the file's entries put it
    relative to the fields already placed; where they say nothing, in canonical order."""

    def default(name: str) -> int:
        return CANONICAL.index(name) if name in CANONICAL else len(CANONICAL)

    placed: list[NewField] = []
    for item in sorted(fields, key=lambda f: default(f.name)):
        best = max(
            range(len(placed) + 1),
            key=lambda at: (
                sum(style.before(entry_type, other.name, item.name) for other in placed[:at])
                + sum(style.before(entry_type, item.name, other.name) for other in placed[at:]),
                at,
            ),
        )
        placed.insert(best, item)
    return placed


# --------------------------------------------------------------------------- writing


def _id_text(value: str, style: BibStyle) -> str:
    value = re.sub(r"[\s{}\\\"]", "", value)
    value = value.replace("%", "\\%").replace("#", "\\#")
    return value.replace("_", "\\_") if style.escaped_underscores else value


def _encoded(item: NewField, style: BibStyle) -> tuple[str | list[str], bool]:
    """The written value (a list of names for authors) and whether it goes bare."""
    delimiter = style.delimiter(item.name)
    quoted = delimiter == '"'
    if item.kind == "names":
        return [format_name(n, style, quoted=quoted) for n in item.value], False
    value = str(item.value)
    if item.kind == "title":
        return encode_text(value, style, style.title, quoted=quoted), False
    if item.kind == "month":
        text, bare = format_month(int(value), style)
        return text, bare or (delimiter == "bare" and text.isdigit())
    if item.kind == "number":
        return value, delimiter == "bare" and value.isdigit()
    if item.kind == "pages":
        pages = re.sub(r"\s*[-–—]+\s*", style.pages_dash, value)
        return encode_text(pages, style, quoted=quoted), False
    if item.kind in {"raw", "macro"}:
        return value, item.kind == "macro"
    if item.kind == "id":
        if item.name == "doi" and style.doi_upper:
            value = value.upper()
        return _id_text(value, style), False
    name = dict(style.macros).get(macro_key(value))
    if name:
        return name, True  # the file's own @string for this value
    venue = item.name in {"journal", "journaltitle", "booktitle", "publisher", "series"}
    protect = style.venue(item.name) if venue else None
    return encode_text(value, style, protect, quoted=quoted), False


def _ends_quotes(value: str | list[str]) -> bool:
    """Whether a ``"`` outside braces would end a quoted value early (an umlaut written
    ``G\\"unther``): such a value goes in braces, as INSPIRE writes it."""
    depth = 0
    for char in " and ".join(value) if isinstance(value, list) else value:
        if char == '"' and depth == 0:
            return True
        depth += {"{": 1, "}": -1}.get(char, 0)
    return False


def field_lines(record: PaperRecord, fields: list[NewField], style: BibStyle) -> list[list[str]]:
    """The lines of each field, laid out as the file lays its fields out."""
    shown = [style.field_name(f.name) for f in fields]
    longest = max((len(style.indent) + len(s) for s in shown), default=0)
    blocks: list[list[str]] = []
    for index, (item, name) in enumerate(zip(fields, shown, strict=True)):
        if style.align_column is not None:
            start = width(style.indent + name)
            pad = reach(start, style.align_column, style.align_tabs) or " "
        elif style.align_extra is not None:
            pad = " " * max(1, longest + style.align_extra - len(style.indent) - len(name))
        else:
            pad = style.before_eq
        value, bare = _encoded(item, style)
        delimiter = "" if bare else style.delimiter(item.name)
        if delimiter == "bare" or (delimiter == '"' and _ends_quotes(value)):
            delimiter = "{"
        opener, closer = (
            (delimiter, "}" if delimiter == "{" else delimiter) if delimiter else ("", "")
        )
        last = index == len(fields) - 1
        closing = closer + ("," if not last or style.trailing_comma else "")
        if last and not style.closing_own_line:
            closing += "}"
        prefix = f"{style.indent}{name}{pad}={style.after_eq}{opener}"
        kind, offset = style.continuation
        if kind == "tab":
            continuation = "\t" * offset
        else:
            target = width(prefix) + offset if kind == "rel" else offset
            continuation = reach(0, target, style.continuation_tabs)
        overflow = None
        if style.wrap_width is None and style.overflow_width is not None:
            overflow = (style.overflow_width, len(prefix) - len(opener))
        if isinstance(value, list):
            if style.author_joiner and len(value) > 1:
                lines = [prefix + value[0] + style.author_joiner]
                lines += [continuation + v + style.author_joiner for v in value[1:-1]]
                lines.append(continuation + value[-1] + closing)
            else:
                words = " and ".join(value).split(" ")
                lines = wrap(prefix, words, continuation, closing, style.wrap_width, overflow)
        else:
            lines = wrap(
                prefix, value.split(" "), continuation, closing, style.wrap_width, overflow
            )
        blocks.append(lines)
    return blocks
