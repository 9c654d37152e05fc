"""Learn a .bib file's style from its entries (the one entry point, :func:`learn_style`).

Everything a new entry copies is measured on the file (:mod:`.learn_layout`,
:mod:`.learn_values`, :mod:`.keys`); every choice is the majority of the file's entries
written the way most of them are (``one_way``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from bot.editors.bibtex.keys import Fields, learn_scheme
from bot.editors.bibtex.learn_layout import (
    author_joiner,
    blank_lines_between,
    case_of,
    comment_style,
    continuation,
    delimiters,
    field_groups,
    key_column,
    one_way,
    precedence,
    spacing,
    spellings,
    wrap_rule,
)
from bot.editors.bibtex.learn_values import (
    accent_form,
    braced_escapes,
    doi_upper,
    initials,
    last_first_votes,
    month_form,
    name_hyphen,
    shapes,
    tex_dashes,
    tex_quotes,
    title_style,
    url_source,
    venue_styles,
)
from bot.editors.bibtex.reading import EntryInfo
from bot.editors.bibtex.style import BibStyle, macro_key
from bot.editors.common import mode

_SAMPLE = 1500


def learn_style(
    text: str, entries: Sequence[EntryInfo], macros: Mapping[str, str] | None = None
) -> BibStyle:
    """The file's style, learnt from its entries that read cleanly (and its ``@string``
    macros, name -> value, so that a new entry can use them as the file does)."""
    if not entries:
        return BibStyle()
    if len(entries) > _SAMPLE:  # a majority is as clear in an even sample of a large file
        step = len(entries) / _SAMPLE
        entries = [entries[int(i * step)] for i in range(_SAMPLE)]
    lines = text.split("\n")
    gaps = blank_lines_between(lines, entries)  # between entries of every kind
    entries = one_way(entries)
    layout = spacing(entries)
    title = title_style(entries)
    accents = accent_form(entries)
    wrap = wrap_rule(text, entries)
    next_lines, next_lines_tabs = continuation(text, entries)
    return BibStyle(
        keys=learn_scheme(
            (e.key, Fields(e.surnames, str(e.year or ""), e.title, e.arxiv or "")) for e in entries
        ),
        order="append",  # decided by .place, which knows the keys of the new entries
        type_names=spellings(e.block.type for e in entries),
        type_case=mode((case_of(e.block.type) for e in entries), "lower"),
        field_names=spellings(f.name for e in entries for f in e.block.fields),
        name_case=mode(
            (case_of(f.name) for e in entries for f in e.block.fields if f.name.isalpha()),
            "lower",
        ),
        indent=layout.indent,
        before_eq=layout.before,
        after_eq=layout.after,
        align_column=layout.column,
        align_tabs=layout.tabs,
        align_extra=layout.extra,
        continuation=next_lines,
        continuation_tabs=next_lines_tabs,
        key_column=key_column(entries),
        wrap_width=wrap[0],
        overflow_width=wrap[1],
        author_joiner=author_joiner(entries),
        delimiters=delimiters(entries),
        quote=mode(
            (f.delimiter for e in entries for f in e.block.fields if f.delimiter in '{"'), "{"
        ),
        title=title,
        venues=venue_styles(entries, title),
        braced_escapes=braced_escapes(entries),
        accents=accents,
        tex_dashes=tex_dashes(entries, ascii_only=accents is not None),
        tex_quotes=tex_quotes(entries, ascii_only=accents is not None),
        pages_dash=mode(
            ("--" if "--" in e.value("pages") else "-" for e in entries if "-" in e.value("pages")),
            "--",
        ),
        month_form=month_form(entries),
        doi_upper=doi_upper(entries),
        escaped_underscores=any(
            "\\_" in e.value(n) for e in entries for n in ("url", "doi") if e.value(n)
        ),
        url_from=url_source(entries),
        trailing_comma=bool(
            mode((e.block.raw[:-1].rstrip().endswith(",") for e in entries), False)
        ),
        closing_own_line=bool(
            mode((lines[e.block.end_line - 1].strip() in {"}", ")"} for e in entries), True)
        ),
        blank_lines=gaps,
        names_last_first=bool(mode(last_first_votes(entries), True)),
        initials=initials(entries),
        name_hyphen=name_hyphen(entries),
        comment=comment_style(entries),
        macros=tuple(sorted((macro_key(v), n) for n, v in (macros or {}).items() if v.strip())),
        dotless_i=not any(
            re.search(r"\\[`'^\"~=.]\{?i\b", e.value(n))
            for e in entries
            for n in ("author", "title")
        ),
        groups=field_groups(text, entries),
        precedence=precedence(entries),
        shapes=shapes(entries),
        observed=len(entries),
    )
