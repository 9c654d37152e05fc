"""Text clean-up shared by the intake parsers: sanitising, masking and line maps.

Every parser works on *one* cleaned string and reports character offsets into
it, so that suggestions can be put back in order of appearance. Regions that
must not produce suggestions (HTML comments, code blocks, BibTeX entries that
were already read) are *masked*: replaced by spaces of the same length, newlines
kept, so that offsets and line numbers never shift.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from bot.text.escaping import clean_text

# GitHub caps an issue body at 65,536 characters; anything far beyond that is not
# an issue. Longer input is cut (never rejected) so that parsing stays bounded.
MAX_CHARS = 200_000

_SURROGATES = re.compile("[\ud800-\udfff]")
_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})[ \t]*([^\n`]*)$")


def sanitize(text: object) -> str:
    """Any value as safe, bounded text: no lone surrogates, invisibles or CRs.

    Lone surrogates (which cannot be encoded) become U+FFFD, zero-width and
    bidi-control characters are dropped (``bot.text.escaping.clean_text``), exotic
    spaces become plain spaces, line ends become ``\\n``.
    """
    if text is None:
        return ""
    if not isinstance(text, str):
        text = str(text)
    if len(text) > MAX_CHARS:
        text = text[:MAX_CHARS]
    text = _SURROGATES.sub("\ufffd", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = clean_text(text)
    return _SPACES.sub(" ", text)


def blank(text: str) -> str:
    """``text`` with every character but newlines replaced by a space."""
    return re.sub(r"[^\n]", " ", text)


def mask_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each ``(start, end)`` span blanked (offsets are preserved)."""
    if not spans:
        return text
    parts: list[str] = []
    last = 0
    for start, end in sorted(spans):
        start = max(start, last)
        if end <= start:
            continue
        parts.append(text[last:start])
        parts.append(blank(text[start:end]))
        last = end
    parts.append(text[last:])
    return "".join(parts)


def html_comment_spans(text: str) -> list[tuple[int, int]]:
    """Spans of ``<!-- ... -->`` comments (template instructions are never suggestions)."""
    return [m.span() for m in _HTML_COMMENT.finditer(text)]


@dataclass(frozen=True)
class CodeBlock:
    start: int  # offset of the opening fence line
    end: int  # offset just past the closing fence line (or the end of text)
    info: str  # the info string: "bibtex", "python", ""
    content_start: int
    content: str


def code_blocks(text: str) -> list[CodeBlock]:
    """Fenced code blocks (``` or ~~~), CommonMark style; an unclosed fence runs to the end."""
    blocks: list[CodeBlock] = []
    offset = 0
    opened: tuple[str, str, int, int] | None = None  # fence, info, start, content_start
    for line in text.split("\n"):
        line_end = offset + len(line)
        found = _FENCE.match(line)
        if opened is None:
            if found and not (found.group(1)[0] == "`" and "`" in found.group(2)):
                opened = (found.group(1), found.group(2).strip(), offset, line_end + 1)
        elif (
            found
            and found.group(1)[0] == opened[0][0]
            and len(found.group(1)) >= len(opened[0])
            and not found.group(2).strip()
        ):
            _, info, start, content_start = opened
            content_end = max(content_start, offset - 1)
            blocks.append(
                CodeBlock(start, line_end, info, content_start, text[content_start:content_end])
            )
            opened = None
        offset = line_end + 1
    if opened is not None:
        _, info, start, content_start = opened
        content_start = min(content_start, len(text))
        blocks.append(CodeBlock(start, len(text), info, content_start, text[content_start:]))
    return blocks


class LineMap:
    """Offset -> line number look-ups for one text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0]
        self.starts.extend(m.end() for m in re.finditer("\n", text))

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1

    def line_span(self, index: int) -> tuple[int, int]:
        start = self.starts[index]
        end = self.starts[index + 1] - 1 if index + 1 < len(self.starts) else len(self.text)
        return start, end

    def __len__(self) -> int:
        return len(self.starts)
