"""The one URL sanitiser: a link from a reader or a service is written only when it is
a plain http(s) address, encoded so that it cannot break its Markdown, HTML or BibTeX."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.editors.common import paper_url
from bot.issue.triage import IssueInfo, plan_triage
from bot.models import CheckResult, Query
from bot.suggestions import PaperRecord, Suggestion
from bot.text.escaping import MAX_URL, doi_url, markdown, safe_url
from tests.conftest import RENDERER
from tests.triage.helpers import CONFIG

# (id, URL as received, link written or None)
URLS = [
    ("plain", "https://arxiv.org/abs/2308.09662", "https://arxiv.org/abs/2308.09662"),
    ("http-upper-scheme", "HTTP://Example.org/a", "HTTP://Example.org/a"),
    ("query-fragment", "https://x.org/p?a=1&b=2#s", "https://x.org/p?a=1&b=2#s"),
    ("port", "https://x.org:8443/p", "https://x.org:8443/p"),
    ("existing-escapes-kept", "https://x.org/a%20b", "https://x.org/a%20b"),
    ("at-in-path", "https://medium.com/@user/post", "https://medium.com/@user/post"),
    ("surrounding-space", "  https://x.org/a \n", "https://x.org/a"),
    ("inner-space", "https://x.org/a b", "https://x.org/a%20b"),
    ("newline-inside", "https://x.org/a\nb", "https://x.org/a%20b"),
    ("parentheses", "https://x.org/a_(b)", "https://x.org/a_%28b%29"),
    (
        "closes-markdown-link",
        "https://x.org/a)[x](https://evil.example",
        "https://x.org/a%29%5Bx%5D%28https://evil.example",
    ),
    ("brackets-in-path", "https://x.org/a]b[c", "https://x.org/a%5Db%5Bc"),
    ("quotes", "https://x.org/\"a'b", "https://x.org/%22a%27b"),
    ("html", "https://x.org/<script>", "https://x.org/%3Cscript%3E"),
    ("braces-backslash", "https://x.org/{a}\\b", "https://x.org/%7Ba%7D%5Cb"),
    ("pipe-backtick", "https://x.org/a|b`c", "https://x.org/a%7Cb%60c"),
    ("control-chars-dropped", "https://x.org/a\x00\x07b", "https://x.org/ab"),
    ("bidi-dropped", "https://x.org/\u202egnp.exe", "https://x.org/gnp.exe"),
    ("non-ascii-path", "https://x.org/Größe", "https://x.org/Gr%C3%B6%C3%9Fe"),
    ("javascript", "javascript:alert(1)", None),
    ("javascript-upper", "JavaScript:alert(1)", None),
    ("javascript-hidden", "\x00java\u200bscript:alert(1)", None),
    ("javascript-slashes", "javascript://x.org/%0aalert(1)", None),
    ("data", "data:text/html;base64,PHNjcmlwdD4=", None),
    ("file", "file:///etc/passwd", None),
    ("ftp", "ftp://x.org/a", None),
    ("no-scheme", "x.org/a", None),
    ("scheme-relative", "//evil.example/a", None),
    ("no-host", "https:///a", None),
    ("no-slashes", "https:x.org", None),
    ("user-in-host", "https://arxiv.org@evil.example/abs/1", None),
    ("space-in-host", "https://ex ample.org/a", None),
    ("quote-in-host", 'https://x.org"onmouseover="alert(1)/', None),
    ("bad-ipv6", "https://[::1/a", None),
    ("empty", "", None),
    ("none", None, None),
    ("longest", "https://x.org/" + "a" * (MAX_URL - 14), "https://x.org/" + "a" * (MAX_URL - 14)),
    ("too-long", "https://x.org/" + "a" * (MAX_URL - 13), None),
]


@pytest.mark.parametrize(
    ("url", "expected"), [row[1:] for row in URLS], ids=[row[0] for row in URLS]
)
def test_safe_url(url: str | None, expected: str | None) -> None:
    assert safe_url(url) == expected


_BREAKS_OUT = re.compile(r"[\s()\[\]{}<>\"'`|\\]")


@given(st.text(max_size=80))
def test_any_url_is_refused_or_inert(tail: str) -> None:
    url = safe_url("https://x.org/" + tail)
    assert url is None or not _BREAKS_OUT.search(url)


@pytest.mark.parametrize(
    ("doi", "expected"),
    [
        ("10.1145/3292500.3330701", "https://doi.org/10.1145/3292500.3330701"),
        ("10.1002/(SICI)1097-4571", "https://doi.org/10.1002/%28SICI%291097-4571"),
        ("10.1/a#b?c%d", "https://doi.org/10.1/a%23b%3Fc%25d"),
        ("10.1/a b<c>", "https://doi.org/10.1/a%20b%3Cc%3E"),
        ("10.1/" + "x" * MAX_URL, None),
    ],
)
def test_doi_url(doi: str, expected: str | None) -> None:
    assert doi_url(doi) == expected


def _triage_links(record: PaperRecord) -> list[str]:
    issue = IssueInfo(number=1, author_login="reader")
    result = CheckResult(Query(title=record.title), "new")
    plan = plan_triage(
        issue, [Suggestion(title=record.title)], [record], [result], CONFIG, None, renderer=RENDERER
    )
    return re.findall(r"\]\(([^)\s]*)\)", plan.comment_body or "")


@pytest.mark.parametrize(
    ("url", "expected"),
    [row[1:] for row in URLS if row[1] and "x.org" in row[1]],
    ids=[row[0] for row in URLS if row[1] and "x.org" in row[1]],
)
def test_the_editors_and_the_replies_write_the_same_link(url: str, expected: str | None) -> None:
    record = PaperRecord(title="A Paper", url=url)
    assert paper_url(record) == expected
    assert _triage_links(record) == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("@octocat, see @github/security", "@\u200boctocat, see @\u200bgithub/security"),
        ("(@octocat)", "(@\u200boctocat)"),
        # GitHub links no mention after a letter, a digit or "_": workshops at a venue
        # ("ClinicalNLP@NAACL", as acadTags/Awesome-medical-coding-NLP writes it), addresses
        ("ClinicalNLP@NAACL 2022", "ClinicalNLP@NAACL 2022"),
        ("ann@example.org", "ann@example.org"),
        ("x_@y", "x\\_@y"),
    ],
)
def test_markdown_breaks_mentions_only_where_github_makes_them(text, expected):
    assert markdown(text) == expected
