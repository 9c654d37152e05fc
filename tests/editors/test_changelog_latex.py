"""The LaTeX changelog (itemize/description of versions) and the version policy."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.editors.changelog import ChangelogEntry, add_changelog_entry
from bot.errors import EditError
from tests.conftest import RENDERER
from tests.example_survey import EXAMPLE

DAY = dt.date(2024, 7, 1)
ONE = ChangelogEntry(DAY, 1, ("Pre-training",))
EPILOGUE = (EXAMPLE / "paper" / "epilogue.tex").read_text(encoding="utf-8")
LAST_ITEM = "    \\item 2023 年 5 月 7 日更新:修订了表 1、表 2和一些细节。\n"


def test_chinese_itemize_gets_an_item_like_its_newest():
    # The seed's 更新日志: "\item 2023 年 5 月 7 日更新:..." -- the date written the same
    # way, "更新:" kept, the item last as the dates run, the words in Chinese.
    result = add_changelog_entry(EPILOGUE, ONE, "latex", "更新日志", "zh", renderer=RENDERER)
    item = "    \\item 2024 年 7 月 1 日更新:添加了读者建议的 1 篇论文到“Pre-training”部分。\n"
    assert result.text == EPILOGUE.replace(LAST_ITEM, LAST_ITEM + item)


def test_same_day_merges_into_that_item():
    once = add_changelog_entry(EPILOGUE, ONE, "latex", "更新日志", "zh", renderer=RENDERER).text
    again = ChangelogEntry(DAY, 2, ("Utilization",))
    result = add_changelog_entry(once, again, "latex", "更新日志", "zh", renderer=RENDERER)
    item = (
        "    \\item 2024 年 7 月 1 日更新:"
        "添加了读者建议的 3 篇论文到“Pre-training”和“Utilization”部分。\n"
    )
    assert result.text == EPILOGUE.replace(LAST_ITEM, LAST_ITEM + item)


DESCRIPTION = """\\section*{Changelog}
\\begin{description}
  \\item[V2 (2023/04/09)] Add the affiliation information.
  \\item[V1 (2023/03/31)] The initial version.
\\end{description}
"""


@pytest.mark.parametrize(
    ("policy", "label"),
    [("bump", "[V3 (2024/07/01)]"), ("none", "[2024/07/01]")],
)
def test_description_of_versions_newest_first(policy, label):
    result = add_changelog_entry(
        DESCRIPTION, ONE, "latex", "Changelog", "en", renderer=RENDERER, version=policy
    )
    item = f"  \\item{label} Add 1 paper suggested by readers to Section Pre-training.\n"
    assert result.text == DESCRIPTION.replace("  \\item[V2", item + "  \\item[V2")


def test_untrusted_section_names_are_escaped_in_latex():
    entry = ChangelogEntry(DAY, 1, ("Tools & Agents \\input{x} 100%",))
    result = add_changelog_entry(DESCRIPTION, entry, "latex", "Changelog", renderer=RENDERER)
    [line] = [x for x in result.text.split("\n") if "2024" in x]
    assert line.endswith(
        "Section Tools \\& Agents \\textbackslash{}input"
        "\\textbraceleft{}x\\textbraceright{} 100\\%."
    )


def test_a_section_without_a_list_gets_a_new_itemize():
    text = "\\section*{Update Log}\nWe log updates here.\n\n\\section{Next}\n"
    result = add_changelog_entry(text, ONE, "latex", "Update Log", renderer=RENDERER)
    assert result.text == text.replace(
        "here.\n",
        "here.\n\n\\begin{itemize}\n    \\item July 1, 2024: "
        "Add 1 paper suggested by readers to Section Pre-training.\n\\end{itemize}\n",
    )


TABLE = (
    "## Update Log\n\n| Version | Time | Update Content |\n| --- | --- | --- |\n"
    "| V1 | 2023/03/31 | The initial version. |\n"
)


# The shape of a thesis's LaTeX log seen while probing LaTeX sources (8 December; no
# survey's): each entry a macro of its own, "\change{january 12}{...}", no \item.
# Written by hand in that shape.
MACRO_LOG = """\\section*{Changelog}
\\begin{itemize}
\\change{march 3}{Wrote the section on agents}
\\change{february 20}{Added the evaluation chapter}
\\end{itemize}
"""


def test_a_log_of_entries_written_with_a_macro_is_refused_not_given_an_item():
    # The new entry was "    \item July 1, 2024: ..." above the \change lines: a shape
    # no entry of the list has.
    with pytest.raises(EditError, match=r"\\change\{\.\.\.\}.*not \\item.*by hand"):
        add_changelog_entry(MACRO_LOG, ONE, "latex", "Changelog", "en", renderer=RENDERER)


def test_table_without_a_version_for_an_update_line():
    result = add_changelog_entry(
        TABLE, ONE, "markdown-table", "Update Log", renderer=RENDERER, version="none"
    )
    row = "|  | 2024/07/01 | Add 1 paper suggested by readers to Section Pre-training. |\n"
    assert result.text == TABLE + row


def test_new_row_is_padded_like_the_row_next_to_it():
    # The separator is not padded, the rows are: the new row copies its neighbour.
    text = (
        "## Update Log\n\n| Version | Time       | Update Content        |\n| --- | --- | --- |\n"
        "| V1      | 2023/03/31 | The initial version.  |\n"
    )
    result = add_changelog_entry(text, ONE, "markdown-table", "Update Log", renderer=RENDERER)
    row = (
        "| V2      | 2024/07/01 | Add 1 paper suggested by readers to Section Pre-training. |\n"
    )
    assert result.text == text + row


def test_yaml_without_a_version():
    text = "- date: 2023-03-31\n  version: v1\n  changes:\n    - The initial version.\n"
    result = add_changelog_entry(text, ONE, "yaml", renderer=RENDERER, version="none")
    assert result.text == text + (
        "- date: 2024-07-01\n  changes:\n"
        "    - Add 1 paper suggested by readers to Section Pre-training.\n"
    )
