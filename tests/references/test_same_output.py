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
from bot.references import bibtex, load, parse
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


TITLES = st.text(alphabet="abfilFIL0123 -:'`&.é{}\\\"ﬁ\u00e6\u0301 :-", max_size=40)


def _tokens_word_by_word(title: str) -> list[str]:
    """The tokenizer before it cut tokens with one ``findall`` over the text: three
    substitutions, a split, then one ligature pass per word."""
    plain = normalize._plain_title(title)
    text = re.sub(r"[^a-z0-9]+", " ", re.sub(r"(?<=\w)'(?=\w)|(?<=s)'(?!\w)", "", plain))
    text = re.sub(r"(?<=[a-z])(?=[0-9])|(?<=[0-9])(?=[a-z])", " ", text)
    return [re.sub(r"f(?=[fil])", "", word) for word in text.split()]


@given(st.text(alphabet="aAb -\t\n\u00a0{}\\é&", max_size=30))
def test_line_end_hyphens_undone_as_by_a_pass_over_every_title(title: str) -> None:
    """The hyphen pass runs only where a hyphen is followed by white space."""
    every = normalize._LINE_END_HYPHEN.sub("", normalize.fold(title)).lower().replace("&", " and ")
    assert normalize._plain_title(title) == every


@given(TITLES)
def test_title_tokens_as_when_cut_word_by_word(title: str) -> None:
    assert normalize.title_tokens(title) == _tokens_word_by_word(title)
    parts = normalize.analyse_title(title)
    assert parts.main + parts.sub == _tokens_word_by_word(title)


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


@given(st.text(alphabet="abc `'-\t\n{}\\é\u200bßøαΣ\u0301\u0327ﬁ", max_size=30))
def test_folding_takes_short_ways_to_the_same_result(text: str) -> None:
    """ASCII text takes a short way, and accents go in one ``translate`` pass."""
    assert normalize.fold(text) == _fold_every_step(text)


def _decode_every_step(text: str) -> str:
    """``latex.decode`` before each pass ran only where it can apply."""
    if not text:
        return ""
    if latex.is_plain(text):
        return " ".join(unicodedata.normalize("NFC", text).split())
    if "\\" in text:
        text = latex._SKIP_RE.sub(" ", text)
        text = latex._SYMBOL_ACCENT_RE.sub(latex._symbol_accent, text)
        text = latex._LETTER_ACCENT_RE.sub(latex._letter_accent, text)
        text = latex._ESCAPE_RE.sub(lambda m: latex._ESCAPES[m.group(1)], text)
        text = text.replace("\\\\", " ")
        text = latex._decode_commands(text)
        text = latex._CONTROL_SYMBOL_RE.sub(latex._control_symbol, text)
    text = text.replace("---", "—").replace("--", "–")
    text = text.replace("``", "“").replace("''", "”")
    text = text.replace("~", " ").replace("$", "").replace("{", "").replace("}", "")
    for parked, char in latex._PARKED.items():
        text = text.replace(parked, char)
    return " ".join(unicodedata.normalize("NFC", text).split())


LATEX = st.lists(
    st.sampled_from(
        ["a", "B", " ", "\n", "{", "}", "\\", "~", "$", "-", "`", "'", '"', "é", "e\u0301",
         "\ue000", "\ue003", "\\'e", '{\\"o}', "\\c c", "\\v{r}", "\\ss", "{}", "\\~{}",
         "\\hskip 2pt", "skip", "\\\\", "\\-", "\\,", "\\&", "\\{", "\\emph{", "\\href{u}{t}",
         "\\alpha", "\\i", "\\cite{x}"]
    ),
    max_size=12,
).map("".join)  # fmt: skip


@given(LATEX)
def test_decoding_takes_short_ways_to_the_same_result(text: str) -> None:
    """Each pass of ``decode`` runs only where it can change something; NFC only on
    text that is not ASCII."""
    assert latex.decode(text) == _decode_every_step(text)


FIELDS = st.dictionaries(
    st.sampled_from(
        ["title", "year", "eprint", "archiveprefix", "journal", "journaltitle", "booktitle",
         "eventtitle", "volume", "number", "howpublished", "school", "institution",
         "organization", "abstract"]
    ),
    st.sampled_from(["", "arXiv", "CoRR", "abs/2303.18223", "2303.18223", "arXiv:1706.03762",
                     "NeurIPS", "https://x.org", "hep-th/9901001", "10"]),
)  # fmt: skip


@given(FIELDS, st.sampled_from([[], ["https://arxiv.org/abs/2303.18223"]]))
def test_an_entry_without_id_fields_has_no_arxiv_id_by_the_full_search(
    text: dict[str, str], urls: list[str]
) -> None:
    """``_arxiv`` answers None at once for an entry with none of the fields it reads: an
    empty ``note`` (read, never a candidate) makes it search them all, for the same id."""
    assert bibtex._arxiv(text, urls) == bibtex._arxiv({**text, "note": ""}, urls)


@given(FIELDS, st.sampled_from(["article", "phdthesis", "techreport", "book", "misc"]))
def test_an_entry_without_venue_fields_has_no_venue_by_the_full_search(
    text: dict[str, str], kind: str
) -> None:
    """``_venue`` answers None at once for an entry with no venue field: an empty
    ``publisher`` (read, never a venue) makes it search them all, for the same venue."""
    assert bibtex._venue(kind, text) == bibtex._venue(kind, {**text, "publisher": ""})
