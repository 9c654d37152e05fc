"""apply_all: one batch through every configured editor, counting only papers really added."""

from __future__ import annotations

import datetime as dt

import pytest
from editor_samples import LLAMA, SHAZEER, read

from bot.config import parse_config
from bot.editors import apply_all
from bot.suggestions import PaperItem, PaperRecord, Thanks
from tests.conftest import RENDERER

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
    applied = apply_all(files, CONFIG, items, dt.date(2024, 7, 1), renderer=RENDERER)
    readme = applied.files["README.md"]
    assert [i.record for i in applied.added] == [LLAMA, SHAZEER]
    summary = (
        "Add 2 papers suggested by readers to Section Data Collection and Section Architecture."
    )
    assert summary in readme
    assert "Yubo Feng, Ana Müller and Bo Li." in readme and "Cy Twombly" not in readme
    assert "@article{touvron2023llama," in applied.files["paper/references.bib"]
    assert any("already listed" in s.why for s in applied.skipped)
    again = apply_all(applied.files, CONFIG, items[:2], dt.date(2024, 7, 1), renderer=RENDERER)
    assert again.added == () and again.files == {}


def test_a_paper_with_an_unknown_section_stays_out_of_every_file():
    files = {"README.md": read("README.md"), "paper/references.bib": read("references.bib")}
    items = [
        PaperItem(LLAMA, "Nonexistent", 12, (Thanks("ana", "Ana Müller"),)),
        PaperItem(SHAZEER, "Architecture", 13, (Thanks("bo", "Bo Li"),)),
    ]
    applied = apply_all(files, CONFIG, items, dt.date(2024, 7, 1), renderer=RENDERER)
    assert [i.record for i in applied.added] == [SHAZEER]
    [unplaced] = applied.unplaced
    assert unplaced.item is items[0]
    assert unplaced.why.startswith("README.md: no section 'Nonexistent' in the file")
    assert "touvron2023llama" not in applied.files["paper/references.bib"]
    assert "Ana Müller" not in applied.files["README.md"]
    assert "Add 1 paper suggested by readers" in applied.files["README.md"]


@pytest.mark.parametrize(
    ("extra", "expected", "skipped"),
    [
        ((Thanks("cy", "Cy Twombly"),), "Yubo Feng, Bo Li and Cy Twombly.", []),
        ((Thanks("BO", "Bo Li"), Thanks("cy", "Cy"), Thanks("cy", "Cy")), "Bo Li and Cy.", []),
        (
            (Thanks("cy", "Cy Twombly"), Thanks("CY", "Cy", opt_out=True)),
            "Yubo Feng and Bo Li.",
            ["asked not to be thanked by name"],
        ),
    ],
    ids=["added", "each-once", "opt-out-wins"],
)
def test_extra_thanks_go_in_once_and_opt_outs_stay_out(extra, expected, skipped):
    files = {"README.md": read("README.md"), "paper/references.bib": read("references.bib")}
    item = PaperItem(SHAZEER, "Architecture", 13, (Thanks("bo", "Bo Li"),))
    applied = apply_all(
        files, CONFIG, [item], dt.date(2024, 7, 1), extra_thanks=extra, renderer=RENDERER
    )
    assert expected in applied.files["README.md"]
    assert [s.why for s in applied.skipped if "thank" in s.why] == skipped


def test_extra_thanks_alone_edit_only_the_acknowledgements():
    files = {"README.md": read("README.md"), "paper/references.bib": read("references.bib")}
    applied = apply_all(
        files, CONFIG, [], dt.date(2024, 7, 1), extra_thanks=[Thanks("d", "Di")], renderer=RENDERER
    )
    assert list(applied.files) == ["README.md"]
    assert applied.thanked == (Thanks("d", "Di"),) and applied.changes == (
        "README.md: thank Di in the thank-you sentence under 'Acknowledgments'",
    )


def test_no_paper_file_configured_logs_no_paper():
    # A config with a changelog but neither a list nor a .bib: nothing goes in, so the
    # changelog gets no "Add 1 paper" line (it got one, for a paper added nowhere).
    config = parse_config("changelog:\n  path: README.md\n")
    files = {"README.md": read("README.md")}
    day = dt.date(2024, 7, 1)
    applied = apply_all(files, config, [PaperItem(LLAMA, None, 12)], day, renderer=RENDERER)
    assert applied.added == () and applied.files == {}
