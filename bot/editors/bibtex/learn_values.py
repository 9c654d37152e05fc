"""How a .bib file writes its values: title protection, accents, names, months, and
which fields each kind of entry carries.

Titles (and venues, per field) are protected the way the file protects them: whole
(``{{Title}}``, INSPIRE's ``"{Title}"``) or word by word, by kind of word (``{BERT}``,
``{LLaMA}``, DBLP's ``{A}``, Zotero's ``{Residual}``), letter by letter (``{D}escription``),
with punctuation and hyphens inside the braces or not. Accents in UTF-8 or as
``{\\'e}``; ``--`` dashes; month macros or numbers; upper-case DOIs; names "Last, First"
or not, given names as initials or not. A kind of entry (preprints, or one entry type)
carries the fields most of its entries carry, each filled from the record, or made from
the arXiv id or a constant the way the file makes it (``volume = {abs/ID}``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

from bot.editors.bibtex.reading import VENUE_FIELDS, EntryInfo, bib_names, inner
from bot.editors.bibtex.style import RECORD_FIELDS, Shape, TitleStyle, word_class
from bot.editors.common import mode
from bot.references.bibtex_split import BibField
from bot.text import latex

_VENUES = ("journal", "journaltitle", "booktitle", "publisher", "series")


def title_style(
    entries: Sequence[EntryInfo],
    names: Sequence[str] = ("title",),
    fallback: TitleStyle | None = None,
) -> TitleStyle:
    """How the values of fields ``names`` are protected; a kind of word none of them
    shows is protected as in ``fallback`` when given."""
    outer_votes: list[bool] = []
    counts: Counter[str] = Counter()
    for entry in entries:
        for name in names:
            item = entry.fields.get(name)
            if item is not None and item.delimiter in '{"':
                _count_title(inner(item), outer_votes, counts)

    def share(kind: str, default: bool | None) -> bool | None:
        total = counts[kind + "+"] + counts[kind + "-"]
        return counts[kind + "+"] >= 0.5 * total if total else default

    def given(attribute: str) -> bool | None:
        return getattr(fallback, attribute) if fallback else None

    # A file that shows only one of the two kinds protects the other as it does that
    # one: a Zotero file with "{IoT}" and "{PoBT}" braces "{BPMN}" too.
    upper, mixed = share("upper", given("upper")), share("mixed", given("mixed"))
    return TitleStyle(
        outer=bool(mode(outer_votes, False)),
        upper=bool(mixed if upper is None else upper),
        mixed=bool(upper if mixed is None else mixed),
        single=bool(share("single", given("single"))),
        capitals=bool(share("capital", given("capitals"))),
        letters=counts["letters"] > counts["whole"],
        punct_inside=counts["punct-in"] > counts["punct-out"],
        hyphen_inside=counts["hyphen-in"] > counts["hyphen-out"],
    )


def venue_styles(
    entries: Sequence[EntryInfo], title: TitleStyle
) -> tuple[tuple[str, TitleStyle], ...]:
    """Venue fields are protected as the file protects them, each as its own values are
    (INSPIRE braces a booktitle whole, not a journal; Better BibTeX braces the words of a
    booktitle, not of a journal), or as the other venues are, or the titles when the file
    has none."""
    any_venue = any(name in e.fields for e in entries for name in _VENUES)
    together = title_style(entries, _VENUES) if any_venue else title
    styles = []
    for name in _VENUES:
        if any(name in e.fields for e in entries):
            own = title_style(entries, (name,), fallback=together)
            style = replace(
                together,
                outer=own.outer,
                upper=own.upper,
                mixed=own.mixed,
                single=own.single,
                capitals=own.capitals,
            )
        else:
            style = together
        styles.append((name, style))
    return tuple(styles)


def braced_escapes(entries: Sequence[EntryInfo]) -> bool:
    braced = bare = 0
    for entry in entries:
        for name in ("title", *_VENUES):
            value = entry.value(name)
            braced += len(re.findall(r"\{\\[&%$#_]\}", value))
            bare += len(re.findall(r"(?<!\{)\\[&%$#_]", value))
    return braced > bare


def _count_title(value: str, outer_votes: list[bool], counts: Counter[str]) -> None:
    outer = value.startswith("{") and latex.matching_brace(value, 0) == len(value) - 1
    outer_votes.append(outer)
    if not outer:
        _count_protection(value, counts)


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


def accent_form(entries: Sequence[EntryInfo]) -> str | None:
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


def _in_tex(entries: Sequence[EntryInfo], tex: str, unicode: str, ascii_only: bool) -> bool:
    """Whether the file's titles write with ``tex`` more often than with any of
    ``unicode``; a file that shows neither follows its accents (``ascii_only``: written
    in LaTeX, so the file keeps to ASCII)."""
    titles = [e.value("title") for e in entries]
    ours, theirs = (sum(t.count(c) for t in titles for c in chars) for chars in ([tex], unicode))
    return ours > theirs if ours or theirs else ascii_only


def tex_dashes(entries: Sequence[EntryInfo], ascii_only: bool) -> bool:
    return _in_tex(entries, "--", "–—", ascii_only)


def tex_quotes(entries: Sequence[EntryInfo], ascii_only: bool) -> bool:
    """``the name'' rather than “the name”."""
    return _in_tex(entries, "``", "“”", ascii_only)


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


def month_form(entries: Sequence[EntryInfo]) -> str:
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


def doi_upper(entries: Sequence[EntryInfo]) -> bool:
    votes = [
        e.value("doi") == e.value("doi").upper()
        for e in entries
        if re.search(r"[A-Za-z]", e.value("doi").split("/", 1)[-1])
    ]
    return bool(votes) and all(votes)


def url_source(entries: Sequence[EntryInfo]) -> str:
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


def last_first_votes(entries: Sequence[EntryInfo]) -> Iterable[bool]:
    for entry in entries:
        item = entry.fields.get("author")
        if item is None:
            continue
        names = bib_names(inner(item))
        if names and not (names[0].startswith("{") and names[0].endswith("}")):
            yield "," in names[0]


def name_hyphen(entries: Sequence[EntryInfo]) -> str:
    """How the file writes a hyphen inside a name: DBLP braces it ("Po{-}Sen Huang")."""
    braced = bare = 0
    for entry in entries:
        for name in ("author", "editor"):
            value = entry.value(name)
            braced += value.count("{-}")
            bare += len(re.findall(r"(?<=\w)-(?=\w)", value))
    return "{-}" if braced > bare else "-"


def initials(entries: Sequence[EntryInfo]) -> str | None:
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


def shapes(entries: Sequence[EntryInfo]) -> tuple[tuple[str, Shape], ...]:
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
        # The venue is named once: in the venue field most of them fill from the record
        # (an article that also has a booktitle is not a reason to write it twice).
        venue = max(
            (n for n in VENUE_FIELDS if n in counts and templates[n].most_common(1)[0][0] == ""),
            key=counts.__getitem__,
            default=None,
        )
        fields = []
        for name, count in counts.items():
            best, agreeing = templates[name].most_common(1)[0]
            if best == "" and name in VENUE_FIELDS and name != venue:
                continue
            constant_agreed = best[:1] not in ("=", "@") or agreeing * 2 > count
            # A field filled from the record goes in where the file has a place for it
            # (one entry in ten uses it); a made-up one only where most entries have it.
            share = 10 if best == "" else 2
            if count * share >= len(members) and best != "?" and constant_agreed:
                fields.append((name, best))
        entry_type = mode((e.type for e in members), "article")
        shapes.append((kind, Shape(entry_type, tuple(fields))))
    return tuple(shapes)


_ROLES = RECORD_FIELDS


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
