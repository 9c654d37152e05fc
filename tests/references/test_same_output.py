"""The loader's fast internals read exactly what the plain versions read.

The loader was made faster and smaller for surveys of 10,000 to 50,000
references (issue "Fast where users wait"): names split on braces with one
regex pass, LaTeX decoded only for the fields a reference uses, entries turned
into references as they are read, the line index built with ``str.find``, the
tokenizer folding ligatures in one pass. Each is checked here against the
straightforward version it replaced (kept as the oracle), and the whole loader
against the references the code before those changes read from the check
benchmark's generated ``.bib``.
"""

from __future__ import annotations

import random
import re
import unicodedata
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from benchmarks import bench_check
from bot.references import load, parse
from bot.references.bibtex import AND, COMMA, split_top_level
from bot.references.common import LineIndex
from bot.text import latex, normalize

# bench_check.loaded_digest of the 1,000 references of the generated .bib (seed 2024),
# computed with the loader as it was before the speed-ups (commit 8e13ede). A change
# meant to alter what the loader reads changes it: recompute it with that function.
BEFORE_SPEEDUPS = "3aafd0503ac6da3e"


def test_the_benchmark_bib_loads_as_before_the_speedups(tmp_path: Path) -> None:
    rng = random.Random(2024)
    papers = bench_check.make_papers(1000, rng)
    bib = tmp_path / "survey.bib"
    bench_check.write_bib(papers, bib, rng)
    result = load(bib)
    assert len(result.references) == 1000 and not result.skipped
    assert bench_check.loaded_digest(list(result.references)) == BEFORE_SPEEDUPS


def test_entries_read_one_by_one_or_all_first_give_the_same_references() -> None:
    """Without ``crossref`` entries become references as they are read; with it (here
    only in a comment) every entry is read first. Both ways read the same."""
    rng = random.Random(7)
    papers = bench_check.make_papers(200, rng)
    text = "\n".join(
        f"@article{{{p.key},\n  title = {{{bench_check.latex(p.title, rng)}}},\n"
        f"  author = {{{' and '.join(p.authors)}}},\n  year = {p.year}\n}}\n"
        for p in papers
    )
    streamed = parse(text, "bibtex", "refs.bib")
    listed = parse(text + "\n@comment{crossref}\n", "bibtex", "refs.bib")
    assert streamed == listed and len(streamed.references) == 200


def _split_by_characters(text: str, separator: str) -> list[str]:
    """The character loop ``split_top_level`` replaced."""
    if "{" not in text:
        return re.split(separator, text, flags=re.IGNORECASE)
    pieces: list[str] = []
    depth = start = i = 0
    pattern = re.compile(separator, re.IGNORECASE)
    while i < len(text):
        char = text[i]
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif depth == 0:
            found = pattern.match(text, i)
            if found and found.end() > i:
                pieces.append(text[start:i])
                start = i = found.end()
                continue
        i += 1
    pieces.append(text[start:])
    return pieces


NAMES = st.text(alphabet="{}aAnd ,\\\"'o", max_size=40)


@given(NAMES)
def test_names_split_on_and_as_by_the_character_loop(text: str) -> None:
    assert split_top_level(text, AND) == _split_by_characters(text, r"\s+and\s+")


@given(NAMES)
def test_names_split_on_commas_as_by_the_character_loop(text: str) -> None:
    assert split_top_level(text, COMMA) == _split_by_characters(text, r"\s*,\s*")


@given(st.text(alphabet="ab\n", max_size=30), st.data())
def test_line_index_counts_lines(text: str, data: st.DataObject) -> None:
    offset = data.draw(st.integers(min_value=0, max_value=len(text)))
    assert LineIndex(text).line(offset) == text.count("\n", 0, offset) + 1


TITLES = st.text(alphabet="abfilFIL0123 -:'`&.é{}\\\"ﬁ", max_size=40)


@given(TITLES)
def test_title_tokens_as_with_one_ligature_pass_per_word(title: str) -> None:
    plain = normalize._plain_title(title)
    text = normalize._NON_WORD.sub(" ", normalize._APOSTROPHE.sub("", plain))
    text = normalize._LETTER_DIGIT.sub(" ", text)
    per_word = [normalize._LIGATURE.sub("", word) for word in text.split()]
    assert normalize.title_tokens(title) == per_word


def _fold_every_step(text: str) -> str:
    """``normalize.fold`` before ASCII text took a short way."""
    if not latex.is_plain(text):
        text = latex.decode(text)
    text = normalize._INVISIBLE.sub("", text).translate(normalize._TRANSLATE)
    text = unicodedata.normalize("NFKD", text)
    if not text.isascii():
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
        text = text.translate(normalize._TRANSLATE)
    return " ".join(text.split())


@given(st.text(alphabet="abc `'-\t\n{}\\é\u200bß", max_size=30))
def test_folding_ascii_text_takes_the_short_way_to_the_same_result(text: str) -> None:
    assert normalize.fold(text) == _fold_every_step(text)
