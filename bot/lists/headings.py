"""What a Markdown heading is: ATX ``##``, HTML ``<h2>`` and setext underlines.

The one place that knows it: the loader names an entry's section with these
spans and the editors find the section to insert into with them, so a paper
goes where the list says it is.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_HTML_OPEN = re.compile(r"^ {0,3}(?:<[^>]*>\s*)*?<h([1-6])\b[^>]*>(.*)$", re.IGNORECASE)
_TRAILING_TAGS = re.compile(r"^(?:\s*<[^>]*>)*\s*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
# What cannot open a paragraph that a setext underline turns into a heading: indentation
# (a list item's continuation), list items, quotes, tables, HTML, thematic breaks.
_NOT_PARAGRAPH = re.compile(r"^(?:\s|[-*+]\s|\d{1,9}[.)]\s|>|\||<|([-*_])(?:\s*\1){2,}\s*$)")


@dataclass(frozen=True)
class HeadingSpan:
    """Where a heading is written, and its text as written (markup, anchors and emoji kept)."""

    line: int  # 0-based index of its first line
    body: int  # index of the first line after it (past a setext underline or a closing </hN>)
    level: int
    raw: str


def fence_closes(line: str, fence: str) -> bool:
    """Does ``line`` close the code fence opened by ``fence`` (same character, as long)?"""
    closing = FENCE.match(line)
    if closing is None:
        return False
    return closing.group(1)[0] == fence[0] and len(closing.group(1)) >= len(fence)


def heading_spans(lines: Sequence[str]) -> list[HeadingSpan]:
    """Every heading outside fenced code and HTML comments, in order.

    ATX (``## Title``), HTML ``<h1>`` to ``<h6>`` (attributes, wrapping tags, a
    closing tag on a later line of the same HTML block) and setext headings (a
    paragraph underlined by ``===`` or ``---``) count. A setext paragraph must
    start unindented after a blank line or a heading, so a list item's
    continuation above ``---`` stays in the list.
    """
    spans: list[HeadingSpan] = []
    fence: str | None = None
    in_comment = False
    paragraph: int | None = None  # first line of a paragraph an underline would make a heading
    may_open = True  # a paragraph may start here: file start, after a blank line or a heading
    body = 0  # index just past the last heading's lines
    for index, line in enumerate(lines):
        if index < body:
            continue
        if in_comment:
            in_comment = "-->" not in line
            continue
        if fence is not None:
            if fence_closes(line, fence):
                fence, may_open = None, True
            continue
        opened = FENCE.match(line)
        if opened:
            fence, paragraph = opened.group(1), None
            continue
        span = _atx_or_html_heading(lines, index)
        underline = _SETEXT.match(line)
        if span is None and paragraph is not None and underline:
            level = 1 if underline.group(1)[0] == "=" else 2
            raw = " ".join(text.strip() for text in lines[paragraph:index])
            span = HeadingSpan(paragraph, index + 1, level, raw)
        if span is not None:
            spans.append(span)
            body, paragraph, may_open = span.body, None, True
            continue
        in_comment = "<!--" in line and "-->" not in line.rpartition("<!--")[2]
        if not line.strip():
            paragraph, may_open = None, True
        elif _NOT_PARAGRAPH.match(line):
            paragraph, may_open = None, False
        elif paragraph is None:
            paragraph, may_open = (index if may_open else None), False
    return spans


def _atx_or_html_heading(lines: Sequence[str], index: int) -> HeadingSpan | None:
    """The ``#`` or ``<hN>`` heading starting on line ``index``, if there is one."""
    atx = _ATX.match(lines[index])
    if atx:
        return HeadingSpan(index, index + 1, len(atx.group(1)), atx.group(2) or "")
    opened = _HTML_OPEN.match(lines[index])
    if not opened:
        return None
    closing = re.compile(rf"</h{opened.group(1)}\s*>", re.IGNORECASE)
    parts = [opened.group(2)]
    end = index
    while (closed := closing.search(parts[-1])) is None:
        end += 1
        if end == len(lines) or not lines[end].strip():
            return None  # an HTML block ends at a blank line: no heading after all
        parts.append(lines[end])
    if not _TRAILING_TAGS.match(parts[-1][closed.end() :]):
        return None
    parts[-1] = parts[-1][: closed.start()]
    raw = " ".join(part.strip() for part in parts if part.strip())
    return HeadingSpan(index, end + 1, int(opened.group(1)), raw)


def enclosing(levels: Sequence[int], index: int) -> list[int]:
    """The headings above heading ``index`` that enclose it (each of a lower level than the
    last found), nearest first, given every heading's level in file order."""
    found: list[int] = []
    level = levels[index]
    for other in range(index - 1, -1, -1):
        if levels[other] < level:
            found.append(other)
            level = levels[other]
    return found


def heading_text(raw: str) -> str:
    """A heading's plain text: no closing #s, anchors, links, HTML, emoji or emphasis."""
    text = re.sub(r"\s+#+\s*$", "", " " + raw).strip()
    text = re.sub(r"\{#[^}]*\}\s*$", "", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<[^>]*>", "", text)
    text = re.sub(r":[a-z0-9_+-]+:", "", text)
    text = "".join(
        char
        for char in text
        if unicodedata.category(char) not in ("So", "Cs", "Co", "Cf", "Mn")
        and not 0xFE00 <= ord(char) <= 0xFE0F
    )
    text = re.sub(r"(\*\*|__|`)", "", text)
    text = re.sub(r"(?<!\w)([*_])(?=\S)(.+?)(?<=\S)\1(?!\w)", r"\2", text)  # "_Training_"
    return " ".join(html.unescape(text).split())
