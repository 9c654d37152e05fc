"""Properties of every editor: old lines survive in order; adding twice equals adding once."""

from __future__ import annotations

import re

from editor_samples import read
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.editors.acknowledgements import add_acknowledgements
from bot.editors.bibtex import add_bibtex_entries
from bot.editors.paper_list import add_to_paper_list
from bot.suggestions import PaperItem, PaperRecord, Thanks
from tests.conftest import RENDERER

README = read("README.md")
BIB = read("references.bib")
SECTIONS = [
    "Publicly Available Models",
    "Data Collection",
    "Architecture",
    "Alignment Tuning",
    "Awesome Links",
]
SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])

words = st.text("abcdefghijklmnopqrstuvwxyzéü", min_size=2, max_size=9)
titles = st.lists(words, min_size=2, max_size=7).map(lambda ws: " ".join(ws).capitalize())
names = st.lists(words.map(str.capitalize), min_size=2, max_size=3).map(" ".join)
arxiv_ids = st.one_of(
    st.none(),
    st.builds(
        "{:02d}{:02d}.{:05d}".format, st.integers(15, 24), st.integers(1, 12), st.integers(1, 99999)
    ),
)
records = st.builds(
    PaperRecord,
    title=titles,
    authors=st.lists(names, max_size=3).map(tuple),
    year=st.one_of(st.none(), st.integers(1990, 2025)),
    arxiv=arxiv_ids,
)
items = st.builds(PaperItem, record=records, section=st.sampled_from(SECTIONS))


def _survives(old: str, new: str) -> bool:
    """Every old line is in ``new``, in order (list numbers aside: a tail may be renumbered)."""
    strip = re.compile(r"^\d+\.")
    remaining = iter(strip.sub("", line) for line in new.splitlines())
    return all(
        any(strip.sub("", line) == candidate for candidate in remaining)
        for line in old.splitlines()
    )


@SETTINGS
@given(st.lists(items, max_size=4))
def test_paper_list_keeps_old_lines_and_is_idempotent(batch):
    once = add_to_paper_list(README, batch, None, renderer=RENDERER).text
    assert _survives(README, once)
    assert add_to_paper_list(once, batch, None, renderer=RENDERER).text == once
    assert add_to_paper_list(README, batch + batch, None, renderer=RENDERER).text == once


@SETTINGS
@given(st.lists(records, max_size=4))
def test_bibtex_keeps_old_lines_and_is_idempotent(batch):
    once = add_bibtex_entries(BIB, batch, renderer=RENDERER).text
    assert _survives(BIB, once)
    assert add_bibtex_entries(once, batch, renderer=RENDERER).text == once
    assert add_bibtex_entries(BIB, batch + batch, renderer=RENDERER).text == once


@SETTINGS
@given(st.lists(names, max_size=5))
def test_acknowledgements_keep_old_lines_and_are_idempotent(people):
    thanks = [Thanks(login=f"u{i}", name=name) for i, name in enumerate(people)]
    once = add_acknowledgements(README, thanks, renderer=RENDERER).text
    old_lines = README.splitlines()
    new_lines = once.splitlines()
    assert len(new_lines) == len(old_lines)
    assert [a for a, b in zip(old_lines, new_lines, strict=True) if a != b] in (
        [],
        [old_lines[old_lines.index("## Acknowledgments") + 2]],
    )
    assert "  Yubo" not in once and ",," not in once
    assert add_acknowledgements(once, thanks, renderer=RENDERER).text == once
