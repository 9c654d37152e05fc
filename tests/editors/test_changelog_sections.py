"""The ``sections`` changelog: a CHANGELOG.md of dated headings, each over its bullets.

The first file is Xiao0728/late-interaction-retrieval-survey's CHANGELOG.md (commit
258487e5), quoted whole; every expected result was written by hand first.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.editors.changelog import ChangelogEntry, add_changelog_entry
from bot.errors import EditError
from tests.conftest import RENDERER

LIR = """\
# Changelog

## 2026-09-07 — Subsection citation reconciliation

- Expanded 76 selected entries to 120 distinct bibliography records from the manuscript \
snapshot.
- Rebuilt reading lists by actual subsection with cross-section repetition and separate \
background/boundary lists.
- Added `references.bib`; preserved `survey.bib` and `CITATION.cff` unchanged.
- Added source citation and named-mention evidence, aliases, and reproducible \
generation/validation scripts.
- Deduplicated the two Signed MaxSim source entries while preserving both citation labels.
- Documented the source snapshot and the remaining manuscript-level duplicate in \
`docs/citation-audit.md`.

## Initial companion collection

- Added 76 linked research entries organized by survey sections.
- Added software, model, and evaluation resources.
- Added a practical evaluation guide and contribution instructions.
- Added BibTeX and GitHub citation metadata for the SSRN preprint.
- Documented the manuscript snapshot and limits of initial coverage.

Post-survey additions should be recorded separately from corrections to this initial \
collection.
"""
DAY = dt.date(2026, 10, 5)


def _add(text: str, entry: ChangelogEntry, language: str = "en") -> str:
    return add_changelog_entry(text, entry, "sections", None, language, renderer=RENDERER).text


def test_a_dated_section_goes_on_top_like_the_newest():
    entry = ChangelogEntry(DAY, 3, ("Efficient Retrieval", "Query Enhancement"))
    new = (
        "## 2026-10-05 — Papers suggested by readers\n\n"
        "- Add 3 papers suggested by readers to Section Efficient Retrieval and Section Query "
        "Enhancement.\n\n"
    )
    assert _add(LIR, entry) == LIR.replace("## 2026-09-07", new + "## 2026-09-07")


def test_the_same_day_adds_up_in_its_section():
    once = _add(LIR, ChangelogEntry(DAY, 3, ("Efficient Retrieval",)))
    twice = _add(once, ChangelogEntry(DAY, 1, ("Query Enhancement",)))
    assert twice == once.replace(
        "Add 3 papers suggested by readers to Section Efficient Retrieval.",
        "Add 4 papers suggested by readers to Section Efficient Retrieval and Section Query "
        "Enhancement.",
    )


@pytest.mark.parametrize(
    ("log", "new"),
    [
        pytest.param(
            "# News\n\n### 2024/01/02\n\n* First version.\n\n### 2024/03/05\n\n* Add 4 papers.\n",
            "\n### 2026/10/05\n\n* Add 2 papers suggested by readers.\n",
            id="oldest-first-date-only",
        ),
        pytest.param(
            "# 更新日志\n\n## 2024.03.05：补充论文\n\n- 新增 4 篇论文。\n",
            None,
            id="chinese-newest-first",
        ),
    ],
)
def test_headings_are_written_as_the_file_writes_them(log, new):
    language = "zh" if "更新" in log else "en"
    result = _add(log, ChangelogEntry(DAY, 2), language)
    if new is not None:
        assert result == log + new
    else:
        new = "## 2026.10.05：读者建议的论文\n\n- 添加了读者建议的 2 篇论文。\n\n"
        assert result == log.replace("## 2024.03.05", new + "## 2024.03.05")


def test_a_file_with_no_dated_heading_is_refused_clearly():
    with pytest.raises(EditError, match="no heading with a date"):
        _add("# Changelog\n\nNothing yet.\n", ChangelogEntry(DAY, 1))


def test_sections_named_section_are_not_called_section_twice():
    # Xiao0728's reading lists are headed "Section 6: Efficient Late-Interaction Retrieval".
    once = _add(LIR, ChangelogEntry(DAY, 2, ("Section 6: Efficient Retrieval",)))
    assert "- Add 2 papers suggested by readers to Section 6: Efficient Retrieval.\n" in once
    twice = _add(
        once, ChangelogEntry(DAY, 2, ("Section 6: Efficient Retrieval", "Section 8: PRF"))
    )
    assert twice == once.replace(
        "Add 2 papers suggested by readers to Section 6: Efficient Retrieval.",
        "Add 4 papers suggested by readers to Section 6: Efficient Retrieval and Section 8: PRF.",
    )


def test_keep_a_changelog_sections_get_the_next_version_under_added():
    # Keep a Changelog's shape: "## [1.2.0] - 2024-05-01" over "### Added" and bullets,
    # an "[Unreleased]" section on top that has no date.
    log = (
        "# Changelog\n\n## [Unreleased]\n\n## [1.2.0] - 2024-05-01\n### Added\n"
        "- 12 papers on agents.\n\n## [1.1.0] - 2024-02-10\n### Added\n- First release.\n"
    )
    new = (
        "## [1.3.0] - 2026-10-05\n### Added\n"
        "- Add 2 papers suggested by readers to Section Agents.\n\n"
    )
    result = _add(log, ChangelogEntry(DAY, 2, ("Agents",)))
    assert result == log.replace("## [1.2.0]", new + "## [1.2.0]")
    again = _add(result, ChangelogEntry(DAY, 1, ("Agents",)))  # the same day: added up
    assert again == result.replace("Add 2 papers", "Add 3 papers")


README_LOG = (
    "# 综述\n\n## 更新日志\n\n### 2026-04-05\n- 添加 3 篇论文\n\n### 2026-04-02\n- 初版\n\n"
    "## 论文列表\n\n### 2024\n\n- **A** [[paper](https://arxiv.org/abs/2401.00001)]\n"
)


def test_the_dated_subsections_of_a_readme_log_heading():
    # A README's "## 更新日志" over dated "###" subsections (the shape of Chinese project
    # READMEs' logs): the new day on top of them, in Chinese; "### 2024" of the paper
    # list below is no log.
    entry = ChangelogEntry(dt.date(2026, 12, 7), 1, ("论文列表",))
    result = add_changelog_entry(
        README_LOG, entry, "sections", "更新日志", "zh", renderer=RENDERER
    )
    new = "### 2026-12-07\n- 添加了读者建议的 1 篇论文到“论文列表”部分。\n\n"
    assert result.text == README_LOG.replace("### 2026-04-05", new + "### 2026-04-05")
