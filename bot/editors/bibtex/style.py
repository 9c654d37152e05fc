"""How the .bib file writes its entries, learnt from the entries themselves.

Everything a new entry copies is measured on the file: the key scheme
(:mod:`.keys`), entry-type and field-name spelling (``@InProceedings``,
``archivePrefix``, ``Doi``), indentation, spacing and alignment of ``=`` (a fixed
column, or each entry aligned to its longest name), braces or quotes per field,
bare numbers and month macros, line wrapping and where continuation lines start,
one author per line, the closing brace, trailing commas, blank lines between and
inside entries (JabRef's second group of fields), the order of fields, which fields
entries of each kind carry, how titles are protected (``{{Title}}``, ``"{Title}"``,
``{BERT}``, ``{D}escription``, Zotero's ``{Residual}``), accents as ``{\\'e}``,
``--`` in page ranges, upper-case DOIs, and a dated comment above every entry. Every
choice is the majority of the file's entries; a file without entries gets the common
Google Scholar layout.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from itertools import pairwise

from bot.editors.bibtex.keys import PRESETS, Fields, KeyScheme, learn_scheme
from bot.editors.bibtex.reading import EntryInfo, bib_names, inner
from bot.editors.common import mode
from bot.editors.dates import DateFormat, detect_format, find_date
from bot.references.bibtex_split import BibField

_PLAIN_NAME = re.compile(r"[A-Za-z][\w\-]*")
_BLANKS = re.compile(r"[ \t]*")
# Fields a tool keeps for itself or that only a person can write: never invented.
BOOKKEEPING = frozenset(
    [
        "abstract",
        "annote",
        "bibsource",
        "biburl",
        "file",
        "keywords",
        "owner",
        "timestamp",
        "urldate",
        "added-at",
        "date-added",
        "date-modified",
        "interhash",
        "intrahash",
        "__markedentry",
        "mendeley-groups",
        "mendeley-tags",
        "shorttitle",
        "shortjournal",
        "langid",
        "language",
        "lu",
        "interet",
        "notes",
        "note-fr",
        "comment",
        "comments",
        "review",
        "read",
        "rating",
        "priority",
        "groups",
        "isbn",
        "issn",
        "affiliation",
        "author_keywords",
        "references",
        "correspondence_address1",
        "abbrev_source_title",
        "document_type",
        "source",
        "art_number",
    ]
)


def _case_of(word: str) -> str:
    if word.isupper() and len(word) > 1:
        return "upper"
    if word[:1].isupper():
        return "title"
    return "lower"


@dataclass(frozen=True)
class TitleStyle:
    """How titles are protected from a bibliography style's case changes: which kinds of
    words (see :func:`word_class`) the file braces, and how."""

    outer: bool = False  # the whole title in its own braces: {{Title}} or "{Title}"
    upper: bool = False  # {BERT}, {GPT-4}
    mixed: bool = False  # {LLaMA}, {PoBT} (DBLP leaves these alone)
    single: bool = False  # DBLP's "{A} Survey" after a colon
    capitals: bool = False  # Zotero's {Residual} {Learning}
    letters: bool = False  # {D}escription rather than {Description}
    punct_inside: bool = False  # DBLP's {NL2TL:} rather than {BERT}:
    hyphen_inside: bool = False  # {MIMIC-IV} rather than {MIMIC}-{IV}

    def protects(self, kind: str) -> bool:
        return {
            "upper": self.upper,
            "mixed": self.mixed,
            "single": self.single,
            "capital": self.capitals,
        }.get(kind, False)


def word_class(word: str) -> str:
    """single (``A``), upper (``BERT``, ``GPT-4``), mixed (``LLaMA``), capital
    (``Residual``) or "" (lower case, digits), from the word's letters."""
    letters = re.sub(r"[^A-Za-z]", "", word)
    if not letters or not any(c.isupper() for c in letters):
        return ""
    if len(letters) == 1:
        return "single"
    if letters.isupper():
        return "upper"
    if letters[0].isupper() and letters[1:].islower():
        return "capital"
    return "mixed"


@dataclass(frozen=True)
class Shape:
    """The fields entries of one kind (preprints, or one entry type) carry: for each,
    ``role`` (filled from the record) or a ``template`` with ``{id}`` for the arXiv id,
    ``{year}``, ``{doi}``; ``type`` is the entry type preprints use."""

    type: str
    fields: tuple[tuple[str, str], ...]  # (lower-case name, template or "" for a role)


@dataclass(frozen=True)
class BibStyle:
    """How the file writes its entries; every default is the common Google Scholar style."""

    keys: KeyScheme = PRESETS["google"]
    order: str = "append"  # key | authors | date | year-desc | year-asc | append
    type_names: tuple[tuple[str, str], ...] = ()
    type_case: str = "lower"
    field_names: tuple[tuple[str, str], ...] = ()
    name_case: str = "lower"
    indent: str = "  "
    before_eq: str = ""
    after_eq: str = ""
    align_column: int | None = None  # column of "=" when the file aligns them
    align_extra: int | None = None  # "=" that far after each entry's longest name
    continuation: tuple[str, int] = ("rel", 0)  # where a value's next lines start
    wrap_width: int | None = None
    author_joiner: str | None = None  # one name a line, lines ending with this (" and")
    delimiters: tuple[tuple[str, str], ...] = ()  # field -> "{" | '"' | "bare"
    quote: str = "{"  # { | "
    title: TitleStyle = TitleStyle()
    venues: tuple[tuple[str, TitleStyle], ...] = ()  # the same for journal, booktitle, ...
    braced_escapes: bool = False  # DBLP's {\&} rather than \&
    accents: str | None = None  # None: UTF-8; else {\'e} | \'{e} | {\'{e}} | \'e
    tex_dashes: bool = False
    pages_dash: str = "--"
    month_form: str = "macro"  # macro | number | name | abbrev
    doi_upper: bool = False
    escaped_underscores: bool = False  # DBLP's https://doi.org/10.1007/978-3-031-37703-7\_18
    url_from: str = "record"  # record | doi | arxiv
    trailing_comma: bool = False
    closing_own_line: bool = True
    blank_lines: int = 1
    names_last_first: bool = True
    initials: str | None = None  # "" -> J.F., " " -> J. F.
    comment: tuple[str, DateFormat, str] | None = None  # "% ", date format, after it
    macros: tuple[tuple[str, str], ...] = ()  # @string expansion (folded) -> macro name
    dotless_i: bool = True  # {\'\i}, as LaTeX has it, unless the file writes {\'i}
    groups: tuple[tuple[str, frozenset[str]], ...] = ()  # type -> fields after a blank line
    precedence: tuple[tuple[str, tuple[tuple[tuple[str, str], int], ...]], ...] = ()
    shapes: tuple[tuple[str, Shape], ...] = ()  # "preprint" or a type -> its shape
    observed: int = 0  # how many entries the style was learnt from

    def type_name(self, lower: str) -> str:
        known = dict(self.type_names).get(lower)
        if known:
            return known
        return _apply_case(lower, self.type_case, _CAMEL_TYPES)

    def field_name(self, lower: str) -> str:
        known = dict(self.field_names).get(lower)
        if known:
            return known
        return _apply_case(_CAMEL_FIELDS.get(lower, lower), self.name_case, {})

    def delimiter(self, lower: str) -> str:
        known = dict(self.delimiters).get(lower)
        if known:
            return known
        if lower in _NUMERIC and dict(self.delimiters).get("year") == "bare":
            return "bare"
        return self.quote

    def venue(self, name: str) -> TitleStyle:
        return dict(self.venues).get(name, TitleStyle())

    def shape(self, kind: str) -> Shape | None:
        return dict(self.shapes).get(kind)

    def second_group(self, entry_type: str) -> frozenset[str] | None:
        groups = dict(self.groups)
        return groups.get(entry_type, groups.get("*"))

    @cached_property
    def _precedence_tables(self) -> dict[str, dict[tuple[str, str], int]]:
        return {kind: dict(counts) for kind, counts in self.precedence}

    def before(self, entry_type: str, a: str, b: str) -> int:
        """How many of the file's entries put field ``a`` before ``b`` (minus after),
        among entries of ``entry_type`` when they say, else among all."""
        tables = self._precedence_tables
        for kind in (entry_type, "*"):
            counts = tables.get(kind, {})
            ab, ba = counts.get((a, b), 0), counts.get((b, a), 0)
            if ab or ba:
                return ab - ba
        return 0


def macro_key(value: str) -> str:
    """A value as compared with the file's ``@string`` macros: case and spacing ignored."""
    return " ".join(value.replace("{", "").replace("}", "").split()).casefold()


_CAMEL_TYPES = {
    "inproceedings": "InProceedings",
    "incollection": "InCollection",
    "inbook": "InBook",
}
_CAMEL_FIELDS = {"archiveprefix": "archivePrefix", "primaryclass": "primaryClass"}
_NUMERIC = {"year", "volume", "number", "month"}


def _apply_case(word: str, case: str, camel: dict[str, str]) -> str:
    if case == "upper":
        return word.upper()
    if case == "title":
        return camel.get(word.lower(), word[:1].upper() + word[1:])
    return word.lower() if word.lower() in camel or word.lower() in _CAMEL_TYPES else word


def _layout(item: BibField) -> tuple[str, str, str, str] | None:
    """(indent, name, blanks before and after ``=``) of a field on a line of its own."""
    if (
        item.indent is None
        or not _BLANKS.fullmatch(item.indent)
        or not _PLAIN_NAME.fullmatch(item.name)
        or not _BLANKS.fullmatch(item.before_eq)
    ):
        return None
    rest = item.after_eq.lstrip(" \t")
    after = item.after_eq[: len(item.after_eq) - len(rest)]
    return item.indent, item.name, item.before_eq, after


def learn_style(
    text: str, entries: Sequence[EntryInfo], macros: Mapping[str, str] | None = None
) -> BibStyle:
    """The file's style, learnt from its entries that read cleanly (and its ``@string``
    macros, name -> value, so that a new entry can use them as the file does)."""
    if not entries:
        return BibStyle()
    lines = text.split("\n")
    spacing = _spacing(entries)
    title = _title_style(entries)
    return BibStyle(
        keys=learn_scheme(
            (e.key, Fields(e.surnames, str(e.year or ""), e.title, e.arxiv or "")) for e in entries
        ),
        order="append",  # decided by .place, which knows the keys of the new entries
        type_names=_spellings(e.block.type for e in entries),
        type_case=mode((_case_of(e.block.type) for e in entries), "lower"),
        field_names=_spellings(f.name for e in entries for f in e.block.fields),
        name_case=mode(
            (_case_of(f.name) for e in entries for f in e.block.fields if f.name.isalpha()),
            "lower",
        ),
        indent=spacing.indent,
        before_eq=spacing.before,
        after_eq=spacing.after,
        align_column=spacing.column,
        align_extra=spacing.extra,
        continuation=_continuation(text, entries),
        wrap_width=_wrap_width(text, entries),
        author_joiner=_author_joiner(entries),
        delimiters=_delimiters(entries),
        quote=mode(
            (f.delimiter for e in entries for f in e.block.fields if f.delimiter in '{"'), "{"
        ),
        title=title,
        venues=_venue_styles(entries, title),
        braced_escapes=_braced_escapes(entries),
        accents=_accent_form(entries),
        tex_dashes=_tex_dashes(entries),
        pages_dash=mode(
            ("--" if "--" in e.value("pages") else "-" for e in entries if "-" in e.value("pages")),
            "--",
        ),
        month_form=_month_form(entries),
        doi_upper=_doi_upper(entries),
        escaped_underscores=any(
            "\\_" in e.value(n) for e in entries for n in ("url", "doi") if e.value(n)
        ),
        url_from=_url_source(entries),
        trailing_comma=bool(
            mode((e.block.raw[:-1].rstrip().endswith(",") for e in entries), False)
        ),
        closing_own_line=bool(
            mode((lines[e.block.end_line - 1].strip() in {"}", ")"} for e in entries), True)
        ),
        blank_lines=_blank_lines_between(lines, entries),
        names_last_first=bool(mode(_last_first_votes(entries), True)),
        initials=_initials(entries),
        comment=_comment_style(entries),
        macros=tuple(sorted((macro_key(v), n) for n, v in (macros or {}).items() if v.strip())),
        dotless_i=not any(
            re.search(r"\\[`'^\"~=.]\{?i\b", e.value(n))
            for e in entries
            for n in ("author", "title")
        ),
        groups=_groups(text, entries),
        precedence=_precedence(entries),
        shapes=_shapes(entries),
        observed=len(entries),
    )


def _spellings(names: Iterable[str]) -> tuple[tuple[str, str], ...]:
    by_lower: dict[str, Counter[str]] = defaultdict(Counter)
    for name in names:
        by_lower[name.lower()][name] += 1
    return tuple(sorted((low, c.most_common(1)[0][0]) for low, c in by_lower.items()))


@dataclass(frozen=True)
class _Spacing:
    indent: str
    before: str
    after: str
    column: int | None
    extra: int | None


def _spacing(entries: Sequence[EntryInfo]) -> _Spacing:
    indents: list[str] = []
    befores: list[str] = []
    afters: list[str] = []
    fixed: list[int] = []
    extras: list[int] = []
    aligned_votes: list[bool] = []
    for entry in entries:
        columns: list[tuple[int, int]] = []  # ("=" column, where the name ends)
        names: set[int] = set()
        for item in entry.block.fields:
            layout = _layout(item)
            if layout is None:
                continue
            indent, name, before, after = layout
            indents.append(indent)
            befores.append(before)
            afters.append(after)
            columns.append((len(indent) + len(name) + len(before), len(indent) + len(name)))
            names.add(len(name))
        if len(columns) >= 2 and len(names) >= 2:
            # Aligned: every "=" at one column, but for names too long for it (DBLP's
            # archivePrefix), which get one space.
            at = Counter(c for c, _ in columns).most_common(1)[0][0]
            aligned = all(c == at or (end >= at and c == end + 1) for c, end in columns)
            aligned_votes.append(aligned)
            if aligned:
                fixed.append(at)
                extras.append(at - max(end for c, end in columns if c == at))
    column: int | None = None
    extra: int | None = None
    if mode(aligned_votes, False):
        best_fixed = Counter(fixed).most_common(1)[0][1]
        best_extra = Counter(extras).most_common(1)[0]
        if best_extra[1] > best_fixed:
            extra = best_extra[0]
        else:
            column = mode(fixed, 0)
    return _Spacing(mode(indents, "  "), mode(befores, ""), mode(afters, ""), column, extra)


def _value_column(text: str, item: BibField) -> int:
    """Column of the first character of ``item``'s value text (after its delimiter)."""
    line_start = text.rfind("\n", 0, item.start) + 1
    value_start = item.end - len(item.value)
    opener = 1 if item.value[:1] in '{"' else 0
    return value_start + opener - line_start


def _continuation(text: str, entries: Sequence[EntryInfo]) -> tuple[str, int]:
    votes: list[tuple[str, int]] = []
    for entry in entries:
        for item in entry.block.fields:
            if "\n" not in item.value:
                continue
            column = _value_column(text, item)
            for line in item.value.split("\n")[1:]:
                if not line.strip():
                    continue
                lead = len(line) - len(line.lstrip(" \t"))
                votes.append(("rel", lead - column) if lead >= column - 1 else ("abs", lead))
    return mode(votes, ("rel", 0))


def _field_lines(text: str, item: BibField) -> list[str]:
    start = text.rfind("\n", 0, item.start) + 1
    end = text.find("\n", item.end)
    return text[start : len(text) if end < 0 else end].split("\n")


def _wrap_width(text: str, entries: Sequence[EntryInfo]) -> int | None:
    """The width long values are wrapped at, when the file wraps them: the width that
    explains the most of its line lengths and line breaks (at least 90% of them; a
    tool's count and ours differ on LaTeX-heavy lines, so not all)."""
    lengths: list[int] = []  # every field line: must fit
    breaks: list[int] = []  # line + next word: must not have fitted
    wrapped = 0
    for entry in entries:
        per_name = _one_name_a_line(entry)
        for item in entry.block.fields:
            if item.name.lower() in {"author", "editor"} and per_name:
                continue
            lines = [line.rstrip() for line in _field_lines(text, item)]
            lengths.extend(len(line) for line in lines)
            if len(lines) == 1:
                continue
            wrapped += 1
            for this, after in pairwise(lines):
                following = after.split()
                if following:
                    breaks.append(len(this) + 1 + len(following[0]))
    if wrapped < 2 or not breaks:
        return None
    observed = len(lengths) + len(breaks)
    lengths.sort()
    breaks.sort()

    def explained(width: int) -> int:
        fitting = bisect.bisect_right(lengths, width)
        return fitting + len(breaks) - bisect.bisect_right(breaks, width)

    best = max(range(40, 200), key=lambda width: (explained(width), -abs(width - 80)))
    return best if explained(best) >= 0.9 * observed else None


def _one_name_a_line(entry: EntryInfo) -> bool:
    item = entry.fields.get("author")
    if item is None or "\n" not in item.value:
        return False
    names = bib_names(inner(item))
    value_lines = inner(item).split("\n")
    return (
        len(names) >= 2
        and len(value_lines) == len(names)
        and all(re.search(r"\sand\s*$", line) for line in value_lines[:-1])
    )


def _author_joiner(entries: Sequence[EntryInfo]) -> str | None:
    votes: list[str | None] = []
    for entry in entries:
        item = entry.fields.get("author")
        if item is None or len(bib_names(inner(item))) < 2:
            continue
        if _one_name_a_line(entry):
            first = inner(item).split("\n")[0]
            found = re.search(r"\s+and\s*$", first)
            votes.append(found.group(0).rstrip(" \t") if found else " and")
        else:
            votes.append(None)
    return mode(votes, None)


def _delimiters(entries: Sequence[EntryInfo]) -> tuple[tuple[str, str], ...]:
    by_name: dict[str, Counter[str]] = defaultdict(Counter)
    for entry in entries:
        for name, item in entry.fields.items():
            kind = item.delimiter
            if kind == "bare" and item.parts[0].kind == "name" and name != "month":
                continue  # a macro (@string) says nothing about delimiters
            if kind != "#":
                by_name[name][kind] += 1
    return tuple(sorted((n, c.most_common(1)[0][0]) for n, c in by_name.items()))


_TOKEN_CORE = re.compile(r"[A-Za-z0-9]+")


_VENUES = ("journal", "journaltitle", "booktitle", "publisher", "series")


def _title_style(entries: Sequence[EntryInfo], names: Sequence[str] = ("title",)) -> TitleStyle:
    outer_votes: list[bool] = []
    counts: Counter[str] = Counter()
    for entry in entries:
        for name in names:
            item = entry.fields.get(name)
            if item is not None and item.delimiter in '{"':
                _count_title(inner(item), outer_votes, counts)

    def share(kind: str) -> bool | None:
        total = counts[kind + "+"] + counts[kind + "-"]
        return counts[kind + "+"] >= 0.5 * total if total else None

    upper = bool(share("upper"))
    mixed = share("mixed")
    return TitleStyle(
        outer=bool(mode(outer_votes, False)),
        upper=upper,
        mixed=upper if mixed is None else mixed,
        single=bool(share("single")),
        capitals=bool(share("capital")),
        letters=counts["letters"] > counts["whole"],
        punct_inside=counts["punct-in"] > counts["punct-out"],
        hyphen_inside=counts["hyphen-in"] > counts["hyphen-out"],
    )


def _venue_styles(
    entries: Sequence[EntryInfo], title: TitleStyle
) -> tuple[tuple[str, TitleStyle], ...]:
    """Venue fields are protected as the file protects them, each braced whole or not
    as its own values are (INSPIRE braces a booktitle whole, not a journal), or as the
    titles are when the file has none of that field."""
    together = _title_style(entries, _VENUES)
    any_venue = any(name in e.fields for e in entries for name in _VENUES)
    styles = []
    for name in _VENUES:
        seen = any(name in e.fields for e in entries)
        outer = _title_style(entries, (name,)).outer if seen else None
        if outer is None:
            outer = together.outer if any_venue else title.outer
        styles.append((name, replace(together, outer=outer)))
    return tuple(styles)


def _braced_escapes(entries: Sequence[EntryInfo]) -> bool:
    braced = bare = 0
    for entry in entries:
        for name in ("title", *_VENUES):
            value = entry.value(name)
            braced += len(re.findall(r"\{\\[&%$#_]\}", value))
            bare += len(re.findall(r"(?<!\{)\\[&%$#_]", value))
    return braced > bare


def _count_title(value: str, outer_votes: list[bool], counts: Counter[str]) -> None:
    outer = value.startswith("{") and _closing(value, 0) == len(value) - 1
    outer_votes.append(outer)
    if not outer:
        _count_protection(value, counts)


def _closing(text: str, start: int) -> int:
    depth = 0
    for index in range(start, len(text)):
        char = text[index]
        if char == "\\":
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return index
    return -1


def _count_protection(value: str, counts: Counter[str]) -> None:
    """Count, word by word, whether acronyms and capitalised words are braced, and how."""
    tokens = value.split()
    for position, token in enumerate(tokens):
        if "\\" in token or "$" in token:
            continue
        bare = token.replace("{", "").replace("}", "")
        braced = "{" in token
        if braced:
            group = re.search(r"\{([^{}]*)\}", token)
            inside = group.group(1) if group else ""
            if inside and re.fullmatch(r"[A-Z]+", inside) and re.search(r"\}[a-z]", token):
                counts["letters"] += 1
            else:
                counts["whole"] += 1
            if re.search(r"\{[^{}\s]*\w-\w[^{}\s]*\}", token):
                counts["hyphen-in"] += 1
            elif re.search(r"\}-|-\{", token):
                counts["hyphen-out"] += 1
            if re.search(r"[:;,.?!]\}$", token):
                counts["punct-in"] += 1
            elif re.search(r"\}[:;,.?!]$", token):
                counts["punct-out"] += 1
        kind = word_class(bare)
        if position == 0 and kind in {"single", "capital"}:
            continue  # a title's first word keeps its capital in every style
        if kind:
            counts[kind + ("+" if braced else "-")] += 1


_ACCENT_FORMS = (
    ("{\\'{e}}", re.compile(r"\{\\[`'^\"~=.uvcHk]\{[A-Za-z]\}\}")),
    ("{\\'e}", re.compile(r"\{\\[`'^\"~=.][A-Za-z]\}|\{\\[uvcHk] [A-Za-z]\}")),
    ("\\'{e}", re.compile(r"(?<!\{)\\[`'^\"~=.uvcHk]\{[A-Za-z]\}")),
    ("\\'e", re.compile(r"(?<![{\\])\\[`'^\"~=.][A-Za-z]")),
)


def _accent_form(entries: Sequence[EntryInfo]) -> str | None:
    """How the file writes accented letters, when it writes them in LaTeX, not UTF-8."""
    forms: Counter[str] = Counter()
    utf8 = 0
    for entry in entries:
        for name in ("author", "title"):
            value = entry.value(name)
            utf8 += sum(1 for ch in value if ord(ch) > 127 and ch.isalpha())
            for form, pattern in _ACCENT_FORMS:
                forms[form] += len(pattern.findall(value))
    if not forms or sum(forms.values()) <= utf8:
        return None
    return forms.most_common(1)[0][0]


def _tex_dashes(entries: Sequence[EntryInfo]) -> bool:
    ascii_dash = sum(e.value("title").count("--") for e in entries)
    unicode_dash = sum(e.value("title").count("–") + e.value("title").count("—") for e in entries)
    return ascii_dash > unicode_dash


_MONTH_NAMES = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]


def _month_form(entries: Sequence[EntryInfo]) -> str:
    votes: list[str] = []
    for entry in entries:
        item = entry.fields.get("month")
        if item is None:
            continue
        value = inner(item).strip().lower()
        if item.delimiter == "bare" and not value.isdigit():
            votes.append("macro")
        elif value.isdigit():
            votes.append("number")
        elif value in _MONTH_NAMES:
            votes.append("name")
        elif value[:3] in {m[:3] for m in _MONTH_NAMES}:
            votes.append("abbrev")
    return mode(votes, "macro")


def _doi_upper(entries: Sequence[EntryInfo]) -> bool:
    votes = [
        e.value("doi") == e.value("doi").upper()
        for e in entries
        if re.search(r"[A-Za-z]", e.value("doi").split("/", 1)[-1])
    ]
    return bool(votes) and all(votes)


def _url_source(entries: Sequence[EntryInfo]) -> str:
    votes: list[str] = []
    for entry in entries:
        url = entry.value("url").lower()
        if not url:
            continue
        doi = entry.value("doi").lower()
        if doi and url.endswith(doi) and "doi.org/" in url:
            votes.append("doi")
        elif entry.arxiv and "arxiv.org/abs/" in url:
            votes.append("arxiv")
        else:
            votes.append("record")
    return mode(votes, "record")


def _blank_lines_between(lines: Sequence[str], entries: Sequence[EntryInfo]) -> int:
    gaps = []
    for before, after in pairwise(entries):
        between = lines[before.block.end_line : after.first_line]
        if all(not line.strip() for line in between):
            gaps.append(len(between))
    return mode(gaps, 1)


def _last_first_votes(entries: Sequence[EntryInfo]) -> Iterable[bool]:
    for entry in entries:
        item = entry.fields.get("author")
        if item is None:
            continue
        names = bib_names(inner(item))
        if names and not (names[0].startswith("{") and names[0].endswith("}")):
            yield "," in names[0]


def _initials(entries: Sequence[EntryInfo]) -> str | None:
    """ "" (``J.F.``) or " " (``J. F.``) when the file abbreviates given names; else None."""
    abbreviated = full = 0
    spacing: list[str] = []
    for entry in entries:
        item = entry.fields.get("author")
        if item is None:
            continue
        for name in bib_names(inner(item))[:3]:
            given = name.split(",", 1)[1].strip() if "," in name else ""
            if not given:
                continue
            if re.fullmatch(r"(?:[A-Z]\.(?:-?[A-Z]\.)*\s?)+", given):
                abbreviated += 1
                if given.count(".") >= 2:
                    spacing.append(" " if re.search(r"\.\s[A-Z]", given) else "")
            else:
                full += 1
    return mode(spacing, "") if abbreviated > full else None


def _comment_style(entries: Sequence[EntryInfo]) -> tuple[str, DateFormat, str] | None:
    dated = []
    for entry in entries:
        if entry.comment is None:
            continue
        found = find_date(entry.comment)
        if found:
            dated.append((entry.comment[: found.start], entry.comment[found.end :], entry.comment))
    if len(dated) < max(2, len(entries) // 2):
        return None
    before, after = mode(((b, a) for b, a, _ in dated), ("% ", ""))
    date_format = detect_format((c for _, _, c in dated), DateFormat("mdy", comma=True))
    return before, date_format, after


def _groups(text: str, entries: Sequence[EntryInfo]) -> tuple[tuple[str, frozenset[str]], ...]:
    """For files that set off some fields with a blank line (JabRef): the fields after it."""
    after: dict[str, Counter[str]] = defaultdict(Counter)
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    grouped = 0
    for entry in entries:
        fields = entry.block.fields
        split = next(
            (
                i
                for i, (a, b) in enumerate(pairwise(fields), 1)
                if "\n\n"
                in text[a.end : b.start].replace(" ", "").replace("\t", "").replace(",", "")
            ),
            None,
        )
        if split is None:
            continue
        grouped += 1
        for index, item in enumerate(fields):
            name = item.name.lower()
            for kind in (entry.type, "*"):
                seen[kind][name] += 1
                if index >= split:
                    after[kind][name] += 1
    if grouped < max(2, len(entries) // 2):
        return ()
    return tuple(
        (kind, frozenset(n for n, c in after[kind].items() if c * 2 > seen[kind][n]))
        for kind in sorted(seen)
    )


def _precedence(
    entries: Sequence[EntryInfo],
) -> tuple[tuple[str, tuple[tuple[tuple[str, str], int], ...]], ...]:
    tables: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    for entry in entries:
        names = list(dict.fromkeys(item.name.lower() for item in entry.block.fields))
        for i, first in enumerate(names):
            for second in names[i + 1 :]:
                tables[entry.type][(first, second)] += 1
                tables["*"][(first, second)] += 1
    return tuple((kind, tuple(sorted(counts.items()))) for kind, counts in sorted(tables.items()))


def _shapes(entries: Sequence[EntryInfo]) -> tuple[tuple[str, Shape], ...]:
    """Which fields preprints, and entries of each type, carry in this file."""
    buckets: dict[str, list[EntryInfo]] = defaultdict(list)
    for entry in entries:
        buckets["preprint" if entry.preprint else entry.type].append(entry)
    shapes = []
    for kind, members in sorted(buckets.items()):
        counts: Counter[str] = Counter()
        templates: dict[str, Counter[str]] = defaultdict(Counter)
        for entry in members:
            for name, item in entry.fields.items():
                if name in BOOKKEEPING:
                    continue
                counts[name] += 1
                templates[name][_template(name, item, entry, kind == "preprint")] += 1
        fields = []
        for name, count in counts.items():
            best, agreeing = templates[name].most_common(1)[0]
            constant_agreed = best[:1] not in ("=", "@") or agreeing * 2 > count
            # A field filled from the record goes in where the file has a place for it
            # (one entry in ten uses it); a made-up one only where most entries have it.
            share = 10 if best == "" else 2
            if count * share >= len(members) and best != "?" and constant_agreed:
                fields.append((name, best))
        entry_type = mode((e.type for e in members), "article")
        shapes.append((kind, Shape(entry_type, tuple(fields))))
    return tuple(shapes)


_ROLES = frozenset(
    [
        "title",
        "author",
        "editor",
        "year",
        "date",
        "month",
        "volume",
        "number",
        "pages",
        "publisher",
        "journal",
        "journaltitle",
        "booktitle",
        "doi",
        "url",
        "primaryclass",
        "eprintclass",
    ]
)


_PREPRINT_CONSTANTS = frozenset(
    ["journal", "journaltitle", "booktitle", "publisher", "howpublished", "note"]
)


def _template(name: str, item: BibField, entry: EntryInfo, preprint: bool) -> str:
    """How a field's value is made: "" for a field filled from the record, a template
    with ``{id}`` (the arXiv id) for an identifier field, a constant (``=CoRR``), a
    ``@string`` macro written bare (``@corr``), or "?" for a value only a person can
    write."""
    plain = " ".join(inner(item).split())
    if item.delimiter == "bare" and item.parts[0].kind == "name" and name != "month":
        return "@" + plain
    by_role = name in _ROLES and not (preprint and name in _PREPRINT_CONSTANTS)
    if by_role and not (entry.arxiv and entry.arxiv in plain):
        return ""
    if entry.arxiv and entry.arxiv in plain:
        return re.sub(r"v\d+(?=\W|$)", "", plain.replace(entry.arxiv, "{id}"), count=1)
    if name in {"archiveprefix", "eprinttype"} or len(plain) <= 40:
        return "=" + plain  # a constant, kept when most entries agree
    return "?"
