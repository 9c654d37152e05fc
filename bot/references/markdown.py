"""Markdown paper lists in the awesome-list style (RUCAIBox/LLMSurvey's README and kin).

Recognised entries are list items (``1.``, ``-``, ``*``, ``+``) that carry a title::

    1. <u>LLaMA</u>: **"LLaMA: Open and Efficient ..."**. *Hugo Touvron et al.* arXiv 2023. [[Paper](https://arxiv.org/abs/2302.13971v1)]
    1. **"Title"**. *Author et al*. ACL 2019. [[Paper](...)]
    - [Title](https://...) ...
    * **Title** ...

The nearest heading above an entry is its ``section``. Entries carry their
written number when the section's list is explicitly numbered (``1. 2. 3.``);
lists written ``1.`` throughout and bullets have no numbers. Table rows, code
fences, table-of-contents links and prose are not references.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field, replace

from bot.identifiers import arxiv_from_doi, normalize_arxiv, normalize_doi
from bot.models import Reference
from bot.references.common import ParseResult, find_urls, normalize_newlines, split_names

EXTENSIONS = (".md", ".markdown", ".mdown", ".mkd")

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*$")
_ITEM = re.compile(r"^(\s*)(?:(\d{1,9})[.)]|[-*+])\s+(.*)$")
_TABLE = re.compile(r"^\s*\|")

_NAME_PREFIX = re.compile(r"^\s*<u>(.*?)</u>\s*[:：]?\s*", re.IGNORECASE)
_CHECKBOX = re.compile(r"^\[[ xX]\]\s+")
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
    items: list[_Item] = []
    current: _Item | None = None
    section: str | None = None
    section_index = 0
    fence: str | None = None
    for index, line in enumerate(lines, start=1):
        fenced = _FENCE.match(line)
        if fence is not None:
            if fenced and fenced.group(1)[0] == fence[0] and len(fenced.group(1)) >= len(fence):
                fence = None
            continue
        if fenced:
            fence = fenced.group(1)
            current = None
            continue
        heading = _HEADING.match(line)
        if heading:
            section = heading_text(heading.group(2)) or None
            section_index += 1
            current = None
            continue
        if not line.strip() or _TABLE.match(line):
            current = None
            continue
        item = _ITEM.match(line)
        if item:
            number = int(item.group(2)) if item.group(2) else None
            current = _Item(number, section, section_index, index, index, [item.group(3)])
            items.append(current)
        elif current is not None:
            current.text.append(line)  # lazy continuation of the item's paragraph
            current.end_line = index
    return items


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
    name = None
    prefix = _NAME_PREFIX.match(content)
    if prefix:
        name = unescape(prefix.group(1))
        content = content[prefix.end() :]
    content = _CHECKBOX.sub("", content.strip())

    title = None
    rest = content
    for pattern in _TITLE_PATTERNS:
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
        title = unescape(re.sub(r"^\*\*|\*\*$", "", title.strip()).strip().strip('"“”'))
    if not title:
        if not name:
            return None
        title = name

    authors: tuple[str, ...] = ()
    tail = rest
    italic = _ITALIC.search(rest.split("[[", 1)[0])
    if italic:
        authors = split_names(unescape(italic.group("text") or italic.group("text2") or ""))
        tail = rest[italic.end() :]
    tail_authors, venue, year = _tail_fields(tail)
    authors = authors or tail_authors

    urls = [
        url for url in (m.group("url") for m in _LINK_ANYWHERE.finditer(content)) if "://" in url
    ]
    for url in find_urls(content):
        if url not in urls and not any(url in known for known in urls):
            urls.append(url)
    doi = next((found for found in map(normalize_doi, urls) if found), None)
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


def _tail_fields(tail: str) -> tuple[tuple[str, ...], str | None, int | None]:
    """Authors, venue and year after the title: ``. arXiv 2023. [[Paper](...)]`` -> ``arXiv``, 2023.

    Authors only come from here in the loose ``[Title](url) - Jane Doe et al., ACL 2020`` style.
    """
    text = re.split(r"\[\[|\s\[(?=[^\]]*\]\()", tail, maxsplit=1)[0]
    text = unescape(text.replace("*", " "))
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
    text = re.sub(r"\(\s*\)", " ", text)
    venue = " ".join(text.split()).strip(" .,;:-–—()")
    return authors, (venue or None), year
