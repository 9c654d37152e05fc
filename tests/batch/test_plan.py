"""``bot.plan`` is pure and deterministic: the batch's no-op reruns depend on it."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from bot.config import load_config
from bot.models import PaperItem, Thanks
from bot.plan import batch_data, decode_data, encode_data, plan_batch, pull_body, sort_items
from tests.batch.conftest import LIMA
from tests.example_survey import EXAMPLE, OCTOPACK

CONFIG = load_config(EXAMPLE)
FILES = {
    path: (EXAMPLE / path).read_text(encoding="utf-8")
    for path in ("README.md", "paper/references.bib")
}
DAY = dt.date(2024, 1, 2)
ITEMS = [
    PaperItem(LIMA, "Pre-training", 9, (Thanks("bob", "Bob"),)),
    PaperItem(OCTOPACK, "Utilization", 3, (Thanks("alice", "Alice"),)),
]


def test_same_inputs_in_any_order_give_the_same_plan() -> None:
    one = plan_batch(FILES, CONFIG, ITEMS, DAY)
    two = plan_batch(FILES, CONFIG, list(reversed(ITEMS)), DAY)
    assert one == two
    assert [i.issue for i in one.added] == [3, 9]
    assert one.thanked == ("Alice", "Bob")
    assert (
        one.changelog
        == "Add 2 papers suggested by readers to Section Utilization and Section Pre-training."
    )
    assert pull_body(CONFIG, one, "b" * 40) == pull_body(CONFIG, two, "b" * 40)


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
    plan = plan_batch(FILES, CONFIG, [item], DAY)
    body = pull_body(CONFIG, plan, "c" * 40)
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
    plan = plan_batch(FILES, CONFIG, ITEMS, DAY)
    data = batch_data(plan, "d" * 40)
    assert decode_data("text\n" + encode_data(data)) == data
    assert data.issues == (3, 9)
