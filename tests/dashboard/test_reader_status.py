"""Where a suggestion stands, as the reader sees it in the triage comment (en and zh)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.config import Config
from bot.issue.replies import released_reply, triage_comment
from bot.issue.state import Earlier, PaperState, TriageState
from bot.suggestions import PaperRecord
from tests.conftest import RENDERER

LORA = PaperRecord(title="LoRA: Low-Rank Adaptation", arxiv="2106.09685", year=2021)
NEW = PaperState("new", keys=("arxiv:2106.09685",), record=LORA, proposed_section="Models")


@pytest.mark.parametrize(
    ("language", "paper", "since", "line"),
    [
        ("en", NEW, "2024-05-01", "- Awaiting a maintainer's decision since 2024-05-01."),
        ("zh", NEW, "2024-05-01", "- 自 2024-05-01 起等待维护者决定。"),
        (
            "en",
            replace(NEW, accepted=True, section="Models", in_pull=12),
            None,
            '- **Accepted** for section "Models": it is in pull request #12, waiting to be merged.',
        ),
        (
            "zh",
            replace(NEW, accepted=True, section="Models", in_pull=12),
            None,
            "- **已接受**，将加入章节“Models”，已在拉取请求 #12 中，等待合并。",
        ),
        (
            "en",
            replace(NEW, accepted=True, merged_in=12, released_in="V17"),
            None,
            "- **Added** to the survey in #12, released in version **V17**.",
        ),
        (
            "zh",
            replace(NEW, accepted=True, merged_in=12, released_in="V17"),
            None,
            "- **已在 #12 中加入综述。**随版本 **V17** 发布。",
        ),
        (
            "en",
            replace(NEW, earlier=(Earlier(3, "declined", "off topic @someone"),)),
            None,
            "- **Considered before** in #3: declined: off topic @\u200bsomeone. "
            "The maintainers decide again here.",
        ),
        (
            "zh",
            replace(NEW, earlier=(Earlier(3, "declined", "off topic"),)),
            None,
            "- **此前已在 #3 中讨论过**：已谢绝：off topic。此处仍由维护者重新决定。",
        ),
    ],
)
def test_the_triage_comment_says_where_the_paper_stands(
    language: str, paper: PaperState, since: str | None, line: str
) -> None:
    state = TriageState(papers=(paper,), since=since)
    body = triage_comment(state, Config(language=language), renderer=RENDERER)
    assert line in body.splitlines()


def test_a_decision_taken_ends_the_wait_line() -> None:
    accepted = TriageState(papers=(replace(NEW, accepted=True),), since="2024-05-01")
    rejected = TriageState(papers=(NEW,), since="2024-05-01", rejected=True)
    for state in (accepted, rejected):
        body = triage_comment(state, Config(), renderer=RENDERER)
        assert "Awaiting a maintainer's decision" not in body


def test_the_release_comment_names_the_version_and_escapes_titles() -> None:
    text = released_reply("V17", ["<b>@bob's</b> paper"], Config(), renderer=RENDERER)
    assert text.startswith('📦 "&lt;b&gt;@\u200bbob\'s&lt;/b&gt; paper" is part of')
    assert "**V17**" in text
    zh = released_reply("V17", ["A", "B"], Config(language="zh"), renderer=RENDERER)
    assert "综述的新版本 **V17** 收录了此处推荐的论文：" in zh and "- A" in zh


def test_an_edit_of_the_issue_keeps_where_its_paper_stands() -> None:
    from bot.issue.state import RefSummary
    from bot.issue.triage import _carry_decisions

    where = RefSummary("LoRA", number=57, source="refs.bib", line=3)
    before = replace(NEW, accepted=True, section="Models", in_pull=12, landed=where)
    before = replace(before, released_in="V17")
    [after], notes = _carry_decisions([before], [NEW], None, None)
    assert (after.accepted, after.in_pull, after.landed, after.released_in) == (
        True,
        12,
        where,
        "V17",
    )
    assert notes == []
