"""Tables as lists: Markdown pipe tables and HTML ``<table>`` rows, cells and header roles.

Each data row is an entry; its header says what each column holds. Roles come
from the header's words (``Title``, ``Paper``, ``Model``, ``Date``, ``Venue &
Year``, ``Code``, ``Links & Resources``, ``Main Idea`` ...): a column a list
uses for free text keeps its header name (``text:Subject(s)``). HTML rows whose
first cells are spanned from an earlier row (``<th rowspan="4">``) have fewer
cells than the header: they fill its last columns.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from bot.lists.inline import unescape

DELIMITER_ROW = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_HTML_CELL = re.compile(
    r"<(?P<tag>td|th)\b(?P<attrs>[^>]*)>(?P<body>.*?)</(?P=tag)\s*>", re.I | re.S
)
_PIPE_OR_CODE = re.compile(r"[|`\\]")
_ROWSPAN = re.compile(r"\browspan\s*=\s*[\"']?(?P<n>\d+)", re.I)
_COLSPAN = re.compile(r"\bcolspan\s*=\s*[\"']?(?P<n>\d+)", re.I)
# How Chinese headers end that name a column of links: "原文链接", "项目地址", "权威原文入口".
_CJK_LINK = ("链接", "地址", "入口")
_LINK_OR_IMAGE = re.compile(r"<a\b|<img\b|\]\(", re.I)

_ROLE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("number", ("no", "number", "num", "index", "序号", "编号")),
    ("authors", ("author", "authors", "first author", "作者")),
    (
        "date",
        (
            "date",
            "time",
            "year",
            "month",
            "published",
            "release",
            "arxiv date",
            "pub date",
            "publication date",
            "release date",
            "published date",
            "年份",
            "年",
            "日期",
            "时间",
            "发表时间",
            "发布时间",
        ),
    ),
    (
        "venue",
        (
            "venue",
            "conference",
            "journal",
            "publication",
            "published in",
            "conf",
            "pub",
            "source",
            "会议",
            "期刊",
            "出处",
            "来源",
            "发表",
            "收录",
        ),
    ),
    (
        "links",
        (
            "code",
            "github",
            "repo",
            "repository",
            "implementation",
            "link",
            "links",
            "resources",
            "project",
            "project page",
            "website",
            "homepage",
            "page",
            "url",
            "pdf",
            "demo",
            "official code",
            "paper link",
            "arxiv",  # "| arXiv |": a column of arXiv links (badges), not of dates
            "代码",
            "源码",
            "链接",
            "原文",
            "项目",
            "主页",
        ),
    ),
    (
        "title",
        (
            "title",
            "paper",
            "papers",
            "paper title",
            "article",
            "work",
            "paper name",
            "论文",
            "标题",
            "题目",
            "论文标题",
            "论文名称",
            "文章",
        ),
    ),
    (
        "nickname",
        (
            "name",
            "model",
            "models",
            "method",
            "methods",
            "abbr",
            "abbreviation",
            "short name",
            "nickname",
            "alias",
            "dataset",
            "datasets",
            "benchmark",
            "system",
            "approach",
            "attack",
            "名称",
            "模型",
            "方法",
            "数据集",
        ),
    ),
)


def header_role(header: str) -> str:
    """The role of a column from its header text: ``title``, ``date``, ... or ``text:<name>``."""
    name = " ".join(re.sub(r"[*_`#:]", " ", unescape(re.sub(r"<[^>]*>", " ", header))).split())
    if not name and header.strip() == "#":
        return "number"  # "| # | Paper |": the rows' numbers
    # (a remark in parentheses says nothing of the role: "Venue (verified)", "Date (arXiv)")
    words = re.sub(r"[^\w&]+", " ", re.sub(r"\([^()]*\)", " ", name).lower()).split()
    key = " ".join(words)
    for role, names in _ROLE_WORDS:
        if key in names:
            return role
    if words and (words[-1] in ("link", "links", "url", "urls") or words[-1].endswith(_CJK_LINK)):
        return "links"  # "Official Link", "Paper URL", "原文链接", "权威原文入口": a link
    # "Year / venue or version", "Code & Data": the first part names the role.
    parts = [
        " ".join(re.sub(r"[^\w]+", " ", p).split())
        for p in re.split(r"&|\band\b|/|,", name.lower())
        if p.strip()
    ]
    for role, names in _ROLE_WORDS:
        if parts and parts[0] in names:
            return role
    return f"text:{name}"


def split_pipe_row(line: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each cell's content in a pipe-table row (escaped ``\\|`` kept, and
    ``|`` in a code span; a last backtick that none closes, as in a title's LaTeX quotes
    ```Do as I say'``, opens no span)."""
    ticks: list[int] = []
    pipes: list[int] = []
    escaped_until = -1
    for found in _PIPE_OR_CODE.finditer(line):
        index = found.start()
        if index < escaped_until:
            continue
        char = found.group(0)
        if char == "\\":
            escaped_until = index + 2
        else:
            (ticks if char == "`" else pipes).append(index)
    spans = zip(ticks[::2], ticks[1::2], strict=False)  # (opening, closing), in order
    span = next(spans, None)
    bounds = [-1]
    for index in pipes:
        while span is not None and span[1] < index:
            span = next(spans, None)
        if span is None or index < span[0]:
            bounds.append(index)
    bounds.append(len(line))
    cells = [(a + 1, b) for a, b in itertools.pairwise(bounds)]
    if cells and not line[: cells[0][1]].strip():
        cells = cells[1:]  # nothing before the first pipe
    if cells and not line[cells[-1][0] :].strip():
        cells = cells[:-1]  # nothing after the last pipe
    return cells


def cell_spans(text: str, *, html: bool) -> list[tuple[int, int, bool]]:
    """Each cell of a row: its content span, and whether it is a spanned category header."""
    if not html:
        return [(start, end, False) for start, end in split_pipe_row(text)]
    spans = []
    for cell in _HTML_CELL.finditer(text):
        category = cell.group("tag").lower() == "th"
        if category:
            spans.append((cell.start(), cell.end(), True))
        else:
            spans.append((cell.start("body"), cell.end("body"), False))
    return spans


def pipe_header(line: str) -> list[str]:
    return [line[start:end].strip() for start, end in split_pipe_row(line)]


def html_header(text: str) -> list[str]:
    """The column names of a header row, a cell spanning n columns named n times."""
    names = []
    for cell in _HTML_CELL.finditer(text):
        span = _COLSPAN.search(cell.group("attrs"))
        names += [cell.group("body")] * (int(span.group("n")) if span else 1)
    return names


def header_like(text: str) -> bool:
    """A row of ``<td>`` cells that names the columns instead of holding a paper, as
    tables without ``<th>`` write their header: short plain text in every cell (no
    link, no image), two or more of them naming known columns ("Model", "Paper")."""
    cells = [cell.group("body") for cell in _HTML_CELL.finditer(text)]
    if len(cells) < 2 or any(_LINK_OR_IMAGE.search(cell) for cell in cells):
        return False
    names = [" ".join(unescape(re.sub(r"<[^>]*>", " ", cell)).split()) for cell in cells]
    return all(len(name) <= 40 for name in names) and (
        sum(not header_role(name).startswith("text:") for name in names) >= 2
    )


def header_height(text: str) -> int:
    """How many rows a header row spans: its cells' largest rowspan."""
    return max((int(found.group("n")) for found in _ROWSPAN.finditer(text)), default=1)


def links_in(text: str) -> bool:
    """Whether a row holds a link or an image."""
    return _LINK_OR_IMAGE.search(text) is not None


def rowspan(text: str) -> int | None:
    """The rowspan of a row's category cell (``<th rowspan="4">``), if it has one."""
    found = _HTML_CELL.search(text)
    if found is None or found.group("tag").lower() != "th":
        return None
    span = _ROWSPAN.search(found.group("attrs"))
    return int(span.group("n")) if span else 1


def category_name(text: str) -> str | None:
    """The plain text of a row's category cell, if it opens one."""
    found = _HTML_CELL.search(text)
    if found is None or found.group("tag").lower() != "th":
        return None
    return " ".join(unescape(re.sub(r"<[^>]*>", " ", found.group("body"))).split()) or None


def roles(headers: Sequence[str]) -> tuple[str, ...]:
    return tuple(header_role(header) for header in headers)
