"""Reading one entry's text into ``Fields`` and a layout (see ``bot.lists.entry``).

The recognisers in ``bot.lists.recognise`` claim the spans; this module runs
them in a reader's order for each kind of entry and turns the claims into the
entry's fields and layout.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from typing import cast

from bot.lists import cells, citation, recognise
from bot.lists.blocks import ITEM
from bot.lists.entry import Entry, Fields, Reading, Slot
from bot.lists.inline import is_symbol, scan_links

_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+")
_CHECKBOX = re.compile(r"\[[ xX]\][ \t]+")
_SHORTCODE = re.compile(r":[a-z0-9_+-]{1,30}:")
# A hidden note on an entry's line: "[//]: #06/28" (the day it was added), "<!-- ... -->".
_COMMENT = re.compile(r"\[//\]:[ \t]*#[^\n]*|<!--[^\n]*?-->")
# An entry's own anchor for the list's table of contents: ``<a name="x"></a>``, ``<a id="x"></a>``
# before the title, or ``<span id="x">`` ... ``</span>`` around it. Its name is the entry's
# alone, so a new entry is written without one.
_ANCHOR = re.compile(
    r"<a[ \t]+(?:name|id)[ \t]*=[ \t]*(?P<q>[\"'])[^\"'\n]*(?P=q)[ \t]*>[ \t]*</a[ \t]*>[ \t]*"
    r"|<span[ \t]+id[ \t]*=[ \t]*(?P<s>[\"'])[^\"'\n]*(?P=s)[ \t]*>"
    r"(?P<inside>[^<\n]*?)(?P<close></span[ \t]*>)",
    re.IGNORECASE,
)

# A figure on lines of its own inside an entry (under its title), perhaps in a centring
# block: "  <div align="center">\n    <img src="./assets/image_7.png">\n  </div>". It is
# the paper's own figure, so a new entry is written without it (and the blank lines it
# stood between are one).
_FIGURE = re.compile(
    r"\n[ \t]*\n(?:[ \t]*<(?P<tag>div|p|center)\b[^>\n]*>[ \t]*\n)?[ \t]*"
    r"(?:<img\b[^>\n]*>|!\[[^\]\n]*\]\([^)\s]*\))[ \t]*(?(tag)\n[ \t]*</(?P=tag)[ \t]*>)"
    r"(?=[ \t]*\n[ \t]*\n)",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=4096)
def read_entry(text: str, kind: str, columns: tuple[str, ...] = ()) -> Entry | None:
    """The fields and layout of one entry's text, or None when it names no title.

    ``kind`` is ``item``, ``paragraph``, ``heading``, ``row`` (a pipe-table row)
    or ``html-row``; ``columns`` are a row's column roles (see ``tables``). Entries
    are immutable and a file is read again after each edit: the last few thousand
    entries read are kept.
    """
    reading = Reading(text, links=scan_links(text))
    for comment in _COMMENT.finditer(text):  # the entry's own note, never a new entry's
        reading.claim(comment.start(), comment.end(), Slot("text", "comment"), comment.group(0))
    for figure in _FIGURE.finditer(text):
        reading.claim(figure.start(), figure.end(), Slot("text", "figure"), figure.group(0))
    for anchor in _ANCHOR.finditer(text):
        opening_end = anchor.start("inside") if anchor.group("close") else anchor.end()
        opening = text[anchor.start() : opening_end]
        reading.claim(anchor.start(), opening_end, Slot("text", "anchor"), opening)
        if anchor.group("close"):
            closing = Slot("text", "anchor end")
            reading.claim(anchor.start("close"), anchor.end(), closing, anchor.group("close"))
    if kind in ("row", "html-row"):
        found = cells.read_cells(reading, columns, html=kind == "html-row")
    else:
        found = _read_block(reading, kind)
    if not found or (not reading.has("title") and not reading.has("nickname")):
        return None
    entry = _entry(reading, kind)
    if not re.search(r"\w", entry.fields.title + (entry.fields.nickname or "")):
        return None  # "| ... | ... |": a row that says the table goes on, no paper
    return entry


def _read_block(reading: Reading, kind: str) -> bool:
    text = reading.text
    position = 0
    if kind == "item":
        marker = ITEM.match(text)
        if marker is None:
            return False
        if marker.group("num"):
            reading.claim(
                marker.start("num"), marker.end("num"), Slot("number"), int(marker.group("num"))
            )
        position = marker.end()
    elif kind == "heading":
        heading = _HEADING.match(text)
        if heading is None:
            return False
        position = heading.end()
    else:  # an indented paragraph (a link paragraph under a category bullet): layout
        position = len(text) - len(text.lstrip(" \t"))
    checkbox = _CHECKBOX.match(text, position)
    if checkbox:
        position = checkbox.end()
    position = _past_anchor(text, _past_decoration(text, position))
    position = recognise.read_bold_label(reading, recognise.read_leading_tags(reading, position))
    position = recognise.read_nickname(reading, position)
    if kind == "heading":
        title_end = recognise.read_title(reading, position, heading=True)
        if title_end is not None:  # its notes are no fields
            citation.claim_runs(reading, _NOTE_ITEM.finditer(reading.text, title_end), "notes")
    else:
        position = recognise.read_plain_prefix(reading, position)
        cited = recognise.read_authors_year(reading, position)
        position = cited or position
        title_end = (cited and recognise.read_italic_title(reading, position)) or (
            recognise.read_marked_title(reading, position)
        )
        if title_end is None:  # ("**MemVLT**: Jane Doe, Bo Li.<br />" before the title too)
            after_names = recognise.read_authors_first(reading, position)
            if after_names is not None:
                title_end = recognise.read_title(reading, after_names)
        if title_end is None:
            title_end = recognise.read_name_before_link(reading, position)
        if title_end is None:
            title_end = recognise.read_plain_title(reading, position)
    if title_end is None:
        if not reading.has("nickname"):
            return False
        title_end = position  # "<u>CommonCrawl</u>: [[Source](...)]": a name, no title
    citation.claim_runs(reading, _QUOTED_NOTE.finditer(text, title_end), "notes")
    recognise.read_tail(reading, title_end, len(text))
    return True


# A quoted line under the entry ("> 用小波变换代替傅立叶变换 ..."): the maintainer's notes on it.
_QUOTED_NOTE = re.compile(r"(?<=\n)[ \t]*>[^\n]*")


# A numbered or bulleted line under a heading entry that links nowhere and names no field
# ("1. **certified defense** for *attack detection*"): the maintainer's notes on the paper.
_NOTE_ITEM = re.compile(
    r"^[ \t]*(?:\d{1,3}[.)]|[-*+])[ \t]+(?![^\n:：]{1,30}[:：])(?![^\n]*(?:https?://|\]\())"
    r"[^\n]*\S",
    re.MULTILINE,
)


def _past_anchor(text: str, position: int) -> int:
    """Past the entry's own anchor before its title (claimed as layout when the entry is read)."""
    anchor = _ANCHOR.match(text, position)
    if anchor is None:
        return position
    return anchor.start("inside") if anchor.group("close") else anchor.end()


def _past_decoration(text: str, position: int) -> int:
    """Past emoji and ``:fire:`` shortcodes before an entry's title (``- 🔥 **[Title](url)**``):
    the list's decoration, kept in the layout as written."""
    at = position
    while at < len(text):
        code = _SHORTCODE.match(text, at)
        if code:
            at = code.end()
        elif is_symbol(text[at]) or (text[at] in " \t" and at > position):
            at += 1
        else:
            break
    glued = at < len(text) and text[at] in "*_[<"  # "👍**Nick**": the markup follows at once
    return at if at > position and (text[at - 1] in " \t" or glued) else position


_BY = re.compile(r"(?<![^\s(,;])by[ \t]+$")


def _by_goes_with_names(layout: list[str | Slot]) -> None:
    """``(2022) by *Names*``: the "by" is the names' own, so that a paper without names
    has none left dangling."""
    for index, part in enumerate(layout[:-1]):
        after = layout[index + 1]
        if isinstance(part, str) and isinstance(after, Slot) and after.field == "authors":
            found = _BY.search(part)
            if found:
                layout[index] = part[: found.start()]
                layout[index + 1] = replace(after, before=part[found.start() :] + after.before)


def _entry(reading: Reading, kind: str) -> Entry:
    values: dict[str, object] = {}
    urls: list[tuple[str, str]] = []
    texts: list[tuple[str, str]] = []
    forms: dict[tuple[str, str], object] = {}
    layout: list[str | Slot] = []
    at = 0
    for claim in sorted(reading.claims, key=lambda c: c.start):
        if claim.start > at:
            layout.append(reading.text[at : claim.start])
        layout.append(claim.slot)
        at = claim.end
        slot = claim.slot
        if claim.form is not None:
            forms.setdefault((slot.field, slot.key), claim.form)
        if slot.field == "url":
            urls.append((slot.key, str(claim.value)))
        elif slot.field == "text" and slot.key != "category":
            # (a spanned category cell belongs to the table, not to the row that opens it)
            texts.append((slot.key, str(claim.value)))
        elif slot.field == "venue":
            venue, year = cast("tuple[str, int | None]", claim.value)
            values.setdefault("venue", venue)
            if year is not None:
                values.setdefault("year", year)
        else:
            values.setdefault(slot.field, claim.value)
    if at < len(reading.text):
        layout.append(reading.text[at:])
    _by_goes_with_names(layout)
    fields = Fields(
        title=str(values.get("title") or ""),
        nickname=str(values.get("nickname") or ""),
        authors=values.get("authors"),  # type: ignore[arg-type]
        venue=str(values.get("venue") or ""),
        year=values.get("year"),  # type: ignore[arg-type]
        date=values.get("date"),  # type: ignore[arg-type]
        number=values.get("number"),  # type: ignore[arg-type]
        urls=tuple(urls),
        texts=tuple(texts),
    )
    return Entry(fields, tuple(layout), tuple(forms.items()), kind, reading.text)
