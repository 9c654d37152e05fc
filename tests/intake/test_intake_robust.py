"""The parser never crashes, stays fast on huge bodies and caps what it returns."""

from __future__ import annotations

import logging
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.intake import MAX_SUGGESTIONS, _parse, parse_issue, parse_issue_detailed
from bot.suggestions import Suggestion

# Text with the characters the parser cares about, so that examples hit its branches.
SNIPPETS = [
    "https://arxiv.org/abs/",
    "arXiv:",
    "2308.09662",
    "v2",
    "10.1145/",
    "doi:",
    "https://doi.org/",
    "https://aclanthology.org/",
    "2023.acl-long.1",
    "N19-1423",
    "https://openreview.net/forum?id=",
    "@article{",
    "title={",
    "}",
    "{",
    "```",
    "~~~",
    "```bibtex\n",
    "### Title\n\n",
    "### Link\n\n",
    "_No response_",
    "- [X] Please do not thank me by name",
    "- ",
    "1. ",
    "[",
    "](",
    ")",
    "(",
    "**",
    "“",
    "”",
    "《",
    "》",
    "「",
    "」",
    '"',
    "'",
    "\n",
    "\n\n",
    " ",
    "Add paper: ",
    "[Paper] ",
    "推荐",
    "Section 5.2",
    "第 3 节",
    "thank me as ",
    "致谢署名：",
    "<!--",
    "-->",
    "\u200b",
    "\u202e",
    "\ud800",
    "\x00",
    "\r\n",
    "|",
    ":",
    "：",
    "huggingface.co/papers/",
    "alphaxiv.org/abs/",
    "hep-th/9901001",
]
texts = st.lists(st.one_of(st.sampled_from(SNIPPETS), st.text(max_size=20)), max_size=40).map(
    "".join
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=st.one_of(st.none(), texts), body=st.one_of(st.none(), texts, st.text()))
def test_parse_never_raises(title, body) -> None:
    # _parse has no safety net, so a bug shows up here instead of being logged away.
    result = _parse(title, body, ())
    assert len(result.suggestions) <= MAX_SUGGESTIONS
    for suggestion in result.suggestions:
        assert isinstance(suggestion, Suggestion)
        assert any(
            suggestion.to_json()[k] for k in ("arxiv", "doi", "openreview", "acl", "url", "title")
        )


@settings(max_examples=100, deadline=None)
@given(st.text(), st.lists(st.text(max_size=30), max_size=3))
def test_public_api_never_raises(body, ignore) -> None:
    # Through _parse too: parse_issue's safety net would hide a crash (in Ignore.build, say).
    result = _parse(body[:50], body, ignore)
    got = parse_issue(body[:50], body, ignore_ids=ignore)
    assert isinstance(got, list) and got == list(result.suggestions)


def test_none_and_empty() -> None:
    assert parse_issue(None, None) == []
    assert parse_issue("", "") == []
    assert parse_issue("Add arXiv:2106.09685", None)[0].arxiv == "2106.09685"


def test_huge_bodies_are_fast() -> None:
    bodies = [
        "".join(
            f"- https://arxiv.org/abs/2301.{n:05d} Some Paper Title Number {n}\n"
            for n in range(1, 2000)
        ),
        "word " * 13_000,
        "2301.12345 " * 5_900,
        "https://" + "a" * 65_000,
        "@article{x, title={" + "{" * 65_000,
        "```\n" * 16_000,
        "[x](https://a.com/" * 3_000,
        "### Link\n\nx\n" * 5_000,
        "\n" * 65_000,
        " " * 65_000 + "Title: x",
        "“Foo Bar Baz " * 5_000,
        "add" + " " * 65_000 + "GPT-4",  # a name asked for, far away
        "Please add GPT-4o, " * 3_000,
        "Wei, J., " * 7_000 + "(2022). A title of a paper. Venue.",  # one huge citation
        "Wei, J., Wang, X. (2022). Chain of thought prompting. NeurIPS.\n" * 1_000,
    ]
    for body in bodies:
        start = time.perf_counter()
        parse_issue("Add papers", body[:65_536])
        assert time.perf_counter() - start < 5, body[:40]


def test_cap_is_reported_not_silent(caplog) -> None:
    body = "\n".join(f"- https://arxiv.org/abs/2401.{n:05d}" for n in range(1, 31))
    with caplog.at_level(logging.WARNING, logger="bot.intake"):
        result = parse_issue_detailed("Missing papers", body)
    assert len(result.suggestions) == MAX_SUGGESTIONS
    assert result.dropped == 10
    assert (
        result.suggestions[0].arxiv == "2401.00001" and result.suggestions[-1].arxiv == "2401.00020"
    )
    assert any(getattr(r, "dropped", None) == 10 for r in caplog.records)


def test_invisible_and_bidi_characters_are_ignored() -> None:
    [s] = parse_issue(
        "Missing\u200b paper",
        "Please add arXiv:2308.\u200b09662 \u202e“Attention\u2060 Is All You Need”\u202c",
    )
    assert s.arxiv == "2308.09662"
    assert s.title == "Attention Is All You Need"


def test_lone_surrogates_and_controls() -> None:
    [s] = parse_issue(
        "Add \ud800 paper", "Please add \udfff https://arxiv.org/abs/2106.09685\x00\x1b[0m"
    )
    assert s.arxiv == "2106.09685"


def test_non_string_input_does_not_crash() -> None:
    assert parse_issue(123, b"bytes") == []  # type: ignore[arg-type]


def test_ignore_ids_forms() -> None:
    body = (
        "Please add https://arxiv.org/abs/2303.18223v13, https://doi.org/10.1145/3571730 and "
        "https://arxiv.org/abs/2106.09685"
    )
    assert [s.arxiv for s in parse_issue("Missing", body)] == ["2303.18223", None, "2106.09685"]
    got = parse_issue(
        "Missing", body, ignore_ids=["https://arxiv.org/abs/2303.18223", "doi:10.1145/3571730"]
    )
    assert [s.arxiv for s in got] == ["2106.09685"]
    got = parse_issue("Missing", body, ignore_ids="arXiv:2303.18223")
    assert [s.arxiv for s in got] == [None, "2106.09685"]


def test_suggestions_are_in_order_and_unique() -> None:
    body = (
        "First https://arxiv.org/abs/2106.09685, then 10.1145/3571730, again arXiv:2106.09685v2 "
        "and https://huggingface.co/papers/2106.09685."
    )
    got = parse_issue("Please add arXiv:2302.13971", body)
    assert [(s.arxiv, s.doi) for s in got] == [
        ("2302.13971", None),
        ("2106.09685", None),
        (None, "10.1145/3571730"),
    ]
