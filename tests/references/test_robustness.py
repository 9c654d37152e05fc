"""Loaders never crash: any text gives references plus skipped entries, never an exception."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.references import FORMATS, parse

# Text made of the characters that matter to the parsers, so the fuzzing reaches them.
CHARACTERS = list("@{}()[],=#\"'`~\\%$&-*_<>|.:;!? \n\taAbBzZ019é“”")
TOKENS = ["@article{", "@string{", "\\bibitem", "\\newblock", "``", "''", "[1] ", "1. ", '**"']
TOKENS += ["\n## ", "\n```", "<u>", "](http://arxiv.org/abs/2303.18223)", "et al.", " and "]
TOKENS += ['{\\"u}', "\\c{"]
ALPHABET = st.sampled_from([*CHARACTERS, *TOKENS])
TEXTS = st.lists(ALPHABET, max_size=80).map("".join)


@settings(max_examples=150, deadline=None)
@given(text=TEXTS)
def test_no_loader_raises(text):
    for name in FORMATS:
        result = parse(text, name, "fuzz")
        for reference in result.references:
            assert isinstance(reference.title, str)
            assert 1 <= reference.line <= reference.end_line


@settings(max_examples=60, deadline=None)
@given(junk=TEXTS)
def test_a_broken_bibtex_entry_costs_only_itself(junk):
    good = "@article{good1,\n  title = {First},\n}\n"
    bad = "@article{bad,\n  title = {" + junk.replace("\n@", "\n ") + "\n"
    after = "@article{good2,\n  title = {Second},\n}\n"
    keys = [ref.key for ref in parse(good + bad + after, "bibtex").references]
    assert keys[0] == "good1" and keys[-1] == "good2"
