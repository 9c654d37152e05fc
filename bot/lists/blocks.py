"""Where a list's entries are: blocks of lines, grouped into containers under sections.

A *block* is the lines of one entry: a list item with its continuation lines
and nested content, a paragraph that opens with bold (``**Title**``) with the
label bullets under it (``- Paper: url``), a heading whose body is only such
label bullets (``#### Title`` + ``- Link: url``), a pipe-table row or an HTML
``<tr>``. A *container* is one run of blocks of the same kind in the same
section: one list, one table, one run of paragraphs. The editor inserts into a
container; the loader reads its blocks. Code fences, HTML comments and prose
are neither.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.lists import tables
from bot.lists.citation import generic_label, looks_like_names
from bot.lists.headings import FENCE, HeadingSpan, fence_closes, heading_spans
from bot.lists.papers import paper_like

# A list item's marker (the entry reader starts past it too).
ITEM = re.compile(
    r"^(?P<indent>[ \t]*)(?:(?P<num>\d{1,9})(?P<delim>[.)])|(?P<bullet>[-*+]))"
    r"(?:[ \t]+|$|(?<=-)(?=\[[^\[\]\n]+\]\())"  # ("-[Title](url)": a bullet to its writer)
)
_BREAK = re.compile(r"^[ \t]*([-*_])([ \t]*\1){2,}[ \t]*$")
# A line of badges only: images, each linked or not ("![](shields.io/...)  [![](...)](...)").
_BADGES = re.compile(r"(?:\[?!\[[^\]\n]*\]\([^)\s]+\)(?:\]\([^)\s]+\))?[ \t]*)+")
_BOLD_START = re.compile(r"^ {0,3}(?:\*\*|__|\[\*\*|\[__)(?!\s)")
_LABEL_BULLET = re.compile(
    r"^[ \t]*[-*+][ \t]+(?:[\w\u4e00-\u9fff][\w\u4e00-\u9fff /&.'-]{0,29}?[ \t]*[:：][ \t]*\S.*"
    r"|\[\[?[^\]\s]+(?:\s[^\]\s]+){0,2}\]?\]\([^)]*\)\]?)$"
)
_LABEL_VALUE = re.compile(r"^[ \t]*[-*+][ \t]+[^\n:：]{1,30}?[ \t]*[:：](?P<value>.*)$")
_LINKS = re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)|<?https?://[^\s>]+>?")
_URL = re.compile(r"https?://", re.IGNORECASE)
_LINK_ONLY = re.compile(r"\[(?P<t>[^\[\]\n]+)\]\((?P<url>[^()\s]+)\)")
_LINK_CITED = re.compile(
    r"\[(?P<t>[^\[\]\n]+)\]\((?P<url>[^()\s]+)\)"
    r"[ \t]*,[ \t]*[^\n]{0,120}?\b(?:19|20)\d\d\b[^\n]{0,200}"
)
_TAGGED_LINK = re.compile(
    r"\((?P<tag>[^()\n]{0,40}\b(?:19|20)\d\d\b[^()\n]{0,10})\)[ \t]+"
    r"\[(?P<t>[^\[\]\n]+)\]\((?P<url>[^()\s]+)\)[^\n]*"
)
# "SOCC 2021, [Title](url)---Notes:...", "2018 ICLR [Title](url)": the venue and the year
# in plain words before the link.
_PREFIXED_LINK = re.compile(
    r"(?P<tag>[^\[\]()\n*_`|<>]{0,40}\b(?:19|20)\d\d\b[^\[\]()\n*_`|<>]{0,40}?)"
    r"[ \t]*[,:：–—-]?[ \t]*\[(?P<t>[^\[\]\n]+)\]\((?P<url>[^()\s]+)\)[^\n]*"
)
_TABLE_OPEN = re.compile(r"^\s*<table\b", re.IGNORECASE)
_TABLE_CLOSE = re.compile(r"</table\s*>", re.IGNORECASE)
_TR_OPEN = re.compile(r"<tr\b", re.IGNORECASE)
_TR_CLOSE = re.compile(r"</tr\s*>", re.IGNORECASE)
_THEAD = re.compile(r"<thead\b|<th\b(?![^>]*rowspan)", re.IGNORECASE)
# What ends a paragraph without a blank line: a table, an HTML block (comments included).
_INTERRUPTS = re.compile(
    r"^ {0,3}(?:\||<!--|</?(?:table|div|p|details|summary|h[1-6]|ul|ol|hr|br|center)\b)",
    re.IGNORECASE,
)
# A labelled bullet that names a paper's authors or venue ("  - Authors: ...", "  - Pub: ...").
_FIELD_LABEL = re.compile(
    r"[ \t]*[-*+][ \t]+(?:authors?|pub|venue|published in|conference|journal)[ \t]*[:：]",
    re.IGNORECASE,
)
# A category's name in bold longer than this must be over two titled papers or more.
_LABEL_LENGTH = 34
_TITLED_ITEM = re.compile(
    r"\*\*[^*\n]*?\w+\W+\w+\W+\w+[^*\n]*\*\*|\[[^\]\n]*?\w+\W+\w+\W+\w+[^\]\n]*\]\("
)
# Inline HTML that only marks or styles a category's name (an anchor for the contents).
_INLINE_TAG = re.compile(
    r"</?(?:span|font|b|strong|em|i|u|sup|sub)\b[^>]*>|<a\s+(?:name|id)=[^>]*>\s*</a>",
    re.IGNORECASE,
)
# A category's name in bold, a few words alone on its line: "- **DAC2022**", "- **Key
# Papers:**".
_BOLD_LABEL = re.compile(r"\*\*[^*:：\[\]\n]{1,60}?[:：]?\*\*[:：]?")
# What hangs under an item: a block of HTML that folds or keeps text, or a figure.
_ATTACHED_OPEN = re.compile(r"<(details|pre)\b", re.IGNORECASE)
_IMAGE_LINE = re.compile(r"!\[[^\]\n]*\]\([^)\s]*\)|<img\b[^>]*>")
# A heading of more words than this is a sentence, not a section's name.
_HEADING_WORDS = 8
_HARD_BREAK = re.compile(r"(?: {2,}|<br\s*/?>[ \t]*)$", re.IGNORECASE)
_LINK_OR_EMPHASIS = re.compile(r"\]\(|\*\*|__|<a\s|https?://")


@dataclass(frozen=True)
class Block:
    """The lines ``start``..``end`` (0-based, inclusive) of one entry."""

    start: int
    end: int
    kind: str  # item, paragraph, heading, row, html-row
    number: int | None = None  # the written number of a numbered item
    columns: tuple[str, ...] = ()  # a row's column roles
    category: str | None = None  # an HTML row's spanned category (``<th rowspan>``)
    # The lines read as the entry, when fewer than the block's: a paper's link over the
    # maintainer's notes on it, which a new paper goes after but which are not its fields.
    read_end: int | None = None


@dataclass
class Container:
    """One list, table or run of paragraphs: its blocks, where it is, which section holds it."""

    kind: str  # list, paragraphs, headings, table, html-table
    section: int | None  # index into ``Layout.headings`` (None: before the first heading)
    blocks: list[Block] = field(default_factory=list)
    marker: str = ""  # a list's marker kind: "number" or the bullet character
    width: int = 0  # a list's indentation

    @property
    def end(self) -> int:
        return self.blocks[-1].end


@dataclass(frozen=True)
class ListFile:
    """A Markdown file as a paper list: its section headings and its containers of entries."""

    headings: tuple[HeadingSpan, ...]  # section headings only (not entry headings)
    containers: tuple[Container, ...]


def entry_heading_lines(lines: Sequence[str], spans: Sequence[HeadingSpan]) -> set[int]:
    """Headings that are entries (``#### Title`` over ``- Link: url``), not sections.

    One heading over a link is a section with one entry; many alike are the entries.
    """
    candidates = [span for span in spans if _is_entry_heading(lines, spans, span)]
    levels = [span.level for span in candidates]
    found = {span.line for span in candidates if levels.count(span.level) >= 2}
    # A heading that is one link among entries of its level is one too, wherever its link
    # goes ("#### [Title](https://scholar.google.com/scholar_url?url=...)")
    for at, span in enumerate(spans):
        if span.line in found or not _LINK_ONLY.fullmatch(_unbolded(span.raw)):
            continue
        near = [spans[i] for i in (at - 1, at + 1) if 0 <= i < len(spans)]
        if any(other.line in found and other.level == span.level for other in near):
            found.add(span.line)
    return found


def _unbolded(raw: str) -> str:
    """A heading's text without the bold around all of it (``### **[Title](url)**``)."""
    text = raw.strip()
    bold = re.fullmatch(r"(\*\*|__)(?P<t>.+)\1", text)
    return bold["t"] if bold else text


def note_heading_lines(spans: Sequence[HeadingSpan], entries: set[int]) -> set[int]:
    """Headings before an entry heading of their level that are remarks, not sections: a
    heading between two entries, or one that links somewhere or makes a sentence
    (``#### *<u>Check out this [leaderboard](url) for certified robustness</u>*`` over
    ``#### [Title](url)`` entries). It opens no section: the entries stay in theirs."""
    found = set()
    for at, span in enumerate(spans[:-1]):
        after, before = spans[at + 1], spans[at - 1] if at else None
        if span.line in entries or after.line not in entries or after.level != span.level:
            continue
        among = before is not None and before.line in entries and before.level == span.level
        if among or "](" in span.raw or len(span.raw.split()) > _HEADING_WORDS:
            found.add(span.line)
    return found


def section_spans(lines: Sequence[str]) -> list[HeadingSpan]:
    """The headings that open sections: every heading but entries and remarks among them."""
    spans = heading_spans(lines)
    entries = entry_heading_lines(lines, spans)
    skipped = entries | note_heading_lines(spans, entries)
    return [span for span in spans if span.line not in skipped]


def find_blocks(lines: Sequence[str]) -> ListFile:
    """The section headings and the containers of entries of a file's lines."""
    spans = heading_spans(lines)
    entry_headings = entry_heading_lines(lines, spans)
    notes = note_heading_lines(spans, entry_headings)
    sections = [span for span in spans if span.line not in entry_headings | notes]
    heading_at = {span.line: span for span in spans}
    scanner = _Scanner(
        lines, heading_at, entry_headings, notes, {s.line: i for i, s in enumerate(sections)}
    )
    scanner.run()
    return ListFile(tuple(sections), tuple(c for c in scanner.containers if c.blocks))


def _body_end(lines: Sequence[str], spans: Sequence[HeadingSpan], span: HeadingSpan) -> int:
    later = [other.line for other in spans if other.line > span.line]
    return later[0] if later else len(lines)


def _is_entry_heading(
    lines: Sequence[str], spans: Sequence[HeadingSpan], span: HeadingSpan
) -> bool:
    """``#### Title`` whose body is only label bullets with a link, or ``### [Title](url)``
    linking a paper: an entry, not a section."""
    if span.level < 2:
        return False
    linked = _LINK_ONLY.fullmatch(_unbolded(span.raw))
    if linked and paper_like(linked.group("url")):
        return True  # "### [Title](https://arxiv.org/abs/...)" over notes on the paper
    body = [
        line
        for line in lines[span.body : _body_end(lines, spans, span)]
        if line.strip() and not _is_decoration(line)
    ]
    if not body or any(not _label_bullet(line) for line in body):
        return False
    return any(_URL.search(line) for line in body)


class _Scanner:
    """One pass over the lines, opening a container for each run of entries."""

    def __init__(
        self,
        lines: Sequence[str],
        headings: dict[int, HeadingSpan],
        entry_headings: set[int],
        notes: set[int],
        section_index: dict[int, int],
    ) -> None:
        self.lines = lines
        self.headings = headings
        self.entry_headings = entry_headings
        self.notes = notes  # remarks in heading form among entry headings
        self.section_index = section_index
        self.section: int | None = None
        self.containers: list[Container] = []
        self.current: Container | None = None

    def open(self, kind: str, marker: str = "", width: int = 0) -> Container:
        current = self.current
        if current is None or (current.kind, current.marker, current.width, current.section) != (
            kind, marker, width, self.section,
        ):  # fmt: skip
            current = Container(kind, self.section, marker=marker, width=width)
            self.containers.append(current)
            self.current = current
        return current

    def close(self) -> None:
        self.current = None

    def run(self) -> None:
        lines = self.lines
        index = 0
        after_blank = True
        while index < len(lines):
            line = lines[index]
            heading = self.headings.get(index)
            if heading is not None:
                if index in self.entry_headings:
                    index = self._heading_entry(heading)
                elif index in self.notes:
                    index = heading.body
                else:
                    self.section = self.section_index[index]
                    self.close()
                    index = heading.body
                after_blank = True
                continue
            if not line.strip():
                after_blank = True
                index += 1
                continue
            start = index
            index = self._construct(index, after_blank)
            after_blank = False
            if index == start:  # prose, anchors, badges: they end a run of paragraphs or items
                if not _is_decoration(line):
                    self.close()
                index += 1
                # (a line ended by a hard break, "--- Pre-LLM ---  ", sets the next one off
                # as a blank line does: "**Title**" there opens an entry)
                after_blank = _HARD_BREAK.search(line) is not None

    def _construct(self, index: int, after_blank: bool) -> int:
        lines = self.lines
        line = lines[index]
        fence = FENCE.match(line)
        if fence:
            self.close()
            index += 1
            while index < len(lines) and not fence_closes(lines[index], fence.group(1)):
                index += 1
            return index + 1
        if line.lstrip().startswith("<!--") and "-->" not in line:
            while index < len(lines) and "-->" not in lines[index]:
                index += 1
            return index + 1
        if _TABLE_OPEN.match(line):
            return self._html_table(index)
        if "|" in line and index + 1 < len(lines) and tables.DELIMITER_ROW.match(lines[index + 1]):
            return self._pipe_table(index)
        item = ITEM.match(line)
        if item and not _BREAK.match(line):
            return self._list_item(index, item)
        if after_blank and _BOLD_START.match(line):
            return self._paragraph(index)
        linked = _LINK_ONLY.fullmatch(line.strip()) or self._cited_link(index)
        if (after_blank or self._in_run(index)) and linked and paper_like(linked.group("url")):
            return self._link_paragraph(index)
        return index

    def _in_run(self, index: int) -> bool:
        """Does the line before ``index`` hold an entry of the run of paragraphs being read,
        one paper a line ("SOCC 2021, [Title](url)" lines with no blank line between)?"""
        current = self.current
        return (
            current is not None
            and current.kind == "paragraphs"
            and bool(current.blocks)
            and current.blocks[-1].end == index - 1
            and _PREFIXED_LINK.fullmatch(self.lines[index - 1].strip()) is not None
        )

    def _cited_link(self, index: int) -> re.Match[str] | None:
        """A paper's link and what the list says of it after a comma, or with its venue and
        year before it, alone between blank lines ("[Title](url), Venue 2022", "(CVPR 2020)
        [Title](url) by Munro et al."; never a sentence that links one)."""
        lines = self.lines
        line = lines[index].strip()
        found = _LINK_CITED.fullmatch(line) or _TAGGED_LINK.fullmatch(line)
        alone = index + 1 >= len(lines) or not lines[index + 1].strip()
        if found is None and (found := _PREFIXED_LINK.fullmatch(line)):
            # (one to a line, as the maintainer wrote them, where lines of them run on)
            alone = alone or bool(_PREFIXED_LINK.fullmatch(lines[index + 1].strip()))
        if found is None or not alone or generic_label(found.group("t")):
            return None
        return found

    def _link_paragraph(self, index: int) -> int:
        """"[Title](https://arxiv.org/abs/...)" alone on its line: the entry, with the
        bullets of notes on it below (a new paper goes after them, not between)."""
        end = self._notes(index + 1)
        self.open("paragraphs").blocks.append(Block(index, end, "paragraph", read_end=index))
        return end + 1

    def _notes(self, index: int) -> int:
        """The last line of the bullets right under a paragraph (after one blank line at
        most), or the line before ``index`` when there are none."""
        lines = self.lines
        at = index + 1 if index < len(lines) and not lines[index].strip() else index
        end = index - 1
        while at < len(lines) and ITEM.match(lines[at]) and at not in self.headings:
            end = at
            at += 1
        return end

    # ------------------------------------------------------------------ constructs

    def _heading_entry(self, heading: HeadingSpan) -> int:
        end = heading.body - 1  # (the heading alone, when another heading follows it)
        index = heading.body
        while index < len(self.lines) and index not in self.headings:
            if self.lines[index].strip() and not _is_decoration(self.lines[index]):
                end = index  # (the next section's anchor is not part of the entry)
            index += 1
        self.open("headings").blocks.append(Block(heading.line, end, "heading"))
        return end + 1

    def _pipe_table(self, index: int) -> int:
        roles = tables.roles(tables.pipe_header(self.lines[index]))
        self.close()
        container = self.open("table")
        row = index + 2
        while row < len(self.lines) and "|" in self.lines[row] and self.lines[row].strip():
            container.blocks.append(Block(row, row, "row", columns=roles))
            row += 1
        self.close()
        return row

    def _html_table(self, index: int) -> int:
        lines = self.lines
        end = index
        while end < len(lines) and not _TABLE_CLOSE.search(lines[end]):
            end += 1
        self.close()
        container = self.open("html-table")
        columns: tuple[str, ...] = ()
        header_rows = 0  # rows a <td> header still spans
        category: str | None = None
        row = index
        while row <= min(end, len(lines) - 1):
            if not _TR_OPEN.search(lines[row]):
                row += 1
                continue
            close = row
            while close <= end and close < len(lines) and not _TR_CLOSE.search(lines[close]):
                close += 1
            text = "\n".join(lines[row : close + 1])
            if not columns and _THEAD.search(text) and "<td" not in text.lower():
                columns = tables.roles(tables.html_header(text))
            elif not columns and not container.blocks and tables.header_like(text):
                columns = tables.roles(tables.html_header(text))
                header_rows = tables.header_height(text)
            elif header_rows > 1 and not container.blocks and not tables.links_in(text):
                header_rows -= 1  # the names under a spanning header cell ("Memory")
            else:
                category = tables.category_name(text) or category
                container.blocks.append(
                    Block(row, close, "html-row", columns=columns, category=category)
                )
            row = close + 1
        self.close()
        return end + 1

    def _list_item(self, index: int, item: re.Match[str]) -> int:
        lines = self.lines
        width = len(item.group("indent").expandtabs(4))
        marker = "number" if item.group("num") else str(item.group("bullet"))
        column = len(lines[index][: item.end()].expandtabs(4))
        end = self._item_end(index, column)
        nested = [
            i for i in range(index + 1, end + 1)
            if (m := ITEM.match(lines[i])) and len(m.group("indent").expandtabs(4)) >= column
        ]  # fmt: skip
        content = lines[index][item.end() :]
        links = [
            found for i in range(index + 1, end + 1)
            if (found := _LINK_ONLY.fullmatch(lines[i].strip())) and not generic_label(found["t"])
        ]  # fmt: skip
        if (
            not nested
            and any(paper_like(found["url"]) for found in links)
            and not _LINK_OR_EMPHASIS.search(content)
        ):
            # "- Query-based RAG" over indented "[Title](url)" paragraphs: a category, each
            # paragraph an entry (one that links no paper is said to be no paper)
            self.close()
            for line in range(index + 1, end + 1):
                if _LINK_ONLY.fullmatch(lines[line].strip()):
                    self._link_paragraph(line)
            self.close()
            return end + 1
        # (what the item says before its nested items: "- Title." over "[[pdf]](url)" is a
        # paper, its nested "- Jane Doe, Bo Li. *ICML 2019*" its authors, not a category's)
        own = "\n".join([content, *lines[index + 1 : nested[0]]]) if nested else content
        own = _INLINE_TAG.sub("", own)  # "<span id="head-t2i"> **Text → Image** </span>"
        label = _BOLD_LABEL.fullmatch(own.strip())
        plain = bool(nested) and (not _LINK_OR_EMPHASIS.search(own) or label is not None)
        if plain and label and ":" in label.group(0):
            # "- **Key Papers:**" over papers, not "- **Data Characteristics**:" over features
            plain = _links_papers(lines[nested[0] : end + 1])
        if plain and label and len(label.group(0)) > _LABEL_LENGTH:
            # "**Text → 3D/Motion/Shape/Mesh/Object...**" over titled papers, not a paper's
            # bold title over notes on it
            plain = sum(bool(_TITLED_ITEM.search(lines[i])) for i in nested) >= 2
        if plain and not _authors_below(lines, nested) and not _fields_below(lines, nested):
            # "- Neural Network Libraries" (or "- **DAC2022**") over nested items: a category,
            # its items are entries
            self.close()
            line = nested[0]
            while line <= end:
                nested_item = ITEM.match(lines[line])
                line = self._list_item(line, nested_item) if nested_item else line + 1
            self.close()
            return end + 1
        current = self.current
        if (
            current is not None
            and (current.kind, current.marker, current.section) == ("list", marker, self.section)
            and current.width <= width < current.width + 2
        ):
            width = current.width  # " * item" after "* item": the same list
        container = self.open("list", marker, width)
        number = int(item.group("num")) if item.group("num") else None
        attached = self._attached(end)
        read_end = end if attached > end else None
        container.blocks.append(Block(index, attached, "item", number, read_end=read_end))
        return attached + 1

    def _attached(self, end: int) -> int:
        """The last line of what hangs under an item before anything else (its abstract in
        ``<details>``, its BibTeX in ``<pre>``, a figure): it moves with its paper, and a
        new paper never goes between the two. A ``<details>`` holding entries is a
        collapsed list of its own, not the item's."""
        lines = self.lines
        at, last = end + 1, end
        while at < len(lines) and at not in self.headings:
            stripped = lines[at].strip()
            opened = _ATTACHED_OPEN.match(stripped)
            if _IMAGE_LINE.fullmatch(stripped):
                last = at
            elif opened:
                closing = re.compile(rf"</{opened.group(1)}\s*>", re.IGNORECASE)
                inner = at
                while inner < len(lines) and not closing.search(lines[inner]):
                    inner += 1
                body = lines[at : inner + 1]
                if inner >= len(lines) or any(ITEM.match(x) and "](" in x for x in body):
                    break
                last = at = inner
            elif stripped:
                break
            at += 1
        return last

    def _item_end(self, index: int, column: int) -> int:
        """The last line of the item at ``index``: lazy lines, indented paragraphs, nested lists.

        ``column`` is where the item's content starts: a later item indented less is a
        sibling, one indented as much is nested in it.
        """
        lines = self.lines
        last = index
        blank = False
        for line_index in range(index + 1, len(lines)):
            line = lines[line_index]
            if line_index in self.headings:
                break
            if not line.strip():
                blank = True
                continue
            indent = len(line[: len(line) - len(line.lstrip(" \t"))].expandtabs(4))
            other = ITEM.match(line)
            if other and indent < column:
                break
            if blank and indent < min(column, 2):
                break
            interrupts = _INTERRUPTS.match(line) and indent < column  # ("  </div>": the item's)
            if not blank and (_BREAK.match(line) or FENCE.match(line) or interrupts):
                break
            last = line_index
            blank = False
        return last

    def _paragraph(self, index: int) -> int:
        lines = self.lines
        end = index
        while end + 1 < len(lines) and lines[end + 1].strip() and end + 1 not in self.headings:
            if ITEM.match(lines[end + 1]) and not _label_bullet(lines[end + 1]):
                break
            end += 1
        label_end = self._label_bullets(end + 1)
        has_more = _LINK_OR_EMPHASIS.search(
            re.sub(r"^\s*(\*\*|__).*?\1", "", "\n".join(lines[index : end + 1]))
        )
        if label_end is None and not has_more and "](" not in lines[index]:
            return index  # "**Causal Decoder**" over a list: a label, not an entry
        end = label_end if label_end is not None else end
        badges = self._badges_below(end)
        if badges is None:
            self.open("paragraphs").blocks.append(Block(index, end, "paragraph"))
            return end + 1
        self.open("paragraphs").blocks.append(Block(index, badges, "paragraph", read_end=end))
        return badges + 1

    def _badges_below(self, end: int) -> int | None:
        """The line of badges one blank line below a paragraph, which is the paper's own
        (EgoAlpha writes each paper's citation, reader and star counts there): it moves
        with its paper, and a new paper never goes between the two."""
        lines = self.lines
        at = end + 2
        if at < len(lines) and not lines[end + 1].strip() and _BADGES.fullmatch(lines[at].strip()):
            return at
        return None

    def _label_bullets(self, index: int) -> int | None:
        """The last line of label bullets (``- Paper: url``) right under a paragraph, if any."""
        lines = self.lines
        while index < len(lines) and not lines[index].strip():
            index += 1
        last = None
        while index < len(lines) and _label_bullet(lines[index]) and index not in self.headings:
            last = index
            index += 1
        return last


def _links_papers(lines: Sequence[str]) -> bool:
    """Does any of ``lines`` link a paper (a label's items are papers, not features)?"""
    return any(
        paper_like(found["url"]) for line in lines for found in _LINK_ONLY.finditer(line)
    )


def _fields_below(lines: Sequence[str], nested: Sequence[int]) -> bool:
    """Are the items nested under a plain line its fields ("- Title" over "  - Authors: ...",
    "  - Link: http://arxiv.org/pdf/...", "  - Pub: ...": pprp/Awesome-Efficient-MoE), every
    one a label and its value, one naming its authors or venue, one a paper's link (not a
    piece of news over the links it gives: "- AgentGym has been released!" over "- Paper:
    [AgentGym](url)" and "- Codes: ...")?"""
    return (
        all(_label_bullet(lines[i]) for i in nested)
        and any(_FIELD_LABEL.match(lines[i]) for i in nested)
        and any(
            paper_like(url)
            for i in nested
            for url in re.findall(r"https?://[^\s)\]>]+", lines[i])
        )
    )


def _label_bullet(line: str) -> bool:
    """``- Paper: url``, ``- Code: None``, ``* 简介：prose``: a label and its value, not an
    entry. ``- LoMA: Lossless Compressed Memory Attention, ... [[Paper](url)]`` is a paper
    whose title has a colon: prose and a link after the label."""
    if not _LABEL_BULLET.match(line):
        return False
    found = _LABEL_VALUE.match(line)
    value = found.group("value") if found else ""
    linked = _LINKS.search(value) is not None
    prose = _LINKS.sub(" ", value)
    return not (linked and len(re.findall(r"[^\W\d_]{2,}", prose)) >= 2)


def _is_decoration(line: str) -> bool:
    """Lines that do not end a run of entries: anchors, back-to-top links, HTML comments."""
    stripped = line.strip()
    return bool(
        re.fullmatch(r"(?:<a\s+(?:name|id)=[^>]*>\s*</a>\s*)+", stripped, re.IGNORECASE)
        or re.fullmatch(r"<!--.*-->", stripped)
        or re.fullmatch(
            r"(?:<[^>]+>\s*)*(?:\*\*)?\[[^\]]*\]\(#[^)]*\)(?:\*\*)?(?:\s*<[^>]+>)*", stripped
        )
    )


# The names before the venue on a nested bullet: "  - Y. You, T. Chen, and Y. Shen. *NIPS 2020*".
_NAMES_FIRST = re.compile(r"[ \t]*[-*+][ \t]+(?P<n>[^*\[\]\n]+?)\.?[ \t]*(?:\*|\[|$)")


def _authors_below(lines: Sequence[str], nested: Sequence[int]) -> bool:
    """Is the one item nested under a plain line its authors ("- GraphCL: Graph Contrastive
    Learning with Augmentations." over "  - Y. You, T. Chen. *NIPS 2020*. [[pdf]](url)"): the
    line above is a paper's title, not a category's name?"""
    if len(nested) != 1:
        return False
    found = _NAMES_FIRST.match(lines[nested[0]])
    return found is not None and looks_like_names(found["n"])

