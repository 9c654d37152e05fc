"""What a .bib file's style is: the records :mod:`.learn` fills from the file's entries.

:class:`BibStyle` holds everything a new entry copies (spelling, spacing, alignment,
wrapping, delimiters, title protection, field order, which fields each kind of entry
carries, the key scheme); :class:`TitleStyle` how capitals are protected;
:class:`Shape` the fields of one kind of entry. Every default is the common Google
Scholar layout, for a file without entries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from bot.editors.bibtex.keys import PRESETS, KeyScheme
from bot.editors.dates import DateFormat

# Every field a new entry can have, in the order it takes where the file says nothing.
CANONICAL = [
    "title",
    "author",
    "journal",
    "journaltitle",
    "booktitle",
    "year",
    "date",
    "month",
    "volume",
    "number",
    "pages",
    "publisher",
    "howpublished",
    "note",
    "eprint",
    "archiveprefix",
    "eprinttype",
    "primaryclass",
    "eprintclass",
    "doi",
    "url",
]
# The fields filled from a paper's record (the others come from the arXiv id or constants).
RECORD_FIELDS = frozenset(CANONICAL) - {
    "howpublished", "note", "eprint", "archiveprefix", "eprinttype",
}  # fmt: skip


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
    parts = [letters for part in word.split("-") if (letters := re.sub(r"[^A-Za-z]", "", part))]
    letters = "".join(parts)
    if not letters or not any(c.isupper() for c in letters):
        return ""
    if len(letters) == 1:
        return "single"
    if letters.isupper():
        return "upper"
    # A compound of capitalised or lower-case parts ("Time-Dependent", "Multi-party")
    # is capitalised: a sentence-case style lowers it as it lowers "Residual".
    if all(part[1:].islower() or len(part) == 1 for part in parts) and parts[0][0].isupper():
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
    align_column: int | None = None  # column of "=" (as shown) when the file aligns them
    align_tabs: bool = False  # Emacs's BibTeX mode: "=" reached with tabs, then spaces
    align_extra: int | None = None  # "=" that far after each entry's longest name
    continuation: tuple[str, int] = ("rel", 0)  # where a value's next lines start
    continuation_tabs: bool = False  # reached with tabs, then spaces (Emacs)
    key_column: tuple[int, bool] | None = None  # @Article{<tab>  Key: (column, tabs)
    wrap_width: int | None = None
    overflow_width: int | None = None  # JabRef 2: a line runs past it to its word's end
    author_joiner: str | None = None  # one name a line, lines ending with this (" and")
    delimiters: tuple[tuple[str, str], ...] = ()  # field -> "{" | '"' | "bare"
    quote: str = "{"  # { | "
    title: TitleStyle = TitleStyle()
    venues: tuple[tuple[str, TitleStyle], ...] = ()  # the same for journal, booktitle, ...
    braced_escapes: bool = False  # DBLP's {\&} rather than \&
    accents: str | None = None  # None: UTF-8; else {\'e} | \'{e} | {\'{e}} | \'e
    tex_dashes: bool = False
    tex_quotes: bool = False  # ``a name'' for “a name”
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
    name_hyphen: str = "-"  # DBLP's "Po{-}Sen Huang"
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
