"""Inline Markdown an entry is made of: links, images, HTML anchors, bare URLs, emphasis.

A small scanner rather than a full CommonMark parser: it finds each construct
with its exact character spans (link text, URL), which is what the entry
reader needs to turn a field into a slot and leave every other byte as layout.
It knows the shapes real lists write: ``[[paper]](url)`` (brackets in the
text), ``[[Paper](url)]`` (a link in brackets), ``[![Star](badge)](repo)``,
``[<img alt="Code">](repo)``, ``]( https://...)`` (a space after the
parenthesis), ``[code]()`` (an empty link), HTML ``<a href>`` and bare URLs.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

_HTML_A = re.compile(
    r"<a\s[^>]*?\bhref\s*=\s*([\"'])(?P<url>.*?)\1[^>]*>(?P<text>.*?)</a\s*>",
    re.IGNORECASE | re.DOTALL,
)
_AUTOLINK = re.compile(r"<(?P<url>https?://[^\s<>]+)>", re.IGNORECASE)
_BARE_URL = re.compile(r"https?://[^\s<>\"'\]`|]+", re.IGNORECASE)
_IMG_ALT = re.compile(r"<img\b[^>]*?\balt\s*=\s*([\"'])(?P<alt>.*?)\1", re.IGNORECASE)
_BRACKETS = re.compile(r"[\[\]\\`]")
# "(url)" with nothing unusual in it: no spaces, escapes, angle brackets, nested parentheses
_SIMPLE_DESTINATION = re.compile(r"\([ \t]*(?P<url>[^\s()<>\\\"']*)[ \t]*\)")
_SPECIAL = re.compile(r"[\\`\[!<]")  # where a construct (or an escape) may start
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>\"'])")


@dataclass(frozen=True)
class Link:
    """One link (or image) with the spans of its parts in the scanned text."""

    kind: str  # "markdown", "image", "html", "bare"
    start: int
    end: int
    text_start: int
    text_end: int
    url_start: int
    url_end: int
    text: str
    url: str

    @property
    def is_image(self) -> bool:
        return self.kind == "image"


def _code_span_end(text: str, at: int) -> int | None:
    """End of the code span opening at ``at`` (a backtick run), or None if it never closes."""
    run = len(text[at:]) - len(text[at:].lstrip("`"))
    ticks = text[at : at + run]
    close = re.compile(rf"(?<!`){ticks}(?!`)").search(text, at + run)
    return close.end() if close else None


def _skip(text: str, at: int) -> int | None:
    """Where scanning resumes past an escape or a code span at ``at`` (None: neither)."""
    if text[at] == "\\":
        return at + 2
    if text[at] == "`":
        end = _code_span_end(text, at)
        return end if end is not None else at + 1
    return None


def _closing_bracket(text: str, at: int) -> int | None:
    """Index of the ``]`` matching the ``[`` at ``at`` (escapes and code spans skipped)."""
    depth = 0
    index = at
    while (found := _BRACKETS.search(text, index)) is not None:
        index = found.start()
        if (past := _skip(text, index)) is not None:
            index = past
            continue
        depth += 1 if text[index] == "[" else -1
        if depth == 0:
            return index
        index += 1
    return None


def _destination(text: str, at: int) -> tuple[int, int, int] | None:
    """``(url_start, url_end, end)`` of ``(url "title")`` opening at ``at``, or None."""
    simple = _SIMPLE_DESTINATION.match(text, at)
    if simple:
        return simple.start("url"), simple.end("url"), simple.end()
    if at >= len(text) or text[at] != "(":
        return None
    index = at + 1
    while index < len(text) and text[index] in " \t":
        index += 1
    start = index
    if index < len(text) and text[index] == "<":
        close = text.find(">", index)
        if close < 0:
            return None
        start, end_url, index = index + 1, close, close + 1
    else:
        depth = 0
        while index < len(text):
            char = text[index]
            if char == "\\":
                index += 2
                continue
            if char in " \t\n":
                break
            if char == "(":
                depth += 1
            elif char == ")":
                if depth == 0:
                    break
                depth -= 1
            index += 1
        end_url = index
    while index < len(text) and text[index] in " \t":
        index += 1
    if index < len(text) and text[index] in "\"'":
        close = text.find(text[index], index + 1)
        if close < 0:
            return None
        index = close + 1
        while index < len(text) and text[index] in " \t":
            index += 1
    if index >= len(text) or text[index] != ")":
        return None
    return start, end_url, index + 1


def _bracket_link(text: str, at: int) -> Link | None:
    image = text[at] == "!"
    opening = at + 1 if image else at
    close = _closing_bracket(text, opening)
    if close is None:
        return None
    destination = _destination(text, close + 1)
    if destination is None:
        return None
    url_start, url_end, end = destination
    return Link(
        "image" if image else "markdown",
        at,
        end,
        opening + 1,
        close,
        url_start,
        url_end,
        text[opening + 1 : close],
        text[url_start:url_end],
    )


def scan_links(text: str) -> list[Link]:
    """Every link, image, HTML anchor and bare URL of ``text``, outermost first, in order.

    The text of a link is not scanned again here: ``[![Star](badge)](repo)`` is
    one link whose text is an image (see ``label_image``).
    """
    found: list[Link] = []
    index = 0
    while (special := _SPECIAL.search(text, index)) is not None:
        index = special.start()
        if (past := _skip(text, index)) is not None:
            index = past
            continue
        char = text[index]
        link = None
        if char == "[" or (char == "!" and text.startswith("[", index + 1)):
            link = _bracket_link(text, index)
        elif char == "<":
            anchor = _HTML_A.match(text, index)
            if anchor:
                link = Link(
                    "html",
                    index,
                    anchor.end(),
                    anchor.start("text"),
                    anchor.end("text"),
                    anchor.start("url"),
                    anchor.end("url"),
                    anchor.group("text"),
                    html.unescape(anchor.group("url")),
                )
            elif auto := _AUTOLINK.match(text, index):
                link = Link(
                    "bare", index, auto.end(), auto.start("url"), auto.end("url"),
                    auto.start("url"), auto.end("url"), auto.group("url"), auto.group("url"),
                )  # fmt: skip
        if link is not None:
            found.append(link)
            index = link.end
            continue
        index += 1
    return _with_bare_urls(text, found)


def _with_bare_urls(text: str, links: list[Link]) -> list[Link]:
    taken = [(link.start, link.end) for link in links]
    bare = []
    for match in _BARE_URL.finditer(text):
        start = match.start()
        if any(a <= start < b for a, b in taken):
            continue
        url = match.group(0)
        while url and (
            url[-1] in ".,;:!?*_" or (url[-1] == ")" and url.count("(") < url.count(")"))
        ):
            url = url[:-1]
        end = start + len(url)
        bare.append(Link("bare", start, end, start, end, start, end, url, url))
    return sorted([*links, *bare], key=lambda link: link.start)


def label_image(label: str) -> str | None:
    """The alt text when a link's text is only an image (``![Star](…)``, ``<img alt="Code">``)."""
    label = label.strip()
    markdown = re.fullmatch(r"!\[(?P<alt>[^\]]*)\]\([^)]*\)", label)
    if markdown:
        return markdown.group("alt")
    tag = _IMG_ALT.match(label)
    if tag and label.endswith(">") and label.count("<") == 1:
        return tag.group("alt")
    return None


def unescape(text: str) -> str:
    """Markdown text as it reads: backslash escapes and HTML entities resolved, spaces folded."""
    return " ".join(html.unescape(_MD_ESCAPE.sub(r"\1", text)).split())


def is_symbol(char: str) -> bool:
    """An emoji or other pictograph (with its joiners): decoration, never a word."""
    return unicodedata.category(char) in ("So", "Sk", "Cs", "Co") or char in "\ufe0f\u200d"
