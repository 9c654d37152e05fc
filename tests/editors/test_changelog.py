"""Changelog editor: table, bullets and YAML formats; same-day merge; both languages."""

from __future__ import annotations

import datetime as dt

import pytest
from editor_samples import read

from bot.config.schema import CHANGELOG_FORMATS
from bot.editors.changelog import UNDER_HEADING, WHOLE_FILE, ChangelogEntry, add_changelog_entry
from bot.editors.changelog.entry import next_version, summary
from bot.errors import EditError
from tests.conftest import RENDERER

README = read("README.md")
README_ZH = read("README.zh.md")
DAY = dt.date(2024, 7, 1)
BATCH = ChangelogEntry(DAY, 3, ("Alignment Tuning", "Instruction Tuning"))
LAST_ROW = (
    "| V16                      | 2024/06/02 | "
    "Correct some minor errors.                                   |\n"
)


def test_table_gets_the_next_version_newest_last():
    result = add_changelog_entry(
        README, BATCH, "markdown-table", "Update Log", "en", renderer=RENDERER
    )
    row = (
        "| V17                      | 2024/07/01 | "
        "Add 3 papers suggested by readers to Section Alignment "
        "Tuning and Section Instruction Tuning. |\n"
    )
    assert result.text == README.replace(LAST_ROW, LAST_ROW + row)
    assert result.changes[0].startswith("add changelog entry V17 (2024/07/01)")


def test_second_batch_the_same_day_updates_that_row():
    first = add_changelog_entry(
        README, BATCH, "markdown-table", "Update Log", "en", renderer=RENDERER
    ).text
    second = ChangelogEntry(DAY, 2, ("Instruction Tuning", "Data Collection"), ("Fix a typo.",))
    result = add_changelog_entry(
        first, second, "markdown-table", "Update Log", "en", renderer=RENDERER
    )
    row = (
        "| V17                      | 2024/07/01 | "
        "Add 5 papers suggested by readers to Section Alignment "
        "Tuning, Section Instruction Tuning and Section Data Collection.<br/>Fix a typo. |\n"
    )
    assert result.text == README.replace(LAST_ROW, LAST_ROW + row)


def test_newest_first_table_gets_the_row_on_top_with_padding():
    text = (
        "## Update Log\n\n| Version | Time       | Update Content |\n"
        "| ------- | ---------- | -------------- |\n"
        "| V2      | 2023/04/09 | Second.        |\n| V1      | 2023/03/31 | First.         |\n"
    )
    entry = ChangelogEntry(DAY, 1, ("Data",))
    result = add_changelog_entry(
        text, entry, "markdown-table", "Update Log", "en", renderer=RENDERER
    )
    new = "| V3      | 2024/07/01 | Add 1 paper suggested by readers to Section Data. |\n"
    assert result.text == text.replace("| V2 ", new + "| V2 ")


def test_multi_line_content_is_joined_with_br_and_escaped():
    entry = ChangelogEntry(DAY, 1, ("A|B",), ("<script>alert(1)</script> by @someone",))
    result = add_changelog_entry(
        README, entry, "markdown-table", "Update Log", "en", renderer=RENDERER
    )
    row = result.text.splitlines()[-1]
    assert row.endswith(
        "Add 1 paper suggested by readers to Section A\\|B.<br/>"
        "&lt;script&gt;alert(1)&lt;/script&gt; by @\u200bsomeone |"
    )


def test_chinese_bullets_follow_the_existing_wording():
    result = add_changelog_entry(README_ZH, BATCH, "bullets", "更新日志", "zh", renderer=RENDERER)
    anchor = "• 2023 年 4 月 12 日更新:修订了图 1和表 1,澄清了 LLM 的发布日期。\n"
    new = (
        "• 2024 年 7 月 1 日更新:添加了读者建议的 3 篇论文到"
        "“Alignment Tuning”和“Instruction Tuning”部分。\n"
    )
    assert result.text == README_ZH.replace(anchor, anchor + new)
    again = add_changelog_entry(
        result.text,
        ChangelogEntry(DAY, 1, ("对齐调优",)),
        "bullets",
        "更新日志",
        "zh",
        renderer=RENDERER,
    )
    merged = new.replace("3 篇", "4 篇").replace(
        "“Instruction Tuning”部分", "“Instruction Tuning”和“对齐调优”部分"
    )
    merged = merged.replace(
        "“Alignment Tuning”和“Instruction Tuning”和", "“Alignment Tuning”、“Instruction Tuning”和"
    )
    assert again.text == README_ZH.replace(anchor, anchor + merged)


def test_english_bullets_newest_first():
    text = (
        "## Updates\n\n- Update on May 7, 2023: Revise Table 1.\n"
        "- Update on April 9, 2023: Add the affiliation information.\n"
        "- First release on March 31, 2023: The initial version.\n"
    )
    entry = ChangelogEntry(DAY, 2, ("Prompts",))
    result = add_changelog_entry(text, entry, "bullets", "Updates", "en", renderer=RENDERER)
    new = "- Update on July 1, 2024: Add 2 papers suggested by readers to Section Prompts.\n"
    assert result.text == text.replace("- Update on May 7", new + "- Update on May 7")


def test_news_bullets_keep_the_dates_markup_and_no_link_is_cut():
    """huybery/Awesome-Code-LLM's News: the date in "**[...]**", a link after it whose
    address has a colon ("https:"), which is not the separator after the date."""
    text = (
        "## News\n\n- 🔥🔥🔥 **[2024-11-12]** [**Qwen2.5-Coder series**](https://hf.co/q) are "
        "released.\n- 🔥🔥🔥 **[2024-06-17]** [**DeepSeek-Coder-V2**](https://github.com/d) "
        "released.\n"
    )
    entry = ChangelogEntry(DAY, 1, ("Code",))
    result = add_changelog_entry(text, entry, "bullets", "News", "en", renderer=RENDERER)
    new = "- 🔥🔥🔥 **[2024-07-01]** Add 1 paper suggested by readers to Section Code.\n"
    assert result.text == text.replace("- 🔥🔥🔥 **[2024-11-12]", new + "- 🔥🔥🔥 **[2024-11-12]")


def test_yaml_changelog_appends_a_mapping_and_merges_the_same_day():
    text = "# changelog\n- date: 2023-04-09\n  version: V1\n  changes:\n    - Initial version.\n"
    result = add_changelog_entry(text, BATCH, "yaml", None, "en", renderer=RENDERER)
    added = (
        "- date: 2024-07-01\n  version: V2\n  changes:\n"
        "    - Add 3 papers suggested by readers to Section Alignment Tuning "
        "and Section Instruction Tuning.\n"
    )
    assert result.text == text + added
    again = add_changelog_entry(
        result.text,
        ChangelogEntry(DAY, 1, ("Prompts",)),
        "yaml",
        None,
        "en",
        renderer=RENDERER,
    )
    assert again.text == text + added.replace(
        "Add 3 papers suggested by readers to Section Alignment Tuning "
        "and Section Instruction Tuning.",
        "Add 4 papers suggested by readers to Section Alignment Tuning, Section Instruction Tuning "
        "and Section Prompts.",
    )


def test_yaml_values_are_quoted_when_needed():
    entry = ChangelogEntry(DAY, 0, (), ("key: value # not a comment",))
    result = add_changelog_entry("", entry, "yaml", None, "en", renderer=RENDERER)
    assert (
        result.text
        == "- date: 2024-07-01\n  version: V1\n  changes:\n    - 'key: value # not a comment'\n"
    )


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        (["V1", "V16", "V11 <br>(major revision)"], "V17"),
        (["v1.2", "v1.10"], "v1.11"),
        (["[1.2.0] - 2024-05-01", "[1.1.0] - 2024-02-10"], "1.3.0"),
        ([], "V1"),
    ],
    ids=["V16", "dotted", "semver", "none"],
)
def test_next_version(cells, expected):
    assert next_version(cells) == expected


def test_summary_wording():
    assert summary(1, (), "en") == "Add 1 paper suggested by readers."
    assert summary(3, ("A", "B", "C"), "zh") == "添加了读者建议的 3 篇论文到“A”、“B”和“C”部分。"
    # (a heading's own stop or colon: zjunlp/LLMAgentPapers' "#### Planning. 🧩♟️" was
    # "Section Planning..")
    assert summary(2, ("Planning.", "Tools:"), "en") == (
        "Add 2 papers suggested by readers to Section Planning and Section Tools."
    )


def test_missing_heading_and_unknown_format_are_errors():
    with pytest.raises(EditError, match="Update Log"):
        add_changelog_entry(
            "# Nothing here\n", BATCH, "markdown-table", "Update Log", "en", renderer=RENDERER
        )
    with pytest.raises(EditError, match="expected one of"):
        add_changelog_entry(README, BATCH, "table", "Update Log", "en", renderer=RENDERER)


def test_crlf_table_stays_crlf():
    old = README.replace("\n", "\r\n")
    result = add_changelog_entry(
        old, BATCH, "markdown-table", "Update Log", "en", renderer=RENDERER
    )
    assert result.text.count("\n") == result.text.count("\r\n") == old.count("\r\n") + 1


def test_every_format_the_config_accepts_has_an_editor():
    assert (*UNDER_HEADING, *WHOLE_FILE) == CHANGELOG_FORMATS


# "News" sections as paper-list READMEs keep them; each expected line written by hand.
@pytest.mark.parametrize(
    ("bullets", "new", "at_top"),
    [
        pytest.param(
            "- **[2024-05-01]** We release the paper list.\n- **[2024-03-12]** Add 10 papers.\n",
            "- **[2024-07-01]** Add 3 papers suggested by readers to Section Alignment Tuning.\n",
            True,
            id="bold-bracketed-date-closes-its-markup",
        ),
        pytest.param(
            "- [2024.05] Update 20 papers.\n- [2024.02] Create the repo.\n",
            "- [2024.07] Add 3 papers suggested by readers to Section Alignment Tuning.\n",
            True,
            id="year-month",
        ),
        pytest.param(
            "* [05/2024] Added papers on agents.\n* [03/2024] First version.\n",
            "* [07/2024] Add 3 papers suggested by readers to Section Alignment Tuning.\n",
            True,
            id="month-year",
        ),
        pytest.param(
            "- **[Oct 2024]** Added 12 papers.\n- **[Aug 2024]** Our survey is out.\n",
            "- **[Jul 2025]** Add 3 papers suggested by readers to Section Alignment Tuning.\n",
            True,
            id="month-name-year",
        ),
        pytest.param(
            "- 2024-01-02: first version\n- 2024-03-05: add 4 papers\n",
            "- 2024-07-01: Add 3 papers suggested by readers to Section Alignment Tuning.\n",
            False,
            id="oldest-first",
        ),
        # zjunlp/Prompt4ReasoningPapers (bd2e561a), README.md lines 8 and 11: each news
        # line bold from its date to its end. The new line closes its bold too.
        pytest.param(
            '- **2024-03-05 We release a new paper: "[KnowAgent: Knowledge-Augmented Planning '
            'for LLM-Based Agents](https://arxiv.org/abs/2403.03101)".**\n'
            "- **2023-7-12 We release [EasyEdit](https://github.com/zjunlp/EasyEdit), an "
            "easy-to-use knowledge editing framework for Large Language Models.**\n",
            "- **2024-07-01 Add 3 papers suggested by readers to Section Alignment Tuning.**\n",
            True,
            id="bold-to-the-end-of-the-line",
        ),
        # zjunlp/LLMAgentPapers (3855f982), README.md lines 23-24: "We release a new
        # paper:" begins that news line's own sentence; it is no label of the log's.
        pytest.param(
            '- **[2024-03]** We release a new paper: "[KnowAgent: Knowledge-Augmented Planning '
            'for LLM-Based Agents](https://arxiv.org/abs/2403.03101)".\n'
            "- **[2023-06]** We create this repository to maintain a paper list on "
            "*Multi-agents*.\n",
            "- **[2024-07]** Add 3 papers suggested by readers to Section Alignment Tuning.\n",
            True,
            id="a-sentence-before-a-colon-is-no-label",
        ),
    ],
)
def test_news_bullets_get_a_line_like_theirs(bullets, new, at_top):
    text = f"## News\n\n{bullets}\n## Papers\n"
    day = dt.date(2025, 7, 1) if "Oct 2024" in bullets else DAY
    entry = ChangelogEntry(day, 3, ("Alignment Tuning",))
    result = add_changelog_entry(text, entry, "bullets", "News", "en", renderer=RENDERER)
    assert result.text == text.replace(bullets, new + bullets if at_top else bullets + new)


def test_a_month_line_is_not_merged_into():
    # A month says nothing about the day: a second batch that month gets its own line,
    # rather than joining whatever news the maintainers wrote that month.
    text = "## News\n\n- [2024.07] Our survey is accepted at ACL!\n- [2024.05] Update.\n"
    entry = ChangelogEntry(DAY, 1, ("Agents",))
    result = add_changelog_entry(text, entry, "bullets", "News", "en", renderer=RENDERER)
    new = "- [2024.07] Add 1 paper suggested by readers to Section Agents.\n"
    assert result.text == text.replace("- [2024.07] Our", new + "- [2024.07] Our")


@pytest.mark.parametrize(
    ("bullets", "new"),
    [
        # MLGroupJLU/LLM-eval-survey's "News and updates" (README at its stored commit).
        pytest.param(
            "- [12/07/2023] The second version of the paper is released on arXiv.\n"
            "- [07/07/2023] The first version of the paper is released on arXiv.\n",
            "- [07/01/2024] Add 1 paper suggested by readers to Section Reasoning.\n",
            id="month-day-year-by-default",
        ),
        pytest.param(
            "- [25/07/2023] The second version.\n- [07/07/2023] The first version.\n",
            "- [01/07/2024] Add 1 paper suggested by readers to Section Reasoning.\n",
            id="day-month-year-where-a-day-says-so",
        ),
    ],
)
def test_news_dated_with_the_year_last(bullets, new):
    text = f"## News and updates\n\n{bullets}\n## What to evaluate\n"
    entry = ChangelogEntry(DAY, 1, ("Reasoning",))
    result = add_changelog_entry(
        text, entry, "bullets", "News and updates", "en", renderer=RENDERER
    )
    assert result.text == text.replace(bullets, new + bullets)


def test_an_update_log_nested_under_news_gets_the_new_line():
    # Tebmer/Awesome-Knowledge-Distillation-of-LLMs c96c71a9, README.md lines 48-53: a
    # dated news bullet about the survey, then "- Update Log" over its own dated bullets.
    # The new line is one of the log's, at its depth; with one line there is no order to
    # follow, so it goes first, as news do: MLGroupJLU/LLM-eval-survey's maintainers put
    # their second news bullet above the first (d90bb01, 2023-07-12).
    text = (
        "## 💡 News\n"
        "- **2024-2-20**: 📃 We released a survey paper \"**[A Survey on Knowledge "
        "Distillation of Large Language Models](https://arxiv.org/abs/2402.13116)**\". "
        "Welcome to read and cite it.\n"
        "\n"
        "- Update Log\n"
        "  - **2024-3-19**: Add 14 papers.\n"
        "\n"
        "\n"
        "## Contributing to This Collection\n"
    )
    entry = ChangelogEntry(DAY, 1, ("Labeling",))
    result = add_changelog_entry(text, entry, "bullets", "💡 News", "en", renderer=RENDERER)
    new = "  - **2024-7-1**: Add 1 paper suggested by readers to Section Labeling.\n"
    assert result.text == text.replace("  - **2024-3-19**", new + "  - **2024-3-19**")


# Yutong-Zhou-cv/Awesome-Text-to-Image (b2a6b3fa), README.md lines 45-48: news dated
# YY/MM/DD. Read day first, "24/02/29" would be 2029 and the lines out of order.
YUTONG_NEWS = (
    '* [24/02/29] Update **"Awesome Text to Image" Version 2.0**! *Paper With Code* and '
    "*Other Related Works* will also be gradually updated in March.\n"
    '* [23/05/26] 🔥 Add our survey paper "[**Vision + Language Applications: A Survey**]'
    "(https://openaccess.thecvf.com/content/CVPR2023W/GCV/html/Zhou_Vision__Language_"
    'Applications_A_Survey_CVPRW_2023_paper.html)" and a special [**Best Collection**]'
    "(https://github.com/Yutong-Zhou-cv/Awesome-Text-to-Image/blob/main/%5BCVPRW%202023%F0"
    "%9F%8E%88%5D%20%20Best%20Collection.md) list!\n"
    '* [23/04/04] "**Vision + Language Applications: A Survey**" was accepted by CVPRW2023.\n'
    "* [20/10/13] **Awesome-Text-to-Image** repo is created.\n"
)


@pytest.mark.parametrize(
    ("bullets", "day", "new"),
    [
        pytest.param(
            YUTONG_NEWS,
            dt.date(2026, 12, 7),
            "* [26/12/07] Add 1 paper suggested by readers to Section Reasoning.\n",
            id="year-first",
        ),
        # "25/07/23" as a year first would be 2025, after the batch's day: the day first.
        pytest.param(
            "- [25/07/23] The second version.\n- [07/07/23] The first version.\n",
            DAY,
            "- [01/07/24] Add 1 paper suggested by readers to Section Reasoning.\n",
            id="day-first",
        ),
        pytest.param(
            "- [12/28/23] The second version.\n- [07/07/23] The first version.\n",
            DAY,
            "- [07/01/24] Add 1 paper suggested by readers to Section Reasoning.\n",
            id="month-first",
        ),
    ],
)
def test_news_dated_with_a_two_digit_year(bullets, day, new):
    text = f"## 🎑 News\n{bullets}\n## To Do\n"
    entry = ChangelogEntry(day, 1, ("Reasoning",))
    result = add_changelog_entry(text, entry, "bullets", "News", "en", renderer=RENDERER)
    assert result.text == text.replace(bullets, new + bullets)


def test_two_digit_year_dates_read_alike_in_every_order_are_not_guessed():
    # 2001-02-03 then 2004-05-06, or 2003-02-01 then 2006-05-04, or 2003-01-02 then
    # 2006-04-05: every order gives valid, past dates in order.
    text = "## News\n- [04/05/06] Second.\n- [01/02/03] First.\n\n## Papers\n"
    entry = ChangelogEntry(DAY, 1, ("Reasoning",))
    with pytest.raises(EditError, match="YY/MM/DD, DD/MM/YY or MM/DD/YY"):
        add_changelog_entry(text, entry, "bullets", "News", "en", renderer=RENDERER)
