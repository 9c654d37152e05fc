"""Table rows: each cell read by the role its column's header gives it.

A row with as many cells as the header takes the header's roles; a row with
more or fewer (an extra cell, cells spanned from a row above, trailing cells
left out) keeps a column's role only where the cell's content fits it, and is
read by its content elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.lists import entry as e
from bot.lists.citation import ET_AL, authors_claim, generic_label, is_label, venue_name
from bot.lists.inline import Link, label_image, unescape
from bot.lists.recognise import read_marked_title, read_tail, read_title
from bot.lists.values import read_date, read_venue
from bot.lists.votes import EMPTY

_CODE_SPAN = re.compile(r"(?P<m>`+|\*\*|\*|_)(?P<v>[^`*_\s](?:.*[^`*_\s])?)(?P=m)")


def read_cells(reading: e.Reading, columns: Sequence[str], *, html: bool) -> bool:
    """Claim the fields of a table row, each cell read by its column's role.

    A row with as many cells as the header takes the header's roles; a row with
    more or fewer (an extra cell, or cells spanned from a row above) keeps a
    column's role only where the cell's content fits it, and is read by its
    content elsewhere.
    """
    from bot.lists.tables import cell_spans

    cells = cell_spans(reading.text, html=html)
    # An HTML row short of cells lacks its first ones (spanned from a row above, ``rowspan``);
    # a pipe row, its last ones ("| Title | arXiv | 2024-03 |" under five columns).
    if len(cells) > len(columns):
        roles = list(columns)
    else:
        roles = list(columns)[-len(cells) :] if html else list(columns)[: len(cells)]
    roles += ["?"] * (len(cells) - len(roles))
    # A row of another width keeps a role only where the content fits it; any row, where a
    # venue or date column holds links ("| Source |" cells: '"Title" [[paper](url)]'); a
    # row of the header's width, where a date column holds a venue (``_undated``).
    values = [reading.text[a:b].strip() for a, b, _ in cells]
    roles = [
        _fitting_role(value, role)
        if len(cells) != len(columns) or (role in ("venue", "date") and "](" in value)
        else _undated(value, role)
        for value, role in zip(values, roles, strict=True)
    ]
    if "title" not in roles:  # "| Date | Project |" over "| 25.03 | Title [[📑Paper]](url) |"
        for index, value in enumerate(values):
            if roles[index] == "links" and _titled_before_links(value):
                roles[index] = "title"
                break
    titled = [
        i for i, (a, b, _) in enumerate(cells) if roles[i] == "title" and _titled(reading.text[a:b])
    ]
    if titled:  # "| Work | ... | Paper |": the linked title is the title, the other a name
        roles = ["nickname" if r == "title" and i != titled[0] else r for i, r in enumerate(roles)]
    # The venue's and the date's own columns first: what the title's cell says after the
    # title ("[Title](url) (HuaWei, Enze Xie) | arXiv |") is then no venue.
    first = sorted(range(len(cells)), key=lambda i: roles[i] not in ("venue", "date"))
    for index in first:
        start, end, header = cells[index]
        if header:
            reading.claim(start, end, e.Slot("text", "category"), reading.text[start:end])
            continue
        _read_cell(reading, start, end, roles[index])
    return any(c.slot.field in ("title", "nickname") for c in reading.claims)


def _titled(value: str) -> bool:
    """A cell holding a title link (not a "[paper](url)" label, nor a link written on the
    paper's venue or identifier: "[ICML 2025](url)", "[arxiv:202503.01875](url)"): a long
    link text, or a short one in bold that names no kind of link ("[**Self-Rewarding
    Language Models**]")."""
    return any(
        (not is_label(text, url) and not _cited_as(text))
        or (text.startswith(("**", "__")) and not generic_label(text))
        for text, url in re.findall(r"\[([^\]]*)\]\(([^)]*)\)", value)
    )


def _titled_before_links(value: str) -> bool:
    """A title in plain words, then labelled links ("Reason-RFT: Reinforcement Fine-Tuning
    for Visual Reasoning [[📑Paper]](url)[[🖥️Code]](url)", under a column named
    "Project"): three words or more before the first link, every link a label."""
    links = re.findall(r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(([^)]*)\)", value)
    head = value.split("[", 1)[0]
    return (
        bool(links)
        and all(is_label(text, url) for text, url in links)
        and len(re.findall(r"[^\W\d_]{2,}", head)) >= 3
    )


def _cited_as(text: str) -> bool:
    """Is a link's text the paper's venue and year or its identifier, no title?"""
    inner = text.strip()
    return _named_venue(inner.strip("[]")) is not None or _IDENTIFIER.fullmatch(inner) is not None


def _named_venue(label: str) -> tuple[str, int, str] | None:
    """``label`` read as a venue's name and its year (``ICML 2025``, ``arXiv 2025``), or
    None (no year, or more than a name: a title with a year in it)."""
    venue, year, form = read_venue(unescape(label))
    if year is None or not re.fullmatch(r"[A-Za-z][\w&.' -]{0,30}", venue):
        return None
    return venue, year, form


# An identifier as a link's text: "arxiv:202503.01875", "arXiv:2503.01875", "doi:10.1/x".
# A name in plain words before a cell's labelled links (up to the bracket of "[[data](url)]").
_NAME_BEFORE = re.compile(r"[ \t]*(?P<n>[A-Za-z0-9][\w.+-]*(?:[ \t][\w.+-]+){0,4})[ \t]*\[?")
_IDENTIFIER = re.compile(r"(?i)(?:arxiv|doi)[ :]*\S+|10\.\d{4,}/\S+|\d{4}\.\d{4,5}(?:v\d+)?")


def _undated(value: str, role: str) -> str:
    """A date column's cell holding a venue, not a date, is the venue's ("| Date |
    Published |" over "| 2024.5.20 | ICML 2024 |"); any other role as it is."""
    if role != "date" or value in ("", "-") or "](" in value or read_date(value) is not None:
        return role
    return "venue" if re.search(r"[A-Za-z]", value) else role


def _fitting_role(value: str, role: str) -> str:
    """``role`` if the cell's content fits it, else what the content looks like."""
    kind = role.partition(":")[0]
    links = re.findall(r"\[([^\]]*)\]\(([^)]*)\)", value)
    only_links = bool(links) and not re.sub(r"!?\[[^\]]*\]\([^)]*\)", "", value).strip()
    dated = read_date(value) is not None or re.fullmatch(r"(?:19|20)\d\d", value) is not None
    titled = _titled(value)
    fits = {
        "date": dated or not value,
        "links": (only_links and not titled) or value in ("", "-"),
        "title": titled,
        "venue": bool(value) and not links and not dated,
        "nickname": bool(value) and not links and not dated,
        "number": value.isdigit(),
    }
    if fits.get(kind) or kind in ("text", "authors"):
        return role
    if titled:
        return "title"
    if only_links:
        return "links"
    if dated:
        return "date"
    return "?"


def _venue_link(reading: e.Reading, link: Link) -> bool:
    """Claim a paper's link labelled with its venue and year alone (``[[arXiv 2025]](url)``,
    ``[EMNLP 2013](url)``): the venue, and the link as the paper's."""
    inner = link.text.strip()
    bracketed = inner.startswith("[") and inner.endswith("]")
    label = inner[1:-1] if bracketed else inner
    named = _named_venue(label)
    if named is None or link.kind != "markdown":
        return False
    venue, year, form = named
    at = link.text_start + link.text.index(label)
    reading.claim(at, at + len(label), e.Slot("venue"), (venue, year), form)
    reading.claim(link.url_start, link.url_end, e.Slot("url", "paper"), link.url)
    return True


def _own_page(link: Link) -> bool:
    """Does a title's link lead to the list's own page on the paper (``paper_list/X.md``),
    not to an anchor of the same page (``#section``)?"""
    return link.kind == "markdown" and "://" not in link.url and not link.url.startswith("#")


def _own_page_title(reading: e.Reading, link: Link) -> None:
    """``| [Title](paper_list/Title.md) | 2024.5.20 | ICML 2024 |``: the title, and the
    list's notes on it, where a new paper has none."""
    words = link.text
    lead = len(words) - len(words.lstrip())
    at, to = link.text_start + lead, link.text_start + len(words.rstrip())
    if at < to:
        reading.claim(at, to, e.Slot("title"), unescape(reading.text[at:to]))
    reading.claim(link.url_start, link.url_end, e.Slot("url", "notes"), link.url)


def _read_cell(reading: e.Reading, start: int, end: int, role: str) -> None:
    text = reading.text
    content = text[start:end]
    lead = len(content) - len(content.lstrip())
    start, end = start + lead, start + len(content.rstrip())
    value = text[start:end]
    if value in EMPTY:  # "| 无 |", "| N/A |": the list's word for a value it has not
        return
    kind, _, name = role.partition(":")
    link = next((x for x in reading.links if start <= x.start < end), None)
    if kind == "venue" and link is not None and _venue_link(reading, link):
        read_tail(reading, link.end, end)  # "| [ICML 2025](https://arxiv.org/abs/...) |"
        return
    wrapped = _CODE_SPAN.fullmatch(value)
    if wrapped and kind in ("date", "venue"):  # "| `2024.11` |": the value in its markup
        mark = wrapped.group("m")
        start, end = start + len(mark), end - len(mark)
        value = wrapped.group("v")
    else:
        mark = ""
    if kind in ("title", "nickname", "?") and not reading.has("title"):
        # The first link that is not an image nor an image's link: badges may stand before
        # the title ("| ![Star](badge) <br> [**Title**](url) <br> |", "[![Type](badge)]()").
        link = next(
            (
                x
                for x in reading.links
                if start <= x.start < end and not x.is_image and label_image(x.text) is None
            ),
            None,
        )
        if link is not None and _venue_link(reading, link):
            read_tail(reading, link.end, end)  # "| [[arXiv 2025]](url) |": where, and the link
            return
        if kind == "title" and _titled_before_links(text[start:end].strip()):
            at = read_title(reading, start)  # "| Title [[📑Paper]](url)[[🖥️Code]](url) |"
            if at is not None:
                read_tail(reading, at, end)
                return
        if link is not None and _IDENTIFIER.fullmatch(link.text.strip()):
            read_tail(reading, start, end)  # "| [arxiv:2412.11376](url) |": the paper's link
            return
        if link is not None and generic_label(link.text):
            # "| [paper](url) |": the name is in another column; '| "Title" [[paper](url)] |':
            # the title is the quoted text before the link
            at = read_marked_title(reading, start) if link.start > start else None
            named = _NAME_BEFORE.fullmatch(text, start, link.start) if at is None else None
            if named:  # "| MIMIC-CXR[[data](url)][[paper](url)] |": the name of what it links
                reading.claim(named.start("n"), named.end("n"), e.Slot("nickname"), named["n"])
                at = named.end()
            read_tail(reading, at if at is not None else start, end)
            return
        if link is not None and link.kind in ("markdown", "html"):
            bold = link.start - 2 >= start and text.startswith("**", link.start - 2)
            title_start = link.start - (2 if bold else 0)
            at = read_title(reading, title_start)
            if at is not None:
                named = _NAME_BEFORE.fullmatch(text, start, title_start)
                if named and ET_AL.search(text, start, title_start):
                    # "<td>Ke et. al <a href=...>[Title]</a></td>": who wrote it
                    names_end = start + len(text[start:title_start].rstrip())
                    authors_claim(reading, start, names_end, "", "")
                elif named and not re.search(r"\d{4}|\[", named.group(0)) and not venue_name(
                    named["n"]
                ):  # "<td>DiffSTG <a href=...>[Title]</a></td>": the method's name
                    slot = e.Slot("nickname")
                    reading.claim(named.start("n"), named.end("n"), slot, unescape(named["n"]))
                elif title_start > start:
                    read_tail(reading, start, title_start)  # the badges before it
                read_tail(reading, at, end)
                return
        if kind == "title":
            at = read_title(reading, start)
            if at is not None:
                read_tail(reading, at, end)
                return
        if kind == "title" and link is not None and _own_page(link):
            _own_page_title(reading, link)
            read_tail(reading, link.end, end)
            return
    if kind == "title" and reading.has("title"):  # "| Title | ... | Paper |": its links
        read_tail(reading, start, end)
        return
    if kind == "title":
        kind = "nickname"  # one word under "Title" ("SayCan"): a name
    plain_name = kind == "?" and re.fullmatch(r"[^<>\[\]()\n]{1,40}", value) is not None
    if plain_name and reading.has("nickname") and not reading.has("venue"):
        kind = "venue"  # "| NeurIPS DB |" after the name: the venue
    if kind == "nickname" or (plain_name and not reading.has("nickname")):
        strong = re.fullmatch(r"\*\*(?P<n>[^*]+)\*\*", value)
        inner = strong.group("n") if strong else re.sub(r"\*\*|__|[\"“”]", "", value)
        mark = "**" if strong else ""
        slot = e.Slot("nickname", "", mark, mark)
        reading.claim(start, end, slot, unescape(inner))
        return
    if kind == "date":
        read = read_date(value)
        around = (start - len(mark), end + len(mark))
        if read:
            reading.claim(*around, e.Slot("date", "", mark, mark), *read)
        elif re.fullmatch(r"(?:19|20)\d\d", value):
            reading.claim(*around, e.Slot("year", "", mark, mark), int(value), "{Y}")
        elif (found := read_venue(value))[1] is not None and found[0]:
            # "| 2020 · SIGIR |" under "Year / venue": a year and a venue.
            reading.claim(start, end, e.Slot("venue"), (unescape(found[0]), found[1]), found[2])
        return
    if kind == "venue" and (read := read_date(value)) and read[0][1] is not None:
        # "| Pub. & Date |" holding "CVPR, 2026" or, for a preprint, "Feb., 2026"
        reading.claim(start - len(mark), end + len(mark), e.Slot("date", "", mark, mark), *read)
        return
    if kind == "venue":
        venue, year, form = read_venue(value)
        slot = e.Slot("venue", "", mark, mark)
        reading.claim(start - len(mark), end + len(mark), slot, (unescape(venue), year), form)
        return
    if kind == "authors":
        authors_claim(reading, start, end, "", "")
        return
    if kind == "number":
        if value.isdigit():  # (not a row of "..." closing the table)
            reading.claim(start, end, e.Slot("number"), int(value))
        return
    if kind == "text":
        # (an <img> is the cell's content, a figure: not markup around it)
        opening = re.match(r"(?:<(?!img\b)[a-z][^>]*>)*", value, re.IGNORECASE)
        closing = re.search(r"(?:</[a-z]+\s*>)*$", value, re.IGNORECASE)
        inner_start = start + (opening.end() if opening else 0)
        inner_end = start + (closing.start() if closing else len(value))
        if inner_start <= inner_end:
            start, end = inner_start, inner_end  # "<sub>idea</sub>": the idea, in its tags
        reading.claim(start, end, e.Slot("text", name), reading.text[start:end])
        return
    read_tail(reading, start, end)
