"""``bot.batch.plan`` is pure and deterministic: the batch's no-op reruns depend on it."""

from __future__ import annotations

import base64
import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest

from bot.batch.plan import (
    BatchData,
    ThanksItem,
    batch_data,
    decode_data,
    encode_data,
    plan_batch,
    pull_body,
    pull_title,
    sort_items,
)
from bot.config import load_config
from bot.suggestions import PaperItem, Thanks
from tests.batch.conftest import LIMA
from tests.conftest import RENDERER
from tests.example_survey import EXAMPLE, OCTOPACK

CONFIG = load_config(EXAMPLE)
FILES = {
    path: (EXAMPLE / path).read_text(encoding="utf-8")
    for path in ("README.md", "paper/references.bib", "paper/epilogue.tex")
}
DAY = dt.date(2024, 1, 2)
GOLDEN = Path(__file__).parent / "golden"
ITEMS = [
    PaperItem(LIMA, "Pre-training", 9, (Thanks("bob", "Bob"),)),
    PaperItem(OCTOPACK, "Utilization", 3, (Thanks("alice", "Alice"),)),
]


def test_same_inputs_in_any_order_give_the_same_plan() -> None:
    one = plan_batch(FILES, CONFIG, ITEMS, DAY, renderer=RENDERER)
    two = plan_batch(FILES, CONFIG, list(reversed(ITEMS)), DAY, renderer=RENDERER)
    assert one == two
    assert [i.issue for i in one.added] == [3, 9]
    assert one.thanked == ("Alice", "Bob")
    assert (
        one.changelog
        == "Add 2 papers suggested by readers to Section Utilization and Section Pre-training."
    )
    assert pull_body(CONFIG, one, "b" * 40, renderer=RENDERER) == pull_body(
        CONFIG, two, "b" * 40, renderer=RENDERER
    )


def test_items_without_issue_sort_last() -> None:
    loose = PaperItem(OCTOPACK)
    assert sort_items([loose, *ITEMS])[-1] is loose


@pytest.mark.parametrize(
    "title",
    ["<!-- x --> -->", "@everyone *bold* [link](http://x)", "Closes #1\n\n<script>"],
    ids=["comment-close", "markup-and-mention", "fake-closes"],
)
def test_hostile_titles_stay_inert_in_the_body(title: str) -> None:
    item = PaperItem(replace(OCTOPACK, title=title), "Pre-training", 4)
    plan = plan_batch(FILES, CONFIG, [item], DAY, renderer=RENDERER)
    body = pull_body(CONFIG, plan, "c" * 40, renderer=RENDERER)
    assert body.count("-->") == 1  # only the data line's own
    assert "@everyone" not in body and "<script>" not in body
    assert [line for line in body.splitlines() if line.startswith("Closes")] == ["Closes #4"]
    data = decode_data(body)
    assert data is not None and data.items[0]["title"] == " ".join(title.split())


@pytest.mark.parametrize(
    "body",
    ["", "no data", "<!-- survey-bot:batch !!! -->", "<!-- survey-bot:batch e30 -->"],
    ids=["empty", "absent", "not-base64", "no-version"],
)
def test_unreadable_data_is_none(body: str) -> None:
    assert decode_data(body) is None


def test_data_round_trip() -> None:
    plan = plan_batch(FILES, CONFIG, ITEMS, DAY, renderer=RENDERER)
    data = batch_data(plan, "d" * 40)
    assert decode_data("text\n" + encode_data(data)) == data
    assert data.issues == (3, 9)


def test_chinese_pull_body_golden() -> None:
    """``language: zh`` picks ``pr-body.zh.md.j2``: papers, thanks-only names, one not included."""
    config = replace(CONFIG, language="zh")
    items = [ITEMS[0], PaperItem(OCTOPACK, "不存在的章节", 3, (Thanks("alice", "Alice"),))]
    thanks = [ThanksItem(5, (Thanks("carol", "张三"),))]
    plan = plan_batch(FILES, config, items, DAY, thanks=thanks, renderer=RENDERER)
    assert pull_title(config, plan) == "Add papers suggested by readers（1 篇论文）"
    expected = (GOLDEN / "pr-body.zh.md").read_text(encoding="utf-8")
    assert pull_body(config, plan, "b" * 40, renderer=RENDERER) == expected
    assert [u.item.issue for u in plan.not_included] == [3] and plan.issues == (5, 9)


@pytest.mark.parametrize(
    ("language", "part_of"),
    [("en", "Part of #9: not every paper"), ("zh", "Part of #9：其中还有论文未包含")],
    ids=["en", "zh"],
)
def test_an_issue_with_a_paper_not_included_is_only_part_of_the_pr(
    language: str, part_of: str
) -> None:
    """GitHub closes every ``Closes #N`` on merge: issue 9's left-out paper must keep it open."""
    config = replace(CONFIG, language=language)
    left_out = PaperItem(OCTOPACK, "No Such Section", 9, (Thanks("bob", "Bob"),))
    plan = plan_batch(FILES, config, [*ITEMS, left_out], DAY, renderer=RENDERER)
    assert (plan.issues, plan.closes, plan.part_of) == ((3, 9), (3,), (9,))
    body = pull_body(config, plan, "b" * 40, renderer=RENDERER)
    assert "Closes #3\n" in body and "Closes #9" not in body
    assert f"\n{part_of}" in body and "Part of #3" not in body


@pytest.mark.parametrize(
    ("language", "papers", "title"),
    [
        ("en", 0, "Add papers suggested by readers (acknowledgements only)"),
        ("zh", 0, "Add papers suggested by readers（致谢）"),
        ("en", 2, "Add papers suggested by readers (2 papers)"),
    ],
    ids=["en-thanks-only", "zh-thanks-only", "en-papers"],
)
def test_pull_title(language: str, papers: int, title: str) -> None:
    config = replace(CONFIG, language=language)
    thanks = [ThanksItem(5, (Thanks("carol", "Carol Chen"),))]
    plan = plan_batch(FILES, config, ITEMS[:papers], DAY, thanks=thanks, renderer=RENDERER)
    assert pull_title(config, plan) == title


def test_data_without_thanks_still_decodes() -> None:
    """Bodies written before thanks were recorded stay readable (same data version)."""
    raw = json.dumps({"v": 1, "base": "e" * 40, "day": "2024-01-02", "items": [{"issue": 3}]})
    encoded = base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")
    old = decode_data(f"<!-- survey-bot:batch {encoded} -->")
    assert old == BatchData(base="e" * 40, day="2024-01-02", items=({"issue": 3},))
    assert old.same_edits(replace(old, base="f" * 40, day="2024-02-03"))
    assert not old.same_edits(replace(old, thanks=({"issue": 4, "name": "Eve"},)))


def test_a_log_or_thanks_no_editor_can_write_holds_back_no_paper() -> None:
    """One target an editor refuses (a log whose heading was renamed, a two-digit-year
    log whose dates read three ways, a thank-you heading gone) is left out with its
    reason, shown in the pull request; the papers and the other files go in. The whole
    batch used to stop on it, week after week, with the error only in the job's log."""
    ambiguous = FILES["README.md"].replace(
        "## Acknowledgments", "## News\n\n- [04/05/06] Second.\n- [01/02/03] First.\n\n## About"
    )
    config = replace(
        CONFIG,
        changelog=(
            replace(CONFIG.changelog[0], heading="News", format="bullets"),
            replace(CONFIG.changelog[1], heading="Release Notes"),
        ),
    )
    plan = plan_batch({**FILES, "README.md": ambiguous}, config, ITEMS, DAY, renderer=RENDERER)
    assert [i.issue for i in plan.added] == [3, 9]
    assert sorted(plan.files) == ["README.md", "paper/epilogue.tex", "paper/references.bib"]
    assert "[01/02/03] First." in plan.files["README.md"]  # the log itself untouched
    assert plan.thanked == ("Alice", "Bob")  # in the LaTeX thanks; README's heading is gone
    left = {s.what: s.why for s in plan.skipped}
    assert left["README.md: changelog 'News'"].startswith("changelog: dates like 04/05/06")
    assert "Release Notes" in left["paper/epilogue.tex: changelog 'Release Notes'"]
    assert left["README.md: acknowledgements 'Acknowledgments'"].endswith(
        "to thank there by hand: Alice, Bob"
    )
    body = pull_body(config, plan, "b" * 40, renderer=RENDERER)
    assert "README.md: changelog 'News': changelog: dates like 04/05/06" in body
    assert "Closes #3\n" in body and "Closes #9\n" in body
