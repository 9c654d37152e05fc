"""Markdown paper lists in the awesome-list style (RUCAIBox/LLMSurvey's README and kin).

Recognised entries are list items (``1.``, ``-``, ``*``, ``+``) that carry a title,
and paragraphs that open with a bold link (``[**Title**](url)``)::

    1. <u>LLaMA</u>: **"LLaMA: Open and Efficient ..."**. *Hugo Touvron et al.* arXiv 2023. [[Paper](https://arxiv.org/abs/2302.13971v1)]
    1. **"Title"**. *Author et al*. ACL 2019. [[Paper](...)]
    - [2023/05] **Title.** *Author (Affiliation) et al. arXiv.* [[paper](...)]
    - [2023/02] Plain Title. *Author et al. arXiv.* [[paper](...)]
    1. **Title.** `ACL 2023`
        *Author One, Author Two.* [[Paper](...)], 2022.12   (a loose list: indented paragraph)
    - [Title](https://...) ...
    * **Title** ...

Real lists put more than the paper in an item: a leading ``[2023/05]`` or
``[ACL 2023]`` tag, venue badges (``![](https://img.shields.io/badge/ACL-2023-blue)``),
the venue inside the italic author block, affiliations after names, a venue in
backticks. Those are read as hints for the year and venue, never as the title.

The nearest heading above an entry (``#``, setext ``===``/``---`` or HTML ``<h2>``; see
``heading_spans``, which the paper-list editor shares) is its ``section``. Entries carry their
written number when the section's list is explicitly numbered (``1. 2. 3.``);
lists written ``1.`` throughout and bullets have no numbers. Table rows, code
fences, table-of-contents links and prose are not references.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from urllib.parse import unquote

from bot.identifiers import arxiv_from_doi, normalize_arxiv, normalize_doi
from bot.models import Reference
from bot.references.common import ParseResult, find_urls, normalize_newlines, split_names
from bot.text import latex

EXTENSIONS = (".md", ".markdown", ".mdown", ".mkd")

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_ITEM = re.compile(r"^(\s*)(?:(\d{1,9})[.)]|[-*+])\s+(.*)$")
# Headings: "## Title ##", "<p><h2 id="x">Title</h2></p>" (the <hN> may close on a later
# line), and setext "Title" underlined by "===" (level 1) or "---" (level 2).
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_HTML_OPEN = re.compile(r"^ {0,3}(?:<[^>]*>\s*)*?<h([1-6])\b[^>]*>(.*)$", re.IGNORECASE)
_TRAILING_TAGS = re.compile(r"^(?:\s*<[^>]*>)*\s*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
# What cannot open a paragraph that a setext underline turns into a heading: indentation
# (a list item's continuation), list items, quotes, tables, HTML, thematic breaks.
_NOT_PARAGRAPH = re.compile(r"^(?:\s|[-*+]\s|\d{1,9}[.)]\s|>|\||<|([-*_])(?:\s*\1){2,}\s*$)")
_TABLE = re.compile(r"^\s*\|")
# A paragraph that opens with a bold link is an entry too ("[**Title**](url) (2023.03.31)").
_PARAGRAPH_ENTRY = re.compile(r"^\s{0,3}(?:\*\*\[|\[\*\*)[^\]]+\]\(https?://")

_NAME_PREFIX = re.compile(r"^\s*<u>(.*?)</u>\s*[:：]?\s*", re.IGNORECASE)
_CHECKBOX = re.compile(r"^\[[ xX]\]\s+")
# A leading tag that is not a link: "[2023/05]", "[ACL 2023]", "(2023.05)".
_TAG = re.compile(
    r"^(?:\[(?P<bracket>[^\[\]]{1,40})\](?!\()|\((?P<paren>(?:19|20)\d\d[^()]{0,20})\))"
    r"\s*[:：|–—-]?\s*"
)
_IMAGE = re.compile(r"!\[[^\]]*\]\((?P<url>[^)\s]*)[^)]*\)")
_BADGE = re.compile(r"img\.shields\.io/badge/(?P<text>[^?#)\s]+)", re.IGNORECASE)
# A title written without emphasis, ended by the italic author block or a paper link.
_PLAIN_TITLE = re.compile(
    r"^(?P<title>[^*\[\]`_]+?)\s*(?=\*[^*\s]|\[\[|\[(?:paper|pdf|arxiv)\]\()", re.IGNORECASE
)
_ET_AL_SPLIT = re.compile(r"(?P<names>.+?\be[tl]\s*al\b\.?)(?P<rest>.*)$", re.IGNORECASE)
_NAMES_THEN_VENUE = re.compile(r"(?P<names>.*?[a-z]{2,})\.\s+(?P<rest>\S.*)$")
_PARENTHESES = re.compile(r"\s*\([^()]*\)")
_LATEX_ACCENT = re.compile(r"\\[\"'`^~=.uvHckr]")
# "2022.12", "2023/05": a year with its month, where no bare year is given.
_DATE = re.compile(
    r"(?<![\w./-])((?:19|20)\d\d)[./-](?:0?[1-9]|1[0-2])(?:[./-](?:0?[1-9]|[12]\d|3[01]))?(?!\d)"
)
_LINK = r"\[(?!\[)(?P<text>(?:[^\[\]]|\[[^\]]*\])+)\]\((?P<url>[^)\s]+)(?:\s+\"[^\"]*\")?\)"
_TITLE_PATTERNS = (
    re.compile(r"^\*\*\s*[\"“](?P<title>.+?)[\"”]\s*\*\*"),  # **"Title"**
    re.compile(r"^\*\*\s*" + _LINK + r"\s*\*\*"),  # **[Title](url)**
    re.compile(r"^" + _LINK),  # [Title](url), [**Title**](url)
    re.compile(r"^[\"“](?P<title>.+?)[\"”]"),  # "Title"
    re.compile(r"^\*\*(?P<title>[^*].*?)\*\*"),  # **Title**
    re.compile(r"^__(?P<title>[^_].*?)__"),  # __Title__
)
_ITALIC = re.compile(
    r"(?<![*\w])\*(?!\*)\s*(?P<text>[^*]+?)\s*\*(?!\*)|(?<![_\w])_(?!_)(?P<text2>[^_]+?)_(?!_)"
)
_LINK_ANYWHERE = re.compile(r"\]\((?P<url>[^)\s]+)(?:\s+\"[^\"]*\")?\)")
_YEAR = re.compile(r"(?:(?<![\w./-])(?P<full>19\d\d|20\d\d)|['’](?P<short>\d\d))(?!\d)(?![./-]\d)")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>\"'])")


@dataclass
class _Item:
    number: int | None
    section: str | None
    section_index: int
    line: int
    end_line: int
    text: list[str] = field(default_factory=list)


def sniff(text: str) -> bool:
    """Does this text look like a Markdown paper list?"""
    has_heading = re.search(r"^#{1,6}\s+\S", text, re.MULTILINE) is not None
    has_item = (
        re.search(r"^\s*(?:\d+[.)]|[-*+])\s+(?:\*\*|\[|<u>|\")", text, re.MULTILINE) is not None
    )
    return has_heading or has_item


def parse(text: str, source: str = "") -> ParseResult:
    """Every list entry with a title as a ``Reference``; nothing is ever skipped."""
    items = _items(normalize_newlines(text).split("\n"))
    parsed: list[tuple[_Item, Reference]] = []
    for item in items:
        reference = parse_item(" ".join(part.strip() for part in item.text))
        if reference is not None:
            parsed.append((item, reference))

    explicit: dict[int, bool] = {}
    for item, _ in parsed:
        if item.number not in (None, 1):
            explicit[item.section_index] = True
    references = []
    for item, reference in parsed:
        # A list written "1." throughout has no numbers of its own: a position in
        # it is not how the survey cites the paper, so none is reported.
        number = item.number if explicit.get(item.section_index) else None
        references.append(
            replace(
                reference,
                number=number,
                section=item.section,
                source=source,
                line=item.line,
                end_line=item.end_line,
            )
        )
    return ParseResult(tuple(references), ())


def _items(lines: list[str]) -> list[_Item]:
    """List items with their lines: lazy continuations, and indented paragraphs of loose lists."""
    items: list[_Item] = []
    current: _Item | None = None
    section: str | None = None
    section_index = 0
    fence: str | None = None
    after_blank = False
    headings = {span.line: span for span in heading_spans(lines)}
    heading_body = 0  # 1-based line just past the last heading's lines
    for index, line in enumerate(lines, start=1):
        if index <= heading_body:
            continue  # a setext underline, or the rest of a multi-line <hN>
        fenced = _FENCE.match(line)
        if fence is not None:
            if fenced and fenced.group(1)[0] == fence[0] and len(fenced.group(1)) >= len(fence):
                fence = None
            continue
        if fenced:
            fence = fenced.group(1)
            current = None
            continue
        if not line.strip():
            after_blank = True
            continue
        heading = headings.get(index - 1)
        if heading:
            section = heading_text(heading.raw) or None
            section_index += 1
            heading_body = heading.body
            current = None
        elif _TABLE.match(line):
            current = None
        elif item := _ITEM.match(line):
            number = int(item.group(2)) if item.group(2) else None
            current = _Item(number, section, section_index, index, index, [item.group(3)])
            items.append(current)
        elif (current is None or after_blank) and _PARAGRAPH_ENTRY.match(line):
            current = _Item(None, section, section_index, index, index, [line.strip()])
            items.append(current)
        elif current is not None and (not after_blank or _indented(line)):
            # A lazy continuation of the item's paragraph, or (after a blank line) an
            # indented paragraph of the same item: "1. **Title**\n\n    *Authors* [[Paper]]".
            current.text.append(line)
            current.end_line = index
        else:
            current = None
        after_blank = False
    return items


@dataclass(frozen=True)
class HeadingSpan:
    """Where a heading is written, and its text as written (markup, anchors and emoji kept)."""

    line: int  # 0-based index of its first line
    body: int  # index of the first line after it (past a setext underline or a closing </hN>)
    level: int
    raw: str


def heading_spans(lines: Sequence[str]) -> list[HeadingSpan]:
    """Every heading outside fenced code and HTML comments, in order.

    The one place that knows what a heading is: the loader names an entry's
    section with it and the editors find the section to insert into with it, so
    a paper goes where the list says it is. ATX (``## Title``), HTML ``<h1>``
    to ``<h6>`` (attributes, wrapping tags, a closing tag on a later line of the
    same HTML block) and setext headings (a paragraph underlined by ``===`` or
    ``---``) count. A setext paragraph must start unindented after a blank line
    or a heading, so a list item's continuation above ``---`` stays in the list.
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
            closing = _FENCE.match(line)
            if closing and closing.group(1)[0] == fence[0] and len(closing.group(1)) >= len(fence):
                fence, may_open = None, True
            continue
        opened = _FENCE.match(line)
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


def _indented(line: str) -> bool:
    return len(line) - len(line.lstrip(" \t")) >= 2


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
    return " ".join(html.unescape(text).split())


def unescape(text: str) -> str:
    """Markdown text as it reads: backslash escapes and HTML entities resolved."""
    return " ".join(html.unescape(_MD_ESCAPE.sub(r"\1", text)).split())


def parse_item(content: str) -> Reference | None:
    """The paper one list item names (no number, section or place yet), or None."""
    badges = [_badge_text(m.group("url")) for m in _IMAGE.finditer(content)]
    content = _IMAGE.sub(" ", content).strip()
    name = None
    prefix = _NAME_PREFIX.match(content)
    if prefix:
        name = unescape(prefix.group(1))
        content = content[prefix.end() :]
    content = _CHECKBOX.sub("", content.strip())
    tags: list[str] = []
    while tag := _TAG.match(content):
        tags.append(tag.group("bracket") or tag.group("paren"))
        content = content[tag.end() :]

    title = None
    rest = content
    for pattern in (*_TITLE_PATTERNS, *(() if name else (_PLAIN_TITLE,))):
        found = pattern.match(content)
        if not found:
            continue
        url = found.groupdict().get("url")
        if url is not None and (url.startswith("#") or "://" not in url):
            continue  # a table-of-contents or relative link, not a paper
        title = found.group("title") if "title" in found.groupdict() else found.group("text")
        rest = content[found.end() :]
        break
    if title is not None:
        title = _clean_title(title)
        if pattern is _PLAIN_TITLE and len(title.split()) < 2:
            title = None
    if not title:
        if not name:
            return None
        title = name

    authors: tuple[str, ...] = ()
    hints = rest
    italic = _ITALIC.search(rest.split("[[", 1)[0])
    if italic:
        authors, italic_venue = _italic_fields(italic.group("text") or italic.group("text2") or "")
        hints = " ".join((rest[: italic.start()], italic_venue, rest[italic.end() :]))
    tail_authors, venue, year = _tail_fields(hints)
    authors = authors or tail_authors
    for hint in (*tags, *badges):
        _, hint_venue, hint_year = _tail_fields(hint)
        year = year or hint_year
        venue = venue or hint_venue
    if year is None:
        dated = _DATE.search(_LINK_ANYWHERE.sub("]", " ".join((*tags, content))))
        year = int(dated.group(1)) if dated else None

    urls = [
        url for url in (m.group("url") for m in _LINK_ANYWHERE.finditer(content)) if "://" in url
    ]
    for url in find_urls(content):
        if url not in urls and not any(url in known for known in urls):
            urls.append(url)
    doi = next((found for found in map(normalize_doi, urls) if found), None)
    if doi:
        doi = _BIORXIV_VERSION.sub(r"\1", doi)
    arxiv = next((found for found in map(normalize_arxiv, urls) if found), None)
    arxiv = arxiv or normalize_arxiv(_LINK_ANYWHERE.sub("]", content)) or arxiv_from_doi(doi)
    return Reference(
        title=title,
        authors=authors,
        year=year,
        venue=venue,
        arxiv=arxiv,
        doi=doi,
        urls=tuple(urls),
    )


# bioRxiv/medRxiv links end the DOI with the version: ".../2023.02.02.23285399v1".
_BIORXIV_VERSION = re.compile(r"^(10\.1101/[\d.]{10,})v\d+$")


def _clean_title(raw: str) -> str:
    """A title as it reads: no emphasis or quotes around it, no full stop closing it."""
    title = unescape(re.sub(r"^\*\*|\*\*$", "", raw.strip()).strip().strip('"“”'))
    # "**Title.**" and "Title?." end with the list's punctuation, not the paper's.
    return re.sub(r"(?<=[\w)\]?!])\.$", "", title).strip()


def _italic_fields(text: str) -> tuple[tuple[str, ...], str]:
    """Authors and any venue in an italic block: ``*Jane Doe (CMU) et al. arXiv.*``."""
    text = latex.decode(text) if _LATEX_ACCENT.search(text) else unescape(text)
    found = _ET_AL_SPLIT.match(text)
    if not found:
        found = _NAMES_THEN_VENUE.match(text)  # "*Deyao Zhu. arXiv.*"
        if found and len(found.group("rest").split()) > 4:
            found = None
    names, venue = (found.group("names"), found.group("rest")) if found else (text, "")
    return split_names(_PARENTHESES.sub("", names)), venue


def _badge_text(url: str) -> str:
    """``ACL 2023`` from a static shields.io badge ``.../badge/ACL-2023-blue``; else ``""``."""
    found = _BADGE.search(url)
    if not found:
        return ""
    parts = re.split(r"(?<!-)-(?!-)", unquote(found.group("text")))
    words = parts[:-1] if len(parts) > 1 else parts  # the last part is the colour
    return " ".join(word.replace("--", "-").replace("__", "\0").replace("_", " ") for word in words)


def _tail_fields(tail: str) -> tuple[tuple[str, ...], str | None, int | None]:
    """Authors, venue and year after the title: ``. arXiv 2023. [[Paper](...)]`` -> ``arXiv``, 2023.

    Authors only come from here in the loose ``[Title](url) - Jane Doe et al., ACL 2020`` style.
    """
    text = re.split(r"\[\[|\s\[(?=[^\]]*\]\()", tail, maxsplit=1)[0]
    text = unescape(text.replace("*", " ").replace("`", " "))
    text = re.sub(r"\barXiv:\s*\S+", "arXiv", text, flags=re.IGNORECASE)
    authors: tuple[str, ...] = ()
    loose = re.sub(r"^[\s.,;:–—-]*(?:by\s+)?", "", text, flags=re.IGNORECASE)
    found_authors = re.match(r"(?P<names>.+?\bet\s*al\b\.?)[\s,.;]*(?P<rest>.*)$", loose)
    if found_authors:
        authors = split_names(found_authors.group("names"))
        text = found_authors.group("rest")
    year = None
    found = None
    for found in _YEAR.finditer(text):  # noqa: B007 - the last year wins
        pass
    if found:
        year = int(found.group("full")) if found.group("full") else 2000 + int(found.group("short"))
        text = text[: found.start()] + " " + text[found.end() :]
    elif dated := _DATE.search(text):
        year = int(dated.group(1))
        text = text[: dated.start()] + " " + text[dated.end() :]
    text = re.sub(r"[(（]\s*[)）]", " ", text)
    venue = " ".join(text.split()).strip(" .,;:-–—（）")
    if venue.count("(") != venue.count(")"):  # keep "IEEE(RAL)", drop a stray bracket
        venue = venue.strip("()").strip()
    return authors, (venue or None), year
