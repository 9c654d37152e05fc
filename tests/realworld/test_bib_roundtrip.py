"""The .bib layout round trip on real files: each entry taken out and written again.

``strict``: entries every field of which a record can hold come back byte for byte.
``layout``: every entry (with a title and no LaTeX beyond text) against itself less
the fields no record holds (timestamps, abstracts, report numbers): the layout, field
order and values come back. The figures are the property's result on these files,
measured and pinned so that a change shows; docs/bibtex.md explains the entries that
do not come back (the files' own inconsistencies, mostly: two layouts in one file,
names written two ways, a line break by hand).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.realworld.bib_roundtrip import layout_share, round_trip, share

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize(
    ("path", "strict", "layout"),
    [
        (FIXTURES / "hepml_living_review.bib", (21, 24), (26, 32)),
        (FIXTURES / "krs_survey.bib", (5, 7), (8, 21)),
        (FIXTURES / "zotero_blockchain_slr.bib", (0, 0), (9, 20)),
        (FIXTURES / "inspire_vbs_review.bib", (4, 9), (38, 63)),
        (FIXTURES / "dblp_mllm_survey_custom.bib", (0, 2), (2, 19)),
        (FIXTURES / "kg_llm_survey_references.bib", (17, 27), (17, 30)),
        (FIXTURES / "zotero_bbt_insider_threat.bib", (0, 0), (9, 19)),
        (FIXTURES / "rts_mixed_dialects.bib", (1, 15), (1, 20)),
        (FIXTURES / "hepqis_month_sections.bib", (2, 4), (4, 7)),
        (FIXTURES / "hepqis_new_month_headings.bib", (4, 8), (4, 8)),
        (FIXTURES / "jabref25_krs_wrapped.bib", (0, 1), (0, 11)),
        (FIXTURES / "mixed_exports_reading_group.bib", (0, 4), (0, 13)),
        (FIXTURES / "mixed_exports_acl_keys.bib", (0, 4), (1, 15)),
        (FIXTURES / "gem_by_year_own_paper_first.bib", (16, 16), (16, 17)),
        (ROOT / "examples/llm-survey/paper/references.bib", (50, 65), (55, 76)),
    ],
    ids=lambda v: v.name if isinstance(v, Path) else None,
)
def test_entries_come_back_from_their_own_fields(path, strict, layout):
    outcomes = round_trip(path.read_text(encoding="utf-8"))
    assert share(outcomes) == strict
    assert layout_share(outcomes) == layout
