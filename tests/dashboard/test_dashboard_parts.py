"""The dashboard's pure parts: ticks, the body (escaping, folding), memory, versions, entries."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from bot.config import Config
from bot.config.schema import ChangelogTarget, DashboardConfig
from bot.dashboard import render
from bot.dashboard.entries import issue_entries, status_of
from bot.dashboard.memory import asked_ids, recall, same_work
from bot.dashboard.model import MARKER, Dashboard, Entry, decode
from bot.dashboard.publish import dashboard_note
from bot.dashboard.rebuild import Rebuild, mark_in_pull
from bot.dashboard.ticks import boxes, new_ticks, ticked
from bot.dashboard.versions import changelog_versions, new_versions
from bot.issue.replies import triage_comment
from bot.issue.state import PaperState, TriageState
from bot.suggestions import PaperItem, PaperRecord
from sandbox.recording import RecordingPort
from tests.conftest import RENDERER

TODAY = dt.date(2024, 5, 1)


def draw(**values: object) -> str:
    return RENDERER.render("dashboard.md.j2", **values)


def draw_zh(**values: object) -> str:
    return RENDERER.render("dashboard.zh.md.j2", **values)


def entry(issue: int, status: str = "awaiting", title: str = "A Paper", **more: object) -> Entry:
    return Entry(issue, 0, title, "reader", status, "2024-04-01", **more)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("before", "after", "sender"),
    [
        (None, "- [x] a <!-- survey-bot:tick 3.0 -->", {"3.0"}),
        ("- [x] a <!-- survey-bot:tick 3.0 -->", "- [x] a <!-- survey-bot:tick 3.0 -->", set()),
        (
            "- [x] a <!-- survey-bot:tick 3.0 -->\n- [ ] b <!-- survey-bot:tick 4.1 -->",
            "- [x] a <!-- survey-bot:tick 3.0 -->\n* [X] b <!-- survey-bot:tick 4.1 -->",
            {"4.1"},
        ),
        # A tick id pasted outside a task list item is no box.
        (None, "[x] a <!-- survey-bot:tick 3.0 -->\n> - [x] <!-- survey-bot:tick 5.0 -->", set()),
    ],
)
def test_the_senders_ticks_are_those_the_edit_added(
    before: str | None, after: str, sender: set[str]
) -> None:
    assert new_ticks(after, before) == sender


def test_boxes_and_ticks_of_a_rendered_body() -> None:
    data = Dashboard(entries=(entry(3), entry(4, "accepted")))
    text = render.body(data, TODAY, draw, checked={"3.0"})
    assert boxes(text) == {"3.0"} and ticked(text) == {"3.0"}


def test_untrusted_text_cannot_ping_inject_html_or_close_the_hidden_data() -> None:
    hostile = "@octocat <img src=x onerror=alert(1)> --> [link](javascript:x) **b**"
    data = Dashboard(
        entries=(
            Entry(1, 0, hostile, "@evil<b>", "awaiting", "2024-04-01", section=hostile),
            entry(2, "declined", reason=hostile),
        ),
        notes=(hostile,),
        findings=(hostile,),
    )
    for text in (render.body(data, TODAY, draw), render.body(data, TODAY, draw_zh)):
        visible = text.split("<!-- survey-bot:dashboard-data")[0]
        assert "<img" not in visible and "<b>" not in visible
        assert "@octocat" not in visible and "@evil" not in visible  # zero-width space after @
        assert "-->" not in visible.replace("<!-- survey-bot:tick 1.0 -->", "").replace(MARKER, "")
        assert decode(text) == data


def test_a_body_at_the_size_limit_folds_old_entries_and_keeps_its_controls_first() -> None:
    long = "A Very Long Title About Large Language Models " * 4
    entries = [
        Entry(n, 0, long, f"reader{n}", "merged", f"2023-{1 + n % 12:02d}-01", pull=9)
        for n in range(1, 700)
    ]
    entries += [
        Entry(n, 0, long, "r", "declined", "2023-06-01", reason="off topic " * 20)
        for n in range(700, 1000)
    ]
    entries += [
        Entry(n, 0, long, "r", "awaiting", f"2024-{1 + n % 4:02d}-01") for n in range(1000, 1400)
    ]
    data = Dashboard(entries=tuple(entries), findings=tuple(f"finding {n}" for n in range(500)))

    folded, text = render.fit(data, TODAY, draw)

    assert len(text) <= render.BODY_BUDGET < 65_536
    assert text.index("## Awaiting a decision") < text.index("## Merged")
    assert folded.folded["merged"] == 699  # every merged entry folded before any awaiting one
    assert folded.folded["declined"] == 300
    assert 0 < folded.folded["awaiting"] < 400
    # The longest waits stay listed, each with its box.
    oldest = min((e for e in entries if e.status == "awaiting"), key=lambda e: e.since)
    assert f"<!-- survey-bot:tick {oldest.key} -->" in text
    assert f"and {folded.folded['awaiting']} more, suggested more recently" in text
    assert decode(text) == folded


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ({"arxiv:2106.09685", "title:lora"}, {"arxiv:2106.09685"}, True),
        # Published DOI and preprint linked by the metadata layer on one side.
        ({"doi:10.5555/pub", "arxiv:2106.09685"}, {"doi:10.5555/pub", "title:x"}, True),
        # One title, two arXiv ids: two papers.
        ({"arxiv:2307.09288", "title:llama"}, {"arxiv:2302.13971", "title:llama"}, False),
        # Titles decide only when a side has no id.
        ({"title:llama"}, {"arxiv:2302.13971", "title:llama"}, True),
    ],
)
def test_same_work(a: set[str], b: set[str], same: bool) -> None:
    assert same_work(a, b) is same


def test_recall_puts_declines_first_and_skips_the_issue_itself() -> None:
    ids = ("openreview:abc", "arxiv:2106.09685")
    entries = [
        entry(3, "declined", reason="off topic", ids=("arxiv:2106.09685",)),
        entry(5, "awaiting", ids=("openreview:abc",)),
        entry(7, "awaiting", ids=("arxiv:2106.09685",)),
        entry(9, "merged", ids=("arxiv:1111.11111",)),
    ]
    assert [(e.issue, e.status, e.reason) for e in recall(entries, ids, 7)] == [
        (3, "declined", "off topic"),
        (5, "awaiting", None),
    ]


README = """\
# Survey of LLaMA v2 and friends

## Update Log

| Version | Time | Update Content |
| --- | --- | --- |
| V11 | 2024/01/02 | Add 2 papers |
| V10.1 | 2023/12/01 | fixes |
| V10 | 2023/11/01 | first |

## Later

We also mention v3 here.
"""


def test_versions_come_from_the_changelog_section_only() -> None:
    found = changelog_versions({"README.md": README}, (ChangelogTarget(path="README.md"),))
    assert found == ("V11", "V10.1", "V10")
    assert new_versions(("v10", "V10.1"), found) == ("V11",)
    missing = changelog_versions({"README.md": "# no log"}, (ChangelogTarget(path="README.md"),))
    assert missing == ()


RECORD = PaperRecord(title="LoRA", arxiv="2106.09685")


@pytest.mark.parametrize(
    ("paper", "rejected", "status"),
    [
        (PaperState("new", record=RECORD), False, "awaiting"),
        (PaperState("ambiguous", record=RECORD), False, "awaiting"),
        (PaperState("new", record=RECORD, accepted=True), False, "accepted"),
        (PaperState("new", record=RECORD, accepted=True, in_pull=4), False, "in_pull"),
        (PaperState("new", record=RECORD, accepted=True, merged_in=4), False, "merged"),
        (PaperState("new", record=RECORD), True, "declined"),
        (PaperState("cited", record=RECORD), False, None),
        (PaperState("unresolved"), False, None),
    ],
)
def test_status_of_a_paper(paper: PaperState, rejected: bool, status: str | None) -> None:
    assert status_of(paper, TriageState(papers=(paper,), rejected=rejected)) == status


def test_entries_keep_what_only_the_dashboard_knew() -> None:
    paper = PaperState("new", record=RECORD, accepted=True, merged_in=4)
    known = [Entry(2, 0, "LoRA", "r", "merged", "2024-01-01", version="V3", ids=("s2:x",))]
    [listed] = issue_entries(2, "r", TriageState(papers=(paper,)), "2024-05-01", "Models", known)
    assert (listed.status, listed.version, listed.since) == ("merged", "V3", "2024-01-01")
    assert {"s2:x", "arxiv:2106.09685", "title:lora"} <= set(listed.ids)


@pytest.mark.parametrize(
    ("asked", "ids"),
    [
        ("arXiv:2106.09685", {"arxiv:2106.09685"}),
        ("OpenReview nZeVKeeFYf9", {"openreview:nZeVKeeFYf9"}),  # case kept, as the cache has it
        ("DOI 10.48550/arXiv.2106.09685", {"arxiv:2106.09685"}),
        ("ACL Anthology 2023.acl-long.1", {"acl:2023.acl-long.1"}),
        ("https://openreview.net/forum?id=abcDE12", {"openreview:abcDE12"}),
        ("A Title Only", set()),
    ],
)
def test_what_the_reader_asked_for_as_typed_ids(asked: str, ids: set[str]) -> None:
    assert asked_ids(asked) == ids


def test_in_pull_marks_exactly_the_papers_the_pull_request_adds() -> None:
    adam = PaperRecord(title="Adam", arxiv="1412.6980")
    state = TriageState(
        papers=(
            PaperState("new", record=RECORD, accepted=True, in_pull=3),  # still in it
            PaperState("new", record=adam, accepted=True, in_pull=3),  # left out this time
            PaperState("new", record=RECORD, accepted=True, merged_in=2, in_pull=2),  # merged
            PaperState("new", record=adam),  # not accepted
        )
    )
    marked = mark_in_pull(state, 7, 5, [PaperItem(RECORD, issue=7), PaperItem(adam, issue=8)])
    assert [p.in_pull for p in marked.papers] == [5, None, 2, None]
    assert mark_in_pull(marked, 7, 5, [PaperItem(RECORD, issue=7)]) == marked  # no edit again


def test_a_paper_ships_in_the_first_version_after_its_merge_announced_once() -> None:
    config = Config(
        changelog=(ChangelogTarget(path="README.md"),), dashboard=DashboardConfig(enabled=True)
    )
    port = RecordingPort()
    port.add_issue(4, "Add LoRA", "arXiv:2106.09685", author="reader", state="closed")
    merged = TriageState(papers=(PaperState("new", record=RECORD, accepted=True, merged_in=9),))
    port.add_comment(4, triage_comment(merged, config, renderer=RENDERER), user=port.bot_login)
    data = Dashboard(
        entries=(Entry(4, 0, "LoRA", "reader", "merged", "2024-01-01", pull=9),),
        versions=("V10",),
    )
    texts = {"README.md": README}

    def versions(data: Dashboard) -> Dashboard:
        rebuild = Rebuild(port, config, RENDERER, port.bot_login, TODAY)
        return rebuild.versions(data, rebuild.pick_release(data, texts, first=False))

    once = versions(data)
    twice = versions(replace(once, versions=("V10",)))

    assert [e.version for e in once.entries] == ["V10.1"]  # not V11: the first one after
    assert once.versions == ("V10", "V11", "V10.1")
    announced = [c for c in port.comments(4) if "survey-bot:released" in c.body]
    assert len(announced) == 1 and "**V10.1**" in announced[0].body
    assert twice.entries == once.entries
    [triage] = [c for c in port.comments(4) if "survey-bot:triage" in c.body]
    assert "released in version **V10.1**" in triage.body


@pytest.mark.parametrize(
    ("language", "kind", "values", "text"),
    [
        (
            "en",
            "undone",
            {"login": "sam", "what": "#3"},
            "A tick by sam on #3 was undone: only maintainers can accept papers.",
        ),
        (
            "zh",
            "undone",
            {"login": "sam", "what": "#3"},
            "sam 在 #3 上的勾选已撤销：只有维护者可以接受论文。",
        ),
        (
            "en",
            "refused",
            {"issue": 3, "reason": "changed"},
            "#3 could not be accepted: the issue changed since the dashboard was written.",
        ),
        (
            "en",
            "stale",
            {"count": 2},
            "2 ticked boxes were not run (the run was replaced by a later one): "
            "please tick them again.",
        ),
    ],
)
def test_notes_in_the_surveys_language(
    language: str, kind: str, values: dict[str, object], text: str
) -> None:
    assert dashboard_note(Config(language=language), RENDERER, kind, **values) == text


@pytest.mark.parametrize(
    ("ticker", "permission", "kept"),
    [("maint", "write", True), ("eve", "read", False), ("gone", None, False)],
)
def test_the_batch_takes_a_tick_only_from_someone_github_says_may_decide(
    ticker: str, permission: str | None, kept: bool
) -> None:
    """A tick leaves no /accept in the thread: the state names who ticked, the batch asks."""
    from bot.batch.verify import Authority, decided
    from bot.github.port import IssueData
    from bot.issue.state import record_digest
    from bot.suggestions import Thanks

    port = RecordingPort()
    if permission:
        port.add_user(ticker, permission=permission)
    reader = Thanks("reader", "reader")
    paper = PaperState(
        "new",
        keys=("arxiv:2106.09685",),
        record=RECORD,
        accepted=True,
        accepted_digest=record_digest(RECORD, reader),
        ticked_by=ticker,
    )
    state = TriageState(papers=(paper,), reader=reader)
    issue = IssueData(4, "Add LoRA", "arXiv:2106.09685", "reader", (), "open")
    authority = Authority(port, Config())

    backed, notes = decided(state, [], issue, authority, port.bot_login, renderer=RENDERER)

    assert [p.accepted for p in backed.papers] == [kept]
    assert port.names() == ["permission"]
    assert bool(notes) is not kept


def test_an_issue_the_follow_up_just_thanked_shows_added_from_the_next_run() -> None:
    """No run writes twice to one issue: the follow-up's thank-you now, the status next run."""
    config = Config(dashboard=DashboardConfig(enabled=True))
    port = RecordingPort()
    port.add_issue(4, "Add LoRA", "arXiv:2106.09685", author="reader", state="closed")
    # As the batch marked it, with the follow-up's fact folded in: merged, still "in #9".
    paper = PaperState("new", record=RECORD, accepted=True, in_pull=9, merged_in=9)
    shown = TriageState(papers=(paper,))
    port.add_comment(4, triage_comment(shown, config, renderer=RENDERER), user=port.bot_login)

    def rebuild(thanked: tuple[int, ...]) -> Rebuild:
        run = Rebuild(port, config, RENDERER, port.bot_login, TODAY, thanked=thanked)
        run.issue(Dashboard(), port.issue(4), port.comments(4), None, ())
        return run

    assert rebuild(thanked=(4,)).later == {4} and port.writes() == []
    assert rebuild(thanked=()).later == set()
    [triage] = [c for c in port.comments(4) if "survey-bot:triage" in c.body]
    assert "**Added** to the survey in #9." in triage.body
    assert "waiting to be merged" not in triage.body
    assert [call.name for call in port.writes()] == ["edit_comment"]
