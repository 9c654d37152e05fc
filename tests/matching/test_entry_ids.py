"""An index entry's ids, first author and title key are what the plain derivations give.

The index reads every reference's ids and first author's surname once, when it is
built, and takes short ways for the common reference (no id, link nor dblp key: no
cache look-up and no ``ids_of``; no nickname: no key joined for it). Here they are
compared with the plain derivations on every reference of the repository's ``.bib``
files and of the check benchmark's generated one.
"""

from __future__ import annotations

import random
from pathlib import Path

from benchmarks import bench_check
from bot.identity import ids_of
from bot.matching.entries import _ids, first_surname, reference_entry
from bot.models import Reference
from bot.references import load
from bot.text import normalize

ROOT = Path(__file__).resolve().parents[2]


def _references(tmp_path: Path) -> list[Reference]:
    bib = tmp_path / "survey.bib"
    rng = random.Random(2024)
    bench_check.write_bib(bench_check.make_papers(500, rng), bib, rng)
    paths = [bib, *sorted(ROOT.glob("tests/**/*.bib")), *sorted(ROOT.glob("examples/**/*.bib"))]
    return [ref for path in paths for ref in load(path).references]


def test_entries_derive_what_the_plain_ways_derive(tmp_path: Path) -> None:
    references = _references(tmp_path)
    assert len(references) > 500
    with_ids = 0
    for ref in references:
        entry = reference_entry(ref, 0)
        plain = _ids(ids_of(arxiv=ref.arxiv, dois=[ref.doi], urls=ref.urls, key=ref.key))
        assert entry.ids == plain
        with_ids += any(plain)
        surnames = [found for name in ref.authors if name and (found := normalize.surname(name))]
        assert first_surname(ref.authors) == (surnames[0] if surnames else "")
        assert entry.bare_key == normalize.join_tokens(entry.bare)
    assert 0 < with_ids < len(references)  # both ways taken
