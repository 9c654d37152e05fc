"""The one BibTeX splitter: blocks as written, and the loader, editor and intake agreeing."""

from __future__ import annotations

import pytest

from bot.editors.bibtex import read_blocks
from bot.intake.pasted_bibtex import find_pasted_entries
from bot.references.bibtex import expand_entries
from bot.references.bibtex_split import ENTRY, split_bib, split_pasted

FILE = """% written by hand
@string{venue = "Conference on " # {Things}}
@preamble{"\\newcommand{\\noop}[1]{}"}
@comment{jabref-meta: {nested} braces}

@article{good1,
  title  = {A {Nested} Title},
  year   = 2020,
}
@article{broken,
  title  = {Never {closed,
  year   = 2021,
}
Free text between entries.
@misc(paren, note = "x (y)")
"""


def test_blocks_follow_the_file_and_keep_every_byte_where_it_was():
    blocks = list(split_bib(FILE))
    assert [(b.kind, b.line, b.end_line, b.key) for b in blocks] == [
        ("text", 1, 1, ""),
        ("string", 2, 2, ""),
        ("preamble", 3, 3, ""),
        ("comment", 4, 4, ""),
        ("entry", 6, 9, "good1"),
        ("entry", 10, 14, "broken"),
        ("entry", 15, 15, "paren"),
    ]
    assert all(block.raw == FILE[block.start : block.end] for block in blocks)
    broken = blocks[5]
    assert broken.problem == "a braced value never closes (unbalanced braces)"
    assert broken.raw.endswith("Free text between entries.")  # the rest of its block
    assert blocks[6].values() == {"note": '"x (y)"'}


@pytest.mark.parametrize(
    ("value", "delimiter", "parts"),
    [
        ("{A {Nested} Title}", "{", [("{", "A {Nested} Title")]),
        ("{a {b {c {d {e}}}}}", "{", [("{", "a {b {c {d {e}}}}")]),
        ('"Quoted {"}inside{"} too"', '"', [('"', 'Quoted {"}inside{"} too')]),
        ("2020", "bare", [("number", "2020")]),
        ("jan", "bare", [("name", "jan")]),
        ('nips # " 30" # {x}', "#", [("name", "nips"), ('"', " 30"), ("{", "x")]),
    ],
    ids=["braced", "deeply-nested", "quoted", "number", "macro", "concatenation"],
)
def test_values_keep_their_raw_text_delimiter_and_parts(value, delimiter, parts):
    [block] = split_bib(f"@misc{{k,\n  note = {value},\n}}\n")
    [item] = block.fields
    assert (item.value, item.delimiter, [tuple(part) for part in item.parts]) == (
        value,
        delimiter,
        parts,
    )


def test_fields_keep_their_names_order_and_spacing():
    text = "@Article{k, Title={T},\n\tauthor   =  {A}, year=\n  2020,\n}"
    [block] = split_bib(text)
    assert [
        (f.name, f.indent, f.before_eq, f.after_eq, text[f.start : f.end]) for f in block.fields
    ] == [
        ("Title", None, "", "", "Title={T}"),  # on the "@" line
        ("author", "\t", "   ", "  ", "author   =  {A}"),
        ("year", None, "", "\n  ", "year=\n  2020"),  # after another field on its line
    ]


def test_pasted_entries_start_mid_line_but_not_glued_to_a_word():
    text = "Mail me@misc(dot)org or cite @article{k, title={T}} please"
    assert [(b.kind, b.key, b.raw) for b in split_pasted(text)] == [
        ("text", "", "Mail me@misc(dot)org or cite"),
        ("entry", "k", "@article{k, title={T}}"),
        ("text", "", "please"),
    ]
    assert [b.kind for b in split_bib(text)] == ["text"]


@pytest.mark.parametrize(
    ("stop_at_blank_line", "title"),
    [(True, "Cut off"), (False, "Cut off\n\nThanks!")],
    ids=["prose", "code-block"],
)
def test_a_paste_missing_its_closing_brace_ends_at_a_blank_line_in_prose(stop_at_blank_line, title):
    text = "@article{k, year = 2024, title = {Cut off\n\nThanks!"
    [entry, *_] = split_pasted(text, stop_at_blank_line=stop_at_blank_line)
    assert entry.values() == {"year": "2024", "title": "{" + title}
    assert entry.problem == "a braced value never closes (unbalanced braces)"


def test_pasted_values_may_be_smart_quoted_or_unbraced_urls():
    [entry] = find_pasted_entries(
        "@misc{k, title = \u201cAttention Is All You Need\u201d, url = https://x.org/~a?b=c}"
    )
    assert entry.fields == {"title": "Attention Is All You Need", "url": "https://x.org/~a?b=c"}


BUG = (
    "@article{babbage1843sketch,\n"
    "  title = {Sketch of the Analytical Engine {with an unclosed brace,\n"
    "  year = {1843}\n"
    "}\n"
    "\n"
    "@article{lovelace2024totally,\n"
    "  title = {Totally Real Engines},\n"
    "  year = {2024}\n"
    "}\n"
)

# text, the entries every reader must see: (line, key as far as it reads, reads cleanly)
TRICKY = [
    pytest.param(
        '@article{a,\n  title = {The {{Deeply} {Nested}} {\\"u}ber {x {y {z {w}}}}},\n}\n'
        "@misc{b, title = {After}}\n",
        [(1, "a", True), (4, "b", True)],
        id="nested-braces",
    ),
    pytest.param(
        '@article{q,\n  title = "Quotes {"}inside{"} and {a } brace",\n  year = 2020\n}\n'
        '@misc{r, title = "Done"}\n',
        [(1, "q", True), (5, "r", True)],
        id="quotes-with-braces-inside",
    ),
    pytest.param(
        "@comment{jabref-meta: databaseType:bibtex; {nested}}\n"
        "@article{c1, title = {One}}\n"
        "@COMMENT(a (parenthesised) comment)\n"
        "@article{c2, title = {Two}}\n",
        [(2, "c1", True), (4, "c2", True)],
        id="comment",
    ),
    pytest.param(
        "% Generated by hand, ask someone@example.org\n"
        "@article{p1, title = {P1}}\n"
        "% title = {not a field}\n"
        "@article{p2, title = {P2}}\n",
        [(2, "p1", True), (4, "p2", True)],
        id="percent-lines",
    ),
    pytest.param(
        BUG,
        [(1, "babbage1843sketch", False), (6, "lovelace2024totally", True)],
        id="missing-closing-brace-then-entry",
    ),
    pytest.param(
        '@string{venue = "Conference on " # {Things}}\n'
        "@string(short = {Conf.})\n"
        '@inproceedings{s1, booktitle = venue # " 2020", title = {S1}}\n',
        [(3, "s1", True)],
        id="string-with-concatenation",
    ),
    pytest.param(
        BUG.replace("\n", "\r\n"),
        [(1, "babbage1843sketch", False), (6, "lovelace2024totally", True)],
        id="crlf",
    ),
    pytest.param(
        "@article{nokey title = {x}}\n@article(ok, title = {Fine})\n",
        [(1, "", False), (2, "ok", True)],
        id="missing-comma-then-parenthesised-entry",
    ),
]


@pytest.mark.parametrize(("text", "expected"), TRICKY)
def test_loader_editor_and_intake_see_the_same_entries(text, expected):
    def line_of(offset: int) -> int:
        return text.count("\n", 0, offset) + 1

    entries, skipped = expand_entries(text)
    loaded = [(e.line, e.key, True) for e in entries]
    loaded += [(int(s.what.split()[1]), "", False) for s in skipped]
    edited = [(b.line, b.key, not b.problem) for b in read_blocks(text) if b.kind == ENTRY]
    pasted = [(line_of(e.start), e.key) for e in find_pasted_entries(text)]

    assert edited == expected
    assert sorted(loaded) == [(line, key if ok else "", ok) for line, key, ok in expected]
    assert [line for line, _ in pasted] == [line for line, _, _ in expected]
    assert [pair for pair in pasted if (*pair, True) in expected] == [
        (line, key) for line, key, ok in expected if ok
    ]
