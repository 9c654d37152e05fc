"""apply_all: one batch through every configured editor, counting only papers really added."""

from __future__ import annotations

import datetime as dt

from editor_samples import LLAMA, SHAZEER, read

from bot.config import parse_config
from bot.editors import apply_all
from bot.models import PaperItem, PaperRecord, Thanks

CONFIG = parse_config(
    "bibtex: paper/references.bib\n"
    "paper_list:\n  path: README.md\n  section: Data Collection\n"
    "changelog:\n  path: README.md\n"
    "acknowledgements:\n  path: README.md\n"
)


def test_one_batch_edits_every_file_and_skips_known_papers():
    files = {"README.md": read("README.md"), "paper/references.bib": read("references.bib")}
    known = PaperRecord(title="Deduplicating Training Data", arxiv="2107.06499")
    items = [
        PaperItem(LLAMA, None, 12, (Thanks("ana", "Ana Müller"),)),
        PaperItem(SHAZEER, "Architecture", 13, (Thanks("bo", "Bo Li"),)),
        PaperItem(known, None, 14, (Thanks("cy", "Cy Twombly"),)),
    ]
    applied = apply_all(files, CONFIG, items, dt.date(2024, 7, 1))
    readme = applied.files["README.md"]
    assert [i.record for i in applied.added] == [LLAMA, SHAZEER]
    summary = (
        "Add 2 papers suggested by readers to Section Data Collection and Section Architecture."
    )
    assert summary in readme
    assert "Yubo Feng, Ana Müller and Bo Li." in readme and "Cy Twombly" not in readme
    assert "@article{touvron2023llama," in applied.files["paper/references.bib"]
    assert any("already listed" in s.why for s in applied.skipped)
    again = apply_all(applied.files, CONFIG, items[:2], dt.date(2024, 7, 1))
    assert again.added == () and again.files == {}
