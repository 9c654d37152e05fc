"""The loader's fast path reads every ``.bib`` block as the careful splitter does.

``bibtex_fast.read_bib`` reads the common entry with a few regex matches and hands every
other block to the careful splitter. Here both read the same texts (a table of tricky
entries, the real ``.bib`` files among the fixtures, generated text) and are compared
entry by entry: a block read fast must hold exactly the type, key, lines, span and
fields (names as written, operands) of the careful splitter's block at that place, and
a block not read fast must be the careful splitter's block itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.references.bibtex_fast import CommonEntry, read_bib
from bot.references.bibtex_split import ENTRY, TEXT, BibBlock, _Splitter

ROOT = Path(__file__).resolve().parents[2]
REAL_BIB_FILES = sorted(
    path
    for folder in ("tests", "examples")
    for path in (ROOT / folder).rglob("*.bib")
    if "fixtures/metadata" not in path.as_posix()
)


def careful_blocks(text: str) -> list[BibBlock]:
    """Every block but the free text, as the careful splitter alone reads it."""
    splitter = _Splitter(text, pasted=False, stop_at_blank_line=False)
    return [block for block in splitter.blocks() if block.kind != TEXT]


def as_common(block: BibBlock) -> CommonEntry:
    """What the fast path holds of a block it reads."""
    assert all(len(item.parts) == 1 for item in block.fields)  # one operand each
    fields = [(item.name, item.parts[0]) for item in block.fields]
    return CommonEntry(
        block.type, block.key, block.line, block.end_line, block.start, block.end, fields
    )


def read_fast(text: str) -> list[bool]:
    """Assert that both read ``text`` alike; which blocks were read fast."""
    fast = list(read_bib(text))
    careful = careful_blocks(text)
    assert len(fast) == len(careful)
    for got, block in zip(fast, careful, strict=True):
        if isinstance(got, CommonEntry):
            assert block.kind == ENTRY and not block.problem
            assert got == as_common(block)
        else:
            assert got == block
    return [isinstance(got, CommonEntry) for got in fast]


CASES = {
    # text: is it read fast
    "@article{k,\n  title = {A {Nested} Title},\n  year = 2020\n}\n": True,
    "@misc{alone}": True,
    "@misc{ alone }\n": True,
    "@Article{k, title={x},}": True,
    "@ARTICLE { k , title = {x} , }": True,
    " \t@article{k,title={x}}": True,
    '@book{k, title = "Quoted {with} braces", month = jan, note = nips}': True,
    "@inproceedings{a:b/c-d.e+f_1,\n title = {t},\n title = {repeated}}": True,
    "@article{k,\n  title = {{GPT-4}: {Three {levels}} deep},\n}": True,
    "@article{k,\r\n  title = {CRLF},\r\n  year = {2021}\r\n}\r\n": True,
    "@article{k, title = {x}} @article{k2, title = {same line: text}}": True,
    "@article{k, url = {http://x.org/?a=1&b=%20}, title = {100\\% {\\'e}t{\\'e}}}": True,
    "@article{k, title = {x}}\ntrailing text\n": True,
    "@article{k, title={x}, year={2020}}\n\n@article{k2, title={y}}\n": True,
    "@article{k, title = {Four {levels {of {braces}}}}}": False,
    "@article{k, title = {a} # { b}}": False,
    "@article{k, title = nips # {b}}": False,
    '@article{k, title = "escaped \\" quote"}': False,
    "@article(k, title = {parentheses})": False,
    "@string{nips = {Neural Information Processing Systems}}\n@article{k, booktitle = nips}": False,
    "@comment{jabref-meta: {nested} braces}": False,
    '@preamble{"\\newcommand{\\noop}[1]{}"}': False,
    "@article{k, title = {never closed, year = 2021}\n@article{k2, title = {x}}": False,
    "@article{k title = {no comma after the key}}": False,
    "@article{, title = {no key}}": False,
    "@article{k, title {no equals sign}}": False,
    "@article{k, year = 2020a}": False,
    "@article{k, url = http://bare.org/?x=1}": False,
    "@article{k,\n  % a comment line\n  title = {x}\n}": False,
    "@article{k, title = {x}": False,
    "@article{k, title = {x}},\n": True,
    # Blocks start on a line of their own, after blanks at most.
    "@article{k, title = {x}}\n \t@misc{m, year = 2020}\nnot @article{a, start}\n": True,
}


@pytest.mark.parametrize("text", list(CASES))
def test_tricky_entries_read_alike(text: str) -> None:
    entries = read_fast(text)
    assert entries[0] is CASES[text]  # the first block: read fast exactly when it is common


@pytest.mark.parametrize("path", REAL_BIB_FILES, ids=lambda path: path.name)
def test_real_bib_files_read_alike(path: Path) -> None:
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    read = read_fast(text)
    assert sum(read) >= len(read) // 2  # most real entries take the fast path


FRAGMENTS = [
    "@article{", "@string{", "@misc(", "@comment{", "k1", "k2", ",", ", ", " ", "\n",
    "title", "year", " = ", "=", "{", "}", "{x}", '"', '"y"', "#", " # ", "jan", "2020",
    "\\", "\\'e", "(", ")", "%", "a", "é", "\r\n", "\t",
]  # fmt: skip


@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join))
def test_generated_text_reads_alike(text: str) -> None:
    read_fast(text)


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["title", "author", "Year", "note", "x-y"]),
            st.sampled_from(["{", '"', ""]),
            st.text(alphabet='ab {}"\\#,=%\n', max_size=12),
        ),
        max_size=5,
    )
)
def test_generated_entries_read_alike(fields: list[tuple[str, str, str]]) -> None:
    body = ",\n".join(
        f"  {name} = {open_}{value}{'}' if open_ == '{' else open_}"
        for name, open_, value in fields
    )
    read_fast(f"@article{{key,\n{body}\n}}\n@misc{{next, title = {{after}}}}\n")
